/**
 * Issue 16 pkt. 11: CSV-ene nh skriver (støtteregisteret, fakturagrunnlaget, AVI-filen) skal overleve at
 * en regnearkmotor med norsk språk åpner og lagrer dem. Norsk Excel gjør «2026-10» til «okt.26» og
 * «mars 2024» til en dato; nh skriver derfor måneder som «2026M10» og leser det Excel lager, med advarsel.
 * Rundturen kjøres i LibreOffice med nb-NO (Excel finnes ikke her); Excels form («okt.26») simuleres.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kopier, nh, ROT, tomMappe } from '../hjelp.js';
import { csvRundtur, SOFFICE } from '../libreoffice.js';

const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');

function kolonne(fil: string, navn: string): string[] {
  const linjer = readFileSync(fil, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
  const k = linjer[0]!.split(';').indexOf(navn);
  expect(k, `${fil}: kolonnen ${navn}`).toBeGreaterThanOrEqual(0);
  return linjer.slice(1).map((l) => l.split(';')[k]!);
}

describe.skipIf(!SOFFICE)('CSV som overlever et regneark med norsk lokale (issue 16 pkt. 11)', () => {
  // Filene fra begge testene åpnes og lagres i én LibreOffice-runde med norsk lokale (test/libreoffice.ts).
  let ws: string;
  let register: string;
  let grunnlag: string;
  let avi: string;
  let lagret: Record<'register' | 'grunnlag' | 'avi' | 'gammel', string>;
  beforeAll(async () => {
    ws = kopier(LITEN);
    expect((await nh(['faktura', '--data', ws, '--periode', '2026-10'])).kode).toBe(0);
    const demo = kopier(); // demoen har daglig leder for alle, som AVI-filen krever
    expect((await nh(['kts-plan', '--data', demo, '--frist', '2026-12-01'])).kode).toBe(0);
    register = path.join(ws, 'stotteregister.csv');
    grunnlag = path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.csv');
    avi = path.join(demo, 'avi', 'avi-oppdatering-2026-12-01.csv');
    const gammel = path.join(tomMappe(), 'gammel.csv');
    writeFileSync(gammel, '\uFEFFutsendingsmaaned;periode\r\nmars 2024;2024M03\r\n');
    const [r, g, a, gm] = await csvRundtur([register, grunnlag, avi, gammel]);
    lagret = { register: r!, grunnlag: g!, avi: a!, gammel: gm! };
  }, 300_000);

  it('periode og utsendingsmåned står uendret etter åpne-og-lagre, og nh leser filen tilbake', async () => {
    expect(kolonne(register, 'periode')).toEqual(['2026M10', '2026M10']);
    expect(new Set(kolonne(grunnlag, 'periode'))).toEqual(new Set(['2026M10']));
    const maaneder = kolonne(avi, 'utsendingsmaaned');
    expect(maaneder.length).toBeGreaterThan(0);
    for (const m of maaneder) expect(m).toMatch(/^\d{4}M\d{2}$/);

    expect(kolonne(lagret.register, 'periode')).toEqual(kolonne(register, 'periode'));
    expect(kolonne(lagret.grunnlag, 'periode')).toEqual(kolonne(grunnlag, 'periode'));
    expect(kolonne(lagret.avi, 'utsendingsmaaned')).toEqual(maaneder);

    // Registeret slik regnearket lagret det, leses av neste kjøring uten advarsel om måneder.
    copyFileSync(lagret.register, register);
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-11', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.json().advarsler.map((a: { kode: string }) => a.kode)).not.toContain('maaned-endret-av-excel');
    expect(kolonne(register, 'periode').sort()).toEqual(['2026M10', '2026M10', '2026M11']);
  });

  it('den gamle formen «mars 2024» blir en dato i et norsk regneark (derfor «2024M03»)', () => {
    const [gammel, ny] = readFileSync(lagret.gammel, 'utf8').trimEnd().split(/\r?\n/)[1]!.split(';');
    expect(gammel).not.toBe('mars 2024');
    expect(ny).toBe('2024M03');
  });
});

describe('støtteregister som Excel har lagret: måneder gjort om til datoer', () => {
  it('«okt.26» og «01.10.2026» leses som 2026-10 med en tydelig advarsel, og skrives tilbake som 2026M10', async () => {
    const ws = kopier(LITEN);
    expect((await nh(['faktura', '--data', ws, '--periode', '2026-10'])).kode).toBe(0);
    const register = path.join(ws, 'stotteregister.csv');
    const linjer = readFileSync(register, 'utf8').split('\r\n');
    // Slik norsk Excel lagrer en «2026-10» den har gjort om til en dato (visningsformatet «mmm.yy»).
    linjer[1] = linjer[1]!.replace(/^2026M10;/, 'okt.26;');
    linjer[2] = linjer[2]!.replace(/^2026M10;/, '01.10.2026;');
    writeFileSync(register, linjer.join('\r\n'));
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-09', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const a = r.json().advarsler.find((x: { kode: string }) => x.kode === 'maaned-endret-av-excel');
    expect(a, JSON.stringify(r.json().advarsler)).toBeDefined();
    expect(a.melding).toContain('«okt.26» → 2026-10');
    expect(a.melding).toContain('«01.10.2026» → 2026-10');
    expect(a.kilde).toMatchObject({ fil: 'stotteregister.csv', kolonne: 'periode' });
    expect(kolonne(register, 'periode').sort()).toEqual(['2026M09', '2026M10', '2026M10']);
  });
});
