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
import { feil, advarsel, type Diagnostikk, type Kilde } from './diagnostikk.js';
import { formatDato } from './dato.js';
import { normaliserNavn } from './felter.js';
import { erAdminKode } from './kontroll.js';
import { erGyldigOrgnr } from './orgnr.js';
import { mulDivRund, PPM, type Ore, type Ppm } from './penger.js';
import { KOSTNADSKATEGORIER, type Kostnad, type Kostnadskategori } from './datasett/kostnader.js';
import type { Ansatt } from './datasett/ansatte.js';
import type { Malbedrift } from './datasett/malbedrifter.js';
import type { Tilskudd } from './datasett/tilskudd.js';
import type { Timeregistrering } from './datasett/timer.js';
import type { Timesats } from './timesats.js';

// ————— Aktiviteter (10.4 «Timebruk som kan inngå i budsjettet») —————

/**
 * Standardlisten over timebruk i administrasjon og gjennomføring: 10.4 («Timebruk som kan inngå i budsjettet»)
 * og vedlegg 3 pkt. 3 («vil blant annet knytte seg til innlemmelsen av deltagere i programmet …»). Begge
 * listene er eksempler («blant annet»), så arbeidsmappen kan legge til egne i nh.json (`admAktiviteter`),
 * og en aktivitet som ikke står på lista er en advarsel, ikke en feil.
 */
export const ADM_AKTIVITETER = [
  'Prosjektledelse',
  'Profilering og markedsføring',
  'Messer og konferanser',
  'Rekruttering av nye bedrifter',
  'Innlemmelse av nye målbedrifter',
  'Studieturer',
  'Kompetanseheving for ansatte',
  'Rapporteringsforpliktelser',
] as const;
export type AdmAktivitet = (typeof ADM_AKTIVITETER)[number];

/**
 * Vedlegg 3 pkt. 3: opptaket (innlemmelsen) og rekrutteringen av bedrifter er administrasjon, også når raden
 * nevner bedriften ved navn — arbeidet gjøres før/for at bedriften blir målbedrift, ikke som rådgivning til den.
 */
const OPPTAKSAKTIVITETER: ReadonlySet<string> = new Set(['Rekruttering av nye bedrifter', 'Innlemmelse av nye målbedrifter']);

/**
 * Programveileder 10.4: med en egen prosjektkonto for «Gjennomføring og administrasjon» trenger ikke
 * hver time en aktivitet. Timer uten aktivitet samles her (se docs/budsjett.md).
 */
export const USPESIFISERT = 'Uspesifisert (prosjektkonto gjennomføring og administrasjon)';
/** En aktivitet fra standardlisten, fra nh.json, eller (med advarsel) slik den står i timelisten. */
export type Aktivitet = string;

/** Skrivemåter fra timelister (også ordlyden i 10.4) → aktivitet. Sammenlignes normalisert. */
const AKTIVITET_ALIAS: Record<string, AdmAktivitet> = {
  prosjektleder: 'Prosjektledelse',
  'organisering av arbeidsgrupper': 'Prosjektledelse',
  'organisering av arbeidsgrupper og andre faste møteplasser': 'Prosjektledelse',
  profilering: 'Profilering og markedsføring',
  markedsføring: 'Profilering og markedsføring',
  'profilering og markedsføring av næringshagen': 'Profilering og markedsføring',
  messer: 'Messer og konferanser',
  konferanser: 'Messer og konferanser',
  'deltakelse på messer og konferanser': 'Messer og konferanser',
  rekruttering: 'Rekruttering av nye bedrifter',
  mobilisering: 'Rekruttering av nye bedrifter',
  'rekruttering/mobilisering av bedrifter': 'Rekruttering av nye bedrifter',
  'dialog med bedrifter og andre aktører med sikte på rekruttering av nye bedrifter': 'Rekruttering av nye bedrifter',
  studietur: 'Studieturer',
  'planlegging/organisering av studieturer': 'Studieturer',
  kompetanseheving: 'Kompetanseheving for ansatte',
  'kompetansehevende tiltak': 'Kompetanseheving for ansatte',
  'kompetansehevende tiltak for ansatte i næringshagen': 'Kompetanseheving for ansatte',
  rapportering: 'Rapporteringsforpliktelser',
  rapporteringsforpliktelse: 'Rapporteringsforpliktelser',
  innlemmelse: 'Innlemmelse av nye målbedrifter',
  'innlemmelse av deltagere i programmet': 'Innlemmelse av nye målbedrifter',
  'innlemmelse av deltakere i programmet': 'Innlemmelse av nye målbedrifter',
  opptak: 'Innlemmelse av nye målbedrifter',
  'opptak av målbedrifter': 'Innlemmelse av nye målbedrifter',
  'smb-sjekk': 'Innlemmelse av nye målbedrifter',
  'dialog med bedrifter': 'Rekruttering av nye bedrifter',
};

