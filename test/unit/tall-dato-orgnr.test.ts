import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDesimal, fraFlyttall } from '../../src/domain/felles/tall.js';
import { fraExcelSerie, leggTilMaaneder, parseDato, tilExcelSerie, type Dato } from '../../src/domain/felles/dato.js';
import { erGyldigOrgnr, kontrollsiffer, normaliserOrgnr, orgnrFeil } from '../../src/domain/felles/orgnr.js';

describe('tall slik norsk Excel eksporterer dem', () => {
  it.each([
    ['1 234,50', 123450],
    ['1\u00a0234,50', 123450], // hardt mellomrom som tusenskille
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['1234.5', 123450],
    ['1234,5', 123450],
    ['1.234', 123400], // ett punktum + tre sifre = tusenskille (norsk)
    ['0.125', null], // tre desimaler er for mange for øre
    ['-12', -1200],
    ['−12,5', -1250], // ekte minustegn
    ['(100)', -10000],
    ['kr 1 250', 125000],
    ['1 250 kr', 125000],
    ['1 234 567,89', 123456789],
  ])('«%s» → %s øre', (inn, ut) => {
    const r = parseDesimal(inn, 2);
    if (ut === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, verdi: ut });
  });

  it.each(['abc', '1,2,3,4', '12a', '', '1..2', '1 23,4.5'])('avviser «%s»', (inn) => {
    expect(parseDesimal(inn, 2).ok).toBe(false);
  });

  it('tåler flyttallsstøy fra Excel-formler, men ikke ekte ekstra desimaler', () => {
    expect(fraFlyttall(0.1 + 0.2, 2)).toEqual({ ok: true, verdi: 30 });
    expect(fraFlyttall(1234.567, 2).ok).toBe(false);
  });

  it('egenskap: et heltall øre skrevet på norsk leses tilbake likt', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ore) => {
        const abs = Math.abs(ore);
        const tekst = `${ore < 0 ? '-' : ''}${Math.floor(abs / 100).toLocaleString('nb-NO')},${String(abs % 100).padStart(2, '0')}`;
        expect(parseDesimal(tekst, 2)).toEqual({ ok: true, verdi: ore });
      }),
    );
  });
});

describe('datoer uten tidssone', () => {
  it.each([
    ['03.11.2026', '2026-11-03'],
    ['3.1.2026', '2026-01-03'],
    ['03/11/2026', '2026-11-03'],
    ['2026-11-03', '2026-11-03'],
    ['2026-11-03T00:00:00Z', '2026-11-03'],
    ['03.11.26', '2026-11-03'],
    ['46329', '2026-11-03'], // Excel-serienummer
    ['29.02.2024', '2024-02-29'],
  ])('«%s» → %s', (inn, ut) => {
    expect(parseDato(inn)).toBe(ut);
  });

  it.each(['31.02.2026', '29.02.2025', '2026-13-01', '00.01.2026', 'i går', '1.1'])('avviser «%s»', (inn) => {
    expect(parseDato(inn)).toBeNull();
  });

  it('Excel-serie: 1 = 1900-01-01, 61 = 1900-03-01, 60 (Excels fiktive 29.02.1900) avvises', () => {
    expect(fraExcelSerie(1)).toBe('1900-01-01');
    expect(fraExcelSerie(61)).toBe('1900-03-01');
    expect(fraExcelSerie(60)).toBeNull();
    expect(fraExcelSerie(45658)).toBe('2025-01-01');
    expect(fraExcelSerie(45658.5)).toBeNull();
  });

  it('egenskap: Excel-serie fram og tilbake', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 73050 }), (n) => {
        expect(tilExcelSerie(fraExcelSerie(n)!)).toBe(n);
      }),
    );
  });

  it('måneder legges til med kapping til siste dag', () => {
    expect(leggTilMaaneder('2026-01-31' as Dato, 1)).toBe('2026-02-28');
    expect(leggTilMaaneder('2024-02-29' as Dato, -12)).toBe('2023-02-28');
    expect(leggTilMaaneder('2026-11-15' as Dato, 3)).toBe('2027-02-15');
  });
});

describe('organisasjonsnummer (MOD11, vekter 3,2,7,6,5,4,3,2)', () => {
  it('godtar gyldige og avviser feil kontrollsiffer', () => {
    expect(erGyldigOrgnr('923609016')).toBe(true);
    expect(erGyldigOrgnr('923609017')).toBe(false);
    expect(orgnrFeil('12345678')).toMatch(/ni sifre/);
    expect(orgnrFeil('92360901x')).toMatch(/sifre/);
    expect(normaliserOrgnr('NO 923 609 016 MVA')).toBe('923609016');
  });

  it('egenskap: for hvert 8-sifret prefiks er høyst ett kontrollsiffer gyldig, og rest 1 gir ingen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 80_000_000, max: 99_999_999 }), (p) => {
        const prefiks = String(p);
        const k = kontrollsiffer(prefiks);
        const gyldige = [...'0123456789'].filter((d) => erGyldigOrgnr(prefiks + d));
        expect(gyldige).toEqual(k === null ? [] : [String(k)]);
      }),
    );
  });
});

