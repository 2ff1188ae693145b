/** nh årsrapport: felles visning av måltallene (tekst, --json, csv og xlsx). */
import type ExcelJS from 'exceljs';
import { formatProsent } from '../../../domain/felles/penger.js';
import { skalertTekst, type Rad } from '../../../domain/felles/rapport.js';
import { TOLKNINGER, type MaltallRad, type Periode } from '../../../domain/maltall/maltall.js';
import { SIVA_MINIMUM_INNOVASJONSSTOTTE } from '../../../domain/maltall/definisjoner.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import type { Mal, Parameter } from '../../../io/skriv/xlsx-skriv.js';
import { naeringshageOgTolkninger, pst } from '../felles.js';
import type { Data } from './data.js';

/** Avvik mellom to andeler er prosentpoeng (Språkrådet: «%-poeng»), ikke prosent: «+5,00 %-poeng». */
const PROSENTPOENG = '+0.00%"-poeng";-0.00%"-poeng";0.00%"-poeng"';

// ————— Felles visning av måltall —————

const ENHET_TEKST = { antall: 'antall', andel: 'andel (%)' } as const;

/** Antall som tall, andel (ppm) som prosent med inntil fire desimaler; null = kan ikke beregnes. */
function verdiJson(v: number | null, enhet: 'antall' | 'andel'): number | null {
  if (v === null) return null;
  return enhet === 'andel' ? pst(v) : v;
}
export function verdiTekst(v: number | null, enhet: 'antall' | 'andel'): string {
  if (v === null) return '–';
  return enhet === 'andel' ? formatProsent(v) : String(v);
}
/** I csv: prosenttall for andeler («91,3043»), heltall for antall — samme form som målfilen leses i. */
export function verdiCsv(v: number | null, enhet: 'antall' | 'andel'): string {
  if (v === null) return '';
  return enhet === 'andel' ? skalertTekst(v, 4, 10_000) : String(v);
}
/** I xlsx: andel som brøk (formatert som prosent), antall som tall. */
function verdiXlsx(v: number | null, enhet: 'antall' | 'andel'): number | null {
  if (v === null) return null;
  return enhet === 'andel' ? v / 1_000_000 : v;
}

export function maltallJson(r: MaltallRad, verdiNavn: 'grunnlag' | 'resultat') {
  const e = r.def.enhet;
  return {
    id: r.def.id,
    omrade: r.def.omrade,
    maltall: r.def.navn,
    enhet: e,
    [verdiNavn]: verdiJson(r.maaling.verdi, e),
    teller: r.maaling.teller,
    nevner: r.maaling.nevner,
    mal: verdiJson(r.mal, e),
    ...(verdiNavn === 'resultat' ? { avvik: verdiJson(r.avvik, e) } : {}),
    ...(r.def.minimum !== undefined ? { sivasMinimum: pst(r.def.minimum) } : {}),
    merknad: r.maaling.merknad ?? null,
    kommentar: r.kommentar ?? null,
    hjelpetekst: r.def.hjelpetekst,
    definisjon: r.def.definisjon,
    bedrifter: r.maaling.bedrifter ?? null,
  };
}

/** xlsx-rad for et måltall: andeler som brøk, og kolonnene som får prosentformat per rad etterpå. */
export function maltallXlsxRad(r: MaltallRad): Rad {
  const e = r.def.enhet;
  return {
    id: r.def.id,
    omrade: r.def.omrade,
    navn: r.def.navn,
    enhet: ENHET_TEKST[e],
    teller: r.maaling.teller,
    nevner: r.maaling.nevner,
    grunnlag: verdiXlsx(r.maaling.verdi, e),
    resultat: verdiXlsx(r.maaling.verdi, e),
    mal: verdiXlsx(r.mal, e),
    avvik: verdiXlsx(r.avvik, e),
    kommentar: r.kommentar ?? null,
    merknad: r.maaling.merknad ?? null,
    hjelpetekst: r.def.hjelpetekst,
    definisjon: r.def.definisjon,
  };
}

/**
 * Kolonnene med verdier får format per rad (prosent for andeler, heltall for antall), og en formel
 * som ikke kan beregnes får tomt resultat (ikke 0), så filen kan leses inn igjen.
 */
