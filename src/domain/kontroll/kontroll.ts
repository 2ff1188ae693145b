/**
 * Kryssjekkene mellom datasettene — én ordnet liste (issue 22 pkt. 4), brukt av `nh sjekk`, `nh faktura` og
 * `nh budsjett --regnskap`, så meldingene aldri kan gli fra hverandre. Hver regel har en kode fra registeret
 * (felles/feilkoder.ts gir alvor og hjemmel, docs/feilkoder.md viser dem), en melding og hvilke kommandoer som
 * kjører den. Kommandoen kjører reglene på radene den leser: sjekk alle, faktura månedens, budsjett årets.
 * Rekkefølgen i meldingene: rad for rad (reglene per rad i listens rekkefølge), så reglene over flere rader.
 * Ingen I/O.
 *
 * Hvem kjører hva, og hvorfor:
 *   ukjent-ansatt      sjekk, faktura, budsjett   alle radene: et feilstavet navn skal fanges måneden det føres
 *   ukjent-malbedrift  sjekk, faktura             budsjett leser bare administrasjonsradene; en avsluttet og
 *   utenfor-avtale     sjekk, faktura               fjernet målbedrift skal ikke stoppe årsoppgjøret
 *   dobbel-linje       sjekk, faktura, budsjett   en dobbel eksport ville blitt fakturert eller attestert to ganger
 *   over-24-timer      sjekk, faktura, budsjett
 */
