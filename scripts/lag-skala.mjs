#!/usr/bin/env node
/**
 * Lager en stor arbeidsmappe for ytelsesmåling: 10 år (2017–2026), 500 målbedrifter og N timerader
 * (standard 1 000 000). Deterministisk (fast frø). Bruk: node scripts/lag-skala.mjs <mappe> [antallTimer]
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const _ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [mappe, antallArg] = process.argv.slice(2);
if (!mappe) {
  console.error('Bruk: node scripts/lag-skala.mjs <mappe> [antallTimer]');
  process.exit(2);
}
const ANTALL = Number(antallArg ?? 1_000_000);
mkdirSync(mappe, { recursive: true });

let frø = 20261122;
const tilfeldig = () => {
  frø = (frø * 1103515245 + 12345) % 2147483648;
  return frø / 2147483648;
};
const VEKTER = [3, 2, 7, 6, 5, 4, 3, 2];
function orgnr(i) {
  for (let n = 910_000_000 + i * 37; ; n++) {
    const s = String(n).slice(0, 8);
    const sum = [...s].reduce((a, d, k) => a + Number(d) * VEKTER[k], 0);
    const rest = sum % 11;
    if (rest === 1) continue;
    return s + (rest === 0 ? 0 : 11 - rest);
  }
}
const p2 = (n) => String(n).padStart(2, '0');
const BOM = '\uFEFF';

const config = JSON.parse(
  JSON.stringify({
    versjon: 1,
    naeringshage: { navn: 'Skalaby Næringshage AS', orgnr: '923609016' },
    ar: 2026,
    markedsprisPerTime: 1250,
    stotteintensitet: 75,
    mvaSats: 25,
    arbeidsgiveravgiftSats: 14.1,
    andreSosialeKostnaderProsent: 12,
    indirekteKostnaderPerAr: 2_000_000,
    timerPerArsverk: 1695,
    eurNok: { kurs: 11.6035, dato: '2025-12-31', kilde: 'Norges Bank' },
    adminKoder: ['ADM'],
    kolonner: {},
    ignorerKolonner: {},
  }),
);
writeFileSync(path.join(mappe, 'nh.json'), JSON.stringify(config, null, 2));

const ansatte = Array.from({ length: 10 }, (_, i) => `Rådgiver ${i + 1}`);
writeFileSync(
  path.join(mappe, 'ansatte.csv'),
  BOM +
    [
      'navn;arslonn;stillingsprosent;admTimerPlan',
      ...ansatte.map((n, i) => `${n};${600_000 + i * 25_000};100;300`),
    ].join('\r\n') +
    '\r\n',
);

// 500 målbedrifter med avtaler spredt over 2017–2026, 2–4 år lange.
const mb = Array.from({ length: 500 }, (_, i) => {
  const startAar = 2017 + Math.floor((i / 500) * 9);
  const startMnd = 1 + (i % 12);
  const varighet = 24 + Math.floor(tilfeldig() * 24);
  const sluttTotal = startAar * 12 + startMnd - 1 + varighet;
  const sluttAar = Math.floor(sluttTotal / 12);
  const sluttMnd = (sluttTotal % 12) + 1;
  const slutt = i % 5 === 0 ? null : { aar: Math.min(sluttAar, 2028), mnd: sluttMnd };
  return { orgnr: orgnr(i), navn: `Målbedrift ${i + 1} AS`, start: { aar: startAar, mnd: startMnd }, slutt };
});
writeFileSync(
  path.join(mappe, 'malbedrifter.csv'),
  BOM +
    [
      'orgnr;navn;avtalestart;avtaleslutt;dagligLeder;dagligLederEpost',
      ...mb.map(
        (m, i) =>
          `${m.orgnr};${m.navn};01.${p2(m.start.mnd)}.${m.start.aar};${m.slutt ? `28.${p2(m.slutt.mnd)}.${m.slutt.aar}` : ''};Leder ${i + 1};leder${i + 1}@bedrift${i + 1}.no`,
      ),
    ].join('\r\n') +
    '\r\n',
);
const tilskudd = ['ar;type;kilde;belop'];
for (let a = 2023; a <= 2026; a++)
  tilskudd.push(`${a};innovasjon;Siva;40 000 000`, `${a};administrasjon;Siva;3 000 000`);
writeFileSync(path.join(mappe, 'tilskudd.csv'), BOM + tilskudd.join('\r\n') + '\r\n');
writeFileSync(
  path.join(mappe, 'kostnader.csv'),
  BOM + 'ar;kategori;belop;tekst;type\r\n2026;Eksterne kostnader;100 000;Revisjon;faktisk\r\n',
);

// Timer: jevnt fordelt over 10 år, bare innenfor avtalene; 10 % administrasjon.
const AKT = ['Prosjektledelse', 'Profilering og markedsføring', 'Rapporteringsforpliktelser'];
const ut = createWriteStream(path.join(mappe, 'timer.csv'));
ut.write(BOM + 'dato;ansatt;malbedrift;timer;aktivitet;beskrivelse\r\n');
const dagerPerAar = 250;
const totalDager = 10 * dagerPerAar;
const perDag = Math.ceil(ANTALL / totalDager);
let skrevet = 0;
const buffer = [];
for (let d = 0; d < totalDager && skrevet < ANTALL; d++) {
  const aar = 2017 + Math.floor(d / dagerPerAar);
  const dagIAar = d % dagerPerAar;
  const mnd = 1 + (Math.floor(dagIAar / 21) % 12);
  const dag = 1 + (dagIAar % 21);
  const dato = `${p2(dag)}.${p2(mnd)}.${aar}`;
  const aktive = mb.filter((m) => {
    const s = m.start.aar * 100 + m.start.mnd;
    const e = m.slutt ? m.slutt.aar * 100 + m.slutt.mnd : 999999;
    const x = aar * 100 + mnd;
    return x > s && x < e;
  });
  for (let k = 0; k < perDag && skrevet < ANTALL; k++) {
    const ansatt = ansatte[k % ansatte.length];
    // Hver ansatt får høyst perDag/10 linjer à 0,25 t per dag (godt under 24 t).
    if (k % 10 === 9 || aktive.length === 0) buffer.push(`${dato};${ansatt};ADM;0,25;${AKT[k % 3]};Skala ${k}`);
    else buffer.push(`${dato};${ansatt};${aktive[(k * 7 + d) % aktive.length].orgnr};0,25;Rådgivning;Skala ${k}`);
    skrevet++;
    if (buffer.length >= 10_000) {
      ut.write(buffer.join('\r\n') + '\r\n');
      buffer.length = 0;
    }
  }
}
if (buffer.length) ut.write(buffer.join('\r\n') + '\r\n');
ut.end(() => console.log(`${mappe}: ${skrevet} timerader, ${mb.length} målbedrifter`));
