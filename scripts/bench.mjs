#!/usr/bin/env node
/**
 * Ytelsesmåling (issue 8): oppstart, hver kommando på fixtures/demo, og skala (10 år, 500 målbedrifter,
 * 10k/100k/1M timerader) mot gulvet «csv-parse alene». Skriver én tabell og docs/ytelse.md.
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
function maal(args, ganger = 3) {
  const fil = path.join(TMP, `maal-${process.pid}.jsonl`);
  rmSync(fil, { force: true });
  const vegg = [];
  let kode = 0;
  let stderr = '';
  for (let i = 0; i < ganger; i++) {
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
    mål: `≤ 1,5 × node -e 0 (${fmt(base)})`,
    resultat: `${ratio.toFixed(2)} ×`,
  });
  if (ratio > 1.5) brudd.push(`Oppstart nh ${flagg}: ${ratio.toFixed(2)} × node -e 0`);
}

// 2. Hver kommando på demo
const demo = path.join(TMP, 'demo');
const ut = path.join(TMP, 'ut');
const kommandoer = [
  ['sjekk', ['sjekk', '--data', demo]],
  ['timesats', ['timesats', '--data', demo, '--ut', ut, '--overskriv']],
  ['budsjett', ['budsjett', '--data', demo, '--ar', '2027', '--ut', ut, '--overskriv']],
  ['budsjett', ['budsjett', '--data', demo, '--regnskap', '2026', '--ut', ut, '--overskriv']],
  ['faktura', ['faktura', '--data', demo, '--periode', '2026-10', '--forhandsvis']],
  ['kts-plan', ['kts-plan', '--data', demo, '--frist', '2026-12-01', '--forhandsvis']],
  [
    'smb-sjekk',
    [
      'smb-sjekk',
      '923609016',
      '--data',
      demo,
      '--offline',
      '--ansatte',
      '12',
      '--omsetning',
      '25000000',
      '--balanse',
      '12000000',
      '--orgform',
      'AS',
      '--nace',
      '62.010',
      '--registrert',
      '2015-03-01',
      '--innskutt-ek',
      '500000',
      '--opptjent-ek',
      '2000000',
      '--selvstendig',
      '--overskriv',
    ],
  ],
  ['aarsrapport', ['aarsrapport', '--data', demo, '--maltall', '2027', '--ut', ut, '--overskriv']],
  ['aarsrapport', ['aarsrapport', '--data', demo, '--ar', '2026', '--ut', ut, '--overskriv']],
  ['frister', ['frister', '--data', demo, '--ar', '2026']],
];
for (const [navn, args] of kommandoer) {
  if (!finnes(navn)) {
    rader.push({
      del: 'Demo',
      hva: `nh ${args.filter((a) => !a.includes(TMP)).join(' ')}`,
      tid: '—',
      minne: '',
      mål: '≤ 1 s',
      resultat: 'kommandoen finnes ikke ennå',
    });
    continue;
  }
  const m = maal(args);
  const vist = args.map((a) => a.replace(demo, 'fixtures/demo').replace(ut, '<ut>')).join(' ');
  rader.push({
    del: 'Demo',
    hva: `nh ${vist}`,
    tid: fmt(m.ms),
    minne: `${m.mb.toFixed(0)} MB`,
    mål: '≤ 1 s',
    resultat: m.kode === 0 || m.kode === 1 ? (m.ms <= 1000 ? 'ok' : 'over mål') : `exit ${m.kode}`,
  });
  if (m.ms > 1000) brudd.push(`Demo nh ${vist}: ${fmt(m.ms)}`);
  if (m.kode !== 0 && m.kode !== 1)
    brudd.push(`Demo nh ${vist}: kunne ikke måles, exit ${m.kode}: ${m.stderr.split('\n')[0]}`);
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
  'Mål (issue 8): oppstart ≤ 1,5 × `node -e 0`; hver kommando på `fixtures/demo` ≤ 1 s; på 1 million timerader',
  '(10 år, 500 målbedrifter) ≤ 10 s og ≤ 1 GB for `faktura` (én måned), `årsrapport` (ett år) og `budsjett --regnskap`',
  '(ett år). Tid er veggtid for hele prosessen (median av flere kjøringer for oppstart og demo); minne er prosessens',
  'høyeste RSS (`process.resourceUsage().maxRSS`, via målekroken `NH_MAALING` i bin/nh.js).',
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