import { advarsel, feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { formatDato } from '../felles/dato.js';
import type { Feilkode } from '../felles/feilkoder.js';
import { normaliserNavn } from '../felles/felter.js';
import { normaliserOrgnr } from '../felles/orgnr.js';
import type { Ansatt } from '../datasett/ansatte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Timeregistrering } from '../datasett/timer.js';
import { ukjentAnsattFeil, ukjentMalbedriftFeil } from './ukjente.js';

export type Kommando = 'sjekk' | 'faktura' | 'budsjett';

/** Datasettene kryssjekkene slår opp i. */
export type Grunnlag = {
  ansatte: readonly Pick<Ansatt, 'navn'>[];
  /** Hvor de ansatte kom fra, til meldingen: «ansatte» eller årets lagrede «timesats-<år>.json». */
  ansatteKilde?: string;
  malbedrifter: readonly Malbedrift[];
  adminKoder: readonly string[];
};

type Oppslag = {
  ansatte: ReadonlySet<string>;
  ansatteKilde: string;
  malbedrifter: ReadonlyMap<string, Malbedrift>;
  adminKoder: readonly string[];
  grunnlag: Grunnlag;
};

/**
 * En regel for én timerad. En regel med `samle` melder én feil per ukjent verdi (issue 19 pkt. 4): `sjekk` gir
 * verdien som ikke finnes, og `samle` lager feilen med alle radene verdien står på og et forslag — på plassen til
 * den første raden.
 */
type Radregel = {
  kode: Feilkode;
  brukesAv: readonly Kommando[];
  /** `malbedrift`: bare rader ført på en målbedrift (ikke administrasjonskoden). */
  rader: 'alle' | 'malbedrift';
} & (
  | { sjekk: (t: Timeregistrering, o: Oppslag) => Diagnostikk | undefined; samle?: undefined }
  | {
      sjekk: (t: Timeregistrering, o: Oppslag) => string | undefined;
      samle: (verdi: string, rader: readonly Timeregistrering[], o: Oppslag) => Diagnostikk;
    }
);
/** En regel over alle radene (summer per dag, like linjer). */
type Samleregel = {
  kode: Feilkode;
  brukesAv: readonly Kommando[];
  sjekk: (timer: readonly Timeregistrering[]) => Diagnostikk[];
};

export function erAdminKode(verdi: string, adminKoder: readonly string[]): boolean {
  const n = normaliserNavn(verdi);
  return adminKoder.some((k) => normaliserNavn(k) === n);
}

const ALLE: readonly Kommando[] = ['sjekk', 'faktura', 'budsjett'];

/** Timerad-reglene, i rekkefølge. En regel som trenger målbedriften, hopper over en ukjent (den er alt meldt). */
export const RADREGLER: readonly Radregel[] = [
  {
    kode: 'ukjent-ansatt',
    brukesAv: ALLE,
    rader: 'alle',
    sjekk: (t, o) => (o.ansatte.has(normaliserNavn(t.ansatt)) ? undefined : t.ansatt),
    samle: (verdi, rader, o) => ukjentAnsattFeil(verdi, rader, o.grunnlag.ansatte, o.ansatteKilde),
  },
  {
    // Programveileder 8.2: en målbedrift er knyttet til næringshagen gjennom en målbedriftsavtale.
    kode: 'ukjent-malbedrift',
    brukesAv: ['sjekk', 'faktura'],
    rader: 'malbedrift',
    sjekk: (t, o) => (o.malbedrifter.has(normaliserOrgnr(t.malbedrift)) ? undefined : t.malbedrift),
    samle: (verdi, rader, o) => ukjentMalbedriftFeil(verdi, rader, o.grunnlag.malbedrifter, o.adminKoder),
  },
  {
    // Vedlegg 3 pkt. 2 / GBER art. 6: bare timer innenfor målbedriftsavtalen er støttet rådgivning.
    kode: 'utenfor-avtale',
    brukesAv: ['sjekk', 'faktura'],
    rader: 'malbedrift',
    sjekk: (t, o) => {
      const m = o.malbedrifter.get(normaliserOrgnr(t.malbedrift));
      if (!m || (t.dato >= m.avtalestart && (m.avtaleslutt === undefined || t.dato <= m.avtaleslutt))) return;
      return feil(
        'utenfor-avtale',
        `Timer utenfor avtaleperioden til ${m.navn}; de kan ikke faktureres med innovasjonsstøtte (programveileder vedlegg 3 pkt. 2).`,
        { ...t.kilde, kolonne: 'dato' },
        { verdi: formatDato(t.dato), forventet: avtaleperiode(m) },
      );
    },
  },
];

/** «en dato i 15.01.2026 – 31.12.2026» (eller «– løpende»): datoene slik brukeren skriver dem (issue 19 pkt. 12). */
function avtaleperiode(m: Pick<Malbedrift, 'avtalestart' | 'avtaleslutt'>): string {
  return `en dato i ${formatDato(m.avtalestart)} – ${m.avtaleslutt ? formatDato(m.avtaleslutt) : 'løpende'}`;
}

/** Reglene over flere rader, i rekkefølge, etter radreglene. */
export const SAMLEREGLER: readonly Samleregel[] = [
  { kode: 'dobbel-linje', brukesAv: ALLE, sjekk: dobbeltLinjer },
  { kode: 'over-24-timer', brukesAv: ALLE, sjekk: timerOverDognet },
];

/** Kjører kommandoens kryssjekker på timeradene den har lest; alle funn samlet, i listens rekkefølge. */
export function kryssjekkTimer(kommando: Kommando, timer: readonly Timeregistrering[], g: Grunnlag): Diagnostikk[] {
  const o: Oppslag = {
    ansatte: new Set(g.ansatte.map((a) => normaliserNavn(a.navn))),
    ansatteKilde: g.ansatteKilde ?? 'ansatte',
    malbedrifter: new Map(g.malbedrifter.map((m) => [m.orgnr, m])),
    adminKoder: g.adminKoder,
    grunnlag: g,
  };
  const radregler = RADREGLER.filter((r) => r.brukesAv.includes(kommando));
  // En plass per funn; en samlet feil fylles inn på plassen til sin første rad når alle radene er sett.
  const funn: Radfunn = { plasser: [], grupper: new Map() };
  for (const t of timer) {
    const admin = erAdminKode(t.malbedrift, g.adminKoder);
    for (const r of radregler) {
      if (admin && r.rader === 'malbedrift') continue;
      kjorRadregel(r, t, o, funn);
    }
  }
  const ds = funn.plasser.map((p) => (typeof p === 'function' ? p() : p));
  for (const r of SAMLEREGLER) if (r.brukesAv.includes(kommando)) ds.push(...r.sjekk(timer));
  return ds;
}

/** Funnene fra radreglene: plassene i meldingsrekkefølge, og de samlede feilene per regel og verdi. */
type Radfunn = {
  plasser: (Diagnostikk | (() => Diagnostikk))[];
  grupper: Map<string, { verdi: string; rader: Timeregistrering[] }>;
};

/** Én regel på én rad. En regel med `samle` får plass ved første rad med verdien; senere rader legges til gruppen. */
function kjorRadregel(r: Radregel, t: Timeregistrering, o: Oppslag, funn: Radfunn): void {
  if (!r.samle) {
    const d = r.sjekk(t, o);
    if (d) funn.plasser.push(d);
    return;
  }
  const verdi = r.sjekk(t, o);
  if (verdi === undefined) return;
  const nokkel = `${r.kode}|${normaliserNavn(verdi)}`;
  const gruppe = funn.grupper.get(nokkel);
  if (gruppe) {
    gruppe.rader.push(t);
    return;
  }
  const ny = { verdi, rader: [t] };
  funn.grupper.set(nokkel, ny);
  const samle = r.samle;
  funn.plasser.push(() => samle(ny.verdi, ny.rader, o));
}

/** Programveileder 8.2: avtaleperioden må henge sammen — avtaleslutt kan ikke være før avtalestart. */
export function kontrollerMalbedrifter(mb: readonly Malbedrift[]): Diagnostikk[] {
  return mb
    .filter((m) => m.avtaleslutt !== undefined && m.avtaleslutt < m.avtalestart)
    .map((m) =>
      feil(
        'slutt-for-start',
        'Avtaleslutt er før avtalestart.',
        { ...m.kilde, kolonne: 'avtaleslutt' },
        {
          verdi: formatDato(m.avtaleslutt!),
          forventet: `en dato fra og med avtalestart (${formatDato(m.avtalestart)})`,
        },
      ),
    );
}

/**
 * Programveileder 8.2 (og definisjonen «Målbedrift»): målbedriften «skal ha en utviklingsplan basert på reelle
 * behov». Kolonnen `utviklingsplan` i malbedrifter (dato eller referanse) er frivillig; for en aktiv målbedrift uten
 * den gis én advarsel per målbedrift (på terminalen samlet til én linje). Kalleren velger hvem som er aktive
 * (nh sjekk: avtale som gjelder i dag; nh årsrapport: avtale i perioden).
 */
export function kontrollerUtviklingsplan(aktive: readonly Malbedrift[]): Diagnostikk[] {
  return aktive
    .filter((m) => !m.utviklingsplan?.trim())
    .map((m) =>
      advarsel(
        'mangler-utviklingsplan',
        `${m.navn} (${m.orgnr}) har aktiv målbedriftsavtale, men ingen utviklingsplan i malbedrifter (programveileder 8.2: målbedriften «skal ha en utviklingsplan basert på reelle behov»). Før inn dato eller referanse i kolonnen utviklingsplan.`,
        { ...m.kilde, kolonne: 'utviklingsplan' },
        { forventet: 'dato eller referanse til utviklingsplanen' },
      ),
    );
}

/** Helt like linjer er nesten alltid en dobbel eksport; to riktige skilles med en beskrivelse. */
function dobbeltLinjer(timer: readonly Timeregistrering[]): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  const sett = new Map<string, number>();
  for (const t of timer) {
    const n = [t.dato, normaliserNavn(t.ansatt), t.malbedrift, t.timer, t.aktivitet, t.tjeneste, t.beskrivelse];
    const nokkel = n.map((v) => v ?? '').join('|');
    const forrige = sett.get(nokkel);
    if (forrige === undefined) sett.set(nokkel, t.kilde.rad ?? 0);
    else
      ds.push(
        feil(
          'dobbel-linje',
          `Linjen er helt lik rad ${forrige} (dobbel eksport?). Skill dem med en beskrivelse om begge er riktige.`,
          { ...t.kilde, kolonne: 'dato' },
          { verdi: formatDato(t.dato) },
        ),
      );
  }
  return ds;
}

/**
 * Høyst 24 timer per person per dag, summert over alle linjene (issue 11 pkt. 5): én linje kan ikke passere
 * 24 (felter.timer), men tre linjer på 9 + 8 + 8 kan.
 */
function timerOverDognet(timer: readonly Timeregistrering[]): Diagnostikk[] {
  const perDag = new Map<string, { sum: number; forste: Timeregistrering }>();
  for (const t of timer) {
    const n = `${normaliserNavn(t.ansatt)}|${t.dato}`;
    const d = perDag.get(n);
    if (d) d.sum += t.timer;
    else perDag.set(n, { sum: t.timer, forste: t });
  }
  const ds: Diagnostikk[] = [];
  for (const { sum, forste } of perDag.values()) {
    if (sum <= 2400) continue;
    const tekstSum = (sum / 100).toLocaleString('nb-NO');
    ds.push(
      feil(
        'over-24-timer',
        `${forste.ansatt} har ${tekstSum} timer ${formatDato(forste.dato)} — mer enn døgnet har.`,
        { ...forste.kilde, kolonne: 'timer' },
        { forventet: 'høyst 24 timer per person per dag' },
      ),
    );
  }
  return ds;
}
