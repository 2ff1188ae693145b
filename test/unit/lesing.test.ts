import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync, mkdirSync } from 'node:fs';
import { z } from 'zod';
import path from 'node:path';
import { lesCsvTabell } from '../../src/io/les/tabell-les.js';
import { lesXlsxTabell } from '../../src/io/les/xlsx-les.js';
import { lesArkStrom } from '../../src/io/les/xlsx-strom.js';
import { lesAlle, lesAlleDelvis, tolkTabell } from '../../src/io/les/datasett.js';
import { aapneArbeidsmappe } from '../../src/io/arbeidsmappe.js';
import { lagCsv } from '../../src/io/skriv/csv-skriv.js';
import { configSkjema, tolkConfig } from '../../src/domain/konfig/config.js';
import { naermeste } from '../../src/domain/felles/naermeste.js';
import { krev } from '../../src/domain/konfig/uavklart.js';
import { tilskuddDef } from '../../src/domain/datasett/tilskudd.js';
import { kostnaderDef } from '../../src/domain/datasett/kostnader.js';
import { dekod, finnSkilletegn } from '../../src/io/les/tekstfil.js';
import { ansatteDef } from '../../src/domain/datasett/ansatte.js';
import { timerDef } from '../../src/domain/datasett/timer.js';
import { InndataFeil } from '../../src/domain/felles/diagnostikk.js';
import { tomMappe } from '../hjelp.js';

const cp1252 = (s: string) =>
  Uint8Array.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Å: 0xc5, Ø: 0xd8, Æ: 0xc6 })[c] ?? c.charCodeAt(0)));

describe('tegnsett og skilletegn fra norsk Excel', () => {
  it('UTF-8 med BOM, uten BOM, Windows-1252 og UTF-16LE gir samme tekst', () => {
    const tekst = 'navn;arslonn\r\nBjørn Åsheim;650 000\r\n';
    const varianter = [
      Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(tekst)]),
      new TextEncoder().encode(tekst),
      cp1252(tekst),
      Uint8Array.from([0xff, 0xfe, ...Buffer.from(tekst, 'utf16le')]),
    ];
    const navn = varianter.map((b) => tolkTabell(lesCsvTabell(b, 'ansatte.csv'), ansatteDef)[0]!.navn);
    expect(navn).toEqual(['Bjørn Åsheim', 'Bjørn Åsheim', 'Bjørn Åsheim', 'Bjørn Åsheim']);
    expect(dekod(varianter[2]!).tegnsett).toBe('windows-1252');
  });

  it('finner «;», «,» og tabulator, og ignorerer skilletegn i anførselstegn', () => {
    expect(finnSkilletegn('a;b;c\n1;2;3')).toBe(';');
    expect(finnSkilletegn('a,b,c\n1,2,3')).toBe(',');
    expect(finnSkilletegn('a\tb\n1\t2')).toBe('\t');
    expect(finnSkilletegn('"a,b,c";d\n')).toBe(';');
  });

  it('kommadelt fil med desimalpunktum og anførselstegn rundt desimalkomma', () => {
    const t = lesCsvTabell(
      new TextEncoder().encode('navn,arslonn,stillingsprosent\nKari,650000.00,100\nOla,"390 000,50",60\n'),
      'ansatte.csv',
    );
    const r = tolkTabell(t, ansatteDef);
    expect(r.map((a) => a.arslonn)).toEqual([65_000_000, 39_000_050]);
    expect(r[1]!.stillingsprosent).toBe(600_000);
  });

  it('overskrifter matches uten hensyn til store bokstaver, æøå, mellomrom, _ og -', () => {
    const t = lesCsvTabell(
      new TextEncoder().encode('NAVN;Års-lønn;Stillings_prosent\nKari;650 000;100\n'),
      'ansatte.csv',
    );
    expect(tolkTabell(t, ansatteDef)[0]).toMatchObject({
      navn: 'Kari',
      arslonn: 65_000_000,
      stillingsprosent: 1_000_000,
    });
  });

  it('nh.json kan koble andre overskrifter (f.eks. «Prosjekt» → malbedrift) og overse kolonner', () => {
    const t = lesCsvTabell(
      new TextEncoder().encode('Dato;Ansatt;Prosjekt;Timer;Fakturerbar\n03.11.2026;Kari;ADM;1,5;nei\n'),
      'timer.csv',
    );
    const r = tolkTabell(t, timerDef, {
      kolonner: { timer: { Prosjekt: 'malbedrift' } },
      ignorerKolonner: { timer: ['Fakturerbar'] },
    });
    expect(r[0]).toMatchObject({ malbedrift: 'ADM', timer: 150, dato: '2026-11-03' });
  });

  it('alle feil i en fil rapporteres samlet med fil, rad og kolonne', () => {
    const t = lesCsvTabell(
      new TextEncoder().encode('navn;arslonn;stillingsprosent\nKari;mye;100\nOla;500 000;200\n;1;\n'),
      'ansatte.csv',
    );
    try {
      tolkTabell(t, ansatteDef);
      expect.unreachable();
    } catch (e) {
      const ds = (e as InndataFeil).diagnostikk;
      expect(ds.map((d) => [d.kilde?.rad, d.kilde?.kolonne])).toEqual([
        [2, 'arslonn'],
        [3, 'stillingsprosent'],
        [4, 'navn'],
        [4, 'arslonn'], // 1 kr i årslønn er utenfor et rimelig spenn (issue 11 pkt. 5)
      ]);
      expect(ds[0]!.verdi).toBe('mye');
      expect(ds[0]!.forventet).toMatch(/beløp/);
    }
  });

  it('Excel-serienummer som dato i CSV', () => {
    const t = lesCsvTabell(new TextEncoder().encode('dato;ansatt;malbedrift;timer\n46329;Kari;ADM;2\n'), 'timer.csv');
    expect(tolkTabell(t, timerDef)[0]!.dato).toBe('2026-11-03');
  });
});

