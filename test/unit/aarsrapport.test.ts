import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dato } from '../../src/domain/felles/dato.js';
import { periodeFor } from '../../src/domain/maltall/maltall.js';
import {
  aktiveMalbedrifter,
  harFjoraarsdata,
  kontrollerAkkumulering,
  kontrollerMerforbruk,
  kontrollerOverforing,
  stottePerMalbedrift,
  tilskuddsbalanse,
  type Registerpost,
  type TilskuddPost,
} from '../../src/domain/aarsrapport/aarsrapport.js';
import { aviStatus, kontrollerAviRegistrering, stotteTilAvi } from '../../src/domain/aarsrapport/avi.js';
import type { AviLogg } from '../../src/domain/kts/kts.js';

const d = (s: string) => s as Dato;

describe('aktive målbedrifter (programveileder 11.1: 31. desember og 30. juni)', () => {
  const mb = [
    { orgnr: '111111111', navn: 'Hele året AS', avtalestart: d('2025-01-01') },
    { orgnr: '222222222', navn: 'Del av året AS', avtalestart: d('2026-03-15'), avtaleslutt: d('2026-09-30') },
    { orgnr: '333333333', navn: 'Høst AS', avtalestart: d('2026-08-01') },
    { orgnr: '444444444', navn: 'Ferdig i fjor AS', avtalestart: d('2024-01-01'), avtaleslutt: d('2025-12-31') },
  ];
  it('11.1: år — alle som er/har vært aktive, med aktiv fra/til innenfor året', () => {
    const a = aktiveMalbedrifter(mb, periodeFor(2026), new Map([['222222222', 1250]]));
    expect(a.map((x) => x.navn)).toEqual(['Del av året AS', 'Hele året AS', 'Høst AS']);
    expect(a[0]).toMatchObject({
      aktivFra: '2026-03-15',
      aktivTil: '2026-09-30',
      ny: true,
      avsluttet: true,
      timer: 1250,
    });
    expect(a[1]).toMatchObject({
      aktivFra: '2026-01-01',
      aktivTil: '2026-12-31',
      ny: false,
      avsluttet: false,
      timer: 0,
    });
  });
  it('11.1: halvår — bare aktive første halvår; en målbedrift aktiv bare en del av halvåret er med', () => {
    const a = aktiveMalbedrifter(mb, periodeFor(2026, true));
    expect(a.map((x) => x.orgnr)).toEqual(['222222222', '111111111']);
    expect(a[0]).toMatchObject({ aktivTil: '2026-06-30', avsluttet: false });
  });
});

describe('støtte per målbedrift fra støtteregisteret (programveileder 11.1, 15. januar; 10.4)', () => {
  const reg: Registerpost[] = [
    {
      orgnr: '111111111',
      navn: 'A AS',
      dato: d('2026-01-31'),
      markedsverdi: 10_000_00,
      egenandel: 2_500_00,
      stotte: 7_500_00,
    },
    {
      orgnr: '111111111',
      navn: 'A AS',
      dato: d('2026-02-28'),
      markedsverdi: 1_000_01,
      egenandel: 250_00,
      stotte: 750_01,
    },
    {
      orgnr: '222222222',
      navn: 'B AS',
      dato: d('2026-07-31'),
      markedsverdi: 4_000_00,
      egenandel: 1_000_00,
      stotte: 3_000_00,
    },
    { orgnr: '111111111', navn: 'A AS', dato: d('2025-12-31'), markedsverdi: 9_999_00, egenandel: 1, stotte: 9_998_99 }, // i fjor
  ];
  const mb = [{ orgnr: '111111111', navn: 'A AS', avtalestart: d('2025-06-01') }];
  it('summerer innovasjonsstøtte, markedsverdi og egenandel i året per målbedrift; totalen er summen av linjene', () => {
    const r = stottePerMalbedrift(reg, periodeFor(2026), mb);
    expect(r.rader).toEqual([
      {
        orgnr: '111111111',
        navn: 'A AS',
        markedsverdi: 11_000_01,
        egenandel: 2_750_00,
        stotte: 8_250_01,
        linjer: 2,
        aktiv: true,
      },
      {
        orgnr: '222222222',
        navn: 'B AS',
        markedsverdi: 4_000_00,
        egenandel: 1_000_00,
        stotte: 3_000_00,
        linjer: 1,
        aktiv: false,
      },
    ]);
    expect(r.sum).toEqual({ markedsverdi: 15_000_01, egenandel: 3_750_00, stotte: 11_250_01, linjer: 3 });
  });
  it('halvår: bare linjer til og med 30.06', () => {
    expect(stottePerMalbedrift(reg, periodeFor(2026, true), mb).sum.stotte).toBe(8_250_01);
  });
  it('egenskap: summen er lik summen av radene, til øret', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            o: fc.integer({ min: 0, max: 4 }),
            m: fc.integer({ min: 0, max: 1e9 }),
            e: fc.integer({ min: 0, max: 1e9 }),
            s: fc.integer({ min: 0, max: 1e9 }),
            mnd: fc.integer({ min: 1, max: 12 }),
          }),
        ),
        (xs) => {
          const r = stottePerMalbedrift(
            xs.map((x) => ({
              orgnr: `10000000${x.o}`,
              navn: 'X',
              dato: d(`2026-${String(x.mnd).padStart(2, '0')}-01`),
              markedsverdi: x.m,
              egenandel: x.e,
              stotte: x.s,
            })),
            periodeFor(2026),
            [],
          );
          expect(r.rader.reduce((s, x) => s + x.stotte, 0)).toBe(r.sum.stotte);
          expect(r.rader.reduce((s, x) => s + x.markedsverdi, 0)).toBe(r.sum.markedsverdi);
          expect(r.rader.reduce((s, x) => s + x.egenandel, 0)).toBe(r.sum.egenandel);
        },
      ),
    );
  });
});

