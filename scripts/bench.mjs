#!/usr/bin/env node
/**
 * Ytelsesmåling (issue 8 og issue 22 pkt. 8): oppstart, hver kommando på fixtures/demo (med og uten
 * --forhandsvis, og en full faktura-kjøring med alle dokumentene), timer.xlsx mot samme data som CSV, og skala
 * (10 år, 500 målbedrifter, 10k/100k/1M timerader) mot gulvet «csv-parse alene». Skriver én tabell og docs/ytelse.md.
 * Ikke en tidsbestemt test: tallene dokumenteres, målene sammenlignes og brudd navngis.
 *
 *   npm run bench            (full, inkl. 1M rader; ca. 2–4 minutter)
 *   npm run bench -- --rask  (hopper over 1M)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir, cpus, totalmem, platform, release } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NH = path.join(ROT, 'bin', 'nh.js');
const RASK = process.argv.includes('--rask');
const TMP = path.join(tmpdir(), 'nh-bench');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

function tid(args, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env },
    maxBuffer: 1 << 28,
  });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, kode: r.status, stderr: r.stderr };
}

/** Kjør nh med målekroken (bin/nh.js skriver tid og maxRSS) — gir minne uten eksterne verktøy. */
function maal(args, ganger = 3, forHver = () => {}) {
  const fil = path.join(TMP, `maal-${process.pid}.jsonl`);
  rmSync(fil, { force: true });
  const vegg = [];
  let kode = 0;
  let stderr = '';
  for (let i = 0; i < ganger; i++) {
    forHver();
    const r = tid([NH, ...args], { NH_MAALING: fil });
    vegg.push(r.ms);
    kode = r.kode;
    stderr = r.stderr;
  }
  const linjer = existsSync(fil)
    ? readFileSync(fil, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
    : [];
  return { ms: median(vegg), mb: Math.max(0, ...linjer.map((l) => l.maxRssMb)), kode, stderr };
}

const HJELP = spawnSync(process.execPath, [NH, '--help'], { encoding: 'utf8' }).stdout;
function finnes(kommando) {
  return new RegExp(`(^\\s+|\\|)${kommando}[\\s|]`, 'm').test(HJELP);
}

rmSync(TMP, { recursive: true, force: true });
cpSync(path.join(ROT, 'fixtures', 'demo'), path.join(TMP, 'demo'), { recursive: true });
const rader = [];
const brudd = [];

// 1. Oppstart
const N = 21;
const base = median(Array.from({ length: N }, () => tid(['-e', '0']).ms));
for (const flagg of ['--version', '--help']) {
  const ms = median(Array.from({ length: N }, () => tid([NH, flagg]).ms));
  const ratio = ms / base;
  rader.push({
    del: 'Oppstart',
    hva: `nh ${flagg} (median av ${N})`,
    tid: fmt(ms),
    minne: '',
    mål: `≤ 1,3 × node -e 0 (${fmt(base)})`,
    resultat: `${ratio.toFixed(2)} ×`,
  });
  if (ratio > 1.3) brudd.push(`Oppstart nh ${flagg}: ${ratio.toFixed(2)} × node -e 0`);
}

// 2. Hver kommando på demo
const demo = path.join(TMP, 'demo');
const ut = path.join(TMP, 'ut');
const SMB = ['923609016', '--offline', '--ansatte', '12', '--omsetning', '25000000', '--balanse', '12000000'];
const SMB2 = ['--orgform', 'AS', '--nace', '62.010', '--registrert', '2015-03-01', '--innskutt-ek', '500000'];
const SMB3 = ['--opptjent-ek', '2000000', '--selvstendig', '--overskriv'];
// [kommando, argumenter, mål i ms]. Issue 22 pkt. 8: --forhandsvis ≤ 0,4 s; ellers ≤ 1 s (issue 8).
const kommandoer = [
  ['sjekk', ['sjekk', '--data', demo], 1000],
  ['timesats', ['timesats', '--data', demo, '--forhandsvis'], 400],
  ['timesats', ['timesats', '--data', demo, '--ut', ut, '--overskriv'], 1000],
  ['budsjett', ['budsjett', '--data', demo, '--ar', '2027', '--forhandsvis'], 400],
  ['budsjett', ['budsjett', '--data', demo, '--ar', '2027', '--ut', ut, '--overskriv'], 1000],
  ['budsjett', ['budsjett', '--data', demo, '--regnskap', '2026', '--forhandsvis'], 400],
  ['budsjett', ['budsjett', '--data', demo, '--regnskap', '2026', '--ut', ut, '--overskriv'], 1000],
  ['faktura', ['faktura', '--data', demo, '--periode', '2026-10', '--forhandsvis'], 400],
  ['kts-plan', ['kts-plan', '--data', demo, '--frist', '2026-12-01', '--forhandsvis'], 400],
  ['kts-plan', ['kts-plan', '--data', demo, '--frist', '2026-12-01', '--ut', ut, '--overskriv'], 1000],
  ['smb-sjekk', ['smb-sjekk', ...SMB, '--data', demo, ...SMB2, ...SMB3], 1000],
  ['aarsrapport', ['aarsrapport', '--data', demo, '--maltall', '2027', '--forhandsvis'], 400],
  ['aarsrapport', ['aarsrapport', '--data', demo, '--maltall', '2027', '--ut', ut, '--overskriv'], 1000],
  ['aarsrapport', ['aarsrapport', '--data', demo, '--ar', '2026', '--forhandsvis'], 400],
  ['aarsrapport', ['aarsrapport', '--data', demo, '--ar', '2026', '--ut', ut, '--overskriv'], 1000],
  ['frister', ['frister', '--data', demo, '--ar', '2026'], 1000],
];
function demoRad(grense, m, vist) {
  rader.push({
    del: 'Demo',
    hva: `nh ${vist}`,
    tid: fmt(m.ms),
    minne: `${m.mb.toFixed(0)} MB`,
    mål: `≤ ${fmt(grense)}`,
    resultat: m.kode === 0 || m.kode === 1 ? (m.ms <= grense ? 'ok' : 'over mål') : `exit ${m.kode}`,
  });
  if (m.ms > grense) brudd.push(`Demo nh ${vist}: ${fmt(m.ms)} (mål ≤ ${fmt(grense)})`);
  if (m.kode !== 0 && m.kode !== 1)
    brudd.push(`Demo nh ${vist}: kunne ikke måles, exit ${m.kode}: ${m.stderr.split('\n')[0]}`);
}
for (const [navn, args, grense] of kommandoer) {
  if (!finnes(navn)) continue;
  const vist = args.map((a) => a.replace(demo, 'fixtures/demo').replace(ut, '<ut>')).join(' ');
  demoRad(grense, maal(args, 5), vist);
}
// En full faktura-kjøring: fakturagrunnlag, PDF og EHF for hver faktura, importfilene og registeret (issue 22
// pkt. 8: ≤ 1 s). Hver runde starter fra en ny kopi av demoen, så perioden ikke alt er fakturert.
{
  const fersk = path.join(TMP, 'fersk');
  const nyKopi = () => {
    rmSync(fersk, { recursive: true, force: true });
    cpSync(path.join(ROT, 'fixtures', 'demo'), fersk, { recursive: true });
  };
  const args = ['faktura', '--data', fersk, '--periode', '2026-10'];
  demoRad(
    1000,
    maal(args, 9, nyKopi),
    'faktura --data fixtures/demo --periode 2026-10 (alle dokumentene, median av 9)',
  );
}

// timer.xlsx mot samme data som CSV (issue 22 pkt. 8: ≤ 1,5 ×): 34 000 timerader, skrevet som Excel lagrer dem
// (dato som dato, timer som tall).
{
  const csvMappe = path.join(TMP, 'xlsx-csv');
  const xlsxMappe = path.join(TMP, 'xlsx-xlsx');
  spawnSync(process.execPath, [path.join(ROT, 'scripts', 'lag-skala.mjs'), csvMappe, '34000'], { stdio: 'ignore' });
  cpSync(csvMappe, xlsxMappe, { recursive: true });
  const r = spawnSync(
    process.execPath,
    [path.join(ROT, 'scripts', 'csv-til-xlsx.mjs'), path.join(xlsxMappe, 'timer.csv')],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`csv-til-xlsx: ${r.stderr}`);
  rmSync(path.join(xlsxMappe, 'timer.csv'));
  // Vekselvis (CSV, xlsx, CSV, xlsx …): et støyutbrudd på maskinen treffer da begge, ikke bare den ene.
  const maalMappe = (mappe) => maal(['faktura', '--data', mappe, '--periode', '2026-10', '--forhandsvis'], 1);
  const par = Array.from({ length: 7 }, () => [maalMappe(csvMappe), maalMappe(xlsxMappe)]);
  const samlet = (ms) => ({
    ...(ms.find((m) => m.kode !== 0 && m.kode !== 1) ?? ms.at(-1)),
    ms: median(ms.map((m) => m.ms)),
    mb: Math.max(...ms.map((m) => m.mb)),
  });
  const c = samlet(par.map(([a]) => a));
  const x = samlet(par.map(([, b]) => b));
  const forhold = x.ms / c.ms;
  for (const [hva, m] of [
    ['timer.csv', c],
    ['timer.xlsx', x],
  ])
    rader.push({
      del: 'xlsx',
      hva: `nh faktura --periode 2026-10 --forhandsvis — 34 000 timerader i ${hva} (median av 7, vekselvis)`,
      tid: fmt(m.ms),
      minne: `${m.mb.toFixed(0)} MB`,
      mål: hva === 'timer.xlsx' ? '≤ 1,5 × CSV' : '',
      resultat: m.kode !== 0 && m.kode !== 1 ? `exit ${m.kode}` : hva === 'timer.xlsx' ? `${forhold.toFixed(2)} ×` : '',
    });
  if (forhold > 1.5) brudd.push(`timer.xlsx: ${forhold.toFixed(2)} × samme data som CSV`);
  for (const m of [c, x])
    if (m.kode !== 0 && m.kode !== 1) brudd.push(`xlsx-målingen: exit ${m.kode}: ${m.stderr.split('\n')[0]}`);
}

// 3. Skala
const storrelser = RASK ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const skala = {};
for (const n of storrelser) {
  const mappe = path.join(TMP, `skala-${n}`);
  spawnSync(process.execPath, [path.join(ROT, 'scripts', 'lag-skala.mjs'), mappe, String(n)], { stdio: 'ignore' });
  skala[n] = mappe;
  const mb = (statSync(path.join(mappe, 'timer.csv')).size / 1e6).toFixed(0);
  const jobber = [
    ['faktura', ['faktura', '--data', mappe, '--periode', '2026-10', '--forhandsvis']],
    ['aarsrapport', ['aarsrapport', '--data', mappe, '--ar', '2026', '--ut', path.join(mappe, 'ut'), '--overskriv']],
    ['budsjett', ['budsjett', '--data', mappe, '--regnskap', '2026', '--ut', path.join(mappe, 'ut'), '--overskriv']],
  ];
  for (const [navn, args] of jobber) {
    if (!finnes(navn)) continue;
    const m = maal(args, 1);
    const hva = `${args.slice(0, 1).join(' ')} ${args
      .slice(3)
      .filter((a) => !a.includes(TMP))
      .join(' ')} — ${n.toLocaleString('nb-NO')} timerader (${mb} MB)`;
    const ok = m.ms <= 10_000 && m.mb <= 1024;
    rader.push({
      del: 'Skala',
      hva: `nh ${hva}`,
      tid: fmt(m.ms),
      minne: `${m.mb.toFixed(0)} MB`,
      mål: n === 1_000_000 ? '≤ 10 s og ≤ 1 GB' : 'lineær',
      resultat:
        m.kode === 0 || m.kode === 1
          ? n < 1_000_000 || ok
            ? 'ok'
            : 'over mål'
          : `exit ${m.kode}: ${m.stderr.split('\n')[0]}`,
    });
    if (n === 1_000_000 && !ok) brudd.push(`Skala nh ${hva}: ${fmt(m.ms)}, ${m.mb.toFixed(0)} MB`);
    if (m.kode !== 0 && m.kode !== 1)
      brudd.push(`Skala nh ${hva}: kunne ikke måles, exit ${m.kode}: ${m.stderr.split('\n')[0]}`);
    skala[`${navn}-${n}`] = m.ms;
  }
}

// 4. Gulvet: csv-parse alene over samme fil
const storst = storrelser.at(-1);
const gulvSkript = `import { readFileSync } from 'node:fs'; import { parse } from 'csv-parse/sync';
const t = readFileSync(process.argv[2], 'utf8'); const r = parse(t, { delimiter: ';', bom: true, relax_column_count: true }); if (r.length < 2) process.exit(1);`;
const gulvFil = path.join(ROT, 'node_modules', '.nh-gulv.mjs');
writeFileSync(gulvFil, gulvSkript);
const gulv = median([1, 2, 3].map(() => tid([gulvFil, path.join(skala[storst], 'timer.csv')]).ms));
rmSync(gulvFil);
rader.push({
  del: 'Gulv',
  hva: `csv-parse alene, ${storst.toLocaleString('nb-NO')} rader`,
  tid: fmt(gulv),
  minne: '',
  mål: '',
  resultat: '',
});
if (skala[`faktura-${storst}`]) {
  rader.push({
    del: 'Gulv',
    hva: `nh faktura / csv-parse alene`,
    tid: '',
    minne: '',
    mål: '',
    resultat: `${(skala[`faktura-${storst}`] / gulv).toFixed(2)} ×`,
  });
}

// Utskrift og docs/ytelse.md
const hode = ['Del', 'Måling', 'Tid', 'Maks minne', 'Mål', 'Resultat'];
const tabell = [hode, ...rader.map((r) => [r.del, r.hva, r.tid, r.minne, r.mål, r.resultat])];
const bredde = hode.map((_, i) => Math.max(...tabell.map((r) => String(r[i]).length)));
console.log(tabell.map((r) => r.map((c, i) => String(c).padEnd(bredde[i])).join('  ')).join('\n'));

const maskin = `${cpus().length} kjerner (${cpus()[0]?.model ?? 'ukjent'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB minne, ${platform()} ${release()}, Node ${process.version}`;
const md = [
  '# Ytelse',
  '',
  `<!-- Skrevet av \`npm run bench\` (scripts/bench.mjs). -->`,
  '',
  `Målt ${new Date().toISOString().slice(0, 10)} på: ${maskin}.`,
  '',
  'Mål (issue 8 og issue 22 pkt. 8): oppstart ≤ 1,3 × `node -e 0`; hver kommando på `fixtures/demo` med',
  '`--forhandsvis` ≤ 0,4 s, uten ≤ 1 s, og en full faktura-kjøring (alle dokumentene) ≤ 1 s; timer.xlsx med 34 000',
  'rader ≤ 1,5 × samme data som CSV; på 1 million timerader (10 år, 500 målbedrifter) ≤ 10 s og ≤ 1 GB for `faktura`',
  '(én måned), `årsrapport` (ett år) og `budsjett --regnskap` (ett år). Tid er veggtid for hele prosessen (median av',
  'flere kjøringer for oppstart og demo); minne er prosessens høyeste RSS (`process.resourceUsage().maxRSS`, via',
  'målekroken `NH_MAALING` i bin/nh.js).',
  '',
  `| ${hode.join(' | ')} |`,
  `|${hode.map(() => '---').join('|')}|`,
  ...rader.map((r) => `| ${[r.del, r.hva, r.tid, r.minne, r.mål, r.resultat].join(' | ')} |`),
  '',
  brudd.length ? `## Mål som ikke nås\n\n${brudd.map((b) => `- ${b}`).join('\n')}\n` : 'Alle mål er nådd.\n',
];
const eksisterende = existsSync(path.join(ROT, 'docs', 'ytelse.md'))
  ? readFileSync(path.join(ROT, 'docs', 'ytelse.md'), 'utf8')
  : '';
const forklaring = eksisterende.includes('## Forklaring')
  ? eksisterende.slice(eksisterende.indexOf('## Forklaring'))
  : '';
writeFileSync(path.join(ROT, 'docs', 'ytelse.md'), md.join('\n') + (forklaring ? `\n${forklaring}` : ''));
console.log(`\nSkrev docs/ytelse.md${brudd.length ? ` — ${brudd.length} mål ikke nådd` : ''}`);
