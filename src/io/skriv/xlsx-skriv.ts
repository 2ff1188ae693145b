/**
 * xlsx etter mal (xlsx-mal.ts): kommandoen gir rader med domeneverdier. Formler (plassholderne i
 * xlsx-formel.ts) skrives med ferdig beregnet resultat, så filen viser tall også uten omregning, og
 * LibreOffice-testene regner dem om og sammenligner med --json.
 */
import type ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { somXlsxTall, type Celletype, type Celleverdi, type Rad } from '../../domain/felles/rapport.js';
import { tilUtcDate, type Dato } from '../../domain/felles/dato.js';
import { fastZipTid } from './zip-tid.js';
import { MAL_MAPPE } from '../pakke.js';
import type { Mal, MalArk, MalData, Parameter } from './xlsx-mal.js';
import {
  FORSTE_DATARAD,
  kolonneBokstav,
  loesFormel,
  OVERSKRIFTRAD,
  plasser,
  TITTELRAD,
  type Plassering,
} from './xlsx-formel.js';
import { dokumentinfo, leggPaaUtskrift, settDokument, settUtskrift, SKRIFT, SKRIFTSTORRELSE } from './xlsx-utskrift.js';

export { lesMal, type Mal, type Parameter } from './xlsx-mal.js';
export { kolonneBokstav } from './xlsx-formel.js';

export const FORMAT: Record<Celletype, string | undefined> = {
  tekst: undefined,
  belop: '#,##0.00',
  timer: '#,##0.00',
  prosent: '0.00%',
  dato: 'dd.mm.yyyy',
  heltall: '#,##0',
  nummer: '0', // år og radnumre: «2027», ikke «2 027»
  kurs: '0.0000',
  janei: undefined,
};

/** Skriv en verdi i en celle med riktig type og format. */
export function settCelle(c: ExcelJS.Cell, v: Celleverdi, type: Celletype): void {
  if (v === null || v === undefined || v === '') {
    c.value = null;
  } else if (type === 'tekst') {
    // Tekst skrives som tekstcelle (aldri formel), så ingen «'» trengs; vernet mot formelinjeksjon er for CSV.
    c.value = String(v);
  } else if (type === 'janei') {
    c.value = v ? 'ja' : 'nei';
  } else if (type === 'dato') {
    c.value = tilUtcDate(String(v) as Dato);
  } else {
    c.value = somXlsxTall(Number(v), type);
  }
  const fmt = FORMAT[type];
  if (fmt) c.numFmt = fmt;
}

const TITTELSKRIFT: Partial<ExcelJS.Font> = { name: SKRIFT, size: 14, bold: true };

export function stilOverskrift(rad: ExcelJS.Row): void {
  rad.font = { name: SKRIFT, size: SKRIFTSTORRELSE, bold: true, color: { argb: 'FFFFFFFF' } };
  rad.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  rad.alignment = { vertical: 'middle', wrapText: true };
  // Høyden settes etter antall linjer når boken lagres (xlsx-utskrift.ts).
}

/**
 * exceljs lastes først når en arbeidsbok bygges (issue 22 pkt. 8): lastingen koster ca. 0,2–0,3 s, og
 * `--forhandsvis` og --json uten filer skal ikke betale den.
 */
async function exceljs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** Bygger arbeidsboken fra mal og data. */
export async function byggArbeidsbok(mal: Mal, data: MalData): Promise<ExcelJS.Workbook> {
  const wb = new (await exceljs()).Workbook();
  wb.creator = 'nh';
  wb.calcProperties.fullCalcOnLoad = true;
  const vars = data.variabler ?? {};
  settDokument(wb, {
    tittel: erstattVariabler(mal.dokument?.tittel ?? mal.ark[0]?.navn ?? mal.navn, vars),
    ...(mal.dokument?.periode ? { periode: erstattVariabler(mal.dokument.periode, vars) } : {}),
    ...(vars.naeringshage ? { naeringshage: vars.naeringshage } : {}),
    ...(data.idag ? { idag: data.idag } : {}),
  });
  const plass = plasser(mal, data);
  for (const ark of mal.ark) {
    const ws = wb.addWorksheet(ark.navn, { views: [{ state: 'frozen', ySplit: OVERSKRIFTRAD }] });
    settUtskrift(ws, { tittelrader: [TITTELRAD, OVERSKRIFTRAD] });
    const tittel = erstattVariabler(ark.tittel ?? ark.navn, vars);
    ws.getCell(TITTELRAD, 1).value = tittel;
    ws.getCell(TITTELRAD, 1).font = TITTELSKRIFT;
    ws.getRow(TITTELRAD).height = 22;
    if (ark.type === 'parametre') skrivParametre(ws, data.parametre?.[ark.nokkel] ?? []);
    else skrivTabell(ws, ark, data.rader?.[ark.nokkel] ?? [], plass, mal);
  }
  return wb;
}

