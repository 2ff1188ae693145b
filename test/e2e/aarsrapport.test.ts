import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { DEMO, kopier, lesArk, nh, ROT } from '../hjelp.js';
import { harLibreOffice, regnOm } from '../libreoffice.js';

const LITEN = path.join(ROT, 'fixtures', 'aarsrapport', 'liten');
const OVERFORBRUK = path.join(ROT, 'fixtures', 'aarsrapport', 'overforbruk');

/**
 * Demo-mappen med støtteregister for januar–oktober 2026 (som nh faktura fører det). `--format tripletex`: uten
 * EHF, PDF og PowerOffice-filene (halve tiden), som årsrapporten ikke leser — registeret, fakturagrunnlaget og
 * støttebilagene (faktura/<periode>/bilag-stotte.csv) blir de samme som med demoens eget oppsett.
 */
let demo: string;
beforeAll(async () => {
  demo = kopier(DEMO);
  for (let m = 1; m <= 10; m++) {
    const periode = `2026-${String(m).padStart(2, '0')}`;
    const r = await nh(['faktura', '--data', demo, '--periode', periode, '--format', 'tripletex', '--json']);
    if (r.kode !== 0) throw new Error(`faktura 2026-${m} feilet: ${r.stderr}`);
  }
}, 120_000);

function kopiAvDemo(): string {
  const ws = kopier(demo);
  return ws;
}

const iOre = (kr: number) => Math.round(kr * 100);
/** exceljs leser en formel med lagret resultat 0 (<v>0</v> fra LibreOffice) som uten resultat. */
const tall = (v: unknown) => (v === undefined ? 0 : (v as number));

