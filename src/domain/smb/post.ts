/**
 * SMB-sjekkens post (`smb-sjekk/<orgnr>-<åååå-mm-dd>.json`) som kontrakt for dem som leser den, først og fremst
 * `nh faktura` (issue 20 pkt. 3: når trengs en ny sjekk?). Skjemaet dekker bare feltene andre kommandoer bruker;
 * resten av posten er dokumentasjon for revisor og Siva og kan vokse uten at leserne merker det (looseObject).
 *
 * Stabilt: felt fjernes eller endrer betydning aldri uten at `versjon` økes. Poster fra før versjon 2 mangler
 * `versjon` og `oppfolging`; de leses likevel (dom, orgnr og dato). Feltene er beskrevet i docs/smb-sjekk.md
 * «Posten og oppfølgingen i faktura».
 */
import { z } from 'zod';
import { parseDato, type Dato } from '../felles/dato.js';
import type { SmbFakta, SmbResultat } from './typer.js';

/** Versjonen av postens form. 2: `versjon`, `oppfolging` og `mangler` kom til (issue 19 pkt. 8, issue 20 pkt. 3). */
export const SMB_POST_VERSJON = 2;

const dato = z.string().transform((v, ctx) => {
  const d = parseDato(v);
  if (d && /^\d{4}-\d{2}-\d{2}$/.test(v)) return d;
  ctx.addIssue({ code: 'custom', message: `«${v}» er ikke en dato som åååå-mm-dd` });
  return z.NEVER;
});

/** Det en senere kommando trenger for å vurdere om sjekken fortsatt holder (vedlegg 3 pkt. 2; 4.3). */
const oppfolgingSkjema = z.object({
  /**
   * Årsregnskapet fra Regnskapsregisteret som tallene bygger på (det nyeste SELSKAP-regnskapet i NOK):
   * regnskapsåret (året for `til`) og perioden. null = ikke noe slikt regnskap (tallene er oppgitt eller ukjente).
   */
  // `ar` som overalt ellers i JSON (issue 19 pkt. 10); poster skrevet med `aar` leses også.
  regnskap: z
    .preprocess(
      (v) => (v && typeof v === 'object' && 'aar' in v && !('ar' in v) ? { ...v, ar: (v as { aar: unknown }).aar } : v),
      z.object({ ar: z.number().int(), fra: dato, til: dato }),
    )
    .nullable(),
  /** Noen av tallene (omsetning, balanse eller egenkapital) er oppgitt med flagg eller svar, ikke fra registeret. */
  tallOppgitt: z.boolean(),
  /** Enhetsregisterets `sisteInnsendteAarsregnskap` (regnskapsåret) da sjekken ble gjort; null = ukjent. */
  sisteInnsendteAarsregnskap: z.number().int().nullable(),
  /**
   * Treårsunntaket i kapitaltapstesten (vedlegg 3 pkt. 2, «i vanskeligheter» 1): `brukt` = dommen hviler på det;
   * `fra` = datoen det regnes fra; `utloper` = treårsdagen, første dag unntaket ikke lenger gjelder.
   */
  treaarsunntak: z.object({ brukt: z.boolean(), fra: dato.nullable(), utloper: dato.nullable() }),
});
export type Oppfolging = z.output<typeof oppfolgingSkjema>;

/** Posten slik faktura og andre lesere ser den. */
export const smbPostSkjema = z.looseObject({
  versjon: z.number().int().optional(),
  orgnr: z.string().regex(/^\d{9}$/),
  dato,
  dom: z.enum(['KAN TAS OPP', 'KAN IKKE TAS OPP', 'MÅ VURDERES']),
  oppfolging: oppfolgingSkjema.optional(),
});

const fraFlagg = (v: { fra: string } | null) => v?.fra.startsWith('--');

/** Oppfølgingsfeltene fra faktaene og vurderingen (ren). */
export function oppfolgingFor(f: SmbFakta, res: Pick<SmbResultat, 'treaarsunntak'>): Oppfolging {
  const p = f.regnskapsperiode;
  // Perioden er bare satt når tallene kommer fra et brukbart SELSKAP-regnskap i Regnskapsregisteret.
  const regnskap = p ? { ar: Number(p.til.slice(0, 4)), fra: p.fra, til: p.til } : null;
  const aar = f.sisteInnsendteAarsregnskap === null ? Number.NaN : Number(f.sisteInnsendteAarsregnskap);
  const t = res.treaarsunntak;
  return {
    regnskap,
    tallOppgitt: [f.omsetning, f.balanse, f.innskuttEk, f.opptjentEk, f.sumEk].some(fraFlagg),
    sisteInnsendteAarsregnskap: Number.isInteger(aar) ? aar : null,
    treaarsunntak: { brukt: t.gjelder, fra: t.fra as Dato | null, utloper: t.til as Dato | null },
  };
}
