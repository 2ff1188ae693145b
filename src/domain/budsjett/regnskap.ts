/**
 * Årsoppgjøret for administrasjon og gjennomføring (nh budsjett --regnskap; 10.4, vedlegg 3 pkt. 3 og 4.2).
 * Rent domene; bruker de felles byggesteinene i budsjett.ts og sorteringen av timeradene i timelinjer.ts.
 */
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { normaliserNavn } from '../felles/felter.js';
import { kryssjekkTimer } from '../kontroll/kontroll.js';
import type { Ore } from '../felles/penger.js';
import type { Kostnad } from '../datasett/kostnader.js';
import type { Ansatt } from '../datasett/ansatte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import type { Timeregistrering } from '../datasett/timer.js';
import type { Timesats } from '../timesats/timesats.js';
import { ADM_AKTIVITETER, USPESIFISERT, type Aktivitet } from './liste.js';
import { direkteKostnader, oppgjor, timeBelop, tildelingFor, type Oppgjor, type Tildelingslinje } from './budsjett.js';
import {
  sorteringsadvarsler,
  sorterTimer,
  ukjenteAktiviteter,
  type Timelinje,
  type Timesortering,
} from './timelinjer.js';

// ————— Regnskap (nh budsjett --regnskap) —————

type PersonAktivitet = {
  ansatt: string;
  aktivitet: Aktivitet;
  timer: number;
  timesats: Ore;
  belop: Ore;
  rader: number;
};
type Regnskapsperson = {
  navn: string;
  timesats: Ore;
  timer: number;
  belop: Ore;
  aktiviteter: PersonAktivitet[];
};
type Aktivitetssum = { aktivitet: Aktivitet; timer: number; belop: Ore };

export type Regnskap = {
  modus: 'regnskap';
  ar: number;
  timelinjer: Timelinje[];
  linjer: PersonAktivitet[];
  personer: Regnskapsperson[];
  aktiviteter: Aktivitetssum[];
  timer: number;
  kostnader: ReturnType<typeof direkteKostnader>;
  tildeling: { sum: Ore; linjer: Tildelingslinje[] };
  oppgjor: Oppgjor;
  /** Timer på målbedrifter i året (art. 28, ikke med her) — for oversikt. */
  malbedriftTimer: number;
  advarsler: Diagnostikk[];
};

/**
 * Programveileder 10.4 / vedlegg 3 pkt. 4.2 (attestasjon til 20. februar): alle timer på
 * administrasjonskoden i året, per person og aktivitet, × personens godkjente timesats, pluss faktiske
 * direkte kostnader, mot tildelingen.
 *
 * Feil (alle samlet): kryssjekkene (ansatt uten timesats — ikke i ansatte eller årets lagrede satser —, doble
 * linjer, over 24 timer på en dag), ukjent kostnadskategori. Advarsler: aktivitet som
 * ikke står på lista (standardlisten + nh.json; tas med), administrasjonsrad som nevner en målbedrift i
 * avtaleperioden (kan være rådgivning, art. 28) — før avtalestart og for opptak/rekruttering er det administrasjon
 * (vedlegg 3 pkt. 3). Timer uten aktivitet godtas (10.4: prosjektkonto) med én advarsel.
 */