describe('xlsx', () => {
  it('leser tall, datoer, prosentformat og formelresultater', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ark');
    ws.addRow(['dato', 'ansatt', 'malbedrift', 'timer']);
    ws.addRow([new Date(Date.UTC(2026, 10, 3)), 'Kari', 923609016, { formula: '1+0.5', result: 1.5 }]);
    const dir = tomMappe();
    const fil = path.join(dir, 'timer.xlsx');
    writeFileSync(fil, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = tolkTabell(await lesXlsxTabell(fil, 'timer.xlsx'), timerDef);
    expect(r[0]).toMatchObject({ dato: '2026-11-03', malbedrift: '923609016', timer: 150 });
    expect(r[0]!.kilde).toMatchObject({ fil: 'timer.xlsx', ark: 'ark', rad: 2 });
  });

  it('prosentformaterte celler leses som prosent', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ansatte');
    ws.addRow(['navn', 'arslonn', 'stillingsprosent']);
    ws.addRow(['Kari', 650000, 0.8]);
    ws.getCell('C2').numFmt = '0%';
    const dir = tomMappe();
    const fil = path.join(dir, 'ansatte.xlsx');
    writeFileSync(fil, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(tolkTabell(await lesXlsxTabell(fil, 'ansatte.xlsx'), ansatteDef)[0]!.stillingsprosent).toBe(800_000);
  });
});

// ————— issue 11 —————

const MINI_CONFIG = {
  naeringshage: { navn: 'Minidal Næringshage AS', orgnr: '923609016' },
  ar: 2026,
  markedsprisPerTime: 1200,
  arbeidsgiveravgiftSats: 14.1,
  indirekteKostnaderPerAr: 300000,
  eurNok: { kurs: 11.6035, dato: '2025-12-31', kilde: 'Norges Bank' },
};

