/**
 * Kundetilfredshetsundersøkelsen og den kvartalsvise AVI-oppdateringen (programveileder 6.3 og 11.1).
 *
 * Ren kjerne: utsendingsvinduer, underveisskjema, plan for et år, differansen mellom målbedriftene og
 * loggen over hva hver opplastingsfil inneholdt, og valideringen som blokkerer opplastingsfilen.
 * Ingen I/O; datoer er `åååå-mm-dd`-strenger og måneder `åååå-mm`.
 */
import { deler, maanedAv, type Dato, type Maaned } from '../felles/dato.js';
import { advarsel, feil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { aviFristFor, fristTekst, maanedTekst, nesteAviFrist, utsendingsmaaned, type KtsBedrift } from './kalender.js';

export * from './kalender.js';

// ————— Loggen over opplastingsfiler og differansen «siden siste oppdatering» —————

type LoggNy = { orgnr: string; avtalestart: Dato; startskjema: Maaned };
type LoggAvsluttet = { orgnr: string; avtaleslutt: Dato; exitskjema: Maaned };
export type LoggOppdatering = {
  frist: Dato;
  skrevet: Dato;
  filer: string[];
  /** 6.3: AVI antatt oppdatert per denne datoen da loggen startet (forrige frist eller --siden). */
  antattOppdatertPer?: Dato | undefined;
  nye: LoggNy[];
  avsluttede: LoggAvsluttet[];
};
export type AviLogg = { versjon: 1; oppdateringer: LoggOppdatering[] };

export const TOM_LOGG: AviLogg = { versjon: 1, oppdateringer: [] };

export type NyRad = {
  orgnr: string;
  navn: string;
  avtalestart: Dato;
  startskjema: Maaned;
  /** AVI-fristen registreringen egentlig hørte til. */
  egenFrist: Dato;
  forSent: boolean;
  dagligLeder: string | null;
  dagligLederEpost: string | null;
  merknad: string | null;
  kilde?: Kilde;
};

export type AvsluttetRad = Omit<NyRad, 'startskjema'> & { avtaleslutt: Dato; exitskjema: Maaned };

export type Oppdatering = {
  frist: Dato;
  /** Den seneste oppdateringen i loggen før denne fristen (null: ingen logg). */
  forrige: Dato | null;
  nye: NyRad[];
  avsluttede: AvsluttetRad[];
  advarsler: Diagnostikk[];
};

function merknader(...m: (string | null)[]): string | null {
  const ut = m.filter((x): x is string => Boolean(x));
  return ut.length ? ut.join(' ') : null;
}

function forSentTekst(egen: Dato, frist: Dato, opprinnelig: Maaned, kommende: Maaned): string | null {
  if (egen >= frist) return null;
  const flyttet =
    opprinnelig < kommende
      ? ` Utsendingsmåneden er satt til ${maanedTekst(kommende)} (${maanedTekst(opprinnelig)} er passert).`
      : '';
  return `For sent: hørte til AVI-oppdateringen ${fristTekst(egen)}.${flyttet}`;
}

/**
 * Programveileder 6.3: «nye målbedrifter siden siste oppdatering» og «avsluttet siden siste oppdatering».
 * Loggen er fasit: alt som står i en tidligere opplastingsfil (en annen frist i loggen) er rapportert.
 * Med i filen for `frist` er alt som ikke er rapportert og har utsendingsmåned ≤ fristens måned — også
 * første gang, når loggen er tom. Det som hørte til en tidligere frist, merkes «for sent».
 * En målbedrift som både startet og sluttet siden siste oppdatering står i begge delene.
 * Loggens innslag for samme frist regnes ikke som rapportert: filen for fristen lages på nytt, komplett.
 */
export type OppdateringValg = {
  /**
   * AVI antas oppdatert til og med denne datoen: registreringer som hørte til en AVI-frist ≤ datoen regnes som
   * rapportert. Brukes første gang (ingen logg: forrige frist, eller --siden <dato>).
   */
  siden?: Dato | null;
};

export function beregnOppdatering(
  bedrifter: readonly KtsBedrift[],
  logg: AviLogg,
  frist: Dato,
  valg: OppdateringValg = {},
): Oppdatering {
  const tidligere = logg.oppdateringer.filter((o) => o.frist !== frist);
  const siden = valg.siden ?? null;
  const r: Ramme = {
    frist,
    rapportertNy: new Map(tidligere.flatMap((o) => o.nye.map((n) => [n.orgnr, { ...n, frist: o.frist }] as const))),
    rapportertSlutt: new Map(
      tidligere.flatMap((o) => o.avsluttede.map((n) => [n.orgnr, { ...n, frist: o.frist }] as const)),
    ),
    fristMaaned: maanedAv(frist),
    // Programveileder 6.3: en registrering som kommer for sent, får en utsendingsmåned som ikke er passert — måneden
    // for denne oppdateringen (31.12: neste AVI-måned), ikke den opprinnelige.
    kommende: maanedAv(nesteAviFrist(frist)),
    fristAar: deler(frist).aar,
    antattRapportert: (egen: Dato) => siden !== null && egen <= siden,
  };
  const forrige =
    tidligere
      .filter((o) => o.frist < frist)
      .map((o) => o.frist)
      .sort()
      .at(-1) ?? null;
  const ds: Diagnostikk[] = [];
  const nye: NyRad[] = [];
  const avsluttede: AvsluttetRad[] = [];

  for (const b of bedrifter) vurderBedrift(b, r, { nye, avsluttede, advarsler: ds });
  const sorter =
    <T extends { egenFrist: Dato; navn: string }>(dato: (r: T) => Dato) =>
    (a: T, b: T) =>
      a.egenFrist.localeCompare(b.egenFrist) || dato(a).localeCompare(dato(b)) || a.navn.localeCompare(b.navn, 'nb');
  nye.sort(sorter((r) => r.avtalestart));
  avsluttede.sort(sorter((r) => r.avtaleslutt));
  return { frist, forrige, nye, avsluttede, advarsler: ds };
}

/** Det som er likt for alle målbedriftene i én beregning: fristen og hva loggen sier er rapportert. */
type Ramme = {
  frist: Dato;
  rapportertNy: ReadonlyMap<string, LoggNy & { frist: Dato }>;
  rapportertSlutt: ReadonlyMap<string, LoggAvsluttet & { frist: Dato }>;
  fristMaaned: Maaned;
  kommende: Maaned;
  fristAar: number;
  antattRapportert: (egen: Dato) => boolean;
};
type Felles = Pick<NyRad, 'orgnr' | 'navn' | 'avtalestart' | 'dagligLeder' | 'dagligLederEpost' | 'kilde'>;

/** Én målbedrift: advarsler om endringer etter rapportering, og raden i «nye» og/eller «avsluttede». */
function vurderBedrift(b: KtsBedrift, r: Ramme, ut: Pick<Oppdatering, 'nye' | 'avsluttede' | 'advarsler'>): void {
  const felles: Felles = {
    orgnr: b.orgnr,
    navn: b.navn,
    avtalestart: b.avtalestart,
    dagligLeder: b.dagligLeder?.trim() || null,
    dagligLederEpost: b.dagligLederEpost?.trim() || null,
    ...(b.kilde ? { kilde: b.kilde } : {}),
  };
  const start = utsendingsmaaned(b.avtalestart);
  const exit = b.avtaleslutt !== undefined ? utsendingsmaaned(b.avtaleslutt) : null;
  const tidligereNy = r.rapportertNy.get(b.orgnr);
  const tidlig = tidligDesember(b, start, r);
  const skalNy = !tidligereNy && (start <= r.fristMaaned || tidlig) && !r.antattRapportert(aviFristFor(start));
  const skalSlutt =
    b.avtaleslutt !== undefined &&
    exit !== null &&
    !r.rapportertSlutt.has(b.orgnr) &&
    exit <= r.fristMaaned &&
    !r.antattRapportert(aviFristFor(exit));
  ut.advarsler.push(...endringsAdvarsler(b, r));
  const begge = skalNy && skalSlutt ? 'Startet og avsluttet siden siste oppdatering: står i begge delene.' : null;
  if (skalNy) ut.nye.push(nyRad(b, felles, start, tidlig, begge, r));
  if (skalSlutt) ut.avsluttede.push(avsluttetRad(b.avtaleslutt!, felles, exit, begge, r));
}

/**
 * 11.1 (31. desember) og 6.3 («tatt opp … siden siste oppdatering»): i desemberfilen (1.12, eller årsslutt 31.12)
 * tas også årets november–desember-oppstarter med; oppstartskjemaet følger tabellen i 6.3 (mars året etter).
 */
function tidligDesember(b: KtsBedrift, start: Maaned, r: Ramme): boolean {
  return (
    r.fristMaaned.endsWith('-12') &&
    start > r.fristMaaned &&
    b.avtalestart <= r.frist &&
    deler(b.avtalestart).aar === r.fristAar
  );
}

/** Avtalestart eller avtaleslutt endret etter at loggen sier den ble rapportert: nh rapporterer den ikke på nytt. */
function endringsAdvarsler(b: KtsBedrift, r: Ramme): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  const tidligereNy = r.rapportertNy.get(b.orgnr);
  if (tidligereNy && tidligereNy.avtalestart !== b.avtalestart) {
    ds.push(endretAdvarsel(b, 'avtalestart', tidligereNy.avtalestart, b.avtalestart, tidligereNy.frist));
  }
  const tidligereSlutt = r.rapportertSlutt.get(b.orgnr);
  if (tidligereSlutt && tidligereSlutt.avtaleslutt !== (b.avtaleslutt ?? null)) {
    ds.push(
      endretAdvarsel(b, 'avtaleslutt', tidligereSlutt.avtaleslutt, b.avtaleslutt ?? '(tom)', tidligereSlutt.frist),
    );
  }
  return ds;
}

