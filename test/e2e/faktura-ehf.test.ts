/**
 * nh faktura helt til kunden (issue 15): EHF 3.0 per faktura, Tripletex- og PowerOffice-import, fakturanummer og
 * KID i støtteregisteret, kreditnota ved --erstatt. Hver EHF og kreditnota demoen gir, kjøres gjennom den
 * offisielle valideringen (UBL 2.1 XSD + CEN EN 16931 + Peppol BIS 3.0 inkl. NO-R) med 0 fatal og 0 warning.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO, kopier, lesArk, nh, ROT, avtrykk } from '../hjelp.js';
import { harEhfValidator, validerEhf, validerEhfAlle } from '../ehf-valider.js';
import { kryssjekk, lesCsv, lesRegister } from '../kryssjekk.js';

const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');
const P = ['--periode', '2026-10'];
const les = (ws: string, f: string) => readFileSync(path.join(ws, f), 'utf8');
const linjer = (tekst: string) =>
  tekst
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

/** Alle EHF-filene mot den offisielle valideringen, i ett kall (test/ehf-valider.ts). */
async function alleGyldige(filer: string[]): Promise<void> {
  const r = await validerEhfAlle(filer.map((f) => readFileSync(f, 'utf8')));
  for (const [i, f] of filer.entries()) expect(r[i]!.avvik, path.basename(f)).toEqual([]);
}

/** Registerlinjene som objekter (overskrift → verdi), lest slik nh leser dem (KID som tekst, formelvern tatt bort). */
const register = lesRegister;
const ore = (s: string) => Math.round(Number(s.replace(',', '.')) * 100);

/** Tripletex-filen: per fakturanummer Σ antall × enhetspris (øre) — det Tripletex regner som sum eks. mva. */
function tripletexSummer(tekst: string): Map<string, number> {
  const [hode, ...rader] = linjer(tekst).map((l) =>
    l.match(/("([^"]|"")*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, '')),
  );
  const i = (n: string) => hode!.indexOf(n);
  const ut = new Map<string, number>();
  for (const r of rader) {
    const nr = r[i('INVOICE NO')]!;
    const t = Number(r[i('ORDER LINE - COUNT')]) * Number(r[i('ORDER LINE - UNIT PRICE')]) * 100;
    ut.set(nr, (ut.get(nr) ?? 0) + Math.sign(t) * Math.round(Math.abs(t)));
  }
  return ut;
}

