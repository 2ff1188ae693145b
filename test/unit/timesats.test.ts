import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  beregnTimesats,
  beregnTimesatser,
  hvemBinder,
  TAK_KRONER,
  type TimesatsParametre,
} from '../../src/domain/timesats/timesats.js';

const P: TimesatsParametre = {
  arbeidsgiveravgiftSats: 141_000, // 14,1 %
  andreSosialeKostnaderProsent: 120_000, // 12 %
  indirekteKostnaderPerAr: 60_000_000, // 600 000 kr
  timerPerArsverk: 1695,
};
const kr = (k: number) => Math.round(k * 100);

describe('timesats — programveileder 10.4 og vedlegg 3 pkt. 4.2', () => {
  it('10.4: beregnet sats = (årslønn + sosiale + indirekte) / 1 695, avrundet til øre', () => {
    const t = beregnTimesats({ navn: 'A', arslonn: kr(500_000) }, P, kr(100_000));
    expect(t.arslonnFulltid).toBe(kr(500_000));
    expect(t.sosialeKostnader).toBe(kr(130_500)); // 26,1 %
    expect(t.totalKostnad).toBe(kr(730_500));
    expect(t.beregnet).toBe(Math.round(73_050_000 / 1695)); // 430,97 kr
    expect(t.beregnet).toBe(43_097);
    // 1,2 ‰ av 500 000 = 600 kr binder (lavere enn beregnet 430,97? nei: beregnet er lavest)
    expect(t.takPromille).toBe(kr(600));
    expect(t.godkjent).toBe(43_097);
    expect(t.binder).toBe('beregnet');
  });

  it('10.4: taket 1,2 ‰ av nominell årslønn binder når beregnet sats er høyere', () => {
    // Lav lønn, store indirekte kostnader: beregnet > 1,2 ‰
    const t = beregnTimesats({ navn: 'B', arslonn: kr(450_000) }, P, kr(400_000));
    expect(t.beregnet).toBeGreaterThan(t.takPromille);
    expect(t.takPromille).toBe(kr(540));
    expect(t.godkjent).toBe(kr(540));
    expect(t.binder).toBe('promille');
  });

  it('10.4: taket 1 100 kr binder for lønn over 916 667 kr', () => {
    const t = beregnTimesats({ navn: 'C', arslonn: kr(1_200_000) }, P, kr(400_000)); // beregnet 1 128,73 kr
    expect(t.takPromille).toBe(kr(1_440));
    expect(t.godkjent).toBe(TAK_KRONER);
    expect(t.binder).toBe('kroner');
  });

  it('10.4: grensen 916 667 kr — «bare over 916 667 kr er 1,2 ‰ mer enn 1 100 kr»', () => {
    // Stor indirekte andel så begge tak ligger under beregnet sats.
    const ved = (lonn: number) => beregnTimesats({ navn: 'D', arslonn: lonn }, P, kr(900_000));
    expect(ved(kr(916_666)).binder).toBe('promille'); // 1 099,9992 kr < 1 100
    expect(ved(kr(916_666)).godkjent).toBe(kr(1_100)); // avrundet til øre
    expect(ved(kr(916_667)).binder).toBe('kroner'); // 1 100,0004 kr > 1 100
    expect(ved(kr(916_667)).godkjent).toBe(kr(1_100));
    expect(ved(kr(916_000)).godkjent).toBe(kr(1_099.2));
    expect(ved(kr(917_000)).godkjent).toBe(kr(1_100));
  });

  it('10.4: deltid omregnes til heltid før både beregning og 1,2 ‰-tak', () => {
    const t = beregnTimesats({ navn: 'E', arslonn: kr(390_000), stillingsprosent: 600_000 }, P, kr(100_000));
    expect(t.arslonnFulltid).toBe(kr(650_000));
    expect(t.takPromille).toBe(kr(780));
    const heltid = beregnTimesats({ navn: 'F', arslonn: kr(650_000) }, P, kr(100_000));
    expect(t.beregnet).toBe(heltid.beregnet);
  });

  it('indirekte kostnader fordeles per årsverk; personlig overstyring erstatter andelen', () => {
    const satser = beregnTimesatser(
      [
        { navn: 'A', arslonn: kr(600_000) },
        { navn: 'B', arslonn: kr(300_000), stillingsprosent: 500_000 },
        { navn: 'C', arslonn: kr(700_000), indirekteKostnader: kr(50_000) },
      ],
      P,
    );
    // 600 000 kr / 2,5 årsverk = 240 000 kr per heltid
    expect(satser[0]!.indirekteAndel).toBe(kr(240_000));
    expect(satser[1]!.indirekteAndel).toBe(kr(240_000));
    expect(satser[2]!.indirekteAndel).toBe(kr(50_000));
    expect(satser[2]!.indirekteOverstyrt).toBe(true);
  });

  it('personlig sats for sosiale kostnader overstyrer nh.json', () => {
    const t = beregnTimesats({ navn: 'G', arslonn: kr(500_000), sosialeKostnaderProsent: 300_000 }, P, 0);
    expect(t.sosialeKostnader).toBe(kr(150_000));
    expect(t.sosialeOverstyrt).toBe(true);
  });

  it('egenskap: godkjent ≤ 1 100 kr, ≤ 1,2 ‰ av heltidslønn, ≤ beregnet, og lik ett av dem', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: kr(100_000), max: kr(3_000_000) }),
        fc.integer({ min: 10_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: kr(2_000_000) }),
        (lonn, stilling, indirekte) => {
          const t = beregnTimesats({ navn: 'X', arslonn: lonn, stillingsprosent: stilling }, P, indirekte);
          expect(t.godkjent).toBeLessThanOrEqual(TAK_KRONER);
          expect(t.godkjent).toBeLessThanOrEqual(t.takPromille);
          expect(t.godkjent).toBeLessThanOrEqual(t.beregnet);
          expect([t.beregnet, t.takPromille, t.takKroner]).toContain(t.godkjent);
          const bundet = { beregnet: t.beregnet, promille: t.takPromille, kroner: t.takKroner }[t.binder];
          expect(bundet).toBe(t.godkjent);
        },
      ),
    );
  });

  it('hvemBinder foretrekker «beregnet» ved likhet', () => {
    expect(hvemBinder(110_000 * 1695, 1695, kr(2_000_000))).toBe('beregnet');
  });
});
