/**
 * EHF 3.0 (Peppol BIS Billing 3.0) fra nh: hver faktura og kreditnota består den offisielle valideringen
 * (UBL 2.1 XSD + CEN EN 16931 + Peppol inkl. NO-R-001/002) med 0 fatal og 0 warning, og en ødelagt faktura
 * (feil sum, manglende kjøperreferanse) fanges — så sjekken kan feile.
 */
import { describe, expect, it } from 'vitest';
import { beregnFakturalinjer } from '../../src/domain/faktura/faktura.js';
import type { Fakturagrunnlag } from '../../src/domain/faktura/typer.js';
import {
  ehfFaktura,
  ehfKreditnota,
  kjoperMangler,
  selgerMangler,
  type SelgerFull,
} from '../../src/domain/faktura/ehf.js';
import { ehfXml } from '../../src/io/faktura/ehf-skriv.js';
import { pdfDokument } from '../../src/io/faktura/pdf-skriv.js';
import type { Dato, Maaned } from '../../src/domain/felles/dato.js';
import { harEhfValidator, harXmllint, validerEhf } from '../ehf-valider.js';

const selger: SelgerFull = {
  navn: 'Testdal Næringshage AS',
  orgnr: '923609016',
  mvaRegistrert: true,
  foretaksregisteret: true,
  adresse: 'Storgata 1',
  postnr: '6800',
  poststed: 'FØRDE',
  kontonummer: '86011117947',
  epost: 'post@testdal.no',
};
const kjoper = {
  orgnr: '915000002',
  navn: 'Alfa Teknologi AS',
  adresse: 'Kaiveien 2',
  postnr: '6900',
  poststed: 'FLORØ',
  deresRef: 'Kari Alfa',
  fakturaepost: 'faktura@alfa.no',
};
const periode = '2026-10' as Maaned;

/** Tre linjer à 3 333,33 t-verdi: egenandel per faktura 2 500,00 (ikke 2 500,01 som per linje). */
function grunnlag(): Fakturagrunnlag {
  const mv = [333_333, 333_333, 333_334];
  const { sum, linjer } = beregnFakturalinjer(mv, 750_000, 250_000);
  return {
    ...sum,
    timer: 300,
    orgnr: kjoper.orgnr,
    navn: kjoper.navn,
    avtalestart: '2026-01-01' as Dato,
    stotteintensitet: 750_000,
    stotteEur: 0,
    fakturatekst:
      'Rådgivning 2026-10: markedsverdi 10 000,00 kr. Innovasjonsstøtte (GBER art. 28) 7 500,00 kr. Egenandel 2 500,00 kr + mva 625,00 kr.',
    linjer: linjer.map((l, i) => ({
      ...l,
      orgnr: kjoper.orgnr,
      ansatt: `Ansatt ${i + 1}`,
      aktivitet: 'Rådgivning',
      timer: 100,
      pris: mv[i]!,
      prisKilde: 'standard' as const,
      stotteintensitet: 750_000,
      rader: 1,
    })),
  };
}
const id = {
  type: 'faktura' as const,
  fakturanr: '10001',
  kid: '0100014',
  fakturadato: '2026-10-31' as Dato,
  forfallsdato: '2026-11-14' as Dato,
  ordrereferanse: '2026-10-915000002',
};

describe('EHF 3.0-dokumentet (programveileder 10.4: markedsverdi, innovasjonsstøtte og egenandel)', () => {
  it('10.4 / issue 21 pkt. 6: standard er støtten som fradrag per linje — linjenes netto er egenandelen', () => {
    const xml = ehfXml(ehfFaktura(periode, grunnlag(), id, selger, kjoper, 250_000, 14));
    expect(xml.match(/<cac:InvoiceLine>[\s\S]*?<\/cac:InvoiceLine>/g)![0]).toMatch(
      /<cbc:LineExtensionAmount currencyID="NOK">833.33<\/cbc:LineExtensionAmount>\s*<cac:AllowanceCharge>\s*<cbc:ChargeIndicator>false<\/cbc:ChargeIndicator>\s*<cbc:AllowanceChargeReason>Innovasjonsstøtte[^<]*<\/cbc:AllowanceChargeReason>\s*<cbc:Amount currencyID="NOK">2500.00/,
    );
    expect(xml).toContain('<cbc:LineExtensionAmount currencyID="NOK">2500.00</cbc:LineExtensionAmount>');
    expect(xml).not.toContain('AllowanceTotalAmount');
    expect(xml).toContain('<cbc:TaxableAmount currencyID="NOK">2500.00</cbc:TaxableAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="NOK">3125.00</cbc:PayableAmount>');
  });

  it('issue 21 pkt. 5: BuyerReference = deres ref; OrderReference bare for kundens innkjøpsordre; avtalen som ContractDocumentReference', () => {
    const uten = ehfXml(
      ehfFaktura(periode, grunnlag(), id, selger, { ...kjoper, avtalestart: '2026-01-15' as Dato }, 250_000, 14),
    );
    expect(uten).toContain('<cbc:BuyerReference>Kari Alfa</cbc:BuyerReference>');
    expect(uten).not.toContain('OrderReference');
    expect(uten).toMatch(/<cac:ContractDocumentReference>\s*<cbc:ID>Målbedriftsavtale fra 15.01.2026<\/cbc:ID>/);
    const med = ehfXml(
      ehfFaktura(
        periode,
        grunnlag(),
        id,
        selger,
        { ...kjoper, innkjopsordre: 'PO-4711', avtalenr: 'MBA-7' },
        250_000,
        14,
      ),
    );
    expect(med).toMatch(/<cac:OrderReference>\s*<cbc:ID>PO-4711<\/cbc:ID>/);
    expect(med).toMatch(/<cac:ContractDocumentReference>\s*<cbc:ID>MBA-7<\/cbc:ID>/);
  });

  it('10.4: dokumentformen — linjer til markedsverdi, støtten som ett fradrag, mva bare av egenandelen', () => {
    const xml = ehfXml(ehfFaktura(periode, grunnlag(), id, selger, kjoper, 250_000, 14, 'dokument'));
    expect(xml).toContain('<cbc:LineExtensionAmount currencyID="NOK">10000.00</cbc:LineExtensionAmount>');
    expect(xml).toContain('<cbc:AllowanceTotalAmount currencyID="NOK">7500.00</cbc:AllowanceTotalAmount>');
    expect(xml).toContain('<cbc:TaxableAmount currencyID="NOK">2500.00</cbc:TaxableAmount>');
    expect(xml).toContain('<cbc:PayableAmount currencyID="NOK">3125.00</cbc:PayableAmount>');
    expect(xml).toContain('<cbc:CompanyID>NO923609016MVA</cbc:CompanyID>');
    expect(xml).toMatch(/<cbc:Note>[^<]*markedsverdi 10 000,00[^<]*GBER art\. 28/);
  });

  it('mangler for EHF nevner feltet: selger i nh.json, kjøper i malbedrifter', () => {
    expect(selgerMangler({ ...selger, kontonummer: undefined, postnr: undefined })).toEqual([
      'faktura.selger.postnr',
      'faktura.selger.kontonummer',
    ]);
    expect(kjoperMangler({ orgnr: '915000002', navn: 'X', postnr: '68' })).toEqual([
      'adresse',
      'poststed',
      'postnr (fire sifre)',
      'deresRef (eller dagligLeder)',
    ]);
    expect(kjoperMangler({ ...kjoper, deresRef: undefined, dagligLeder: 'Ola' })).toEqual([]);
  });
});

