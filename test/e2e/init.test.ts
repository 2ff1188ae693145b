import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, kopier, lesArk, nh, tomMappe } from '../hjelp.js';

describe('nh init', () => {
  it('lager nh.json og tomme CSV-datasett med BOM og semikolon, og nekter å overskrive', async () => {
    const mappe = path.join(tomMappe(), 'Ny næringshage');
    const r = await nh(['init', mappe, '--navn', 'Testdal Næringshage AS', '--orgnr', '923 609 016', '--ar', '2027']);
    expect(r.kode, r.stderr).toBe(0);
    const config = JSON.parse(readFileSync(path.join(mappe, 'nh.json'), 'utf8'));
    expect(config).toMatchObject({
      ar: 2027,
      naeringshage: { orgnr: '923609016' },
      timerPerArsverk: 1695,
      stotteintensitet: 75,
      mvaSats: 25,
    });
    const timer = readFileSync(path.join(mappe, 'timer.csv'), 'utf8');
    expect(timer.startsWith('\uFEFFDato;Ansatt;Målbedrift;Timer')).toBe(true);
    // Tom arbeidsmappe er gyldig for nh sjekk
    expect((await nh(['sjekk', '--data', mappe])).kode).toBe(0);
    const igjen = await nh(['init', mappe, '--navn', 'X', '--orgnr', '923609016']);
    expect(igjen.kode).toBe(2);
    expect(igjen.stderr).toMatch(/finnes allerede en arbeidsmappe/);
  });

  it('--xlsx lager Excel-maler med overskrifter', async () => {
    const mappe = path.join(tomMappe(), 'x');
    expect((await nh(['init', mappe, '--xlsx', '--navn', 'X AS', '--orgnr', '923609016'])).kode).toBe(0);
    expect(existsSync(path.join(mappe, 'ansatte.xlsx'))).toBe(true);
    const rader = await lesArk(path.join(mappe, 'malbedrifter.xlsx'));
    expect(rader[0]!.slice(0, 3)).toEqual(['Orgnr', 'Navn', 'Avtalestart']);
  });

  it('uten navn i et skript: tydelig feil (exit 2), ingen spørsmål', async () => {
    const r = await nh(['init', path.join(tomMappe(), 'y')]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/Mangler verdi: Næringshagens navn/);
  });

  it('ugyldig orgnr avvises', async () => {
    const r = await nh(['init', path.join(tomMappe(), 'z'), '--navn', 'X', '--orgnr', '923609017']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/kontrollsiffer/);
  });
});

