/**
 * Faktura og kreditnota som PDF (issue 21 pkt. 3): én A4-side per dokument med selger og kjøper, nummer, datoer,
 * KID og konto, linjene, og programveileder 10.4s tre beløp — markedsverdi − innovasjonsstøtte = egenandel, + mva
 * — med støtteteksten (GBER art. 28). Samme dokumentmodell som EHF-en (src/domain/faktura/ehf.ts), så PDF og EHF
 * alltid viser de samme tallene; PDF-en legges også ved EHF-en.
 *
 * pdfkit (MIT) skriver PDF-en; skriften er Noto Sans (SIL OFL 1.1, fra @fontsource/noto-sans) innebygd som
 * delmengde, så æøå og «–» vises likt hos alle. Modulen lastes bare når PDF skal skrives (dynamisk import).
 * Bytene er de samme for samme inndata: opprettelsesdatoen er dokumentets dato, ikke klokka.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { STOTTETEKST, type EhfDokument, type EhfPart } from '../../domain/faktura/ehf.js';
import { formatDato, type Dato } from '../../domain/felles/dato.js';
import { formatKroner, formatProsent } from '../../domain/felles/penger.js';

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
  const husket = new Map<string, Oppsett>();
  const fraFontkit = (tekst: string, egenskaper?: unknown): Oppsett => {
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
  const hent = (tekst: string, egenskaper?: unknown): Oppsett => {
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

type Oppsett = { glyphs: unknown[]; positions: Posisjon[] };

/**
 * Tall, datoer og beløp («1 234,50 », «05.12.2026», «−703,13») settes tegn for tegn. Noto Sans har med fontkits
 * standardegenskaper ingen erstatning (GSUB) eller kniping (GPOS) mellom disse tegnene, så strengens oppsett er
 * tegnenes oppsett etter hverandre. test/unit/pdf.test.ts sjekker det mot fontkit for begge vektene (alle tegnpar og
 * tilfeldige strenger): en skriftversjon med kniping her gir en rød test, ikke en feil PDF. Hvert beløp er et nytt
 * «ord» for hurtiglageret — ca. 2/3 av ordene fontkit ellers måtte sette på demoen, ca. 0,1 ms hvert.
 */
export const TALLTEGN = /^[0-9,.:/%+\-\u2212\u00a0 ]+$/;

