/**
 * Feilgrensen rundt hver kommando: gjør et Resultat eller en feil om til utskrift og exit-kode.
 * 0 ok, 1 en regel sier nei, 2 ugyldig inndata, bruk eller miljø (full disk, ingen tilgang, en mappe der det
 * skulle være en fil — uansett hvor i koden fs-feilen oppsto), 3 en feil i nh. Bare main.ts setter
 * prosessens exit-kode.
 */
import { erMiljoFeil, InndataFeil, miljoDiagnostikk, type Diagnostikk } from '../domain/felles/diagnostikk.js';
import type { Kontekst, Resultat } from './kontekst.js';
import { gjeldende } from './prosess.js';
import { samleAdvarsler } from './advarsler.js';
// Utskrift (chalk) og kontekst lastes først når en kommando kjøres: `nh --help`/`--version` skal starte raskt.
type Utskrift = typeof import('./utskrift.js');

export async function kjor(
  opts: { data?: string; json?: boolean },
  fn: (k: Kontekst) => Promise<Resultat>,
): Promise<void> {
  let k: Kontekst | undefined;
  const u = await import('./utskrift.js');
  const { skrivJson, visDiagnostikk, skrivUt } = u;
  try {
    const { lagKontekst } = await import('./kontekst.js');
    k = lagKontekst(opts);
    const r = await fn(k);
    if (k.json) skrivJson(medAdvarsler(r.json, k.advarsler));
    else {
      visDiagnostikk(samleAdvarsler(k.advarsler)); // like advarsler per målbedrift på én linje; --json har alle
      skrivUt(r.tekst);
    }
    gjeldende().exitKode = r.exitKode ?? 0;
  } catch (e) {
    gjeldende().exitKode = haandterFeil(u, e, Boolean(opts.json), k?.advarsler ?? []);
  }
}

function medAdvarsler(json: unknown, advarsler: Diagnostikk[]): unknown {
  if (json && typeof json === 'object' && !Array.isArray(json)) return { ...(json as object), advarsler };
  return json;
}

export function haandterFeil(u: Utskrift, e: unknown, json: boolean, advarsler: Diagnostikk[] = []): number {
  const { farge, skrivFeil, skrivJson, visDiagnostikk } = u;
  // Filsystemet sa nei (EACCES, ENOSPC, EISDIR …): brukerens miljø, exit 2 med stien og hva som kan gjøres.
  if (erMiljoFeil(e)) e = new InndataFeil([miljoDiagnostikk(e, undefined, process.platform === 'win32')]);
  if (e instanceof InndataFeil) {
    visDiagnostikk([...samleAdvarsler(advarsler), ...e.diagnostikk]);
    // Aldri «Ingenting er skrevet» når noe faktisk ble erstattet før feilen.
    const skrevet = e.skrevet.length ? `Skrevet før feilen: ${e.skrevet.join(', ')}.` : 'Ingenting er skrevet.';
    skrivFeil(farge.red(`${e.diagnostikk.length} feil. ${skrevet}`));
    const skrevetJson = e.skrevet.length ? { skrevet: e.skrevet } : {};
    if (json) skrivJson({ ok: false, exitKode: 2, feil: e.diagnostikk, ...skrevetJson, advarsler });
    return 2;
  }
  const err = e as Error;
  if (err && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
    skrivFeil('Avbrutt.');
    return 2;
  }
  skrivFeil(farge.red(`Intern feil i nh: ${err?.message ?? String(e)}`));
  if (gjeldende().env.NH_DEBUG) skrivFeil(err?.stack ?? '');
  else skrivFeil('Kjør med NH_DEBUG=1 for detaljer, og meld feilen.');
  if (json)
    skrivJson({
      ok: false,
      exitKode: 3,
      feil: [{ alvor: 'feil', kode: 'intern-feil', melding: err?.message ?? String(e) }],
    });
  // 3, ikke 2: en programfeil skal aldri se ut som «ugyldig inndata» for et skript eller en test.
  return 3;
}
