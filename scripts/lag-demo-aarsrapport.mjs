#!/usr/bin/env node
/**
 * Tilleggsdata til demo-arbeidsmappen for `nh årsrapport` (programveileder 11.2): tiltak.csv,
 * srl.csv, maltall-2026.csv (målene som ble lagt inn i AVI 1.12.2025, for årsrapporten 2026) og
 * maltall-2027.csv (målene administratoren har skrevet for 2027). Leser orgnr og avtaler fra
 * fixtures/demo/malbedrifter.csv (lages av scripts/lag-demo.mjs), så kjør det skriptet først.
 *
 * Deterministisk (ingen tilfeldighet): filene blir byte for byte like. Kjør: node scripts/lag-demo-aarsrapport.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const UT = path.join(ROT, 'fixtures', 'demo');
const BOM = '\uFEFF';
const CRLF = '\r\n';

function skriv(fil, hode, rader) {
  for (const r of rader) for (const f of r) if (/[;"\r\n]/.test(String(f))) throw new Error(`feltet «${f}» må siteres`);
  writeFileSync(path.join(UT, fil), BOM + [hode, ...rader.map((r) => r.join(';'))].join(CRLF) + CRLF);
}

// malbedrifter.csv er Windows-1252; latin1 gir de samme tegnene for æøåÆØÅé.
const mbLinjer = readFileSync(path.join(UT, 'malbedrifter.csv'), 'latin1')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '');
const hode = mbLinjer[0].split(';').map((h) => h.toLowerCase());
// Demoen har malens lesbare overskrifter («Orgnr», «Avtalestart»; issue 19 pkt. 5); eldre filer har nøklene.
const kol = (n) => {
  const i = hode.indexOf(n.toLowerCase());
  if (i < 0) throw new Error(`malbedrifter.csv mangler kolonnen «${n}»`);
  return i;
};
const iso = (s) => (s ? s.split('.').reverse().join('-') : '');
const mb = mbLinjer.slice(1).map((l) => {
  const f = l.split(';');
  return {
    orgnr: f[kol('orgnr')],
    navn: f[kol('navn')],
    start: iso(f[kol('avtalestart')]),
    slutt: iso(f[kol('avtaleslutt')]),
  };
});
const aktivI = (m, ar) => m.start <= `${ar}-12-31` && (m.slutt === '' || m.slutt >= `${ar}-01-01`);

// ————— tiltak.csv —————
const tiltak = [
  ['10.02.2025', 'baerekraft-ansatte', 'Kurs i bærekraftige forretningsmodeller (Siva)', '', '', 'Siva'],
  ['28.04.2026', 'baerekraft-ansatte', 'Kurs i bærekraftsrapportering', '', '', ''],
  ['10.03.2026', 'baerekraft-ansatte', 'Siva-samling: SRL-skalaen i praksis', '', '', 'Siva'],
  ['22.10.2026', 'baerekraft-ansatte', 'Næringshagekonferansen: taksonomien for små bedrifter', '', '', 'Siva'],
  ['17.02.2026', 'baerekraft-malbedrifter', 'Workshop: klimaregnskap for små bedrifter', '', '', ''],
  ['14.04.2026', 'baerekraft-malbedrifter', 'Frokostmøte: sirkulære forretningsmodeller', '', '', ''],
  ['08.09.2026', 'baerekraft-malbedrifter', 'Kurs: bærekraft som konkurransefortrinn', '', '', 'Dalen Næringshage'],
  ['03.11.2026', 'baerekraft-malbedrifter', 'Workshop: SRL-kartlegging', '', '', ''],
  ['11.05.2026', 'digitalisering-ansatte', 'Kurs i KI-verktøy for rådgivere', '', '', ''],
  ['12.03.2026', 'digitalisering-malbedrifter', 'Workshop: nettbutikk og betalingsløsninger', '', '', ''],
  ['15.09.2026', 'digitalisering-malbedrifter', 'Studietur: digital drift i reiselivet', '', '', ''],
  ['25.05.2026', 'eksport-malbedrifter', 'Eksportseminar med Innovasjon Norge', '', '', ''],
  ['21.10.2026', 'samarbeidsprosjekt', 'Felles mentorprogram for mat og drikke', '', '', 'Dalen Næringshage'],
  ['12.06.2026', 'samarbeidsprosjekt', 'Felles stand på Landbruksmessa', '', '', 'Inkubator Innlandet'],
  [
    '20.02.2026',
    'henvisning',
    'Teknologibedrift henvist til inkubator',
    'Fjellnett Sensor AS',
    '',
    'Inkubator Innlandet',
  ],
  [
    '05.06.2026',
    'henvisning',
    'Havbruksbedrift henvist til kystnæringshage',
    'Nordvik Tare AS',
    '',
    'Kystens Næringshage',
  ],
  ['18.08.2026', 'henvisning', 'Oppfølgingsmøte etter henvisning', 'fjellnett sensor as', '', 'Inkubator Innlandet'],
  ['09.04.2026', 'radgivning-andres-bedrift', 'Rådgivning i markedsplan', 'Dalen Sider AS', '', 'Dalen Næringshage'],
];
skriv('tiltak.csv', 'dato;type;beskrivelse;bedrift;orgnr;samarbeidspartner', tiltak);

// ————— srl.csv —————
// 2025-nivå for dem som var aktive i 2025; 2026-nivå for alle aktive i 2026. Mønsteret gir en blanding av
// økning, uendret og (én) nedgang; de som starter i 2026 har bare 2026 (første SRL-år).
const srl = [];
mb.forEach((m, i) => {
  const forrige = 2 + (i % 4); // 2–5
  const endring = [1, 0, 1, 2, 0, 1, -1, 1][i % 8];
  if (aktivI(m, 2025)) srl.push([m.orgnr, '2025', String(forrige), '30.11.2025', '']);
  if (aktivI(m, 2026) && m.start <= '2026-11-30') {
    const naa = aktivI(m, 2025) ? Math.min(9, Math.max(1, forrige + endring)) : 1 + (i % 3);
    srl.push([
      m.orgnr,
      '2026',
      String(naa),
      '20.11.2026',
      endring < 0 && aktivI(m, 2025) ? 'Nedgang: nytt styre har lagt om strategien' : '',
    ]);
  }
});
skriv('srl.csv', 'orgnr;ar;srl;dato;kommentar', srl);

// ————— maltall-2026.csv og maltall-2027.csv —————
skriv('maltall-2026.csv', 'id;mål;kommentar', [
  ['nyeMalbedrifter', '14', ''],
  ['malbedrifterIAaret', '30', ''],
  ['andelInnovasjonsstotte', '95', 'Sivas minimum er 90 %'],
  ['baerekraftTiltakAnsatte', '2', ''],
  ['baerekraftTiltakMalbedrifter', '4', ''],
  ['andelBaerekraftSentralt', '40', ''],
  ['andelSrlOkning', '50', ''],
  ['andelTaksonomi', '25', ''],
  ['andelKvinneligLedelse', '50', ''],
  ['digitaliseringTiltakAnsatte', '1', ''],
  ['digitaliseringTiltakMalbedrifter', '3', ''],
  ['andelDigitaliseringSentralt', '25', ''],
  ['eksportTiltak', '1', ''],
  ['andelEksport', '10', ''],
  ['andelInternasjonaltMarked', '30', ''],
  ['samarbeidsprosjekter', '2', ''],
  ['henvisteBedrifter', '3', ''],
  ['radgivningFraAndre', '2', ''],
  ['radgivningAndresBedrifter', '2', ''],
  ['ogsaTattOppHosAndre', '1', ''],
  ['andelBistattVirkemidler', '60', ''],
]);
// For 2027 har administratoren bare fylt inn noen mål; resten står tomme (grunnlaget vises).
skriv('maltall-2027.csv', 'id;mål;kommentar', [
  ['nyeMalbedrifter', '15', 'Rekruttering via kommunens næringsforum'],
  ['malbedrifterIAaret', '32', ''],
  ['andelInnovasjonsstotte', '95', ''],
  [
    'Andel målbedrifter som har bærekraft som et sentralt element i forretningsmodellen',
    '45',
    'Id kan også være navnet i AVI',
  ],
  ['samarbeidsprosjekter', '3', ''],
  ['andelBistattVirkemidler', '70', ''],
]);

console.log(
  `fixtures/demo: tiltak.csv (${tiltak.length}), srl.csv (${srl.length}), maltall-2026.csv, maltall-2027.csv`,
);
