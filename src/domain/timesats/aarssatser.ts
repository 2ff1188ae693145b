/**
 * Årets timesatser lagret, og hvilke attestasjonen bruker (programveileder 10.4 pkt. 2, vedlegg 3 pkt. 3 og 4.2).
 *
 * To sett per år:
 *  - `timesats-<år>.json` — **budsjettsatsene**: regnet når budsjettet for året lages (1. desember året før,
 *    `nh budsjett --år <år>`, eller `nh timesats --år <år>` før året begynner). Det er timeprisene Siva fikk oppgitt.
 *  - `timesats-<år>-faktisk.json` — **årets faktiske satser**: regnet med årets faktiske lønn (`nh timesats --år <år>`
 *    i løpet av eller etter året, helst i desember før ansatte endres for neste år).
 * Attestasjonen (`nh budsjett --regnskap <år>`) bruker de faktiske når de finnes: de midlene som ikke er statsstøtte
 * er «ment å være en ren kostnadsdekning … Dersom Sivas støtte oversiger programselskapets reelle utgifter, skal
 * overskytende betales tilbake» (vedlegg 3 pkt. 3) — det er de reelle utgiftene som skal attesteres, ikke budsjettet.
 * Beløp i øre.
 */
import { z } from 'zod';
import type { Dato } from '../felles/dato.js';
import type { Diagnostikk } from '../felles/diagnostikk.js';
import type { Timesats } from './timesats.js';

export type Satsgrunnlag = 'budsjett' | 'faktisk';

export const lagredeSatserSkjema = z.object({
  versjon: z.literal(1),
  ar: z.number().int().min(2023).max(2099),
  /** Dagen satsene ble regnet (åååå-mm-dd). */
  laget: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Budsjettsatser eller årets faktiske (mangler i filer fra før issue 20: da gjelder filnavnet). */
  grunnlag: z.enum(['budsjett', 'faktisk']).optional(),
  /** Timer i et årsverk satsene er regnet med (10.4 pkt. 2: Siva benytter 1 695). */
  timerPerArsverk: z.number().int().positive().optional(),
  ansatte: z
    .array(
      z.object({
        navn: z.string().min(1),
        godkjent: z.number().int().positive(),
        binder: z.enum(['beregnet', 'promille', 'kroner']),
      }),
    )
    .min(1),
});
export type LagredeSatser = z.output<typeof lagredeSatserSkjema>;

/** Et lagret sett satser for et år (navn og godkjent timesats i øre per ansatt), slik det er lest fra fila. */
export type LagretSett = {
  fil: string;
  grunnlag: Satsgrunnlag;
  laget: Dato;
  timerPerArsverk: number | null;
  ansatte: { navn: string; godkjent: number }[];
};

/** Satsene et år bruker: navn og godkjent timesats per ansatt, hvor de kom fra, og hvorfor (vises i utdata). */
export type AarsSatser = {
  ansatte: { navn: string }[];
  satser: { godkjent: number }[];
  kilde: string;
  /** Filen satsene kom fra, eller null (regnet fra ansatte nå). */
  fil: string | null;
  brukt: Satsgrunnlag | 'ansatte';
  begrunnelse: string;
  budsjett: LagretSett | null;
  faktisk: LagretSett | null;
  advarsler: Diagnostikk[];
};

export function lagredeSatser(
  aar: number,
  laget: string,
  grunnlag: Satsgrunnlag,
  timerPerArsverk: number,
  satser: readonly Timesats[],
): LagredeSatser {
  return {
    versjon: 1,
    ar: aar,
    laget,
    grunnlag,
    timerPerArsverk,
    ansatte: satser.map((t) => ({ navn: t.navn, godkjent: t.godkjent, binder: t.binder })),
  };
}

/** Filnavnet for årets satser: budsjett `timesats-<år>.json`, faktisk `timesats-<år>-faktisk.json`. */
export function satsfilnavn(aar: number, grunnlag: Satsgrunnlag): string {
  return grunnlag === 'budsjett' ? `timesats-${aar}.json` : `timesats-${aar}-faktisk.json`;
}

/**
 * `nh timesats --år <år>`: før året begynner er satsene budsjettsatser (budsjettet lages 1. desember året før);
 * fra 1. januar i året regnes de med årets faktiske lønn.
 */
export function grunnlagFor(aar: number, idag: string): Satsgrunnlag {
  return idag < `${aar}-01-01` ? 'budsjett' : 'faktisk';
}

export type Attestasjonssatser = {
  brukt: Satsgrunnlag | 'ansatte';
  begrunnelse: string;
};

/**
 * Hvilke satser attestasjonen bruker, og hvorfor (vedlegg 3 pkt. 3 «ren kostnadsdekning»): årets faktiske når de er
 * lagret; ellers budsjettsatsene; ellers regnet fra ansatte slik den er nå.
 */
export function velgAttestasjonssatser(aar: number, harBudsjett: boolean, harFaktisk: boolean): Attestasjonssatser {
  if (harFaktisk)
    return {
      brukt: 'faktisk',
      begrunnelse:
        'årets faktiske satser: tilskuddet til administrasjon og gjennomføring er «ren kostnadsdekning», og det er de reelle ' +
        'utgiftene som attesteres (vedlegg 3 pkt. 3) — ikke budsjettet' +
        (harBudsjett ? '; budsjettsatsene står ved siden av til sammenligning' : ''),
    };
  if (harBudsjett)
    return {
      brukt: 'budsjett',
      begrunnelse:
        `budsjettsatsene, fordi årets faktiske satser ikke er lagret (nh timesats --år ${aar} i desember); er lønnen endret i ` +
        'løpet av året, viser ikke attestasjonen de reelle utgiftene (vedlegg 3 pkt. 3)',
    };
  return {
    brukt: 'ansatte',
    begrunnelse:
      'regnet fra ansatte slik den er i dag, fordi verken budsjettsatsene eller årets faktiske satser er lagret',
  };
}

/** `nh timesats --år <år>` som ren plan (issue 22 pkt. 3): satsenes grunnlag og filene kjøringen skriver. */
export type Timesatsplan = {
  grunnlag: Satsgrunnlag;
  /** Filnavnene i utmappen: arbeidsboken timesats-<år>.xlsx og årets satser (budsjett eller faktisk). */
  filer: { arbeidsbok: string; satsfil: string };
  /** Årets satser slik de lagres (budsjett og årsoppgjør leser dem igjen). */
  satsinnhold: string;
  /** Filene som skrives, i rekkefølge; tom ved --forhåndsvis. */
  skriv: ('arbeidsbok' | 'satsfil')[];
};

export function planleggTimesats(inn: {
  aar: number;
  idag: string;
  timerPerArsverk: number;
  satser: readonly Timesats[];
  forhandsvis: boolean;
}): Timesatsplan {
  const { aar, idag } = inn;
  // Før året begynner: budsjettsatser; fra 1. januar: årets faktiske lønn (vedlegg 3 pkt. 3, docs/timesats.md).
  const grunnlag = grunnlagFor(aar, idag);
  return {
    grunnlag,
    filer: { arbeidsbok: `timesats-${aar}.xlsx`, satsfil: satsfilnavn(aar, grunnlag) },
    satsinnhold: `${JSON.stringify(lagredeSatser(aar, idag, grunnlag, inn.timerPerArsverk, inn.satser), null, 2)}\n`,
    skriv: inn.forhandsvis ? [] : ['arbeidsbok', 'satsfil'],
  };
}