/** Oppsettene etter hverandre (posisjonene er relative: hver glyf flytter pennen med sin xAdvance). */
function tegnForTegn(deler: Oppsett[]): Oppsett {
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

const A4 = { b: 595.28, h: 841.89 };
const MARG = 48;
const BREDDE = A4.b - 2 * MARG;
const GRAA = '#555555';

/** «923609016» → «923 609 016»; «15031203454» → «1503 12 03454». */
const orgnrTekst = (o: string) => o.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
const kontoTekst = (k: string) => k.replace(/^(\d{4})(\d{2})(\d{5})$/, '$1 $2 $3');
/** hundredeler → «7,5». */
const antallTekst = (h: number) =>
  formatKroner(h)
    .replace(/,00$/, '')
    .replace(/(,\d)0$/, '$1');
const kr = (o: number) => formatKroner(o);

type Dok = PDFKit.PDFDocument;

function part(doc: Dok, x: number, y: number, tittel: string, p: EhfPart, ekstra: string[], navn = true): void {
  doc.font('fet').fontSize(8).fillColor(GRAA).text(tittel, x, y);
  if (navn)
    doc
      .font('fet')
      .fontSize(10)
      .fillColor('black')
      .text(p.navn, x, y + 11, { width: 250 });
  doc.font('vanlig').fontSize(9).fillColor('black');
  for (const l of [p.adresse, `${p.postnr} ${p.poststed}`, ...ekstra]) doc.text(l, { width: 250 });
}

function selgerlinjer(d: EhfDokument): string[] {
  const s = d.selger;
  const org = `Org.nr. ${orgnrTekst(s.orgnr)}${s.mvaRegistrert ? ' MVA' : ''}`;
  return [
    s.foretaksregisteret ? `${org} · Foretaksregisteret` : org,
    ...(s.epost ? [s.epost] : []),
    ...(s.telefon ? [`Telefon ${s.telefon}`] : []),
  ];
}

/** Høyre kolonne: nummer, datoer, betaling og referansene. */
function fakta(doc: Dok, d: EhfDokument, y: number): number {
  const kreditnota = d.type === 'kreditnota';
  const rader: [string, string][] = [
    [kreditnota ? 'Kreditnotanr.' : 'Fakturanr.', d.nr],
    [kreditnota ? 'Dato' : 'Fakturadato', formatDato(d.utstedt)],
    ...(kreditnota ? [] : ([['Forfallsdato', formatDato(d.forfall)]] as [string, string][])),
    ...(d.krediterer ? ([['Krediterer faktura', d.krediterer.nr]] as [string, string][]) : []),
    ...(d.kid ? ([['KID', d.kid]] as [string, string][]) : []),
    ['Kontonummer', kontoTekst(d.kontonummer)],
    ['Periode', `${formatDato(d.periode.fra)}–${formatDato(d.periode.til)}`],
    ['Deres ref.', d.kjoperRef],
    ...(d.innkjopsordre ? ([['Deres innkjøpsordre', d.innkjopsordre]] as [string, string][]) : []),
    ...(d.avtale ? ([['Avtale', d.avtale]] as [string, string][]) : []),
    ['Vår ordre', d.ordreref],
  ];
  const x = MARG + BREDDE - 240;
  for (const [k, v] of rader) {
    doc.font('vanlig').fontSize(9).fillColor(GRAA).text(k, x, y, { width: 90 });
    doc
      .font('fet')
      .fillColor('black')
      .text(v, x + 90, y, { width: 150, align: 'right' });
    y = Math.max(doc.y, y + 13);
  }
  return y;
}

const KOLONNER = [
  { navn: 'Beskrivelse', b: 183, h: false },
  { navn: 'Timer', b: 40, h: true },
  { navn: 'Pris', b: 58, h: true },
  { navn: 'Markedsverdi', b: 70, h: true },
  { navn: 'Innovasjonsstøtte', b: 82, h: true },
  { navn: 'Egenandel', b: 66, h: true },
];

function rad(doc: Dok, y: number, celler: string[], fet: boolean, storrelse: number): number {
  let x = MARG;
  let hoyde = 0;
  doc.font(fet ? 'fet' : 'vanlig').fontSize(storrelse);
  celler.forEach((c, i) => {
    const k = KOLONNER[i]!;
    doc.text(c, x + 2, y, { width: k.b - 4, align: k.h ? 'right' : 'left' });
    hoyde = Math.max(hoyde, doc.y - y);
    x += k.b;
  });
  return y + hoyde + 3;
}

/** Linjetabellen; skriften krymper (ned til 6,5 pt) så en faktura med mange linjer holder seg på én side. */
function linjer(doc: Dok, d: EhfDokument, y: number): number {
  const storrelse = Math.max(6.5, Math.min(8.5, 300 / Math.max(1, d.linjer.length) - 3));
  doc
    .rect(MARG, y - 2, BREDDE, storrelse + 8)
    .fill('#eeeeee')
    .fillColor('black');
  y = rad(
    doc,
    y + 1,
    KOLONNER.map((k) => (k.navn === 'Timer' && d.linjer.some((l) => l.enhet !== 'HUR') ? 'Antall' : k.navn)),
    true,
    storrelse,
  );
  for (const l of d.linjer) {
    const tekst = l.beskrivelse ?? l.navn;
    y = rad(
      doc,
      y,
      [tekst, antallTekst(l.antall), kr(l.pris), kr(l.belop), `−${kr(l.stotte)}`, kr(l.egenandel)],
      false,
      storrelse,
    );
  }
  doc
    .moveTo(MARG, y)
    .lineTo(MARG + BREDDE, y)
    .strokeColor('#999999')
    .stroke();
  return y + 6;
}

/** De tre beløpene 10.4 krever, og mva og å betale. */
function summer(doc: Dok, d: EhfDokument, y: number): number {
  const rader: [string, string, boolean][] = [
    ['Markedsverdi', kr(d.markedsverdi), false],
    [`− ${STOTTETEKST}`, `−${kr(d.stotte)}`, false],
    ['= Egenandel eks. mva', kr(d.egenandel), true],
    [`+ Mva ${formatProsent(d.mvaSats)} av egenandelen`, kr(d.mva), false],
    [d.type === 'kreditnota' ? 'Kreditert beløp (NOK)' : 'Å betale (NOK)', kr(d.egenandel + d.mva), true],
  ];
  const x = MARG + BREDDE - 400;
  for (const [k, v, fet] of rader) {
    doc.font(fet ? 'fet' : 'vanlig').fontSize(fet ? 10 : 9);
    doc.text(k, x, y, { width: 310 });
    const etter = doc.y;
    doc.text(v, x + 310, y, { width: 90, align: 'right' });
    y = Math.max(etter, doc.y) + 2;
  }
  return y + 4;
}

function betaling(d: EhfDokument, utstedt: Dato): string {
  if (d.type === 'kreditnota') return d.betalingsbetingelser;
  const kid = d.kid ? ` med KID ${d.kid}` : '';
  return `Betal ${kr(d.egenandel + d.mva)} kr til konto ${kontoTekst(d.kontonummer)}${kid} innen ${formatDato(d.forfall)}. Fakturadato ${formatDato(utstedt)}.`;
}

function side(doc: Dok, d: EhfDokument): void {
  const kreditnota = d.type === 'kreditnota';
  doc.font('fet').fontSize(16).text(d.selger.navn, MARG, MARG, { width: 300 });
  doc
    .fontSize(20)
    .text(kreditnota ? 'KREDITNOTA' : 'FAKTURA', MARG + BREDDE - 220, MARG, { width: 220, align: 'right' });
  part(doc, MARG, MARG + 26, 'Fra', d.selger, selgerlinjer(d), false);
  const yFakta = fakta(doc, d, MARG + 34);
  part(doc, MARG, MARG + 120, 'Til', d.kjoper, [`Org.nr. ${orgnrTekst(d.kjoper.orgnr)}`]);
  let y = Math.max(doc.y, yFakta) + 18;
  y = linjer(doc, d, y);
  y = summer(doc, d, y);
  doc.font('vanlig').fontSize(8.5).fillColor('black');
  doc.text(d.note, MARG, y, { width: BREDDE });
  doc.moveDown(0.6).font('fet').fontSize(9).text(betaling(d, d.utstedt), { width: BREDDE });
}

/** Sidetall og selgeren nederst på hver side (bufferPages: sidene er kjent når de nummereres). */
function bunntekst(doc: Dok, d: EhfDokument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = A4.h - MARG + 14;
    doc.font('vanlig').fontSize(7.5).fillColor(GRAA);
    doc.text(`${d.selger.navn} · org.nr. ${orgnrTekst(d.selger.orgnr)}`, MARG, y, { width: 300, lineBreak: false });
    doc.text(`Side ${i - start + 1} av ${count}`, MARG + BREDDE - 120, y, {
      width: 120,
      align: 'right',
      lineBreak: false,
    });
  }
}

