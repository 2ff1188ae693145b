import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  beregnDisponibelt,
  beregnFakturalinjer,
  beregnFakturering,
  beregnLinje,
  registerlinjer,
  sjekkDisponibelt,
  sjekkStotteintensitet,
  sjekkTreaarstak,
  tilEurCent,
  velgPris,
} from '../../src/domain/faktura/faktura.js';
import type { FakturaParametre } from '../../src/domain/faktura/typer.js';
import { PPM } from '../../src/domain/felles/penger.js';
import type { Dato, Maaned } from '../../src/domain/felles/dato.js';
import type { Ansatt } from '../../src/domain/datasett/ansatte.js';
import type { Malbedrift } from '../../src/domain/datasett/malbedrifter.js';
import type { Timeregistrering } from '../../src/domain/datasett/timer.js';
import { STOTTETAK_EUR_CENT } from '../../src/domain/felles/stottetak.js';

const kr = (k: number) => Math.round(k * 100);
const d = (s: string) => s as Dato;
const P: FakturaParametre = {
  periode: '2026-10' as Maaned,
  standardPris: kr(1000),
  standardStotteintensitet: 750_000,
  mvaSats: 250_000,
  adminKoder: ['ADM'],
  tjenestepriser: new Map([['markedsanalyse', kr(1400)]]),
  eurNokKurs: 115_000,
  kursdato: d('2025-12-31'),
};

const ansatt = (navn: string, markedspris?: number, rad = 2): Ansatt => ({
  navn,
  arslonn: kr(600_000),
  stillingsprosent: undefined,
  sosialeKostnaderProsent: undefined,
  indirekteKostnader: undefined,
  markedspris,
  admTimerPlan: undefined,
  kilde: { fil: 'ansatte.csv', rad },
});
const mb = (orgnr: string, navn: string, o: Partial<Malbedrift> = {}): Malbedrift =>
  ({
    orgnr,
    navn,
    avtalestart: d('2026-01-15'),
    avtaleslutt: undefined,
    dagligLeder: undefined,
    dagligLederEpost: undefined,
    stotteintensitet: undefined,
    markedspris: undefined,
    kilde: { fil: 'malbedrifter.csv', rad: 2 },
    ...o,
  }) as Malbedrift;
let radnr = 1;
const t = (
  dato: string,
  ansattNavn: string,
  malbedrift: string,
  timer: number,
  o: Partial<Timeregistrering> = {},
): Timeregistrering => ({
  dato: d(dato),
  ansatt: ansattNavn,
  malbedrift,
  timer,
  aktivitet: undefined,
  tjeneste: undefined,
  beskrivelse: undefined,
  kilde: { fil: 'timer.csv', rad: ++radnr },
  ...o,
});

const A = ['Kari', 'Ola'].map((n) => ansatt(n));
const MB = [
  mb('915000002', 'Alfa AS'),
  mb('915000142', 'Beta AS', { stotteintensitet: 500_000, avtalestart: d('2026-10-10'), avtaleslutt: d('2026-10-20') }),
];

describe('faktura — linjeberegning (programveileder 10.4, vedlegg 3 pkt. 2 og 4.1)', () => {
  it('vedlegg 3 pkt. 2: markedsverdi 10 000 → egenandel 2 500 + mva, støtte 7 500 ved 75 %', () => {
    const l = beregnLinje({ timer: 1000, pris: kr(1000), stotteintensitet: 750_000, mvaSats: 250_000 });
    expect(l).toEqual({
      markedsverdi: kr(10_000),
      egenandel: kr(2_500),
      stotte: kr(7_500),
      mva: kr(625),
      aBetale: kr(3_125),
    });
  });

  it('vedlegg 3 pkt. 4.1: mva bare på egenandelen, aldri på støtten', () => {
    const l = beregnLinje({ timer: 100, pris: kr(1000), stotteintensitet: 600_000, mvaSats: 250_000 });
    expect(l.mva).toBe(kr(100)); // 25 % av 400
    expect(l.aBetale).toBe(kr(500));
  });

  it.each([
    // timer (hundredeler), pris (øre), intensitet → markedsverdi, egenandel, støtte
    [33, 123_456, 750_000, 40_740, 10_185, 30_555], // 0,33 × 1 234,56 = 407,4048 → 407,40; 25 % = 101,85
    [1, 1_000, 750_000, 10, 3, 7], // 0,10 kr: egenandel 2,5 øre → 3 øre (opp), støtte er resten
    [150, 99_999, 500_000, 149_999, 75_000, 74_999], // 1,5 × 999,99 = 149 998,5 øre → 149 999; 50 % = 74 999,5 → 75 000
    [1, 1_333, 750_000, 13, 4, 9], // 0,01 t × 13,33 kr = 13 øre; 25 % = 3,25 øre → 4 (opp), støtte 9 øre
  ])(
    'avrunding per linje: markedsverdi halv opp, egenandel OPP til øre (issue 20 pkt. 12) (%#)',
    (timer, pris, si, mv, eg, st) => {
      const l = beregnLinje({ timer, pris, stotteintensitet: si, mvaSats: 250_000 });
      expect([l.markedsverdi, l.egenandel, l.stotte]).toEqual([mv, eg, st]);
    },
  );

  it('property (10.4): støtte + egenandel = markedsverdi eksakt, begge ≥ 0, å betale = egenandel + mva', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_400_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: PPM }),
        fc.integer({ min: 0, max: 250_000 }),
        (timer, pris, si, mva) => {
          const l = beregnLinje({ timer, pris, stotteintensitet: si, mvaSats: mva });
          expect(l.stotte + l.egenandel).toBe(l.markedsverdi);
          expect(l.stotte).toBeGreaterThanOrEqual(0);
          expect(l.egenandel).toBeGreaterThanOrEqual(0);
          expect(l.aBetale).toBe(l.egenandel + l.mva);
        },
      ),
    );
  });
});

