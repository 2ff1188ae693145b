import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dato } from '../../src/domain/felles/dato.js';
import {
  aggreger,
  exitKodeFor,
  kriteriumArsverk,
  kriteriumBank,
  kriteriumEierskap,
  kriteriumInsolvens,
  kriteriumKapitaltap,
  kriteriumKonkurs,
  kriteriumOffentlig,
  kriteriumOkonomi,
  kriteriumRedningsstotte,
  kriteriumSjelden,
  kriteriumTreaarstak,
  kriteriumUtenlandsk,
  nokTilEur,
  overEurGrense,
  relasjonstype,
  samletDom,
  tegnetKapital,
  tolkVurdering,
  treaarsunntak,
  vurderSmb,
  OFFENTLIGE_FORMER,
  OFFENTLIGE_SEKTORER,
  type Kurs,
  type SmbFakta,
} from '../../src/domain/smb/smb.js';
import { byggFakta, statuserFra, type FaktaInn } from '../../src/domain/smb/fakta.js';
import { planlegg, type PlanInn } from '../../src/domain/smb/plan.js';
import { hent, NettFeil, tolkEnhetSvar, tolkRegnskapSvar, tolkUnderenhetSvar } from '../../src/io/brreg/brreg.js';

const IDAG = '2026-11-22' as Dato;
const KURS: Kurs = { kurs: 115_000, dato: '2025-12-31' as Dato, kilde: 'test' };
const kr = (n: number) => Math.round(n * 100);

function fakta(o: Partial<SmbFakta> = {}): SmbFakta {
  const f: SmbFakta = {
    orgnr: '910000004',
    navn: 'TEST AS',
    orgform: { verdi: 'AS', fra: 'test' },
    nace: { verdi: ['62.010'], fra: 'test' },
    sektor: { verdi: '2100', fra: 'test' },
    arsverk: { verdi: 40_00, fra: '--ansatte' },
    omsetning: { verdi: kr(8_000_000), fra: 'test' },
    balanse: { verdi: kr(6_000_000), fra: 'test' },
    innskuttEk: { verdi: kr(1_000_000), fra: 'test' },
    opptjentEk: { verdi: kr(200_000), fra: 'test' },
    sumEk: null,
    aksjekapital: null,
    overkurs: null,
    underenhet: null,
    regnskapsperiode: null,
    regnskapMerknad: null,
    registrert: { verdi: '2015-01-01' as Dato, fra: 'test' },
    statuser: [],
    erIKonsern: false,
    konsern: { egenkapital: null, kapital: null, registrert: null, betalingsevne: null, morselskap: null },
    konkursOppgitt: null,
    sisteInnsendteAarsregnskap: null,
    eierskapOppgitt: true,
    partnere: [],
    tilknyttede: [],
    offentligeEiere: [],
    innovasjonsselskap: { verdi: false, fra: '' },
    betalingsevne: null,
    redningsstotte: false,
    ...o,
  };
  // Sum egenkapital følger innskutt + opptjent når testen ikke setter den selv (som i et ekte regnskap).
  if (!('sumEk' in o) && f.innskuttEk && f.opptjentEk)
    f.sumEk = { verdi: f.innskuttEk.verdi + f.opptjentEk.verdi, fra: 'test' };
  return f;
}
const ingen = aggreger({ arsverk: null, omsetning: null, balanse: null }, [], []);
const agg = (f: SmbFakta) =>
  aggreger(
    { arsverk: f.arsverk?.verdi ?? null, omsetning: f.omsetning?.verdi ?? null, balanse: f.balanse?.verdi ?? null },
    f.partnere,
    f.tilknyttede,
  );
const vurder = (f: SmbFakta) => vurderSmb({ fakta: f, idag: IDAG, kurs: KURS, stotte: { tidligereEur: 0, linjer: 0 } });

describe('smb: utelukkede former (programveileder 4.3)', () => {
  it('4.3: ASA kan ikke tas opp; AS kan', () => {
    expect(vurder(fakta({ orgform: { verdi: 'ASA', fra: 't' } })).dom).toBe('KAN IKKE TAS OPP');
    expect(vurder(fakta()).dom).toBe('KAN TAS OPP');
  });

  it.each(Object.keys(OFFENTLIGE_FORMER))('4.3: offentlig form %s kan ikke tas opp', (form) => {
    expect(kriteriumOffentlig(fakta({ orgform: { verdi: form, fra: 't' } })).status).toBe('ikke ok');
  });

  it('4.3 / GBER vedlegg I art. 3 nr. 4 (issue 13 pkt. 2): sektorkoder for offentlig kontroll = ikke ok, også 1110/1120 statlig eide AS', () => {
    for (const s of ['1110', '1120', '1510', '1520', '3100', '3900', '6100', '6500']) {
      expect(kriteriumOffentlig(fakta({ sektor: { verdi: s, fra: 't' } })).status, s).toBe('ikke ok');
    }
    expect(Object.keys(OFFENTLIGE_SEKTORER).sort()).toEqual([
      '1110',
      '1120',
      '1510',
      '1520',
      '3100',
      '3900',
      '6100',
      '6500',
    ]);
    const equinor = kriteriumOffentlig(
      fakta({ sektor: { verdi: '1120', fra: 't', beskrivelse: 'Statlig eide aksjeselskaper mv.' } }),
    );
    expect(equinor.grunnlag).toContain('1120 (Statlig eide aksjeselskaper mv.)');
    expect(kriteriumOffentlig(fakta({ orgform: { verdi: 'SÆR', fra: 't' } })).status).toBe('må vurderes');
    // Ukjent kode: må vurderes med grunnen; privat kode: ok, og grunnlaget sier at 25–50 % offentlig ikke synes.
    expect(kriteriumOffentlig(fakta({ sektor: { verdi: '4900', fra: 't' } })).status).toBe('må vurderes');
    const privat = kriteriumOffentlig(fakta());
    expect(privat.status).toBe('ok');
    expect(privat.grunnlag).toContain('25–50 %');
  });

  it('4.3: bank og forsikring: SPA, GFS, PK og NACE 64.1/65 = ikke ok; 64.9 må vurderes; 64.2 holding ok', () => {
    for (const f of ['SPA', 'GFS', 'PK'])
      expect(kriteriumBank(fakta({ orgform: { verdi: f, fra: 't' } })).status).toBe('ikke ok');
    for (const n of ['64.190', '65.120', '65.300'])
      expect(kriteriumBank(fakta({ nace: { verdi: [n], fra: 't' } })).status).toBe('ikke ok');
    expect(kriteriumBank(fakta({ nace: { verdi: ['64.920'], fra: 't' } })).status).toBe('må vurderes');
    expect(kriteriumBank(fakta({ nace: { verdi: ['64.200'], fra: 't' } })).status).toBe('ok');
  });

  it('4.3: innovasjonsselskap (flagg) = ikke ok; «næringshage» i navnet må vurderes', () => {
    expect(
      vurder(fakta({ innovasjonsselskap: { verdi: true, fra: '--innovasjonsselskap' } })).kriterier.find(
        (k) => k.id === 'innovasjonsselskap',
      )!.status,
    ).toBe('ikke ok');
    expect(
      vurder(fakta({ navn: 'FJELLBYGDA NÆRINGSHAGE AS' })).kriterier.find((k) => k.id === 'innovasjonsselskap')!.status,
    ).toBe('må vurderes');
  });
});

