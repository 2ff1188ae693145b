/**
 * Leser arket med datasettets navn (store/små bokstaver, æøå og mellomrom teller ikke), ellers det eneste
 * synlige arket, i en xlsx-fil (flere synlige ark uten datasettets navn er en feil: nh gjetter ikke). Et skjult ark («hidden» eller «veryHidden») leses aldri stille: er arket med
 * datasettets navn skjult, er det en feil som sier det; ellers hoppes skjulte ark over. Formelceller gir sin
 * lagrede verdi; en formel uten lagret verdi (filen er ikke lagret av Excel) er en feil, for da
 * vet vi ikke tallet. Prosentformaterte tall leveres som «75 %» så prosentfeltet tolker dem riktig.
 */
import ExcelJS from 'exceljs';
import { stat } from 'node:fs/promises';
import { lesFil } from './tekstfil.js';
import { feil, InndataFeil, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import { normaliserNavn, type RaaCelle } from '../../domain/felles/felter.js';
import { MAKS_KOLONNER, type RaaTabell } from './raa-tabell.js';

export async function lesXlsxTabell(sti: string, fil: string, arknavn?: string): Promise<RaaTabell> {
  const st = await stat(sti);
  if (st.size === 0)
    throw new InndataFeil([
      feil('tom-fil', 'Excel-filen er tom (0 byte).', { fil }, { forventet: 'en xlsx-fil lagret fra Excel' }),
    ]);
  const wb = new ExcelJS.Workbook();
  const buf = await lesFil(sti);
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new InndataFeil([
      feil(
        'ugyldig-xlsx',
        'Filen kan ikke åpnes som Excel-arbeidsbok (skadet eller ikke xlsx).',
        { fil },
        { forventet: 'en .xlsx-fil lagret fra Excel' },
      ),
    ]);
  }
  const ws = velgArk(wb, fil, arknavn);
  const ark = ws.name;
  if (ws.columnCount > MAKS_KOLONNER) {
    throw new InndataFeil([
      feil(
        'for-mange-kolonner',
        `Arket har ${ws.columnCount} kolonner.`,
        { fil, ark },
        { forventet: `høyst ${MAKS_KOLONNER} kolonner` },
      ),
    ]);
  }
  const ds: Diagnostikk[] = [];
  let overskrifter: string[] | null = null;
  const rader: RaaCelle[][] = [];
  const radnr: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, nr) => {
    const celler: RaaCelle[] = [];
    const antall = Math.max(row.cellCount, overskrifter?.length ?? 0);
    for (let k = 1; k <= antall; k++) {
      const c = row.getCell(k);
      const v = celleVerdi(c);
      if (v === FORMEL_UTEN_VERDI) {
        ds.push(
          feil(
            'formel-uten-verdi',
            'Cellen har en formel uten lagret resultat.',
            { fil, ark, rad: nr, kolonne: overskrifter?.[k - 1] ?? c.address },
            { forventet: 'en verdi (åpne og lagre filen i Excel, eller lim inn som verdier)' },
          ),
        );
        celler.push(null);
      } else if (v === FEILVERDI) {
        ds.push(
          feil(
            'excel-feilverdi',
            'Cellen inneholder en Excel-feil (f.eks. #VERDI! eller #REF!).',
            { fil, ark, rad: nr, kolonne: overskrifter?.[k - 1] ?? c.address },
            { forventet: 'en gyldig verdi' },
          ),
        );
        celler.push(null);
      } else celler.push(v);
    }
    if (overskrifter === null) {
      overskrifter = celler.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
      return;
    }
    if (celler.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) return;
    rader.push(celler);
    radnr.push(nr);
  });
  if (ds.length) throw new InndataFeil(ds);
  if (overskrifter === null)
    throw new InndataFeil([feil('mangler-overskrift', 'Arket har ingen overskriftsrad.', { fil, ark, rad: 1 })]);
  return { fil, ark, overskrifter, radnr, rader };
}

function erSkjult(w: ExcelJS.Worksheet): boolean {
  return w.state === 'hidden' || w.state === 'veryHidden';
}

function velgArk(wb: ExcelJS.Workbook, fil: string, arknavn: string | undefined): ExcelJS.Worksheet {
  const navngitt = arknavn ? wb.worksheets.find((w) => normaliserNavn(w.name) === normaliserNavn(arknavn)) : undefined;
  if (navngitt && erSkjult(navngitt)) {
    throw new InndataFeil([
      feil(
        'skjult-ark',
        `Arket «${navngitt.name}» er skjult i Excel; nh leser ikke et skjult ark uten at du ser det.`,
        { fil, ark: navngitt.name },
        {
          forventet: 'et synlig ark (høyreklikk på en arkfane → Vis), eller dataene på et synlig ark',
        },
      ),
    ]);
  }
  const synlige = wb.worksheets.filter((w) => !erSkjult(w));
  // Issue 11 pkt. 13: flere synlige ark og ingen med datasettets navn — det første kan være en gammel kopi.
  if (!navngitt && arknavn && synlige.length > 1) {
    throw new InndataFeil([
      feil(
        'flere-ark',
        `Arbeidsboken har flere synlige ark (${synlige.map((w) => `«${w.name}»`).join(', ')}) og ingen som heter «${arknavn}»; nh vet ikke hvilket som har dataene.`,
        { fil },
        {
          forventet: `gi arket med dataene navnet «${arknavn}» (eller slett eller skjul de andre arkene)`,
        },
      ),
    ]);
  }
  const ws = navngitt ?? synlige[0];
  if (ws) return ws;
  if (wb.worksheets.length === 0)
    throw new InndataFeil([feil('mangler-ark', 'Arbeidsboken har ingen regneark.', { fil })]);
  throw new InndataFeil([
    feil(
      'skjult-ark',
      `Alle arkene i arbeidsboken er skjult (${wb.worksheets.map((w) => `«${w.name}»`).join(', ')}).`,
      { fil },
      {
        forventet: arknavn ? `et synlig ark, helst med navnet «${arknavn}»` : 'et synlig ark',
      },
    ),
  ]);
}

const FORMEL_UTEN_VERDI = Symbol('formel-uten-verdi');
const FEILVERDI = Symbol('feilverdi');

function celleVerdi(c: ExcelJS.Cell): RaaCelle | typeof FORMEL_UTEN_VERDI | typeof FEILVERDI {
  const v = c.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null) {
        // Et tomt tekstresultat («""») lagres som <v></v>, og exceljs leser det som «intet resultat». En formel som
        // kan gi "" (f.eks. nh sine egne «IF(F5=0,"",…)» i maltall-<år>.xlsx) leses derfor som tom celle.
        const formel = String(o.formula ?? '');
        return formel.includes('""') ? null : FORMEL_UTEN_VERDI;
      }
      if (typeof o.result === 'object' && o.result !== null && 'error' in (o.result as object)) return FEILVERDI;
      return primitiv(o.result, c.numFmt);
    }
    if ('error' in o) return FEILVERDI;
    if ('richText' in o && Array.isArray(o.richText))
      return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('text' in o) return String(o.text);
    return null;
  }
  return primitiv(v, c.numFmt);
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

function primitiv(v: unknown, numFmt: string | undefined): RaaCelle {
  if (v instanceof Date) return erTidsformat(numFmt) && v.getTime() >= EXCEL_NULL ? somVarighet(v) : v;
  if (typeof v === 'number') {
    if (numFmt?.includes('%')) return `${Number((v * 100).toPrecision(12))} %`;
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v;
  return String(v);
}
