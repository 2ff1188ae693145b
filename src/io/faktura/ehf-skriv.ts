/**
 * EHF Billing 3.0 / Peppol BIS Billing 3.0 som UBL 2.1-XML (Invoice eller CreditNote), skrevet med
 * xmlbuilder2. Elementene står i UBL-skjemaets rekkefølge (XSD), verdiene følger reglene i CEN EN 16931 og
 * Peppol (inkl. NO-R-001/002); testene kjører den offisielle valideringen (../shared/ehf/valider-ehf.mjs).
 * Dokumentmodellen og regnestykket står i src/domain/faktura/ehf.ts.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { STOTTETEKST, type EhfDokument, type EhfLinje, type EhfPart } from '../../domain/faktura/ehf.js';
import { ppmTilProsent } from '../../domain/felles/penger.js';

const NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};
export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** øre → «1234.50» (UBL-beløp, punktum, to desimaler). */
export function beloep(ore: number): string {
  const neg = ore < 0;
  const a = Math.abs(ore);
  return `${neg ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** hundredeler → «10.5» / «1». */
function antall(h: number): string {
  const s = beloep(h);
  return s.replace(/\.?0+$/, '');
}

const cbc = (p: XMLBuilder, navn: string, tekst: string, att?: Record<string, string>) => {
  const e = p.ele(NS.cbc, `cbc:${navn}`);
  if (att) e.att(att);
  e.txt(tekst);
  return p;
};
const cac = (p: XMLBuilder, navn: string) => p.ele(NS.cac, `cac:${navn}`);
const kr = (p: XMLBuilder, navn: string, ore: number) => cbc(p, navn, beloep(ore), { currencyID: 'NOK' });

function skattekategori(p: XMLBuilder, navn: string, prosent: string): void {
  const t = cac(p, navn);
  cbc(t, 'ID', 'S');
  cbc(t, 'Percent', prosent);
  cbc(cac(t, 'TaxScheme'), 'ID', 'VAT');
}

function adresse(p: XMLBuilder, a: EhfPart): void {
  const ad = cac(p, 'PostalAddress');
  cbc(ad, 'StreetName', a.adresse);
  cbc(ad, 'CityName', a.poststed);
  cbc(ad, 'PostalZone', a.postnr);
  cbc(cac(ad, 'Country'), 'IdentificationCode', 'NO');
}

function selger(root: XMLBuilder, d: EhfDokument): void {
  const s = d.selger;
  const p = cac(cac(root, 'AccountingSupplierParty'), 'Party');
  cbc(p, 'EndpointID', s.orgnr, { schemeID: '0192' });
  cbc(cac(p, 'PartyName'), 'Name', s.navn);
  adresse(p, s);
  if (s.mvaRegistrert) {
    // NO-R-001: norsk selger med mva oppgir «NO<orgnr>MVA».
    const t = cac(p, 'PartyTaxScheme');
    cbc(t, 'CompanyID', `NO${s.orgnr}MVA`);
    cbc(cac(t, 'TaxScheme'), 'ID', 'VAT');
  }
  if (s.foretaksregisteret) {
    // NO-R-002: «Foretaksregisteret» (foretaksloven § 10-2), TaxScheme TAX i gjeldende regelsett.
    const t = cac(p, 'PartyTaxScheme');
    cbc(t, 'CompanyID', 'Foretaksregisteret');
    cbc(cac(t, 'TaxScheme'), 'ID', 'TAX');
  }
  const le = cac(p, 'PartyLegalEntity');
  cbc(le, 'RegistrationName', s.navn);
  cbc(le, 'CompanyID', s.orgnr, { schemeID: '0192' });
  if (s.epost || s.telefon) {
    const c = cac(p, 'Contact');
    if (s.telefon) cbc(c, 'Telephone', s.telefon);
    if (s.epost) cbc(c, 'ElectronicMail', s.epost);
  }
}

function kjoper(root: XMLBuilder, d: EhfDokument): void {
  const k = d.kjoper;
  const p = cac(cac(root, 'AccountingCustomerParty'), 'Party');
  cbc(p, 'EndpointID', k.orgnr, { schemeID: '0192' });
  cbc(cac(p, 'PartyName'), 'Name', k.navn);
  adresse(p, k);
  const le = cac(p, 'PartyLegalEntity');
  cbc(le, 'RegistrationName', k.navn);
  cbc(le, 'CompanyID', k.orgnr, { schemeID: '0192' });
  if (k.epost) cbc(cac(p, 'Contact'), 'ElectronicMail', k.epost);
}

/** Et vedlegg i EHF-en: den samme PDF-en nh skriver (issue 21 pkt. 3), så mottakeren ser nh sitt oppsett. */
export type EhfVedlegg = { filnavn: string; pdf: Uint8Array };

/**
 * Referansene (issue 21 pkt. 5): BuyerReference = kundens referanse; OrderReference bare for kundens egen
 * innkjøpsordre (ellers leter mottakere som avstemmer mot innkjøpsordre etter en som ikke finnes);
 * ContractDocumentReference = målbedriftsavtalen. Rekkefølgen følger UBL-skjemaet for Invoice og CreditNote.
 */
function referanser(root: XMLBuilder, d: EhfDokument, vedlegg?: EhfVedlegg): void {
  const kreditnota = d.type === 'kreditnota';
  if (d.innkjopsordre) cbc(cac(root, 'OrderReference'), 'ID', d.innkjopsordre);
  if (d.krediterer) {
    const r = cac(cac(root, 'BillingReference'), 'InvoiceDocumentReference');
    cbc(r, 'ID', d.krediterer.nr);
    if (d.krediterer.dato) cbc(r, 'IssueDate', d.krediterer.dato);
  }
  if (d.avtale) cbc(cac(root, 'ContractDocumentReference'), 'ID', d.avtale);
  if (vedlegg) {
    const r = cac(root, 'AdditionalDocumentReference');
    cbc(r, 'ID', d.nr);
    cbc(r, 'DocumentDescription', `${kreditnota ? 'Kreditnota' : 'Faktura'} ${d.nr} (PDF)`);
    cbc(cac(r, 'Attachment'), 'EmbeddedDocumentBinaryObject', Buffer.from(vedlegg.pdf).toString('base64'), {
      mimeCode: 'application/pdf',
      filename: vedlegg.filnavn,
    });
  }
}

/** Linjens fradrag for støtten (linjeform): nettobeløpet på linjen blir egenandelen. */
function linjefradrag(il: XMLBuilder, l: EhfLinje): void {
  if (!l.stotte) return;
  const ac = cac(il, 'AllowanceCharge');
  cbc(ac, 'ChargeIndicator', 'false');
  cbc(ac, 'AllowanceChargeReason', STOTTETEKST);
  kr(ac, 'Amount', l.stotte);
}

/** Dokumenthodet fram til InvoicePeriod; DueDate står bare på faktura (UBL-skjemaet for CreditNote har den ikke her). */
function hode(root: XMLBuilder, d: EhfDokument, kreditnota: boolean): void {
  cbc(root, 'CustomizationID', CUSTOMIZATION_ID);
  cbc(root, 'ProfileID', PROFILE_ID);
  cbc(root, 'ID', d.nr);
  cbc(root, 'IssueDate', d.utstedt);
  if (!kreditnota) cbc(root, 'DueDate', d.forfall);
  cbc(root, kreditnota ? 'CreditNoteTypeCode' : 'InvoiceTypeCode', kreditnota ? '381' : '380');
  cbc(root, 'Note', d.note);
  cbc(root, 'DocumentCurrencyCode', 'NOK');
  cbc(root, 'BuyerReference', d.kjoperRef);
  const per = cac(root, 'InvoicePeriod');
  cbc(per, 'StartDate', d.periode.fra);
  cbc(per, 'EndDate', d.periode.til);
}

/** Betalingsmåten (bare på faktura; kreditnotaen betales ikke inn). */
function betalingsmaate(root: XMLBuilder, d: EhfDokument): void {
  const pm = cac(root, 'PaymentMeans');
  cbc(pm, 'PaymentMeansCode', '30', { name: 'Kredittoverføring' });
  if (d.kid) cbc(pm, 'PaymentID', d.kid);
  cbc(cac(pm, 'PayeeFinancialAccount'), 'ID', d.kontonummer);
}

/** Dokumentets fradrag for støtten (dokumentform). */
function dokumentfradrag(root: XMLBuilder, stotte: number, prosent: string): void {
  const ac = cac(root, 'AllowanceCharge');
  cbc(ac, 'ChargeIndicator', 'false');
  cbc(ac, 'AllowanceChargeReason', STOTTETEKST);
  kr(ac, 'Amount', stotte);
  skattekategori(ac, 'TaxCategory', prosent);
}

function skattesum(root: XMLBuilder, d: EhfDokument, prosent: string): void {
  const tt = cac(root, 'TaxTotal');
  kr(tt, 'TaxAmount', d.mva);
  const st = cac(tt, 'TaxSubtotal');
  kr(st, 'TaxableAmount', d.egenandel);
  kr(st, 'TaxAmount', d.mva);
  skattekategori(st, 'TaxCategory', prosent);
}

function pengesum(root: XMLBuilder, d: EhfDokument, perLinje: boolean): void {
  const lm = cac(root, 'LegalMonetaryTotal');
  // Linjeform: linjenes netto er egenandelen, så summen av linjene er egenandelen og ingen fradrag står igjen.
  kr(lm, 'LineExtensionAmount', perLinje ? d.egenandel : d.markedsverdi);
  kr(lm, 'TaxExclusiveAmount', d.egenandel);
  kr(lm, 'TaxInclusiveAmount', d.egenandel + d.mva);
  if (!perLinje && d.stotte) kr(lm, 'AllowanceTotalAmount', d.stotte);
  kr(lm, 'PayableAmount', d.egenandel + d.mva);
}

function linje(root: XMLBuilder, l: EhfLinje, kreditnota: boolean, perLinje: boolean, prosent: string): void {
  const il = cac(root, kreditnota ? 'CreditNoteLine' : 'InvoiceLine');
  cbc(il, 'ID', l.id);
  cbc(il, kreditnota ? 'CreditedQuantity' : 'InvoicedQuantity', antall(l.antall), { unitCode: l.enhet });
  kr(il, 'LineExtensionAmount', perLinje ? l.egenandel : l.belop);
  if (perLinje) linjefradrag(il, l);
  const it = cac(il, 'Item');
  if (l.beskrivelse) cbc(it, 'Description', l.beskrivelse);
  cbc(it, 'Name', l.navn);
  skattekategori(it, 'ClassifiedTaxCategory', prosent);
  kr(cac(il, 'Price'), 'PriceAmount', l.pris);
}

/** UBL-XML for dokumentet (Invoice 380 eller CreditNote 381), med PDF-en som vedlegg når den er gitt. */
export function ehfXml(d: EhfDokument, vedlegg?: EhfVedlegg): string {
  const kreditnota = d.type === 'kreditnota';
  const rotNavn = kreditnota ? 'CreditNote' : 'Invoice';
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS[rotNavn], rotNavn)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:cac', NS.cac)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:cbc', NS.cbc);
  const prosent = String(ppmTilProsent(d.mvaSats));
  hode(root, d, kreditnota);
  referanser(root, d, vedlegg);
  selger(root, d);
  kjoper(root, d);
  if (!kreditnota) betalingsmaate(root, d);
  cbc(cac(root, 'PaymentTerms'), 'Note', d.betalingsbetingelser);
  // Programveileder 10.4: innovasjonsstøtten vist som fradrag fra markedsverdien; mva bare av egenandelen.
  const perLinje = d.stotteform === 'linje';
  if (!perLinje && d.stotte) dokumentfradrag(root, d.stotte, prosent);
  skattesum(root, d, prosent);
  pengesum(root, d, perLinje);
  for (const l of d.linjer) linje(root, l, kreditnota, perLinje, prosent);
  return root.end({ prettyPrint: true });
}
