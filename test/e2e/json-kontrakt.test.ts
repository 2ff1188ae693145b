/**
 * Issue 19 pkt. 10: `--json` er en kontrakt. Hvert resultat — også feil, bruksfeil og avvisninger — begynner med
 * ok, versjon, kommando og exitKode og slutter med advarsler, og passer skjemaet i src/cli/json/ nøyaktig (så
 * docs/json.md, generert fra skjemaene, beskriver hvert felt). Vanlige kjøringer står i gylne.test.ts; her er de
 * andre formene.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, kopier, nh } from '../hjelp.js';
import { passerJsonSkjema } from '../json-skjema.js';

function sjekkKonvolutt(stdout: string, kommando: string | null, exitKode: number) {
  const j = JSON.parse(stdout);
  const nokler = Object.keys(j);
  expect(nokler.slice(0, 4)).toEqual(['ok', 'versjon', 'kommando', 'exitKode']);
  expect(nokler.at(-1)).toBe('advarsler');
  expect(j).toMatchObject({ ok: exitKode === 0, versjon: 1, kommando, exitKode });
  passerJsonSkjema(stdout);
  return j;
}

describe('--json-konvolutten (issue 19 pkt. 10)', () => {
  it('kjøringer som skriver filer, og formene gylne filer ikke dekker', async () => {
    const ws = kopier(DEMO);
    const ut = path.join(ws, 'ut');
    const kjoringer: [string[], string][] = [
      [['timesats', '--ut', ut], 'timesats'],
      [['årsrapport', '--år', '2026', '--halvår', '--ut', ut], 'årsrapport'],
      [['kts-plan', '--plan', '2026', '--ics', path.join(ut, 'kts.ics')], 'kts-plan'],
      [['frister', '--år', '2031'], 'frister'],
    ];
    for (const [args, kommando] of kjoringer) {
      const r = await nh([...args, '--data', ws, '--json']);
      expect(r.kode, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      sjekkKonvolutt(r.stdout, kommando, 0);
    }
  });

  it('faktura: fakturert, allerede fakturert og avvist (exit 1)', async () => {
    const ws = kopier(DEMO);
    const f = await nh(['faktura', '--periode', '2026-10', '--data', ws, '--json']);
    sjekkKonvolutt(f.stdout, 'faktura', 0);
    const igjen = await nh(['faktura', '--periode', '2026-10', '--data', ws, '--json']);
    expect(sjekkKonvolutt(igjen.stdout, 'faktura', 0).status).toBe('allerede-fakturert');
    writeFileSync(path.join(ws, 'tilskudd.csv'), '\uFEFFar;type;belop\n2026;innovasjon;1 000\n');
    const avvist = await nh(['faktura', '--periode', '2026-11', '--data', ws, '--json']);
    expect(avvist.kode).toBe(1);
    expect(sjekkKonvolutt(avvist.stdout, 'faktura', 1).resultat.status).toBe('avvist');
  });

  it('feil (exit 2), bruksfeil og ukjent kommando har samme form', async () => {
    const ws = kopier(DEMO);
    const c = JSON.parse(readFileSync(path.join(ws, 'nh.json'), 'utf8'));
    c.markedsprisPerTime = 'FYLL INN';
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const ufylt = await nh(['faktura', '--periode', '2026-10', '--data', ws, '--json']);
    expect(sjekkKonvolutt(ufylt.stdout, 'faktura', 2).feil[0].kode).toBe('ikke-fylt-inn');
    sjekkKonvolutt((await nh(['timesats', '--data', DEMO, '--år', 'x', '--json'])).stdout, 'timesats', 2);
    sjekkKonvolutt((await nh(['budsjett', '--data', DEMO, '--json', '--år'])).stdout, 'budsjett', 2);
    sjekkKonvolutt((await nh(['årsrapport', '--ukjent', '--json'])).stdout, 'årsrapport', 2);
    sjekkKonvolutt((await nh(['fakture', '--json'])).stdout, null, 2);
    sjekkKonvolutt((await nh(['sjekk', '--data', '/finnes/ikke', '--json'])).stdout, 'sjekk', 2);
  });
});

describe('docs/json.md', () => {
  it('nevner hver kommando og er generert fra skjemaene (npm run docs)', () => {
    const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'json.md'), 'utf8');
    for (const k of [
      'init',
      'sjekk',
      'timesats',
      'budsjett',
      'smb-sjekk',
      'faktura',
      'kts-plan',
      'årsrapport',
      'frister',
    ])
      expect(doc).toContain(`## \`nh ${k}\``);
    expect(doc).toContain('| `ikkeFyltInn[].hvor` | tekst | hvor administratoren finner verdien |');
  });
});
