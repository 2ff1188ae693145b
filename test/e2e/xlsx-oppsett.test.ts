/**
 * Issue 16: xlsx-filene som ferdige skjemaer — tallformat for år og radnumre, skrift, overskrifter som
 * ikke brytes midt i et ord, lange tekster som brytes, timesatsens årsverk og 1,2 ‰-taket.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { kopier, nh } from '../hjelp.js';

const boker: Record<string, ExcelJS.Workbook> = {};

async function les(fil: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fil);
  return wb;
}

beforeAll(async () => {
  const ws = kopier();
  const ut = path.join(ws, 'x');
  for (const args of [
    ['timesats'],
    ['budsjett', '--år', '2027'],
    ['budsjett', '--regnskap', '2026'],
    ['årsrapport', '--år', '2026'],
  ]) {
    const r = await nh([...args, '--data', ws, '--ut', ut]);
    expect(r.kode, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  for (const f of [
    'timesats-2026',
    'budsjett-adm-gjennomforing-2027',
    'attestasjonsgrunnlag-2026',
    'arsrapport-2026',
  ]) {
    boker[f] = await les(path.join(ut, `${f}.xlsx`));
  }
});

function ark(bok: string, navn: string): ExcelJS.Worksheet {
  const ws = boker[bok]!.getWorksheet(navn);
  if (!ws) throw new Error(`${bok}: mangler arket ${navn}`);
  return ws;
}

function kolonneMed(ws: ExcelJS.Worksheet, overskrift: string): number {
  let k = 0;
  ws.getRow(2).eachCell((c, i) => {
    if (c.text === overskrift) k = i;
  });
  expect(k, `${ws.name}: kolonnen «${overskrift}»`).toBeGreaterThan(0);
  return k;
}

describe('år og radnumre uten tusenskille (pkt. 3)', () => {
  it('Sammendrag B3 i budsjett og attestasjonsgrunnlag, Tilskuddsbalanse A3 og Forutsetninger', async () => {
    for (const [bok, navn, celle, verdi] of [
      ['budsjett-adm-gjennomforing-2027', 'Sammendrag', 'B3', 2027],
      ['attestasjonsgrunnlag-2026', 'Sammendrag', 'B3', 2026],
      ['arsrapport-2026', 'Tilskuddsbalanse', 'A3', 2026],
    ] as const) {
      const c = ark(bok, navn).getCell(celle);
      expect(c.value, `${bok} ${navn}!${celle}`).toBe(verdi);
      expect(c.numFmt, `${bok} ${navn}!${celle}`).toBe('0');
    }
    const fu = ark('arsrapport-2026', 'Forutsetninger');
    let ar: ExcelJS.Cell | undefined;
    fu.eachRow((r) => {
      if (r.getCell(1).text === 'År') ar = r.getCell(2);
    });
    expect(ar?.numFmt).toBe('0');
  });

  it('«Rad i …»-kolonnene', async () => {
    for (const [bok, navn, overskrift] of [
      ['attestasjonsgrunnlag-2026', 'Kostnadslinjer', 'Rad i kostnader'],
      ['attestasjonsgrunnlag-2026', 'Timelister', 'Rad i timer'],
    ] as const) {
      const ws = ark(bok, navn);
      const c = ws.getCell(3, kolonneMed(ws, overskrift));
      expect(typeof c.value).toBe('number');
      expect(c.numFmt).toBe('0');
    }
  });
});

describe('skrift, tekst og overskrifter (pkt. 6, 7, 9)', () => {
  it('hver stil med skrift har navn og størrelse (Calibri); tittelen er større', async () => {
    for (const [bok, wb] of Object.entries(boker))
      for (const ws of wb.worksheets) {
        ws.eachRow((r) =>
          r.eachCell((c) => {
            if (c.font) {
              expect(c.font.name, `${bok} ${ws.name}!${c.address}`).toBe('Calibri');
              expect(c.font.size, `${bok} ${ws.name}!${c.address}`).toBeGreaterThanOrEqual(11);
            }
          }),
        );
        expect(ws.getCell('A1').font?.size, `${bok} ${ws.name}: tittel`).toBeGreaterThan(11);
      }
  });

  it('ingen kolonneoverskrift brytes midt i et ord, og overskriftsraden er høy nok', async () => {
    for (const [bok, wb] of Object.entries(boker))
      for (const ws of wb.worksheets) {
        const hode = ws.getRow(2);
        let linjer = 1;
        hode.eachCell((c, k) => {
          const bredde = ws.getColumn(k).width ?? 9;
          for (const ord of c.text.split(/\s+/))
            expect(ord.length + 1, `${bok} ${ws.name}: «${ord}» i ${bredde}`).toBeLessThanOrEqual(bredde);
          linjer = Math.max(linjer, Math.ceil(c.text.length / (bredde - 1)));
        });
        expect(hode.height ?? 15, `${bok} ${ws.name}: overskriftsraden`).toBeGreaterThanOrEqual(linjer * 14);
      }
    // Issue-eksempelet: «Stillingsprosent» i timesats.
    const ts = ark('timesats-2026', 'Timesats');
    expect(ts.getColumn(kolonneMed(ts, 'Stillingsprosent')).width).toBeGreaterThanOrEqual(
      'Stillingsprosent'.length + 1,
    );
  });

  it('Forutsetninger/Sammendrag: lange tekster brytes i en bred nok kolonne, og raden blir høy nok', async () => {
    let lange = 0;
    let hoye = 0;
    for (const bok of ['budsjett-adm-gjennomforing-2027', 'attestasjonsgrunnlag-2026']) {
      const ws = ark(bok, 'Sammendrag');
      expect(ws.getColumn(2).width).toBeGreaterThan(22);
      ws.eachRow((r, nr) => {
        const c = r.getCell(2);
        if (nr > 2 && typeof c.value === 'string' && c.value.length > 22) {
          lange++;
          expect(c.alignment?.wrapText, `${bok} ${c.address}: «${c.value}»`).toBe(true);
          // Radhøyden følger teksten (LibreOffice regner den ikke ut selv): ellers ligger linjene oppå hverandre.
          if (c.value.length > 1.5 * (ws.getColumn(2).width ?? 9)) {
            hoye++;
            expect(r.height, `${bok} ${c.address}: radhøyde`).toBeGreaterThanOrEqual(28);
          }
        }
      });
    }
    expect(lange).toBeGreaterThan(0);
    expect(hoye).toBeGreaterThan(0);
  });
});

describe('timesats (pkt. 10, programveileder 10.4)', () => {
  it('«Sum / årsverk» vises som årsverk, ikke prosent', async () => {
    const ws = ark('timesats-2026', 'Timesats');
    const k = kolonneMed(ws, 'Stillingsprosent');
    let sum: ExcelJS.Cell | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).text === 'Sum / årsverk') sum = r.getCell(k);
    });
    expect(sum, 'sumraden').toBeDefined();
    expect(sum!.numFmt).toContain('årsverk');
    expect(sum!.numFmt).not.toContain('%');
    expect((sum!.value as ExcelJS.CellFormulaValue).result).toBeCloseTo(6.6, 9);
  });

  it('10.4: taket 1,2 ‰ står i Forutsetninger som tall, og formelen peker dit (ingen 12/10000 i formelen)', async () => {
    const fu = ark('timesats-2026', 'Forutsetninger');
    let rad = 0;
    fu.eachRow((r, nr) => {
      if (r.getCell(1).text.includes('1,2 ‰')) rad = nr;
    });
    expect(rad).toBeGreaterThan(0);
    expect(fu.getCell(rad, 2).value).toBe(0.0012);
    const ws = ark('timesats-2026', 'Timesats');
    const f = (ws.getCell(3, kolonneMed(ws, 'Tak 1,2 ‰ av årslønn')).value as ExcelJS.CellFormulaValue).formula;
    expect(f).toContain(`'Forutsetninger'!$B$${rad}`);
    expect(f).not.toMatch(/12\/10000/);
  });
});

describe('årsrapport: avvik for andeler i prosentpoeng (pkt. 10)', () => {
  it('overskriften og tallformatet sier %-poeng', async () => {
    const ws = boker['arsrapport-2026']!.worksheets.find((w) => {
      let funnet = false;
      w.getRow(2).eachCell((c) => {
        if (c.text.startsWith('Avvik')) funnet = true;
      });
      return funnet;
    })!;
    const k = kolonneMed(ws, 'Avvik (resultat − mål; andeler i %-poeng)');
    const formater = new Set<string>();
    ws.eachRow((r, nr) => {
      if (nr > 2 && r.getCell(k).numFmt) formater.add(r.getCell(k).numFmt);
    });
    expect([...formater].some((f) => f.includes('-poeng'))).toBe(true);
  });
});
