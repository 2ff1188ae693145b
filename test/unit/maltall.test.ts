import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dato } from '../../src/domain/felles/dato.js';
import {
  MALTALL,
  beregnMaltall,
  erAktiv,
  finnMaltall,
  kombiner,
  kontrollerAndel,
  kontrollerSrl,
  kontrollerTiltak,
  periodeFor,
  tolkMaal,
  utelatteTiltak,
  type Grunnlag,
  type MalbedriftGrunnlag,
  type MaltallId,
  type SrlGrunnlag,
  type StotteGrunnlag,
  type TiltakGrunnlag,
} from '../../src/domain/maltall/maltall.js';
import { tolkTaksonomi } from '../../src/domain/datasett/malbedrifter.js';
import { avsnitt, harProgramveileder, normaliser } from '../kilder.js';

const d = (s: string) => s as Dato;
let nr = 0;
function mb(over: Partial<MalbedriftGrunnlag> = {}): MalbedriftGrunnlag {
  nr++;
  return {
    orgnr: `9000000${String(nr).padStart(2, '0')}`,
    navn: `Bedrift ${nr}`,
    avtalestart: d('2025-01-01'),
    ...over,
  };
}
function grunnlag(over: Partial<Grunnlag> = {}, ar = 2026, halvar = false): Grunnlag {
  return { periode: periodeFor(ar, halvar), malbedrifter: [], stotte: [], tiltak: [], srl: [], ...over };
}
function hent(g: Grunnlag, id: MaltallId) {
  return beregnMaltall(g).find((m) => m.id === id)!;
}

describe('måltallslisten (programveileder 11.2)', () => {
  it('11.2: har alle 21 måltallene med område, AVI-navn, hjelpetekst og definisjon', () => {
    expect(MALTALL).toHaveLength(21);
    expect(new Set(MALTALL.map((m) => m.id)).size).toBe(21);
    for (const m of MALTALL) {
      expect(m.navn.length).toBeGreaterThan(10);
      expect(m.hjelpetekst.length).toBeGreaterThan(10);
      expect(m.definisjon.length).toBeGreaterThan(10);
    }
    expect(new Set(MALTALL.map((m) => m.omrade))).toEqual(
      new Set([
        'Aktivitet',
        'Bærekraft',
        'Digitalisering',
        'Eksport og internasjonalisering',
        'Samarbeid innad i programmene',
        'Tilgang til andre virkemidler',
      ]),
    );
  });

  it('finner måltall fra id og fra AVI-navnet', () => {
    expect(finnMaltall('andelInnovasjonsstotte')?.id).toBe('andelInnovasjonsstotte');
    expect(finnMaltall('ANDEL-innovasjonsstøtte')?.id).toBe('andelInnovasjonsstotte');
    expect(finnMaltall('Andel målbedrifter med internasjonalt marked')?.id).toBe('andelInternasjonaltMarked');
    expect(finnMaltall('tull')).toBeUndefined();
  });
});

describe('aktiv målbedrift (programveileder 11.1/11.2: «i hele eller deler av» året)', () => {
  const aar = periodeFor(2026);
  it.each([
    ['hele året', '2025-01-01', undefined, true],
    ['bare del av året (start i november)', '2026-11-15', undefined, true],
    ['slutter 1. januar', '2024-01-01', '2026-01-01', true],
    ['slutter 31.12 året før', '2024-01-01', '2025-12-31', false],
    ['starter 1.1 året etter', '2027-01-01', undefined, false],
    ['starter 31.12', '2026-12-31', '2027-06-30', true],
  ])('%s', (_n, start, slutt, forventet) => {
    expect(erAktiv({ avtalestart: d(start), avtaleslutt: slutt ? d(slutt) : undefined }, aar)).toBe(forventet);
  });

  it('halvår (11.1, 30. juni): aktiv bare når avtalen overlapper 1.1–30.6', () => {
    const h = periodeFor(2026, true);
    expect(erAktiv({ avtalestart: d('2026-07-01') }, h)).toBe(false);
    expect(erAktiv({ avtalestart: d('2026-06-30') }, h)).toBe(true);
  });
});

