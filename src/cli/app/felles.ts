/** Små hjelpere alle kommandoer bruker: år fra flagg/nh.json og utmappe. */
import path from 'node:path';
import type { Config } from '../../domain/config.js';
import { feil, InndataFeil } from '../../domain/diagnostikk.js';
import type { Arbeidsmappe } from '../../io/arbeidsmappe.js';

export function velgAar(flagg: string | undefined, config: Config, navn = '--ar'): number {
  return flagg === undefined ? config.ar : tolkAar(flagg, navn);
}

/** Et år i programperioden fra et flagg, ellers exit 2. */
export function tolkAar(flagg: string, navn = '--ar'): number {
  if (!/^\d{4}$/.test(flagg.trim()) || Number(flagg) < 2023 || Number(flagg) > 2099) {
    throw new InndataFeil([feil('ugyldig-flagg', `${navn} «${flagg}» er ikke et år i programperioden.`, undefined, { forventet: 'et år som 2026' })]);
  }
  return Number(flagg);
}

export function utmappe(am: Arbeidsmappe, ut: string | undefined): string {
  return ut ? path.resolve(ut) : am.rot;
}

/** Kroner med to desimaler som JSON-tall (fra heltall øre; ingen flyttallsregning skjer etterpå). */
export function kr(ore: number): number {
  return Number((ore / 100).toFixed(2));
}

export function pst(ppm: number): number {
  return Number((ppm / 10_000).toFixed(4));
}
