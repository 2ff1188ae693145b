import { belop, dato, kurs, maaned, orgnr, tekst, valg } from '../felles/felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Støtteregisteret `stotteregister.csv` som `nh faktura` fører: én linje per målbedrift og periode.
 * Den eneste kilden for gitt innovasjonsstøtte (vedlegg 3 pkt. 2 og 4.1); smb-sjekk (treårstaket)
 * og årsrapport leser det. Beløp i kroner med to desimaler, kurs NOK/EUR med fire.
 * `dato` er datoen støtten regnes som gitt: fakturadatoen (issue 19 pkt. 6, 10.4 «når … faktura er sendt»).
 * Fakturaidentiteten (nummer, KID, datoer, ordrereferanse) står på linjen, så numre tildeles én gang og
 * aldri brukes om igjen. En kreditnota (ved --erstatt) er en egen linje med negative beløp som peker på
 * fakturaen den krediterer; da summerer alle lesere (treårstaket, disponibelt) riktig uten å kjenne typen.
 */
export const stotteregisterDef = definerDatasett({
  navn: 'stotteregister',
  beskrivelse: 'Register over innovasjonsstøtte gitt per målbedrift og måned (føres av nh faktura).',
  unik: [],
  kolonner: {
    periode: paakrevd(maaned(), {
      type: 'tekst',
      beskrivelse: 'Fakturaperioden, «2026M10» (åååå-mm og Excels «okt.26» leses også).',
      eksempel: '2026M10',
    }),
    dato: paakrevd(dato(), {
      type: 'dato',
      beskrivelse: 'Datoen støtten regnes som gitt (fakturadatoen).',
      eksempel: '31.10.2026',
    }),
    orgnr: paakrevd(orgnr(), { type: 'orgnr', beskrivelse: 'Målbedriftens orgnr.', eksempel: '923609016' }),
    navn: paakrevd(tekst(200), { type: 'tekst', beskrivelse: 'Målbedriftens navn.', eksempel: 'Fjordlys Sjømat AS' }),
    markedsverdi: paakrevd(belop(), {
      type: 'belop',
      beskrivelse: 'Markedsverdi av tjenestene (kr).',
      eksempel: '10 000,00',
    }),
    egenandel: paakrevd(belop(), { type: 'belop', beskrivelse: 'Egenandel eks. mva (kr).', eksempel: '2 500,00' }),
    mva: paakrevd(belop(), { type: 'belop', beskrivelse: 'Mva på egenandelen (kr).', eksempel: '625,00' }),
    stotte: paakrevd(belop(), {
      type: 'belop',
      alias: ['støtte', 'innovasjonsstøtte'],
      beskrivelse: 'Innovasjonsstøtte (kr).',
      eksempel: '7 500,00',
    }),
    eurNokKurs: paakrevd(kurs(), {
      type: 'tekst',
      alias: ['eur nok kurs', 'kurs'],
      beskrivelse: 'NOK per EUR brukt for linjen.',
      eksempel: '11,7525',
    }),
    kursdato: paakrevd(dato(), { type: 'dato', beskrivelse: 'Kursens dato.', eksempel: '30.09.2026' }),
    stotteEur: paakrevd(belop(), {
      type: 'belop',
      alias: ['støtte eur'],
      beskrivelse: 'Støtten i euro (to desimaler).',
      eksempel: '638,16',
    }),
    type: frivillig(valg(['faktura', 'kreditnota', 'kurskorreksjon'] as const), {
      type: 'tekst',
      beskrivelse:
        'faktura, kreditnota eller kurskorreksjon (tom = faktura). En kreditnota har negative beløp; en kurskorreksjon har 0 kr og retter støtten i EUR etter en ny kurs.',
      eksempel: 'faktura',
    }),
    fakturanr: frivillig(tekst(30), {
      type: 'tekst',
      alias: ['fakturanummer'],
      beskrivelse: 'Fakturanummeret fra nummerserien (tom når regnskapssystemet tildeler det).',
      eksempel: '10001',
    }),
    kid: frivillig(tekst(25), {
      type: 'tekst',
      beskrivelse: 'KID for betalingen (MOD10 eller MOD11).',
      eksempel: '0100014',
    }),
    fakturadato: frivillig(dato(), {
      type: 'dato',
      beskrivelse: 'Fakturadato (kreditnota: datoen den ble utstedt).',
      eksempel: '31.10.2026',
    }),
    forfallsdato: frivillig(dato(), { type: 'dato', beskrivelse: 'Forfallsdato.', eksempel: '14.11.2026' }),
    ordrereferanse: frivillig(tekst(50), {
      type: 'tekst',
      beskrivelse: 'Ordrereferansen i importfilene (<periode>-<orgnr>).',
      eksempel: '2026-10-923609016',
    }),
    krediterer: frivillig(tekst(30), {
      type: 'tekst',
      beskrivelse: 'Kreditnota: fakturanummeret (ellers ordrereferansen) den krediterer.',
      eksempel: '10001',
    }),
    korrigerer: frivillig(tekst(30), {
      type: 'tekst',
      beskrivelse: 'Kurskorreksjon: fakturanummeret (ellers ordrereferansen) den retter EUR-verdien for.',
      eksempel: '10001',
    }),
    // Issue 20 pkt. 2: støtte gitt selv om den siste SMB-sjekken sa «KAN IKKE TAS OPP» (nh faktura --godta-smb).
    // Før kjoring, så kjøringens id fortsatt er siste kolonne.
    smbGodtatt: frivillig(tekst(1000), {
      type: 'tekst',
      alias: ['smb godtatt'],
      beskrivelse:
        'Dokumentert annen vurdering: den siste SMB-sjekken sa «KAN IKKE TAS OPP», og støtten ble gitt med nh faktura --godta-smb (sjekkens dato og grunnen).',
      eksempel: 'SMB-sjekk 19.10.2026 sa «KAN IKKE TAS OPP»; godtatt: Konsernet tilførte egenkapital 01.11.2026',
    }),
    kjoring: frivillig(tekst(100), {
      type: 'tekst',
      alias: ['kjøring'],
      beskrivelse: 'Kjøringens id (tidsstempel), for sporbarhet.',
      eksempel: '2026-11-02T08:15:00Z',
    }),
  },
});

export type Stottelinje = MedKilde<RadAv<typeof stotteregisterDef>>;
