/**
 * Lister for administrasjon og gjennomføring: aktivitetene (10.4, vedlegg 3 pkt. 3) og kategoriene for direkte
 * kostnader (10.4), med skrivemåtene fra timelister og veilederens ordlyd. Rent domene.
 */
import { normaliserNavn } from '../felles/felter.js';
import { KOSTNADSKATEGORIER, type Kostnadskategori } from '../datasett/kostnader.js';

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
type AdmAktivitet = (typeof ADM_AKTIVITETER)[number];

/**
 * Vedlegg 3 pkt. 3: opptaket (innlemmelsen) og rekrutteringen av bedrifter er administrasjon, også når raden
 * nevner bedriften ved navn — arbeidet gjøres før/for at bedriften blir målbedrift, ikke som rådgivning til den.
 */
export const OPPTAKSAKTIVITETER: ReadonlySet<string> = new Set([
  'Rekruttering av nye bedrifter',
  'Innlemmelse av nye målbedrifter',
]);

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
  'direkte kostnader knyttet til næringshagens deltakelse på kompetansehevende tiltak':
    'Deltakelse på kompetansehevende tiltak',
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
