/**
 * Issue 22 pkt. 6: xlsx nh skriver er byte for byte like for samme data samme dag — tidsstemplene i boken
 * (opprettet/endret) og i hver zip-oppføring er kjøringens «i dag», ikke klokka da filen ble skrevet.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { arbeidsbokTilBuffer } from '../../src/io/skriv/xlsx-skriv.js';
import { settDokument } from '../../src/io/skriv/xlsx-utskrift.js';
import { fastZipTid } from '../../src/io/skriv/zip-tid.js';

function bok(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  settDokument(wb, { tittel: 'Test', idag: '2026-11-22' as never });
  const ws = wb.addWorksheet('Ark');
  ws.addRow(['navn', 'beløp']);
  ws.addRow(['Kari', 1234.5]);
  return wb;
}

describe('deterministiske xlsx (faste tidsstempler)', () => {
  it('hver zip-oppføring og dokumentegenskapene har «i dag» kl. 00:00 UTC', async () => {
    const buf = await arbeidsbokTilBuffer(bok());
    const zip = await JSZip.loadAsync(buf);
    const datoer = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...datoer]).toEqual(['2026-11-22T00:00:00.000Z']);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-22T00:00:00Z</dcterms:modified>');
  });

  it('to bøker med samme innhold gir samme bytes, uansett når de ble skrevet', async () => {
    const a = await arbeidsbokTilBuffer(bok());
    const wb = bok();
    wb.created = new Date('1999-01-01T10:11:12Z'); // klokka boken ble laget, teller ikke
    const b = await arbeidsbokTilBuffer(wb);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  it('fastZipTid avviser noe som ikke er en zip', () => {
    expect(() => fastZipTid(new Uint8Array(40), new Date())).toThrow(/fant ikke slutten/);
  });
});
