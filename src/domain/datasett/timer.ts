import { dato, tekst, timer } from '../felles/felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Timelister. `malbedrift` er enten målbedriftens orgnr eller en administrasjonskode (standard «ADM»,
 * se `adminKoder` i nh.json) for administrasjon og gjennomføring (10.4).
 */
export const timerDef = definerDatasett({
  navn: 'timer',
  beskrivelse: 'Én rad per timeregistrering.',
  kolonner: {
    dato: paakrevd(dato(), {
      overskrift: 'Dato',
      type: 'dato',
      beskrivelse: 'Datoen arbeidet ble utført.',
      eksempel: '03.11.2026',
    }),
    ansatt: paakrevd(tekst(200), {
      overskrift: 'Ansatt',
      type: 'tekst',
      alias: ['navn', 'medarbeider'],
      beskrivelse: 'Ansattes navn som i ansatte.',
      eksempel: 'Kari Nordmann',
    }),
    malbedrift: paakrevd(tekst(50), {
      overskrift: 'Målbedrift',
      type: 'tekst',
      alias: ['prosjekt', 'kunde', 'orgnr'],
      beskrivelse:
        'Målbedriftens orgnr, eller administrasjonskoden (standard «ADM») for administrasjon og gjennomføring.',
      eksempel: '923609016',
    }),
    timer: paakrevd(timer(), {
      overskrift: 'Timer',
      type: 'timer',
      alias: ['antall timer', 'tid'],
      beskrivelse: 'Timer med inntil to desimaler (0 < timer ≤ 24).',
      eksempel: '2,5',
    }),
    aktivitet: frivillig(tekst(200), {
      overskrift: 'Aktivitet',
      type: 'tekst',
      alias: ['aktivitetstype'],
      beskrivelse: 'For administrasjon: én av aktivitetene i 10.4 (se «nh docs budsjett»). For målbedrifter: fritt.',
      eksempel: 'Prosjektledelse',
    }),
    tjeneste: frivillig(tekst(100), {
      overskrift: 'Tjeneste',
      type: 'tekst',
      beskrivelse: 'Tjenesten som ble levert (kan gi egen markedspris, se «nh docs faktura»).',
      eksempel: 'Forretningsutvikling',
    }),
    beskrivelse: frivillig(tekst(1000), {
      overskrift: 'Beskrivelse',
      type: 'tekst',
      alias: ['kommentar', 'tekst'],
      beskrivelse: 'Fritekst.',
      eksempel: 'Workshop om markedsplan',
    }),
  },
});

export type Timeregistrering = MedKilde<RadAv<typeof timerDef>>;
