import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  andel,
  andelOpp,
  divRundBig,
  formatKroner,
  formatProsent,
  mulDivOpp,
  mulDivRund,
  PPM,
} from '../../src/domain/felles/penger.js';

describe('penger: heltall øre, avrunding halv opp', () => {
  it.each([
    [250, 1, 100, 3], // 2,5 → 3
    [249, 1, 100, 2],
    [-250, 1, 100, -3], // halv bort fra null, som Excels ROUND
    [1_000_000, 750_000, PPM, 750_000],
    [1, 1, 3, 0],
    [2, 1, 3, 1],
  ])('mulDivRund(%i, %i, %i) = %i', (a, t, n, forventet) => {
    expect(mulDivRund(a, t, n)).toBe(forventet);
  });

  it('avviser flyttall — penger regnes aldri i flyttallskroner', () => {
    expect(() => mulDivRund(1.5, 1, 1)).toThrow();
  });

  it('er eksakt også for store beløp (BigInt internt)', () => {
    expect(mulDivRund(9_000_000_000_000, 999_999, PPM)).toBe(8_999_991_000_000);
  });

  it('egenskap: andel(x, p) + andel(x, PPM − p) avviker høyst 1 øre fra x', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: PPM }), (x, p) => {
        expect(Math.abs(andel(x, p) + andel(x, PPM - p) - x)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('egenskap: divRundBig er nærmeste heltall (halv bort fra null)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (t, n) => {
          const q = divRundBig(t, n);
          const rest = t - q * n; // |rest| ≤ n/2
          expect(2n * (rest < 0n ? -rest : rest) <= n).toBe(true);
        },
      ),
    );
  });

  it('formaterer norsk', () => {
    expect(formatKroner(123456750)).toBe('1\u00a0234\u00a0567,50');
    expect(formatKroner(-5)).toBe('−0,05');
    expect(formatProsent(750_000)).toBe('75 %');
    expect(formatProsent(141_000)).toBe('14,1 %');
  });
});

describe('penger: rundet opp (issue 20 pkt. 12)', () => {
  it.each([
    [1_333, 250_000, 334], // 13,33 kr × 25 % = 3,3325 → 3,34
    [1_000_000, 250_000, 250_000], // eksakt: ingen opprunding
    [1, 1, 1],
    [0, 250_000, 0],
  ])('andelOpp(%i, %i) = %i', (ore, sats, forventet) => {
    expect(andelOpp(ore, sats)).toBe(forventet);
  });

  it('egenskap: andelOpp er den minste hele øre ≥ den eksakte andelen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: PPM }), (x, p) => {
        const opp = BigInt(andelOpp(x, p));
        const eksakt = BigInt(x) * BigInt(p);
        expect(opp * BigInt(PPM)).toBeGreaterThanOrEqual(eksakt);
        expect((opp - 1n) * BigInt(PPM)).toBeLessThan(eksakt === 0n ? 1n : eksakt);
      }),
    );
  });

  it('mulDivOpp runder mot +∞ også for negative tall (som matematisk tak)', () => {
    expect(mulDivOpp(-5, 1, 2)).toBe(-2);
    expect(mulDivOpp(5, 1, 2)).toBe(3);
    expect(mulDivOpp(5, 1, -2)).toBe(-2);
  });
});
