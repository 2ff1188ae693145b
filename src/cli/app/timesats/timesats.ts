/**
 * nh timesats: les ansatte → beregn (domain/timesats) → tabell, --json, timesats-<år>.xlsx og årets satser lagret
 * (timesats-<år>.json før året begynner = budsjettsatser; ellers timesats-<år>-faktisk.json = årets faktiske lønn).
 */
import path from 'node:path';
import type { Ansatt } from '../../../domain/datasett/ansatte.js';
import { formatKroner, formatProsent } from '../../../domain/felles/penger.js';
import {
  fordelingsArsverk,
  fordelingTekst,
  indirektePerArsverk,
  SIVA_TIMER_PER_ARSVERK,
  sumArsverk,
  TAK_KRONER,
  TAK_PROMILLE_NEVNER,
  TAK_PROMILLE_TELLER,
  timerAvvikProsent,
  type Binder,
  type Timesats,
  type TimesatsParametre,
} from '../../../domain/timesats/timesats.js';
import { planleggTimesats, type Satsgrunnlag } from '../../../domain/timesats/aarssatser.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { skrivFiler } from '../../../io/skriv/skriv.js';
import { arbeidsbokTilBuffer, byggArbeidsbok, lesMal, type Parameter } from '../../../io/skriv/xlsx-skriv.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { TimesatsValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr, pst, utmappe, velgAar } from '../felles.js';
import { lesTimesatser, timesatsParametre } from './satser.js';

export const BINDER_TEKST: Record<Binder, string> = {
  beregnet: 'beregnet sats (under takene)',
  promille: 'tak 1,2 ‰ av årslønn',
  kroner: 'tak 1 100 kr',
};

export function timesatsJson(t: Timesats) {
  return {
    navn: t.navn,
    arslonn: kr(t.arslonn),
    stillingsprosent: pst(t.stillingsprosent),
    arslonnFulltid: kr(t.arslonnFulltid),
    sosialeSats: pst(t.sosialeSats),
    sosialeKostnader: kr(t.sosialeKostnader),
    lonnskostnader: kr(t.lonnskostnader),
    indirekteAndel: kr(t.indirekteAndel),
    totalKostnad: kr(t.totalKostnad),
    beregnet: kr(t.beregnet),
    takPromille: kr(t.takPromille),
    takKroner: kr(t.takKroner),
    godkjent: kr(t.godkjent),
    binder: t.binder,
  };
}

/** Les ansatte og satsene i nh.json → planlegg (domain/timesats/aarssatser.ts) → skriv → vis. */
export async function timesats(k: Kontekst, valg: TimesatsValg): Promise<Resultat> {
  const am = await aapneArbeidsmappe(k.data);
  const aar = velgAar(valg.ar, am.config);
  // Les og kontroller (10.4 pkt. 2: timer i et årsverk, årsverkene de indirekte kostnadene fordeles på)
  const { ansatte, satser, advarsler } = await lesTimesatser(am);
  k.advarsler.push(...advarsler);
  const p = timesatsParametre(am.config);
  const plan = planleggTimesats({
    aar,
    idag: k.idag,
    timerPerArsverk: p.timerPerArsverk,
    satser,
    forhandsvis: Boolean(valg.forhandsvis),
  });
  const filnavn = path.join(utmappe(am, valg.ut), plan.filer.arbeidsbok);
  const satsfil = path.join(utmappe(am, valg.ut), plan.filer.satsfil);
  // Arbeidsboken lages bare når den skrives: --forhåndsvis er planen vist.
  const sti = { arbeidsbok: filnavn, satsfil };
  const innhold = {
    arbeidsbok: async () => arbeidsbokTilBuffer(await timesatsArbeidsbok(k, am, aar, ansatte, satser, p)),
    satsfil: async () => plan.satsinnhold,
  };
  if (plan.skriv.length)
    await skrivFiler(await Promise.all(plan.skriv.map(async (h) => ({ sti: sti[h], innhold: await innhold[h]() }))), {
      overskriv: Boolean(valg.overskriv),
    });
  const skrevet = plan.skriv.length > 0;
  const json = {
    ar: aar,
    naeringshage: am.config.naeringshage.navn,
    grunnlag: plan.grunnlag,
    forutsetninger: forutsetningerJson(ansatte, p),
    ansatte: satser.map(timesatsJson),
    fil: skrevet ? filnavn : null,
    satsfil: skrevet ? satsfil : null,
  };
  return {
    json,
    tekst: timesatsTekst(am, aar, ansatte, satser, p, {
      forhandsvis: !skrevet,
      filnavn,
      satsfil,
      grunnlag: plan.grunnlag,
    }),
  };
}

