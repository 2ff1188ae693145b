import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ADM_AKTIVITETER,
  USPESIFISERT,
  beregnPlan,
  kontrollerFordeling,
  direkteKostnader,
  oppgjor,
  statusTekst,
  timeBelop,
  tildelingFor,
  tolkAktivitet,
  tolkKategori,
} from '../../src/domain/budsjett/budsjett.js';
import { beregnRegnskap } from '../../src/domain/budsjett/regnskap.js';
import { nevntMalbedrift } from '../../src/domain/budsjett/timelinjer.js';
import { KOSTNADSKATEGORIER, type Kostnad } from '../../src/domain/datasett/kostnader.js';
import type { Ansatt } from '../../src/domain/datasett/ansatte.js';
import type { Malbedrift } from '../../src/domain/datasett/malbedrifter.js';
import type { Tilskudd } from '../../src/domain/datasett/tilskudd.js';
import type { Timeregistrering } from '../../src/domain/datasett/timer.js';
import { beregnTimesatser } from '../../src/domain/timesats/timesats.js';
import { formatKroner } from '../../src/domain/felles/penger.js';
import type { Dato } from '../../src/domain/felles/dato.js';

const P = {
  arbeidsgiveravgiftSats: 141_000,
  andreSosialeKostnaderProsent: 120_000,
  indirekteKostnaderPerAr: 300_000_00,
  timerPerArsverk: 1695,
};

let rad = 2;
const ansatt = (navn: string, arslonn: number, admTimerPlan?: number): Ansatt =>
  ({ navn, arslonn, admTimerPlan, kilde: { fil: 'ansatte.csv', rad: rad++ } }) as Ansatt;
const kostnad = (ar: number, kategori: string, belop: number, type?: 'faktisk' | 'budsjett', r = rad++): Kostnad =>
  ({ ar, kategori, belop, type, kilde: { fil: 'kostnader.csv', rad: r } }) as Kostnad;
const tilskudd = (ar: number, type: Tilskudd['type'], belop: number): Tilskudd =>
  ({ ar, type, belop, kilde: { fil: 'tilskudd.csv', rad: rad++ } }) as unknown as Tilskudd;
const time = (
  dato: string,
  ansatt: string,
  malbedrift: string,
  timer: number,
  aktivitet?: string,
  beskrivelse?: string,
  r = rad++,
): Timeregistrering =>
  ({
    dato: dato as Dato,
    ansatt,
    malbedrift,
    timer,
    aktivitet,
    beskrivelse,
    kilde: { fil: 'timer.csv', rad: r },
  }) as Timeregistrering;
const mb = (orgnr: string, navn: string): Malbedrift =>
  ({ orgnr, navn, avtalestart: '2026-01-01' as Dato, kilde: { fil: 'malbedrifter.csv', rad: rad++ } }) as Malbedrift;

const ANSATTE = [ansatt('Kari Nordmann', 650_000_00, 40_000), ansatt('Ola Hansen', 500_000_00, 10_000)];
const SATSER = beregnTimesatser(ANSATTE, P);
const MB = [mb('923609016', 'Fjordlys Sjømat AS')];

