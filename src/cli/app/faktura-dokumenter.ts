/**
 * nh faktura: dokumentene som går til kunden — EHF 3.0 (faktura/<periode>/ehf/<nr>-<orgnr>.xml) og
 * importfilene for Tripletex og PowerOffice Go. Sjekker først at selger (nh.json faktura.selger) og kjøper
 * (malbedrifter) har feltene EHF krever, og melder alle mangler samlet med fil, rad og kolonne (exit 2).
 * Mangler en adresse og smb-sjekk har hentet den fra Brønnøysundregistrene, tilbys den (bare på en TTY).
 */
import path from 'node:path';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../domain/diagnostikk.js';
import type { Maaned } from '../../domain/dato.js';
import type { Config } from '../../domain/config.js';
import { REGNSKAPSSYSTEMER, type FakturaOppsett, type Regnskapssystem } from '../../domain/faktura-oppsett.js';
import type { Fakturering } from '../../domain/faktura.js';
import type { Plan } from '../../domain/fakturanummer.js';
import { ehfFaktura, ehfKreditnota, kjoperMangler, selgerMangler, type Kjoperdata, type SelgerFull } from '../../domain/ehf.js';
import { importFaktura, importKreditnota, type Importfaktura } from '../../domain/fakturaimport.js';
import type { Malbedrift } from '../../domain/datasett/malbedrifter.js';
import { powerofficeCsv, tripletexCsv } from '../../io/fakturaimport-skriv.js';
import { lesBrregAdresse } from '../../io/brreg-adresse.js';
import type { Arbeidsmappe } from '../../io/arbeidsmappe.js';
import type { Kontekst } from '../kontekst.js';

export type Formater = { ehf: boolean; systemer: Regnskapssystem[] };
const FORMATNAVN = ['ehf', ...REGNSKAPSSYSTEMER] as const;

/** --format ehf,tripletex,poweroffice overstyrer nh.json (faktura.ehf, faktura.regnskapssystem). */
export function velgFormater(s: FakturaOppsett, flagg: string | undefined): Formater {
  if (flagg === undefined) return { ehf: s.ehf, systemer: s.regnskapssystem };
  const navn = flagg.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  const ukjente = navn.filter((n) => !(FORMATNAVN as readonly string[]).includes(n) && n !== 'csv');
  if (ukjente.length) {
    throw new InndataFeil([feil('ugyldig-flagg', `--format «${flagg}»: ukjent format ${ukjente.map((u) => `«${u}»`).join(', ')}.`, undefined, { forventet: `en kommaliste av ${FORMATNAVN.join(', ')} (den generiske CSV-en skrives alltid)` })]);
  }
  return { ehf: navn.includes('ehf'), systemer: REGNSKAPSSYSTEMER.filter((r) => navn.includes(r)) };
}

export function selgerAv(c: Config): SelgerFull {
  const s = c.faktura.selger;
  return { ...s, navn: s.navn ?? c.naeringshage.navn, orgnr: s.orgnr ?? c.naeringshage.orgnr };
}

type Data = {
  am: Arbeidsmappe;
  periode: Maaned;
  f: Fakturering;
  plan: Plan;
  oppsett: FakturaOppsett;
  selger: SelgerFull;
  mvaSats: number;
  malbedrifter: readonly Malbedrift[];
  formater: Formater;
};

export type Dokumenter = { filer: { sti: string; innhold: string }[]; ehf: string[]; importfiler: Partial<Record<Regnskapssystem, string>> };

export function ehfFilnavn(nr: string, orgnr: string, kreditnota: boolean): string {
  return `${nr}-${orgnr}${kreditnota ? '-kreditnota' : ''}.xml`;
}

export async function lagDokumenter(k: Kontekst, d: Data): Promise<Dokumenter> {
  const { plan, formater } = d;
  const kunder = await kjopere(k, d);
  const ut: Dokumenter = { filer: [], ehf: [], importfiler: {} };
  const mappe = d.am.sti('faktura', d.periode);
  const kunde = (orgnr: string, navn: string): Kjoperdata & { kundenummer?: string } => kunder.get(orgnr) ?? { orgnr, navn };
  if (formater.ehf) {
    // xmlbuilder2 lastes bare når EHF skal skrives.
    const { ehfXml } = await import('../../io/ehf-skriv.js');
    for (const { gammel, id } of plan.kreditnotaer) {
      const xml = ehfXml(ehfKreditnota(gammel, id, d.selger, kunde(gammel.orgnr, gammel.navn), d.mvaSats, kreditnotatekst(gammel.fakturanr, gammel.periode)));
      ut.ehf.push(path.join(mappe, 'ehf', ehfFilnavn(id.fakturanr!, gammel.orgnr, true)));
      ut.filer.push({ sti: ut.ehf.at(-1)!, innhold: xml });
    }
    for (const { m, id } of plan.nye) {
      const xml = ehfXml(ehfFaktura(d.periode, m, id, d.selger, kunde(m.orgnr, m.navn), d.mvaSats, d.oppsett.forfallsdager));
      ut.ehf.push(path.join(mappe, 'ehf', ehfFilnavn(id.fakturanr!, m.orgnr, false)));
      ut.filer.push({ sti: ut.ehf.at(-1)!, innhold: xml });
    }
  }
  const poster: Importfaktura[] = [
    ...plan.kreditnotaer.map(({ gammel, id }) => importKreditnota(gammel, id, kunde(gammel.orgnr, gammel.navn), kreditnotatekst(gammel.fakturanr, gammel.periode))),
    ...plan.nye.map(({ m, id }) => importFaktura(d.periode, m, id, kunde(m.orgnr, m.navn))),
  ];
  if (poster.length) {
    for (const s of formater.systemer) {
      const sti = path.join(mappe, `${s}-import.csv`);
      ut.importfiler[s] = sti;
      ut.filer.push({ sti, innhold: s === 'tripletex' ? tripletexCsv(poster, d.oppsett.mvaKode, d.oppsett.produktnr) : powerofficeCsv(poster, d.oppsett.mvaKode, d.oppsett.produktnr) });
    }
  }
  return ut;
}

