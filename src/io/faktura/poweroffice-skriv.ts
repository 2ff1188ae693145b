/**
 * PowerOffice Go «Standardimport» (Meny › Import › Standardimport; .xlsx eller semikolon-CSV). Cellen over og til
 * venstre for tabellen sier hva filen er (PowerOffice' artikler «Bilagsimport» og «Ordreimport»):
 *  - `[Vouchers]` — bilag; utgående fakturaer er bilagstype 2 med nøyaktig én reskontrolinje per bilag. Kolonnene
 *    har navnene fra PowerOffice' importlinje i API-eksempelet (CustomerInvoicesImport: DocumentNumber,
 *    DocumentDate, PostingDate, CustomerCode, InvoiceNo, Cid, DueDate, Reference, AccountNumber, VatCode, Amount,
 *    CurrencyCode, CurrencyAmount, Quantity, ProductCode, Description); linjene med samme DocumentNumber er ett bilag.
 *  - `[Orders]` — ordreutkast; første rad per ordre er hodet, radene under er salgslinjene. Ordrenummeret er et
 *    tall, produktkoden er påkrevd (PowerOffice tar konto og mva fra produktet; en linje uten produkt er en
 *    tekstlinje), og ordren har ingen fakturafelt (PowerOffice tildeler nummer, KID og forfall).
 * Filbeskrivelsen PowerOffice lenker til, var ikke tilgjengelig: kolonnenavnene står på sjekklisten i
 * docs/faktura.md og i utdata. UTF-8 med BOM, «;», CRLF, desimalkomma, dd.mm.åååå; tekst som begynner med
 * = + - @ får «'» foran.
 */
import { stringify } from 'csv-stringify/sync';
import { formatDato, type Dato } from '../../domain/felles/dato.js';
import { noytraliser, skalertTekst } from '../../domain/felles/rapport.js';
import type { Bilag } from '../../domain/faktura/regnskapsbilag.js';

const BOM = '\uFEFF';
const csv = (rader: string[][]) =>
  BOM + stringify(rader, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[;"\r\n]/ });
const t = (s: string | undefined) => (s ? noytraliser(s) : '');
/** øre/hundredeler → «1234,50» / «-1» (desimalkomma, uten tusenskille). */
const komma = (n: number) => skalertTekst(n, 2, 100, 0);
const dato = (d: Dato | undefined) => (d ? formatDato(d) : '');

const POWEROFFICE_BILAG_KOLONNER = [
  'VoucherType',
  'DocumentNumber',
  'DocumentDate',
  'PostingDate',
  'CustomerCode',
  'InvoiceNo',
  'Cid',
  'DueDate',
  'Reference',
  'AccountNumber',
  'VatCode',
  'Amount',
  'CurrencyCode',
  'CurrencyAmount',
  'Quantity',
  'Description',
] as const;

type Bilagslinje = Bilag['linjer'][number];

/** Kundefeltene (CustomerCode … Reference) fylles bare på reskontrolinjen; de andre linjene har dem tomme. */
function reskontrofelt(b: Bilag, l: Bilagslinje): string[] {
  if (l.kundekode === undefined) return ['', '', '', '', ''];
  return [t(l.kundekode), b.fakturanr ?? '', b.kid ?? '', dato(b.forfall), t(b.referanse)];
}

function bilagsrad(b: Bilag, l: Bilagslinje, bilagstype: '2' | ''): string[] {
  return [
    bilagstype,
    b.nr,
    dato(b.dato),
    dato(b.dato),
    ...reskontrofelt(b, l),
    l.konto === undefined ? '' : String(l.konto),
    l.mvaKode ?? '',
    komma(l.belop),
    'NOK',
    komma(l.belop),
    l.antall === undefined ? '' : komma(l.antall),
    t(l.tekst),
  ];
}

/** Bilagstypen: 2 = utgående faktura (PowerOffice «Bilagsimport»); tom = vanlig bilag (støttebilaget). */
export function powerofficeBilagCsv(bilag: readonly Bilag[], bilagstype: '2' | ''): string {
  const rader: string[][] = [['[Vouchers]'], [...POWEROFFICE_BILAG_KOLONNER]];
  for (const b of bilag) {
    for (const l of b.linjer) rader.push(bilagsrad(b, l, bilagstype));
  }
  return csv(rader);
}

type Ordrelinje = { produktkode: string; beskrivelse: string; antall: number; pris: number };
export type Ordre = {
  ordrenr: string;
  dato: Dato;
  kundekode: string;
  kundenavn: string;
  orgnr: string;
  referanse?: string | undefined;
  kommentar: string;
  linjer: Ordrelinje[];
};

const POWEROFFICE_ORDRE_HODE = [
  'OrderNo',
  'OrderDate',
  'CustomerCode',
  'CustomerName',
  'CustomerOrgNo',
  'CustomerReference',
  'Comment',
] as const;
const POWEROFFICE_ORDRE_LINJE = ['ProductCode', 'Description', 'Quantity', 'OrderLineUnitPrice'] as const;

/** PowerOffice `[Orders]`: ordrehodet på første rad, salgslinjene under (hodefeltene til venstre). */
export function powerofficeOrdreCsv(ordrer: readonly Ordre[]): string {
  const rader: string[][] = [['[Orders]'], [...POWEROFFICE_ORDRE_HODE, ...POWEROFFICE_ORDRE_LINJE]];
  const tomHode = POWEROFFICE_ORDRE_HODE.map(() => '');
  for (const o of ordrer) {
    rader.push([
      o.ordrenr,
      dato(o.dato),
      t(o.kundekode),
      t(o.kundenavn),
      o.orgnr,
      t(o.referanse),
      t(o.kommentar),
      ...POWEROFFICE_ORDRE_LINJE.map(() => ''),
    ]);
    for (const l of o.linjer)
      rader.push([...tomHode, t(l.produktkode), t(l.beskrivelse), komma(l.antall), komma(l.pris)]);
  }
  return csv(rader);
}
