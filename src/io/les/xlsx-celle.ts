/** Verdien i en xlsx-celle slik nh leser den, felles for strømleseren og den vanlige leseren (xlsx-les.ts). */
import type ExcelJS from 'exceljs';
import type { RaaCelle } from '../../domain/felles/felter.js';

export const FORMEL_UTEN_VERDI = Symbol('formel-uten-verdi');
export const FEILVERDI = Symbol('feilverdi');

export type Celle = RaaCelle | typeof FORMEL_UTEN_VERDI | typeof FEILVERDI;
/** En rad med Excel-radnummeret og cellenes verdier (kolonne A først). */
export type Rad = { nr: number; celler: Celle[] };

/** Radens verdier med en gang: exceljs' Row- og Cell-objekter holdes ikke i minnet (34 000 rader = mye søppel). */
export function radVerdier(row: ExcelJS.Row): Rad {
  const celler: Celle[] = [];
  for (let k = 1; k <= row.cellCount; k++) celler.push(celleVerdi(row.getCell(k)));
  return { nr: row.number, celler };
}

/** Kolonne 1 → «A», 28 → «AB» (adressen i en feilmelding når kolonnen ikke har overskrift). */
export function celleAdresse(kolonne: number, rad: number): string {
  let bokstaver = '';
  for (let k = kolonne; k > 0; k = Math.floor((k - 1) / 26))
    bokstaver = String.fromCharCode(65 + ((k - 1) % 26)) + bokstaver;
  return `${bokstaver}${rad}`;
}

function celleVerdi(c: ExcelJS.Cell): Celle {
  const v = c.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) return objektVerdi(c, v as Record<string, unknown>);
  return primitiv(v, c.numFmt);
}

/** En celle der exceljs gir et objekt: formel, feil, rik tekst eller hyperlenke (`text`). */
function objektVerdi(c: ExcelJS.Cell, o: Record<string, unknown>): Celle {
  // `c.result`, ikke `c.value.result`: exceljs' value dropper et lagret resultat som er 0 (eller NaN).
  if ('formula' in o || 'sharedFormula' in o)
    return formelVerdi(String(o.formula ?? ''), (c as { result?: unknown }).result ?? o.result, c.numFmt);
  if ('error' in o) return FEILVERDI;
  if ('richText' in o && Array.isArray(o.richText))
    return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return String(o.text);
  return null;
}

/** En formelcelle: det lagrede resultatet, eller hvorfor det ikke finnes (felles for arkleseren i xlsx-ark.ts). */
export function formelVerdi(formel: string, resultat: unknown, numFmt: string | undefined): Celle {
  if (resultat === undefined || resultat === null) {
    // Et tomt tekstresultat («""») lagres som <v></v>, og exceljs leser det som «intet resultat». En formel som
    // kan gi "" (f.eks. nh sine egne «IF(F5=0,"",…)» i maltall-<år>.xlsx) leses derfor som tom celle.
    return formel.includes('""') ? null : FORMEL_UTEN_VERDI;
  }
  if (typeof resultat === 'object' && 'error' in resultat) return FEILVERDI;
  // Strømleseren gir et feilresultat (#VERDI!, #REF! …) som NaN: det er også en Excel-feil.
  if (typeof resultat === 'number' && Number.isNaN(resultat)) return FEILVERDI;
  return primitiv(resultat, numFmt);
}

/** Tallformat med timer/sekunder men uten dag og år: [t]:mm, t:mm, mm:ss (en varighet, ikke en dato). */
function erTidsformat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const f = numFmt.replace(/"[^"]*"/g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[hs]/i.test(f) && !/[dy]/i.test(f);
}

const EXCEL_NULL = Date.UTC(1899, 11, 30);

/** En tidscelle (exceljs gir Date fra 30.12.1899) → «7:30» (timer:minutter, også over 24), så timer kan lese den. */
function somVarighet(d: Date): string {
  const sek = Math.round((d.getTime() - EXCEL_NULL) / 1000);
  const t = Math.floor(sek / 3600);
  const m = Math.floor((sek % 3600) / 60);
  const s = sek % 60;
  return `${t}:${String(m).padStart(2, '0')}${s ? `:${String(s).padStart(2, '0')}` : ''}`;
}

/** En verdi eller et formelresultat: en tidscelle blir «7:30», et prosentformatert tall «75 %». */
export function primitiv(v: unknown, numFmt: string | undefined): RaaCelle {
  if (v instanceof Date) return erTidsformat(numFmt) && v.getTime() >= EXCEL_NULL ? somVarighet(v) : v;
  if (typeof v === 'number') {
    if (numFmt?.includes('%')) return `${Number((v * 100).toPrecision(12))} %`;
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  return String(v);
}