describe('aktiviteter og kategorier (programveileder 10.4)', () => {
  it.each(ADM_AKTIVITETER.map((a) => [a]))('10.4: aktiviteten «%s» gjenkjennes', (a) => {
    expect(tolkAktivitet(a)).toBe(a);
    expect(tolkAktivitet(a.toUpperCase())).toBe(a);
  });
  it('10.4: ordlyden fra veilederen er alias for aktiviteten', () => {
    expect(tolkAktivitet('Deltakelse på messer og konferanser')).toBe('Messer og konferanser');
    expect(tolkAktivitet('Rådgivning')).toBeNull();
    // Vedlegg 3 pkt. 3: «innlemmelsen av deltagere i programmet» er administrasjon.
    expect(tolkAktivitet('innlemmelse av deltagere i programmet')).toBe('Innlemmelse av nye målbedrifter');
  });
  it.each(KOSTNADSKATEGORIER.map((k) => [k]))('10.4: tillatt kostnadskategori «%s» godtas', (k) => {
    const r = direkteKostnader([kostnad(2027, k, 1000_00, 'budsjett')], 2027, 'plan');
    expect(r.feil).toEqual([]);
    expect(r.sum).toBe(1000_00);
    expect(r.perKategori.find((x) => x.kategori === k)!.belop).toBe(1000_00);
  });
  it('10.4: ordlyden «Direkte kostnader knyttet til næringshagens deltakelse på samlinger» er kategorien «Deltakelse på samlinger»', () => {
    expect(tolkKategori('Direkte kostnader knyttet til næringshagens deltakelse på samlinger')).toBe(
      'Deltakelse på samlinger',
    );
  });
  it('10.4: en forbudt kategori (f.eks. «Husleie») er en feil som nevner fil, rad og kolonne — alle samlet', () => {
    const r = direkteKostnader(
      [
        kostnad(2027, 'Husleie', 5000_00, 'budsjett', 7),
        kostnad(2027, 'Eksterne kostnader', 1_00, 'budsjett', 8),
        kostnad(2027, 'Representasjon', 1_00, 'budsjett', 9),
      ],
      2027,
      'plan',
    );
    expect(r.feil.map((d) => [d.kode, d.kilde?.rad, d.kilde?.kolonne])).toEqual([
      ['ukjent-kostnadskategori', 7, 'kategori'],
      ['ukjent-kostnadskategori', 9, 'kategori'],
    ]);
    expect(r.feil[0]!.melding).toContain('10.4');
  });
  it('10.4 / 11.1: plan bruker bare budsjettrader for året; regnskap bare faktiske (tom type = faktisk)', () => {
    const ks = [
      kostnad(2027, 'Eksterne kostnader', 100, 'budsjett'),
      kostnad(2027, 'Eksterne kostnader', 200, 'faktisk'),
      kostnad(2027, 'Eksterne kostnader', 400),
      kostnad(2026, 'Eksterne kostnader', 800, 'budsjett'),
    ];
    expect(direkteKostnader(ks, 2027, 'plan').sum).toBe(100);
    expect(direkteKostnader(ks, 2027, 'regnskap').sum).toBe(600);
  });
});

describe('oppgjør mot tildelingen (10.4: ingen fortjeneste igjen i selskapet)', () => {
  it.each([
    ['under', 500_000_00, 100_000_00, 700_000_00, 100_000_00],
    ['lik', 600_000_00, 100_000_00, 700_000_00, 0],
    ['over', 650_000_00, 100_000_00, 700_000_00, -50_000_00],
  ] as const)('10.4: budsjett %s tildelingen', (status, timer, kost, tildeling, diff) => {
    const o = oppgjor(timer, kost, tildeling);
    expect(o.status).toBe(status);
    expect(o.differanse).toBe(diff);
    expect(o.total).toBe(timer + kost);
    expect(statusTekst('plan', o, (x) => formatKroner(x))).toMatch(
      status === 'under' ? /UNDER.*tilbakebetales/ : status === 'over' ? /OVER/ : /LIKT/,
    );
  });
  it('vedlegg 3 pkt. 4.2: overskudd i regnskapet skal tilbakebetales; ellers disponert i sin helhet', () => {
    expect(statusTekst('regnskap', oppgjor(1, 0, 101), (x) => formatKroner(x))).toContain(
      'overskudd 1,00 kr skal tilbakebetales',
    );
    expect(statusTekst('regnskap', oppgjor(100, 0, 100), (x) => formatKroner(x))).toContain('disponert i sin helhet');
  });
  it('10.2: tildelingen er summen av årets tilskudd av type administrasjon', () => {
    const t = tildelingFor(2026, [
      tilskudd(2026, 'administrasjon', 300_000_00),
      tilskudd(2026, 'administrasjon', 20_000_00),
      tilskudd(2026, 'innovasjon', 1),
      tilskudd(2027, 'administrasjon', 5),
    ]);
    expect(t.sum).toBe(320_000_00);
    expect(t.linjer).toHaveLength(2);
  });
  it('10.4: timebeløp = timer × timesats avrundet til øre, halv opp', () => {
    expect(timeBelop(25, 1051_37)).toBe(262_84); // 0,25 × 1 051,37 = 262,8425
    expect(timeBelop(50, 1000_01)).toBe(500_01); // 500,005 → 500,01
  });
  it('10.4 egenskap: total = sum av linjene og differanse = tildeling − total (øre for øre)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 1, max: 110_000 })), {
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 10_000_000_00 }),
        (linjer, tildeling) => {
          const ans = linjer.map(([t], i) => ansatt(`P${i}`, 500_000_00, t));
          const sat = beregnTimesatser(ans, P);
          const { plan } = beregnPlan(2027, ans, sat, [], [tilskudd(2027, 'administrasjon', tildeling)]);
          const sum = plan.personer.reduce((s, p) => s + p.belop, 0);
          expect(plan.oppgjor.timeBelop).toBe(sum);
          expect(plan.oppgjor.differanse).toBe(tildeling - plan.oppgjor.total);
        },
      ),
    );
  });
});

