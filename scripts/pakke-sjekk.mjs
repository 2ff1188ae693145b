#!/usr/bin/env node
/**
 * Issue 19 pkt. 11: kjører README-kommandoene fra pakken slik en bruker får den. `npm pack`, pakk ut i en
 * midlertidig mappe (nh sine node_modules lenkes inn, så ingen nett trengs), og kjør hver `npx nh …`-linje i
 * README-blokken «Prøv resten på demoen» med pakkens bin/nh.js fra en tom mappe (som etter `npm install -g`).
 * Feiler hvis en kommando gir exit 2/3 eller en utskrift viser til docs/*.md. Kjør: npm run pakke
 * (test/e2e/pakke.test.ts gjør det samme for init --demo, faktura og docs i den vanlige testkjøringen).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ut = mkdtempSync(path.join(tmpdir(), 'nh-pakke-'));
try {
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', ut, '--silent'], { cwd: ROT });
  const tgz = readdirSync(ut).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', path.join(ut, tgz), '-C', ut]);
  const pakke = path.join(ut, 'package');
  symlinkSync(path.join(ROT, 'node_modules'), path.join(pakke, 'node_modules'), 'dir');
  const readme = readFileSync(path.join(pakke, 'README.md'), 'utf8');
  const blokk = readme.split('## Prøv resten på demoen')[1].split('```sh\n')[1].split('```')[0];
  const arbeid = path.join(ut, 'arbeid');
  execFileSync('mkdir', [arbeid]);
  let feil = 0;
  for (const linje of blokk.split('\n').filter((l) => l.startsWith('npx nh '))) {
    const args = linje
      .replace(/\s+#.*$/, '')
      .slice('npx nh '.length)
      .split(' ');
    const r = spawnSync(process.execPath, [path.join(pakke, 'bin', 'nh.js'), ...args], {
      cwd: arbeid,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    const ok = (r.status === 0 || r.status === 1) && !/docs\/[a-z-]+\.md/.test(r.stdout + r.stderr);
    if (!ok) feil++;
    console.log(`${ok ? 'ok  ' : 'FEIL'} exit ${r.status}  nh ${args.join(' ')}${ok ? '' : `\n${r.stderr}`}`);
  }
  console.log(feil ? `${feil} kommandoer feilet` : `Alle README-kommandoene virker fra pakken (${tgz}).`);
  process.exitCode = feil ? 1 : 0;
} finally {
  rmSync(ut, { recursive: true, force: true });
}
