import { describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { DEMO, kopier, lesArk, nh, ROT } from '../hjelp.js';
import { harLibreOffice, regnOmILibreOffice } from '../libreoffice.js';

const LITEN = path.join(ROT, 'fixtures', 'kts', 'liten');
const avi = (ws: string, f: string) => path.join(ws, 'avi', f);

type NyJson = { orgnr: string; navn: string; avtalestart: string; startskjema: string; startskjemaTekst: string; forSent: boolean; dagligLeder: string; dagligLederEpost: string; merknad: string | null };
type SluttJson = Omit<NyJson, 'startskjema' | 'startskjemaTekst'> & { avtaleslutt: string; exitskjema: string; exitskjemaTekst: string };

/** Celle fra exceljs (etter LibreOffice) → sammenlignbar verdi: datoer som åååå-mm-dd, tom som null. */
function celle(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v === undefined || v === '') return null;
  return v;
}
/** De n første cellene i raden (exceljs utelater tomme celler på slutten). */
const forste = (rad: unknown[], n: number) => Array.from({ length: n }, (_, i) => celle(rad[i]));

describe('nh kts-plan på fixtures/demo (programveileder 6.3, 11.1)', () => {
  it('6.3: --frist 2026-12-01 skriver opplastingsfilene og loggen; xlsx i LibreOffice har samme rader som --json', async () => {
    const ws = kopier(DEMO);
    const r = nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.frist).toBe('2026-12-01');
    expect(j.nye.length).toBeGreaterThan(0);
    expect(j.avsluttede.length).toBeGreaterThan(0);
    // Første gang uten logg: advarsel, og eldre vinduer er merket for sent.
    expect(j.advarsler.map((a: { kode: string }) => a.kode)).toContain('ingen-logg');
    expect(j.nye.some((x: NyJson) => x.forSent)).toBe(true);
    for (const f of ['avi-oppdatering-2026-12-01.xlsx', 'avi-oppdatering-2026-12-01.csv', 'avi-logg.json']) expect(existsSync(avi(ws, f)), f).toBe(true);

    // CSV: BOM, semikolon, én tabell med kolonnen «del».
    const csv = readFileSync(avi(ws, 'avi-oppdatering-2026-12-01.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const linjer = csv.slice(1).trimEnd().split('\r\n');
    const hode = linjer[0]!.split(';');
    expect(hode[0]).toBe('del');
    expect(linjer).toHaveLength(1 + j.nye.length + j.avsluttede.length);
    expect(linjer.slice(1).filter((l) => l.startsWith('ny;'))).toHaveLength(j.nye.length);
    expect(linjer.slice(1).filter((l) => l.startsWith('avsluttet;'))).toHaveLength(j.avsluttede.length);

    if (!harLibreOffice) return;
    const fil = await regnOmILibreOffice(avi(ws, 'avi-oppdatering-2026-12-01.xlsx'));
    const nye = await lesArk(fil, 'Nye målbedrifter');
    expect(nye.slice(2).filter((rad) => rad && rad.length)).toHaveLength(j.nye.length);
    j.nye.forEach((x: NyJson, i: number) => {
      expect(forste(nye[2 + i]!, 8)).toEqual([x.orgnr, x.navn, x.avtalestart, x.startskjemaTekst, x.dagligLeder, x.dagligLederEpost, x.forSent ? 'ja' : 'nei', x.merknad]);
    });
    const slutt = await lesArk(fil, 'Avsluttede målbedrifter');
    expect(slutt.slice(2).filter((rad) => rad && rad.length)).toHaveLength(j.avsluttede.length);
    j.avsluttede.forEach((x: SluttJson, i: number) => {
      expect(forste(slutt[2 + i]!, 9)).toEqual([x.orgnr, x.navn, x.avtalestart, x.avtaleslutt, x.exitskjemaTekst, x.dagligLeder, x.dagligLederEpost, x.forSent ? 'ja' : 'nei', x.merknad]);
    });
  }, 120_000);

  it('11.1: standardfristen er den neste fra i dag (NH_DATO), og --forhandsvis skriver ingenting', () => {
    const ws = kopier(DEMO);
    const a = nh(['kts-plan', '--data', ws, '--forhandsvis', '--json']);
    expect(a.kode, a.stderr).toBe(0);
    expect(a.json().frist).toBe('2026-12-01');
    expect(a.json().filer).toBeNull();
    const b = nh(['kts-plan', '--data', ws, '--forhandsvis'], { env: { NH_DATO: '2026-12-02' } });
    expect(b.kode, b.stderr).toBe(0);
    expect(b.stdout).toContain('AVI-oppdatering 1. mars 2027');
    expect(b.stdout).toContain('Forhåndsvisning: ingenting er skrevet');
    expect(existsSync(path.join(ws, 'avi'))).toBe(false);
  });

  it('11.1: --frist som ikke er 1. mars/juni/september/desember gir exit 2', () => {
    const ws = kopier(LITEN);
    for (const f of ['2026-10-01', '2026-12-02', 'i morgen']) {
      const r = nh(['kts-plan', '--data', ws, '--frist', f, '--json']);
      expect(r.kode, f).toBe(2);
      expect(r.json().feil[0].kode).toBe('ugyldig-frist');
    }
    expect(existsSync(path.join(ws, 'avi'))).toBe(false);
  });
});

describe('nh kts-plan: loggen over opplastingsfilene (programveileder 6.3 «siden siste oppdatering»)', () => {
  it('6.3: andre kjøring etter en opplasting gjentar ingenting, og en sen registrering tas med og merkes for sent', () => {
    const ws = kopier(LITEN);
    const sept = nh(['kts-plan', '--data', ws, '--frist', '2026-09-01', '--json']);
    expect(sept.kode, sept.stderr).toBe(0);
    expect(sept.json().nye.map((x: NyJson) => x.orgnr).sort()).toEqual(['950119667', '957689949', '985429545']);
    expect(sept.json().avsluttede.map((x: SluttJson) => x.orgnr)).toEqual(['985429545']);

    // Registrert etter septemberfilen, men avtalestart i mai: hørte til 1. september.
    appendFileSync(path.join(ws, 'malbedrifter.csv'), '940529344;Mai Mat AS;20.05.2026;;Mari Mai;mari@mai-mat.no\r\n');
    const des = nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--json']);
    expect(des.kode, des.stderr).toBe(0);
    const j = des.json();
    expect(j.forrigeOppdatering).toBe('2026-09-01');
    expect(j.nye.map((x: NyJson) => [x.orgnr, x.startskjema, x.forSent])).toEqual([
      ['940529344', '2026-09', true],
      ['968170546', '2026-12', false],
      ['926533010', '2026-12', false],
    ]);
    expect(j.nye[0].merknad).toContain('For sent');
    // Starter og slutter før samme frist: i begge delene.
    expect(j.avsluttede.map((x: SluttJson) => [x.orgnr, x.exitskjema])).toEqual([
      ['957689949', '2026-12'],
      ['926533010', '2026-12'],
    ]);
    expect(j.nye.find((x: NyJson) => x.orgnr === '926533010').merknad).toContain('begge delene');
    const logg = JSON.parse(readFileSync(avi(ws, 'avi-logg.json'), 'utf8'));
    expect(logg.oppdateringer.map((o: { frist: string }) => o.frist)).toEqual(['2026-09-01', '2026-12-01']);
    const alleNye = logg.oppdateringer.flatMap((o: { nye: { orgnr: string }[] }) => o.nye.map((n) => n.orgnr));
    expect(new Set(alleNye).size).toBe(alleNye.length);
  });

  it('6.3: ny kjøring for samme frist krever --overskriv; uten endringer blir loggen byte for byte den samme', () => {
    const ws = kopier(LITEN);
    expect(nh(['kts-plan', '--data', ws, '--frist', '2026-12-01']).kode).toBe(0);
    const logg1 = readFileSync(avi(ws, 'avi-logg.json'));
    const csv1 = readFileSync(avi(ws, 'avi-oppdatering-2026-12-01.csv'));
    const uten = nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--json']);
    expect(uten.kode).toBe(2);
    expect(uten.json().feil.map((f: { kode: string }) => f.kode)).toEqual(['finnes-fra-for', 'finnes-fra-for']);
    const med = nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--overskriv', '--json'], { env: { NH_DATO: '2026-11-30' } });
    expect(med.kode, med.stderr).toBe(0);
    expect(med.json().logg.uendret).toBe(true);
    expect(readFileSync(avi(ws, 'avi-logg.json')).equals(logg1)).toBe(true);
    expect(readFileSync(avi(ws, 'avi-oppdatering-2026-12-01.csv')).equals(csv1)).toBe(true);
    expect(JSON.parse(logg1.toString()).oppdateringer).toHaveLength(1);
  });

  it('6.3: krasj før omdøping gir verken fil eller logg; krasj mellom gir aldri logg uten fil (loggen døpes om sist)', () => {
    const ws = kopier(LITEN);
    const r = nh(['kts-plan', '--data', ws, '--frist', '2026-12-01'], { env: { NH_TESTPUNKT_DREP: 'for-rename' } });
    expect(r.kode).not.toBe(0);
    expect(readdirSync(path.join(ws, 'avi')).filter((f) => !f.startsWith('.'))).toEqual([]);
    const r2 = nh(['kts-plan', '--data', ws, '--frist', '2026-12-01'], { env: { NH_TESTPUNKT_DREP: 'etter-rename:avi-oppdatering-2026-12-01.csv' } });
    expect(r2.kode).not.toBe(0);
    expect(existsSync(avi(ws, 'avi-oppdatering-2026-12-01.csv'))).toBe(true);
    expect(existsSync(avi(ws, 'avi-logg.json'))).toBe(false);
    // Ny kjøring fullfører (filene lages likt på nytt) og fører loggen.
    const r3 = nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--overskriv']);
    expect(r3.kode, r3.stderr).toBe(0);
    expect(JSON.parse(readFileSync(avi(ws, 'avi-logg.json'), 'utf8')).oppdateringer).toHaveLength(1);
  });

  it('6.3: ødelagt logg gir exit 2 med fil og felt, og ingenting skrives', () => {
    const ws = kopier(LITEN);
    expect(nh(['kts-plan', '--data', ws, '--frist', '2026-09-01']).kode).toBe(0);
    appendFileSync(avi(ws, 'avi-logg.json'), '}');
    const r = nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--json']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain('avi/avi-logg.json');
    expect(existsSync(avi(ws, 'avi-oppdatering-2026-12-01.xlsx'))).toBe(false);
  });
});

describe('nh kts-plan --plan og --ics (programveileder 6.3, 11.1)', () => {
  it('6.3: --plan 2026 gir alle utsendinger i året med type, måned og frist, underveis frem til avtaleslutt', () => {
    const ws = kopier(LITEN);
    const r = nh(['kts-plan', '--data', ws, '--plan', '2026', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const u = r.json().utsendinger.map((x: { orgnr: string; type: string; maaned: string; frist: string }) => `${x.maaned} ${x.type} ${x.orgnr} ${x.frist}`);
    expect(u).toEqual([
      '2026-03 oppstart 985429545 2026-03-01',
      '2026-06 oppstart 957689949 2026-06-01',
      '2026-06 exit 985429545 2026-06-01',
      '2026-09 underveis 950119667 2026-09-01',
      '2026-12 oppstart 968170546 2026-12-01',
      '2026-12 oppstart 926533010 2026-12-01',
      '2026-12 exit 957689949 2026-12-01',
      '2026-12 exit 926533010 2026-12-01',
    ]);
    // Løpende avtale (Juni Jern, oppstartskjema september 2025) får underveisskjema også i 2027, mens
    // Februar Fisk (slutt 30.09.2026) ikke får underveisskjema i juni 2027 og ingenting i 2027.
    const r27 = nh(['kts-plan', '--data', ws, '--plan', '2027', '--json']).json();
    const u27 = r27.utsendinger.map((x: { orgnr: string; type: string; maaned: string }) => `${x.maaned} ${x.type} ${x.orgnr}`);
    expect(u27).toContain('2027-09 underveis 950119667');
    expect(u27).toContain('2027-03 oppstart 984495862');
    expect(u27.filter((s: string) => s.includes('957689949'))).toEqual([]);
    expect(existsSync(path.join(ws, 'avi'))).toBe(false);
  });

  it('11.1: --ics skriver heldagshendelser med stabile UID-er som en uavhengig parser (ical.js) leser tilbake', () => {
    const ws = kopier(LITEN);
    const ics = path.join(ws, 'kts-2026.ics');
    const r = nh(['kts-plan', '--data', ws, '--plan', '2026', '--ics', ics, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const tekst = readFileSync(ics, 'utf8');
    const kal = new ICAL.Component(ICAL.parse(tekst));
    const hendelser = kal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(hendelser).toHaveLength(r.json().hendelser);
    for (const h of hendelser) {
      expect(h.startDate.isDate, h.summary).toBe(true);
      expect(h.endDate.isDate).toBe(true);
      expect(h.startDate.zone?.tzid).toBe('floating');
    }
    // Ingen tidssone i filen: bare DATE-verdier, ingen VTIMEZONE, ingen TZID.
    const startLinjer = tekst.split('\r\n').filter((l) => l.startsWith('DTSTART') || l.startsWith('DTEND'));
    expect(startLinjer.length).toBe(2 * hendelser.length);
    expect(startLinjer.every((l) => /^DT(START|END);VALUE=DATE:\d{8}$/.test(l))).toBe(true);
    expect(tekst).not.toContain('VTIMEZONE');
    expect(new Set(hendelser.map((h) => h.uid)).size).toBe(hendelser.length);
    const paa = (dato: string) => hendelser.filter((h) => h.startDate.toString() === dato).map((h) => h.summary);
    // De fire AVI-fristene (6.3/11.1).
    for (const dato of ['2026-03-01', '2026-06-01', '2026-09-01', '2026-12-01']) {
      expect(paa(dato).some((s) => s.startsWith('AVI-oppdatering')), dato).toBe(true);
    }
    // De andre fristene i 11.1.
    expect(paa('2026-01-15')).toHaveLength(1);
    expect(paa('2026-02-01')).toHaveLength(1);
    expect(paa('2026-02-20')).toHaveLength(1);
    expect(paa('2026-06-30')).toHaveLength(1);
    expect(paa('2026-12-31')).toHaveLength(1);
    expect(paa('2026-12-01').some((s) => s.includes('Måltall'))).toBe(true);
    expect(paa('2026-12-01').some((s) => s.includes('Budsjett'))).toBe(true);
    // Utsendingsmånedene som heldagshendelser over hele måneden.
    const juni = hendelser.find((h) => h.summary.startsWith('Kundetilfredshetsundersøkelsen juni 2026'))!;
    expect(juni.summary).toContain('1 oppstart');
    expect(juni.summary).toContain('1 exit');
    expect(juni.endDate.toString()).toBe('2026-07-01');
    expect(juni.description).toContain('Februar Fisk AS');
    // Samme innhold → samme fil; ellers kreves --overskriv.
    expect(nh(['kts-plan', '--data', ws, '--plan', '2026', '--ics', ics]).kode).toBe(2);
    expect(nh(['kts-plan', '--data', ws, '--plan', '2026', '--ics', ics, '--overskriv'], { env: { NH_DATO: '2026-12-24' } }).kode).toBe(0);
    expect(readFileSync(ics, 'utf8')).toBe(tekst);
  });

  it('6.3/11.1: --plan/--ics sammen med --frist gir exit 2 (planen og opplastingsfilen er hver sin kjøring)', () => {
    const r = nh(['kts-plan', '--data', kopier(LITEN), '--plan', '2026', '--frist', '2026-12-01', '--json']);
    expect(r.kode).toBe(2);
    expect(r.json().feil[0].kode).toBe('ugyldig-flagg');
  });
});
