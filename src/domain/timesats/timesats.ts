/**
 * Timesats per ansatt for administrasjon og gjennomføring.
 *
 * Programveileder 10.4 og vedlegg 3 pkt. 4.2:
 *  - timesats beregnes fra nominell årslønn; deltid omregnes til heltid
 *  - den skal dekke lønnskostnader og en forholdsmessig del av indirekte kostnader
 *  - totalkostnad deles på timene i et årsverk (Siva: 1 695)
 *  - timesats ≤ min(1 100 kr, 1,2 ‰ av nominell årslønn) — ingen av takene kan overskrides
 *
 * Valg (docs/timesats.md): indirekte kostnader fordeles likt per årsverk (sum stillingsprosent), så
 * hver heltidsansatt bærer samme andel; en personlig overstyring i ansatte erstatter andelen.
 * Hvert mellomledd avrundes til øre, halv opp, i samme rekkefølge som formlene i xlsx-filen.
 */
import { z } from 'zod';
import { divRundBig, mulDivRund, andel, PPM, type Ore, type Ppm } from '../felles/penger.js';

/** Programveileder 10.4: timesats skal ikke overstige 1 100 kroner. */
export const TAK_KRONER: Ore = 110_000;
/** Programveileder 10.4: timesats skal ikke overstige 1,2 ‰ av nominell årslønn (12/10 000). */
export const TAK_PROMILLE_TELLER = 12;
export const TAK_PROMILLE_NEVNER = 10_000;

export type TimesatsParametre = {
  arbeidsgiveravgiftSats: Ppm;
  andreSosialeKostnaderProsent: Ppm;
  indirekteKostnaderPerAr: Ore;
  timerPerArsverk: number;
};

export type TimesatsGrunnlag = {
  navn: string;
  arslonn: Ore;
  stillingsprosent?: Ppm | undefined;
  sosialeKostnaderProsent?: Ppm | undefined;
  indirekteKostnader?: Ore | undefined;
};

export type Binder = 'beregnet' | 'promille' | 'kroner';

export type Timesats = {
  navn: string;
  arslonn: Ore;
  stillingsprosent: Ppm;
  arslonnFulltid: Ore;
  sosialeSats: Ppm;
  sosialeOverstyrt: boolean;
  sosialeKostnader: Ore;
  lonnskostnader: Ore;
  indirekteAndel: Ore;
  indirekteOverstyrt: boolean;
  totalKostnad: Ore;
  beregnet: Ore;
  takPromille: Ore;
  takKroner: Ore;
  godkjent: Ore;
  binder: Binder;
};

/** Sum årsverk i ppm (100 % = 1 000 000): grunnlaget for å fordele indirekte kostnader. */
export function sumArsverk(ansatte: readonly TimesatsGrunnlag[]): Ppm {
  return ansatte.reduce((s, a) => s + (a.stillingsprosent ?? PPM), 0);
}

/** Indirekte kostnader per heltidsårsverk, avrundet til øre. */
export function indirektePerArsverk(p: TimesatsParametre, arsverk: Ppm): Ore {
  return arsverk > 0 ? mulDivRund(p.indirekteKostnaderPerAr, PPM, arsverk) : 0;
}

