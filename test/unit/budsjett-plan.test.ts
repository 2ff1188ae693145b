/**
 * nh budsjett som ren plan (issue 22 pkt. 3): planen sier hvilke filer kjøringen skriver, og --forhåndsvis skriver
 * ingenting. Programveileder 10.4 / 11.1 (budsjettet og fristen), vedlegg 3 pkt. 3 og 4.2 (årsoppgjøret), issue 20
 * pkt. 16 (budsjettsatsene lagres og blir aldri stille erstattet).
 */
import { describe, expect, it } from 'vitest';
import {
  planleggBudsjett,
  planleggRegnskap,
  type BudsjettInn,
  type RegnskapInn,
} from '../../src/domain/budsjett/plan.js';
import type { Ansatt } from '../../src/domain/datasett/ansatte.js';
import type { Kostnad } from '../../src/domain/datasett/kostnader.js';
import type { Tilskudd } from '../../src/domain/datasett/tilskudd.js';
import type { Timeregistrering } from '../../src/domain/datasett/timer.js';
import type { Dato } from '../../src/domain/felles/dato.js';
import { advarsel } from '../../src/domain/felles/diagnostikk.js';
import { lagredeSatserSkjema, type AarsSatser, type LagretSett } from '../../src/domain/timesats/aarssatser.js';
import { beregnTimesatser } from '../../src/domain/timesats/timesats.js';

const P = {
  arbeidsgiveravgiftSats: 141_000,
  andreSosialeKostnaderProsent: 120_000,
  indirekteKostnaderPerAr: 300_000_00,
  timerPerArsverk: 1695,
};
const ANSATTE = [
  { navn: 'Kari Nordmann', arslonn: 650_000_00, admTimerPlan: 40_000, kilde: { fil: 'ansatte.csv', rad: 2 } },
  { navn: 'Ola Hansen', arslonn: 500_000_00, admTimerPlan: 10_000, kilde: { fil: 'ansatte.csv', rad: 3 } },
] as unknown as Ansatt[];
const SATSER = beregnTimesatser(ANSATTE, P);
const TILSKUDD = [
  { ar: 2027, type: 'administrasjon', belop: 800_000_00, kilde: { fil: 'tilskudd.csv', rad: 2 } },
] as unknown as Tilskudd[];
const KOSTNADER = [
  { ar: 2027, kategori: 'Eksterne kostnader', belop: 10_000_00, type: 'budsjett', kilde: { fil: 'k.csv', rad: 2 } },
] as unknown as Kostnad[];

const lagret = (satser: { navn: string; godkjent: number }[]): LagretSett => ({
  fil: 'timesats-2027.json',
  grunnlag: 'budsjett',
  laget: '2026-11-20' as Dato,
  timerPerArsverk: 1695,
  ansatte: satser,
});

const budsjett = (over: Partial<BudsjettInn> = {}): BudsjettInn => ({
  aar: 2027,
  idag: '2026-11-22' as Dato,
  ansatte: ANSATTE,
  satser: SATSER,
  satsAdvarsler: [],
  kostnader: { rader: KOSTNADER, fil: 'kostnader.csv' },
  tilskudd: { rader: TILSKUDD, fil: 'tilskudd.csv' },
  lagret: null,
  timerPerArsverk: 1695,
  sti: { budsjett: '/ut/budsjett-adm-gjennomforing-2027.xlsx', satsfil: '/data/timesats-2027.json' },
  forhandsvis: false,
  overskriv: false,
  ...over,
});