describe('Aktivitet (programveileder 11.2)', () => {
  it('11.2 nye målbedrifter: avtalestart i året; målbedrifter i året: avtalen overlapper året (også del av året)', () => {
    const g = grunnlag({
      malbedrifter: [
        mb({ avtalestart: d('2025-03-01') }),
        mb({ avtalestart: d('2026-02-01') }),
        mb({ avtalestart: d('2026-11-20') }), // bare del av året
        mb({ avtalestart: d('2024-01-01'), avtaleslutt: d('2026-02-15') }), // slutter tidlig
        mb({ avtalestart: d('2024-01-01'), avtaleslutt: d('2025-12-31') }), // ikke aktiv
        mb({ avtalestart: d('2027-01-01') }), // ikke aktiv
      ],
    });
    expect(hent(g, 'nyeMalbedrifter').verdi).toBe(2);
    expect(hent(g, 'malbedrifterIAaret').verdi).toBe(4);
  });

  it('11.2 andel med innovasjonsstøtte: støtte > 0 i registeret i året, over aktive målbedrifter', () => {
    const a = mb();
    const b = mb();
    const c = mb();
    const e = mb({ avtalestart: d('2026-10-01') });
    const stotte: StotteGrunnlag[] = [
      { orgnr: a.orgnr, dato: d('2026-03-31'), stotte: 750_00 },
      { orgnr: b.orgnr, dato: d('2025-12-31'), stotte: 750_00 }, // i fjor teller ikke
      { orgnr: c.orgnr, dato: d('2026-05-31'), stotte: 0 }, // null støtte teller ikke
      { orgnr: e.orgnr, dato: d('2026-11-30'), stotte: 1 },
    ];
    const m = hent(grunnlag({ malbedrifter: [a, b, c, e], stotte }), 'andelInnovasjonsstotte');
    expect(m).toMatchObject({ teller: 2, nevner: 4, verdi: 500_000 });
    expect(m.bedrifter).toEqual([a.orgnr, e.orgnr]);
  });

  it('andeler avrundes til ppm, halv opp (2 av 3 = 66,6667 %)', () => {
    const ms = [mb({ eksport: true }), mb({ eksport: true }), mb()];
    expect(hent(grunnlag({ malbedrifter: ms }), 'andelEksport').verdi).toBe(666_667);
  });

  it('ingen aktive målbedrifter: andelen kan ikke beregnes (null), ikke 0 %', () => {
    const m = hent(grunnlag(), 'andelInnovasjonsstotte');
    expect(m.verdi).toBeNull();
    expect(m.merknad).toMatch(/Kan ikke beregnes/);
  });
});

