import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lagDato, type Dato, type Maaned } from '../../src/domain/felles/dato.js';
import {
  TOM_LOGG,
  aviFristFor,
  beregnOppdatering,
  erAarsslutt,
  erAviFrist,
  forrigeAviFrist,
  fristTekst,
  kontrollerOppdatering,
  loggInnslag,
  maanedTekst,
  medInnslag,
  nesteAviFrist,
  planForAar,
  sammeInnhold,
  underveisMaaneder,
  utsendingerFor,
  utsendingsmaaned,
  type AviLogg,
  type KtsBedrift,
} from '../../src/domain/kts/kts.js';
import { aviLoggSkjema } from '../../src/io/kts/avi-logg.js';

const d = (s: string) => s as Dato;
const m = (s: string) => s as Maaned;

function bedrift(
  orgnr: string,
  avtalestart: string,
  avtaleslutt?: string,
  ekstra: Partial<KtsBedrift> = {},
): KtsBedrift {
  return {
    orgnr,
    navn: `Bedrift ${orgnr}`,
    avtalestart: d(avtalestart),
    ...(avtaleslutt ? { avtaleslutt: d(avtaleslutt) } : {}),
    dagligLeder: 'Kari Leder',
    dagligLederEpost: 'kari@bedrift.no',
    kilde: { fil: 'malbedrifter.csv', rad: 2 },
    ...ekstra,
  };
}

describe('6.3: tabellen måned for avtalestart/-slutt → utsendingsmåned → AVI-frist', () => {
  // Programveileder 6.3: nov–jan → mars, feb–apr → juni, mai–jul → september, aug–okt → desember.
  const tabell: [string, string][] = [
    ['2026-01-15', '2026-03'],
    ['2026-02-01', '2026-06'],
    ['2026-03-31', '2026-06'],
    ['2026-04-30', '2026-06'],
    ['2026-05-01', '2026-09'],
    ['2026-06-15', '2026-09'],
    ['2026-07-31', '2026-09'],
    ['2026-08-01', '2026-12'],
    ['2026-09-15', '2026-12'],
    ['2026-10-31', '2026-12'],
    ['2026-11-01', '2027-03'],
    ['2026-12-31', '2027-03'],
  ];
  it.each(tabell)('6.3: avtalestart %s gir oppstartskjema i %s', (start, maaned) => {
    expect(utsendingsmaaned(d(start))).toBe(maaned);
    expect(aviFristFor(m(maaned))).toBe(`${maaned}-01`);
  });

  it('6.3: årsskiftet — november og desember gir mars året etter, januar mars samme år', () => {
    expect(utsendingsmaaned(d('2025-11-17'))).toBe('2026-03');
    expect(utsendingsmaaned(d('2025-12-01'))).toBe('2026-03');
    expect(utsendingsmaaned(d('2026-01-01'))).toBe('2026-03');
  });

  it('6.3: utsendingsmåneden er alltid 2–4 måneder etter måneden for avtalestart/-slutt (egenskap)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2023, max: 2032 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (aar, mnd, dag) => {
          const u = utsendingsmaaned(lagDato(aar, mnd, dag));
          const [ua, um] = u.split('-').map(Number) as [number, number];
          const avstand = ua * 12 + um - (aar * 12 + mnd);
          return avstand >= 2 && avstand <= 4 && [3, 6, 9, 12].includes(um);
        },
      ),
    );
  });

  it('6.3: exit-skjemaet følger samme tabell for avtaleslutt', () => {
    const u = utsendingerFor(bedrift('968170546', '2025-03-10', '2026-11-30'), m('2027-12'));
    expect(u.find((x) => x.type === 'exit')).toMatchObject({ maaned: '2027-03', frist: '2027-03-01' });
  });
});

