/**
 * Kryssjekken «register = fakturagrunnlag = importfiler = EHF = PDF» per faktura, til øret (issue 21, «Done
 * when»). Hver kilde leses for seg med sin egen form (CSV-kolonner, PowerOffice-bilag, UBL-elementer, teksten i
 * PDF-en), og beløpene samles per fakturanummer. Testene sammenligner kildene med registeret.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { avnoytraliser } from '../src/domain/felles/rapport.js';
import { lesPowerofficeBilag, poOre } from './poweroffice-les.js';

export type Belop = { markedsverdi: number; stotte: number; egenandel: number; mva: number };
type Tabell = Record<string, string>[];

const ore = (s: string) =>
  Math.round(
    Number(
      s
        .replace(/\s|\u00a0/g, '')
        .replace('−', '-')
        .replace(',', '.'),
    ) * 100,
  );

function csv(fil: string): Tabell {
  return parse(readFileSync(fil, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Tabell;
}

/** Registeret: fakturanr → beløpene (kreditnota negative, som i registeret). */
export function fraRegister(ws: string, periode: string): Map<string, Belop & { type: string; kid: string }> {
  const ut = new Map<string, Belop & { type: string; kid: string }>();
  for (const r of csv(path.join(ws, 'stotteregister.csv'))) {
    if (r.periode !== periode.replace('-', 'M') && r.periode !== periode) continue;
    ut.set(r.fakturanr!, {
      markedsverdi: ore(r.markedsverdi!),
      stotte: ore(r.stotte!),
      egenandel: ore(r.egenandel!),
      mva: ore(r.mva!),
      type: r.type ?? 'faktura',
      // KID skrives som ="0260018" så Excel beholder nullen foran (issue 23); les den som tekst.
      kid: avnoytraliser(r.kid ?? ''),
    });
  }
  return ut;
}

function summer(m: Map<string, Belop>, nr: string, b: Belop): void {
  const f = m.get(nr);
  if (!f) m.set(nr, { ...b });
  else for (const k of ['markedsverdi', 'stotte', 'egenandel', 'mva'] as const) f[k] += b[k];
}

/** fakturagrunnlag.csv: linjene summert per fakturanr. */
export function fraFakturagrunnlag(ws: string, periode: string): Map<string, Belop> {
  const ut = new Map<string, Belop>();
  for (const r of csv(path.join(ws, 'faktura', periode, 'fakturagrunnlag.csv')))
    summer(ut, r.fakturanr!, {
      markedsverdi: ore(r.markedsverdi!),
      stotte: ore(r.innovasjonsstotte!),
      egenandel: ore(r.belopEksMva!),
      mva: ore(r.mva!),
    });
  return ut;
}

/** Tripletex: Σ antall × enhetspris per INVOICE NO = sum eks. mva slik Tripletex regner den (egenandelen). */
export function fraTripletex(ws: string, periode: string): Map<string, number> {
  const ut = new Map<string, number>();
  for (const r of csv(path.join(ws, 'faktura', periode, 'tripletex-import.csv'))) {
    const t = Number(r['ORDER LINE - COUNT']) * Number(r['ORDER LINE - UNIT PRICE']) * 100;
    ut.set(r['INVOICE NO']!, (ut.get(r['INVOICE NO']!) ?? 0) + Math.sign(t) * Math.round(Math.abs(t)));
  }
  return ut;
}

/** PowerOffice-bilagene: reskontrolinjen per InvoiceNo (egenandel + mva, kreditnota negativ) og KID. */
export function fraPoweroffice(ws: string, periode: string): Map<string, { aBetale: number; kid: string }> {
  const tekst = readFileSync(path.join(ws, 'faktura', periode, 'poweroffice-import.csv'), 'utf8');
  return new Map(
    lesPowerofficeBilag(tekst, { faktura: true }).map((b) => [
      b.reskontro.InvoiceNo!,
      { aBetale: poOre(b.reskontro.Amount!), kid: b.reskontro.Cid! },
    ]),
  );
}

const tall = (xml: string, element: string) => {
  const m = xml.match(new RegExp(`<cbc:${element} currencyID="NOK">(-?[\\d.]+)</cbc:${element}>`));
  return m ? Math.round(Number(m[1]) * 100) : 0;
};

/** EHF: markedsverdi = Σ antall × pris på linjene, støtte = fradragene, egenandel = TaxExclusive, mva = TaxAmount. */
export function fraEhf(ws: string, periode: string): Map<string, Belop & { pdf: boolean; kid: string }> {
  const mappe = path.join(ws, 'faktura', periode, 'ehf');
  const ut = new Map<string, Belop & { pdf: boolean; kid: string }>();
  if (!existsSync(mappe)) return ut;
  for (const f of readdirSync(mappe)) {
    const xml = readFileSync(path.join(mappe, f), 'utf8');
    const nr = xml.match(/<cbc:ID>([^<]+)<\/cbc:ID>/)![1]!;
    const tegn = xml.includes('<CreditNote') ? -1 : 1;
    const fradrag = [...xml.matchAll(/<cac:AllowanceCharge>[\s\S]*?<cbc:Amount currencyID="NOK">([\d.]+)</g)];
    const linjer = [
      ...xml.matchAll(
        /<cbc:(?:Invoiced|Credited)Quantity[^>]*>([\d.]+)<[\s\S]*?<cbc:PriceAmount currencyID="NOK">([\d.]+)</g,
      ),
    ];
    ut.set(nr, {
      markedsverdi: tegn * linjer.reduce((s, m) => s + Math.round(Number(m[1]) * Number(m[2]) * 100), 0),
      stotte: tegn * fradrag.reduce((s, m) => s + Math.round(Number(m[1]) * 100), 0),
      egenandel: tegn * tall(xml, 'TaxExclusiveAmount'),
      mva: tegn * tall(xml.slice(xml.indexOf('<cac:TaxTotal>')), 'TaxAmount'),
      pdf: /EmbeddedDocumentBinaryObject mimeCode="application\/pdf"/.test(xml),
      kid: xml.match(/<cbc:PaymentID>(\d+)</)?.[1] ?? '',
    });
  }
  return ut;
}

/** PDF: teksten (pdftotext) — nummer, KID, markedsverdi, støtte, egenandel, mva og å betale. */
export function fraPdf(fil: string): Belop & { nr: string; kid: string; sider: number; tekst: string } {
  const tekst = spawnSync('pdftotext', ['-layout', fil, '-'], { encoding: 'utf8' }).stdout;
  const sider = Number(spawnSync('pdfinfo', [fil], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)![1]);
  const belop = (re: RegExp) => ore(tekst.match(re)?.[1] ?? 'NaN');
  const kreditnota = /KREDITNOTA/.test(tekst);
  const tegn = kreditnota ? -1 : 1;
  return {
    nr: tekst.match(/(?:Fakturanr|Kreditnotanr)\.\s+(\d+)/)![1]!,
    kid: tekst.match(/KID\s+(\d+)/)?.[1] ?? '',
    sider,
    tekst,
    markedsverdi: tegn * belop(/\n\s*Markedsverdi\s+([−\d\s\u00a0]+,\d\d)\s*\n/),
    stotte: tegn * -belop(/− Innovasjonsstøtte[^\n]*?\s(−[\d\s\u00a0]+,\d\d)\s*\n/),
    egenandel: tegn * belop(/= Egenandel eks\. mva\s+([\d\s\u00a0]+,\d\d)/),
    mva: tegn * belop(/\+ Mva [^\n]*?\s([\d\u00a0]+(?: \d{3})*,\d\d)\s*\n/),
  };
}
