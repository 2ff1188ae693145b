import { describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { DEMO, kopier, lesArk, nh, ROT } from '../hjelp.js';
import { harLibreOffice, regnOmILibreOffice } from '../libreoffice.js';

const LITEN = path.join(ROT, 'fixtures', 'kts', 'liten');
const avi = (ws: string, f: string) => path.join(ws, 'avi', f);

type NyJson = {
  orgnr: string;
  navn: string;
  avtalestart: string;
  startskjema: string;
  startskjemaTekst: string;
  forSent: boolean;
  dagligLeder: string;
  dagligLederEpost: string;
  merknad: string | null;
};
type SluttJson = Omit<NyJson, 'startskjema' | 'startskjemaTekst'> & {
  avtaleslutt: string;
  exitskjema: string;
  exitskjemaTekst: string;
};

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
    const r = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.frist).toBe('2026-12-01');
    expect(j.nye.length).toBeGreaterThan(0);
    expect(j.avsluttede.length).toBeGreaterThan(0);
    // 6.3: første gang uten logg antas AVI oppdatert ved forrige frist (1. september), og det sies.
    const antatt = j.advarsler.find((a: { kode: string }) => a.kode === 'antatt-oppdatert');
    expect(antatt.melding).toMatch(/antar at AVI var oppdatert per 1\. september 2026/);
    expect(j.antattOppdatertPer).toBe('2026-09-01');
    expect(j.nye.some((x: NyJson) => x.forSent)).toBe(false);
    // 11.1: november-oppstarter er med i desemberfilen, merket i utskriften.
    expect(j.nye.find((x: NyJson) => x.orgnr === '917055858')).toMatchObject({
      startskjema: '2027-03',
      forSent: false,
    });
    const tekst = await nh(['kts-plan', '--data', kopier(DEMO), '--frist', '2026-12-01', '--forhandsvis']);
    expect(tekst.stdout).toMatch(/917055858 .*mars 2027 .*i AVI innen 31\.12 \(11\.1\)/);
    for (const f of ['avi-oppdatering-2026-12-01.xlsx', 'avi-oppdatering-2026-12-01.csv', 'avi-logg.json'])
      expect(existsSync(avi(ws, f)), f).toBe(true);

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
    expect(nye.slice(2).filter((rad) => rad?.length)).toHaveLength(j.nye.length);
    j.nye.forEach((x: NyJson, i: number) => {
      expect(forste(nye[2 + i]!, 8)).toEqual([
        x.orgnr,
        x.navn,
        x.avtalestart,
        x.startskjemaTekst,
        x.dagligLeder,
        x.dagligLederEpost,
        x.forSent ? 'ja' : 'nei',
        x.merknad,
      ]);
    });
    const slutt = await lesArk(fil, 'Avsluttede målbedrifter');
    expect(slutt.slice(2).filter((rad) => rad?.length)).toHaveLength(j.avsluttede.length);
    j.avsluttede.forEach((x: SluttJson, i: number) => {
      expect(forste(slutt[2 + i]!, 9)).toEqual([
        x.orgnr,
        x.navn,
        x.avtalestart,
        x.avtaleslutt,
        x.exitskjemaTekst,
        x.dagligLeder,
        x.dagligLederEpost,
        x.forSent ? 'ja' : 'nei',
        x.merknad,
      ]);
    });
  }, 120_000);

  it('11.1: standardfristen er den neste fra i dag (NH_DATO), og --forhandsvis skriver ingenting', async () => {
    const ws = kopier(DEMO);
    const a = await nh(['kts-plan', '--data', ws, '--forhandsvis', '--json']);
    expect(a.kode, a.stderr).toBe(0);
    expect(a.json().frist).toBe('2026-12-01');
    expect(a.json().filer).toBeNull();
    const b = await nh(['kts-plan', '--data', ws, '--forhandsvis'], { env: { NH_DATO: '2026-12-02' } });
    expect(b.kode, b.stderr).toBe(0);
    expect(b.stdout).toContain('AVI-oppdatering 1. mars 2027');
    expect(b.stdout).toContain('Forhåndsvisning: ingenting er skrevet');
    expect(existsSync(path.join(ws, 'avi'))).toBe(false);
  });

  it('11.1: --frist som ikke er 1. mars/juni/september/desember gir exit 2', async () => {
    const ws = kopier(LITEN);
    for (const f of ['2026-10-01', '2026-12-02', 'i morgen']) {
      const r = await nh(['kts-plan', '--data', ws, '--frist', f, '--json']);
      expect(r.kode, f).toBe(2);
      expect(r.json().feil[0].kode).toBe('ugyldig-frist');
    }
    expect(existsSync(path.join(ws, 'avi'))).toBe(false);
  });
});

