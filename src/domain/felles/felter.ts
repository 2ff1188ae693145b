/**
 * Zod-skjemaer for én celle. Inndata kommer som tekst fra CSV eller som tall/dato/tekst fra xlsx
 * (RaaCelle); hvert skjema tolker begge og gir en norsk feilmelding med «forventet» ved feil.
 * Radskjemaene i datasett/ bygges av disse, så typene utledes med z.infer.
 */
import { z } from 'zod';
import './zod-norsk.js';
import { parseDesimal, fraFlyttall, MAKS_BELOP_ORE, type Tolket } from './tall.js';
import { parseDato, fraUtcDate, tolkMaaned, type Dato } from './dato.js';
import { normaliserOrgnr, orgnrFeil } from './orgnr.js';
import { formatKroner, type Ore, type Ppm } from './penger.js';

/**
 * Rimelige spenn (issue 11 pkt. 5): verdier utenfor er nesten alltid en tastefeil (månedslønn for årslønn,
 * øre for kroner, en null for mye). Avvises med verdien og spennet; docs/datasett.md «Rimelige verdier».
 */
export const MARKEDSPRIS_SPENN = { minst: 100_00, maks: 10_000_00 } as const; // kr per time
export const ARSLONN_SPENN = { minst: 10_000_00, maks: 10_000_000_00 } as const; // kr per år

export type RaaCelle = string | number | boolean | Date | null | undefined;

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
    for (const i of r.error.issues)
      ctx.addIssue({
        code: 'custom',
        message: i.message,
        params: (i as { params?: unknown }).params as Record<string, unknown>,
      });
    return z.NEVER;
  });
}

function somTekst(v: Exclude<RaaCelle, null | undefined>): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

// Kontrolltegn (ESC, NUL, …) hører aldri hjemme i en celle; linjeskift bare i lange fritekstfelt (Alt+Enter i Excel).
const KONTROLLTEGN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LINJESKIFT = /[\r\n]/;
/**
 * Tegn som ikke er lov i XML 1.0 (EHF) og i xlsx: U+FFFE, U+FFFF og halve surrogatpar (issue 23 pkt. 8). Ellers
 * ble EHF-fakturaen ikke XML, og arbeidsbøkene ble avvist av strenge lesere.
 */
const IKKE_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Felt på høyst så mange tegn er én linje (navn, koder, aktiviteter); lengre er fritekst. */
const EN_LINJE = 200;

