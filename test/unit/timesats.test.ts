import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  beregnTimesats,
  beregnTimesatser,
  fordelingsArsverk,
  hvemBinder,
  kontrollerTimesatsGrunnlag,
  TAK_KRONER,
  timerAvvikProsent,
  type TimesatsParametre,
} from '../../src/domain/timesats/timesats.js';
import {
  aarsSatser,
  grunnlagFor,
  lagredeSatserSkjema,
  planleggTimesats,
  satsfilnavn,
  velgAttestasjonssatser,
} from '../../src/domain/timesats/aarssatser.js';
import type { Ansatt } from '../../src/domain/datasett/ansatte.js';

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

describe('tallene timesatsen hviler på (issue 20 pkt. 10 og 15, programveileder 10.4 pkt. 2 og 5)', () => {
  const ansatte = [
    { navn: 'A', arslonn: kr(600_000) },
    { navn: 'B', arslonn: kr(300_000), stillingsprosent: 500_000 },
  ];
  it('10.4 pkt. 2: «Siva benytter 1 695 timer» — et annet tall gir en advarsel med hvor mye satsene endres', () => {
    expect(kontrollerTimesatsGrunnlag(ansatte, { ...P, arsverkTotalt: 1_500_000 })).toEqual([]);
    const a = kontrollerTimesatsGrunnlag(ansatte, { ...P, timerPerArsverk: 1200, arsverkTotalt: 1_500_000 });
    expect(a.map((d) => d.kode)).toEqual(['timer-per-arsverk-avviker']);
    expect(a[0]!.melding).toMatch(/41,25 % høyere/);
    expect(timerAvvikProsent(1200)).toBe(41.25);
    expect(timerAvvikProsent(2000)).toBe(-15.25);
    expect(
      kontrollerTimesatsGrunnlag(ansatte, { ...P, timerPerArsverk: 2000, arsverkTotalt: 1_500_000 })[0]!.melding,
    ).toMatch(/15,25 % lavere/);
  });
  it('10.4 pkt. 2 / 5: de indirekte kostnadene fordeles på hele selskapets årsverk når arsverkTotalt er satt', () => {
    expect(fordelingsArsverk(ansatte, P)).toBe(1_500_000); // 1,5 årsverk i ansatte
    expect(fordelingsArsverk(ansatte, { ...P, arsverkTotalt: 6_000_000 })).toBe(6_000_000);
    // 600 000 kr / 6 årsverk = 100 000 kr per heltid (ikke 400 000 kr per heltid fordelt på 1,5).
    expect(beregnTimesatser(ansatte, { ...P, arsverkTotalt: 6_000_000 })[0]!.indirekteAndel).toBe(kr(100_000));
    expect(beregnTimesatser(ansatte, P)[0]!.indirekteAndel).toBe(kr(400_000));
    expect(kontrollerTimesatsGrunnlag(ansatte, P).map((d) => d.kode)).toEqual(['arsverk-totalt-mangler']);
    expect(kontrollerTimesatsGrunnlag(ansatte, { ...P, arsverkTotalt: 1_000_000 })).toMatchObject([
      { alvor: 'feil', kode: 'arsverk-totalt-for-lavt' },
    ]);
  });
  it('egenskap: arsverkTotalt lik årsverkene i ansatte gir samme satser; flere årsverk i selskapet gir aldri høyere sats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000_000 }), (ekstra) => {
        const uten = beregnTimesatser(ansatte, P);
        expect(beregnTimesatser(ansatte, { ...P, arsverkTotalt: 1_500_000 })).toEqual(uten);
        const med = beregnTimesatser(ansatte, { ...P, arsverkTotalt: 1_500_000 + ekstra });
        for (const [i, t] of med.entries()) expect(t.godkjent).toBeLessThanOrEqual(uten[i]!.godkjent);
      }),
    );
  });
});

describe('hvilke satser attestasjonen bruker (issue 20 pkt. 16, vedlegg 3 pkt. 3)', () => {
  it('vedlegg 3 pkt. 3 «ren kostnadsdekning»: årets faktiske først, så budsjettsatsene, så ansatte nå — alltid med grunn', () => {
    expect(velgAttestasjonssatser(2026, true, true)).toMatchObject({ brukt: 'faktisk' });
    expect(velgAttestasjonssatser(2026, true, true).begrunnelse).toMatch(/reelle utgiftene .*vedlegg 3 pkt\. 3/);
    expect(velgAttestasjonssatser(2026, true, false)).toMatchObject({ brukt: 'budsjett' });
    expect(velgAttestasjonssatser(2026, true, false).begrunnelse).toMatch(/nh timesats --år 2026/);
    expect(velgAttestasjonssatser(2026, false, false)).toMatchObject({ brukt: 'ansatte' });
    expect(grunnlagFor(2027, '2026-12-01')).toBe('budsjett');
    expect(grunnlagFor(2026, '2026-12-01')).toBe('faktisk');
    expect(satsfilnavn(2026, 'faktisk')).toBe('timesats-2026-faktisk.json');
  });
});

