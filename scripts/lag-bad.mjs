#!/usr/bin/env node
/**
 * Lager korpuset av ødelagte inndata i fixtures/bad/<tilfelle>/ (grunnmuren og nh sjekk/timesats).
 * Hvert tilfelle er en overlagring på fixtures/mini: filene i mappen erstatter minis filer,
 * `tilfelle.json` sier kommando, hva som skal fjernes og hvilken fil/rad/kolonne feilen skal nevne.
 * Kjør: node scripts/lag-bad.mjs  (deterministisk; binære/xlsx-tilfeller lages med exceljs).
 */
import { mkdirSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { fastZipTid } from '../dist/io/skriv/zip-tid.js';
import { feilkodetilfeller } from './lag-bad-koder.mjs';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BAD = path.join(ROT, 'fixtures', 'bad');
const BOM = '\uFEFF';
const A_HODE = 'navn;arslonn;stillingsprosent;sosialeKostnaderProsent;indirekteKostnader;markedspris;admTimerPlan';
const M_HODE = 'orgnr;navn;avtalestart;avtaleslutt;dagligLeder;dagligLederEpost;stotteintensitet;markedspris';
const T_HODE = 'dato;ansatt;malbedrift;timer;aktivitet;tjeneste;beskrivelse';
const csv = (...linjer) => BOM + linjer.join('\r\n') + '\r\n';
const cp1252 = (tekst) => {
  const kart = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, é: 0xe9 };
  return Buffer.from([...tekst].map((c) => kart[c] ?? c.charCodeAt(0)));
};

/** Faste tidsstempler (arbeidsboken og zip-oppføringene), så en ny kjøring gir byte for byte samme filer. */
const FAST = new Date('2026-01-01T00:00:00Z');
async function tilBuffer(wb) {
  wb.created = FAST;
  wb.modified = FAST;
  return Buffer.from(fastZipTid(new Uint8Array(await wb.xlsx.writeBuffer()), FAST));
}

const tilfeller = [];
function tilfelle(
  navn,
  { beskrivelse, base = 'mini', kommando = ['sjekk'], filer = {}, fjern = [], forventet, ...mer },
) {
  tilfeller.push({ navn, beskrivelse, base, kommando, filer, fjern, forventet, ...mer });
}

// --- ansatte (nh timesats) ---
tilfelle('ansatte-ugyldig-tall', {
  beskrivelse: 'bokstav i et beløp',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, 'Kari Nordmann;650 000;100;;;;', 'Ola Hansen;39O 000;60;;;;') },
  forventet: { fil: 'ansatte.csv', rad: 3, kolonne: 'arslonn', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-mangler-kolonne', {
  beskrivelse: 'arslonn mangler',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv('navn;stillingsprosent', 'Kari Nordmann;100') },
  forventet: { fil: 'ansatte.csv', rad: 1, kolonne: 'Årslønn', kode: 'mangler-kolonne' },
});
// Issue 19 pkt. 4: en overskrift nær en godtatt får forslaget i ordene malen bruker.
tilfelle('ansatte-overskrift-nesten', {
  beskrivelse: 'overskrift nær en godtatt («Årslønnn», «Stillingsprosen»)',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv('Navn;Årslønnn;Stillingsprosen', 'Kari Nordmann;650 000;100') },
  forventet: {
    fil: 'ansatte.csv',
    rad: 1,
    kolonne: 'Stillingsprosen',
    kode: 'ukjent-kolonne',
    tekst: 'Mente du «Stilling %»?',
  },
});
tilfelle('ansatte-dobbel-ansatt', {
  beskrivelse: 'samme ansatt to ganger',
  kommando: ['timesats'],
  filer: {
    'ansatte.csv': csv(
      A_HODE,
      'Kari Nordmann;650 000;100;;;;',
      'Ola Hansen;390 000;60;;;;',
      'kari nordmann;700 000;100;;;;',
    ),
  },
  forventet: { fil: 'ansatte.csv', rad: 4, kolonne: 'navn', kode: 'duplikat' },
});
tilfelle('ansatte-cp1252-med-feil', {
  beskrivelse: 'Windows-1252 med æøå overlever; feil tall meldes med riktig navn',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': cp1252(`${A_HODE}\r\nBjørn Åsheim;650 000;100;;;;\r\nSiri Ærø;sju hundre;100;;;;\r\n`) },
  forventet: { fil: 'ansatte.csv', rad: 3, kolonne: 'arslonn', kode: 'ugyldig-verdi', tekst: 'sju hundre' },
});
tilfelle('ansatte-tom-fil', {
  beskrivelse: 'tom fil (0 byte)',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': '' },
  forventet: { fil: 'ansatte.csv', kode: 'tom-fil' },
});
tilfelle('ansatte-bare-overskrift', {
  beskrivelse: 'bare overskriftsrad',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE) },
  forventet: { fil: 'ansatte.csv', rad: 2, kode: 'ingen-rader' },
});
tilfelle('ansatte-dobbel-overskrift', {
  beskrivelse: 'samme kolonne to ganger',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv('navn;arslonn;Årslønn', 'Kari Nordmann;650 000;650 000') },
  forventet: { fil: 'ansatte.csv', rad: 1, kolonne: 'Årslønn', kode: 'dobbel-kolonne' },
});
tilfelle('ansatte-ukjent-kolonne', {
  beskrivelse: 'ukjent kolonne',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv('navn;arslonn;skostørrelse', 'Kari Nordmann;650 000;38') },
  forventet: { fil: 'ansatte.csv', rad: 1, kolonne: 'skostørrelse', kode: 'ukjent-kolonne' },
});
tilfelle('ansatte-feil-skilletegn', {
  beskrivelse: 'loddrett strek som skilletegn',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv('navn|arslonn|stillingsprosent', 'Kari Nordmann|650 000|100') },
  forventet: { fil: 'ansatte.csv', rad: 1, kolonne: 'navn|arslonn|stillingsprosent', kode: 'ukjent-kolonne' },
});
tilfelle('ansatte-avkuttet', {
  beskrivelse: 'avkuttet fil med åpent anførselstegn',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': `${BOM}${A_HODE}\r\nKari Nordmann;650 000;100;;;;\r\n"Ola Han` },
  forventet: { fil: 'ansatte.csv', kode: 'ugyldig-csv' },
});
tilfelle('ansatte-negativ-lonn', {
  beskrivelse: 'negativ årslønn',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, 'Kari Nordmann;-650 000;100;;;;') },
  forventet: { fil: 'ansatte.csv', rad: 2, kolonne: 'arslonn', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-stilling-over-100', {
  beskrivelse: 'stillingsprosent 120',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, 'Kari Nordmann;650 000;120;;;;') },
  forventet: { fil: 'ansatte.csv', rad: 2, kolonne: 'stillingsprosent', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-formel-i-celle', {
  beskrivelse: 'formel i en tallcelle',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, 'Kari Nordmann;=B3*2;100;;;;') },
  forventet: { fil: 'ansatte.csv', rad: 2, kolonne: 'arslonn', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-stor-celle', {
  beskrivelse: 'en celle på 40 000 tegn',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, `${'K'.repeat(40_000)};650 000;100;;;;`) },
  forventet: { fil: 'ansatte.csv', rad: 2, kolonne: 'navn', kode: 'for-stor-celle' },
});
tilfelle('ansatte-blandet-tegnsett', {
  beskrivelse: 'UTF-8 og Windows-1252 i samme fil',
  kommando: ['timesats'],
  filer: {
    'ansatte.csv': Buffer.concat([
      Buffer.from(`${A_HODE}\r\nBjørn Åsheim;650 000;100;;;;\r\n`, 'utf8'),
      cp1252('Siri Ærø;600 000;100;;;;\r\n'),
    ]),
  },
  forventet: { fil: 'ansatte.csv', rad: 3, kode: 'blandet-tegnsett' },
});
tilfelle('ansatte-csv-og-xlsx', {
  beskrivelse: 'både ansatte.csv og ansatte.xlsx',
  kommando: ['timesats'],
  filer: { 'ansatte.xlsx': 'XLSX:gyldig' },
  forventet: { fil: 'ansatte.csv', kode: 'to-filer' },
});
tilfelle('ansatte-xlsx-null-byte', {
  beskrivelse: 'xlsx på 0 byte',
  kommando: ['timesats'],
  fjern: ['ansatte.csv'],
  filer: { 'ansatte.xlsx': '' },
  forventet: { fil: 'ansatte.xlsx', kode: 'tom-fil' },
});
tilfelle('ansatte-xlsx-korrupt', {
  beskrivelse: 'ødelagt xlsx',
  kommando: ['timesats'],
  fjern: ['ansatte.csv'],
  filer: { 'ansatte.xlsx': Buffer.from('PK\u0003\u0004 dette er ikke en zip-fil likevel') },
  forventet: { fil: 'ansatte.xlsx', kode: 'ugyldig-xlsx' },
});
tilfelle('ansatte-xlsx-formel-uten-verdi', {
  beskrivelse: 'xlsx med formel uten lagret resultat',
  kommando: ['timesats'],
  fjern: ['ansatte.csv'],
  filer: { 'ansatte.xlsx': 'XLSX:formel-uten-verdi' },
  forventet: { fil: 'ansatte.xlsx', rad: 3, kolonne: 'arslonn', kode: 'formel-uten-verdi' },
});
tilfelle('ansatte-xlsx-ugyldig-tall', {
  beskrivelse: 'tekst i en tallcelle i xlsx',
  kommando: ['timesats'],
  fjern: ['ansatte.csv'],
  filer: { 'ansatte.xlsx': 'XLSX:tekst-i-tall' },
  forventet: { fil: 'ansatte.xlsx', rad: 3, kolonne: 'arslonn', kode: 'ugyldig-verdi' },
});
tilfelle('config-ugyldig', {
  beskrivelse: 'nh.json med feil type',
  kommando: ['timesats'],
  filer: {
    'nh.json': JSON.stringify({
      versjon: 1,
      naeringshage: { navn: 'X', orgnr: '923609017' },
      ar: 2026,
      markedsprisPerTime: 'mange',
      arbeidsgiveravgiftSats: 14.1,
      indirekteKostnaderPerAr: 1,
      eurNok: { kurs: 11.5, dato: '2025-12-31', kilde: 'NB' },
    }),
  },
  forventet: { fil: 'nh.json', kolonne: 'naeringshage.orgnr', kode: 'ugyldig-config' },
});

