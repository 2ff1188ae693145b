import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lesArk, nh, tomMappe } from '../hjelp.js';

describe('nh init', () => {
  it('lager nh.json og tomme CSV-datasett med BOM og semikolon, og nekter å overskrive', async () => {
    const mappe = path.join(tomMappe(), 'Ny næringshage');
    const r = await nh(['init', mappe, '--navn', 'Testdal Næringshage AS', '--orgnr', '923 609 016', '--ar', '2027']);
    expect(r.kode, r.stderr).toBe(0);
    const config = JSON.parse(readFileSync(path.join(mappe, 'nh.json'), 'utf8'));
    expect(config).toMatchObject({ ar: 2027, naeringshage: { orgnr: '923609016' }, timerPerArsverk: 1695, stotteintensitet: 75, mvaSats: 25 });
    const timer = readFileSync(path.join(mappe, 'timer.csv'), 'utf8');
    expect(timer.startsWith('\uFEFFdato;ansatt;malbedrift;timer')).toBe(true);
    // Tom arbeidsmappe er gyldig for nh sjekk
    expect((await nh(['sjekk', '--data', mappe])).kode).toBe(0);
    const igjen = await nh(['init', mappe, '--navn', 'X', '--orgnr', '923609016']);
    expect(igjen.kode).toBe(2);
    expect(igjen.stderr).toMatch(/finnes allerede en arbeidsmappe/);
  });

  it('--xlsx lager Excel-maler med overskrifter', async () => {
    const mappe = path.join(tomMappe(), 'x');
    expect((await nh(['init', mappe, '--xlsx', '--navn', 'X AS', '--orgnr', '923609016'])).kode).toBe(0);
    expect(existsSync(path.join(mappe, 'ansatte.xlsx'))).toBe(true);
    const rader = await lesArk(path.join(mappe, 'malbedrifter.xlsx'));
    expect(rader[0]!.slice(0, 3)).toEqual(['orgnr', 'navn', 'avtalestart']);
  });

  it('uten navn i et skript: tydelig feil (exit 2), ingen spørsmål', async () => {
    const r = await nh(['init', path.join(tomMappe(), 'y')]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/Mangler verdi: Næringshagens navn/);
  });

  it('ugyldig orgnr avvises', async () => {
    const r = await nh(['init', path.join(tomMappe(), 'z'), '--navn', 'X', '--orgnr', '923609017']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/kontrollsiffer/);
  });
});

describe('nh (globalt)', () => {
  it('--help og --version på norsk, exit 0; ukjent kommando exit 2', async () => {
    const h = await nh(['--help']);
    expect(h.kode).toBe(0);
    expect(h.stdout).toMatch(/Bruk: nh/);
    expect(h.stdout).toMatch(/Kommandoer:/);
    expect((await nh(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const u = await nh(['finnesikke']);
    expect(u.kode).toBe(2);
    expect(u.stderr).toMatch(/ukjent kommando/);
  });
});

describe('farger', () => {
  it('NO_COLOR slår av farger (også når FORCE_COLOR er satt); uten NO_COLOR blir det farger', async () => {
    const uten = await nh(['timesats', '--data', 'fixtures/mini', '--forhandsvis'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(uten.kode).toBe(0);
    expect(uten.stdout).not.toMatch(/\u001b\[/);
    const med = await nh(['timesats', '--data', 'fixtures/mini', '--forhandsvis'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(med.stdout).toMatch(/\u001b\[/);
  });
});