describe('smb: svært sjeldne tilfeller (programveileder 4.3) — hver advarselstype', () => {
  it.each([
    ['stiftelse (STI)', { orgform: { verdi: 'STI', fra: 't' } }, 'stiftelse'],
    ['forening/lag (FLI)', { orgform: { verdi: 'FLI', fra: 't' } }, 'forening'],
    ['NACE 94', { nace: { verdi: ['94.110'], fra: 't' } }, 'NACE 94'],
    ['opplæringskontor', { navn: 'OPPLÆRINGSKONTORET FOR BYGG' }, 'opplæringskontor'],
  ] as const)('4.3: %s gir må vurderes med grunn', (_n, o, ord) => {
    const k = kriteriumSjelden(fakta(o as Partial<SmbFakta>));
    expect(k.status).toBe('må vurderes');
    expect(k.grunnlag).toContain(ord);
    expect(k.grunnlag).toContain('svært sjeldne');
  });
  it('4.3: vanlig AS med NACE 62 gir ingen advarsel', () => {
    expect(kriteriumSjelden(fakta()).status).toBe('ok');
  });
});

describe('smb: årsverk (definisjoner SMB, vedlegg 3 pkt. 2)', () => {
  it('definisjoner SMB: 249 årsverk ok, 250 ikke ok (færre enn 250)', () => {
    const f249 = fakta({ arsverk: { verdi: 249_00, fra: '--ansatte' } });
    const f250 = fakta({ arsverk: { verdi: 250_00, fra: '--ansatte' } });
    expect(kriteriumArsverk(f249, agg(f249)).status).toBe('ok');
    expect(kriteriumArsverk(f250, agg(f250)).status).toBe('ikke ok');
    expect(
      kriteriumArsverk(
        fakta({ arsverk: { verdi: 249_99, fra: '--ansatte' } }),
        agg(fakta({ arsverk: { verdi: 249_99, fra: '--ansatte' } })),
      ).status,
    ).toBe('ok');
  });
  it('definisjoner SMB: antallAnsatte mangler i svaret → må vurderes uten å påstå at ingen ansatte er registrert', () => {
    const k = kriteriumArsverk(fakta({ arsverk: null }), ingen);
    expect(k.status).toBe('må vurderes');
    expect(k.grunnlag).not.toContain('ikke registrert');
    expect(k.grunnlag).toContain('--ansatte');
  });
  it('definisjoner SMB: 250 ansatte fra registeret er ikke årsverk → må vurderes; ukjent → må vurderes', () => {
    const f = fakta({ arsverk: { verdi: 250_00, fra: 'Enhetsregisteret', erAntallAnsatte: true } });
    expect(kriteriumArsverk(f, agg(f)).status).toBe('må vurderes');
    expect(kriteriumArsverk(fakta({ arsverk: null }), ingen).status).toBe('må vurderes');
  });
  it('definisjoner SMB (egenskap): ok ⇔ samlet årsverk < 250', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400_00 }),
        fc.integer({ min: 0, max: 400_00 }),
        fc.integer({ min: 250_000, max: 500_000 }),
        (egne, p, andel) => {
          const f = fakta({
            arsverk: { verdi: egne, fra: '--ansatte' },
            partnere: [{ orgnr: '910020552', andel, arsverk: p, omsetning: 0, balanse: 0 }],
          });
          const a = agg(f);
          expect(a.arsverk).toBe(egne + Math.floor((p * andel) / 1_000_000 + 0.5));
          expect(kriteriumArsverk(f, a).status).toBe(a.arsverk! < 250_00 ? 'ok' : 'ikke ok');
        },
      ),
    );
  });
});