describe('plan: nh budsjett --år (10.4, 11.1)', () => {
  it('10.4: timer per person = admTimerPlan × godkjent timesats; tom plan = 0 timer', () => {
    const ans = [...ANSATTE, ansatt('Uten Plan', 400_000_00)];
    const sat = beregnTimesatser(ans, P);
    const { plan, feil } = beregnPlan(
      2027,
      ans,
      sat,
      [kostnad(2027, 'Eksterne kostnader', 50_000_00, 'budsjett')],
      [tilskudd(2027, 'administrasjon', 700_000_00)],
    );
    expect(feil).toEqual([]);
    expect(plan.personer.map((p) => [p.navn, p.timer, p.belop])).toEqual([
      ['Kari Nordmann', 40_000, timeBelop(40_000, sat[0]!.godkjent)],
      ['Ola Hansen', 10_000, timeBelop(10_000, sat[1]!.godkjent)],
      ['Uten Plan', 0, 0],
    ]);
    expect(plan.oppgjor.total).toBe(plan.personer.reduce((s, p) => s + p.belop, 0) + 50_000_00);
  });
  it('10.2: uten tildeling for året: advarsel, sammenlignes med 0', () => {
    const { plan } = beregnPlan(2028, ANSATTE, SATSER, [], []);
    expect(plan.oppgjor.tildeling).toBe(0);
    expect(plan.advarsler.map((d) => d.kode)).toContain('ingen-tildeling');
  });
});