describe('Bærekraft, digitalisering, eksport og virkemidler (programveileder 11.2, attributter)', () => {
  const ms = [
    mb({
      baerekraftSentralt: true,
      taksonomiMiljomal: [1, 4],
      kvinneligStyreleder: true,
      digitaliseringSentralt: true,
      bistattVirkemidler: true,
    }),
    mb({ baerekraftSentralt: false, taksonomiMiljomal: [], kvinneligGrunder: true, internasjonaltMarked: true }),
    mb({ kvinneligDagligLeder: true, eksport: true, radgivningFraAndre: true }),
    mb({ ogsaTattOppHosAndre: true, radgivningFraAndre: true }),
    mb({ avtalestart: d('2027-02-01'), baerekraftSentralt: true, eksport: true, radgivningFraAndre: true }), // ikke aktiv: teller ikke
  ];
  const g = grunnlag({ malbedrifter: ms });
  it.each<[MaltallId, number, number]>([
    ['andelBaerekraftSentralt', 1, 250_000],
    ['andelTaksonomi', 1, 250_000], // tom liste = ingen miljømål (vedlegg 2)
    ['andelKvinneligLedelse', 3, 750_000], // gründer og/eller daglig leder og/eller styreleder
    ['andelDigitaliseringSentralt', 1, 250_000],
    ['andelEksport', 1, 250_000],
    ['andelInternasjonaltMarked', 2, 500_000], // eksport = ja teller som internasjonalt marked
    ['andelBistattVirkemidler', 1, 250_000],
  ])('11.2 %s: teller %i av 4 aktive', (id, teller, ppm) => {
    expect(hent(g, id)).toMatchObject({ enhet: 'andel', teller, nevner: 4, verdi: ppm });
  });
  it.each<[MaltallId, number]>([
    ['radgivningFraAndre', 2],
    ['ogsaTattOppHosAndre', 1],
  ])('11.2 %s: antall aktive målbedrifter med ja', (id, antall) => {
    expect(hent(g, id)).toMatchObject({ enhet: 'antall', verdi: antall, nevner: null });
  });
});

describe('Antall tiltak (programveileder 11.2, tiltak-datasettet)', () => {
  const t = (dato: string, type: TiltakGrunnlag['type'], bedrift?: string, orgnr?: string): TiltakGrunnlag => ({
    dato: d(dato),
    type,
    bedrift,
    orgnr,
  });
  const tiltak = [
    t('2026-02-10', 'baerekraft-ansatte'),
    t('2026-04-28', 'baerekraft-ansatte'),
    t('2025-12-01', 'baerekraft-ansatte'), // i fjor
    t('2026-03-01', 'baerekraft-malbedrifter'),
    t('2026-05-01', 'digitalisering-ansatte'),
    t('2026-05-02', 'digitalisering-malbedrifter'),
    t('2026-05-03', 'digitalisering-malbedrifter'),
    t('2026-09-01', 'eksport-malbedrifter'),
    t('2026-10-21', 'samarbeidsprosjekt'),
    t('2026-03-03', 'henvisning', 'Nordfjell Sykkel AS'),
    t('2026-08-03', 'henvisning', 'nordfjell sykkel as'), // samme bedrift: én
    t('2026-08-04', 'henvisning', undefined, '923609016'),
    t('2026-06-01', 'radgivning-andres-bedrift', 'Dalen Tre AS'),
    t('2027-01-02', 'radgivning-andres-bedrift', 'Neste År AS'), // neste år
  ];
  const g = grunnlag({ tiltak });
  it.each<[MaltallId, number]>([
    ['baerekraftTiltakAnsatte', 2],
    ['baerekraftTiltakMalbedrifter', 1],
    ['digitaliseringTiltakAnsatte', 1],
    ['digitaliseringTiltakMalbedrifter', 2],
    ['eksportTiltak', 1],
    ['samarbeidsprosjekter', 1],
    ['henvisteBedrifter', 2], // ulike bedrifter, ikke rader
    ['radgivningAndresBedrifter', 1],
  ])('11.2 %s = %i (dato i året, én rad per tiltak)', (id, antall) => {
    expect(hent(g, id).verdi).toBe(antall);
  });

  it('halvår teller bare tiltak til og med 30.06', () => {
    expect(hent(grunnlag({ tiltak }, 2026, true), 'digitaliseringTiltakMalbedrifter').verdi).toBe(2);
    expect(hent(grunnlag({ tiltak }, 2026, true), 'eksportTiltak').verdi).toBe(0);
  });

  it('henvisning uten bedrift og orgnr er en feil', () => {
    const ds = kontrollerTiltak([
      { dato: d('2026-01-01'), type: 'henvisning', kilde: { fil: 'tiltak.csv', rad: 5 } },
      t('2026-01-01', 'samarbeidsprosjekt'),
    ]);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      kode: 'tiltak-mangler-bedrift',
      kilde: { fil: 'tiltak.csv', rad: 5, kolonne: 'bedrift' },
    });
  });
});

