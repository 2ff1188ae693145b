/**
 * nh init og nh sjekk som rene planer (issue 22 pkt. 3). init: filene som skrives, nh.json kontrollert slik de andre
 * kommandoene leser den, og det som står som «FYLL INN …» (issue 19 pkt. 2). sjekk: alle feil samlet, advarsel om
 * manglende utviklingsplan (programveileder 8.2) bare for aktive målbedrifter.
 */
import { describe, expect, it } from 'vitest';
import { finnesFraFor, planleggInit, tolkAar, tolkNavn, tolkOrgnr } from '../../src/domain/arbeidsmappe/init.js';
import { planleggSjekk } from '../../src/domain/arbeidsmappe/sjekk.js';
import { GRUNNDATASETT } from '../../src/domain/datasett/index.js';
import type { Dato } from '../../src/domain/felles/dato.js';
import { feil } from '../../src/domain/felles/diagnostikk.js';
import { tolkConfig } from '../../src/domain/konfig/config.js';

const init = (over: Partial<Parameters<typeof planleggInit>[0]> = {}) =>
  planleggInit({
    navn: 'Fjellbygda Næringshage AS',
    orgnr: '923609016',
    aar: 2026,
    verdier: {},
    xlsx: false,
    configFil: 'nh.json',
    ...over,
  });

describe('planleggInit: filene en ny arbeidsmappe får (issue 19 pkt. 2 og 5)', () => {
  it('nh.json først, så én mal per grunndatasett (CSV, eller xlsx med --xlsx)', () => {
    expect(init().filer.map((f) => f.navn)).toEqual(['nh.json', ...GRUNNDATASETT.map((d) => `${d.navn}.csv`)]);
    expect(
      init({ xlsx: true })
        .filer.slice(1)
        .map((f) => f.navn),
    ).toEqual(GRUNNDATASETT.map((d) => `${d.navn}.xlsx`));
    expect(init().feil).toEqual([]);
  });

  it('nh.json er det de andre kommandoene godtar; ufylte satser står som «FYLL INN …» og listes med hvor de finnes', () => {
    const p = init();
    const konfig = p.filer[0]!;
    expect(konfig.hva).toBe('konfig');
    const json = JSON.parse((konfig as { innhold: string }).innhold);
    expect(tolkConfig(json).ok).toBe(true);
    expect(json.arbeidsgiveravgiftSats).toMatch(/^FYLL INN/);
    expect(p.ikkeFyltInn.map((u) => u.felt)).toContain('arbeidsgiveravgiftSats');
    const fylt = init({ verdier: { arbeidsgiveravgiftSats: 14.1 } });
    expect(fylt.ikkeFyltInn.map((u) => u.felt)).not.toContain('arbeidsgiveravgiftSats');
  });

  it('et navn nh.json ikke godtar gir feil i planen (ingenting skrives)', () => {
    expect(init({ navn: '' }).feil.length).toBeGreaterThan(0);
  });

  it('flaggene tolkes før noe spørres videre: navn, orgnr (MOD11) og år i programperioden', () => {
    expect(tolkNavn('  Fjellbygda Næringshage AS ')).toEqual({ ok: true, verdi: 'Fjellbygda Næringshage AS' });
    expect(tolkOrgnr('923 609 016')).toEqual({ ok: true, verdi: '923609016' });
    const orgnr = tolkOrgnr('923609017');
    expect(orgnr.ok ? null : orgnr.feil.kode).toBe('ugyldig-orgnr');
    expect(tolkAar(undefined, 2026)).toEqual({ ok: true, verdi: 2026 });
    const aar = tolkAar('2022', 2026);
    expect(aar.ok ? null : aar.feil.melding).toBe('--år «2022» er ikke et år i programperioden.');
  });

  it('en mappe med nh.json eller et datasett (store eller små bokstaver) er en arbeidsmappe; andre filer ikke', () => {
    expect(finnesFraFor('/m', ['notater.txt', 'LESMEG.md'], 'nh.json')).toBeNull();
    expect(finnesFraFor('/m', ['Ansatte.XLSX', 'notater.txt'], 'nh.json')?.melding).toContain('(Ansatte.XLSX)');
  });
});

describe('planleggSjekk: alle feil samlet, advarsler og oversikten (issue 12 pkt. 3, programveileder 8.2)', () => {
  const config = (() => {
    const r = tolkConfig(JSON.parse((init().filer[0] as { innhold: string }).innhold));
    if (!r.ok) throw new Error('ugyldig nh.json i testen');
    return r.config;
  })();
  const mb = (orgnr: string, avtalestart: string, utviklingsplan?: string) => ({
    orgnr,
    navn: `Bedrift ${orgnr}`,
    avtalestart,
    utviklingsplan,
    kilde: { fil: 'malbedrifter.csv', rad: 2 },
  });

  it('lesefeilene og kryssjekkene kommer samlet, lesefeilene først', () => {
    const lesefeil = [feil('ugyldig-verdi', 'en lesefeil', { fil: 'ansatte.csv', rad: 3 })];
    const slutt = { ...mb('923609016', '2026-05-01'), avtaleslutt: '2026-01-01' };
    const p = planleggSjekk({
      lest: { malbedrifter: { fil: 'malbedrifter.csv', rader: [slutt] } },
      lesefeil,
      config,
      idag: '2026-11-22' as Dato,
    });
    expect(p.feil.map((d) => d.kode)).toEqual(['ugyldig-verdi', 'slutt-for-start']);
  });

  it('8.2: utviklingsplan mangler — advarsel bare for målbedrifter med aktiv avtale i dag', () => {
    const p = planleggSjekk({
      lest: {
        malbedrifter: {
          fil: 'malbedrifter.csv',
          rader: [mb('923609016', '2026-01-01'), mb('914778271', '2027-01-01')],
        },
      },
      lesefeil: [],
      config,
      idag: '2026-11-22' as Dato,
    });
    expect(p.feil).toEqual([]);
    expect(p.advarsler.map((d) => [d.kode, d.melding.includes('923609016')])).toEqual([
      ['mangler-utviklingsplan', true],
    ]);
  });

  it('oversikten har alle grunndatasettene, også de som mangler; ufylte verdier i nh.json listes', () => {
    const p = planleggSjekk({
      lest: { ansatte: { fil: 'ansatte.xlsx', rader: [{}, {}] } },
      lesefeil: [],
      config,
      idag: '2026-11-22' as Dato,
    });
    expect(p.oversikt.map((o) => o.datasett)).toEqual(GRUNNDATASETT.map((d) => d.navn));
    expect(p.oversikt.find((o) => o.datasett === 'ansatte')).toEqual({
      datasett: 'ansatte',
      fil: 'ansatte.xlsx',
      rader: 2,
    });
    expect(p.oversikt.find((o) => o.datasett === 'timer')).toEqual({ datasett: 'timer', fil: null, rader: 0 });
    expect(p.ikkeFyltInn.map((u) => u.felt)).toContain('arbeidsgiveravgiftSats');
  });
});