describe('nh faktura på demoen: EHF, Tripletex og PowerOffice (issue 15)', () => {
  it.skipIf(!harEhfValidator)(
    'programveileder 10.4: skriver EHF per faktura, importfilene; alle EHF består valideringen; ny kjøring endrer ingenting; --erstatt gir gyldige kreditnotaer',
    async () => {
      const ws = kopier(DEMO);
      const r = await nh(['faktura', '--data', ws, ...P, '--json']);
      expect(r.kode, r.stderr).toBe(0);
      const j = r.json();
      expect(j.malbedrifter.length).toBeGreaterThanOrEqual(20);
      const ehf = j.filer.ehf as string[];
      expect(ehf).toHaveLength(j.malbedrifter.length);
      for (const m of j.malbedrifter) {
        expect(m.faktura.fakturanr).toMatch(/^260\d\d$/);
        expect(existsSync(path.join(ws, 'faktura', '2026-10', 'ehf', `${m.faktura.fakturanr}-${m.orgnr}.xml`))).toBe(
          true,
        );
      }
      for (const s of ['tripletex', 'poweroffice']) expect(existsSync(j.filer.importfiler[s]), s).toBe(true);
      await alleGyldige(ehf);

      // Registeret har identiteten; Tripletex-filen gir egenandelen per faktura eksakt (markedsverdi − støtte).
      const reg = register(ws);
      expect(reg.every((l) => /^260\d\d$/.test(l.fakturanr!) && /^\d{7}$/.test(l.kid!) && l.type === 'faktura')).toBe(
        true,
      );
      const tx = tripletexSummer(les(ws, 'faktura/2026-10/tripletex-import.csv'));
      for (const l of reg) expect(tx.get(l.fakturanr!), l.fakturanr).toBe(ore(l.egenandel!));
      const po = linjer(les(ws, 'faktura/2026-10/poweroffice-import.csv'));
      expect(po[0]).toBe('[Vouchers]');
      expect(po[1]).toMatch(/^VoucherType;DocumentNumber;DocumentDate;/);

      // Idempotent: en ny kjøring endrer ikke en byte.
      const før = avtrykk(ws);
      const igjen = await nh(['faktura', '--data', ws, ...P, '--json']);
      expect(igjen.json().status).toBe('allerede-fakturert');
      expect(avtrykk(ws)).toEqual(før);

      // --erstatt med endrede timer for én målbedrift: kreditnota + ny faktura, begge gyldige; resten beholdes.
      const orgnr = j.malbedrifter[0].orgnr as string;
      const gammelNr = j.malbedrifter[0].faktura.fakturanr as string;
      appendFileSync(path.join(ws, 'timer.csv'), `20.10.2026;Eirik Moen;${orgnr};2;Kartlegging;Bærekraft;Ekstra\r\n`);
      const e = await nh(['faktura', '--data', ws, ...P, '--erstatt', '--json']);
      expect(e.kode, e.stderr).toBe(0);
      const ej = e.json();
      expect(ej.status).toBe('erstattet');
      expect(ej.kreditnotaer).toHaveLength(1);
      expect(ej.kreditnotaer[0]).toMatchObject({ orgnr, krediterer: gammelNr, type: 'kreditnota' });
      const nyNr = ej.malbedrifter[0].faktura.fakturanr as string;
      expect(Number(nyNr)).toBeGreaterThan(Math.max(...reg.map((l) => Number(l.fakturanr))));
      expect(ej.filer.ehf.map((f: string) => path.basename(f))).toEqual([
        `${ej.kreditnotaer[0].fakturanr}-${orgnr}-kreditnota.xml`,
        `${nyNr}-${orgnr}.xml`,
      ]);
      await alleGyldige(ej.filer.ehf);
      // Registeret beholder begge; støtten for målbedriften i perioden er den nye (vedlegg 3 pkt. 2: treårssummen).
      const etter = register(ws).filter((l) => l.orgnr === orgnr);
      expect(etter.map((l) => l.type)).toEqual(['faktura', 'kreditnota', 'faktura']);
      expect(etter.reduce((s, l) => s + ore(l.stotte!), 0)).toBe(Math.round(ej.malbedrifter[0].stotte * 100));
      expect(etter.reduce((s, l) => s + ore(l.stotteEur!), 0)).toBe(Math.round(ej.malbedrifter[0].stotteEur * 100));
      // Importfilen etter --erstatt har bare kreditnotaen og den nye fakturaen.
      const tx2 = tripletexSummer(les(ws, 'faktura/2026-10/tripletex-import.csv'));
      expect([...tx2.keys()]).toEqual([ej.kreditnotaer[0].fakturanr, nyNr]);
      expect(tx2.get(ej.kreditnotaer[0].fakturanr)).toBe(-ore(reg.find((l) => l.fakturanr === gammelNr)!.egenandel!));
      // Issue 23: etter --erstatt-kjeden stemmer register, fakturagrunnlag, importfiler og hver EHF til øret.
      expect(await kryssjekk(ws)).toEqual([]);
    },
    240_000,
  );
});

/** Den lille arbeidsmappen med selger i nh.json og kjøperdata i malbedrifter, så EHF kan skrives. */
function ehfKlar(ws: string, faktura: Record<string, unknown>): void {
  const c = JSON.parse(les(ws, 'nh.json'));
  const selger = { adresse: 'Storgata 1', postnr: '6800', poststed: 'FØRDE', kontonummer: '86011117947' };
  c.faktura = { ...c.faktura, selger, ...faktura };
  writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
  const mb = les(ws, 'malbedrifter.csv').split('\r\n');
  mb[0] += ';adresse;postnr;poststed;deresRef';
  mb[1] += ';Kaiveien 2;6900;FLORØ;Kari Alfa';
  mb[2] += ';Havna 1;6700;MÅLØY;Per Beta';
  writeFileSync(path.join(ws, 'malbedrifter.csv'), mb.join('\r\n'));
}

