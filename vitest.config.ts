import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2 kjerner: begrens parallelle arbeidere så e2e-tester (barneprosesser, LibreOffice) ikke sulter hverandre.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