function kreditnotatekst(nr: string | undefined, periode: string): string {
  return `Kreditnota for ${nr ? `faktura ${nr}` : 'fakturaen'} for rådgivning ${periode}: innovasjonsstøtten (GBER art. 28) og egenandelen tilbakeføres; en ny faktura erstatter den.`;
}

/**
 * Kjøperdata per orgnr fra malbedrifter. Når EHF skal skrives: alle mangler (selger og kjøpere) samlet i én
 * InndataFeil; en manglende adresse kan fylles fra Brønnøysund-svaret smb-sjekk har lagret, om brukeren sier ja.
 */
async function kjopere(k: Kontekst, d: Data): Promise<Map<string, Kjoperdata & { kundenummer?: string }>> {
  const ut = new Map(d.malbedrifter.map((m) => [m.orgnr, { ...m } as Kjoperdata & { kundenummer?: string }]));
  if (!d.formater.ehf) return ut;
  const feilListe: Diagnostikk[] = [];
  if (d.oppsett.nummerserie === 'regnskapssystem') {
    feilListe.push(feil('ehf-uten-nummerserie', 'EHF krever at nh tildeler fakturanummer: sett «faktura.nummerserie»: { "forste": <første nummer> } i nh.json (nå tildeler regnskapssystemet numrene).', { fil: 'nh.json', kolonne: 'faktura.nummerserie' }));
  }
  for (const felt of selgerMangler(d.selger)) {
    feilListe.push(feil('ehf-mangler-selger', `EHF krever selgerens ${felt.replace(/^faktura\.selger\./, '')} i nh.json.`, { fil: 'nh.json', kolonne: felt.split(' ')[0]! }, { forventet: 'se docs/faktura.md «Selger og kjøper»' }));
  }
  const orgnre = [...new Set([...d.plan.kreditnotaer.map((x) => x.gammel.orgnr), ...d.plan.nye.map((x) => x.m.orgnr)])];
  for (const orgnr of orgnre) {
    const mb = d.malbedrifter.find((m) => m.orgnr === orgnr);
    if (!mb) {
      feilListe.push(feil('ehf-ukjent-kjoper', `EHF: målbedriften ${orgnr} i støtteregisteret står ikke i malbedrifter; kjøperens adresse mangler.`, { fil: 'malbedrifter' }));
      continue;
    }
    let k0: Kjoperdata = ut.get(orgnr)!;
    let mangler = kjoperMangler(k0);
    if (mangler.some((f) => ['adresse', 'postnr', 'poststed'].includes(f))) {
      const b = await lesBrregAdresse(d.am, orgnr);
      const forslag = b ? `${b.adresse}, ${b.postnr} ${b.poststed}` : null;
      if (b && k.interaktiv && (await k.spor.bekreft(`${mb.navn} (${orgnr}) mangler fakturaadresse i malbedrifter. Bruke ${b.hvilken} fra Brønnøysundregistrene (hentet av smb-sjekk ${b.hentet.slice(0, 10)}): «${forslag}»?`, false))) {
        k0 = { ...k0, adresse: k0.adresse ?? b.adresse, postnr: k0.postnr ?? b.postnr, poststed: k0.poststed ?? b.poststed };
        ut.set(orgnr, k0);
        k.advarsler.push(advarsel('adresse-fra-brreg', `${mb.navn}: brukte ${b.hvilken} fra Brønnøysundregistrene («${forslag}») i denne kjøringen. Legg den inn i malbedrifter (adresse, postnr, poststed) så den står der neste gang.`, mb.kilde));
        mangler = kjoperMangler(k0);
      } else if (forslag) {
        mangler = mangler.map((f) => (['adresse', 'postnr', 'poststed'].includes(f) ? `${f} (Brønnøysundregistrene har ${b!.hvilken} «${forslag}» fra smb-sjekk; kjør i en terminal for å bruke den, eller legg den inn)` : f));
      }
    }
    for (const felt of mangler) {
      feilListe.push(feil('ehf-mangler-kjoper', `EHF til ${mb.navn} krever kolonnen ${felt} i malbedrifter.`, { ...mb.kilde, kolonne: felt.split(' ')[0]! }, { forventet: 'kjøperens fakturaadresse og referanse (docs/faktura.md «Selger og kjøper»)' }));
    }
  }
  if (feilListe.length) throw new InndataFeil(feilListe);
  return ut;
}