describe('nh.json (issue 11 pkt. 1, 2, 4, 5, 18)', () => {
  it('pkt. 1: standardverdiene gis i samme enhet som verdiene i filen (75 % = 750 000 ppm)', () => {
    const c = configSkjema.parse(MINI_CONFIG);
    expect(c).toMatchObject({
      versjon: 1,
      stotteintensitet: 750_000,
      mvaSats: 250_000,
      andreSosialeKostnaderProsent: 0,
      timerPerArsverk: 1695,
      adminKoder: ['ADM'],
      kolonner: {},
      ignorerKolonner: {},
    });
    expect(configSkjema.parse({ ...MINI_CONFIG, stotteintensitet: 75, mvaSats: 25 })).toEqual(c);
  });

  it('pkt. 2: negativ eller null markedspris avvises', () => {
    for (const markedsprisPerTime of [-1250, 0, '0']) {
      const r = tolkConfig({ ...MINI_CONFIG, markedsprisPerTime });
      expect(r.ok).toBe(false);
    }
    const r = tolkConfig({ ...MINI_CONFIG, markedsprisPerTime: -1250 });
    expect(!r.ok && r.feil.map((d) => d.melding)).toEqual([
      'Feltet «markedsprisPerTime» er ugyldig: markedspris per time må være større enn 0 (fant −1\u00a0250,00 kr).',
    ]);
  });

  it('pkt. 4: ukjente nøkler gir feil med nærmeste gyldige nøkkel, også i seksjoner', () => {
    const { stotteintensitet: _s, ...uten } = { ...MINI_CONFIG, stotteintensitet: 1 };
    const r = tolkConfig({ ...uten, stotteIntensitet: 75, mvasats: 25, _kommentar: 'lov', $schema: 'lov' });
    expect(!r.ok && r.feil.map((d) => [d.kode, d.kilde?.kolonne, d.melding])).toEqual([
      ['ukjent-config-nokkel', 'stotteIntensitet', 'Ukjent felt «stotteIntensitet» — mente du «stotteintensitet»?'],
      ['ukjent-config-nokkel', 'mvasats', 'Ukjent felt «mvasats» — mente du «mvaSats»?'],
    ]);
    const f = tolkConfig({ ...MINI_CONFIG, faktura: { tjenestepris: {} } });
    expect(!f.ok && f.feil.map((d) => d.melding)).toEqual([
      'Ukjent felt «faktura.tjenestepris» — mente du «faktura.tjenestepriser»?',
    ]);
    // Issue 22 pkt. 7: «smb» står i hovedskjemaet, så en feilstavet nøkkel der blir ikke lenger stille oversett.
    const s = tolkConfig({ ...MINI_CONFIG, smb: { innovasjonselskaper: [] } });
    expect(!s.ok && s.feil.map((d) => [d.kode, d.kilde?.kolonne, d.melding])).toEqual([
      [
        'ukjent-config-nokkel',
        'smb.innovasjonselskaper',
        'Ukjent felt «smb.innovasjonselskaper» — mente du «smb.innovasjonsselskaper»?',
      ],
    ]);
    expect(naermeste('helt annet', ['tjenestepriser', 'mvaKode'])).toBeNull();
  });

  it('pkt. 4: feilstavet datasett i kolonner/ignorerKolonner og ukjent kolonnenøkkel som mål gir feil med forslag', () => {
    // Før: «kolonner.timerr» og { "Prosjekt": "malbedriftt" } ble stille oversett.
    const r = tolkConfig({
      ...MINI_CONFIG,
      kolonner: { timerr: { Prosjekt: 'malbedrift' }, timer: { Prosjekt: 'malbedriftt' } },
      ignorerKolonner: { ansate: ['x'] },
    });
    expect(!r.ok && r.feil.map((d) => [d.kode, d.kilde?.kolonne, d.melding])).toEqual([
      ['ukjent-config-nokkel', 'kolonner.timerr', 'Ukjent datasett «timerr» — mente du «timer»?'],
      [
        'ukjent-config-nokkel',
        'kolonner.timer.Prosjekt',
        'Ukjent kolonne «malbedriftt» i datasettet «timer» — mente du «malbedrift»?',
      ],
      ['ukjent-config-nokkel', 'ignorerKolonner.ansate', 'Ukjent datasett «ansate» — mente du «ansatte»?'],
    ]);
    expect(
      tolkConfig({
        ...MINI_CONFIG,
        kolonner: { timer: { Prosjekt: 'malbedrift' }, stotteregister: { Merknad: 'navn' } },
        ignorerKolonner: { maltall: ['x'], eierskap: ['y'] },
      }).ok,
    ).toBe(true);
  });

  it('pkt. 5: en prosent skrevet som brøk (0,75) avvises med hva som var ment', () => {
    const r = tolkConfig({ ...MINI_CONFIG, stotteintensitet: 0.75 });
    expect(!r.ok && r.feil[0]!.melding).toBe(
      'Feltet «stotteintensitet» er ugyldig: 0,75 ser ut som en brøk: skriv prosent som 75 (for 75 %), eller «0,75 %» om du mener under 1 %.',
    );
    expect(tolkConfig({ ...MINI_CONFIG, arbeidsgiveravgiftSats: '0,5 %' }).ok).toBe(true);
  });

  it('pkt. 5/17: EUR-kurs og timer per årsverk utenfor et rimelig spenn avvises (kurs «11.603» er 11,603)', () => {
    // Før: kurs «11.603» ble 11 603 kr per euro (støtten i euro mot treårstaket 1000 ganger for liten), og
    // 99 999 timer per årsverk ga en timesats nær null — begge uten et ord.
    const kurs = (k: number | string) => tolkConfig({ ...MINI_CONFIG, eurNok: { ...MINI_CONFIG.eurNok, kurs: k } });
    const k = kurs('11.603');
    expect(k.ok && krev(k.config, ['eurNok']).eurNok.kurs).toBe(116_030);
    for (const feilKurs of [11603, 0.0862, '11 603']) {
      const r = kurs(feilKurs);
      expect(!r.ok && r.feil[0]!.melding).toMatch(
        /^Feltet «eurNok\.kurs» er ugyldig: .* er utenfor det som er rimelig for NOK per EUR \(forventet 5–50\)\.$/,
      );
    }
    for (const timerPerArsverk of [16, 99_999]) {
      const r = tolkConfig({ ...MINI_CONFIG, timerPerArsverk });
      expect(!r.ok && r.feil[0]!.melding).toBe(
        `Feltet «timerPerArsverk» er ugyldig: ${timerPerArsverk} timer er utenfor det som er rimelig for ett årsverk (forventet 1000–2500).`,
      );
    }
    const null_ = tolkConfig({ ...MINI_CONFIG, timerPerArsverk: 0 });
    expect(!null_.ok && null_.feil[0]!.melding).not.toContain('minst 0');
  });

  it('pkt. 18: feil type er «forventet …, fant …», ikke «mangler»; zod-meldinger er norske', () => {
    const r = tolkConfig({ ...MINI_CONFIG, ar: '2026', adminKoder: 'ADM', kolonner: { timer: 'x' } });
    expect(!r.ok && r.feil.map((d) => d.melding)).toEqual([
      'Feltet «ar» er ugyldig: forventet et tall, fant teksten «2026».',
      'Feltet «adminKoder» er ugyldig: forventet en liste [ … ], fant teksten «ADM».',
      'Feltet «kolonner.timer» er ugyldig: forventet et objekt { … }, fant teksten «x».',
    ]);
    const { ar: _a, ...utenAr } = MINI_CONFIG;
    const m = tolkConfig(utenAr);
    expect(!m.ok && m.feil.map((d) => d.melding)).toEqual(['Feltet «ar» er ugyldig: mangler.']);
    // Ingen engelske standardmeldinger fra zod noe sted.
    const alle = z
      .object({ a: z.string().min(3), b: z.enum(['x', 'y']), c: z.number().max(2) })
      .safeParse({ a: 'x', b: 'z', c: 9 });
    expect(alle.error!.issues.map((i) => i.message)).toEqual([
      'for kort (minst 3 tegn)',
      'forventet "x" eller "y"',
      'for stor (høyst 2)',
    ]);
  });

  it('pkt. 18: en nh.json som ikke kan leses, er ikke «Fant ikke»', async () => {
    const rot = tomMappe();
    mkdirSync(path.join(rot, 'nh.json'));
    await expect(aapneArbeidsmappe(rot)).rejects.toThrowError(
      `Kan ikke lese nh.json i «${rot}» (det er en mappe, ikke en fil).`,
    );
  });
});

