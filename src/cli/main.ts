/**
 * nh — kommandolinjen. Kommandodefinisjonene er lette (bare commander); tunge moduler (exceljs,
 * zod-skjemaer, HTTP) lastes først når en kommando faktisk kjøres, så `nh --help` starter raskt.
 */
import { Command, CommanderError, Help } from 'commander';
import { createRequire } from 'node:module';
import { kommandoer } from './commands/index.js';
import { sisteExitKode } from './kjor.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

const norsk = (s: string) => s.replace(/\[options\]/g, '[valg]').replace(/\[command\]/g, '[kommando]');

class NorskHjelp extends Help {
  // Oversett i termene (ikke i ferdig tekst), så kolonnebredden regnes av de norske ordene.
  override subcommandTerm(cmd: Command): string {
    return norsk(super.subcommandTerm(cmd));
  }
  override commandUsage(cmd: Command): string {
    return norsk(super.commandUsage(cmd));
  }
  override formatHelp(cmd: Command, helper: Help): string {
    return super
      .formatHelp(cmd, helper)
      .replace(/^Usage:/m, 'Bruk:')
      .replace(/^Options:/m, 'Valg:')
      .replace(/^Commands:/m, 'Kommandoer:')
      .replace(/^Arguments:/m, 'Argumenter:')
      .replace(/\(default: /g, '(standard: ');
  }
}

/** Commanders engelske feilmeldinger → norsk. */
function oversett(m: string): string {
  return m
    .replace(/^error: unknown option '(.+)'.*$/m, "Feil: ukjent valg «$1». Se --help.")
    .replace(/^error: unknown command '(.+)'.*$/m, "Feil: ukjent kommando «$1». Se nh --help.")
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
    .configureHelp({ sortSubcommands: false })
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ outputError: (s, skriv) => skriv(oversett(s)) });
  program.createHelp = () => Object.assign(new NorskHjelp(), program.configureHelp());
  for (const definer of kommandoer) {
    const cmd = definer(program);
    cmd.helpOption('-h, --help', 'vis hjelp').exitOverride().configureOutput({ outputError: (s, skriv) => skriv(oversett(s)) });
    cmd.createHelp = () => Object.assign(new NorskHjelp(), cmd.configureHelp());
  }
  return program;
}

/**
 * Flagg og kommandonavn er ASCII i koden (`--ar`, `--halvar`, `aarsrapport`); brukere skriver gjerne
 * `--år`, `--halvår`, `--forhåndsvis` og `årsrapport`. Vi translittererer navnene (ikke verdiene).
 */
export function asciiArgv(argv: string[]): string[] {
  const tr = (s: string) => s.replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/Æ/g, 'Ae').replace(/Ø/g, 'O').replace(/Å/g, 'A');
  let forsteArg = true;
  return argv.map((a, i) => {
    if (i < 2) return a;
    if (a === '--') forsteArg = false;
    if (/^--[^=]*[æøåÆØÅ]/.test(a)) {
      const [navn, ...verdi] = a.split('=');
      return [tr(navn!), ...verdi].join('=');
    }
    if (forsteArg && !a.startsWith('-')) {
      forsteArg = false;
      return a === 'årsrapport' ? 'aarsrapport' : a;
    }
    return a;
  });
}

export async function main(argv: string[]): Promise<number> {
  const program = lagProgram();
  try {
    await program.parseAsync(asciiArgv(argv));
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    throw e;
  }
  return sisteExitKode;
}
