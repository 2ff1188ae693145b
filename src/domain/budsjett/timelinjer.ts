/**
 * Årets timerader sortert for årsoppgjøret (nh budsjett --regnskap; 10.4, vedlegg 3 pkt. 3): hva som er
 * administrasjon og gjennomføring, hvilken aktivitet raden hører til, og det som skal meldes — en rad som nevner en
 * målbedrift, en aktivitet som ikke står på lista, timer uten aktivitet, og administrasjonsaktivitet på målbedrifter.
 * Rent domene.
 */
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { formatDato } from '../felles/dato.js';
import { normaliserNavn } from '../felles/felter.js';
import { erGyldigOrgnr } from '../felles/orgnr.js';
import { erAdminKode } from '../kontroll/kontroll.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Timeregistrering } from '../datasett/timer.js';
import { ADM_AKTIVITETER, OPPTAKSAKTIVITETER, USPESIFISERT, tolkAktivitet, type Aktivitet } from './liste.js';

export type Timelinje = {
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

/** Årets timerader sortert: linjene som tas med, og det som skal meldes om resten. */
export type Timesortering = {
  /** Administrasjonsrader for en kjent ansatt (en ukjent er meldt av kryssjekkene). */
  timelinjer: Timelinje[];
  /** Timer uten aktivitet (10.4: prosjektkonto) og den første slike raden. */
  uspesifisert: { timer: number; forste: Timeregistrering | undefined };
  /** Timer på målbedrifter (art. 28, ikke med i oppgjøret). */
  malbedriftTimer: number;
  /** Rader på en målbedrift med en administrasjonsaktivitet: trolig feilført. */
  admAktivPaaMb: Timeregistrering[];
  /** Aktiviteter som ikke står på lista: navn → første rad og antall timer (én advarsel per aktivitet). */
  ukjente: Map<string, { forste: Timeregistrering; timer: number }>;
  /** «adm-nevner-malbedrift» i radenes rekkefølge. */
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
    const malbedrift = tekst ? (nevntVedOrgnr(tekst, mb) ?? nevntVedNavn(tekst, mb)) : undefined;
    if (malbedrift) return { malbedrift, kolonne };
  }
  return null;
}

function nevntVedOrgnr(tekst: string, mb: readonly Malbedrift[]): Malbedrift | undefined {
  const tall = tekst.replace(/(\d)[\s.](?=\d)/g, '$1').match(/\d{9}/g) ?? [];
  for (const n of tall) {
    const m = erGyldigOrgnr(n) ? mb.find((x) => x.orgnr === n) : undefined;
    if (m) return m;
  }
  return undefined;
}

function nevntVedNavn(tekst: string, mb: readonly Malbedrift[]): Malbedrift | undefined {
  const nt = normaliserNavn(tekst);
  return mb.find((m) => {
    const nn = normaliserNavn(m.navn);
    const uten = nn.replace(SELSKAPSFORM, '');
    return (nn.length >= 8 && nt.includes(nn)) || (uten.length >= 8 && nt.includes(uten));
  });
}

/**
 * Sorterer årets rader. `ansatte` er normalisert navn → navnet slik det står i ansatte (eller i årets lagrede
 * satser); en rad for en som ikke står der, blir ingen linje.
 */
export function sorterTimer(
  iAaret: readonly Timeregistrering[],
  ansatte: ReadonlyMap<string, string>,
  malbedrifter: readonly Malbedrift[],
  adminKoder: readonly string[],
  ekstraAktiviteter: readonly string[],
): Timesortering {
  const s: Timesortering = {
    timelinjer: [],
    uspesifisert: { timer: 0, forste: undefined },
    malbedriftTimer: 0,
    admAktivPaaMb: [],
    ukjente: new Map(),
    advarsler: [],
  };
  for (const t of iAaret) {
    if (!erAdminKode(t.malbedrift, adminKoder)) {
      s.malbedriftTimer += t.timer;
      // Timer på en målbedrift med en administrasjonsaktivitet: trolig feilført. Ikke med her (art. 28).
      if (t.aktivitet && tolkAktivitet(t.aktivitet, ekstraAktiviteter)) s.admAktivPaaMb.push(t);
      continue;
    }
    const aktivitet = admAktivitet(s, t, ekstraAktiviteter);
    const nevnt = nevntMalbedrift(t, malbedrifter);
    // Vedlegg 3 pkt. 3: før avtalestart (og for selve opptaket/rekrutteringen) er arbeid med en bedrift
    // administrasjon. I avtaleperioden kan det være rådgivning til målbedriften (art. 28): spør, ikke nekt.
    if (nevnt && t.dato >= nevnt.malbedrift.avtalestart && !OPPTAKSAKTIVITETER.has(aktivitet))
      s.advarsler.push(admNevnerMalbedrift(t, nevnt));
    const navn = ansatte.get(normaliserNavn(t.ansatt)); // en ukjent er meldt av kryssjekkene
    if (navn !== undefined) s.timelinjer.push(timelinje(t, navn, aktivitet));
  }
  return s;
}