describe('lesAlle (issue 12 pkt. 3): alle feil i alle datasett på én gang', () => {
  it('feil i både ansatte og tilskudd gir begge feilene', async () => {
    const rot = tomMappe();
    writeFileSync(path.join(rot, 'nh.json'), JSON.stringify(MINI_CONFIG));
    writeFileSync(path.join(rot, 'ansatte.csv'), 'navn;arslonn\nKari;mye\n');
    writeFileSync(path.join(rot, 'tilskudd.csv'), 'ar;type;belop\n2026;innovasjon;lite\n');
    writeFileSync(path.join(rot, 'kostnader.csv'), 'ar;kategori;belop\n2026;Eksterne kostnader;100\n');
    const am = await aapneArbeidsmappe(rot);
    const e = await lesAlle(am, {
      ansatte: ansatteDef,
      tilskudd: tilskuddDef,
      kostnader: { def: kostnaderDef, valgfritt: true },
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InndataFeil);
    expect((e as InndataFeil).diagnostikk.map((d) => `${d.kilde?.fil}:${d.kilde?.kolonne}`)).toEqual([
      'ansatte.csv:arslonn',
      'tilskudd.csv:belop',
    ]);
    const delvis = await lesAlleDelvis(am, { ansatte: ansatteDef, kostnader: kostnaderDef });
    expect(delvis.feil).toHaveLength(1);
    expect(delvis.lest.kostnader?.rader).toHaveLength(1);
    expect(delvis.lest.ansatte).toBeUndefined();
  });
});

async function skrivXlsx(wb: ExcelJS.Workbook, navn: string): Promise<string> {
  const fil = path.join(tomMappe(), navn);
  writeFileSync(fil, Buffer.from(await wb.xlsx.writeBuffer()));
  return fil;
}

describe('xlsx: strømleseren (issue 22 pkt. 8) kjenner arkene og cellene som den vanlige leseren', () => {
  it('navn, skjult-tilstand og rekkefølge fra arbeidsboken; formelresultater, feil, datoer og prosent', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('gammel', { state: 'veryHidden' }).addRow(['navn']);
    const ws = wb.addWorksheet('ansatte');
    ws.addRow(['navn', 'dato', 'andel', 'sum', 'feil', 'uten', 'null']);
    const rad = ws.addRow(['Kari', new Date(Date.UTC(2026, 9, 1)), 0.75, null, null, null, null]);
    rad.getCell(2).numFmt = 'dd.mm.yyyy';
    rad.getCell(3).numFmt = '0%';
    rad.getCell(4).value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    rad.getCell(5).value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    rad.getCell(6).value = { formula: 'A1' } as ExcelJS.CellFormulaValue;
    // Et lagret resultat 0 er en verdi (exceljs' `value` mister det; nh leser `result`).
    rad.getCell(7).value = { formula: '1-1', result: 0 } as ExcelJS.CellFormulaValue;
    const fil = await skrivXlsx(wb, 'ansatte.xlsx');
    // Strømleseren brukes (null = den vanlige leseren tar over), og den ser det skjulte arket som skjult.
    const ark = await lesArkStrom(fil);
    expect(ark?.map((a) => [a.name, a.state ?? 'visible', a.rader.length])).toEqual([
      ['gammel', 'veryHidden', 1],
      ['ansatte', 'visible', 2],
    ]);
    const feil = await lesXlsxTabell(fil, 'ansatte.xlsx', 'ansatte').catch((e: InndataFeil) => e);
    expect(feil).toBeInstanceOf(InndataFeil);
    expect((feil as InndataFeil).diagnostikk.map((d) => [d.kode, d.kilde?.kolonne])).toEqual([
      ['excel-feilverdi', 'feil'],
      ['formel-uten-verdi', 'uten'],
    ]);
    rad.getCell(5).value = 'ok';
    rad.getCell(6).value = 'ok';
    const t = await lesXlsxTabell(await skrivXlsx(wb, 'ansatte.xlsx'), 'ansatte.xlsx', 'ansatte');
    expect(t.rader).toEqual([['Kari', new Date(Date.UTC(2026, 9, 1)), '75 %', 2, 'ok', 'ok', 0]]);
  });

  it('radfilteret (som for CSV) brukes under lesingen; en rad med Excel-feil i filterets kolonne beholdes og meldes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('timer');
    ws.addRow(['dato', 'timer']);
    ws.addRow([new Date(Date.UTC(2026, 8, 30)), 1]);
    ws.addRow([new Date(Date.UTC(2026, 9, 1)), 2]);
    ws.addRow([new Date(Date.UTC(2026, 10, 1)), 3]);
    const feilrad = ws.addRow([null, 4]);
    feilrad.getCell(1).value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    const fil = await skrivXlsx(wb, 'timer.xlsx');
    // Filteret får overskriftene og lager en test per rad: bare oktober (og det som ikke er en dato).
    const overskrifter: string[][] = [];
    const lagFilter = (h: string[]) => {
      overskrifter.push(h);
      return (c: readonly unknown[]) =>
        !(c[0] instanceof Date) || (c[0] >= new Date(Date.UTC(2026, 9, 1)) && c[0] < new Date(Date.UTC(2026, 10, 1)));
    };
    const ark = await lesArkStrom(fil, lagFilter);
    expect(overskrifter).toEqual([['dato', 'timer']]);
    expect(ark?.[0]?.rader.map((r) => r.nr)).toEqual([1, 3, 5]);
    const feil = await lesXlsxTabell(fil, 'timer.xlsx', 'timer', lagFilter).catch((e: InndataFeil) => e);
    expect((feil as InndataFeil).diagnostikk.map((d) => [d.kode, d.kilde?.rad])).toEqual([['excel-feilverdi', 5]]);
  });
});