describe('innovasjonstilskudd: balanse og overføring (programveileder 10.4)', () => {
  const tilskudd: TilskuddPost[] = [
    { ar: 2026, type: 'innovasjon', belop: 1_950_000_00 },
    { ar: 2026, type: 'innovasjon', belop: 400_000_00 },
    { ar: 2026, type: 'administrasjon', belop: 720_000_00 }, // ikke innovasjon
    { ar: 2026, type: 'overfort', belop: 185_000_00 },
    { ar: 2025, type: 'innovasjon', belop: 2_000_000_00 },
  ];
  it('10.4: overført + innvilget − brukt = ubrukt (kortsiktig gjeld, overføres til neste år)', () => {
    const b = tilskuddsbalanse(2026, d('2026-12-31'), tilskudd, 2_000_000_00);
    expect(b).toEqual({
      ar: 2026,
      til: '2026-12-31',
      overfort: 185_000_00,
      innvilget: 2_350_000_00,
      disponibelt: 2_535_000_00,
      brukt: 2_000_000_00,
      ubrukt: 535_000_00,
      merforbruk: 0,
    });
    expect(kontrollerMerforbruk(b)).toEqual([]);
  });
  it('10.4: akkurat alt brukt er lov (ubrukt 0)', () => {
    expect(kontrollerMerforbruk(tilskuddsbalanse(2026, d('2026-12-31'), tilskudd, 2_535_000_00))).toEqual([]);
  });
  it('10.4 / vedlegg 3 pkt. 4.1: mer brukt enn disponibelt er en advarsel med tallene (merforbruket kompenseres ikke), ikke et stopp', () => {
    const b = tilskuddsbalanse(2026, d('2026-12-31'), tilskudd, 2_535_000_01);
    // Issue 20 pkt. 8: ubrukt er aldri negativ (kortsiktig gjeld 0); merforbruket står for seg.
    expect(b.ubrukt).toBe(0);
    expect(b.merforbruk).toBe(1);
    const a = kontrollerMerforbruk(b);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ alvor: 'advarsel', kode: 'merforbruk' });
    expect(a[0]!.melding).toMatch(/0,01 kr mer enn disponibelt innovasjonstilskudd 2\s535\s000,00 kr/);
    expect(a[0]!.melding).not.toMatch(/rett støtteregisteret/i);
  });
  it('issue 20 pkt. 8 / 10.4, vedlegg 3 pkt. 4.1: ubrukt = MAKS(0; disponibelt − brukt), merforbruk = MAKS(0; brukt − disponibelt)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (brukt) => {
        const b = tilskuddsbalanse(2026, d('2026-12-31'), tilskudd, brukt);
        expect(b.ubrukt).toBeGreaterThanOrEqual(0);
        expect(b.merforbruk).toBeGreaterThanOrEqual(0);
        // Aldri begge: enten står noe igjen (kortsiktig gjeld), eller det er brukt for mye.
        expect(b.ubrukt === 0 || b.merforbruk === 0).toBe(true);
        expect(b.ubrukt - b.merforbruk).toBe(b.disponibelt - brukt);
      }),
    );
  });
  it('issue 20 pkt. 8: overføringskontrollen etter et år med merforbruk venter 0 overført, ikke et negativt tall', () => {
    const medMerforbruk: TilskuddPost[] = [
      { ar: 2025, type: 'innovasjon', belop: 1_000_000_00 },
      { ar: 2026, type: 'overfort', belop: 10_000_00 },
    ];
    const a = kontrollerOverforing(2026, medMerforbruk, 1_200_000_00, true);
    expect(a[0]!.forventet).toMatch(/^0,00 kr$/);
    expect(a[0]!.melding).toMatch(/ingen ubrukte midler, merforbruk 200\s000,00 kr/);
    expect(
      kontrollerOverforing(2026, [{ ar: 2025, type: 'innovasjon', belop: 1_000_000_00 }], 1_200_000_00, true),
    ).toEqual([]);
  });
  it('10.4: ubrukte midler som vokser (overføres mer ut enn inn) gir advarsel med tallene; brukt ned gir ingen', () => {
    // 185 000 overført inn, 2 535 000 − 2 000 000 = 535 000 ut → vokser med 350 000.
    const vokser = kontrollerAkkumulering(tilskuddsbalanse(2026, d('2026-12-31'), tilskudd, 2_000_000_00));
    expect(vokser).toHaveLength(1);
    expect(vokser[0]).toMatchObject({ kode: 'ubrukt-vokser' });
    expect(vokser[0]!.melding).toMatch(
      /185\s000,00 kr ble overført inn i 2026, og 535\s000,00 kr .* overføres til 2027, 350\s000,00 kr mer/,
    );
    expect(
      kontrollerAkkumulering(tilskuddsbalanse(2026, d('2026-12-31'), tilskudd, 2_000_000_00), true)[0]!.melding,
    ).toMatch(/^Foreløpig \(året er ikke over\): /);
    expect(kontrollerAkkumulering(tilskuddsbalanse(2026, d('2026-12-31'), tilskudd, 2_350_000_00))).toEqual([]); // 185 000 ut = inn
    expect(kontrollerAkkumulering(tilskuddsbalanse(2026, d('2026-12-31'), tilskudd, 2_600_000_00))).toEqual([]); // merforbruk
  });
  it('10.4: overført i år skal være lik fjorårets ubrukte midler når fjoråret finnes', () => {
    // 2025: 2 000 000 innvilget − 1 815 000 brukt = 185 000 → stemmer med «overfort» 2026
    expect(kontrollerOverforing(2026, tilskudd, 1_815_000_00, true)).toEqual([]);
    const avvik = kontrollerOverforing(2026, tilskudd, 1_900_000_00, true);
    expect(avvik).toHaveLength(1);
    expect(avvik[0]).toMatchObject({ alvor: 'advarsel', kode: 'overforing-avviker' });
    expect(kontrollerOverforing(2026, tilskudd, 0, false)).toEqual([]);
  });
  it('10.4: fjorårets ubrukte midler kan bare regnes når både tilskudd og støtteregister har tall for fjoråret', () => {
    expect(harFjoraarsdata(2026, tilskudd, 12)).toBe(true);
    expect(harFjoraarsdata(2026, tilskudd, 0)).toBe(false); // registeret starter i år
    expect(
      harFjoraarsdata(
        2026,
        tilskudd.filter((t) => t.ar === 2026),
        1,
      ),
    ).toBe(false); // bare desemberfakturaen, ingen tilskudd for 2025
    expect(harFjoraarsdata(2026, [{ ar: 2025, type: 'administrasjon', belop: 1 }], 1)).toBe(false); // adm. er ikke innovasjonstilskudd
  });
  it('10.4: avviket peker på overføringsraden i filen som ble lest', () => {
    const medKilde: TilskuddPost[] = tilskudd.map((t) =>
      t.type === 'overfort' ? { ...t, kilde: { fil: 'tilskudd.xlsx', ark: 'Ark1', rad: 5 } } : t,
    );
    expect(kontrollerOverforing(2026, medKilde, 1_900_000_00, true)[0]!.kilde).toEqual({
      fil: 'tilskudd.xlsx',
      ark: 'Ark1',
      rad: 5,
      kolonne: 'belop',
    });
    expect(
      kontrollerOverforing(
        2026,
        tilskudd.filter((t) => t.type !== 'overfort'),
        0,
        true,
        'tilskudd.xlsx',
      )[0]!.kilde,
    ).toEqual({ fil: 'tilskudd.xlsx', kolonne: 'belop' });
  });
});

