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
import { advarsel, feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { mulDivRund, andel, formatKroner, PPM, type Ore, type Ppm } from '../felles/penger.js';

/** Programveileder 10.4: timesats skal ikke overstige 1 100 kroner. */
export const TAK_KRONER: Ore = 110_000;
/** Programveileder 10.4: timesats skal ikke overstige 1,2 ‰ av nominell årslønn (12/10 000). */
export const TAK_PROMILLE_TELLER = 12;
export const TAK_PROMILLE_NEVNER = 10_000;

/** Programveileder 10.4 pkt. 2: «Siva benytter 1 695 timer» i et årsverk. */
export const SIVA_TIMER_PER_ARSVERK = 1695;

export type TimesatsParametre = {
  arbeidsgiveravgiftSats: Ppm;
  andreSosialeKostnaderProsent: Ppm;
  indirekteKostnaderPerAr: Ore;
  timerPerArsverk: number;
  /**
   * Årsverk i hele selskapet (ppm, 1 årsverk = 1 000 000), nh.json `arsverkTotalt`: de indirekte kostnadene er
   * selskapets og fordeles på alle selskapets årsverk (10.4 pkt. 2, 5 flerfunksjonelt selskap). Mangler den, fordeles
   * de på årsverkene i ansatte.
   */
  arsverkTotalt?: Ppm | undefined;
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
  const perHeltid = indirektePerArsverk(p, fordelingsArsverk(ansatte, p));
  return ansatte.map((a) => beregnTimesats(a, p, perHeltid));
}

/**
 * Årsverkene de indirekte kostnadene fordeles på (10.4 pkt. 2: «en forholdsmessig del av programselskapets relevante
 * indirekte kostnader»): hele selskapets (`arsverkTotalt`) når det er oppgitt, ellers årsverkene i ansatte.
 */
export function fordelingsArsverk(ansatte: readonly TimesatsGrunnlag[], p: TimesatsParametre): Ppm {
  return p.arsverkTotalt ?? sumArsverk(ansatte);
}

const arsverkTekst = (a: Ppm) => (a / PPM).toLocaleString('nb-NO', { maximumFractionDigits: 2 });

/** Hvor mye høyere (+) eller lavere (−) hver beregnet sats blir med et annet tall enn Sivas 1 695, i prosent. */
export function timerAvvikProsent(timerPerArsverk: number): number {
  return Math.round(((SIVA_TIMER_PER_ARSVERK / timerPerArsverk - 1) * 100 + Number.EPSILON) * 100) / 100;
}

/**
 * Tallene i nh.json som timesatsen hviler på, kontrollert mot 10.4 pkt. 2:
 *  - `timerPerArsverk` ≠ 1 695 («Siva benytter 1 695 timer»): advarsel med hvor mye satsene endres (issue 20 pkt. 10);
 *  - `arsverkTotalt` under årsverkene i ansatte: feil (ansatte kan ikke ha flere årsverk enn selskapet);
 *  - `arsverkTotalt` mangler: advarsel — fordelt på ansatte, som da antas å være hele selskapet (issue 20 pkt. 15).
 */
export function kontrollerTimesatsGrunnlag(ansatte: readonly TimesatsGrunnlag[], p: TimesatsParametre): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  const t = p.timerPerArsverk;
  if (t !== SIVA_TIMER_PER_ARSVERK) {
    const avvik = timerAvvikProsent(t);
    ds.push(
      advarsel(
        'timer-per-arsverk-avviker',
        `timerPerArsverk er ${t.toLocaleString('nb-NO')}, men Siva benytter ${SIVA_TIMER_PER_ARSVERK.toLocaleString('nb-NO')} timer i et årsverk ` +
          `(programveileder 10.4 pkt. 2). Hver beregnet timesats blir ${Math.abs(avvik).toLocaleString('nb-NO')} % ` +
          `${avvik > 0 ? 'høyere' : 'lavere'} enn med Sivas tall (takene 1 100 kr og 1,2 ‰ gjelder fortsatt). Bruk 1 695 med mindre Siva har godtatt et annet tall for dere.`,
        { fil: 'nh.json', kolonne: 'timerPerArsverk' },
        { verdi: t.toLocaleString('nb-NO'), forventet: '1 695 (Sivas tall)' },
      ),
    );
  }
  const iAnsatte = sumArsverk(ansatte);
  if (p.arsverkTotalt !== undefined && p.arsverkTotalt < iAnsatte) {
    ds.push(
      feil(
        'arsverk-totalt-for-lavt',
        `arsverkTotalt (${arsverkTekst(p.arsverkTotalt)}) er færre enn årsverkene i ansatte (${arsverkTekst(iAnsatte)}): ` +
          'hele selskapet kan ikke ha færre årsverk enn de som står i ansatte (programveileder 10.4 pkt. 2).',
        { fil: 'nh.json', kolonne: 'arsverkTotalt' },
        { verdi: arsverkTekst(p.arsverkTotalt), forventet: `minst ${arsverkTekst(iAnsatte)}` },
      ),
    );
  } else if (p.arsverkTotalt === undefined && p.indirekteKostnaderPerAr > 0) {
    ds.push(
      advarsel(
        'arsverk-totalt-mangler',
        `arsverkTotalt er ikke satt: de indirekte kostnadene (${formatKroner(p.indirekteKostnaderPerAr)} kr) er fordelt på de ` +
          `${arsverkTekst(iAnsatte)} årsverkene i ansatte. Timesatsen skal ha «en forholdsmessig del av programselskapets relevante ` +
          'indirekte kostnader» (10.4 pkt. 2): gjelder beløpet hele selskapet og ansatte bare en del av det (flerfunksjonelt selskap, ' +
          `programveileder 5), blir satsene for høye. Sett arsverkTotalt til selskapets årsverk (${arsverkTekst(iAnsatte)} om ansatte er hele selskapet).`,
        { fil: 'nh.json', kolonne: 'arsverkTotalt' },
      ),
    );
  }
  return ds;
}

/** Teksten om fordelingen av de indirekte kostnadene (Forutsetninger, utskrift og --json). */
export function fordelingTekst(ansatte: readonly TimesatsGrunnlag[], p: TimesatsParametre): string {
  return p.arsverkTotalt !== undefined
    ? `${arsverkTekst(p.arsverkTotalt)} årsverk i hele selskapet (arsverkTotalt; ${arsverkTekst(sumArsverk(ansatte))} i ansatte)`
    : `${arsverkTekst(sumArsverk(ansatte))} årsverk i ansatte (arsverkTotalt er ikke satt: ansatte antas å være hele selskapet)`;
}