describe('11.1: AVI-fristene', () => {
  it('11.1: bare 1. mars/juni/september/desember er AVI-frister', () => {
    expect(['2026-03-01', '2026-06-01', '2026-09-01', '2026-12-01'].every((x) => erAviFrist(d(x)))).toBe(true);
    expect(['2026-12-02', '2026-01-01', '2026-10-01', '2026-03-31'].some((x) => erAviFrist(d(x)))).toBe(false);
  });

  it('11.1: standardfristen er den neste fra og med i dag, også over årsskiftet', () => {
    expect(nesteAviFrist(d('2026-11-22'))).toBe('2026-12-01');
    expect(nesteAviFrist(d('2026-12-01'))).toBe('2026-12-01');
    expect(nesteAviFrist(d('2026-12-02'))).toBe('2027-03-01');
    expect(nesteAviFrist(d('2026-03-02'))).toBe('2026-06-01');
  });

  it('11.1: tekst for frist og måned', () => {
    expect(fristTekst(d('2026-12-01'))).toBe('1. desember 2026');
    expect(maanedTekst(m('2027-03'))).toBe('mars 2027');
  });
});

describe('6.3: underveisskjema', () => {
  it('6.3: ett år etter oppstartskjemaet, deretter årlig frem til avtaleslutt', () => {
    expect(underveisMaaneder(m('2024-06'), d('2027-03-31'), m('2030-12'))).toEqual(['2025-06', '2026-06']);
  });

  it('6.3: underveismåneden tas med når avtalen løper ved inngangen til måneden (1. i måneden ≤ avtaleslutt)', () => {
    expect(underveisMaaneder(m('2025-06'), d('2026-06-01'), m('2030-12'))).toEqual(['2026-06']);
    expect(underveisMaaneder(m('2025-06'), d('2026-05-31'), m('2030-12'))).toEqual([]);
  });

  it('6.3: løpende avtale gir underveisskjema hvert år til planens slutt', () => {
    expect(underveisMaaneder(m('2025-03'), undefined, m('2028-12'))).toEqual(['2026-03', '2027-03', '2028-03']);
  });

  it('6.3: planen for et år viser oppstart, underveis og exit med måned og frist', () => {
    const plan = planForAar(
      [
        bedrift('968170546', '2025-01-20', '2026-08-15'),
        bedrift('957689949', '2026-05-02'),
        bedrift('985429545', '2024-10-01'),
      ],
      2026,
    );
    expect(plan.map((u) => [u.orgnr, u.type, u.maaned, u.frist])).toEqual([
      ['968170546', 'underveis', '2026-03', '2026-03-01'],
      ['957689949', 'oppstart', '2026-09', '2026-09-01'],
      ['985429545', 'underveis', '2026-12', '2026-12-01'],
      ['968170546', 'exit', '2026-12', '2026-12-01'],
    ]);
  });
});

