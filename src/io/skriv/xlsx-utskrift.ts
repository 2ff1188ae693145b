/**
 * Utskriftsoppsett for alle arbeidsbøker nh skriver, lagt på sentralt når boken lagres
 * (`arbeidsbokTilBuffer`): A4, liggende når arket er bredt, tilpasset én side i bredden, overskriftsradene
 * gjentatt på hver side, topptekst (næringshage, dokumenttittel og periode) og bunntekst («Side N av M»,
 * kjøredato og nh-versjon), eksplisitt skrift (Calibri) i alle stiler, og kolonnebredder og
 * overskriftshøyder tilpasset teksten. Et ark kan overstyre med `settUtskrift`.
 */
import type ExcelJS from 'exceljs';
import { formatDato, type Dato } from '../../domain/felles/dato.js';

/** Det som står i topp- og bunnteksten på hver side. */
export type Dokumentinfo = {
  naeringshage?: string;
  tittel: string;
  periode?: string;
  /** «I dag» fra kommandoen (NH_DATO i tester), aldri klokken her: filene skal bli like fra gang til gang. */
  idag?: Dato;
  versjon?: string;
};

/** Overstyringer per ark. */
export type Utskriftsvalg = {
  /** true/false tvinger retningen; ellers liggende når kolonnene er bredere enn en stående side. */
  liggende?: boolean;
  /** Radene som gjentas øverst på hver side, f.eks. [1, 2]; null = ingen. Standard: radene over frysingen. */
  tittelrader?: [number, number] | null;
  /** false = behold kolonnebreddene slik arket satte dem. */
  tilpassBredder?: boolean;
  /**
   * false = tekst i dataradene gjør ikke kolonnen bredere (den brytes i cellen); bare overskriftenes ord og
   * tall gjør det. For brede ark som skal leses i ≥ 70 % når de tilpasses sidebredden (måltallsarkene).
   */
  utvidForTekst?: boolean;
  /**
   * Fast skala i prosent i stedet for «én side bred»: Excel og LibreOffice overser manuelle sideskift når
   * utskriften skaleres til et antall sider (fakturagrunnlaget holder hver faktura på én side slik).
   */
  skala?: number;
};

export const SKRIFT = 'Calibri';
export const SKRIFTSTORRELSE = 11;

const dokumenter = new WeakMap<ExcelJS.Workbook, Dokumentinfo>();
const arkvalg = new WeakMap<ExcelJS.Worksheet, Utskriftsvalg>();

export function settDokument(wb: ExcelJS.Workbook, info: Dokumentinfo): void {
  dokumenter.set(wb, { ...dokumenter.get(wb), ...info });
  wb.title = info.tittel;
  if (info.naeringshage) wb.company = info.naeringshage;
}

export function dokumentinfo(wb: ExcelJS.Workbook): Dokumentinfo | undefined {
  return dokumenter.get(wb);
}

export function settUtskrift(ws: ExcelJS.Worksheet, valg: Utskriftsvalg): void {
  arkvalg.set(ws, { ...arkvalg.get(ws), ...valg });
}

/** Bredden (i Excel-tegn) en stående A4-side rommer med standardmarger ved 100 %. */
const STAENDE_BREDDE = 95;
/** Bredeste kolonne nh setter automatisk; lengre tekst brytes i cellen. */
const MAKS_BREDDE = 60;
const LINJEHOYDE = 15;
/** Tekstceller gjør kolonnen høyst så bred; lengre tekst brytes. */
const TEKST_BREDDE = 45;

/** Legger utskriftsoppsettet på hvert ark i boken. */
export function leggPaaUtskrift(wb: ExcelJS.Workbook, versjon: string): void {
  const info = dokumenter.get(wb);
  for (const ws of wb.worksheets) {
    const valg = arkvalg.get(ws) ?? {};
    const titler = valg.tittelrader !== undefined ? valg.tittelrader : standardTittelrader(ws);
    settSkrift(ws);
    if (valg.tilpassBredder !== false) tilpassBredder(ws, titler, valg.utvidForTekst !== false);
    const bredde = ws.columns.reduce((s, k) => s + (k.width ?? 9), 0);
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: (valg.liggende ?? bredde > STAENDE_BREDDE) ? 'landscape' : 'portrait',
      ...(valg.skala ? { fitToPage: false, scale: valg.skala } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      horizontalCentered: false,
      ...(titler ? { printTitlesRow: `${titler[0]}:${titler[1]}` } : {}),
    };
    ws.headerFooter = { ...ws.headerFooter, ...topptekst(info, versjon) };
  }
}

function standardTittelrader(ws: ExcelJS.Worksheet): [number, number] | null {
  const frys = ws.views.find((v) => v.state === 'frozen') as { ySplit?: number } | undefined;
  return frys?.ySplit ? [1, frys.ySplit] : null;
}

/** «&» er et styretegn i topp- og bunntekst. */
function tt(s: string): string {
  return s.replace(/&/g, '&&');
}

