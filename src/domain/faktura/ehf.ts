/**
 * EHF Billing 3.0 (= Peppol BIS Billing 3.0, UBL 2.1): dokumentmodellen for én faktura eller kreditnota fra
 * næringshagen. Ren modul; XML-en skrives av src/io/faktura/ehf-skriv.ts.
 *
 * Programveileder 10.4 / vedlegg 3 pkt. 4.1: fakturaen skal vise markedsverdi, innovasjonsstøtte og egenandel.
 * Formen: linjene står til markedsverdi, innovasjonsstøtten er et rabattfradrag på dokumentnivå
 * (AllowanceCharge, mva-kategori S 25 %), så avgiftsgrunnlaget er egenandelen og mva regnes bare av den;
 * en merknad (Note) sier de tre beløpene og GBER art. 28.
 */
import type { Dato, Maaned } from '../felles/dato.js';
import { forsteDag, sisteDag } from '../felles/dato.js';
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
  belop: Ore;
};

export type EhfDokument = {
  type: 'faktura' | 'kreditnota';
  nr: string;
  utstedt: Dato;
  forfall: Dato;
  kid?: string;
  kontonummer: string;
  kjoperRef: string;
  ordreref: string;
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
};

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
    })),
    markedsverdi: m.markedsverdi,
    stotte: m.stotte,
    egenandel: m.egenandel,
    mva: m.mva,
    mvaSats,
    note: m.fakturatekst,
    betalingsbetingelser: `Betales innen ${forfallsdager} dager${id.kid ? ` til konto ${s.kontonummer} med KID ${id.kid}` : ''}.`,
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
      },
    ],
    markedsverdi: gammel.markedsverdi,
    stotte: gammel.stotte,
    egenandel: gammel.egenandel,
    mva: gammel.mva,
    mvaSats,
    note,
    betalingsbetingelser: `Krediterer ${hva}; beløpet trekkes fra det som skal betales.`,
  };
}
