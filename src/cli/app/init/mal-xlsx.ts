/**
 * nh init --xlsx: en tom mal per datasett med overskriftene en administrator leser, en kommentar per kolonne,
 * tallformat og inndatakontroll (issue 19 pkt. 5).
 */
import ExcelJS from 'exceljs';
import { overskrift, type DatasettDef } from '../../../domain/datasett/definisjon.js';
import { arbeidsbokTilBuffer, stilOverskrift, FORMAT } from '../../../io/skriv/xlsx-skriv.js';

const RADER_MED_KONTROLL = 2000;

/**
 * xlsx-malen: overskriftene en administrator leser, en kommentar per kolonne (hva, påkrevd eller ikke, eksempel,
 * lovlige verdier), tallformat og inndatakontroll per kolonne (ett område per kolonne, ikke 2 000 celler: malene
 * lages på et sekund i stedet for ti).
 */
export async function tomXlsx(def: DatasettDef): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(def.navn, { views: [{ state: 'frozen', ySplit: 1 }] });
  const hode = ws.getRow(1);
  Object.entries(def.kolonner).forEach(([nokkel, kol], i) => {
    const tittel = overskrift(nokkel, kol);
    hode.getCell(i + 1).value = tittel;
    hode.getCell(i + 1).note = hjelpetekst(kol);
    const kolonne = ws.getColumn(i + 1);
    kolonne.width = Math.max(14, tittel.length + 4);
    const fmt =
      kol.type === 'orgnr' || kol.type === 'epost' || kol.type === 'janei' ? '@' : kol.type && FORMAT[kol.type];
    if (fmt) kolonne.numFmt = fmt;
    const dv = validering(kol.type, kol.verdier);
    const bokstav = kolonne.letter;
    // Ett område per kolonne; exceljs støtter det, men typene kjenner ikke `dataValidations`.
    const dvs = (ws as unknown as { dataValidations: { add(adr: string, dv: ExcelJS.DataValidation): void } })
      .dataValidations;
    if (dv) dvs.add(`${bokstav}2:${bokstav}${RADER_MED_KONTROLL}`, dv);
  });
  stilOverskrift(hode);
  return arbeidsbokTilBuffer(wb);
}

/** Kommentaren på overskriften: det administratoren trenger for å fylle ut kolonnen. */
function hjelpetekst(kol: DatasettDef['kolonner'][string]): string {
  return [
    `${kol.paakrevd ? 'Påkrevd' : 'Valgfri'}. ${kol.beskrivelse}`,
    kol.verdier?.length ? `Lovlige verdier: ${kol.verdier.join(', ')}.` : '',
    `Eksempel: ${kol.eksempel}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function validering(
  type: string | undefined,
  verdier: readonly string[] | undefined,
): ExcelJS.DataValidation | undefined {
  const felles = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Ugyldig verdi' };
  if (verdier?.length)
    return {
      ...felles,
      type: 'list',
      formulae: [`"${verdier.join(',')}"`],
      error: `Velg en av: ${verdier.join(', ')}`,
    };
  switch (type) {
    case 'belop':
      return {
        ...felles,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: 'Skriv et beløp i kroner (0 eller mer).',
      };
    case 'timer':
      return {
        ...felles,
        type: 'decimal',
        operator: 'between',
        formulae: [0.01, 24],
        error: 'Timer mellom 0,01 og 24.',
      };
    case 'prosent':
      return { ...felles, type: 'decimal', operator: 'between', formulae: [0, 100], error: 'Prosent mellom 0 og 100.' };
    case 'heltall':
      return {
        ...felles,
        type: 'whole',
        operator: 'between',
        formulae: [2023, 2099],
        error: 'Et år mellom 2023 og 2099.',
      };
    case 'dato':
      return {
        ...felles,
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        error: 'Skriv en dato (dd.mm.åååå).',
      };
    case 'orgnr':
      return {
        ...felles,
        type: 'textLength',
        operator: 'equal',
        formulae: [9],
        error: 'Organisasjonsnummer har ni sifre.',
      };
    default:
      return undefined;
  }
}
