import { describe, expect, it } from 'vitest';
import { annenStotteSomLinjer, stotteSisteTreAar, STOTTETAK_EUR_CENT } from '../../src/domain/felles/stottetak.js';
import { kontrollerAnnenStotte, type AnnenStotte } from '../../src/domain/datasett/annenstotte.js';
import { manglerAnnenStotte, sjekkKumulering } from '../../src/domain/faktura/annen-stotte.js';
import { sjekkTreaarstak } from '../../src/domain/faktura/regler.js';
import { kursAdvarsler, stotteregisteretAdvarsler } from '../../src/domain/faktura/varsler.js';
import type { Fakturering } from '../../src/domain/faktura/typer.js';
import type { Dato, Maaned } from '../../src/domain/felles/dato.js';

const d = (s: string) => s as Dato;
const kr = (k: number) => Math.round(k * 100);
const ALFA = { orgnr: '915000002', navn: 'Alfa AS' };
const annen = (felt: Partial<AnnenStotte>): AnnenStotte => ({
  orgnr: ALFA.orgnr,
  dato: d('2026-03-15'),
  giver: 'Dalen Inkubator AS',
  belop: undefined,
  belopEur: undefined,
  sammeKostnader: false,
  beskrivelse: undefined,
  kilde: { fil: 'annenstotte.csv', rad: 2 },
  ...felt,
});
const fakturering = (stotteEur: number): Fakturering =>
  ({
    periode: '2026-10' as Maaned,
    fakturadato: d('2026-11-22'),
    malbedrifter: [{ ...ALFA, stotteEur, stotte: kr(1000), markedsverdi: kr(2000) }],
  }) as unknown as Fakturering;

describe('støtte fra andre i treårstaket (issue 20 pkt. 7; vedlegg 3 pkt. 2 «per målbedrift», GBER art. 28(4))', () => {
  it('kroner omregnes med kursen, euro står som de er', () => {
    const l = annenStotteSomLinjer([annen({ belop: kr(115_000) }), annen({ belopEur: kr(3_900) })], 115_000);
    expect(l.map((x) => x.stotteEur)).toEqual([kr(10_000), kr(3_900)]);
  });

  it('taket regnes med støtten fra andre: 195 000 EUR fra andre + 6 000 EUR nå avvises, og meldingen sier herav', () => {
    const andre = annenStotteSomLinjer([annen({ belopEur: kr(195_000) })], 115_000);
    const r = sjekkTreaarstak(fakturering(kr(6_000)), [], andre);
    expect(r.avvisninger).toHaveLength(1);
    expect(r.avvisninger[0]!.melding).toContain('herav 195');
    expect(r.status[0]).toMatchObject({ fraAndreEur: kr(195_000), tidligereEur: kr(195_000) });
    expect(sjekkTreaarstak(fakturering(kr(5_000)), [], andre).avvisninger).toEqual([]);
  });

  it('vinduet er det samme: støtte fra andre tre år før fakturadatoen teller ikke', () => {
    const andre = annenStotteSomLinjer([annen({ dato: d('2023-11-22'), belopEur: STOTTETAK_EUR_CENT })], 115_000);
    expect(stotteSisteTreAar(andre, ALFA.orgnr, d('2026-11-22'))).toBe(0);
  });

  it('datasettet: beløp i kroner eller euro, ett av dem', () => {
    expect(kontrollerAnnenStotte([annen({ belop: kr(1) })])).toEqual([]);
    expect(kontrollerAnnenStotte([annen({})])[0]!.melding).toContain('mangler beløp');
    expect(kontrollerAnnenStotte([annen({ belop: kr(1), belopEur: kr(1) })])[0]!.kilde).toMatchObject({
      fil: 'annenstotte.csv',
      rad: 2,
      kolonne: 'belop',
    });
  });
});