export function beregnRegnskap(
  aar: number,
  timer: readonly Timeregistrering[],
  ansatte: readonly Pick<Ansatt, 'navn'>[],
  satser: readonly Pick<Timesats, 'godkjent'>[],
  malbedrifter: readonly Malbedrift[],
  kostnader: readonly Kostnad[],
  tilskudd: readonly Tilskudd[],
  adminKoder: readonly string[],
  ekstraAktiviteter: readonly string[] = [],
  /** Hvor satsene kom fra (ansatte, eller årets lagrede timesats-<år>.json), for feilmeldingen. */
  satsKilde = 'ansatte',
): { regnskap: Regnskap; feil: Diagnostikk[] } {
  const iAaret = timer.filter((t) => t.dato >= `${aar}-01-01` && t.dato <= `${aar}-12-31`);
  // Kryssjekkene for budsjett (kontroll/kontroll.ts): ukjent ansatt (uten timesats), doble linjer, over 24 timer.
  const ds = kryssjekkTimer('budsjett', iAaret, { ansatte, ansatteKilde: satsKilde, malbedrifter, adminKoder });
  const navn = new Map(ansatte.map((a) => [normaliserNavn(a.navn), a.navn]));
  const s = sorterTimer(iAaret, navn, malbedrifter, adminKoder, ekstraAktiviteter);
  const k = direkteKostnader(kostnader, aar, 'regnskap');
  ds.push(...k.feil);
  // Linjene: person × aktivitet, i rekkefølgen fra ansatte, standardlisten, nh.json og til slutt de ukjente.
  const rekkefolge: Aktivitet[] = [
    ...new Set<string>([...ADM_AKTIVITETER, ...ekstraAktiviteter, ...s.ukjente.keys(), USPESIFISERT]),
  ];
  const { linjer, personer } = personlinjer(ansatte, satser, s.timelinjer, rekkefolge);
  const tildeling = tildelingFor(aar, tilskudd);
  const advarsler = [
    ...s.advarsler,
    ...ukjenteAktiviteter(s, ekstraAktiviteter),
    ...sorteringsadvarsler(s, adminKoder),
    ...oppgjorsadvarsler(aar, s, tildeling.linjer.length > 0, ds.length > 0, adminKoder),
  ];
  const timeSum = linjer.reduce((sum, l) => sum + l.belop, 0);
  return {
    regnskap: {
      modus: 'regnskap',
      ar: aar,
      timelinjer: s.timelinjer,
      linjer,
      personer,
      aktiviteter: aktivitetssummer(rekkefolge, linjer, s.uspesifisert.timer),
      timer: linjer.reduce((sum, l) => sum + l.timer, 0),
      kostnader: k,
      tildeling,
      oppgjor: oppgjor(timeSum, k.sum, tildeling.sum),
      malbedriftTimer: s.malbedriftTimer,
      advarsler,
    },
    feil: ds,
  };
}

/** Per ansatt (i rekkefølgen fra ansatte) én linje per aktivitet med timer; beløpet avrundes per linje. */
function personlinjer(
  ansatte: readonly Pick<Ansatt, 'navn'>[],
  satser: readonly Pick<Timesats, 'godkjent'>[],
  timelinjer: readonly Timelinje[],
  rekkefolge: readonly Aktivitet[],
): { linjer: PersonAktivitet[]; personer: Regnskapsperson[] } {
  const linjer: PersonAktivitet[] = [];
  const personer: Regnskapsperson[] = [];
  for (const [i, a] of ansatte.entries()) {
    const sats = satser[i]!.godkjent;
    const egne = timelinjer.filter((l) => l.ansatt === a.navn);
    const akt: PersonAktivitet[] = [];
    for (const aktivitet of rekkefolge) {
      const ls = egne.filter((l) => l.aktivitet === aktivitet);
      if (!ls.length) continue;
      const tim = ls.reduce((s, l) => s + l.timer, 0);
      akt.push({
        ansatt: a.navn,
        aktivitet,
        timer: tim,
        timesats: sats,
        belop: timeBelop(tim, sats),
        rader: ls.length,
      });
    }
    linjer.push(...akt);
    personer.push({
      navn: a.navn,
      timesats: sats,
      timer: akt.reduce((s, l) => s + l.timer, 0),
      belop: akt.reduce((s, l) => s + l.belop, 0),
      aktiviteter: akt,
    });
  }
  return { linjer, personer };
}

/** Sum per aktivitet over alle ansatte; «uspesifisert» bare når det finnes slike timer. */
function aktivitetssummer(
  rekkefolge: readonly Aktivitet[],
  linjer: readonly PersonAktivitet[],
  uspesifisert: number,
): Aktivitetssum[] {
  return rekkefolge
    .filter((a) => a !== USPESIFISERT || uspesifisert > 0)
    .map((aktivitet) => {
      const ls = linjer.filter((l) => l.aktivitet === aktivitet);
      return { aktivitet, timer: ls.reduce((s, l) => s + l.timer, 0), belop: ls.reduce((s, l) => s + l.belop, 0) };
    });
}

/** Ingen tildeling å sammenligne med, og ingen administrasjonstimer (når det ikke allerede er feil). */
function oppgjorsadvarsler(
  aar: number,
  s: Timesortering,
  harTildeling: boolean,
  harFeil: boolean,
  adminKoder: readonly string[],
): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  if (!harTildeling)
    ds.push(
      advarsel(
        'ingen-tildeling',
        `Ingen tilskudd av type «administrasjon» for ${aar} i tilskudd; regnskapet sammenlignes med 0 kr.`,
        { fil: 'tilskudd' },
      ),
    );
  if (!s.timelinjer.length && !harFeil)
    ds.push(
      advarsel(
        'ingen-adm-timer',
        `Ingen timer på administrasjon og gjennomføring (${adminKoder.join(', ')}) i ${aar}.`,
        {
          fil: 'timer',
        },
      ),
    );
  return ds;
}
