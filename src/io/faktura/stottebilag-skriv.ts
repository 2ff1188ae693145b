/**
 * faktura/<periode>/bilag-stotte.csv — støttebilagene for måneden (issue 21 pkt. 4; programveileder 10.4 pkt. 1,
 * vedlegg 3 pkt. 4.1): debet kortsiktig gjeld (Sivas innovasjonstilskudd), kredit tilskuddsinntekt. Én rad per
 * bilagslinje; `bilagsnr` samler linjene. Skrives alltid av nh faktura (uavhengig av regnskapssystem), for å
 * føres for hånd eller importeres; PowerOffice-varianten skrives av poweroffice-skriv.ts. UTF-8 med BOM, «;»,
 * CRLF, desimalkomma, dd.mm.åååå.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { formatDato } from '../../domain/felles/dato.js';
import { noytraliser, skalertTekst } from '../../domain/felles/rapport.js';
import type { Bilag, Kontoer } from '../../domain/faktura/regnskapsbilag.js';

export const STOTTEBILAG_FIL = 'bilag-stotte.csv';
const STOTTEBILAG_KOLONNER = ['bilagsnr', 'bilagsdato', 'periode', 'konto', 'kontonavn', 'tekst', 'debet', 'kredit'];

function kontonavn(konto: number | undefined, k: Kontoer): string {
  if (konto === k.tilskuddsgjeld) return 'Kortsiktig gjeld: Sivas innovasjonstilskudd (ikke brukt)';
  if (konto === k.tilskuddsinntekt) return 'Tilskuddsinntekt: innovasjonsstøtte (GBER art. 28)';
  return '';
}

export function stottebilagCsv(periode: string, bilag: readonly Bilag[], k: Kontoer): string {
  const kr = (ore: number) => (ore ? skalertTekst(ore, 2, 100, 0) : '');
  const rader: string[][] = [STOTTEBILAG_KOLONNER];
  for (const b of bilag)
    for (const l of b.linjer)
      rader.push([
        b.nr,
        formatDato(b.dato),
        periode,
        String(l.konto ?? ''),
        kontonavn(l.konto, k),
        noytraliser(l.tekst),
        kr(Math.max(0, l.belop)),
        kr(Math.max(0, -l.belop)),
      ]);
  return '\uFEFF' + stringify(rader, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[;"\r\n]/ });
}

/**
 * Summen av støttebilagene i en skrevet bilag-stotte.csv: debet − kredit på kontoen for kortsiktig gjeld (øre),
 * eller null når filen ikke finnes. For årsrapportens kontroll mot registeret (issue 21 pkt. 4).
 */
export async function lesStottebilagSum(fil: string, tilskuddsgjeld: number): Promise<number | null> {
  let tekst: string;
  try {
    tekst = await readFile(fil, 'utf8');
  } catch {
    return null;
  }
  const rader = parse(tekst.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[];
  const ore = (s: string | undefined) => (s ? Math.round(Number(s.replace(/\s/g, '').replace(',', '.')) * 100) : 0);
  return rader.filter((r) => Number(r.konto) === tilskuddsgjeld).reduce((s, r) => s + ore(r.debet) - ore(r.kredit), 0);
}
