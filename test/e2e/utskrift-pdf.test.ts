/**
 * Issue 16: hver xlsx nh skriver på demoen skal skrives ut som et ferdig skjema. Alle filene gjøres om
 * til PDF i ett LibreOffice-kall; per ark sjekkes at det er én side i bredden (kolonneoverskriftene står
 * på hver side), et tak på antall sider nedover, topp- og bunntekst, og at side 1 kan bli PNG (pdftoppm).
 * PDF-ene og PNG-ene legges i ut/utskrift-pdf/ (ignorert av git) så folk kan se på dem.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { kopier, nh, ROT } from '../hjelp.js';
import { SOFFICE, tilPdf } from '../libreoffice.js';
import { harProgram, krev } from '../krav.js';

const harPoppler = krev(
  harProgram('pdftoppm', '-v') && harProgram('pdftotext', '-v'),
  'pdftoppm/pdftotext (poppler-utils)',
  '`.ci/run` installerer dem.',
);
const kanKjore = Boolean(SOFFICE) && harPoppler;

const UT = path.join(ROT, 'ut', 'utskrift-pdf');
const IDAG = '22.11.2026'; // NH_DATO i test/hjelp.ts

/** Kommandoene som skriver xlsx på demoen; `dato` = kommandoen gir «i dag» til bunnteksten. */
const KJORINGER: { args: string[]; dato: boolean }[] = [
  { args: ['timesats', '--ut', 'x'], dato: true },
  { args: ['budsjett', '--år', '2027', '--ut', 'x'], dato: true },
  { args: ['budsjett', '--regnskap', '2026', '--ut', 'x'], dato: true },
  { args: ['årsrapport', '--maltall', '2027', '--ut', 'x'], dato: true },
  { args: ['årsrapport', '--år', '2026', '--ut', 'x'], dato: true },
  // --format tripletex: fakturagrunnlag.xlsx uten EHF og PDF per faktura, som denne testen ikke ser på.
  { args: ['faktura', '--periode', '2026-10', '--format', 'tripletex'], dato: false },
  { args: ['kts-plan', '--frist', '2026-12-01', '--ut', 'x'], dato: false },
];

function alleXlsx(mappe: string): string[] {
  return readdirSync(mappe).flatMap((f) => {
    const p = path.join(mappe, f);
    return statSync(p).isDirectory() ? alleXlsx(p) : p.endsWith('.xlsx') ? [p] : [];
  });
}

type Arkinfo = {
  navn: string;
  forste: string;
  siste: string;
  rader: number;
  /** Summen av radhøydene (pt; 15 der høyden ikke er satt) — tekst som brytes i cellen gir høye rader. */
  hoyde: number;
  titler: boolean;
  footer: string;
  header: string;
};

async function lesArkinfo(fil: string): Promise<Arkinfo[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fil);
  return wb.worksheets.map((ws) => {
    // Kolonneoverskriftene: siste rad i utskriftstitlene, ellers den første fylte overskriftsraden.
    const titler = /^\$?(\d+):\$?(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? '');
    let hodeRad = titler ? Number(titler[2]) : 0;
    if (!hodeRad)
      ws.eachRow((rad, nr) => {
        const f = rad.getCell(1).fill as { pattern?: string } | undefined;
        if (!hodeRad && f?.pattern === 'solid') hodeRad = nr;
      });
    const tekster: string[] = [];
    if (hodeRad) ws.getRow(hodeRad).eachCell((c) => void tekster.push(String(c.text)));
    const ord = (s: string | undefined) =>
      (s ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .sort((a, b) => b.length - a.length)[0] ?? '';
    return {
      navn: ws.name,
      forste: ord(tekster[0]),
      siste: ord(tekster.at(-1)),
      rader: ws.rowCount,
      hoyde: Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1).height ?? 15).reduce((x, y) => x + y, 0),
      titler: Boolean(titler),
      footer: ws.headerFooter.oddFooter ?? '',
      header: ws.headerFooter.oddHeader ?? '',
    };
  });
}

