import { type Command, Option } from 'commander';

/** Valgene alle kommandoer har: --data og --json. */
export function medFellesValg(cmd: Command): Command {
  return cmd
    .addOption(new Option('-d, --data <mappe>', 'arbeidsmappen (standard: gjeldende mappe)'))
    .addOption(new Option('--json', 'maskinlesbart resultat på stdout (og ingenting annet der)'));
}