describe('SRL-økning (programveileder 11.2 og vedlegg 1)', () => {
  const a = mb();
  const b = mb();
  const c = mb();
  const e = mb();
  const srl: SrlGrunnlag[] = [
    { orgnr: a.orgnr, ar: 2025, srl: 3 },
    { orgnr: a.orgnr, ar: 2026, srl: 4 }, // økning
    { orgnr: b.orgnr, ar: 2025, srl: 5 },
    { orgnr: b.orgnr, ar: 2026, srl: 5 }, // uendret
    { orgnr: c.orgnr, ar: 2026, srl: 2 }, // første SRL-år: kan ikke beregnes
    { orgnr: e.orgnr, ar: 2025, srl: 6 },
    { orgnr: e.orgnr, ar: 2026, srl: 4 }, // nedgang
  ];
  it('11.2 «total andel … av målbedriftene»: nevneren er alle aktive målbedrifter, også de uten vurdering i fjor', () => {
    const m = hent(grunnlag({ malbedrifter: [a, b, c, e], srl }), 'andelSrlOkning');
    expect(m).toMatchObject({ teller: 1, nevner: 4, verdi: 250_000, bedrifter: [a.orgnr] });
    expect(m.merknad).toMatch(/1 av 4 aktive målbedrifter med økning/);
    expect(m.merknad).toMatch(/1 uten vurdering for 2025/);
  });
  it('11.2: uten vurdering for forrige år er det ingen påvist økning (0 %), ikke «kan ikke beregnes»', () => {
    const m = hent(grunnlag({ malbedrifter: [a, b], srl: srl.filter((s) => s.ar === 2026) }), 'andelSrlOkning');
    expect(m).toMatchObject({ teller: 0, nevner: 2, verdi: 0 });
  });
  it('11.2: bare 2023 (første år med SRL-klassifisering) kan ikke beregnes', () => {
    const m = hent(grunnlag({ malbedrifter: [mb({ avtalestart: d('2023-01-01') })] }, 2023), 'andelSrlOkning');
    expect(m.verdi).toBeNull();
    expect(m.merknad).toMatch(/2023 er første år/);
  });
  it('11.2 halvår: bare vurderinger datert i første halvår teller (udaterte og senere er ikke med)', () => {
    const halv: SrlGrunnlag[] = [
      { orgnr: a.orgnr, ar: 2025, srl: 3 },
      { orgnr: a.orgnr, ar: 2026, srl: 4, dato: d('2026-05-10') }, // med
      { orgnr: b.orgnr, ar: 2025, srl: 3 },
      { orgnr: b.orgnr, ar: 2026, srl: 4, dato: d('2026-09-10') }, // etter 30.06
      { orgnr: e.orgnr, ar: 2025, srl: 3 },
      { orgnr: e.orgnr, ar: 2026, srl: 4 }, // udatert
    ];
    const m = hent(grunnlag({ malbedrifter: [a, b, e], srl: halv }, 2026, true), 'andelSrlOkning');
    expect(m).toMatchObject({ teller: 1, nevner: 3, bedrifter: [a.orgnr] });
    expect(m.merknad).toMatch(/1 vurdering for 2026 uten dato er ikke med i halvåret/);
    expect(hent(grunnlag({ malbedrifter: [a, b, e], srl: halv }), 'andelSrlOkning').teller).toBe(3); // hele året: alle
  });
  it('to vurderinger for samme målbedrift og år er en feil', () => {
    const ds = kontrollerSrl([
      { orgnr: a.orgnr, ar: 2026, srl: 3, kilde: { fil: 'srl.csv', rad: 2 } },
      { orgnr: a.orgnr, ar: 2026, srl: 4, kilde: { fil: 'srl.csv', rad: 3 } },
    ]);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.melding).toMatch(/rad 2/);
  });
  it('vedlegg 1/11.2: en SRL-vurdering for et orgnr som ikke er målbedrift er en feil med rad og kolonne', () => {
    const ds = kontrollerSrl(
      [
        { orgnr: '974760673', ar: 2026, srl: 3, kilde: { fil: 'srl.csv', rad: 4 } },
        { orgnr: a.orgnr, ar: 2026, srl: 3, kilde: { fil: 'srl.csv', rad: 2 } },
      ],
      new Set([a.orgnr]),
    );
    expect(ds.map((d) => [d.kode, d.kilde?.rad, d.kilde?.kolonne])).toEqual([['srl-ukjent-malbedrift', 4, 'orgnr']]);
  });
});

