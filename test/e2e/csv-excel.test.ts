/**
 * Issue 16 pkt. 11: CSV-ene nh skriver (støtteregisteret, fakturagrunnlaget, AVI-filen) skal overleve at
 * en regnearkmotor med norsk språk åpner og lagrer dem. Norsk Excel gjør «2026-10» til «okt.26» og
 * «mars 2024» til en dato; nh skriver derfor måneder som «2026M10» og leser det Excel lager, med advarsel.
 * Rundturen kjøres i LibreOffice med nb-NO (Excel finnes ikke her); Excels form («okt.26») simuleres.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kopier, nh, ROT } from '../hjelp.js';
import { SOFFICE } from '../libreoffice.js';

const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');

/** LibreOffice-profil med norsk (bokmål) språk og lokale. */
function norskProfil(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nh-lo-nb-'));
  mkdirSync(path.join(dir, 'user'), { recursive: true });
  const prop = (navn: string) =>
    `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="${navn}" oor:op="fuse"><value>nb-NO</value></prop></item>`;
  writeFileSync(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${prop('ooSetupSystemLocale')}
${prop('ooLocale')}
</oor:items>
`,
  );
  return dir;
}

/** Åpne og lagre CSV-ene i LibreOffice med norsk lokale (1044 = nb-NO): «;», UTF-8, som Excel ville. */
function rundtur(filer: string[]): string[] {
  const ut = mkdtempSync(path.join(tmpdir(), 'nh-lo-csv-'));
  const navn = filer.map((f, i) => {
    const kopi = path.join(ut, 'inn', `${i}-${path.basename(f)}`);
    mkdirSync(path.dirname(kopi), { recursive: true });
    copyFileSync(f, kopi);
    return kopi;
  });
  const r = spawnSync(
    SOFFICE!,
    [
      `-env:UserInstallation=file://${norskProfil()}`,
      '--headless',
      '--norestore',
      '--infilter=CSV:59,34,76,1,,1044',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):59,34,76,1,,1044',
      '--outdir',
      path.join(ut, 'ut'),
      ...navn,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`LibreOffice feilet: ${r.stderr}`);
  return navn.map((n) => path.join(ut, 'ut', path.basename(n)));
}

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
  it('periode og utsendingsmåned står uendret etter åpne-og-lagre, og nh leser filen tilbake', async () => {
    const ws = kopier(LITEN);
    expect((await nh(['faktura', '--data', ws, '--periode', '2026-10'])).kode).toBe(0);
    const demo = kopier(); // demoen har daglig leder for alle, som AVI-filen krever
    expect((await nh(['kts-plan', '--data', demo, '--frist', '2026-12-01'])).kode).toBe(0);
    const register = path.join(ws, 'stotteregister.csv');
    const grunnlag = path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.csv');
    const avi = path.join(demo, 'avi', 'avi-oppdatering-2026-12-01.csv');
    expect(kolonne(register, 'periode')).toEqual(['2026M10', '2026M10']);
    expect(new Set(kolonne(grunnlag, 'periode'))).toEqual(new Set(['2026M10']));
    const maaneder = kolonne(avi, 'utsendingsmaaned');
    expect(maaneder.length).toBeGreaterThan(0);
    for (const m of maaneder) expect(m).toMatch(/^\d{4}M\d{2}$/);

    const [reg2, grunnlag2, avi2] = rundtur([register, grunnlag, avi]);
    expect(kolonne(reg2!, 'periode')).toEqual(kolonne(register, 'periode'));
    expect(kolonne(grunnlag2!, 'periode')).toEqual(kolonne(grunnlag, 'periode'));
    expect(kolonne(avi2!, 'utsendingsmaaned')).toEqual(maaneder);

    // Registeret slik regnearket lagret det, leses av neste kjøring uten advarsel om måneder.
    copyFileSync(reg2!, register);
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-11', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.json().advarsler.map((a: { kode: string }) => a.kode)).not.toContain('maaned-endret-av-excel');
    expect(kolonne(register, 'periode').sort()).toEqual(['2026M10', '2026M10', '2026M11']);
  });

  it('den gamle formen «mars 2024» blir en dato i et norsk regneark (derfor «2024M03»)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nh-csv-'));
    const fil = path.join(dir, 'gammel.csv');
    writeFileSync(fil, '\uFEFFutsendingsmaaned;periode\r\nmars 2024;2024M03\r\n');
    const [ut] = rundtur([fil]);
    const [gammel, ny] = readFileSync(ut!, 'utf8').trimEnd().split(/\r?\n/)[1]!.split(';');
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
