/**
 * EHF Billing 3.0 (= Peppol BIS Billing 3.0, UBL 2.1): dokumentmodellen for én faktura eller kreditnota fra
 * næringshagen. Ren modul; XML-en skrives av src/io/faktura/ehf-skriv.ts.
 *
 * Programveileder 10.4 / vedlegg 3 pkt. 4.1: fakturaen skal vise markedsverdi, innovasjonsstøtte og egenandel.
 * Formen: linjene står til markedsverdi (timer × markedspris), innovasjonsstøtten er et rabattfradrag
 * (AllowanceCharge, mva-kategori S 25 %) — som standard per linje (issue 21 pkt. 6, docs/faktura.md
 * «Støtten per linje»), ellers på dokumentnivå — så avgiftsgrunnlaget er egenandelen og mva regnes bare av den;
 * en merknad (Note) sier de tre beløpene og GBER art. 28. Samme modell gir PDF-en (src/io/faktura/pdf-skriv.ts).
 */
import type { Dato, Maaned } from '../felles/dato.js';
import { formatDato, forsteDag, sisteDag } from '../felles/dato.js';
import type { Ore, Ppm } from '../felles/penger.js';
import type { Selger } from './oppsett.js';
import type { Fakturagrunnlag } from './typer.js';
import type { Identitet, RegisterlinjeData } from './typer.js';

export type EhfPart = {
  navn: string;
  orgnr: string;
  adresse: string;
  postnr: string;
  poststed: string;
  epost?: string;
  telefon?: string;
};

export type EhfLinje = {
  id: string;
  navn: string;
  beskrivelse?: string;
  antall: number;
  enhet: 'HUR' | 'C62';
  pris: Ore;
  /** Linjens markedsverdi (antall × pris, avrundet). */
  belop: Ore;
  /** Linjens andel av støtten og egenandelen (fordelt med største rest; summerer til dokumentets). */
  stotte: Ore;
  egenandel: Ore;
};

/** Hvor innovasjonsstøtten står i EHF: som fradrag på hver linje (standard) eller ett fradrag for dokumentet. */
export type Stotteform = 'linje' | 'dokument';
export const STOTTETEKST = 'Innovasjonsstøtte (GBER art. 28, Sivas næringshageprogram)';

export type EhfDokument = {
  type: 'faktura' | 'kreditnota';
  nr: string;
  utstedt: Dato;
  forfall: Dato;
  kid?: string;
  kontonummer: string;
  /** BuyerReference: kundens referanse (deresRef, ellers daglig leder). */
  kjoperRef: string;
  /** nh sin ordrereferanse (sporing i PDF og importfiler; sendes ikke som kundens innkjøpsordre). */
  ordreref: string;
  /** OrderReference: kundens egen innkjøpsordre (malbedrifter.innkjopsordre), bare når den finnes. */
  innkjopsordre?: string;
  /** ContractDocumentReference: målbedriftsavtalen (malbedrifter.avtalenr, ellers «Målbedriftsavtale fra <avtalestart>»). */
  avtale?: string;
  krediterer?: { nr: string; dato?: Dato };
  periode: { fra: Dato; til: Dato };
  selger: EhfPart & { mvaRegistrert: boolean; foretaksregisteret: boolean };
  kjoper: EhfPart;
  linjer: EhfLinje[];
  markedsverdi: Ore;
  stotte: Ore;
  egenandel: Ore;
  mva: Ore;
  mvaSats: Ppm;
  note: string;
  betalingsbetingelser: string;
  stotteform: Stotteform;
};

/** Kjøperens felt slik de står i malbedrifter (bare det EHF trenger). */
export type Kjoperdata = {
  orgnr: string;
  navn: string;
  adresse?: string;
  postnr?: string;
  poststed?: string;
  fakturaepost?: string;
  deresRef?: string;
  dagligLeder?: string;
  innkjopsordre?: string;
  avtalenr?: string;
  avtalestart?: Dato;
};

/** Referansene kunden ser (issue 21 pkt. 5): innkjøpsordre bare når kunden har gitt en, og avtalen. */
function referanser(k: Kjoperdata): Pick<EhfDokument, 'innkjopsordre' | 'avtale'> {
  const avtale = k.avtalenr ?? (k.avtalestart ? `Målbedriftsavtale fra ${formatDato(k.avtalestart)}` : undefined);
  return { ...(k.innkjopsordre ? { innkjopsordre: k.innkjopsordre } : {}), ...(avtale ? { avtale } : {}) };
}

export type SelgerFull = Selger & { navn: string; orgnr: string };

/** Feltene som mangler for EHF: «faktura.selger.x» i nh.json. Kjøperens mangler sjekkes per rad av appen. */
export function selgerMangler(s: SelgerFull): string[] {
  const ut: string[] = [];
  for (const f of ['adresse', 'postnr', 'poststed', 'kontonummer'] as const) if (!s[f]) ut.push(`faktura.selger.${f}`);
  if (!s.mvaRegistrert) ut.push('faktura.selger.mvaRegistrert (egenandelen faktureres med mva, 10.4; må være true)');
  return ut;
}