describe('regnskap: nh budsjett --regnskap (10.4, vedlegg 3 pkt. 4.2)', () => {
  const TIL = [tilskudd(2026, 'administrasjon', 300_000_00)];
  it('vedlegg 3 pkt. 4.2: timer per person og aktivitet × timesats; summer stemmer; overskudd skal tilbakebetales', () => {
    const timer = [
      time('2026-03-02', 'Kari Nordmann', 'ADM', 150, 'Prosjektledelse'),
      time('2026-03-03', 'kari nordmann', 'adm', 250, 'prosjektledelse'),
      time('2026-03-03', 'Kari Nordmann', 'ADM', 75, 'Rapporteringsforpliktelser'),
      time('2026-03-04', 'Ola Hansen', 'ADM', 800, 'Studieturer'),
      time('2026-03-04', 'Ola Hansen', '923609016', 300, 'Rådgivning'),
      time('2025-12-31', 'Ola Hansen', 'ADM', 800, 'Studieturer'),
    ];
    const { regnskap: r, feil } = beregnRegnskap(
      2026,
      timer,
      ANSATTE,
      SATSER,
      MB,
      [kostnad(2026, 'Eksterne kostnader', 10_000_00)],
      TIL,
      ['ADM'],
    );
    expect(feil).toEqual([]);
    expect(r.linjer.map((l) => [l.ansatt, l.aktivitet, l.timer, l.rader])).toEqual([
      ['Kari Nordmann', 'Prosjektledelse', 400, 2],
      ['Kari Nordmann', 'Rapporteringsforpliktelser', 75, 1],
      ['Ola Hansen', 'Studieturer', 800, 1],
    ]);
    expect(r.malbedriftTimer).toBe(300); // art. 28 — ikke med
    expect(r.timer).toBe(1275);
    const sumLinjer = r.linjer.reduce((s, l) => s + l.belop, 0);
    expect(r.personer.reduce((s, p) => s + p.belop, 0)).toBe(sumLinjer);
    expect(r.aktiviteter.reduce((s, a) => s + a.belop, 0)).toBe(sumLinjer);
    expect(r.oppgjor.total).toBe(sumLinjer + 10_000_00);
    expect(r.oppgjor.status).toBe('under');
    expect(r.oppgjor.differanse).toBe(300_000_00 - r.oppgjor.total);
    expect(statusTekst('regnskap', r.oppgjor, (x) => formatKroner(x))).toContain('skal tilbakebetales');
  });
  it('10.4: en person med timer på ADM uten timesats (ikke i ansatte) er en feil', () => {
    const { feil } = beregnRegnskap(
      2026,
      [time('2026-03-02', 'Nils Ukjent', 'ADM', 100, 'Prosjektledelse', undefined, 14)],
      ANSATTE,
      SATSER,
      MB,
      [],
      TIL,
      ['ADM'],
    );
    expect(feil.map((d) => [d.kode, d.kilde?.rad, d.kilde?.kolonne])).toEqual([['ukjent-ansatt', 14, 'ansatt']]);
    expect(feil[0]!.melding).toContain('ingen timesats');
  });
  it('vedlegg 3 pkt. 3: en administrasjonsrad som nevner en målbedrift i avtaleperioden gir en advarsel (rådgivning?), ikke en feil', () => {
    const timer = [
      time('2026-03-02', 'Kari Nordmann', 'ADM', 100, 'Prosjektledelse', 'Møte med 923 609 016 om avtalen', 20),
      time('2026-03-02', 'Kari Nordmann', 'ADM', 100, 'Prosjektledelse', 'Workshop hos Fjordlys Sjømat', 21),
      time('2026-03-02', 'Kari Nordmann', 'ADM', 100, 'Prosjektledelse', 'Styremøte', 22),
    ];
    const { regnskap: r, feil } = beregnRegnskap(2026, timer, ANSATTE, SATSER, MB, [], TIL, ['ADM']);
    expect(feil).toEqual([]);
    const adv = r.advarsler.filter((d) => d.kode === 'adm-nevner-malbedrift');
    expect(adv.map((d) => [d.kilde?.rad, d.kilde?.kolonne])).toEqual([
      [20, 'beskrivelse'],
      [21, 'beskrivelse'],
    ]);
    expect(adv[0]!.melding).toMatch(/Er dette rådgivning til bedriften\?/);
    expect(r.timer).toBe(300); // radene er med i administrasjonen
  });
  it('vedlegg 3 pkt. 3: før avtalestart og for opptak/rekruttering er arbeid med bedriften administrasjon — ingen advarsel', () => {
    const senere = [{ ...MB[0]!, avtalestart: '2026-05-01' as Dato }];
    const timer = [
      time('2026-04-20', 'Kari Nordmann', 'ADM', 200, 'Prosjektledelse', 'SMB-sjekk og avtale med Fjordlys Sjømat', 40), // før avtalestart
      time('2026-05-02', 'Kari Nordmann', 'ADM', 100, 'Innlemmelse', 'Signering av avtale med Fjordlys Sjømat', 41), // opptak
      time('2026-05-03', 'Kari Nordmann', 'ADM', 100, 'SMB-sjekk', 'Fjordlys Sjømat', 42),
    ];
    const { regnskap: r, feil } = beregnRegnskap(2026, timer, ANSATTE, SATSER, senere, [], TIL, ['ADM']);
    expect(feil).toEqual([]);
    expect(r.advarsler.map((d) => d.kode)).not.toContain('adm-nevner-malbedrift');
    expect(r.aktiviteter.find((a) => a.aktivitet === 'Innlemmelse av nye målbedrifter')).toMatchObject({ timer: 200 });
    // Samme rad i avtaleperioden med en annen aktivitet: advarsel.
    const etter = beregnRegnskap(
      2026,
      [time('2026-06-01', 'Kari Nordmann', 'ADM', 100, 'Prosjektledelse', 'Fjordlys Sjømat', 43)],
      ANSATTE,
      SATSER,
      senere,
      [],
      TIL,
      ['ADM'],
    );
    expect(etter.regnskap.advarsler.map((d) => d.kode)).toContain('adm-nevner-malbedrift');
  });
  it('10.4: nevntMalbedrift — korte navn og ugyldige nisifrede tall gir ikke treff', () => {
    expect(
      nevntMalbedrift({ aktivitet: undefined, tjeneste: undefined, beskrivelse: 'Faktura 123456789' }, MB),
    ).toBeNull();
    expect(
      nevntMalbedrift({ aktivitet: undefined, tjeneste: undefined, beskrivelse: 'AS-møte' }, [mb('923609016', 'AS')]),
    ).toBeNull();
  });
  it('10.4 / vedlegg 3 pkt. 3 (eksempellister): en aktivitet utenfor lista er en advarsel og tas med; tom = prosjektkonto', () => {
    const { regnskap: r, feil } = beregnRegnskap(
      2026,
      [
        time('2026-03-02', 'Kari Nordmann', 'ADM', 100, 'Nettverksmøte', undefined, 30),
        time('2026-03-03', 'Kari Nordmann', 'ADM', 100, undefined, undefined, 31),
      ],
      ANSATTE,
      SATSER,
      MB,
      [],
      TIL,
      ['ADM'],
    );
    expect(feil).toEqual([]);
    const u = r.advarsler.find((d) => d.kode === 'ukjent-aktivitet')!;
    expect([u.alvor, u.kilde?.rad]).toEqual(['advarsel', 30]);
    expect(u.melding).toMatch(/admAktiviteter/);
    expect(r.aktiviteter.find((a) => a.aktivitet === 'Nettverksmøte')).toMatchObject({ timer: 100 });
    expect(r.aktiviteter.at(-1)).toMatchObject({ aktivitet: USPESIFISERT, timer: 100 });
    expect(r.advarsler.map((d) => d.kode)).toContain('adm-uten-aktivitet');
  });
  it('10.4: arbeidsmappen kan utvide lista i nh.json (admAktiviteter) — da ingen advarsel', () => {
    const { regnskap: r } = beregnRegnskap(
      2026,
      [time('2026-03-02', 'Kari Nordmann', 'ADM', 100, 'nettverksmøte', undefined, 32)],
      ANSATTE,
      SATSER,
      MB,
      [],
      TIL,
      ['ADM'],
      ['Nettverksmøte'],
    );
    expect(r.advarsler.map((d) => d.kode)).not.toContain('ukjent-aktivitet');
    expect(r.aktiviteter.find((a) => a.aktivitet === 'Nettverksmøte')).toMatchObject({ timer: 100 });
  });
  it('10.4: målbedriftsrader med administrasjonsaktivitet: advarsel, ikke med i regnskapet', () => {
    const { regnskap: r, feil } = beregnRegnskap(
      2026,
      [time('2026-03-02', 'Kari Nordmann', '923609016', 100, 'Prosjektledelse')],
      ANSATTE,
      SATSER,
      MB,
      [],
      TIL,
      ['ADM'],
    );
    expect(feil).toEqual([]);
    expect(r.timer).toBe(0);
    expect(r.advarsler.map((d) => d.kode)).toContain('mb-med-adm-aktivitet');
  });
  it('vedlegg 3 pkt. 4.2: tomt år — ingen timer og ingen kostnader gir total 0 og hele tildelingen som overskudd', () => {
    const { regnskap: r, feil } = beregnRegnskap(2026, [], ANSATTE, SATSER, MB, [], TIL, ['ADM']);
    expect(feil).toEqual([]);
    expect(r.oppgjor).toMatchObject({ total: 0, tildeling: 300_000_00, differanse: 300_000_00, status: 'under' });
    expect(r.advarsler.map((d) => d.kode)).toContain('ingen-adm-timer');
  });
  it('10.4: alle feil samles (timer og kostnader) før noe kastes', () => {
    const { feil } = beregnRegnskap(
      2026,
      [time('2026-03-02', 'Nils Ukjent', 'ADM', 100, 'Kaffekos')],
      ANSATTE,
      SATSER,
      MB,
      [kostnad(2026, 'Husleie', 100)],
      TIL,
      ['ADM'],
    );
    expect(feil.map((d) => d.kode).sort()).toEqual(['ukjent-ansatt', 'ukjent-kostnadskategori']);
  });
});

