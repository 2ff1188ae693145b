/** EHF-filene i faktura/<periode>/ehf/ (uten å laste xmlbuilder2). */
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Fjerner EHF-filene nh har skrevet i en mappe (`<nr>-<orgnr>[-kreditnota].xml`); gir navnene. */
export async function fjernEhfFiler(mappe: string): Promise<string[]> {
  const filer = (await readdir(mappe).catch(() => [] as string[])).filter((f) =>
    /^\d+-\d{9}(-kreditnota)?\.xml$/.test(f),
  );
  for (const f of filer) await unlink(path.join(mappe, f));
  return filer;
}