// --- malbedrifter (nh sjekk) ---
const mb = (...rader) => ({ 'malbedrifter.csv': csv(M_HODE, ...rader) });
tilfelle('malbedrifter-ugyldig-orgnr', {
  beskrivelse: 'feil kontrollsiffer',
  filer: mb('923609017;Fjordlys Sjømat AS;15.01.2026;31.12.2026;Ola Fjord;ola@fjordlys.no;;'),
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'orgnr', kode: 'ugyldig-verdi' },
});
tilfelle('malbedrifter-orgnr-atte-sifre', {
  beskrivelse: 'orgnr med åtte sifre',
  filer: mb('92360901;Fjordlys Sjømat AS;15.01.2026;31.12.2026;Ola Fjord;ola@fjordlys.no;;'),
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'orgnr', kode: 'ugyldig-verdi' },
});
tilfelle('malbedrifter-ugyldig-dato', {
  beskrivelse: '31. februar',
  filer: mb('923609016;Fjordlys Sjømat AS;31.02.2026;31.12.2026;Ola Fjord;ola@fjordlys.no;;'),
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'avtalestart', kode: 'ugyldig-verdi' },
});
tilfelle('malbedrifter-dato-tekst', {
  beskrivelse: 'dato som fritekst',
  filer: mb('923609016;Fjordlys Sjømat AS;i januar;31.12.2026;Ola Fjord;ola@fjordlys.no;;'),
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'avtalestart', kode: 'ugyldig-verdi' },
});
tilfelle('malbedrifter-ugyldig-epost', {
  beskrivelse: 'e-post uten @',
  filer: mb('923609016;Fjordlys Sjømat AS;15.01.2026;31.12.2026;Ola Fjord;ola.fjordlys.no;;'),
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'dagligLederEpost', kode: 'ugyldig-verdi' },
});
tilfelle('malbedrifter-slutt-for-start', {
  beskrivelse: 'avtaleslutt før avtalestart',
  filer: mb('923609016;Fjordlys Sjømat AS;15.01.2026;31.12.2025;Ola Fjord;ola@fjordlys.no;;'),
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'avtaleslutt', kode: 'slutt-for-start' },
});
tilfelle('malbedrifter-stotteintensitet-tekst', {
  beskrivelse: 'støtteintensitet som tekst',
  filer: mb('923609016;Fjordlys Sjømat AS;15.01.2026;31.12.2026;Ola Fjord;ola@fjordlys.no;mye;'),
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'stotteintensitet', kode: 'ugyldig-verdi' },
});
tilfelle('malbedrifter-dobbel-orgnr', {
  beskrivelse: 'samme orgnr to ganger',
  filer: mb(
    '923609016;Fjordlys Sjømat AS;15.01.2026;31.12.2026;Ola Fjord;ola@fjordlys.no;;',
    '923 609 016;Fjordlys igjen;15.01.2026;;Ola Fjord;ola@fjordlys.no;;',
  ),
  forventet: { fil: 'malbedrifter.csv', rad: 3, kolonne: 'orgnr', kode: 'duplikat' },
});

