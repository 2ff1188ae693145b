/**
 * Global oppsett for vitest (én gang per kjøring, i hovedprosessen):
 * - bygg dist/ (tsc, så dist/bunt/) når en kildefil er nyere enn forrige bygg, så testene som starter binæret
 *   (krasj, TTY, samtidighet) aldri kjører en gammel utgave — og ingen tsc-runde når ingenting er endret (som i CI, der
 *   `npm run build` alt har kjørt);
 * - start én LibreOffice-tjener for alle testfilene (test/libreoffice-tjener.ts): én oppstart for mange filer;
 * - legg testenes midlertidige mapper i minnet når det går (tempIMinnet).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statfsSync, statSync } from 'node:fs';
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

/** Som `npm run build`: tsc, så scripts/bunt.mjs (dist/bunt/, som bin/nh.js kjører). */
function bygg(): void {
  const bunt = path.join(ROT, 'dist', 'bunt', 'main.js');
  if (existsSync(bunt) && statSync(bunt).mtimeMs >= nyesteKilde()) return;
  const kjor = (...args: string[]) => execFileSync(process.execPath, args, { cwd: ROT, stdio: 'inherit' });
  kjor(path.join(ROT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json');
  kjor(path.join(ROT, 'scripts', 'bunt.mjs'));
}

/**
 * Testenes midlertidige mapper i minnet (/dev/shm) når det finnes og har plass: testene lager og sletter tusenvis av
 * små filer (en kopi av demoen per test, fsync ved hver skriving), og på en virtuell disk kostet det ca. 7 s av
 * kjøringen. Satt før arbeiderne, LibreOffice og binærene startes, så alle arver TMPDIR (os.tmpdir()).
 * Ellers (Windows, macOS, en liten /dev/shm i en container): systemets temp-mappe som før.
 */
function tempIMinnet(): (() => void) | null {
  const shm = '/dev/shm';
  try {
    const fs = statfsSync(shm);
    if (fs.bavail * fs.bsize < 1024 ** 3) return null;
    const dir = mkdtempSync(path.join(shm, 'nh-test-'));
    const forrige = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    return () => {
      if (forrige === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = forrige;
      rmSync(dir, { recursive: true, force: true });
    };
  } catch {
    return null;
  }
}

export default async function oppsett(project: TestProject): Promise<() => Promise<void>> {
  bygg();
  const ryddTemp = process.platform === 'linux' ? tempIMinnet() : null;
  const soffice = finnSoffice();
  const lo = soffice ? await startLibreOfficeTjener(soffice) : null;
  project.provide('libreoffice', lo?.url ?? '');
  return async () => {
    if (lo && process.env.NH_LO_RUNDER) console.log(`LibreOffice: ${lo.runder()} oppstarter`);
    await lo?.lukk();
    ryddTemp?.();
  };
}
