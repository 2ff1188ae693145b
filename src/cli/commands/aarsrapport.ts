import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { AarsrapportValg } from '../app/aarsrapport/valg.js';
import { medFellesValg } from './felles.js';

export function definer(program: Command): Command {
  const cmd = program
    .command('årsrapport')
    .alias('aarsrapport')
    .description(
      'måltall til AVI (--måltall <år>, 1. desember) og årsrapportering (--år <år>, 31.12/15.1; --halvår 30.6) — programveileder 10.4, 11.1, 11.2',
    );
  medFellesValg(cmd)
    .option(
      '--maltall <år>',
      'måltall for det kommende året: grunnlag fra årets data + egne mål fra maltall-<år>.csv → maltall-<år>.xlsx/.csv',
    )
    .option(
      '--ar <år>',
      'årsrapport for året: måltall mot resultat, aktive målbedrifter, støtte per målbedrift, tilskuddsbalanse → arsrapport-<år>.xlsx',
    )
    .option('--halvar', 'med --år: halvårsrapporteringen 30. juni (første halvår)')
    .option('--ut <mappe>', 'mappen filene skrives til (standard: arbeidsmappen)')
    .option('--overskriv', 'erstatt filer som finnes fra før')
    .option('--forhandsvis', 'vis resultatet uten å skrive noen fil')
    .option('--streng', 'med --år: exit 1 ved merforbruk av innovasjonstilskuddet (rapporten skrives likevel; 10.4)')
    .action(async (valg: AarsrapportValg) => {
      await kjor(valg, async (k) => (await import('../app/aarsrapport/aarsrapport.js')).aarsrapport(k, valg));
    });
  return cmd;
}
