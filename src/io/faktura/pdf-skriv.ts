/**
 * Faktura og kreditnota som PDF (issue 21 pkt. 3): én A4-side per dokument med selger og kjøper, nummer, datoer,
 * KID og konto, linjene, og programveileder 10.4s tre beløp — markedsverdi − innovasjonsstøtte = egenandel, + mva
 * — med støtteteksten (GBER art. 28). Samme dokumentmodell som EHF-en (src/domain/faktura/ehf.ts), så PDF og EHF
 * alltid viser de samme tallene; PDF-en legges også ved EHF-en.
 *
 * pdfkit (MIT) skriver PDF-en; skriften er Noto Sans (SIL OFL 1.1, fra @fontsource/noto-sans) innebygd som
 * delmengde (pdf-skrift.ts), så æøå og «–» vises likt hos alle. Modulen lastes bare når PDF skal skrives (dynamisk import).
 * Bytene er de samme for samme inndata: opprettelsesdatoen er dokumentets dato, ikke klokka.
 */
import PDFDocument from 'pdfkit';
import { STOTTETEKST, type EhfDokument, type EhfPart } from '../../domain/faktura/ehf.js';
import { formatDato, type Dato } from '../../domain/felles/dato.js';
import { formatKroner, formatProsent } from '../../domain/felles/penger.js';
import { lastSkrifter } from './pdf-skrift.js';

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