describe('6.3: differansen «siden siste oppdatering» mot loggen', () => {
  const bedrifter = [
    bedrift('968170546', '2026-08-10'), // desember 2026
    bedrift('957689949', '2026-02-15', '2026-09-30'), // ny juni 2026, exit desember 2026
    bedrift('926533010', '2026-10-20', '2026-10-31'), // starter og slutter: begge desember 2026
    bedrift('984495862', '2026-11-02'), // oppstartskjema mars 2027, men med i desemberfilen (11.1: i AVI innen 31.12)
  ];

  it('6.3: uten logg og uten «siden» — alt med utsendingsmåned ≤ fristens måned; for sent får en måned som ikke er passert', () => {
    const o = beregnOppdatering(bedrifter, TOM_LOGG, d('2026-12-01'));
    expect(o.forrige).toBeNull();
    expect(o.nye.map((r) => [r.orgnr, r.startskjema, r.forSent])).toEqual([
      ['957689949', '2026-12', true], // hørte til juni: juni 2026 er passert → desember 2026
      ['968170546', '2026-12', false],
      ['926533010', '2026-12', false],
      ['984495862', '2027-03', false], // 11.1: tatt opp 2. november, i AVI innen 31.12; oppstartskjema mars 2027 (6.3)
    ]);
    expect(o.nye[0]!.merknad).toContain('1. juni 2026');
    expect(o.nye[0]!.merknad).toContain('satt til desember 2026 (juni 2026 er passert)');
    expect(o.nye[3]!.merknad).toMatch(/innen 31\. desember \(11\.1\); oppstartskjema mars 2027/);
    expect(o.avsluttede.map((r) => [r.orgnr, r.exitskjema, r.forSent])).toEqual([
      ['957689949', '2026-12', false],
      ['926533010', '2026-12', false],
    ]);
  });

  it('6.3: starter og slutter før samme frist — står i begge delene med merknad', () => {
    const o = beregnOppdatering(bedrifter, TOM_LOGG, d('2026-12-01'));
    const ny = o.nye.find((r) => r.orgnr === '926533010')!;
    const slutt = o.avsluttede.find((r) => r.orgnr === '926533010')!;
    expect(ny.merknad).toContain('begge delene');
    expect(slutt.merknad).toContain('begge delene');
  });

  it('6.3: andre kjøring etter en opplasting gjentar ingenting, og en sen registrering tas med som for sent', () => {
    const sept = beregnOppdatering(bedrifter, TOM_LOGG, d('2026-09-01'));
    expect(sept.nye.map((r) => r.orgnr)).toEqual(['957689949']);
    const logg = medInnslag(TOM_LOGG, loggInnslag(sept, d('2026-08-25'), ['avi/a.xlsx', 'avi/a.csv']));
    // Registrert for sent: startskjema september 2026 (mai-start), men lagt inn etter septemberfilen.
    const medSen = [...bedrifter, bedrift('950119667', '2026-05-20')];
    const des = beregnOppdatering(medSen, logg, d('2026-12-01'));
    expect(des.forrige).toBe('2026-09-01');
    expect(des.nye.map((r) => [r.orgnr, r.forSent])).toEqual([
      ['950119667', true],
      ['968170546', false],
      ['926533010', false],
      ['984495862', false],
    ]);
    expect(des.nye.find((r) => r.orgnr === '957689949')).toBeUndefined();
    expect(des.nye[0]!.merknad).toContain('For sent');
    // Og en tredje oppdatering etter desember gjentar verken nye eller avsluttede.
    const logg2 = medInnslag(logg, loggInnslag(des, d('2026-11-25'), []));
    const mars = beregnOppdatering(medSen, logg2, d('2027-03-01'));
    // 11.1/6.3: november-oppstarten ble registrert i desember og står ikke som ny igjen i mars.
    expect(mars.nye.map((r) => r.orgnr)).toEqual([]);
    expect(mars.avsluttede).toEqual([]);
  });

  it('6.3: ny kjøring for samme frist lager filen komplett og erstatter loggens innslag (ingen dobbeltføring)', () => {
    const o1 = beregnOppdatering(bedrifter, TOM_LOGG, d('2026-12-01'));
    const i1 = loggInnslag(o1, d('2026-11-20'), []);
    const logg = medInnslag(TOM_LOGG, i1);
    const o2 = beregnOppdatering(bedrifter, logg, d('2026-12-01'));
    expect(o2.nye).toEqual(o1.nye);
    const i2 = loggInnslag(o2, d('2026-11-21'), []);
    expect(sammeInnhold(i1, i2)).toBe(true);
    const logg2 = medInnslag(logg, i2);
    expect(logg2.oppdateringer).toHaveLength(1);
    expect(sammeInnhold(undefined, i2)).toBe(false);
  });

  it('6.3: endret avtaleslutt etter rapportering gir advarsel, ikke ny rapportering', () => {
    const o = beregnOppdatering(bedrifter, TOM_LOGG, d('2026-12-01'));
    const logg = medInnslag(TOM_LOGG, loggInnslag(o, d('2026-11-20'), []));
    const endret = bedrifter.map((b) => (b.orgnr === '957689949' ? { ...b, avtaleslutt: d('2026-10-15') } : b));
    const neste = beregnOppdatering(endret, logg, d('2027-03-01'));
    expect(neste.avsluttede.find((r) => r.orgnr === '957689949')).toBeUndefined();
    expect(neste.advarsler.map((a) => [a.kode, a.kilde?.kolonne])).toEqual([
      ['endret-etter-rapportering', 'avtaleslutt'],
    ]);
  });

  it('6.3: loggen holdes sortert på frist og tåler zod-skjemaet', () => {
    const a = loggInnslag(beregnOppdatering(bedrifter, TOM_LOGG, d('2026-12-01')), d('2026-11-20'), ['x']);
    const b = loggInnslag(beregnOppdatering(bedrifter, TOM_LOGG, d('2026-06-01')), d('2026-05-20'), ['y']);
    const logg: AviLogg = medInnslag(medInnslag(TOM_LOGG, a), b);
    expect(logg.oppdateringer.map((o) => o.frist)).toEqual(['2026-06-01', '2026-12-01']);
    expect(aviLoggSkjema.parse(JSON.parse(JSON.stringify(logg)))).toEqual(logg);
    expect(aviLoggSkjema.safeParse({ ...logg, oppdateringer: [{ ...a, frist: '2026-02-30' }] }).success).toBe(false);
  });
});

