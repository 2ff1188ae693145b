/**
 * Bilagene regnskapet fører for faktureringen (issue 21 pkt. 1, 4 og 7). Ren modul: tallene og radene; filene
 * skrives av src/io/faktura/poweroffice-skriv.ts og stottebilag-skriv.ts.
 *
 * 1. PowerOffice Go, utgående faktura som bilag (når nh nummererer og sender): ett bilag per faktura med én
 *    reskontrolinje (kunden, fakturanr, KID, forfall — PowerOffice: «kun én reskontroføring per bilag» for
 *    bilagstype 2), én salgslinje til markedsverdi og én støttelinje, begge med konto og mva-kode, så mva-grunnlaget
 *    er egenandelen (10.4 / vedlegg 3 pkt. 4.1). Beløpene er brutto (inkl. mva) slik PowerOffice fører dem: i
 *    PowerOffices eget eksempel (CustomerInvoicesImport) går reskontrolinjen +100 mot salgslinjen −100 med mva-kode 3.
 *    Reskontrolinjen er nøyaktig egenandel + mva; støttelinjen tar differansen, så bilaget alltid går i null.
 * 2. Støttebilaget for måneden (10.4 pkt. 1, vedlegg 3 pkt. 4.1): debet kortsiktig gjeld (Sivas
 *    innovasjonstilskudd), kredit tilskuddsinntekt, beløpet = støtten i registeret for perioden.
 */
import type { Dato } from '../felles/dato.js';
import { mulDivRund, PPM, type Ore, type Ppm } from '../felles/penger.js';

type Bilagslinje = {
  /** Kontonummeret; tomt på reskontrolinjen (kunden bestemmer kontoen). */
  konto?: number;
  kundekode?: string;
  mvaKode?: string;
  /** Debet positivt, kredit negativt (brutto når mva-kode er satt). */
  belop: Ore;
  tekst: string;
  antall?: number;
  produktkode?: string;
};

export type Bilag = {
  /** Bilagets nummer i filen (PowerOffice «DocumentNumber»: linjene med samme nummer er ett bilag). */
  nr: string;
  dato: Dato;
  forfall?: Dato;
  fakturanr?: string;
  kid?: string;
  /** Kundens referanse, eller for en kreditnota fakturaen den krediterer. */
  referanse?: string;
  linjer: Bilagslinje[];
};

/** Beløpene på én faktura eller kreditnota (positive; kreditnotaen snur fortegnene selv). */
export type Fakturabelop = { markedsverdi: Ore; stotte: Ore; egenandel: Ore; mva: Ore };

export type Kontoer = {
  salg: number;
  stottefradrag?: number | undefined;
  tilskuddsgjeld: number;
  tilskuddsinntekt: number;
};

/** Brutto = netto + mva (halv opp), slik en linje med mva-kode føres. */
export function brutto(netto: Ore, sats: Ppm): Ore {
  return netto + mulDivRund(netto, sats, PPM);
}

export type UtgaendeFaktura = {
  type: 'faktura' | 'kreditnota';
  fakturanr: string;
  kid?: string | undefined;
  dato: Dato;
  forfall: Dato;
  kundekode: string;
  kundeRef?: string | undefined;
  /** Kreditnota: nummeret på fakturaen den krediterer. */
  krediterer?: string | undefined;
  periode: string;
  timer?: number;
  belop: Fakturabelop;
};

/**
 * PowerOffice-bilaget for en utgående faktura eller kreditnota (bilagstype 2). Reskontro + salg + støtte = 0.
 * En kreditnota er samme bilag med motsatt fortegn; fakturaen den krediterer står i referansen og teksten.
 */