// --- timer (nh sjekk) ---
const tm = (...rader) => ({ 'timer.csv': csv(T_HODE, ...rader) });
tilfelle('timer-negative-timer', {
  beskrivelse: 'negative timer',
  filer: tm('02.03.2026;Kari Nordmann;923609016;-2;Rådgivning;;'),
  forventet: { fil: 'timer.csv', rad: 2, kolonne: 'timer', kode: 'ugyldig-verdi' },
});
tilfelle('timer-over-24-per-dag', {
  beskrivelse: 'over 24 timer på en dag for én person',
  filer: tm(
    '02.03.2026;Kari Nordmann;923609016;14;Rådgivning;;Første',
    '02.03.2026;Kari Nordmann;ADM;12;Prosjektledelse;;Andre',
  ),
  forventet: { fil: 'timer.csv', rad: 2, kolonne: 'timer', kode: 'over-24-timer' },
});
tilfelle('timer-ukjent-ansatt', {
  beskrivelse: 'ansatt som ikke finnes',
  filer: tm('02.03.2026;Kari Nordman;923609016;2;Rådgivning;;'),
  forventet: { fil: 'timer.csv', rad: 2, kolonne: 'ansatt', kode: 'ukjent-ansatt' },
});
tilfelle('timer-ukjent-malbedrift', {
  beskrivelse: 'orgnr som ikke er målbedrift',
  filer: tm('02.03.2026;Kari Nordmann;974760673;2;Rådgivning;;'),
  forventet: { fil: 'timer.csv', rad: 2, kolonne: 'malbedrift', kode: 'ukjent-malbedrift' },
});
// Issue 19 pkt. 4: målbedriften ført med navn på flere rader: én feil med radene og orgnr foreslått.
tilfelle('timer-malbedrift-med-navn', {
  beskrivelse: 'målbedriftens navn i stedet for orgnr på tre rader',
  filer: tm(
    '02.03.2026;Kari Nordmann;Fjordlys Sjømat AS;2;Rådgivning;;',
    '03.03.2026;Kari Nordmann;Fjordlys Sjømat AS;1;Rådgivning;;',
    '04.03.2026;Kari Nordmann;Fjordlys Sjømat AS;1,5;Rådgivning;;',
  ),
  forventet: {
    fil: 'timer.csv',
    rad: 2,
    kolonne: 'malbedrift',
    kode: 'ukjent-malbedrift',
    tekst: 'på 3 rader (rad 2, 3 og 4). Det er navnet på målbedriften 923609016',
  },
});
tilfelle('timer-utenfor-avtale', {
  beskrivelse: 'timer før avtalestart',
  filer: tm('02.01.2026;Kari Nordmann;923609016;2;Rådgivning;;'),
  forventet: { fil: 'timer.csv', rad: 2, kolonne: 'dato', kode: 'utenfor-avtale' },
});
tilfelle('timer-dobbel-linje', {
  beskrivelse: 'helt lik linje to ganger',
  filer: tm(
    '02.03.2026;Kari Nordmann;923609016;2;Rådgivning;;Møte',
    '02.03.2026;Kari Nordmann;923609016;2;Rådgivning;;Møte',
  ),
  forventet: { fil: 'timer.csv', rad: 3, kolonne: 'dato', kode: 'dobbel-linje' },
});
tilfelle('timer-ugyldig-dato', {
  beskrivelse: '30. februar i ISO',
  filer: tm('2026-02-30;Kari Nordmann;923609016;2;Rådgivning;;'),
  forventet: { fil: 'timer.csv', rad: 2, kolonne: 'dato', kode: 'ugyldig-verdi' },
});
tilfelle('timer-mangler-timer', {
  beskrivelse: 'tom påkrevd celle',
  filer: tm('02.03.2026;Kari Nordmann;923609016;;Rådgivning;;'),
  forventet: { fil: 'timer.csv', rad: 2, kolonne: 'timer', kode: 'ugyldig-verdi' },
});
tilfelle('timer-for-mange-felt', {
  beskrivelse: 'rad med flere felt enn overskriften',
  filer: tm('02.03.2026;Kari Nordmann;923609016;2;Rådgivning;;Møte;ekstra;felt'),
  forventet: { fil: 'timer.csv', rad: 2, kode: 'for-mange-felt' },
});
tilfelle('timer-komma-desimal-i-kommafil', {
  beskrivelse: 'kommadelt fil med desimalkomma uten anførselstegn',
  filer: {
    'timer.csv': `${BOM}dato,ansatt,malbedrift,timer,aktivitet\r\n02.03.2026,Kari Nordmann,923609016,2,5,Rådgivning\r\n`,
  },
  forventet: { fil: 'timer.csv', rad: 2, kode: 'for-mange-felt' },
});

// --- tilskudd og kostnader (nh sjekk) ---
tilfelle('tilskudd-ukjent-type', {
  beskrivelse: 'ukjent tilskuddstype',
  filer: { 'tilskudd.csv': csv('ar;type;kilde;belop;dato', '2026;gave;Siva;100 000;') },
  forventet: { fil: 'tilskudd.csv', rad: 2, kolonne: 'type', kode: 'ugyldig-verdi' },
});
tilfelle('tilskudd-ugyldig-ar', {
  beskrivelse: 'år med bokstav',
  filer: { 'tilskudd.csv': csv('ar;type;kilde;belop;dato', '20x6;innovasjon;Siva;100 000;') },
  forventet: { fil: 'tilskudd.csv', rad: 2, kolonne: 'ar', kode: 'ugyldig-verdi' },
});
tilfelle('kostnader-ugyldig-belop', {
  beskrivelse: 'beløp i ord',
  filer: {
    'kostnader.csv': csv('ar;kategori;belop;tekst;dato;type', '2026;Eksterne kostnader;ti tusen;Regnskap;;faktisk'),
  },
  forventet: { fil: 'kostnader.csv', rad: 2, kolonne: 'belop', kode: 'ugyldig-verdi' },
});
tilfelle('kostnader-tre-desimaler', {
  beskrivelse: 'beløp med tre desimaler',
  filer: {
    'kostnader.csv': csv('ar;kategori;belop;tekst;dato;type', '2026;Eksterne kostnader;100,125;Regnskap;;faktisk'),
  },
  forventet: { fil: 'kostnader.csv', rad: 2, kolonne: 'belop', kode: 'ugyldig-verdi' },
});