describe('xlsx: strømleseren gir fra seg filen når den ikke har lest alt (exceljs/unzipper kan miste siste del)', () => {
  /** En exceljs-fil med en dato og en delt tekst, pakket om med delene i `rekkefolge` (og uten dem som mangler). */
  async function ompakket(rekkefolge: (navn: string[]) => string[]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('timer');
    ws.addRow(['dato', 'navn']);
    ws.addRow([new Date(Date.UTC(2026, 9, 1)), 'Kari']).getCell(1).numFmt = 'dd.mm.yyyy';
    const inn = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const ut = new JSZip();
    const navn = Object.keys(inn.files).filter((n) => !inn.files[n]!.dir);
    for (const n of rekkefolge(navn)) ut.file(n, await inn.file(n)!.async('uint8array'));
    const fil = path.join(tomMappe(), 'timer.xlsx');
    writeFileSync(fil, await ut.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    return fil;
  }
  const fasit = [
    ['dato', 'navn'],
    [new Date(Date.UTC(2026, 9, 1)), 'Kari'],
  ];

  it('exceljs sin egen rekkefølge (arbeidsboken sist) leses av strømleseren', async () => {
    const ark = await lesArkStrom(await ompakket((n) => n));
    expect(ark?.[0]?.rader.map((r) => r.celler)).toEqual(fasit);
  });

  it('uten arbeidsboken (den siste delen, tapt): null i stedet for «Cannot read properties of undefined»', async () => {
    expect(await lesArkStrom(await ompakket((n) => n.filter((x) => x !== 'xl/workbook.xml')))).toBeNull();
  });

  it('uten de delte tekstene eller stilene relasjonene nevner: null, ikke tomme celler eller en dato som tall', async () => {
    for (const del of ['xl/sharedStrings.xml', 'xl/styles.xml'])
      expect(await lesArkStrom(await ompakket((n) => n.filter((x) => x !== del))), del).toBeNull();
  });

  it('et ark lest før stilene (delte tekster og relasjoner først, stilene sist): null; den vanlige leseren har datoen', async () => {
    const forst = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];
    const fil = await ompakket((n) => [
      ...forst,
      ...n.filter((x) => !forst.includes(x) && x !== 'xl/styles.xml'),
      'xl/styles.xml',
    ]);
    expect(await lesArkStrom(fil)).toBeNull();
    const t = await lesXlsxTabell(fil, 'timer.xlsx', 'timer');
    expect(t.rader).toEqual([fasit[1]]);
  });
});

