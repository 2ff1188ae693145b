/**
 * Bilagene til regnskapet (issue 21 pkt. 1, 2 og 4): PowerOffice-bilaget for en utgående faktura, støttebilaget
 * for måneden og nummerserievakten — regnet og skrevet, og lest tilbake med en leser skrevet fra PowerOffice sin
 * dokumentasjon (test/poweroffice-les.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beregnFakturalinjer } from '../../src/domain/faktura/faktura.js';
import {
  brutto,
  mvaIBilag,
  stottebilagForPeriode,
  utgaendeBilag,
  type Kontoer,
} from '../../src/domain/faktura/regnskapsbilag.js';
import { nummerserieKonflikt, powerofficeMangler } from '../../src/domain/faktura/regnskapsoppsett.js';
import { lagKid, erGyldigKid } from '../../src/domain/faktura/kid.js';
import type { Dato } from '../../src/domain/felles/dato.js';
import { powerofficeBilagCsv, powerofficeOrdreCsv } from '../../src/io/faktura/poweroffice-skriv.js';
import { stottebilagCsv } from '../../src/io/faktura/stottebilag-skriv.js';
import { lesPowerofficeBilag, lesPowerofficeOrdrer, poOre } from '../poweroffice-les.js';

const K: Kontoer = { salg: 3000, tilskuddsgjeld: 2990, tilskuddsinntekt: 3400 };
const D = '2026-10-31' as Dato;

function faktura(markedsverdi: number, si = 750_000) {
  const { sum } = beregnFakturalinjer([markedsverdi], si, 250_000);
  return {
    type: 'faktura' as const,
    fakturanr: '26001',
    kid: '0260011',
    dato: D,
    forfall: '2026-11-14' as Dato,
    kundekode: '10001',
    periode: '2026M10',
    belop: sum,
  };
}

describe('PowerOffice: utgående faktura som bilag (issue 21 pkt. 1a)', () => {
  it('10.4: reskontro = egenandel + mva, salgslinje og støttelinje med konto og mva-kode, bilaget går i null', () => {
    const b = utgaendeBilag(faktura(1_000_000), K, '3', 250_000);
    expect(b.linjer.map((l) => [l.kundekode ?? l.konto, l.mvaKode, l.belop])).toEqual([
      ['10001', undefined, 312_500],
      [3000, '3', -1_250_000],
      [3000, '3', 937_500],
    ]);
    expect(mvaIBilag(b, 250_000)).toBe(62_500);
    const [lest] = lesPowerofficeBilag(powerofficeBilagCsv([b], '2'), { faktura: true });
    expect(lest!.type).toBe('2');
    expect(lest!.reskontro).toMatchObject({ InvoiceNo: '26001', Cid: '0260011', DueDate: '14.11.2026' });
    expect(poOre(lest!.reskontro.Amount!)).toBe(312_500);
  });

  it('egenskap: for alle beløp går bilaget i null, kunden får nøyaktig egenandel + mva, og mva-en PowerOffice skiller ut er innenfor ett øre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: 0, max: 750_000 }), (mv, si) => {
        const f = faktura(mv, si);
        const b = utgaendeBilag(f, K, '3', 250_000);
        expect(b.linjer.reduce((s, l) => s + l.belop, 0)).toBe(0);
        expect(b.linjer[0]!.belop).toBe(f.belop.egenandel + f.belop.mva);
        expect(Math.abs(mvaIBilag(b, 250_000) - f.belop.mva)).toBeLessThanOrEqual(1);
        const k = utgaendeBilag({ ...f, type: 'kreditnota', krediterer: '26000' }, K, '3', 250_000);
        expect(k.linjer.map((l) => l.belop)).toEqual(b.linjer.map((l) => -l.belop));
        expect(k.referanse).toBe('Krediterer faktura 26000');
      }),
      { numRuns: 300 },
    );
    expect(brutto(333_333, 250_000)).toBe(416_666);
  });

  it('ordreruten (1b): ordrenummer er et tall, hver linje har produktkode, ingen fakturafelt', () => {
    const tekst = powerofficeOrdreCsv([
      {
        ordrenr: '900001',
        dato: D,
        kundekode: '10001',
        kundenavn: 'Alfa AS',
        orgnr: '915000002',
        kommentar: 'Rådgivning',
        linjer: [
          { produktkode: 'RAD', beskrivelse: 'Rådgivning', antall: 750, pris: 120_000 },
          { produktkode: 'STOTTE', beskrivelse: 'Innovasjonsstøtte', antall: 100, pris: -675_000 },
        ],
      },
    ]);
    const [o] = lesPowerofficeOrdrer(tekst);
    expect(o!.hode.OrderNo).toBe('900001');
    expect(o!.linjer.map((l) => l.ProductCode)).toEqual(['RAD', 'STOTTE']);
    expect(tekst).not.toMatch(/InvoiceNo|Kid|DueDate/);
    expect(() => lesPowerofficeOrdrer(tekst.replace('900001', '2026-10-915000002'))).toThrow(/ikke et tall/);
  });

  it('ruten må passe oppsettet: «ordre» uten ordrenummer og produktkoder, «bilag» uten nh-nummerserie', () => {
    const po = { rute: 'ordre' as const };
    expect(powerofficeMangler({ poweroffice: po, nummerserie: 'regnskapssystem' }).map((m) => m[0])).toEqual([
      'faktura.poweroffice.ordrenr',
      'faktura.poweroffice.produktkoder',
    ]);
    expect(
      powerofficeMangler({ poweroffice: { rute: 'bilag' }, nummerserie: 'regnskapssystem' }).map((m) => m[0]),
    ).toEqual(['faktura.poweroffice.rute']);
    expect(powerofficeMangler({ poweroffice: {}, nummerserie: { forste: 26001 } })).toEqual([]);
  });
});

describe('Støttebilaget for måneden (issue 21 pkt. 4; 10.4 pkt. 1, vedlegg 3 pkt. 4.1)', () => {
  it('10.4 pkt. 1: debet kortsiktig gjeld, kredit tilskuddsinntekt; ett bilag per kjøring; summen = registerets støtte', () => {
    const linjer = [
      { stotte: 750_000, dato: D, kjoring: 'a' },
      { stotte: 250_001, dato: D, kjoring: 'a' },
      { stotte: -750_000, dato: D, fakturadato: '2026-11-22' as Dato, kjoring: 'b' },
      { stotte: 900_000, dato: D, fakturadato: '2026-11-22' as Dato, kjoring: 'b' },
    ];
    const b = stottebilagForPeriode('2026M10', linjer, K);
    expect(b.map((x) => [x.bilag.nr, x.bilag.dato, x.bilag.linjer.map((l) => [l.konto, l.belop])])).toEqual([
      [
        'S-2026M10-1',
        D,
        [
          [2990, 1_000_001],
          [3400, -1_000_001],
        ],
      ],
      [
        'S-2026M10-2',
        '2026-11-22',
        [
          [2990, 150_000],
          [3400, -150_000],
        ],
      ],
    ]);
    const csv = stottebilagCsv(
      '2026M10',
      b.map((x) => x.bilag),
      K,
    );
    const rader = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((r) => r.split(';'));
    expect(rader[0]).toEqual(['bilagsnr', 'bilagsdato', 'periode', 'konto', 'kontonavn', 'tekst', 'debet', 'kredit']);
    const debet = rader.slice(1).reduce((s, r) => s + (r[6] ? poOre(r[6]) : 0), 0);
    const kredit = rader.slice(1).reduce((s, r) => s + (r[7] ? poOre(r[7]) : 0), 0);
    expect([debet, kredit]).toEqual([1_150_001, 1_150_001]);
    expect(lesPowerofficeBilag(powerofficeBilagCsv([b[0]!.bilag], ''), { faktura: false })).toHaveLength(1);
  });
});

describe('Støttebilagene: egenskap', () => {
  it('vedlegg 3 pkt. 4.1: for alle registre går hvert bilag i null, og debet kortsiktig gjeld = registerets støtte til øret', () => {
    const linje = fc.record({
      stotte: fc.integer({ min: -2_000_000, max: 2_000_000 }),
      kjoring: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(fc.array(linje, { maxLength: 30 }), (ls) => {
        const bilag = stottebilagForPeriode(
          '2026M10',
          ls.map((l) => ({ ...l, dato: D })),
          K,
        );
        for (const b of bilag) expect(b.bilag.linjer.reduce((s, l) => s + l.belop, 0)).toBe(0);
        const debet = bilag.flatMap((b) => b.bilag.linjer).filter((l) => l.konto === 2990);
        expect(debet.reduce((s, l) => s + l.belop, 0)).toBe(ls.reduce((s, l) => s + l.stotte, 0));
        expect(new Set(bilag.map((b) => b.bilag.nr)).size).toBe(bilag.length);
      }),
    );
  });
});

describe('Nummerserien og KID (issue 21 pkt. 2 og 8)', () => {
  it('Tripletex hjelpeartikkel 82: en serie som starter under utstedte numre (uten å være starten på dem) avvises', () => {
    expect(nummerserieKonflikt(26001, [])).toBeNull();
    expect(nummerserieKonflikt(26001, [26001, 26002])).toBeNull();
    expect(nummerserieKonflikt(50001, [26001, 26002])).toBeNull();
    expect(nummerserieKonflikt(10001, [26001, 26040])).toMatch(/starter på 10001.*26001–26040.*fortsatt på 26041/);
    expect(nummerserieKonflikt(26010, [26001, 26020])).toMatch(/26020/);
  });

  it('KID med prefiks: første siffer skiller nh sine KID fra regnskapssystemets, kontrollsifferet stemmer', () => {
    const k = lagKid('26001', { metode: 'MOD10', lengde: 8, prefiks: '9' });
    expect(k).toEqual({ kid: expect.stringMatching(/^9026001\d$/) });
    expect(erGyldigKid((k as { kid: string }).kid, 'MOD10')).toBe(true);
    expect(lagKid('260011', { metode: 'MOD10', lengde: 7, prefiks: '9' })).toEqual({
      feil: expect.stringMatching(/prefiks 9/),
    });
  });
});