describe('nh årsrapport --maltall (programveileder 6.5/11.2, 1. desember) på fixtures/demo', () => {
  it('11.2 (issue 14 pkt. 6): SRL-andelen på demoen er 10 av alle 32 aktive, med teller/nevner i utskriften', async () => {
    const r = await nh(['årsrapport', '--data', kopiAvDemo(), '--maltall', '2027', '--forhandsvis']);
    expect(r.stdout).toMatch(/Andel målbedrifter som har hatt en økning i SRL-skalaen\s+10\/32\s+31,25 %/);
  });

  it('11.2: kjører uten tilsyn (stdin lukket), alle 21 måltall med grunnlag og egne mål, skriver xlsx og csv', async () => {
    const ws = kopiAvDemo();
    const r = await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.ar).toBe(2027);
    expect(j.grunnlagsaar).toBe(2026);
    expect(j.maltall).toHaveLength(21);
    expect(j.aktiveMalbedrifter).toBe(32);
    const m = (id: string) => j.maltall.find((x: { id: string }) => x.id === id);
    expect(m('malbedrifterIAaret')).toMatchObject({ grunnlag: 32, mal: 32 });
    expect(m('nyeMalbedrifter')).toMatchObject({ grunnlag: 16, mal: 15 });
    // Fakturert januar–oktober: 29 av 32 har støtte (tre starter i november/desember).
    expect(m('andelInnovasjonsstotte')).toMatchObject({
      teller: 29,
      nevner: 32,
      grunnlag: 90.625,
      mal: 95,
      sivasMinimum: 90,
    });
    // Mål oppgitt med AVI-navnet i stedet for id
    expect(m('andelBaerekraftSentralt').mal).toBe(45);
    expect(m('eksportTiltak').mal).toBeNull();
    for (const x of j.maltall) {
      expect(x.hjelpetekst.length).toBeGreaterThan(10);
      expect(x.definisjon.length).toBeGreaterThan(10);
    }
    expect(existsSync(path.join(ws, 'maltall-2027.xlsx'))).toBe(true);
    const csv = readFileSync(path.join(ws, 'maltall-2027.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFid;Område;Måltall (AVI);Enhet;Teller;')).toBe(true);
    expect(csv).toContain('andelInnovasjonsstotte;Aktivitet;');
    expect(csv).toContain(';90,625;95;');
  });

  it('den skrevne csv-filen er også målfilen: målene og kommentarene overlever en ny kjøring', async () => {
    const ws = kopiAvDemo();
    const forste = (await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv', '--json'])).json();
    const andre = await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv', '--json']);
    expect(andre.kode).toBe(0);
    const j = andre.json();
    expect(j.maltall.map((x: { mal: unknown }) => x.mal)).toEqual(forste.maltall.map((x: { mal: unknown }) => x.mal));
    expect(j.maltall.find((x: { id: string }) => x.id === 'nyeMalbedrifter').kommentar).toBe(
      'Rekruttering via kommunens næringsforum',
    );
  });

  it('issue 11 pkt. 15: mål skrevet inn i maltall-<år>.xlsx brukes når xlsx er endret sist; samtidig endret gir konflikt', async () => {
    const ws = kopiAvDemo();
    expect((await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv'])).kode).toBe(0);
    const xlsx = path.join(ws, 'maltall-2027.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ark = wb.getWorksheet('Måltall')!;
    const hode = (ark.getRow(2).values as unknown[]).map(String);
    const malKol = hode.indexOf('Mål');
    ark.eachRow((rad, nr) => {
      if (nr > 2 && rad.getCell(1).value === 'nyeMalbedrifter') rad.getCell(malKol).value = 20;
    });
    await wb.xlsx.writeFile(xlsx);
    const csvTid = statSync(path.join(ws, 'maltall-2027.csv')).mtime;
    utimesSync(xlsx, csvTid, new Date(csvTid.getTime() + 60_000));
    const r = await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--forhandsvis', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.malFil).toBe('maltall-2027.xlsx');
    expect(j.maltall.find((x: { id: string }) => x.id === 'nyeMalbedrifter').mal).toBe(20);
    expect(j.advarsler.find((a: { kode: string }) => a.kode === 'maltall-to-filer').melding).toMatch(
      /nyeMalbedrifter.*Bruker maltall-2027\.xlsx/,
    );
    // Endret samtidig: nh kan ikke vite hvilken som gjelder — exit 2, ingenting skrevet.
    utimesSync(xlsx, csvTid, csvTid);
    const k = await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv', '--json']);
    expect(k.kode).toBe(2);
    expect(k.json().feil[0]).toMatchObject({ kode: 'maltall-konflikt' });
    // Overskriving kalles aldri «trygt»: meldingen sier hva som går tapt.
    utimesSync(xlsx, csvTid, new Date(csvTid.getTime() + 60_000));
    const uten = await nh(['årsrapport', '--data', ws, '--maltall', '2027']);
    expect(uten.kode).toBe(2);
    expect(uten.stderr).not.toMatch(/trygt/);
    expect(uten.stderr).toMatch(/går tapt/);
  });

  it('issue 16 pkt. 2: hjelpetekster og definisjoner på eget ark; hovedarket leses i ≥ 70 % når det tilpasses sidebredden', async () => {
    const ws = kopiAvDemo();
    expect((await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv'])).kode).toBe(0);
    expect((await nh(['årsrapport', '--data', ws, '--år', '2026'])).kode).toBe(0);
    // A4 liggende med standardmarger: ca. 987 px; en kolonne med bredde b er ca. 7·b + 5 px.
    const zoom = (ws_: ExcelJS.Worksheet) => 987 / ws_.columns.reduce((s_, c) => s_ + 7 * (c.width ?? 8.43) + 5, 0);
    for (const [fil, hoved, hjelp] of [
      ['maltall-2027.xlsx', 'Måltall', 'Hjelpetekster'],
      ['arsrapport-2026.xlsx', 'Måltall vs resultat', 'Definisjoner'],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(ws, fil));
      const h = wb.getWorksheet(hoved)!;
      const hode = (h.getRow(2).values as unknown[]).map(String);
      expect(hode).not.toContain('Hjelpetekst i AVI');
      expect(hode).not.toContain('Definisjon i nh');
      expect(zoom(h), fil).toBeGreaterThanOrEqual(0.7);
      const d = await lesArk(path.join(ws, fil), hjelp);
      expect((d[1] as string[]).slice(0, 4)).toEqual(['id', 'Måltall (AVI)', 'Hjelpetekst i AVI', 'Definisjon i nh']);
      expect(d.slice(2).filter((r) => r?.length)).toHaveLength(21);
      // Radene er høye nok til teksten (ikke fast 15 pt).
      expect(wb.getWorksheet(hjelp)!.getRow(3).height).toBeGreaterThan(15);
    }
  });

  it('målfilen overskrives ikke uten --overskriv (exit 2, ingenting skrevet)', async () => {
    const ws = kopiAvDemo();
    const før = readdirSync(ws).sort();
    const r = await nh(['årsrapport', '--data', ws, '--maltall', '2027']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/målfilen som ble lest.*--overskriv/);
    expect(readdirSync(ws).sort()).toEqual(før);
  });

  it('11.2: mål under Sivas minimum på 90 % og andel over 100 % gir advarsel i --json', async () => {
    const ws = kopiAvDemo();
    writeFileSync(path.join(ws, 'maltall-2027.csv'), 'id;mål\r\nandelInnovasjonsstotte;85\r\nandelEksport;120\r\n');
    const r = await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv', '--json']);
    expect(r.kode).toBe(0);
    const koder = r.json().advarsler.map((a: { kode: string }) => a.kode);
    expect(koder).toContain('under-sivas-minimum');
    expect(koder).toContain('andel-utenfor-0-100');
  });

  it('--forhandsvis skriver ingenting; uten målfil er målkolonnen tom', async () => {
    const ws = kopiAvDemo();
    const før = readdirSync(ws).sort();
    const r = await nh(['årsrapport', '--data', ws, '--maltall', '2028', '--forhandsvis']);
    expect(r.kode).toBe(0);
    expect(r.stdout).toMatch(/ingen målfil/);
    expect(r.stdout).toMatch(/Forhåndsvisning: ingen fil er skrevet/);
    expect(readdirSync(ws).sort()).toEqual(før);
  });

  it('uten --maltall og --år: tydelig feil, exit 2, spør aldri', async () => {
    const r = await nh(['årsrapport', '--data', DEMO]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/Oppgi --måltall/);
    expect((await nh(['aarsrapport', '--data', DEMO, '--maltall', '2027', '--halvår'])).kode).toBe(2);
  });
});

describe('nh årsrapport --år (programveileder 11.1 og 10.4) på fixtures/demo', () => {
  it('11.1/10.4: måltall mot resultat, aktive målbedrifter, støtte per målbedrift og tilskuddsbalanse', async () => {
    const ws = kopiAvDemo();
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.periode).toEqual({ fra: '2026-01-01', til: '2026-12-31', halvar: false });
    expect(j.malbedrifter).toHaveLength(32);
    const innov = j.maltall.find((x: { id: string }) => x.id === 'andelInnovasjonsstotte');
    expect(innov).toMatchObject({ resultat: 90.625, mal: 95, avvik: -4.375 });
    // Støtte per målbedrift: summen er summen av linjene, til øret
    const s = j.stotte;
    expect(s.malbedrifter.reduce((a: number, x: { stotte: number }) => a + iOre(x.stotte), 0)).toBe(iOre(s.sum.stotte));
    expect(s.malbedrifter.reduce((a: number, x: { markedsverdi: number }) => a + iOre(x.markedsverdi), 0)).toBe(
      iOre(s.sum.markedsverdi),
    );
    expect(iOre(s.sum.markedsverdi) - iOre(s.sum.egenandel)).toBe(iOre(s.sum.stotte));
    // 10.4: overført + innvilget − brukt = ubrukt = kortsiktig gjeld, overføres til 2027
    const b = j.tilskuddsbalanse;
    expect(b).toMatchObject({
      overfort: 185000,
      innvilget: 2350000,
      disponibelt: 2535000,
      brukt: s.sum.stotte,
      overforesTil: 2027,
    });
    expect(iOre(b.ubrukt)).toBe(iOre(b.disponibelt) - iOre(b.brukt));
    expect(b.kortsiktigGjeld).toBe(b.ubrukt);
    expect(existsSync(path.join(ws, 'arsrapport-2026.xlsx'))).toBe(true);
  });

  it('11.1/11.2 (issue 14 pkt. 9): halvåret sammenlignes med helårsmålet, merket «Mål (hele året)» i tekst, xlsx og --json', async () => {
    const ws = kopiAvDemo();
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026', '--halvår']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Mål \(hele året\)\s+Avvik mot helårsmål/);
    const hode = (await lesArk(path.join(ws, 'arsrapport-2026-halvar.xlsx'), 'Måltall vs resultat'))[1] as string[];
    expect(hode).toContain('Mål (hele året)');
    expect(hode).toContain('Avvik mot helårsmål');
    const j = (await nh(['årsrapport', '--data', ws, '--år', '2026', '--halvår', '--forhandsvis', '--json'])).json();
    expect(j.malGjelder).toBe('hele året');
  });

  it('11.1: --halvår gir aktive målbedrifter første halvår og arsrapport-<år>-halvar.xlsx', async () => {
    const ws = kopiAvDemo();
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026', '--halvår', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.periode).toEqual({ fra: '2026-01-01', til: '2026-06-30', halvar: true });
    expect(j.malbedrifter).toHaveLength(25);
    for (const m of j.malbedrifter) expect(m.avtalestart <= '2026-06-30').toBe(true);
    expect(existsSync(path.join(ws, 'arsrapport-2026-halvar.xlsx'))).toBe(true);
  });

  it('10.4/11.1: halvår viser ubrukt per 30.06 — ikke kortsiktig gjeld eller overføring (det skjer ved årsslutt)', async () => {
    const ws = kopiAvDemo();
    const j = (await nh(['årsrapport', '--data', ws, '--år', '2026', '--halvår', '--json'])).json();
    expect(j.tilskuddsbalanse).toMatchObject({ til: '2026-06-30', kortsiktigGjeld: null, overforesTil: null });
    const bal = await lesArk(path.join(ws, 'arsrapport-2026-halvar.xlsx'), 'Tilskuddsbalanse');
    expect(String(bal[0]![0])).toMatch(/ubrukt per 30\.06/);
    expect(String(bal[0]![0])).not.toMatch(/= kortsiktig gjeld|overføres til neste år/);
    expect(bal[1]).toContain('Ubrukt per 30.06');
    expect(bal[1]).not.toContain('Ubrukt = kortsiktig gjeld');
  });

  it('perioden er ikke over ennå («i dag» før 31.12): advarsel om foreløpige tall', async () => {
    const ws = kopiAvDemo();
    const koder = (r: Awaited<ReturnType<typeof nh>>) => r.json().advarsler.map((a: { kode: string }) => a.kode);
    expect(koder(await nh(['årsrapport', '--data', ws, '--år', '2026', '--json', '--forhandsvis']))).toContain(
      'periode-ikke-over',
    );
    expect(
      koder(
        await nh(['årsrapport', '--data', ws, '--år', '2026', '--json', '--forhandsvis'], {
          env: { NH_DATO: '2027-01-10' },
        }),
      ),
    ).not.toContain('periode-ikke-over');
    expect(
      koder(await nh(['årsrapport', '--data', ws, '--år', '2026', '--halvår', '--json', '--forhandsvis'])),
    ).not.toContain('periode-ikke-over');
  });

  it('feil år nevner flagget slik brukeren skrev det (--år), exit 2', async () => {
    const r = await nh(['årsrapport', '--data', DEMO, '--år', '26', '--json']);
    expect(r.kode).toBe(2);
    expect(r.json().feil[0].melding).toMatch(/^--år «26»/);
  });

  it.skipIf(!harLibreOffice)(
    'xlsx for begge modusene regnet om i LibreOffice gir samme tall som --json',
    async () => {
      const ws = kopiAvDemo();
      const jm = (await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv', '--json'])).json();
      const ja = (await nh(['årsrapport', '--data', ws, '--år', '2026', '--json'])).json();
      const jh = (await nh(['årsrapport', '--data', ws, '--år', '2026', '--halvår', '--json'])).json();
      // Alle tre arbeidsbøkene i én LibreOffice-runde (test/libreoffice.ts).
      const [maltall, fil, halvar] = await regnOm(
        ['maltall-2027.xlsx', 'arsrapport-2026.xlsx', 'arsrapport-2026-halvar.xlsx'].map((f) => path.join(ws, f)),
      );

      const m = await lesArk(maltall!, 'Måltall');
      const mh = m[1] as string[];
      jm.maltall.forEach((x: { id: string; enhet: string; grunnlag: number | null; mal: number | null }, i: number) => {
        const rad = m[2 + i]!;
        expect(rad[mh.indexOf('id')]).toBe(x.id);
        const g = rad[mh.indexOf('Grunnlag (årets data)')];
        if (x.grunnlag === null) expect(g === '' || g === null || g === undefined).toBe(true);
        else expect(tall(g)).toBeCloseTo(x.enhet === 'andel' ? x.grunnlag / 100 : x.grunnlag, 6);
      });

      const a = await lesArk(fil!, 'Måltall vs resultat');
      const ah = a[1] as string[];
      ja.maltall.forEach(
        (x: { id: string; enhet: string; resultat: number | null; avvik: number | null }, i: number) => {
          const rad = a[2 + i]!;
          expect(rad[ah.indexOf('id')]).toBe(x.id);
          const skala = x.enhet === 'andel' ? 100 : 1;
          if (x.resultat !== null) expect(tall(rad[ah.indexOf('Resultat')])).toBeCloseTo(x.resultat / skala, 6);
          if (x.avvik !== null)
            expect(tall(rad[ah.indexOf('Avvik (resultat − mål; andeler i %-poeng)')])).toBeCloseTo(x.avvik / skala, 6);
        },
      );
      const st = await lesArk(fil!, 'Støtte per målbedrift');
      const sumRad = st[2 + ja.stotte.malbedrifter.length]!;
      const sh = st[1] as string[];
      expect(sumRad[sh.indexOf('Gitt innovasjonsstøtte (støtteregisteret)')] as number).toBeCloseTo(
        ja.stotte.sum.stotte,
        2,
      );
      // Issue 20 pkt. 9: det som rapporteres i AVI og det som er tatt ut, summert i arket = --json.
      expect(sumRad[sh.indexOf('Rapporteres i AVI (høyst disponibelt, 10.4)')] as number).toBeCloseTo(
        ja.aviRapportering.rapporteres,
        2,
      );
      expect(tall(sumRad[sh.indexOf('Tatt ut av AVI (merforbruk)')])).toBeCloseTo(ja.aviRapportering.tattUt, 2);
      expect(sumRad[sh.indexOf('Markedsverdi')] as number).toBeCloseTo(ja.stotte.sum.markedsverdi, 2);
      const bal = await lesArk(fil!, 'Tilskuddsbalanse');
      const bh = bal[1] as string[];
      const br = bal[2]!;
      expect(br[bh.indexOf('Disponibelt')] as number).toBeCloseTo(ja.tilskuddsbalanse.disponibelt, 2);
      expect(br[bh.indexOf('Brukt (støtteregisteret)')] as number).toBeCloseTo(ja.tilskuddsbalanse.brukt, 2);
      expect(br[bh.indexOf('Ubrukt = kortsiktig gjeld')] as number).toBeCloseTo(ja.tilskuddsbalanse.ubrukt, 2);
      expect(br[bh.indexOf('Høyst rapporteres i AVI (10.4)')] as number).toBeCloseTo(ja.aviRapportering.rapporteres, 2);
      // Halvåret: samme formler, overskriften «Ubrukt per 30.06» (10.4: kortsiktig gjeld regnes ved årsslutt).
      const hb = await lesArk(halvar!, 'Tilskuddsbalanse');
      const hh = hb[1] as string[];
      expect(hb[2]![hh.indexOf('Brukt (støtteregisteret)')] as number).toBeCloseTo(jh.tilskuddsbalanse.brukt, 2);
      expect(hb[2]![hh.indexOf('Ubrukt per 30.06')] as number).toBeCloseTo(jh.tilskuddsbalanse.ubrukt, 2);
      const mb = await lesArk(fil!, 'Målbedrifter');
      expect(mb[2 + ja.malbedrifter.length]![(mb[1] as string[]).indexOf('Timer i perioden')] as number).toBeCloseTo(
        ja.malbedrifter.reduce((s: number, x: { timer: number }) => s + x.timer, 0),
        2,
      );
    },
    300_000, // LibreOffice-runden kan vente bak andre på en travel maskin
  );
});

describe('nh årsrapport på en liten, håndlaget portefølje (fixtures/aarsrapport/liten)', () => {
  it('11.2: målbedrift aktiv bare del av året teller; SRL med og uten forrige år; resultat under 90 % varsles', async () => {
    const ws = kopier(LITEN);
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    const m = (id: string) => j.maltall.find((x: { id: string }) => x.id === id);
    expect(j.malbedrifter.map((x: { navn: string }) => x.navn)).toEqual([
      'Aksel Hele Året AS',
      'Berit Del Av Året AS',
      'Carl Ferdig Januar AS',
    ]);
    expect(m('nyeMalbedrifter').resultat).toBe(1);
    expect(m('andelInnovasjonsstotte')).toMatchObject({ teller: 2, nevner: 3, resultat: 66.6667, mal: 85 });
    // 11.2 «total andel … av målbedriftene»: nevneren er alle tre aktive (issue 14 pkt. 6).
    expect(m('andelSrlOkning')).toMatchObject({ teller: 1, nevner: 3, resultat: 33.3333 });
    expect(m('andelEksport')).toMatchObject({ resultat: 33.3333, mal: 50, avvik: -16.6667 });
    expect(m('henvisteBedrifter').resultat).toBe(1);
    const koder = j.advarsler.map((a: { kode: string }) => a.kode);
    expect(koder.filter((k: string) => k === 'under-sivas-minimum')).toHaveLength(2); // målet og resultatet
    expect(koder).not.toContain('overforing-avviker'); // 6 000 − 3 000 = 3 000 overført
    expect(j.stotte.sum).toEqual({ linjer: 3, markedsverdi: 16000, egenandel: 4000, stotte: 12000 });
    expect(j.tilskuddsbalanse).toMatchObject({
      overfort: 3000,
      innvilget: 12000,
      disponibelt: 15000,
      brukt: 12000,
      ubrukt: 3000,
      kortsiktigGjeld: 3000,
    });
  });

  it('10.4: overføringen kontrolleres mot fjorårets tall — og avvik varsles', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'tilskudd.csv'),
      readFileSync(path.join(ws, 'tilskudd.csv'), 'utf8').replace(
        '2026;overfort;Ubrukt fra 2025;3000',
        '2026;overfort;Ubrukt fra 2025;3500',
      ),
    );
    const j = (await nh(['årsrapport', '--data', ws, '--år', '2026', '--json'])).json();
    const a = j.advarsler.find((x: { kode: string }) => x.kode === 'overforing-avviker');
    expect(a.melding).toMatch(/6\s000,00 − 3\s000,00 = 3\s000,00 kr/);
    expect(a.forventet).toMatch(/^3\s000,00 kr$/);
    // Pekeren går til raden med overføringen, i filen som faktisk ble lest.
    expect(a.kilde).toMatchObject({ fil: 'tilskudd.csv', rad: 4, kolonne: 'belop' });
  });

  it('10.4: uten fjorårets tilskudd i arbeidsmappen kan overføringen ikke kontrolleres — ingen falsk advarsel', async () => {
    const ws = kopier(LITEN);
    // Støtteregisteret har en linje fra desember 2025, men tilskuddet for 2025 er ikke registrert.
    writeFileSync(
      path.join(ws, 'tilskudd.csv'),
      readFileSync(path.join(ws, 'tilskudd.csv'), 'utf8').replace(/2025;innovasjon;[^\n]*\n/, ''),
    );
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.json().advarsler.map((a: { kode: string }) => a.kode)).not.toContain('overforing-avviker');
  });

  it('10.4 / vedlegg 3 pkt. 4.1: merforbruk stopper ikke rapporten — exit 0, advarsel, filen skrives; --streng gir exit 1', async () => {
    const ws = kopier(LITEN);
    cpSync(path.join(OVERFORBRUK, 'tilskudd.csv'), path.join(ws, 'tilskudd.csv'));
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.merforbruk).toBe(true);
    // Issue 20 pkt. 8: ubrukt er MAKS(0; disponibelt − brukt) også i --json; merforbruket står for seg.
    expect(j.tilskuddsbalanse).toMatchObject({
      disponibelt: 11000,
      brukt: 12000,
      ubrukt: 0,
      merforbruk: 1000,
      kortsiktigGjeld: 0,
    });
    const a = j.advarsler.find((x: { kode: string }) => x.kode === 'merforbruk');
    expect(a.melding).toMatch(/1\s000,00 kr mer enn disponibelt/);
    expect(a.melding).toMatch(/kompenseres ikke på neste års tildeling \(vedlegg 3 pkt\. 4\.1\)/);
    // Gitt støtte rettes aldri: ingen oppfordring til å rette støtteregisteret.
    expect(a.melding).not.toMatch(/rett støtteregisteret/i);
    expect(a.melding).toMatch(/skal ikke endres/);
    expect(existsSync(path.join(ws, 'arsrapport-2026.xlsx'))).toBe(true);
    const streng = await nh(['årsrapport', '--data', ws, '--år', '2026', '--streng', '--overskriv']);
    expect(streng.kode).toBe(1);
    expect(streng.stdout).toMatch(/MERFORBRUK/);
  });
});