function skrivParametre(ws: ExcelJS.Worksheet, ps: Parameter[]): void {
  const hode = ws.getRow(OVERSKRIFTRAD);
  hode.values = ['Forutsetning', 'Verdi'];
  stilOverskrift(hode);
  ps.forEach((p, i) => {
    const r = FORSTE_DATARAD + i;
    ws.getCell(r, 1).value = p.etikett;
    settCelle(ws.getCell(r, 2), p.verdi, p.type);
    // Lange tekster (filnavn, avrundingsregler) brytes i cellen i stedet for å bli kuttet.
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  });
  ws.getColumn(1).width = 48;
  ws.getColumn(2).width = Math.min(
    60,
    Math.max(22, ...ps.map((p) => (p.type === 'tekst' ? String(p.verdi ?? '').length + 2 : 0))),
  );
}

function skrivTabell(ws: ExcelJS.Worksheet, ark: MalArk, rader: Rad[], plass: Map<string, Plassering>, mal: Mal): void {
  const hode = ws.getRow(OVERSKRIFTRAD);
  ark.kolonner.forEach((k, i) => {
    hode.getCell(i + 1).value = k.overskrift;
    // Overskriften brytes over to linjer, så halve lengden holder som bredde; xlsx-utskrift.ts gjør
    // kolonnen bredere om et ord i overskriften eller et tall ellers ikke får plass.
    ws.getColumn(i + 1).width = k.bredde ?? Math.max(12, Math.min(24, Math.ceil(k.overskrift.length / 2) + 3));
  });
  stilOverskrift(hode);
  const meg = plass.get(ark.nokkel)!;
  rader.forEach((rad, i) => {
    const r = FORSTE_DATARAD + i;
    ark.kolonner.forEach((k, j) => {
      const c = ws.getCell(r, j + 1);
      if (k.formel) {
        const formel = loesFormel(k.formel, r, ark.nokkel, plass, mal);
        const v = rad[k.nokkel];
        c.value = {
          formula: formel,
          result: v === null || v === undefined ? undefined : resultat(v, k.type),
        } as ExcelJS.CellFormulaValue;
        const fmt = FORMAT[k.type];
        if (fmt) c.numFmt = fmt;
      } else settCelle(c, rad[k.nokkel], k.type);
    });
  });
  if (meg.sumRad !== undefined) {
    const r = meg.sumRad;
    ws.getCell(r, 1).value = ark.sumEtikett ?? 'Sum';
    ws.getRow(r).font = { bold: true };
    ark.kolonner.forEach((k, j) => {
      if (!k.sum) return;
      const kol = kolonneBokstav(j + 1);
      const sum = rader.reduce((s, rad) => s + Number(rad[k.nokkel] ?? 0), 0);
      const c = ws.getCell(r, j + 1);
      c.value = {
        formula: rader.length ? `SUM(${kol}${FORSTE_DATARAD}:${kol}${r - 1})` : '0',
        result: resultat(sum, k.type),
      } as ExcelJS.CellFormulaValue;
      const fmt = k.sumFormat ?? FORMAT[k.type];
      if (fmt) c.numFmt = fmt;
    });
  }
}

function resultat(v: Celleverdi, type: Celletype): number | string | Date {
  if (type === 'dato') return tilUtcDate(String(v) as Dato);
  if (type === 'tekst') return String(v);
  return somXlsxTall(Number(v), type);
}

function erstattVariabler(s: string, vars: Record<string, string>): string {
  return s.replace(/\{(\w+)\}/g, (m, n: string) => vars[n] ?? m);
}

let versjon: string | undefined;
async function nhVersjon(): Promise<string> {
  versjon ??= (JSON.parse(await readFile(path.join(MAL_MAPPE, '..', 'package.json'), 'utf8')) as { version: string })
    .version;
  return versjon;
}

/**
 * Lagrer boken; utskriftsoppsett, topp-/bunntekst og skrift legges på hvert ark her (xlsx-utskrift.ts). Alle
 * tidsstempler i filen (opprettet/endret og hver oppføring i zip-en) er kjøringens «i dag» kl. 00:00 UTC, så
 * samme data samme dag gir byte for byte samme fil (issue 22 pkt. 6); uten «i dag» en fast dato.
 */
export async function arbeidsbokTilBuffer(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  leggPaaUtskrift(wb, await nhVersjon());
  const idag = dokumentinfo(wb)?.idag;
  const tid = new Date(`${idag ?? FAST_DATO}T00:00:00Z`);
  wb.created = tid;
  wb.modified = tid;
  return fastZipTid(new Uint8Array(await wb.xlsx.writeBuffer()), tid);
}

/** Tiden i en arbeidsbok uten «i dag» (f.eks. malene fra nh init uten dato). */
const FAST_DATO = '2026-01-01';
