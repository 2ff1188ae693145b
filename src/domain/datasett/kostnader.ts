import { belop, dato, heltall, tekst, valg } from '../felles/felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Direkte kostnader under administrasjon og gjennomføring (10.4). Kategorien kontrolleres av
 * budsjett-reglene; `type` skiller budsjetterte fra faktiske kostnader.
 */
/**
 * Programveileder 10.4: direkte kostnader som kan dekkes innenfor administrasjon og gjennomføring.
 * Kanoniske navn brukt i kostnader.kategori (små/store bokstaver og æøå ignoreres ved sammenligning).
 */
export const KOSTNADSKATEGORIER = [
  'Eksterne kostnader',
  'Eksterne kostnader til profilering',
  'Direkte kostnader for samlinger i regi av næringshagen',
  'Deltakelse på samlinger',
  'Deltakelse på kompetansehevende tiltak',
  'Rekruttering og mobilisering av bedrifter',
] as const;
export type Kostnadskategori = (typeof KOSTNADSKATEGORIER)[number];

export const kostnaderDef = definerDatasett({
  navn: 'kostnader',
  beskrivelse: 'Én rad per direkte kostnad (budsjettert eller faktisk).',
  kolonner: {
    ar: paakrevd(heltall({ min: 2023, maks: 2099 }), {
      overskrift: 'År',
      type: 'heltall',
      alias: ['år', 'aar'],
      beskrivelse: 'Året kostnaden gjelder.',
      eksempel: '2026',
    }),
    kategori: paakrevd(tekst(200), {
      overskrift: 'Kategori',
      type: 'tekst',
      verdier: KOSTNADSKATEGORIER,
      beskrivelse: 'Kategori fra 10.4 (se «nh docs budsjett»).',
      eksempel: 'Eksterne kostnader til profilering',
    }),
    belop: paakrevd(belop(), {
      overskrift: 'Beløp eks. mva',
      type: 'belop',
      alias: ['beløp'],
      beskrivelse: 'Beløp i kroner eksklusive mva.',
      eksempel: '12 500',
    }),
    tekst: frivillig(tekst(500), {
      overskrift: 'Tekst',
      type: 'tekst',
      alias: ['beskrivelse'],
      beskrivelse: 'Hva kostnaden gjaldt.',
      eksempel: 'Annonse i lokalavisa',
    }),
    dato: frivillig(dato(), {
      overskrift: 'Dato',
      type: 'dato',
      beskrivelse: 'Bilagsdato (faktiske kostnader).',
      eksempel: '12.03.2026',
    }),
    type: frivillig(
      valg(['faktisk', 'budsjett'] as const, { regnskap: 'faktisk', plan: 'budsjett', budsjettert: 'budsjett' }),
      {
        overskrift: 'Type',
        type: 'tekst',
        verdier: ['faktisk', 'budsjett'],
        beskrivelse: '«faktisk» (bokført) eller «budsjett» (planlagt). Tom = faktisk.',
        eksempel: 'faktisk',
      },
    ),
  },
});

export type Kostnad = MedKilde<RadAv<typeof kostnaderDef>>;
