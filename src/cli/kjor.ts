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
import { medVisteFlagg } from './flagg.js';
import { konvolutt } from './json/konvolutt.js';
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
    const exitKode = r.exitKode ?? 0;
    const advarsler = k.advarsler.map(medFlaggSomSkrevet);
    if (k.json) skrivJson(konvolutt(gjeldende().kommando ?? null, exitKode, r.json, advarsler));
    else {
      visDiagnostikk(samleAdvarsler(advarsler)); // like advarsler per målbedrift på én linje; --json har alle
      skrivUt(r.tekst);
    }
    gjeldende().exitKode = exitKode;
  } catch (e) {
    gjeldende().exitKode = haandterFeil(u, e, Boolean(opts.json), k?.advarsler ?? []);
  }
}

/** Issue 19 pkt. 9: et flagg i en melding vises slik brukeren skrev det (--år eller --ar), ellers norsk. */
function medFlaggSomSkrevet(d: Diagnostikk): Diagnostikk {
  const ut: Diagnostikk = { ...d, melding: medVisteFlagg(d.melding) };
  if (d.forventet !== undefined) ut.forventet = medVisteFlagg(d.forventet);
  if (d.kilde?.kolonne !== undefined) ut.kilde = { ...d.kilde, kolonne: medVisteFlagg(d.kilde.kolonne) };
  return ut;
}

export function haandterFeil(u: Utskrift, e: unknown, json: boolean, advarslerInn: Diagnostikk[] = []): number {
  const advarsler = advarslerInn.map(medFlaggSomSkrevet);
  const kommando = gjeldende().kommando ?? null;
  // Filsystemet sa nei (EACCES, ENOSPC, EISDIR …): brukerens miljø, exit 2 med stien og hva som kan gjøres.
  if (erMiljoFeil(e)) e = new InndataFeil([miljoDiagnostikk(e, undefined, process.platform === 'win32')]);
  if (e instanceof InndataFeil) return visInndataFeil(u, e, json, kommando, advarsler);
  const err = e as Error;
  if (err && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
    u.skrivFeil('Avbrutt.');
    return 2;
  }
  return visInternFeil(u, e, json, kommando, advarsler);
}

/** Ugyldig inndata, bruk eller miljø: feilene (etter advarslene), hva som ble skrevet, exit 2. */
function visInndataFeil(
  u: Utskrift,
  e: InndataFeil,
  json: boolean,
  kommando: string | null,
  advarsler: Diagnostikk[],
): number {
  const { farge, skrivFeil, skrivJson, visDiagnostikk } = u;
  const feil = e.diagnostikk.map(medFlaggSomSkrevet);
  visDiagnostikk([...samleAdvarsler(advarsler), ...feil]);
  // Aldri «Ingenting er skrevet» når noe faktisk ble erstattet før feilen.
  const skrevet = e.skrevet.length ? `Skrevet før feilen: ${e.skrevet.join(', ')}.` : 'Ingenting er skrevet.';
  skrivFeil(farge.red(`${feil.length} feil. ${skrevet}`));
  const skrevetJson = e.skrevet.length ? { skrevet: e.skrevet } : {};
  if (json) skrivJson(konvolutt(kommando, 2, { feil, ...skrevetJson }, advarsler));
  return 2;
}

/** En feil i nh selv: meldingen (stakken med NH_DEBUG), exit 3. */
function visInternFeil(
  u: Utskrift,
  e: unknown,
  json: boolean,
  kommando: string | null,
  advarsler: Diagnostikk[],
): number {
  const { farge, skrivFeil, skrivJson } = u;
  const err = e as Error;
  skrivFeil(farge.red(`Intern feil i nh: ${err?.message ?? String(e)}`));
  if (gjeldende().env.NH_DEBUG) skrivFeil(err?.stack ?? '');
  else skrivFeil('Kjør med NH_DEBUG=1 for detaljer, og meld feilen.');
  if (json) {
    const feil = [{ alvor: 'feil', kode: 'intern-feil', melding: err?.message ?? String(e) }];
    skrivJson(konvolutt(kommando, 3, { feil }, advarsler));
  }
  // 3, ikke 2: en programfeil skal aldri se ut som «ugyldig inndata» for et skript eller en test.
  return 3;
}
