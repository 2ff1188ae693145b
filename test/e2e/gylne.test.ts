/**
 * Gylne filer: hver kommando på demo-arbeidsmappen, med fast «i dag» og klokke. Skjermteksten, --json og
 * CSV-filene sammenlignes med innsjekkede filer i test/gylne/, så enhver endring i det brukeren ser blir en
 * synlig diff i en gjennomgang. Endret med vilje? `npx vitest run test/e2e/gylne.test.ts -u` og les diffen.
 * Hver test har sin egen kopi av demoen og lager selv det den bygger på (årsrapporten fakturerer oktober
 * først), så en test kan kjøres alene (`-t årsrapport`) og rekkefølgen ikke betyr noe. Hjelpeteksten er festet
 * også (`nh --help` og hver kommandos `--help`).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEMO, kopier, nh, ROT, tomMappe } from '../hjelp.js';
import { passerJsonSkjema } from '../json-skjema.js';

const GYLNE = path.join(ROT, 'test', 'gylne');

/** Arbeidsmappens midlertidige sti er forskjellig hver gang: bytt den ut med en fast plassholder. */
function normaliser(ws: string, tekst: string): string {
  const jsonSti = JSON.stringify(ws).slice(1, -1);
  return tekst
    .split(jsonSti)
    .join('<arbeidsmappe>')
    .split(ws)
    .join('<arbeidsmappe>')
    .replace(/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)-[0-9a-f]{6}/g, '$1-<id>'); // kjøringens tilfeldige id
}

/** En ny kopi av demoen for hver test. */
const demo = () => kopier(DEMO, 'demo');

async function gylden(navn: string, args: string[], ws = demo()): Promise<void> {
  const tekst = await nh([...args, '--data', ws]);
  const json = await nh([...args, '--data', ws, '--json']);
  await expect(
    normaliser(ws, `exit ${tekst.kode}\n--- stdout ---\n${tekst.stdout}--- stderr ---\n${tekst.stderr}`),
  ).toMatchFileSnapshot(path.join(GYLNE, `${navn}.txt`));
  await expect(normaliser(ws, json.stdout)).toMatchFileSnapshot(path.join(GYLNE, `${navn}.json`));
  passerJsonSkjema(json.stdout); // issue 19 pkt. 10: hvert felt står i docs/json.md
}

/** Alle CSV-filer under en mappe i arbeidsmappen (rekursivt), som tekst. */
function csvFiler(ws: string, rel: string): [string, string][] {
  const ut: [string, string][] = [];
  const gaa = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const full = path.join(d, f);
      if (statSync(full).isDirectory()) gaa(full);
      else if (f.endsWith('.csv')) ut.push([path.relative(ws, full), readFileSync(full, 'utf8')]);
    }
  };
  gaa(path.join(ws, rel));
  return ut;
}

