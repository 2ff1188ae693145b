/**
 * Ett regneark (xl/worksheets/sheetN.xml) → nh sine rader, for strømleseren (xlsx-strom.ts; issue 22 pkt. 8).
 * exceljs' arkleser (saxes, Row- og Cell-objekter, adresser) brukte det meste av tiden på 34 000 timerader; her
 * deler htmlparser2s tokenizer (XML-modus) teksten opp, og cellene blir nh-verdier med en gang. Hver celle tolkes
 * nøyaktig som exceljs' strømleser gjorde (lib/stream/xlsx/worksheet-reader.js, lib/doc/cell.js) og deretter
 * xlsx-celle.ts, så radene er de samme. Ser arket uvanlig ut (ødelagt XML, celler uten adresse eller i feil rekkefølge, linjeskift
 * med CR i en tekst), gir vi false, og xlsx-les.ts leser filen med den vanlige leseren: nh gjetter ikke.
 */
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { createRequire } from 'node:module';
import { type Celle, FEILVERDI, formelVerdi, primitiv, type Rad } from './xlsx-celle.js';

/** Det arket trenger fra arbeidsboken: delte tekster, stilene (tallformatet) og datosystemet (1900/1904). */
export type Arbeidsbok = {
  delteTekster: readonly unknown[] | undefined;
  stil: (id: number) => { numFmt?: string } | null | undefined;
  dato1904: boolean | undefined;
};

type Utils = {
  xmlDecode(s: string): string;
  isDateFmt(f: string | undefined): boolean;
  excelToDate(v: number, d1904: boolean | undefined): Date;
};
/** exceljs' egne omregninger (dato fra serienummer, datoformat, tekst), så verdiene blir de samme som før. */
const utils = createRequire(import.meta.url)('exceljs/lib/utils/utils.js') as Utils;

type Tekst = { t: string };
type CelleXml = { kol: number; type: string | undefined; stil: number; f: Tekst | null; v: Tekst | null };
type RadXml = { nr: number; numFmt: string | undefined; celler: Celle[]; harVerdi: boolean };

/** «B7» → 2; 0 når adressen ikke er bokstaver (A–Z) fulgt av sifre (da er filen uvanlig). */
function kolonne(ref: string | undefined): number {
  if (ref === undefined) return 0;
  let k = 0;
  let i = 0;
  for (let b = ref.charCodeAt(0); b >= 65 && b <= 90 && i < 3; b = ref.charCodeAt(++i)) k = k * 26 + b - 64;
  return i > 0 && k <= 16384 && erTall(ref, i) ? k : 0;
}