describe('nh kts-plan: årsslutt og første gang (programveileder 11.1 «31. desember», 6.3)', () => {
  it('11.1: --frist 2026-12-31 er en logget årsslutt-registrering; 1. mars gjentar den ikke', async () => {
    const ws = kopier(LITEN);
    expect((await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01'])).kode).toBe(0);
    appendFileSync(path.join(ws, 'malbedrifter.csv'), '940529344;Desember Dekk AS;10.12.2026;;Dag Des;dag@dekk.no\r\n');
    const aars = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-31', '--json'], {
      env: { NH_DATO: '2026-12-20' },
    });
    expect(aars.kode, aars.stderr).toBe(0);
    expect(aars.json().nye.map((x: NyJson) => [x.orgnr, x.startskjema])).toEqual([['940529344', '2027-03']]);
    const mars = await nh(['kts-plan', '--data', ws, '--frist', '2027-03-01', '--json'], {
      env: { NH_DATO: '2027-02-20' },
    });
    expect(mars.json().nye.map((x: NyJson) => x.orgnr)).not.toContain('940529344');
  });
});

describe('nh kts-plan i desember foreslår årsslutt-registreringen (issue 20 pkt. 13, programveileder 11.1)', () => {
  it('11.1: i desember, med en oppstart etter 1. desember som ikke er lastet opp, foreslås --frist <år>-12-31', async () => {
    const ws = kopier(LITEN);
    appendFileSync(path.join(ws, 'malbedrifter.csv'), '940529344;Desember Dekk AS;10.12.2026;;Dag Des;dag@dekk.no\r\n');
    const des = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--json'], {
      env: { NH_DATO: '2026-12-05' },
    });
    expect(des.kode, des.stderr).toBe(0);
    const forslag = des.json().advarsler.find((a: { kode: string }) => a.kode === 'foreslaa-aarsslutt');
    expect(forslag.melding).toMatch(/Desember Dekk AS \(940529344, avtalestart 10\.12\.2026\)/);
    expect(forslag.melding).toMatch(
      /innen 31\. desember \(programveileder 11\.1\): kjør nh kts-plan --frist 2026-12-31/,
    );
    // Samme kjøring i november (fristen 1.12 er ikke passert i desember ennå): ingen forslag.
    const nov = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--overskriv', '--json']);
    expect(nov.json().advarsler.map((a: { kode: string }) => a.kode)).not.toContain('foreslaa-aarsslutt');
    // Etter årsslutt-registreringen er alle årets oppstarter lastet opp: ikke noe forslag lenger.
    expect(
      (await nh(['kts-plan', '--data', ws, '--frist', '2026-12-31'], { env: { NH_DATO: '2026-12-20' } })).kode,
    ).toBe(0);
    const igjen = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--overskriv', '--json'], {
      env: { NH_DATO: '2026-12-21' },
    });
    expect(igjen.json().advarsler.map((a: { kode: string }) => a.kode)).not.toContain('foreslaa-aarsslutt');
  });
});

