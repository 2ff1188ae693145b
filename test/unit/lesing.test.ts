import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lesCsvTabell } from '../../src/io/tabell-les.js';
import { lesXlsxTabell } from '../../src/io/xlsx-les.js';
import { tolkTabell } from '../../src/io/datasett.js';
import { dekod, finnSkilletegn } from '../../src/io/tekstfil.js';
import { ansatteDef } from '../../src/domain/datasett/ansatte.js';
import { timerDef } from '../../src/domain/datasett/timer.js';
import { InndataFeil } from '../../src/domain/diagnostikk.js';

const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Å: 0xc5, Ø: 0xd8, Æ: 0xc6 })[c] ?? c.charCodeAt(0)));

describe('tegnsett og skilletegn fra norsk Excel', () => {
  it('UTF-8 med BOM, uten BOM, Windows-1252 og UTF-16LE gir samme tekst', () => {
    const tekst = 'navn;arslonn\r\nBjørn Åsheim;650 000\r\n';
    const varianter = [
      Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(tekst)]),
      new TextEncoder().encode(tekst),
      cp1252(tekst),
      Uint8Array.from([0xff, 0xfe, ...Buffer.from(tekst, 'utf16le')]),
    ];
    const navn = varianter.map((b) => tolkTabell(lesCsvTabell(b, 'ansatte.csv'), ansatteDef)[0]!.navn);
    expect(navn).toEqual(['Bjørn Åsheim', 'Bjørn Åsheim', 'Bjørn Åsheim', 'Bjørn Åsheim']);
    expect(dekod(varianter[2]!).tegnsett).toBe('windows-1252');
  });

  it('finner «;», «,» og tabulator, og ignorerer skilletegn i anførselstegn', () => {
    expect(finnSkilletegn('a;b;c\n1;2;3')).toBe(';');
    expect(finnSkilletegn('a,b,c\n1,2,3')).toBe(',');
    expect(finnSkilletegn('a\tb\n1\t2')).toBe('\t');
    expect(finnSkilletegn('"a,b,c";d\n')).toBe(';');
  });

  it('kommadelt fil med desimalpunktum og anførselstegn rundt desimalkomma', () => {
    const t = lesCsvTabell(new TextEncoder().encode('navn,arslonn,stillingsprosent\nKari,650000.00,100\nOla,"390 000,50",60\n'), 'ansatte.csv');
    const r = tolkTabell(t, ansatteDef);
    expect(r.map((a) => a.arslonn)).toEqual([65_000_000, 39_000_050]);
    expect(r[1]!.stillingsprosent).toBe(600_000);
  });

  it('overskrifter matches uten hensyn til store bokstaver, æøå, mellomrom, _ og -', () => {
    const t = lesCsvTabell(new TextEncoder().encode('NAVN;Års-lønn;Stillings_prosent\nKari;650 000;100\n'), 'ansatte.csv');
    expect(tolkTabell(t, ansatteDef)[0]).toMatchObject({ navn: 'Kari', arslonn: 65_000_000, stillingsprosent: 1_000_000 });
  });

  it('nh.json kan koble andre overskrifter (f.eks. «Prosjekt» → malbedrift) og overse kolonner', () => {
    const t = lesCsvTabell(new TextEncoder().encode('Dato;Ansatt;Prosjekt;Timer;Fakturerbar\n03.11.2026;Kari;ADM;1,5;nei\n'), 'timer.csv');
    const r = tolkTabell(t, timerDef, { kolonner: { timer: { Prosjekt: 'malbedrift' } }, ignorerKolonner: { timer: ['Fakturerbar'] } });
    expect(r[0]).toMatchObject({ malbedrift: 'ADM', timer: 150, dato: '2026-11-03' });
  });

  it('alle feil i en fil rapporteres samlet med fil, rad og kolonne', () => {
    const t = lesCsvTabell(new TextEncoder().encode('navn;arslonn;stillingsprosent\nKari;mye;100\nOla;500 000;200\n;1;\n'), 'ansatte.csv');
    try {
      tolkTabell(t, ansatteDef);
      expect.unreachable();
    } catch (e) {
      const ds = (e as InndataFeil).diagnostikk;
      expect(ds.map((d) => [d.kilde?.rad, d.kilde?.kolonne])).toEqual([
        [2, 'arslonn'],
        [3, 'stillingsprosent'],
        [4, 'navn'],
        [4, 'arslonn'], // 1 kr i årslønn er utenfor et rimelig spenn (issue 11 pkt. 5)
      ]);
      expect(ds[0]!.verdi).toBe('mye');
      expect(ds[0]!.forventet).toMatch(/beløp/);
    }
  });

  it('Excel-serienummer som dato i CSV', () => {
    const t = lesCsvTabell(new TextEncoder().encode('dato;ansatt;malbedrift;timer\n46329;Kari;ADM;2\n'), 'timer.csv');
    expect(tolkTabell(t, timerDef)[0]!.dato).toBe('2026-11-03');
  });
});

describe('xlsx', () => {
  it('leser tall, datoer, prosentformat og formelresultater', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ark');
    ws.addRow(['dato', 'ansatt', 'malbedrift', 'timer']);
    ws.addRow([new Date(Date.UTC(2026, 10, 3)), 'Kari', 923609016, { formula: '1+0.5', result: 1.5 }]);
    const dir = mkdtempSync(path.join(tmpdir(), 'nh-x-'));
    const fil = path.join(dir, 'timer.xlsx');
    writeFileSync(fil, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = tolkTabell(await lesXlsxTabell(fil, 'timer.xlsx'), timerDef);
    expect(r[0]).toMatchObject({ dato: '2026-11-03', malbedrift: '923609016', timer: 150 });
    expect(r[0]!.kilde).toMatchObject({ fil: 'timer.xlsx', ark: 'ark', rad: 2 });
  });

  it('prosentformaterte celler leses som prosent', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ansatte');
    ws.addRow(['navn', 'arslonn', 'stillingsprosent']);
    ws.addRow(['Kari', 650000, 0.8]);
    ws.getCell('C2').numFmt = '0%';
    const dir = mkdtempSync(path.join(tmpdir(), 'nh-x-'));
    const fil = path.join(dir, 'ansatte.xlsx');
    writeFileSync(fil, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(tolkTabell(await lesXlsxTabell(fil, 'ansatte.xlsx'), ansatteDef)[0]!.stillingsprosent).toBe(800_000);
  });
});