const AKTIVITET_OPPSLAG = new Map<string, AdmAktivitet>([
  ...ADM_AKTIVITETER.map((a) => [normaliserNavn(a), a] as const),
  ...Object.entries(AKTIVITET_ALIAS).map(([a, v]) => [normaliserNavn(a), v] as const),
]);

/** Standardaktivitet eller en av arbeidsmappens egne (nh.json `admAktiviteter`); null = ikke på lista. */
export function tolkAktivitet(s: string, ekstra: readonly string[] = []): Aktivitet | null {
  const n = normaliserNavn(s);
  return AKTIVITET_OPPSLAG.get(n) ?? ekstra.find((e) => normaliserNavn(e) === n) ?? null;
}

// ————— Kostnadskategorier (10.4 «direkte kostnader») —————

/** Ordlyden i 10.4 og vanlige kortformer → kanonisk kategori (KOSTNADSKATEGORIER). */
const KATEGORI_ALIAS: Record<string, Kostnadskategori> = {
  'eksterne kostnader knyttet til profilering': 'Eksterne kostnader til profilering',
  profilering: 'Eksterne kostnader til profilering',
  'direkte kostnader for samlinger': 'Direkte kostnader for samlinger i regi av næringshagen',
  'samlinger i regi av næringshagen': 'Direkte kostnader for samlinger i regi av næringshagen',
  'direkte kostnader knyttet til næringshagens deltakelse på samlinger': 'Deltakelse på samlinger',
  'deltakelse på samlinger (f.eks. siva-samlinger)': 'Deltakelse på samlinger',
  'siva-samlinger': 'Deltakelse på samlinger',
  'direkte kostnader knyttet til næringshagens deltakelse på kompetansehevende tiltak': 'Deltakelse på kompetansehevende tiltak',
  'kompetansehevende tiltak': 'Deltakelse på kompetansehevende tiltak',
  'direkte kostnader knyttet til rekruttering/mobilisering av bedrifter': 'Rekruttering og mobilisering av bedrifter',
  'rekruttering/mobilisering av bedrifter': 'Rekruttering og mobilisering av bedrifter',
  'rekruttering av bedrifter': 'Rekruttering og mobilisering av bedrifter',
  'mobilisering av bedrifter': 'Rekruttering og mobilisering av bedrifter',
};

const KATEGORI_OPPSLAG = new Map<string, Kostnadskategori>([
  ...KOSTNADSKATEGORIER.map((k) => [normaliserNavn(k), k] as const),
  ...Object.entries(KATEGORI_ALIAS).map(([a, v]) => [normaliserNavn(a), v] as const),
]);

export function tolkKategori(s: string): Kostnadskategori | null {
  return KATEGORI_OPPSLAG.get(normaliserNavn(s)) ?? null;
}

// ————— Felles typer —————

export type Modus = 'plan' | 'regnskap';
/** under: tildelingen er større enn kostnadene; over: kostnadene er større; lik: går i null. */
export type Status = 'under' | 'lik' | 'over';

