/**
 * Årsoppgjøret for administrasjon og gjennomføring (nh budsjett --regnskap; 10.4, vedlegg 3 pkt. 3 og 4.2).
 * Rent domene; bruker de felles byggesteinene i budsjett.ts.
 */
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { formatDato } from '../felles/dato.js';
import { normaliserNavn } from '../felles/felter.js';
import { erAdminKode, kryssjekkTimer } from '../kontroll/kontroll.js';
import { erGyldigOrgnr } from '../felles/orgnr.js';
import type { Ore } from '../felles/penger.js';
import type { Kostnad } from '../datasett/kostnader.js';
import type { Ansatt } from '../datasett/ansatte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import type { Timeregistrering } from '../datasett/timer.js';
import type { Timesats } from '../timesats/timesats.js';
import { ADM_AKTIVITETER, OPPTAKSAKTIVITETER, USPESIFISERT, tolkAktivitet, type Aktivitet } from './liste.js';
import { direkteKostnader, oppgjor, timeBelop, tildelingFor, type Oppgjor, type Tildelingslinje } from './budsjett.js';

// ————— Regnskap (nh budsjett --regnskap) —————

type Timelinje = {
  dato: string;
  ansatt: string;
  aktivitet: Aktivitet;
  aktivitetOppgitt?: string | undefined;
  timer: number;
  beskrivelse?: string | undefined;
  tjeneste?: string | undefined;
  rad?: number | undefined;
  fil: string;
};
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

const SELSKAPSFORM = /(as|asa|sa|da|ans|enk|ba|sf)$/;

/**
 * Finner en målbedrift som nevnes i en administrasjonsrad: et gyldig orgnr fra malbedrifter i
 * aktivitet/tjeneste/beskrivelse, eller målbedriftens navn (med eller uten selskapsform, minst åtte tegn).
 */
