import { heltall, orgnr, tekst, dato } from '../felles/felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * SRL-vurderinger (Sustainability Readiness Level, programveileder 11.2 og vedlegg 1): én rad per
 * målbedrift og år med nivå 1–9. Måltallet «andel målbedrifter som har hatt en økning i SRL-skalaen»
 * sammenligner årets nivå med nivået fra året før.
 */
export const srlDef = definerDatasett({
  navn: 'srl',
  beskrivelse: 'Én rad per målbedrift og år: SRL-nivå 1–9 (vedlegg 1).',
  kolonner: {
    orgnr: paakrevd(orgnr(), {
      overskrift: 'Orgnr',
      type: 'orgnr',
      alias: ['organisasjonsnummer'],
      beskrivelse: 'Målbedriftens orgnr.',
      eksempel: '923609016',
    }),
    ar: paakrevd(heltall({ min: 2023, maks: 2099 }), {
      overskrift: 'År',
      type: 'heltall',
      alias: ['år', 'aar'],
      beskrivelse: 'Året vurderingen gjelder.',
      eksempel: '2026',
    }),
    srl: paakrevd(heltall({ min: 1, maks: 9 }), {
      overskrift: 'SRL-nivå',
      type: 'heltall',
      alias: ['nivå', 'srl nivå', 'srl-nivå'],
      beskrivelse: 'SRL-nivå 1–9 (vedlegg 1).',
      eksempel: '4',
    }),
    dato: frivillig(dato(), {
      overskrift: 'Dato',
      type: 'dato',
      alias: ['vurdert'],
      beskrivelse: 'Dato for vurderingen.',
      eksempel: '30.11.2026',
    }),
    kommentar: frivillig(tekst(500), {
      overskrift: 'Kommentar',
      type: 'tekst',
      beskrivelse: 'Begrunnelse for nivået.',
      eksempel: 'Bærekraft testet mot kunder',
    }),
  },
});

export type SrlVurdering = MedKilde<RadAv<typeof srlDef>>;