export type Kostnadslinje = { kategori: Kostnadskategori; belop: Ore; tekst?: string | undefined; dato?: string | undefined; rad?: number | undefined; fil: string };
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
  return { timeBelop, direkteKostnader, total, tildeling, differanse, status: differanse > 0 ? 'under' : differanse < 0 ? 'over' : 'lik' };
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
export function tildelingFor(ar: number, tilskudd: readonly Tilskudd[]): { sum: Ore; linjer: Tildelingslinje[] } {
  const linjer = tilskudd
    .filter((t) => t.ar === ar && t.type === 'administrasjon')
    .map((t) => {
      const k = t.kilde as unknown as Kilde | string | undefined;
      const rad = typeof k === 'object' && k ? k.rad : undefined;
      return { belop: t.belop, dato: t.dato, rad, fil: typeof k === 'object' && k ? k.fil : 'tilskudd' };
    });
  return { sum: linjer.reduce((s, l) => s + l.belop, 0), linjer };
}

// ————— Fordelingen 25 % / 75 % (10.2) —————

/** Programveileder 10.2 (figuren): 25 % av tilskuddet til administrasjon og gjennomføring, 75 % til art. 28. */
export const ADM_ANDEL_10_2: Ppm = 250_000;

export type Fordeling = {
  ar: number;
  /** Sivas tilskudd til administrasjon og gjennomføring for året. */
  administrasjon: Ore;
  /** Sivas innovasjonstilskudd (art. 28) for året (uten overført, uten andre givere). */
  innovasjon: Ore;
  /** administrasjon / (administrasjon + innovasjon), ppm. */
  andelAdministrasjon: Ppm;
  /** 25 % av programtilskuddet fra Siva. */
  takAdministrasjon: Ore;
};

const erSivaGiver = (giver: string | undefined) => !giver || /\bsiva\b/i.test(giver);

/**
 * Programveileder 10.2: Sivas programtilskudd fordeles med 25 % til administrasjons- og gjennomføringskostnader
 * (ikke statsstøtte) og 75 % til innovasjonsstøtte (art. 28). Regnes av tilskudd med giver Siva (eller tom giver)
 * for året; fylkeskommunens og andres art. 28-midler er ikke Sivas programtilskudd. Advarsel med tallene når
 * administrasjonsdelen av tilskuddet, eller budsjettet, er mer enn 25 %. Uten innovasjonstilskudd fra Siva for året
 * kan fordelingen ikke kontrolleres (null).
 */
export function kontrollerFordeling(ar: number, tilskudd: readonly Tilskudd[], budsjett?: Ore): { fordeling: Fordeling | null; advarsler: Diagnostikk[] } {
  const sum = (type: Tilskudd['type']) => tilskudd.filter((t) => t.ar === ar && t.type === type && erSivaGiver(t.giver)).reduce((s, t) => s + t.belop, 0);
  const administrasjon = sum('administrasjon');
  const innovasjon = sum('innovasjon');
  if (innovasjon === 0 || administrasjon === 0) return { fordeling: null, advarsler: [] };
  const total = administrasjon + innovasjon;
  const fordeling: Fordeling = {
    ar, administrasjon, innovasjon,
    andelAdministrasjon: mulDivRund(administrasjon, PPM, total),
    takAdministrasjon: mulDivRund(total, ADM_ANDEL_10_2, PPM),
  };
  const pst = (p: Ppm) => `${(p / 10_000).toLocaleString('nb-NO', { maximumFractionDigits: 2 })} %`;
  const kr = (o: Ore) => `${(o / 100).toLocaleString('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr`;
  const ds: Diagnostikk[] = [];
  // Eksakt: administrasjon > 25 % av totalen ⇔ 4 × administrasjon > totalen.
  if (administrasjon * 4 > total) {
    ds.push(advarsel('fordeling-10-2', `Sivas tilskudd til administrasjon og gjennomføring for ${ar} er ${kr(administrasjon)} av ${kr(total)} ` +
      `(innovasjon ${kr(innovasjon)}) = ${pst(fordeling.andelAdministrasjon)}, mer enn 25 % i fordelingen 25/75 i programveileder 10.2. ` +
      `Kontroller tilsagnsbrevet fra Siva.`, { fil: 'tilskudd' }, { verdi: pst(fordeling.andelAdministrasjon), forventet: 'høyst 25 %' }));
  }
  if (budsjett !== undefined && budsjett > fordeling.takAdministrasjon) {
    ds.push(advarsel('budsjett-over-25', `Budsjettet for administrasjon og gjennomføring ${ar} (${kr(budsjett)}) er mer enn 25 % av Sivas ` +
      `programtilskudd (${kr(total)} × 25 % = ${kr(fordeling.takAdministrasjon)}), programveileder 10.2.`, { fil: 'tilskudd' },
      { verdi: kr(budsjett), forventet: `høyst ${kr(fordeling.takAdministrasjon)}` }));
  }
  return { fordeling, advarsler: ds };
}