/** Én tekst per PDF-side (pdftotext skiller sidene med \f). */
function lesSider(pdf: string): string[] {
  const r = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext feilet: ${r.stderr}`);
  return r.stdout.split('\f').filter((s) => s.trim());
}

describe.skipIf(!kanKjore)('utskrift: hver xlsx fra demoen som PDF (issue 16)', () => {
  // Kommandoene skriver xlsx på demoen, og alle blir PDF i én LibreOffice-runde (test/libreoffice.ts).
  let ws: string;
  const forventDato = new Set<string>();
  let filer: string[] = [];
  beforeAll(async () => {
    ws = kopier();
    for (const k of KJORINGER) {
      const for_ = new Set(alleXlsx(ws));
      const r = await nh([...k.args, '--data', ws], { cwd: ws });
      expect(r.kode, `${k.args.join(' ')}: ${r.stderr}`).toBe(0);
      const nye = alleXlsx(ws).filter((f) => !for_.has(f));
      expect(nye.length, `${k.args[0]} skal skrive en xlsx`).toBeGreaterThan(0);
      if (k.dato) for (const f of nye) forventDato.add(f);
    }
    filer = alleXlsx(ws);
    expect(filer.length).toBe(KJORINGER.length);
    rmSync(UT, { recursive: true, force: true });
    await tilPdf(filer, UT); // ut/ er ignorert av git: PDF-ene og PNG-ene blir liggende for folk som vil se
  }, 300_000);

  it('én side i bredden, tak på sider nedover, topp-/bunntekst, og PNG av side 1', async () => {
    for (const fil of filer) {
      const navn = path.basename(fil, '.xlsx');
      const pdf = path.join(UT, `${navn}.pdf`);
      expect(existsSync(pdf), `${navn}.pdf`).toBe(true);
      const ark = await lesArkinfo(fil);
      const tekst = lesSider(pdf);
      // Hvert ark har topp- og bunntekst med næringshage, tittel, side N av M og versjon.
      for (const a of ark) {
        expect(a.header, `${navn}/${a.navn}: topptekst`).toContain('Fjellbygda Næringshage AS');
        expect(a.header, `${navn}/${a.navn}: arknavnet i topptekst`).toContain('&A');
        expect(a.footer, `${navn}/${a.navn}: bunntekst`).toMatch(/Side &P av &N.*nh \d+\.\d+\.\d+/);
        if (forventDato.has(fil)) expect(a.footer, `${navn}/${a.navn}: kjøredato`).toContain(`Kjørt ${IDAG}`);
      }
      // Sidene per ark: topptekstens høyre del er arknavnet (&A), så første linje på siden slutter med det.
      const perArk = new Map<string, string[]>();
      for (const side of tekst) {
        const forsteLinje = side
          .split('\n')
          .find((l) => l.trim())!
          .trimEnd();
        const a = [...ark].sort((x, y) => y.navn.length - x.navn.length).find((x) => forsteLinje.endsWith(x.navn));
        expect(a, `${navn}: siden «${forsteLinje}» har ikke arknavnet i toppteksten`).toBeDefined();
        perArk.set(a!.navn, [...(perArk.get(a!.navn) ?? []), side]);
        expect(side, `${navn}: bunntekst`).toMatch(/Side \d+ av \d+/);
        expect(side, `${navn}: topptekst`).toContain('Fjellbygda Næringshage AS');
        if (forventDato.has(fil)) expect(side, `${navn}: kjøredato i bunnteksten`).toContain(`Kjørt ${IDAG}`);
      }
      for (const a of ark) {
        const s = perArk.get(a.navn) ?? [];
        expect(s.length, `${navn}/${a.navn}: minst én side`).toBeGreaterThan(0);
        // Én side i bredden: kolonneoverskriftene (første og siste kolonne) står på hver side. En side
        // nummer to i bredden ville mangle første kolonnes overskrift.
        const medHode = a.titler ? s : s.slice(0, 1);
        for (const [i, side] of medHode.entries()) {
          if (a.forste) expect(side, `${navn}/${a.navn} side ${i + 1}: «${a.forste}»`).toContain(a.forste);
          if (a.siste) expect(side, `${navn}/${a.navn} side ${i + 1}: «${a.siste}»`).toContain(a.siste);
        }
        // Tak nedover: minst 25 rader per side (liggende A4, tilpasset bredden) og én side til. Rader med tekst som
        // brytes (f.eks. AVIs hjelpetekster ordrett fra 11.2) teller som så mange vanlige rader som høyden tilsier.
        const tak = Math.max(Math.ceil(a.rader / 25), Math.ceil(a.hoyde / (25 * 15))) + 1;
        expect(s.length, `${navn}/${a.navn}: ${s.length} sider for ${a.rader} rader`).toBeLessThanOrEqual(tak);
      }
      // Side 1 som PNG, for folk som vil se.
      const png = spawnSync('pdftoppm', [
        '-png',
        '-r',
        '50',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        path.join(UT, navn),
      ]);
      expect(png.status).toBe(0);
      expect(statSync(path.join(UT, `${navn}.png`)).size).toBeGreaterThan(1000);
    }
  });

  // Flyttet fra faktura-ehf.test.ts: samme PDF, ingen egen LibreOffice-runde (issue 16 pkt. 1 og 8).
  it('fakturagrunnlaget skrevet ut: én side bred, og ingen faktura deles over to sider', () => {
    const sider = lesSider(path.join(UT, 'fakturagrunnlag.pdf')).filter((p) => p.includes('Fakturagrunnlag 2026-10'));
    expect(sider.length).toBeGreaterThan(1);
    for (const side of sider) {
      const l = side.split('\n');
      const hoder = l.filter((x) => / – (Faktura|Ordre) /.test(x)).length;
      // Hver blokk som begynner på siden, slutter der også (sumrad og fakturatekst), og kontrollkolonnen er med
      // (én side bred).
      expect(l.filter((x) => x.startsWith('Sum ')).length).toBe(hoder);
      expect(l.filter((x) => x.startsWith('Fakturatekst:')).length).toBe(hoder);
      for (const x of l.filter((y) => y.startsWith('Sum '))) expect(x.trim()).toMatch(/0[.,]00$/);
    }
  });
});