describe('smb: omsetning og balanse (definisjoner SMB)', () => {
  const o = (oms: number, bal: number) => {
    const f = fakta({ omsetning: { verdi: oms, fra: 't' }, balanse: { verdi: bal, fra: 't' } });
    return kriteriumOkonomi(f, agg(f), KURS, IDAG).status;
  };
  // Kurs 11,5: 50 MEUR = 575 000 000 kr; 43 MEUR = 494 500 000 kr.
  it('definisjoner SMB: over én grense = fortsatt SMB; over begge = stor', () => {
    expect(o(kr(575_000_000), kr(494_500_000))).toBe('ok');
    expect(o(kr(575_000_000) + 1, kr(494_500_000))).toBe('ok');
    expect(o(kr(575_000_000), kr(494_500_000) + 1)).toBe('ok');
    expect(o(kr(575_000_000) + 1, kr(494_500_000) + 1)).toBe('ikke ok');
  });
  it('definisjoner SMB: NOK-omregning på grensen er eksakt (1 øre over teller, også når EUR rundes likt)', () => {
    expect(nokTilEur(kr(575_000_000) + 1, 115_000)).toBe(5_000_000_000); // rundet likt …
    expect(overEurGrense(kr(575_000_000) + 1, 5_000_000_000, 115_000)).toBe(true); // … men over
    expect(overEurGrense(kr(575_000_000), 5_000_000_000, 115_000)).toBe(false);
  });
  it('definisjoner SMB (egenskap): over grensen ⇔ NOK > grense × kurs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: 50_000, max: 200_000 }),
        (ore, kurs) => {
          const grenseOre = (5_000_000_000n * BigInt(kurs)) / 10_000n; // eksakt når kurs×50M er hele øre
          const eksakt = (5_000_000_000n * BigInt(kurs)) % 10_000n === 0n;
          if (eksakt) expect(overEurGrense(ore, 5_000_000_000, kurs)).toBe(BigInt(ore) > grenseOre);
          // og omregningen avviker høyst en halv cent
          expect(Math.abs(nokTilEur(ore, kurs) - (ore * 10_000) / kurs)).toBeLessThanOrEqual(0.5 + 1e-6);
        },
      ),
    );
  });
  it('definisjoner SMB: én kjent verdi under grensen er nok; én over og én ukjent må vurderes', () => {
    const f1 = fakta({ omsetning: { verdi: kr(1_000_000), fra: 't' }, balanse: null });
    expect(kriteriumOkonomi(f1, agg(f1), KURS, IDAG).status).toBe('ok');
    const f2 = fakta({ omsetning: { verdi: kr(600_000_000), fra: 't' }, balanse: null });
    expect(kriteriumOkonomi(f2, agg(f2), KURS, IDAG).status).toBe('må vurderes');
  });
});

describe('smb: partnere og tilknyttede (vedlegg 3 pkt. 2, GBER vedlegg I art. 3 og 6)', () => {
  it('vedlegg 3 pkt. 2: A + 30 % av B + C (tilknyttet) = 120 årsverk / 23 M / 17 M; B med 51 % gir 260', () => {
    const B = { orgnr: '910020552', arsverk: 200_00, omsetning: kr(40e6), balanse: kr(30e6) };
    const C = { orgnr: '910023292', andel: 600_000, arsverk: 20_00, omsetning: kr(3e6), balanse: kr(2e6) };
    const a = aggreger({ arsverk: 40_00, omsetning: kr(8e6), balanse: kr(6e6) }, [{ ...B, andel: 300_000 }], [C]);
    expect(a).toMatchObject({ arsverk: 120_00, omsetning: kr(23e6), balanse: kr(17e6) });
    const b = aggreger({ arsverk: 40_00, omsetning: kr(8e6), balanse: kr(6e6) }, [], [{ ...B, andel: 510_000 }, C]);
    expect(b.arsverk).toBe(260_00);
  });
  it('vedlegg 3 pkt. 2: grensene for relasjonstype: 24,9999 % selvstendig, 25 % og 50 % partner, 50,0001 % tilknyttet', () => {
    expect(relasjonstype(249_999)).toBe('selvstendig');
    expect(relasjonstype(250_000)).toBe('partner');
    expect(relasjonstype(500_000)).toBe('partner');
    expect(relasjonstype(500_001)).toBe('tilknyttet');
  });
  it('vedlegg 3 pkt. 2 (egenskap): aggregeringen er monoton og tilknyttede teller fullt', () => {
    const rel = fc.record({
      andel: fc.integer({ min: 250_000, max: 1_000_000 }),
      arsverk: fc.integer({ min: 0, max: 1e6 }),
      omsetning: fc.integer({ min: 0, max: 1e12 }),
      balanse: fc.integer({ min: 0, max: 1e12 }),
    });
    fc.assert(
      fc.property(fc.array(rel, { maxLength: 5 }), fc.array(rel, { maxLength: 5 }), (ps, ts) => {
        const p = ps.map((r) => ({ ...r, orgnr: '910020552' }));
        const t = ts.map((r) => ({ ...r, orgnr: '910023292' }));
        const a = aggreger({ arsverk: 0, omsetning: 0, balanse: 0 }, p, t);
        expect(a.fraTilknyttede.omsetning).toBe(t.reduce((s, r) => s + r.omsetning, 0));
        expect(a.fraPartnere.omsetning).toBeLessThanOrEqual(p.reduce((s, r) => s + r.omsetning, 0));
        expect(a.omsetning).toBe(a.fraPartnere.omsetning + a.fraTilknyttede.omsetning);
      }),
    );
  });
  it('vedlegg 3 pkt. 2: eierskap ikke oppgitt → må vurderes (registeret vet ikke)', () => {
    expect(vurder(fakta({ eierskapOppgitt: false })).kriterier.find((k) => k.id === 'eierskap')!.status).toBe(
      'må vurderes',
    );
  });
  it('vedlegg 3 pkt. 2 (GBER vedlegg I art. 3 nr. 3): --selvstendig mens Enhetsregisteret sier erIKonsern → må vurderes; med tilknyttet → ok', () => {
    const eier = (f: SmbFakta) => vurder(f).kriterier.find((k) => k.id === 'eierskap')!;
    const k = eier(fakta({ erIKonsern: true }));
    expect(k.status).toBe('må vurderes');
    expect(k.grunnlag).toContain('--tilknyttet');
    const partner = { orgnr: '910020552', andel: 300_000, arsverk: 0, omsetning: 0, balanse: 0 };
    expect(eier(fakta({ erIKonsern: true, partnere: [partner] })).status).toBe('må vurderes');
    expect(eier(fakta({ erIKonsern: true, tilknyttede: [{ ...partner, andel: 600_000 }] })).status).toBe('ok');
    expect(eier(fakta({ erIKonsern: false })).status).toBe('ok');
  });
});

