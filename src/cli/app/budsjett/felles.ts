/** nh budsjett: felles tekst, --json og xlsx-hjelp for budsjettet og årsoppgjøret. */
import type ExcelJS from 'exceljs';
import { formatKroner, type Ore } from '../../../domain/felles/penger.js';
import { statusTekst, type Fordeling, type Kategorisum, type Oppgjor } from '../../../domain/budsjett/budsjett.js';
import { skrivFiler } from '../../../io/skriv/skriv.js';
import {
  arbeidsbokTilBuffer,
  FORMAT,
  kolonneBokstav,
  settCelle,
  type Mal,
  type Parameter,
} from '../../../io/skriv/xlsx-skriv.js';
import type { Celletype } from '../../../domain/felles/rapport.js';
import type { Skrivefil } from '../../../domain/budsjett/plan.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr, pst } from '../felles.js';

// ————— felles JSON og tekst —————

export function oppgjorJson(o: Oppgjor) {
  return {
    timeBelop: kr(o.timeBelop),
    total: kr(o.total),
    tildeling: kr(o.tildeling),
    differanse: kr(o.differanse),
    status: o.status,
  };
}

export function kategorierJson(ks: Kategorisum[]) {
  return ks.map((x) => ({ kategori: x.kategori, antall: x.antall, belop: kr(x.belop) }));
}

export const fk = (o: Ore) => formatKroner(o);

export function oppgjorTekst(modus: 'plan' | 'regnskap', o: Oppgjor, timer: number): string[] {
  return [
    `  Timer:               ${(timer / 100).toLocaleString('nb-NO')} t = ${fk(o.timeBelop)} kr`,
    `  Direkte kostnader:   ${fk(o.direkteKostnader)} kr`,
    farge.bold(`  Total:               ${fk(o.total)} kr`),
    `  Tildeling:           ${fk(o.tildeling)} kr`,
    farge.bold(`  Differanse:          ${fk(o.differanse)} kr (tildeling − total)`),
    '',
    (o.status === 'lik' ? farge.green : o.status === 'under' ? farge.yellow : farge.red)(statusTekst(modus, o, fk)),
  ];
}

export function kategoriTabell(ks: Kategorisum[]): string {
  return tekstTabell(
    ['Direkte kostnader (10.4)', 'Poster', 'Beløp'],
    ks.map((x) => [x.kategori, String(x.antall), fk(x.belop)]),
    [false, true, true],
  );
}

/** Programveileder 10.2: fordelingen av Sivas programtilskudd, med tallene (null = kan ikke kontrolleres). */
export function fordelingJson(f: Fordeling | null) {
  if (!f) return null;
  return {
    administrasjon: kr(f.administrasjon),
    innovasjon: kr(f.innovasjon),
    andelAdministrasjon: pst(f.andelAdministrasjon),
    takAdministrasjon: kr(f.takAdministrasjon),
  };
}

export function fordelingTekst(aar: number, f: Fordeling | null): string {
  if (!f)
    return `  Fordelingen 25/75 (10.2): kan ikke kontrolleres — tilskudd mangler innovasjon eller administrasjon fra Siva for ${aar}.`;
  return (
    `  Fordelingen 25/75 (10.2): administrasjon ${fk(f.administrasjon)} kr av ${fk(f.administrasjon + f.innovasjon)} kr fra Siva ` +
    `= ${(f.andelAdministrasjon / 10_000).toLocaleString('nb-NO', { maximumFractionDigits: 2 })} % (25 % = ${fk(f.takAdministrasjon)} kr).`
  );
}

// ————— xlsx-hjelp —————

function formel(c: ExcelJS.Cell, f: string, verdi: number | string, type: Celletype): void {
  settCelle(c, verdi, type);
  c.value = { formula: f, result: c.value as number | string } as ExcelJS.CellFormulaValue;
  const fmt = FORMAT[type];
  if (fmt) c.numFmt = fmt;
}

/** Absolutt referanse til sumcellen for en kolonne i et tabellark (malen: data fra rad 3, sum etter dataene). */
export function sumRef(mal: Mal, ark: string, kol: string, antall: number): string {
  const a = mal.ark.find((x) => x.nokkel === ark)!;
  const k = a.kolonner.findIndex((x) => x.nokkel === kol);
  return `'${a.navn}'!$${kolonneBokstav(k + 1)}$${3 + antall}`;
}

export type Sammendragslinje = Parameter & { formel?: (rad: (nokkel: string) => string) => string };

