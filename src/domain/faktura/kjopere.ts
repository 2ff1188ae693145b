/**
 * Kjøperne (målbedriftene) og selgeren på fakturaene: hva EHF krever av dem, og adressene nh kan tilby fra
 * Brønnøysundregistrene (svaret `nh smb-sjekk` har lagret) når malbedrifter mangler adresse. Ren modul:
 * planen sier hvilke tilbud som må besvares; appen spør (aldri under låsen); `avgjorKjopere` bruker svarene.
 */
import { advarsel, feil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { formatDato, type Dato } from '../felles/dato.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import { kjoperMangler, selgerMangler, type Kjoperdata, type SelgerFull } from './ehf.js';
import type { Formater } from './oppsett.js';

export type Kunde = Kjoperdata & { kundenummer?: string };

/** En adresse fra Brønnøysundregistrene (io/brreg/brreg-adresse.ts leser den). */
export type Adressekilde = {
  adresse: string;
  postnr: string;
  poststed: string;
  hvilken: 'postadresse' | 'forretningsadresse';
  hentet: string;
};

/** Et ja/nei-spørsmål til brukeren: bruke adressen fra Brønnøysundregistrene i denne kjøringen? */
type Adressetilbud = { orgnr: string; navn: string; kilde: Kilde; adresse: Adressekilde; sporsmal: string };

/** Én kjøper EHF skal til: malbedriften (eller undefined: står i registeret, men ikke i malbedrifter). */
type Kjopersjekk = { orgnr: string; mb?: Malbedrift; tilbud?: Adressetilbud };

export type Kjoperbehov = {
  /** Kjøperdata per orgnr slik malbedrifter har dem. */
  kunder: ReadonlyMap<string, Kunde>;
  selgerfeil: Diagnostikk[];
  sjekk: Kjopersjekk[];
  /** Spørsmålene som kan fylle en manglende adresse (tomt uten EHF). */
  tilbud: Adressetilbud[];
};

const ADRESSEFELT = ['adresse', 'postnr', 'poststed'];
const HVOR = 'se «Selger og kjøper» i «nh docs faktura»';
const forslagTekst = (b: Adressekilde) => `${b.adresse}, ${b.postnr} ${b.poststed}`;

/** Det EHF krever av selgeren (nh.json): nummerserie, selgerfeltene og mva på egenandelen. */
function selgerfeil(nummerserie: unknown, selger: SelgerFull, mvaSats: number): Diagnostikk[] {
  const ut: Diagnostikk[] = [];
  if (mvaSats === 0) {
    // Issue 23 pkt. 9: EHF med mva-kategori S og 0 % bryter Peppol BR-S-05/06. 10.4 / vedlegg 3 pkt. 4.1: egenandelen
    // er en ordinær fordring som faktureres med merverdiavgift, så 0 % er nesten alltid en feil i nh.json.
    const melding =
      'EHF med mvaSats 0 kan ikke skrives: egenandelen faktureres med merverdiavgift (10.4, vedlegg 3 pkt. 4.1), og en EHF med standardsats 0 % avvises av Peppol-reglene (BR-S-05/06). Sett mvaSats til 25 i nh.json, eller skriv fakturaene uten EHF (--format tripletex,poweroffice).';
    ut.push(
      feil('ehf-mva-null', melding, { fil: 'nh.json', kolonne: 'mvaSats' }, { verdi: '0', forventet: 'mvaSats 25' }),
    );
  }
  if (nummerserie === 'regnskapssystem') {
    const melding =
      'EHF krever at nh tildeler fakturanummer: sett «faktura.nummerserie»: { "forste": <første nummer> } i nh.json (nå tildeler regnskapssystemet numrene).';
    ut.push(feil('ehf-uten-nummerserie', melding, { fil: 'nh.json', kolonne: 'faktura.nummerserie' }));
  }
  for (const felt of selgerMangler(selger)) {
    const hva = felt.replace(/^faktura\.selger\./, '');
    const kilde = { fil: 'nh.json', kolonne: felt.split(' ')[0]! };
    ut.push(feil('ehf-mangler-selger', `EHF krever selgerens ${hva} i nh.json.`, kilde, { forventet: HVOR }));
  }
  return ut;
}

/**
 * Hva kjøringen trenger av kjøperne: kjøperdata fra malbedrifter, og når EHF skal skrives, selgerens mangler
 * og et adressetilbud per kjøper som mangler adresse når Brønnøysundregistrene har en.
 */
export function kjoperbehov(d: {
  malbedrifter: readonly Malbedrift[];
  orgnre: readonly string[];
  formater: Formater;
  nummerserie: unknown;
  selger: SelgerFull;
  mvaSats: number;
  brreg: ReadonlyMap<string, Adressekilde>;
}): Kjoperbehov {
  const kunder = new Map(d.malbedrifter.map((m) => [m.orgnr, { ...m } as Kunde]));
  // PDF-fakturaen trenger de samme opplysningene om selger og kjøper som EHF (issue 21 pkt. 3).
  if (!d.formater.ehf && !d.formater.pdf) return { kunder, selgerfeil: [], sjekk: [], tilbud: [] };
  const sjekk = [...new Set(d.orgnre)].map((orgnr): Kjopersjekk => {
    const mb = d.malbedrifter.find((m) => m.orgnr === orgnr);
    const b = d.brreg.get(orgnr);
    if (!mb || !b || !kjoperMangler(kunder.get(orgnr)!).some((f) => ADRESSEFELT.includes(f))) return { orgnr, mb };
    // Datoen som brukeren skriver den (issue 19 pkt. 12); `hentet` er et ISO-tidsstempel fra smb-sjekk.
    const hentet = formatDato(b.hentet.slice(0, 10) as Dato);
    const sporsmal = `${mb.navn} (${mb.orgnr}) mangler fakturaadresse i malbedrifter. Bruke ${b.hvilken} fra Brønnøysundregistrene (hentet av smb-sjekk ${hentet}): «${forslagTekst(b)}»?`;
    return { orgnr, mb, tilbud: { orgnr, navn: mb.navn, kilde: mb.kilde, adresse: b, sporsmal } };
  });
  const tilbud = sjekk.flatMap((s) => (s.tilbud ? [s.tilbud] : []));
  return { kunder, selgerfeil: selgerfeil(d.nummerserie, d.selger, d.mvaSats), sjekk, tilbud };
}

function manglerFeil(mb: Malbedrift, mangler: string[]): Diagnostikk[] {
  return mangler.map((felt) =>
    feil(
      'ehf-mangler-kjoper',
      `EHF til ${mb.navn} krever kolonnen ${felt} i malbedrifter.`,
      { ...mb.kilde, kolonne: felt.split(' ')[0]! },
      { forventet: 'kjøperens fakturaadresse og referanse («Selger og kjøper» i «nh docs faktura»)' },
    ),
  );
}

/**
 * Kjøperne etter svarene (`ja`: orgnr der brukeren sa ja til adressen fra Brønnøysundregistrene). Gir
 * kjøperdata, alle mangler som feil (selger først, så kjøperne i planens rekkefølge; et tilbud uten ja står
 * som hint i feilen) og en advarsel per adresse som ble brukt.
 */
export function avgjorKjopere(
  b: Kjoperbehov,
  ja: ReadonlySet<string>,
): { kunder: Map<string, Kunde>; feil: Diagnostikk[]; advarsler: Diagnostikk[] } {
  const kunder = new Map(b.kunder);
  const feilListe = [...b.selgerfeil];
  const advarsler: Diagnostikk[] = [];
  for (const { orgnr, mb, tilbud } of b.sjekk) {
    if (!mb) {
      const melding = `EHF: målbedriften ${orgnr} i støtteregisteret står ikke i malbedrifter; kjøperens adresse mangler.`;
      feilListe.push(feil('ehf-ukjent-kjoper', melding, { fil: 'malbedrifter' }));
      continue;
    }
    let kunde = kunder.get(orgnr)!;
    let mangler = kjoperMangler(kunde);
    if (tilbud && ja.has(orgnr)) {
      const a = tilbud.adresse;
      kunde = {
        ...kunde,
        adresse: kunde.adresse ?? a.adresse,
        postnr: kunde.postnr ?? a.postnr,
        poststed: kunde.poststed ?? a.poststed,
      };
      kunder.set(orgnr, kunde);
      const melding = `${mb.navn}: brukte ${a.hvilken} fra Brønnøysundregistrene («${forslagTekst(a)}») i denne kjøringen. Legg den inn i malbedrifter (adresse, postnr, poststed) så den står der neste gang.`;
      advarsler.push(advarsel('adresse-fra-brreg', melding, mb.kilde));
      mangler = kjoperMangler(kunde);
    } else if (tilbud) {
      const a = tilbud.adresse;
      const hint = ` (Brønnøysundregistrene har ${a.hvilken} «${forslagTekst(a)}» fra smb-sjekk; kjør i en terminal for å bruke den, eller legg den inn)`;
      mangler = mangler.map((f) => (ADRESSEFELT.includes(f) ? f + hint : f));
    }
    feilListe.push(...manglerFeil(mb, mangler));
  }
  return { kunder, feil: feilListe, advarsler };
}
