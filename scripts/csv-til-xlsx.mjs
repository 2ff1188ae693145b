#!/usr/bin/env node
/**
 * For ytelsesmålingen (scripts/bench.mjs): skriver <fil>.csv (fra lag-skala.mjs: «;», UTF-8, dd.mm.åååå,
 * desimalkomma) som <fil>.xlsx slik Excel lagrer den — dato som datocelle, tall som tall, resten som tekst.
 * Bruk: node scripts/csv-til-xlsx.mjs <fil.csv>
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';

const fil = process.argv[2];
if (!fil?.endsWith('.csv')) {
  console.error('Bruk: node scripts/csv-til-xlsx.mjs <fil.csv>');
  process.exit(2);
}
const [hode, ...rader] = parse(readFileSync(fil, 'utf8'), { delimiter: ';', bom: true });
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('timer');
ws.addRow(hode);
const celle = (v) => {
  const d = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v);
  if (d) return new Date(Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1])));
  if (/^\d+(,\d+)?$/.test(v) && v.length < 9) return Number(v.replace(',', '.'));
  return v;
};
for (const r of rader) ws.addRow(r.map(celle));
ws.getColumn(1).numFmt = 'dd.mm.yyyy';
await wb.xlsx.writeFile(fil.replace(/\.csv$/, '.xlsx'));
