/**
 * Oppslag i Brønnøysundregistrene: Enhetsregisteret (enheter/{orgnr}) og Regnskapsregisteret
 * (regnskap/{orgnr}), med fetch. Tidsavbrudd per forsøk, ett nytt forsøk ved nettfeil, tidsavbrudd og
 * 5xx, tydelig melding når nettet er nede. Svarene valideres med zod etter den publiserte JSON-formen
 * (se /work/shared/referanse/brreg-og-norges-bank-api.md): alle felt unntatt orgnr, navn og
 * organisasjonsform er valgfrie; `sumInnskuttEgenkaptial` og `regnkapsprinsipper` er stavet som i API-et.
 *
 * Basis-URL: NH_BRREG_URL (standard https://data.brreg.no/enhetsregisteret/api) og NH_REGNSKAP_URL
 * (standard https://data.brreg.no/regnskapsregisteret/regnskap). Tidsavbrudd: NH_BRREG_TIDSAVBRUDD_MS
 * (standard 10 000). Lastes bare av smb-sjekk.
 */
import { z } from 'zod';

const STANDARD_ENHET_URL = 'https://data.brreg.no/enhetsregisteret/api';
const STANDARD_REGNSKAP_URL = 'https://data.brreg.no/regnskapsregisteret/regnskap';

export type BrregOppsett = {
  enhetUrl: string;
  regnskapUrl: string;
  tidsavbruddMs: number;
  /** Injiserbar fetch (tester) og klokke for «hentet»-tidspunktet. */
  fetch?: typeof fetch;
  naa?: () => Date;
};

export function brregOppsett(env: Readonly<Record<string, string | undefined>>, naa?: () => Date): BrregOppsett {
  const ms = Number(env.NH_BRREG_TIDSAVBRUDD_MS);
  return {
    enhetUrl: (env.NH_BRREG_URL || STANDARD_ENHET_URL).replace(/\/+$/, ''),
    regnskapUrl: (env.NH_REGNSKAP_URL || STANDARD_REGNSKAP_URL).replace(/\/+$/, ''),
    tidsavbruddMs: Number.isFinite(ms) && ms > 0 ? ms : 10_000,
    ...(naa ? { naa } : {}),
  };
}

import {
  enhetSkjema,
  fjernetSkjema,
  regnskapListeSkjema,
  underenhetSkjema,
  valgfriTekst,
  type Enhet,
  type Regnskap,
} from './brreg-skjema.js';

export type { Enhet } from './brreg-skjema.js';

// ————— Utfall —————

export type EnhetSvar =
  | { type: 'enhet'; enhet: Enhet; raa: unknown }
  | { type: 'slettet'; enhet: Enhet; raa: unknown }
  | { type: 'fjernet'; slettedato: string | null; raa: unknown }
  | { type: 'ukjent' };

export type UnderenhetSvar =
  | { type: 'underenhet'; orgnr: string; navn: string; overordnet: string | null; raa: unknown }
  | { type: 'slettet'; navn: string; slettedato: string | null; raa: unknown }
  | { type: 'ukjent' };

/** Alle årsregnskapene i svaret (SELSKAP/KONSERN, ett eller flere år), eller ingen med status og melding. */
export type RegnskapSvar =
  | { type: 'regnskap'; regnskap: Regnskap[]; raa: unknown }
  | { type: 'ingen'; status: number; melding: string | null; raa: unknown };

/** Nettet eller tjenesten svarer ikke (etter nytt forsøk). */
export class NettFeil extends Error {
  constructor(
    melding: string,
    readonly url: string,
  ) {
    super(melding);
    this.name = 'NettFeil';
  }
}

/** Tjenesten svarte, men ikke slik API-et er dokumentert (uventet status eller JSON-form). */
export class SvarFeil extends Error {
  constructor(
    melding: string,
    readonly url: string,
  ) {
    super(melding);
    this.name = 'SvarFeil';
  }
}

type RaattSvar = { status: number; tekst: string };

function nettMelding(e: unknown, url: string, ms: number): string {
  const err = e as Error & { cause?: { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
    return `Brønnøysundregistrene svarte ikke innen ${ms / 1000} sekunder (${url}).`;
  const kode = err?.cause?.code;
  if (kode === 'ENOTFOUND' || kode === 'EAI_AGAIN')
    return `Får ikke slått opp vertsnavnet — er maskinen frakoblet nettet? (${url})`;
  if (kode === 'ECONNREFUSED')
    return `Fikk ikke kontakt med ${url} (tilkoblingen ble avvist). Er maskinen frakoblet nettet?`;
  return `Fikk ikke kontakt med Brønnøysundregistrene (${kode ?? err?.message ?? String(e)}, ${url}). Er maskinen frakoblet nettet?`;
}

/** GET med tidsavbrudd og ett nytt forsøk ved nettfeil, tidsavbrudd og 5xx (siste 5xx returneres). */
export async function hent(url: string, ms: number, hentFn: typeof fetch = fetch): Promise<RaattSvar> {
  let sisteFeil: unknown;
  for (let forsok = 1; forsok <= 2; forsok++) {
    try {
      const r = await hentFn(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(ms) });
      const tekst = await r.text();
      if (r.status >= 500 && forsok === 1) continue;
      return { status: r.status, tekst };
    } catch (e) {
      sisteFeil = e;
    }
  }
  throw new NettFeil(nettMelding(sisteFeil, url, ms), url);
}

function tolkJson<S extends z.ZodType>(tekst: string, skjema: S, url: string): { data: z.output<S>; raa: unknown } {
  let raa: unknown;
  try {
    raa = JSON.parse(tekst);
  } catch {
    throw new SvarFeil(`Svaret fra ${url} er ikke gyldig JSON.`, url);
  }
  const r = skjema.safeParse(raa);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new SvarFeil(
      `Svaret fra ${url} har ikke forventet form (felt «${i?.path.join('.') ?? ''}»: ${i?.message ?? ''}).`,
      url,
    );
  }
  return { data: r.data, raa };
}

