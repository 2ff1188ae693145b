/**
 * Kalenderdatoer uten klokkeslett og tidssone, lagret som ISO-streng «åååå-mm-dd».
 * Hvorfor streng: sammenlignes riktig leksikografisk, serialiseres uendret til JSON/CSV,
 * og kan aldri forskyves av en tidssone slik et Date-objekt kan.
 */
export type Dato = string & { readonly __dato: unique symbol };
/** «åååå-mm» */
export type Maaned = string & { readonly __maaned: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function erGyldigDato(aar: number, mnd: number, dag: number): boolean {
  if (!Number.isInteger(aar) || aar < 1900 || aar > 2199) return false;
  if (mnd < 1 || mnd > 12 || dag < 1) return false;
  return dag <= dagerIMaaned(aar, mnd);
}

function erSkuddaar(aar: number): boolean {
  return (aar % 4 === 0 && aar % 100 !== 0) || aar % 400 === 0;
}

function dagerIMaaned(aar: number, mnd: number): number {
  return [31, erSkuddaar(aar) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mnd - 1] ?? 0;
}

export function lagDato(aar: number, mnd: number, dag: number): Dato {
  if (!erGyldigDato(aar, mnd, dag)) throw new Error(`Ugyldig dato ${aar}-${mnd}-${dag}`);
  return `${aar}-${String(mnd).padStart(2, '0')}-${String(dag).padStart(2, '0')}` as Dato;
}

export function deler(d: Dato): { aar: number; mnd: number; dag: number } {
  const m = ISO.exec(d);
  if (!m) throw new Error(`Ikke en ISO-dato: ${d}`);
  return { aar: Number(m[1]), mnd: Number(m[2]), dag: Number(m[3]) };
}

/**
 * Tolker «dd.mm.åååå» (også «d.m.åååå» og «dd.mm.åå»), «åååå-mm-dd» og Excel-serienummer.
 * Excel-serienummer regnes fra 1899-12-30 (Excels 1900-skuddårsfeil gjør at dag 60 ikke finnes).
 */
export function parseDato(raa: string | number): Dato | null {
  if (typeof raa === 'number') return fraExcelSerie(raa);
  const s = raa.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(s);
  if (m) return tryLag(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?: 00:00(?::00)?)?$/.exec(s);
  if (m) {
    let aar = Number(m[3]);
    // Tosifret år: 00–69 → 2000-tallet, 70–99 → 1900-tallet (samme grense som Excel).
    if (m[3]!.length === 2) aar += aar < 70 ? 2000 : 1900;
    return tryLag(aar, Number(m[2]), Number(m[1]));
  }
  if (/^\d{5}$/.test(s)) return fraExcelSerie(Number(s));
  return null;
}

function tryLag(aar: number, mnd: number, dag: number): Dato | null {
  return erGyldigDato(aar, mnd, dag) ? lagDato(aar, mnd, dag) : null;
}

const EXCEL_EPOKE_DAG = Math.round(Date.UTC(1899, 11, 30) / 86_400_000);

export function fraExcelSerie(n: number): Dato | null {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return null;
  const hel = Math.floor(n);
  if (n - hel > 1e-9) return null; // klokkeslett hører ikke hjemme i en datokolonne
  if (hel === 60) return null; // 29.02.1900 fantes ikke
  const serie = hel < 60 ? hel + 1 : hel;
  return fraDagnummer(EXCEL_EPOKE_DAG + serie);
}

export function tilExcelSerie(d: Dato): number {
  const serie = dagnummer(d) - EXCEL_EPOKE_DAG;
  return serie < 61 ? serie - 1 : serie;
}

/** Dager siden 1970-01-01 (kun heltallsaritmetikk via UTC, ingen lokal tidssone). */
export function dagnummer(d: Dato): number {
  const { aar, mnd, dag } = deler(d);
  return Math.round(Date.UTC(aar, mnd - 1, dag) / 86_400_000);
}

export function fraDagnummer(n: number): Dato {
  const t = new Date(n * 86_400_000);
  return lagDato(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Datoen en JS-Date (fra exceljs, som lagrer datoer som UTC-midnatt) står for. */
export function fraUtcDate(d: Date): Dato | null {
  if (Number.isNaN(d.getTime())) return null;
  return tryLag(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** UTC-midnatt for datoen — det exceljs trenger for å skrive en ekte datocelle. */
export function tilUtcDate(d: Dato): Date {
  const { aar, mnd, dag } = deler(d);
  return new Date(Date.UTC(aar, mnd - 1, dag));
}

export function leggTilDager(d: Dato, dager: number): Dato {
  return fraDagnummer(dagnummer(d) + dager);
}

/** Legger til måneder; dagen kappes til månedens siste dag (31.01 + 1 mnd = 28./29.02). */
export function leggTilMaaneder(d: Dato, mnd: number): Dato {
  const p = deler(d);
  const total = p.aar * 12 + (p.mnd - 1) + mnd;
  const aar = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return lagDato(aar, m, Math.min(p.dag, dagerIMaaned(aar, m)));
}

export function leggTilAar(d: Dato, aar: number): Dato {
  return leggTilMaaneder(d, aar * 12);
}

export function formatDato(d: Dato): string {
  const { aar, mnd, dag } = deler(d);
  return `${String(dag).padStart(2, '0')}.${String(mnd).padStart(2, '0')}.${aar}`;
}

export function maanedAv(d: Dato): Maaned {
  return d.slice(0, 7) as Maaned;
}

export function parseMaaned(s: string): Maaned | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const mnd = Number(m[2]);
  if (mnd < 1 || mnd > 12 || Number(m[1]) < 1900 || Number(m[1]) > 2199) return null;
  return `${m[1]}-${m[2]}` as Maaned;
}

export function forsteDag(m: Maaned): Dato {
  return `${m}-01` as Dato;
}

export function sisteDag(m: Maaned): Dato {
  const [a, mm] = m.split('-').map(Number) as [number, number];
  return lagDato(a, mm, dagerIMaaned(a, mm));
}

/** Overlapper perioden [fra, til] (til = null: løpende) med [a, b]? */
export function overlapper(fra: Dato, til: Dato | null | undefined, a: Dato, b: Dato): boolean {
  return fra <= b && (til == null || til >= a);
}

export function dagensDato(naa: Date = new Date()): Dato {
  // Lokal kalenderdag der brukeren sitter — det er «i dag» for en frist.
  return lagDato(naa.getFullYear(), naa.getMonth() + 1, naa.getDate());
}

/**
 * Billig forhåndssjekk for radfiltre: ligger en rå datocelle i [fra, til]? Ugyldige datoer gir true,
 * så raden valideres og feilen meldes i stedet for å forsvinne.
 */
export function raaDatoI(raa: unknown, fra: Dato, til: Dato): boolean {
  let d: Dato | null = null;
  if (raa instanceof Date) d = fraUtcDate(raa);
  else if (typeof raa === 'string' || typeof raa === 'number') d = parseDato(raa);
  return d === null || (d >= fra && d <= til);
}

/*
 * Måneder i CSV. Norsk Excel gjør «2026-10» og «mars 2024» om til datoer («okt.26», «01.03.2024») når en
 * CSV åpnes, og lagrer dem slik. «2026M10» (SSBs form for en måned) lar både Excel og LibreOffice stå
 * som tekst, så det er formen nh skriver i all CSV (støtteregisteret, fakturagrunnlaget, AVI-filen).
 */
const KORTE_MAANEDER = ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'] as const;
/** Månedsnavnene på bokmål (januar … desember); også kts-plan bruker dem. */
export const LANGE_MAANEDER = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

/** Måneden slik nh skriver den i CSV: «2026M10». */
export function maanedICsv(m: Maaned): string {
  return m.replace('-', 'M');
}

export type TolketMaaned = { maaned: Maaned; fraExcel: boolean };

function maanedNr(navn: string): number | null {
  const n = navn.toLowerCase().replace(/\.$/, '');
  const i = LANGE_MAANEDER.findIndex((l) => l === n);
  if (i >= 0) return i + 1;
  const k = KORTE_MAANEDER.findIndex(
    (kort) => kort === n.slice(0, 3) && LANGE_MAANEDER[KORTE_MAANEDER.indexOf(kort)]!.startsWith(n),
  );
  return k >= 0 ? k + 1 : null;
}

function lagMaaned(aar: number, mnd: number): Maaned | null {
  if (mnd < 1 || mnd > 12 || aar < 1900 || aar > 2199) return null;
  return `${aar}-${String(mnd).padStart(2, '0')}` as Maaned;
}

/**
 * Leser en måned fra en CSV- eller xlsx-celle: «2026M10» (nh skriver det) og «2026-10» (eldre filer) som de
 * er, og det Excel gjør av en måned når filen åpnes og lagres — «okt.26», «okt. 2026», «oktober 2026»,
 * «10.2026», en dato «01.10.2026»/«2026-10-01», et Excel-serienummer eller en Date — med `fraExcel: true`,
 * så leseren kan advare. Datoer godtas bare når dagen er den 1. (Excel gjør en måned om til den 1.).
 */
export function tolkMaaned(raa: string | number | Date): TolketMaaned | null {
  if (raa instanceof Date) return fraForsteIMaaneden(fraUtcDate(raa));
  if (typeof raa === 'number') return fraForsteIMaaneden(Number.isInteger(raa) ? fraExcelSerie(raa) : null);
  const s = raa.trim();
  let m = /^(\d{4})[Mm-](\d{1,2})$/.exec(s);
  if (m) return fraNhMaaned(s, m[1]!, m[2]!);
  // «okt.26», «okt. 2026», «oktober 2026», «okt-26» (Excels visning av en måned)
  m = /^([a-zæøå]+)\.?[\s.-]*(\d{2}|\d{4})$/i.exec(s);
  if (m) return fraMaanedsnavn(m[1]!, m[2]!);
  // «10.2026»
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return fraExcelMaaned(lagMaaned(Number(m[2]), Number(m[1])));
  if (/^\d+$/.test(s)) return tolkMaaned(Number(s));
  return fraForsteIMaaneden(parseDato(s));
}

/** En dato står bare for en måned når den er den 1. (Excel gjør en måned om til den 1.). */
function fraForsteIMaaneden(d: Dato | null): TolketMaaned | null {
  return d && deler(d).dag === 1 ? { maaned: maanedAv(d), fraExcel: true } : null;
}

function fraExcelMaaned(mnd: Maaned | null): TolketMaaned | null {
  return mnd ? { maaned: mnd, fraExcel: true } : null;
}

/** «2026M10» eller «2026-10»; med bindestrek kreves tosifret måned. */
function fraNhMaaned(s: string, aar: string, mnd: string): TolketMaaned | null {
  const maaned = lagMaaned(Number(aar), Number(mnd));
  return maaned && (s.includes('-') ? mnd.length === 2 : true) ? { maaned, fraExcel: false } : null;
}

/** «okt.26», «oktober 2026»: tosifret år er på 2000-tallet. */
function fraMaanedsnavn(navn: string, aarTekst: string): TolketMaaned | null {
  const nr = maanedNr(navn);
  const aar = aarTekst.length === 2 ? 2000 + Number(aarTekst) : Number(aarTekst);
  return fraExcelMaaned(nr ? lagMaaned(aar, nr) : null);
}
