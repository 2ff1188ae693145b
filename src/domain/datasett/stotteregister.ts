import { belop, dato, kurs, maaned, orgnr, tekst } from '../felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Støtteregisteret `stotteregister.csv` som `nh faktura` fører: én linje per målbedrift og periode.
 * Den eneste kilden for gitt innovasjonsstøtte (vedlegg 3 pkt. 2 og 4.1); smb-sjekk (treårstaket)
 * og årsrapport leser det. Beløp i kroner med to desimaler, kurs NOK/EUR med fire.
 * `dato` er datoen støtten regnes som gitt: siste dag i perioden (fakturadatoen for egenandelen).
 */
export const stotteregisterDef = definerDatasett({
  navn: 'stotteregister',
  beskrivelse: 'Register over innovasjonsstøtte gitt per målbedrift og måned (føres av nh faktura).',
  unik: [],
  kolonner: {
    periode: paakrevd(maaned(), { type: 'tekst', beskrivelse: 'Fakturaperioden, «2026M10» (åååå-mm og Excels «okt.26» leses også).', eksempel: '2026M10' }),
    dato: paakrevd(dato(), { type: 'dato', beskrivelse: 'Datoen støtten regnes som gitt (siste dag i perioden).', eksempel: '31.10.2026' }),
    orgnr: paakrevd(orgnr(), { type: 'orgnr', beskrivelse: 'Målbedriftens orgnr.', eksempel: '923609016' }),
    navn: paakrevd(tekst(200), { type: 'tekst', beskrivelse: 'Målbedriftens navn.', eksempel: 'Fjordlys Sjømat AS' }),
    markedsverdi: paakrevd(belop({ minst: 0 }), { type: 'belop', beskrivelse: 'Markedsverdi av tjenestene (kr).', eksempel: '10 000,00' }),
    egenandel: paakrevd(belop({ minst: 0 }), { type: 'belop', beskrivelse: 'Egenandel eks. mva (kr).', eksempel: '2 500,00' }),
    mva: paakrevd(belop({ minst: 0 }), { type: 'belop', beskrivelse: 'Mva på egenandelen (kr).', eksempel: '625,00' }),
    stotte: paakrevd(belop({ minst: 0 }), { type: 'belop', alias: ['støtte', 'innovasjonsstøtte'], beskrivelse: 'Innovasjonsstøtte (kr).', eksempel: '7 500,00' }),
    eurNokKurs: paakrevd(kurs(), { type: 'tekst', alias: ['eur nok kurs', 'kurs'], beskrivelse: 'NOK per EUR brukt for linjen.', eksempel: '11,7525' }),
    kursdato: paakrevd(dato(), { type: 'dato', beskrivelse: 'Kursens dato.', eksempel: '30.09.2026' }),
    stotteEur: paakrevd(belop({ minst: 0 }), { type: 'belop', alias: ['støtte eur'], beskrivelse: 'Støtten i euro (to desimaler).', eksempel: '638,16' }),
    kjoring: frivillig(tekst(100), { type: 'tekst', alias: ['kjøring'], beskrivelse: 'Kjøringens id (tidsstempel), for sporbarhet.', eksempel: '2026-11-02T08:15:00Z' }),
  },
});

export type Stottelinje = MedKilde<RadAv<typeof stotteregisterDef>>;
