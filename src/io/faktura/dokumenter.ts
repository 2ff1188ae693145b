/**
 * Dokumentene en faktureringskjøring skriver, laget fra planen (domain/faktura/kjoringsplan.ts): en liste av
 * skrivere, hver med sine filer — fakturagrunnlag.xlsx og .csv, EHF 3.0 per faktura og kreditnota
 * (faktura/<periode>/ehf/<nr>-<orgnr>.xml) og importfilene for Tripletex og PowerOffice Go. En ny dokumenttype
 * (PDF per faktura, bilag for støtten, …) er en ny skriver i DOKUMENTSKRIVERE. Skriverne skriver ingenting selv:
 * de gir innholdet, og skrivingen (kjoringsskriving.ts) gjør alt atomisk under låsen.
 */
import path from 'node:path';
import type { Dato } from '../../domain/felles/dato.js';
import type { FakturaOppsett, Formater, Regnskapssystem } from '../../domain/faktura/oppsett.js';
import type { FakturaParametre } from '../../domain/faktura/typer.js';
import type { Fakturaplan } from '../../domain/faktura/kjoringsplan.js';
import type { Kunde } from '../../domain/faktura/kjopere.js';
import { ehfFaktura, ehfKreditnota, type SelgerFull } from '../../domain/faktura/ehf.js';
import { importFaktura, importKreditnota, type Importfaktura } from '../../domain/faktura/fakturaimport.js';
import type { Utfil } from '../skriv/skriv.js';
import { byggFakturaArbeidsbok } from './faktura-arbeidsbok.js';
import { fakturagrunnlagCsv } from './fakturagrunnlag-csv.js';
import { powerofficeCsv, tripletexCsv } from './fakturaimport-skriv.js';
import { ehfFilnavn } from './ehf-filer.js';
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
};

export type Dokumentart = 'fakturagrunnlag' | 'ehf' | 'import';
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

/** EHF 3.0: kreditnotaene først, så de nye fakturaene. xmlbuilder2 lastes bare når EHF skal skrives. */
const ehfSkriver: Dokumentskriver = {
  navn: 'EHF',
  lag: async (g) => {
    if (!g.formater.ehf) return [];
    const { ehfXml } = await import('./ehf-skriv.js');
    const { nummer } = g.plan;
    const sti = (nr: string, orgnr: string, kreditnota: boolean) =>
      path.join(g.mappe, 'ehf', ehfFilnavn(nr, orgnr, kreditnota));
    return [
      ...nummer.kreditnotaer.map(({ gammel, id }) => {
        const k = kunde(g, gammel.orgnr, gammel.navn);
        const xml = ehfXml(ehfKreditnota(gammel, id, g.selger, k, g.p.mvaSats, kreditnotatekst(gammel)));
        return { sti: sti(id.fakturanr!, gammel.orgnr, true), innhold: xml, art: 'ehf' as const };
      }),
      ...nummer.nye.map(({ m, id }) => {
        const k = kunde(g, m.orgnr, m.navn);
        const xml = ehfXml(ehfFaktura(g.p.periode, m, id, g.selger, k, g.p.mvaSats, g.oppsett.forfallsdager));
        return { sti: sti(id.fakturanr!, m.orgnr, false), innhold: xml, art: 'ehf' as const };
      }),
    ];
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
        s === 'tripletex' ? tripletexCsv(poster, mvaKode, produktnr) : powerofficeCsv(poster, mvaKode, produktnr),
      art: 'import' as const,
      system: s,
    }));
  },
};

/** Skriverne i rekkefølgen filene skrives (døpes om) i. */
export const DOKUMENTSKRIVERE: readonly Dokumentskriver[] = [xlsxSkriver, csvSkriver, ehfSkriver, importSkriver];

export async function lagDokumenter(
  g: Dokumentgrunnlag,
  skrivere: readonly Dokumentskriver[] = DOKUMENTSKRIVERE,
): Promise<Dokument[]> {
  const ut: Dokument[] = [];
  for (const s of skrivere) ut.push(...(await s.lag(g)));
  return ut;
}
