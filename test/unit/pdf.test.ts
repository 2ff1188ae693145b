/**
 * PDF-fakturaen (issue 21 pkt. 3): samme inndata gir de samme bytene (fast opprettelsesdato, samme skrift), så
 * `--dokumenter` og gylne sjekker kan se om en fil er endret; teksten har nummer, KID og de tre beløpene (10.4).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beregnFakturalinjer } from '../../src/domain/faktura/faktura.js';
import { ehfFaktura } from '../../src/domain/faktura/ehf.js';
import type { Dato, Maaned } from '../../src/domain/felles/dato.js';
import { pdfFilnavn } from '../../src/io/faktura/ehf-filer.js';
import { lastSkrifter, raaSkrift, TALLTEGN } from '../../src/io/faktura/pdf-skrift.js';
import { pdfDokument } from '../../src/io/faktura/pdf-skriv.js';
import { lagPdfer, startPdfTraad } from '../../src/io/faktura/pdf-parallell.js';
import { ROT, tomMappe } from '../hjelp.js';

function dokument(kid = '0100014') {
  const mv = [333_333, 333_333, 333_334];
  const { sum, linjer } = beregnFakturalinjer(mv, 750_000, 250_000);
  const g = {
    ...sum,
    timer: 300,
    orgnr: '915000002',
    navn: 'Ærlig Økologisk Å AS',
    avtalestart: '2026-01-01' as Dato,
    stotteintensitet: 750_000,
    stotteEur: 0,
    fakturatekst: 'Rådgivning 2026-10: markedsverdi 10 000,00 kr. Innovasjonsstøtte (GBER art. 28) 7 500,00 kr.',
    linjer: linjer.map((l, i) => ({
      ...l,
      orgnr: '915000002',
      ansatt: `Åse Ørn ${i + 1}`,
      aktivitet: 'Rådgivning',
      timer: 100,
      pris: mv[i]!,
      prisKilde: 'standard' as const,
      stotteintensitet: 750_000,
      rader: 1,
    })),
  };
  const id = {
    type: 'faktura' as const,
    fakturanr: '10001',
    kid,
    fakturadato: '2026-10-31' as Dato,
    forfallsdato: '2026-11-14' as Dato,
    ordrereferanse: '2026-10-915000002',
  };
  const selger = {
    navn: 'Testdal Næringshage AS',
    orgnr: '923609016',
    mvaRegistrert: true,
    foretaksregisteret: true,
    adresse: 'Storgata 1',
    postnr: '6800',
    poststed: 'FØRDE',
    kontonummer: '86011117947',
  };
  const kjoper = {
    orgnr: '915000002',
    navn: g.navn,
    adresse: 'Kaiveien 2',
    postnr: '6900',
    poststed: 'FLORØ',
    deresRef: 'Kari',
  };
  return ehfFaktura('2026-10' as Maaned, g, id, selger, kjoper, 250_000, 14);
}

describe('PDF-fakturaen (issue 21 pkt. 3)', () => {
  it('samme inndata → de samme bytene; en annen KID → andre byte', async () => {
    const a = await pdfDokument(dokument());
    const b = await pdfDokument(dokument());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(await pdfDokument(dokument('0100022'))))).toBe(false);
    expect(Buffer.from(a).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfFilnavn('10001', '915000002')).toBe('10001-915000002.pdf');
  });

  it('10.4: én A4-side med nummer, KID, markedsverdi − støtte = egenandel + mva, og æøå som tekst', async () => {
    const fil = path.join(tomMappe(), 'f.pdf');
    writeFileSync(fil, await pdfDokument(dokument()));
    const info = spawnSync('pdfinfo', [fil], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89/);
    const t = spawnSync('pdftotext', ['-layout', fil, '-'], { encoding: 'utf8' }).stdout.replace(/\u00a0/g, ' ');
    for (const m of [
      /Fakturanr\.\s+10001/,
      /KID\s+0100014/,
      /Markedsverdi\s+10 000,00/,
      /Innovasjonsstøtte \(GBER art\. 28[^\n]*−7 500,00/,
      /Egenandel eks\. mva\s+2 500,00/,
      /Å betale \(NOK\)\s+3 125,00/,
      /Ærlig Økologisk Å AS/,
      /Org\.nr\. 923 609 016 MVA · Foretaksregisteret/,
      /Side 1 av 1/,
    ])
      expect(t).toMatch(m);
  });
});

/** Tråden slik tsc bygger den (dist/, bygget av test/globalt.ts); kildene i src/ har ingen .js-tråd. */
const ARBEIDER = pathToFileURL(path.join(ROT, 'dist', 'io', 'faktura', 'pdf-arbeider.js'));