// --- issue 11: nh.json (standardverdier, priser, ukjente nøkler, brøk som prosent, meldinger) ---
const MINI = {
  versjon: 1,
  naeringshage: { navn: 'Minidal Næringshage AS', orgnr: '923609016' },
  ar: 2026,
  markedsprisPerTime: 1200,
  stotteintensitet: 75,
  mvaSats: 25,
  arbeidsgiveravgiftSats: 14.1,
  andreSosialeKostnaderProsent: 12,
  indirekteKostnaderPerAr: 300000,
  timerPerArsverk: 1695,
  eurNok: { kurs: 11.6035, dato: '2025-12-31', kilde: 'Norges Bank' },
  adminKoder: ['ADM'],
  kolonner: {},
  ignorerKolonner: {},
};
const nhJson = (endre) => ({ 'nh.json': `${JSON.stringify(endre(structuredClone(MINI)), null, 2)}\n` });
const nhFeil = (kolonne, kode = 'ugyldig-config') => ({ fil: 'nh.json', kolonne, kode });
tilfelle('config-markedspris-negativ', {
  beskrivelse: 'markedsprisPerTime -1250',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, markedsprisPerTime: -1250 })),
  forventet: nhFeil('markedsprisPerTime'),
});
tilfelle('config-markedspris-null', {
  beskrivelse: 'markedsprisPerTime 0',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, markedsprisPerTime: 0 })),
  forventet: nhFeil('markedsprisPerTime'),
});
tilfelle('config-ukjent-nokkel', {
  beskrivelse: 'stotteIntensitet og mvasats feilstavet',
  kommando: ['timesats'],
  filer: nhJson(({ stotteintensitet, mvaSats, ...c }) => ({
    ...c,
    stotteIntensitet: stotteintensitet,
    mvasats: mvaSats,
  })),
  forventet: nhFeil('stotteIntensitet', 'ukjent-config-nokkel'),
});
tilfelle('config-ukjent-nokkel-nestet', {
  beskrivelse: 'eurNok.kurss feilstavet',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, eurNok: { ...c.eurNok, kurss: 11 } })),
  forventet: nhFeil('eurNok.kurss', 'ukjent-config-nokkel'),
});
// Issue 22 pkt. 7: seksjonen «smb» står i hovedskjemaet; før ble en feilstavet nøkkel der stille oversett.
tilfelle('config-ukjent-nokkel-smb', {
  beskrivelse: 'smb.innovasjonselskaper feilstavet (én s)',
  base: 'smb',
  kommando: ['smb-sjekk', '910000004', '--offline'],
  filer: nhJson((c) => ({ ...c, smb: { innovasjonselskaper: ['910021923'] } })),
  forventet: {
    ...nhFeil('smb.innovasjonselskaper', 'ukjent-config-nokkel'),
    tekst: 'mente du «smb.innovasjonsselskaper»',
  },
});
tilfelle('config-mva-som-brok', {
  beskrivelse: 'mvaSats 0.25 (brøk for 25 %)',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, mvaSats: 0.25 })),
  forventet: nhFeil('mvaSats'),
});
tilfelle('config-feil-type', {
  beskrivelse: 'ar som tekst: «forventet et tall», ikke «mangler»',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, ar: '2026' })),
  forventet: { ...nhFeil('ar'), tekst: 'forventet et tall, fant teksten «2026»' },
});
tilfelle('config-navn-tomt', {
  beskrivelse: 'tomt navn på næringshagen',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, naeringshage: { ...c.naeringshage, navn: ' ' } })),
  forventet: nhFeil('naeringshage.navn'),
});
tilfelle('config-urimelig-belop', {
  beskrivelse: 'indirekte kostnader 9·10^13 kr',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, indirekteKostnaderPerAr: 90_000_000_000_000 })),
  forventet: nhFeil('indirekteKostnaderPerAr'),
});
tilfelle('config-kurs-urimelig', {
  beskrivelse: 'eurNok.kurs 11603 (tusenskille i kursen): støtten i euro 1000 ganger for liten',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, eurNok: { ...c.eurNok, kurs: 11603 } })),
  forventet: nhFeil('eurNok.kurs'),
});
tilfelle('config-timer-per-arsverk-urimelig', {
  beskrivelse: 'timerPerArsverk 99 999',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, timerPerArsverk: 99999 })),
  forventet: nhFeil('timerPerArsverk'),
});
// Issue 20 pkt. 15 (10.4 pkt. 2, 5): hele selskapet kan ikke ha færre årsverk enn ansatte (mini: 2,6).
tilfelle('config-arsverk-totalt-for-lavt', {
  beskrivelse: 'arsverkTotalt 2 med 2,6 årsverk i ansatte',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, arsverkTotalt: 2 })),
  forventet: { fil: 'nh.json', kolonne: 'arsverkTotalt', kode: 'arsverk-totalt-for-lavt' },
});
tilfelle('config-arsverk-totalt-ugyldig', {
  beskrivelse: 'arsverkTotalt er tekst som ikke er et tall',
  kommando: ['timesats'],
  filer: nhJson((c) => ({ ...c, arsverkTotalt: 'seks' })),
  forventet: nhFeil('arsverkTotalt'),
});
tilfelle('ansatte-overskrift-fargekode', {
  beskrivelse: 'ESC[8m (skjult tekst) i en overskrift vises som ␛ i meldingen',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv('navn;arslonn;stillingsprosent;x\u001b[8mskjult', 'Kari Nordmann;650 000;100;1') },
  forventet: { fil: 'ansatte.csv', rad: 1, kode: 'ukjent-kolonne', tekst: 'kolonne «x␛[8mskjult»' },
});
const fakturaNh = (endre) => {
  const c = {
    ...structuredClone(MINI),
    markedsprisPerTime: 1000,
    eurNok: { kurs: 11.5, dato: '2025-12-31', kilde: 'Norges Bank' },
    naeringshage: { navn: 'Testdal Næringshage AS', orgnr: '923609016' },
  };
  return nhJson(() => endre({ ...c, faktura: { tjenestepriser: { Markedsanalyse: 1400 }, forfallsdager: 14 } }));
};
const FAKTURA = { base: 'faktura/liten', kommando: ['faktura', '--periode', '2026-10'] };
tilfelle('faktura-tjenestepris-feilstavet', {
  ...FAKTURA,
  beskrivelse: 'faktura.tjenestepris (uten r)',
  filer: fakturaNh((c) => ({ ...c, faktura: { tjenestepris: { Markedsanalyse: 1400 } } })),
  forventet: nhFeil('faktura.tjenestepris', 'ukjent-config-nokkel'),
});
tilfelle('faktura-tjenestepris-null', {
  ...FAKTURA,
  beskrivelse: 'tjenestepris 0 kr',
  filer: fakturaNh((c) => ({ ...c, faktura: { tjenestepriser: { Markedsanalyse: 0 } } })),
  forventet: nhFeil('faktura.tjenestepriser.Markedsanalyse'),
});
tilfelle('faktura-feil-i-to-datasett', {
  ...FAKTURA,
  beskrivelse: 'feil i både ansatte og tilskudd: begge meldes (lesAlle)',
  filer: {
    ...fakturaNh((c) => c),
    'ansatte.csv': csv(A_HODE, 'Kari Nordmann;-650 000;100;;;;'),
    'tilskudd.csv': csv('ar;type;kilde;belop;dato', '2026;innovasjon;Siva;mye;'),
  },
  forventet: { fil: 'tilskudd.csv', rad: 2, kolonne: 'belop', kode: 'ugyldig-verdi' },
});

