#!/usr/bin/env node
/**
 * Lager demo-arbeidsmappen i fixtures/demo/ for det oppdiktede «Fjellbygda Næringshage AS» (2026):
 * nh.json, ansatte.csv, malbedrifter.csv (Windows-1252, CRLF, uten BOM), timer.csv, tilskudd.csv og
 * kostnader.csv. LESMEG.md skrives for hånd og røres ikke her.
 *
 * Deterministisk: bare Node sine innebygde moduler og en frøsatt PRNG (mulberry32), så filene blir
 * byte for byte like ved hver kjøring. Kjør: node scripts/lag-demo.mjs
 *
 * Regler dataene følger (sjekkes på slutten, skriptet feiler om noe brytes):
 *  - alle orgnr har gyldig MOD11-kontrollsiffer (rest 1 hoppes over)
 *  - timer på målbedrifter bare innenfor [avtalestart, avtaleslutt]
 *  - høyst 7,5 timer per person per dag, kvarters oppløsning, bare hverdager som ikke er helligdager
 *  - ingen helt like timelinjer (nh sjekk melder dem som dobbel eksport)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UT = path.join(ROT, 'fixtures', 'demo');
const BOM = '\uFEFF';
const CRLF = '\r\n';

// ---------------------------------------------------------------------------------------------
// PRNG og hjelpere
// ---------------------------------------------------------------------------------------------

function mulberry32(frø) {
  let a = frø >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20261120);
const heltall = (min, maks) => min + Math.floor(rnd() * (maks - min + 1));
const velg = (liste) => liste[Math.floor(rnd() * liste.length)];
/** Vektet valg: liste av [verdi, vekt]. */
function vektet(par) {
  const sum = par.reduce((s, [, v]) => s + v, 0);
  let r = rnd() * sum;
  for (const [verdi, v] of par) {
    r -= v;
    if (r < 0) return verdi;
  }
  return par[par.length - 1][0];
}

const VEKTER = [3, 2, 7, 6, 5, 4, 3, 2];
function kontrollsiffer(atte) {
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(atte[i]) * VEKTER[i];
  const rest = s % 11;
  if (rest === 0) return 0;
  if (rest === 1) return null;
  return 11 - rest;
}
const erGyldigOrgnr = (o) => /^\d{9}$/.test(o) && kontrollsiffer(o.slice(0, 8)) === Number(o[8]);

const brukteOrgnr = new Set();
/** Ni sifre som starter med 9, gyldig MOD11, unikt i demoen. */
function nyttOrgnr() {
  for (;;) {
    const atte = '9' + String(heltall(0, 9_999_999)).padStart(7, '0');
    const k = kontrollsiffer(atte);
    if (k === null) continue; // rest 1: ingen gyldig kontrollsiffer
    const o = atte + k;
    if (o[1] === '0' || brukteOrgnr.has(o)) continue; // ser mer ut som ekte AS-nummer (9[1-9]…)
    brukteOrgnr.add(o);
    return o;
  }
}

// Datoer som dagnummer (UTC), så aritmetikk er eksakt.
const DAG = 86_400_000;
const dagnr = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAG);
const iso = (n) => new Date(n * DAG).toISOString().slice(0, 10);
const norsk = (n) => {
  const [a, m, d] = iso(n).split('-');
  return `${d}.${m}.${a}`;
};
const ukedag = (n) => new Date(n * DAG).getUTCDay(); // 0 søndag … 6 lørdag
const maaned = (n) => Number(iso(n).slice(5, 7));
/** ISO-ukenummer. */
function uke(n) {
  const d = new Date(n * DAG);
  const dag = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dag + 3);
  const forsteTorsdag = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((d - forsteTorsdag) / DAG - 3 + ((forsteTorsdag.getUTCDay() + 6) % 7)) / 7);
}

/** Tall med mellomrom som tusenskille og eventuelt desimalkomma: 1950000 → «1 950 000». */
function kr(kroner, { desimaler = false } = {}) {
  const ore = Math.round(kroner * 100);
  const hel = Math.floor(ore / 100);
  const rest = ore % 100;
  const tekst = String(hel).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return desimaler || rest !== 0 ? `${tekst},${String(rest).padStart(2, '0')}` : tekst;
}
/** Kvarter → «2,5», «0,25», «3». */
function timerTekst(kvarter) {
  const hel = Math.floor(kvarter / 4);
  const rest = kvarter % 4;
  return rest === 0 ? String(hel) : `${hel},${['', '25', '5', '75'][rest]}`;
}

const ascii = (s) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .replace(/é/g, 'e')
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const CP1252 = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, é: 0xe9, ü: 0xfc };
function tilCp1252(tekst) {
  return Buffer.from(
    [...tekst].map((c) => {
      if (c in CP1252) return CP1252[c];
      const k = c.charCodeAt(0);
      if (k < 0x80) return k;
      throw new Error(`tegnet «${c}» er ikke med i cp1252-tabellen i lag-demo.mjs`);
    }),
  );
}