function topptekst(info: Dokumentinfo | undefined, versjon: string): { oddHeader: string; oddFooter: string } {
  const tittel = info ? [info.tittel, info.periode].filter(Boolean).join(' ') : '';
  // &9: 9 pt, så tekstene får plass i hver sin tredjedel også på en stående side.
  const hode = `&L&9${tt(info?.naeringshage ?? '')}&C&9&B${tt(tittel)}&B&R&9&A`;
  const kjort = info?.idag ? `Kjørt ${formatDato(info.idag)}` : '';
  const fot = `&L&9${kjort}&C&9Side &P av &N&R&9nh ${tt(versjon)}`;
  return { oddHeader: hode, oddFooter: fot };
}

/** Skriftnavn og -størrelse i hver stil, så LibreOffice ikke faller tilbake til en seriffskrift. */
function settSkrift(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (rad) => {
    // Radens egen stil (celler som lages senere i raden arver den); settes uten å røre cellene.
    const stil = (rad as unknown as { style: Partial<ExcelJS.Style> }).style;
    if (stil?.font) stil.font = { name: SKRIFT, size: SKRIFTSTORRELSE, ...stil.font };
    // Celler uten egen skrift bruker bokens standard (Calibri 11); bare egne skrifter mangler navn og størrelse.
    rad.eachCell({ includeEmpty: false }, (c) => {
      if (c.font && (!c.font.name || !c.font.size)) c.font = { name: SKRIFT, size: SKRIFTSTORRELSE, ...c.font };
    });
  });
}

