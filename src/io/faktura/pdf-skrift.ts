/**
 * Skriftene i PDF-ene (issue 21 pkt. 3, issue 22 pkt. 8): Noto Sans (SIL OFL 1.1, fra @fontsource/noto-sans) i to
 * vekter, lastet én gang per prosess som fontkit-objekter pdfkit bygger inn som delmengde — med hurtiglagrene som
 * gjør at 21 fakturaer ikke setter de samme ordene og pakker ut de samme glyfene 21 ganger. pdf-skriv.ts lager
 * dokumentene; PDF-tråden (pdf-arbeider.ts) laster skriftene før dokumentene kommer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

const kreve = createRequire(import.meta.url);
/**
 * Skriftene lastes én gang per prosess, pakket ut fra WOFF til TrueType med node:zlib, og brukes som ferdige
 * fontkit-objekter i alle dokumentene (pdfkit tar et fontkit-objekt). Ellers pakker fontkit ut WOFF-tabellene i ren
 * JavaScript på nytt for hver glyf i hver PDF (målt på demoen: ca. 0,3 s CPU per PDF; slik ca. 0,04 s).
 */
const skrift = (vekt: 400 | 700) => medLayoutHurtiglager(medHuskedeGlyfer(raaSkrift(vekt)));

/** Skriften slik fontkit leser den, uten nh sine hurtiglagre (testene sammenligner med den). */
export const raaSkrift = (vekt: 400 | 700): fontkit.Font =>
  fontkit.create(
    woffTilTtf(readFileSync(kreve.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${vekt}-normal.woff`))),
  ) as fontkit.Font;

/** Det av fontkits glyf-objekt som medHuskedeGlyfer bruker (ikke i typene: `_decode` er fontkits egen). */
type Glyf = { _decode(): unknown };

/**
 * Når en PDF tar med en glyf i skriftdelmengden (fontkits TTFSubset), pakkes hele glyfen ut — alle punktene — bare
 * for å se om den er satt sammen av andre glyfer; for hver glyf i hver PDF. Svaret er det samme hver gang, så det
 * huskes for prosessen (fontkit gir samme glyf-objekt for samme glyf-id). Ingen leser endrer svaret: delmengden
 * leser bare komponentene, og skriften er ikke variabel (da ville fontkit flyttet punktene). Samme bytes; ca. 2 ms
 * mindre per PDF (issue 22 pkt. 8).
 */
function medHuskedeGlyfer(font: fontkit.Font): fontkit.Font {
  const hent = font.getGlyph.bind(font);
  const husket = new WeakSet<object>();
  const getGlyph = (id: number, tegn?: number[]) => {
    const glyf = hent(id, tegn);
    if (glyf && !husket.has(glyf)) {
      husket.add(glyf);
      const g = glyf as unknown as Glyf;
      const pakkUt = g._decode.bind(g);
      let svar: { verdi: unknown } | null = null;
      g._decode = () => {
        svar ??= { verdi: pakkUt() };
        return svar.verdi;
      };
    }
    return glyf;
  };
  return Object.assign(font, { getGlyph }) as fontkit.Font;
}

type Posisjon = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
/** Det pdfkit leser av et fontkit-GlyphRun: glyfene, posisjonene og summen av xAdvance (en getter, som i fontkit). */
class Oppsatt {
  constructor(
    readonly glyphs: unknown[],
    readonly positions: Posisjon[],
  ) {}
  get advanceWidth(): number {
    let sum = 0;
    for (const p of this.positions) sum += p.xAdvance;
    return sum;
  }
}

/**
 * Tekstoppsettet (fontkit.layout: GSUB/GPOS for hvert ord) huskes for hele prosessen. pdfkit husker bare innenfor ett
 * dokument, men fakturaene gjentar de samme ordene (ledetekster, støtteteksten, beløp); uten dette gikk omtrent
 * halvparten av PDF-tiden på demoen til å sette de samme ordene på nytt (issue 22 pkt. 8). pdfkit skalerer
 * posisjonene på stedet, så hvert kall får sine egne kopier; glyfene er fontens egne og deles.
 */
function medLayoutHurtiglager(font: fontkit.Font): fontkit.Font {
  const lag = font.layout.bind(font);
  const husket = new Map<string, HusketOppsett>();
  const fraFontkit = (tekst: string, egenskaper?: unknown): HusketOppsett => {
    const run = lag(tekst, egenskaper as string[] | undefined);
    return {
      glyphs: run.glyphs,
      positions: run.positions.map((p) => ({
        xAdvance: p.xAdvance,
        yAdvance: p.yAdvance,
        xOffset: p.xOffset,
        yOffset: p.yOffset,
      })),
    };
  };
  const hent = (tekst: string, egenskaper?: unknown): HusketOppsett => {
    const nokkel = egenskaper === undefined ? tekst : `${tekst}\u0000${JSON.stringify(egenskaper)}`;
    let r = husket.get(nokkel);
    if (!r) {
      r =
        egenskaper === undefined && tekst.length > 1 && TALLTEGN.test(tekst)
          ? tegnForTegn([...tekst].map((t) => hent(t)))
          : fraFontkit(tekst, egenskaper);
      husket.set(nokkel, r);
    }
    return r;
  };
  const layout = (tekst: string, egenskaper?: unknown) => {
    const r = hent(tekst, egenskaper);
    return new Oppsatt(
      r.glyphs,
      r.positions.map((p) => ({ ...p })),
    );
  };
  return Object.assign(font, { layout }) as fontkit.Font;
}

/** Et ord slik det huskes (pdfkit får en kopi, `Oppsatt`, som det kan skalere). */
type HusketOppsett = { glyphs: unknown[]; positions: Posisjon[] };

/**
 * Tall, datoer og beløp («1 234,50 », «05.12.2026», «−703,13») settes tegn for tegn. Noto Sans har med fontkits
 * standardegenskaper ingen erstatning (GSUB) eller kniping (GPOS) mellom disse tegnene, så strengens oppsett er
 * tegnenes oppsett etter hverandre. test/unit/pdf.test.ts sjekker det mot fontkit for begge vektene (alle tegnpar og
 * tilfeldige strenger): en skriftversjon med kniping her gir en rød test, ikke en feil PDF. Hvert beløp er et nytt
 * «ord» for hurtiglageret — ca. 2/3 av ordene fontkit ellers måtte sette på demoen, ca. 0,1 ms hvert.
 */
export const TALLTEGN = /^[0-9,.:/%+\-\u2212\u00a0 ]+$/;

/** Oppsettene etter hverandre (posisjonene er relative: hver glyf flytter pennen med sin xAdvance). */
function tegnForTegn(deler: HusketOppsett[]): HusketOppsett {
  return { glyphs: deler.flatMap((d) => d.glyphs), positions: deler.flatMap((d) => d.positions) };
}

/** WOFF 1.0 → TrueType: tabellene er zlib-komprimert hver for seg; TrueType har dem ukomprimert, 4-byte-justert. */
function woffTilTtf(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const antall = woff.readUInt16BE(12);
  const hode = Buffer.alloc(12 + 16 * antall);
  let potens = 1;
  while (potens * 2 <= antall) potens *= 2;
  hode.writeUInt32BE(woff.readUInt32BE(4), 0);
  hode.writeUInt16BE(antall, 4);
  hode.writeUInt16BE(potens * 16, 6);
  hode.writeUInt16BE(Math.log2(potens), 8);
  hode.writeUInt16BE((antall - potens) * 16, 10);
  const deler: Buffer[] = [hode];
  let pos = hode.length;
  for (let i = 0; i < antall; i++) {
    const o = 44 + i * 20;
    const start = woff.readUInt32BE(o + 4);
    const komprimert = woff.readUInt32BE(o + 8);
    const lengde = woff.readUInt32BE(o + 12);
    const raa = woff.subarray(start, start + komprimert);
    const data = komprimert < lengde ? inflateSync(raa) : raa;
    woff.copy(hode, 12 + i * 16, o, o + 4);
    hode.writeUInt32BE(woff.readUInt32BE(o + 16), 12 + i * 16 + 4);
    hode.writeUInt32BE(pos, 12 + i * 16 + 8);
    hode.writeUInt32BE(data.length, 12 + i * 16 + 12);
    const fyll = (4 - (data.length % 4)) % 4;
    deler.push(data, Buffer.alloc(fyll));
    pos += data.length + fyll;
  }
  return Buffer.concat(deler);
}
let skrifter: { vanlig: fontkit.Font; fet: fontkit.Font } | null = null;

/** Skriftene (første gang: lest og pakket ut), så PDF-tråden kan gjøre det før dokumentene er klare. */
export function lastSkrifter(): { vanlig: fontkit.Font; fet: fontkit.Font } {
  skrifter ??= { vanlig: skrift(400), fet: skrift(700) };
  return skrifter;
}
