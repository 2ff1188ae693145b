import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { BudsjettValg } from '../app/budsjett/valg.js';
import { medFellesValg } from './felles.js';

export function definer(program: Command): Command {
  const cmd = program
    .command('budsjett')
    .description(
      'budsjett for administrasjon og gjennomføring (frist 1. desember) og årsoppgjør for revisor (frist 20. februar), programveileder 10.4',
    );
  medFellesValg(cmd)
    .option('--ar <år>', 'budsjettåret (standard: året etter «ar» i nh.json)')
    .option(
      '--regnskap [år]',
      'årsoppgjøret (attestasjonsgrunnlag) for året i stedet for budsjettet (standard: «ar» i nh.json)',
    )
    .option('--ut <mappe>', 'mappen xlsx-filen skrives til (standard: arbeidsmappen)')
    .option('--overskriv', 'erstatt en eksisterende xlsx-fil')
    .option('--forhandsvis', 'vis resultatet uten å skrive noen fil')
    .action(async (valg: BudsjettValg) => {
      await kjor(valg, async (k) => (await import('../app/budsjett/budsjett.js')).budsjett(k, valg));
    });
  return cmd;
}