describe.skipIf(!harEhfValidator)('EHF 3.0 mot den offisielle valideringen (../shared/ehf)', () => {
  it('en faktura med tre linjer består i begge støtteformer, med innkjøpsordre, avtale og PDF-vedlegg: 0 fatal, 0 warning', async () => {
    const r = await validerEhf(ehfXml(ehfFaktura(periode, grunnlag(), id, selger, kjoper, 250_000, 14)));
    expect(r.avvik).toEqual([]);
    expect(r.xsdSjekket).toBe(harXmllint);
    const k = { ...kjoper, innkjopsordre: 'PO-4711', avtalestart: '2026-01-15' as Dato };
    const d = ehfFaktura(periode, grunnlag(), id, selger, k, 250_000, 14, 'dokument');
    const pdf = await pdfDokument(d);
    const xml = ehfXml(d, { filnavn: '10001-915000002.pdf', pdf });
    expect(xml).toMatch(
      /<cbc:EmbeddedDocumentBinaryObject mimeCode="application\/pdf" filename="10001-915000002.pdf">JVBER/,
    );
    expect((await validerEhf(xml)).avvik).toEqual([]);
  });

  it('en kreditnota (CreditNote 381 med BillingReference) består: 0 fatal, 0 warning', async () => {
    const g = grunnlag();
    const gammel = {
      periode,
      dato: '2026-10-31' as Dato,
      orgnr: g.orgnr,
      navn: g.navn,
      markedsverdi: g.markedsverdi,
      egenandel: g.egenandel,
      mva: g.mva,
      stotte: g.stotte,
      eurNokKurs: 115_000,
      kursdato: '2025-12-31' as Dato,
      stotteEur: 0,
      fakturanr: '10001',
      fakturadato: '2026-10-31' as Dato,
    };
    const kid = {
      type: 'kreditnota' as const,
      fakturanr: '10005',
      fakturadato: '2026-11-22' as Dato,
      forfallsdato: '2026-11-22' as Dato,
      ordrereferanse: 'K-2026-10-915000002',
      krediterer: '10001',
    };
    const xml = ehfXml(ehfKreditnota(gammel, kid, selger, kjoper, 250_000, 'Kreditnota for faktura 10001.'));
    expect(xml).toMatch(/<CreditNote[\s\S]*<cbc:CreditNoteTypeCode>381/);
    const r = await validerEhf(xml);
    expect(r.avvik).toEqual([]);
  });

  it('en ødelagt faktura fanges: feil sum (BR-CO-15) og manglende kjøperreferanse (PEPPOL-EN16931-R003)', async () => {
    const xml = ehfXml(ehfFaktura(periode, grunnlag(), id, selger, kjoper, 250_000, 14));
    const feilSum = xml.replace(
      '<cbc:TaxInclusiveAmount currencyID="NOK">3125.00<',
      '<cbc:TaxInclusiveAmount currencyID="NOK">3125.01<',
    );
    const ids = (await validerEhf(feilSum)).avvik.filter((a) => a.flag === 'fatal').map((a) => a.id);
    expect(ids).toContain('BR-CO-15');
    const utenRef = xml
      .replace(/<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, '')
      .replace(/<cac:OrderReference>[\s\S]*?<\/cac:OrderReference>/, '');
    const ids2 = (await validerEhf(utenRef)).avvik.filter((a) => a.flag === 'fatal').map((a) => a.id);
    expect(ids2).toContain('PEPPOL-EN16931-R003');
  });
});
