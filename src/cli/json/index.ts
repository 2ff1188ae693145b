/**
 * Issue 19 pkt. 10: hver kommandos `--json`, som zod-skjema. Testene sjekker hvert resultat mot skjemaet (et felt
 * som ikke står her, er en feil), og scripts/lag-docs.mjs skriver docs/json.md fra dem. Nytt felt i en kommando:
 * legg det inn her med beskrivelse og kjør `npm run docs`.
 */
import type { z } from 'zod';
import { aarsrapportJson } from './aarsrapport.js';
import { budsjettJson } from './budsjett.js';
import { docsJson, fristerJson, initJson, sjekkJson, timesatsJson } from './enkle.js';
import { fakturaJson } from './faktura.js';
import { feilResultat } from './felles.js';
import { ktsPlanJson } from './kts-plan.js';
import { smbSjekkJson } from './smb-sjekk.js';

export { feilResultat } from './felles.js';
/** @public scripts/json-docs.mjs leser versjonen herfra (via dist/), knip ser ikke den importen. */
export { JSON_VERSJON } from './konvolutt.js';

/** Kommandoens navn (som i `kommando`) → skjemaet for et vellykket resultat (exit 0 eller 1). */
export const JSON_SKJEMA: Record<string, z.ZodType> = {
  init: initJson,
  sjekk: sjekkJson,
  timesats: timesatsJson,
  budsjett: budsjettJson,
  'smb-sjekk': smbSjekkJson,
  faktura: fakturaJson,
  'kts-plan': ktsPlanJson,
  årsrapport: aarsrapportJson,
  frister: fristerJson,
  docs: docsJson,
};

/** Skjemaet et `--json`-resultat skal passe: feilresultatet ved exit 2/3, ellers kommandoens. */
export function skjemaFor(json: { kommando?: unknown; exitKode?: unknown }): z.ZodType {
  if (json.exitKode === 2 || json.exitKode === 3) return feilResultat;
  const s = typeof json.kommando === 'string' ? JSON_SKJEMA[json.kommando] : undefined;
  if (!s) throw new Error(`Ukjent kommando i --json: ${String(json.kommando)}`);
  return s;
}
