import { dato, orgnr, tekst, valg } from '../felles/felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Tiltak og prosjekter som måltallene i programveileder 11.2 teller: kompetansehevende tiltak for
 * ansatte og for målbedriftene (bærekraft, digitalisering, eksport), samarbeidsprosjekter med andre
 * programoperatører, bedrifter henvist til andre operatører og andre operatørers bedrifter som får
 * rådgivning fra næringshagen. Én rad per tiltak (ikke per deltaker) — slik AVI teller.
 * For «henvisning» og «radgivning-andres-bedrift» er raden én bedrift (bedrift eller orgnr må fylles ut).
 */
const TILTAKSTYPER = [
  'baerekraft-ansatte',
  'baerekraft-malbedrifter',
  'digitalisering-ansatte',
  'digitalisering-malbedrifter',
  'eksport-malbedrifter',
  'samarbeidsprosjekt',
  'henvisning',
  'radgivning-andres-bedrift',
] as const;
export type Tiltakstype = (typeof TILTAKSTYPER)[number];

/** Typer der raden er én bedrift, og antallet er antall ulike bedrifter. */
export const BEDRIFTSTYPER: readonly Tiltakstype[] = ['henvisning', 'radgivning-andres-bedrift'];

export const tiltakDef = definerDatasett({
  navn: 'tiltak',
  beskrivelse: 'Én rad per tiltak, prosjekt eller henvist bedrift (grunnlag for antall-måltallene i 11.2).',
  kolonner: {
    dato: paakrevd(dato(), {
      overskrift: 'Dato',
      type: 'dato',
      beskrivelse: 'Dato tiltaket ble gjennomført (første dag om det gikk over flere dager).',
      eksempel: '28.04.2026',
    }),
    type: paakrevd(
      valg(TILTAKSTYPER, {
        'kompetanse bærekraft ansatte': 'baerekraft-ansatte',
        'bærekraft ansatte': 'baerekraft-ansatte',
        'kompetanse bærekraft målbedrifter': 'baerekraft-malbedrifter',
        'bærekraft målbedrifter': 'baerekraft-malbedrifter',
        'kompetanse digitalisering ansatte': 'digitalisering-ansatte',
        'kompetanse digitalisering målbedrifter': 'digitalisering-malbedrifter',
        eksport: 'eksport-malbedrifter',
        'kompetanse eksport': 'eksport-malbedrifter',
        samarbeid: 'samarbeidsprosjekt',
        henvist: 'henvisning',
        'rådgivning andres bedrift': 'radgivning-andres-bedrift',
        'rådgivning for andre operatører': 'radgivning-andres-bedrift',
      }),
      {
        overskrift: 'Type',
        type: 'tekst',
        verdier: TILTAKSTYPER,
        beskrivelse:
          'Hva slags tiltak: baerekraft-ansatte, baerekraft-malbedrifter, digitalisering-ansatte, digitalisering-malbedrifter, eksport-malbedrifter, samarbeidsprosjekt (med andre programoperatører), henvisning (bedrift henvist til annen operatør i stedet for å bli egen målbedrift), radgivning-andres-bedrift (bedrift hos annen operatør som får rådgivning fra våre ansatte).',
        eksempel: 'baerekraft-malbedrifter',
      },
    ),
    ogsa: frivillig(valg(TILTAKSTYPER), {
      overskrift: 'Også',
      type: 'tekst',
      alias: ['også', 'teller også som', 'også type'],
      verdier: TILTAKSTYPER,
      beskrivelse:
        'Programveileder 11.2: samme tiltak teller også under dette måltallet (f.eks. et bærekraftkurs for målbedriftene som er et samarbeidsprosjekt). Tom = bare «type».',
      eksempel: 'samarbeidsprosjekt',
    }),
    beskrivelse: paakrevd(tekst(500), {
      overskrift: 'Beskrivelse',
      type: 'tekst',
      alias: ['tittel', 'navn', 'tiltak'],
      beskrivelse: 'Hva tiltaket var.',
      eksempel: 'Workshop om klimaregnskap',
    }),
    bedrift: frivillig(tekst(200), {
      overskrift: 'Bedrift',
      type: 'tekst',
      beskrivelse: 'For henvisning og rådgivning av andres bedrift: bedriftens navn.',
      eksempel: 'Nordfjell Sykkel AS',
    }),
    orgnr: frivillig(orgnr(), {
      overskrift: 'Orgnr',
      type: 'orgnr',
      alias: ['organisasjonsnummer'],
      beskrivelse: 'Bedriftens orgnr (frivillig; skiller bedrifter med likt navn).',
      eksempel: '923609016',
    }),
    samarbeidspartner: frivillig(tekst(200), {
      overskrift: 'Samarbeidspartner',
      type: 'tekst',
      alias: ['programoperatør', 'operatør', 'partner'],
      beskrivelse: 'Den andre programoperatøren (næringshage/inkubator) for samarbeid, henvisning og rådgivning.',
      eksempel: 'Dalen Næringshage',
    }),
  },
});

export type Tiltak = MedKilde<RadAv<typeof tiltakDef>>;