describe('xlsx: arkvalg, skjulte ark og tidsceller (issue 11 pkt. 13, 18)', () => {
  it('arket med datasettets navn foretrekkes, også bak et synlig «Forside»-ark', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Forside').addRow(['Ansatte 2026 — les meg']);
    const ws = wb.addWorksheet('Ansatte');
    ws.addRow(['navn', 'arslonn']);
    ws.addRow(['Kari', 650000]);
    const t = await lesXlsxTabell(await skrivXlsx(wb, 'ansatte.xlsx'), 'ansatte.xlsx', 'ansatte');
    expect(t.ark).toBe('Ansatte');
    expect(tolkTabell(t, ansatteDef)[0]).toMatchObject({ navn: 'Kari', arslonn: 65_000_000 });
  });

  it('et skjult (veryHidden) første ark leses ikke; et skjult ark med datasettets navn er en feil som sier det', async () => {
    const wb = new ExcelJS.Workbook();
    const gammel = wb.addWorksheet('gammel', { state: 'veryHidden' });
    gammel.addRow(['navn', 'arslonn']);
    gammel.addRow(['Gammel', 1]);
    const ws = wb.addWorksheet('Ark1');
    ws.addRow(['navn', 'arslonn']);
    ws.addRow(['Kari', 650000]);
    const fil = await skrivXlsx(wb, 'ansatte.xlsx');
    expect((await lesXlsxTabell(fil, 'ansatte.xlsx', 'ansatte')).ark).toBe('Ark1');
    gammel.name = 'ansatte';
    const fil2 = await skrivXlsx(wb, 'ansatte.xlsx');
    await expect(lesXlsxTabell(fil2, 'ansatte.xlsx', 'ansatte')).rejects.toThrowError(
      'ansatte.xlsx, ark «ansatte»: Arket «ansatte» er skjult i Excel; nh leser ikke et skjult ark uten at du ser det.',
    );
  });

  it('flere synlige ark og ingen med datasettets navn: feil som nevner arkene, ikke stille det første', async () => {
    // Før: en gammel kopi i «Ark1» og dataene i «Ark2» ga Ark1s tall uten et ord.
    const wb = new ExcelJS.Workbook();
    for (const [navn, lonn] of [
      ['Ark1', 111111],
      ['Ark2', 650000],
    ] as const) {
      const ws = wb.addWorksheet(navn);
      ws.addRow(['navn', 'arslonn']);
      ws.addRow(['Kari', lonn]);
    }
    const fil = await skrivXlsx(wb, 'ansatte.xlsx');
    await expect(lesXlsxTabell(fil, 'ansatte.xlsx', 'ansatte')).rejects.toThrowError(
      'ansatte.xlsx: Arbeidsboken har flere synlige ark («Ark1», «Ark2») og ingen som heter «ansatte»; nh vet ikke hvilket som har dataene. Forventet: gi arket med dataene navnet «ansatte» (eller slett eller skjul de andre arkene).',
    );
    // Ett synlig ark (de andre skjult) leses som før.
    wb.getWorksheet('Ark1')!.state = 'hidden';
    expect((await lesXlsxTabell(await skrivXlsx(wb, 'ansatte.xlsx'), 'ansatte.xlsx', 'ansatte')).ark).toBe('Ark2');
  });

  it('en timecelle med formatet [t]:mm leses som timer, ikke som datoen 1899-12-30', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('timer');
    ws.addRow(['dato', 'ansatt', 'malbedrift', 'timer']);
    ws.addRow([new Date(Date.UTC(2026, 10, 3)), 'Kari', 'ADM', 7.5 / 24]);
    ws.addRow([new Date(Date.UTC(2026, 10, 4)), 'Kari', 'ADM', 20 / 60 / 24]);
    ws.getCell('D2').numFmt = '[h]:mm';
    ws.getCell('D3').numFmt = 'h:mm';
    const t = await lesXlsxTabell(await skrivXlsx(wb, 'timer.xlsx'), 'timer.xlsx', 'timer');
    expect(t.rader.map((r) => r[3])).toEqual(['7:30', '0:20']);
    const e = (() => {
      try {
        return tolkTabell(t, timerDef);
      } catch (x) {
        return x as InndataFeil;
      }
    })() as InndataFeil;
    expect(e.diagnostikk.map((d) => [d.kilde?.rad, d.melding, d.verdi])).toEqual([
      [3, '0:20 er ikke et helt antall hundredels timer (minuttene må gå opp i 3, f.eks. 7:15 eller 7:30).', '0:20'],
    ]);
    ws.getRow(3).getCell(4).value = 15 / 60 / 24;
    const t2 = await lesXlsxTabell(await skrivXlsx(wb, 'timer.xlsx'), 'timer.xlsx', 'timer');
    expect(tolkTabell(t2, timerDef).map((r) => r.timer)).toEqual([750, 25]);
  });
});

