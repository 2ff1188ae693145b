/**
 * nh — kommandolinjen. Kommandodefinisjonene er lette (bare commander); tunge moduler (exceljs,
 * zod-skjemaer, HTTP) lastes først når en kommando faktisk kjøres, så `nh --help` starter raskt.
 */
import { Command, CommanderError, Help, type Option } from 'commander';
import { createRequire } from 'node:module';
import { kommandoer } from './commands/index.js';
import { gjeldende, medIO, prosessIO, type NhIO } from './prosess.js';
import { asciiArgv, medVisteFlagg } from './flagg.js';
import { konvolutt } from './json/konvolutt.js';

export { asciiArgv } from './flagg.js';

const kreve = createRequire(import.meta.url);
const { version } = kreve('../../package.json') as { version: string };

const norsk = (s: string) => s.replace(/\[options\]/g, '[valg]').replace(/\[command\]/g, '[kommando]');

class NorskHjelp extends Help {
  // Oversett i termene (ikke i ferdig tekst), så kolonnebredden regnes av de norske ordene.
  override subcommandTerm(cmd: Command): string {
    return norsk(super.subcommandTerm(cmd));
  }
  override commandUsage(cmd: Command): string {
    return norsk(super.commandUsage(cmd));
  }
  // En tom liste som standard («kan gjentas») sier ingenting til brukeren: ingen «(standard: [])» (issue 19 pkt. 12).
  override optionDescription(option: Option): string {
    return super.optionDescription(option).replace(/ \(default: \[\]\)$/, '');
  }
  override formatHelp(cmd: Command, helper: Help): string {
    // Issue 19 pkt. 9: hjelpen viser --år, --halvår, --forhåndsvis (samme lengde, så kolonnene står).
    const tekst = super
      .formatHelp(cmd, helper)
      .replace(/^Usage:/m, 'Bruk:')
      .replace(/^Options:/m, 'Valg:')
      .replace(/^Commands:/m, 'Kommandoer:')
      .replace(/^Arguments:/m, 'Argumenter:')
      .replace(/\(default: /g, '(standard: ');
    return medVisteFlagg(tekst);
  }
}

/** Commanders engelske feilmeldinger → norsk. */
function oversett(m: string): string {
  // Flaggnavnene slik brukeren skrev dem (--år eller --ar), ikke commanders ASCII.
  return medVisteFlagg(m)
    .replace(/^error: unknown option '(.+)'.*$/m, 'Feil: ukjent valg «$1». Se --help.')
    .replace(/^error: unknown command '(.+)'.*$/m, 'Feil: ukjent kommando «$1». Se nh --help.')
    .replace(/^error: missing required argument '(.+)'.*$/m, 'Feil: mangler argumentet «$1».')
    .replace(/^error: option '(.+)' argument missing.*$/m, 'Feil: valget «$1» mangler verdi.')
    .replace(/^error: required option '(.+)' not specified.*$/m, 'Feil: valget «$1» må oppgis.')
    .replace(/^error: too many arguments.*$/m, 'Feil: for mange argumenter. Se --help.')
    .replace(/^error: /m, 'Feil: ');
}

export function lagProgram(): Command {
  const program = new Command('nh');
  program
    .description('Regnskap og rapportering for næringshager i Sivas næringshageprogram 2023–2032.')
    .version(version, '-V, --version', 'vis versjonsnummer')
    .helpOption('-h, --help', 'vis hjelp')
    .helpCommand('help [kommando]', 'vis hjelp for en kommando')
    // Issue 19 pkt. 11: dokumentasjonen finnes også etter en global installasjon.
    .addHelpText('after', '\nDokumentasjon: nh docs [emne] (f.eks. nh docs faktura; alle emnene: nh docs).')
    .configureHelp({ sortSubcommands: false })
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput(utdata())
    // Issue 19 pkt. 10: kommandoen som kjøres, står i hvert --json-resultat (kjor.ts).
    .hook('preAction', (_program, kommando) => {
      gjeldende().kommando = kommando.name();
    });
  program.createHelp = () => Object.assign(new NorskHjelp(), program.configureHelp());
  for (const definer of kommandoer) {
    const cmd = definer(program);
    cmd.helpOption('-h, --help', 'vis hjelp').exitOverride().configureOutput(utdata());
    cmd.createHelp = () => Object.assign(new NorskHjelp(), cmd.configureHelp());
  }
  return program;
}

/**
 * Hjelpeteksten brytes ved 80 tegn, eller smalere i et smalere vindu: lange linjer i et bredt terminalvindu er
 * tunge å lese, og teksten blir den samme i et rør, i CI og i de fleste terminaler. Da kan `nh --help` skrive den
 * ferdige teksten bygget av scripts/bunt.mjs (dist/bunt/hjelp.txt, se bin/nh.js) uten å laste commander.
 */
export const HJELPEBREDDE = 80;
const hjelpebredde = (kolonner: number | undefined) => Math.min(kolonner ?? HJELPEBREDDE, HJELPEBREDDE);

/** Commanders utskrift går til kjøringens strømmer; feilmeldingene oversettes og samles for --json. */
function utdata() {
  return {
    writeOut: (s: string) => void gjeldende().stdout.write(s),
    writeErr: (s: string) => void gjeldende().stderr.write(s),
    getOutHelpWidth: () => hjelpebredde(gjeldende().stdout.columns),
    getErrHelpWidth: () => hjelpebredde(gjeldende().stderr.columns),
    outputError: (s: string, skriv: (s: string) => void) => skriv(oversett(s)),
  };
}

/**
 * Kjør nh med `argv` (som process.argv: [node, nh, …]). `io` er omgivelsene — prosessens som standard;
 * testene gir egne strømmer, miljø og klokke og kjører nh i samme prosess. Returnerer exit-koden.
 */
export async function main(argv: string[], io: NhIO = prosessIO()): Promise<number> {
  return medIO(io, async () => {
    const program = lagProgram();
    const skrevet = new Map<string, string>();
    const args = asciiArgv(argv, skrevet);
    gjeldende().skrevneFlagg = skrevet;
    // «nh help fakture» viste før hovedhjelpen med exit 0; en ukjent kommando er en bruksfeil (issue 11 pkt. 14).
    const hjelpFor = args[2] === 'help' ? args[3] : undefined;
    if (
      hjelpFor &&
      !hjelpFor.startsWith('-') &&
      !program.commands.some((c) => c.name() === hjelpFor || c.aliases().includes(hjelpFor))
    ) {
      const e = new CommanderError(1, 'commander.unknownCommand', `error: unknown command '${hjelpFor}'`);
      gjeldende().stderr.write(`${oversett(e.message)}\n`);
      return bruksfeil(program, e, args.slice(3));
    }
    try {
      await program.parseAsync(args);
    } catch (e) {
      if (e instanceof CommanderError) {
        if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
          return 0;
        return bruksfeil(program, e, args.slice(2));
      }
      throw e;
    }
    return gjeldende().exitKode;
  });
}

/**
 * En bruksfeil commander fant (ukjent valg, manglende verdi, ukjent kommando): exit 2. Med --json får stdout
 * det samme feilobjektet som andre feil, og en feilstavet kommando får et forslag («fakture» → «faktura»).
 */
function bruksfeil(program: Command, e: CommanderError, args: string[]): number {
  const melding = oversett(e.message).replace(/^Feil: /, '');
  const ukjent = e.code === 'commander.unknownCommand' ? args.find((a) => !a.startsWith('-')) : undefined;
  const forslag = ukjent ? naermesteKommando(program, ukjent) : undefined;
  if (forslag) gjeldende().stderr.write(`Mente du «nh ${forslag}»?\n`);
  if (args.includes('--json')) {
    const feil = {
      alvor: 'feil',
      kode: 'ugyldig-bruk',
      melding: forslag ? `${melding} Mente du «${forslag}»?` : melding,
    };
    const kommando = program.commands.find((c) => args.includes(c.name()) || c.aliases().some((a) => args.includes(a)));
    const json = konvolutt(kommando?.name() ?? null, 2, { feil: [feil] }, []);
    gjeldende().stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
  return 2;
}

/** Nærmeste kommandonavn (Levenshtein ≤ 2), eller undefined. */
export function naermesteKommando(program: Command, ord: string): string | undefined {
  let best: { navn: string; avstand: number } | undefined;
  for (const c of program.commands) {
    const a = avstand(ord.toLowerCase(), c.name());
    if (a <= 2 && (!best || a < best.avstand))
      best = { navn: c.name() === 'aarsrapport' ? 'årsrapport' : c.name(), avstand: a };
  }
  return best?.navn;
}

function avstand(a: string, b: string): number {
  let forrige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const rad = [i];
    for (let j = 1; j <= b.length; j++) {
      rad[j] = Math.min(forrige[j]! + 1, rad[j - 1]! + 1, forrige[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    forrige = rad;
  }
  return forrige[b.length]!;
}
