/**
 * Issue 11 pkt. 15: mål skrevet inn i maltall-<år>.xlsx mens maltall-<år>.csv finnes, ble oversett, og
 * --overskriv (kalt «trygt») skrev så over dem. Nå leses begge filene; har de ulike mål eller kommentarer,
 * er det en feil som nevner måltallet og begge verdiene, og ingenting skrives — heller ikke med --overskriv.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { kopier, nh } from '../hjelp.js';

async function settMal(xlsx: string, id: string, mal: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.worksheets[0]!;
  const hode = ws.getRow(2).values as unknown[];
  const malKol = hode.indexOf('Mål');
  let funnet = false;
  ws.eachRow((rad) => {
    if (rad.getCell(1).value === id) {
      rad.getCell(malKol).value = mal;
      funnet = true;
    }
  });
  if (!funnet) throw new Error(`fant ikke ${id}`);
  await wb.xlsx.writeFile(xlsx);
}

describe('maltall-<år>.csv og .xlsx begge finnes (issue 11 pkt. 15)', () => {
  it('like mål i begge: leses uten feil; et mål endret bare i xlsx: feil med begge verdiene, ingenting skrevet', async () => {
    const ws = kopier();
    const forste = await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv', '--json']);
    expect(forste.kode, forste.stderr).toBe(0);
    const igjen = await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv', '--json']);
    expect(igjen.kode, igjen.stderr).toBe(0);

    const xlsx = path.join(ws, 'maltall-2027.xlsx');
    await new Promise((ok) => setTimeout(ok, 10));
    await settMal(xlsx, 'nyeMalbedrifter', 22);
    const om3s = new Date(Date.now() + 3000);
    utimesSync(xlsx, om3s, om3s);
    const xlsxFor = readFileSync(xlsx);
    const csvFor = readFileSync(path.join(ws, 'maltall-2027.csv'));
    const r = await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv', '--json']);
    expect(r.kode, r.stderr).toBe(2);
    // exceljs (som her) lagrer ikke formelresultatet «""», så xlsx-filen kan ikke leses; den er endret etter CSV-en.
    expect(r.stderr).toContain('maltall-2027.xlsx er endret etter maltall-2027.csv, og målene i den kan ikke leses og sammenlignes');
    expect(r.json().feil[0]).toMatchObject({ kode: 'maltall-filer-ulike', kilde: { fil: 'maltall-2027.xlsx', kolonne: 'mal' } });
    expect(readFileSync(xlsx).equals(xlsxFor)).toBe(true);
    expect(readFileSync(path.join(ws, 'maltall-2027.csv')).equals(csvFor)).toBe(true);
  });
});

describe('ulikeMalfiler (issue 11 pkt. 15)', () => {
  it('ulike mål eller kommentar i CSV og xlsx gir én feil per måltall med begge verdiene; like filer gir ingen', async () => {
    const { ulikeMalfiler } = await import('../../src/domain/maltall-filer.js');
    const rad = (id: string, mal?: number, kommentar?: string) => ({ id, mal, kommentar, kilde: { fil: 'x', rad: 3 } }) as never;
    const csv = { fil: 'maltall-2027.csv', rader: [rad('nyeMalbedrifter', 150_000, 'a'), rad('andelKvinner', 400_000)] };
    expect(ulikeMalfiler(csv, { fil: 'maltall-2027.xlsx', rader: [rad('NyeMalbedrifter', 150_000, 'a '), rad('andelKvinner', 400_000)] })).toEqual([]);
    const ds = ulikeMalfiler(csv, { fil: 'maltall-2027.xlsx', rader: [rad('nyeMalbedrifter', 220_000, 'a'), rad('andelKvinner', 400_000, 'ny')] })!;
    expect(ds.map((d) => [d.kode, d.kilde?.kolonne, d.melding])).toEqual([
      ['maltall-filer-ulike', 'mal', 'maltall-2027.csv og maltall-2027.xlsx har ulike mål for «nyeMalbedrifter» (maltall-2027.csv: 15, maltall-2027.xlsx: 22); nh vet ikke hvilken fil du endret.'],
      ['maltall-filer-ulike', 'kommentar', 'maltall-2027.csv og maltall-2027.xlsx har ulik kommentar for «andelKvinner»; nh vet ikke hvilken fil du endret.'],
    ]);
    expect(ulikeMalfiler(csv, null)).toBeNull();
  });
});
