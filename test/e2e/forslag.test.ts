/**
 * Issue 19 pkt. 4: forslag der brukeren skrev noe nær. En målbedrift ført med navn i timer får orgnr foreslått,
 * og like feil samles til én med radene; en ukjent overskrift får den nærmeste godtatte i ordene brukeren leser.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, kopier, nh } from '../hjelp.js';
import { malbedriftForslag, radliste } from '../../src/domain/kontroll/ukjente.js';

/** Demoen med Fjellbris Kafé og Bakeri AS ført med navn (eller en annen tekst) i stedet for orgnr i mai. */
function medMalbedrift(erstatning: string, maaned = '.05.2026'): string {
  const ws = kopier(DEMO);
  const fil = path.join(ws, 'timer.csv');
  const linjer = readFileSync(fil, 'utf8').split('\r\n');
  const ut = linjer.map((l) => (l.includes(maaned) ? l.replace(';945903333;', `;${erstatning};`) : l));
  writeFileSync(fil, ut.join('\r\n'));
  return ws;
}

describe('ukjent målbedrift i timer (issue 19 pkt. 4)', () => {
  it('navnet i stedet for orgnr: én feil for alle radene, med orgnr foreslått (nh sjekk og faktura)', async () => {
    const ws = medMalbedrift('Fjellbris Kafé og Bakeri AS');
    const s = await nh(['sjekk', '--data', ws]);
    expect(s.kode).toBe(2);
    const linjer = s.stderr.split('\n').filter((l) => l.includes('Ukjent målbedrift'));
    expect(linjer).toHaveLength(1);
    expect(linjer[0]).toMatch(
      /^Feil: timer\.csv, rad 1371, kolonne «malbedrift»: Ukjent målbedrift «Fjellbris Kafé og Bakeri AS» på \d+ rader \(rad 1371, 1427, 1459, .* … \(\d+ rader\)\)\. Det er navnet på målbedriften 945903333: skriv orgnr 945903333 i kolonnen malbedrift\./,
    );
    const f = await nh(['faktura', '--data', ws, '--periode', '2026-05', '--forhandsvis', '--json']);
    expect(f.kode).toBe(2);
    const feil = f.json().feil.filter((d: { kode: string }) => d.kode === 'ukjent-malbedrift');
    expect(feil).toHaveLength(1);
    expect(feil[0].melding).toContain('skriv orgnr 945903333');
  });

  it.each([
    ['945903334', ' Mente du 945903333 (Fjellbris Kafé og Bakeri AS)?'],
    ['Fjelbris Kafe og Bakeri', ' Mente du 945903333 (Fjellbris Kafé og Bakeri AS)?'],
    [
      'fjellbris kafé og bakeri as',
      ' Det er navnet på målbedriften 945903333: skriv orgnr 945903333 i kolonnen malbedrift.',
    ],
    ['Helt Annet Firma', ''],
    ['123', ''],
  ])('«%s» → forslag %j', (verdi, forslag) => {
    const mb = [
      { orgnr: '945903333', navn: 'Fjellbris Kafé og Bakeri AS' },
      { orgnr: '923609016', navn: 'Fjordlys Sjømat AS' },
    ];
    expect(malbedriftForslag(verdi, mb)).toBe(forslag);
  });

  it('radlisten: én rad, noen rader, mange rader', () => {
    const r = (n: number) => Array.from({ length: n }, (_, i) => ({ kilde: { fil: 'timer.csv', rad: i + 2 } }));
    expect(radliste(r(1))).toBe('rad 2');
    expect(radliste(r(3))).toBe('rad 2, 3 og 4');
    expect(radliste(r(29))).toBe('rad 2, 3, 4, 5, 6, 7, 8, 9 … (29 rader)');
  });

  it('én rad: ingen radliste; ukjent ansatt får nærmeste navn', async () => {
    const ws = kopier(DEMO);
    const fil = path.join(ws, 'timer.csv');
    const t = readFileSync(fil, 'utf8');
    writeFileSync(fil, t.replace('02.01.2026;Ingrid Fjellheim;', '02.01.2026;Ingrid Fjelheim;'));
    const r = await nh(['sjekk', '--data', ws]);
    expect(r.stderr).toContain(
      'Feil: timer.csv, rad 2, kolonne «ansatt»: Ukjent ansatt «Ingrid Fjelheim»: står ikke i ansatte og har derfor ingen timesats eller markedspris. Mente du «Ingrid Fjellheim»?',
    );
  });
});

describe('ukjent overskrift (issue 19 pkt. 4)', () => {
  it('får nærmeste godtatte overskrift i ordene malen bruker, og listen over dem', async () => {
    const ws = kopier(DEMO);
    writeFileSync(path.join(ws, 'ansatte.csv'), '\uFEFFNavn;Årslønnn;Stillingsprosen\nKari;650 000;80\n');
    const r = await nh(['sjekk', '--data', ws]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain(
      'ansatte.csv, rad 1, kolonne «Årslønnn»: Ukjent kolonne «Årslønnn». Mente du «Årslønn»?',
    );
    expect(r.stderr).toContain(
      'ansatte.csv, rad 1, kolonne «Stillingsprosen»: Ukjent kolonne «Stillingsprosen». Mente du «Stilling %»? Forventet: en av «Navn», «Årslønn», «Stilling %», «Sosiale kostnader %»',
    );
    expect(r.stderr).toContain('Mangler kolonnen «Årslønn».');
  });
});