describe('taksonomiens miljømål i malbedrifter (vedlegg 2)', () => {
  it.each([
    ['1,4', [1, 4]],
    ['4; 1 ;4', [1, 4]],
    ['6', [6]],
  ])('«%s» → %j', (inn, ut) => expect(tolkTaksonomi(inn)).toEqual(ut));
  it.each(['7', '0', 'klima', '1,x'])('«%s» avvises', (inn) => expect(typeof tolkTaksonomi(inn)).toBe('string'));
});

describe('mål og Sivas minimum (programveileder 11.2)', () => {
  const kilde = (rad: number) => ({ fil: 'maltall-2027.csv', rad });
  it('11.2: mål for innovasjonsstøtte under 90 % gir advarsel; 90 % gjør det ikke', () => {
    const r = tolkMaal([{ id: 'andelInnovasjonsstotte', mal: 850_000, kilde: kilde(2) }]);
    expect(r.diagnostikk).toHaveLength(1);
    expect(r.diagnostikk[0]).toMatchObject({
      alvor: 'advarsel',
      kode: 'under-sivas-minimum',
      kilde: { rad: 2, kolonne: 'mal' },
    });
    expect(r.diagnostikk[0]!.melding).toMatch(/85 %.*90 %/);
    expect(tolkMaal([{ id: 'andelInnovasjonsstotte', mal: 900_000 }]).diagnostikk).toEqual([]);
  });
  it('11.2: en andel utenfor 0–100 % gir advarsel', () => {
    expect(tolkMaal([{ id: 'andelEksport', mal: 1_200_000 }]).diagnostikk[0]!.kode).toBe('andel-utenfor-0-100');
    expect(tolkMaal([{ id: 'andelEksport', mal: -10_000 }]).diagnostikk[0]!.kode).toBe('andel-utenfor-0-100');
  });
  it('antall må være heltall ≥ 0; ukjent og dobbelt måltall er feil', () => {
    const r = tolkMaal([
      { id: 'nyeMalbedrifter', mal: 125_000 },
      { id: 'samarbeidsprosjekter', mal: -10_000 },
      { id: 'finnesIkke', mal: 10_000 },
      { id: 'eksportTiltak', mal: 30_000 },
      { id: 'Eksporttiltak', mal: 40_000 },
    ]);
    expect(r.diagnostikk.map((x) => x.kode)).toEqual([
      'ugyldig-antall',
      'ugyldig-antall',
      'ukjent-maltall',
      'maltall-to-ganger',
    ]);
    expect(r.mal.get('eksportTiltak')?.mal).toBe(3);
  });
  it('grunnlag/resultat under 90 % gir også advarsel', () => {
    const def = finnMaltall('andelInnovasjonsstotte')!;
    expect(kontrollerAndel(def, 899_999, 'resultat')[0]!.melding).toMatch(/^Resultat .*under Sivas minimumskrav/);
    expect(kontrollerAndel(def, null, 'resultat')).toEqual([]);
  });
  it('avvik = resultat − mål (ppm-poeng for andeler); mål kan avvike fra grunnlaget og vises begge', () => {
    const ms = [mb(), mb()];
    const g = grunnlag({ malbedrifter: ms, stotte: [{ orgnr: ms[0]!.orgnr, dato: d('2026-01-31'), stotte: 100 }] });
    const { mal } = tolkMaal([
      { id: 'andelInnovasjonsstotte', mal: 950_000 },
      { id: 'malbedrifterIAaret', mal: 30_000 },
    ]);
    const rader = kombiner(beregnMaltall(g), mal);
    const innov = rader.find((r) => r.def.id === 'andelInnovasjonsstotte')!;
    expect(innov).toMatchObject({ mal: 950_000, avvik: 500_000 - 950_000 });
    expect(rader.find((r) => r.def.id === 'malbedrifterIAaret')).toMatchObject({ mal: 3, avvik: -1 });
    expect(rader.find((r) => r.def.id === 'eksportTiltak')).toMatchObject({ mal: null, avvik: null });
  });
});

