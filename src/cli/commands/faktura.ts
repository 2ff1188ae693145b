import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { FakturaValg } from '../app/faktura/valg.js';
import { medFellesValg } from './felles.js';

export function definer(program: Command): Command {
  const cmd = program
    .command('faktura')
    .description(
      'månedlig fakturering av egenandel (programveileder 10.4): fakturagrunnlag, EHF, importfiler og støtteregisteret',
    );
  medFellesValg(cmd)
    .option('--periode <åååå-mm>', 'måneden som faktureres, f.eks. 2026-10 (påkrevd; på en TTY spør nh om den mangler)')
    .option(
      '--erstatt',
      'fakturer en utstedt periode på nytt: kreditnota for endrede fakturaer og nye med nye numre (tar sikkerhetskopi først)',
    )
    .option(
      '--format <liste>',
      'hva som skrives i tillegg til fakturagrunnlaget: kommaliste av ehf, pdf, tripletex, poweroffice (overstyrer nh.json faktura.ehf, faktura.pdf og faktura.regnskapssystem)',
    )
    .option(
      '--dokumenter',
      'skriv dokumentene for en fakturert måned på nytt fra støtteregisteret (EHF, PDF, importfiler, fakturagrunnlag) uten å endre registeret',
    )
    .option(
      '--fakturadato <åååå-mm-dd>',
      'fakturadato (standard: i dag, eller periodens siste dag når fakturaene lages innen de 15 første virkedagene i måneden etter — bokføringsforskriften § 5-1-3)',
    )
    .option(
      '--godta-smb <orgnr=grunn>',
      'gi støtte selv om den siste SMB-sjekken sa «KAN IKKE TAS OPP», for en dokumentert annen vurdering (grunnen skrives i støtteregisteret); kan gjentas',
      (v: string, f: string[] = []) => [...f, v],
    )
    .option('--forhandsvis', 'vis resultatet uten å skrive noe')
    .action(async (valg: FakturaValg) => {
      await kjor(valg, async (k) => (await import('../app/faktura/faktura.js')).faktura(k, valg));
    });
  return cmd;
}