describe('smb: «i vanskeligheter» (vedlegg 3 pkt. 2)', () => {
  const tap = (opptjent: number, registrert: string) =>
    kriteriumKapitaltap(
      fakta({
        innskuttEk: { verdi: kr(1_000_000), fra: 't' },
        opptjentEk: { verdi: kr(opptjent), fra: 't' },
        registrert: { verdi: registrert as Dato, fra: 't' },
      }),
      IDAG,
      true,
    );
  it('vedlegg 3 pkt. 2 1): tap 600 000 av 1 000 000, fem år gammel → ikke ok; samme etter to år → unntatt', () => {
    expect(tap(-600_000, '2021-06-01').status).toBe('ikke ok');
    expect(tap(-600_000, '2024-06-01').status).toBe('ok');
    expect(tap(-600_000, '2024-06-01').grunnlag).toContain('Unntatt');
  });
  it('vedlegg 3 pkt. 2 1): tap på nøyaktig halvparten er ikke «mer enn halvparten»', () => {
    expect(tap(-500_000, '2015-01-01').status).toBe('ok');
    expect(
      kriteriumKapitaltap(
        fakta({ innskuttEk: { verdi: 100_000_00, fra: 't' }, opptjentEk: { verdi: -50_000_01, fra: 't' } }),
        IDAG,
        true,
      ).status,
    ).toBe('ikke ok');
  });
  it('vedlegg 3 pkt. 2 1): treårsunntaket slutter på treårsdagen, og gjelder ikke en bedrift som ikke er SMB', () => {
    expect(tap(-600_000, '2023-11-23').status).toBe('ok');
    expect(tap(-600_000, '2023-11-22').status).toBe('ikke ok');
    expect(
      kriteriumKapitaltap(
        fakta({ opptjentEk: { verdi: kr(-600_000), fra: 't' }, registrert: { verdi: '2025-01-01' as Dato, fra: 't' } }),
        IDAG,
        false,
      ).status,
    ).toBe('ikke ok');
  });
  it('vedlegg 3 pkt. 2 1) (issue 13 pkt. 10): i et konsern testes konsernet også; uten konsernets tall = må vurderes', () => {
    expect(tap(-100_000, '2015-01-01').grunnlag).not.toContain('Konsernet');
    const k = kriteriumKapitaltap(fakta({ erIKonsern: true }), IDAG, true);
    expect(k.status).toBe('må vurderes');
    expect(k.grunnlag).toContain('--konsern-egenkapital');
    const konsern = (ek: number) => ({
      egenkapital: { verdi: kr(ek), fra: 't' },
      kapital: { verdi: kr(1_000_000), fra: 't' },
      registrert: null,
      betalingsevne: null,
      morselskap: null,
    });
    expect(kriteriumKapitaltap(fakta({ erIKonsern: true, konsern: konsern(500_000) }), IDAG, true).status).toBe('ok');
    expect(kriteriumKapitaltap(fakta({ erIKonsern: true, konsern: konsern(499_999) }), IDAG, true).status).toBe(
      'ikke ok',
    );
  });
  it('vedlegg 3 pkt. 2 1) (issue 13 pkt. 10): treårsunntaket gis aldri ut fra datterselskapets dato alene', () => {
    const ung = {
      innskuttEk: { verdi: kr(100_000), fra: 't' },
      opptjentEk: { verdi: kr(-90_000), fra: 't' },
      registrert: { verdi: '2025-06-01' as Dato, fra: 't' },
    };
    expect(kriteriumKapitaltap(fakta(ung), IDAG, true).status).toBe('ok');
    const iKonsern = kriteriumKapitaltap(fakta({ ...ung, erIKonsern: true }), IDAG, true);
    expect(iKonsern.status).toBe('ikke ok');
    expect(iKonsern.grunnlag).toContain('ikke ut fra bedriftens dato alene');
    const konsern = (d: string) => ({
      egenkapital: null,
      kapital: null,
      registrert: { verdi: d as Dato, fra: '--konsern-registrert' },
      betalingsevne: null,
      morselskap: null,
    });
    expect(
      kriteriumKapitaltap(fakta({ ...ung, erIKonsern: true, konsern: konsern('2024-01-01') }), IDAG, true).status,
    ).toBe('ok');
    // Den tidligste datoen (konsernet fra 2010) styrer: unntaket er ute.
    expect(
      kriteriumKapitaltap(fakta({ ...ung, erIKonsern: true, konsern: konsern('2010-01-01') }), IDAG, true).status,
    ).toBe('ikke ok');
  });
  it('vedlegg 3 pkt. 2 1) (issue 13 pkt. 11): tegnet kapital = aksjekapital + overkurs; uten overkurs et intervall opp til innskutt EK', () => {
    const ak = { verdi: kr(100_000), fra: 'Enhetsregisteret' };
    expect(
      tegnetKapital({ aksjekapital: ak, overkurs: { verdi: kr(400_000), fra: '--overkurs' }, innskuttEk: null }),
    ).toMatchObject({ min: kr(500_000), maks: kr(500_000) });
    expect(
      tegnetKapital({ aksjekapital: ak, overkurs: null, innskuttEk: { verdi: kr(1_000_000), fra: 't' } }),
    ).toMatchObject({ min: kr(100_000), maks: kr(1_000_000) });
    expect(
      tegnetKapital({ aksjekapital: null, overkurs: null, innskuttEk: { verdi: kr(1_000_000), fra: 't' } })!.tekst,
    ).toContain('aksjekapitalen er ukjent');
    const med = (sumEk: number, overkurs?: number) =>
      kriteriumKapitaltap(
        fakta({
          aksjekapital: ak,
          innskuttEk: { verdi: kr(1_000_000), fra: 't' },
          opptjentEk: null,
          sumEk: { verdi: kr(sumEk), fra: 't' },
          overkurs: overkurs === undefined ? null : { verdi: kr(overkurs), fra: '--overkurs' },
        }),
        IDAG,
        true,
      );
    expect(med(49_999).status).toBe('ikke ok'); // under halvparten av aksjekapitalen: sikkert tapt
    expect(med(500_000).status).toBe('ok'); // minst halvparten av innskutt EK: sikkert ikke tapt
    expect(med(200_000).status).toBe('må vurderes'); // avhenger av overkursen
    expect(med(200_000).grunnlag).toContain('--overkurs');
    expect(med(200_000, 400_000).status).toBe('ikke ok'); // 200 000 < 250 000
    expect(med(250_000, 400_000).status).toBe('ok');
  });
  it('vedlegg 3 pkt. 2 2): negativ egenkapital uten kjent betalingsevne må vurderes; nei = ikke ok; ja = ok', () => {
    const neg = { sumEk: { verdi: -1, fra: 't' } };
    expect(kriteriumInsolvens(fakta(neg)).status).toBe('må vurderes');
    expect(kriteriumInsolvens(fakta({ ...neg, betalingsevne: false })).status).toBe('ikke ok');
    expect(kriteriumInsolvens(fakta({ ...neg, betalingsevne: true })).status).toBe('ok');
    expect(kriteriumInsolvens(fakta({ sumEk: { verdi: 0, fra: 't' } })).status).toBe('ok');
  });
  it('GBER art. 2 nr. 18 c (issue 13 pkt. 1): alle statusfeltene — konkurs, rekonstruksjon, avvikling, tvang — = ikke ok med dato, også for en ny bedrift', () => {
    const e = (x: Record<string, unknown>) =>
      statuserFra({
        organisasjonsnummer: '910000004',
        navn: 'X',
        organisasjonsform: { kode: 'AS' },
        konkurs: false,
        underAvvikling: false,
        ...x,
      });
    expect(e({})).toEqual([]);
    expect(e({ underRekonstruksjonsforhandlingDato: '2026-09-15' })).toEqual([
      { felt: 'underRekonstruksjonsforhandlingDato', tekst: 'under rekonstruksjonsforhandling', dato: '2026-09-15' },
    ]);
    expect(e({ konkurs: true, konkursdato: '2026-10-02' })[0]!.dato).toBe('2026-10-02');
    expect(e({ konkursdato: '' })).toEqual([]);
    expect(e({ underAvvikling: true })[0]!.tekst).toBe('under avvikling');
    expect(e({ tvangsopplostPgaManglendeRevisorDato: '2026-01-05' })[0]).toMatchObject({
      tekst: 'under tvangsavvikling eller tvangsoppløsning',
      dato: '2026-01-05',
    });
    expect(e({ underUtenlandskInsolvensbehandlingDato: '2026-02-01' })).toHaveLength(1);
    const ny = { registrert: { verdi: '2025-06-01' as Dato, fra: 't' } };
    const rek = kriteriumKonkurs(fakta({ ...ny, statuser: e({ underRekonstruksjonsforhandlingDato: '2026-09-15' }) }));
    expect(rek.status).toBe('ikke ok');
    expect(rek.grunnlag).toContain('under rekonstruksjonsforhandling fra 15.09.2026');
    expect(kriteriumKonkurs(fakta({ statuser: null })).status).toBe('må vurderes');
    expect(vurder(fakta({ ...ny, statuser: e({ konkurs: true }) })).dom).toBe('KAN IKKE TAS OPP');
  });
  it('GBER art. 2 nr. 18 d: redningsstøtte ja = ikke ok, nei = ok, ikke oppgitt = må vurderes', () => {
    expect(kriteriumRedningsstotte(fakta({ redningsstotte: true })).status).toBe('ikke ok');
    expect(kriteriumRedningsstotte(fakta({ redningsstotte: false })).status).toBe('ok');
    expect(kriteriumRedningsstotte(fakta({ redningsstotte: null })).status).toBe('må vurderes');
  });
});

