/**
 * Issue 19 pkt. 11: filene nh har med seg i pakken (docs/, fixtures/demo/, templates/), funnet fra der koden
 * ligger — så de finnes like godt etter `npm install -g` som i en klone. Koden ligger to nivåer under roten i alle
 * tre formene: src/io/ under test, dist/io/ fra tsc og dist/bunt/ (den samlede utgaven bin/nh.js kjører,
 * scripts/bunt.mjs). Andre moduler regner derfor ikke ut stier fra sin egen plassering, men bruker disse.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PAKKE_ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOCS_MAPPE = path.join(PAKKE_ROT, 'docs');
export const DEMO_MAPPE = path.join(PAKKE_ROT, 'fixtures', 'demo');
/** templates/: malene for xlsx- og CSV-filene nh skriver. */
export const MAL_MAPPE = path.join(PAKKE_ROT, 'templates');

export type Emne = { emne: string; tittel: string; fil: string };

/** Emnene i docs/ (filnavnet uten .md) med overskriften fra første linje. */
export async function docsEmner(): Promise<Emne[]> {
  const filer = (await readdir(DOCS_MAPPE)).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    filer.map(async (f) => {
      const forste = (await readFile(path.join(DOCS_MAPPE, f), 'utf8')).split('\n', 1)[0] ?? '';
      return {
        emne: f.replace(/\.md$/, ''),
        tittel: forste.replace(/^#\s*/, '').replace(/`/g, ''),
        fil: path.join(DOCS_MAPPE, f),
      };
    }),
  );
}

/** Alle filene i demo-arbeidsmappen (relative stier), for `nh init --demo`. */
export async function demoFiler(mappe = DEMO_MAPPE, under = ''): Promise<string[]> {
  const ut: string[] = [];
  for (const d of await readdir(path.join(mappe, under), { withFileTypes: true })) {
    const rel = path.join(under, d.name);
    if (d.isDirectory()) ut.push(...(await demoFiler(mappe, rel)));
    else ut.push(rel);
  }
  return ut.sort();
}
