/**
 * nh faktura ende til ende: utfiler, register, regler som sier nei, gjentatt kjøring, --erstatt,
 * --forhandsvis og samtidige kjøringer av det bygde binæret. Krasj midt i skrivingen: test/e2e/krasj.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, kopier, lesArk, nh, NH, nhProsess, ROT, avtrykk } from '../hjelp.js';
import { harLibreOffice, regnOmAlle } from '../libreoffice.js';

const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');
const P = ['--periode', '2026-10'];
const REG_HODE =
  '\uFEFFperiode;dato;orgnr;navn;markedsverdi;egenandel;mva;stotte;eurNokKurs;kursdato;stotteEur;kjoring\r\n';

const les = (ws: string, f: string) => readFileSync(path.join(ws, f), 'utf8');
const registerLinjer = (ws: string) =>
  les(ws, 'stotteregister.csv')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1);

describe('nh faktura (programveileder 10.4, vedlegg 3 pkt. 2 og 4.1)', () => {
  it('10.4: skriver fakturagrunnlag.xlsx, fakturagrunnlag.csv og stotteregister.csv; --json har per målbedrift og totaler', async () => {
    const ws = kopier(LITEN);
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.status).toBe('fakturert');
    expect(j.malbedrifter.map((m: any) => [m.orgnr, m.markedsverdi, m.egenandel, m.mva, m.stotte])).toEqual([
      ['915000002', 19_900, 4_975, 1_243.75, 14_925],
      ['915000142', 12_000, 6_000, 1_500, 6_000],
    ]);
    expect(j.totalt).toMatchObject({
      timer: 27.5,
      markedsverdi: 31_900,
      egenandel: 10_975,
      mva: 2_743.75,
      aBetale: 13_718.75,
      stotte: 20_925,
    });
    expect(j.disponibelt).toEqual({
      ar: 2026,
      tilskudd: 450_000,
      bruktFor: 0,
      denneKjoringen: 20_925,
      gjenstaarFor: 450_000,
      gjenstaarEtter: 429_075,
    });
    expect(j.adminTimeraderIkkeFakturert).toBe(2);
    // Prisrekkefølgen synlig per linje: tjenestepris, ansattes pris, standard, målbedriftens avtalte pris.
    expect(j.malbedrifter[0].linjer.map((l: any) => [l.ansatt, l.pris, l.prisKilde])).toEqual([
      ['Kari Nordmann', 1000, 'standard'],
      ['Ola Hansen', 1300, 'ansatt'],
      ['Siri Daglig', 1400, 'tjeneste'],
    ]);
    expect(j.malbedrifter[1].linjer[0]).toMatchObject({ pris: 1200, prisKilde: 'malbedrift', stotteintensitet: 50 });
    // 10.4: fakturateksten viser markedsverdi, egenandel og støtte.
    expect(j.malbedrifter[0].fakturatekst).toMatch(
      /markedsverdi 19\s900,00 kr.*Innovasjonsstøtte.*14\s925,00 kr.*Egenandel 4\s975,00 kr \+ mva/,
    );

    for (const f of [
      'faktura/2026-10/fakturagrunnlag.xlsx',
      'faktura/2026-10/fakturagrunnlag.csv',
      'stotteregister.csv',
    ])
      expect(existsSync(path.join(ws, f)), f).toBe(true);
    const reg = registerLinjer(ws);
    expect(reg).toHaveLength(2);
    expect(reg[0]).toMatch(
      // Issue 19 pkt. 6: støtten regnes som gitt på fakturadatoen — dagen kjøringen lager fakturaen (NH_DATO 22.11.2026).
      /^2026M10;22\.11\.2026;915000002;Alfa Teknologi AS;19900,00;4975,00;1243,75;14925,00;11,5;31\.12\.2025;1297,83;/,
    );
    const csv = les(ws, 'faktura/2026-10/fakturagrunnlag.csv')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv).toHaveLength(1 + 4);
    expect(csv[0]).toMatch(/^ordrenr;fakturadato;forfallsdato;kundeOrgnr;/);
    expect(csv[1]).toMatch(
      /^2026-10-915000002;22\.11\.2026;06\.12\.2026;915000002;Alfa Teknologi AS;1;Rådgivning;Rådgivning – Kari Nordmann;10,50;timer;1000,00;75;10500,00;7875,00;2625,00;3;25;656,25;3281,25;2026M10;/,
    );
    // Totaler = sum av linjene i CSV-en, til øre.
    const kol = csv[0]!.split(';');
    const sum = (navn: string) =>
      csv
        .slice(1)
        .reduce((s, l) => s + Math.round(Number(l.split(';')[kol.indexOf(navn)]!.replace(',', '.')) * 100), 0) / 100;
    expect(sum('belopEksMva')).toBe(j.totalt.egenandel);
    expect(sum('innovasjonsstotte')).toBe(j.totalt.stotte);
    expect(sum('mva')).toBe(j.totalt.mva);
    expect(sum('markedsverdi')).toBe(j.totalt.markedsverdi);
  });

  it('issue 20 pkt. 1 (4.3, vedlegg 3 pkt. 2): SMB-sjekken som gjelder, er den siste på eller før fakturadatoen — ikke avtalestart', async () => {
    // Beta har bare en sjekk 01.04.2026, etter avtalestart men før fakturadatoen 22.11.2026: den gjelder nå.
    const r = await nh(['faktura', '--data', LITEN, ...P, '--forhandsvis', '--json']);
    expect(r.kode).toBe(0);
    expect(r.json().advarsler.filter((a: any) => a.kode === 'mangler-smb-sjekk')).toEqual([]);
    expect(r.json().malbedrifter.map((m: any) => m.smbSjekk)).toEqual([
      'KAN TAS OPP (10.01.2026)',
      'KAN TAS OPP (01.04.2026)',
    ]);
  });

  it('issue 20 pkt. 2 (vedlegg 3 pkt. 2): en senere «KAN IKKE TAS OPP» stopper støtten (exit 1, ingenting skrevet); --godta-smb med grunn gir støtten og skriver grunnen i registeret', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'smb-sjekk', '915000002-2026-11-02.json'),
      JSON.stringify({ orgnr: '915000002', dato: '2026-11-02', dom: 'KAN IKKE TAS OPP' }),
    );
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode).toBe(1);
    const a = r.json().resultat.avvisninger;
    expect(a.map((x: any) => x.kode)).toEqual(['smb-kan-ikke-tas-opp']);
    expect(a[0].melding).toMatch(
      /Alfa Teknologi AS \(915000002\).*smb-sjekk\/915000002-2026-11-02\.json.*KAN IKKE TAS OPP/,
    );
    expect(avtrykk(ws)).toEqual(før);
    const grunn = 'Konsernet tilførte 2 mill. i egenkapital 05.11.2026 (styresak 14/26)';
    const g = await nh(['faktura', '--data', ws, ...P, '--godta-smb', `915000002=${grunn}`, '--json']);
    expect(g.kode, g.stderr).toBe(0);
    expect(g.json().advarsler.map((x: any) => x.kode)).toContain('smb-godtatt');
    expect(registerLinjer(ws)[0]).toContain(`SMB-sjekk 02.11.2026 sa «KAN IKKE TAS OPP»; godtatt: ${grunn}`);
  });

  it('issue 20 pkt. 2: «MÅ VURDERES» er fortsatt en advarsel', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'smb-sjekk', '915000002-2026-11-02.json'),
      JSON.stringify({ orgnr: '915000002', dato: '2026-11-02', dom: 'MÅ VURDERES' }),
    );
    const r = await nh(['faktura', '--data', ws, ...P, '--forhandsvis', '--json']);
    expect(r.kode).toBe(0);
    expect(r.json().advarsler.map((x: any) => x.kode)).toContain('smb-ma-vurderes');
  });

  it('--forhandsvis viser resultatet og skriver ingenting (ingen lås, ingen filer)', async () => {
    const ws = kopier(LITEN);
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--forhandsvis']);
    expect(r.kode).toBe(0);
    expect(r.stdout).toMatch(/Alfa Teknologi AS/);
    expect(r.stdout).toMatch(/Forhåndsvisning: ingenting er skrevet/);
    expect(avtrykk(ws)).toEqual(før);
  });

  it('gjentatt kjøring av en fakturert periode endrer ingenting og sier det (exit 0)', async () => {
    const ws = kopier(LITEN);
    expect((await nh(['faktura', '--data', ws, ...P])).kode).toBe(0);
    const før = avtrykk(ws);
    appendFileSync(path.join(ws, 'timer.csv'), '20.10.2026;Kari Nordmann;915000002;5;Rådgivning;;Ny\r\n');
    const etterEndring = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode).toBe(0);
    expect(r.json()).toMatchObject({ status: 'allerede-fakturert', totalt: { stotte: 20_925 } });
    expect(r.json().melding).toMatch(/allerede fakturert.*--erstatt/);
    expect(avtrykk(ws)).toEqual(etterEndring);
    expect(før['stotteregister.csv']).toBe(etterEndring['stotteregister.csv']);
  });

  it('--erstatt: tar sikkerhetskopi, krediterer den endrede fakturaen (negativ registerlinje) og fører en ny — ingen dobbeltføring', async () => {
    const ws = kopier(LITEN);
    expect((await nh(['faktura', '--data', ws, '--periode', '2026-09'])).kode).toBe(0);
    expect((await nh(['faktura', '--data', ws, ...P])).kode).toBe(0);
    const gammelt = les(ws, 'stotteregister.csv');
    appendFileSync(path.join(ws, 'timer.csv'), '20.10.2026;Kari Nordmann;915000002;5;Rådgivning;;Ny\r\n');
    const r = await nh(['faktura', '--data', ws, ...P, '--erstatt', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.status).toBe('erstattet');
    expect(j.malbedrifter[0].markedsverdi).toBe(24_900);
    const kopi = j.filer.sikkerhetskopi as string;
    expect(kopi).toContain(path.join('faktura', 'sikkerhetskopi'));
    expect(readFileSync(path.join(kopi, 'stotteregister.csv'), 'utf8')).toBe(gammelt);
    expect(existsSync(path.join(kopi, 'fakturagrunnlag.xlsx'))).toBe(true);
    const reg = registerLinjer(ws);
    expect(reg.filter((l) => l.startsWith('2026M09;'))).toHaveLength(1);
    // Beta er uendret (beholdes); Alfa: opprinnelig faktura + kreditnota (negativ) + ny faktura.
    const alfa = reg.filter((l) => l.startsWith('2026M10;22.11.2026;915000002'));
    expect(alfa.map((l) => l.split(';')[4])).toEqual(['19900,00', '-19900,00', '24900,00']);
    expect(alfa.map((l) => l.split(';')[11])).toEqual(['faktura', 'kreditnota', 'faktura']);
    expect(reg.filter((l) => l.startsWith('2026M10;22.11.2026;915000142'))).toHaveLength(1);
    expect(j.kreditnotaer).toHaveLength(1);
  });

  it('--erstatt uten endringer: ingen kreditnota, ingenting skrevet (exit 0)', async () => {
    const ws = kopier(LITEN);
    expect((await nh(['faktura', '--data', ws, ...P])).kode).toBe(0);
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--erstatt', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ status: 'uendret', kreditnotaer: [], filer: null });
    expect(avtrykk(ws)).toEqual(før);
  });

  it('vedlegg 3 pkt. 2: et negativt beløp på en faktura i registeret (ikke kreditnota) er feil med fil, rad og kolonne', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'stotteregister.csv'),
      `${REG_HODE}2026-09;30.09.2026;915000002;Alfa Teknologi AS;1000,00;250,00;62,50;-750,00;11,5;31.12.2025;-65,22;x\r\n`,
    );
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode).toBe(2);
    expect(r.json().feil[0]).toMatchObject({
      kode: 'register-fortegn',
      kilde: { fil: 'stotteregister.csv', rad: 2, kolonne: 'stotte' },
    });
  });

  it('definisjoner / vedlegg 3 pkt. 2: støtteintensitet over 75 % avvises (exit 1), ingenting skrives', async () => {
    const ws = kopier(LITEN);
    const mb = les(ws, 'malbedrifter.csv').replace(
      '915000142;Beta Marin AS;01.03.2026;;;;50;',
      '915000142;Beta Marin AS;01.03.2026;;;;80;',
    );
    writeFileSync(path.join(ws, 'malbedrifter.csv'), mb);
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode).toBe(1);
    const j = r.json();
    expect(j.resultat.avvisninger.map((a: any) => [a.kode, a.orgnr])).toEqual([['over-75-prosent', '915000142']]);
    expect(avtrykk(ws)).toEqual(før);
    const t = await nh(['faktura', '--data', ws, ...P]);
    expect(t.stdout).toMatch(/avvist — ingenting er skrevet[\s\S]*Beta Marin AS.*80 % er over taket på 75 %/);
  });

  it('vedlegg 3 pkt. 2: en måned som bringer støtten over 200 000 EUR på tre år avvises med beløpene', async () => {
    const ws = kopier(LITEN);
    // Tidligere 198 702,18 EUR + denne måneden 1 297,83 EUR = 200 000,01 EUR > taket.
    const linje = (eur: string) =>
      `${REG_HODE}2025-03;31.03.2025;915000002;Alfa Teknologi AS;3046666,67;761666,67;190416,67;2285000,00;11,5;31.12.2024;${eur};x\r\n`;
    writeFileSync(path.join(ws, 'stotteregister.csv'), linje('198702,18'));
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode, r.stdout + r.stderr).toBe(1);
    const a = r.json().resultat.avvisninger;
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({
      kode: 'over-treaarstak',
      orgnr: '915000002',
      tall: { tidligereEur: 198_702.18, denneEur: 1_297.83, samletEur: 200_000.01, takEur: 200_000, overEur: 0.01 },
    });
    expect(r.json().melding).toMatch(/Alfa Teknologi AS.*over taket på 200 000 EUR/);
    expect(avtrykk(ws)).toEqual(før);
    // Akkurat 200 000 EUR er lov.
    writeFileSync(path.join(ws, 'stotteregister.csv'), linje('198702,17'));
    const ja = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(ja.kode, ja.stderr).toBe(0);
    expect(ja.json().malbedrifter[0].treaar).toMatchObject({ samletEur: 200_000, gjenstaarEur: 0 });
  });

  it('10.4 / vedlegg 3 pkt. 4.1: mer støtte enn disponibelt innovasjonstilskudd avvises og sier hvor mye', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'tilskudd.csv'),
      '\uFEFFar;type;kilde;belop;dato\r\n2026;innovasjon;Siva;15 000;15.02.2026\r\n2026;overfort;Siva;5 000;15.02.2026\r\n',
    );
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode).toBe(1);
    const j = r.json();
    expect(j.resultat.avvisninger[0]).toMatchObject({
      kode: 'over-disponibelt',
      tall: { tilskudd: 20_000, denneKjoringen: 20_925, overMed: 925 },
    });
    expect(j.resultat.disponibelt).toMatchObject({ gjenstaarFor: 20_000, gjenstaarEtter: -925 });
    expect(avtrykk(ws)).toEqual(før);
  });

  it('10.4: det som er ført tidligere i året trekkes fra disponibelt; gjenstår vises etter hver kjøring', async () => {
    const ws = kopier(LITEN);
    const sep = (await nh(['faktura', '--data', ws, '--periode', '2026-09', '--json'])).json();
    expect(sep.disponibelt).toMatchObject({ bruktFor: 0, denneKjoringen: 3_750, gjenstaarEtter: 446_250 });
    const okt = (await nh(['faktura', '--data', ws, ...P, '--json'])).json();
    expect(okt.disponibelt).toMatchObject({ bruktFor: 3_750, gjenstaarFor: 446_250, gjenstaarEtter: 425_325 });
    expect((await nh(['faktura', '--data', ws, ...P])).stdout).toMatch(/allerede fakturert/);
    expect((await nh(['faktura', '--data', ws, '--periode', '2026-11', '--forhandsvis'])).stdout).toMatch(
      /Gjenstår: 425\s325,00 kr før/,
    );
  });

  it('vedlegg 3 pkt. 2: timer utenfor avtalen, ukjent målbedrift og ukjent ansatt meldes alle på én gang (exit 2)', async () => {
    const ws = kopier(LITEN);
    appendFileSync(
      path.join(ws, 'timer.csv'),
      '15.10.2026;Kari Nordmann;915000215;3;;;Før start\r\n16.10.2026;Kari Nordmann;915000282;3;;;Ukjent\r\n17.10.2026;Nils;915000002;3;;;Hvem\r\n',
    );
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode).toBe(2);
    expect(r.json().feil.map((f: any) => [f.kode, f.kilde.rad])).toEqual([
      ['utenfor-avtale', 11],
      ['ukjent-malbedrift', 12],
      ['ukjent-ansatt', 13],
    ]);
    expect(r.stderr).toMatch(/timer\.csv, rad 11, kolonne «dato»/);
    expect(existsSync(path.join(ws, 'stotteregister.csv'))).toBe(false);
  });

  it('ugyldig --periode og manglende --periode gir exit 2', async () => {
    const r = await nh(['faktura', '--data', LITEN, '--periode', '2026-13']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/--periode «2026-13» er ikke en måned/);
    expect((await nh(['faktura', '--data', LITEN])).kode).toBe(2);
  });

  // Krasj (SIGKILL) midt i skrivingen — også før registeret (byte for byte som før, neste kjøring fakturerer)
  // og etter at det er døpt om («allerede fakturert») — står i test/e2e/krasj.test.ts, ved alle testpunktene.

  it('låsen: en annen levende kjøring holder låsen → exit 2 og ingenting skrevet', async () => {
    const ws = kopier(LITEN);
    writeFileSync(path.join(ws, '.stotteregister.laas'), `${process.pid}\n2026-11-22T00:00:00Z\n`);
    const r = await nh(['faktura', '--data', ws, ...P]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/En annen nh-kjøring/);
    expect(existsSync(path.join(ws, 'stotteregister.csv'))).toBe(false);
  });

  it('to samtidige kjøringer: bare én fører perioden i registeret', async () => {
    const ws = kopier(LITEN);
    const kjor = () =>
      new Promise<number>((resolve) => {
        const c = spawn(process.execPath, [NH, 'faktura', '--data', ws, ...P], {
          env: { ...process.env, NO_COLOR: '1', CI: 'true', NH_DATO: '2026-11-22' },
          stdio: 'ignore',
        });
        c.on('exit', (kode) => resolve(kode ?? -1));
      });
    const koder = await Promise.all([kjor(), kjor(), kjor()]);
    expect(koder.every((k) => k === 0 || k === 2)).toBe(true);
    expect(koder.filter((k) => k === 0).length).toBeGreaterThanOrEqual(1);
    expect(registerLinjer(ws)).toHaveLength(2);
  });

  it('nh.json faktura.csvKolonner og csvRekkefolge gir andre overskrifter, fjerner og ordner kolonner', async () => {
    const ws = kopier(LITEN);
    const c = JSON.parse(les(ws, 'nh.json'));
    c.faktura.csvKolonner = { kundeOrgnr: 'ORGANIZATION NO', fakturatekst: false };
    c.faktura.csvRekkefolge = ['kundeOrgnr', 'belopEksMva'];
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    expect((await nh(['faktura', '--data', ws, ...P])).kode).toBe(0);
    const hode = les(ws, 'faktura/2026-10/fakturagrunnlag.csv')
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(';');
    expect(hode.slice(0, 3)).toEqual(['ORGANIZATION NO', 'belopEksMva', 'ordrenr']);
    expect(hode).not.toContain('fakturatekst');
    c.faktura.csvKolonner = { finnesIkke: 'X' };
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-09']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/ukjent kolonne «finnesIkke»/);
  });

  it('registeret leses tilbake av lesDatasett(stotteregisterDef) — samme beløp som --json', async () => {
    const ws = kopier(LITEN);
    const j = (await nh(['faktura', '--data', ws, ...P, '--json'])).json();
    const { aapneArbeidsmappe } = await import('../../src/io/arbeidsmappe.js');
    const { lesDatasett } = await import('../../src/io/les/datasett.js');
    const { stotteregisterDef } = await import('../../src/domain/datasett/stotteregister.js');
    const { rader } = await lesDatasett(await aapneArbeidsmappe(ws), stotteregisterDef);
    expect(rader.map((l) => [l.orgnr, l.dato, l.stotte / 100, l.stotteEur / 100, l.eurNokKurs])).toEqual(
      j.malbedrifter.map((m: any) => [m.orgnr, '2026-11-22', m.stotte, m.stotteEur, 115_000]),
    );
  });

  describe.skipIf(!harLibreOffice)('xlsx regnet om i LibreOffice gir samme tall som --json', () => {
    // Begge arbeidsbøkene regnes om i én LibreOffice-runde (test/libreoffice.ts).
    let liten: { j: any; omregnet: string };
    let demo: { j: any; omregnet: string };
    beforeAll(async () => {
      const wsLiten = kopier(LITEN);
      const jLiten = (await nh(['faktura', '--data', wsLiten, ...P, '--json'])).json();
      const wsDemo = kopier(DEMO);
      const r = await nh(['faktura', '--data', wsDemo, ...P, '--json']);
      expect(r.kode, r.stdout + r.stderr).toBe(0);
      for (const f of [
        'faktura/2026-10/fakturagrunnlag.xlsx',
        'faktura/2026-10/fakturagrunnlag.csv',
        'stotteregister.csv',
      ])
        expect(existsSync(path.join(wsDemo, f)), f).toBe(true);
      const xlsx = (ws: string) => path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.xlsx');
      const omregnet = await regnOmAlle({ liten: xlsx(wsLiten), demo: xlsx(wsDemo) });
      liten = { j: jLiten, omregnet: omregnet.liten };
      demo = { j: r.json(), omregnet: omregnet.demo };
    }, 300_000);

    it('liten arbeidsmappe', async () => sammenlignXlsx(liten.omregnet, liten.j));

    it('demo: nh faktura --periode 2026-10 skriver alle tre', async () => {
      expect(demo.j.malbedrifter.length).toBeGreaterThan(0);
      await sammenlignXlsx(demo.omregnet, demo.j);
    });
  });
});

/** Den omregnede arbeidsboken mot --json. */
async function sammenlignXlsx(omregnet: string, j: any): Promise<void> {
  const sam = await lesArk(omregnet, 'Sammendrag');
  const hode = sam[1] as string[];
  const kol = (n: string) => hode.indexOf(n);
  // exceljs leser et formelresultat 0 som tomt.
  const tall = (v: unknown) => Number(v ?? 0);
  j.malbedrifter.forEach((m: any, i: number) => {
    const r = sam[2 + i]!;
    expect(r[kol('Orgnr')]).toBe(m.orgnr);
    expect(tall(r[kol('Timer')])).toBeCloseTo(m.timer, 2);
    expect(tall(r[kol('Markedsverdi')])).toBeCloseTo(m.markedsverdi, 2);
    expect(tall(r[kol('Innovasjonsstøtte')])).toBeCloseTo(m.stotte, 2);
    expect(tall(r[kol('Egenandel eks. mva')])).toBeCloseTo(m.egenandel, 2);
    expect(tall(r[kol('Mva')])).toBeCloseTo(m.mva, 2);
    expect(tall(r[kol('Å betale')])).toBeCloseTo(m.aBetale, 2);
    expect(tall(r[kol('Støtte i EUR')])).toBeCloseTo(m.stotteEur, 2);
    expect(tall(r[kol('Kontroll: støtte + egenandel − markedsverdi')])).toBeCloseTo(0, 2);
  });
  const sumRad = sam[2 + j.malbedrifter.length]!;
  expect(tall(sumRad[kol('Markedsverdi')])).toBeCloseTo(j.totalt.markedsverdi, 2);
  expect(tall(sumRad[kol('Innovasjonsstøtte')])).toBeCloseTo(j.totalt.stotte, 2);
  expect(tall(sumRad[kol('Egenandel eks. mva')])).toBeCloseTo(j.totalt.egenandel, 2);
  expect(tall(sumRad[kol('Mva')])).toBeCloseTo(j.totalt.mva, 2);
  expect(tall(sumRad[kol('Å betale')])).toBeCloseTo(j.totalt.aBetale, 2);
  const gjenstaar = sam.find((r) => r?.[1] === 'Gjenstår etter kjøringen')!;
  expect(tall(gjenstaar[kol('Innovasjonsstøtte')])).toBeCloseTo(j.disponibelt.gjenstaarEtter, 2);
  // Blokkarket: hver linje og hver sumrad som i --json.
  const blokk = await lesArk(omregnet, 'Fakturagrunnlag');
  for (const m of j.malbedrifter) {
    const sum = blokk.find((r) => r?.[0] === `Sum ${m.navn}`)!;
    expect(tall(sum[5])).toBeCloseTo(m.markedsverdi, 2);
    expect(tall(sum[7])).toBeCloseTo(m.stotte, 2);
    expect(tall(sum[8])).toBeCloseTo(m.egenandel, 2);
    expect(tall(sum[9])).toBeCloseTo(m.mva, 2);
  }
  const linjer = blokk.filter((r) => typeof r?.[2] === 'number' && typeof r?.[3] === 'number');
  const alle = j.malbedrifter.flatMap((m: any) => m.linjer);
  expect(linjer).toHaveLength(alle.length);
  linjer.forEach((r, i) => {
    expect(tall(r[5])).toBeCloseTo(alle[i].markedsverdi, 2);
    expect(tall(r[7])).toBeCloseTo(alle[i].stotte, 2);
    expect(tall(r[8])).toBeCloseTo(alle[i].egenandel, 2);
    expect(tall(r[9])).toBeCloseTo(alle[i].mva, 2);
  });
}