describe('merforbruk og AVI (issue 20 pkt. 8 og 9, programveileder 10.4 pkt. 1, vedlegg 3 pkt. 4.1)', () => {
  it('issue 20 pkt. 8: ubrukt er aldri negativt — terminal, xlsx (formel MAX(0;…)) og --json er like', async () => {
    const ws = kopier(LITEN);
    cpSync(path.join(OVERFORBRUK, 'tilskudd.csv'), path.join(ws, 'tilskudd.csv'));
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Ubrukt = kortsiktig gjeld, overføres til 2027\s+0,00\n/);
    expect(r.stdout).not.toMatch(/-1\s000,00/);
    expect(r.stdout).toMatch(/MERFORBRUK \(kompenseres ikke, vedlegg 3 pkt\. 4\.1\)\s+1\s000,00/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ws, 'arsrapport-2026.xlsx'));
    const b = wb.getWorksheet('Tilskuddsbalanse')!;
    const hode = (b.getRow(2).values as unknown[]).map(String);
    const celle = (navn: string) => b.getCell(3, hode.indexOf(navn)).value as { formula: string; result: number };
    expect(celle('Ubrukt = kortsiktig gjeld').formula).toMatch(/^MAX\(0,E3-F3\)$/);
    expect(tall(celle('Ubrukt = kortsiktig gjeld').result)).toBe(0);
    expect(celle('Merforbruk (kompenseres ikke, vedlegg 3 pkt. 4.1)').result).toBe(1000);
    expect(celle('Høyst rapporteres i AVI (10.4)')).toMatchObject({ formula: 'MAX(0,MIN(F3,E3))', result: 11000 });
  });

  it('issue 20 pkt. 9 / 10.4 pkt. 1: gitt støtte står som gitt; høyst disponibelt rapporteres i AVI, tatt ut forholdsmessig per målbedrift', async () => {
    const ws = kopier(LITEN);
    cpSync(path.join(OVERFORBRUK, 'tilskudd.csv'), path.join(ws, 'tilskudd.csv'));
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026', '--forhandsvis']);
    expect(r.stdout).toMatch(/gitt innovasjonsstøtte \(støtteregisteret\) 12\s000,00 kr/);
    expect(r.stdout).toMatch(
      /Rapporteres i AVI innen 15\. januar 2027 \(11\.1, 10\.4\): høyst 11\s000,00 kr \(disponibelt\)/,
    );
    expect(r.stdout).not.toMatch(/12\s000,00 kr — rapporteres i AVI/);
    const j = (await nh(['årsrapport', '--data', ws, '--år', '2026', '--forhandsvis', '--json'])).json();
    expect(j.aviRapportering).toMatchObject({ gittStotte: 12000, hoyst: 11000, rapporteres: 11000, tattUt: 1000 });
    expect(j.aviRapportering.malbedrifter).toEqual([
      { orgnr: '968170546', navn: 'Aksel Hele Året AS', gitt: 10500, rapporteres: 9625, tattUt: 875 },
      { orgnr: '957689949', navn: 'Berit Del Av Året AS', gitt: 1500, rapporteres: 1375, tattUt: 125 },
    ]);
    // Støtteregisteret er gitt støtte og rettes ikke (det er det konservative tallet mot støttetaket).
    expect(readFileSync(path.join(ws, 'stotteregister.csv'), 'utf8')).toBe(
      readFileSync(path.join(LITEN, 'stotteregister.csv'), 'utf8'),
    );
    // Innenfor disponibelt: hele den gitte støtten rapporteres.
    const inne = (await nh(['årsrapport', '--data', kopier(LITEN), '--år', '2026', '--json'])).json();
    expect(inne.aviRapportering).toMatchObject({ gittStotte: 12000, rapporteres: 12000, tattUt: 0, fordeling: null });
  });
});