describe('planleggBudsjett: filene budsjettet skriver (issue 22 pkt. 3, issue 20 pkt. 16)', () => {
  it('ny satsfil: budsjettet og budsjettsatsene, i den rekkefølgen; satsene slik nh timesats lagrer dem', () => {
    const p = planleggBudsjett(budsjett());
    expect(p.skriv.map((f) => [f.hva, f.sti])).toEqual([
      ['budsjett', '/ut/budsjett-adm-gjennomforing-2027.xlsx'],
      ['budsjettsatser', '/data/timesats-2027.json'],
    ]);
    const satsfil = p.skriv[1]!;
    expect('innhold' in satsfil).toBe(true);
    const innhold = lagredeSatserSkjema.parse(JSON.parse((satsfil as { innhold: string }).innhold));
    expect(innhold).toMatchObject({ ar: 2027, laget: '2026-11-22', grunnlag: 'budsjett', timerPerArsverk: 1695 });
    expect(innhold.ansatte.map((a) => [a.navn, a.godkjent])).toEqual(SATSER.map((t) => [t.navn, t.godkjent]));
    expect(p.satsfil.status).toBe('ny');
    expect(p.nekt).toEqual([]);
  });

  it('--forhåndsvis: ingen fil skrives og ingenting nektes, men planen og satsfilens status er de samme', () => {
    const ulik = lagret(SATSER.map((t) => ({ navn: t.navn, godkjent: t.godkjent + 100 })));
    const vist = planleggBudsjett(budsjett({ forhandsvis: true, lagret: ulik }));
    const skrevet = planleggBudsjett(budsjett({ lagret: ulik, overskriv: true }));
    expect(vist.skriv).toEqual([]);
    expect(vist.nekt).toEqual([]);
    expect(vist.satsfil.status).toBe('ulik');
    expect(vist.plan).toEqual(skrevet.plan);
    expect(vist.advarsler).toEqual(skrevet.advarsler);
  });

  it('samme satser lagret fra før: bare budsjettet skrives (satsfila blir byte for byte som den er)', () => {
    const p = planleggBudsjett(
      budsjett({ lagret: lagret(SATSER.map((t) => ({ navn: t.navn, godkjent: t.godkjent }))) }),
    );
    expect(p.satsfil.status).toBe('lik');
    expect(p.skriv.map((f) => f.hva)).toEqual(['budsjett']);
  });

  it('andre satser lagret fra før: nektes uten --overskriv (finnes-fra-for, med lagringsdatoen); med --overskriv skrives begge', () => {
    const ulik = lagret([{ navn: 'Kari Nordmann', godkjent: 1 }]);
    const nektet = planleggBudsjett(budsjett({ lagret: ulik }));
    expect(nektet.nekt.map((d) => [d.kode, d.kilde?.fil])).toEqual([['finnes-fra-for', 'timesats-2027.json']]);
    expect(nektet.nekt[0]!.melding).toContain('20.11.2026');
    const overskrevet = planleggBudsjett(budsjett({ lagret: ulik, overskriv: true }));
    expect(overskrevet.nekt).toEqual([]);
    expect(overskrevet.skriv.map((f) => f.hva)).toEqual(['budsjett', 'budsjettsatser']);
  });

  it('11.1: fristen er 1. desember året før; etter den en advarsel, før den ingen', () => {
    expect(planleggBudsjett(budsjett()).frist).toBe('2026-12-01');
    expect(planleggBudsjett(budsjett()).advarsler.map((d) => d.kode)).not.toContain('frist-passert');
    expect(planleggBudsjett(budsjett({ idag: '2026-12-02' as Dato })).advarsler.map((d) => d.kode)).toContain(
      'frist-passert',
    );
  });

  it('advarslene i visningsrekkefølgen, med filnavnet slik datasettet ble lest', () => {
    const sats = advarsel('timer-per-arsverk-avviker', 'fra satsene');
    const p = planleggBudsjett(
      budsjett({ satsAdvarsler: [sats], kostnader: { rader: [], fil: 'kostnader.xlsx' }, idag: '2026-12-02' as Dato }),
    );
    expect(p.advarsler.map((d) => d.kode)).toEqual([
      'timer-per-arsverk-avviker',
      'ingen-budsjettkostnader',
      'frist-passert',
    ]);
    expect(p.advarsler[1]!.kilde?.fil).toBe('kostnader.xlsx');
  });

  it('ukjent kostnadskategori er en feil i planen (kommandoen stopper før noe vises)', () => {
    const husleie = [{ ...KOSTNADER[0]!, kategori: 'Husleie' }] as Kostnad[];
    const p = planleggBudsjett(budsjett({ kostnader: { rader: husleie, fil: 'kostnader.csv' } }));
    expect(p.feil.map((d) => d.kode)).toEqual(['ukjent-kostnadskategori']);
  });
});