describe('PDF-ene i en egen tråd (issue 22 pkt. 8, io/faktura/pdf-parallell.ts)', () => {
  it('tråden gir de samme bytene som hovedtråden, i dokumentenes rekkefølge', async () => {
    const dokumenter = ['0100014', '0100022', '0100030', '0100048'].map((kid) => dokument(kid));
    const traad = startPdfTraad(ARBEIDER);
    expect(traad).not.toBeNull();
    try {
      const pdfer = await lagPdfer(dokumenter, traad);
      for (const [i, d] of dokumenter.entries())
        expect(Buffer.from(await pdfer.hent(i)).equals(Buffer.from(await pdfDokument(d))), `dokument ${i}`).toBe(true);
    } finally {
      traad!.avslutt();
    }
  });

  it('uten tråden (kildene i src/, som i testene): null, og PDF-ene lages i hovedtråden', async () => {
    expect(startPdfTraad(pathToFileURL(path.join(ROT, 'src', 'io', 'faktura', 'pdf-arbeider.js')))).toBeNull();
    const pdfer = await lagPdfer([dokument()], null);
    expect(Buffer.from(await pdfer.hent(0)).equals(Buffer.from(await pdfDokument(dokument())))).toBe(true);
  });

  it('en tråd som stopper før PDF-ene er laget, gir en feil der PDF-en ventes på — aldri et heng', async () => {
    // Stoppet før dokumentene kom (avslutt() er asynkron: dokumentene sendes mens tråden stopper) …
    const traad = startPdfTraad(ARBEIDER)!;
    traad.avslutt();
    await expect((await lagPdfer([dokument(), dokument('0100022')], traad)).hent(1)).rejects.toThrow(
      /PDF-tråden stoppet/,
    );
    // … og etter at den har stoppet helt.
    const stoppet = startPdfTraad(ARBEIDER)!;
    stoppet.avslutt();
    await new Promise((ok) => setTimeout(ok, 300));
    await expect((await lagPdfer([dokument()], stoppet)).hent(0)).rejects.toThrow(/PDF-tråden stoppet/);
  });
});

describe('tekstoppsettet (issue 22 pkt. 8, io/faktura/pdf-skrift.ts)', () => {
  // Tegnene TALLTEGN slipper gjennom; tall settes tegn for tegn i stedet for med fontkit.
  const TEGN = [...'0123456789,.:/%+-\u2212\u00a0 '];
  const oppsett = (run: { glyphs: { id: number }[]; positions: object[] }) => ({
    glyfer: run.glyphs.map((g) => g.id),
    posisjoner: run.positions.map((p) => {
      const { xAdvance, yAdvance, xOffset, yOffset } = p as Record<string, number>;
      return [xAdvance, yAdvance, xOffset, yOffset];
    }),
  });
  type Run = Parameters<typeof oppsett>[0];
  const skrifter = () => {
    const sk = lastSkrifter();
    return [
      { navn: 'vanlig', nh: sk.vanlig, fontkit: raaSkrift(400) },
      { navn: 'fet', nh: sk.fet, fontkit: raaSkrift(700) },
    ];
  };

  it('tall, datoer og beløp satt tegn for tegn er det samme som fontkit gir — alle tegnpar og tilfeldige strenger', () => {
    expect(TALLTEGN.test(TEGN.join(''))).toBe(true);
    expect(TALLTEGN.test('12 kr')).toBe(false);
    for (const s of skrifter()) {
      const lik = (t: string) =>
        expect(oppsett(s.nh.layout(t) as unknown as Run), `${s.navn}: ${JSON.stringify(t)}`).toEqual(
          oppsett(s.fontkit.layout(t) as unknown as Run),
        );
      for (const a of TEGN) for (const b of TEGN) lik(a + b);
      for (const t of ['1\u00a0234,50 ', '05.12.2026', '\u2212703,13', '01.10.2026 ', '25 %', '0260042 ']) lik(t);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...TEGN), { minLength: 2, maxLength: 16 }), (t) => {
          lik(t.join(''));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('ord med bokstaver settes av fontkit (kniping som «AV», «To»), og hvert kall får egne posisjoner', () => {
    for (const s of skrifter()) {
      for (const t of ['AV', 'To', 'Fakturanr.', 'Innovasjonsstøtte ', 'Å betale']) {
        expect(oppsett(s.nh.layout(t) as unknown as Run)).toEqual(oppsett(s.fontkit.layout(t) as unknown as Run));
      }
      // pdfkit skalerer posisjonene på stedet: et nytt kall skal ikke se den forrige skaleringen.
      const a = s.nh.layout('1 234') as unknown as { positions: { xAdvance: number }[] };
      const foer = a.positions[0]!.xAdvance;
      a.positions[0]!.xAdvance *= 1000;
      expect((s.nh.layout('1 234') as unknown as { positions: { xAdvance: number }[] }).positions[0]!.xAdvance).toBe(
        foer,
      );
    }
  });
});