function csvLinje(felt) {
  for (const f of felt)
    if (/[;"\r\n]/.test(String(f))) throw new Error(`feltet «${f}» må siteres; unngå ; og " i demodata`);
  return felt.join(';');
}

// ---------------------------------------------------------------------------------------------
// nh.json
// ---------------------------------------------------------------------------------------------

/** Fiktivt bankkontonummer (bank, kontotype, løpenummer) med MOD11-kontrollsiffer (vekter 5,4,3,2,7,6,5,4,3,2). */
function kontonummer(bank, type, lop) {
  for (let n = Number(lop); ; n++) {
    const ti = `${bank}${type}${String(n).padStart(5, '0')}`.slice(0, 10);
    const sum = [...ti].reduce((s, d, i) => s + Number(d) * [5, 4, 3, 2, 7, 6, 5, 4, 3, 2][i], 0);
    const k = sum % 11 === 0 ? 0 : 11 - (sum % 11);
    if (k !== 10) return `${ti}${k}`;
  }
}

const hageOrgnr = nyttOrgnr();
const config = {
  versjon: 1,
  naeringshage: { navn: 'Fjellbygda Næringshage AS', orgnr: hageOrgnr },
  ar: 2026,
  markedsprisPerTime: 1250,
  stotteintensitet: 75,
  mvaSats: 25,
  arbeidsgiveravgiftSats: 10.6,
  andreSosialeKostnaderProsent: 14,
  indirekteKostnaderPerAr: 640000,
  timerPerArsverk: 1695,
  eurNok: { kurs: 11.6035, dato: '2025-12-31', kilde: 'Norges Bank, valutakurs EUR 31.12.2025' },
  adminKoder: ['ADM'],
  kolonner: {},
  ignorerKolonner: {},
  // nh faktura: nummerserie, KID, selger (fiktiv adresse og konto med gyldig MOD11), begge importfilene og EHF.
  faktura: {
    forfallsdager: 14,
    nummerserie: { forste: 26001 },
    kid: { metode: 'MOD10', lengde: 7 },
    selger: {
      adresse: 'Fjellvegen 1',
      postnr: '2680',
      poststed: 'VÅGÅ',
      kontonummer: kontonummer('1503', '12', '3456'),
      epost: 'faktura@fjellbygda-naeringshage.no',
      telefon: '61 23 45 00',
    },
    regnskapssystem: ['tripletex', 'poweroffice'],
    ehf: true,
  },
};

// ---------------------------------------------------------------------------------------------
// Ansatte
// ---------------------------------------------------------------------------------------------

/**
 * pAdm: andel av registreringene som går til administrasjon; rader: gjennomsnittlig antall
 * registreringer per arbeidsdag; fag: tjenesten personen oftest leverer.
 * ferie: ISO-uker borte (sommer + én uke vinter/høst); dager: ukedager personen jobber (1 = mandag).
 */
const ANSATTE = [
  {
    navn: 'Ingrid Fjellheim',
    rolle: 'daglig leder',
    arslonn: 985000,
    stilling: '',
    markedspris: '',
    admPlan: 350,
    pAdm: 0.54,
    rader: 2.5,
    fag: 'Forretningsutvikling',
    ferie: [28, 29, 30, 41],
    dager: [1, 2, 3, 4, 5],
  },
  {
    navn: 'Per Olav Bakken',
    rolle: 'seniorrådgiver',
    arslonn: 720000,
    stilling: '',
    markedspris: '1 400',
    admPlan: 80,
    pAdm: 0.12,
    rader: 2.9,
    fag: 'Forretningsutvikling',
    ferie: [27, 28, 29, 8],
    dager: [1, 2, 3, 4, 5],
  },
  {
    navn: 'Sunniva Haugland',
    rolle: 'rådgiver',
    arslonn: 640000,
    stilling: '',
    markedspris: '',
    admPlan: 90,
    pAdm: 0.14,
    rader: 2.7,
    fag: 'Markedsrådgivning',
    ferie: [29, 30, 31, 9],
    dager: [1, 2, 3, 4, 5],
  },
  {
    navn: 'Tor Einar Lie',
    rolle: 'rådgiver (60 %)',
    arslonn: 381000,
    stilling: '60',
    markedspris: '',
    admPlan: 40,
    pAdm: 0.15,
    rader: 2.8,
    fag: 'Forretningsutvikling',
    ferie: [28, 29, 30],
    dager: [1, 2, 3],
  },
  {
    navn: 'Marte Sørbø',
    rolle: 'kommunikasjonsrådgiver',
    arslonn: 560000,
    stilling: '',
    markedspris: '',
    admPlan: 260,
    pAdm: 0.6,
    rader: 2.4,
    fag: 'Markedsrådgivning',
    ferie: [27, 28, 29, 42],
    dager: [1, 2, 3, 4, 5],
  },
  {
    navn: 'Jonas Rønningen',
    rolle: 'rådgiver digitalisering',
    arslonn: 590000,
    stilling: '',
    markedspris: '',
    admPlan: 80,
    pAdm: 0.13,
    rader: 2.8,
    fag: 'Digitalisering',
    ferie: [29, 30, 31, 40],
    dager: [1, 2, 3, 4, 5],
  },
  {
    navn: 'Eirik Moen',
    rolle: 'rådgiver bærekraft',
    arslonn: 610000,
    stilling: '',
    markedspris: '',
    admPlan: 90,
    pAdm: 0.15,
    rader: 2.7,
    fag: 'Bærekraft',
    ferie: [28, 29, 30, 9],
    dager: [1, 2, 3, 4, 5],
  },
];
const ansatt = Object.fromEntries(ANSATTE.map((a) => [a.navn, a]));
const RAADGIVERE = ['Per Olav Bakken', 'Sunniva Haugland', 'Tor Einar Lie', 'Jonas Rønningen', 'Eirik Moen'];

// ---------------------------------------------------------------------------------------------
// Målbedrifter (navn, daglig leder, avtale). Orgnr trekkes av PRNG.
// ---------------------------------------------------------------------------------------------

/** [navn, daglig leder, start, slutt ('' = løpende), støtteintensitet, markedspris, fokus, hovedrådgiver] */
const MB = [
  ['Bærekraftige Bønder AS', 'Kari Bøe', '15.01.2024', '15.01.2026', '', '', 'Bærekraft', 'Eirik Moen'],
  [
    'Åsen Sag & Høvleri AS',
    'Bjørn Åsen',
    '02.04.2024',
    '31.03.2026',
    '50',
    '',
    'Forretningsutvikling',
    'Per Olav Bakken',
  ],
  [
    'Fjellvåken Reiseliv AS',
    'Solveig Fjellvåg',
    '03.06.2024',
    '30.06.2026',
    '',
    '',
    'Markedsrådgivning',
    'Sunniva Haugland',
  ],
  [
    'Glømmen Gårdsysteri AS',
    'Håkon Glømmen',
    '02.09.2024',
    '31.08.2026',
    '',
    '',
    'Forretningsutvikling',
    'Tor Einar Lie',
  ],
  ['Høgfjellet Hytteservice AS', 'Randi Høgli', '01.11.2024', '', '', '', 'Digitalisering', 'Jonas Rønningen'],
  [
    'Sætervangen Gårdsmat AS',
    'Tone Sætre',
    '13.01.2025',
    '31.12.2026',
    '',
    '',
    'Markedsrådgivning',
    'Sunniva Haugland',
  ],
  ['Bjørkli Elektro AS', 'Øyvind Bjørkli', '03.03.2025', '30.09.2026', '60', '', 'Digitalisering', 'Jonas Rønningen'],
  ['Lysbekk Kraft AS', 'Gunnar Lysbekk', '05.05.2025', '30.04.2026', '50', '1 350', 'Bærekraft', 'Eirik Moen'],
  [
    'Kvernhuset Bakeri AS',
    'Åse Kvernmo',
    '16.06.2025',
    '31.12.2026',
    '',
    '',
    'Forretningsutvikling',
    'Per Olav Bakken',
  ],
  [
    'Tindeglimt Design AS',
    'Maren Tindlund',
    '18.08.2025',
    '31.07.2027',
    '',
    '',
    'Markedsrådgivning',
    'Sunniva Haugland',
  ],
  ['Nordli Tømmermenn AS', 'Arne Nordli', '01.09.2025', '', '', '', 'Forretningsutvikling', 'Tor Einar Lie'],
  [
    'Fjellbygda Smie AS',
    'Jørgen Smedsrud',
    '06.10.2025',
    '15.10.2026',
    '',
    '',
    'Forretningsutvikling',
    'Per Olav Bakken',
  ],
  [
    'Elvekanten Overnatting AS',
    'Liv Elvestad',
    '03.11.2025',
    '31.10.2026',
    '',
    '',
    'Digitalisering',
    'Jonas Rønningen',
  ],
  ['Grønnåsen Økogård AS', 'Pål Grønnås', '17.11.2025', '30.11.2026', '', '', 'Bærekraft', 'Eirik Moen'],
  ['Tjernli Fiskeoppdrett AS', 'Sigrid Tjernli', '01.12.2025', '30.06.2027', '60', '', 'Bærekraft', 'Eirik Moen'],
  ['Vårsøg Helse og Trening AS', 'Ingeborg Vårsøg', '15.12.2025', '', '', '', 'Markedsrådgivning', 'Sunniva Haugland'],
  ['Fossheim Bryggeri AS', 'Knut Fossheim', '05.01.2026', '31.12.2026', '', '', 'Markedsrådgivning', 'Per Olav Bakken'],
  ['Bøgard Villsau AS', 'Astrid Bøgard', '19.01.2026', '31.07.2026', '', '', 'Forretningsutvikling', 'Tor Einar Lie'],
  ['Snøfonna Skiskole AS', 'Mats Snøfjell', '02.02.2026', '31.01.2027', '', '', 'Digitalisering', 'Jonas Rønningen'],
  ['Lia Mekaniske Verksted AS', 'Terje Lia', '02.03.2026', '', '50', '', 'Forretningsutvikling', 'Per Olav Bakken'],
  [
    'Kløverenga Honning AS',
    'Hanne Kløvstad',
    '16.03.2026',
    '15.09.2026',
    '',
    '',
    'Markedsrådgivning',
    'Sunniva Haugland',
  ],
  ['Skogsvåg Tre og Design AS', 'Erlend Skogsvåg', '07.04.2026', '31.03.2027', '', '', 'Bærekraft', 'Eirik Moen'],
  [
    'Fjellbris Kafé og Bakeri AS',
    'Nora Fjellbris',
    '04.05.2026',
    '30.04.2027',
    '',
    '1 100',
    'Markedsrådgivning',
    'Sunniva Haugland',
  ],
  [
    'Ødegård Landbruksservice AS',
    'Ståle Ødegård',
    '01.06.2026',
    '31.12.2027',
    '',
    '',
    'Digitalisering',
    'Jonas Rønningen',
  ],
  ['Storåsen Camping AS', 'Berit Storåsen', '22.06.2026', '', '', '', 'Digitalisering', 'Tor Einar Lie'],
  ['Hamrebakken Fjøsmat AS', 'Ola Hamre', '03.08.2026', '31.07.2027', '', '', 'Bærekraft', 'Eirik Moen'],
  ['Blåtind Guideservice AS', 'Vegard Blåtind', '13.07.2026', '', '', '', 'Markedsrådgivning', 'Per Olav Bakken'],
  ['Rønnaug Strikk og Ull AS', 'Rønnaug Holm', '01.09.2026', '31.08.2027', '', '', 'Digitalisering', 'Jonas Rønningen'],
  [
    'Haugsæter Regnskap AS',
    'Lene Haugsæter',
    '05.10.2026',
    '31.12.2027',
    '',
    '',
    'Forretningsutvikling',
    'Tor Einar Lie',
  ],
  ['Engebråten Solenergi AS', 'Martin Engebråten', '02.11.2026', '31.10.2027', '', '', 'Bærekraft', 'Eirik Moen'],
  [
    'Mjølkerampa Matutsalg AS',
    'Kristin Mjølkerud',
    '16.11.2026',
    '',
    '',
    '',
    'Forretningsutvikling',
    'Sunniva Haugland',
  ],
  [
    'Fjellstua Kjøkken og Selskap AS',
    'Geir Fjellstad',
    '01.12.2026',
    '30.11.2027',
    '',
    '',
    'Markedsrådgivning',
    'Per Olav Bakken',
  ],
];

const fraNorsk = (s) => {
  const [d, m, a] = s.split('.');
  return dagnr(`${a}-${m}-${d}`);
};

const malbedrifter = MB.map(([navn, leder, start, slutt, stotte, pris, fokus, hoved]) => {
  const fornavn = ascii(leder.split(' ')[0]);
  const domene = ascii(navn.replace(/ AS$/, ''));
  // Sekundærrådgiver: daglig leder eller kommunikasjon for noen, ellers en annen rådgiver.
  const andre = RAADGIVERE.filter((r) => r !== hoved);
  const sekundaer = vektet([
    [velg(andre), 6],
    ['Ingrid Fjellheim', 3],
    ['Marte Sørbø', 3],
  ]);
  return {
    orgnr: nyttOrgnr(),
    navn,
    dagligLeder: leder,
    epost: `${fornavn}@${domene}.no`,
    domene,
    startTekst: start,
    sluttTekst: slutt,
    start: fraNorsk(start),
    slutt: slutt === '' ? Infinity : fraNorsk(slutt),
    stotte,
    pris,
    fokus,
    hoved,
    sekundaer,
    intensitet: 0.6 + rnd(), // hvor mye oppfølging bedriften får
  };
});

// ---------------------------------------------------------------------------------------------
// Kalender 2026: hverdager 01.01–20.11 uten helligdager
// ---------------------------------------------------------------------------------------------

const FRA = dagnr('2026-01-01');
const TIL = dagnr('2026-11-20');
// Påskedag 2026 er 5. april.
const HELLIGDAGER = new Set(
  ['2026-01-01', '2026-04-02', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25'].map(dagnr),
);
const arbeidsdager = [];
for (let d = FRA; d <= TIL; d++) if (ukedag(d) >= 1 && ukedag(d) <= 5 && !HELLIGDAGER.has(d)) arbeidsdager.push(d);

/** Fravær utenom ferie (sykdom, avspasering), trukket én gang per person og dag. */
const fravaer = new Set();
for (const a of ANSATTE) for (const d of arbeidsdager) if (rnd() < 0.035) fravaer.add(`${a.navn}|${d}`);

const jobber = (a, d) => a.dager.includes(ukedag(d)) && !a.ferie.includes(uke(d)) && !fravaer.has(`${a.navn}|${d}`);

// ---------------------------------------------------------------------------------------------
// Faste hendelser (administrasjon): samlinger, messer, studietur, kurs
// ---------------------------------------------------------------------------------------------

/** [fra, til, deltakere, aktivitet, beskrivelse, kvarter per dag] */
const HENDELSER = [
  [
    '2026-02-10',
    '2026-02-10',
    ['Ingrid Fjellheim', 'Sunniva Haugland', 'Jonas Rønningen'],
    'Kompetanseheving for ansatte',
    'Kurs i prosessveiledning',
    26,
  ],
  [
    '2026-03-10',
    '2026-03-11',
    ['Ingrid Fjellheim', 'Per Olav Bakken'],
    'Messer og konferanser',
    'Siva-samling for næringshagene',
    30,
  ],
  [
    '2026-04-28',
    '2026-04-28',
    ['Eirik Moen', 'Sunniva Haugland'],
    'Kompetanseheving for ansatte',
    'Kurs i bærekraftsrapportering',
    24,
  ],
  ['2026-06-12', '2026-06-12', ['Marte Sørbø', 'Eirik Moen'], 'Messer og konferanser', 'Stand på Landbruksmessa', 30],
  [
    '2026-09-15',
    '2026-09-17',
    ['Ingrid Fjellheim', 'Eirik Moen', 'Jonas Rønningen'],
    'Studieturer',
    'Studietur til kunnskapsmiljø i matinnovasjon',
    30,
  ],
  [
    '2026-10-21',
    '2026-10-22',
    ['Ingrid Fjellheim', 'Marte Sørbø', 'Sunniva Haugland'],
    'Messer og konferanser',
    'Næringshagekonferansen',
    28,
  ],
  [
    '2026-11-04',
    '2026-11-04',
    ['Per Olav Bakken', 'Marte Sørbø'],
    'Kompetanseheving for ansatte',
    'Webinar om digital markedsføring',
    12,
  ],
];
const hendelse = new Map();
for (const [fra, til, hvem, akt, besk, kv] of HENDELSER) {
  for (let d = dagnr(fra); d <= dagnr(til); d++) for (const n of hvem) hendelse.set(`${n}|${d}`, { akt, besk, kv });
}

// ---------------------------------------------------------------------------------------------
// Tekster
// ---------------------------------------------------------------------------------------------

const ADM_AKTIVITETER = [
  'Prosjektledelse',
  'Profilering og markedsføring',
  'Messer og konferanser',
  'Rekruttering av nye bedrifter',
  'Studieturer',
  'Kompetanseheving for ansatte',
  'Rapporteringsforpliktelser',
];
const ADM_TEKST = {
  Prosjektledelse: [
    'Teammøte',
    'Ukeplanlegging',
    'Oppfølging av målbedriftsavtaler',
    'Forberedelse til styremøte',
    'Styremøte',
    'Møte i arbeidsgruppe for reiseliv',
    'Møte med kommunen',
  ],
  'Profilering og markedsføring': [
    'Nyhetsbrev',
    'Oppdatering av nettsiden',
    'Innlegg i sosiale medier',
    'Artikkel i lokalavisa',
    'Bildeserie om målbedrifter',
    'Ny brosjyre',
  ],
  'Messer og konferanser': ['Forberedelse til messe', 'Påmelding og program', 'Etterarbeid etter konferanse'],
  'Rekruttering av nye bedrifter': [
    'Møte med aktuell målbedrift',
    'Mobiliseringsmøte',
    'Samtale med næringskonsulent i kommunen',
    'Bedriftsbesøk, mulig ny målbedrift',
    'Kartleggingssamtale før avtale',
  ],
  Studieturer: ['Planlegging av studietur', 'Program og påmelding studietur', 'Oppsummering av studietur'],
  'Kompetanseheving for ansatte': ['Webinar', 'Faglig påfyll, selvstudium', 'Erfaringsdeling i teamet'],
  Rapporteringsforpliktelser: [
    'Timelister og månedsrapport',
    'Rapportering i Sivas system',
    'Oppfølging av støtteregister',
  ],
};
/** Sesongtekster for rapportering. */
function rapportTekst(d) {
  const m = maaned(d);
  if (m <= 2)
    return velg(['Årsrapport 2025', 'Timelister 2025 til revisor', 'Årsrapport 2025', 'Rapportering i Sivas system']);
  if (m === 8 || m === 9) return velg(['Halvårsrapport', 'Rapportering i Sivas system', 'Timelister og månedsrapport']);
  if (m >= 10)
    return velg([
      'Budsjett 2027 for administrasjon og gjennomføring',
      'Timesats 2027',
      'Rapportering i Sivas system',
      'Timelister og månedsrapport',
    ]);
  return velg(ADM_TEKST.Rapporteringsforpliktelser);
}

/** Vekter for administrasjonsaktivitet per person og måned. */
function admAktivitet(a, d) {
  const m = maaned(d);
  const v = {
    Prosjektledelse: 4,
    'Profilering og markedsføring': 1,
    'Messer og konferanser': 0.3,
    'Rekruttering av nye bedrifter': 1.5,
    Studieturer: m >= 5 && m <= 9 ? 0.4 : 0.05,
    'Kompetanseheving for ansatte': 0.8,
    Rapporteringsforpliktelser: m <= 2 ? 4 : m >= 10 ? 2.5 : 1,
  };
  if (a.navn === 'Ingrid Fjellheim') {
    v.Prosjektledelse = 6;
    v.Rapporteringsforpliktelser *= 1.8;
    v['Rekruttering av nye bedrifter'] = 2.5;
  }
  if (a.navn === 'Marte Sørbø') {
    v['Profilering og markedsføring'] = 8;
    v['Messer og konferanser'] = m === 5 || m === 6 || m === 9 || m === 10 ? 2 : 0.6;
    v.Prosjektledelse = 1.5;
    v.Rapporteringsforpliktelser = 0.3;
  }
  if (RAADGIVERE.includes(a.navn)) {
    v.Prosjektledelse = 2;
    v['Profilering og markedsføring'] = 0.5;
    v.Rapporteringsforpliktelser *= 0.6;
    v['Kompetanseheving for ansatte'] = 1.2;
  }
  return vektet(Object.entries(v));
}

const TJENESTER = ['Forretningsutvikling', 'Markedsrådgivning', 'Digitalisering', 'Bærekraft'];
const MB_AKTIVITETER = [
  ['Rådgivning', 10],
  ['Oppfølgingsmøte', 4],
  ['Workshop', 2],
  ['Bedriftsbesøk', 2],
  ['Forarbeid', 2],
  ['Kartlegging', 1],
];
const MB_TEKST = {
  Forretningsutvikling: [
    'Gjennomgang av forretningsmodell',
    'Budsjett og likviditetsplan',
    'Forberedelse til bankmøte',
    'Søknad til Innovasjon Norge',
    'Strategisamling med styret',
    'Prising og kalkyle',
    'Handlingsplan for neste halvår',
    'Eierstrategi og organisering',
  ],
  Markedsrådgivning: [
    'Markedsplan',
    'Prisstrategi',
    'Kundeundersøkelse',
    'Innhold til nettbutikk',
    'Profil og logo',
    'Salgsmøte-trening',
    'Plan for sosiale medier',
  ],
  Digitalisering: [
    'Valg av regnskapssystem',
    'Oppsett av nettbutikk',
    'Digital booking',
    'Kartlegging av arbeidsprosesser',
    'Opplæring i nytt fagsystem',
    'Datasikkerhet og rutiner',
  ],
  Bærekraft: [
    'Klimaregnskap',
    'Miljøfyrtårn-sertifisering',
    'Bærekraftsrapport',
    'Energikartlegging',
    'Sirkulære verdikjeder',
    'Søknad om Enova-støtte',
  ],
};

// ---------------------------------------------------------------------------------------------
// Timelister
// ---------------------------------------------------------------------------------------------

/** Alle registreringer; nøkkel for sammenslåing av helt like linjer. */
const rader = [];
const indeks = new Map();
const perDag = new Map(); // navn|dag → kvarter
const MAKS_DAG = 30; // 7,5 t

function ledig(navn, d) {
  return MAKS_DAG - (perDag.get(`${navn}|${d}`) ?? 0);
}
function registrer(navn, d, mb, kvarter, aktivitet, tjeneste, beskrivelse) {
  kvarter = Math.min(kvarter, ledig(navn, d));
  if (kvarter <= 0) return 0;
  if (mb !== 'ADM') {
    const m = malbedrifter.find((x) => x.orgnr === mb);
    if (d < m.start || d > m.slutt) throw new Error(`intern feil: ${m.navn} utenfor avtalen ${iso(d)}`);
  }
  const nokkel = [navn, d, mb, aktivitet, tjeneste, beskrivelse].join('|');
  const finnes = indeks.get(nokkel);
  if (finnes) finnes.kvarter += kvarter;
  else {
    const r = { navn, d, mb, kvarter, aktivitet, tjeneste, beskrivelse, nr: rader.length };
    rader.push(r);
    indeks.set(nokkel, r);
  }
  perDag.set(`${navn}|${d}`, (perDag.get(`${navn}|${d}`) ?? 0) + kvarter);
  return kvarter;
}

const aktive = (d) => malbedrifter.filter((m) => d >= m.start && d <= m.slutt);

function velgMalbedrift(a, d) {
  const kandidater = aktive(d);
  if (kandidater.length === 0) return null;
  return vektet(
    kandidater.map((m) => {
      let v = m.hoved === a.navn ? 1 : m.sekundaer === a.navn ? 0.3 : 0.025;
      // Mer tid i oppstarten av en avtale.
      if (d - m.start < 45) v *= 1.6;
      return [m, v * m.intensitet];
    }),
  );
}

function tjenesteFor(a, m) {
  return vektet([
    [a.fag, 4],
    [m.fokus, 4],
    [velg(TJENESTER), 2],
  ]);
}

function mbRad(a, d, m, kvarter, aktivitet = vektet(MB_AKTIVITETER), tekst) {
  const tjeneste = tjenesteFor(a, m);
  return registrer(a.navn, d, m.orgnr, kvarter, aktivitet, tjeneste, tekst ?? velg(MB_TEKST[tjeneste]));
}

/** Lengde på en registrering i kvarter (0,25–3 t, flest mellom 0,5 og 2 t). */
const lengde = () =>
  vektet([
    [1, 5],
    [2, 11],
    [3, 7],
    [4, 9],
    [5, 3],
    [6, 5],
    [8, 2],
    [10, 1],
    [12, 1],
  ]);

// 1) Oppstarts- og sluttmøter med hovedrådgiver.
function nesteArbeidsdag(navn, d, retning) {
  for (let x = d; x >= FRA && x <= TIL; x += retning) if (arbeidsdager.includes(x) && jobber(ansatt[navn], x)) return x;
  return null;
}
for (const m of malbedrifter) {
  if (m.start >= FRA && m.start <= TIL) {
    const d = nesteArbeidsdag(m.hoved, m.start, 1);
    if (d !== null && d <= m.slutt)
      mbRad(ansatt[m.hoved], d, m, 8, 'Oppstartsmøte', 'Oppstartsmøte målbedriftsavtale, kartlegging av behov');
  }
  if (m.slutt >= FRA && m.slutt <= TIL) {
    const d = nesteArbeidsdag(m.hoved, m.slutt, -1);
    if (d !== null && d >= m.start)
      mbRad(ansatt[m.hoved], d, m, 6, 'Sluttmøte', 'Avslutning av målbedriftsavtalen og evaluering');
  }
}

// 2) Hendelser og vanlige dager.
for (const d of arbeidsdager) {
  for (const a of ANSATTE) {
    if (!jobber(a, d)) continue;
    const h = hendelse.get(`${a.navn}|${d}`);
    if (h) {
      registrer(a.navn, d, 'ADM', h.kv, h.akt, '', h.besk);
      continue;
    }
    // Antall registreringer: Poisson-aktig rundt a.rader, minst 0.
    let n = 0;
    for (let i = 0; i < 6; i++) if (rnd() < a.rader / 6) n++;
    for (let i = 0; i < n; i++) {
      const kv = lengde();
      const adm = rnd() < a.pAdm;
      if (!adm) {
        const m = velgMalbedrift(a, d);
        if (m) {
          mbRad(a, d, m, kv);
          continue;
        }
      }
      const akt = admAktivitet(a, d);
      const tekst = akt === 'Rapporteringsforpliktelser' ? rapportTekst(d) : velg(ADM_TEKST[akt]);
      registrer(a.navn, d, 'ADM', kv, akt, '', tekst);
    }
  }
}

// 3) Hver aktiv målbedrift får timer hver måned den har avtaledager i perioden.
for (let mnd = 1; mnd <= 11; mnd++) {
  for (const m of malbedrifter) {
    const dager = arbeidsdager.filter((d) => maaned(d) === mnd && d >= m.start && d <= m.slutt);
    if (dager.length === 0) continue;
    if (rader.some((r) => r.mb === m.orgnr && maaned(r.d) === mnd)) continue;
    let lagt = false;
    for (const navn of [m.hoved, m.sekundaer, ...RAADGIVERE]) {
      const mulige = dager.filter(
        (d) => jobber(ansatt[navn], d) && !hendelse.has(`${navn}|${d}`) && ledig(navn, d) >= 4,
      );
      if (mulige.length === 0) continue;
      mbRad(ansatt[navn], velg(mulige), m, velg([4, 6, 6, 8]), 'Oppfølgingsmøte', 'Månedlig oppfølging');
      lagt = true;
      break;
    }
    if (!lagt) throw new Error(`fant ingen dag for ${m.navn} i måned ${mnd}`);
  }
}

rader.sort((x, y) => x.d - y.d || ANSATTE.indexOf(ansatt[x.navn]) - ANSATTE.indexOf(ansatt[y.navn]) || x.nr - y.nr);

// ---------------------------------------------------------------------------------------------
// Kontroller før skriving
// ---------------------------------------------------------------------------------------------

for (const o of brukteOrgnr) if (!erGyldigOrgnr(o)) throw new Error(`ugyldig orgnr ${o}`);
for (const [k, kv] of perDag) if (kv > MAKS_DAG) throw new Error(`over 7,5 t: ${k}`);
for (const r of rader) {
  if (r.kvarter < 1 || r.kvarter > MAKS_DAG) throw new Error(`ugyldig lengde ${r.kvarter}`);
  if (r.mb === 'ADM' && !ADM_AKTIVITETER.includes(r.aktivitet)) throw new Error(`ukjent aktivitet ${r.aktivitet}`);
}
if (rader.length < 3200) throw new Error(`for få timerader: ${rader.length}`);

// ---------------------------------------------------------------------------------------------
// Tilskudd og kostnader
// ---------------------------------------------------------------------------------------------

const TILSKUDD = [
  ['2026', 'innovasjon', 'Siva', kr(1950000), '15.01.2026'],
  [
    '2026',
    'innovasjon',
    'Fylkeskommunen, regionale utviklingsmidler',
    kr(400000, { desimaler: true }).replace(/ /g, ''),
    '02.03.2026',
  ],
  ['2026', 'administrasjon', 'Siva', kr(720000), '15.01.2026'],
  ['2026', 'overfort', 'Ubrukte innovasjonsmidler fra 2025', kr(185000), '01.01.2026'],
  ['2027', 'administrasjon', 'Siva (forventet tildeling)', kr(740000), ''],
];

/** [dato, kategori, beløp, tekst] – faktiske kostnader 2026 (eks. mva). */
const FAKTISKE = [
  [
    '20.01.2026',
    'Direkte kostnader for samlinger i regi av næringshagen',
    3450,
    'Frokostmøte for målbedrifter, servering',
  ],
  ['30.01.2026', 'Eksterne kostnader', 9600, 'Lisens prosjekt- og timeføringssystem 2026'],
  ['16.02.2026', 'Eksterne kostnader', 14500, 'Revisorattestasjon av timelister 2025'],
  ['12.02.2026', 'Deltakelse på kompetansehevende tiltak', 6900, 'Kursavgift prosessveiledning, tre deltakere'],
  ['27.02.2026', 'Eksterne kostnader til profilering', 7500, 'Fotograf, bilder av målbedrifter til nettsiden'],
  ['13.03.2026', 'Deltakelse på samlinger', 9640, 'Siva-samling, reise og opphold for to'],
  ['25.03.2026', 'Rekruttering og mobilisering av bedrifter', 2500, 'Mobiliseringsmøte i grendehuset, leie av lokale'],
  ['17.04.2026', 'Eksterne kostnader til profilering', 12500, 'Webbyrå, ny nettside for næringshagen'],
  ['30.04.2026', 'Deltakelse på kompetansehevende tiltak', 6400, 'Kurs i bærekraftsrapportering'],
  [
    '12.05.2026',
    'Direkte kostnader for samlinger i regi av næringshagen',
    8000,
    'Foredragsholder på nettverkssamling om bærekraft',
  ],
  ['12.05.2026', 'Direkte kostnader for samlinger i regi av næringshagen', 4850.5, 'Nettverkssamling, servering'],
  ['05.06.2026', 'Eksterne kostnader til profilering', 6900, 'Roll-up og brosjyrer til Landbruksmessa'],
  ['15.06.2026', 'Rekruttering og mobilisering av bedrifter', 4500, 'Standplass på Landbruksmessa'],
  ['19.06.2026', 'Direkte kostnader for samlinger i regi av næringshagen', 6200, 'Sommeravslutning for nettverket'],
  ['10.08.2026', 'Eksterne kostnader til profilering', 6800, 'Annonse i Fjellbygda Avis, rekruttering av målbedrifter'],
  ['28.08.2026', 'Rekruttering og mobilisering av bedrifter', 3864, 'Kjøregodtgjørelse, bedriftsbesøk august'],
  ['21.09.2026', 'Deltakelse på kompetansehevende tiltak', 11200, 'Studietur, reise og opphold for tre'],
  ['30.09.2026', 'Eksterne kostnader', 4375, 'Juridisk bistand, mal for målbedriftsavtale'],
  ['06.10.2026', 'Eksterne kostnader til profilering', 4000, 'Annonsering i sosiale medier, høstkampanje'],
  [
    '14.10.2026',
    'Direkte kostnader for samlinger i regi av næringshagen',
    5120,
    'Frokostmøte om digitalisering, servering',
  ],
  ['23.10.2026', 'Deltakelse på samlinger', 7350, 'Næringshagekonferansen, deltakeravgift for tre'],
  ['23.10.2026', 'Deltakelse på samlinger', 8430, 'Næringshagekonferansen, reise og hotell'],
  ['30.10.2026', 'Rekruttering og mobilisering av bedrifter', 1950, 'Informasjonsmøte i kommunestyresalen, servering'],
  ['05.11.2026', 'Deltakelse på kompetansehevende tiltak', 1490, 'Webinar om digital markedsføring'],
  [
    '13.11.2026',
    'Rekruttering og mobilisering av bedrifter',
    2812.5,
    'Kjøregodtgjørelse, bedriftsbesøk oktober og november',
  ],
];
/** [kategori, beløp, tekst] – budsjett 2027. */
const BUDSJETT = [
  ['Eksterne kostnader', 30000, 'Revisorattestasjon og lisenser'],
  ['Eksterne kostnader til profilering', 25000, 'Nettside, annonser og trykksaker'],
  ['Direkte kostnader for samlinger i regi av næringshagen', 30000, 'Fire nettverkssamlinger og frokostmøter'],
  ['Deltakelse på samlinger', 12000, 'Siva-samling vår'],
  ['Deltakelse på samlinger', 16000, 'Næringshagekonferansen'],
  ['Deltakelse på kompetansehevende tiltak', 20000, 'Kurs og studietur for ansatte'],
  ['Rekruttering og mobilisering av bedrifter', 12000, 'Mobiliseringsmøter og bedriftsbesøk'],
  ['Rekruttering og mobilisering av bedrifter', 5000, 'Stand på Landbruksmessa'],
];

// ---------------------------------------------------------------------------------------------
// Skriv filene
// ---------------------------------------------------------------------------------------------

mkdirSync(UT, { recursive: true });
const skrivUtf8Csv = (fil, hode, linjer) =>
  writeFileSync(path.join(UT, fil), BOM + [hode, ...linjer.map(csvLinje)].join(CRLF) + CRLF);

writeFileSync(path.join(UT, 'nh.json'), JSON.stringify(config, null, 2) + '\n');

// Issue 19 pkt. 5: ansatte og malbedrifter har overskriftene nh init skriver («Årslønn», «Stilling %»), slik en
// administrator fyller dem ut; timer, tilskudd og kostnader har nøklene, som en eksport fra et annet system. nh leser
// begge former med samme leser.
skrivUtf8Csv(
  'ansatte.csv',
  'Navn;Årslønn;Stilling %;Sosiale kostnader %;Indirekte kostnader;Markedspris per time;Planlagte adm.-timer',
  ANSATTE.map((a) => [a.navn, kr(a.arslonn), a.stilling, '', '', a.markedspris, String(a.admPlan)]),
);

// Rapporteringsattributter for måltallene i programveileder 11.2 (nh årsrapport). Regnes uten PRNG, så
// orgnr og timelister blir de samme som før kolonnene kom til.
const KVINNELIGE_LEDERE = new Set([
  'Kari',
  'Solveig',
  'Randi',
  'Tone',
  'Åse',
  'Maren',
  'Liv',
  'Sigrid',
  'Ingeborg',
  'Astrid',
  'Hanne',
  'Nora',
  'Berit',
  'Rønnaug',
  'Lene',
  'Kristin',
]);
const EKSPORT = new Set([
  'Glømmen Gårdsysteri AS',
  'Tjernli Fiskeoppdrett AS',
  'Tindeglimt Design AS',
  'Rønnaug Strikk og Ull AS',
  'Åsen Sag & Høvleri AS',
]);
const UTENLANDSKE_KUNDER = new Set([
  'Fjellvåken Reiseliv AS',
  'Snøfonna Skiskole AS',
  'Storåsen Camping AS',
  'Blåtind Guideservice AS',
  'Høgfjellet Hytteservice AS',
]);
const TAKSONOMI = {
  'Lysbekk Kraft AS': '1',
  'Engebråten Solenergi AS': '1,2',
  'Tjernli Fiskeoppdrett AS': '3,6',
  'Grønnåsen Økogård AS': '4,6',
  'Bærekraftige Bønder AS': '6',
  'Skogsvåg Tre og Design AS': '4',
  'Hamrebakken Fjøsmat AS': '4',
  'Åsen Sag & Høvleri AS': '4',
};
const RAADGIVNING_FRA_ANDRE = new Set(['Tjernli Fiskeoppdrett AS', 'Engebråten Solenergi AS']);
const OGSA_TATT_OPP = new Set(['Tjernli Fiskeoppdrett AS']);
const jn = (b) => (b ? 'ja' : 'nei');
function attributter(m, i) {
  const kvinneligLeder = KVINNELIGE_LEDERE.has(m.dagligLeder.split(' ')[0]);
  return [
    jn(kvinneligLeder || i % 7 === 3), // kvinneligGrunder
    jn(kvinneligLeder), // kvinneligDagligLeder
    jn(i % 5 === 2), // kvinneligStyreleder
    jn(m.fokus === 'Bærekraft' || i % 6 === 1), // baerekraftSentralt
    TAKSONOMI[m.navn] ?? '', // taksonomiMiljomal
    jn(m.fokus === 'Digitalisering'), // digitaliseringSentralt
    jn(EKSPORT.has(m.navn)), // eksport
    jn(UTENLANDSKE_KUNDER.has(m.navn)), // internasjonaltMarked (eksport teller også, se docs/aarsrapport.md)
    jn(i % 3 !== 1), // bistattVirkemidler
    jn(RAADGIVNING_FRA_ANDRE.has(m.navn)), // radgivningFraAndre
    jn(OGSA_TATT_OPP.has(m.navn)), // ogsaTattOppHosAndre
  ];
}

/** Fiktiv fakturaadresse og referanse (nh faktura, EHF): gate, postnr, poststed, e-post, deres ref, kundenummer. */
const STEDER = [
  ['2680', 'VÅGÅ'],
  ['2686', 'LOM'],
  ['2670', 'OTTA'],
  ['2660', 'DOMBÅS'],
  ['2690', 'SKJÅK'],
];
function fakturamottaker(m, i) {
  const [postnr, poststed] = STEDER[i % STEDER.length];
  const gate = `${m.navn.replace(/ AS$/, '').split(' ')[0]}vegen ${((i * 7) % 40) + 1}`;
  return [gate, postnr, poststed, `faktura@${m.domene}.no`, m.dagligLeder, String(10001 + i)];
}

const mbTekst =
  [
    'Orgnr;Navn;Avtalestart;Avtaleslutt;Daglig leder;Daglig leders e-post;Støtteintensitet %;Markedspris per time;' +
      'Kvinnelig gründer;Kvinnelig daglig leder;Kvinnelig styreleder;Bærekraft sentralt;Taksonomiens miljømål;' +
      'Digitalisering sentralt;Eksport;Internasjonalt marked;Bistått til andre virkemidler;' +
      'Rådgivning fra andre operatører;Også tatt opp hos andre;' +
      'Fakturaadresse;Postnr;Poststed;Faktura-e-post;Deres ref.;Kundenummer',
    ...malbedrifter.map((m, i) =>
      csvLinje([
        m.orgnr,
        m.navn,
        m.startTekst,
        m.sluttTekst,
        m.dagligLeder,
        m.epost,
        m.stotte,
        m.pris,
        ...attributter(m, i),
        ...fakturamottaker(m, i),
      ]),
    ),
  ].join(CRLF) + CRLF;
writeFileSync(path.join(UT, 'malbedrifter.csv'), tilCp1252(mbTekst));

skrivUtf8Csv(
  'timer.csv',
  'dato;ansatt;malbedrift;timer;aktivitet;tjeneste;beskrivelse',
  rader.map((r) => [norsk(r.d), r.navn, r.mb, timerTekst(r.kvarter), r.aktivitet, r.tjeneste, r.beskrivelse]),
);

skrivUtf8Csv('tilskudd.csv', 'ar;type;kilde;belop;dato', TILSKUDD);

skrivUtf8Csv('kostnader.csv', 'ar;kategori;belop;tekst;dato;type', [
  ...FAKTISKE.map(([dato, kat, b, tekst]) => ['2026', kat, kr(b), tekst, dato, 'faktisk']),
  ...BUDSJETT.map(([kat, b, tekst]) => ['2027', kat, kr(b), tekst, '', 'budsjett']),
]);

// SMB-sjekker (vedlegg 3 pkt. 2), slik `nh smb-sjekk` legger dem i smb-sjekk/<orgnr>-<dato>.json: én per
// målbedrift, to uker før avtalestart — unntatt én, så `nh faktura` viser advarselen om manglende SMB-sjekk.
// Postene er forkortet (nh faktura leser bare dato og dom); en ekte post har også kriteriene og registerdataene.
const UTEN_SMB_SJEKK = 'Haugsæter Regnskap AS';
mkdirSync(path.join(UT, 'smb-sjekk'), { recursive: true });
for (const m of malbedrifter) {
  if (m.navn === UTEN_SMB_SJEKK) continue;
  const dato = iso(m.start - 14);
  const post = {
    ok: true,
    orgnr: m.orgnr,
    navn: m.navn,
    dato,
    dom: 'KAN TAS OPP',
    merknad: 'Oppdiktet demopost, forkortet: nh smb-sjekk skriver også kriteriene, tallene og registerdataene.',
  };
  writeFileSync(path.join(UT, 'smb-sjekk', `${m.orgnr}-${dato}.json`), `${JSON.stringify(post, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Oppsummering
// ---------------------------------------------------------------------------------------------

const sum = (xs) => xs.reduce((s, r) => s + r.kvarter, 0) / 4;
const adm = rader.filter((r) => r.mb === 'ADM');
const mbr = rader.filter((r) => r.mb !== 'ADM');
console.log(`fixtures/demo: ${rader.length} timerader, ${malbedrifter.length} målbedrifter, ${ANSATTE.length} ansatte`);
console.log(
  `  ADM ${sum(adm)} t, målbedrifter ${sum(mbr)} t (${((100 * sum(adm)) / (sum(adm) + sum(mbr))).toFixed(1)} % ADM)`,
);
for (const a of ANSATTE) {
  console.log(
    `  ${a.navn.padEnd(18)} ADM ${String(sum(adm.filter((r) => r.navn === a.navn))).padStart(6)} t  målbedrift ${String(sum(mbr.filter((r) => r.navn === a.navn))).padStart(6)} t`,
  );
}
const perMnd = [];
for (let m = 1; m <= 11; m++)
  perMnd.push(`${m}:${new Set(mbr.filter((r) => maaned(r.d) === m).map((r) => r.mb)).size}`);
console.log(`  målbedrifter med timer per måned: ${perMnd.join(' ')}`);