function forutsetningerJson(ansatte: readonly Ansatt[], p: TimesatsParametre) {
  const arsverk = sumArsverk(ansatte);
  return {
    arbeidsgiveravgiftSats: pst(p.arbeidsgiveravgiftSats),
    andreSosialeKostnaderProsent: pst(p.andreSosialeKostnaderProsent),
    indirekteKostnaderPerAr: kr(p.indirekteKostnaderPerAr),
    arsverk: pst(arsverk) / 100,
    // Issue 20 pkt. 15: årsverk i hele selskapet (nh.json arsverkTotalt) og det de indirekte kostnadene fordeles på.
    arsverkTotalt: p.arsverkTotalt === undefined ? null : pst(p.arsverkTotalt) / 100,
    indirekteFordeltPaArsverk: pst(fordelingsArsverk(ansatte, p)) / 100,
    indirekteFordeling: fordelingTekst(ansatte, p),
    indirektePerArsverk: kr(indirektePerArsverk(p, fordelingsArsverk(ansatte, p))),
    timerPerArsverk: p.timerPerArsverk,
    // Issue 20 pkt. 10: Sivas tall (10.4 pkt. 2) og hvor mye et annet tall endrer hver beregnet sats.
    timerPerArsverkSiva: SIVA_TIMER_PER_ARSVERK,
    timerPerArsverkAvvikProsent:
      p.timerPerArsverk === SIVA_TIMER_PER_ARSVERK ? null : timerAvvikProsent(p.timerPerArsverk),
    avrunding: 'hvert mellomledd til nærmeste øre, halv opp',
  };
}

function timesatsTekst(
  am: Arbeidsmappe,
  aar: number,
  ansatte: readonly Ansatt[],
  satser: readonly Timesats[],
  p: TimesatsParametre,
  s: { forhandsvis: boolean; filnavn: string; satsfil: string; grunnlag: Satsgrunnlag },
): string {
  const tabell = tekstTabell(
    ['Ansatt', 'Stilling', 'Årslønn heltid', 'Totalkostnad', 'Beregnet', 'Tak 1,2 ‰', 'Godkjent', 'Binder'],
    satser.map((t) => [
      t.navn,
      formatProsent(t.stillingsprosent),
      formatKroner(t.arslonnFulltid),
      formatKroner(t.totalKostnad),
      formatKroner(t.beregnet),
      formatKroner(t.takPromille),
      formatKroner(t.godkjent),
      BINDER_TEKST[t.binder],
    ]),
    [false, true, true, true, true, true, true, false],
    // Smal terminal: mellomleddene (årslønn og totalkostnad) står i xlsx og --json; beregnet, tak og godkjent blir.
    { slipp: [3, 2] },
  );
  const hva =
    s.grunnlag === 'budsjett'
      ? `budsjettsatsene for ${aar} (året har ikke begynt); nh budsjett --regnskap ${aar} sammenligner dem med årets faktiske`
      : `årets faktiske satser, med lønnen i ${aar}; nh budsjett --regnskap ${aar} bruker dem i attestasjonen`;
  return [
    farge.bold(`Timesats ${aar} – ${am.config.naeringshage.navn} (programveileder 10.4)`),
    `Indirekte kostnader ${formatKroner(p.indirekteKostnaderPerAr)} kr fordelt på ${fordelingTekst(ansatte, p)}; ${p.timerPerArsverk.toLocaleString('nb-NO')} timer per årsverk. Tak: 1 100 kr og 1,2 ‰ av nominell årslønn (heltid).`,
    ...(p.timerPerArsverk === SIVA_TIMER_PER_ARSVERK
      ? []
      : [
          farge.red(
            farge.bold(
              `OBS: ${p.timerPerArsverk.toLocaleString('nb-NO')} timer per årsverk, ikke Sivas 1 695 (10.4 pkt. 2): hver beregnet sats blir ${Math.abs(timerAvvikProsent(p.timerPerArsverk)).toLocaleString('nb-NO')} % ${p.timerPerArsverk < SIVA_TIMER_PER_ARSVERK ? 'høyere' : 'lavere'}.`,
            ),
          ),
        ]),
    '',
    tabell,
    '',
    s.forhandsvis
      ? `Forhåndsvisning: ingen fil er skrevet (${path.basename(s.satsfil)} ville fått ${hva}).`
      : `Skrev ${s.filnavn}\nSkrev ${s.satsfil} (${hva})`,
  ].join('\n');
}

