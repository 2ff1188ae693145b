/**
 * Tverrgående robusthet (issue 8): formelinjeksjon nøytraliseres i alt nh skriver, stier med
 * mellomrom og æøå, CRLF og LF. Hver kommando som skriver filer, legges til i KJORINGER.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { nh, ROT, tomMappe } from '../hjelp.js';

const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');

/** Arbeidsmappe der navn og tekster begynner med tegn som ellers blir formler i Excel. */
function giftigMappe(): string {
  const ws = path.join(tomMappe(), 'giftig');
  cpSync(LITEN, ws, { recursive: true });
  const bytt = (fil: string, fra: string, til: string) => {
    const p = path.join(ws, fil);
    const f = readFileSync(p, 'utf8');
    if (!f.includes(fra)) throw new Error(`giftigMappe: «${fra}» finnes ikke i ${fil}`);
    writeFileSync(p, f.split(fra).join(til));
  };
  bytt('ansatte.csv', 'Kari Nordmann', '=HYPERLINK(1)Kari');
  bytt('timer.csv', 'Kari Nordmann', '=HYPERLINK(1)Kari');
  bytt('ansatte.csv', 'Ola Hansen', '+Ola Hansen');
  bytt('timer.csv', 'Ola Hansen', '+Ola Hansen');
  bytt('malbedrifter.csv', 'Alfa Teknologi AS', '@SUM(1+1) Alfa AS');
  bytt('malbedrifter.csv', 'Beta Marin AS', '-Beta Marin AS');
  bytt('timer.csv', 'Strategi', '=1+2 strategi');
  bytt('kostnader.csv', 'Regnskap', '=cmd|calc');
  // Daglig leder (kts-plan skriver navnet i AVI-filen): et navn som ellers blir en formel.
  bytt('malbedrifter.csv', 'Alfa AS;15.01.2026;31.12.2026;;', 'Alfa AS;15.01.2026;31.12.2026;=HYPERLINK(2)Kari;kari@alfa.no');
  bytt('malbedrifter.csv', '-Beta Marin AS;01.03.2026;;;', '-Beta Marin AS;01.03.2026;;+Per Hansen;per@beta.no');
  bytt('malbedrifter.csv', 'Gamma Design AS;01.11.2026;;;', 'Gamma Design AS;01.11.2026;;@Gro;gro@gamma.no');
  return ws;
}

/** Kommandoer som skriver filer, med argumentene som gjør at de skriver noe på fixtures/faktura/liten. */
const KJORINGER: { navn: string; args: string[] }[] = [
  { navn: 'timesats', args: ['timesats'] },
  { navn: 'faktura', args: ['faktura', '--periode', '2026-10'] },
  { navn: 'budsjett', args: ['budsjett', '--ar', '2027'] },
  { navn: 'budsjett --regnskap', args: ['budsjett', '--regnskap', '2026'] },
  { navn: 'årsrapport --maltall', args: ['årsrapport', '--maltall', '2027'] },
  { navn: 'årsrapport --år', args: ['årsrapport', '--år', '2026'] },
  { navn: 'kts-plan', args: ['kts-plan', '--frist', '2026-12-01'] },
];

function alleFiler(mappe: string): string[] {
  return readdirSync(mappe).flatMap((f) => {
    const p = path.join(mappe, f);
    return statSync(p).isDirectory() ? alleFiler(p) : [p];
  });
}

const FARLIG = /^[=+@\t\r]|^-(?!\d)/; // et negativt tall er ikke farlig; «-Beta» er det

describe('formelinjeksjon: ingen CSV-celle nh skriver begynner med = + - @, og ingen xlsx-tekst blir formel', () => {
  it('gjennom alle kommandoer som skriver CSV/xlsx', async () => {
    const ws = giftigMappe();
    const inndata = new Set(readdirSync(ws));
    const kjorte: string[] = [];
    let forrige = alleFiler(ws).length;
    for (const k of KJORINGER) {
      const r = nh([...k.args, '--data', ws]);
      expect(r.kode, `${k.navn}: ${r.stderr}`).toBe(0);
      const naa = alleFiler(ws).length;
      expect(naa, `${k.navn} skal ha skrevet minst én fil`).toBeGreaterThan(forrige);
      forrige = naa;
      kjorte.push(k.navn);
    }
    expect(kjorte).toContain('faktura');
    const ut = alleFiler(ws).filter((f) => !inndata.has(path.relative(ws, f)) && /\.(csv|xlsx)$/.test(f));
    expect(ut.length).toBeGreaterThanOrEqual(3);
    let tekstceller = 0;
    let noytralisert = 0;
    let xlsxUendret = 0;
    for (const fil of ut) {
      if (fil.endsWith('.csv')) {
        const poster = parse(readFileSync(fil, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true }) as string[][];
        for (const p of poster)
          for (const c of p) {
            tekstceller++;
            if (c.startsWith("'")) noytralisert++;
            expect(c, `${fil}: «${c}»`).not.toMatch(FARLIG);
          }
      } else {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(fil);
        for (const ark of wb.worksheets)
          ark.eachRow((row) =>
            row.eachCell((c) => {
              const v = c.value as unknown;
              // Issue 16: i xlsx er tekst en tekstcelle (aldri en formel), så navnet står som det er, uten «'».
              if (typeof v === 'string') {
                tekstceller++;
                if (FARLIG.test(v)) xlsxUendret++;
                expect(v.startsWith("'") && FARLIG.test(v.slice(1)), `${fil} ${ark.name}!${c.address}: «${v}»`).toBe(false);
              }
              if (v && typeof v === 'object' && 'formula' in (v as object)) {
                // Formler skrives bare av malene, aldri fra brukerdata.
                expect(String((v as { formula: string }).formula)).not.toMatch(/HYPERLINK|cmd|SUM\(1\+1\)/);
              }
            }),
          );
      }
    }
    expect(tekstceller).toBeGreaterThan(0);
    expect(noytralisert, 'de giftige navnene skal finnes, nøytralisert, i CSV-ene').toBeGreaterThan(0);
    expect(xlsxUendret, 'de giftige navnene skal stå uendret som tekst i xlsx').toBeGreaterThan(0);
  });
});

describe('stier og linjeskift', () => {
  it('arbeidsmappe med mellomrom og æøå i stien, og LF i stedet for CRLF', () => {
    const ws = path.join(tomMappe(), 'Årsoppgjør for Sør-Øst næringshage');
    cpSync(LITEN, ws, { recursive: true });
    for (const f of readdirSync(ws).filter((f) => f.endsWith('.csv'))) {
      const p = path.join(ws, f);
      writeFileSync(p, readFileSync(p, 'utf8').replace(/\r\n/g, '\n'));
    }
    const r = nh(['faktura', '--data', ws, '--periode', '2026-10', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(readdirSync(path.join(ws, 'faktura', '2026-10')).sort()).toEqual(['fakturagrunnlag.csv', 'fakturagrunnlag.xlsx']);
    expect(nh(['timesats', '--data', ws, '--ut', path.join(ws, 'ut med mellomrom')]).kode).toBe(0);
  });
});
