import { prosent, tekst } from '../felles/felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Administratorens egne måltall `maltall-<år>.csv|xlsx` (programveileder 6.5 og 11.2): én rad per
 * måltall med id og mål. Filen `nh årsrapport --måltall <år>` skriver har de samme kolonnene, så den
 * kan fylles ut og leses inn igjen: «mål» for andeler er prosent (0–100), for antall et heltall.
 * De øvrige kolonnene er bare informasjon og leses ikke.
 */
export const maltallDef = definerDatasett({
  navn: 'maltall',
  beskrivelse: 'Næringshagens egne måltall for året: id og mål (prosent for andeler, antall ellers).',
  unik: ['id'],
  kolonner: {
    id: paakrevd(tekst(200), {
      type: 'tekst',
      alias: ['måltall id', 'nøkkel'],
      beskrivelse: 'Måltallets id (se «nh docs aarsrapport»), eller måltallets navn slik det står i AVI.',
      eksempel: 'andelInnovasjonsstotte',
    }),
    mal: frivillig(prosent(), {
      type: 'prosent',
      alias: ['mål', 'mål neste år', 'målverdi'],
      beskrivelse:
        'Målet: prosent for andeler (f.eks. «92»), antall for antall-måltall (f.eks. «12»). Tom = bruk grunnlaget.',
      eksempel: '92',
    }),
    kommentar: frivillig(tekst(1000), {
      type: 'tekst',
      beskrivelse: 'Egen merknad (tas vare på når filen skrives på nytt).',
      eksempel: 'Lavere enn i år: færre nye avtaler',
    }),
    omrade: frivillig(tekst(200), {
      type: 'tekst',
      alias: ['område'],
      beskrivelse: 'Informasjon (skrives av nh, leses ikke).',
      eksempel: 'Aktivitet',
    }),
    maltall: frivillig(tekst(500), {
      type: 'tekst',
      alias: ['måltall', 'måltall (AVI)', 'navn'],
      beskrivelse: 'Informasjon (skrives av nh, leses ikke).',
      eksempel: 'Antall nye målbedrifter',
    }),
    enhet: frivillig(tekst(50), {
      type: 'tekst',
      beskrivelse: 'Informasjon: antall eller prosent.',
      eksempel: 'prosent',
    }),
    teller: frivillig(tekst(50), { type: 'tekst', beskrivelse: 'Informasjon: telleren i grunnlaget.', eksempel: '21' }),
    nevner: frivillig(tekst(50), {
      type: 'tekst',
      alias: ['nevner (aktive målbedrifter)'],
      beskrivelse: 'Informasjon: nevneren (aktive målbedrifter) for andeler.',
      eksempel: '23',
    }),
    grunnlag: frivillig(tekst(50), {
      type: 'tekst',
      alias: ['grunnlag i år', 'grunnlag (årets data)'],
      beskrivelse: 'Informasjon: grunnlaget nh regnet ut.',
      eksempel: '91,3043',
    }),
    merknad: frivillig(tekst(2000), {
      type: 'tekst',
      alias: ['merknad fra nh'],
      beskrivelse: 'Informasjon: merknad fra nh (f.eks. «kan ikke beregnes»).',
      eksempel: '',
    }),
    hjelpetekst: frivillig(tekst(2000), {
      type: 'tekst',
      alias: ['hjelpetekst i avi'],
      beskrivelse: 'Informasjon: AVIs hjelpetekst.',
      eksempel: '',
    }),
    definisjon: frivillig(tekst(2000), {
      type: 'tekst',
      alias: ['definisjon i nh'],
      beskrivelse: 'Informasjon: hvordan nh regner grunnlaget.',
      eksempel: '',
    }),
  },
});

export type MaltallMaalRad = MedKilde<RadAv<typeof maltallDef>>;