describe('nh kts-plan: loggen over opplastingsfilene (programveileder 6.3 «siden siste oppdatering»)', () => {
  it('6.3: andre kjøring etter en opplasting gjentar ingenting, og en sen registrering tas med og merkes for sent', async () => {
    const ws = kopier(LITEN);
    const sept = await nh(['kts-plan', '--data', ws, '--frist', '2026-09-01', '--siden', '2023-01-01', '--json']);
    expect(sept.kode, sept.stderr).toBe(0);
    expect(
      sept
        .json()
        .nye.map((x: NyJson) => x.orgnr)
        .sort(),
    ).toEqual(['950119667', '957689949', '985429545']);
    expect(sept.json().avsluttede.map((x: SluttJson) => x.orgnr)).toEqual(['985429545']);

    // Registrert etter septemberfilen, men avtalestart i mai: hørte til 1. september.
    appendFileSync(path.join(ws, 'malbedrifter.csv'), '940529344;Mai Mat AS;20.05.2026;;Mari Mai;mari@mai-mat.no\r\n');
    const des = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--json']);
    expect(des.kode, des.stderr).toBe(0);
    const j = des.json();
    expect(j.forrigeOppdatering).toBe('2026-09-01');
    // 6.3: den sene får en utsendingsmåned som ikke er passert; 11.1: november-oppstarten er med i desember.
    expect(j.nye.map((x: NyJson) => [x.orgnr, x.startskjema, x.forSent])).toEqual([
      ['940529344', '2026-12', true],
      ['968170546', '2026-12', false],
      ['926533010', '2026-12', false],
      ['984495862', '2027-03', false],
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

  it('6.3/11.1: sekvensen 1. september → 1. desember → 1. mars året etter: ingen rapporteres to ganger, sene registreringer kommer med i neste fil', async () => {
    const ws = kopier(LITEN);
    const mb = path.join(ws, 'malbedrifter.csv');
    const kjor = async (frist: string, ...ekstra: string[]) => {
      const r = await nh(['kts-plan', '--data', ws, '--frist', frist, '--json', ...ekstra], {
        env: { NH_DATO: '2026-11-23' },
      });
      expect(r.kode, r.stderr).toBe(0);
      const j = r.json();
      return {
        forrige: j.forrigeOppdatering,
        nye: j.nye.map((x: NyJson) => `${x.orgnr} ${x.startskjema}${x.forSent ? ' for sent' : ''}`),
        avsluttede: j.avsluttede.map((x: SluttJson) => `${x.orgnr} ${x.exitskjema}${x.forSent ? ' for sent' : ''}`),
      };
    };
    const sept = await kjor('2026-09-01', '--siden', '2023-01-01');
    expect(sept.forrige).toBeNull();
    // Mai-start registrert etter septemberfilen (hørte til 1. september).
    appendFileSync(mb, '940529344;Mai Mat AS;20.05.2026;;Mari Mai;mari@mai-mat.no\r\n');
    const des = await kjor('2026-12-01');
    expect(des.forrige).toBe('2026-09-01');
    expect(des.nye).toEqual([
      '940529344 2026-12 for sent',
      '968170546 2026-12',
      '926533010 2026-12',
      '984495862 2027-03',
    ]);
    // Etter desemberfilen: en september-start (hørte til 1. desember), en januar-start året etter, og
    // Juni Jern avslutter 20.12.2026 (desember → exit-skjema mars året etter).
    appendFileSync(
      mb,
      '934567897;Sen September AS;15.09.2026;;Sig Sen;sig@sen.no\r\n923456783;Januar Jakt AS;10.01.2027;;Jan Jan;jan@jakt.no\r\n',
    );
    writeFileSync(
      mb,
      readFileSync(mb, 'utf8').replace(
        '950119667;Juni Jern AS;15.06.2025;;',
        '950119667;Juni Jern AS;15.06.2025;20.12.2026;',
      ),
    );
    const mars = await kjor('2027-03-01');
    expect(mars.forrige).toBe('2026-12-01');
    expect(mars.nye).toEqual(['934567897 2027-03 for sent', '923456783 2027-03']);
    expect(mars.avsluttede).toEqual(['950119667 2027-03']);
    // Loggen: tre innslag, hver målbedrift høyst én gang som ny og én gang som avsluttet.
    const logg = JSON.parse(readFileSync(avi(ws, 'avi-logg.json'), 'utf8'));
    expect(logg.oppdateringer.map((o: { frist: string }) => o.frist)).toEqual([
      '2026-09-01',
      '2026-12-01',
      '2027-03-01',
    ]);
    for (const del of ['nye', 'avsluttede'] as const) {
      const alle = logg.oppdateringer.flatMap((o: Record<string, { orgnr: string }[]>) => o[del]!.map((n) => n.orgnr));
      expect(new Set(alle).size, del).toBe(alle.length);
    }
    expect(logg.oppdateringer.flatMap((o: { nye: unknown[] }) => o.nye)).toHaveLength(9);
    // En fjerde kjøring (1. juni 2027) har ingenting nytt.
    const juni = await kjor('2027-06-01');
    expect([juni.nye, juni.avsluttede]).toEqual([[], []]);
  });

  it('6.3: ny kjøring for samme frist krever --overskriv; uten endringer blir loggen byte for byte den samme', async () => {
    const ws = kopier(LITEN);
    expect((await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01'])).kode).toBe(0);
    const logg1 = readFileSync(avi(ws, 'avi-logg.json'));
    const csv1 = readFileSync(avi(ws, 'avi-oppdatering-2026-12-01.csv'));
    const uten = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--json']);
    expect(uten.kode).toBe(2);
    expect(uten.json().feil.map((f: { kode: string }) => f.kode)).toEqual(['finnes-fra-for', 'finnes-fra-for']);
    const med = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--overskriv', '--json'], {
      env: { NH_DATO: '2026-11-30' },
    });
    expect(med.kode, med.stderr).toBe(0);
    expect(med.json().logg.uendret).toBe(true);
    expect(readFileSync(avi(ws, 'avi-logg.json')).equals(logg1)).toBe(true);
    expect(readFileSync(avi(ws, 'avi-oppdatering-2026-12-01.csv')).equals(csv1)).toBe(true);
    expect(JSON.parse(logg1.toString()).oppdateringer).toHaveLength(1);
  });

  it('6.3: krasj før omdøping gir verken fil eller logg; krasj mellom gir aldri logg uten fil (loggen døpes om sist)', async () => {
    const ws = kopier(LITEN);
    const r = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01'], {
      env: { NH_TESTPUNKT_DREP: 'for-rename' },
    });
    expect(r.kode).not.toBe(0);
    expect(readdirSync(path.join(ws, 'avi')).filter((f) => !f.startsWith('.'))).toEqual([]);
    const r2 = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01'], {
      env: { NH_TESTPUNKT_DREP: 'etter-rename:avi-oppdatering-2026-12-01.csv' },
    });
    expect(r2.kode).not.toBe(0);
    expect(existsSync(avi(ws, 'avi-oppdatering-2026-12-01.csv'))).toBe(true);
    expect(existsSync(avi(ws, 'avi-logg.json'))).toBe(false);
    // Ny kjøring fullfører (filene lages likt på nytt) og fører loggen.
    const r3 = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--overskriv']);
    expect(r3.kode, r3.stderr).toBe(0);
    expect(JSON.parse(readFileSync(avi(ws, 'avi-logg.json'), 'utf8')).oppdateringer).toHaveLength(1);
  });

  it('6.3: ødelagt logg gir exit 2 med fil og felt, og ingenting skrives', async () => {
    const ws = kopier(LITEN);
    expect((await nh(['kts-plan', '--data', ws, '--frist', '2026-09-01'])).kode).toBe(0);
    appendFileSync(avi(ws, 'avi-logg.json'), '}');
    const r = await nh(['kts-plan', '--data', ws, '--frist', '2026-12-01', '--json']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain('avi/avi-logg.json');
    expect(existsSync(avi(ws, 'avi-oppdatering-2026-12-01.xlsx'))).toBe(false);
  });
});

describe('nh kts-plan --plan og --ics (programveileder 6.3, 11.1)', () => {
  it('6.3: --plan 2026 gir alle utsendinger i året med type, måned og frist, underveis frem til avtaleslutt', async () => {
    const ws = kopier(LITEN);
    const r = await nh(['kts-plan', '--data', ws, '--plan', '2026', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const u = r
      .json()
      .utsendinger.map(
        (x: { orgnr: string; type: string; maaned: string; frist: string }) =>
          `${x.maaned} ${x.type} ${x.orgnr} ${x.frist}`,
      );
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
    const r27 = (await nh(['kts-plan', '--data', ws, '--plan', '2027', '--json'])).json();
    const u27 = r27.utsendinger.map(
      (x: { orgnr: string; type: string; maaned: string }) => `${x.maaned} ${x.type} ${x.orgnr}`,
    );
    expect(u27).toContain('2027-09 underveis 950119667');
    expect(u27).toContain('2027-03 oppstart 984495862');
    expect(u27.filter((s: string) => s.includes('957689949'))).toEqual([]);
    expect(existsSync(path.join(ws, 'avi'))).toBe(false);
  });

  it('11.1: --ics skriver heldagshendelser med stabile UID-er som en uavhengig parser (ical.js) leser tilbake', async () => {
    const ws = kopier(LITEN);
    const ics = path.join(ws, 'kts-2026.ics');
    const r = await nh(['kts-plan', '--data', ws, '--plan', '2026', '--ics', ics, '--json']);
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
      expect(
        paa(dato).some((s) => s.startsWith('AVI-oppdatering')),
        dato,
      ).toBe(true);
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
    expect((await nh(['kts-plan', '--data', ws, '--plan', '2026', '--ics', ics])).kode).toBe(2);
    expect(
      (
        await nh(['kts-plan', '--data', ws, '--plan', '2026', '--ics', ics, '--overskriv'], {
          env: { NH_DATO: '2026-12-24' },
        })
      ).kode,
    ).toBe(0);
    expect(readFileSync(ics, 'utf8')).toBe(tekst);
  });

  it('11.1: ICS-filen byte for byte — Outlook-import: VERSION/PRODID/METHOD, CRLF overalt (også sist), linjer ≤ 75 oktetter, heldag med DTEND dagen etter, DTSTAMP, stabile UID-er', async () => {
    const ws = kopier(LITEN);
    const ics = path.join(ws, 'kts-2026.ics');
    expect((await nh(['kts-plan', '--data', ws, '--plan', '2026', '--ics', ics])).kode).toBe(0);
    const bytes = readFileSync(ics);
    // Ingen BOM; RFC 5545 3.4: hver innholdslinje, også END:VCALENDAR, avsluttes med CRLF.
    expect(bytes[0]).toBe(0x42); // «B»
    expect(bytes.subarray(-15).toString('latin1')).toBe('END:VCALENDAR\r\n');
    const latin = bytes.toString('latin1');
    expect(latin).not.toMatch(/[^\r]\n|\r(?!\n)/);
    const fysiske = latin.slice(0, -2).split('\r\n');
    // RFC 5545 3.1: linjer brettes ved høyst 75 oktetter, aldri midt i et UTF-8-tegn.
    for (const l of fysiske) expect(Buffer.byteLength(l, 'latin1'), l).toBeLessThanOrEqual(75);
    for (const l of fysiske.filter((x) => x.startsWith(' '))) expect(l.charCodeAt(1) & 0xc0, l).not.toBe(0x80);
    const tekst = bytes.toString('utf8');
    expect(tekst).not.toContain('\uFFFD');
    const linjer = tekst.replace(/\r\n /g, '').split('\r\n').slice(0, -1);
    expect(linjer.slice(0, 4)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//nh//kts-plan//NO',
      'METHOD:PUBLISH',
    ]);
    expect(linjer.at(-1)).toBe('END:VCALENDAR');
    // Hver VEVENT: heldag (VALUE=DATE), DTEND eksklusiv (dagen etter / 1. i neste måned), DTSTAMP i UTC, UID.
    const hendelser: Record<string, string>[] = [];
    for (const l of linjer) {
      if (l === 'BEGIN:VEVENT') hendelser.push({});
      else if (hendelser.length && !('END' in hendelser.at(-1)!)) {
        const [navn, ...verdi] = l.split(':');
        if (l === 'END:VEVENT') hendelser.at(-1)!.END = '1';
        else hendelser.at(-1)![navn!] = verdi.join(':');
      }
    }
    expect(hendelser).toHaveLength(15);
    const nesteDag = (s: string) =>
      new Date(Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8) + 1))
        .toISOString()
        .slice(0, 10)
        .replace(/-/g, '');
    for (const h of hendelser) {
      const start = h['DTSTART;VALUE=DATE']!;
      const slutt = h['DTEND;VALUE=DATE']!;
      expect(start, JSON.stringify(h)).toMatch(/^\d{8}$/);
      expect(h.DTSTAMP).toBe('20260101T000000Z');
      expect(h['X-MICROSOFT-CDO-ALLDAYEVENT']).toBe('TRUE');
      expect(h.UID).toMatch(/^nh-(frist|kts)-[\w-]+@923609016\.nh$/);
      if (h.UID!.startsWith('nh-frist-')) expect(slutt).toBe(nesteDag(start));
      else expect(slutt.slice(6)).toBe('01');
    }
    expect(new Set(hendelser.map((h) => h.UID)).size).toBe(15);
    // Stabile UID-er: flere målbedrifter endrer innholdet, ikke UID-ene.
    appendFileSync(path.join(ws, 'malbedrifter.csv'), '940529344;Mai Mat AS;20.05.2026;;Mari Mai;mari@mai-mat.no\r\n');
    const ics2 = path.join(ws, 'kts-2026-b.ics');
    expect((await nh(['kts-plan', '--data', ws, '--plan', '2026', '--ics', ics2])).kode).toBe(0);
    const uider = (t: string) =>
      t
        .replace(/\r\n /g, '')
        .split('\r\n')
        .filter((l) => l.startsWith('UID:'))
        .sort();
    expect(uider(readFileSync(ics2, 'utf8'))).toEqual(uider(tekst));
  });

  it('6.3/11.1: --plan/--ics sammen med --frist gir exit 2 (planen og opplastingsfilen er hver sin kjøring)', async () => {
    const r = await nh(['kts-plan', '--data', kopier(LITEN), '--plan', '2026', '--frist', '2026-12-01', '--json']);
    expect(r.kode).toBe(2);
    expect(r.json().feil[0].kode).toBe('ugyldig-flagg');
  });
});
