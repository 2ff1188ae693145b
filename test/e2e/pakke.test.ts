/**
 * Issue 19 pkt. 11: hjelpen når dokumentasjonen etter `npm install -g`. `nh docs [emne]` viser filene som følger
 * med pakken; meldingene viser til «nh docs <emne>» (aldri en relativ docs/*.md som ikke finnes i arbeidsmappen);
 * og README-kommandoene i pakken virker fra pakken (`nh init --demo`). Pakken lages med `npm pack`, pakkes ut i en
 * midlertidig mappe (med nh sine node_modules lenket inn, så ingen nett trengs) og kjøres derfra.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { nh, nhProsess, ROT, tomMappe } from '../hjelp.js';
import { main } from '../../src/cli/main.js';

const kjor = promisify(execFile);

function kildefiler(d = path.join(ROT, 'src')): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = path.join(d, f);
    return statSync(p).isDirectory() ? kildefiler(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('bunten (scripts/bunt.mjs, issue 22 pkt. 8)', () => {
  it('har ikke med pakkene nh aldri bruker, og det som er tatt ut, stopper med en tydelig feil', () => {
    const mappe = path.join(ROT, 'dist', 'bunt');
    const js = readdirSync(mappe)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(mappe, f), 'utf8'))
      .join('\n');
    // esbuild merker hver innbakt fil med stien; en pakke som er med, viser seg slik.
    for (const p of ['brotli', '@noble/ciphers', 'js-yaml', '@fast-csv', 'archiver', 'unzipper', 'bluebird'])
      expect(js.includes(`// node_modules/${p}/`), p).toBe(false);
    expect(js.includes('// node_modules/pako/lib/deflate'), 'pako (pakking)').toBe(false);
    for (const hva of ['WOFF2-skrifter (fontkit)', 'kryptert PDF (pdfkit)', 'CSV i exceljs', 'YAML (xmlbuilder2)'])
      expect(js, hva).toContain(`${hva}`);
    expect(js.match(/er tatt ut av nh sin bunt/g)?.length).toBe(4);
    // Det nh bruker, er med: exceljs' arbeidsbok, pakos utpakking (xlsx-lesing) og nh sin zlib-pakking.
    expect(js).toContain('// node_modules/exceljs/lib/doc/workbook.js');
    expect(js).toContain('// node_modules/pako/lib/inflate.js');
    expect(js).toContain('// dist/io/skriv/zip-deflate.js');
  });
});

describe('nh docs (issue 19 pkt. 11)', () => {
  it('lister emnene med full sti, viser ett emne, og foreslår ved skrivefeil', async () => {
    const liste = await nh(['docs', '--json']);
    expect(liste.kode).toBe(0);
    const emner = liste.json().emner as { emne: string; fil: string }[];
    expect(emner.map((e) => e.emne)).toEqual(expect.arrayContaining(['faktura', 'datasett', 'json', 'aarsrapport']));
    for (const e of emner) expect(path.isAbsolute(e.fil) && existsSync(e.fil), e.fil).toBe(true);
    const faktura = await nh(['docs', 'faktura']);
    expect(faktura.stdout).toMatch(/^# `nh faktura`/);
    expect((await nh(['docs', 'årsrapport', '--sti'])).stdout.trim()).toBe(path.join(ROT, 'docs', 'aarsrapport.md'));
    const feil = await nh(['docs', 'fakture']);
    expect(feil.kode).toBe(2);
    expect(feil.stderr).toContain('Fant ikke emnet «fakture». Mente du «faktura»?');
    expect((await nh(['--help'])).stdout).toContain('Dokumentasjon: nh docs [emne]');
  });

  it('meldingene i src/ viser til «nh docs <emne>» med et emne som finnes, aldri til docs/*.md', () => {
    const emner = new Set(readdirSync(path.join(ROT, 'docs')).map((f) => f.replace(/\.md$/, '')));
    const feil: string[] = [];
    for (const f of kildefiler()) {
      if (f.includes(`${path.sep}json${path.sep}`)) continue; // skjemaenes beskrivelser står bare i docs/json.md
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((l, i) => {
          if (/^\s*(\/\/|\*|\/\*\*)/.test(l)) return;
          const sted = `${path.relative(ROT, f)}:${i + 1}`;
          if (/['`"][^'`"]*docs\/[a-z-]+\.md/.test(l)) feil.push(`${sted}: ${l.trim()}`);
          for (const m of l.matchAll(/nh docs ([a-z-]+)/g)) if (!emner.has(m[1]!)) feil.push(`${sted}: ${m[0]}`);
        });
    }
    expect(feil).toEqual([]);
  });
});

describe('nh --help uten å laste programmet (issue 22 pkt. 8)', () => {
  it('binæret skriver den ferdige hjelpen (dist/bunt/hjelp.txt), lik den commander lager, for --help, -h og help', async () => {
    expect(existsSync(path.join(ROT, 'dist', 'bunt', 'hjelp.txt'))).toBe(true);
    const iProsess = (await nh(['--help'])).stdout;
    expect(readFileSync(path.join(ROT, 'dist', 'bunt', 'hjelp.txt'), 'utf8')).toBe(iProsess);
    for (const a of ['--help', '-h', 'help']) {
      const r = await nhProsess([a]);
      expect(r.kode).toBe(0);
      expect(r.stdout, a).toBe(iProsess);
    }
  });

  it('hjelpen brytes ved 80 tegn også i et bredt vindu (derfor er den ferdige teksten riktig der), smalere i et smalt', async () => {
    const hjelp = async (columns: number) => {
      let ut = '';
      const kode = await main(['node', 'nh', '--help'], {
        stdout: { write: (t: string) => (ut += t), columns },
        stderr: { write: () => undefined },
        stdinTTY: false,
        env: { NO_COLOR: '1' },
        cwd: ROT,
        naa: () => new Date(),
      });
      expect(kode).toBe(0);
      return ut;
    };
    const bred = await hjelp(200);
    expect(bred).toBe((await nh(['--help'])).stdout);
    expect(Math.max(...bred.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    // Et smalere vindu: commander bryter teksten på nytt (da bygger binæret den selv, se bin/nh.js).
    expect(await hjelp(70)).not.toBe(bred);
  });
});

describe('pakken (npm pack) uten klonen', () => {
  it('har docs og demoen med, og README-kommandoene virker fra pakken', async () => {
    const ut = tomMappe();
    await kjor('npm', ['pack', '--ignore-scripts', '--pack-destination', ut, '--silent'], { cwd: ROT });
    const tgz = readdirSync(ut).find((f) => f.endsWith('.tgz'))!;
    await kjor('tar', ['xzf', path.join(ut, tgz), '-C', ut]);
    const pakke = path.join(ut, 'package');
    symlinkSync(path.join(ROT, 'node_modules'), path.join(pakke, 'node_modules'), 'dir');
    expect(existsSync(path.join(pakke, 'docs', 'faktura.md'))).toBe(true);
    expect(existsSync(path.join(pakke, 'fixtures', 'demo', 'nh.json'))).toBe(true);
    expect(existsSync(path.join(pakke, 'test'))).toBe(false);

    // README-blokken «Prøv resten på demoen» begynner med init --demo; den kjøres her fra pakken, fra en annen mappe
    // (som etter npm install -g). Hele blokken fra pakken: npm run pakke (scripts/pakke-sjekk.mjs).
    const readme = readFileSync(path.join(pakke, 'README.md'), 'utf8');
    const blokk = readme.split('## Prøv resten på demoen')[1]!.split('```sh\n')[1]!.split('```')[0]!;
    const kommandoer = blokk.split('\n').filter((l) => l.startsWith('npx nh '));
    expect(kommandoer[0]).toBe('npx nh init --demo demo-kopi');
    expect(kommandoer.every((l) => !/fixtures\//.test(l))).toBe(true);
    const arbeid = tomMappe();
    const env = { ...process.env, CI: 'true', NO_COLOR: '1', NH_DATO: '2026-11-22' };
    const bin = path.join(pakke, 'bin', 'nh.js');
    await kjor(process.execPath, [bin, 'init', '--demo', 'demo-kopi'], { cwd: arbeid, env });
    expect(readdirSync(path.join(arbeid, 'demo-kopi')).sort()).toEqual(
      readdirSync(path.join(ROT, 'fixtures', 'demo')).sort(),
    );
    const docs = await kjor(process.execPath, [bin, 'docs', 'json', '--sti'], { cwd: arbeid });
    expect(docs.stdout.trim()).toBe(path.join(pakke, 'docs', 'json.md'));
  }, 60_000);
});
