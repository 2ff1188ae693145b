/**
 * CSV som norsk Excel åpner riktig ved dobbeltklikk: UTF-8 med BOM, «;» som skilletegn, CRLF,
 * desimalkomma og dd.mm.åååå. Tekst som begynner med = + - @ nøytraliseres.
 */
import { stringify } from 'csv-stringify/sync';
import { noytraliser, somCsvTekst, type Kolonne, type Rad } from '../../domain/felles/rapport.js';

const BOM = '\uFEFF';

/** En celle som tekst; sifre i en `tekstIExcel`-kolonne som `="…"`, så Excel beholder 0 foran. */
function celle(v: Rad[string], k: Kolonne): string {
  const t = somCsvTekst(v, k.type);
  return k.tekstIExcel && /^\d+$/.test(t) ? `="${t}"` : t;
}

export function lagCsv(kolonner: readonly Kolonne[], rader: readonly Rad[]): string {
  // Overskrifter kan komme fra nh.json (faktura.csvKolonner) og nøytraliseres som verdiene.
  const data = [
    kolonner.map((k) => noytraliser(k.overskrift)),
    ...rader.map((r) => kolonner.map((k) => celle(r[k.nokkel], k))),
  ];
  return BOM + stringify(data, { delimiter: ';', record_delimiter: '\r\n', quoted_match: /[;"\r\n]/ });
}
