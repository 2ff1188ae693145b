/**
 * Zod-skjemaer for én celle. Inndata kommer som tekst fra CSV eller som tall/dato/tekst fra xlsx
 * (RaaCelle); hvert skjema tolker begge og gir en norsk feilmelding med «forventet» ved feil.
 * Radskjemaene i datasett/ bygges av disse, så typene utledes med z.infer.
 */
import { z } from 'zod';
import { parseDesimal, fraFlyttall } from './tall.js';
import { parseDato, fraUtcDate, tolkMaaned, type Dato } from './dato.js';
import { normaliserOrgnr, orgnrFeil } from './orgnr.js';
import type { Ore, Ppm } from './penger.js';

export type RaaCelle = string | number | boolean | Date | null | undefined;

/** Metadata zod-feilen bærer, så leseren kan lage Diagnostikk med «forventet». */
export type CelleFeilParams = { forventet: string };

function erTom(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

type Tolk<T> = (v: Exclude<RaaCelle, null | undefined>) => { ok: true; verdi: T } | { ok: false; grunn: string };

function celle<T>(forventet: string, tolk: Tolk<T>) {
  return z.custom<RaaCelle>().transform((v, ctx): T => {
    if (erTom(v)) {
      ctx.addIssue({ code: 'custom', message: 'mangler verdi', params: { forventet } });
      return z.NEVER;
    }
    const r = tolk(v as Exclude<RaaCelle, null | undefined>);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.grunn, params: { forventet } });
      return z.NEVER;
    }
    return r.verdi;
  });
}

/** Valgfri celle: tom → undefined, ellers som skjemaet. */
export function valgfri<T>(skjema: z.ZodType<T, RaaCelle>) {
  return z.custom<RaaCelle>().transform((v, ctx): T | undefined => {
    if (erTom(v)) return undefined;
    const r = skjema.safeParse(v);
    if (r.success) return r.data;
    for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, params: (i as { params?: unknown }).params as Record<string, unknown> });
    return z.NEVER;
  });
}

function somTekst(v: Exclude<RaaCelle, null | undefined>): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export const tekst = (maks = 500) =>
  celle<string>(`tekst (høyst ${maks} tegn)`, (v) => {
    const s = somTekst(v);
    if (s.length > maks) return { ok: false, grunn: `teksten er for lang (${s.length} tegn)` };
    return { ok: true, verdi: s };
  });

function desimal(maksDesimaler: number, v: Exclude<RaaCelle, null | undefined>) {
  if (typeof v === 'number') return fraFlyttall(v, maksDesimaler);
  if (typeof v === 'boolean' || v instanceof Date) return { ok: false as const, grunn: 'ikke et tall' };
  return parseDesimal(v, maksDesimaler);
}

/** Kroner med inntil to desimaler → heltall øre. */
export const belop = (opts: { minst?: Ore } = {}) =>
  celle<Ore>('beløp i kroner, f.eks. «1 234,50»', (v) => {
    const r = desimal(2, v);
    if (!r.ok) return r;
    if (opts.minst !== undefined && r.verdi < opts.minst) return { ok: false, grunn: opts.minst === 0 ? 'beløpet kan ikke være negativt' : 'beløpet er for lite' };
    return r;
  });

/** Timer med inntil to desimaler → hundredels timer (7,5 t = 750). */
export const timer = (opts: { maks?: number } = { maks: 24 }) =>
  celle<number>(`timer${opts.maks !== undefined ? ` (over 0 og høyst ${opts.maks})` : ''}, f.eks. «7,5»`, (v) => {
    const r = desimal(2, v);
    if (!r.ok) return r;
    if (r.verdi <= 0) return { ok: false, grunn: r.verdi === 0 ? 'null timer' : 'negative timer' };
    if (opts.maks !== undefined && r.verdi > opts.maks * 100) return { ok: false, grunn: `mer enn ${opts.maks} timer på én linje` };
    return r;
  });

/**
 * Prosent → ppm. «75», «75 %», «75,5 %» er prosentpoeng; en xlsx-celle med prosentformat leveres
 * av leseren som «75 %». Inntil fire desimaler i prosenttallet.
 */
export const prosent = (opts: { min?: number; maks?: number } = {}) =>
  celle<Ppm>(`prosent${opts.maks !== undefined ? ` mellom ${opts.min ?? 0} og ${opts.maks}` : ''}, f.eks. «75» eller «75 %»`, (v) => {
    let r;
    if (typeof v === 'number') r = fraFlyttall(v, 4);
    else if (typeof v === 'string') r = parseDesimal(v.replace(/%\s*$/, ''), 4);
    else return { ok: false as const, grunn: 'ikke en prosent' };
    if (!r.ok) return r;
    const ppm = r.verdi; // prosent med fire desimaler ×10 000 = ppm
    if (opts.min !== undefined && ppm < opts.min * 10_000) return { ok: false, grunn: `under ${opts.min} %` };
    if (opts.maks !== undefined && ppm > opts.maks * 10_000) return { ok: false, grunn: `over ${opts.maks} %` };
    return { ok: true, verdi: ppm };
  });

