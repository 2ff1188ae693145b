/**
 * Dokumentene en faktureringskjøring skriver, laget fra planen (domain/faktura/kjoringsplan.ts): en liste av
 * skrivere, hver med sine filer — fakturagrunnlag.xlsx og .csv, EHF 3.0 per faktura og kreditnota
 * (faktura/<periode>/ehf/<nr>-<orgnr>.xml) med PDF-en (pdf/<nr>-<orgnr>.pdf) som vedlegg, importfilene for
 * Tripletex og PowerOffice Go, og støttebilagene (issue 21). En ny dokumenttype er en ny skriver i DOKUMENTSKRIVERE. Skriverne skriver ingenting selv:
 * de gir innholdet, og skrivingen (kjoringsskriving.ts) gjør alt atomisk under låsen.
 */
import path from 'node:path';
import type { Dato } from '../../domain/felles/dato.js';
import type { FakturaOppsett, Formater, Regnskapssystem } from '../../domain/faktura/oppsett.js';
import type { FakturaParametre } from '../../domain/faktura/typer.js';
import type { Fakturaplan } from '../../domain/faktura/kjoringsplan.js';
import type { Kunde } from '../../domain/faktura/kjopere.js';
import { ehfFaktura, ehfKreditnota, type EhfDokument, type SelgerFull } from '../../domain/faktura/ehf.js';
import { maanedICsv } from '../../domain/felles/dato.js';
import { importFaktura, importKreditnota, type Importfaktura } from '../../domain/faktura/fakturaimport.js';
import type { Utfil } from '../skriv/skriv.js';
import { byggFakturaArbeidsbok } from './faktura-arbeidsbok.js';
import { fakturagrunnlagCsv } from './fakturagrunnlag-csv.js';
import { tripletexCsv } from './fakturaimport-skriv.js';
import { powerofficeBilagCsv } from './poweroffice-skriv.js';
import { powerofficeInnhold } from './regnskapsfiler.js';
import { STOTTEBILAG_FIL, stottebilagCsv } from './stottebilag-skriv.js';
import { ehfFilnavn, pdfFilnavn } from './ehf-filer.js';
import { lagPdfer, type PdfTraad } from './pdf-parallell.js';
import { fakturagrunnlagStier } from './fakturakjoring.js';

export type Dokumentgrunnlag = {
  /** faktura/<periode>/ i arbeidsmappen. */
  mappe: string;
  naeringshage: string;
  idag: Dato;
  p: FakturaParametre;
  oppsett: FakturaOppsett;
  formater: Formater;
  selger: SelgerFull;
  plan: Fakturaplan;
  /** Kjøperdata per orgnr etter spørsmålene (adresse fra Brønnøysundregistrene). */
  kunder: ReadonlyMap<string, Kunde>;
  /** PDF-tråden startet da kjøringen begynte (pdf-parallell.ts), eller null: PDF-ene lages i hovedtråden. */
  pdfTraad: PdfTraad | null;
};

type Dokumentart = 'fakturagrunnlag' | 'ehf' | 'pdf' | 'import' | 'bilag';
export type Dokument = Utfil & { art: Dokumentart; system?: Regnskapssystem };
export type Dokumentskriver = { navn: string; lag: (g: Dokumentgrunnlag) => Promise<Dokument[]> };

function kunde(g: Dokumentgrunnlag, orgnr: string, navn: string): Kunde {
  return g.kunder.get(orgnr) ?? { orgnr, navn };
}

function kreditnotatekst(gammel: { fakturanr?: string; periode: string }): string {
  const hva = gammel.fakturanr ? `faktura ${gammel.fakturanr}` : 'fakturaen';
  return `Kreditnota for ${hva} for rådgivning ${gammel.periode}: innovasjonsstøtten (GBER art. 28) og egenandelen tilbakeføres; en ny faktura erstatter den.`;
}

const xlsxSkriver: Dokumentskriver = {
  navn: 'fakturagrunnlag.xlsx',
  lag: async (g) => {
    const { f, disp, ider, smb } = g.plan;
    const treaar = new Map(g.plan.treaar.map((t) => [t.orgnr, t]));
    const innhold = await byggFakturaArbeidsbok({
      naeringshage: g.naeringshage,
      idag: g.idag,
      f,
      p: g.p,
      disp,
      ider,
      treaar,
      smb,
      ...(g.plan.datoer ? { fakturadatoTekst: g.plan.datoer.forklaring } : {}),
    });
    return [{ sti: fakturagrunnlagStier(g.mappe).xlsx, innhold, art: 'fakturagrunnlag' }];
  },
};

const csvSkriver: Dokumentskriver = {
  navn: 'fakturagrunnlag.csv',
  lag: async (g) => {
    const innhold = await fakturagrunnlagCsv(g.plan.f, g.oppsett, g.p.mvaSats, g.plan.ider);
    return [{ sti: fakturagrunnlagStier(g.mappe).csv, innhold, art: 'fakturagrunnlag' }];
  },
};

