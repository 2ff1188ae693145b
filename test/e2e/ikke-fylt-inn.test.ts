/**
 * Issue 19 pkt. 2: en verdi brukeren ikke har bekreftet, brukes aldri. nh init skriver «FYLL INN …» for det som
 * ikke er oppgitt; kommandoene som trenger verdien, stopper med exit 2, nøkkelen og hvor den finnes; nh sjekk
 * lister det som mangler.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { avtrykk, DEMO, kopier, nh, tomMappe } from '../hjelp.js';

const ANSATTE = '\uFEFFnavn;arslonn\nKari Nordmann;650 000\n';

async function nyMappe(ekstra: string[] = []): Promise<string> {
  const mappe = path.join(tomMappe(), 'ny');
  const r = await nh([
    'init',
    mappe,
    '--navn',
    'Testdal Næringshage AS',
    '--orgnr',
    '923609016',
    '--ar',
    '2026',
    ...ekstra,
  ]);
  expect(r.kode, r.stderr).toBe(0);
  return mappe;
}

const lesConfig = (m: string) => JSON.parse(readFileSync(path.join(m, 'nh.json'), 'utf8'));

describe('nh init uten satsene (issue 19 pkt. 2)', () => {
  it('skriver «FYLL INN …» med hvor verdien finnes, ingen plassholdertall, og lister dem', async () => {
    const mappe = path.join(tomMappe(), 'ny');
    const r = await nh(['init', mappe, '--navn', 'Testdal Næringshage AS', '--orgnr', '923609016', '--ar', '2026']);
    expect(r.kode, r.stderr).toBe(0);
    const c = lesConfig(mappe);
    for (const v of [
      c.arbeidsgiveravgiftSats,
      c.andreSosialeKostnaderProsent,
      c.indirekteKostnaderPerAr,
      c.markedsprisPerTime,
      c.eurNok.kurs,
    ])
      expect(v).toMatch(/^FYLL INN /);
    expect(c.eurNok.kurs).toContain('Norges Banks valutakurs for EUR for en dag nær fakturadatoen');
    expect(c.arbeidsgiveravgiftSats).toContain('skatteetaten.no');
    expect(c.eurNok.dato).toMatch(/^FYLL INN datoen/);
    expect(JSON.stringify(c)).not.toMatch(/11\.5|14\.1|600000/);
    expect(r.stdout).toContain('Ikke fylt inn i nh.json');
    expect(r.stdout).toMatch(/eurNok\.kurs \(faktura, smb-sjekk \(uten --kurs\)\): Norges Banks valutakurs/);
    const j = await nh(['init', path.join(tomMappe(), 'j'), '--navn', 'X AS', '--orgnr', '923609016', '--json']);
    expect(j.json().ikkeFyltInn.map((u: { felt: string }) => u.felt)).toEqual([
      'eurNok.kurs',
      'arbeidsgiveravgiftSats',
      'andreSosialeKostnaderProsent',
      'indirekteKostnaderPerAr',
      'markedsprisPerTime',
    ]);
  });

  it('timesats stopper med exit 2, nøkkelen og hvor den finnes — alle ufylte på én gang, ingenting skrevet', async () => {
    const mappe = await nyMappe();
    writeFileSync(path.join(mappe, 'ansatte.csv'), ANSATTE);
    const for_ = avtrykk(mappe);
    const r = await nh(['timesats', '--data', mappe]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain(
      'Feil: nh.json, felt «arbeidsgiveravgiftSats»: «arbeidsgiveravgiftSats» i nh.json er ikke fylt inn: arbeidsgiveravgift i prosent. Finnes: satsen for sonen til kommunen der næringshagen har de ansatte: skatteetaten.no → Satser → Arbeidsgiveravgift (sone I er 14,1).',
    );
    expect(r.stderr).toMatch(/«andreSosialeKostnaderProsent» i nh.json er ikke fylt inn/);
    expect(r.stderr).toMatch(/«indirekteKostnaderPerAr» i nh.json er ikke fylt inn/);
    expect(r.stderr).toMatch(/3 feil\. Ingenting er skrevet\./);
    expect(avtrykk(mappe)).toEqual(for_);
    const j = await nh(['timesats', '--data', mappe, '--json']);
    expect(j.json().feil.map((f: { kode: string }) => f.kode)).toEqual(Array(3).fill('ikke-fylt-inn'));
  });

  it('faktura stopper på EUR-kursen og markedsprisen; smb-sjekk på kursen, men ikke med --kurs', async () => {
    const ws = kopier(DEMO);
    const c = lesConfig(ws);
    c.eurNok.kurs = 'FYLL INN NOK per EUR';
    c.markedsprisPerTime = '';
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c, null, 2));
    const for_ = avtrykk(ws);
    const f = await nh(['faktura', '--data', ws, '--periode', '2026-10']);
    expect(f.kode).toBe(2);
    expect(f.stderr).toMatch(/«markedsprisPerTime» i nh\.json er ikke fylt inn: markedspris per time/);
    expect(f.stderr).toMatch(
      /«eurNok\.kurs» i nh\.json er ikke fylt inn: EUR-kursen .* Finnes: Norges Banks valutakurs for EUR for en dag nær fakturadatoen/,
    );
    expect(avtrykk(ws)).toEqual(for_);
    const offline = ['smb-sjekk', '910017810', '--data', ws, '--offline', '--orgform', 'AS', '--ansatte', '4'];
    const smbArgs = [...offline, '--omsetning', '2500000', '--balanse', '900000', '--selvstendig'];
    const s = await nh(smbArgs);
    expect(s.kode).toBe(2);
    expect(s.stderr).toMatch(/«eurNok\.kurs» i nh\.json er ikke fylt inn/);
    expect((await nh([...smbArgs, '--kurs', '11,5:2025-12-31'])).stderr).not.toMatch(/ikke fylt inn/);
  });

  it('nh sjekk lister det som ikke er fylt inn (exit 0: datasettene er gyldige)', async () => {
    const mappe = await nyMappe(['--arbeidsgiveravgift', '14,1', '--markedspris', '1 250']);
    const r = await nh(['sjekk', '--data', mappe]);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Ikke fylt inn i nh.json (3)');
    expect(r.stdout).toMatch(/eurNok\.kurs \(faktura, smb-sjekk \(uten --kurs\)\): EUR-kursen/);
    expect(r.stdout).not.toMatch(/arbeidsgiveravgiftSats|markedsprisPerTime/);
    const j = (await nh(['sjekk', '--data', mappe, '--json'])).json();
    expect(j.ikkeFyltInn.map((u: { felt: string }) => u.felt)).toEqual([
      'eurNok.kurs',
      'andreSosialeKostnaderProsent',
      'indirekteKostnaderPerAr',
    ]);
    expect((await nh(['sjekk', '--data', DEMO, '--json'])).json().ikkeFyltInn).toEqual([]);
  });
});

describe('nh init med satsene som flagg (skript)', () => {
  it('skriver verdiene som tall i nh.json, og timesats regner med dem', async () => {
    const mappe = await nyMappe([
      '--eur-kurs',
      '11,7525:30.12.2025',
      '--arbeidsgiveravgift',
      '14,1',
      '--andre-sosiale',
      '0',
      '--indirekte',
      '600 000',
      '--markedspris',
      '1250',
    ]);
    const c = lesConfig(mappe);
    expect(c).toMatchObject({
      eurNok: { kurs: 11.7525, dato: '30.12.2025', kilde: 'Norges Bank' },
      arbeidsgiveravgiftSats: 14.1,
      andreSosialeKostnaderProsent: 0,
      indirekteKostnaderPerAr: 600000,
      markedsprisPerTime: 1250,
    });
    writeFileSync(path.join(mappe, 'ansatte.csv'), ANSATTE);
    const t = await nh(['timesats', '--data', mappe, '--forhandsvis', '--json']);
    expect(t.kode, t.stderr).toBe(0);
    expect(t.json().forutsetninger).toMatchObject({ arbeidsgiveravgiftSats: 14.1, indirekteKostnaderPerAr: 600000 });
    expect(lesConfig(await nyMappe(['--eur-kurs', '11,75'])).eurNok).toEqual({
      kurs: 11.75,
      dato: '22.11.2026', // uten dato: kursen i dag (NH_DATO)
      kilde: 'Norges Bank',
    });
  });

  it('ugyldige flagg: alle feil samlet, med flagget og hva som var ventet; ingenting skrevet', async () => {
    const mappe = path.join(tomMappe(), 'feil');
    const r = await nh([
      'init',
      mappe,
      '--navn',
      'X AS',
      '--orgnr',
      '923609016',
      '--eur-kurs',
      '11603',
      '--arbeidsgiveravgift',
      '0,141',
      '--indirekte',
      'mange',
    ]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain(
      '--eur-kurs «11603»: 11603 er utenfor det som er rimelig for NOK per EUR (forventet 5–50).',
    );
    expect(r.stderr).toContain('--arbeidsgiveravgift «0,141»: 0,141 ser ut som en brøk');
    expect(r.stderr).toMatch(/--indirekte «mange»: ugyldig beløp/);
    expect(r.stderr).toMatch(/3 feil\. Ingenting er skrevet\./);
  });
});

describe('den ufylte formen i nh.json', () => {
  it.each([
    ['«FYLL INN» med små bokstaver', 'fyll inn senere'],
    ['tom tekst', ''],
    ['null', null],
    ['nøkkelen mangler', undefined],
  ])('%s er ufylt (ikke en feil i nh.json, men stopper timesats)', async (_navn, verdi) => {
    const ws = kopier(DEMO);
    const c = lesConfig(ws);
    if (verdi === undefined) delete c.indirekteKostnaderPerAr;
    else c.indirekteKostnaderPerAr = verdi;
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const r = await nh(['timesats', '--data', ws, '--forhandsvis']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(
      /^Feil: nh\.json, felt «indirekteKostnaderPerAr»: «indirekteKostnaderPerAr» i nh\.json er ikke fylt inn/,
    );
    expect((await nh(['frister', '--data', ws])).kode).toBe(0);
  });

  it('en verdi som ikke er «FYLL INN» valideres som før (feilmeldingen fra feltet, ikke «ugyldig union»)', async () => {
    const ws = kopier(DEMO);
    const c = lesConfig(ws);
    c.arbeidsgiveravgiftSats = 'fjorten';
    c.eurNok.kurs = 0.0862;
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const r = await nh(['sjekk', '--data', ws]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain('Feltet «arbeidsgiveravgiftSats» er ugyldig: forventet prosent mellom 0 og 100.');
    expect(r.stderr).toContain('Feltet «eurNok.kurs» er ugyldig: 0,0862 er utenfor det som er rimelig for NOK per EUR');
  });

  it('andreSosialeKostnaderProsent som mangler er fortsatt 0 (dokumentert standard); «FYLL INN» er ufylt', async () => {
    const ws = kopier(DEMO);
    const c = lesConfig(ws);
    delete c.andreSosialeKostnaderProsent;
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    expect((await nh(['timesats', '--data', ws, '--forhandsvis'])).kode).toBe(0);
  });
});