describe('31. desember og utviklingsplanen (issue 20 pkt. 13 og 18, programveileder 11.1 og 8.2)', () => {
  it('issue 20 pkt. 13 / 11.1: årsrapporten lister aktive målbedrifter som ikke står i noen AVI-opplasting', async () => {
    const ws = kopier(LITEN);
    const uten = (await nh(['årsrapport', '--data', ws, '--år', '2026', '--forhandsvis', '--json'])).json();
    expect(uten.aviRegistrering).toEqual({ logg: null, ikkeRegistrert: null });
    expect(uten.advarsler.map((a: { kode: string }) => a.kode)).toContain('avi-logg-mangler');
    // Loggen: Aksel ble lastet opp 1. juni 2026; de to andre aldri (og loggen startet uten antakelse).
    mkdirSync(path.join(ws, 'avi'));
    writeFileSync(
      path.join(ws, 'avi', 'avi-logg.json'),
      JSON.stringify({
        versjon: 1,
        oppdateringer: [
          {
            frist: '2026-06-01',
            skrevet: '2026-05-20',
            filer: [],
            nye: [{ orgnr: '968170546', avtalestart: '2025-01-01', startskjema: '2026-06' }],
            avsluttede: [],
          },
        ],
      }),
    );
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026', '--forhandsvis', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.aviRegistrering.logg).toBe('avi/avi-logg.json');
    expect(j.aviRegistrering.ikkeRegistrert.map((m: { navn: string }) => m.navn)).toEqual([
      'Berit Del Av Året AS',
      'Carl Ferdig Januar AS',
    ]);
    expect(j.malbedrifter.map((m: { iAvi: string }) => m.iAvi)).toEqual(['ja', 'nei', 'nei']);
    const a = j.advarsler.find((x: { kode: string }) => x.kode === 'ikke-registrert-i-avi');
    expect(a.melding).toMatch(/kjør nh kts-plan --frist 2026-12-31/);
    const t = await nh(['årsrapport', '--data', ws, '--år', '2026', '--forhandsvis']);
    expect(t.stdout).toMatch(/I AVI-loggen: 1 lastet opp, 0 antatt registrert fra før, 2 ikke lastet opp\./);
  });

  it('issue 20 pkt. 13 / 11.1: nh frister nevner kts-plan --frist <år>-12-31 for 31. desember', async () => {
    const j = (await nh(['frister', '--json'])).json();
    const f = j.frister.find((x: { dato: string }) => x.dato === '2026-12-31');
    expect(f.kommando).toBe('nh kts-plan --frist 31.12.2026 (kontroll: nh årsrapport --år 2026)');
  });

  it('issue 20 pkt. 18 / 8.2: nh sjekk varsler om målbedrifter med avtale i dag uten utviklingsplan (advarsel, exit 0)', async () => {
    const ws = kopier(LITEN);
    const r = await nh(['sjekk', '--data', ws, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const mangler = r.json().advarsler.filter((a: { kode: string }) => a.kode === 'mangler-utviklingsplan');
    // 22.11.2026: bare Aksel har avtale i dag (Berit og Carl er avsluttet, Dina starter i 2027).
    expect(mangler.map((a: { melding: string }) => a.melding.split(' har ')[0])).toEqual([
      'Aksel Hele Året AS (968170546)',
    ]);
    expect(mangler[0].kilde).toMatchObject({ fil: 'malbedrifter.csv', rad: 2, kolonne: 'utviklingsplan' });
    const fil = path.join(ws, 'malbedrifter.csv');
    const linjer = readFileSync(fil, 'utf8').split('\n');
    linjer[0] = `${linjer[0]!.trimEnd()};Utviklingsplan`;
    linjer[1] = `${linjer[1]!.trimEnd()};12.02.2025`;
    writeFileSync(fil, linjer.map((l, i) => (i > 1 && l.trim() ? `${l.trimEnd()};` : l)).join('\n'));
    const etter = await nh(['sjekk', '--data', ws, '--json']);
    expect(etter.kode, etter.stderr).toBe(0);
    expect(etter.json().advarsler.map((a: { kode: string }) => a.kode)).not.toContain('mangler-utviklingsplan');
  });

  it('issue 20 pkt. 18 / 8.2: en aktiv målbedrift uten utviklingsplan gir advarsel i årsrapporten; kolonnen vises', async () => {
    const ws = kopier(LITEN);
    const fil = path.join(ws, 'malbedrifter.csv');
    const linjer = readFileSync(fil, 'utf8').split('\n');
    linjer[0] = `${linjer[0]!.trimEnd()};utviklingsplan`;
    linjer[1] = `${linjer[1]!.trimEnd()};UP-2025-01`;
    writeFileSync(fil, linjer.map((l, i) => (i > 1 && l.trim() ? `${l.trimEnd()};` : l)).join('\n'));
    const j = (await nh(['årsrapport', '--data', ws, '--år', '2026', '--forhandsvis', '--json'])).json();
    const mangler = j.advarsler.filter((a: { kode: string }) => a.kode === 'mangler-utviklingsplan');
    expect(mangler.map((a: { kilde: { rad: number } }) => a.kilde.rad)).toEqual([3, 4]); // Berit og Carl (ikke Dina: ikke aktiv)
    expect(mangler[0].melding).toMatch(/programveileder 8\.2/);
    expect(j.malbedrifter.map((m: { utviklingsplan: string | null }) => m.utviklingsplan)).toEqual([
      'UP-2025-01',
      null,
      null,
    ]);
  });
});

describe('nh årsrapport --år 2026 på en kopi av demoen med merforbruk (fixtures/aarsrapport/overforbruk)', () => {
  it('10.4 / vedlegg 3 pkt. 4.1: rapporten skrives, merforbruket vises i terminalen og i xlsx (Tilskuddsbalanse)', async () => {
    const ws = kopiAvDemo();
    cpSync(path.join(OVERFORBRUK, 'tilskudd-demo.csv'), path.join(ws, 'tilskudd.csv'));
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/MERFORBRUK: brukt innovasjonsstøtte/);
    expect(r.stdout).toMatch(/MERFORBRUK \(kompenseres ikke, vedlegg 3 pkt\. 4\.1\)/);
    const fil = path.join(ws, 'arsrapport-2026.xlsx');
    expect(existsSync(fil)).toBe(true);
    const b = await lesArk(fil, 'Tilskuddsbalanse');
    expect(String(b[0]![0])).toMatch(/^MERFORBRUK – /);
    const hode = b[1] as string[];
    const k = hode.indexOf('Merforbruk (kompenseres ikke, vedlegg 3 pkt. 4.1)');
    expect(k).toBeGreaterThan(0);
    expect(b[2]![k] as number).toBeGreaterThan(0);
    expect(String(b[4]![0])).toMatch(/kompenseres ikke på neste års tildeling/);
  });

  it('issue 16 pkt. 5: en årsrapport laget før årsslutt er merket «Foreløpig per dd.mm.åååå» i filen; etter årsslutt ikke', async () => {
    const ws = kopiAvDemo();
    expect((await nh(['årsrapport', '--data', ws, '--år', '2026'])).kode).toBe(0);
    const fil = path.join(ws, 'arsrapport-2026.xlsx');
    expect(String((await lesArk(fil, 'Måltall vs resultat'))[0]![0])).toMatch(/FORELØPIG PER 22\.11\.2026/);
    const fu = await lesArk(fil, 'Forutsetninger');
    expect(fu.some((rad) => rad?.[0] === 'Status' && rad[1] === 'Foreløpig per 22.11.2026')).toBe(true);
    const etter = await nh(['årsrapport', '--data', ws, '--år', '2026', '--overskriv'], {
      env: { NH_DATO: '2027-01-10' },
    });
    expect(etter.kode, etter.stderr).toBe(0);
    expect(String((await lesArk(fil, 'Måltall vs resultat'))[0]![0])).not.toMatch(/FORELØPIG/);
  });

  it('11.1: 15. januar — all art. 28-rapportering ferdigstilt, også næringshagestatusskjemaet, står i utskriften', async () => {
    const r = await nh(['årsrapport', '--data', kopiAvDemo(), '--år', '2026', '--forhandsvis']);
    expect(r.stdout).toMatch(
      /Frist 15\. januar 2027 \(11\.1\): all rapportering for 2026 .* næringshagestatusskjemaet/s,
    );
  });
});

describe('nh frister (programveileder 11.1)', () => {
  it('11.1: lister fristene med dager igjen fra i dag og kommandoen som lager grunnlaget', async () => {
    const r = await nh(['frister', '--json']);
    expect(r.kode).toBe(0);
    const j = r.json();
    expect(j.ar).toBe(2026);
    expect(j.frister).toHaveLength(11);
    const maltall = j.frister.find((f: { hva: string }) => /Måltall/.test(f.hva));
    expect(maltall).toMatchObject({
      dato: '2026-12-01',
      dagerIgjen: 9,
      status: 'kommende',
      kommando: 'nh årsrapport --måltall 2027',
    });
    expect(j.frister[0]).toMatchObject({ dato: '2026-01-15', status: 'passert', kommando: 'nh årsrapport --år 2025' });
    // 11.1: 15. januar er «all rapportering … ferdigstilt», også næringshagestatusskjemaet.
    expect(j.frister[0].hva).toMatch(/All art\. 28-rapportering for fjoråret ferdigstilt.*næringshagestatusskjemaet/);
    expect(j.neste).toBe('2026-12-01');
  });
  it('--år 2027 og tekstutskrift', async () => {
    const r = await nh(['frister', '--år', '2027']);
    expect(r.kode).toBe(0);
    expect(r.stdout).toMatch(/15\.01\.2027\s+54 d/);
    const feil = await nh(['frister', '--år', 'x']);
    expect(feil.kode).toBe(2);
    expect(feil.stderr).toMatch(/--år «x» er ikke et år/);
  });
});
