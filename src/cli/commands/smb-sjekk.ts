import type { Command } from 'commander';
import { kjor } from '../kjor.js';
import type { SmbSjekkValg } from '../app/smb-sjekk/valg.js';
import { medFellesValg } from './felles.js';

const samle = (v: string, forrige: string[]) => [...forrige, v];

export function definer(program: Command): Command {
  const cmd = program
    .command('smb-sjekk')
    .argument('[orgnr]', 'organisasjonsnummeret (ni sifre; påkrevd, på en TTY spør nh om det mangler)')
    .description(
      'kan bedriften tas opp som målbedrift? SMB, utelukkede former, «i vanskeligheter» og treårstaket, med oppslag i Brønnøysundregistrene — programveileder Begrep/definisjoner (SMB), 4.3, vedlegg 3 pkt. 2',
    );
  medFellesValg(cmd)
    .option('--offline', 'ikke slå opp i Brønnøysundregistrene; bruk hurtigbufferen i smb-sjekk/buffer/ og flaggene')
    .option('--ansatte <årsverk>', 'årsverk (overstyrer antall ansatte fra Enhetsregisteret), f.eks. «12,5»')
    .option('--omsetning <kr>', 'driftsinntekter i kroner fra siste årsregnskap (eller anslag for nyetablerte)')
    .option('--balanse <kr>', 'sum eiendeler i kroner fra siste årsregnskap')
    .option('--orgform <kode>', 'organisasjonsform, f.eks. AS, ASA, ENK, KF, STI')
    .option('--nace <kode>', 'næringskode(r), f.eks. «62.010» eller «62.010,94.991»')
    .option('--registrert <dato>', 'stiftelses-/registreringsdato (treårsunntaket regnes herfra)')
    .option('--innskutt-ek <kr>', 'innskutt egenkapital (tegnet kapital inkl. overkurs) i kroner')
    .option('--opptjent-ek <kr>', 'opptjent egenkapital i kroner (negativ ved akkumulert tap)')
    .option(
      '--partner <spes>',
      'partnerforetak 25–50 %: orgnr:andel%:årsverk:omsetning:balanse (kan gjentas)',
      samle,
      [],
    )
    .option(
      '--tilknyttet <spes>',
      'tilknyttet foretak over 50 %: orgnr:andel%:årsverk:omsetning:balanse (kan gjentas)',
      samle,
      [],
    )
    .option('--eierskap <fil.csv>', 'eierskap ≥ 25 % fra fil (kolonner orgnr;navn;andel;arsverk;omsetning;balanse)')
    .option('--selvstendig', 'ingen eier eller eies med 25 % eller mer (selvstendig foretak)')
    .option('--innovasjonsselskap', 'bedriften er selv næringshage, inkubator eller kunnskaps-/forskningspark')
    .option(
      '--betalingsevne <ja|nei>',
      'har bedriften midler til å dekke løpende forpliktelser? (vurderes ved negativ egenkapital)',
    )
    .option(
      '--konsern-betalingsevne <ja|nei>',
      'har konsernet midler til å dekke løpende forpliktelser? (vurderes ved negativ egenkapital i konsernet)',
    )
    .option(
      '--morselskap <orgnr>',
      'morselskapet i konsernet: dets konkurs- og avviklingsstatus slås opp i Enhetsregisteret',
    )
    .option(
      '--konkurs-avvikling <ja|nei>',
      'uten nett: er bedriften konkurs, under rekonstruksjon, avvikling eller tvangsoppløsning? (kontrollert av deg)',
    )
    .option('--aksjekapital <kr>', 'aksjekapital i kroner (standard: kapital i Enhetsregisteret)')
    .option('--overkurs <kr>', 'overkurs i kroner (tegnet kapital inkl. overkurs = aksjekapital + overkurs)')
    .option(
      '--konsern-egenkapital <kr>',
      'konsernets sum egenkapital (konsernregnskapet), når bedriften er i et konsern',
    )
    .option('--konsern-kapital <kr>', 'konsernets tegnede kapital inkl. overkurs (morselskapets)')
    .option(
      '--konsern-registrert <dato>',
      'når konsernet ble etablert (treårsunntaket gis ikke ut fra datterselskapets dato alene)',
    )
    .option(
      '--redningsstotte <ja|nei>',
      'redningsstøtte ikke tilbakebetalt, eller under omstruktureringsplan? (GBER art. 2 nr. 18 d)',
    )
    .option(
      '--offentlig-eier <orgnr:andel>',
      'stat, fylkeskommune, kommune (eller foretak de kontrollerer) som eier andel % (kan gjentas)',
      samle,
      [],
    )
    .option(
      '--unntatt-investor <orgnr>',
      'eieren er en investor etter GBER vedlegg I art. 3 nr. 2 (kan gjentas)',
      samle,
      [],
    )
    .option(
      '--vurdert <id=ok|ikke-ok:begrunnelse>',
      'din begrunnede vurdering av et kriterium nh ikke kan avgjøre (bare når det ellers må vurderes; kan gjentas)',
      samle,
      [],
    )
    .option('--streng', 'exit 1 også når noe må vurderes')
    .option('--overskriv', 'erstatt dagens sjekk om den finnes fra før')
    .option(
      '--kurs <kurs[:dato]>',
      'NOK per EUR (standard: eurNok i nh.json), valgfritt med dato, f.eks. «11,5:31.12.2025»',
    )
    .action(async (orgnr: string | undefined, valg: SmbSjekkValg) => {
      await kjor(valg, async (k) => (await import('../app/smb-sjekk/smb-sjekk.js')).smbSjekk(k, orgnr, valg));
    });
  return cmd;
}
