/** EHF-filene i faktura/<periode>/ehf/ (uten å laste xmlbuilder2). */
import { readdir } from 'node:fs/promises';

export function ehfFilnavn(nr: string, orgnr: string, kreditnota: boolean): string {
  return `${nr}-${orgnr}${kreditnota ? '-kreditnota' : ''}.xml`;
}

/** Navnene på EHF-filene nh skriver (`<nr>-<orgnr>[-kreditnota].xml`) i en mappe. */
export async function finnEhfFiler(mappe: string): Promise<string[]> {
  return (await readdir(mappe).catch(() => [] as string[]))
    .filter((f) => /^\d+-\d{9}(-kreditnota)?\.xml$/.test(f))
    .sort();
}
