import { ARSLONN_SPENN, MARKEDSPRIS_SPENN, belop, prosent, tekst, timer } from '../felles/felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/** Ansatte i næringshagen, grunnlaget for timesats (programveileder 10.4, vedlegg 3 pkt. 4.2). */
export const ansatteDef = definerDatasett({
  navn: 'ansatte',
  beskrivelse: 'Én rad per ansatt. Grunnlag for timesats og markedspris.',
  unik: ['navn'],
  kolonner: {
    navn: paakrevd(tekst(200), {
      overskrift: 'Navn',
      type: 'tekst',
      alias: ['ansatt', 'ansattnavn'],
      beskrivelse: 'Navnet slik det står i timelistene.',
      eksempel: 'Kari Nordmann',
    }),
    arslonn: paakrevd(belop({ ...ARSLONN_SPENN, hva: 'årslønn' }), {
      overskrift: 'Årslønn',
      type: 'belop',
      alias: ['årslønn', 'nominell årslønn', 'lønn'],
      beskrivelse:
        'Nominell årslønn for stillingen slik den er (deltid: lønnen for deltidsstillingen). Omregnes til heltid.',
      eksempel: '650 000',
    }),
    stillingsprosent: frivillig(prosent({ min: 1, maks: 100 }), {
      overskrift: 'Stilling %',
      type: 'prosent',
      alias: ['stilling', 'stillingsandel'],
      beskrivelse: 'Stillingsprosent. Tom = 100.',
      eksempel: '80',
    }),
    sosialeKostnaderProsent: frivillig(prosent({ min: 0, maks: 100 }), {
      overskrift: 'Sosiale kostnader %',
      type: 'prosent',
      alias: ['sosiale kostnader prosent', 'sosiale kostnader'],
      beskrivelse: 'Overstyrer samlet sats for sosiale kostnader (arbeidsgiveravgift + andre) for denne personen.',
      eksempel: '27,5',
    }),
    indirekteKostnader: frivillig(belop({ minst: 0 }), {
      overskrift: 'Indirekte kostnader',
      type: 'belop',
      alias: ['indirekte kostnader'],
      beskrivelse: 'Overstyrer personens andel av indirekte kostnader (kr per år, heltid).',
      eksempel: '95 000',
    }),
    markedspris: frivillig(belop({ ...MARKEDSPRIS_SPENN, hva: 'markedspris per time' }), {
      overskrift: 'Markedspris per time',
      type: 'belop',
      alias: ['timepris', 'markedspris per time'],
      beskrivelse: 'Markedspris per time for rådgivning fra denne personen (faktura). Tom = arbeidsmappens standard.',
      eksempel: '1 250',
    }),
    admTimerPlan: frivillig(timer({}), {
      overskrift: 'Planlagte adm.-timer',
      type: 'timer',
      alias: ['adm timer plan', 'planlagte adm timer', 'budsjett timer'],
      beskrivelse: 'Planlagte timer på administrasjon og gjennomføring i budsjettåret (nh budsjett).',
      eksempel: '400',
    }),
  },
});

export type Ansatt = MedKilde<RadAv<typeof ansatteDef>>;