describe('smb: treårstaket (vedlegg 3 pkt. 2)', () => {
  it('vedlegg 3 pkt. 2: gjenstående i EUR og NOK; fullt tak = ikke ok', () => {
    const r = kriteriumTreaarstak({ tidligereEur: 15_000_000, linjer: 3 }, KURS, IDAG);
    expect(r.gjenstaarEur).toBe(5_000_000);
    expect(r.gjenstaarNok).toBe(kr(575_000));
    expect(r.k.status).toBe('ok');
    expect(kriteriumTreaarstak({ tidligereEur: 20_000_000, linjer: 1 }, KURS, IDAG).k.status).toBe('ikke ok');
  });
});

describe('smb: dom og exit-kode', () => {
  it('ikke ok slår må vurderes; --streng gjør må vurderes til exit 1', () => {
    expect(samletDom([{ status: 'ok' }, { status: 'må vurderes' }, { status: 'ikke ok' }])).toBe('KAN IKKE TAS OPP');
    expect(samletDom([{ status: 'ok' }, { status: 'må vurderes' }])).toBe('MÅ VURDERES');
    expect(exitKodeFor('MÅ VURDERES', false)).toBe(0);
    expect(exitKodeFor('MÅ VURDERES', true)).toBe(1);
    expect(exitKodeFor('KAN TAS OPP', true)).toBe(0);
    expect(exitKodeFor('KAN IKKE TAS OPP', false)).toBe(1);
  });
});