describe('issue 22 pkt. 8: PDF-ene i en egen tråd i binæret', () => {
  it('binæret (bunten, PDF-tråden) skriver de samme filene som kjøringen i samme prosess (kildene, hovedtråden)', async () => {
    const [traad, samme] = [kopier(DEMO), kopier(DEMO)];
    const args = (ws: string) => ['faktura', '--data', ws, '--periode', '2026-10', '--json'];
    const [a, b] = await Promise.all([nhProsess(args(traad)), nh(args(samme))]);
    expect(a.kode, a.stderr).toBe(0);
    expect(b.kode, b.stderr).toBe(0);
    for (const del of ['pdf', 'ehf']) {
      const filer = (ws: string) => readdirSync(path.join(ws, 'faktura', '2026-10', del)).sort();
      expect(filer(traad).length).toBe(21);
      expect(filer(traad)).toEqual(filer(samme));
      for (const f of filer(traad)) {
        const les = (ws: string) => readFileSync(path.join(ws, 'faktura', '2026-10', del, f));
        expect(les(traad).equals(les(samme)), `${del}/${f}`).toBe(true);
      }
    }
    // Importfilene og bilagene byte for byte. xlsx-en del for del: bunten pakker med Node sin zlib
    // (scripts/bunt.mjs, src/io/skriv/zip-deflate.ts), kildene med pako, så de pakkede bytene kan avvike.
    const mappe = (ws: string) => path.join(ws, 'faktura', '2026-10');
    const csv = readdirSync(mappe(traad)).filter((f) => f.endsWith('.csv'));
    expect(csv.length).toBeGreaterThanOrEqual(4);
    for (const f of csv)
      expect(readFileSync(path.join(mappe(traad), f)).equals(readFileSync(path.join(mappe(samme), f))), f).toBe(true);
    const deler = async (ws: string) => {
      const zip = await JSZip.loadAsync(readFileSync(path.join(mappe(ws), 'fakturagrunnlag.xlsx')));
      const navn = Object.keys(zip.files).sort();
      return Promise.all(navn.map(async (n) => [n, await zip.file(n)?.async('string')]));
    };
    expect(await deler(traad)).toEqual(await deler(samme));
  });
});