describe('nh (globalt)', () => {
  it('--help og --version på norsk, exit 0; ukjent kommando exit 2', async () => {
    const h = await nh(['--help']);
    expect(h.kode).toBe(0);
    expect(h.stdout).toMatch(/Bruk: nh/);
    expect(h.stdout).toMatch(/Kommandoer:/);
    expect((await nh(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const u = await nh(['finnesikke']);
    expect(u.kode).toBe(2);
    expect(u.stderr).toMatch(/ukjent kommando/);
  });
});

describe('farger', () => {
  it('NO_COLOR slår av farger (også når FORCE_COLOR er satt); uten NO_COLOR blir det farger', async () => {
    const uten = await nh(['timesats', '--data', 'fixtures/mini', '--forhandsvis'], {
      env: { NO_COLOR: '1', FORCE_COLOR: '1' },
    });
    expect(uten.kode).toBe(0);
    expect(uten.stdout).not.toMatch(/\u001b\[/);
    const med = await nh(['timesats', '--data', 'fixtures/mini', '--forhandsvis'], {
      env: { NO_COLOR: undefined, FORCE_COLOR: '1' },
    });
    expect(med.stdout).toMatch(/\u001b\[/);
  });
});

describe('nh init avviser et navn de andre kommandoene ikke godtar (issue 11 pkt. 20)', () => {
  it.each([
    [
      '',
      'Feil: kommandolinjen, valg «--navn»: Ugyldig navn på næringshagen: navnet er tomt. Verdi: «». Forventet: næringshagens navn, f.eks. «Fjellbygda Næringshage AS».\n1 feil. Ingenting er skrevet.\n',
    ],
    [
      'Fjell\u001b[2J',
      'Feil: kommandolinjen, valg «--navn»: Ugyldig navn på næringshagen: navnet har linjeskift eller kontrolltegn. Verdi: «Fjell␛[2J». Forventet: næringshagens navn, f.eks. «Fjellbygda Næringshage AS».\n1 feil. Ingenting er skrevet.\n',
    ],
  ])('--navn %j: exit 2, hele meldingen, ingenting skrevet', async (navn, melding) => {
    const mappe = path.join(tomMappe(), 'n');
    const r = await nh(['init', mappe, '--navn', navn, '--orgnr', '923609016']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toBe(melding);
    expect(existsSync(path.join(mappe, 'nh.json'))).toBe(false);
  });
});

/**
 * Issue 11 pkt. 1: hvert valgfrie felt i nh.json gir samme resultat når det mangler som når standardverdien
 * (docs/datasett.md) står der — gjennom en ekte kjøring av kommandoen som bruker feltet.
 */
describe('standardverdiene i nh.json gjennom en ekte kjøring', () => {
  const STANDARD: Record<string, unknown> = {
    versjon: 1,
    stotteintensitet: 75,
    mvaSats: 25,
    adminKoder: ['ADM'],
    andreSosialeKostnaderProsent: 0,
    timerPerArsverk: 1695,
    kolonner: {},
    ignorerKolonner: {},
  };
  const KOMMANDO: Record<string, string[]> = {
    faktura: ['faktura', '--periode', '2026-10', '--forhandsvis', '--json'],
    timesats: ['timesats', '--forhandsvis', '--json'],
  };
  const FELT: [string, keyof typeof KOMMANDO][] = [
    ['versjon', 'faktura'],
    ['stotteintensitet', 'faktura'],
    ['mvaSats', 'faktura'],
    ['adminKoder', 'faktura'],
    ['andreSosialeKostnaderProsent', 'timesats'],
    ['timerPerArsverk', 'timesats'],
    ['kolonner', 'timesats'],
    ['ignorerKolonner', 'timesats'],
  ];

  async function kjorMed(kommando: keyof typeof KOMMANDO, endre: (c: Record<string, unknown>) => void) {
    const ws = kopier(DEMO);
    const c = JSON.parse(readFileSync(path.join(ws, 'nh.json'), 'utf8')) as Record<string, unknown>;
    Object.assign(c, STANDARD);
    endre(c);
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const r = await nh([...KOMMANDO[kommando]!, '--data', ws]);
    expect(r.kode, r.stderr).toBe(0);
    return r.json();
  }

  const fasit: Record<string, Promise<unknown>> = {};
  const medStandard = (k: keyof typeof KOMMANDO) => (fasit[k] ??= kjorMed(k, () => {}));

  // Mva regnes per faktura (issue 16 pkt. 12), så demoens oktober gir 19 189,11 kr (per linje var det 19 189,24).
  it('demoens oktober med mva og støtteintensitet utelatt: mva 19 189,11 kr (ikke 1,92)', async () => {
    const j = await kjorMed('faktura', (c) => {
      delete c.mvaSats;
      delete c.stotteintensitet;
    });
    expect(j.totalt.mva).toBe(19189.11);
    expect(j.forutsetninger).toMatchObject(
      ((await medStandard('faktura')) as { forutsetninger: object }).forutsetninger,
    );
  });

  it.each(FELT)('%s utelatt = standardverdien (%s)', async (felt, kommando) => {
    const uten = await kjorMed(kommando, (c) => {
      delete c[felt];
    });
    expect(uten).toEqual(await medStandard(kommando));
  });
});

describe('hjelpeteksten er norsk (issue 11 pkt. 18)', () => {
  it('nh init --help viser ikke commanders engelske «(default: ".")»', async () => {
    const r = await nh(['init', '--help']);
    expect(r.kode).toBe(0);
    // Hjelpen brytes etter terminalbredden: sammenlign uten linjeskift.
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('mappen som skal lages (standard: gjeldende mappe)');
    expect(r.stdout).not.toContain('default');
  });
});

describe('nh help <ukjent kommando> (issue 11 pkt. 14)', () => {
  it('«nh help fakture» er en bruksfeil med forslag, også som JSON — ikke hovedhjelpen med exit 0', async () => {
    const r = await nh(['help', 'fakture']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toBe('Feil: ukjent kommando «fakture». Se nh --help.\nMente du «nh faktura»?\n');
    const j = await nh(['help', 'fakture', '--json']);
    expect(j.json().feil[0].melding).toBe('ukjent kommando «fakture». Se nh --help. Mente du «faktura»?');
    expect((await nh(['help', 'faktura'])).kode).toBe(0);
    expect((await nh(['help', 'årsrapport'])).kode).toBe(0);
  });
});