function nyRad(b: KtsBedrift, felles: Felles, start: Maaned, tidlig: boolean, begge: string | null, r: Ramme): NyRad {
  const egenFrist = aviFristFor(start);
  const forSent = egenFrist < r.frist;
  const tidligTekst = tidlig
    ? `Tatt opp ${fristTekst(b.avtalestart)}: registreres nå fordi alle aktive målbedrifter skal være i AVI innen 31. desember (11.1); oppstartskjema ${maanedTekst(start)} (6.3).`
    : null;
  return {
    ...felles,
    startskjema: forSent && start < r.kommende ? r.kommende : start,
    egenFrist,
    forSent,
    merknad: merknader(forSentTekst(egenFrist, r.frist, start, r.kommende), tidligTekst, begge),
  };
}

function avsluttetRad(avtaleslutt: Dato, felles: Felles, exit: Maaned, begge: string | null, r: Ramme): AvsluttetRad {
  const egenFrist = aviFristFor(exit);
  return {
    ...felles,
    avtaleslutt,
    exitskjema: egenFrist < r.frist && exit < r.kommende ? r.kommende : exit,
    egenFrist,
    forSent: egenFrist < r.frist,
    merknad: merknader(
      forSentTekst(egenFrist, r.frist, exit, r.kommende),
      begge,
      'Sjekk at navn og e-post til daglig leder stemmer i AVI.',
    ),
  };
}