describe('hva som kan rapporteres i AVI (issue 20 pkt. 9, programveileder 10.4 pkt. 1)', () => {
  const rad = (orgnr: string, stotte: number) => ({
    orgnr,
    navn: `Bedrift ${orgnr}`,
    markedsverdi: 0,
    egenandel: 0,
    stotte,
    linjer: 1,
    aktiv: true,
  });
  const balanse = (disp: number, brukt: number) =>
    tilskuddsbalanse(2026, d('2026-12-31'), [{ ar: 2026, type: 'innovasjon', belop: disp }], brukt);
  it('10.4 pkt. 1: innenfor disponibelt rapporteres den gitte støtten per målbedrift som den er', () => {
    const rader = [rad('111111111', 100_00), rad('222222222', 50_00)];
    const a = stotteTilAvi(rader, balanse(1_000_00, 150_00));
    expect(a).toMatchObject({ gitt: 150_00, hoyst: 1_000_00, tilAvi: 150_00, tattUt: 0 });
    expect(a.rader.map((r) => r.tilAvi)).toEqual([100_00, 50_00]);
  });
  it('10.4 pkt. 1: ved merforbruk rapporteres høyst disponibelt; overskuddet tas ut forholdsmessig, til øret', () => {
    // Issue-eksempelet: 2 087 303,33 kr gitt mot 2 085 000 disponibelt.
    const rader = [rad('111111111', 1_000_000_00), rad('222222222', 1_087_303_33)];
    const a = stotteTilAvi(rader, balanse(2_085_000_00, 2_087_303_33));
    expect(a).toMatchObject({ gitt: 2_087_303_33, hoyst: 2_085_000_00, tilAvi: 2_085_000_00, tattUt: 2_303_33 });
    expect(a.rader.reduce((s, r) => s + r.tilAvi, 0)).toBe(2_085_000_00);
    expect(a.rader.map((r) => r.tattUt)).toEqual([1_103_50, 1_199_83]); // 2 303,33 × 1 000 000 / 2 087 303,33 = 1 103,497…
  });
  it('egenskap: summen i AVI = MIN(gitt; disponibelt), ingen målbedrift høyere i AVI enn i registeret, alt til øret', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 500_000_000 }),
        (stotter, disp) => {
          const rader = stotter.map((s, i) => rad(String(100_000_000 + i), s));
          const gitt = stotter.reduce((s, x) => s + x, 0);
          const a = stotteTilAvi(rader, balanse(disp, gitt));
          expect(a.rader.reduce((s, r) => s + r.tilAvi, 0)).toBe(Math.min(gitt, disp));
          for (const r of a.rader) {
            expect(r.tilAvi).toBeGreaterThanOrEqual(0);
            expect(r.tilAvi).toBeLessThanOrEqual(r.gitt);
            expect(r.gitt - r.tilAvi).toBe(r.tattUt);
          }
        },
      ),
    );
  });
});

