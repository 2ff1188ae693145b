/** Issue 16 pkt. 11: måneder i CSV som norsk Excel lar være, og det Excel gjør av dem. */
import { describe, expect, it } from 'vitest';
import { maanedICsv, tolkMaaned, type Maaned } from '../../src/domain/felles/dato.js';
import { maaned } from '../../src/domain/felles/felter.js';
import { excelMaanedVakt } from '../../src/io/les/maaned-i-csv.js';

describe('maanedICsv / tolkMaaned', () => {
  it('nh skriver «2026M10» og leser det tilbake uten advarsel', () => {
    expect(maanedICsv('2026-10' as Maaned)).toBe('2026M10');
    expect(maanedICsv('2024-03' as Maaned)).toBe('2024M03');
    expect(tolkMaaned('2026M10')).toEqual({ maaned: '2026-10', fraExcel: false });
    expect(tolkMaaned('2026-10')).toEqual({ maaned: '2026-10', fraExcel: false });
  });

  it.each([
    ['okt.26', '2026-10'],
    ['okt. 2026', '2026-10'],
    ['oktober 2026', '2026-10'],
    ['mars 2024', '2024-03'],
    ['mar.24', '2024-03'],
    ['sep.26', '2026-09'],
    ['des-26', '2026-12'],
    ['10.2026', '2026-10'],
    ['01.10.2026', '2026-10'],
    ['2026-10-01', '2026-10'],
    ['46296', '2026-10'], // Excel-serienummeret for 01.10.2026
  ])('det Excel lager av en måned: «%s» → %s (fraExcel)', (raa, forventet) => {
    expect(tolkMaaned(raa)).toEqual({ maaned: forventet, fraExcel: true });
  });

  it('en Date eller et serienummer fra xlsx', () => {
    expect(tolkMaaned(new Date(Date.UTC(2026, 9, 1)))).toEqual({ maaned: '2026-10', fraExcel: true });
    expect(tolkMaaned(46296)).toEqual({ maaned: '2026-10', fraExcel: true });
  });

  it.each(['2026-13', '2026M0', '15.10.2026', 'okto.26x', 'foo 2026', '2026', '', '2026-1'])(
    'ikke en måned: «%s»',
    (raa) => {
      expect(tolkMaaned(raa)).toBeNull();
    },
  );

  it('feltet maaned() gir åååå-mm for alle formene', () => {
    expect(maaned().parse('2026M10')).toBe('2026-10');
    expect(maaned().parse('okt.26')).toBe('2026-10');
    expect(maaned().safeParse('2026-13').success).toBe(false);
  });

  it('vakten samler det Excel har endret, med eksempler', () => {
    const v = excelMaanedVakt('periode');
    for (const p of ['2026M09', 'okt.26', '01.10.2026', '2026-08'])
      expect(v.filter((n) => (n === 'periode' ? p : null))).toBe(true);
    const [a, ...resten] = v.advarsler('stotteregister.csv');
    expect(resten).toEqual([]);
    expect(a!.kode).toBe('maaned-endret-av-excel');
    expect(a!.melding).toMatch(/^2 verdier i kolonnen «periode»/);
    expect(a!.melding).toContain('«okt.26» → 2026-10, «01.10.2026» → 2026-10');
    expect(excelMaanedVakt('periode').advarsler('x.csv')).toEqual([]);
  });
});
