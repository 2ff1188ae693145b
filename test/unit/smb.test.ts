import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dato } from '../../src/domain/dato.js';
import {
  aggreger, exitKodeFor, kriteriumArsverk, kriteriumBank, kriteriumInsolvens, kriteriumKapitaltap, kriteriumKonkurs, kriteriumOffentlig,
  kriteriumOkonomi, kriteriumSjelden, kriteriumTreaarstak, nokTilEur, overEurGrense, relasjonstype, samletDom, vurderSmb,
  OFFENTLIGE_FORMER, type Kurs, type SmbFakta,
} from '../../src/domain/smb.js';
import { tolkEnhetSvar, tolkRegnskapSvar } from '../../src/io/brreg.js';

const IDAG = '2026-11-22' as Dato;
const KURS: Kurs = { kurs: 115_000, dato: '2025-12-31' as Dato, kilde: 'test' };
const kr = (n: number) => Math.round(n * 100);

function fakta(o: Partial<SmbFakta> = {}): SmbFakta {
  return {
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
    sumEk: { verdi: kr(1_200_000), fra: 'test' },
    regnskapsperiode: null,
    registrert: { verdi: '2015-01-01' as Dato, fra: 'test' },
    konkurs: false,
    underAvvikling: false,
    tvangsavvikling: false,
    erIKonsern: false,
    eierskapOppgitt: true,
    partnere: [],
    tilknyttede: [],
    innovasjonsselskap: { verdi: false, fra: '' },
    betalingsevne: null,
    ...o,
  };
}
const ingen = aggreger({ arsverk: null, omsetning: null, balanse: null }, [], []);
const agg = (f: SmbFakta) => aggreger({ arsverk: f.arsverk?.verdi ?? null, omsetning: f.omsetning?.verdi ?? null, balanse: f.balanse?.verdi ?? null }, f.partnere, f.tilknyttede);
const vurder = (f: SmbFakta) => vurderSmb({ fakta: f, idag: IDAG, kurs: KURS, stotte: { tidligereEur: 0, linjer: 0 } });

