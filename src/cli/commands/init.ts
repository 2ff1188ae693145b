import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { InitValg } from '../app/init/valg.js';

export function definer(program: Command): Command {
  return program
    .command('init')
    .description('lag en ny arbeidsmappe med nh.json og tomme datasett')
    .argument('[mappe]', 'mappen som skal lages (standard: gjeldende mappe)')
    .option('--xlsx', 'lag datasettene som Excel-filer med overskrifter og inndatakontroll (standard: CSV)')
    .option('--navn <navn>', 'næringshagens navn')
    .option('--orgnr <orgnr>', 'næringshagens organisasjonsnummer')
    .option('--ar <år>', 'året arbeidsmappen gjelder (standard: inneværende år)')
    .option('--json', 'maskinlesbart resultat på stdout')
    .action(async (mappeArg: string | undefined, valg: InitValg) => {
      const mappe = mappeArg ?? '.';
      await kjor({ json: valg.json, data: mappe }, async (k) =>
        (await import('../app/init/init.js')).init(k, mappe, valg),
      );
    });
}