describe('brreg: tolking av svarene (JSON-formen fra referansen)', () => {
  const url = 'http://x';
  it('404 = ukjent, 410 = fjernet med slettedato, 200 SlettetEnhet = slettet', () => {
    expect(tolkEnhetSvar({ status: 404, tekst: '' }, url).type).toBe('ukjent');
    expect(
      tolkEnhetSvar({ status: 410, tekst: '{"organisasjonsnummer":"910006851","slettedato":"2023-05-02"}' }, url),
    ).toMatchObject({ type: 'fjernet', slettedato: '2023-05-02' });
    const s = tolkEnhetSvar(
      {
        status: 200,
        tekst: JSON.stringify({
          respons_klasse: 'SlettetEnhet',
          organisasjonsnummer: '910005480',
          navn: 'X',
          organisasjonsform: { kode: 'AS' },
          slettedato: '2024-11-26',
        }),
      },
      url,
    );
    expect(s.type).toBe('slettet');
  });
  it('tomme strenger og null i valgfrie felt tåles; manglende navn er en svarfeil', () => {
    const e = tolkEnhetSvar(
      {
        status: 200,
        tekst: JSON.stringify({
          organisasjonsnummer: '910000004',
          navn: 'X',
          organisasjonsform: { kode: 'AS' },
          konkursdato: '',
          konkurs: null,
        }),
      },
      url,
    );
    expect(e.type).toBe('enhet');
    expect(() =>
      tolkEnhetSvar(
        { status: 200, tekst: JSON.stringify({ organisasjonsnummer: '910000004', organisasjonsform: { kode: 'AS' } }) },
        url,
      ),
    ).toThrow(/forventet form/);
  });
  it('enhet: null i valgfrie felt (antallAnsatte, naeringskode1, kapital, institusjonellSektorkode) tåles som manglende', () => {
    const e = tolkEnhetSvar(
      {
        status: 200,
        tekst: JSON.stringify({
          organisasjonsnummer: '910000004',
          navn: 'X',
          organisasjonsform: { kode: 'AS' },
          antallAnsatte: null,
          harRegistrertAntallAnsatte: true,
          naeringskode1: null,
          kapital: null,
          institusjonellSektorkode: null,
        }),
      },
      url,
    );
    expect(e.type).toBe('enhet');
    expect(e.type === 'enhet' && e.enhet.antallAnsatte).toBeUndefined();
  });
  it('regnskap: alle blader er valgfrie (NON_NULL): periode uten fraDato, id som streng (spesifikasjonen) og null tåles', () => {
    const r = tolkRegnskapSvar(
      {
        status: 200,
        tekst: JSON.stringify([
          {
            id: 'a1b2',
            regnskapstype: 'SELSKAP',
            regnskapsperiode: { tilDato: '2025-12-31' },
            valuta: 'NOK',
            eiendeler: { sumEiendeler: 10 },
            resultatregnskapResultat: { driftsresultat: { driftsinntekter: {} } },
            egenkapitalGjeld: null,
          },
        ]),
      },
      url,
    );
    expect(r.type).toBe('regnskap');
    expect(r.type === 'regnskap' && r.regnskap[0]!.eiendeler?.sumEiendeler).toBe(10);
    expect(tolkRegnskapSvar({ status: 200, tekst: JSON.stringify([{ id: 10, journalnr: '201901' }]) }, url).type).toBe(
      'regnskap',
    );
  });
  it('regnskap: liste med ett element; 404 og tom liste = ingen; 500 = ingen med status', () => {
    expect(tolkRegnskapSvar({ status: 404, tekst: '' }, url)).toMatchObject({ type: 'ingen', status: 404 });
    expect(tolkRegnskapSvar({ status: 200, tekst: '[]' }, url)).toMatchObject({ type: 'ingen' });
    expect(tolkRegnskapSvar({ status: 500, tekst: '{"status":"500"}' }, url)).toMatchObject({
      type: 'ingen',
      status: 500,
    });
    const trace = JSON.stringify({
      status: '500',
      error: 'Internal Server Error',
      message: 'Ukjent oppstillingsplan',
      trace: '6f1c2a9e4b7d4e0f',
    });
    expect(tolkRegnskapSvar({ status: 500, tekst: trace }, url)).toMatchObject({
      melding: 'Ukjent oppstillingsplan, sporings-id 6f1c2a9e4b7d4e0f',
    });
    const r = tolkRegnskapSvar(
      {
        status: 200,
        tekst: JSON.stringify([
          {
            regnskapstype: 'SELSKAP',
            egenkapitalGjeld: { egenkapital: { innskuttEgenkapital: { sumInnskuttEgenkaptial: 5 } } },
          },
        ]),
      },
      url,
    );
    expect(
      r.type === 'regnskap' &&
        r.regnskap[0]!.egenkapitalGjeld?.egenkapital?.innskuttEgenkapital?.sumInnskuttEgenkaptial,
    ).toBe(5);
  });
});

describe('brreg: HTTP-klienten med injisert fetch (deterministisk, uten nett og uten kappløp)', () => {
  /** En fetch som aldri svarer, men avbrytes av signalet: som en tjener som henger. */
  const henger = (kall: string[]) =>
    ((url: string | URL | Request, init?: RequestInit) => {
      kall.push(String(url));
      return new Promise<Response>((_, avvis) =>
        init?.signal?.addEventListener('abort', () => avvis(init.signal!.reason)),
      );
    }) as typeof fetch;
  it('tidsavbrudd: ett nytt forsøk, så NettFeil med tidsgrensen i meldingen', async () => {
    const kall: string[] = [];
    const e = await hent('http://brreg.test/enheter/910000004', 5, henger(kall)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NettFeil);
    expect((e as Error).message).toContain('svarte ikke innen 0.005 sekunder');
    expect(kall).toEqual(['http://brreg.test/enheter/910000004', 'http://brreg.test/enheter/910000004']);
  });
  it('5xx gir ett nytt forsøk; 200 på andre forsøk brukes', async () => {
    const svar = [new Response('x', { status: 503 }), new Response('{"ok":1}', { status: 200 })];
    const r = await hent('http://brreg.test/x', 1000, (async () => svar.shift()!) as typeof fetch);
    expect(r).toEqual({ status: 200, tekst: '{"ok":1}' });
  });
});