/** Kolonnene i malbedrifter som mangler for EHF (deres ref kan tas fra daglig leder). */
export function kjoperMangler(k: Kjoperdata): string[] {
  const ut: string[] = [];
  for (const f of ['adresse', 'postnr', 'poststed'] as const) if (!k[f]) ut.push(f);
  if (k.postnr && !/^\d{4}$/.test(k.postnr)) ut.push('postnr (fire sifre)');
  if (!k.deresRef && !k.dagligLeder) ut.push('deresRef (eller dagligLeder)');
  return ut;
}

function part(k: Kjoperdata): EhfPart {
  return {
    navn: k.navn,
    orgnr: k.orgnr,
    adresse: k.adresse!,
    postnr: k.postnr!,
    poststed: k.poststed!,
    ...(k.fakturaepost ? { epost: k.fakturaepost } : {}),
  };
}

function selgerPart(s: SelgerFull): EhfDokument['selger'] {
  return {
    navn: s.navn,
    orgnr: s.orgnr,
    adresse: s.adresse!,
    postnr: s.postnr!,
    poststed: s.poststed!,
    ...(s.epost ? { epost: s.epost } : {}),
    ...(s.telefon ? { telefon: s.telefon } : {}),
    mvaRegistrert: s.mvaRegistrert,
    foretaksregisteret: s.foretaksregisteret,
  };
}

function periodeAv(p: Maaned) {
  return { fra: forsteDag(p), til: sisteDag(p) };
}

/** Faktura for én målbedrift og periode: linjene til markedsverdi, støtten som fradrag. */
export function ehfFaktura(
  periode: Maaned,
  m: Fakturagrunnlag,
  id: Identitet,
  s: SelgerFull,
  k: Kjoperdata,
  mvaSats: Ppm,
  forfallsdager: number,
  stotteform: Stotteform = 'linje',
): EhfDokument {
  return {
    type: 'faktura',
    nr: id.fakturanr!,
    utstedt: id.fakturadato,
    forfall: id.forfallsdato,
    ...(id.kid ? { kid: id.kid } : {}),
    kontonummer: s.kontonummer!,
    kjoperRef: k.deresRef ?? k.dagligLeder!,
    ordreref: id.ordrereferanse,
    ...referanser(k),
    periode: periodeAv(periode),
    selger: selgerPart(s),
    kjoper: part(k),
    linjer: m.linjer.map((l, i) => ({
      id: String(i + 1),
      navn: l.aktivitet,
      beskrivelse: `${l.aktivitet} – ${l.ansatt}`,
      antall: l.timer,
      enhet: 'HUR',
      pris: l.pris,
      belop: l.markedsverdi,
      stotte: l.stotte,
      egenandel: l.egenandel,
    })),
    markedsverdi: m.markedsverdi,
    stotte: m.stotte,
    egenandel: m.egenandel,
    mva: m.mva,
    mvaSats,
    note: m.fakturatekst,
    betalingsbetingelser: `Betales innen ${forfallsdager} dager${id.kid ? ` til konto ${s.kontonummer} med KID ${id.kid}` : ''}.`,
    stotteform,
  };
}

/**
 * Kreditnota for en utstedt faktura (registerlinjen): én linje «Kreditering av faktura …» til markedsverdi,
 * støtten som fradrag, mva av egenandelen — beløpene positive i dokumentet (UBL CreditNote).
 */
export function ehfKreditnota(
  gammel: RegisterlinjeData,
  id: Identitet,
  s: SelgerFull,
  k: Kjoperdata,
  mvaSats: Ppm,
  note: string,
  stotteform: Stotteform = 'linje',
): EhfDokument {
  const hva = gammel.fakturanr ? `faktura ${gammel.fakturanr}` : `ordre ${id.krediterer}`;
  return {
    type: 'kreditnota',
    nr: id.fakturanr!,
    utstedt: id.fakturadato,
    forfall: id.forfallsdato,
    kontonummer: s.kontonummer!,
    kjoperRef: k.deresRef ?? k.dagligLeder!,
    ordreref: id.ordrereferanse,
    ...referanser(k),
    ...(gammel.fakturanr
      ? { krediterer: { nr: gammel.fakturanr, ...(gammel.fakturadato ? { dato: gammel.fakturadato } : {}) } }
      : {}),
    periode: periodeAv(gammel.periode as Maaned),
    selger: selgerPart(s),
    kjoper: part(k),
    linjer: [
      {
        id: '1',
        navn: `Kreditering av ${hva} (${gammel.periode})`,
        antall: 100,
        enhet: 'C62',
        pris: gammel.markedsverdi,
        belop: gammel.markedsverdi,
        stotte: gammel.stotte,
        egenandel: gammel.egenandel,
      },
    ],
    markedsverdi: gammel.markedsverdi,
    stotte: gammel.stotte,
    egenandel: gammel.egenandel,
    mva: gammel.mva,
    mvaSats,
    note,
    betalingsbetingelser: `Krediterer ${hva}; beløpet trekkes fra det som skal betales.`,
    stotteform,
  };
}
