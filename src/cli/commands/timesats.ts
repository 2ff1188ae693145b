import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { TimesatsValg } from '../app/timesats/valg.js';
import { medFellesValg } from './felles.js';

export function definer(program: Command): Command {
  const cmd = program
    .command('timesats')
    .description('timesats per ansatt (programveileder 10.4): tabell, --json og timesats-<år>.xlsx');
  medFellesValg(cmd)
    .option('--ar <år>', 'året (standard: «ar» i nh.json)')
    .option('--ut <mappe>', 'mappen xlsx-filen skrives til (standard: arbeidsmappen)')
    .option('--overskriv', 'erstatt en eksisterende timesats-<år>.xlsx')
    .option('--forhandsvis', 'vis resultatet uten å skrive noen fil')
    .action(async (valg: TimesatsValg) => {
      await kjor(valg, async (k) => (await import('../app/timesats/timesats.js')).timesats(k, valg));
    });
  return cmd;
}