/** Verdien cellen viser: formelresultatet, den rike teksten eller lenketeksten (en formel uten resultat som 0). */
function visningsverdi(c: ExcelJS.Cell): unknown {
  const v = c.value as unknown;
  if (!v || typeof v !== 'object' || v instanceof Date) return v;
  if ('result' in v) return (v as { result: unknown }).result;
  if ('richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  if ('text' in v) return (v as { text: unknown }).text;
  if ('formula' in v) return 0;
  return v;
}

/** Omtrentlig visningsbredde (tegn) for en celle slik tallformatet viser den. */
function visningsbredde(c: ExcelJS.Cell): number {
  const v = visningsverdi(c);
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return 10;
  if (typeof v === 'number') return tallbredde(v, c.numFmt ?? '');
  return Math.max(
    ...String(v)
      .split('\n')
      .map((l) => l.length),
  );
}

/** Tegnene et tall tar med tallformatet: sifre, tusenskille, desimaler, «%», minus og fast tekst i formatet. */
function tallbredde(v: number, fmt: string): number {
  const prosent = fmt.includes('%');
  const desimaler = /\.(0+)/.exec(fmt)?.[1]?.length ?? (Number.isInteger(v) ? 0 : 2);
  const tall = prosent ? v * 100 : v;
  const heltall = String(Math.trunc(Math.abs(tall))).length;
  const skilletegn = fmt.includes('#,##') ? Math.floor((heltall - 1) / 3) : 0;
  const tillegg = fmt.replace(/"[^"]*"/g, (m) => 'x'.repeat(m.length - 2)).replace(/[#0.,%;+-]/g, '').length;
  return heltall + skilletegn + (desimaler ? desimaler + 1 : 0) + (prosent ? 2 : 0) + (tall < 0 ? 1 : 0) + tillegg;
}

/** Antall linjer teksten trenger i en kolonne med gitt bredde, med brudd bare mellom ord. */
function linjerVedBredde(tekst: string, bredde: number): number {
  let linjer = 0;
  for (const avsnitt of tekst.split('\n')) {
    let n = 1;
    let lengde = 0;
    for (const ord of avsnitt.split(/\s+/).filter(Boolean)) {
      if (lengde === 0) lengde = ord.length;
      else if (lengde + 1 + ord.length <= bredde) lengde += 1 + ord.length;
      else {
        n++;
        lengde = ord.length;
      }
    }
    linjer += n;
  }
  return linjer;
}

const FET = 1.1; // fet skrift er litt bredere
/** Vanlig tekst i Calibri 11 er smalere enn sifferet «0» som kolonnebredden måles i. */
const TEGN_PER_BREDDE = 1.2;

function tegnPlass(ws: ExcelJS.Worksheet, k: number): number {
  return Math.floor(((ws.getColumn(k).width ?? 9) - 1) * TEGN_PER_BREDDE);
}

const oekTil = (m: Map<number, number>, k: number, b: number) => m.set(k, Math.max(m.get(k) ?? 0, b));

/** Det lengste ordet i en overskriftscelle, i kolonnebredde. */
function ordbredde(c: ExcelJS.Cell): number {
  const ord = Math.max(
    ...String(c.text)
      .split(/\s+/)
      .map((o) => o.length),
  );
  return Math.ceil(ord * FET) + 2;
}

/** Tall skal aldri vises som ####; lang tekst brytes heller enn å gjøre kolonnen svært bred. */
function databredde(c: ExcelJS.Cell): number {
  const b = visningsbredde(c) + 2;
  return typeof c.value === 'string' ? Math.min(b, TEKST_BREDDE) : b;
}

/**
 * Kolonnene blir minst så brede som det lengste ordet i overskriften (aldri brudd midt i et ord) og som
 * tallene og de korte tekstene under; lange tekster brytes i cellen. Overskriftsraden får høyde etter
 * antall linjer. Tittelen i rad 1 får flyte over tomme celler og teller ikke.
 */
function tilpassBredder(ws: ExcelJS.Worksheet, titler: [number, number] | null, utvidForTekst: boolean): void {
  const hodeRader = new Set<number>();
  if (titler) for (let r = Math.max(2, titler[0]); r <= titler[1]; r++) hodeRader.add(r);
  ws.eachRow({ includeEmpty: false }, (rad, nr) => {
    if (nr !== 1 && erOverskriftsrad(rad)) hodeRader.add(nr);
  });
  const behov = new Map<number, number>();
  const ordBehov = new Map<number, number>();
  ws.eachRow({ includeEmpty: false }, (rad, nr) => {
    if (nr === 1) return;
    const hode = hodeRader.has(nr);
    rad.eachCell({ includeEmpty: false }, (c, k) => {
      if (c.isMerged) return;
      if (hode) oekTil(ordBehov, k, ordbredde(c));
      else if (!erEnsomTekst(rad, k) && (utvidForTekst || typeof c.value !== 'string')) oekTil(behov, k, databredde(c));
    });
  });
  for (const [k, ord] of ordBehov) behov.set(k, Math.max(behov.get(k) ?? 0, ord));
  for (const [k, b] of behov) {
    const kol = ws.getColumn(k);
    const naa = kol.width ?? 9;
    if (b > naa) kol.width = Math.min(MAKS_BREDDE, Math.max(b, ordBehov.get(k) ?? 0));
  }
  // Lange tekster i dataradene brytes i cellen (LibreOffice og Excel regner da radhøyden selv).
  ws.eachRow({ includeEmpty: false }, (rad, nr) => {
    if (nr === 1 || hodeRader.has(nr)) return;
    rad.eachCell({ includeEmpty: false }, (c, k) => {
      if (typeof c.value === 'string' && c.value.length > tegnPlass(ws, k) && !erEnsomTekst(rad, k)) {
        c.alignment = { ...c.alignment, wrapText: true };
      }
    });
  });
  // Radhøyden settes etter teksten som brytes: LibreOffice regner den ikke selv ved åpning, så linjene
  // ville ellers ligge oppå hverandre.
  ws.eachRow({ includeEmpty: false }, (rad, nr) => {
    if (nr === 1 || hodeRader.has(nr)) return;
    let linjer = 1;
    rad.eachCell({ includeEmpty: false }, (c, k) => {
      if (c.alignment?.wrapText && typeof c.value === 'string') {
        linjer = Math.max(linjer, linjerVedBredde(c.value, tegnPlass(ws, k)));
      }
    });
    if (linjer > 1) {
      rad.height = Math.max(rad.height ?? 0, linjer * LINJEHOYDE + 2);
      // Hele raden leses fra toppen, så tallene står på linje med første tekstlinje.
      rad.eachCell({ includeEmpty: false }, (c) => {
        c.alignment = { ...c.alignment, vertical: 'top' };
      });
    }
  });
  for (const nr of hodeRader) {
    const rad = ws.getRow(nr);
    let linjer = 1;
    rad.eachCell({ includeEmpty: false }, (c, k) => {
      const bredde = ((ws.getColumn(k).width ?? 9) - 1) / FET;
      linjer = Math.max(linjer, linjerVedBredde(String(c.text), bredde));
    });
    rad.height = Math.max(rad.height ?? 0, linjer * LINJEHOYDE + 4);
    rad.eachCell({ includeEmpty: false }, (c) => {
      c.alignment = { vertical: 'middle', ...c.alignment, wrapText: true };
    });
  }
}

/** En overskriftsrad: fylt bakgrunn (stilOverskrift). */
function erOverskriftsrad(rad: ExcelJS.Row): boolean {
  let fylt = false;
  rad.eachCell({ includeEmpty: false }, (c) => {
    const f = c.fill as { type?: string; pattern?: string } | undefined;
    if (f?.type === 'pattern' && f.pattern === 'solid') fylt = true;
  });
  return fylt;
}

/**
 * Tekst i første celle av en ellers tom rad (blokkoverskrift, fakturatekst, merknad) flyter over
 * naboene og skal ikke gjøre kolonne A bred.
 */
function erEnsomTekst(rad: ExcelJS.Row, k: number): boolean {
  if (k !== 1 || typeof rad.getCell(1).value !== 'string') return false;
  let andre = 0;
  rad.eachCell({ includeEmpty: false }, (_c, kk) => {
    if (kk !== 1) andre++;
  });
  return andre === 0;
}
