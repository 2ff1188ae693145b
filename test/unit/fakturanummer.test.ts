/**
 * Fakturaidentitet i støtteregisteret: nummerserie, KID (MOD10/MOD11), kontonummer (MOD11), fordeling med
 * største rest, og erstatning med kreditnota (programveileder 10.4; vedlegg 3 pkt. 2: treårssummen blir riktig).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erGyldigKid, erGyldigKontonummer, lagKid, mod10, mod11 } from '../../src/domain/faktura/kid.js';
import { fordelStorsteRest } from '../../src/domain/felles/fordeling.js';
import { aktiveFakturaer, kreditlinje, planleggFakturaer } from '../../src/domain/faktura/fakturanummer.js';
import type { Nummeroppsett, RegisterlinjeData } from '../../src/domain/faktura/typer.js';
import { beregnFakturering, registerlinjer } from '../../src/domain/faktura/faktura.js';
import type { FakturaParametre } from '../../src/domain/faktura/typer.js';
import { stotteSisteTreAar } from '../../src/domain/felles/stottetak.js';
import { configSkjema } from '../../src/domain/konfig/config.js';
import type { Dato, Maaned } from '../../src/domain/felles/dato.js';
import type { Malbedrift } from '../../src/domain/datasett/malbedrifter.js';
import type { Timeregistrering } from '../../src/domain/datasett/timer.js';

const d = (s: string) => s as Dato;

describe('KID og kontonummer', () => {
  it('MOD10 (Luhn) og MOD11 med kjente kontrollsifre; MOD11 rest 1 gir «-»', () => {
    expect(mod10('1234567')).toBe('4'); // 12345674
    expect(mod11('1234567')).toBe('4'); // vekter 2–7 fra høyre: 106 mod 11 = 7 → 4
    expect(mod11('6')).toBe('-'); // 6·2 = 12 ≡ 1 (mod 11) → 11 − 1 = 10 → «-»
    expect(lagKid('10001', { metode: 'MOD10', lengde: 7 })).toEqual({ kid: `010001${mod10('010001')}` });
    expect(erGyldigKid((lagKid('26001', { metode: 'MOD11', lengde: 8 }) as { kid: string }).kid, 'MOD11')).toBe(true);
    expect(lagKid('1234567', { metode: 'MOD10', lengde: 7 })).toEqual({
      feil: expect.stringMatching(/får ikke plass i en KID på 7 sifre/),
    });
  });

  it('property: en KID er gyldig etter sin metode, og ett endret siffer gjør den ugyldig (MOD10)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 5 }), (n, pos) => {
        const k = (lagKid(String(n), { metode: 'MOD10', lengde: 7 }) as { kid: string }).kid;
        expect(erGyldigKid(k, 'MOD10')).toBe(true);
        const feil = k.slice(0, pos) + String((Number(k[pos]) + 1) % 10) + k.slice(pos + 1);
        expect(erGyldigKid(feil, 'MOD10')).toBe(false);
      }),
    );
  });

  it('kontonummer: 11 sifre med MOD11 (vekter 5,4,3,2,7,6,5,4,3,2)', () => {
    expect(erGyldigKontonummer('8601 11 17947')).toBe(true);
    expect(erGyldigKontonummer('86011117948')).toBe(false);
    expect(erGyldigKontonummer('8601111794')).toBe(false);
  });

  it('nh.json faktura.selger.kontonummer valideres (MOD11), ukjente nøkler i faktura er feil', () => {
    const grunn = {
      naeringshage: { navn: 'X', orgnr: '923609016' },
      ar: 2026,
      markedsprisPerTime: 1000,
      arbeidsgiveravgiftSats: 14.1,
      indirekteKostnaderPerAr: 1,
      eurNok: { kurs: 11.5, dato: '2025-12-31', kilde: 'NB' },
    };
    const feil = configSkjema.safeParse({ ...grunn, faktura: { selger: { kontonummer: '86011117948' } } });
    expect(feil.success).toBe(false);
    expect(feil.error!.issues[0]!.path).toEqual(['faktura', 'selger', 'kontonummer']);
    expect(configSkjema.safeParse({ ...grunn, faktura: { nummersere: { forste: 1 } } }).success).toBe(false);
    const ok = configSkjema.parse({
      ...grunn,
      faktura: { nummerserie: { forste: 26001 }, selger: { kontonummer: '8601.11.17947' } },
    });
    expect(ok.faktura.selger.kontonummer).toBe('86011117947');
    expect(ok.faktura.kid).toEqual({ metode: 'MOD10', lengde: 7 });
  });
});

describe('fordelStorsteRest', () => {
  it('fordeler eksakt, rest til største brøk, likt til den første', () => {
    expect(fordelStorsteRest(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(fordelStorsteRest(-10, [1, 1, 1])).toEqual([-4, -3, -3]);
    expect(fordelStorsteRest(0, [0, 0])).toEqual([0, 0]);
  });
  it('property: summen er alltid total, hver del innen 1 av sin eksakte andel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (t, v) => {
          const deler = fordelStorsteRest(t, v);
          expect(deler.reduce((s, x) => s + x, 0)).toBe(t);
          const sv = v.reduce((s, x) => s + x, 0);
          deler.forEach((x, i) => {
            expect(Math.abs(x - (t * v[i]!) / sv)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});

// ————— Nummerserie og kreditnota —————

const P: FakturaParametre = {
  periode: '2026-10' as Maaned,
  standardPris: 100_000,
  standardStotteintensitet: 750_000,
  mvaSats: 250_000,
  adminKoder: ['ADM'],
  tjenestepriser: new Map(),
  eurNokKurs: 115_000,
  kursdato: d('2025-12-31'),
};
const mb = (orgnr: string): Malbedrift =>
  ({
    orgnr,
    navn: `MB ${orgnr}`,
    avtalestart: d('2026-01-01'),
    kilde: { fil: 'malbedrifter.csv', rad: 2 },
  }) as Malbedrift;
const MB = [mb('915000002'), mb('915000142')];
const A = [{ navn: 'Kari', arslonn: 1, kilde: { fil: 'ansatte.csv', rad: 2 } }] as never[];
const t = (orgnr: string, timer: number): Timeregistrering =>
  ({
    dato: d('2026-10-05'),
    ansatt: 'Kari',
    malbedrift: orgnr,
    timer,
    kilde: { fil: 'timer.csv', rad: 2 },
  }) as Timeregistrering;
const O: Nummeroppsett = { nummerserie: { forste: 26001 }, kid: { metode: 'MOD10', lengde: 7 }, forfallsdager: 14 };

function forsteKjoring(): RegisterlinjeData[] {
  const { fakturering: f } = beregnFakturering([t('915000002', 1000), t('915000142', 500)], A, MB, P);
  const r = planleggFakturaer(f, [], O, d('2026-11-02'));
  if ('feil' in r) throw new Error(r.feil);
  return registerlinjer(f, P, 'k1', new Map(r.plan.nye.map((n) => [n.m.orgnr, n.id])));
}

describe('fakturanummer og erstatning (programveileder 10.4, vedlegg 3 pkt. 2)', () => {
  it('første kjøring: numre fra «forste», KID per nummer, fakturadato = siste dag i perioden, forfall + 14', () => {
    const reg = forsteKjoring();
    expect(reg.map((l) => [l.fakturanr, l.kid, l.fakturadato, l.forfallsdato, l.ordrereferanse])).toEqual([
      ['26001', `026001${mod10('026001')}`, '2026-10-31', '2026-11-14', '2026-10-915000002'],
      ['26002', `026002${mod10('026002')}`, '2026-10-31', '2026-11-14', '2026-10-915000142'],
    ]);
  });

  it('neste nummer er høyeste i registeret + 1, aldri under «forste», og et kreditert nummer brukes aldri igjen', () => {
    const reg = forsteKjoring();
    const { fakturering: f } = beregnFakturering([t('915000002', 1200), t('915000142', 500)], A, MB, P);
    const r = planleggFakturaer(f, reg, O, d('2026-11-22'));
    if ('feil' in r) throw new Error(r.feil);
    // 915000142 er uendret og beholdes; 915000002 krediteres (26003) og får ny faktura (26004).
    expect(r.plan.uendret.map((u) => u.fakturanr)).toEqual(['26002']);
    expect(r.plan.kreditnotaer.map((k) => [k.id.fakturanr, k.id.krediterer, k.id.fakturadato, k.id.kid])).toEqual([
      ['26003', '26001', '2026-11-22', undefined],
    ]);
    expect(r.plan.nye.map((n) => [n.id.fakturanr, n.id.ordrereferanse, n.id.fakturadato])).toEqual([
      ['26004', '2026-10-915000002-2', '2026-11-22'],
    ]);
    const etter = [
      ...reg,
      ...r.plan.kreditnotaer.map((k) => kreditlinje(k.gammel, k.id, 'k2')),
      ...registerlinjer(f, P, 'k2', new Map(r.plan.nye.map((n) => [n.m.orgnr, n.id]))),
    ];
    expect(aktiveFakturaer(etter).map((l) => l.fakturanr)).toEqual(['26002', '26004']);
    // Vedlegg 3 pkt. 2: treårssummen er den nye fakturaens støtte (kreditnotaen nuller den gamle).
    expect(stotteSisteTreAar(etter, '915000002', d('2026-12-31'))).toBe(f.malbedrifter[0]!.stotteEur);
    // En tredje kjøring uten endring gir ingenting nytt.
    const igjen = planleggFakturaer(f, etter, O, d('2026-11-23'));
    expect('plan' in igjen && igjen.plan.kreditnotaer.length + igjen.plan.nye.length).toBe(0);
  });

  it('eldre register uten identitet («regnskapssystem»): den nye fakturaen får en egen ordrereferanse og regnes ikke som kreditert', () => {
    const { fakturering: f } = beregnFakturering([t('915000002', 1000)], A, MB, P);
    const eldre: RegisterlinjeData = {
      ...registerlinjer(f, P, 'k0')[0]!,
      type: undefined,
      ordrereferanse: undefined,
      fakturadato: undefined,
      forfallsdato: undefined,
      markedsverdi: 1,
    };
    const o = { ...O, nummerserie: 'regnskapssystem' as const };
    const r = planleggFakturaer(f, [eldre], o, d('2026-11-22'));
    if ('feil' in r) throw new Error(r.feil);
    expect(r.plan.kreditnotaer.map((k) => k.id.krediterer)).toEqual(['2026-10-915000002']);
    expect(r.plan.nye.map((n) => n.id.ordrereferanse)).toEqual(['2026-10-915000002-2']);
    const etter = [
      eldre,
      ...r.plan.kreditnotaer.map((k) => kreditlinje(k.gammel, k.id, 'k1')),
      ...registerlinjer(f, P, 'k1', new Map(r.plan.nye.map((n) => [n.m.orgnr, n.id]))),
    ];
    expect(aktiveFakturaer(etter).map((l) => l.ordrereferanse)).toEqual(['2026-10-915000002-2']);
  });

  it('«regnskapssystem»: ingen nummer eller KID, bare ordrereferanse; for lang KID er en feil', () => {
    const { fakturering: f } = beregnFakturering([t('915000002', 1000)], A, MB, P);
    const r = planleggFakturaer(f, [], { ...O, nummerserie: 'regnskapssystem' }, d('2026-11-02'));
    expect('plan' in r && r.plan.nye[0]!.id).toEqual({
      type: 'faktura',
      fakturadato: '2026-10-31',
      forfallsdato: '2026-11-14',
      ordrereferanse: '2026-10-915000002',
    });
    const lang = planleggFakturaer(f, [], { ...O, nummerserie: { forste: 1_000_000 } }, d('2026-11-02'));
    expect(lang).toEqual({ feil: expect.stringMatching(/KID: fakturanummeret 1000000 får ikke plass/) });
  });
});