describe('nh faktura: EHF krever selger- og kjøperdata (issue 15 pkt. 2)', () => {
  it('manglende felt meldes alle samtidig med fil, rad og kolonne (exit 2), ingenting skrives', async () => {
    const ws = kopier(LITEN);
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--format', 'ehf', '--json']);
    expect(r.kode).toBe(2);
    const f = r.json().feil as { kode: string; kilde?: { fil?: string; rad?: number; kolonne?: string } }[];
    expect(f.map((x) => [x.kode, x.kilde?.fil, x.kilde?.rad, x.kilde?.kolonne])).toEqual([
      ['ehf-uten-nummerserie', 'nh.json', undefined, 'faktura.nummerserie'],
      ['ehf-mangler-selger', 'nh.json', undefined, 'faktura.selger.adresse'],
      ['ehf-mangler-selger', 'nh.json', undefined, 'faktura.selger.postnr'],
      ['ehf-mangler-selger', 'nh.json', undefined, 'faktura.selger.poststed'],
      ['ehf-mangler-selger', 'nh.json', undefined, 'faktura.selger.kontonummer'],
      ...['915000002', '915000142'].flatMap((_, i) =>
        ['adresse', 'postnr', 'poststed', 'deresRef'].map((k) => ['ehf-mangler-kjoper', 'malbedrifter.csv', 2 + i, k]),
      ),
    ]);
    expect(avtrykk(ws)).toEqual(før);
    const t = await nh(['faktura', '--data', ws, ...P, '--format', 'ehf']);
    expect(t.stderr).toMatch(
      /malbedrifter\.csv, rad 2, kolonne «adresse».*EHF til Alfa Teknologi AS krever kolonnen adresse/,
    );
  });

  it('Brønnøysund-adressen fra smb-sjekk tilbys (aldri i stillhet): uten terminal står den i feilmeldingen', async () => {
    const ws = kopier(LITEN);
    const c = JSON.parse(les(ws, 'nh.json'));
    c.faktura = {
      ...c.faktura,
      nummerserie: { forste: 1001 },
      selger: { adresse: 'Storgata 1', postnr: '6800', poststed: 'FØRDE', kontonummer: '8601 11 17947' },
    };
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    mkdirSync(path.join(ws, 'smb-sjekk', 'buffer'), { recursive: true });
    const enhet = {
      organisasjonsnummer: '915000002',
      forretningsadresse: { adresse: ['Kaiveien 2'], postnummer: '6900', poststed: 'FLORØ', land: 'Norge' },
    };
    writeFileSync(
      path.join(ws, 'smb-sjekk', 'buffer', '915000002-enhet.json'),
      JSON.stringify({ url: 'x', status: 200, tekst: JSON.stringify(enhet), hentet: '2026-01-10T10:00:00Z' }),
    );
    const r = await nh(['faktura', '--data', ws, ...P, '--format', 'ehf', '--json']);
    expect(r.kode).toBe(2);
    const alfa = r.json().feil.find((x: any) => x.kilde?.rad === 2 && x.kilde?.kolonne === 'adresse');
    expect(alfa.melding).toMatch(/Brønnøysundregistrene har forretningsadresse «Kaiveien 2, 6900 FLORØ»/);
  });

  it('Brønnøysund-adressen i en terminal: spørsmålet stilles; ja → brukt i EHF med en advarsel, nei → feil (exit 2)', async () => {
    const ws = kopier(LITEN);
    const c = JSON.parse(les(ws, 'nh.json'));
    c.faktura = {
      ...c.faktura,
      nummerserie: { forste: 1001 },
      selger: { adresse: 'Storgata 1', postnr: '6800', poststed: 'FØRDE', kontonummer: '86011117947' },
    };
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const mb = les(ws, 'malbedrifter.csv').split('\r\n');
    mb[0] += ';deresRef;adresse;postnr;poststed';
    mb[1] += ';Kari Alfa;;;';
    mb[2] += ';Per Beta;Havna 1;6700;MÅLØY';
    writeFileSync(path.join(ws, 'malbedrifter.csv'), mb.join('\r\n'));
    mkdirSync(path.join(ws, 'smb-sjekk', 'buffer'), { recursive: true });
    const enhet = {
      postadresse: { adresse: ['Postboks 7'], postnummer: '6901', poststed: 'FLORØ' },
      forretningsadresse: { adresse: ['Kaiveien 2'], postnummer: '6900', poststed: 'FLORØ' },
    };
    writeFileSync(
      path.join(ws, 'smb-sjekk', 'buffer', '915000002-enhet.json'),
      JSON.stringify({ url: 'x', status: 200, tekst: JSON.stringify(enhet), hentet: '2026-01-10T10:00:00Z' }),
    );
    const { faktura } = await import('../../src/cli/app/faktura/faktura.js');
    const sporsmal: string[] = [];
    const laasUnderSporsmal: boolean[] = [];
    const kontekst = (svar: boolean) => ({
      data: ws,
      json: false,
      interaktiv: true,
      idag: '2026-11-22' as never,
      naa: () => new Date('2026-11-22T12:00:00Z'),
      env: {},
      sti: (s: string) => s,
      kolonner: undefined,
      advarsler: [] as { kode: string; melding: string }[],
      spor: {
        tekst: async () => '',
        velg: async () => '' as never,
        bekreft: async (s: string) => {
          sporsmal.push(s);
          // Issue 22 pkt. 3: aldri et spørsmål mens registerlåsen holdes.
          laasUnderSporsmal.push(existsSync(path.join(ws, '.stotteregister.laas')));
          return svar;
        },
      },
    });
    const nei = kontekst(false);
    await expect(faktura(nei as never, { periode: '2026-10', format: 'ehf' })).rejects.toMatchObject({
      diagnostikk: expect.arrayContaining([expect.objectContaining({ kode: 'ehf-mangler-kjoper' })]),
    });
    expect(existsSync(path.join(ws, 'stotteregister.csv'))).toBe(false);
    // Issue 19 pkt. 12: datoen i spørsmålet slik brukeren skriver den.
    expect(sporsmal[0]).toContain('(hentet av smb-sjekk 10.01.2026)');
    // --forhandsvis spør ikke: tilbudet står som en advarsel (adresse-tilbys), og ingenting skrives.
    const vis = kontekst(true);
    const stilt = sporsmal.length;
    await faktura(vis as never, { periode: '2026-10', format: 'ehf', forhandsvis: true });
    expect(vis.advarsler.map((a) => a.kode)).toContain('adresse-tilbys');
    expect(sporsmal.length).toBe(stilt);
    const ja = kontekst(true);
    await faktura(ja as never, { periode: '2026-10', format: 'ehf' });
    expect(sporsmal[0]).toMatch(
      /Alfa Teknologi AS \(915000002\) mangler fakturaadresse.*postadresse.*«Postboks 7, 6901 FLORØ»/,
    );
    expect(ja.advarsler.map((a) => a.kode)).toContain('adresse-fra-brreg');
    expect(laasUnderSporsmal).toEqual([false, false]);
    const xml = readFileSync(path.join(ws, 'faktura', '2026-10', 'ehf', '1001-915000002.xml'), 'utf8');
    expect(xml).toContain('<cbc:StreetName>Postboks 7</cbc:StreetName>');
    if (harEhfValidator) expect((await validerEhf(xml)).avvik).toEqual([]);
  }, 60_000);

  it('med kjøperdata i malbedrifter: EHF for den lille arbeidsmappen består valideringen', async () => {
    const ws = kopier(LITEN);
    ehfKlar(ws, {
      nummerserie: { forste: 1001 },
      kid: { metode: 'MOD11', lengde: 6 },
      ehf: true,
      regnskapssystem: 'tripletex',
    });
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.malbedrifter.map((m: any) => m.faktura.fakturanr)).toEqual(['1001', '1002']);
    expect(j.malbedrifter[0].faktura.kid).toMatch(/^01001[\d-]$/);
    expect(Object.keys(j.filer.importfiler)).toEqual(['tripletex']);
    if (harEhfValidator) await alleGyldige(j.filer.ehf);
  }, 60_000);

  it('issue 23 pkt. 3: krasj etter EHF-filene, før registeret: filene flyttes til avbrutt/, numrene annulleres og brukes aldri om igjen', async () => {
    const ws = kopier(LITEN);
    ehfKlar(ws, { nummerserie: { forste: 5001 }, regnskapssystem: 'tripletex', ehf: true });
    const drept = await nh(['faktura', '--data', ws, ...P], { env: { NH_TESTPUNKT_DREP: 'faktura:for-register' } });
    expect(drept.kode).toBe(-1);
    expect(existsSync(path.join(ws, 'stotteregister.csv'))).toBe(false);
    expect(les(ws, 'faktura/2026-10/tripletex-import.csv')).toMatch(/\r\n5001;/);
    const ehfMappe = path.join(ws, 'faktura', '2026-10', 'ehf');
    expect(readdirSync(ehfMappe).sort()).toEqual(['5001-915000002.xml', '5002-915000142.xml']);
    // Timene for Beta strykes før neste kjøring. Før: numrene 5001–5002 ble brukt om igjen og filene slettet —
    // men de kan være sendt. Nå: flyttet (ikke slettet), annullert i nummerloggen, nye numre.
    writeFileSync(path.join(ws, 'timer.csv'), les(ws, 'timer.csv').replace(/^.*915 000 142.*\r\n/m, ''));
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(register(ws).map((l) => l.fakturanr)).toEqual(['5003']);
    expect(readdirSync(ehfMappe)).toEqual(['5003-915000002.xml']);
    const avbrutt = path.join(ws, 'faktura', '2026-10', 'avbrutt');
    const [kjoring] = readdirSync(avbrutt);
    expect(readdirSync(path.join(avbrutt, kjoring!, 'ehf')).sort()).toEqual([
      '5001-915000002.xml',
      '5002-915000142.xml',
    ]);
    const adv = r.json().advarsler.find((a: any) => a.kode === 'avbrutt-kjoring');
    expect(adv.melding).toMatch(/numrene 5001, 5002 ble aldri ført og er annullert/);
    const logg = lesCsv(path.join(ws, 'faktura', 'nummerlogg.csv'));
    expect(logg.map((l) => [l.hendelse, l.fakturanr])).toEqual([
      ['tildelt', '5001'],
      ['tildelt', '5002'],
      ['annullert', '5001'],
      ['annullert', '5002'],
      ['tildelt', '5003'],
      ['ført', '5003'],
    ]);
    expect(await kryssjekk(ws)).toEqual([]);
  });

  it('--format med ukjent format er exit 2', async () => {
    const r = await nh(['faktura', '--data', LITEN, ...P, '--format', 'ehf,fiken', '--forhandsvis']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/--format «ehf,fiken»: ukjent format «fiken»/);
  });
});