const time = (dato: string, ansatt: string, timer: number): Timeregistrering =>
  ({
    dato,
    ansatt,
    malbedrift: 'ADM',
    timer,
    aktivitet: 'Styrearbeid',
    kilde: { fil: 'timer.csv', rad: 2 },
  }) as unknown as Timeregistrering;

const faktisk = (godkjent: number): LagretSett => ({
  fil: 'timesats-2026-faktisk.json',
  grunnlag: 'faktisk',
  laget: '2026-12-15' as Dato,
  timerPerArsverk: 1695,
  ansatte: [{ navn: 'Kari Nordmann', godkjent }],
});

const regnskap = (over: Partial<RegnskapInn> = {}): RegnskapInn => {
  const sett = faktisk(900_00);
  const satser: AarsSatser = {
    ansatte: [{ navn: 'Kari Nordmann' }],
    satser: [{ godkjent: 900_00 }],
    kilde: 'timesats-2026-faktisk.json',
    fil: sett.fil,
    brukt: 'faktisk',
    begrunnelse: 'årets faktiske satser',
    budsjett: { ...faktisk(800_00), fil: 'timesats-2026.json', grunnlag: 'budsjett' },
    faktisk: sett,
    advarsler: [],
  };
  return {
    aar: 2026,
    idag: '2027-01-10' as Dato,
    satser,
    timer: { rader: [time('2026-03-02', 'Kari Nordmann', 1000)], fil: 'timer.xlsx' },
    malbedrifter: [],
    kostnader: { rader: [], fil: null },
    tilskudd: { rader: [], fil: null },
    adminKoder: ['ADM'],
    admAktiviteter: [],
    sti: '/ut/attestasjonsgrunnlag-2026.xlsx',
    forhandsvis: false,
    ...over,
  };
};

describe('planleggRegnskap: attestasjonsgrunnlaget (vedlegg 3 pkt. 4.2, issue 22 pkt. 3)', () => {
  it('skriver attestasjonsgrunnlaget; --forhåndsvis skriver ingenting og regner det samme', () => {
    const p = planleggRegnskap(regnskap());
    expect(p.skriv).toEqual([{ hva: 'attestasjonsgrunnlag', sti: '/ut/attestasjonsgrunnlag-2026.xlsx' }]);
    const vist = planleggRegnskap(regnskap({ forhandsvis: true }));
    expect(vist.skriv).toEqual([]);
    expect(vist.regnskap).toEqual(p.regnskap);
  });

  it('issue 20 pkt. 16: timebeløpet med det andre lagrede settet (budsjettsatsene) til sammenligning', () => {
    const p = planleggRegnskap(regnskap());
    expect(p.regnskap.oppgjor.timeBelop).toBe(9000_00); // 10 timer × 900 kr
    expect(p.sammenligning).toMatchObject({ sett: { fil: 'timesats-2026.json' }, timeBelop: 8000_00 });
  });

  it('året ikke avsluttet: en advarsel; advarsler om et helt datasett får filnavnet det ble lest fra', () => {
    const p = planleggRegnskap(regnskap({ idag: '2026-12-31' as Dato }));
    const koder = p.advarsler.map((d) => d.kode);
    expect(koder.at(-1)).toBe('aret-ikke-avsluttet');
    expect(planleggRegnskap(regnskap()).advarsler.map((d) => d.kode)).not.toContain('aret-ikke-avsluttet');
    const tom = planleggRegnskap(regnskap({ timer: { rader: [], fil: 'timer.xlsx' } }));
    expect(tom.advarsler.find((d) => d.kode === 'ingen-adm-timer')?.kilde?.fil).toBe('timer.xlsx');
  });
});
