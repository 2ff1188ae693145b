/**
 * Korpuset av ødelagte inndata (fixtures/bad/*): hvert tilfelle kjøres gjennom riktig kommando på det
 * bygde binæret. Krav: exit 2, meldingen nevner fil, rad og kolonne, og ingenting er skrevet. Hele feilteksten
 * (stderr) er festet i `melding.txt` i tilfellets mappe, så en endret melding er en synlig diff (issue 12 pkt. 2).
 * Nye tilfeller: en mappe med tilfelle.json (se scripts/lag-bad.mjs) — testen plukker dem opp selv; første kjøring
 * utenfor CI skriver melding.txt (`npx vitest run test/e2e/bad-input.test.ts -u` etter en bevisst endring).
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { kopier, nh, ROT, avtrykk } from '../hjelp.js';

type Tilfelle = {
  beskrivelse: string;
  base?: string;
  kommando: string[];
  fjern?: string[];
  forventet: { fil: string; rad?: number; kolonne?: string; kode?: string; tekst?: string };
};

const BAD = path.join(ROT, 'fixtures', 'bad');
const MELDING = 'melding.txt';
const tilfeller = readdirSync(BAD)
  .filter((d) => existsSync(path.join(BAD, d, 'tilfelle.json')))
  .sort()
  .map((d) => [d, JSON.parse(readFileSync(path.join(BAD, d, 'tilfelle.json'), 'utf8')) as Tilfelle] as const);

describe('ødelagte inndata: exit 2, fil/rad/kolonne i meldingen, ingenting skrevet', () => {
  it('korpuset har minst 40 tilfeller', async () => {
    expect(tilfeller.length).toBeGreaterThanOrEqual(40);
  });

  it.each(tilfeller)('%s', async (navn, t) => {
    const ws = kopier(path.join(ROT, 'fixtures', t.base ?? 'mini'));
    for (const f of t.fjern ?? []) rmSync(path.join(ws, f));
    for (const f of readdirSync(path.join(BAD, navn))) {
      if (f !== 'tilfelle.json' && f !== MELDING)
        cpSync(path.join(BAD, navn, f), path.join(ws, f), { recursive: true });
    }
    const før = avtrykk(ws);
    const r = await nh([...t.kommando, '--data', ws, '--json']);
    await expect(r.stderr.split(ws).join('<arbeidsmappe>')).toMatchFileSnapshot(path.join(BAD, navn, MELDING));
    expect(r.kode, `${t.beskrivelse}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(2);
    const f = t.forventet;
    expect(r.stderr).toContain(f.fil);
    if (f.rad !== undefined) expect(r.stderr).toContain(`rad ${f.rad}`);
    // I JSON-filer er det et felt, på kommandolinjen et valg (issue 19 pkt. 12).
    const hva = /\.json$/.test(f.fil) ? 'felt' : f.fil === 'kommandolinjen' ? 'valg' : 'kolonne';
    if (f.kolonne !== undefined) expect(r.stderr).toContain(`${hva} «${f.kolonne}»`);
    if (f.tekst !== undefined) expect(r.stderr).toContain(f.tekst);
    const j = r.json();
    expect(j.ok).toBe(false);
    const treff = (j.feil as { kode: string; kilde?: { fil: string; rad?: number; kolonne?: string } }[]).find(
      (d) =>
        (!f.kode || d.kode === f.kode) &&
        d.kilde?.fil.includes(f.fil) &&
        (f.rad === undefined || d.kilde?.rad === f.rad) &&
        (f.kolonne === undefined || d.kilde?.kolonne === f.kolonne),
    );
    expect(treff, JSON.stringify(j.feil, null, 2)).toBeDefined();
    expect(avtrykk(ws)).toEqual(før);
  });
});