describe('6.3/11.1: første gang, årsslutt og sene registreringer', () => {
  const gamle = [
    bedrift('968170546', '2024-02-10'), // hørte til 1. juni 2024
    bedrift('957689949', '2026-05-15'), // hørte til 1. september 2026
    bedrift('926533010', '2026-09-20'), // hører til 1. desember 2026
  ];
  it('6.3: uten logg antas AVI oppdatert ved forrige frist («siden»): bare det som hører til senere tas med', () => {
    const o = beregnOppdatering(gamle, TOM_LOGG, d('2026-12-01'), { siden: forrigeAviFrist(d('2026-12-01')) });
    expect(forrigeAviFrist(d('2026-12-01'))).toBe('2026-09-01');
    expect(o.nye.map((r) => r.orgnr)).toEqual(['926533010']);
    // --siden 2024-01-01: alt siden da, de gamle merket for sent med en måned som ikke er passert.
    const alt = beregnOppdatering(gamle, TOM_LOGG, d('2026-12-01'), { siden: d('2024-01-01') });
    expect(alt.nye.map((r) => [r.orgnr, r.startskjema, r.forSent])).toEqual([
      ['968170546', '2026-12', true],
      ['957689949', '2026-12', true],
      ['926533010', '2026-12', false],
    ]);
  });
  it('11.1: årsslutt-registrering 31.12 tar med desember-oppstarter etter 1.12; neste frist gjentar dem ikke; sen måned er mars', () => {
    const mb = [bedrift('968170546', '2026-08-10'), bedrift('984495862', '2026-12-10')];
    const des = beregnOppdatering(mb, TOM_LOGG, d('2026-12-01'));
    expect(des.nye.map((r) => r.orgnr)).toEqual(['968170546']);
    expect(erAarsslutt(d('2026-12-31'))).toBe(true);
    expect(forrigeAviFrist(d('2026-12-31'))).toBe('2026-12-01');
    const logg = medInnslag(TOM_LOGG, loggInnslag(des, d('2026-11-28'), []));
    const aarsslutt = beregnOppdatering(mb, logg, d('2026-12-31'));
    expect(aarsslutt.nye.map((r) => [r.orgnr, r.startskjema])).toEqual([['984495862', '2027-03']]);
    const logg2 = medInnslag(logg, loggInnslag(aarsslutt, d('2026-12-31'), []));
    expect(beregnOppdatering(mb, logg2, d('2027-03-01')).nye).toEqual([]);
  });
});

describe('6.3: validering som blokkerer opplastingsfilen', () => {
  it('6.3: manglende navn eller e-post til daglig leder for en målbedrift i filen gir feil med rad og kolonne', () => {
    const o = beregnOppdatering(
      [
        bedrift('968170546', '2026-08-10', undefined, {
          dagligLeder: '  ',
          kilde: { fil: 'malbedrifter.csv', rad: 2 },
        }),
        bedrift('957689949', '2026-02-15', '2026-09-30', {
          dagligLederEpost: undefined,
          kilde: { fil: 'malbedrifter.csv', rad: 3 },
        }),
        // Ikke med i desemberfilen (tatt opp etter fristen, oppstartskjema mars 2027): blokkerer ikke.
        bedrift('984495862', '2026-12-05', undefined, {
          dagligLeder: undefined,
          kilde: { fil: 'malbedrifter.csv', rad: 4 },
        }),
      ],
      TOM_LOGG,
      d('2026-12-01'),
    );
    const ds = kontrollerOppdatering(o);
    expect(ds.map((x) => [x.kode, x.kilde?.rad, x.kilde?.kolonne])).toEqual([
      ['mangler-daglig-leder', 3, 'dagligLederEpost'],
      ['mangler-daglig-leder', 2, 'dagligLeder'],
    ]);
    expect(ds.every((x) => x.alvor === 'feil')).toBe(true);
  });

  it('6.3: komplette målbedrifter gir ingen feil', () => {
    expect(
      kontrollerOppdatering(beregnOppdatering([bedrift('968170546', '2026-08-10')], TOM_LOGG, d('2026-12-01'))),
    ).toEqual([]);
  });
});
