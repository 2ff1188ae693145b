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
import { formatDato } from '../felles/dato.js';
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { SIVA_TIMER_PER_ARSVERK, type Timesats } from './timesats.js';

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

/**
 * Programveileder 10.4 / vedlegg 3 pkt. 3 og 4.2: attestasjonen for et år bruker årets faktiske satser når de er
 * lagret (timesats-<år>-faktisk.json), ellers budsjettsatsene (timesats-<år>.json), ellers regnes de fra ansatte slik
 * fila er nå (`fraAnsatte`, lest bare da). Begge lagrede settene vises ved siden av hverandre; valget og grunnen
 * står i utdata, og advarslene sier hva som mangler.
 */
export function aarsSatser(
  aar: number,
  lagret: { budsjett: LagretSett | null; faktisk: LagretSett | null },
  fraAnsatte: { ansatte: { navn: string }[]; satser: { godkjent: number }[]; advarsler: Diagnostikk[] } | null,
): AarsSatser {
  const { budsjett, faktisk } = lagret;
  const valg = velgAttestasjonssatser(aar, budsjett !== null, faktisk !== null);
  const felles = { brukt: valg.brukt, begrunnelse: valg.begrunnelse, budsjett, faktisk };
  const sett = valg.brukt === 'faktisk' ? faktisk : valg.brukt === 'budsjett' ? budsjett : null;
  if (!sett) {
    if (!fraAnsatte) throw new Error('aarsSatser: ingen lagrede satser, og ansatte er ikke lest');
    const kilde = `regnet fra ansatte slik den er i dag (ingen ${satsfilnavn(aar, 'faktisk')} eller ${satsfilnavn(aar, 'budsjett')})`;
    const { ansatte, satser } = fraAnsatte;
    return { ...felles, ansatte, satser, kilde, fil: null, advarsler: [...fraAnsatte.advarsler, ikkeLagret(aar)] };
  }
  const advarsler: Diagnostikk[] = [];
  if (valg.brukt === 'budsjett') advarsler.push(faktiskeMangler(aar));
  if (sett.timerPerArsverk !== null && sett.timerPerArsverk !== SIVA_TIMER_PER_ARSVERK)
    advarsler.push(timerAvviker(sett.fil, sett.timerPerArsverk));
  return {
    ...felles,
    ansatte: sett.ansatte.map((a) => ({ navn: a.navn })),
    satser: sett.ansatte.map((a) => ({ godkjent: a.godkjent })),
    kilde: `${sett.fil} (${sett.grunnlag === 'faktisk' ? 'årets faktiske satser' : 'budsjettsatsene'}, lagret av nh ${formatDato(sett.laget)})`,
    fil: sett.fil,
    advarsler,
  };
}

function timerAvviker(fil: string, timerPerArsverk: number): Diagnostikk {
  return advarsel(
    'timer-per-arsverk-avviker',
    `Satsene i ${fil} er regnet med ${timerPerArsverk.toLocaleString('nb-NO')} timer i et årsverk, men Siva benytter ` +
      `1 695 (programveileder 10.4 pkt. 2).`,
    { fil },
    { verdi: timerPerArsverk.toLocaleString('nb-NO'), forventet: '1 695 (Sivas tall)' },
  );
}

function ikkeLagret(aar: number): Diagnostikk {
  return advarsel(
    'timesats-ikke-lagret',
    `Fant ingen lagrede timesatser for ${aar} (${satsfilnavn(aar, 'faktisk')} eller ${satsfilnavn(aar, 'budsjett')}): satsene er regnet ` +
      `fra ansatte slik den er i dag. Attestasjonen skal bruke satsene for ${aar} (programveileder 10.4, vedlegg 3 pkt. 3 og 4.2); ` +
      `er lønn eller stilling endret siden, stemmer ikke beløpene. Lagre årets satser med nh timesats --år ${aar} før ansatte endres for neste år.`,
    { fil: satsfilnavn(aar, 'faktisk') },
  );
}

function faktiskeMangler(aar: number): Diagnostikk {
  return advarsel(
    'faktiske-satser-mangler',
    `Attestasjonen bruker budsjettsatsene (${satsfilnavn(aar, 'budsjett')}): årets faktiske satser er ikke lagret. Tilskuddet til ` +
      `administrasjon og gjennomføring er ren kostnadsdekning (vedlegg 3 pkt. 3); er lønnen endret i løpet av ${aar}, viser ` +
      `attestasjonen ikke de reelle utgiftene. Lagre dem med nh timesats --år ${aar} (i desember, før ansatte endres for neste år).`,
    { fil: satsfilnavn(aar, 'faktisk') },
  );
}