describe('egenskaper', () => {
  it('andeler ligger alltid i 0–100 % og telleren aldri over nevneren', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            start: fc.integer({ min: 0, max: 1200 }),
            lengde: fc.option(fc.integer({ min: 0, max: 900 })),
            eksport: fc.boolean(),
            stotte: fc.integer({ min: 0, max: 5 }),
          }),
          { maxLength: 30 },
        ),
        (xs) => {
          const base = Date.UTC(2024, 0, 1) / 86_400_000;
          const iso = (n: number) => new Date((base + n) * 86_400_000).toISOString().slice(0, 10) as Dato;
          const ms = xs.map((x, i) => ({
            orgnr: String(100000000 + i),
            navn: `B${i}`,
            avtalestart: iso(x.start),
            avtaleslutt: x.lengde === null ? undefined : iso(x.start + x.lengde),
            eksport: x.eksport,
          }));
          const stotte = xs.map((x, i) => ({ orgnr: String(100000000 + i), dato: d('2026-06-30'), stotte: x.stotte }));
          for (const m of beregnMaltall(grunnlag({ malbedrifter: ms, stotte }))) {
            if (m.enhet !== 'andel' || m.verdi === null) continue;
            expect(m.teller).toBeLessThanOrEqual(m.nevner!);
            expect(m.verdi).toBeGreaterThanOrEqual(0);
            expect(m.verdi).toBeLessThanOrEqual(1_000_000);
          }
        },
      ),
    );
  });
});

describe('per 31.12 (programveileder 11.2: taksonomi og kvinnelig ledelse)', () => {
  it('11.2 «per 31.12»: bare målbedrifter med aktiv avtale på årets siste dag er i teller og nevner', () => {
    const hele = mb({ taksonomiMiljomal: [1], kvinneligDagligLeder: true });
    const sluttetJuni = mb({ avtaleslutt: d('2026-06-30'), taksonomiMiljomal: [2], kvinneligStyreleder: true });
    const uten = mb();
    const g = grunnlag({ malbedrifter: [hele, sluttetJuni, uten] });
    expect(hent(g, 'andelTaksonomi')).toMatchObject({ teller: 1, nevner: 2, verdi: 500_000 });
    expect(hent(g, 'andelKvinneligLedelse')).toMatchObject({ teller: 1, nevner: 2 });
    expect(hent(g, 'andelKvinneligLedelse').merknad).toMatch(/Per 31\.12\.2026: 2 av 3 aktive/);
    // Andre andeler gjelder fortsatt alle som var aktive i året.
    expect(hent(g, 'andelEksport').nevner).toBe(3);
  });
  it('11.2: hjelpetekstene for taksonomi og kvinnelig ledelse er med i sin helhet («per 31.12 neste år»)', () => {
    expect(finnMaltall('andelTaksonomi')!.hjelpetekst).toMatch(/per 31\.12 neste år$/);
    expect(finnMaltall('andelKvinneligLedelse')!.hjelpetekst).toMatch(
      /som per 31\.12 neste år forventes å ha en kvinne/,
    );
  });
  it.skipIf(!harProgramveileder)(
    'issue 20 pkt. 11 / 11.2: AVIs hjelpetekst står ordrett som i programveilederen, for alle 21 måltallene',
    () => {
      const kilde = avsnitt('11.2 Måltall', '11.3 Oversikt over hva Siva skal rapportere');
      for (const m of MALTALL) expect(kilde, m.id).toContain(normaliser(m.hjelpetekst));
      // SRL: ikke «det første året målbedriftene klassifiseres» (som motsa nh sin definisjon), men guidens «I 2023 …».
      expect(finnMaltall('andelSrlOkning')!.hjelpetekst).toMatch(/I 2023 kan ikke dette beregnes/);
      // nh sin korte form står i definisjonen, ikke i AVI-kolonnen.
      expect(finnMaltall('andelSrlOkning')!.definisjon).toMatch(/Bare 2023 \(første SRL-år\) kan ikke beregnes/);
    },
  );
});