describe('smb: utelukkede former (programveileder 4.3)', () => {
  it('4.3: ASA kan ikke tas opp; AS kan', () => {
    expect(vurder(fakta({ orgform: { verdi: 'ASA', fra: 't' } })).dom).toBe('KAN IKKE TAS OPP');
    expect(vurder(fakta()).dom).toBe('KAN TAS OPP');
  });

  it.each(Object.keys(OFFENTLIGE_FORMER))('4.3: offentlig form %s kan ikke tas opp', (form) => {
    expect(kriteriumOffentlig(fakta({ orgform: { verdi: form, fra: 't' } })).status).toBe('ikke ok');
  });

  it('4.3: offentlig sektorkode 1510/6100/6500 = ikke ok; 1520 (kommunalt eid AS) og SÆR må vurderes', () => {
    for (const s of ['1510', '6100', '6500']) expect(kriteriumOffentlig(fakta({ sektor: { verdi: s, fra: 't' } })).status).toBe('ikke ok');
    expect(kriteriumOffentlig(fakta({ sektor: { verdi: '1520', fra: 't' } })).status).toBe('må vurderes');
    expect(kriteriumOffentlig(fakta({ orgform: { verdi: 'SÆR', fra: 't' } })).status).toBe('må vurderes');
  });

  it('4.3: bank og forsikring: SPA, GFS, PK og NACE 64.1/65 = ikke ok; 64.9 må vurderes; 64.2 holding ok', () => {
    for (const f of ['SPA', 'GFS', 'PK']) expect(kriteriumBank(fakta({ orgform: { verdi: f, fra: 't' } })).status).toBe('ikke ok');
    for (const n of ['64.190', '65.120', '65.300']) expect(kriteriumBank(fakta({ nace: { verdi: [n], fra: 't' } })).status).toBe('ikke ok');
    expect(kriteriumBank(fakta({ nace: { verdi: ['64.920'], fra: 't' } })).status).toBe('må vurderes');
    expect(kriteriumBank(fakta({ nace: { verdi: ['64.200'], fra: 't' } })).status).toBe('ok');
  });

  it('4.3: innovasjonsselskap (flagg) = ikke ok; «næringshage» i navnet må vurderes', () => {
    expect(vurder(fakta({ innovasjonsselskap: { verdi: true, fra: '--innovasjonsselskap' } })).kriterier.find((k) => k.id === 'innovasjonsselskap')!.status).toBe('ikke ok');
    expect(vurder(fakta({ navn: 'FJELLBYGDA NÆRINGSHAGE AS' })).kriterier.find((k) => k.id === 'innovasjonsselskap')!.status).toBe('må vurderes');
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
    expect(kriteriumArsverk(fakta({ arsverk: { verdi: 249_99, fra: '--ansatte' } }), agg(fakta({ arsverk: { verdi: 249_99, fra: '--ansatte' } }))).status).toBe('ok');
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
      fc.property(fc.integer({ min: 0, max: 400_00 }), fc.integer({ min: 0, max: 400_00 }), fc.integer({ min: 250_000, max: 500_000 }), (egne, p, andel) => {
        const f = fakta({ arsverk: { verdi: egne, fra: '--ansatte' }, partnere: [{ orgnr: '910020552', andel, arsverk: p, omsetning: 0, balanse: 0 }] });
        const a = agg(f);
        expect(a.arsverk).toBe(egne + Math.floor((p * andel) / 1_000_000 + 0.5));
        expect(kriteriumArsverk(f, a).status).toBe(a.arsverk! < 250_00 ? 'ok' : 'ikke ok');
      }),
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
      fc.property(fc.integer({ min: 0, max: 2_000_000_000_000 }), fc.integer({ min: 50_000, max: 200_000 }), (ore, kurs) => {
        const grenseOre = (5_000_000_000n * BigInt(kurs)) / 10_000n; // eksakt når kurs×50M er hele øre
        const eksakt = (5_000_000_000n * BigInt(kurs)) % 10_000n === 0n;
        if (eksakt) expect(overEurGrense(ore, 5_000_000_000, kurs)).toBe(BigInt(ore) > grenseOre);
        // og omregningen avviker høyst en halv cent
        expect(Math.abs(nokTilEur(ore, kurs) - (ore * 10_000) / kurs)).toBeLessThanOrEqual(0.5 + 1e-6);
      }),
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
    const rel = fc.record({ andel: fc.integer({ min: 250_000, max: 1_000_000 }), arsverk: fc.integer({ min: 0, max: 1e6 }), omsetning: fc.integer({ min: 0, max: 1e12 }), balanse: fc.integer({ min: 0, max: 1e12 }) });
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
    expect(vurder(fakta({ eierskapOppgitt: false })).kriterier.find((k) => k.id === 'eierskap')!.status).toBe('må vurderes');
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
    kriteriumKapitaltap(fakta({ innskuttEk: { verdi: kr(1_000_000), fra: 't' }, opptjentEk: { verdi: kr(opptjent), fra: 't' }, registrert: { verdi: registrert as Dato, fra: 't' } }), IDAG, true);
  it('vedlegg 3 pkt. 2 1): tap 600 000 av 1 000 000, fem år gammel → ikke ok; samme etter to år → unntatt', () => {
    expect(tap(-600_000, '2021-06-01').status).toBe('ikke ok');
    expect(tap(-600_000, '2024-06-01').status).toBe('ok');
    expect(tap(-600_000, '2024-06-01').grunnlag).toContain('Unntatt');
  });
  it('vedlegg 3 pkt. 2 1): tap på nøyaktig halvparten er ikke «mer enn halvparten»', () => {
    expect(tap(-500_000, '2015-01-01').status).toBe('ok');
    expect(kriteriumKapitaltap(fakta({ innskuttEk: { verdi: 100_000_00, fra: 't' }, opptjentEk: { verdi: -50_000_01, fra: 't' } }), IDAG, true).status).toBe('ikke ok');
  });
  it('vedlegg 3 pkt. 2 1): treårsunntaket slutter på treårsdagen, og gjelder ikke en bedrift som ikke er SMB', () => {
    expect(tap(-600_000, '2023-11-23').status).toBe('ok');
    expect(tap(-600_000, '2023-11-22').status).toBe('ikke ok');
    expect(kriteriumKapitaltap(fakta({ opptjentEk: { verdi: kr(-600_000), fra: 't' }, registrert: { verdi: '2025-01-01' as Dato, fra: 't' } }), IDAG, false).status).toBe('ikke ok');
  });
  it('vedlegg 3 pkt. 2 1): i et konsern sier grunnlaget at testen også må bestås av konsernet', () => {
    expect(tap(-100_000, '2015-01-01').grunnlag).not.toContain('konsern');
    const k = kriteriumKapitaltap(fakta({ erIKonsern: true }), IDAG, true);
    expect(k.grunnlag).toContain('også bestås av konsernet');
  });
  it('vedlegg 3 pkt. 2 2): negativ egenkapital uten kjent betalingsevne må vurderes; nei = ikke ok; ja = ok', () => {
    const neg = { sumEk: { verdi: -1, fra: 't' } };
    expect(kriteriumInsolvens(fakta(neg)).status).toBe('må vurderes');
    expect(kriteriumInsolvens(fakta({ ...neg, betalingsevne: false })).status).toBe('ikke ok');
    expect(kriteriumInsolvens(fakta({ ...neg, betalingsevne: true })).status).toBe('ok');
    expect(kriteriumInsolvens(fakta({ sumEk: { verdi: 0, fra: 't' } })).status).toBe('ok');
  });
  it('vedlegg 3 pkt. 2 2): konkurs, avvikling eller tvangsavvikling = ikke ok, også for en ny bedrift', () => {
    const ny = { registrert: { verdi: '2025-06-01' as Dato, fra: 't' } };
    expect(kriteriumKonkurs(fakta({ ...ny, konkurs: true })).status).toBe('ikke ok');
    expect(kriteriumKonkurs(fakta({ underAvvikling: true })).status).toBe('ikke ok');
    expect(kriteriumKonkurs(fakta({ tvangsavvikling: true })).status).toBe('ikke ok');
    expect(kriteriumKonkurs(fakta({ konkurs: null })).status).toBe('må vurderes');
    expect(vurder(fakta({ ...ny, konkurs: true })).dom).toBe('KAN IKKE TAS OPP');
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
    expect(tolkEnhetSvar({ status: 410, tekst: '{"organisasjonsnummer":"910006851","slettedato":"2023-05-02"}' }, url)).toMatchObject({ type: 'fjernet', slettedato: '2023-05-02' });
    const s = tolkEnhetSvar({ status: 200, tekst: JSON.stringify({ respons_klasse: 'SlettetEnhet', organisasjonsnummer: '910005480', navn: 'X', organisasjonsform: { kode: 'AS' }, slettedato: '2024-11-26' }) }, url);
    expect(s.type).toBe('slettet');
  });
  it('tomme strenger og null i valgfrie felt tåles; manglende navn er en svarfeil', () => {
    const e = tolkEnhetSvar({ status: 200, tekst: JSON.stringify({ organisasjonsnummer: '910000004', navn: 'X', organisasjonsform: { kode: 'AS' }, konkursdato: '', konkurs: null }) }, url);
    expect(e.type).toBe('enhet');
    expect(() => tolkEnhetSvar({ status: 200, tekst: JSON.stringify({ organisasjonsnummer: '910000004', organisasjonsform: { kode: 'AS' } }) }, url)).toThrow(/forventet form/);
  });
  it('enhet: null i valgfrie felt (antallAnsatte, naeringskode1, kapital, institusjonellSektorkode) tåles som manglende', () => {
    const e = tolkEnhetSvar({ status: 200, tekst: JSON.stringify({ organisasjonsnummer: '910000004', navn: 'X', organisasjonsform: { kode: 'AS' }, antallAnsatte: null, harRegistrertAntallAnsatte: true, naeringskode1: null, kapital: null, institusjonellSektorkode: null }) }, url);
    expect(e.type).toBe('enhet');
    expect(e.type === 'enhet' && e.enhet.antallAnsatte).toBeUndefined();
  });
  it('regnskap: alle blader er valgfrie (NON_NULL): periode uten fraDato, id som streng (spesifikasjonen) og null tåles', () => {
    const r = tolkRegnskapSvar({ status: 200, tekst: JSON.stringify([{ id: 'a1b2', regnskapstype: 'SELSKAP', regnskapsperiode: { tilDato: '2025-12-31' }, valuta: 'NOK', eiendeler: { sumEiendeler: 10 }, resultatregnskapResultat: { driftsresultat: { driftsinntekter: {} } }, egenkapitalGjeld: null }]) }, url);
    expect(r.type).toBe('regnskap');
    expect(r.type === 'regnskap' && r.regnskap.eiendeler?.sumEiendeler).toBe(10);
    expect(tolkRegnskapSvar({ status: 200, tekst: JSON.stringify([{ id: 10, journalnr: '201901' }]) }, url).type).toBe('regnskap');
  });
  it('regnskap: liste med ett element; 404 og tom liste = ingen; 500 = ingen med status', () => {
    expect(tolkRegnskapSvar({ status: 404, tekst: '' }, url)).toMatchObject({ type: 'ingen', status: 404 });
    expect(tolkRegnskapSvar({ status: 200, tekst: '[]' }, url)).toMatchObject({ type: 'ingen' });
    expect(tolkRegnskapSvar({ status: 500, tekst: '{"status":"500"}' }, url)).toMatchObject({ type: 'ingen', status: 500 });
    const r = tolkRegnskapSvar({ status: 200, tekst: JSON.stringify([{ regnskapstype: 'SELSKAP', egenkapitalGjeld: { egenkapital: { innskuttEgenkapital: { sumInnskuttEgenkaptial: 5 } } } }]) }, url);
    expect(r.type === 'regnskap' && r.regnskap.egenkapitalGjeld?.egenkapital?.innskuttEgenkapital?.sumInnskuttEgenkaptial).toBe(5);
  });
});
