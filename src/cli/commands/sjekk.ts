import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { FellesValg } from '../app/valg.js';
import { medFellesValg } from './felles.js';

export function definer(program: Command): Command {
  const cmd = program
    .command('sjekk')
    .description('kontroller alle datasettene i arbeidsmappen og vis alle feil på én gang');
  medFellesValg(cmd).action(async (valg: FellesValg) => {
    await kjor(valg, async (k) => (await import('../app/sjekk/sjekk.js')).sjekk(k));
  });
  return cmd;
}
