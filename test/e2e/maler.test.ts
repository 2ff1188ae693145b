/**
 * Issue 19 pkt. 5: maler en person kan fylle ut. nh init skriver overskriftene en administrator leser («Årslønn»,
 * «Stilling %», «Også tatt opp hos andre»), nh leser både dem og nøklene med én leser, og `--xlsx` gir
 * Excel-maler med en kommentar per kolonne, tallformat og inndatakontroll.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO, nh, tomMappe } from '../hjelp.js';

async function ny(ekstra: string[] = []): Promise<string> {
  const mappe = path.join(tomMappe(), 'ny');
  const r = await nh(['init', mappe, '--navn', 'Testdal Næringshage AS', '--orgnr', '923609016', ...ekstra]);
  expect(r.kode, r.stderr).toBe(0);
  return mappe;
}

describe('malene fra nh init (issue 19 pkt. 5)', () => {
  it('CSV: lesbare overskrifter, og en utfylt mal leses med dem', async () => {
    const m = await ny();
    const hode = (f: string) => readFileSync(path.join(m, f), 'utf8').split('\r\n')[0];
    expect(hode('ansatte.csv')).toBe(
      '\uFEFFNavn;Årslønn;Stilling %;Sosiale kostnader %;Indirekte kostnader;Markedspris per time;Planlagte adm.-timer',
    );
    expect(hode('malbedrifter.csv')).toContain(';Støtteintensitet %;');
    expect(hode('malbedrifter.csv')).toMatch(/;Også tatt opp hos andre$/);
    expect(hode('tilskudd.csv')).toBe('\uFEFFÅr;Type;Giver;Beløp;Dato');
    const fyll = (f: string, rad: string) =>
      writeFileSync(path.join(m, f), `${readFileSync(path.join(m, f), 'utf8')}${rad}\r\n`);
    fyll('ansatte.csv', 'Kari Nordmann;650 000;80;;;;');
    fyll('tilskudd.csv', '2026;innovasjon;Siva;1 500 000;15.01.2026');
    const r = await nh(['sjekk', '--data', m, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.json().datasett.find((d: { datasett: string }) => d.datasett === 'ansatte').rader).toBe(1);
  });

  it('samme leser for nøklene og de lesbare overskriftene (demoen har begge)', async () => {
    expect(readFileSync(path.join(DEMO, 'ansatte.csv'), 'utf8')).toMatch(/^\uFEFFNavn;Årslønn;Stilling %/);
    expect(readFileSync(path.join(DEMO, 'timer.csv'), 'utf8')).toMatch(/^\uFEFFdato;ansatt;malbedrift;timer/);
    const m = await ny();
    writeFileSync(path.join(m, 'ansatte.csv'), '\uFEFFnavn;arslonn;stillingsprosent\r\nKari;650 000;80\r\n');
    const nokler = await nh(['sjekk', '--data', m, '--json']);
    expect(nokler.kode, nokler.stderr).toBe(0);
  });

  it('--xlsx: lesbare overskrifter med en kommentar per kolonne, format og inndatakontroll per kolonne', async () => {
    const m = await ny(['--xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(m, 'malbedrifter.xlsx'));
    const ws = wb.getWorksheet('malbedrifter')!;
    const hode = ws.getRow(1);
    expect(hode.getCell(1).value).toBe('Orgnr');
    const overskrifter = (hode.values as unknown[]).slice(1);
    expect(overskrifter).toContain('Også tatt opp hos andre');
    for (let i = 1; i <= overskrifter.length; i++) {
      const note = hode.getCell(i).note as { texts: { text: string }[] } | string;
      const tekst = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
      expect(tekst, `kolonne ${i}`).toMatch(/^(Påkrevd|Valgfri)\. .+\nEksempel: /s);
    }
    const ark = readFileSync(path.join(m, 'malbedrifter.xlsx'));
    expect(ark.length).toBeLessThan(30_000); // ett område per kolonne, ikke 2 000 celler med hver sin kontroll
    const t = new ExcelJS.Workbook();
    await t.xlsx.readFile(path.join(m, 'tilskudd.xlsx'));
    const type = (t.worksheets[0] as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } })
      .dataValidations.model;
    expect(Object.values(type).some((v) => v.formulae?.[0] === '"innovasjon,administrasjon,overfort"')).toBe(true);
  });
});
