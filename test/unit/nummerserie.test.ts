/**
 * Nummerserien og reskontroen (issue 23, issue 19 pkt. 2, issue 21 pkt. 8) i domenet: numre tildeles etter det
 * høyeste nh har utstedt noe sted, et register som har mistet førte linjer oppdages, referansene i registeret
 * kontrolleres, og en kurskorreksjon gir riktig EUR-sum (egenskapstestet).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dato, Maaned } from '../../src/domain/felles/dato.js';
import { tilEurCent } from '../../src/domain/faktura/faktura.js';
import { planleggFakturaer } from '../../src/domain/faktura/fakturanummer.js';
import { gjeldendeEur, kurskorreksjon } from '../../src/domain/faktura/kurskorreksjon.js';
import { logglinjer, tilbakerulling } from '../../src/domain/faktura/nummerlogg.js';
import { kontrollerRegisterlinjer } from '../../src/domain/faktura/registerkontroll.js';
import { hoyesteUtstedte, kontrollerUtfiler, type Periodemappe } from '../../src/domain/faktura/utfiler.js';
import type { Fakturering, RegisterlinjeData } from '../../src/domain/faktura/typer.js';

const d = (s: string) => s as Dato;
const linje = (x: Partial<RegisterlinjeData> = {}): RegisterlinjeData => ({
  periode: '2026-10',
  dato: d('2026-10-31'),
  orgnr: '915000002',
  navn: 'Alfa Teknologi AS',
  markedsverdi: 1_000_000,
  egenandel: 250_000,
  mva: 62_500,
  stotte: 750_000,
  eurNokKurs: 115_000,
  kursdato: d('2025-12-31'),
  stotteEur: tilEurCent(750_000, 115_000),
  type: 'faktura',
  fakturanr: '26001',
  ordrereferanse: '2026-10-915000002',
  kjoring: 'k1',
  ...x,
});
const tomMappe = (periode: string, x: Partial<Periodemappe> = {}): Periodemappe => ({
  periode,
  visning: `faktura/${periode}`,
  merke: null,
  merkefiler: [],
  fakturagrunnlag: false,
  ehf: [],
  avbrutt: [],
  ...x,
});

describe('bokføringsforskriften kap. 5: et nummer tildeles én gang', () => {
  it('neste nummer er høyeste nummer NOE sted + 1 (register, logg, EHF-fil i en annen måned, avbrutt/)', () => {
    const h = hoyesteUtstedte({
      register: [linje()],
      registerFil: 'stotteregister.csv',
      logg: logglinjer('tildelt', { kjoring: 'k2', periode: '2026-11', tidspunkt: 't' }, [
        { fakturanr: '26004', orgnr: '1' },
      ]),
      perioder: [
        tomMappe('2026-09', { avbrutt: ['26007-915000002.xml'] }),
        tomMappe('2026-12', { ehf: [{ navn: '26006-915000002.xml', sha256: 'x' }] }),
      ],
      kilder: [{ nr: 26005, kilde: 'faktura/2026-11/fakturagrunnlag.csv' }],
    });
    expect(h).toEqual({ nr: 26007, kilde: 'faktura/2026-09/avbrutt/…/26007-915000002.xml' });
  });

  it('property: et tildelt nummer er alltid høyere enn hvert nummer i hver kilde', () => {
    const f = {
      periode: '2026-11' as Maaned,
      fakturadato: d('2026-11-30'),
      malbedrifter: [{ orgnr: '915000002', navn: 'A' }],
      totalt: {},
      adminRader: 0,
    } as unknown as Fakturering;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 99_999 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 99_999 }),
        (reg, annen) => {
          const register = reg.map((n, i) =>
            linje({ fakturanr: String(n), periode: '2026-10', orgnr: String(915000000 + i) }),
          );
          const o = { nummerserie: { forste: 1 }, kid: { metode: 'MOD10' as const, lengde: 8 }, forfallsdager: 14 };
          const r = planleggFakturaer(f, register, o, d('2026-12-01'), undefined, { nr: annen, kilde: 'x' });
          if ('feil' in r) throw new Error(r.feil);
          expect(Number(r.plan.nye[0]!.id.fakturanr)).toBeGreaterThan(Math.max(annen, ...reg, 0));
        },
      ),
    );
  });
});

describe('issue 23 pkt. 3: et register som har mistet førte linjer', () => {
  it('er en feil med periode, numrene og kjøringen; et register med alle linjene er i orden', () => {
    const logg = [
      ...logglinjer('ført', { kjoring: 'k1', periode: '2026-10', tidspunkt: '2026-11-02T08:00:00Z' }, [linje()]),
      ...logglinjer('ført', { kjoring: 'k2', periode: '2026-11', tidspunkt: '2026-12-02T08:00:00Z' }, [
        linje({ fakturanr: '26002', periode: '2026-11' }),
      ]),
    ];
    const filer = { register: 'stotteregister.csv', logg: 'faktura/nummerlogg.csv' };
    expect(tilbakerulling([linje(), linje({ fakturanr: '26002', periode: '2026-11' })], logg, filer)).toEqual([]);
    const d1 = tilbakerulling([linje()], logg, filer);
    expect(d1.map((x) => x.kode)).toEqual(['register-tilbakerullet']);
    expect(d1[0]!.melding).toMatch(/periode 2026-11: 1 linje \(26002\), ført 02\.12\.2026 av kjøringen k2/);
  });

  it('en EHF-fil nh kan vise at den skrev i en avbrutt kjøring (logg + sha256 i merket), ryddes — en annen er en feil', () => {
    const logg = logglinjer('tildelt', { kjoring: 'k9', periode: '2026-10', tidspunkt: 't' }, [
      { fakturanr: '26002', orgnr: '915000142' },
    ]);
    const merke = { kjoring: 'k9', filer: [{ sti: 'ehf/26002-915000142.xml', sha256: 'aa' }], numre: ['26002'] };
    const mappe = (sha: string) =>
      tomMappe('2026-10', {
        merke,
        merkefiler: [{ sti: 'ehf/26002-915000142.xml', sha256: sha }],
        ehf: [{ navn: '26002-915000142.xml', sha256: sha }],
      });
    const k = (sha: string) =>
      kontrollerUtfiler({
        periode: '2026-10',
        perioder: [mappe(sha)],
        register: [],
        logg,
        registerFil: 'stotteregister.csv',
      });
    expect(k('aa').feil).toEqual([]);
    expect(k('aa').avbrutt).toEqual([
      {
        periode: '2026-10',
        visning: 'faktura/2026-10',
        kjoring: 'k9',
        flytt: ['ehf/26002-915000142.xml', '.nh-kjoring.json'],
        numre: ['26002'],
      },
    ]);
    // Endret etter at nh skrev den (eller en annen fil med samme navn): nh kan ikke vise at den er sin — exit 2.
    expect(k('bb').feil.map((x) => x.kode)).toEqual(['ehf-uten-register']);
  });
});

describe('issue 23 pkt. 5: referansene i registeret', () => {
  it('kreditnota til ukjent faktura, til en annen målbedrift, og samme faktura kreditert to ganger', () => {
    const fil = 'stotteregister.csv';
    const kred = (x: Partial<RegisterlinjeData>, rad: number) => ({
      ...linje({ type: 'kreditnota', fakturanr: `2610${rad}`, ...x }),
      kilde: { fil, rad },
    });
    const ds = kontrollerRegisterlinjer(
      [
        { ...linje(), kilde: { fil, rad: 2 } },
        kred({ krediterer: '99999' }, 3),
        kred({ krediterer: '26001', orgnr: '915000142' }, 4),
        kred({ krediterer: '26001' }, 5),
        kred({ krediterer: '26001' }, 6),
      ],
      fil,
    );
    expect(ds.map((x) => [x.kode, x.kilde?.rad, x.kilde?.kolonne])).toEqual([
      ['register-ukjent-referanse', 3, 'krediterer'],
      ['register-ukjent-referanse', 4, 'krediterer'],
      ['register-kreditert-to-ganger', 6, 'krediterer'],
    ]);
  });
});

describe('issue 19 pkt. 2 / vedlegg 3 pkt. 2: kurskorreksjon', () => {
  it('property: etter korreksjonene er fakturaens EUR-verdi støtten ved siste kurs, uansett hvor mange', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.array(fc.integer({ min: 90_000, max: 140_000 }), { minLength: 1, maxLength: 5 }),
        (stotte, kurser) => {
          const f = linje({ stotte, stotteEur: tilEurCent(stotte, 115_000) });
          const register: RegisterlinjeData[] = [f];
          kurser.forEach((kurs, i) => {
            const p = {
              eurNokKurs: kurs,
              kursdato: d(`2025-12-${String(10 + i).padStart(2, '0')}`),
              periode: '2026-10' as Maaned,
            };
            const k = kurskorreksjon(f, register, p, {
              kjoring: `k${i}`,
              dato: d('2026-11-22'),
              ordrereferanse: `KK-${i}`,
            });
            if (k) register.push(k);
          });
          const v = gjeldendeEur(f, register);
          expect(v.stotteEur).toBe(tilEurCent(stotte, kurser.at(-1)!));
          expect(register.reduce((s, l) => s + l.stotteEur, 0)).toBe(v.stotteEur);
          expect(
            register.filter((l) => l.type === 'kurskorreksjon').every((l) => l.stotte === 0 && l.markedsverdi === 0),
          ).toBe(true);
        },
      ),
    );
  });

  it('neste års kurs (datert etter perioden) endrer ikke en fakturert måned', () => {
    const p = { eurNokKurs: 118_000, kursdato: d('2026-12-31'), periode: '2026-10' as Maaned };
    expect(
      kurskorreksjon(linje(), [linje()], p, { kjoring: 'k', dato: d('2027-01-10'), ordrereferanse: 'KK' }),
    ).toBeNull();
  });
});
