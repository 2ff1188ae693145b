/**
 * Alle spørsmål nh stiller, på norsk (issue 19 pkt. 1), bygd på @inquirer/prompts: ja/nei som forstår «j», «ja»,
 * «n» og «nei» (store og små bokstaver; også y/yes/no), spør på nytt ved alt annet (aldri et stille standardsvar)
 * og viser svaret som «Ja»/«Nei»; norske hint under valglister og norske valideringsmeldinger. Kommandoene
 * bruker bare `Spor` fra konteksten (k.spor), aldri @inquirer direkte.
 *
 * Spørsmål stilles bare på en TTY, aldri med --json eller i CI (docs/arkitektur.md «Spørsmål»): da gir
 * `ikkeInteraktiv` en tydelig feil (exit 2) som nevner spørsmålet.
 */
import { feil, InndataFeil } from '../domain/felles/diagnostikk.js';
import { gjeldende } from './prosess.js';

export type Spor = {
  tekst(sporsmal: string, opts?: { standard?: string; valider?: (s: string) => true | string }): Promise<string>;
  /** Ja eller nei. Ingen standard: et tomt eller ukjent svar spørres om igjen. */
  bekreft(sporsmal: string): Promise<boolean>;
  velg<T extends string>(sporsmal: string, valg: { navn: string; verdi: T }[]): Promise<T>;
};

const JA = new Set(['j', 'ja', 'y', 'yes']);
const NEI = new Set(['n', 'nei', 'no']);

/** «j», «JA», «Nei» … → true/false; alt annet (også tomt) → null, og da spør nh på nytt. */
export function tolkJaNei(svar: string): boolean | null {
  const s = svar.trim().toLowerCase();
  if (JA.has(s)) return true;
  if (NEI.has(s)) return false;
  return null;
}

const JA_NEI_HINT = '(j/n)';
export const JA_NEI_FEIL = 'Svar j (ja) eller n (nei).';
/** Hintene under en valgliste (inquirer: «↑↓ navigate • ⏎ select»). */
const TASTER: Record<string, string> = { navigate: 'for å velge', select: 'for å bekrefte' };
export const velgHint = (taster: [string, string][]) =>
  taster.map(([tast, handling]) => `${tast} ${TASTER[handling] ?? handling}`).join(' • ');

/** En validering som aldri gir inquirers engelske standardtekst («You must provide a valid value»). */
const norskValidering = (valider: (s: string) => true | string) => (s: string) => {
  const r = valider(s);
  return r === true ? true : r || 'Ugyldig svar. Prøv igjen.';
};

export function inquirerSpor(): Spor {
  // Kjøringens terminal (NhIO.terminal) eller, uten den, inquirers standard: prosessens stdin/stdout.
  const terminal = () => gjeldende().terminal;
  return {
    async tekst(sporsmal, opts = {}) {
      const { input } = await import('@inquirer/prompts');
      return input(
        {
          message: sporsmal,
          ...(opts.standard !== undefined ? { default: opts.standard } : {}),
          ...(opts.valider ? { validate: norskValidering(opts.valider) } : {}),
        },
        terminal(),
      );
    },
    async bekreft(sporsmal) {
      const { input } = await import('@inquirer/prompts');
      const svar = await input(
        {
          message: `${sporsmal} ${JA_NEI_HINT}`,
          validate: (s) => (tolkJaNei(s) === null ? JA_NEI_FEIL : true),
          // Svaret vises som «Ja»/«Nei» når det er gitt; mens brukeren skriver, det som er skrevet.
          transformer: (s, { isFinal }) => (isFinal ? (tolkJaNei(s) ? 'Ja' : 'Nei') : s),
          // Et ugyldig svar tømmes, så brukeren skriver et nytt (spør på nytt) i stedet for å rette i det gamle.
          theme: { validationFailureMode: 'clear' },
        },
        terminal(),
      );
      return tolkJaNei(svar) === true;
    },
    async velg(sporsmal, valg) {
      const { select } = await import('@inquirer/prompts');
      return select(
        {
          message: sporsmal,
          choices: valg.map((v) => ({ name: v.navn, value: v.verdi })),
          theme: { style: { keysHelpTip: velgHint } },
        },
        terminal(),
      );
    },
  };
}

export function ikkeInteraktiv(): Spor {
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
