import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erVirkedag, helligdager, nteVirkedag, paaskedag } from '../../src/domain/felles/helligdager.js';
import { fristForTilbakedatering, planleggFakturadato } from '../../src/domain/faktura/fakturadato.js';
import { fraDagnummer, dagnummer, maanedAv, sisteDag, type Dato, type Maaned } from '../../src/domain/felles/dato.js';

const d = (s: string) => s as Dato;
const m = (s: string) => s as Maaned;

describe('helligdager (helligdagsfredloven § 2; 1. og 17. mai)', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2038, '2038-04-25'],
  ])('påskedag %i = %s', (aar, dato) => {
    expect(paaskedag(aar)).toBe(dato);
  });

  it('2026: de tolv helligdagene', () => {
    expect(helligdager(2026).map((h) => h.dato)).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-17',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('egenskap: påskedag er alltid en søndag mellom 22. mars og 25. april (1900–2199)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), (aar) => {
        const p = paaskedag(aar);
        expect((((dagnummer(p) + 4) % 7) + 7) % 7).toBe(0);
        expect(p >= `${aar}-03-22` && p <= `${aar}-04-25`).toBe(true);
      }),
    );
  });

  it('virkedag: lørdag teller, søndag og helligdager ikke (ferieloven § 5 nr. 1)', () => {
    expect(erVirkedag(d('2026-11-07'))).toBe(true); // lørdag
    expect(erVirkedag(d('2026-11-08'))).toBe(false); // søndag
    expect(erVirkedag(d('2026-05-14'))).toBe(false); // Kristi himmelfartsdag
    expect(erVirkedag(d('2026-12-24'))).toBe(true); // julaften er ikke helligdag
  });

  it.each([
    ['2026-11', '2026-11-18'], // 1.11 er søndag; lørdagene teller
    ['2027-01', '2027-01-19'], // 1. nyttårsdag
    ['2026-05', '2026-05-20'], // 1. mai, Kristi himmelfart, 17. mai (søndag)
    ['2026-04', '2026-04-21'], // skjærtorsdag, langfredag, 2. påskedag
  ])('den 15. virkedagen i %s er %s', (maaned, dato) => {
    expect(nteVirkedag(m(maaned), 15)).toBe(dato);
  });

  it('egenskap: hver måned 1900–2199 har en 15. virkedag', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (aar, mnd) => {
        const mm = m(`${aar}-${String(mnd).padStart(2, '0')}`);
        const v = nteVirkedag(mm, 15);
        expect(v).not.toBeNull();
        expect(maanedAv(v!)).toBe(mm);
      }),
    );
  });
});

describe('fakturadato og forfall (issue 19 pkt. 6; bokføringsforskriften § 5-1-3 tredje ledd)', () => {
  const plan = (periode: string, idag: string, flagg?: string) =>
    planleggFakturadato({
      periode: m(periode),
      idag: d(idag),
      forfallsdager: 14,
      ...(flagg ? { flagg: d(flagg) } : {}),
    });

  it('issuets eksempel: kjørt 30. november for oktober → datert 30.11, forfall 14.12 (ikke 31.10 og 14.11)', () => {
    const r = plan('2026-10', '2026-11-30');
    expect(r).toMatchObject({
      datoer: { fakturadato: '2026-11-30', forfallsdato: '2026-12-14', kilde: 'kjoring', tilbakedatert: false },
    });
  });

  it('innen de 15 første virkedagene: tilbakedatert til periodens siste dag som standard, og utdata sier det', () => {
    const r = plan('2026-10', '2026-11-18');
    expect(r).toMatchObject({
      datoer: { fakturadato: '2026-10-31', forfallsdato: '2026-12-02', kilde: 'tilbakedatert', tilbakedatert: true },
    });
    if ('datoer' in r) {
      expect(r.datoer.forklaring).toContain('tilbakedatert til periodens siste dag');
      expect(r.datoer.forklaring).toContain('§ 5-1-3 tredje ledd');
      expect(r.datoer.forklaring).toContain('--fakturadato 2026-11-18');
    }
  });

  it('dagen etter den 15. virkedagen: dagen for kjøringen', () => {
    expect(plan('2026-10', '2026-11-19')).toMatchObject({ datoer: { fakturadato: '2026-11-19', kilde: 'kjoring' } });
  });

  it('--fakturadato i dag i vinduet: ikke tilbakedatert', () => {
    expect(plan('2026-10', '2026-11-05', '2026-11-05')).toMatchObject({
      datoer: { fakturadato: '2026-11-05', kilde: 'flagg', tilbakedatert: false },
    });
  });

  it('--fakturadato til periodens siste dag etter vinduet er en feil som nevner paragrafen og fristen', () => {
    const r = plan('2026-10', '2026-11-22', '2026-10-31');
    expect(r).toHaveProperty('feil');
    if ('feil' in r) {
      expect(r.feil).toContain('§ 5-1-3 tredje ledd');
      expect(r.feil).toContain('18.11.2026');
    }
  });

  it('--fakturadato en annen dag enn periodens siste eller etter i dag er en feil', () => {
    expect(plan('2026-10', '2026-11-10', '2026-11-03')).toHaveProperty('feil');
    expect(plan('2026-10', '2026-11-10', '2026-11-11')).toHaveProperty('feil');
  });

  it('perioden er ikke avsluttet: datert i dag', () => {
    expect(plan('2026-11', '2026-11-22')).toMatchObject({ datoer: { fakturadato: '2026-11-22', kilde: 'kjoring' } });
  });

  it('frist: desember fakturert i januar (1. nyttårsdag er ikke virkedag)', () => {
    expect(fristForTilbakedatering(m('2026-12'))).toBe('2027-01-19');
  });

  it('egenskap: forfallet er aldri før i dag, fakturadatoen aldri etter i dag, og bare tilbakedatert innen fristen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dagnummer(d('2024-01-01')), max: dagnummer(d('2030-12-31')) }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 60 }),
        (start, etter, forfallsdager) => {
          const periode = maanedAv(fraDagnummer(start));
          const idag = fraDagnummer(dagnummer(sisteDag(periode)) - 20 + etter);
          const r = planleggFakturadato({ periode, idag, forfallsdager });
          if (!('datoer' in r)) throw new Error(r.feil);
          expect(r.datoer.forfallsdato >= idag).toBe(true);
          expect(r.datoer.fakturadato <= idag).toBe(true);
          if (r.datoer.tilbakedatert) {
            expect(r.datoer.fakturadato).toBe(sisteDag(periode));
            expect(idag <= fristForTilbakedatering(periode)).toBe(true);
          } else expect(r.datoer.fakturadato).toBe(idag);
        },
      ),
    );
  });
});
