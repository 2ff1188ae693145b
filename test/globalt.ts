/**
 * Global oppsett for vitest (én gang per kjøring, i hovedprosessen):
 * - bygg dist/ når en kildefil er nyere enn forrige bygg, så testene som starter det ekte binæret (krasj, TTY,
 *   samtidighet) aldri kjører en gammel utgave — og ingen tsc-runde når ingenting er endret (som i CI, der
 *   `npm run build` alt har kjørt);
 * - start én LibreOffice-tjener for alle testfilene (test/libreoffice-tjener.ts): én oppstart for mange filer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startLibreOfficeTjener } from './libreoffice-tjener.js';
import { finnSoffice } from './soffice.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Adressen til LibreOffice-tjeneren, eller '' når LibreOffice ikke finnes. */
    libreoffice: string;
  }
}

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Nyeste endringstid blant filene tsc bygger fra. */
function nyesteKilde(): number {
  let nyest = statSync(path.join(ROT, 'tsconfig.json')).mtimeMs;
  for (const f of readdirSync(path.join(ROT, 'src'), { recursive: true, withFileTypes: true }))
    if (f.isFile()) nyest = Math.max(nyest, statSync(path.join(f.parentPath, f.name)).mtimeMs);
  return nyest;
}

function bygg(): void {
  const info = path.join(ROT, 'dist', '.tsbuildinfo');
  if (existsSync(info) && statSync(info).mtimeMs >= nyesteKilde()) return;
  execFileSync(process.execPath, [path.join(ROT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
    cwd: ROT,
    stdio: 'inherit',
  });
}

export default async function oppsett(project: TestProject): Promise<() => Promise<void>> {
  bygg();
  const soffice = finnSoffice();
  const lo = soffice ? await startLibreOfficeTjener(soffice) : null;
  project.provide('libreoffice', lo?.url ?? '');
  return async () => {
    if (lo && process.env.NH_LO_RUNDER) console.log(`LibreOffice: ${lo.runder()} oppstarter`);
    await lo?.lukk();
  };
}