/** Bare sifre fra `fra` og ut (minst ett). */
function erTall(s: string, fra = 0): boolean {
  if (s.length <= fra) return false;
  for (let i = fra; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
  return true;
}

type Attr = { r?: string; s?: string; t?: string };

/**
 * htmlparser2s tokenizer gir posisjoner i teksten; her blir de til åpne/lukk/tekst for ArkTolker. Vi bruker
 * tokenizeren uten htmlparser2s Parser: den lager et objekt med alle attributtene for hvert element og sporer
 * HTML-regler, noe som kostet en tredjedel av tiden. Attributtene r, s og t tas vare på, bare for <row> og <c>.
 */
abstract class XmlHendelser implements TokenizerCallbacks {
  avvik = false;
  protected xml = '';
  private navn = '';
  private readonly stabel: string[] = [];
  private attr: Attr = {};
  private attrNavn: 'r' | 's' | 't' | null = null;
  private attrVerdi = '';

  protected abstract apne(navn: string, attr: Attr): void;
  protected abstract lukk(navn: string): void;
  protected abstract tekst(t: string): void;

  les(xml: string): void {
    this.xml = xml;
    const t = new Tokenizer({ xmlMode: true, decodeEntities: true }, this);
    t.write(xml);
    t.end();
  }

  onopentagname(fra: number, til: number): void {
    this.navn = this.xml.slice(fra, til);
    this.attr = {};
  }
  onattribname(fra: number, til: number): void {
    const n = til - fra === 1 && (this.navn === 'c' || this.navn === 'row') ? this.xml[fra] : '';
    this.attrNavn = n === 'r' || n === 's' || n === 't' ? n : null;
    this.attrVerdi = '';
  }
  onattribdata(fra: number, til: number): void {
    if (this.attrNavn) this.attrVerdi += this.xml.slice(fra, til);
  }
  onattribentity(tegn: number): void {
    if (this.attrNavn) this.attrVerdi += String.fromCodePoint(tegn);
  }
  onattribend(): void {
    if (this.attrNavn) this.attr[this.attrNavn] = this.attrVerdi;
  }
  onopentagend(): void {
    this.stabel.push(this.navn);
    this.apne(this.navn, this.attr);
  }
  onselfclosingtag(): void {
    this.apne(this.navn, this.attr);
    this.lukk(this.navn);
  }
  /** En slutt-tagg som ikke lukker det siste åpne elementet: ødelagt XML. */
  onclosetag(fra: number, til: number): void {
    const navn = this.xml.slice(fra, til);
    if (this.stabel.pop() !== navn) this.avvik = true;
    this.lukk(navn);
  }
  ontext(fra: number, til: number): void {
    this.tekst(this.xml.slice(fra, til));
  }
  ontextentity(tegn: number): void {
    this.tekst(String.fromCodePoint(tegn));
  }
  /** Avkortet XML (elementer som aldri ble lukket). */
  onend(): void {
    if (this.stabel.length) this.avvik = true;
  }
  // CDATA hoppet exceljs (saxes) over; kommentarer, <?xml …?> og <!DOCTYPE> betyr ikke noe for cellene.
  oncdata(): void {}
  oncomment(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}
}

/**
 * Arkets rader. Som i exceljs: teksten går til det siste åpnede <f>, <v>, <is> eller <t> i en celle (også
 * mellomrom etter </v>), og en <t> i <is> erstatter teksten før den.
 */
class ArkTolker extends XmlHendelser {
  private iData = false;
  private rad: RadXml | null = null;
  private celle: CelleXml | null = null;
  private maal: Tekst | null = null;
  private readonly datoformat = new Map<string, boolean>();

  constructor(
    private readonly bok: Arbeidsbok,
    private readonly nyRad: (r: Rad) => void,
  ) {
    super();
  }

  protected apne(navn: string, attr: Attr): void {
    if (navn === 'sheetData') this.iData = true;
    else if (navn === 'row') this.rad = this.iData ? this.radStart(attr) : null;
    else if (navn === 'c') {
      if (this.rad) this.celle = { kol: kolonne(attr.r), type: attr.t, stil: parseInt(attr.s!, 10), f: null, v: null };
    } else if (this.celle) this.celleDel(navn, this.celle);
  }

  /**
   * <f> (formelen) eller <v>, <is>, <t> (verdien). Rik tekst i cellen (flere <t> i <is>): exceljs' strømleser
   * beholdt bare den siste biten, den vanlige leseren alle — la den lese filen.
   */
  private celleDel(navn: string, c: CelleXml): void {
    if (navn === 'f') this.maal = c.f = { t: '' };
    else if (navn === 'v' || navn === 'is' || navn === 't') {
      if (navn === 't' && c.v?.t) this.avvik = true;
      this.maal = c.v = { t: '' };
    }
  }

  /** Et CR i teksten gjør XML-lesere (saxes) om til LF, tokenizeren ikke: la exceljs lese filen. */
  protected tekst(t: string): void {
    if (!this.maal) return;
    if (t.includes('\r')) this.avvik = true;
    this.maal.t += t;
  }

  protected lukk(navn: string): void {
    if (navn === 'c') {
      if (this.rad && this.celle) this.celleSlutt(this.rad, this.celle);
      this.celle = null;
    } else if (navn === 'row') {
      // Som exceljs' `eachRow({ includeEmpty: false })`: en rad med bare stil tas ikke med.
      if (!this.rad) this.avvik = true;
      else if (this.rad.harVerdi) this.nyRad({ nr: this.rad.nr, celler: this.rad.celler });
      this.rad = null;
    } else if (navn === 'sheetData') this.iData = false;
  }

  /** En rad med stil gir tallformatet til cellene uten egen stil (som exceljs' Row.style). */
  private radStart(attr: Record<string, string>): RadXml | null {
    if (!erTall(attr.r ?? '')) {
      this.avvik = true;
      return null;
    }
    const stil = attr.s ? this.bok.stil(parseInt(attr.s, 10)) : null;
    return { nr: Number(attr.r), numFmt: stil?.numFmt || undefined, celler: [], harVerdi: false };
  }

  /** Cellene står i kolonnerekkefølge (hull blir null, som exceljs' tomme celler); ellers leser exceljs filen. */
  private celleSlutt(rad: RadXml, c: CelleXml): void {
    if (c.kol <= rad.celler.length) {
      this.avvik = true;
      return;
    }
    while (rad.celler.length < c.kol - 1) rad.celler.push(null);
    const v = this.verdi(c, rad);
    // undefined: exceljs' tomme celle (teller ikke som verdi); en formel uten resultat er ikke tom.
    if (v !== undefined) rad.harVerdi = true;
    rad.celler.push(v ?? null);
  }

  private verdi(c: CelleXml, rad: RadXml): Celle | undefined {
    if (c.f) {
      const v = c.v ? (c.type === 'str' ? utils.xmlDecode(c.v.t) : parseFloat(c.v.t)) : undefined;
      return formelVerdi(c.f.t, v, this.numFmt(c, rad));
    }
    if (!c.v) return undefined;
    const t = c.v.t;
    switch (c.type) {
      case 's':
        return this.deltTekst(t);
      case 'inlineStr':
      case 'str':
        return utils.xmlDecode(t);
      case 'e':
        return FEILVERDI;
      case 'b':
        return parseInt(t, 10) !== 0;
      default: {
        const numFmt = this.numFmt(c, rad);
        const tall = parseFloat(t);
        return primitiv(this.erDato(numFmt) ? utils.excelToDate(tall, this.bok.dato1904) : tall, numFmt);
      }
    }
  }

  /** Cellens stil (s=, ikke 0) vinner; ellers radens. */
  private numFmt(c: CelleXml, rad: RadXml): string | undefined {
    const stil = c.stil ? this.bok.stil(c.stil) : null;
    return stil ? stil.numFmt : rad.numFmt;
  }

  private erDato(numFmt: string | undefined): boolean {
    if (!numFmt) return false;
    const d = this.datoformat.get(numFmt);
    if (d !== undefined) return d;
    const ny = utils.isDateFmt(numFmt);
    this.datoformat.set(numFmt, ny);
    return ny;
  }

  /** Rik tekst (flere formater i én celle) blir teksten uten formater; en ukjent indeks er en tom celle. */
  private deltTekst(t: string): Celle | undefined {
    const tekster = this.bok.delteTekster;
    if (!tekster) {
      this.avvik = true;
      return undefined;
    }
    const d = tekster[parseInt(t, 10)];
    if (d === null || d === undefined) return undefined;
    if (typeof d === 'string') return d;
    const biter = (d as { richText?: { text: string | null }[] }).richText;
    if (Array.isArray(biter)) return biter.map((b) => b.text).join('');
    this.avvik = true;
    return undefined;
  }
}

/**
 * Arkets rader (uten de tomme) til `nyRad`; false når arket er uvanlig (se øverst). XML-en samles først og
 * tokeniseres i ett strekk (også ett tegn i UTF-8 delt mellom to biter blir riktig): ingen promise per rad
 * (AsyncLocalStorage i cli/prosess.ts gjør hver promise dyrere).
 */
export async function lesArkXml(
  kilde: AsyncIterable<Buffer | string>,
  bok: Arbeidsbok,
  nyRad: (r: Rad) => void,
): Promise<boolean> {
  const biter: Buffer[] = [];
  for await (const bit of kilde) biter.push(typeof bit === 'string' ? Buffer.from(bit) : bit);
  const tolker = new ArkTolker(bok, nyRad);
  tolker.les(Buffer.concat(biter).toString('utf8'));
  return !tolker.avvik;
}