export const heltall = (opts: { min?: number; maks?: number } = {}) =>
  celle<number>(`heltall${opts.min !== undefined && opts.maks !== undefined ? ` fra ${opts.min} til ${opts.maks}` : ''}`, (v) => {
    const r = desimal(0, v);
    if (!r.ok) return { ok: false, grunn: 'ikke et heltall' };
    if (opts.min !== undefined && r.verdi < opts.min) return { ok: false, grunn: `mindre enn ${opts.min}` };
    if (opts.maks !== undefined && r.verdi > opts.maks) return { ok: false, grunn: `større enn ${opts.maks}` };
    return r;
  });

export const dato = () =>
  celle<Dato>('dato som dd.mm.åååå, åååå-mm-dd eller Excel-dato', (v) => {
    let d: Dato | null = null;
    if (v instanceof Date) d = fraUtcDate(v);
    else if (typeof v === 'number') d = parseDato(v);
    else if (typeof v === 'string') d = parseDato(v);
    return d ? { ok: true, verdi: d } : { ok: false, grunn: 'ikke en gyldig dato' };
  });

export const orgnr = () =>
  celle<string>('organisasjonsnummer med ni sifre og gyldig kontrollsiffer', (v) => {
    const s = normaliserOrgnr(typeof v === 'number' ? String(v) : somTekst(v));
    const grunn = orgnrFeil(s);
    return grunn ? { ok: false, grunn } : { ok: true, verdi: s };
  });

// Bevisst enkel: lokaldel@domene.tld uten mellomrom. Full RFC 5322 avviser ingen reelle feiltastinger bedre.
const EPOST = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[a-z]{2,}$/i;

export const epost = () =>
  celle<string>('e-postadresse, f.eks. «ola@firma.no»', (v) => {
    const s = somTekst(v);
    return EPOST.test(s) ? { ok: true, verdi: s.toLowerCase() } : { ok: false, grunn: 'ugyldig e-postadresse' };
  });

const JA = new Set(['ja', 'j', 'x', 'sann', 'true', '1', 'yes', 'y']);
const NEI = new Set(['nei', 'n', 'usann', 'false', '0', 'no', '-']);

export const janei = () =>
  celle<boolean>('«ja» eller «nei»', (v) => {
    if (typeof v === 'boolean') return { ok: true, verdi: v };
    const s = somTekst(v).toLowerCase();
    if (JA.has(s)) return { ok: true, verdi: true };
    if (NEI.has(s)) return { ok: true, verdi: false };
    return { ok: false, grunn: 'verken ja eller nei' };
  });

/** Én av faste verdier; `alias` kobler skrivemåter (normalisert) til kanonisk verdi. */
export function valg<T extends string>(verdier: readonly T[], alias: Record<string, NoInfer<T>> = {}) {
  const oppslag = new Map<string, T>();
  for (const v of verdier) oppslag.set(normaliserNavn(v), v);
  for (const [a, v] of Object.entries(alias)) oppslag.set(normaliserNavn(a), v);
  return celle<T>(`én av: ${verdier.join(', ')}`, (v) => {
    const t = oppslag.get(normaliserNavn(somTekst(v)));
    return t ? { ok: true, verdi: t } : { ok: false, grunn: 'ukjent verdi' };
  });
}

/**
 * Normalisering for sammenligning av overskrifter og koder: små bokstaver, uten diakritiske tegn
 * (æ→ae, ø→o, å→a, é→e), uten mellomrom, «_», «-» og «.».
 */
const normalisert = new Map<string, string>();

export function normaliserNavn(s: string): string {
  // Navn og koder gjentas tusenvis av ganger i timelister; hurtigbufferen gjør dette til et oppslag.
  let n = normalisert.get(s);
  if (n === undefined) {
    n = normaliserUtenBuffer(s);
    if (normalisert.size > 100_000) normalisert.clear();
    normalisert.set(s, n);
  }
  return n;
}

function normaliserUtenBuffer(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s_\-.\u00a0/]/g, '');
}

/** Valutakurs NOK per EUR med inntil fire desimaler → heltall ×10 000 (11,7525 → 117 525). */
export const kurs = () =>
  celle<number>('valutakurs NOK per EUR, f.eks. «11,7525»', (v) => {
    const r = desimal(4, v);
    if (!r.ok) return r;
    if (r.verdi <= 0) return { ok: false, grunn: 'kursen må være positiv' };
    return r;
  });

/** «2026M10» (nh skriver det), «2026-10», eller det norsk Excel gjør av en måned («okt.26», «01.10.2026») → åååå-mm. */
export const maaned = () =>
  celle<string>('måned som «2026M10» eller åååå-mm', (v) => {
    const t = typeof v === 'boolean' ? null : tolkMaaned(v);
    return t ? { ok: true, verdi: t.maaned } : { ok: false, grunn: 'ikke en måned' };
  });
