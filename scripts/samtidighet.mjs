#!/usr/bin/env node
/**
 * Samtidighetsprøven fra issue 11 pkt. 3, utenfor den vanlige testpakken: en foreldet
 * `.stotteregister.laas` (krasjet kjøring) og fem `nh faktura` for ulike måneder startet samtidig,
 * gjentatt mange ganger. Før rettingen endte 4 av 50 runder med to kjøringer som begge avsluttet med 0,
 * men bare én av månedene i registeret.
 *
 * Krav i hver runde: hver kjøring med exit 0 har måneden sin i registeret; hver kjøring med exit 2 sa
 * «låst»/«endret» og har IKKE måneden der; ingen linje står to ganger; ingen midlertidige filer igjen.
 *
 *   npm run build && node scripts/samtidighet.mjs [--runder 50] [--nh bin/nh.js] [--laas alle|eldre|ny|tom]
 *
 * `--laas eldre` bruker bare låsformatet fra eldre nh («pid\ntid»), som også en gammel build forstår.
 *
 * Avslutter med 1 ved første brudd (og skriver runden), ellers 0 med en oppsummering.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (navn, standard) => {
  const i = process.argv.indexOf(navn);
  return i >= 0 ? process.argv[i + 1] : standard;
};
const RUNDER = Number(arg('--runder', '50'));
const NH = path.resolve(arg('--nh', path.join(ROT, 'bin', 'nh.js')));
const MAANEDER = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const DOED_PID = 999_999;

/** Tre slags foreldede låser: eldre nh («pid\ntid»), ny nh på samme PC, og en tom gammel låsfil. */
const ALLE_LAASER = {
  eldre: () => `${DOED_PID}\n2026-11-22T00:00:00Z\n`,
  ny: () => `${JSON.stringify({ vert: hostname(), pid: DOED_PID, tid: new Date().toISOString(), id: 'krasjet' })}\n`,
  tom: () => '',
};
const valgt = arg('--laas', 'alle');
const LAASER = valgt === 'alle' ? Object.values(ALLE_LAASER) : [ALLE_LAASER[valgt]];
if (LAASER.some((l) => !l)) {
  console.error(`--laas må være alle, eldre, ny eller tom (ikke «${valgt}»).`);
  process.exit(2);
}

function arbeidsmappe(runde) {
  const ws = path.join(mkdtempSync(path.join(tmpdir(), 'nh-samtidig-')), 'am');
  cpSync(path.join(ROT, 'fixtures', 'faktura', 'liten'), ws, { recursive: true });
  const timer = readFileSync(path.join(ws, 'timer.csv'), 'utf8');
  const okt = timer.split('\r\n').filter((l) => /^\d\d\.10\.2026;/.test(l));
  const ekstra = ['06', '07', '08', '09'].flatMap((m) => okt.map((l) => l.replace('.10.2026;', `.${m}.2026;`)));
  writeFileSync(path.join(ws, 'timer.csv'), `${timer.trimEnd()}\r\n${ekstra.join('\r\n')}\r\n`);
  const laas = path.join(ws, '.stotteregister.laas');
  writeFileSync(laas, LAASER[runde % LAASER.length]());
  const gammel = Date.now() / 1000 - 3600;
  utimesSync(laas, gammel, gammel);
  return ws;
}

function kjor(ws, periode) {
  return new Promise((resolve) => {
    const env = { ...process.env, NO_COLOR: '1', CI: 'true', NH_DATO: '2026-11-22' };
    const c = spawn(process.execPath, [NH, 'faktura', '--data', ws, '--periode', periode], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    c.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    c.on('close', (kode) => resolve({ periode, kode, stderr }));
  });
}

function registerLinjer(ws) {
  const sti = path.join(ws, 'stotteregister.csv');
  if (!existsSync(sti)) return [];
  return readFileSync(sti, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1);
}

const teller = { runder: 0, ok: 0, laast: 0 };
for (let runde = 0; runde < RUNDER; runde++) {
  const ws = arbeidsmappe(runde);
  const utfall = await Promise.all(MAANEDER.map((m) => kjor(ws, m)));
  const linjer = registerLinjer(ws);
  // Registeret skriver måneden som «2026M10» (maanedICsv); kjøringene ble startet med «2026-10».
  const perioder = new Set(linjer.map((l) => l.split(';')[0].replace(/^(\d{4})M(\d{2})$/, '$1-$2')));
  const brudd = [];
  for (const u of utfall) {
    if (u.kode === 0) {
      teller.ok++;
      if (!perioder.has(u.periode))
        brudd.push(`${u.periode}: exit 0, men måneden mangler i registeret (tapt oppdatering)`);
    } else if (u.kode === 2 && /En annen nh-kjøring|ble endret av en annen/.test(u.stderr)) {
      teller.laast++;
      if (perioder.has(u.periode)) brudd.push(`${u.periode}: exit 2, men måneden står i registeret`);
    } else {
      brudd.push(`${u.periode}: uventet exit ${u.kode}: ${u.stderr.trim()}`);
    }
  }
  const nokler = linjer.map((l) => l.split(';').slice(0, 3).join(';'));
  if (new Set(nokler).size !== nokler.length) brudd.push('en registerlinje står to ganger');
  if (!utfall.some((u) => u.kode === 0))
    brudd.push('ingen av kjøringene kom gjennom (den foreldede låsen ble ikke tatt over)');
  const rester = readdirSync(ws).filter((f) => f.startsWith('.'));
  if (rester.length) brudd.push(`filer igjen i arbeidsmappen: ${rester.join(', ')}`);
  teller.runder++;
  if (brudd.length) {
    console.error(`Runde ${runde + 1} av ${RUNDER} (${ws}):\n  ${brudd.join('\n  ')}`);
    process.exit(1);
  }
  rmSync(path.dirname(ws), { recursive: true, force: true });
  process.stdout.write(`\rrunde ${runde + 1}/${RUNDER}`);
}
console.log(
  `\n${teller.runder} runder × ${MAANEDER.length} kjøringer: ${teller.ok} fakturert, ${teller.laast} avvist som låst, ingen tapte måneder.`,
);