// --- issue 21: regnskapet (PowerOffice-ruten, kundekoden, nummerserien, KID-prefiks) ---
tilfelle('faktura-poweroffice-ordre-uten-oppsett', {
  ...FAKTURA,
  beskrivelse: 'PowerOffice ordreruten uten ordrenummerserie og produktkoder',
  filer: fakturaNh((c) => ({
    ...c,
    faktura: { ...c.faktura, regnskapssystem: 'poweroffice', poweroffice: { rute: 'ordre' } },
  })),
  forventet: { fil: 'nh.json', kolonne: 'faktura.poweroffice.ordrenr', kode: 'poweroffice-oppsett' },
});
tilfelle('faktura-poweroffice-kundenummer', {
  ...FAKTURA,
  beskrivelse: 'PowerOffice-bilag: kundenummer som ikke er et tall',
  filer: {
    ...fakturaNh((c) => ({
      ...c,
      faktura: {
        ...c.faktura,
        regnskapssystem: 'poweroffice',
        poweroffice: { rute: 'ordre', ordrenr: { forste: 900001 }, produktkoder: { timer: 'RAD', stotte: 'IS' } },
      },
    })),
    'malbedrifter.csv': csv(
      'orgnr;navn;avtalestart;avtaleslutt;dagligLeder;dagligLederEpost;stotteintensitet;markedspris;kundenummer',
      '915000002;Alfa Teknologi AS;15.01.2026;31.12.2026;;;;;K-10001',
      '915000142;Beta Marin AS;01.03.2026;;;;50;1 200;10002',
    ),
  },
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'kundenummer', kode: 'poweroffice-kundenummer' },
});
tilfelle('faktura-nummerserie-overlapper', {
  ...FAKTURA,
  beskrivelse: 'nummerserie.forste 10001 under numre nh alt har utstedt (26001–26002)',
  filer: {
    ...fakturaNh((c) => ({ ...c, faktura: { ...c.faktura, nummerserie: { forste: 10001 } } })),
    'stotteregister.csv': csv(
      'periode;dato;orgnr;navn;markedsverdi;egenandel;mva;stotte;eurNokKurs;kursdato;stotteEur;type;fakturanr;kid',
      '2026M09;30.09.2026;915000002;Alfa Teknologi AS;1000,00;250,00;62,50;750,00;11,5000;31.12.2025;65,22;faktura;26001;0260011',
      '2026M09;30.09.2026;915000142;Beta Marin AS;1000,00;500,00;125,00;500,00;11,5000;31.12.2025;43,48;faktura;26002;0260029',
    ),
  },
  forventet: { fil: 'nh.json', kolonne: 'faktura.nummerserie.forste', kode: 'nummerserie-overlapper' },
});
tilfelle('faktura-kid-prefiks-ugyldig', {
  ...FAKTURA,
  beskrivelse: 'faktura.kid.prefiks «90» (to sifre)',
  filer: fakturaNh((c) => ({ ...c, faktura: { ...c.faktura, kid: { prefiks: '90' } } })),
  forventet: nhFeil('faktura.kid.prefiks'),
});
// Issue 20 pkt. 7: annenstotte (støtte fra andre) med beløp i kroner eller euro, ett av dem.
tilfelle('faktura-annenstotte-uten-belop', {
  ...FAKTURA,
  beskrivelse: 'faktura: en rad i annenstotte uten beløp',
  filer: {
    'annenstotte.csv': csv(
      'orgnr;dato;giver;belop;belopEur;sammeKostnader',
      '915000002;15.03.2026;Dalen Inkubator AS;;;nei',
    ),
  },
  forventet: { fil: 'annenstotte.csv', rad: 2, kolonne: 'belop', kode: 'annenstotte-belop' },
});
tilfelle('faktura-annenstotte-ugyldig-janei', {
  ...FAKTURA,
  beskrivelse: 'faktura: sammeKostnader er verken ja eller nei',
  filer: {
    'annenstotte.csv': csv(
      'orgnr;dato;giver;belop;sammeKostnader',
      '915000002;15.03.2026;Dalen Inkubator AS;45 000;kanskje',
    ),
  },
  forventet: { fil: 'annenstotte.csv', rad: 2, kolonne: 'sammeKostnader', kode: 'ugyldig-verdi' },
});

tilfelle('faktura-timer-over-24', {
  ...FAKTURA,
  beskrivelse: 'faktura: 9 + 8 + 8 timer samme dag for én person',
  filer: {
    'timer.csv': csv(
      T_HODE,
      '01.10.2026;Kari Nordmann;915000002;9;Rådgivning;;Strategi',
      '01.10.2026;Kari Nordmann;915000002;8;Rådgivning;;Oppfølging',
      '01.10.2026;Kari Nordmann;ADM;8;Prosjektledelse;;Kveld',
    ),
  },
  forventet: { fil: 'timer.csv', rad: 2, kolonne: 'timer', kode: 'over-24-timer' },
});

// --- issue 23: støtteregisteret som reskontro (nummerserien, historikken, filene ved siden av registeret) ---
const R_HODE =
  'periode;dato;orgnr;navn;markedsverdi;egenandel;mva;stotte;eurNokKurs;kursdato;stotteEur;type;fakturanr;kid;' +
  'fakturadato;forfallsdato;ordrereferanse;krediterer;korrigerer;kjoring';