// ————— Direkte kostnader —————

/**
 * Programveileder 10.4: bare de seks kategoriene av direkte kostnader kan dekkes innenfor
 * administrasjon og gjennomføring. Velger årets rader av riktig type (plan: «budsjett»,
 * regnskap: «faktisk» eller tom) og gir én feil per rad med ukjent kategori (fil, rad, kolonne).
 */
export function direkteKostnader(kostnader: readonly Kostnad[], ar: number, modus: Modus): { linjer: Kostnadslinje[]; perKategori: Kategorisum[]; sum: Ore; feil: Diagnostikk[] } {
  const onsketType = modus === 'plan' ? 'budsjett' : 'faktisk';
  const ds: Diagnostikk[] = [];
  const linjer: Kostnadslinje[] = [];
  for (const k of kostnader) {
    if (k.ar !== ar || (k.type ?? 'faktisk') !== onsketType) continue;
    const kategori = tolkKategori(k.kategori);
    if (!kategori) {
      ds.push(
        feil('ukjent-kostnadskategori', `Kategorien «${k.kategori}» kan ikke dekkes av tilskuddet til administrasjon og gjennomføring (programveileder 10.4).`, { ...k.kilde, kolonne: 'kategori' }, {
          verdi: k.kategori,
          forventet: `én av: ${KOSTNADSKATEGORIER.join('; ')}`,
        }),
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

export type Planperson = { navn: string; timer: number; timesats: Ore; belop: Ore; harPlan: boolean };

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
export function beregnPlan(ar: number, ansatte: readonly Ansatt[], satser: readonly Timesats[], kostnader: readonly Kostnad[], tilskudd: readonly Tilskudd[]): { plan: Budsjettplan; feil: Diagnostikk[] } {
  const personer: Planperson[] = ansatte.map((a, i) => {
    const timesats = satser[i]!.godkjent;
    const timer = a.admTimerPlan ?? 0;
    return { navn: a.navn, timer, timesats, belop: timeBelop(timer, timesats), harPlan: a.admTimerPlan !== undefined };
  });
  const k = direkteKostnader(kostnader, ar, 'plan');
  const tildeling = tildelingFor(ar, tilskudd);
  const timeSum = personer.reduce((s, p) => s + p.belop, 0);
  const ds: Diagnostikk[] = [];
  if (!personer.some((p) => p.harPlan)) {
    ds.push(advarsel('ingen-planlagte-timer', 'Ingen ansatte har planlagte timer (kolonnen admTimerPlan i ansatte); budsjettet har bare direkte kostnader.', { fil: ansatte[0]?.kilde.fil ?? 'ansatte.csv', kolonne: 'admTimerPlan' }));
  }
  if (!k.linjer.length && !k.feil.length) {
    ds.push(advarsel('ingen-budsjettkostnader', `Ingen direkte kostnader med type «budsjett» for ${ar} i kostnader.`, { fil: 'kostnader' }));
  }
  if (!tildeling.linjer.length) {
    ds.push(advarsel('ingen-tildeling', `Ingen tilskudd av type «administrasjon» for ${ar} i tilskudd; budsjettet sammenlignes med 0 kr.`, { fil: 'tilskudd' }));
  }
  return {
    plan: { modus: 'plan', ar, personer, timer: personer.reduce((s, p) => s + p.timer, 0), kostnader: k, tildeling, oppgjor: oppgjor(timeSum, k.sum, tildeling.sum), advarsler: ds },
    feil: k.feil,
  };
}

// ————— Regnskap (nh budsjett --regnskap) —————

export type Timelinje = { dato: string; ansatt: string; aktivitet: Aktivitet; aktivitetOppgitt?: string | undefined; timer: number; beskrivelse?: string | undefined; tjeneste?: string | undefined; rad?: number | undefined; fil: string };
export type PersonAktivitet = { ansatt: string; aktivitet: Aktivitet; timer: number; timesats: Ore; belop: Ore; rader: number };
export type Regnskapsperson = { navn: string; timesats: Ore; timer: number; belop: Ore; aktiviteter: PersonAktivitet[] };
export type Aktivitetssum = { aktivitet: Aktivitet; timer: number; belop: Ore };

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
export function nevntMalbedrift(t: Pick<Timeregistrering, 'aktivitet' | 'tjeneste' | 'beskrivelse'>, mb: readonly Malbedrift[]): { malbedrift: Malbedrift; kolonne: 'aktivitet' | 'tjeneste' | 'beskrivelse' } | null {
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
      if ((nn.length >= 8 && nt.includes(nn)) || (uten.length >= 8 && nt.includes(uten))) return { malbedrift: m, kolonne };
    }
  }
  return null;
}

/**
 * Programveileder 10.4 / vedlegg 3 pkt. 4.2 (attestasjon til 20. februar): alle timer på
 * administrasjonskoden i året, per person og aktivitet, × personens godkjente timesats, pluss faktiske
 * direkte kostnader, mot tildelingen.
 *
 * Feil (alle samlet): ansatt uten timesats (ikke i ansatte), ukjent kostnadskategori. Advarsler: aktivitet som
 * ikke står på lista (standardlisten + nh.json; tas med), administrasjonsrad som nevner en målbedrift i
 * avtaleperioden (kan være rådgivning, art. 28) — før avtalestart og for opptak/rekruttering er det administrasjon
 * (vedlegg 3 pkt. 3). Timer uten aktivitet godtas (10.4: prosjektkonto) med én advarsel.
 */
export function beregnRegnskap(
  ar: number,
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
  const ds: Diagnostikk[] = [];
  const adv: Diagnostikk[] = [];
  const satsPerNavn = new Map(ansatte.map((a, i) => [normaliserNavn(a.navn), { navn: a.navn, sats: satser[i]!.godkjent }]));
  const timelinjer: Timelinje[] = [];
  let uspesifisert = 0;
  let forsteUspesifisert: Timeregistrering | undefined;
  let malbedriftTimer = 0;
  const admAktivPaaMb: Timeregistrering[] = [];
  /** Aktiviteter som ikke står på lista: navn → første rad og antall timer (én advarsel per aktivitet). */
  const ukjente = new Map<string, { forste: Timeregistrering; timer: number }>();
  const fra = `${ar}-01-01`;
  const til = `${ar}-12-31`;
  for (const t of timer) {
    if (t.dato < fra || t.dato > til) continue;
    if (!erAdminKode(t.malbedrift, adminKoder)) {
      malbedriftTimer += t.timer;
      // Timer på en målbedrift med en administrasjonsaktivitet: trolig feilført. Ikke med her (art. 28).
      if (t.aktivitet && tolkAktivitet(t.aktivitet, ekstraAktiviteter)) admAktivPaaMb.push(t);
      continue;
    }
    const person = satsPerNavn.get(normaliserNavn(t.ansatt));
    if (!person) {
      ds.push(
        feil('ukjent-ansatt', `«${t.ansatt}» har timer på administrasjon og gjennomføring, men står ikke i ${satsKilde} og har derfor ingen timesats (programveileder 10.4).`, { ...t.kilde, kolonne: 'ansatt' }, {
          verdi: t.ansatt,
          forventet: 'et navn fra ansatte',
        }),
      );
    }
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
          { verdi: t[nevnt.kolonne] ?? '', forventet: `malbedrift = ${nevnt.malbedrift.orgnr} hvis det er rådgivning, ellers aktivitet for opptak/administrasjon` },
        ),
      );
    }
    if (!person) continue;
    timelinjer.push({ dato: t.dato, ansatt: person.navn, aktivitet, aktivitetOppgitt: t.aktivitet, timer: t.timer, beskrivelse: t.beskrivelse, tjeneste: t.tjeneste, rad: t.kilde.rad, fil: t.kilde.fil });
  }
  const k = direkteKostnader(kostnader, ar, 'regnskap');
  ds.push(...k.feil);

  // Linjene: person × aktivitet, i rekkefølgen fra ansatte, standardlisten, nh.json og til slutt de ukjente.
  const rekkefolge: Aktivitet[] = [...new Set<string>([...ADM_AKTIVITETER, ...ekstraAktiviteter, ...ukjente.keys(), USPESIFISERT])];
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
      akt.push({ ansatt: a.navn, aktivitet, timer: tim, timesats: sats, belop: timeBelop(tim, sats), rader: ls.length });
    }
    linjer.push(...akt);
    personer.push({ navn: a.navn, timesats: sats, timer: akt.reduce((s, l) => s + l.timer, 0), belop: akt.reduce((s, l) => s + l.belop, 0), aktiviteter: akt });
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
        `${admAktivPaaMb.length} timerad(er) på målbedrifter har en administrasjonsaktivitet (første: «${f.aktivitet}» på ${f.malbedrift}). De regnes som målbedriftstimer (art. 28) og er ikke med her; før dem på ${adminKoder[0] ?? 'ADM'} hvis de gjelder administrasjon.`,
        { ...f.kilde, kolonne: 'aktivitet' },
      ),
    );
  }
  const tildeling = tildelingFor(ar, tilskudd);
  if (!tildeling.linjer.length) adv.push(advarsel('ingen-tildeling', `Ingen tilskudd av type «administrasjon» for ${ar} i tilskudd; regnskapet sammenlignes med 0 kr.`, { fil: 'tilskudd' }));
  if (!timelinjer.length && !ds.length) adv.push(advarsel('ingen-adm-timer', `Ingen timer på administrasjon og gjennomføring (${adminKoder.join(', ')}) i ${ar}.`, { fil: 'timer' }));

  const timeSum = linjer.reduce((s, l) => s + l.belop, 0);
  return {
    regnskap: {
      modus: 'regnskap',
      ar,
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

// ————— Tekst om resultatet —————

/**
 * Hva differansen betyr. Plan (10.4: «ikke skal ligge igjen fortjeneste»): under = penger blir igjen og
 * må tilbakebetales om budsjettet holder; over = ikke dekket av tildelingen. Regnskap (vedlegg 3 pkt. 4.2):
 * under = overskytende beløp kreves tilbake; lik/over = tildelingen er disponert i sin helhet.
 */
export function statusTekst(modus: Modus, o: Oppgjor, kroner: (ore: Ore) => string): string {
  const d = kroner(Math.abs(o.differanse));
  if (modus === 'plan') {
    if (o.status === 'under') return `Budsjettet er ${d} kr UNDER tildelingen: så mye ville bli liggende igjen i selskapet og må tilbakebetales til Siva (programveileder 10.4, vedlegg 3 pkt. 4.2).`;
    if (o.status === 'over') return `Budsjettet er ${d} kr OVER tildelingen: dette dekkes ikke av tilskuddet til administrasjon og gjennomføring.`;
    return 'Budsjettet er LIKT tildelingen: ingenting blir igjen i selskapet (programveileder 10.4).';
  }
  if (o.status === 'under') return `Tildelingen er IKKE disponert i sin helhet: overskudd ${d} kr skal tilbakebetales til Siva (vedlegg 3 pkt. 4.2).`;
  if (o.status === 'over') return `Tildelingen er disponert i sin helhet; kostnadene er ${d} kr høyere enn tildelingen (dekkes ikke av tilskuddet).`;
  return 'Tildelingen er disponert i sin helhet (vedlegg 3 pkt. 4.2); differansen er 0 kr.';
}