function endretAdvarsel(b: KtsBedrift, kolonne: string, var_: string, er: string, frist: Dato): Diagnostikk {
  return advarsel(
    'endret-etter-rapportering',
    `${b.navn} (${b.orgnr}): ${kolonne} er endret fra ${var_} til ${er} etter at den ble rapportert i AVI-oppdateringen ${fristTekst(frist)}. nh rapporterer den ikke på nytt; rett datoen i AVI for hånd.`,
    b.kilde ? { ...b.kilde, kolonne } : undefined,
  );
}

/**
 * Programveileder 6.3: for nye målbedrifter skal navn og e-post til daglig leder legges inn, og for
 * avsluttede skal de sjekkes. Mangler en av dem for en målbedrift i filen, blokkeres filen (exit 2).
 * (Ugyldig e-post, avtaleslutt før avtalestart og orgnr med feil MOD11 avvises allerede når
 * malbedrifter leses — se docs/kts-plan.md.)
 */
export function kontrollerOppdatering(o: Pick<Oppdatering, 'nye' | 'avsluttede'>): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  const sett = new Set<string>();
  for (const r of [...o.nye, ...o.avsluttede]) {
    if (sett.has(r.orgnr)) continue;
    sett.add(r.orgnr);
    const kilde = (kolonne: string): Kilde | undefined => (r.kilde ? { ...r.kilde, kolonne } : undefined);
    if (!r.dagligLeder) {
      ds.push(
        feil(
          'mangler-daglig-leder',
          `${r.navn} (${r.orgnr}) skal med i AVI-oppdateringen, men mangler navn på daglig leder (programveileder 6.3).`,
          kilde('dagligLeder'),
          { forventet: 'daglig leders navn' },
        ),
      );
    }
    if (!r.dagligLederEpost) {
      ds.push(
        feil(
          'mangler-daglig-leder',
          `${r.navn} (${r.orgnr}) skal med i AVI-oppdateringen, men mangler e-post til daglig leder (programveileder 6.3).`,
          kilde('dagligLederEpost'),
          { forventet: 'daglig leders e-postadresse' },
        ),
      );
    }
  }
  return ds;
}

