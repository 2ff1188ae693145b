/**
 * Issue 23: støtteregisteret og fakturanumrene som en reskontro — historikken føres bare på, et nummer tildeles
 * én gang fra en kilde en tilbakerulling av én fil ikke kan spole tilbake, og hvert brudd oppdages og avvises
 * (exit 2) med hva som ble funnet og hvordan det rettes. Hver test feilet før rettingen. Kryssjekken
 * (test/kryssjekk.ts) kjøres etter hver kjede: register = fakturagrunnlag = importfiler = EHF, ett nummer én fil.
 * Bare der en prosess må drepes (kill -9 midt i skrivingen), startes binæret.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { avtrykk, kopier, nh, ROT } from '../hjelp.js';
import { kryssjekk, lesCsv, lesRegister } from '../kryssjekk.js';
import { aapneArbeidsmappe } from '../../src/io/arbeidsmappe.js';
import { hoyesteFakturanummer } from '../../src/io/faktura/nummerkilder.js';

const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');
const les = (ws: string, f: string) => readFileSync(path.join(ws, f), 'utf8');
const P10 = ['--periode', '2026-10'];

/** Den lille arbeidsmappen med nummerserie, selger og kjøperdata, så EHF og importfiler kan skrives. */
function klar(ws: string, faktura: Record<string, unknown> = {}): string {
  const c = JSON.parse(les(ws, 'nh.json'));
  const selger = { adresse: 'Storgata 1', postnr: '6800', poststed: 'FØRDE', kontonummer: '86011117947' };
  c.faktura = {
    ...c.faktura,
    selger,
    nummerserie: { forste: 26001 },
    ehf: true,
    regnskapssystem: ['tripletex', 'poweroffice'],
    ...faktura,
  };
  writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
  const mb = les(ws, 'malbedrifter.csv').split('\r\n');
  mb[0] += ';adresse;postnr;poststed;deresRef;kundenummer';
  mb[1] += ';Kaiveien 2;6900;FLORØ;Kari Alfa;10001';
  mb[2] += ';Havna 1;6700;MÅLØY;Per Beta;10002';
  mb[3] += ';Gata 3;6800;FØRDE;Gro Gamma;10003';
  writeFileSync(path.join(ws, 'malbedrifter.csv'), mb.join('\r\n'));
  return ws;
}
const merTimer = (ws: string, linje = '20.10.2026;Kari Nordmann;915000002;1;Rådgivning;;Ettermelding') =>
  writeFileSync(path.join(ws, 'timer.csv'), `${les(ws, 'timer.csv')}${linje}\r\n`);
const ehf = (ws: string, p = '2026-10') => {
  const m = path.join(ws, 'faktura', p, 'ehf');
  return existsSync(m) ? readdirSync(m).sort() : [];
};
const koder = (r: { json: () => any }) => (r.json().feil ?? []).map((f: { kode: string }) => f.kode);
const logg = (ws: string) => lesCsv(path.join(ws, 'faktura', 'nummerlogg.csv'));