describe('gylne filer for alle kommandoene på fixtures/demo', () => {
  it('nh --help og --help for hver kommando', async () => {
    const hoved = await nh(['--help']);
    expect(hoved.kode).toBe(0);
    const kommandoer = [...hoved.stdout.matchAll(/^ {2}([a-zæøå-]+)(?:\|[a-z-]+)? \[valg\]/gm)].map((m) => m[1]!);
    expect(kommandoer.length).toBeGreaterThanOrEqual(9);
    const deler = [`$ nh --help\n${hoved.stdout}`];
    for (const k of kommandoer) {
      const r = await nh([k, '--help']);
      expect(r.kode, k).toBe(0);
      deler.push(`$ nh ${k} --help\n${r.stdout}`);
    }
    await expect(deler.join('\n')).toMatchFileSnapshot(path.join(GYLNE, 'hjelp.txt'));
  });

  it('nh init: skjerm, --json og datasettmalene', async () => {
    const ny = path.join(tomMappe(), 'ny-hage');
    const r = await nh([
      'init',
      ny,
      '--navn',
      'Fjordlys Næringshage AS',
      '--orgnr',
      '923609016',
      '--ar',
      '2027',
      '--json',
    ]);
    expect(r.kode, r.stderr).toBe(0);
    passerJsonSkjema(r.stdout);
    await expect(r.stdout.split(ny).join('<ny-hage>')).toMatchFileSnapshot(path.join(GYLNE, 'init.json'));
    for (const f of readdirSync(ny).sort()) {
      await expect(readFileSync(path.join(ny, f), 'utf8')).toMatchFileSnapshot(path.join(GYLNE, 'init', f));
    }
  });
  it('nh sjekk', async () => gylden('sjekk', ['sjekk']));
  it('nh kts-plan --plan 2026', async () => gylden('kts-plan-plan-2026', ['kts-plan', '--plan', '2026']));
  it('nh timesats', async () => gylden('timesats', ['timesats', '--forhandsvis']));
  it('nh budsjett --år 2027', async () => gylden('budsjett-plan-2027', ['budsjett', '--år', '2027', '--forhandsvis']));
  it('nh budsjett --regnskap 2026', async () =>
    gylden('budsjett-regnskap-2026', ['budsjett', '--regnskap', '2026', '--forhandsvis']));
  it('nh frister', async () => gylden('frister', ['frister']));
  it('nh smb-sjekk (uten nett, oppgitte tall)', async () =>
    gylden('smb-sjekk', [
      'smb-sjekk',
      '910017810',
      '--offline',
      '--orgform',
      'AS',
      '--ansatte',
      '4',
      '--omsetning',
      '2500000',
      '--balanse',
      '900000',
      '--selvstendig',
      '--overskriv',
    ]));
  it('nh årsrapport --maltall 2027', async () =>
    gylden('maltall-2027', ['årsrapport', '--maltall', '2027', '--forhandsvis']));

  it('nh faktura --periode 2026-10: skjerm, --json og CSV-filene', async () => {
    const ws = demo();
    await gylden('faktura-2026-10-forhandsvis', ['faktura', '--periode', '2026-10', '--forhandsvis'], ws);
    const r = await nh(['faktura', '--periode', '2026-10', '--data', ws, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    passerJsonSkjema(r.stdout);
    await expect(normaliser(ws, r.stdout)).toMatchFileSnapshot(path.join(GYLNE, 'faktura-2026-10.json'));
    for (const [fil, tekst] of [
      ...csvFiler(ws, 'faktura'),
      ['stotteregister.csv', readFileSync(path.join(ws, 'stotteregister.csv'), 'utf8')],
    ]) {
      await expect(normaliser(ws, tekst ?? '')).toMatchFileSnapshot(
        path.join(GYLNE, 'filer', fil!.replace(/[\\/]/g, '__')),
      );
    }
  });

  it('nh årsrapport --år 2026 (etter fakturering av oktober)', async () => {
    const ws = demo();
    expect((await nh(['faktura', '--periode', '2026-10', '--data', ws])).kode).toBe(0);
    await gylden('arsrapport-2026', ['årsrapport', '--år', '2026', '--forhandsvis'], ws);
  });

  it('nh kts-plan --frist 2026-12-01: skjerm, --json og AVI-filen', async () => {
    const ws = demo();
    await gylden('kts-plan-2026-12-01-forhandsvis', ['kts-plan', '--frist', '2026-12-01', '--forhandsvis'], ws);
    const r = await nh(['kts-plan', '--frist', '2026-12-01', '--data', ws, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    passerJsonSkjema(r.stdout);
    await expect(normaliser(ws, r.stdout)).toMatchFileSnapshot(path.join(GYLNE, 'kts-plan-2026-12-01.json'));
    for (const [fil, tekst] of csvFiler(ws, 'avi')) {
      await expect(tekst).toMatchFileSnapshot(path.join(GYLNE, 'filer', fil.replace(/[\\/]/g, '__')));
    }
  });
});
