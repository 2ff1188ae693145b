/**
 * Issue 19 pkt. 10: `--json` er en kontrakt for skript. Hvert resultat — også feil — har de samme feltene
 * først: `ok`, `versjon` (av JSON-formen), `kommando` og `exitKode`, og `advarsler` sist. Feltene hver kommando
 * har i tillegg, er beskrevet i docs/json.md (generert fra skjemaene i src/cli/json/).
 */
import type { Diagnostikk } from '../../domain/felles/diagnostikk.js';

/** Versjonen av JSON-formen. Økes når et felt endrer navn, type eller betydning (ikke når et nytt kommer til). */
export const JSON_VERSJON = 1;

/** Felles felt først, kommandoens egne (uten egne ok/exitKode) i midten, advarslene sist. */
export function konvolutt(
  kommando: string | null,
  exitKode: number,
  json: unknown,
  advarsler: readonly Diagnostikk[],
): Record<string, unknown> {
  const egne = json && typeof json === 'object' && !Array.isArray(json) ? { ...(json as Record<string, unknown>) } : {};
  for (const felles of ['ok', 'versjon', 'kommando', 'exitKode', 'advarsler']) delete egne[felles];
  return { ok: exitKode === 0, versjon: JSON_VERSJON, kommando, exitKode, ...egne, advarsler };
}