/** Skriver sammendragsarket (parametre) og bytter verdiene med formler der linjen har en. */
export function settSammendragsformler(wb: ExcelJS.Workbook, mal: Mal, linjer: Sammendragslinje[]): void {
  const ws = wb.getWorksheet(mal.ark[0]!.navn)!;
  const rad = (n: string) => `$B$${3 + linjer.findIndex((l) => l.nokkel === n)}`;
  linjer.forEach((l, i) => {
    if (l.formel) formel(ws.getCell(3 + i, 2), l.formel(rad), l.verdi as number | string, l.type);
  });
  ws.getColumn(1).width = 60;
  ws.getColumn(2).width = 70;
}

function statusFormel(modus: 'plan' | 'regnskap', diff: string): string {
  const [u, o, l] =
    modus === 'plan'
      ? [
          'Under tildelingen: differansen blir igjen i selskapet og må tilbakebetales',
          'Over tildelingen: differansen dekkes ikke av tilskuddet',
          'Lik tildelingen',
        ]
      : [
          'Ikke disponert i sin helhet: overskuddet skal tilbakebetales',
          'Disponert i sin helhet (kostnadene er høyere enn tildelingen)',
          'Disponert i sin helhet',
        ];
  return `IF(${diff}>0,"${u}",IF(${diff}<0,"${o}","${l}"))`;
}

function statusKort(modus: 'plan' | 'regnskap', o: Oppgjor): string {
  if (modus === 'plan')
    return o.status === 'under'
      ? 'Under tildelingen: differansen blir igjen i selskapet og må tilbakebetales'
      : o.status === 'over'
        ? 'Over tildelingen: differansen dekkes ikke av tilskuddet'
        : 'Lik tildelingen';
  return o.status === 'under'
    ? 'Ikke disponert i sin helhet: overskuddet skal tilbakebetales'
    : o.status === 'over'
      ? 'Disponert i sin helhet (kostnadene er høyere enn tildelingen)'
      : 'Disponert i sin helhet';
}

export function oppgjorLinjer(
  modus: 'plan' | 'regnskap',
  mal: Mal,
  o: Oppgjor,
  timer: number,
  ant: { personer: number; kategorier: number },
): Sammendragslinje[] {
  return [
    {
      nokkel: 'timer',
      etikett:
        modus === 'plan'
          ? 'Planlagte timer, administrasjon og gjennomføring'
          : 'Timer, administrasjon og gjennomføring',
      type: 'timer',
      verdi: timer,
      formel: () => sumRef(mal, 'personer', 'timer', ant.personer),
    },
    {
      nokkel: 'timeBelop',
      etikett: 'Timer × timesats',
      type: 'belop',
      verdi: o.timeBelop,
      formel: () => sumRef(mal, 'personer', 'belop', ant.personer),
    },
    {
      nokkel: 'direkte',
      etikett: 'Direkte kostnader (10.4)',
      type: 'belop',
      verdi: o.direkteKostnader,
      formel: () => sumRef(mal, 'kategorier', 'belop', ant.kategorier),
    },
    {
      nokkel: 'total',
      etikett: 'Total',
      type: 'belop',
      verdi: o.total,
      formel: (r) => `${r('timeBelop')}+${r('direkte')}`,
    },
    {
      nokkel: 'tildeling',
      etikett: 'Tildeling administrasjon og gjennomføring (tilskudd)',
      type: 'belop',
      verdi: o.tildeling,
    },
    {
      nokkel: 'differanse',
      etikett: 'Differanse (tildeling − total)',
      type: 'belop',
      verdi: o.differanse,
      formel: (r) => `${r('tildeling')}-${r('total')}`,
    },
    {
      nokkel: 'status',
      etikett: 'Status',
      type: 'tekst',
      verdi: statusKort(modus, o),
      formel: (r) => statusFormel(modus, r('differanse')),
    },
  ];
}

/**
 * Skrivesteget: filene planen sier (domain/budsjett/plan.ts), atomisk. Arbeidsboken lages først her, så
 * --forhåndsvis (ingen filer i planen) aldri bygger den.
 */
export async function skrivFilene(
  filer: readonly Skrivefil[],
  arbeidsbok: () => Promise<ExcelJS.Workbook>,
  overskriv: boolean,
): Promise<void> {
  if (!filer.length) return;
  const innhold = async (f: Skrivefil) => ('innhold' in f ? f.innhold : arbeidsbokTilBuffer(await arbeidsbok()));
  await skrivFiler(await Promise.all(filer.map(async (f) => ({ sti: f.sti, innhold: await innhold(f) }))), {
    overskriv,
  });
}