describe('kumulering (vedlegg 3 pkt. 2: «bare inntil det maksimale tillatte støttenivå»)', () => {
  const mb = { ...ALFA, markedsverdi: kr(10_000), stotte: kr(7_000) };
  it('støtte fra andre til de samme kostnadene teller i intensiteten over treårsvinduet', () => {
    const ok = sjekkKumulering([mb], [], [annen({ sammeKostnader: true, belop: kr(500) })], d('2026-11-22'), 115_000);
    expect(ok.avvisninger).toEqual([]);
    expect(ok.status[0]!.intensitet).toBe(750_000);
    const over = sjekkKumulering(
      [mb],
      [],
      [annen({ sammeKostnader: true, belop: kr(500.01) })],
      d('2026-11-22'),
      115_000,
    );
    expect(over.avvisninger[0]!.kode).toBe('kumulering-over-intensitet');
    expect(over.avvisninger[0]!.melding).toContain('Dalen Inkubator AS 15.03.2026');
  });

  it('støtte til andre kostnader teller ikke i intensiteten', () => {
    const r = sjekkKumulering([mb], [], [annen({ sammeKostnader: false, belop: kr(5_000) })], d('2026-11-22'), 115_000);
    expect(r.status).toEqual([]);
  });

  it('registerlinjer i vinduet gir grunnlaget (også kreditnotaer)', () => {
    const register = [
      { orgnr: ALFA.orgnr, dato: '2026-09-30', markedsverdi: kr(10_000), stotte: kr(5_000) },
      { orgnr: ALFA.orgnr, dato: '2023-01-31', markedsverdi: kr(90_000), stotte: kr(0) }, // utenfor vinduet
    ];
    const r = sjekkKumulering(
      [mb],
      register,
      [annen({ sammeKostnader: true, belop: kr(3_000) })],
      d('2026-11-22'),
      115_000,
    );
    expect(r.status[0]).toMatchObject({ markedsverdi: kr(20_000), vaarStotte: kr(12_000), annenStotte: kr(3_000) });
    expect(r.avvisninger).toEqual([]);
  });
});

describe('advarsel når målbedriften er merket, men ingen støtte fra andre er ført (issue 20 pkt. 7)', () => {
  it('ogsaTattOppHosAndre / radgivningFraAndre uten rader i annenstotte', () => {
    const ds = manglerAnnenStotte(
      [ALFA],
      [{ ...ALFA, ogsaTattOppHosAndre: true, kilde: { fil: 'malbedrifter.csv', rad: 4 } }],
      [],
    );
    expect(ds[0]!.kode).toBe('mangler-annen-stotte');
    expect(ds[0]!.kilde).toEqual({ fil: 'malbedrifter.csv', rad: 4, kolonne: 'ogsaTattOppHosAndre' });
    expect(manglerAnnenStotte([ALFA], [{ ...ALFA, radgivningFraAndre: true }], [annen({})])).toEqual([]);
    expect(manglerAnnenStotte([ALFA], [{ ...ALFA }], [])).toEqual([]);
  });
});

describe('EUR-kursen (issue 20 pkt. 14) og Støtteregisteret (pkt. 19)', () => {
  it('kursen mer enn en måned før fakturadatoen, eller etter den, gir en advarsel', () => {
    expect(kursAdvarsler(d('2026-10-22'), d('2026-11-22'))).toEqual([]);
    expect(kursAdvarsler(d('2026-10-21'), d('2026-11-22'))[0]!.kode).toBe('kurs-gammel');
    expect(kursAdvarsler(d('2026-11-23'), d('2026-11-22'))[0]!.kode).toBe('kurs-etter-fakturadato');
  });

  it('advarsel på fakturaen som passerer 100 000 EUR gjennom næringshagen (ikke før, ikke etter)', () => {
    const s = (tidligere: number, denne: number, fraAndre = 0) => [
      {
        orgnr: ALFA.orgnr,
        tidligereEur: tidligere,
        fraAndreEur: fraAndre,
        denneEur: denne,
        samletEur: 0,
        gjenstaarEur: 0,
      },
    ];
    expect(stotteregisteretAdvarsler([ALFA], s(kr(99_999.99), 1))[0]!.kode).toBe('stotteregisteret');
    expect(stotteregisteretAdvarsler([ALFA], s(kr(99_999.98), 1))).toEqual([]);
    expect(stotteregisteretAdvarsler([ALFA], s(kr(100_000), 1))).toEqual([]);
    expect(stotteregisteretAdvarsler([ALFA], s(kr(159_999.99), kr(0.01), kr(60_000)))[0]!.kode).toBe(
      'stotteregisteret',
    );
  });
});
