/**
 * Tripletex-importen (docs/faktura.md har kolonnekartet og hvordan den importeres): «Ordreimport/fakturaimport»
 * med kolonnenavn som i Tripletex' beskrivelse av kolonnene, én rad per ordrelinje med fakturafeltene gjentatt,
 * datoer åååå-mm-dd, desimalpunktum, mva-kode 3 (25 %). UTF-8 med BOM, «;», CRLF; tekst som begynner med
 * = + - @ får «'» foran. PowerOffice-filene skrives av poweroffice-skriv.ts.
 */
import { stringify } from 'csv-stringify/sync';
import { noytraliser, skalertTekst } from '../../domain/felles/rapport.js';
import type { Importfaktura } from '../../domain/faktura/fakturaimport.js';

const BOM = '\uFEFF';
const csv = (rader: string[][]) =>
  BOM + stringify(rader, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[;"\r\n]/ });
const t = (s: string | undefined) => (s ? noytraliser(s) : '');
/** øre/hundredeler → «1234.50» / «-1» (punktum). */
const punktum = (n: number) => skalertTekst(n, 2, 100, 0).replace(',', '.');

const TRIPLETEX_KOLONNER = [
  'INVOICE NO',
  'INVOICE DATE',
  'DUE DATE',
  'KID',
  'ORDER NO',
  'ORDER DATE',
  'DELIVERY DATE',
  'CUSTOMER NO',
  'CUSTOMER NAME',
  'ORGANIZATION NO',
  'CUSTOMER EMAIL',
  'POSTAL ADDR - LINE 1',
  'POSTAL ADDR - POSTAL NO',
  'POSTAL ADDR - CITY',
  'POSTAL ADDR - COUNTRY',
  'REFERENCE NO',
  'COMMENTS',
  'CURRENCY',
  'ORDER LINE - PROD NO',
  'ORDER LINE - DESCRIPTION',
  'ORDER LINE - COUNT',
  'ORDER LINE - UNIT PRICE',
  'ORDER LINE - DISCOUNT',
  'ORDER LINE - VAT CODE',
] as const;

export function tripletexCsv(fakturaer: readonly Importfaktura[], mvaKode: string, produktnr = ''): string {
  const rader: string[][] = [[...TRIPLETEX_KOLONNER]];
  for (const f of fakturaer) {
    const k = f.kunde;
    for (const l of f.linjer) {
      rader.push([
        f.id.fakturanr ?? '',
        f.id.fakturadato,
        f.id.forfallsdato,
        f.id.kid ?? '',
        t(f.id.ordrereferanse),
        f.id.fakturadato,
        f.id.fakturadato,
        t(k.kundenummer),
        t(k.navn),
        k.orgnr,
        t(k.fakturaepost),
        t(k.adresse),
        t(k.postnr),
        t(k.poststed),
        k.adresse ? 'NO' : '',
        t(k.deresRef ?? k.dagligLeder),
        t(f.tekst),
        'NOK',
        t(produktnr),
        t(l.beskrivelse),
        punktum(l.antall),
        punktum(l.pris),
        '0',
        t(mvaKode),
      ]);
    }
  }
  return csv(rader);
}
