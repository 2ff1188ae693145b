/**
 * Et datasett (ansatte, malbedrifter, timer …) beskrives én gang her: kolonner med skjema, alias,
 * beskrivelse og eksempel. Av det lages radskjemaet (zod, typen utledes), tomme malfiler (`nh init`)
 * og dokumentasjonen i docs/datasett.md.
 */
import { z } from 'zod';
import type { Kilde } from '../felles/diagnostikk.js';
import { valgfri, type RaaCelle } from '../felles/felter.js';

export type KolonneMeta = {
  /**
   * Issue 19 pkt. 5: overskriften en administrator leser («Årslønn», «Stilling %»). nh init skriver den i malene;
   * både den og nøkkelen (og aliasene) godtas når filen leses. Tom = nøkkelen.
   */
  overskrift?: string;
  /** Ekstra overskrifter som godtas (normaliseres som alle overskrifter). */
  alias?: string[];
  beskrivelse: string;
  eksempel: string;
  /** Lovlige verdier (gir nedtrekksliste i xlsx-malen fra `nh init --xlsx`). */
  verdier?: readonly string[];
  /** Celletype i xlsx-malen (format og inndatakontroll). */
  type?: 'tekst' | 'belop' | 'prosent' | 'timer' | 'dato' | 'heltall' | 'orgnr' | 'epost' | 'janei';
};

export type Kolonne<T, P extends boolean> = KolonneMeta & {
  paakrevd: P;
  skjema: z.ZodType<P extends true ? T : T | undefined, RaaCelle>;
};

export function paakrevd<T>(skjema: z.ZodType<T, RaaCelle>, meta: KolonneMeta): Kolonne<T, true> {
  return { ...meta, paakrevd: true, skjema };
}

export function frivillig<T>(skjema: z.ZodType<T, RaaCelle>, meta: KolonneMeta): Kolonne<T, false> {
  return { ...meta, paakrevd: false, skjema: valgfri(skjema) };
}

// Kolonnens verditype varierer per kolonne; `any` her er grensen der skjemaene samles (typene utledes fra dem).
// biome-ignore lint/suspicious/noExplicitAny: heterogene kolonnetyper i én definisjon
type AnyKolonne = Kolonne<any, boolean>;

export type DatasettDef<K extends Record<string, AnyKolonne> = Record<string, AnyKolonne>> = {
  navn: string;
  beskrivelse: string;
  kolonner: K;
  /** Kolonnen(e) som skal være unike i filen (f.eks. navn i ansatte). */
  unik?: string[];
};

export type RadAv<D extends { kolonner: Record<string, AnyKolonne> }> = {
  [N in keyof D['kolonner']]: z.output<D['kolonner'][N]['skjema']>;
};

/** En innlest rad med hvor den kom fra (fil, ark, rad), så senere regler kan peke på den. */
export type MedKilde<T> = T & { kilde: Kilde };

/** Overskriften for en kolonne slik nh skriver den i maler og meldinger. */
export function overskrift(nokkel: string, kol: Pick<KolonneMeta, 'overskrift'>): string {
  return kol.overskrift ?? nokkel;
}

export function definerDatasett<K extends Record<string, AnyKolonne>>(def: DatasettDef<K>): DatasettDef<K> {
  return def;
}

export function radSkjema<D extends { kolonner: Record<string, AnyKolonne> }>(def: D) {
  const form: Record<string, z.ZodType<unknown, RaaCelle>> = {};
  for (const [nokkel, kol] of Object.entries(def.kolonner)) form[nokkel] = kol.skjema;
  return z.object(form) as unknown as z.ZodType<RadAv<D>, Record<string, RaaCelle>>;
}