async function timesatsArbeidsbok(
  k: Kontekst,
  am: Arbeidsmappe,
  aar: number,
  ansatte: readonly Ansatt[],
  satser: readonly Timesats[],
  p: TimesatsParametre,
) {
  const mal = await lesMal('timesats');
  return await byggArbeidsbok(mal, {
    variabler: { ar: String(aar), naeringshage: am.config.naeringshage.navn },
    idag: k.idag,
    rader: {
      timesats: satser.map((t, i) => ({
        ...t,
        binder: BINDER_TEKST[t.binder],
        sosialeOverstyring: ansatte[i]!.sosialeKostnaderProsent ?? null,
        indirekteOverstyring: ansatte[i]!.indirekteKostnader ?? null,
      })),
    },
    parametre: { forutsetninger: timesatsForutsetninger(ansatte, p) },
  });
}

/** Forutsetninger-arket: satsene fra nh.json som formlene peker på, takene, og tallene 10.4 pkt. 2 krever vist. */
function timesatsForutsetninger(ansatte: readonly Ansatt[], p: TimesatsParametre): Parameter[] {
  const avviker = p.timerPerArsverk !== SIVA_TIMER_PER_ARSVERK;
  return [
    {
      nokkel: 'arbeidsgiveravgiftSats',
      etikett: 'Arbeidsgiveravgift',
      type: 'prosent',
      verdi: p.arbeidsgiveravgiftSats,
    },
    {
      nokkel: 'andreSosialeKostnaderProsent',
      etikett: 'Andre sosiale kostnader (pensjon, forsikring m.m.)',
      type: 'prosent',
      verdi: p.andreSosialeKostnaderProsent,
    },
    {
      nokkel: 'indirekteKostnaderPerAr',
      etikett: 'Indirekte kostnader per år (selskapets; fordeles per årsverk)',
      type: 'belop',
      verdi: p.indirekteKostnaderPerAr,
    },
    // Issue 20 pkt. 15 (10.4 pkt. 2, 5): begge årsverkstallene; formelen bruker hele selskapets når det er oppgitt.
    {
      nokkel: 'arsverkAnsatte',
      etikett: 'Årsverk i ansatte (sum stillingsprosent)',
      type: 'timer',
      verdi: Math.round(sumArsverk(ansatte) / 10_000),
    },
    {
      nokkel: 'arsverkTotalt',
      etikett: 'Årsverk i hele selskapet (nh.json arsverkTotalt)',
      type: 'timer',
      verdi: p.arsverkTotalt === undefined ? null : Math.round(p.arsverkTotalt / 10_000),
    },
    {
      nokkel: 'indirekteFordeling',
      etikett: 'Indirekte kostnader fordelt på',
      type: 'tekst',
      verdi: fordelingTekst(ansatte, p),
    },
    {
      nokkel: 'timerPerArsverk',
      // Issue 20 pkt. 10: et annet tall enn Sivas 1 695 står med store bokstaver.
      etikett: avviker
        ? `Timer i et årsverk — AVVIKER fra Sivas 1 695 (10.4 pkt. 2): satsene ${Math.abs(timerAvvikProsent(p.timerPerArsverk)).toLocaleString('nb-NO')} % ${p.timerPerArsverk < SIVA_TIMER_PER_ARSVERK ? 'høyere' : 'lavere'}`
        : 'Timer i et årsverk (Siva, 10.4 pkt. 2)',
      type: 'heltall',
      verdi: p.timerPerArsverk,
    },
    { nokkel: 'takKroner', etikett: 'Tak for timesats, kroner (10.4)', type: 'belop', verdi: TAK_KRONER },
    // Programveileder 10.4: taket 1,2 ‰ av nominell årslønn; formelen «Tak 1,2 ‰» peker hit (kurs = ×10 000).
    {
      nokkel: 'takPromille',
      etikett: 'Tak for timesats, andel av nominell årslønn (10.4): 1,2 ‰',
      type: 'kurs',
      verdi: (TAK_PROMILLE_TELLER * 10_000) / TAK_PROMILLE_NEVNER,
    },
  ];
}