describe('fordelingen 25 % / 75 % av Sivas programtilskudd (programveileder 10.2)', () => {
  const t = (type: Tilskudd['type'], belop: number, giver?: string): Tilskudd =>
    ({ ar: 2026, type, belop, giver, kilde: { fil: 'tilskudd.csv', rad: 2 } }) as unknown as Tilskudd;
  it('10.2: nøyaktig 25 % gir ingen advarsel; over 25 % gir advarsel med tallene', () => {
    expect(
      kontrollerFordeling(2026, [t('administrasjon', 250_000_00, 'Siva'), t('innovasjon', 750_000_00, 'Siva')])
        .advarsler,
    ).toEqual([]);
    const r = kontrollerFordeling(2026, [
      t('administrasjon', 720_000_00, 'Siva'),
      t('innovasjon', 1_950_000_00, 'Siva'),
      t('innovasjon', 400_000_00, 'Fylkeskommunen'),
    ]);
    expect(r.fordeling).toMatchObject({
      administrasjon: 720_000_00,
      innovasjon: 1_950_000_00,
      takAdministrasjon: 667_500_00,
    });
    expect(r.advarsler.map((d) => d.kode)).toEqual(['fordeling-10-2']);
    expect(r.advarsler[0]!.melding).toMatch(/720\s000,00 kr av 2\s670\s000,00 kr .* = 26,97 %/);
  });
  it('10.2: budsjettet over 25 % av programtilskuddet varsles; uten innovasjonstilskudd kan det ikke kontrolleres', () => {
    const r = kontrollerFordeling(2026, [t('administrasjon', 250_000_00), t('innovasjon', 750_000_00)], 250_000_01);
    expect(r.advarsler.map((d) => d.kode)).toEqual(['budsjett-over-25']);
    expect(r.advarsler[0]!.melding).toMatch(/× 25 % = 250\s000,00 kr/);
    expect(kontrollerFordeling(2026, [t('administrasjon', 1)], 5)).toEqual({ fordeling: null, advarsler: [] });
  });
});
