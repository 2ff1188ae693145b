/**
 * nh faktura: dokumentene som går til kunden — EHF 3.0 (faktura/<periode>/ehf/<nr>-<orgnr>.xml) og
 * importfilene for Tripletex og PowerOffice Go. Sjekker først at selger (nh.json faktura.selger) og kjøper
 * (malbedrifter) har feltene EHF krever, og melder alle mangler samlet med fil, rad og kolonne (exit 2).
 * Mangler en adresse og smb-sjekk har hentet den fra Brønnøysundregistrene, tilbys den (bare på en TTY).
 */
import path from 'node:path';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../../domain/felles/diagnostikk.js';
import type { Maaned } from '../../../domain/felles/dato.js';
import type { Config } from '../../../domain/konfig/config.js';
import { REGNSKAPSSYSTEMER, type FakturaOppsett, type Regnskapssystem } from '../../../domain/faktura/oppsett.js';
import type { Fakturering } from '../../../domain/faktura/typer.js';
import type { Plan } from '../../../domain/faktura/fakturanummer.js';
import { ehfFaktura, ehfKreditnota, kjoperMangler, selgerMangler } from '../../../domain/faktura/ehf.js';
import type { Kjoperdata, SelgerFull } from '../../../domain/faktura/ehf.js';
import { importFaktura, importKreditnota, type Importfaktura } from '../../../domain/faktura/fakturaimport.js';
import type { Malbedrift } from '../../../domain/datasett/malbedrifter.js';
import { powerofficeCsv, tripletexCsv } from '../../../io/faktura/fakturaimport-skriv.js';
import { lesBrregAdresse } from '../../../io/brreg/brreg-adresse.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import type { Kontekst } from '../../kontekst.js';

export type Formater = { ehf: boolean; systemer: Regnskapssystem[] };
const FORMATNAVN = ['ehf', ...REGNSKAPSSYSTEMER] as const;