describe('issue 23 High: et sendt nummer brukes aldri om igjen, historikken går aldri tapt', () => {
  it('pkt. 1: avbrutt --erstatt, ny endring og --erstatt igjen — ehf/ har én fil per nummer, alle i registeret', async () => {
    const ws = klar(kopier(LITEN));
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    merTimer(ws);
    const drept = await nh(['faktura', '--data', ws, ...P10, '--erstatt'], {
      env: { NH_TESTPUNKT_DREP: 'faktura:for-register' },
    });
    expect(drept.kode).toBe(-1);
    // Den avbrutte kjøringen la kreditnota 26003 og ny faktura 26004 i ehf/ — som ikke står i registeret.
    expect(ehf(ws)).toEqual([
      '26001-915000002.xml',
      '26002-915000142.xml',
      '26003-915000002-kreditnota.xml',
      '26004-915000002.xml',
    ]);
    merTimer(ws, '21.10.2026;Kari Nordmann;915000142;2;Rådgivning;;Beta');
    const r = await nh(['faktura', '--data', ws, ...P10, '--erstatt', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    // Før: numrene 26003/26004 ble brukt igjen for andre dokumenter, og to filer med samme nummer lå i ehf/.
    const reg = lesRegister(ws);
    expect(reg.map((l) => [l.fakturanr, l.type, l.orgnr])).toEqual([
      ['26001', 'faktura', '915000002'],
      ['26002', 'faktura', '915000142'],
      ['26005', 'kreditnota', '915000002'],
      ['26006', 'kreditnota', '915000142'],
      ['26007', 'faktura', '915000002'],
      ['26008', 'faktura', '915000142'],
    ]);
    expect(ehf(ws)).toEqual(
      reg.map((l) => `${l.fakturanr}-${l.orgnr}${l.type === 'kreditnota' ? '-kreditnota' : ''}.xml`).sort(),
    );
    expect(
      logg(ws)
        .filter((l) => l.hendelse === 'annullert')
        .map((l) => l.fakturanr),
    ).toEqual(['26003', '26004']);
    expect(r.json().advarsler.map((a: { kode: string }) => a.kode)).toContain('avbrutt-kjoring');
    expect(await kryssjekk(ws)).toEqual([]);
  });

  it('pkt. 2: registeret omdøpt av synkroniseringen («stotteregister (1).csv») — exit 2, aldri et nytt register fra 26001', async () => {
    const ws = klar(kopier(LITEN));
    expect((await nh(['faktura', '--data', ws, '--periode', '2026-09'])).kode).toBe(0);
    renameSync(path.join(ws, 'stotteregister.csv'), path.join(ws, 'stotteregister (1).csv'));
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P10, '--json']);
    expect(r.kode, r.stdout).toBe(2);
    expect(koder(r)).toEqual(['register-mangler']);
    expect(r.stderr).toMatch(
      /stotteregister\.csv mangler, men nh har fakturert i denne arbeidsmappen før: «stotteregister \(1\)\.csv»/,
    );
    expect(r.stderr).toMatch(/Gi registeret navnet stotteregister\.csv igjen/);
    expect(avtrykk(ws)).toEqual(før);
    // Også smb-sjekk og årsrapport leser registeret: de avviser det samme (treårstaket ville blitt 0).
    expect((await nh(['årsrapport', '--data', ws, '--år', '2026', '--forhandsvis'])).kode).toBe(2);
    renameSync(path.join(ws, 'stotteregister (1).csv'), path.join(ws, 'stotteregister.csv'));
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    expect(lesRegister(ws).map((l) => l.fakturanr)).toEqual(['26001', '26002', '26003']);
  });

  it('pkt. 3: registeret rullet tilbake til en eldre kopi — exit 2 (neste måned og samme måned), ingen EHF-fil slettet', async () => {
    const ws = klar(kopier(LITEN));
    expect((await nh(['faktura', '--data', ws, '--periode', '2026-09'])).kode).toBe(0);
    const gammel = path.join(ws, '..', 'register-september.csv');
    copyFileSync(path.join(ws, 'stotteregister.csv'), gammel);
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    copyFileSync(gammel, path.join(ws, 'stotteregister.csv')); // OneDrive: «gjenopprett forrige versjon»
    const før = avtrykk(ws);
    const nov = await nh(['faktura', '--data', ws, '--periode', '2026-11', '--json']);
    expect(nov.kode).toBe(2);
    expect(koder(nov)).toEqual(['register-tilbakerullet']);
    expect(nov.stderr).toMatch(
      /stotteregister\.csv mangler linjer som nh har ført ifølge faktura\/nummerlogg\.csv — periode 2026-10: 2 linjer \(26002, 26003\)/,
    );
    // Før: oktober på nytt slettet de sendte EHF-filene («numre som aldri ble ført»).
    const okt = await nh(['faktura', '--data', ws, ...P10, '--json']);
    expect(okt.kode).toBe(2);
    expect(avtrykk(ws)).toEqual(før);
    expect(ehf(ws)).toEqual(['26002-915000002.xml', '26003-915000142.xml']);
  });

  it('pkt. 3: tilbakerullet register OG nummerlogg — EHF-filene ved siden av registeret avslører det (exit 2)', async () => {
    const ws = klar(kopier(LITEN));
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    rmSync(path.join(ws, 'stotteregister.csv'));
    rmSync(path.join(ws, 'faktura', 'nummerlogg.csv'));
    // Et tomt register (bare overskriften), som en gammel kopi fra før oktober.
    writeFileSync(
      path.join(ws, 'stotteregister.csv'),
      '\uFEFFperiode;dato;orgnr;navn;markedsverdi;egenandel;mva;stotte;eurNokKurs;kursdato;stotteEur\r\n',
    );
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-11', '--json']);
    expect(r.kode).toBe(2);
    expect(koder(r)).toEqual(['utfiler-uten-register']);
    expect(r.stderr).toMatch(/faktura\/2026-10 har fakturagrunnlag og 2 EHF-filer med numre registeret ikke har/);
  });

  it('pkt. 5: en håndført kreditnota som krediterer et ukjent nummer er exit 2 med fil, rad og kolonne', async () => {
    const ws = klar(kopier(LITEN));
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    const reg = les(ws, 'stotteregister.csv');
    const linje = reg.trim().split('\r\n')[1]!.split(';');
    const kred = linje.map((v, i) => (i >= 4 && i <= 10 && i !== 8 && i !== 9 ? `-${v}` : v));
    kred[11] = 'kreditnota';
    kred[12] = '26900';
    kred[13] = '';
    kred[16] = 'K-for-hand';
    kred[17] = '99999';
    writeFileSync(path.join(ws, 'stotteregister.csv'), `${reg}${kred.join(';')}\r\n`);
    merTimer(ws);
    const r = await nh(['faktura', '--data', ws, ...P10, '--erstatt', '--json']);
    expect(r.kode).toBe(2);
    // Før: godtatt, og --erstatt krediterte originalen én gang til (netto støtte 937,50 i stedet for 12 562,50).
    expect(r.json().feil[0]).toMatchObject({
      kode: 'register-ukjent-referanse',
      kilde: { fil: 'stotteregister.csv', rad: 4, kolonne: 'krediterer' },
    });
  });

  it('pkt. 6: midlertidige EHF- og importfiler fra en drept kjøring ryddes; kryssjekken holder etter krasjen', async () => {
    const ws = klar(kopier(LITEN));
    const d = await nh(['faktura', '--data', ws, ...P10], { env: { NH_TESTPUNKT_DREP: 'faktura:for-dokumenter' } });
    expect(d.kode).toBe(-1);
    const tmp = (m: string) => (existsSync(m) ? readdirSync(m).filter((f) => f.includes('.tmp-')) : []);
    const mappe = path.join(ws, 'faktura', '2026-10');
    expect(tmp(path.join(mappe, 'ehf')).length).toBe(2);
    expect(tmp(mappe).some((f) => f.includes('tripletex-import'))).toBe(true);
    const r = await nh(['faktura', '--data', ws, ...P10, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect([...tmp(mappe), ...tmp(path.join(mappe, 'ehf')), ...tmp(path.join(ws, 'faktura'))]).toEqual([]);
    // Kjøringen døde etter loggen, før noen fil: numrene 26001–26002 er annullert, fakturaene fikk nye.
    expect(lesRegister(ws).map((l) => l.fakturanr)).toEqual(['26003', '26004']);
    expect(await kryssjekk(ws)).toEqual([]);
  });

  it("pkt. 7: et navn som begynner med «-» leses tilbake uten formelvernets «'» — --erstatt uten endring krediterer ingenting", async () => {
    const ws = klar(kopier(LITEN));
    writeFileSync(
      path.join(ws, 'malbedrifter.csv'),
      les(ws, 'malbedrifter.csv').replace('Alfa Teknologi AS', '-Alfa Teknologi AS'),
    );
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    expect(les(ws, 'stotteregister.csv')).toContain(";'-Alfa Teknologi AS;");
    const r = await nh(['faktura', '--data', ws, ...P10, '--erstatt', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ status: 'uendret', kreditnotaer: [] });
  });

  it('pkt. 12: avbrutt kjøring for oktober, så november — november får numre etter oktobers, med en advarsel', async () => {
    const ws = klar(kopier(LITEN));
    merTimer(ws, '02.11.2026;Kari Nordmann;915000002;3;Rådgivning;;November');
    const d = await nh(['faktura', '--data', ws, ...P10], { env: { NH_TESTPUNKT_DREP: 'faktura:for-register' } });
    expect(d.kode).toBe(-1);
    // Det regnskap trenger for Tripletex-vakten (issue 21 pkt. 2): høyeste nummer nh har utstedt, alle kilder.
    expect(await hoyesteFakturanummer(await aapneArbeidsmappe(ws))).toMatchObject({ nr: 26002 });
    const nov = await nh(['faktura', '--data', ws, '--periode', '2026-11', '--json']);
    expect(nov.kode, nov.stderr).toBe(0);
    // Før: november fikk 26001 — nummeret på oktobers (kanskje sendte) faktura til Alfa.
    expect(nov.json().malbedrifter.map((m: any) => m.faktura.fakturanr)).toEqual(['26003', '26004']);
    expect(nov.json().advarsler.find((a: any) => a.kode === 'avbrutt-kjoring').melding).toMatch(
      /faktura\/2026-10 har filer fra en avbrutt kjøring .*numrene 26001, 26002 ble aldri ført/,
    );
    const okt = await nh(['faktura', '--data', ws, ...P10, '--json']);
    expect(okt.kode, okt.stderr).toBe(0);
    expect(okt.json().malbedrifter.map((m: any) => m.faktura.fakturanr)).toEqual(['26005', '26006']);
    expect(await kryssjekk(ws)).toEqual([]);
  });
});

describe('issue 23 Low og issue 21 pkt. 8', () => {
  it('årsrapport advarer om en konfliktkopi av registeret (som faktura og smb-sjekk)', async () => {
    const ws = klar(kopier(LITEN));
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    copyFileSync(path.join(ws, 'stotteregister.csv'), path.join(ws, 'stotteregister-LAPTOP-KARI.csv'));
    const r = await nh(['årsrapport', '--data', ws, '--år', '2026', '--forhandsvis', '--json']);
    expect(r.json().advarsler.map((a: { kode: string }) => a.kode)).toContain('konfliktkopi');
  });

  it('MOD11: et nummer der KID-en ville endt på «-», hoppes over og står i nummerloggen', async () => {
    const ws = klar(kopier(LITEN), { nummerserie: { forste: 5012 }, kid: { metode: 'MOD11', lengde: 6 } });
    const r = await nh(['faktura', '--data', ws, ...P10, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    // 5013 gir MOD11-kontrollsiffer «-» (før: KID «05013-», som mange banker avviser).
    expect(r.json().malbedrifter.map((m: any) => [m.faktura.fakturanr, m.faktura.kid])).toEqual([
      ['5012', '050121'],
      ['5014', '050148'],
    ]);
    expect(r.json().hoppetOver).toEqual(['5013']);
    expect(logg(ws).find((l) => l.hendelse === 'hoppet over')).toMatchObject({ fakturanr: '5013' });
    expect((await nh(['faktura', '--data', ws, ...P10])).stdout).toMatch(/allerede fakturert/);
  });

  it('KID med 0 foran overlever en tur i Excel: skrevet som ="0260018", lest tilbake fylt til kid.lengde', async () => {
    const ws = klar(kopier(LITEN));
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    const reg = les(ws, 'stotteregister.csv');
    expect(reg).toContain('"=""0260018"""');
    // Excel lagrer KID-en som tall (0260018 → 260018); nh leser den tilbake som 0260018 og ser ingen endring.
    writeFileSync(path.join(ws, 'stotteregister.csv'), reg.replace(/"=""0(\d+)"""/g, '$1'));
    const r = await nh(['faktura', '--data', ws, ...P10, '--json']);
    expect(r.json().register.map((l: any) => l.kid)).toEqual(['0260018', '0260026']);
    expect((await nh(['faktura', '--data', ws, ...P10, '--erstatt', '--json'])).json().status).toBe('uendret');
  });

  it('et fakturanummer med skrivefeil i registeret pekes ut med rad og kolonne (ikke skyldt på kid.lengde)', async () => {
    const ws = klar(kopier(LITEN));
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    writeFileSync(
      path.join(ws, 'stotteregister.csv'),
      les(ws, 'stotteregister.csv').replace(';26002;', ';2600200000002;'),
    );
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-11', '--json']);
    expect(r.kode).toBe(2);
    expect(r.json().feil[0]).toMatchObject({ kode: 'register-fakturanr', kilde: { rad: 3, kolonne: 'fakturanr' } });
  });
});

describe('issue 19 pkt. 2: en rettet EUR-kurs kan brukes på måneder som er fakturert', () => {
  it('vanlig kjøring advarer; --erstatt fører en kurskorreksjon per faktura (0 kr, ny kurs, differansen i EUR)', async () => {
    const ws = klar(kopier(LITEN));
    expect((await nh(['faktura', '--data', ws, ...P10])).kode).toBe(0);
    const c = JSON.parse(les(ws, 'nh.json'));
    c.eurNok.kurs = 11.7; // plassholderen 11,5 fra nh init rettet til Norges Banks kurs
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const vanlig = await nh(['faktura', '--data', ws, ...P10, '--json']);
    expect(vanlig.json().advarsler.map((a: any) => a.kode)).toContain('kurs-endret');
    const før = lesRegister(ws);
    const r = await nh(['faktura', '--data', ws, ...P10, '--erstatt', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.status).toBe('erstattet');
    expect(j.kreditnotaer).toEqual([]);
    expect(
      j.kurskorreksjoner.map((k: any) => [k.korrigerer, k.fra.kurs, k.til.kurs, k.fra.stotteEur, k.til.stotteEur]),
    ).toEqual([
      ['26001', 11.5, 11.7, 1297.83, 1275.64],
      ['26002', 11.5, 11.7, 521.74, 512.82],
    ]);
    const reg = lesRegister(ws);
    expect(reg.slice(0, før.length)).toEqual(før); // historikken står urørt
    const kk = reg.slice(før.length);
    expect(kk.map((l) => [l.type, l.korrigerer, l.stotte, l.eurNokKurs, l.stotteEur])).toEqual([
      ['kurskorreksjon', '26001', '0,00', '11,7', '-22,19'],
      ['kurskorreksjon', '26002', '0,00', '11,7', '-8,92'],
    ]);
    expect((await nh(['faktura', '--data', ws, ...P10, '--erstatt', '--json'])).json().status).toBe('uendret');
    // Treårstaket i neste måned regner med den rettede verdien.
    const nov = await nh(['faktura', '--data', ws, '--periode', '2026-11', '--forhandsvis', '--json']);
    expect(nov.kode).toBe(0);
    // En endret faktura etter korreksjonen: kreditnotaen reverserer den gjeldende EUR-verdien, så summen er den nye.
    merTimer(ws);
    const e = await nh(['faktura', '--data', ws, ...P10, '--erstatt', '--json']);
    expect(e.kode, e.stderr).toBe(0);
    const alfa = lesRegister(ws).filter((l) => l.orgnr === '915000002');
    const sumEur = alfa.reduce((s, l) => s + Math.round(Number(l.stotteEur!.replace(',', '.')) * 100), 0);
    expect(sumEur / 100).toBe(e.json().malbedrifter[0].stotteEur);
    expect(await kryssjekk(ws)).toEqual([]);
  });
});
