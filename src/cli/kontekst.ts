/**
 * Det en kommando får fra kommandolinjen: arbeidsmappe, --json, om vi kan spørre brukeren, dagens dato.
 * Spørsmål (src/cli/sporsmal.ts, på @inquirer/prompts) stilles bare på en TTY og aldri med --json eller i CI — der er en
 * manglende verdi en tydelig feil (exit 2).
 */
import path from 'node:path';
import { dagensDato, parseDato, type Dato } from '../domain/felles/dato.js';
import { feil, InndataFeil, type Diagnostikk } from '../domain/felles/diagnostikk.js';
import { gjeldende } from './prosess.js';
import { ikkeInteraktiv, inquirerSpor, type Spor } from './sporsmal.js';

export type { Spor } from './sporsmal.js';

export type Kontekst = {
  data: string;
  json: boolean;
  /** true når vi kan stille spørsmål (TTY, ikke --json, ikke CI). */
  interaktiv: boolean;
  idag: Dato;
  /** Klokka for tidsmerker (register, innspilte svar): den låste når NH_DATO er satt. */
  naa: () => Date;
  /** Miljøvariablene for kjøringen (NH_BRREG_URL, …) — aldri process.env direkte. */
  env: Readonly<Record<string, string | undefined>>;
  /** Løser en sti fra kommandolinjen mot kjøringens arbeidskatalog. */
  sti: (s: string) => string;
  /** Terminalens bredde i tegn når stdout er en terminal, ellers undefined (rør, fil, --json). */
  kolonner: number | undefined;
  spor: Spor;
  /** Advarsler som skal vises (stderr) eller tas med i JSON. */
  advarsler: Diagnostikk[];
};

/** Et utfall fra en kommando: data til --json, tekst til skjermen, og exit-kode (0 ok, 1 regel sier nei). */
export type Resultat = { json: unknown; tekst: string; exitKode?: 0 | 1 };

export function lagKontekst(opts: { data?: string; json?: boolean }): Kontekst {
  const io = gjeldende();
  const ci = Boolean(io.env.CI) && io.env.CI !== 'false';
  const interaktiv = !opts.json && !ci && io.stdinTTY && Boolean(io.stdout.isTTY);
  // NH_DATO låser «i dag» (frister, standardfrist for kts-plan) og klokka (kl. 12:00 UTC den dagen), så
  // skript og gylne tester gir like filer hver gang.
  const nhDato = io.env.NH_DATO;
  const fast = nhDato ? parseDato(nhDato) : null;
  if (nhDato && !fast) throw new InndataFeil([feil('ugyldig-nh-dato', `NH_DATO=«${nhDato}» er ikke en dato.`)]);
  const naa = fast ? () => new Date(`${fast}T12:00:00Z`) : io.naa;
  const sti = (s: string) => path.resolve(io.cwd, s);
  return {
    data: sti(opts.data ?? '.'),
    json: Boolean(opts.json),
    interaktiv,
    idag: fast ?? dagensDato(io.naa()),
    naa,
    env: io.env,
    sti,
    kolonner: io.stdout.isTTY ? io.stdout.columns : undefined,
    spor: interaktiv ? inquirerSpor() : ikkeInteraktiv(),
    advarsler: [],
  };
}