describe('31. desember: aktive målbedrifter som ikke er lastet opp til AVI (issue 20 pkt. 13, programveileder 11.1)', () => {
  const aktive = aktiveMalbedrifter(
    [
      { orgnr: '111111111', navn: 'Lastet opp AS', avtalestart: d('2026-02-10') },
      { orgnr: '222222222', navn: 'Gammel AS', avtalestart: d('2025-05-01') },
      { orgnr: '333333333', navn: 'Glemt AS', avtalestart: d('2026-12-05') },
    ],
    periodeFor(2026),
  );
  const logg: AviLogg = {
    versjon: 1,
    oppdateringer: [
      {
        frist: d('2026-06-01'),
        skrevet: d('2026-05-20'),
        filer: [],
        // 6.3: loggen startet med at AVI var oppdatert per 1. mars 2026 (gjelder Gammel AS, frist 1.9.2025).
        antattOppdatertPer: d('2026-03-01'),
        nye: [{ orgnr: '111111111', avtalestart: d('2026-02-10'), startskjema: '2026-06' as never }],
        avsluttede: [],
      },
    ],
  };
  it('11.1: lastet opp, antatt registrert før loggen, og ikke lastet opp', () => {
    const s = aviStatus(aktive, logg)!;
    expect(Object.fromEntries(s)).toEqual({ '111111111': 'ja', '222222222': 'antatt', '333333333': 'nei' });
    const a = kontrollerAviRegistrering(aktive, s, { aar: 2026, halvar: false, loggFil: 'avi/avi-logg.json' });
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ kode: 'ikke-registrert-i-avi', alvor: 'advarsel' });
    expect(a[0]!.melding).toMatch(/Glemt AS \(333333333, avtalestart 05\.12\.2026\)/);
    expect(a[0]!.melding).toMatch(
      /innen 31\. desember 2026 \(programveileder 11\.1\): kjør nh kts-plan --frist 2026-12-31/,
    );
    expect(a[0]!.melding).not.toMatch(/Lastet opp AS|Gammel AS/);
  });
  it('11.1: uten logg kan det ikke avgjøres — én advarsel, ingen liste', () => {
    expect(aviStatus(aktive, null)).toBeNull();
    const a = kontrollerAviRegistrering(aktive, null, { aar: 2026, halvar: false, loggFil: 'avi/avi-logg.json' });
    expect(a.map((x) => x.kode)).toEqual(['avi-logg-mangler']);
  });
});
