/**
 * nh budsjett: budsjett for administrasjon og gjennomføring (--år, frist 1. desember) og
 * årsoppgjøret for revisor (--regnskap, frist 20. februar). Les datasett → domain/budsjett → tekst,
 * --json og xlsx (budsjett-adm-gjennomforing-<år>.xlsx / attestasjonsgrunnlag-<år>.xlsx).
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { kostnaderDef } from '../../../domain/datasett/kostnader.js';
import { tilskuddDef } from '../../../domain/datasett/tilskudd.js';
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { deler, type Dato } from '../../../domain/felles/dato.js';
import { statusTekst, type Budsjettplan, type Fordeling } from '../../../domain/budsjett/budsjett.js';
import { budsjettFilnavn, planleggBudsjett, type Satsfil } from '../../../domain/budsjett/plan.js';
import { satsfilnavn } from '../../../domain/timesats/aarssatser.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesAlle } from '../../../io/les/datasett.js';
import { byggArbeidsbok, lesMal } from '../../../io/skriv/xlsx-skriv.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { BudsjettValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr, sporOmAar, utmappe, velgAar } from '../felles.js';
import { lesSatsfil, lesTimesatser } from '../timesats/satser.js';
import {
  fk,
  fordelingJson,
  fordelingTekst,
  kategorierJson,
  kategoriTabell,
  oppgjorJson,
  oppgjorLinjer,
  oppgjorTekst,
  settSammendragsformler,
  skrivFilene,
  type Sammendragslinje,
} from './felles.js';
import { satsfilTekst } from './satsfil.js';
import { kjorRegnskap } from './regnskap.js';

const TOLKNINGER_PLAN = [
  'Planlagte timer per person er kolonnen admTimerPlan i ansatte (tom = 0 timer).',
  'Timesatsen er godkjent timesats fra nh timesats (10.4: laveste av beregnet sats, 1 100 kr og 1,2 ‰ av årslønn).',
  'Direkte kostnader er rader i kostnader med type «budsjett» for året; bare de seks kategoriene i 10.4 godtas.',
  'Tildelingen er summen av tilskudd av type «administrasjon» for året.',
  'Beløp per person = timer × timesats avrundet til øre (halv opp); summene er summer av linjene.',
];
function velgModus(valg: BudsjettValg, am: Arbeidsmappe): { modus: 'plan' | 'regnskap'; ar: number } {
  if (valg.regnskap !== undefined && valg.regnskap !== false) {
    if (typeof valg.regnskap === 'string' && valg.ar !== undefined) {
      throw new InndataFeil([
        feil('ugyldig-flagg', 'Bruk enten --regnskap <år> eller --år <år>, ikke begge med år.', undefined, {
          forventet: 'nh budsjett --år 2027 eller nh budsjett --regnskap 2026',
        }),
      ]);
    }
    return {
      modus: 'regnskap',
      ar: velgAar(
        typeof valg.regnskap === 'string' ? valg.regnskap : valg.ar,
        am.config,
        typeof valg.regnskap === 'string' ? '--regnskap' : '--år',
      ),
    };
  }
  // 11.1: budsjettet sendes 1. desember for det kommende året; uten --år er det året etter «ar» i nh.json.
  return { modus: 'plan', ar: valg.ar === undefined ? am.config.ar + 1 : velgAar(valg.ar, am.config, '--år') };
}

/**
 * Uten --år og --regnskap: på en TTY velger brukeren budsjett (standard neste år, 11.1: frist 1. desember) eller
 * årsoppgjør (standard fjoråret, 10.4: frist 20. februar) og året. Ellers (skript, CI, --json) gjelder standarden
 * som før: budsjettet for året etter «ar» i nh.json.
 */
