/**
 * Issue 19 pkt. 2 i en ekte terminal: nh init spør om satsene med hvor de finnes, validerer svaret (et ugyldig
 * svar spørres om igjen, med grunnen), tar et tomt svar som «fyll inn senere», og skriver det brukeren svarte.
 * Svarene skrives som en norsk administrator skriver dem («14,1», «600 000», «1 250»).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tomMappe } from '../hjelp.js';
import { ENTER, HAR_SCRIPT, iTerminal } from '../terminal.js';

const SLETT = (n: number) => '\x7f'.repeat(n);

describe.skipIf(!HAR_SCRIPT)('nh init på en TTY (issue 19 pkt. 2)', () => {
  it('spør om hver sats med hvor den finnes; ugyldig svar spørres om igjen; tomt svar = FYLL INN', async () => {
    const mappe = path.join(tomMappe(), 'ny-hage');
    const r = await iTerminal(
      ['init', mappe, '--navn', 'Testdal Næringshage AS', '--orgnr', '923609016', '--år', '2026'],
      [
        { vent: 'Norges Banks valutakurs for EUR for en dag nær fakturadatoen', svar: `11,7525${ENTER}` },
        { vent: 'Datoen kursen gjelder (dd.mm.åååå)? (22.11.2026)', svar: `${SLETT(10)}30.12.2025${ENTER}` },
        { vent: 'skatteetaten.no', svar: `fjorten${ENTER}` },
        { vent: 'forventet prosent mellom 0 og 100', svar: `${SLETT(7)}14,1${ENTER}` },
        { vent: 'Andre sosiale kostnader', svar: ENTER },
        { vent: 'Indirekte kostnader per år', svar: `600 000${ENTER}` },
        { vent: 'Markedspris per time', svar: `1 250${ENTER}` },
      ],
    );
    expect(r.kode, r.ut).toBe(0);
    expect(r.ut).toContain('Tomt svar = fyll inn i nh.json senere (--arbeidsgiveravgift i skript)');
    const c = JSON.parse(readFileSync(path.join(mappe, 'nh.json'), 'utf8'));
    expect(c).toMatchObject({
      eurNok: { kurs: 11.7525, dato: '30.12.2025', kilde: 'Norges Bank' },
      arbeidsgiveravgiftSats: 14.1,
      indirekteKostnaderPerAr: 600000,
      markedsprisPerTime: 1250,
    });
    expect(c.andreSosialeKostnaderProsent).toMatch(/^FYLL INN /);
    expect(r.ut).toMatch(/Ikke fylt inn i nh\.json.*\n\s+andreSosialeKostnaderProsent \(timesats, budsjett\)/);
  }, 60_000);
});