const R_SEP =
  '2026M09;30.09.2026;915000002;Alfa Teknologi AS;5000,00;1250,00;312,50;3750,00;11,5;31.12.2025;326,09;faktura;' +
  '26001;;30.09.2026;14.10.2026;2026-09-915000002;;;k1';
const L_HODE = 'tidspunkt;kjoring;hendelse;periode;fakturanr;type;orgnr;ordrereferanse;merknad';
const loggLinje = (k, h, p, nr, orgnr) =>
  `2026-11-01T10:00:00Z;${k};${h};${p};${nr};faktura;${orgnr};${p.replace('M', '-')}-${orgnr};`;
const EHF = '<?xml version="1.0" encoding="UTF-8"?>\n<Invoice/>\n';
tilfelle('faktura-register-omdopt', {
  ...FAKTURA,
  beskrivelse: 'issue 23 pkt. 2: stotteregister.csv mangler, «stotteregister (1).csv» finnes (omdøpt av OneDrive)',
  filer: { 'stotteregister (1).csv': csv(R_HODE, R_SEP) },
  forventet: { fil: 'stotteregister.csv', kode: 'register-mangler', tekst: '«stotteregister (1).csv»' },
});
tilfelle('faktura-register-tilbakerullet', {
  ...FAKTURA,
  beskrivelse: 'issue 23 pkt. 3: nummerloggen har ført 26002 (oktober), registeret er en eldre kopi uten den',
  kommando: ['faktura', '--periode', '2026-11'],
  filer: {
    'stotteregister.csv': csv(R_HODE, R_SEP),
    'faktura/nummerlogg.csv': csv(
      L_HODE,
      loggLinje('k1', 'tildelt', '2026M09', '26001', '915000002'),
      loggLinje('k1', 'ført', '2026M09', '26001', '915000002'),
      loggLinje('k2', 'tildelt', '2026M10', '26002', '915000002'),
      loggLinje('k2', 'ført', '2026M10', '26002', '915000002'),
    ),
  },
  forventet: { fil: 'stotteregister.csv', kode: 'register-tilbakerullet', tekst: 'periode 2026-10: 1 linje (26002)' },
});
tilfelle('faktura-ehf-uten-register', {
  ...FAKTURA,
  beskrivelse:
    'issue 23 pkt. 3: en EHF-fil i ehf/ har et nummer registeret ikke har, og nh kan ikke vise at den er fra en avbrutt kjøring',
  filer: {
    'stotteregister.csv': csv(R_HODE, R_SEP),
    'faktura/2026-09/ehf/26001-915000002.xml': EHF,
    'faktura/2026-09/ehf/26002-915000142.xml': EHF,
  },
  forventet: { fil: 'faktura/2026-09/ehf/26002-915000142.xml', kode: 'ehf-uten-register' },
});
tilfelle('faktura-ehf-samme-nummer', {
  ...FAKTURA,
  beskrivelse: 'issue 23 pkt. 1: to EHF-filer med samme nummer i ehf/ (den ene ikke i registeret)',
  filer: {
    'stotteregister.csv': csv(R_HODE, R_SEP),
    'faktura/2026-09/ehf/26001-915000002.xml': EHF,
    'faktura/2026-09/ehf/26001-915000142.xml': EHF,
  },
  forventet: { fil: 'faktura/2026-09/ehf/26001-915000142.xml', kode: 'ehf-samme-nummer' },
});
tilfelle('faktura-utfiler-uten-register', {
  ...FAKTURA,
  beskrivelse:
    'issue 23 pkt. 3: faktura/2026-10 har fakturagrunnlag fra en kjøring som verken står i registeret eller nummerloggen',
  filer: {
    'stotteregister.csv': csv(R_HODE, R_SEP),
    'faktura/2026-10/.nh-kjoring.json': `${JSON.stringify({ versjon: 2, periode: '2026-10', kjoring: 'k7', filer: [], numre: ['26002'] }, null, 2)}\n`,
    'faktura/2026-10/fakturagrunnlag.csv': csv('ordrenr;fakturanr', '2026-10-915000002;26002'),
  },
  forventet: { fil: 'faktura/2026-10', kode: 'utfiler-uten-register' },
});
tilfelle('faktura-register-ukjent-kreditering', {
  ...FAKTURA,
  beskrivelse: 'issue 23 pkt. 5: en håndført kreditnota krediterer et nummer registeret ikke har',
  filer: {
    'stotteregister.csv': csv(
      R_HODE,
      R_SEP,
      '2026M09;30.09.2026;915000002;Alfa Teknologi AS;-5000,00;-1250,00;-312,50;-3750,00;11,5;31.12.2025;-326,09;' +
        'kreditnota;26002;;05.10.2026;05.10.2026;K-for-hand;99999;;k2',
    ),
  },
  forventet: { fil: 'stotteregister.csv', rad: 3, kolonne: 'krediterer', kode: 'register-ukjent-referanse' },
});
tilfelle('faktura-register-fakturanr', {
  ...FAKTURA,
  beskrivelse: 'issue 23 (lav): skrivefeil i et fakturanummer i registeret («2600l» med liten L)',
  filer: { 'stotteregister.csv': csv(R_HODE, R_SEP.replace(';26001;', ';2600l;')) },
  forventet: { fil: 'stotteregister.csv', rad: 2, kolonne: 'fakturanr', kode: 'register-fakturanr' },
});
tilfelle('faktura-register-nummer-to-ganger', {
  ...FAKTURA,
  beskrivelse: 'issue 23: samme fakturanummer på to linjer i registeret (kopiert rad, endret orgnr)',
  filer: {
    'stotteregister.csv': csv(
      R_HODE,
      R_SEP,
      R_SEP.replace(';915000002;Alfa Teknologi AS;', ';915000142;Beta Marin AS;').replace(
        '2026-09-915000002',
        '2026-09-915000142',
      ),
    ),
  },
  forventet: { fil: 'stotteregister.csv', rad: 3, kolonne: 'fakturanr', kode: 'register-nummer-to-ganger' },
});
tilfelle('faktura-ehf-ulik-register', {
  ...FAKTURA,
  beskrivelse: 'issue 23 pkt. 1: EHF-filen 26001 er til en annen målbedrift enn 26001 i registeret',
  filer: {
    'stotteregister.csv': csv(R_HODE, R_SEP),
    'faktura/2026-09/ehf/26001-915000142.xml': EHF,
  },
  forventet: { fil: 'faktura/2026-09/ehf/26001-915000142.xml', kode: 'ehf-ulik-register' },
});
tilfelle('faktura-nummerlogg-ugyldig', {
  ...FAKTURA,
  beskrivelse: 'issue 23: en rad i nummerloggen som nh ikke har skrevet (ukjent hendelse «slettet»)',
  filer: {
    'stotteregister.csv': csv(R_HODE, R_SEP),
    'faktura/nummerlogg.csv': csv(
      L_HODE,
      loggLinje('k1', 'tildelt', '2026M09', '26001', '915000002'),
      loggLinje('k1', 'slettet', '2026M09', '26001', '915000002'),
    ),
  },
  forventet: { fil: 'faktura/nummerlogg.csv', rad: 3, kolonne: 'hendelse', kode: 'nummerlogg-ugyldig' },
});
tilfelle('docs-ukjent-emne', {
  beskrivelse: 'issue 19 pkt. 11: nh docs med et emne som ikke finnes (forslag til nærmeste)',
  kommando: ['docs', 'fakture'],
  utenData: true,
  forventet: { fil: 'kommandolinjen', kolonne: 'emne', kode: 'ukjent-emne' },
});
tilfelle('faktura-navn-ugyldig-tegn', {
  ...FAKTURA,
  beskrivelse: 'issue 23 pkt. 8: U+FFFE i et navn (ikke lov i XML/EHF og xlsx)',
  filer: {
    'malbedrifter.csv': csv(
      M_HODE,
      '915000002;Alfa Tekno\uFFFElogi AS;15.01.2026;31.12.2026;;;;',
      '915000142;Beta Marin AS;01.03.2026;;;;50;1 200',
    ),
  },
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'navn', kode: 'ugyldig-verdi', tekst: 'U+FFFE' },
});
const ehfOppsett = {
  nummerserie: { forste: 26001 },
  ehf: true,
  selger: { adresse: 'Storgata 1', postnr: '6800', poststed: 'FØRDE', kontonummer: '86011117947' },
};
tilfelle('faktura-ehf-mva-null', {
  ...FAKTURA,
  beskrivelse: 'issue 23 pkt. 9: mvaSats 0 med EHF (BR-S-05/06)',
  filer: fakturaNh((c) => ({ ...c, mvaSats: 0, faktura: { ...c.faktura, ...ehfOppsett } })),
  forventet: { fil: 'nh.json', kolonne: 'mvaSats', kode: 'ehf-mva-null' },
});
tilfelle('faktura-mvakode-formel', {
  ...FAKTURA,
  beskrivelse: 'issue 23 pkt. 10: faktura.mvaKode «=1+1» (ville nådd importfilene som formel)',
  filer: fakturaNh((c) => ({ ...c, faktura: { ...c.faktura, mvaKode: '=1+1' } })),
  forventet: nhFeil('faktura.mvaKode'),
});
tilfelle('faktura-csvkolonner-samme-overskrift', {
  ...FAKTURA,
  beskrivelse: 'issue 23 pkt. 11: faktura.csvKolonner gir to kolonner overskriften «NUMMER»',
  filer: fakturaNh((c) => ({ ...c, faktura: { ...c.faktura, csvKolonner: { fakturanr: 'NUMMER', kid: 'NUMMER' } } })),
  forventet: { fil: 'nh.json', kolonne: 'faktura.csvKolonner.kid', kode: 'csv-kolonne-to-ganger' },
});
tilfelle('config-regnskapssystem-ukjent', {
  ...FAKTURA,
  beskrivelse: 'issue 23 (lav): «regnskapssystem»: ["visma"] — meldingen nevner verdiene som finnes',
  filer: fakturaNh((c) => ({ ...c, faktura: { ...c.faktura, regnskapssystem: ['visma'] } })),
  forventet: { ...nhFeil('faktura.regnskapssystem'), tekst: 'forventet "tripletex" eller "poweroffice"' },
});

