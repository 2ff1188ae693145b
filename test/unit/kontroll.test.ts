/**
 * Kryssjekkene (issue 22 pkt. 4): én ordnet liste i src/domain/kontroll/kontroll.ts, brukt av nh sjekk, faktura og
 * budsjett --regnskap. Samme feil i timelistene gir samme kode og melding i alle tre.
 */
import { describe, expect, it } from 'vitest';
import type { Ansatt } from '../../src/domain/datasett/ansatte.js';
import type { Malbedrift } from '../../src/domain/datasett/malbedrifter.js';
import type { Timeregistrering } from '../../src/domain/datasett/timer.js';
import { beregnRegnskap } from '../../src/domain/budsjett/regnskap.js';
import { beregnFakturering } from '../../src/domain/faktura/faktura.js';
import type { FakturaParametre } from '../../src/domain/faktura/typer.js';
import type { Dato, Maaned } from '../../src/domain/felles/dato.js';
import { FEILKODER } from '../../src/domain/felles/feilkoder.js';
import { kryssjekkTimer, RADREGLER, SAMLEREGLER } from '../../src/domain/kontroll/kontroll.js';

const d = (s: string) => s as Dato;
const ANSATTE = [{ navn: 'Kari Nordmann', arslonn: 60_000_000, kilde: { fil: 'ansatte.csv', rad: 2 } }] as Ansatt[];
const MB = [
  {
    orgnr: '915000002',
    navn: 'Alfa AS',
    avtalestart: d('2026-03-01'),
    avtaleslutt: d('2026-10-20'),
    kilde: { fil: 'malbedrifter.csv', rad: 2 },
  },
] as Malbedrift[];
let rad = 1;
const t = (dato: string, ansatt: string, malbedrift: string, timer: number, beskrivelse?: string) =>
  ({
    dato: d(dato),
    ansatt,
    malbedrift,
    timer,
    beskrivelse,
    kilde: { fil: 'timer.csv', rad: ++rad },
  }) as Timeregistrering;
const G = { ansatte: ANSATTE, malbedrifter: MB, adminKoder: ['ADM'] };
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
const kort = (ds: { kode: string; kilde?: { rad?: number } }[]) => ds.map((x) => [x.kode, x.kilde?.rad]);

describe('kryssjekkene: én liste, samme melding i sjekk, faktura og budsjett', () => {
  it('hver regel har en kode fra registeret (alvor og hjemmel derfra), og ingen kode står to ganger', () => {
    const koder = [...RADREGLER, ...SAMLEREGLER].map((r) => r.kode);
    expect(new Set(koder).size).toBe(koder.length);
    for (const k of koder) expect(FEILKODER[k].alvor).toBe('feil');
    // Programveileder 8.2 (avtalen) og vedlegg 3 pkt. 2 (bare timer i avtalen er støttet rådgivning).
    expect(FEILKODER['ukjent-malbedrift'].hjemmel).toBe('8.2');
    expect(FEILKODER['utenfor-avtale'].hjemmel).toBe('vedlegg 3 pkt. 2');
  });

  it('rad for rad i listens rekkefølge, så reglene over flere rader', () => {
    rad = 1;
    const timer = [
      t('2026-10-01', 'Nils Ukjent', '999999999', 100), // ukjent ansatt, ukjent målbedrift
      t('2026-10-21', 'Kari Nordmann', '915000002', 100), // etter avtaleslutt 20.10
      t('2026-10-02', 'Kari Nordmann', 'ADM', 1300),
      t('2026-10-02', 'Kari Nordmann', 'ADM', 1300), // lik rad 4, og 26 timer på dagen
    ];
    expect(kort(kryssjekkTimer('sjekk', timer, G))).toEqual([
      ['ukjent-ansatt', 2],
      ['ukjent-malbedrift', 2],
      ['utenfor-avtale', 3],
      ['dobbel-linje', 5],
      ['over-24-timer', 4],
    ]);
  });

  it('budsjett kjører ikke målbedriftsreglene (leser bare administrasjonsradene); de andre er like', () => {
    rad = 1;
    const timer = [
      t('2026-10-01', 'Nils Ukjent', '999999999', 100),
      t('2026-10-21', 'Kari Nordmann', '915000002', 100),
    ];
    expect(kort(kryssjekkTimer('budsjett', timer, G))).toEqual([['ukjent-ansatt', 2]]);
  });

  it('samme feil gir samme melding fra sjekk, faktura og budsjett --regnskap', () => {
    rad = 1;
    const timer = [t('2026-10-05', 'Nils Ukjent', 'ADM', 100, 'Møte'), t('2026-10-06', 'Kari Nordmann', 'ADM', 2500)];
    const sjekk = kryssjekkTimer('sjekk', timer, G);
    const faktura = beregnFakturering(timer, ANSATTE, MB, P).feil;
    const satser = [{ godkjent: 100_000 }];
    const budsjett = beregnRegnskap(2026, timer, ANSATTE, satser, MB, [], [], ['ADM']).feil;
    expect(sjekk.map((x) => x.melding)).toEqual([
      'Ukjent ansatt «Nils Ukjent»: står ikke i ansatte og har derfor ingen timesats eller markedspris.',
      'Kari Nordmann har 25 timer 06.10.2026 — mer enn døgnet har.',
    ]);
    expect(faktura).toEqual(sjekk);
    expect(budsjett).toEqual(sjekk);
  });

  it('budsjett med årets lagrede timesatser nevner filen satsene kom fra', () => {
    rad = 1;
    const [d0] = kryssjekkTimer('budsjett', [t('2026-10-05', 'Nils Ukjent', 'ADM', 100)], {
      ...G,
      ansatteKilde: 'timesats-2026.json',
    });
    expect(d0!.melding).toContain('står ikke i timesats-2026.json');
    expect(d0!.forventet).toBe('et navn fra timesats-2026.json');
  });

  it('faktura: en dobbel eksport av en timeliste stopper faktureringen (ville blitt fakturert to ganger)', () => {
    rad = 1;
    const timer = [
      t('2026-10-05', 'Kari Nordmann', '915000002', 300),
      t('2026-10-05', 'Kari Nordmann', '915000002', 300),
    ];
    const r = beregnFakturering(timer, ANSATTE, MB, P);
    expect(kort(r.feil)).toEqual([['dobbel-linje', 3]]);
    expect(r.fakturering.malbedrifter).toEqual([]);
  });
});