describe('grenser og utdata (issue 11 pkt. 16, 20)', () => {
  it('200 000 kolonner i overskriften gir en tydelig feil, ikke stack overflow', () => {
    const hode = `navn;arslonn${';x'.repeat(200_000)}`;
    expect(() => lesCsvTabell(new TextEncoder().encode(`${hode}\nKari;1\n`), 'ansatte.csv')).toThrowError(
      'ansatte.csv, rad 1: Overskriftsraden har 200002 kolonner. Forventet: høyst 16384 kolonner (Excels grense)',
    );
  });

  it('en CSV-overskrift fra nh.json (faktura.csvKolonner) nøytraliseres som verdiene', () => {
    const csv = lagCsv(
      [
        { nokkel: 'a', overskrift: '=HYPERLINK("http://x";"klikk")', type: 'tekst' },
        { nokkel: 'b', overskrift: 'Beløp', type: 'belop' },
      ],
      [{ a: '@SUM(1)', b: 100 }],
    );
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://x"";""klikk"")";Beløp\r\n\'@SUM(1);1,00\r\n');
  });
});

describe('xlsx: formel med tomt tekstresultat (issue 11, funnet ved fiendtlig test)', () => {
  it('nh leser tilbake sin egen maltall-<år>.xlsx når en grunnlagsformel gir ""', async () => {
    const { nh, kopier, DEMO } = await import('../hjelp.js');
    const { rmSync } = await import('node:fs');
    const path = (await import('node:path')).default;
    const ws = kopier(DEMO);
    expect((await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--overskriv'])).kode).toBe(0);
    rmSync(path.join(ws, 'maltall-2027.csv'));
    const r = await nh(['årsrapport', '--data', ws, '--maltall', '2027', '--forhandsvis', '--json']);
    expect(r.kode, r.stdout).toBe(0);
  });
});
