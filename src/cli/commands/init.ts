import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { InitValg } from '../app/init/valg.js';

export function definer(program: Command): Command {
  return program
    .command('init')
    .description('lag en ny arbeidsmappe med nh.json og tomme datasett')
    .argument('[mappe]', 'mappen som skal lages (standard: gjeldende mappe)')
    .option('--xlsx', 'lag datasettene som Excel-filer med overskrifter og inndatakontroll (standard: CSV)')
    .option('--demo', 'kopier demo-arbeidsmappen (Fjellbygda Næringshage, 2026) i stedet for tomme maler')
    .option('--navn <navn>', 'næringshagens navn')
    .option('--orgnr <orgnr>', 'næringshagens organisasjonsnummer')
    .option('--ar <år>', 'året arbeidsmappen gjelder (standard: inneværende år)')
    .option(
      '--eur-kurs <kurs>',
      'NOK per EUR fra Norges Bank, f.eks. «11,7525» (kursen i dag) eller «11,7525:30.12.2025»',
    )
    .option('--arbeidsgiveravgift <prosent>', 'arbeidsgiveravgift i prosent for kommunens sone, f.eks. 14,1')
    .option('--andre-sosiale <prosent>', 'andre sosiale kostnader i prosent av lønn (pensjon, forsikring), f.eks. 12')
    .option('--indirekte <kroner>', 'indirekte kostnader per år i kroner, f.eks. «600 000»')
    .option('--markedspris <kroner>', 'markedspris per time i kroner eks. mva, f.eks. 1250')
    .option('--json', 'maskinlesbart resultat på stdout')
    .action(async (mappeArg: string | undefined, valg: InitValg) => {
      const mappe = mappeArg ?? '.';
      await kjor({ json: valg.json, data: mappe }, async (k) =>
        (await import('../app/init/init.js')).init(k, mappe, valg),
      );
    });
}
