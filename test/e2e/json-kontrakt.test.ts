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
import { z } from 'zod';
import { JSON_SKJEMA, feilResultat } from '../../src/cli/json/index.js';

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
  it('formene de gylne filene ikke dekker', async () => {
    const ws = kopier(DEMO);
    const ut = path.join(ws, 'ut');
    const kjoringer: [string[], string][] = [
      [['årsrapport', '--år', '2026', '--halvår', '--forhåndsvis'], 'årsrapport'],
      [['docs'], 'docs'],
      [['docs', 'faktura', '--sti'], 'docs'],
      [['kts-plan', '--plan', '2026', '--ics', path.join(ut, 'kts.ics')], 'kts-plan'],
      [['frister', '--år', '2031'], 'frister'],
    ];
    for (const [args, kommando] of kjoringer) {
      const r = await nh([...args, ...(kommando === 'docs' ? [] : ['--data', ws]), '--json']);
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

describe('én stavemåte per felt (issue 19 pkt. 10)', () => {
  /** Alle feltnavn i skjemaene (ikke nøklene i oppslagstabeller som smb-sjekk «valg»). */
  function feltnavn(s: unknown, ut = new Set<string>()): Set<string> {
    if (!s || typeof s !== 'object') return ut;
    const o = s as Record<string, unknown>;
    if (o.properties) for (const [k, v] of Object.entries(o.properties)) ut.add(k) && feltnavn(v, ut);
    for (const nokkel of ['items', 'additionalProperties']) feltnavn(o[nokkel], ut);
    for (const nokkel of ['anyOf', 'oneOf', 'allOf']) for (const v of (o[nokkel] as unknown[]) ?? []) feltnavn(v, ut);
    return ut;
  }

  it('ingen to feltnavn er det samme ordet stavet ulikt (store/små bokstaver, æøå, aa/å)', () => {
    const alle = new Set<string>();
    for (const s of [feilResultat, ...Object.values(JSON_SKJEMA)])
      feltnavn(z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }), alle);
    const norm = (k: string) => k.toLowerCase().replace(/æ/g, 'ae').replace(/[øo]/g, 'o').replace(/å|aa/g, 'a');
    const perNorm = new Map<string, string[]>();
    for (const k of alle) perNorm.set(norm(k), [...(perNorm.get(norm(k)) ?? []), k]);
    expect([...perNorm.values()].filter((v) => v.length > 1)).toEqual([]);
    expect(alle.size).toBeGreaterThan(150);
  });
});
