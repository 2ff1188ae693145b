/**
 * Issue 19 pkt. 10: et `--json`-resultat passer nøyaktig skjemaet for kommandoen (src/cli/json/), så
 * docs/json.md (generert fra skjemaene) beskriver hvert felt. Feilen sier hvilket felt og hvor det skal inn.
 */
import { expect } from 'vitest';
import { skjemaFor } from '../src/cli/json/index.js';

export function passerJsonSkjema(stdout: string): void {
  const json = JSON.parse(stdout) as { kommando?: unknown; exitKode?: unknown };
  const r = skjemaFor(json).safeParse(json);
  const feil = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(rot)'}: ${i.message}`);
  expect(
    feil,
    `--json for «${String(json.kommando)}» passer ikke skjemaet i src/cli/json/ — beskriv feltet der og kjør npm run docs`,
  ).toEqual([]);
}