export function utgaendeBilag(f: UtgaendeFaktura, k: Kontoer, mvaKode: string, sats: Ppm): Bilag {
  const tegn = f.type === 'kreditnota' ? -1 : 1;
  const b = f.belop;
  const aBetale = b.egenandel + b.mva;
  const salg = brutto(b.markedsverdi, sats);
  const hva =
    f.type === 'kreditnota' ? `Kreditnota ${f.fakturanr} for faktura ${f.krediterer}` : `Faktura ${f.fakturanr}`;
  return {
    nr: f.fakturanr,
    dato: f.dato,
    forfall: f.forfall,
    fakturanr: f.fakturanr,
    ...(f.kid ? { kid: f.kid } : {}),
    ...(f.krediterer
      ? { referanse: `Krediterer faktura ${f.krediterer}` }
      : f.kundeRef
        ? { referanse: f.kundeRef }
        : {}),
    linjer: [
      { kundekode: f.kundekode, belop: tegn * aBetale, tekst: `${hva}, rådgivning ${f.periode}` },
      {
        konto: k.salg,
        mvaKode,
        belop: -tegn * salg,
        tekst: `Rådgivning ${f.periode}, markedsverdi (inkl. mva)`,
        ...(f.timer ? { antall: f.timer } : {}),
      },
      {
        konto: k.stottefradrag ?? k.salg,
        mvaKode,
        belop: tegn * (salg - aBetale),
        tekst: 'Innovasjonsstøtte (GBER art. 28, Sivas næringshageprogram), fradrag (inkl. mva)',
      },
    ],
  };
}

/** Mva slik systemet skiller den ut av bruttolinjene (brutto × sats / (1 + sats), halv opp), for kontrollen. */
export function mvaIBilag(b: Bilag, sats: Ppm): Ore {
  let s = 0;
  for (const l of b.linjer) if (l.mvaKode) s -= mulDivRund(l.belop, sats, PPM + sats);
  return s;
}

/**
 * Støttebilaget for én periode (10.4 pkt. 1): debet kortsiktig gjeld, kredit tilskuddsinntekt. Et negativt beløp
 * (kreditnotaer større enn nye fakturaer) snur linjene. Null gir ingen linjer.
 */
function stottebilag(periode: string, dato: Dato, stotte: Ore, k: Kontoer, nr: string): Bilag {
  const tekst = `Innovasjonsstøtte ${periode} inntektsført (Sivas innovasjonstilskudd, GBER art. 28, programveileder 10.4 pkt. 1)`;
  return {
    nr,
    dato,
    linjer: stotte
      ? [
          { konto: k.tilskuddsgjeld, belop: stotte, tekst },
          { konto: k.tilskuddsinntekt, belop: -stotte, tekst },
        ]
      : [],
  };
}

/**
 * Støttebilagene for en periode, utledet av registeret: ett bilag per kjøring som endret periodens støtte (første
 * kjøring: hele måneden; en --erstatt: endringen, kreditnotaene med). Summen av bilagene er registerets støtte for
 * perioden til øret (vedlegg 3 pkt. 4.1: «samsvar mellom de beløp som regnskapsføres og det som innrapporteres»).
 * Nummeret er stabilt (`S-<periode>-<n>`), så filen kan skrives på nytt uten at et bilag skifter nummer.
 */
export function stottebilagForPeriode(
  periode: string,
  linjer: readonly { stotte: Ore; dato: Dato; fakturadato?: Dato | undefined; kjoring?: string | undefined }[],
  k: Kontoer,
): { bilag: Bilag; kjoring: string }[] {
  const grupper = new Map<string, { stotte: Ore; dato: Dato }>();
  for (const l of linjer) {
    const nokkel = l.kjoring ?? '';
    const g = grupper.get(nokkel) ?? { stotte: 0, dato: l.fakturadato ?? l.dato };
    g.stotte += l.stotte;
    const d = l.fakturadato ?? l.dato;
    if (d > g.dato) g.dato = d;
    grupper.set(nokkel, g);
  }
  const ut: { bilag: Bilag; kjoring: string }[] = [];
  for (const [kjoring, g] of grupper) {
    if (!g.stotte) continue;
    ut.push({ kjoring, bilag: stottebilag(periode, g.dato, g.stotte, k, `S-${periode}-${ut.length + 1}`) });
  }
  return ut;
}
