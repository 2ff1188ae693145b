/**
 * Issue 21 på demoen: det nh faktura gir bokføreren — PDF per faktura (én A4-side, tekst med nummer og KID, lagt
 * ved EHF-en), PowerOffice-bilag i dokumentert form, støttebilaget for måneden, sjekklisten ved første import — og
 * kryssjekken «register = fakturagrunnlag = importfiler = EHF = PDF» per faktura til øret. EHF-valideringen av
 * demoens filer (med PDF-vedlegget) står i faktura-ehf.test.ts, så den kjøres én gang.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, kopier, nh, ROT, tomMappe } from '../hjelp.js';
import {
  fraEhf,
  fraFakturagrunnlag,
  fraPdf,
  fraPoweroffice,
  fraRegister,
  fraTripletex,
} from '../kryssjekk-dokumenter.js';
import { lesPowerofficeOrdrer, poOre } from '../poweroffice-les.js';

const P = ['--periode', '2026-10'];
const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');

describe('nh faktura: dokumentene og bilagene bokføreren får (issue 21)', () => {
  it('demo: PDF per faktura, PowerOffice-bilag, støttebilag og kryssjekken register = grunnlag = import = EHF = PDF til øret', async () => {
    const ws = kopier(DEMO);
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    const reg = fraRegister(ws, '2026-10');
    expect(reg.size).toBe(j.malbedrifter.length);
    const grunnlag = fraFakturagrunnlag(ws, '2026-10');
    const tx = fraTripletex(ws, '2026-10');
    const po = fraPoweroffice(ws, '2026-10');
    const ehf = fraEhf(ws, '2026-10');
    expect(j.filer.pdf).toHaveLength(reg.size);
    for (const [nr, b] of reg) {
      const { type, kid, ...belop } = b;
      expect(grunnlag.get(nr), `fakturagrunnlag ${nr}`).toEqual(belop);
      expect(tx.get(nr), `tripletex ${nr}`).toBe(b.egenandel);
      expect(po.get(nr), `poweroffice ${nr}`).toEqual({ aBetale: b.egenandel + b.mva, kid });
      const e = ehf.get(nr)!;
      expect({ ...e, pdf: undefined, kid: undefined }, `EHF ${nr}`).toEqual({
        ...belop,
        pdf: undefined,
        kid: undefined,
      });
      expect(e.pdf && e.kid === kid, `EHF ${nr} har PDF og KID`).toBe(true);
    }
    // PDF-ene: én side hver, nummer, KID og de tre beløpene (10.4) i teksten — for noen få filer (raskt).
    for (const fil of (j.filer.pdf as string[]).slice(0, 3)) {
      const p = fraPdf(fil);
      const b = reg.get(p.nr)!;
      expect(path.basename(fil)).toMatch(new RegExp(`^${p.nr}-\\d{9}\\.pdf$`));
      expect([p.sider, p.kid, p.markedsverdi, p.stotte, p.egenandel, p.mva]).toEqual([
        1,
        b.kid,
        b.markedsverdi,
        b.stotte,
        b.egenandel,
        b.mva,
      ]);
      expect(p.tekst).toMatch(/Foretaksregisteret/);
      expect(p.tekst).toMatch(/GBER art\. 28/);
      expect(p.tekst).toMatch(/Side 1 av 1/);
    }
    // Og som bilde: pdftoppm gir én A4-side (595 × 842 pt ved 72 dpi).
    const png = path.join(tomMappe(), 'side');
    expect(spawnSync('pdftoppm', ['-png', '-r', '72', '-singlefile', j.filer.pdf[0], png]).status).toBe(0);
    const ihdr = readFileSync(`${png}.png`).subarray(16, 24);
    expect(Math.abs(ihdr.readUInt32BE(0) - 595.28) < 1 && ihdr.readUInt32BE(4) === 842).toBe(true);

    // Støttebilaget: debet kortsiktig gjeld = registerets støtte for måneden, til øret.
    const stotte = [...reg.values()].reduce((s, b) => s + b.stotte, 0);
    const bilag = readFileSync(path.join(ws, 'faktura', '2026-10', 'bilag-stotte.csv'), 'utf8').replace(/^\uFEFF/, '');
    const rader = bilag
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';'));
    expect(rader.map((x) => [x[0], x[3], x[6] ? poOre(x[6]) : 0, x[7] ? poOre(x[7]) : 0])).toEqual([
      ['S-2026M10-1', '2990', stotte, 0],
      ['S-2026M10-1', '3400', 0, stotte],
    ]);
    // Første import: sjekklisten, nummerserien og PowerOffice-ruten står i utdata (merknader i --json).
    const m = (j.merknader as string[]).join('\n');
    expect(m).toMatch(/Før første import — kryss av én gang/);
    expect(m).toMatch(/\[ \] Tripletex: .*«Norge»/);
    expect(m).toMatch(/Nummerserie: nh tildeler fakturanummer fra 26001.*hjelpeartikkel 82/);
    expect(m).toMatch(/PowerOffice-filen er for ruten «bilag»/);
    expect(j.advarsler.map((a: any) => a.kode)).toContain('kid-uten-prefiks');
  }, 120_000);

  it('etter første import: ingen sjekkliste; --erstatt: kreditnotaen kobles i utdata og støttebilag 2 er endringen', async () => {
    const ws = kopier(DEMO);
    expect((await nh(['faktura', '--data', ws, ...P])).kode).toBe(0);
    const orgnr = readFileSync(path.join(ws, 'stotteregister.csv'), 'utf8').split('\r\n')[1]!.split(';')[2]!;
    appendFileSync(path.join(ws, 'timer.csv'), `20.10.2026;Eirik Moen;${orgnr};2;Kartlegging;Bærekraft;Ekstra\r\n`);
    const e = await nh(['faktura', '--data', ws, ...P, '--erstatt']);
    expect(e.kode, e.stderr).toBe(0);
    expect(e.stdout).not.toMatch(/Før første import/);
    expect(e.stdout).toMatch(/Tripletex: kreditnota \d+ krediterer faktura \d+ .*Lukk poster/);
    expect(e.stdout).toMatch(/PowerOffice: kreditnota \d+ krediterer faktura \d+/);
    expect(e.stdout).toMatch(/Støttebilag S-2026M10-2/);
    const reg = fraRegister(ws, '2026-10');
    const stotte = [...reg.values()].reduce((s, b) => s + b.stotte, 0);
    const rader = readFileSync(path.join(ws, 'faktura', '2026-10', 'bilag-stotte.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';'));
    expect(rader.filter((x) => x[3] === '2990').reduce((s, x) => s + (x[6] ? poOre(x[6]) : -poOre(x[7]!)), 0)).toBe(
      stotte,
    );
    // Årsrapporten: årets støttebilag mot registeret (10.4 pkt. 1: samsvar mellom regnskap og rapportering).
    const aar = await nh(['årsrapport', '--data', ws, '--år', '2026', '--forhandsvis', '--json']);
    expect(aar.json().stottebilag).toEqual({ bilag: stotte / 100, register: stotte / 100, avvik: 0, manglerFil: [] });
    // Kreditnotaen har også PDF og kryssjekken holder for den (negative beløp).
    const ehf = fraEhf(ws, '2026-10');
    for (const [nr, b] of reg) if (ehf.has(nr)) expect(ehf.get(nr)!.egenandel, nr).toBe(b.egenandel);
  }, 120_000);

  it('PowerOffice ordreruten (PowerOffice nummererer): ordrenummer som tall fra serien, produktkoder, ingen fakturafelt', async () => {
    const ws = kopier(LITEN);
    const c = JSON.parse(readFileSync(path.join(ws, 'nh.json'), 'utf8'));
    c.faktura = { ...c.faktura, regnskapssystem: 'poweroffice', poweroffice: { rute: 'ordre' } };
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const mangler = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(mangler.kode).toBe(2);
    expect(mangler.json().feil.map((f: any) => f.kilde?.kolonne)).toEqual([
      'faktura.poweroffice.ordrenr',
      'faktura.poweroffice.produktkoder',
      'kundenummer',
      'kundenummer',
    ]);
    c.faktura.poweroffice = {
      rute: 'ordre',
      ordrenr: { forste: 900001 },
      produktkoder: { timer: 'RAD', stotte: 'IS' },
    };
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const mb = readFileSync(path.join(ws, 'malbedrifter.csv'), 'utf8').split('\r\n');
    mb[0] += ';kundenummer';
    mb[1] += ';10001';
    mb[2] += ';10002';
    writeFileSync(path.join(ws, 'malbedrifter.csv'), mb.join('\r\n'));
    const r = await nh(['faktura', '--data', ws, ...P]);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/PowerOffice-filen er for ruten «ordre»/);
    const ordrer = lesPowerofficeOrdrer(
      readFileSync(path.join(ws, 'faktura', '2026-10', 'poweroffice-import.csv'), 'utf8'),
    );
    expect(ordrer.map((o) => o.hode.OrderNo)).toEqual(['900001', '900002']);
    expect(ordrer.flatMap((o) => o.linjer.map((l) => l.ProductCode))).toEqual(['RAD', 'IS', 'RAD', 'IS']);
    expect(existsSync(path.join(ws, 'faktura', '2026-10', 'pdf'))).toBe(false);
  }, 60_000);
});

describe('nh faktura --dokumenter (issue 19 pkt. 7): EHF/PDF slått på etter at måneden er fakturert', () => {
  it('skriver EHF, PDF og importfiler fra registeret uten å røre det; et sendt dokument med annet innhold overskrives aldri', async () => {
    const ws = kopier(DEMO);
    const c = JSON.parse(readFileSync(path.join(ws, 'nh.json'), 'utf8'));
    writeFileSync(
      path.join(ws, 'nh.json'),
      JSON.stringify({ ...c, faktura: { ...c.faktura, ehf: false, pdf: false } }),
    );
    expect((await nh(['faktura', '--data', ws, ...P])).kode).toBe(0);
    const register = readFileSync(path.join(ws, 'stotteregister.csv'));
    const igjen = await nh(['faktura', '--data', ws, ...P]);
    expect(igjen.stdout).toMatch(/--dokumenter/);
    // Slå på EHF og PDF, skriv dokumentene på nytt.
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const r = await nh(['faktura', '--data', ws, ...P, '--dokumenter', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.status).toBe('dokumenter');
    expect(readFileSync(path.join(ws, 'stotteregister.csv')).equals(register)).toBe(true);
    expect(j.filer.ehf.length).toBe(j.malbedrifter.length);
    expect(j.filer.pdf.length).toBe(j.malbedrifter.length);
    const reg = fraRegister(ws, '2026-10');
    for (const [nr, b] of fraEhf(ws, '2026-10')) expect(b.egenandel, nr).toBe(reg.get(nr)!.egenandel);
    // Samme innhold: står urørt og kjøringen lykkes igjen; annet innhold (kan være sendt): exit 2, ingenting skrevet.
    expect((await nh(['faktura', '--data', ws, ...P, '--dokumenter'])).kode).toBe(0);
    const ehf0 = j.filer.ehf[0] as string;
    writeFileSync(ehf0, readFileSync(ehf0, 'utf8').replace('</Invoice>', '<!-- sendt --></Invoice>'));
    const nekt = await nh(['faktura', '--data', ws, ...P, '--dokumenter', '--json']);
    expect(nekt.kode).toBe(2);
    expect(nekt.json().feil.map((f: any) => f.kode)).toEqual(['dokument-finnes']);
    expect(nekt.json().feil[0].melding).toMatch(/overskriver aldri et sendt dokument/);
    // Timene endret siden fakturaen: --dokumenter nekter og viser til --erstatt.
    const orgnr = readFileSync(path.join(ws, 'stotteregister.csv'), 'utf8').split('\r\n')[1]!.split(';')[2];
    appendFileSync(path.join(ws, 'timer.csv'), `20.10.2026;Eirik Moen;${orgnr};2;Kartlegging;Bærekraft;Ekstra\r\n`);
    const endret = await nh(['faktura', '--data', ws, ...P, '--dokumenter', '--json']);
    expect(endret.kode).toBe(2);
    expect(endret.json().feil[0].kode).toBe('dokumenter-timer-endret');
  }, 120_000);
});