/** Tolker et (innspilt eller ferskt) svar fra Enhetsregisteret. */
export function tolkEnhetSvar(s: RaattSvar, url: string): EnhetSvar {
  if (s.status === 404) return { type: 'ukjent' };
  if (s.status === 410) {
    let raa: unknown = null;
    let slettedato: string | null = null;
    try {
      raa = JSON.parse(s.tekst);
      const r = fjernetSkjema.safeParse(raa);
      if (r.success) slettedato = r.data.slettedato ?? null;
    } catch {
      // tom eller ugyldig kropp: statusen er det som betyr noe
    }
    return { type: 'fjernet', slettedato, raa };
  }
  if (s.status !== 200) throw new SvarFeil(`Enhetsregisteret svarte med HTTP ${s.status} (${url}).`, url);
  const { data, raa } = tolkJson(s.tekst, enhetSkjema, url);
  // Slettet enhet: HTTP 200 med respons_klasse «SlettetEnhet» (eldre svar mangler klassen, men har slettedato).
  if (data.respons_klasse === 'SlettetEnhet' || data.slettedato) return { type: 'slettet', enhet: data, raa };
  return { type: 'enhet', enhet: data, raa };
}

/** Tolker et svar fra `/underenheter/{orgnr}` (404 og 410 = ikke en underenhet heller). */
export function tolkUnderenhetSvar(s: RaattSvar, url: string): UnderenhetSvar {
  if (s.status === 404 || s.status === 410) return { type: 'ukjent' };
  if (s.status !== 200) throw new SvarFeil(`Enhetsregisteret svarte med HTTP ${s.status} (${url}).`, url);
  const { data, raa } = tolkJson(s.tekst, underenhetSkjema, url);
  if (/^Slettet/i.test(data.respons_klasse ?? '') || data.slettedato) {
    return { type: 'slettet', navn: data.navn, slettedato: data.slettedato ?? null, raa };
  }
  return {
    type: 'underenhet',
    orgnr: data.organisasjonsnummer,
    navn: data.navn,
    overordnet: data.overordnetEnhet ?? null,
    raa,
  };
}

/** Feilkroppen fra Regnskapsregisteret ved 5xx: {timestamp, status, error, message, path, trace}. */
const feilKroppSkjema = z.looseObject({ error: valgfriTekst, message: valgfriTekst, trace: valgfriTekst });

function feilmelding(raa: unknown): string | null {
  const r = feilKroppSkjema.safeParse(raa);
  if (!r.success) return null;
  const deler = [
    r.data.message ?? r.data.error,
    r.data.trace && r.data.trace.length <= 64 ? `sporings-id ${r.data.trace}` : null,
  ];
  const t = deler.filter(Boolean).join(', ');
  return t || null;
}

/** Tolker et svar fra Regnskapsregisteret: en liste med årsregnskap; 404 = ingen regnskap; 5xx = ingen med melding. */
export function tolkRegnskapSvar(s: RaattSvar, url: string): RegnskapSvar {
  if (s.status === 404) return { type: 'ingen', status: 404, melding: null, raa: null };
  // 500 er vanlig for banker og forsikring (oppstillingsplan som API-et ikke støtter).
  if (s.status >= 500) {
    let raa: unknown = null;
    try {
      raa = JSON.parse(s.tekst);
    } catch {
      raa = null;
    }
    return { type: 'ingen', status: s.status, melding: feilmelding(raa), raa };
  }
  if (s.status !== 200) throw new SvarFeil(`Regnskapsregisteret svarte med HTTP ${s.status} (${url}).`, url);
  const { data, raa } = tolkJson(s.tekst, regnskapListeSkjema, url);
  return data.length ? { type: 'regnskap', regnskap: data, raa } : { type: 'ingen', status: 200, melding: null, raa };
}

export type Innspilt = { url: string; status: number; tekst: string; hentet: string };

async function hentInnspilt(o: BrregOppsett, url: string): Promise<Innspilt> {
  const s = await hent(url, o.tidsavbruddMs, o.fetch);
  return { url, ...s, hentet: (o.naa ?? (() => new Date()))().toISOString() };
}

export const hentEnhet = (o: BrregOppsett, orgnr: string) => hentInnspilt(o, `${o.enhetUrl}/enheter/${orgnr}`);
export const hentUnderenhet = (o: BrregOppsett, orgnr: string) =>
  hentInnspilt(o, `${o.enhetUrl}/underenheter/${orgnr}`);
export const hentRegnskap = (o: BrregOppsett, orgnr: string) => hentInnspilt(o, `${o.regnskapUrl}/${orgnr}`);

// ————— Hurtigbuffer i arbeidsmappen —————

const bufferSkjema = z.object({
  url: z.string(),
  status: z.number().int(),
  tekst: z.string(),
  hentet: z.string(),
});

/** Stiene (relativt til arbeidsmappen) der svarene bufres. */
export function bufferStier(orgnr: string): { enhet: string[]; regnskap: string[]; underenhet: string[] } {
  const b = (navn: string) => ['smb-sjekk', 'buffer', `${orgnr}-${navn}.json`];
  return { enhet: b('enhet'), regnskap: b('regnskap'), underenhet: b('underenhet') };
}

export function tilBuffer(s: Innspilt): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

export function fraBuffer(tekst: string): Innspilt | null {
  try {
    const r = bufferSkjema.safeParse(JSON.parse(tekst));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
