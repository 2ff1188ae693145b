import { belop, dato, heltall, tekst, valg } from '../felles/felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Tilskudd (10.2, 10.4): innovasjonstilskudd etter GBER art. 28 (fra Siva, fylkeskommunen, andre),
 * tilskudd til administrasjon og gjennomføring (ikke statsstøtte), og ubrukte innovasjonsmidler
 * overført fra tidligere år.
 */
const TILSKUDDSTYPER = ['innovasjon', 'administrasjon', 'overfort'] as const;
export type Tilskuddstype = (typeof TILSKUDDSTYPER)[number];

export const tilskuddDef = definerDatasett({
  navn: 'tilskudd',
  beskrivelse: 'Én rad per tilsagn/tildeling.',
  kolonner: {
    ar: paakrevd(heltall({ min: 2023, maks: 2099 }), {
      overskrift: 'År',
      type: 'heltall',
      alias: ['år', 'aar'],
      beskrivelse: 'Året tilskuddet gjelder.',
      eksempel: '2026',
    }),
    type: paakrevd(
      valg(TILSKUDDSTYPER, {
        art28: 'innovasjon',
        'artikkel 28': 'innovasjon',
        innovasjonsstøtte: 'innovasjon',
        innovasjonstilskudd: 'innovasjon',
        adm: 'administrasjon',
        'administrasjon og gjennomføring': 'administrasjon',
        gjennomføring: 'administrasjon',
        overført: 'overfort',
        overføring: 'overfort',
        'ubrukte midler': 'overfort',
      }),
      {
        overskrift: 'Type',
        type: 'tekst',
        verdier: TILSKUDDSTYPER,
        beskrivelse:
          '«innovasjon» (art. 28), «administrasjon» (adm./gjennomføring, ikke statsstøtte) eller «overfort» (ubrukte innovasjonsmidler fra i fjor).',
        eksempel: 'innovasjon',
      },
    ),
    // Nøkkelen heter «giver» fordi hver innlest rad har feltet `kilde` (fil og rad); overskriften «kilde» godtas.
    giver: frivillig(tekst(200), {
      overskrift: 'Giver',
      type: 'tekst',
      alias: ['kilde', 'tilskuddsgiver'],
      beskrivelse: 'Hvem som gir tilskuddet.',
      eksempel: 'Siva',
    }),
    belop: paakrevd(belop({ minst: 0 }), {
      overskrift: 'Beløp',
      type: 'belop',
      alias: ['beløp'],
      beskrivelse: 'Beløp i kroner.',
      eksempel: '1 500 000',
    }),
    dato: frivillig(dato(), {
      overskrift: 'Dato',
      type: 'dato',
      alias: ['tilsagnsdato'],
      beskrivelse: 'Tilsagns- eller utbetalingsdato.',
      eksempel: '15.02.2026',
    }),
  },
});

export type Tilskudd = MedKilde<RadAv<typeof tilskuddDef>>;