export function nevntMalbedrift(
  t: Pick<Timeregistrering, 'aktivitet' | 'tjeneste' | 'beskrivelse'>,
  mb: readonly Malbedrift[],
): { malbedrift: Malbedrift; kolonne: 'aktivitet' | 'tjeneste' | 'beskrivelse' } | null {
  for (const kolonne of ['aktivitet', 'tjeneste', 'beskrivelse'] as const) {
    const tekst = t[kolonne];
    if (!tekst) continue;
    const tall = tekst.replace(/(\d)[\s.](?=\d)/g, '$1').match(/\d{9}/g) ?? [];
    for (const n of tall) {
      if (!erGyldigOrgnr(n)) continue;
      const m = mb.find((x) => x.orgnr === n);
      if (m) return { malbedrift: m, kolonne };
    }
    const nt = normaliserNavn(tekst);
    for (const m of mb) {
      const nn = normaliserNavn(m.navn);
      const uten = nn.replace(SELSKAPSFORM, '');
      if ((nn.length >= 8 && nt.includes(nn)) || (uten.length >= 8 && nt.includes(uten)))
        return { malbedrift: m, kolonne };
    }
  }
  return null;
}

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
  const fra = `${aar}-01-01`;
  const til = `${aar}-12-31`;
  const iAaret = timer.filter((t) => t.dato >= fra && t.dato <= til);
  // Kryssjekkene for budsjett (kontroll/kontroll.ts): ukjent ansatt (uten timesats), doble linjer, over 24 timer.
  const ds = kryssjekkTimer('budsjett', iAaret, { ansatte, ansatteKilde: satsKilde, malbedrifter, adminKoder });
  const adv: Diagnostikk[] = [];
  const satsPerNavn = new Map(
    ansatte.map((a, i) => [normaliserNavn(a.navn), { navn: a.navn, sats: satser[i]!.godkjent }]),
  );
  const timelinjer: Timelinje[] = [];
  let uspesifisert = 0;
  let forsteUspesifisert: Timeregistrering | undefined;
  let malbedriftTimer = 0;
  const admAktivPaaMb: Timeregistrering[] = [];
  /** Aktiviteter som ikke står på lista: navn → første rad og antall timer (én advarsel per aktivitet). */
  const ukjente = new Map<string, { forste: Timeregistrering; timer: number }>();
  for (const t of iAaret) {
    if (!erAdminKode(t.malbedrift, adminKoder)) {
      malbedriftTimer += t.timer;
      // Timer på en målbedrift med en administrasjonsaktivitet: trolig feilført. Ikke med her (art. 28).
      if (t.aktivitet && tolkAktivitet(t.aktivitet, ekstraAktiviteter)) admAktivPaaMb.push(t);
      continue;
    }
    const person = satsPerNavn.get(normaliserNavn(t.ansatt)); // en ukjent er meldt av kryssjekkene
    let aktivitet: Aktivitet;
    if (!t.aktivitet) {
      aktivitet = USPESIFISERT;
      uspesifisert += t.timer;
      forsteUspesifisert ??= t;
    } else {
      const kjent = tolkAktivitet(t.aktivitet, ekstraAktiviteter);
      // 10.4 og vedlegg 3 pkt. 3 er eksempellister («blant annet»): en annen aktivitet tas med, med en advarsel.
      aktivitet = kjent ?? t.aktivitet.trim();
      if (!kjent) {
        const u = ukjente.get(aktivitet) ?? { forste: t, timer: 0 };
        u.timer += t.timer;
        ukjente.set(aktivitet, u);
      }
    }
    const nevnt = nevntMalbedrift(t, malbedrifter);
    // Vedlegg 3 pkt. 3: før avtalestart (og for selve opptaket/rekrutteringen) er arbeid med en bedrift
    // administrasjon. I avtaleperioden kan det være rådgivning til målbedriften (art. 28): spør, ikke nekt.
    if (nevnt && t.dato >= nevnt.malbedrift.avtalestart && !OPPTAKSAKTIVITETER.has(aktivitet)) {
      adv.push(
        advarsel(
          'adm-nevner-malbedrift',
          `Raden er ført på administrasjon og gjennomføring (${t.malbedrift}), men nevner målbedriften ${nevnt.malbedrift.navn} ` +
            `(${nevnt.malbedrift.orgnr}), som hadde avtale fra ${formatDato(nevnt.malbedrift.avtalestart)}. Er dette rådgivning til bedriften? ` +
            `Da er det innovasjonsstøtte (art. 28) og skal føres på målbedriftens orgnr (programveileder 10.4, vedlegg 3 pkt. 3). ` +
            `Opptak og rekruttering er administrasjon.`,
          { ...t.kilde, kolonne: nevnt.kolonne },
          {
            verdi: t[nevnt.kolonne] ?? '',
            forventet: `malbedrift = ${nevnt.malbedrift.orgnr} hvis det er rådgivning, ellers aktivitet for opptak/administrasjon`,
          },
        ),
      );
    }
    if (!person) continue;
    timelinjer.push({
      dato: t.dato,
      ansatt: person.navn,
      aktivitet,
      aktivitetOppgitt: t.aktivitet,
      timer: t.timer,
      beskrivelse: t.beskrivelse,
      tjeneste: t.tjeneste,
      rad: t.kilde.rad,
      fil: t.kilde.fil,
    });
  }
  const k = direkteKostnader(kostnader, aar, 'regnskap');
  ds.push(...k.feil);

  // Linjene: person × aktivitet, i rekkefølgen fra ansatte, standardlisten, nh.json og til slutt de ukjente.
  const rekkefolge: Aktivitet[] = [
    ...new Set<string>([...ADM_AKTIVITETER, ...ekstraAktiviteter, ...ukjente.keys(), USPESIFISERT]),
  ];
  for (const [navn, u] of ukjente) {
    adv.push(
      advarsel(
        'ukjent-aktivitet',
        `Aktiviteten «${navn}» (${(u.timer / 100).toLocaleString('nb-NO')} timer) står ikke på lista over administrasjon og ` +
          `gjennomføring (10.4, vedlegg 3 pkt. 3). Den er tatt med; listene er eksempler. Hører den hjemme her, legg den i ` +
          `«admAktiviteter» i nh.json; er det rådgivning til en målbedrift, før timene på målbedriftens orgnr.`,
        { ...u.forste.kilde, kolonne: 'aktivitet' },
        { verdi: navn, forventet: `én av: ${[...ADM_AKTIVITETER, ...ekstraAktiviteter].join(', ')} (eller tom)` },
      ),
    );
  }
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
  const aktiviteter: Aktivitetssum[] = rekkefolge
    .filter((a) => a !== USPESIFISERT || uspesifisert > 0)
    .map((aktivitet) => {
      const ls = linjer.filter((l) => l.aktivitet === aktivitet);
      return { aktivitet, timer: ls.reduce((s, l) => s + l.timer, 0), belop: ls.reduce((s, l) => s + l.belop, 0) };
    });

  if (uspesifisert > 0) {
    adv.push(
      advarsel(
        'adm-uten-aktivitet',
        `${(uspesifisert / 100).toLocaleString('nb-NO')} timer på administrasjon og gjennomføring har ingen aktivitet; de tas med som «${USPESIFISERT}» (programveileder 10.4 godtar en egen prosjektkonto uten aktivitet per time).`,
        forsteUspesifisert ? { ...forsteUspesifisert.kilde, kolonne: 'aktivitet' } : undefined,
      ),
    );
  }
  if (admAktivPaaMb.length) {
    const f = admAktivPaaMb[0]!;
    adv.push(
      advarsel(
        'mb-med-adm-aktivitet',
        `${admAktivPaaMb.length} ${admAktivPaaMb.length === 1 ? 'timerad' : 'timerader'} på målbedrifter har en administrasjonsaktivitet (første: «${f.aktivitet}» på ${f.malbedrift}). De regnes som målbedriftstimer (art. 28) og er ikke med her; før dem på ${adminKoder[0] ?? 'ADM'} hvis de gjelder administrasjon.`,
        { ...f.kilde, kolonne: 'aktivitet' },
      ),
    );
  }
  const tildeling = tildelingFor(aar, tilskudd);
  if (!tildeling.linjer.length)
    adv.push(
      advarsel(
        'ingen-tildeling',
        `Ingen tilskudd av type «administrasjon» for ${aar} i tilskudd; regnskapet sammenlignes med 0 kr.`,
        { fil: 'tilskudd' },
      ),
    );
  if (!timelinjer.length && !ds.length)
    adv.push(
      advarsel(
        'ingen-adm-timer',
        `Ingen timer på administrasjon og gjennomføring (${adminKoder.join(', ')}) i ${aar}.`,
        { fil: 'timer' },
      ),
    );

  const timeSum = linjer.reduce((s, l) => s + l.belop, 0);
  return {
    regnskap: {
      modus: 'regnskap',
      ar: aar,
      timelinjer,
      linjer,
      personer,
      aktiviteter,
      timer: linjer.reduce((s, l) => s + l.timer, 0),
      kostnader: k,
      tildeling,
      oppgjor: oppgjor(timeSum, k.sum, tildeling.sum),
      malbedriftTimer,
      advarsler: adv,
    },
    feil: ds,
  };
}