// --- issue 11: priser, lønn, prosent som brøk, tall som ikke kan tolkes sikkert ---
tilfelle('ansatte-markedspris-negativ', {
  beskrivelse: 'markedspris -1250',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, 'Kari Nordmann;650 000;100;;;-1250;') },
  forventet: { fil: 'ansatte.csv', rad: 2, kolonne: 'markedspris', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-markedspris-null', {
  beskrivelse: 'markedspris 0',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, 'Kari Nordmann;650 000;100;;;0;') },
  forventet: { fil: 'ansatte.csv', rad: 2, kolonne: 'markedspris', kode: 'ugyldig-verdi' },
});
tilfelle('malbedrifter-markedspris-null', {
  beskrivelse: 'markedspris 0 for en målbedrift',
  filer: mb('923609016;Fjordlys Sjømat AS;15.01.2026;31.12.2026;Ola Fjord;ola@fjordlys.no;;0'),
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'markedspris', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-lonn-urimelig', {
  beskrivelse: 'årslønn 65 kr (urimelig lav) og 650 000 000 kr (urimelig høy)',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, 'Kari Nordmann;65;100;;;;', 'Ola Hansen;650 000 000;100;;;;') },
  forventet: { fil: 'ansatte.csv', rad: 2, kolonne: 'arslonn', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-prosent-som-brok', {
  beskrivelse: 'stillingsprosent 0,8 og sosiale kostnader 0,275 (brøk)',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, 'Kari Nordmann;650 000;0,8;0,275;;;') },
  forventet: {
    fil: 'ansatte.csv',
    rad: 2,
    kolonne: 'stillingsprosent',
    kode: 'ugyldig-verdi',
    tekst: 'ser ut som en brøk',
  },
});
tilfelle('malbedrifter-stotteintensitet-brok', {
  beskrivelse: 'støtteintensitet 0,75 for 75 %',
  filer: mb('923609016;Fjordlys Sjømat AS;15.01.2026;31.12.2026;Ola Fjord;ola@fjordlys.no;0,75;'),
  forventet: { fil: 'malbedrifter.csv', rad: 2, kolonne: 'stotteintensitet', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-tall-tvetydig', {
  beskrivelse: '«(-650 000)», «65 00 00», «650,000» og «1 2 3»',
  kommando: ['timesats'],
  filer: {
    'ansatte.csv': csv(
      A_HODE,
      'Kari Nordmann;(-650 000);100;;;;',
      'Ola Hansen;65 00 00;100;;;;',
      'Siri Daglig;650,000;100;;;;',
      'Per Pettersen;650 000;100;;;1 2 3;',
    ),
  },
  forventet: { fil: 'ansatte.csv', rad: 2, kolonne: 'arslonn', kode: 'ugyldig-verdi' },
});
tilfelle('kostnader-urimelig-belop', {
  beskrivelse: 'beløp 9·10^13 kr',
  filer: {
    'kostnader.csv': csv(
      'ar;kategori;belop;tekst;dato;type',
      '2026;Eksterne kostnader;90 000 000 000 000;Regnskap;;faktisk',
    ),
  },
  forventet: { fil: 'kostnader.csv', rad: 2, kolonne: 'belop', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-navn-kontrolltegn', {
  beskrivelse: 'navn med ESC og linjeskift',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(A_HODE, 'Kari \u001b[2JNordmann;650 000;100;;;;', '"Ola\r\nHansen";390 000;60;;;;') },
  forventet: { fil: 'ansatte.csv', rad: 2, kolonne: 'navn', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-for-mange-kolonner', {
  beskrivelse: '20 000 kolonner i overskriften',
  kommando: ['timesats'],
  filer: { 'ansatte.csv': csv(`navn;arslonn${';x'.repeat(20_000)}`, 'Kari Nordmann;650 000') },
  forventet: { fil: 'ansatte.csv', rad: 1, kode: 'for-mange-kolonner' },
});
tilfelle('timer-over-24-summert', {
  beskrivelse: 'tre linjer samme dag summerer til 25 timer',
  filer: tm(
    '02.03.2026;Kari Nordmann;923609016;9;Rådgivning;;',
    '02.03.2026;Kari Nordmann;ADM;8;Prosjektledelse;;',
    '02.03.2026;Kari Nordmann;923609016;8;Rådgivning;;Kveld',
  ),
  forventet: { fil: 'timer.csv', rad: 2, kolonne: 'timer', kode: 'over-24-timer' },
});

// --- issue 11: xlsx (samme regel som CSV, arkvalg, skjulte ark) ---
tilfelle('kostnader-xlsx-tre-desimaler', {
  beskrivelse: 'xlsx-beløp 985000,125 (samme feil som i CSV)',
  fjern: ['kostnader.csv'],
  filer: { 'kostnader.xlsx': 'XLSX:tre-desimaler' },
  forventet: { fil: 'kostnader.xlsx', rad: 2, kolonne: 'belop', kode: 'ugyldig-verdi' },
});
tilfelle('ansatte-xlsx-skjult-ark', {
  beskrivelse: 'arket «ansatte» er skjult (veryHidden)',
  kommando: ['timesats'],
  fjern: ['ansatte.csv'],
  filer: { 'ansatte.xlsx': 'XLSX:skjult-ark' },
  forventet: { fil: 'ansatte.xlsx', kode: 'skjult-ark' },
});
tilfelle('ansatte-xlsx-verdi-utenfor-overskrift', {
  beskrivelse: 'xlsx med en verdi til høyre for siste overskrift',
  kommando: ['timesats'],
  fjern: ['ansatte.csv'],
  filer: { 'ansatte.xlsx': 'XLSX:verdi-utenfor' },
  forventet: { fil: 'ansatte.xlsx', rad: 3, kode: 'for-mange-felt' },
});

async function xlsx(art) {
  if (art === 'tre-desimaler') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('kostnader');
    ws.addRow(['ar', 'kategori', 'belop', 'tekst', 'dato', 'type']);
    ws.addRow([2026, 'Eksterne kostnader', 985000.125, 'Regnskap', null, 'faktisk']);
    return tilBuffer(wb);
  }
  if (art === 'skjult-ark') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ansatte', { state: 'veryHidden' });
    ws.addRow(['navn', 'arslonn']);
    ws.addRow(['Gammel Ansatt', 500000]);
    wb.addWorksheet('Forside').addRow(['Ansatte i Minidal Næringshage']);
    return tilBuffer(wb);
  }
  if (art === 'verdi-utenfor') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ansatte');
    ws.addRow(['navn', 'arslonn']);
    ws.addRow(['Kari Nordmann', 650000]);
    ws.addRow(['Ola Hansen', 390000, null, 'glemt notat']);
    return tilBuffer(wb);
  }
  return xlsxAnsatte(art);
}