describe('smb-fakta: registerdata → fakta (issue 13 pkt. 4, 5, 7, 10)', () => {
  const enhet = {
    organisasjonsnummer: '910000004',
    navn: 'X AS',
    organisasjonsform: { kode: 'AS' },
    harRegistrertAntallAnsatte: true,
    kapital: { belop: 30000, type: 'Aksjekapital', valuta: 'NOK' },
  };
  const inn = (o: Partial<FaktaInn> = {}): FaktaInn => ({
    orgnr: '910000004',
    enhet,
    regnskap: [],
    regnskapFeil: null,
    underenhet: null,
    flagg: {},
    eierskap: { oppgitt: true, partnere: [], tilknyttede: [], offentlige: [] },
    innovasjon: { verdi: false, fra: '' },
    ...o,
  });
  const regnskap = (type: string, til: string, ek: Record<string, unknown>, valuta = 'NOK') => ({
    regnskapstype: type,
    valuta,
    regnskapsperiode: { fraDato: `${til.slice(0, 4)}-01-01`, tilDato: til },
    egenkapitalGjeld: { egenkapital: ek },
  });
  it('pkt. 4: tom opptjentEgenkapital ({}) utledes som sum − innskutt, og kilden sier det', () => {
    const f = byggFakta(
      inn({
        regnskap: [
          regnskap('SELSKAP', '2025-12-31', {
            sumEgenkapital: 412000.0,
            opptjentEgenkapital: {},
            innskuttEgenkapital: { sumInnskuttEgenkaptial: 30000.0 },
          }),
        ],
      }),
    );
    expect(f.opptjentEk).toMatchObject({ verdi: kr(382_000) });
    expect(f.opptjentEk!.fra).toContain('utledet: sum egenkapital − innskutt egenkapital');
    expect(f.sumEk!.verdi).toBe(kr(412_000));
    expect(f.aksjekapital).toMatchObject({ verdi: kr(30_000) });
  });
  it('pkt. 5: harRegistrertAntallAnsatte uten antallAnsatte = 0–4 ansatte (regnet som 4), false = 0', () => {
    expect(byggFakta(inn()).arsverk).toMatchObject({ verdi: 4_00, intervall: '0–4', erAntallAnsatte: true });
    expect(byggFakta(inn({ enhet: { ...enhet, harRegistrertAntallAnsatte: false } })).arsverk).toMatchObject({
      verdi: 0,
    });
    const f = byggFakta(inn());
    expect(kriteriumArsverk(f, agg(f)).grunnlag).toContain('0–4 ansatte');
  });
  it('pkt. 7: regnskap i USD brukes ikke og merknaden sier hvorfor; HTTP 500 gir grunnen', () => {
    const f = byggFakta(inn({ regnskap: [regnskap('SELSKAP', '2022-12-31', { sumEgenkapital: 5 }, 'USD')] }));
    expect(f.sumEk).toBeNull();
    expect(f.regnskapMerknad).toContain('ført i USD, ikke NOK');
    const k = kriteriumOkonomi(f, agg(f), KURS, IDAG);
    expect(k.grunnlag).toContain('USD');
    expect(k.grunnlag).not.toContain('ikke regnskapspliktig');
    const feil = byggFakta(inn({ regnskap: [], regnskapFeil: { status: 500, melding: 'sporings-id abc' } }));
    expect(feil.regnskapMerknad).toContain('HTTP 500 (sporings-id abc)');
  });
  it('pkt. 10: nyeste SELSKAP er bedriftens tall og nyeste KONSERN er konsernets, uansett rekkefølge', () => {
    const f = byggFakta(
      inn({
        regnskap: [
          regnskap('KONSERN', '2025-12-31', {
            sumEgenkapital: -1500000,
            innskuttEgenkapital: { sumInnskuttEgenkaptial: 2000000 },
          }),
          regnskap('SELSKAP', '2024-12-31', { sumEgenkapital: 1 }),
          regnskap('SELSKAP', '2025-12-31', { sumEgenkapital: 1800000 }),
        ],
      }),
    );
    expect(f.sumEk!.verdi).toBe(kr(1_800_000));
    expect(f.konsern.egenkapital!.verdi).toBe(kr(-1_500_000));
    expect(f.konsern.kapital!.verdi).toBe(kr(2_000_000));
  });
});

describe('smb: offentlige eiere, NUF og underenheter (issue 13 pkt. 3, 6, 9)', () => {
  const eier = (andel: number, unntatt = false) => ({ orgnr: '940192226', andel, grunn: 'test', unntatt });
  it('GBER vedlegg I art. 3 nr. 4: offentlige eiere med 25 % eller mer til sammen = ikke ok; art. 3 nr. 2-unntak bare når oppgitt', () => {
    const k = (o: ReturnType<typeof eier>[]) => kriteriumEierskap(fakta({ offentligeEiere: o }), agg(fakta()));
    expect(k([eier(250_000)]).status).toBe('ikke ok');
    expect(k([eier(249_999)]).status).toBe('ok');
    expect(k([eier(150_000), { ...eier(100_000), orgnr: '910004115' }]).status).toBe('ikke ok');
    expect(k([eier(300_000, true)]).status).toBe('ok');
    expect(k([eier(300_000)]).grunnlag).toContain('art. 3 nr. 4');
  });
  it('NUF og UTLA = må vurderes; AS = ok', () => {
    expect(kriteriumUtenlandsk(fakta({ orgform: { verdi: 'NUF', fra: 't' } })).status).toBe('må vurderes');
    expect(kriteriumUtenlandsk(fakta({ orgform: { verdi: 'UTLA', fra: 't' } })).status).toBe('må vurderes');
    expect(kriteriumUtenlandsk(fakta()).status).toBe('ok');
  });
  it('underenhet: overordnetEnhet leses; slettet underenhet kjennes igjen', () => {
    const u = tolkUnderenhetSvar(
      {
        status: 200,
        tekst: JSON.stringify({
          organisasjonsnummer: '924203617',
          navn: 'AVD',
          organisasjonsform: { kode: 'BEDR' },
          overordnetEnhet: '991825827',
        }),
      },
      'x',
    );
    expect(u).toMatchObject({ type: 'underenhet', overordnet: '991825827' });
    const s = tolkUnderenhetSvar(
      {
        status: 200,
        tekst: JSON.stringify({
          organisasjonsnummer: '974567989',
          navn: 'AVD',
          organisasjonsform: { kode: 'BEDR' },
          slettedato: '2023-12-30',
        }),
      },
      'x',
    );
    expect(s.type).toBe('slettet');
    expect(tolkUnderenhetSvar({ status: 404, tekst: '' }, 'x').type).toBe('ukjent');
  });
});

describe('smb-flagg: flaggene som zod-skjema', () => {
  it('alle ugyldige flagg rapporteres på én gang, med flagget som kolonne; gyldige flagg tolkes', async () => {
    const { lesFlagg } = await import('../../src/cli/app/smb-sjekk/flagg.js');
    const { InndataFeil } = await import('../../src/domain/felles/diagnostikk.js');
    const grunn = { partner: [], tilknyttet: [], offentligEier: [], unntattInvestor: [] };
    let e: unknown;
    try {
      lesFlagg({ ...grunn, ansatte: '-3', redningsstotte: 'kanskje', partner: ['910020552:60:1:1:1'] }, IDAG);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InndataFeil);
    expect((e as InstanceType<typeof InndataFeil>).diagnostikk.map((d) => d.kilde?.kolonne).sort()).toEqual([
      '--ansatte',
      '--partner',
      '--redningsstotte',
    ]);
    const f = lesFlagg(
      {
        ...grunn,
        overkurs: '400 000',
        redningsstotte: 'nei',
        offentligEier: ['910004115:24,9'],
        konsernRegistrert: '01.06.2024',
      },
      IDAG,
    );
    expect(f).toMatchObject({
      overkurs: kr(400_000),
      redningsstotte: false,
      offentlige: [{ orgnr: '910004115', andel: 249_000 }],
      konsernRegistrert: '2024-06-01',
    });
  });
});