describe('nh timesats som ren plan (issue 22 pkt. 3; vedlegg 3 pkt. 3, issue 20 pkt. 16)', () => {
  const satser = beregnTimesatser(
    [{ navn: 'Kari Nordmann', arslonn: kr(650_000), kilde: { fil: 'ansatte.csv', rad: 2 } } as unknown as Ansatt],
    P,
  );
  const plan = (idag: string, forhandsvis = false) =>
    planleggTimesats({ aar: 2027, idag, timerPerArsverk: 1695, satser, forhandsvis });

  it('før året begynner: budsjettsatsene i timesats-<år>.json; fra 1. januar: årets faktiske i -faktisk.json', () => {
    expect(plan('2026-12-31')).toMatchObject({
      grunnlag: 'budsjett',
      filer: { arbeidsbok: 'timesats-2027.xlsx', satsfil: 'timesats-2027.json' },
      skriv: ['arbeidsbok', 'satsfil'],
    });
    expect(plan('2027-01-01').filer.satsfil).toBe('timesats-2027-faktisk.json');
    const lagret = lagredeSatserSkjema.parse(JSON.parse(plan('2027-01-01').satsinnhold));
    expect(lagret).toMatchObject({ ar: 2027, laget: '2027-01-01', grunnlag: 'faktisk', timerPerArsverk: 1695 });
    expect(lagret.ansatte).toEqual([
      { navn: 'Kari Nordmann', godkjent: satser[0]!.godkjent, binder: satser[0]!.binder },
    ]);
  });

  it('--forhåndsvis skriver ingenting, men sier hvilket grunnlag og hvilken fil satsene ville fått', () => {
    const vist = plan('2026-12-31', true);
    expect(vist.skriv).toEqual([]);
    expect(vist.filer.satsfil).toBe('timesats-2027.json');
  });
});

describe('årets satser for attestasjonen (vedlegg 3 pkt. 3 og 4.2, issue 20 pkt. 16)', () => {
  const sett = (grunnlag: 'budsjett' | 'faktisk', godkjent: number, timerPerArsverk: number | null = 1695) => ({
    fil: satsfilnavn(2026, grunnlag),
    grunnlag,
    laget: '2026-12-15' as never,
    timerPerArsverk,
    ansatte: [{ navn: 'Kari Nordmann', godkjent }],
  });

  it('faktiske satser lagret: de brukes, ansatte trengs ikke, og et annet timetall enn Sivas 1 695 gir en advarsel', () => {
    const a = aarsSatser(2026, { budsjett: sett('budsjett', 800_00), faktisk: sett('faktisk', 900_00, 1600) }, null);
    expect(a).toMatchObject({ brukt: 'faktisk', fil: 'timesats-2026-faktisk.json', satser: [{ godkjent: 900_00 }] });
    expect(a.kilde).toBe('timesats-2026-faktisk.json (årets faktiske satser, lagret av nh 15.12.2026)');
    expect(a.advarsler.map((d) => d.kode)).toEqual(['timer-per-arsverk-avviker']);
  });

  it('bare budsjettsatsene lagret: de brukes med advarselen om at de faktiske mangler', () => {
    const a = aarsSatser(2026, { budsjett: sett('budsjett', 800_00), faktisk: null }, null);
    expect(a.brukt).toBe('budsjett');
    expect(a.advarsler.map((d) => d.kode)).toEqual(['faktiske-satser-mangler']);
  });

  it('ingenting lagret: regnet fra ansatte, ansattes advarsler først og så «ikke lagret»', () => {
    const fraAnsatte = { ansatte: [{ navn: 'Ola' }], satser: [{ godkjent: 700_00 }], advarsler: [] };
    const a = aarsSatser(2026, { budsjett: null, faktisk: null }, fraAnsatte);
    expect(a).toMatchObject({ brukt: 'ansatte', fil: null, satser: [{ godkjent: 700_00 }] });
    expect(a.advarsler.map((d) => d.kode)).toEqual(['timesats-ikke-lagret']);
  });
});