export function beregnTimesats(a: TimesatsGrunnlag, p: TimesatsParametre, indirektePerHeltid: Ore): Timesats {
  const stillingsprosent = a.stillingsprosent ?? PPM;
  // 10.4: «Dersom man har en ansatt i deltidsstilling, omregnes denne til årslønn ved beregning av timesats.»
  const arslonnFulltid = mulDivRund(a.arslonn, PPM, stillingsprosent);
  const sosialeOverstyrt = a.sosialeKostnaderProsent !== undefined;
  const sosialeSats = a.sosialeKostnaderProsent ?? p.arbeidsgiveravgiftSats + p.andreSosialeKostnaderProsent;
  const sosialeKostnader = andel(arslonnFulltid, sosialeSats);
  const lonnskostnader = arslonnFulltid + sosialeKostnader;
  const indirekteOverstyrt = a.indirekteKostnader !== undefined;
  const indirekteAndel = a.indirekteKostnader ?? indirektePerHeltid;
  const totalKostnad = lonnskostnader + indirekteAndel;
  // 10.4: totalkostnaden «må deles på antallet timer i et årsverk (Siva benytter 1 695 timer)».
  const beregnet = mulDivRund(totalKostnad, 1, p.timerPerArsverk);
  // 10.4: «skal ikke overstige 1 100 kroner eller 1,2 ‰ av nominell årslønn».
  const takPromille = mulDivRund(arslonnFulltid, TAK_PROMILLE_TELLER, TAK_PROMILLE_NEVNER);
  const takKroner = TAK_KRONER;
  // Avrunding er monoton, så min av avrundede verdier = avrundet min; hvilket tak som binder
  // avgjøres likevel på de eksakte verdiene (ved 916 666 kr er 1,2 ‰ = 1 099,9992 kr < 1 100 kr).
  const godkjent = Math.min(beregnet, takPromille, takKroner);
  const binder = hvemBinder(totalKostnad, p.timerPerArsverk, arslonnFulltid);
  return {
    navn: a.navn,
    arslonn: a.arslonn,
    stillingsprosent,
    arslonnFulltid,
    sosialeSats,
    sosialeOverstyrt,
    sosialeKostnader,
    lonnskostnader,
    indirekteAndel,
    indirekteOverstyrt,
    totalKostnad,
    beregnet,
    takPromille,
    takKroner,
    godkjent,
    binder,
  };
}

/**
 * Eksakt sammenligning (brøker i BigInt) av beregnet = total/T, promille = lønn·12/10 000 og 110 000 øre.
 * Ved likhet binder «beregnet» (taket kutter ingenting), deretter promille.
 */
export function hvemBinder(totalKostnad: Ore, timerPerArsverk: number, arslonnFulltid: Ore): Binder {
  const T = BigInt(timerPerArsverk);
  // Felles nevner T·10 000
  const beregnet = BigInt(totalKostnad) * 10_000n;
  const promille = BigInt(arslonnFulltid) * 12n * T;
  const kroner = BigInt(TAK_KRONER) * 10_000n * T;
  if (beregnet <= promille && beregnet <= kroner) return 'beregnet';
  if (promille <= kroner) return 'promille';
  return 'kroner';
}

export function beregnTimesatser(ansatte: readonly TimesatsGrunnlag[], p: TimesatsParametre): Timesats[] {
  const perHeltid = indirektePerArsverk(p, sumArsverk(ansatte));
  return ansatte.map((a) => beregnTimesats(a, p, perHeltid));
}

/** Eksakt 1,2 ‰-tak i øre som brøk avrundet (brukes i tester og dokumentasjon). */
export function takPromilleOre(arslonnFulltid: Ore): Ore {
  return Number(divRundBig(BigInt(arslonnFulltid) * 12n, 10_000n));
}

// ————— Årets satser lagret (attestasjonen bruker årets egne satser) —————

/**
 * Programveileder 10.4 / vedlegg 3 pkt. 4.2: attestasjonen for et år (20. februar) skal bruke timesatsene for det
 * året — de som sto i budsjettet — ikke det ansatte-fila sier i dag (lønn endres for neste års budsjett).
 * `nh timesats` lagrer derfor årets godkjente satser i `timesats-<år>.json`, og `nh budsjett --regnskap <år>`
 * bruker dem. Beløp i øre.
 */
export const lagredeSatserSkjema = z.object({
  versjon: z.literal(1),
  ar: z.number().int().min(2023).max(2099),
  /** Dagen satsene ble regnet (åååå-mm-dd). */
  laget: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
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

export function lagredeSatser(aar: number, laget: string, satser: readonly Timesats[]): LagredeSatser {
  return {
    versjon: 1,
    ar: aar,
    laget,
    ansatte: satser.map((t) => ({ navn: t.navn, godkjent: t.godkjent, binder: t.binder })),
  };
}