describe('issue 11 pkt. 17: tall som ikke kan tolkes sikkert avvises', () => {
  it.each([
    ['(-650 000)', 'fortegn inne i parentesen (tvetydig: parentes betyr allerede minus)'],
    ['65 00 00', 'mellomrom bare som tusenskille mellom grupper på tre sifre, f.eks. «650 000»'],
    ['1 2 3', 'mellomrom bare som tusenskille mellom grupper på tre sifre, f.eks. «650 000»'],
    ['650,000', 'tvetydig: komma kan være tusenskille eller desimalkomma — skriv «650 000» eller «650,00»'],
    ['1,250', 'tvetydig: komma kan være tusenskille eller desimalkomma — skriv «1 250» eller «1,25»'],
  ])('«%s» → %s', (inn, grunn) => {
    expect(parseDesimal(inn, 2)).toEqual({ ok: false, grunn });
  });

  it('entydige former leses som før', () => {
    expect(parseDesimal('(650 000)', 2)).toEqual({ ok: true, verdi: -65_000_000 });
    expect(parseDesimal('- 650 000', 2)).toEqual({ ok: true, verdi: -65_000_000 });
    expect(parseDesimal('1 234 567,5', 2)).toEqual({ ok: true, verdi: 123_456_750 });
    expect(parseDesimal('650,00', 2)).toEqual({ ok: true, verdi: 65_000 });
    expect(parseDesimal('0,125', 4)).toEqual({ ok: true, verdi: 1250 });
    // Med fire desimaler (prosent, kurs) er «11,750» et desimaltall, ikke tvetydig.
    expect(parseDesimal('11,750', 4)).toEqual({ ok: true, verdi: 117_500 });
  });

  it('med tre eller flere desimaler (kurs, prosent) er «11.603» et desimaltall, ikke 11 603', () => {
    // Før: «11.603» som EUR-kurs i nh.json ble 11 603 kr per euro, og støtten i euro (treårstaket) 1000 ganger for liten.
    expect(parseDesimal('11.603', 4)).toEqual({ ok: true, verdi: 116_030 });
    expect(parseDesimal('14.100', 4)).toEqual({ ok: true, verdi: 141_000 });
    expect(parseDesimal('1.234', 2)).toEqual({ ok: true, verdi: 123_400 }); // beløp: tusenskille som før
  });
});

describe('issue 11 pkt. 11: xlsx-tall med mer enn to desimaler avvises som i CSV', () => {
  it('985 000,125 kr er en ekte tredje desimal, ikke formelstøy', () => {
    expect(fraFlyttall(985000.125, 2)).toEqual({ ok: false, grunn: 'for mange desimaler (høyst 2)' });
    expect(parseDesimal('985000,125', 2)).toEqual({ ok: false, grunn: 'for mange desimaler (høyst 2)' });
    expect(fraFlyttall(985000.12, 2)).toEqual({ ok: true, verdi: 98_500_012 });
    expect(fraFlyttall(0.1 + 0.2 + 985000, 2)).toEqual({ ok: true, verdi: 98_500_030 });
  });
});

describe('issue 11 pkt. 20: kontrolltegn til terminalen vises synlig', () => {
  it('ESC, CR og NUL byttes ut; linjeskift og nh sine fargekoder beholdes', async () => {
    const { terminalTrygg, synligVerdi } = await import('../../src/domain/felles/terminal.js');
    expect(terminalTrygg('Kari\u001b[2J\u001b]0;tittel\u0007 Nordmann\r\n')).toBe('Kari␛[2J␛]0;tittel␇ Nordmann␍\n');
    expect(terminalTrygg('\u001b[31mFeil:\u001b[39m x')).toBe('\u001b[31mFeil:\u001b[39m x');
    expect(terminalTrygg('a\u202eb\u0000')).toBe('a<U+202E>b␀');
    expect(synligVerdi('Ola\r\nHansen\t')).toBe('Ola␍␊Hansen␉');
  });

  it('en fargekode (ESC[…m) i en verdi fra inndata vises synlig: den kunne ellers farge eller skjule teksten', async () => {
    const { synligVerdi } = await import('../../src/domain/felles/terminal.js');
    // ESC[8m («skjult») ville gjort resten av feilmeldingen usynlig i terminalen.
    expect(synligVerdi('Alfa\u001b[31mRød\u001b[8m AS')).toBe('Alfa␛[31mRød␛[8m AS');
  });

  it('en fargekode i en overskrift fra inndata (kolonne og melding) vises synlig i feilmeldingen', async () => {
    const { feil, formatDiagnostikk } = await import('../../src/domain/felles/diagnostikk.js');
    const d = feil('ukjent-kolonne', 'Ukjent kolonne «x\u001b[8mskjult».', {
      fil: 'ansatte.csv',
      rad: 1,
      kolonne: 'x\u001b[8mskjult',
    });
    expect(formatDiagnostikk(d)).toBe('ansatte.csv, rad 1, kolonne «x␛[8mskjult»: Ukjent kolonne «x␛[8mskjult».');
  });
});