/** Skriftene (første gang: lest og pakket ut), så PDF-tråden kan gjøre det før dokumentene er klare. */
export function lastSkrifter(): { vanlig: fontkit.Font; fet: fontkit.Font } {
  skrifter ??= { vanlig: skrift(400), fet: skrift(700) };
  return skrifter;
}

/** PDF-en for ett dokument. Samme inndata gir de samme bytene (fast opprettelsesdato = dokumentets dato). */
export function pdfDokument(d: EhfDokument): Promise<Uint8Array> {
  const sk = lastSkrifter();
  const dato = new Date(`${d.utstedt}T00:00:00Z`);
  const tittel = `${d.type === 'kreditnota' ? 'Kreditnota' : 'Faktura'} ${d.nr}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARG, bottom: 20, left: MARG, right: MARG },
    bufferPages: true,
    // Ingen standardskrift: Helvetica ville blitt lest fra AFM-fil for hvert dokument, og var den vår egen, laget
    // pdfkit et nytt skriftobjekt og sammenlignet navnetabellene for hver `font('vanlig')` (ca. 1 ms per PDF).
    // En tom streng er pdfkits måte å si «ingen» på (foliojs/pdfkit#1647); skriften settes rett under.
    font: '',
    info: {
      Title: `${tittel} – ${d.kjoper.navn}`,
      Author: d.selger.navn,
      Subject: STOTTETEKST,
      Creator: 'nh faktura',
      Producer: 'nh (pdfkit)',
      CreationDate: dato,
      ModDate: dato,
    },
  });
  // pdfkit godtar et fontkit-objekt (det har layout()); typene sier bare sti/Buffer.
  doc.registerFont('vanlig', sk.vanlig as unknown as Buffer);
  doc.registerFont('fet', sk.fet as unknown as Buffer);
  doc.font('vanlig');
  const biter: Buffer[] = [];
  const ferdig = new Promise<Uint8Array>((ok, feil) => {
    doc.on('data', (b: Buffer) => biter.push(b));
    doc.on('end', () => ok(new Uint8Array(Buffer.concat(biter))));
    doc.on('error', feil);
  });
  side(doc, d);
  bunntekst(doc, d);
  doc.end();
  return ferdig;
}
