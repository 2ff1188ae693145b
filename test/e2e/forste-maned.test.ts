/**
 * Issue 19, «Done when»: den første måneden i en ny næringshage, slik en administrator gjør den. nh init (i et skript
 * med flagg, og i en pseudo-terminal med svar skrevet på norsk), malene fylt ut og lagret slik norsk Excel lagrer
 * CSV (Windows-1252, «;», CRLF, lesbare overskrifter, desimalkomma, dd.mm.åååå), nh sjekk, nh smb-sjekk for hver
 * målbedrift før avtalestart, og nh faktura for januar i starten av februar — med postene som skrives kontrollert:
 * SMB-postene, støtteregisteret (med kursen brukeren oppga, aldri en plassholder) og fakturagrunnlaget.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nh, tomMappe } from '../hjelp.js';
import { ENTER, HAR_SCRIPT, iTerminal } from '../terminal.js';

const HAGE = ['--navn', 'Testdal Næringshage AS', '--orgnr', '923 609 016', '--år', '2027'];
const SATSER = {
  '--eur-kurs': '11,7525:04.01.2027',
  '--arbeidsgiveravgift': '14,1',
  '--andre-sosiale': '2',
  '--indirekte': '450 000',
  '--markedspris': '1 200',
};
const MALBEDRIFTER = [
  { orgnr: '910017810', navn: 'Fjordkanten Bryggeri AS', start: '05.01.2027' },
  { orgnr: '974760673', navn: 'Nordlys Sømfabrikk AS', start: '11.01.2027' },
];

/** Overskriftene nh init skrev i malen (UTF-8 med BOM), slik Excel viser dem når malen åpnes. */
const malensOverskrifter = (mappe: string, datasett: string) =>
  readFileSync(path.join(mappe, `${datasett}.csv`), 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')[0]!
    .split(';');

/** «Lagre som CSV (semikolondelt)» i norsk Excel: Windows-1252, uten BOM, CRLF. */
function lagreSomExcel(mappe: string, datasett: string, rader: Record<string, string>[]): void {
  const hode = malensOverskrifter(mappe, datasett);
  const linjer = [hode.join(';'), ...rader.map((r) => hode.map((h) => r[h] ?? '').join(';'))];
  writeFileSync(path.join(mappe, `${datasett}.csv`), Buffer.from(`${linjer.join('\r\n')}\r\n`, 'latin1'));
}

function fyllUt(mappe: string): void {
  lagreSomExcel(mappe, 'ansatte', [
    { Navn: 'Åse Løvlie', Årslønn: '720 000', 'Stilling %': '100' },
    { Navn: 'Bjørn Ærø', Årslønn: '540 000', 'Stilling %': '80', 'Markedspris per time': '1 100' },
  ]);
  lagreSomExcel(
    mappe,
    'malbedrifter',
    MALBEDRIFTER.map((m) => ({
      Orgnr: m.orgnr,
      Navn: m.navn,
      Avtalestart: m.start,
      'Daglig leder': 'Kåre Ødegård',
      'Støtteintensitet %': '75',
      'Også tatt opp hos andre': 'nei',
    })),
  );
  const t = (dato: string, ansatt: string, mb: string, timer: string, aktivitet: string) => ({
    Dato: dato,
    Ansatt: ansatt,
    Målbedrift: mb,
    Timer: timer,
    Aktivitet: aktivitet,
  });
  lagreSomExcel(mappe, 'timer', [
    t('04.01.2027', 'Åse Løvlie', 'ADM', '3,5', 'Prosjektledelse'),
    t('05.01.2027', 'Åse Løvlie', '910017810', '2,5', 'Oppstartsmøte'),
    t('12.01.2027', 'Bjørn Ærø', '910017810', '4', 'Markedsplan'),
    t('13.01.2027', 'Bjørn Ærø', '974760673', '1,75', 'Oppstartsmøte'),
    t('28.01.2027', 'Åse Løvlie', '974760673', '6', 'Forretningsmodell'),
  ]);
  lagreSomExcel(mappe, 'tilskudd', [
    { År: '2027', Type: 'innovasjon', Giver: 'Siva', Beløp: '1 200 000', Dato: '15.01.2027' },
    { År: '2027', Type: 'administrasjon', Giver: 'Siva', Beløp: '400 000', Dato: '15.01.2027' },
  ]);
}

describe('første måned i en ny næringshage (issue 19, «Done when»)', () => {
  it('init med flagg → Excel-CSV → sjekk → smb-sjekk → faktura for januar, med postene kontrollert', async () => {
    const mappe = path.join(tomMappe(), 'Testdal næringshage');
    const init = await nh(['init', mappe, ...HAGE, ...Object.entries(SATSER).flat(), '--json']);
    expect(init.kode, init.stderr).toBe(0);
    expect(init.json().ikkeFyltInn).toEqual([]);
    expect(malensOverskrifter(mappe, 'ansatte')).toContain('Årslønn');

    fyllUt(mappe);
    expect(readFileSync(path.join(mappe, 'ansatte.csv'))[0]).not.toBe(0xef); // ingen BOM: Windows-1252
    const sjekk = await nh(['sjekk', '--data', mappe, '--json']);
    expect(sjekk.kode, sjekk.stderr).toBe(0);
    const rader = Object.fromEntries(
      sjekk.json().datasett.map((d: { datasett: string; rader: number }) => [d.datasett, d.rader]),
    );
    expect(rader).toMatchObject({ ansatte: 2, malbedrifter: 2, timer: 5, tilskudd: 2 });
    expect(sjekk.json().ikkeFyltInn).toEqual([]);

    // SMB-sjekk før avtalestart (vedlegg 3 pkt. 2), uten nett: tallene oppgis som flagg.
    for (const m of MALBEDRIFTER) {
      const s = await nh(
        [
          'smb-sjekk',
          m.orgnr,
          '--data',
          mappe,
          '--offline',
          '--orgform',
          'AS',
          '--ansatte',
          '3',
          '--omsetning',
          '1 800 000',
          '--balanse',
          '650 000',
          '--innskutt-ek',
          '100 000',
          '--opptjent-ek',
          '250 000',
          '--selvstendig',
          '--konkurs-avvikling',
          'nei',
          '--redningsstøtte',
          'nei',
          '--json',
        ],
        { env: { NH_DATO: '2027-01-04' } },
      );
      // Issue 19 pkt. 8: uten nett kan hvert kriterium oppgis, så sjekken når en endelig dom.
      expect(s.kode, s.stderr).toBe(0);
      expect(s.json()).toMatchObject({ dom: 'KAN TAS OPP', mangler: [] });
      const post = JSON.parse(readFileSync(path.join(mappe, 'smb-sjekk', `${m.orgnr}-2027-01-04.json`), 'utf8'));
      expect(post).toMatchObject({ orgnr: m.orgnr, dato: '2027-01-04', dom: s.json().dom });
      // Kursen i posten er den brukeren oppga i nh init, ikke en plassholder.
      expect(post.kurs).toMatchObject({ kurs: 11.7525, dato: '2027-01-04' });
    }

    // Januar faktureres 3. februar (innen de første 15 virkedagene).
    const f = await nh(['faktura', '--data', mappe, '--periode', '2027-01', '--json'], {
      env: { NH_DATO: '2027-02-03' },
    });
    expect(f.kode, f.stderr).toBe(0);
    const j = f.json();
    expect(j.status).toBe('fakturert');
    // Kursen fra nh init er fra januar: ingen advarsel om gammel kurs (issue 20 pkt. 14).
    const koder = j.advarsler.map((a: { kode: string }) => a.kode);
    expect(koder).not.toContain('kurs-gammel');
    // SMB-sjekkene før avtalestart holder på fakturadatoen (vedlegg 3 pkt. 2): ingen SMB-advarsel.
    expect(koder.filter((k: string) => k.startsWith('smb'))).toEqual([]);
    expect(j.malbedrifter.map((m: { smbSjekk: string }) => m.smbSjekk)).toEqual([
      'KAN TAS OPP (04.01.2027)',
      'KAN TAS OPP (04.01.2027)',
    ]);
    expect(j.disponibelt).toMatchObject({ ar: 2027, tilskudd: 1_200_000, bruktFor: 0 });
    // 6,5 t × 1 200 (Åse 2,5 og Bjørn 4 til hans 1 100): Fjordkanten 2,5 × 1 200 + 4 × 1 100 = 7 400 kr markedsverdi.
    const fjord = j.malbedrifter.find((m: { orgnr: string }) => m.orgnr === '910017810');
    expect(fjord).toMatchObject({ markedsverdi: 7400, stotte: 5550, egenandel: 1850, mva: 462.5 });
    const nordlys = j.malbedrifter.find((m: { orgnr: string }) => m.orgnr === '974760673');
    expect(nordlys).toMatchObject({ markedsverdi: 1.75 * 1100 + 6 * 1200 });

    // Støtteregisteret: én linje per målbedrift, med kursen fra nh init og støtten i euro regnet med den.
    const register = readFileSync(path.join(mappe, 'stotteregister.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const hode = register[0]!.split(';');
    const linjer = register
      .slice(1)
      .filter(Boolean)
      .map((l) => Object.fromEntries(l.split(';').map((v, i) => [hode[i], v])));
    expect(linjer).toHaveLength(2);
    expect(linjer.map((l) => l.orgnr).sort()).toEqual(['910017810', '974760673']);
    for (const l of linjer)
      expect(l).toMatchObject({ periode: '2027M01', eurNokKurs: '11,7525', kursdato: '04.01.2027' });
    expect(linjer.find((l) => l.orgnr === '910017810')).toMatchObject({ stotte: '5550,00', stotteEur: '472,24' });
    expect(existsSync(path.join(mappe, 'faktura', '2027-01', 'fakturagrunnlag.csv'))).toBe(true);
    expect(readdirSync(path.join(mappe, 'smb-sjekk')).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  }, 60_000);

  it.skipIf(!HAR_SCRIPT)(
    'init i en pseudo-terminal med svar på norsk gir samme nh.json som flaggene',
    async () => {
      const medFlagg = path.join(tomMappe(), 'flagg');
      expect((await nh(['init', medFlagg, ...HAGE, ...Object.entries(SATSER).flat()])).kode).toBe(0);
      const iTerm = path.join(tomMappe(), 'terminal');
      const r = await iTerminal(
        ['init', iTerm, '--år', '2027'],
        [
          { vent: 'Næringshagens navn', svar: `Testdal Næringshage AS${ENTER}` },
          { vent: 'Næringshagens organisasjonsnummer', svar: `923 609 016${ENTER}` },
          { vent: 'EUR-kursen', svar: `11,7525${ENTER}` },
          { vent: 'Datoen kursen gjelder', svar: `${'\x7f'.repeat(10)}04.01.2027${ENTER}` },
          { vent: 'Arbeidsgiveravgift', svar: `14,1${ENTER}` },
          { vent: 'Andre sosiale kostnader', svar: `2${ENTER}` },
          { vent: 'Indirekte kostnader', svar: `450 000${ENTER}` },
          { vent: 'Markedspris per time', svar: `1 200${ENTER}` },
        ],
      );
      expect(r.kode, r.ut).toBe(0);
      expect(r.ut).not.toContain('Ikke fylt inn');
      const les = (m: string) => JSON.parse(readFileSync(path.join(m, 'nh.json'), 'utf8'));
      expect(les(iTerm)).toEqual(les(medFlagg));
    },
    60_000,
  );
});
