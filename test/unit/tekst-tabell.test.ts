/** Issue 16 pkt. 14: terminaltabeller tilpasset bredden — tall brytes eller kortes aldri. */
import { describe, expect, it } from 'vitest';
import { kort, tilpassTabell } from '../../src/cli/tekst-tabell.js';

const HODER = [
  'Orgnr',
  'Målbedrift',
  'Timer',
  'Markedsverdi',
  'Støtte',
  'Egenandel',
  'Mva',
  'Å betale',
  'Støtte 3 år (EUR)',
];
const HOYRE = [false, false, true, true, true, true, true, true, true];
const RADER = [
  [
    '914947758',
    'Hamrebakken Fjøsmat AS',
    '12,25',
    '15 500,00',
    '11 624,99',
    '3 875,01',
    '968,76',
    '4 843,77',
    '1 001,85',
  ],
  [
    '923609016',
    'Vestlandske Sjømatprodusenter og Fiskeoppdrett AS',
    '120,50',
    '1 150 500,00',
    '862 875,00',
    '287 625,00',
    '71 906,25',
    '359 531,25',
    '74 401,55',
  ],
  ['915000002', 'Alfa AS', '1,00', '1 000,00', '750,00', '250,00', '62,50', '312,50', '64,66'],
];
// Tall og nummer (orgnr) står alltid hele.
const TALL = [...RADER.flatMap((r) => r.filter((_, i) => HOYRE[i])), ...RADER.map((r) => r[0]!)];

function sjekk(tekst: string, bredde: number): void {
  for (const l of tekst.split('\n')) expect(l.length, `«${l}»`).toBeLessThanOrEqual(bredde);
  // Hvert tall står helt på én linje, med mellomrom (eller linjestart/-slutt) rundt.
  for (const t of TALL)
    expect(
      tekst.split('\n').some((l) => new RegExp(`(^|\\s)${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`).test(l)),
      t,
    ).toBe(true);
}

describe('tilpassTabell', () => {
  it('uten bredde (pipe) er tabellen uendret og bred', () => {
    const t = tilpassTabell(HODER, RADER, HOYRE);
    expect(Math.max(...t.split('\n').map((l) => l.length))).toBeGreaterThan(140);
    expect(t).toContain('Vestlandske Sjømatprodusenter og Fiskeoppdrett AS');
  });

  it('120 kolonner: navnet kortes med «…», tallene står hele', () => {
    const t = tilpassTabell(HODER, RADER, HOYRE, { bredde: 120 });
    sjekk(t, 120);
    expect(t).toContain('…');
    expect(t).toContain('Alfa AS');
    expect(t).toMatch(/Vestlandske Sjømat.*…/);
    expect(t.split('\n')).toHaveLength(2 + RADER.length);
  });

  it('80 kolonner: slipper de merkede kolonnene før noe annet', () => {
    const t = tilpassTabell(
      HODER,
      RADER.map((r) => r.map((c) => c)),
      HOYRE,
      { bredde: 80, slipp: [0, 6, 8] },
    );
    for (const l of t.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
    expect(t).not.toContain('Orgnr');
    expect(t).toContain('Å betale');
    expect(t).toContain('359 531,25');
  });

  it('80 kolonner uten kolonner å slippe: én blokk per rad', () => {
    const t = tilpassTabell(HODER, RADER, HOYRE, { bredde: 80 });
    sjekk(t, 80);
    expect(t).toMatch(/^914947758 {2}Hamrebakken Fjøsmat AS$/m);
    expect(t).toMatch(/^ {2}Markedsverdi +1 150 500,00$/m);
  });

  it('bredde under 80 regnes som 80', () => {
    sjekk(tilpassTabell(HODER, RADER, HOYRE, { bredde: 40 }), 80);
  });

  it('kort(): «…» til slutt, fargekoder tas bort når teksten kortes', () => {
    expect(kort('Vestlandske Sjømat AS', 10)).toBe('Vestlands…');
    expect(kort('\x1b[31mrød tekst som er lang\x1b[39m', 8)).toBe('rød tek…');
    expect(kort('kort', 10)).toBe('kort');
  });
});
