import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { FristerValg } from '../app/frister/valg.js';
import { medFellesValg } from './felles.js';

export function definer(program: Command): Command {
  const cmd = program
    .command('frister')
    .description(
      'rapporteringsfristene i programveileder 11.1 med dager igjen og kommandoen i nh som lager grunnlaget',
    );
  medFellesValg(cmd)
    .option('--ar <år>', 'året (standard: året i dag)')
    .action(async (valg: FristerValg) => {
      await kjor(valg, async (k) => (await import('../app/frister/frister.js')).frister(k, valg));
    });
  return cmd;
}
