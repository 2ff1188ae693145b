/**
 * Issue 19 pkt. 9: flagg slik brukerne skriver dem. Hjelpen viser --år, --halvår, --forhåndsvis, --måltall og
 * --redningsstøtte; begge stavemåtene godtas; en feil siterer det brukeren skrev.
 */
import { describe, expect, it } from 'vitest';
import { nh } from '../hjelp.js';

const DEMO = ['--data', 'fixtures/demo'];

describe('flagg med norsk stavemåte (issue 19 pkt. 9)', () => {
  it.each([
    ['budsjett', ['--år <år>', '--forhåndsvis']],
    ['timesats', ['--år <år>', '--forhåndsvis']],
    ['årsrapport', ['--måltall <år>', '--år <år>', '--halvår', '--forhåndsvis']],
    ['faktura', ['--forhåndsvis']],
    ['kts-plan', ['--forhåndsvis']],
    ['init', ['--år <år>']],
    ['frister', ['--år <år>']],
    ['smb-sjekk', ['--redningsstøtte <ja|nei>']],
  ])('nh %s --help viser den norske stavemåten, aldri ASCII-formen', async (kommando, norske) => {
    const r = await nh([kommando, '--help']);
    expect(r.kode).toBe(0);
    for (const f of norske) expect(r.stdout).toContain(f);
    expect(r.stdout).not.toMatch(/--(ar|halvar|forhandsvis|maltall|redningsstotte)(?![\w-])/);
  });

  it('hjelpens kolonner står (de norske navnene er like lange)', async () => {
    const r = await nh(['budsjett', '--help']);
    const kolonne = (flagg: string) => {
      const linje = r.stdout.split('\n').find((l) => l.trimStart().startsWith(flagg))!;
      return linje.length - linje.slice(linje.indexOf(flagg) + flagg.length).trimStart().length;
    };
    expect(kolonne('--år <år>')).toBe(kolonne('--overskriv'));
    expect(kolonne('--forhåndsvis')).toBe(kolonne('--overskriv'));
  });

  it('begge stavemåtene gir samme resultat, også --år=2027', async () => {
    const norsk = await nh(['budsjett', ...DEMO, '--år', '2027', '--forhåndsvis', '--json']);
    const ascii = await nh(['budsjett', ...DEMO, '--ar', '2027', '--forhandsvis', '--json']);
    const likhet = await nh(['budsjett', ...DEMO, '--år=2027', '--forhåndsvis', '--json']);
    expect(norsk.kode, norsk.stderr).toBe(0);
    expect(ascii.stdout).toBe(norsk.stdout);
    expect(likhet.stdout).toBe(norsk.stdout);
  });

  it.each([
    [['timesats', ...DEMO, '--år', '20x6'], 'Feil: --år «20x6» er ikke et år i programperioden.'],
    [['timesats', ...DEMO, '--ar', '20x6'], 'Feil: --ar «20x6» er ikke et år i programperioden.'],
    [['budsjett', ...DEMO, '--år'], 'Feil: valget «--år <år>» mangler verdi.'],
    [['budsjett', ...DEMO, '--ar'], 'Feil: valget «--ar <år>» mangler verdi.'],
    [['frister', '--forhåndsvis'], 'Feil: ukjent valg «--forhåndsvis». Se --help.'],
    [['frister', '--forhandsvis'], 'Feil: ukjent valg «--forhandsvis». Se --help.'],
    [['årsrapport', ...DEMO, '--måltall', 'neste'], 'Feil: --måltall «neste» er ikke et år i programperioden.'],
    [['årsrapport', ...DEMO, '--maltall', 'neste'], 'Feil: --maltall «neste» er ikke et år i programperioden.'],
  ])('feilen siterer flagget slik det ble skrevet: %j', async (args, melding) => {
    const r = await nh(args);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain(melding);
  });

  it('også i --json', async () => {
    const r = await nh(['timesats', ...DEMO, '--ar', '20x6', '--json']);
    expect(r.json().feil[0].melding).toBe('--ar «20x6» er ikke et år i programperioden.');
  });
});
