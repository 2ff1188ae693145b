/**
 * Det en kommando får fra kommandolinjen: arbeidsmappe, --json, om vi kan spørre brukeren, dagens dato.
 * Spørsmål (@inquirer/prompts) stilles bare på en TTY og aldri med --json eller i CI — der er en
 * manglende verdi en tydelig feil (exit 2).
 */
import path from 'node:path';
import { dagensDato, parseDato, type Dato } from '../domain/felles/dato.js';
import { feil, InndataFeil, type Diagnostikk } from '../domain/felles/diagnostikk.js';
import { gjeldende } from './prosess.js';

export type Spor = {
  tekst(sporsmal: string, opts?: { standard?: string; valider?: (s: string) => true | string }): Promise<string>;
  bekreft(sporsmal: string, standard?: boolean): Promise<boolean>;
  velg<T extends string>(sporsmal: string, valg: { navn: string; verdi: T }[]): Promise<T>;
};

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
  // NH_DATO låser «i dag» (alt som regnes fra dagens dato: perioder, frister, fakturadato, «Kjørt»-datoen og
  // tidsstemplene i xlsx) og klokka (kl. 12:00 UTC den dagen), så skript og tester gir like filer hver gang.
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

function ikkeInteraktiv(): Spor {
  const nei = (sporsmal: string): never => {
    throw new InndataFeil([
      feil(
        'mangler-verdi',
        `Mangler verdi: ${sporsmal} Oppgi den med et flagg (se --help); nh spør bare i et interaktivt terminalvindu.`,
      ),
    ]);
  };
  return { tekst: async (s) => nei(s), bekreft: async (s) => nei(s), velg: async (s) => nei(s) };
}

function inquirerSpor(): Spor {
  return {
    async tekst(sporsmal, opts = {}) {
      const { input } = await import('@inquirer/prompts');
      return input({
        message: sporsmal,
        ...(opts.standard !== undefined ? { default: opts.standard } : {}),
        ...(opts.valider ? { validate: opts.valider } : {}),
      });
    },
    async bekreft(sporsmal, standard = false) {
      const { confirm } = await import('@inquirer/prompts');
      return confirm({ message: sporsmal, default: standard });
    },
    async velg(sporsmal, valg) {
      const { select } = await import('@inquirer/prompts');
      return select({ message: sporsmal, choices: valg.map((v) => ({ name: v.navn, value: v.verdi })) });
    },
  };
}
