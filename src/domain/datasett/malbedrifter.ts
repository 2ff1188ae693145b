import { dato, epost, orgnr, prosent, tekst, belop } from '../felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Målbedrifter med målbedriftsavtale (programveileder 8.2). Rapporteringsattributtene for måltall
 * (11.2) legges til som frivillige kolonner nederst av årsrapport-modulen.
 */
export const malbedrifterDef = definerDatasett({
  navn: 'malbedrifter',
  beskrivelse: 'Én rad per målbedrift (avtale).',
  unik: ['orgnr'],
  kolonner: {
    orgnr: paakrevd(orgnr(), { type: 'orgnr', alias: ['organisasjonsnummer', 'org nr'], beskrivelse: 'Organisasjonsnummer (ni sifre, MOD11).', eksempel: '923609016' }),
    navn: paakrevd(tekst(200), { type: 'tekst', alias: ['bedrift', 'firmanavn'], beskrivelse: 'Bedriftens navn.', eksempel: 'Fjordlys Sjømat AS' }),
    avtalestart: paakrevd(dato(), { type: 'dato', alias: ['avtale start', 'startdato'], beskrivelse: 'Første dag i målbedriftsavtalen.', eksempel: '15.01.2026' }),
    avtaleslutt: frivillig(dato(), { type: 'dato', alias: ['avtale slutt', 'sluttdato'], beskrivelse: 'Siste dag i avtalen. Tom = løpende.', eksempel: '31.12.2027' }),
    dagligLeder: frivillig(tekst(200), { type: 'tekst', alias: ['daglig leder'], beskrivelse: 'Daglig leders navn (kundetilfredshetsundersøkelsen, 6.3).', eksempel: 'Ola Nordmann' }),
    dagligLederEpost: frivillig(epost(), { type: 'epost', alias: ['daglig leder epost', 'epost', 'e-post'], beskrivelse: 'Daglig leders e-post.', eksempel: 'ola@fjordlys.no' }),
    stotteintensitet: frivillig(prosent({ min: 0, maks: 100 }), {
      type: 'prosent', alias: ['støtteintensitet'],
      beskrivelse: 'Støtteintensitet i prosent. Tom = arbeidsmappens standard (75 %). Over 75 % avvises av faktura.',
      eksempel: '75',
    }),
    markedspris: frivillig(belop({ minst: 1 }), {
      type: 'belop', alias: ['timepris'],
      beskrivelse: 'Avtalt markedspris per time for denne målbedriften (se docs/faktura.md for rekkefølgen).',
      eksempel: '1 200',
    }),
  },
});

export type Malbedrift = MedKilde<RadAv<typeof malbedrifterDef>>;
