/**
 * nh budsjett som ren plan (issue 22 pkt. 3: les → planlegg → spør → skriv). Kommandoen leser datasettene, satsene
 * og de lagrede satsfilene; her regnes budsjettet (--år, 10.4 / 11.1) eller årsoppgjøret (--regnskap, vedlegg 3
 * pkt. 4.2), advarslene i den rekkefølgen de vises, og nøyaktig hvilke filer kjøringen skriver. `--forhåndsvis` er
 * planen vist: ingen fil står i `skriv`. Ingen I/O; arbeidsbøkene lages av kommandoen fra planen.
 */
import type { Ansatt } from '../datasett/ansatte.js';
import type { Kostnad } from '../datasett/kostnader.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import type { Timeregistrering } from '../datasett/timer.js';
import { formatDato, type Dato } from '../felles/dato.js';
import { advarsel, feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { lagredeSatser, satsfilnavn, type AarsSatser, type LagretSett } from '../timesats/aarssatser.js';
import type { Timesats } from '../timesats/timesats.js';
import { beregnPlan, kontrollerFordeling, type Budsjettplan, type Fordeling } from './budsjett.js';
import { beregnRegnskap, type Regnskap } from './regnskap.js';

/** Et datasett slik det er lest: radene og filen (null når et valgfritt datasett mangler). */
type Lest<T> = { rader: readonly T[]; fil: string | null };

/** En fil kjøringen skriver: en arbeidsbok kommandoen lager fra planen, eller budsjettsatsene som tekst. */
export type Skrivefil =
  | { hva: 'budsjett' | 'attestasjonsgrunnlag'; sti: string }
  | { hva: 'budsjettsatser'; sti: string; innhold: string };

export const budsjettFilnavn = (aar: number) => `budsjett-adm-gjennomforing-${aar}.xlsx`;
export const attestasjonFilnavn = (aar: number) => `attestasjonsgrunnlag-${aar}.xlsx`;

// ————— budsjettet (--år) —————

/** timesats-<år>.json for budsjettet (issue 20 pkt. 16): ny, med de samme satsene, eller med andre. */
export type Satsfil = {
  fil: string;
  sti: string;
  /** ny: fila finnes ikke; lik: samme satser per ansatt; ulik: andre satser (krever --overskriv). */
  status: 'ny' | 'lik' | 'ulik';
  laget: Dato | null;
  innhold: string;
};

export type BudsjettInn = {
  aar: number;
  idag: Dato;
  ansatte: readonly Ansatt[];
  satser: readonly Timesats[];
  /** Kontrollene av tallene i nh.json satsene hviler på (10.4 pkt. 2). */
  satsAdvarsler: readonly Diagnostikk[];
  kostnader: Lest<Kostnad>;
  tilskudd: Lest<Tilskudd>;
  /** timesats-<år>.json slik den er lagret fra før, eller null. */
  lagret: LagretSett | null;
  timerPerArsverk: number;
  /** Stiene kommandoen skriver til (budsjettet i utmappen, satsene i arbeidsmappen). */
  sti: { budsjett: string; satsfil: string };
  forhandsvis: boolean;
  overskriv: boolean;
};

export type Budsjettkjoring = {
  plan: Budsjettplan;
  /** 11.1: fristen, 1. desember året før. */
  frist: Dato;
  fordeling: Fordeling | null;
  satsfil: Satsfil;
  /** Feil i inndataene (ukjent kostnadskategori): ingenting vises eller skrives. */
  feil: Diagnostikk[];
  advarsler: Diagnostikk[];
  /** Skrivingen nektes (andre budsjettsatser lagret fra før, uten --overskriv); meldes etter advarslene. */
  nekt: Diagnostikk[];
  /** Filene som skrives, i rekkefølge; tom ved --forhåndsvis. */
  skriv: Skrivefil[];
};

/** Programveileder 10.4 / vedlegg 3 pkt. 4.2 og 11.1: budsjettet, kontrollene og filene det gir. */
export function planleggBudsjett(inn: BudsjettInn): Budsjettkjoring {
  const { aar, tilskudd } = inn;
  const { plan, feil: feilListe } = beregnPlan(aar, inn.ansatte, inn.satser, inn.kostnader.rader, tilskudd.rader);
  // 10.2: fordelingen 25 % / 75 % av Sivas programtilskudd — tilskuddet og budsjettet kontrolleres.
  const fordeling = kontrollerFordeling(aar, tilskudd.rader, plan.oppgjor.total);
  const frist = `${aar - 1}-12-01` as Dato;
  const advarsler = [
    // 10.4 pkt. 2: timer i et årsverk og årsverkene de indirekte kostnadene fordeles på (issue 20 pkt. 10, 15).
    ...inn.satsAdvarsler,
    ...medFilnavn(plan.advarsler, { kostnader: inn.kostnader.fil, tilskudd: tilskudd.fil }),
    ...fordeling.advarsler.map((d) => ({ ...d, kilde: { fil: tilskudd.fil ?? 'tilskudd.csv' } })),
    ...(inn.idag > frist
      ? [
          advarsel(
            'frist-passert',
            `Fristen for budsjettet for ${aar} var 1. desember ${aar - 1} (programveileder 11.1).`,
          ),
        ]
      : []),
  ];
  // Issue 20 pkt. 16: budsjettsatsene lagres (timesats-<år>.json), så attestasjonen kan sammenligne med årets faktiske.
  const satsfil = planleggSatsfil(inn);
  const nekt = inn.forhandsvis ? [] : satsfilNekt(satsfil, inn.overskriv);
  const skriv: Skrivefil[] = inn.forhandsvis
    ? []
    : [
        { hva: 'budsjett', sti: inn.sti.budsjett },
        ...(satsfil.status === 'lik'
          ? []
          : [{ hva: 'budsjettsatser' as const, sti: satsfil.sti, innhold: satsfil.innhold }]),
      ];
  return { plan, frist, fordeling: fordeling.fordeling, satsfil, feil: feilListe, advarsler, nekt, skriv };
}

/** Advarsler med datasettets navn som kilde får filnavnet slik det ble lest (kostnader.xlsx …). */
function medFilnavn(ds: readonly Diagnostikk[], filer: Record<'kostnader' | 'tilskudd', string | null>): Diagnostikk[] {
  return ds.map((d) =>
    d.kilde?.fil === 'kostnader'
      ? { ...d, kilde: { fil: filer.kostnader ?? 'kostnader.csv' } }
      : d.kilde?.fil === 'tilskudd'
        ? { ...d, kilde: { fil: filer.tilskudd ?? 'tilskudd.csv' } }
        : d,
  );
}

/** Samme satser per ansatt (navn og godkjent sats, i rekkefølge) som fila har fra før: «lik», og ingenting skrives. */
function planleggSatsfil(inn: BudsjettInn): Satsfil {
  const { aar, lagret } = inn;
  const nye = inn.satser.map((t) => `${t.navn}=${t.godkjent}`).join('|');
  const status = !lagret
    ? 'ny'
    : lagret.ansatte.map((a) => `${a.navn}=${a.godkjent}`).join('|') === nye
      ? 'lik'
      : 'ulik';
  return {
    fil: satsfilnavn(aar, 'budsjett'),
    sti: inn.sti.satsfil,
    status,
    laget: lagret?.laget ?? null,
    innhold: `${JSON.stringify(lagredeSatser(aar, inn.idag, 'budsjett', inn.timerPerArsverk, inn.satser), null, 2)}\n`,
  };
}

/** Andre budsjettsatser lagret fra før blir aldri stille erstattet. */
function satsfilNekt(s: Satsfil, overskriv: boolean): Diagnostikk[] {
  if (s.status !== 'ulik' || overskriv) return [];
  return [
    feil(
      'finnes-fra-for',
      `${s.fil} finnes fra før (lagret ${formatDato(s.laget!)}) med andre timesatser enn budsjettet regner nå. Kjør med ` +
        '--overskriv for å erstatte dem med satsene i dette budsjettet (de er timeprisene Siva får oppgitt, 10.4 pkt. 2).',
      { fil: s.fil },
    ),
  ];
}

// ————— årsoppgjøret (--regnskap) —————

export type RegnskapInn = {
  aar: number;
  idag: Dato;
  /** Årets satser (lagret faktisk, lagret budsjett eller regnet fra ansatte) og begge lagrede settene. */
  satser: AarsSatser;
  timer: Lest<Timeregistrering>;
  malbedrifter: readonly Malbedrift[];
  kostnader: Lest<Kostnad>;
  tilskudd: Lest<Tilskudd>;
  adminKoder: readonly string[];
  admAktiviteter: readonly string[];
  /** Stien attestasjonsgrunnlaget skrives til. */
  sti: string;
  forhandsvis: boolean;
};

export type Regnskapskjoring = {
  regnskap: Regnskap;
  /** Issue 20 pkt. 16: timebeløpet med det andre lagrede settet, til sammenligning (budsjett mot faktisk). */
  sammenligning: { sett: LagretSett; timeBelop: number } | null;
  fordeling: Fordeling | null;
  /** Kryssjekkene og ukjente kategorier: ingenting vises eller skrives. */
  feil: Diagnostikk[];
  advarsler: Diagnostikk[];
  /** Filene som skrives; tom ved --forhåndsvis. */
  skriv: Skrivefil[];
};

/** Programveileder 10.4 / vedlegg 3 pkt. 3 og 4.2: attestasjonsgrunnlaget for året og filen det gir. */
export function planleggRegnskap(inn: RegnskapInn): Regnskapskjoring {
  const { aar, satser, tilskudd } = inn;
  const regn = (ansatte: readonly { navn: string }[], s: readonly { godkjent: number }[], kilde: string) =>
    beregnRegnskap(
      aar,
      inn.timer.rader,
      ansatte,
      s,
      inn.malbedrifter,
      inn.kostnader.rader,
      tilskudd.rader,
      inn.adminKoder,
      inn.admAktiviteter,
      kilde,
    );
  const { regnskap, feil: feilListe } = regn(satser.ansatte, satser.satser, satser.fil ?? 'ansatte');
  const annet = satser.brukt === 'faktisk' ? satser.budsjett : satser.brukt === 'budsjett' ? satser.faktisk : null;
  const medAnnet = annet ? regn(annet.ansatte, annet.ansatte, annet.fil) : null;
  const sammenligning =
    annet && medAnnet && !medAnnet.feil.length ? { sett: annet, timeBelop: medAnnet.regnskap.oppgjor.timeBelop } : null;
  const fordeling = kontrollerFordeling(aar, tilskudd.rader);
  const advarsler = [
    ...utenRadMedFilnavn(regnskap.advarsler, {
      timer: inn.timer.fil ?? 'timer.csv',
      tilskudd: tilskudd.fil ?? 'tilskudd.csv',
      kostnader: inn.kostnader.fil ?? 'kostnader.csv',
    }),
    ...fordeling.advarsler.map((d) => ({ ...d, kilde: { fil: tilskudd.fil ?? 'tilskudd.csv' } })),
    ...satser.advarsler,
    ...(`${aar}-12-31` >= inn.idag
      ? [
          advarsel(
            'aret-ikke-avsluttet',
            `Året ${aar} er ikke avsluttet (i dag er ${formatDato(inn.idag)}); timer og kostnader som føres senere, kommer ikke med.`,
          ),
        ]
      : []),
  ];
  const skriv: Skrivefil[] = inn.forhandsvis ? [] : [{ hva: 'attestasjonsgrunnlag', sti: inn.sti }];
  return { regnskap, sammenligning, fordeling: fordeling.fordeling, feil: feilListe, advarsler, skriv };
}

/** En advarsel om et helt datasett (uten rad) får filnavnet slik det ble lest. */
function utenRadMedFilnavn(ds: readonly Diagnostikk[], filnavn: Record<string, string>): Diagnostikk[] {
  return ds.map((d) =>
    d.kilde && d.kilde.rad === undefined && filnavn[d.kilde.fil]
      ? { ...d, kilde: { ...d.kilde, fil: filnavn[d.kilde.fil]! } }
      : d,
  );
}