/** 6.3: datoen loggen startet fra (AVI antatt oppdatert), lagret i det første innslaget; null = alt er logget. */
export function loggensUtgangspunkt(logg: AviLogg, unntattFrist: Dato): Dato | null {
  const d = logg.oppdateringer
    .filter((o) => o.frist !== unntattFrist)
    .map((o) => o.antattOppdatertPer)
    .filter((x): x is Dato => Boolean(x));
  return d.sort()[0] ?? null;
}

/** Loggens innslag for en oppdatering (det opplastingsfilen inneholder). */
export function loggInnslag(
  o: Oppdatering,
  skrevet: Dato,
  filer: string[],
  antattOppdatertPer: Dato | null = null,
): LoggOppdatering {
  return {
    frist: o.frist,
    skrevet,
    filer,
    ...(antattOppdatertPer !== null ? { antattOppdatertPer } : {}),
    nye: o.nye.map((r) => ({ orgnr: r.orgnr, avtalestart: r.avtalestart, startskjema: r.startskjema })),
    avsluttede: o.avsluttede.map((r) => ({ orgnr: r.orgnr, avtaleslutt: r.avtaleslutt, exitskjema: r.exitskjema })),
  };
}

/**
 * Ny logg med innslaget for fristen: et tidligere innslag for samme frist erstattes (en ny kjøring for
 * samme frist dobbeltfører aldri), og innslagene holdes sortert på frist.
 */
export function medInnslag(logg: AviLogg, innslag: LoggOppdatering): AviLogg {
  const andre = logg.oppdateringer.filter((o) => o.frist !== innslag.frist);
  return {
    versjon: 1,
    oppdateringer: [...andre, innslag].sort((a, b) => (a.frist < b.frist ? -1 : a.frist > b.frist ? 1 : 0)),
  };
}

/** Samme innhold (uten skrivedato) som innslaget i loggen for fristen? Da er ingenting endret. */
export function sammeInnhold(a: LoggOppdatering | undefined, b: LoggOppdatering): boolean {
  if (!a) return false;
  const uten = (x: LoggOppdatering) => JSON.stringify({ ...x, skrevet: null });
  return uten(a) === uten(b);
}
