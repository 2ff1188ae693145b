/**
 * Tverrgående robusthet (issue 8): formelinjeksjon nøytraliseres i alt nh skriver, stier med
 * mellomrom og æøå, CRLF og LF. Hver kommando som skriver filer, legges til i KJORINGER.
 */
import { describe, expect, it } from 'vitest';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { DEMO, kopier, nh, nhProsess, ROT, tomMappe } from '../hjelp.js';

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
  bytt(
    'malbedrifter.csv',
    'Alfa AS;15.01.2026;31.12.2026;;',
    'Alfa AS;15.01.2026;31.12.2026;=HYPERLINK(2)Kari;kari@alfa.no',
  );
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
      const r = await nh([...k.args, '--data', ws]);
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
        const poster = parse(readFileSync(fil, 'utf8').replace(/^\uFEFF/, ''), {
          delimiter: ';',
          relax_column_count: true,
        }) as string[][];
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
                expect(v.startsWith("'") && FARLIG.test(v.slice(1)), `${fil} ${ark.name}!${c.address}: «${v}»`).toBe(
                  false,
                );
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
  it('arbeidsmappe med mellomrom og æøå i stien, og LF i stedet for CRLF', async () => {
    const ws = path.join(tomMappe(), 'Årsoppgjør for Sør-Øst næringshage');
    cpSync(LITEN, ws, { recursive: true });
    for (const f of readdirSync(ws).filter((f) => f.endsWith('.csv'))) {
      const p = path.join(ws, f);
      writeFileSync(p, readFileSync(p, 'utf8').replace(/\r\n/g, '\n'));
    }
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-10', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(readdirSync(path.join(ws, 'faktura', '2026-10')).sort()).toEqual([
      '.nh-kjoring.json',
      'bilag-stotte.csv',
      'fakturagrunnlag.csv',
      'fakturagrunnlag.xlsx',
    ]);
    expect((await nh(['timesats', '--data', ws, '--ut', path.join(ws, 'ut med mellomrom')])).kode).toBe(0);
  });
});

// ————— Issue 11 pkt. 3, 6–9 og issue 12 pkt. 7: låsen, miljøfeil og skriving —————

const P10 = ['--periode', '2026-10'];
const regLinjer = (ws: string) =>
  existsSync(path.join(ws, 'stotteregister.csv'))
    ? readFileSync(path.join(ws, 'stotteregister.csv'), 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1)
    : [];
const kopiLiten = () => {
  const ws = path.join(tomMappe(), 'am');
  cpSync(LITEN, ws, { recursive: true });
  return ws;
};
const gammel = (p: string, sekunder = 3600) => {
  const t = Date.now() / 1000 - sekunder;
  utimesSync(p, t, t);
};

