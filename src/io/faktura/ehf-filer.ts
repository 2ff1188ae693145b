/** EHF- og PDF-filene i faktura/<periode>/ (uten å laste xmlbuilder2 eller pdfkit). */
import { readdir } from 'node:fs/promises';

export function ehfFilnavn(nr: string, orgnr: string, kreditnota: boolean): string {
  return `${nr}-${orgnr}${kreditnota ? '-kreditnota' : ''}.xml`;
}

export function pdfFilnavn(nr: string, orgnr: string): string {
  return `${nr}-${orgnr}.pdf`;
}

/** Navnene på EHF-filene nh skriver (`<nr>-<orgnr>[-kreditnota].xml`) i en mappe. */
export async function finnEhfFiler(mappe: string): Promise<string[]> {
  return (await readdir(mappe).catch(() => [] as string[]))
    .filter((f) => /^\d+-\d{9}(-kreditnota)?\.xml$/.test(f))
    .sort();
}