describe('faktura — markedspris: målbedrift > tjeneste > ansatt > standard (docs/faktura.md)', () => {
  it.each([
    [
      'målbedriftens avtalte pris vinner over alt',
      { markedspris: kr(1200) },
      kr(1300),
      'Markedsanalyse',
      kr(1200),
      'malbedrift',
    ],
    ['tjenestepris før ansattes pris', {}, kr(1300), 'markedsanalyse', kr(1400), 'tjeneste'],
    ['ansattes pris når tjenesten ikke har pris', {}, kr(1300), 'Ukjent tjeneste', kr(1300), 'ansatt'],
    ['standard til slutt', {}, undefined, undefined, kr(1000), 'standard'],
  ] as const)('%s', (_n, m, ap, tjeneste, pris, kilde) => {
    expect(velgPris(m as Pick<Malbedrift, 'markedspris'>, { markedspris: ap }, tjeneste, P)).toEqual({
      pris,
      prisKilde: kilde,
    });
  });
});

describe('faktura — timerader (10.4, vedlegg 3 pkt. 2)', () => {
  it('10.4: administrasjon/gjennomføring faktureres aldri; andre måneder hoppes over; linjer per ansatt/aktivitet/pris', () => {
    const { fakturering: f, feil } = beregnFakturering(
      [
        t('2026-10-01', 'Kari', '915000002', 800),
        t('2026-10-02', 'kari', '915 000 002', 250),
        t('2026-10-03', 'Ola', '915000002', 300, { tjeneste: 'Markedsanalyse' }),
        t('2026-10-04', 'Kari', 'ADM', 750),
        t('2026-10-05', 'Kari', 'adm', 100),
        t('2026-09-30', 'Kari', '915000002', 500),
      ],
      A,
      MB,
      P,
    );
    expect(feil).toEqual([]);
    expect(f.adminRader).toBe(2);
    expect(f.malbedrifter).toHaveLength(1);
    const m = f.malbedrifter[0]!;
    expect(m.linjer.map((l) => [l.ansatt, l.aktivitet, l.timer, l.pris, l.rader])).toEqual([
      ['Kari', 'Innovasjonsrådgivning', 1050, kr(1000), 2],
      ['Ola', 'Markedsanalyse', 300, kr(1400), 1],
    ]);
    expect(m.markedsverdi).toBe(kr(10_500 + 4_200));
    expect(m.stotte + m.egenandel).toBe(m.markedsverdi);
    expect(f.fakturadato).toBe('2026-10-31');
  });

  it('vedlegg 3 pkt. 2: timer utenfor avtalen, ukjent målbedrift og ukjent ansatt er feil med fil og rad — alle på én gang', () => {
    const rader = [
      t('2026-10-09', 'Kari', '915000142', 100), // før avtalestart 10.10
      t('2026-10-21', 'Kari', '915000142', 100), // etter avtaleslutt 20.10
      t('2026-10-12', 'Kari', '999999999', 100),
      t('2026-10-12', 'Nils', '915000002', 100),
      t('2026-10-15', 'Kari', '915000142', 100), // gyldig
    ];
    const { feil } = beregnFakturering(rader, A, MB, P);
    expect(feil.map((x) => [x.kode, x.kilde?.fil, x.kilde?.rad, x.kilde?.kolonne])).toEqual([
      ['utenfor-avtale', 'timer.csv', rader[0]!.kilde.rad, 'dato'],
      ['utenfor-avtale', 'timer.csv', rader[1]!.kilde.rad, 'dato'],
      ['ukjent-malbedrift', 'timer.csv', rader[2]!.kilde.rad, 'malbedrift'],
      ['ukjent-ansatt', 'timer.csv', rader[3]!.kilde.rad, 'ansatt'],
    ]);
  });

  it('10.4 property: totaler = sum av linjene, per målbedrift og for kjøringen, til øre', () => {
    const rad = fc.record({
      dag: fc.integer({ min: 1, max: 31 }),
      ansatt: fc.constantFrom('Kari', 'Ola'),
      mb: fc.constantFrom('915000002', '915000142', 'ADM'),
      timer: fc.integer({ min: 1, max: 2400 }),
      tjeneste: fc.constantFrom(undefined, 'Markedsanalyse', 'Strategi'),
    });
    fc.assert(
      fc.property(fc.array(rad, { maxLength: 60 }), fc.integer({ min: 0, max: 750_000 }), (rs, si) => {
        const mbs = [
          mb('915000002', 'Alfa AS', { stotteintensitet: si }),
          mb('915000142', 'Beta AS', { markedspris: 123_457 }),
        ];
        const timer = rs.map((r) =>
          t(`2026-10-${String(r.dag).padStart(2, '0')}`, r.ansatt, r.mb, r.timer, { tjeneste: r.tjeneste }),
        );
        const { fakturering: f, feil } = beregnFakturering(timer, A, mbs, P);
        expect(feil).toEqual([]);
        const tot = { timer: 0, markedsverdi: 0, egenandel: 0, stotte: 0, mva: 0, aBetale: 0 };
        for (const m of f.malbedrifter) {
          for (const k of Object.keys(tot) as (keyof typeof tot)[]) {
            expect(m[k]).toBe(m.linjer.reduce((s, l) => s + l[k], 0));
            tot[k] += m.linjer.reduce((s, l) => s + l[k], 0);
          }
          expect(m.stotte + m.egenandel).toBe(m.markedsverdi);
        }
        expect(f.totalt).toEqual(tot);
        expect(f.totalt.timer).toBe(rs.filter((r) => r.mb !== 'ADM').reduce((s, r) => s + r.timer, 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('faktura — regler som sier nei', () => {
  const fakturer = (si: number | undefined, timer = 1000) =>
    beregnFakturering(
      [t('2026-10-01', 'Kari', '915000002', timer)],
      A,
      [mb('915000002', 'Alfa AS', { stotteintensitet: si })],
      P,
    ).fakturering;

  it('definisjoner / vedlegg 3 pkt. 2: støtteintensitet 75 % godtas, over 75 % avvises', () => {
    expect(sjekkStotteintensitet(fakturer(750_000))).toEqual([]);
    expect(sjekkStotteintensitet(fakturer(undefined))).toEqual([]); // standard fra nh.json
    const a = sjekkStotteintensitet(fakturer(750_001));
    expect(a).toHaveLength(1);
    expect(a[0]!.kode).toBe('over-75-prosent');
    expect(a[0]!.melding).toMatch(/75,0001 %.*over taket på 75 %/);
  });

  it('vedlegg 3 pkt. 2: over standard 75 % i nh.json avvises også', () => {
    const f = beregnFakturering([t('2026-10-01', 'Kari', '915000002', 100)], A, [mb('915000002', 'Alfa AS')], {
      ...P,
      standardStotteintensitet: 800_000,
    }).fakturering;
    expect(sjekkStotteintensitet(f).map((x) => x.kode)).toEqual(['over-75-prosent']);
  });

  it('vedlegg 3 pkt. 2 / GBER 28(4): treårstaket 200 000 EUR med kursen på hver registerlinje', () => {
    const f = fakturer(750_000); // 10 timer × 1 000 = 10 000 kr, støtte 7 500 kr = 652,17 EUR ved 11,5
    expect(f.malbedrifter[0]!.stotteEur).toBe(65_217);
    const tidligere = (eurCent: number, dato = '2025-06-30') => [{ orgnr: '915000002', dato, stotteEur: eurCent }];
    expect(sjekkTreaarstak(f, tidligere(STOTTETAK_EUR_CENT - 65_217)).avvisninger).toEqual([]); // akkurat på taket
    const nei = sjekkTreaarstak(f, tidligere(STOTTETAK_EUR_CENT - 65_216));
    expect(nei.avvisninger).toHaveLength(1);
    expect(nei.avvisninger[0]!.tall).toMatchObject({ denneEur: 652.17, overEur: 0.01 });
    expect(nei.avvisninger[0]!.melding).toMatch(/over taket med 0,01 EUR/);
    // Rullerende: støtte eldre enn tre år før fakturadatoen teller ikke.
    expect(sjekkTreaarstak(f, tidligere(STOTTETAK_EUR_CENT, '2023-10-31')).avvisninger).toEqual([]);
    expect(sjekkTreaarstak(f, tidligere(STOTTETAK_EUR_CENT, '2023-11-01')).avvisninger).toHaveLength(1);
    // Andre målbedrifter teller ikke.
    expect(
      sjekkTreaarstak(f, [{ orgnr: '915000142', dato: '2026-01-31', stotteEur: STOTTETAK_EUR_CENT }]).avvisninger,
    ).toEqual([]);
  });

  it('vedlegg 3 pkt. 2: hver linje omregnes med sin egen kurs (1 150 000 @ 11,50 + 1 200 000 @ 12,00 = 200 000 EUR)', () => {
    expect(tilEurCent(kr(1_150_000), 115_000) + tilEurCent(kr(1_200_000), 120_000)).toBe(STOTTETAK_EUR_CENT);
  });

  it('10.4 / vedlegg 3 pkt. 4.1: disponibelt = innovasjon + overført for året; brukt = registerlinjer i året', () => {
    const tilskudd = [
      { ar: 2026, type: 'innovasjon' as const, belop: kr(400_000) },
      { ar: 2026, type: 'overfort' as const, belop: kr(50_000) },
      { ar: 2026, type: 'administrasjon' as const, belop: kr(300_000) },
      { ar: 2025, type: 'innovasjon' as const, belop: kr(999_999) },
    ];
    const reg = [
      { dato: '2026-09-30', stotte: kr(100_000) },
      { dato: '2025-12-31', stotte: kr(5_000) },
    ];
    const disp = beregnDisponibelt(2026, tilskudd, reg, kr(350_000));
    expect(disp).toEqual({
      ar: 2026,
      tilskudd: kr(450_000),
      bruktFor: kr(100_000),
      denneKjoringen: kr(350_000),
      gjenstaarFor: kr(350_000),
      gjenstaarEtter: 0,
    });
    expect(sjekkDisponibelt(disp)).toEqual([]); // akkurat opp til disponibelt er lov
    const over = sjekkDisponibelt(beregnDisponibelt(2026, tilskudd, reg, kr(350_000) + 1));
    expect(over).toHaveLength(1);
    expect(over[0]!.kode).toBe('over-disponibelt');
    expect(over[0]!.tall.overMed).toBe(0.01);
    expect(over[0]!.melding).toMatch(/Over med 0,01 kr/);
  });
});

describe('faktura — registerlinjer (vedlegg 3 pkt. 4.1)', () => {
  it('én linje per målbedrift og periode med dato = siste dag, kurs og støtte i EUR', () => {
    const { fakturering: f } = beregnFakturering(
      [t('2026-10-01', 'Kari', '915000002', 1000), t('2026-10-02', 'Ola', '915000002', 100)],
      A,
      MB,
      P,
    );
    const l = registerlinjer(f, P, 'k1');
    expect(l).toEqual([
      {
        periode: '2026-10',
        dato: '2026-10-31',
        orgnr: '915000002',
        navn: 'Alfa AS',
        markedsverdi: kr(11_000),
        egenandel: kr(2_750),
        mva: kr(687.5),
        stotte: kr(8_250),
        eurNokKurs: 115_000,
        kursdato: '2025-12-31',
        stotteEur: 71_739,
        kjoring: 'k1',
        type: 'faktura',
        fakturadato: '2026-10-31',
        forfallsdato: '2026-10-31',
        ordrereferanse: '2026-10-915000002',
      },
    ]);
  });
});

describe('faktura — aldri over 75 % (issue 20 pkt. 12; definisjonen «Støtteintensitet», vedlegg 3 pkt. 2)', () => {
  it('markedsverdi 13,33 ved 75 %: egenandel 3,34 (rundet opp), støtte 9,99 = 74,94 % — ikke 10,00 = 75,02 %', () => {
    const { sum } = beregnFakturalinjer([1_333], 750_000, 250_000);
    expect(sum).toMatchObject({ markedsverdi: 1_333, egenandel: 334, stotte: 999 });
    expect(sum.stotte * PPM).toBeLessThanOrEqual(750_000 * sum.markedsverdi);
  });

  it('property: for alle beløp og intensiteter ≤ 75 % er støtten ≤ intensitet × markedsverdi, og egenandelen < 1 øre over den eksakte', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 750_000 }),
        (mv, si) => {
          const { sum } = beregnFakturalinjer(mv, si, 250_000);
          // heltall: støtte/markedsverdi ≤ si/PPM ⇔ støtte × PPM ≤ si × markedsverdi
          expect(BigInt(sum.stotte) * BigInt(PPM)).toBeLessThanOrEqual(BigInt(si) * BigInt(sum.markedsverdi));
          const eksakt = BigInt(sum.markedsverdi) * BigInt(PPM - si); // egenandel × PPM, eksakt
          expect(BigInt(sum.egenandel) * BigInt(PPM)).toBeGreaterThanOrEqual(eksakt);
          expect(BigInt(sum.egenandel) * BigInt(PPM) - eksakt).toBeLessThan(BigInt(PPM));
          expect(sum.stotte + sum.egenandel).toBe(sum.markedsverdi);
        },
      ),
    );
  });
});

describe('faktura — egenandel og mva per faktura, fordelt på linjene (issue 16 pkt. 12, programveileder 10.4)', () => {
  it('10.4 / vedlegg 3 pkt. 2: markedsverdi 10 000,00 på seks linjer gir egenandel 2 500,00 (ikke 2 500,03 som avrundet per linje)', () => {
    // 5 × 1 666,66 + 1 666,70 = 10 000,00. Per linje: 416,665 → 416,67 (×5) og 416,675 → 416,68 = 2 500,03.
    const mv = [166_666, 166_666, 166_666, 166_666, 166_666, 166_670];
    const perLinje = mv.map((m) => beregnLinje({ timer: 100, pris: m, stotteintensitet: 750_000, mvaSats: 250_000 }));
    expect(perLinje.reduce((s, l) => s + l.egenandel, 0)).toBe(kr(2_500.03)); // avviket issue 16 pkt. 12 beskriver
    const { sum, linjer } = beregnFakturalinjer(mv, 750_000, 250_000);
    expect(sum).toEqual({
      markedsverdi: kr(10_000),
      egenandel: kr(2_500),
      stotte: kr(7_500),
      mva: kr(625),
      aBetale: kr(3_125),
    });
    expect(linjer.reduce((s, l) => s + l.egenandel, 0)).toBe(sum.egenandel);
    expect(linjer.reduce((s, l) => s + l.mva, 0)).toBe(sum.mva);
  });

  it('fakturaen via beregnFakturering: totalen er regnet av summen, linjene summerer eksakt', () => {
    const timer = [
      t('2026-10-01', 'Kari', '915000002', 33),
      t('2026-10-02', 'Ola', '915000002', 33),
      t('2026-10-03', 'Kari', '915000002', 34, { tjeneste: 'X' }),
    ];
    const { fakturering: f } = beregnFakturering(timer, A, MB, { ...P, standardPris: kr(999.99) });
    const m = f.malbedrifter[0]!;
    expect(m.egenandel).toBe(Math.ceil((m.markedsverdi * 250_000) / PPM));
    expect(m.linjer.reduce((s, l) => s + l.egenandel, 0)).toBe(m.egenandel);
    expect(m.linjer.reduce((s, l) => s + l.stotte, 0)).toBe(m.stotte);
  });

  it('property (10.4): linjene summerer eksakt til fakturaens egenandel, mva og støtte; hver linje avviker < 1 øre fra sin eksakte andel', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 750_000 }),
        fc.integer({ min: 0, max: 250_000 }),
        (mv, si, mva) => {
          const { sum, linjer } = beregnFakturalinjer(mv, si, mva);
          expect(linjer.reduce((s, l) => s + l.egenandel, 0)).toBe(sum.egenandel);
          expect(linjer.reduce((s, l) => s + l.mva, 0)).toBe(sum.mva);
          expect(linjer.reduce((s, l) => s + l.stotte, 0)).toBe(sum.stotte);
          const total = mv.reduce((s, m) => s + m, 0);
          linjer.forEach((l, i) => {
            expect(l.stotte + l.egenandel).toBe(mv[i]);
            if (total > 0) expect(Math.abs(l.egenandel - (sum.egenandel * mv[i]!) / total)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