async function sporOmModus(k: Kontekst, valg: BudsjettValg): Promise<BudsjettValg> {
  if (!k.interaktiv || valg.ar !== undefined || valg.regnskap !== undefined) return valg;
  const iaar = deler(k.idag).aar;
  const modus = await k.spor.velg('Hva vil du lage?', [
    { navn: 'Budsjett for administrasjon og gjennomføring (frist 1. desember)', verdi: 'plan' },
    { navn: 'Årsoppgjør / attestasjonsgrunnlag for revisor (frist 20. februar)', verdi: 'regnskap' },
  ]);
  const aar = await sporOmAar(
    k.spor,
    modus === 'plan' ? 'Budsjettår?' : 'Regnskapsår?',
    modus === 'plan' ? iaar + 1 : iaar - 1,
  );
  return modus === 'plan' ? { ...valg, ar: aar.trim() } : { ...valg, regnskap: aar.trim() };
}

export async function budsjett(k: Kontekst, valg: BudsjettValg): Promise<Resultat> {
  const am = await aapneArbeidsmappe(k.data);
  const { modus, ar: aar } = velgModus(await sporOmModus(k, valg), am);
  return modus === 'plan' ? kjorPlan(k, am, aar, valg) : kjorRegnskap(k, am, aar, valg);
}

// ————— plan —————

/** Les alt (satsene, kostnader, tilskudd, lagret timesats-<år>.json) → planlegg (domain/budsjett/plan.ts) → skriv. */
async function kjorPlan(k: Kontekst, am: Arbeidsmappe, aar: number, valg: BudsjettValg): Promise<Resultat> {
  const { ts, kostnader, tilskudd, lagret } = await lesAlle(am, {
    ts: () => lesTimesatser(am),
    kostnader: { def: kostnaderDef, valgfritt: true },
    tilskudd: tilskuddDef,
    lagret: () => lesSatsfil(am, aar, 'budsjett'),
  });
  const p = planleggBudsjett({
    aar,
    idag: k.idag,
    ansatte: ts.ansatte,
    satser: ts.satser,
    satsAdvarsler: ts.advarsler,
    kostnader,
    tilskudd,
    lagret,
    timerPerArsverk: am.config.timerPerArsverk,
    sti: {
      budsjett: path.join(utmappe(am, valg.ut), budsjettFilnavn(aar)),
      satsfil: am.sti(satsfilnavn(aar, 'budsjett')),
    },
    forhandsvis: Boolean(valg.forhandsvis),
    overskriv: Boolean(valg.overskriv),
  });
  if (p.feil.length) throw new InndataFeil(p.feil);
  k.advarsler.push(...p.advarsler);
  if (p.nekt.length) throw new InndataFeil(p.nekt);
  // Arbeidsboken lages bare når den skrives: --forhåndsvis er planen vist.
  await skrivFilene(p.skriv, () => planXlsx(am, p.plan, k.idag), Boolean(valg.overskriv));
  const v: Planvisning = {
    ...p,
    aar,
    forhandsvis: Boolean(valg.forhandsvis),
    fil: p.skriv.find((f) => f.hva === 'budsjett')?.sti ?? null,
  };
  return { json: planJson(am, v), tekst: planTekst(am, v) };
}

type Planvisning = {
  aar: number;
  plan: Budsjettplan;
  frist: string;
  fordeling: Fordeling | null;
  satsfil: Satsfil;
  forhandsvis: boolean;
  /** Budsjettet som er skrevet, eller null (--forhåndsvis). */
  fil: string | null;
};

function planJson(am: Arbeidsmappe, v: Planvisning) {
  const { aar, plan, frist, satsfil, forhandsvis, fil } = v;
  const o = plan.oppgjor;
  return {
    modus: 'plan',
    ar: aar,
    naeringshage: am.config.naeringshage.navn,
    frist,
    ...oppgjorJson(o),
    statusTekst: statusTekst('plan', o, fk),
    timer: plan.timer / 100,
    personer: plan.personer.map((p) => ({
      navn: p.navn,
      timer: p.timer / 100,
      timesats: kr(p.timesats),
      belop: kr(p.belop),
      harPlan: p.harPlan,
    })),
    direkteKostnader: {
      sum: kr(plan.kostnader.sum),
      perKategori: kategorierJson(plan.kostnader.perKategori),
      linjer: plan.kostnader.linjer.map((l) => ({
        kategori: l.kategori,
        tekst: l.tekst ?? null,
        belop: kr(l.belop),
        rad: l.rad ?? null,
      })),
    },
    tildelingLinjer: plan.tildeling.linjer.map((l) => ({
      belop: kr(l.belop),
      dato: l.dato ?? null,
      rad: l.rad ?? null,
    })),
    fordeling10_2: fordelingJson(v.fordeling),
    timesatsfil: {
      fil: satsfil.fil,
      status: satsfil.status,
      skrevet: !forhandsvis && satsfil.status !== 'lik',
    },
    tolkninger: TOLKNINGER_PLAN,
    fil,
  };
}

