/**
 * Norske helligdager og virkedager, regnet som rene kalenderdatoer (ingen Date, ingen tidssone).
 *
 * Helligdagene er faste i lov: helligdagsfredloven § 2 (1. nyttårsdag, skjærtorsdag, langfredag, 1. og 2.
 * påskedag, Kristi himmelfartsdag, 1. og 2. pinsedag, 1. og 2. juledag) og lov om 1. og 17. mai som
 * høgtidsdager. Påskedagen regnes med den gregorianske algoritmen (Meeus/Jones/Butcher); de bevegelige dagene
 * følger av den. Hvorfor ikke et bibliotek: date-holidays regner med Date og tidssoner og har data for
 * 200 land; Norges liste er tolv datoer per år og endres bare ved lov (testene sjekker mot kjente år).
 *
 * Virkedag (bokføringsforskriften § 5-1-3 tredje ledd, «de femten første virkedagene»): alle dager som ikke er
 * søndag eller helligdag — lørdag ER en virkedag (samme definisjon som ferieloven § 5 nr. 1). Det gir det
 * korteste vinduet for tilbakedatering, altså den forsiktige lesningen (docs/faktura.md).
 */
import { dagnummer, deler, forsteDag, leggTilDager, lagDato, sisteDag, type Dato, type Maaned } from './dato.js';

/** Påskedag (1. påskedag) i den gregorianske kalenderen. */
export function paaskedag(aar: number): Dato {
  const a = aar % 19;
  const b = Math.floor(aar / 100);
  const c = aar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const mnd = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return lagDato(aar, mnd, dag);
}

/** Helligdagene i året med navn, sortert. */
export function helligdager(aar: number): { dato: Dato; navn: string }[] {
  const p = paaskedag(aar);
  const fra = (dager: number) => leggTilDager(p, dager);
  return [
    { dato: lagDato(aar, 1, 1), navn: '1. nyttårsdag' },
    { dato: fra(-3), navn: 'skjærtorsdag' },
    { dato: fra(-2), navn: 'langfredag' },
    { dato: p, navn: '1. påskedag' },
    { dato: fra(1), navn: '2. påskedag' },
    { dato: lagDato(aar, 5, 1), navn: '1. mai' },
    { dato: lagDato(aar, 5, 17), navn: '17. mai' },
    { dato: fra(39), navn: 'Kristi himmelfartsdag' },
    { dato: fra(49), navn: '1. pinsedag' },
    { dato: fra(50), navn: '2. pinsedag' },
    { dato: lagDato(aar, 12, 25), navn: '1. juledag' },
    { dato: lagDato(aar, 12, 26), navn: '2. juledag' },
  ].sort((x, y) => (x.dato < y.dato ? -1 : x.dato > y.dato ? 1 : 0));
}

const perAar = new Map<number, Set<string>>();

function erHelligdag(d: Dato): boolean {
  const { aar } = deler(d);
  let s = perAar.get(aar);
  if (!s) {
    s = new Set(helligdager(aar).map((h) => h.dato));
    perAar.set(aar, s);
  }
  return s.has(d);
}

/** Søndag? (1970-01-01, dagnummer 0, var en torsdag.) */
function erSondag(d: Dato): boolean {
  return (((dagnummer(d) + 4) % 7) + 7) % 7 === 0;
}

/** Virkedag: ikke søndag og ikke helligdag (lørdag teller). */
export function erVirkedag(d: Dato): boolean {
  return !erSondag(d) && !erHelligdag(d);
}

/** Den n-te virkedagen i måneden (n ≥ 1); null om måneden har færre. */
export function nteVirkedag(m: Maaned, n: number): Dato | null {
  const slutt = sisteDag(m);
  let teller = 0;
  for (let d = forsteDag(m); d <= slutt; d = leggTilDager(d, 1)) {
    if (erVirkedag(d) && ++teller === n) return d;
  }
  return null;
}
