/**
 * Budsjett og årsoppgjør for administrasjon og gjennomføring (ikke statsstøtte).
 *
 * Programveileder 10.2: om lag 25 % av programtilskuddet er «administrasjons- og gjennomføringskostnader».
 * Programveileder 10.4 / vedlegg 3 pkt. 4.2: før Siva utbetaler, sendes et budsjett med timesatsene og
 * de direkte kostnadene; «det bærende prinsippet er at det ikke skal ligge igjen fortjeneste i
 * selskapet». Ved årsslutt attesterer revisor (frist 20. februar, 11.1) at timelister dokumenterer
 * medgått tid, hvem og hvordan, og at tildelingen er «disponert i sin helhet»; for mye utbetalt kreves tilbake.
 *
 * Rent domene: ingen I/O. Alle beløp i øre, timer i hundredeler, timesats i øre per time.
 * Avrunding: én gang per linje (person i planen; person × aktivitet i regnskapet) til nærmeste øre,
 * halv opp; alle summer er summer av linjene, så revisor kan summere seg fram til totalen.
 */
import { feil, advarsel, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { mulDivRund, type Ore } from '../felles/penger.js';
import { KOSTNADSKATEGORIER, type Kostnad, type Kostnadskategori } from '../datasett/kostnader.js';
import type { Ansatt } from '../datasett/ansatte.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import type { Timesats } from '../timesats/timesats.js';
import { tolkKategori } from './liste.js';

export * from './liste.js';
export * from './fordeling.js';

// ————— Felles typer —————

export type Modus = 'plan' | 'regnskap';
/** under: tildelingen er større enn kostnadene; over: kostnadene er større; lik: går i null. */
type Status = 'under' | 'lik' | 'over';

export type Kostnadslinje = {
  kategori: Kostnadskategori;
  belop: Ore;
  tekst?: string | undefined;
  dato?: string | undefined;
  rad?: number | undefined;
  fil: string;
};
export type Kategorisum = { kategori: Kostnadskategori; antall: number; belop: Ore };
export type Tildelingslinje = { belop: Ore; dato?: string | undefined; rad?: number | undefined; fil: string };

export type Oppgjor = {
  /** timer (sum av personlinjene) + direkte kostnader */
  timeBelop: Ore;
  direkteKostnader: Ore;
  total: Ore;
  tildeling: Ore;
  /** tildeling − total: positiv = penger blir igjen (tilbakebetales), negativ = ikke dekket. */
  differanse: Ore;
  status: Status;
};

export function oppgjor(timeBelop: Ore, direkteKostnader: Ore, tildeling: Ore): Oppgjor {
  const total = timeBelop + direkteKostnader;
  const differanse = tildeling - total;
  return {
    timeBelop,
    direkteKostnader,
    total,
    tildeling,
    differanse,
    status: differanse > 0 ? 'under' : differanse < 0 ? 'over' : 'lik',
  };
}

/** Timebeløp for én linje: timer (hundredeler) × timesats (øre per time), avrundet til øre, halv opp. */
export function timeBelop(timer: number, timesats: Ore): Ore {
  return mulDivRund(timer, timesats, 100);
}

/**
 * Programveileder 10.2/10.4: tildelingen til administrasjon og gjennomføring for året = summen av
 * tilskudd av type «administrasjon» det året.
 * NB: kolonnen «kilde» i tilskudd kolliderer med radens kilde (fil/rad) fra leseren, som vinner; vi
 * bruker derfor bare fil og rad her.
 */
export function tildelingFor(aar: number, tilskudd: readonly Tilskudd[]): { sum: Ore; linjer: Tildelingslinje[] } {
  const linjer = tilskudd
    .filter((t) => t.ar === aar && t.type === 'administrasjon')
    .map((t) => {
      const k = t.kilde as unknown as Kilde | string | undefined;
      const rad = typeof k === 'object' && k ? k.rad : undefined;
      return { belop: t.belop, dato: t.dato, rad, fil: typeof k === 'object' && k ? k.fil : 'tilskudd' };
    });
  return { sum: linjer.reduce((s, l) => s + l.belop, 0), linjer };
}

// ————— Direkte kostnader —————

/**
 * Programveileder 10.4: bare de seks kategoriene av direkte kostnader kan dekkes innenfor
 * administrasjon og gjennomføring. Velger årets rader av riktig type (plan: «budsjett»,
 * regnskap: «faktisk» eller tom) og gir én feil per rad med ukjent kategori (fil, rad, kolonne).
 */
export function direkteKostnader(
  kostnader: readonly Kostnad[],
  aar: number,
  modus: Modus,
): { linjer: Kostnadslinje[]; perKategori: Kategorisum[]; sum: Ore; feil: Diagnostikk[] } {
  const onsketType = modus === 'plan' ? 'budsjett' : 'faktisk';
  const ds: Diagnostikk[] = [];
  const linjer: Kostnadslinje[] = [];
  for (const k of kostnader) {
    if (k.ar !== aar || (k.type ?? 'faktisk') !== onsketType) continue;
    const kategori = tolkKategori(k.kategori);
    if (!kategori) {
      ds.push(
        feil(
          'ukjent-kostnadskategori',
          `Kategorien «${k.kategori}» kan ikke dekkes av tilskuddet til administrasjon og gjennomføring (programveileder 10.4).`,
          { ...k.kilde, kolonne: 'kategori' },
          {
            verdi: k.kategori,
            forventet: `én av: ${KOSTNADSKATEGORIER.join('; ')}`,
          },
        ),
      );
      continue;
    }
    linjer.push({ kategori, belop: k.belop, tekst: k.tekst, dato: k.dato, rad: k.kilde.rad, fil: k.kilde.fil });
  }
  const perKategori = KOSTNADSKATEGORIER.map((kategori) => {
    const ls = linjer.filter((l) => l.kategori === kategori);
    return { kategori, antall: ls.length, belop: ls.reduce((s, l) => s + l.belop, 0) };
  });
  return { linjer, perKategori, sum: perKategori.reduce((s, k) => s + k.belop, 0), feil: ds };
}

// ————— Plan (nh budsjett --år) —————

type Planperson = { navn: string; timer: number; timesats: Ore; belop: Ore; harPlan: boolean };

export type Budsjettplan = {
  modus: 'plan';
  ar: number;
  personer: Planperson[];
  timer: number;
  kostnader: ReturnType<typeof direkteKostnader>;
  tildeling: { sum: Ore; linjer: Tildelingslinje[] };
  oppgjor: Oppgjor;
  advarsler: Diagnostikk[];
};

/**
 * Programveileder 10.4 / vedlegg 3 pkt. 4.2: budsjettet viser timesatsene og de direkte kostnadene.
 * Timer per person = ansatte.admTimerPlan (tom = 0), × godkjent timesats (10.4, fra nh timesats).
 * Kaster ikke: feil (ukjent kategori) returneres i `feil` så kalleren kan samle alt.
 */
export function beregnPlan(
  aar: number,
  ansatte: readonly Ansatt[],
  satser: readonly Timesats[],
  kostnader: readonly Kostnad[],
  tilskudd: readonly Tilskudd[],
): { plan: Budsjettplan; feil: Diagnostikk[] } {
  const personer: Planperson[] = ansatte.map((a, i) => {
    const timesats = satser[i]!.godkjent;
    const timer = a.admTimerPlan ?? 0;
    return { navn: a.navn, timer, timesats, belop: timeBelop(timer, timesats), harPlan: a.admTimerPlan !== undefined };
  });
  const k = direkteKostnader(kostnader, aar, 'plan');
  const tildeling = tildelingFor(aar, tilskudd);
  const timeSum = personer.reduce((s, p) => s + p.belop, 0);
  const ds: Diagnostikk[] = [];
  if (!personer.some((p) => p.harPlan)) {
    ds.push(
      advarsel(
        'ingen-planlagte-timer',
        'Ingen ansatte har planlagte timer (kolonnen admTimerPlan i ansatte); budsjettet har bare direkte kostnader.',
        { fil: ansatte[0]?.kilde.fil ?? 'ansatte.csv', kolonne: 'admTimerPlan' },
      ),
    );
  }
  if (!k.linjer.length && !k.feil.length) {
    ds.push(
      advarsel('ingen-budsjettkostnader', `Ingen direkte kostnader med type «budsjett» for ${aar} i kostnader.`, {
        fil: 'kostnader',
      }),
    );
  }
  if (!tildeling.linjer.length) {
    ds.push(
      advarsel(
        'ingen-tildeling',
        `Ingen tilskudd av type «administrasjon» for ${aar} i tilskudd; budsjettet sammenlignes med 0 kr.`,
        { fil: 'tilskudd' },
      ),
    );
  }
  return {
    plan: {
      modus: 'plan',
      ar: aar,
      personer,
      timer: personer.reduce((s, p) => s + p.timer, 0),
      kostnader: k,
      tildeling,
      oppgjor: oppgjor(timeSum, k.sum, tildeling.sum),
      advarsler: ds,
    },
    feil: k.feil,
  };
}

// ————— Tekst om resultatet —————

/**
 * Hva differansen betyr. Plan (10.4: «ikke skal ligge igjen fortjeneste»): under = penger blir igjen og
 * må tilbakebetales om budsjettet holder; over = ikke dekket av tildelingen. Regnskap (vedlegg 3 pkt. 4.2):
 * under = overskytende beløp kreves tilbake; lik/over = tildelingen er disponert i sin helhet.
 */
export function statusTekst(modus: Modus, o: Oppgjor, kroner: (ore: Ore) => string): string {
  const d = kroner(Math.abs(o.differanse));
  if (modus === 'plan') {
    if (o.status === 'under')
      return `Budsjettet er ${d} kr UNDER tildelingen: så mye ville bli liggende igjen i selskapet og må tilbakebetales til Siva (programveileder 10.4, vedlegg 3 pkt. 4.2).`;
    if (o.status === 'over')
      return `Budsjettet er ${d} kr OVER tildelingen: dette dekkes ikke av tilskuddet til administrasjon og gjennomføring.`;
    return 'Budsjettet er LIKT tildelingen: ingenting blir igjen i selskapet (programveileder 10.4).';
  }
  if (o.status === 'under')
    return `Tildelingen er IKKE disponert i sin helhet: overskudd ${d} kr skal tilbakebetales til Siva (vedlegg 3 pkt. 4.2).`;
  if (o.status === 'over')
    return `Tildelingen er disponert i sin helhet; kostnadene er ${d} kr høyere enn tildelingen (dekkes ikke av tilskuddet).`;
  return 'Tildelingen er disponert i sin helhet (vedlegg 3 pkt. 4.2); differansen er 0 kr.';
}