describe('fakturagrunnlag.xlsx som utskrift (issue 16 pkt. 1 og 8)', () => {
  it('A4 liggende, frosne overskrifter, utskriftstitler, fakturateksten over hele bredden; Sammendrag har støtte 3 år i EUR og SMB-status', async () => {
    const ws = kopier(DEMO);
    const j = (await nh(['faktura', '--data', ws, ...P, '--json'])).json();
    const xlsx = path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    for (const ark of wb.worksheets) {
      expect(ark.pageSetup, ark.name).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        printTitlesRow: '1:2',
      });
      expect(ark.views[0], ark.name).toMatchObject({ state: 'frozen', ySplit: 2 });
    }
    const blokk = wb.getWorksheet('Fakturagrunnlag')!;
    const tekstRad = blokk.getColumn(1).values.findIndex((v) => typeof v === 'string' && v.startsWith('Fakturatekst:'));
    expect(blokk.getCell(tekstRad, 1).alignment).toMatchObject({ wrapText: true });
    expect(blokk.getCell(tekstRad, 12).isMerged).toBe(true);
    const sam = await lesArk(xlsx, 'Sammendrag');
    const hode = sam[1] as string[];
    const eurKol = hode.indexOf('Støtte siste 3 år i EUR (tak 200 000)');
    const smbKol = hode.indexOf('SMB-sjekk (vedlegg 3 pkt. 2)');
    const nrKol = hode.indexOf('Faktura / ordre');
    j.malbedrifter.forEach((m: any, i: number) => {
      expect(sam[2 + i]![eurKol]).toBeCloseTo(m.treaar.samletEur, 2);
      expect(sam[2 + i]![smbKol]).toBe(m.smbSjekk);
      expect(sam[2 + i]![nrKol]).toBe(m.faktura.fakturanr);
    });
    expect(j.malbedrifter.some((m: any) => m.smbSjekk !== 'OK')).toBe(true);
  });
});