describe('issue 11 pkt. 7: fs-feil er brukerens miljø — exit 2 med stien og hva som kan gjøres, aldri «Intern feil»', () => {
  it('timer.csv er en mappe (EISDIR)', async () => {
    const ws = kopiLiten();
    rmSync(path.join(ws, 'timer.csv'));
    mkdirSync(path.join(ws, 'timer.csv'));
    const r = await nh(['faktura', '--data', ws, ...P10, '--json']);
    expect(r.kode, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/Intern feil/);
    expect(r.stderr).toContain(path.join(ws, 'timer.csv'));
    expect(r.stderr).toMatch(/er en mappe, men nh forventet en fil/);
    expect(r.json().feil[0].kode).toBe('er-mappe');
  });

  it('issue 11 pkt. 9: fakturagrunnlag.csv er en mappe → exit 2 før noe er skrevet, og meldingen sier det', async () => {
    const ws = kopiLiten();
    mkdirSync(path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.csv'), { recursive: true });
    const r = await nh(['faktura', '--data', ws, ...P10]);
    expect(r.kode, r.stderr).toBe(2);
    expect(r.stderr).toContain(path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.csv'));
    expect(r.stderr).toMatch(/Ingenting er skrevet/);
    expect(readdirSync(path.join(ws, 'faktura', '2026-10')).sort()).toEqual(['fakturagrunnlag.csv']);
    expect(existsSync(path.join(ws, 'stotteregister.csv'))).toBe(false);
    expect(readdirSync(ws).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('issue 11 pkt. 6: tom eller halvskrevet låsfil', () => {
  it('en tom låsfil som er gammel (disk full / drept mellom opprett og skriv), tas over automatisk', async () => {
    const ws = kopiLiten();
    writeFileSync(path.join(ws, '.stotteregister.laas'), '');
    gammel(path.join(ws, '.stotteregister.laas'));
    const r = await nh(['faktura', '--data', ws, ...P10, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(regLinjer(ws)).toHaveLength(2);
    expect(existsSync(path.join(ws, '.stotteregister.laas'))).toBe(false);
  });

  it('en fersk tom låsfil (en kjøring holder på å skrive den) gir exit 2 med en forklaring', async () => {
    const ws = kopiLiten();
    writeFileSync(path.join(ws, '.stotteregister.laas'), '');
    const r = await nh(['faktura', '--data', ws, ...P10]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/tom eller uleselig/);
  });

  it('issue 12 pkt. 7: en fersk lås fra en annen PC tas ikke over, selv om PID-en ikke lever her', async () => {
    const ws = kopiLiten();
    const eier = { vert: 'ANNEN-PC-PÅ-ONEDRIVE', pid: 999_999, tid: new Date().toISOString(), id: 'abc' };
    writeFileSync(path.join(ws, '.stotteregister.laas'), `${JSON.stringify(eier)}\n`);
    const r = await nh(['faktura', '--data', ws, ...P10]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/prosess 999999 på ANNEN-PC-PÅ-ONEDRIVE/);
    expect(r.stderr).toMatch(/annen PC/);
    expect(existsSync(path.join(ws, 'stotteregister.csv'))).toBe(false);
    // Eldre enn grensen (10 min): kjøringen på den andre PC-en er borte, låsen tas over.
    gammel(path.join(ws, '.stotteregister.laas'), 3600);
    writeFileSync(
      path.join(ws, '.stotteregister.laas'),
      `${JSON.stringify({ ...eier, tid: '2026-11-22T00:00:00Z' })}\n`,
    );
    gammel(path.join(ws, '.stotteregister.laas'), 3600);
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
  });
});

describe('issue 11 pkt. 8: gjenglemte midlertidige filer ryddes ved start (eget mønster, eldre enn låsen)', () => {
  it('faktura rydder registerets og fakturagrunnlagets; kts-plan rydder avi/; andre filer røres ikke', async () => {
    const ws = kopier(DEMO);
    mkdirSync(path.join(ws, 'faktura', '2026-09'), { recursive: true });
    mkdirSync(path.join(ws, 'avi'), { recursive: true });
    const rester = [
      '.stotteregister.csv.tmp-4242-0badf00d',
      'faktura/2026-09/.fakturagrunnlag.csv.tmp-4242-deadbeef',
      'faktura/2026-09/.fakturagrunnlag.xlsx.tmp-4242-deadbeef',
      'avi/.avi-oppdatering-2026-12-01.xlsx.tmp-4242-cafebabe',
      'avi/.avi-logg.json.tmp-4242-cafebabe',
    ];
    const behold = ['.notater.tmp', 'faktura/2026-09/.fakturagrunnlag.csv.tmp-kopi', 'avi/.avi-minne.tmp-4242-xyz'];
    for (const f of [...rester, ...behold]) {
      writeFileSync(path.join(ws, f), 'halvskrevet');
      gammel(path.join(ws, f));
    }
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    expect((await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01'])).kode).toBe(0);
    for (const f of rester) expect(existsSync(path.join(ws, f)), f).toBe(false);
    for (const f of behold) expect(existsSync(path.join(ws, f)), f).toBe(true);
  });
});

describe('issue 11 pkt. 3: fem faktura-kjøringer samtidig mot en foreldet lås mister ingen måned', () => {
  it('hver kjøring som avslutter med 0, har sin måned i registeret; ingen halvferdige filer', async () => {
    const ws = kopiLiten();
    // Timer i fem måneder (kopier oktober-radene til juni–september).
    const timer = readFileSync(path.join(ws, 'timer.csv'), 'utf8');
    const okt = timer.split('\r\n').filter((l) => /^\d\d\.10\.2026;/.test(l));
    const ekstra = ['06', '07', '08', '09'].flatMap((m) => okt.map((l) => l.replace('.10.2026;', `.${m}.2026;`)));
    writeFileSync(path.join(ws, 'timer.csv'), `${timer.trimEnd()}\r\n${ekstra.join('\r\n')}\r\n`);
    writeFileSync(path.join(ws, '.stotteregister.laas'), '999999\n2026-11-22T00:00:00Z\n'); // krasjet kjøring
    const maaneder = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const r = await Promise.all(maaneder.map((m) => nhProsess(['faktura', '--data', ws, '--periode', m])));
    const perioder = new Set(regLinjer(ws).map((l) => l.split(';')[0]!.replace('M', '-'))); // «2026M08» i filen
    r.forEach((x, i) => {
      if (x.kode === 0) expect(perioder.has(maaneder[i]!), `${maaneder[i]} exit 0 men mangler i registeret`).toBe(true);
      else {
        expect(x.kode, x.stderr).toBe(2);
        expect(x.stderr).toMatch(/En annen nh-kjøring|ble endret av en annen/);
        expect(perioder.has(maaneder[i]!)).toBe(false);
      }
    });
    expect(r.some((x) => x.kode === 0)).toBe(true);
    expect(readdirSync(ws).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