export const tekst = (maks = 500) =>
  celle<string>(`tekst (høyst ${maks} tegn${maks <= EN_LINJE ? ', én linje' : ''})`, (v) => {
    const s = somTekst(v);
    if (s.length > maks) return { ok: false, grunn: `teksten er for lang (${s.length} tegn)` };
    if (KONTROLLTEGN.test(s)) return { ok: false, grunn: 'teksten har kontrolltegn (f.eks. ESC)' };
    const x = IKKE_XML.exec(s);
    if (x) {
      const kode = `U+${x[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      return { ok: false, grunn: `teksten har tegnet ${kode}, som ikke er lov i EHF (XML) og xlsx — slett det` };
    }
    if (maks <= EN_LINJE && LINJESKIFT.test(s)) return { ok: false, grunn: 'teksten har linjeskift' };
    return { ok: true, verdi: s };
  });

function desimal(maksDesimaler: number, v: Exclude<RaaCelle, null | undefined>) {
  if (typeof v === 'number') return fraFlyttall(v, maksDesimaler);
  if (typeof v === 'boolean' || v instanceof Date) return { ok: false as const, grunn: 'ikke et tall' };
  return parseDesimal(v, maksDesimaler);
}

const kr = (ore: Ore) => formatKroner(ore).replace(/,00$/, '');

/**
 * Kroner med inntil to desimaler → heltall øre, høyst MAKS_BELOP_ORE. `minst`/`maks` med `hva` er et rimelig
 * spenn for feltet (f.eks. årslønn); da sier feilen verdien og spennet.
 */
export const belop = (opts: { minst?: Ore; maks?: Ore; hva?: string } = {}) => {
  const maks = opts.maks ?? MAKS_BELOP_ORE;
  const spenn =
    opts.hva && opts.minst !== undefined ? ` (rimelig for ${opts.hva}: ${kr(opts.minst)}–${kr(maks)} kr)` : '';
  return celle<Ore>(`beløp i kroner, f.eks. «1 234,50»${spenn}`, (v) => {
    const r = desimal(2, v);
    if (!r.ok) return r;
    const grunn = belopUtenforSpenn(r.verdi, opts.minst, maks, opts.hva);
    return grunn === null ? r : { ok: false, grunn };
  });
};

/** Feilteksten når beløpet ligger utenfor [minst, maks], ellers null; med `hva` sier teksten at det er urimelig. */
function belopUtenforSpenn(verdi: number, minst: Ore | undefined, maks: Ore, hva: string | undefined): string | null {
  if (minst !== undefined && verdi < minst) {
    if (verdi < 0 && minst >= 0) return 'beløpet kan ikke være negativt';
    if (verdi === 0 && minst > 0) return 'beløpet kan ikke være 0';
    return hva ? `urimelig lavt for ${hva}` : 'beløpet er for lite';
  }
  if (verdi > maks) return hva ? `urimelig høyt for ${hva}` : `beløpet er urimelig stort (over ${kr(maks)} kr)`;
  return null;
}

/** «7:30» (en Excel-celle med tidsformat [t]:mm, eller skrevet slik) → hundredels timer. */
const TIMER_MINUTTER = /^(\d{1,4}):([0-5]\d)$/;
function fraTimerMinutter(s: string): { ok: true; verdi: number } | { ok: false; grunn: string } {
  const [, t, m] = TIMER_MINUTTER.exec(s)!;
  const hundredeler = (Number(m) * 100) / 60;
  if (!Number.isInteger(hundredeler))
    return {
      ok: false,
      grunn: `${s} er ikke et helt antall hundredels timer (minuttene må gå opp i 3, f.eks. 7:15 eller 7:30)`,
    };
  return { ok: true, verdi: Number(t) * 100 + hundredeler };
}

/** Timer med inntil to desimaler → hundredels timer (7,5 t = 750). «7:30» godtas også. */
export const timer = (opts: { maks?: number } = { maks: 24 }) =>
  celle<number>(`timer${opts.maks !== undefined ? ` (over 0 og høyst ${opts.maks})` : ''}, f.eks. «7,5»`, (v) => {
    const r = typeof v === 'string' && TIMER_MINUTTER.test(v.trim()) ? fraTimerMinutter(v.trim()) : desimal(2, v);
    if (!r.ok) return r;
    if (r.verdi <= 0) return { ok: false, grunn: r.verdi === 0 ? 'null timer' : 'negative timer' };
    if (opts.maks !== undefined && r.verdi > opts.maks * 100)
      return { ok: false, grunn: `mer enn ${opts.maks} timer på én linje` };
    return r;
  });

/**
 * Prosent → ppm. «75», «75 %», «75,5 %» er prosentpoeng; en xlsx-celle med prosentformat leveres
 * av leseren som «75 %». Inntil fire desimaler i prosenttallet.
 */
export const prosent = (opts: { min?: number; maks?: number } = {}) =>
  celle<Ppm>(
    `prosent${opts.maks !== undefined ? ` mellom ${opts.min ?? 0} og ${opts.maks}` : ''}, f.eks. «75» eller «75 %»`,
    (v) => {
      let r: Tolket;
      if (typeof v === 'number') r = fraFlyttall(v, 4);
      else if (typeof v === 'string') r = parseDesimal(v.replace(/%\s*$/, ''), 4);
      else return { ok: false as const, grunn: 'ikke en prosent' };
      if (!r.ok) return r;
      const ppm = r.verdi; // prosent med fire desimaler ×10 000 = ppm
      // En vanlig celle med 0,75 er nesten alltid brøken for 75 % (issue 11 pkt. 5); prosentformaterte xlsx-celler
      // kommer som «75 %». Under 1 % må skrives med prosenttegn.
      const medTegn = typeof v === 'string' && /%\s*$/.test(v);
      if (!medTegn && ppm > 0 && ppm < 10_000) {
        const pst = String(ppm / 100).replace('.', ',');
        return {
          ok: false,
          grunn: `${String(v).replace('.', ',')} ser ut som en brøk: skriv ${pst} for ${pst} %, eller «${String(v).replace('.', ',')} %» om du mener under 1 %`,
        };
      }
      if (opts.min !== undefined && ppm < opts.min * 10_000) return { ok: false, grunn: `under ${opts.min} %` };
      if (opts.maks !== undefined && ppm > opts.maks * 10_000) return { ok: false, grunn: `over ${opts.maks} %` };
      return { ok: true, verdi: ppm };
    },
  );

export const heltall = (opts: { min?: number; maks?: number } = {}) =>
  celle<number>(
    `heltall${opts.min !== undefined && opts.maks !== undefined ? ` fra ${opts.min} til ${opts.maks}` : ''}`,
    (v) => {
      const r = desimal(0, v);
      if (!r.ok) return { ok: false, grunn: 'ikke et heltall' };
      if (opts.min !== undefined && r.verdi < opts.min) return { ok: false, grunn: `mindre enn ${opts.min}` };
      if (opts.maks !== undefined && r.verdi > opts.maks) return { ok: false, grunn: `større enn ${opts.maks}` };
      return r;
    },
  );

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