function planTekst(am: Arbeidsmappe, v: Planvisning): string {
  const { aar, plan, satsfil, forhandsvis, fil } = v;
  const o = plan.oppgjor;
  return [
    farge.bold(`Budsjett for administrasjon og gjennomføring ${aar} – ${am.config.naeringshage.navn}`),
    `Programveileder 10.4 / vedlegg 3 pkt. 4.2. Sendes Siva innen 1. desember ${aar - 1} (11.1).`,
    '',
    tekstTabell(
      ['Ansatt', 'Timesats', 'Planlagte timer', 'Beløp'],
      [
        ...plan.personer.map((p) => [
          p.navn,
          fk(p.timesats),
          p.harPlan ? (p.timer / 100).toLocaleString('nb-NO') : '– (tom)',
          fk(p.belop),
        ]),
        ['Sum', '', (plan.timer / 100).toLocaleString('nb-NO'), fk(o.timeBelop)],
      ],
      [false, true, true, true],
    ),
    '',
    kategoriTabell(plan.kostnader.perKategori),
    '',
    ...oppgjorTekst('plan', o, plan.timer),
    fordelingTekst(aar, v.fordeling),
    '',
    farge.dim(['Tolkninger («nh docs budsjett»):', ...TOLKNINGER_PLAN.map((t) => `  • ${t}`)].join('\n')),
    fil === null ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${fil}`,
    satsfilTekst(satsfil, aar, forhandsvis),
  ].join('\n');
}

async function planXlsx(am: Arbeidsmappe, plan: Budsjettplan, idag: Dato): Promise<ExcelJS.Workbook> {
  const mal = await lesMal('budsjett-adm-gjennomforing');
  const o = plan.oppgjor;
  const linjer: Sammendragslinje[] = [
    { nokkel: 'ar', etikett: 'Budsjettår', type: 'nummer', verdi: plan.ar },
    { nokkel: 'frist', etikett: 'Frist for innsending til Siva (11.1)', type: 'dato', verdi: `${plan.ar - 1}-12-01` },
    ...oppgjorLinjer('plan', mal, o, plan.timer, {
      personer: plan.personer.length,
      kategorier: plan.kostnader.perKategori.length,
    }),
    {
      nokkel: 'prinsipp',
      etikett: 'Prinsipp (10.4)',
      type: 'tekst',
      verdi: 'Det skal ikke ligge igjen fortjeneste i selskapet.',
    },
    {
      nokkel: 'avrunding',
      etikett: 'Avrunding',
      type: 'tekst',
      verdi: 'timer × timesats per person til øre, halv opp; summer = sum av linjene',
    },
  ];
  const wb = await byggArbeidsbok(mal, {
    variabler: { ar: String(plan.ar), naeringshage: am.config.naeringshage.navn },
    idag,
    rader: {
      personer: plan.personer.map((p) => ({ navn: p.navn, timesats: p.timesats, timer: p.timer, belop: p.belop })),
      kategorier: plan.kostnader.perKategori.map((x) => ({ kategori: x.kategori, antall: x.antall, belop: x.belop })),
      linjer: plan.kostnader.linjer.map((l) => ({
        kategori: l.kategori,
        tekst: l.tekst ?? null,
        belop: l.belop,
        rad: l.rad ?? null,
      })),
    },
    parametre: { sammendrag: linjer },
  });
  settSammendragsformler(wb, mal, linjer);
  return wb;
}
