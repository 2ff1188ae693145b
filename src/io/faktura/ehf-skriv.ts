/**
 * EHF Billing 3.0 / Peppol BIS Billing 3.0 som UBL 2.1-XML (Invoice eller CreditNote), skrevet med
 * xmlbuilder2. Elementene står i UBL-skjemaets rekkefølge (XSD), verdiene følger reglene i CEN EN 16931 og
 * Peppol (inkl. NO-R-001/002); testene kjører den offisielle valideringen (../shared/ehf/valider-ehf.mjs).
 * Dokumentmodellen og regnestykket står i src/domain/faktura/ehf.ts.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { EhfDokument, EhfPart } from '../../domain/faktura/ehf.js';
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

/** UBL-XML for dokumentet (Invoice 380 eller CreditNote 381). */
export function ehfXml(d: EhfDokument): string {
  const kreditnota = d.type === 'kreditnota';
  const rotNavn = kreditnota ? 'CreditNote' : 'Invoice';
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS[rotNavn], rotNavn)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:cac', NS.cac)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:cbc', NS.cbc);
  const prosent = String(ppmTilProsent(d.mvaSats));
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
  cbc(cac(root, 'OrderReference'), 'ID', d.ordreref);
  if (d.krediterer) {
    const r = cac(cac(root, 'BillingReference'), 'InvoiceDocumentReference');
    cbc(r, 'ID', d.krediterer.nr);
    if (d.krediterer.dato) cbc(r, 'IssueDate', d.krediterer.dato);
  }
  selger(root, d);
  kjoper(root, d);
  if (!kreditnota) {
    const pm = cac(root, 'PaymentMeans');
    cbc(pm, 'PaymentMeansCode', '30', { name: 'Kredittoverføring' });
    if (d.kid) cbc(pm, 'PaymentID', d.kid);
    cbc(cac(pm, 'PayeeFinancialAccount'), 'ID', d.kontonummer);
  }
  cbc(cac(root, 'PaymentTerms'), 'Note', d.betalingsbetingelser);
  // Programveileder 10.4: innovasjonsstøtten vist som fradrag fra markedsverdien; mva bare av egenandelen.
  const ac = cac(root, 'AllowanceCharge');
  cbc(ac, 'ChargeIndicator', 'false');
  cbc(ac, 'AllowanceChargeReason', 'Innovasjonsstøtte (GBER art. 28, Sivas næringshageprogram)');
  kr(ac, 'Amount', d.stotte);
  skattekategori(ac, 'TaxCategory', prosent);
  const tt = cac(root, 'TaxTotal');
  kr(tt, 'TaxAmount', d.mva);
  const st = cac(tt, 'TaxSubtotal');
  kr(st, 'TaxableAmount', d.egenandel);
  kr(st, 'TaxAmount', d.mva);
  skattekategori(st, 'TaxCategory', prosent);
  const lm = cac(root, 'LegalMonetaryTotal');
  kr(lm, 'LineExtensionAmount', d.markedsverdi);
  kr(lm, 'TaxExclusiveAmount', d.egenandel);
  kr(lm, 'TaxInclusiveAmount', d.egenandel + d.mva);
  kr(lm, 'AllowanceTotalAmount', d.stotte);
  kr(lm, 'PayableAmount', d.egenandel + d.mva);
  for (const l of d.linjer) {
    const il = cac(root, kreditnota ? 'CreditNoteLine' : 'InvoiceLine');
    cbc(il, 'ID', l.id);
    cbc(il, kreditnota ? 'CreditedQuantity' : 'InvoicedQuantity', antall(l.antall), { unitCode: l.enhet });
    kr(il, 'LineExtensionAmount', l.belop);
    const it = cac(il, 'Item');
    if (l.beskrivelse) cbc(it, 'Description', l.beskrivelse);
    cbc(it, 'Name', l.navn);
    skattekategori(it, 'ClassifiedTaxCategory', prosent);
    kr(cac(il, 'Price'), 'PriceAmount', l.pris);
  }
  return root.end({ prettyPrint: true });
}