/** Dokumentmodellen for hver kreditnota og ny faktura (samme for EHF og PDF, så tallene alltid er like). */
function fakturadokumenter(g: Dokumentgrunnlag): EhfDokument[] {
  const { nummer } = g.plan;
  const form = g.oppsett.stotteform;
  return [
    ...nummer.kreditnotaer.map(({ gammel, id }) => {
      const k = kunde(g, gammel.orgnr, gammel.navn);
      return ehfKreditnota(gammel, id, g.selger, k, g.p.mvaSats, kreditnotatekst(gammel), form);
    }),
    ...nummer.nye.map(({ m, id }) => {
      const k = kunde(g, m.orgnr, m.navn);
      return ehfFaktura(g.p.periode, m, id, g.selger, k, g.p.mvaSats, g.oppsett.forfallsdager, form);
    }),
  ];
}

/**
 * PDF (issue 21 pkt. 3) og EHF 3.0 per kreditnota og ny faktura; PDF-en legges ved EHF-en. pdfkit og xmlbuilder2
 * lastes bare når de trengs.
 */
const fakturaSkriver: Dokumentskriver = {
  navn: 'PDF og EHF',
  lag: async (g) => {
    if (!g.formater.ehf && !g.formater.pdf) return [];
    const dokumenter = fakturadokumenter(g);
    const pdfer = g.formater.pdf ? await lagPdfer(dokumenter, g.pdfTraad) : null;
    const ehfMod = g.formater.ehf ? await import('./ehf-skriv.js') : null;
    const ut: Dokument[] = [];
    for (const [i, d] of dokumenter.entries()) {
      const pdf = pdfer ? { filnavn: pdfFilnavn(d.nr, d.kjoper.orgnr), pdf: await pdfer.hent(i) } : null;
      if (pdf) ut.push({ sti: path.join(g.mappe, 'pdf', pdf.filnavn), innhold: pdf.pdf, art: 'pdf' });
      if (ehfMod) {
        const sti = path.join(g.mappe, 'ehf', ehfFilnavn(d.nr, d.kjoper.orgnr, d.type === 'kreditnota'));
        ut.push({ sti, innhold: ehfMod.ehfXml(d, pdf ?? undefined), art: 'ehf' });
      }
    }
    return ut;
  },
};

/**
 * Støttebilagene for måneden (issue 21 pkt. 4): alle bilagene for perioden i bilag-stotte.csv, og med PowerOffice
 * det nye bilaget fra denne kjøringen som `[Vouchers]`.
 */
const stottebilagSkriver: Dokumentskriver = {
  navn: 'støttebilag',
  lag: async (g) => {
    const alle = g.plan.regnskap.stottebilag;
    const periode = maanedICsv(g.p.periode);
    const bilag = alle.map((b) => b.bilag);
    const ut: Dokument[] = [
      {
        sti: path.join(g.mappe, STOTTEBILAG_FIL),
        innhold: stottebilagCsv(periode, bilag, g.oppsett.kontoer),
        art: 'bilag',
      },
    ];
    const nye = alle.filter((b) => b.kjoring === g.plan.kjoring).map((b) => b.bilag);
    if (g.formater.systemer.includes('poweroffice') && nye.length) {
      const sti = path.join(g.mappe, 'poweroffice-bilag-stotte.csv');
      ut.push({ sti, innhold: powerofficeBilagCsv(nye, ''), art: 'bilag', system: 'poweroffice' });
    }
    return ut;
  },
};

/** Importfilene har det denne kjøringen utstedte: kreditnotaene og de nye fakturaene. */
const importSkriver: Dokumentskriver = {
  navn: 'importfiler',
  lag: async (g) => {
    const { nummer } = g.plan;
    const poster: Importfaktura[] = [
      ...nummer.kreditnotaer.map((x) =>
        importKreditnota(x.gammel, x.id, kunde(g, x.gammel.orgnr, x.gammel.navn), kreditnotatekst(x.gammel)),
      ),
      ...nummer.nye.map((x) => importFaktura(g.p.periode, x.m, x.id, kunde(g, x.m.orgnr, x.m.navn))),
    ];
    if (!poster.length) return [];
    const { mvaKode, produktnr } = g.oppsett;
    return g.formater.systemer.map((s) => ({
      sti: path.join(g.mappe, `${s}-import.csv`),
      innhold:
        s === 'tripletex'
          ? tripletexCsv(poster, mvaKode, produktnr)
          : powerofficeInnhold(g.oppsett, g.plan.regnskap.poster, g.p.mvaSats),
      art: 'import' as const,
      system: s,
    }));
  },
};

/** Skriverne i rekkefølgen filene skrives (døpes om) i. */
const DOKUMENTSKRIVERE: readonly Dokumentskriver[] = [
  xlsxSkriver,
  csvSkriver,
  fakturaSkriver,
  importSkriver,
  stottebilagSkriver,
];

export async function lagDokumenter(
  g: Dokumentgrunnlag,
  skrivere: readonly Dokumentskriver[] = DOKUMENTSKRIVERE,
): Promise<Dokument[]> {
  // Alle skriverne startes før den første er ferdig: PDF-ene (i en egen tråd, pdf-parallell.ts) lages mens
  // fakturagrunnlaget skrives. Filene kommer likevel i skrivernes rekkefølge.
  const startet = skrivere.map((s) => s.lag(g));
  for (const p of startet) p.catch(() => undefined); // feilen meldes der den ventes på, under
  const ut: Dokument[] = [];
  for (const p of startet) ut.push(...(await p));
  return ut;
}