export function formaterMaltallArk(
  wb: ExcelJS.Workbook,
  mal: Mal,
  arkNokkel: string,
  rader: readonly MaltallRad[],
  verdiKolonner: string[],
): void {
  const ark = mal.ark.find((a) => a.nokkel === arkNokkel)!;
  const ws = wb.getWorksheet(ark.navn)!;
  rader.forEach((r, i) => {
    for (const nokkel of verdiKolonner) {
      const k = ark.kolonner.findIndex((x) => x.nokkel === nokkel);
      if (k < 0) continue;
      const c = ws.getCell(3 + i, k + 1);
      c.numFmt = tallformat(r.def.enhet, nokkel);
      tomtFormelresultat(c);
    }
    ws.getRow(3 + i).alignment = { vertical: 'top', wrapText: true };
  });
  tilpassRadhoyder(wb, mal, arkNokkel);
}

/** Andeler i prosent (avviket i prosentpoeng), antall som heltall. */
function tallformat(enhet: 'antall' | 'andel', nokkel: string): string {
  if (enhet !== 'andel') return '#,##0';
  return nokkel === 'avvik' ? PROSENTPOENG : '0.00%';
}

/** En formel uten beregnet resultat får tomt resultat (ikke 0), så filen kan leses inn igjen. */
function tomtFormelresultat(c: ExcelJS.Cell): void {
  const v = c.value as { formula?: string; result?: unknown } | null;
  if (v && typeof v === 'object' && 'formula' in v && (v.result === undefined || v.result === null)) {
    c.value = { formula: v.formula!, result: '' } as ExcelJS.CellFormulaValue;
  }
}

/**
 * Issue 16 pkt. 2: rader med tekst som brytes får høyde etter antall linjer (ikke fast 15 pt, så tekst ikke
 * overlapper). Linjer anslås som tegn / kolonnebredde per celle; høyeste celle bestemmer.
 */
export function tilpassRadhoyder(wb: ExcelJS.Workbook, mal: Mal, arkNokkel: string): void {
  const ark = mal.ark.find((a) => a.nokkel === arkNokkel)!;
  const ws = wb.getWorksheet(ark.navn)!;
  for (let r = 3; r <= ws.rowCount; r++) {
    const rad = ws.getRow(r);
    let linjer = 1;
    ark.kolonner.forEach((k, j) => {
      const v = rad.getCell(j + 1).value;
      if (typeof v !== 'string') return;
      // Linjeskift i teksten (f.eks. punktlisten i en ordrett hjelpetekst, 11.2) gir egne linjer.
      const bredde = Math.max(4, (k.bredde ?? 12) - 1);
      const n = v.split('\n').reduce((s, l) => s + Math.max(1, Math.ceil((l.length * 1.1) / bredde)), 0);
      linjer = Math.max(linjer, n);
    });
    rad.alignment = { vertical: 'top', wrapText: true };
    rad.height = 15 * linjer;
  }
}

/** Bytter overskriften (rad 2) i én kolonne, f.eks. når halvåret ikke har kortsiktig gjeld. */
export function settOverskrift(
  wb: ExcelJS.Workbook,
  mal: Mal,
  arkNokkel: string,
  kolonne: string,
  overskrift: string,
): void {
  const ark = mal.ark.find((a) => a.nokkel === arkNokkel)!;
  const k = ark.kolonner.findIndex((x) => x.nokkel === kolonne);
  wb.getWorksheet(ark.navn)!.getCell(2, k + 1).value = overskrift;
}

export function forutsetninger(
  am: Arbeidsmappe,
  p: Periode,
  data: Data,
  malFil: string | null,
  ekstra: Parameter[],
): Parameter[] {
  const fil = (n: string) => data.filer[n] ?? '(mangler)';
  return [
    ...ekstra,
    { nokkel: 'periodeFra', etikett: 'Periode fra', type: 'dato', verdi: p.fra },
    { nokkel: 'periodeTil', etikett: 'Periode til', type: 'dato', verdi: p.til },
    {
      nokkel: 'minimum',
      etikett: 'Sivas minimum, andel med innovasjonsstøtte (11.2)',
      type: 'prosent',
      verdi: SIVA_MINIMUM_INNOVASJONSSTOTTE,
    },
    { nokkel: 'malbedrifter', etikett: 'Målbedrifter', type: 'tekst', verdi: fil('malbedrifter') },
    { nokkel: 'stotteregister', etikett: 'Støtteregister', type: 'tekst', verdi: fil('stotteregister') },
    { nokkel: 'tiltak', etikett: 'Tiltak', type: 'tekst', verdi: fil('tiltak') },
    { nokkel: 'srl', etikett: 'SRL-vurderinger', type: 'tekst', verdi: fil('srl') },
    { nokkel: 'timer', etikett: 'Timer', type: 'tekst', verdi: fil('timer') },
    { nokkel: 'malFil', etikett: 'Egne mål', type: 'tekst', verdi: malFil ?? '(ingen)' },
    ...naeringshageOgTolkninger(am.config, TOLKNINGER),
  ];
}