describe('tiltak hjelpetekstene utelukker eller tillater (programveileder 11.2)', () => {
  const egen = mb({ navn: 'Egen Målbedrift AS', orgnr: '923609016' });
  const t = (over: Partial<TiltakGrunnlag>): TiltakGrunnlag => ({
    dato: d('2026-03-01'),
    type: 'samarbeidsprosjekt',
    ...over,
  });
  it('11.2: henvisning av en egen målbedrift telles ikke (henvist «istedenfor å ta de opp som egen målbedrift»)', () => {
    const tiltak = [
      t({ type: 'henvisning', orgnr: '923609016' }),
      t({ type: 'henvisning', bedrift: 'egen målbedrift as' }),
      t({ type: 'henvisning', bedrift: 'Annen AS' }),
    ];
    const g = grunnlag({ malbedrifter: [egen], tiltak });
    expect(hent(g, 'henvisteBedrifter').verdi).toBe(1);
    expect(utelatteTiltak(g).map((x) => x.kode)).toEqual(['henvisning-egen-malbedrift', 'henvisning-egen-malbedrift']);
  });
  it('11.2: samarbeid med Siva er ikke med en programoperatør og telles ikke', () => {
    const tiltak = [
      t({ samarbeidspartner: 'Siva' }),
      t({ samarbeidspartner: 'SIVA SF' }),
      t({ samarbeidspartner: 'Dalen Næringshage' }),
    ];
    const g = grunnlag({ tiltak });
    expect(hent(g, 'samarbeidsprosjekter').verdi).toBe(1);
    expect(utelatteTiltak(g).map((x) => x.kode)).toEqual(['samarbeid-med-siva', 'samarbeid-med-siva']);
  });
  it('11.2: ett tiltak kan telle under to måltall med «ogsa» — men ikke et tiltak og en bedrift', () => {
    const kurs = t({
      type: 'baerekraft-malbedrifter',
      ogsa: 'samarbeidsprosjekt',
      samarbeidspartner: 'Dalen Næringshage',
    });
    const g = grunnlag({ tiltak: [kurs] });
    expect(hent(g, 'baerekraftTiltakMalbedrifter').verdi).toBe(1);
    expect(hent(g, 'samarbeidsprosjekter').verdi).toBe(1);
    expect(kontrollerTiltak([kurs])).toEqual([]);
    const ds = kontrollerTiltak([
      t({ type: 'baerekraft-malbedrifter', ogsa: 'henvisning', bedrift: 'X AS', kilde: { fil: 'tiltak.csv', rad: 3 } }),
      t({ ogsa: 'samarbeidsprosjekt' }),
    ]);
    expect(ds.map((x) => [x.kode, x.kilde?.kolonne])).toEqual([
      ['tiltak-ogsa-ugyldig', 'ogsa'],
      ['tiltak-ogsa-ugyldig', undefined],
    ]);
  });
});
