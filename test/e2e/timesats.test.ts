import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { kopier, lesArk, nh, ROT } from '../hjelp.js';
import { harLibreOffice, regnOmILibreOffice } from '../libreoffice.js';
import { skrivebeskytt } from '../krav.js';

const MINI = path.join(ROT, 'fixtures', 'mini');

describe('nh timesats (ende til ende på det bygde binæret)', () => {
  it('skriver tabell og timesats-<år>.xlsx; --json har feltene issue 2 krever', async () => {
    const ws = kopier(MINI);
    const r = await nh(['timesats', '--data', ws, '--json']);
    expect(r.stderr).toBe('');
    expect(r.kode).toBe(0);
    const j = r.json();
    expect(j.ansatte).toHaveLength(3);
    for (const a of j.ansatte) {
      for (const felt of [
        'navn',
        'arslonnFulltid',
        'totalKostnad',
        'beregnet',
        'takPromille',
        'takKroner',
        'godkjent',
        'binder',
      ])
        expect(a).toHaveProperty(felt);
    }
    const ola = j.ansatte.find((a: { navn: string }) => a.navn === 'Ola Hansen');
    expect(ola.arslonnFulltid).toBe(650000); // 390 000 på 60 % → heltid
    expect(existsSync(path.join(ws, 'timesats-2026.xlsx'))).toBe(true);

    // Andre kjøring overskriver ikke uten --overskriv
    const igjen = await nh(['timesats', '--data', ws]);
    expect(igjen.kode).toBe(2);
    expect(igjen.stderr).toMatch(/finnes fra før.*--overskriv/);
    expect((await nh(['timesats', '--data', ws, '--overskriv'])).kode).toBe(0);
  });

  it('tekstutskriften viser hvilket tak som binder', async () => {
    const r = await nh(['timesats', '--data', MINI, '--forhandsvis']);
    expect(r.kode).toBe(0);
    expect(r.stdout).toMatch(/Binder/);
    expect(r.stdout).toMatch(/beregnet sats/);
    expect(r.stdout).toMatch(/Forhåndsvisning: ingen fil er skrevet/);
  });

  it('--forhandsvis skriver ingenting', async () => {
    const ws = kopier(MINI);
    const før = readdirSync(ws).sort();
    expect((await nh(['timesats', '--data', ws, '--forhandsvis'])).kode).toBe(0);
    expect(readdirSync(ws).sort()).toEqual(før);
  });

  it('mangler arbeidsmappe gir exit 2 med norsk melding', async () => {
    const r = await nh(['timesats', '--data', path.join(ROT, 'finnes-ikke')]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/Fant ikke nh\.json/);
  });

  it('--json ved feil: bare JSON på stdout, exit 2', async () => {
    const r = await nh(['timesats', '--data', path.join(ROT, 'finnes-ikke'), '--json']);
    expect(r.kode).toBe(2);
    expect(r.json()).toMatchObject({ ok: false, exitKode: 2 });
  });

  // Som root (CI) hjelper ikke chmod; test/krav.ts monterer da mappen skrivebeskyttet på seg selv.
  it('skrivebeskyttet utmappe feiler tydelig og etterlater ingen midlertidige filer', async () => {
    const ws = kopier(MINI);
    const opphev = skrivebeskytt(ws);
    let r: Awaited<ReturnType<typeof nh>>;
    try {
      r = await nh(['timesats', '--data', ws]);
    } finally {
      opphev();
    }
    expect(r.kode, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/Intern feil/);
    expect(readdirSync(ws).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it.skipIf(!harLibreOffice)(
    'xlsx regnet om i LibreOffice gir samme tall som --json',
    async () => {
      const ws = kopier(MINI);
      const j = (await nh(['timesats', '--data', ws, '--json'])).json();
      const omregnet = await regnOmILibreOffice(path.join(ws, 'timesats-2026.xlsx'));
      const rader = await lesArk(omregnet, 'Timesats');
      const hode = rader[1] as string[];
      const kol = (navn: string) => hode.indexOf(navn);
      j.ansatte.forEach((a: Record<string, number | string>, i: number) => {
        const r = rader[2 + i]!;
        expect(r[kol('Ansatt')]).toBe(a.navn);
        expect(r[kol('Årslønn omregnet til heltid')]).toBeCloseTo(a.arslonnFulltid as number, 2);
        expect(r[kol('Totalkostnad per år')]).toBeCloseTo(a.totalKostnad as number, 2);
        expect(r[kol('Beregnet timesats')]).toBeCloseTo(a.beregnet as number, 2);
        expect(r[kol('Tak 1,2 ‰ av årslønn')]).toBeCloseTo(a.takPromille as number, 2);
        expect(r[kol('Godkjent timesats')]).toBeCloseTo(a.godkjent as number, 2);
      });
    },
    300_000,
  ); // LibreOffice-runden kan vente bak andre på en travel maskin
});