/** --format ehf,tripletex,poweroffice overstyrer nh.json (faktura.ehf, faktura.regnskapssystem). */
export function velgFormater(s: FakturaOppsett, flagg: string | undefined): Formater {
  if (flagg === undefined) return { ehf: s.ehf, systemer: s.regnskapssystem };
  const navn = flagg
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  const ukjente = navn.filter((n) => !(FORMATNAVN as readonly string[]).includes(n) && n !== 'csv');
  if (ukjente.length) {
    const melding = `--format «${flagg}»: ukjent format ${ukjente.map((u) => `«${u}»`).join(', ')}.`;
    const forventet = `en kommaliste av ${FORMATNAVN.join(', ')} (den generiske CSV-en skrives alltid)`;
    throw new InndataFeil([feil('ugyldig-flagg', melding, undefined, { forventet })]);
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

export type Dokumenter = {
  filer: { sti: string; innhold: string }[];
  ehf: string[];
  importfiler: Partial<Record<Regnskapssystem, string>>;
};

export function ehfFilnavn(nr: string, orgnr: string, kreditnota: boolean): string {
  return `${nr}-${orgnr}${kreditnota ? '-kreditnota' : ''}.xml`;
}

export async function lagDokumenter(k: Kontekst, d: Data): Promise<Dokumenter> {
  const { plan, formater, selger, mvaSats } = d;
  const kunder = await kjopere(k, d);
  const ut: Dokumenter = { filer: [], ehf: [], importfiler: {} };
  const mappe = d.am.sti('faktura', d.periode);
  const kunde = (orgnr: string, navn: string): Kunde => kunder.get(orgnr) ?? { orgnr, navn };
  const kredit = plan.kreditnotaer.map((x) => ({
    ...x,
    kunde: kunde(x.gammel.orgnr, x.gammel.navn),
    tekst: kreditnotatekst(x.gammel),
  }));
  const nye = plan.nye.map((x) => ({ ...x, kunde: kunde(x.m.orgnr, x.m.navn) }));
  if (formater.ehf) {
    // xmlbuilder2 lastes bare når EHF skal skrives.
    const { ehfXml } = await import('../../../io/faktura/ehf-skriv.js');
    const legg = (nr: string, orgnr: string, kreditnota: boolean, xml: string) => {
      ut.ehf.push(path.join(mappe, 'ehf', ehfFilnavn(nr, orgnr, kreditnota)));
      ut.filer.push({ sti: ut.ehf.at(-1)!, innhold: xml });
    };
    for (const x of kredit)
      legg(
        x.id.fakturanr!,
        x.gammel.orgnr,
        true,
        ehfXml(ehfKreditnota(x.gammel, x.id, selger, x.kunde, mvaSats, x.tekst)),
      );
    for (const x of nye)
      legg(
        x.id.fakturanr!,
        x.m.orgnr,
        false,
        ehfXml(ehfFaktura(d.periode, x.m, x.id, selger, x.kunde, mvaSats, d.oppsett.forfallsdager)),
      );
  }
  const poster: Importfaktura[] = [
    ...kredit.map((x) => importKreditnota(x.gammel, x.id, x.kunde, x.tekst)),
    ...nye.map((x) => importFaktura(d.periode, x.m, x.id, x.kunde)),
  ];
  if (poster.length) {
    const { mvaKode, produktnr } = d.oppsett;
    for (const s of formater.systemer) {
      const sti = path.join(mappe, `${s}-import.csv`);
      ut.importfiler[s] = sti;
      ut.filer.push({
        sti,
        innhold:
          s === 'tripletex' ? tripletexCsv(poster, mvaKode, produktnr) : powerofficeCsv(poster, mvaKode, produktnr),
      });
    }
  }
  return ut;
}

function kreditnotatekst(gammel: { fakturanr?: string; periode: string }): string {
  const hva = gammel.fakturanr ? `faktura ${gammel.fakturanr}` : 'fakturaen';
  return `Kreditnota for ${hva} for rådgivning ${gammel.periode}: innovasjonsstøtten (GBER art. 28) og egenandelen tilbakeføres; en ny faktura erstatter den.`;
}

type Kunde = Kjoperdata & { kundenummer?: string };
const ADRESSEFELT = ['adresse', 'postnr', 'poststed'];
const HVOR = 'se «Selger og kjøper» i «nh docs faktura»';

/** Det EHF krever av selgeren (nh.json): nummerserie og selgerfeltene. */
function selgerfeil(d: Data): Diagnostikk[] {
  const ut: Diagnostikk[] = [];
  if (d.oppsett.nummerserie === 'regnskapssystem') {
    const melding =
      'EHF krever at nh tildeler fakturanummer: sett «faktura.nummerserie»: { "forste": <første nummer> } i nh.json ' +
      '(nå tildeler regnskapssystemet numrene).';
    ut.push(feil('ehf-uten-nummerserie', melding, { fil: 'nh.json', kolonne: 'faktura.nummerserie' }));
  }
  for (const felt of selgerMangler(d.selger)) {
    const hva = felt.replace(/^faktura\.selger\./, '');
    const kilde = { fil: 'nh.json', kolonne: felt.split(' ')[0]! };
    ut.push(feil('ehf-mangler-selger', `EHF krever selgerens ${hva} i nh.json.`, kilde, { forventet: HVOR }));
  }
  return ut;
}

/**
 * Én kjøpers mangler for EHF. Mangler adressen og smb-sjekk har Brønnøysund-svaret, tilbys adressen derfra:
 * på en TTY som et ja/nei-spørsmål (ja: brukt i denne kjøringen, med en advarsel), ellers i feilmeldingen.
 */
async function kjoperfeil(k: Kontekst, d: Data, mb: Malbedrift, ut: Map<string, Kunde>): Promise<Diagnostikk[]> {
  let kunde = ut.get(mb.orgnr)!;
  let mangler = kjoperMangler(kunde);
  if (mangler.some((f) => ADRESSEFELT.includes(f))) {
    const b = await lesBrregAdresse(d.am, mb.orgnr);
    const forslag = b ? `${b.adresse}, ${b.postnr} ${b.poststed}` : null;
    const sporsmal =
      `${mb.navn} (${mb.orgnr}) mangler fakturaadresse i malbedrifter. Bruke ${b?.hvilken} fra ` +
      `Brønnøysundregistrene (hentet av smb-sjekk ${b?.hentet.slice(0, 10)}): «${forslag}»?`;
    if (b && k.interaktiv && (await k.spor.bekreft(sporsmal, false))) {
      kunde = {
        ...kunde,
        adresse: kunde.adresse ?? b.adresse,
        postnr: kunde.postnr ?? b.postnr,
        poststed: kunde.poststed ?? b.poststed,
      };
      ut.set(mb.orgnr, kunde);
      const melding =
        `${mb.navn}: brukte ${b.hvilken} fra Brønnøysundregistrene («${forslag}») i denne kjøringen. ` +
        'Legg den inn i malbedrifter (adresse, postnr, poststed) så den står der neste gang.';
      k.advarsler.push(advarsel('adresse-fra-brreg', melding, mb.kilde));
      mangler = kjoperMangler(kunde);
    } else if (b) {
      const hint = ` (Brønnøysundregistrene har ${b.hvilken} «${forslag}» fra smb-sjekk; kjør i en terminal for å bruke den, eller legg den inn)`;
      mangler = mangler.map((f) => (ADRESSEFELT.includes(f) ? f + hint : f));
    }
  }
  return mangler.map((felt) =>
    feil(
      'ehf-mangler-kjoper',
      `EHF til ${mb.navn} krever kolonnen ${felt} i malbedrifter.`,
      { ...mb.kilde, kolonne: felt.split(' ')[0]! },
      {
        forventet: 'kjøperens fakturaadresse og referanse («Selger og kjøper» i «nh docs faktura»)',
      },
    ),
  );
}

/** Kjøperdata per orgnr fra malbedrifter; når EHF skal skrives, alle mangler (selger og kjøpere) samlet. */
async function kjopere(k: Kontekst, d: Data): Promise<Map<string, Kunde>> {
  const ut = new Map(d.malbedrifter.map((m) => [m.orgnr, { ...m } as Kunde]));
  if (!d.formater.ehf) return ut;
  const feilListe = selgerfeil(d);
  const orgnre = new Set([...d.plan.kreditnotaer.map((x) => x.gammel.orgnr), ...d.plan.nye.map((x) => x.m.orgnr)]);
  for (const orgnr of orgnre) {
    const mb = d.malbedrifter.find((m) => m.orgnr === orgnr);
    if (mb) feilListe.push(...(await kjoperfeil(k, d, mb, ut)));
    else {
      const melding = `EHF: målbedriften ${orgnr} i støtteregisteret står ikke i malbedrifter; kjøperens adresse mangler.`;
      feilListe.push(feil('ehf-ukjent-kjoper', melding, { fil: 'malbedrifter' }));
    }
  }
  if (feilListe.length) throw new InndataFeil(feilListe);
  return ut;
}