describe('issue 19 pkt. 8: --vurdert avgjør bare det som ellers må vurderes (domain/smb/vurdering.ts)', () => {
  it('tolker «id=ok:begrunnelse»; ukjent id, status eller for kort begrunnelse er feil', () => {
    expect(tolkVurdering('sjelden=ok:Driver utleie av kontorplass i konkurranse')).toEqual({
      id: 'sjelden',
      ok: true,
      begrunnelse: 'Driver utleie av kontorplass i konkurranse',
    });
    expect(tolkVurdering('utenlandsk-foretak=ikke-ok:Konsernet i Sverige er stort')).toMatchObject({ ok: false });
    expect(typeof tolkVurdering('finnes-ikke=ok:en lang nok begrunnelse')).toBe('string');
    expect(typeof tolkVurdering('sjelden=kanskje:en lang nok begrunnelse')).toBe('string');
    expect(typeof tolkVurdering('sjelden=ok:kort')).toBe('string');
  });

  it('4.3 «svært sjeldne tilfeller»: en stiftelse blir ok med begrunnelse; et «ikke ok» snus aldri', () => {
    const stiftelse = fakta({ orgform: { verdi: 'STI', fra: 't' } });
    const uten = vurder(stiftelse);
    expect(uten.kriterier.find((k) => k.id === 'sjelden')!.status).toBe('må vurderes');
    expect(uten.mangler.find((m) => m.id === 'sjelden')!.tekst).toContain('--vurdert sjelden=ok|ikke-ok');
    const g = { fakta: stiftelse, idag: IDAG, kurs: KURS, stotte: { tidligereEur: 0, linjer: 0 } };
    const v = { id: 'sjelden', ok: true, begrunnelse: 'Stiftelsen driver utleie i konkurranse med andre' };
    const med = vurderSmb({ ...g, vurderinger: [v] });
    const k = med.kriterier.find((x) => x.id === 'sjelden')!;
    expect(k.status).toBe('ok');
    expect(k.grunnlag).toContain('Vurdert av administratoren (--vurdert sjelden=ok): Stiftelsen driver utleie');
    expect(med.mangler).toEqual([]);
    const asa = vurderSmb({
      ...g,
      fakta: fakta({ orgform: { verdi: 'ASA', fra: 't' } }),
      vurderinger: [{ id: 'asa', ok: true, begrunnelse: 'Vi mener dette er greit likevel' }],
    });
    expect(asa.kriterier.find((x) => x.id === 'asa')!.status).toBe('ikke ok');
    expect(asa.ubrukteVurderinger.map((x) => x.id)).toEqual(['asa']);
  });
});

describe('vedlegg 3 pkt. 2 1): treårsunntaket krever bedriftens egen dato (domain/smb/kapitaltap.ts)', () => {
  it('uten bedriftens registreringsdato gis unntaket ikke, selv om konsernet er ungt', () => {
    const tap = {
      innskuttEk: { verdi: kr(100_000), fra: 't' },
      opptjentEk: { verdi: kr(-90_000), fra: 't' },
      registrert: null,
      erIKonsern: true,
      konsern: {
        egenkapital: { verdi: kr(900_000), fra: 't' },
        kapital: { verdi: kr(400_000), fra: 't' },
        registrert: { verdi: '2025-06-01' as Dato, fra: '--konsern-registrert' },
        betalingsevne: null,
        morselskap: null,
      },
    };
    expect(treaarsunntak(fakta(tap), IDAG, true)).toMatchObject({ gjelder: false, fra: null });
    expect(kriteriumKapitaltap(fakta(tap), IDAG, true).status).toBe('ikke ok');
  });
});

describe('issue 22 pkt. 3: planen er ren — samme inndata gir samme spørsmål og samme dom (domain/smb/plan.ts)', () => {
  const inn = (flagg: Partial<PlanInn['flagg']> = {}): PlanInn => ({
    orgnr: '910017810',
    idag: IDAG,
    kurs: KURS,
    enhet: null,
    underenhet: null,
    regnskap: null,
    regnskapFeil: null,
    flagg: { partnere: [], tilknyttede: [], offentlige: [], unntatte: [], vurderinger: [], ...flagg },
    eierskapOppgitt: false,
    fraFil: { partnere: [], tilknyttede: [], offentlige: [] },
    eiereIRegisteret: new Map(),
    innovasjon: { flagg: false, liste: [], naeringshage: '910030051' },
    stotte: { tidligereEur: 0, linjer: 0 },
  });

  it('uten registerdata: registerdata først (påkrevd), så det som ville gjort dommen endelig', () => {
    const p = planlegg(inn());
    expect(p.manglerRegisterdata).toEqual(['--orgform', '--ansatte', '--omsetning', '--balanse']);
    expect(p.sporsmal).toEqual(['registerdata', 'eierskap', 'egenkapital', 'konkurs-avvikling', 'redningsstotte']);
  });

  it('19.8: med alt oppgitt er det ingen spørsmål igjen, og dommen er KAN TAS OPP', () => {
    const p = planlegg(
      inn({
        orgform: 'AS',
        arsverk: 400,
        omsetning: kr(2_500_000),
        balanse: kr(900_000),
        innskuttEk: kr(100_000),
        opptjentEk: kr(250_000),
        konkursAvvikling: false,
        redningsstotte: false,
      }),
    );
    expect(p.sporsmal).toEqual(['eierskap']);
    const alt = planlegg({
      ...inn({
        orgform: 'AS',
        arsverk: 400,
        omsetning: kr(2_500_000),
        balanse: kr(900_000),
        innskuttEk: kr(100_000),
        opptjentEk: kr(250_000),
        konkursAvvikling: false,
        redningsstotte: false,
      }),
      eierskapOppgitt: true,
    });
    expect(alt.sporsmal).toEqual([]);
    expect(alt.res.dom).toBe('KAN TAS OPP');
    expect(alt.oppfolging).toMatchObject({ regnskap: null, tallOppgitt: true });
  });
});