/** Aktiviteten en administrasjonsrad føres på; tom og ukjent aktivitet telles i `s`. */
function admAktivitet(s: Timesortering, t: Timeregistrering, ekstraAktiviteter: readonly string[]): Aktivitet {
  if (!t.aktivitet) {
    s.uspesifisert.timer += t.timer;
    s.uspesifisert.forste ??= t;
    return USPESIFISERT;
  }
  const kjent = tolkAktivitet(t.aktivitet, ekstraAktiviteter);
  if (kjent) return kjent;
  // 10.4 og vedlegg 3 pkt. 3 er eksempellister («blant annet»): en annen aktivitet tas med, med en advarsel.
  const aktivitet = t.aktivitet.trim();
  const u = s.ukjente.get(aktivitet) ?? { forste: t, timer: 0 };
  u.timer += t.timer;
  s.ukjente.set(aktivitet, u);
  return aktivitet;
}

function timelinje(t: Timeregistrering, ansatt: string, aktivitet: Aktivitet): Timelinje {
  return {
    dato: t.dato,
    ansatt,
    aktivitet,
    aktivitetOppgitt: t.aktivitet,
    timer: t.timer,
    beskrivelse: t.beskrivelse,
    tjeneste: t.tjeneste,
    rad: t.kilde.rad,
    fil: t.kilde.fil,
  };
}

function admNevnerMalbedrift(t: Timeregistrering, nevnt: NonNullable<ReturnType<typeof nevntMalbedrift>>): Diagnostikk {
  const m = nevnt.malbedrift;
  return advarsel(
    'adm-nevner-malbedrift',
    `Raden er ført på administrasjon og gjennomføring (${t.malbedrift}), men nevner målbedriften ${m.navn} ` +
      `(${m.orgnr}), som hadde avtale fra ${formatDato(m.avtalestart)}. Er dette rådgivning til bedriften? ` +
      `Da er det innovasjonsstøtte (art. 28) og skal føres på målbedriftens orgnr (programveileder 10.4, vedlegg 3 pkt. 3). ` +
      `Opptak og rekruttering er administrasjon.`,
    { ...t.kilde, kolonne: nevnt.kolonne },
    {
      verdi: t[nevnt.kolonne] ?? '',
      forventet: `malbedrift = ${m.orgnr} hvis det er rådgivning, ellers aktivitet for opptak/administrasjon`,
    },
  );
}

/** Én advarsel per aktivitet som ikke står på lista (den er tatt med; listene er eksempler). */
export function ukjenteAktiviteter(s: Timesortering, ekstraAktiviteter: readonly string[]): Diagnostikk[] {
  return [...s.ukjente].map(([navn, u]) =>
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

/** Timer uten aktivitet (godtatt, 10.4) og administrasjonsaktivitet ført på målbedrifter (ikke med). */
export function sorteringsadvarsler(s: Timesortering, adminKoder: readonly string[]): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  const { timer, forste } = s.uspesifisert;
  if (timer > 0) {
    ds.push(
      advarsel(
        'adm-uten-aktivitet',
        `${(timer / 100).toLocaleString('nb-NO')} timer på administrasjon og gjennomføring har ingen aktivitet; de tas med som «${USPESIFISERT}» (programveileder 10.4 godtar en egen prosjektkonto uten aktivitet per time).`,
        forste ? { ...forste.kilde, kolonne: 'aktivitet' } : undefined,
      ),
    );
  }
  const mb = s.admAktivPaaMb;
  if (mb.length) {
    const f = mb[0]!;
    ds.push(
      advarsel(
        'mb-med-adm-aktivitet',
        `${mb.length} ${mb.length === 1 ? 'timerad' : 'timerader'} på målbedrifter har en administrasjonsaktivitet (første: «${f.aktivitet}» på ${f.malbedrift}). De regnes som målbedriftstimer (art. 28) og er ikke med her; før dem på ${adminKoder[0] ?? 'ADM'} hvis de gjelder administrasjon.`,
        { ...f.kilde, kolonne: 'aktivitet' },
      ),
    );
  }
  return ds;
}
