import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Bygger dist/ (bare når src er endret) og starter den ene LibreOffice-tjeneren (test/globalt.ts).
    globalSetup: ['test/globalt.ts'],
    setupFiles: ['test/oppsett.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // 2 kjerner: to arbeidere. De fleste e2e-testene kjører nh i samme prosess; bare noen få starter binæret.
    // Modulene deles mellom testfilene i samme arbeider: sparer importen av hele nh for hver fil. Det forutsetter
    // at ingen test endrer modultilstand (ingen vi.mock/vi.spyOn; nh holder kjøringens tilstand i prosess.ts).
    isolate: false,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