async function xlsxAnsatte(art) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('ansatte');
  ws.addRow(['navn', 'arslonn', 'stillingsprosent']);
  ws.addRow(['Kari Nordmann', 650000, 1]).getCell(3).numFmt = '0%';
  if (art === 'formel-uten-verdi') ws.addRow(['Ola Hansen', { formula: 'B2*0.6' }, 0.6]);
  else if (art === 'tekst-i-tall') ws.addRow(['Ola Hansen', 'mye', 0.6]);
  else ws.addRow(['Ola Hansen', { formula: 'B2*0.6', result: 390000 }, 0.6]);
  ws.getCell('C3').numFmt = '0%';
  return tilBuffer(wb);
}

// Én gjenskaping per feilkode i registeret (src/domain/felles/feilkoder.ts).
await feilkodetilfeller({ tilfelle, csv, tilBuffer, A_HODE, T_HODE });

// Gjenskapingene (kode-*) lages bare her: en kode-mappe for et tilfelle som ikke lages lenger (koden er fjernet
// eller omdøpt) slettes, så den ikke blir liggende og feile — eller telle som gjenskaping — i bad-input/feilkoder.
// (Mappene uten kode- er delvis håndlaget og røres ikke.)
const navn = new Set(tilfeller.map((t) => t.navn));
for (const d of readdirSync(BAD))
  if (d.startsWith('kode-') && !navn.has(d)) rmSync(path.join(BAD, d), { recursive: true, force: true });

for (const t of tilfeller) {
  const dir = path.join(BAD, t.navn);
  // melding.txt (den festede feilteksten, skrevet av test/e2e/bad-input.test.ts) beholdes.
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir))
    if (f !== 'melding.txt') rmSync(path.join(dir, f), { recursive: true, force: true });
  for (const [fil, innhold] of Object.entries(t.filer)) {
    const data = typeof innhold === 'string' && innhold.startsWith('XLSX:') ? await xlsx(innhold.slice(5)) : innhold;
    mkdirSync(path.dirname(path.join(dir, fil)), { recursive: true }); // «nh.json/x»: en mappe der en fil skal stå
    writeFileSync(path.join(dir, fil), data);
  }
  const { navn: _navn, filer: _filer, ...json } = t;
  writeFileSync(path.join(dir, 'tilfelle.json'), `${JSON.stringify(json, null, 2)}\n`);
}
console.log(`${tilfeller.length} tilfeller i ${path.relative(ROT, BAD)}`);
