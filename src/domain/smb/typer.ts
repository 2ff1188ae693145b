/**
 * Typene i SMB-sjekken og små rene hjelpere (omregning NOK↔EUR, formatering for grunnlagstekstene).
 * Tall: kroner i heltall øre, årsverk i hundredeler, andeler i ppm, EUR/NOK-kurs ×10 000, euro i cent.
 */
import { formatDato, type Dato } from '../felles/dato.js';
import { mulDivRund, type Ore, type Ppm } from '../felles/penger.js';

type Status = 'ok' | 'ikke ok' | 'må vurderes';
export type Dom = 'KAN TAS OPP' | 'KAN IKKE TAS OPP' | 'MÅ VURDERES';

export type Kriterium = {
  id: string;
  tittel: string;
  status: Status;
  /** Tallene og fakta vurderingen bygger på, på norsk. */
  grunnlag: string;
  /** Seksjonen i programveilederen (og GBER der det er relevant). */
  kilde: string;
  /** Når status er «må vurderes»: hva som mangler for en endelig vurdering (flagget, spørsmålet eller en vurdering). */
  mangler?: string;
};

export type Relasjon = {
  orgnr: string;
  /** Eierandel (kapital eller stemmer, den høyeste) i ppm. */
  andel: Ppm;
  /** Årsverk i hundredeler. */
  arsverk: number;
  omsetning: Ore;
  balanse: Ore;
  navn?: string;
};

/** En offentlig eier (stat, fylkeskommune, kommune eller foretak de kontrollerer) med andel og hvorfor. */
export type OffentligEier = {
  orgnr: string;
  andel: Ppm;
  /** Hvorfor eieren regnes som offentlig (form/sektor fra registeret, flagg eller kolonne). */
  grunn: string;
  /** Administratoren har oppgitt at et investorunntak i GBER vedlegg I art. 3 nr. 2 gjelder. */
  unntatt: boolean;
};

export type Kurs = {
  /** NOK per EUR ×10 000. */
  kurs: number;
  dato: Dato;
  kilde: string;
};

/** En verdi med hvor den kom fra (vises i grunnlaget). */
export type Kildeverdi<T> = { verdi: T; fra: string } | null;

/** Et statusfelt fra Enhetsregisteret som betyr kollektiv insolvens eller avvikling (GBER art. 2 nr. 18 c). */
export type Statusfelt = { felt: string; tekst: string; dato: Dato | null };

type Konsernfakta = {
  /** Konsernets sum egenkapital (konsernregnskapet). */
  egenkapital: Kildeverdi<Ore>;
  /** Konsernets tegnede kapital inkl. overkurs (morselskapets). */
  kapital: Kildeverdi<Ore>;
  /** Når konsernet ble etablert (treårsunntaket regnes fra den tidligste av bedriften og konsernet). */
  registrert: Kildeverdi<Dato>;
  /** Konsernets evne til å dekke løpende forpliktelser (ved negativ egenkapital i konsernet); null = ukjent. */
  betalingsevne: boolean | null;
  /**
   * Morselskapet (--morselskap) og statusene Enhetsregisteret har for det; `statuser` null = ikke slått opp.
   * `erBedriften`: bedriften er selv morselskapet (eget konsernregnskap eller `virksomhet.morselskap`).
   */
  morselskap: { orgnr: string; navn: string | null; statuser: Statusfelt[] | null; erBedriften: boolean } | null;
};

export type SmbFakta = {
  orgnr: string;
  navn: string | null;
  orgform: Kildeverdi<string>;
  /** NACE-koder (naeringskode1..3), f.eks. «62.010». */
  nace: Kildeverdi<string[]>;
  sektor: (Kildeverdi<string> & { beskrivelse?: string }) | null;
  /** Orgnr som ble oppgitt var en underenhet av denne enheten (hovedenheten sjekkes). */
  underenhet: { orgnr: string; navn: string } | null;
  /** Årsverk i hundredeler. `erAntallAnsatte`: antall ansatte fra registeret; `intervall`: f.eks. «0–4». */
  arsverk: (Kildeverdi<number> & { erAntallAnsatte?: boolean; intervall?: string }) | null;
  omsetning: Kildeverdi<Ore>;
  balanse: Kildeverdi<Ore>;
  innskuttEk: Kildeverdi<Ore>;
  opptjentEk: Kildeverdi<Ore>;
  sumEk: Kildeverdi<Ore>;
  /** Aksjekapital (Enhetsregisteret `kapital`) og overkurs (flagg): tegnet kapital inkl. overkurs. */
  aksjekapital: Kildeverdi<Ore>;
  overkurs: Kildeverdi<Ore>;
  /** Regnskapsperioden tallene gjelder, om de er fra Regnskapsregisteret. */
  regnskapsperiode: { fra: Dato; til: Dato } | null;
  /** Hvorfor regnskapstallene mangler eller ikke er brukt (HTTP 500, annen valuta, 404 …). */
  regnskapMerknad: string | null;
  /** Datoen treårsunntaket regnes fra (den tidligste av stiftelses- og registreringsdatoene). */
  registrert: Kildeverdi<Dato>;
  /** Registrerte insolvens-/avviklingsstatuser; null = ikke kontrollert mot registeret. */
  statuser: Statusfelt[] | null;
  /** --konkurs-avvikling ja|nei: administratorens opplysning når registeret ikke er kontrollert (offline). */
  konkursOppgitt: boolean | null;
  /** Enhetsregisterets `sisteInnsendteAarsregnskap` (året), når det er kjent. */
  sisteInnsendteAarsregnskap: string | null;
  erIKonsern: boolean | null;
  konsern: Konsernfakta;
  /** Har administratoren oppgitt eierskap (partnere/tilknyttede, eller at det ikke finnes)? */
  eierskapOppgitt: boolean;
  /** Administratoren har svart at bedriften eier eller eies med 25 % eller mer (ikke selvstendig). */
  ikkeSelvstendig?: boolean;
  partnere: Relasjon[];
  tilknyttede: Relasjon[];
  offentligeEiere: OffentligEier[];
  innovasjonsselskap: { verdi: boolean; fra: string };
  /** Evne til å dekke løpende forpliktelser (bare relevant ved negativ egenkapital); null = ukjent. */
  betalingsevne: boolean | null;
  /** Redningsstøtte ikke tilbakebetalt / omstruktureringsstøtte under plan; null = ikke oppgitt. */
  redningsstotte: boolean | null;
};

export type Stottestatus = {
  /** Innovasjonsstøtte i (i dag − 3 år, i dag] i eurocent, fra støtteregisteret. */
  tidligereEur: number;
  linjer: number;
};

export type SmbGrunnlag = {
  fakta: SmbFakta;
  idag: Dato;
  kurs: Kurs;
  stotte: Stottestatus;
  /** --vurdert: administratorens begrunnede vurdering av kriterier som ellers må vurderes. */
  vurderinger?: readonly { id: string; ok: boolean; begrunnelse: string }[];
};

export type Aggregert = {
  arsverk: number | null;
  omsetning: Ore | null;
  balanse: Ore | null;
  /** Bidraget fra partnere og tilknyttede (vises alltid). */
  fraPartnere: { arsverk: number; omsetning: Ore; balanse: Ore };
  fraTilknyttede: { arsverk: number; omsetning: Ore; balanse: Ore };
};

export type SmbResultat = {
  dom: Dom;
  kriterier: Kriterium[];
  aggregert: Aggregert;
  omsetningEur: number | null;
  balanseEur: number | null;
  gjenstaarEur: number;
  gjenstaarNok: Ore;
  /** Treårsunntaket i kapitaltapstesten (fra, til, om det gjelder): faktura trenger det for å se når en ny sjekk trengs. */
  treaarsunntak: {
    fra: Dato | null;
    til: Dato | null;
    gjelder: boolean;
    iKonsern: boolean;
    manglerKonsernDato: boolean;
  };
  /** Det som mangler for en endelig vurdering (tom når dommen er endelig). */
  mangler: { id: string; tekst: string }[];
  /** --vurdert for kriterier som ikke måtte vurderes (ikke brukt). */
  ubrukteVurderinger: { id: string; ok: boolean; begrunnelse: string }[];
};

/** NOK (øre) → euro (cent) med kurs ×10 000, avrundet halv opp. Kun for visning; grensene sjekkes eksakt. */
export function nokTilEur(ore: Ore, kurs: number): number {
  return mulDivRund(ore, 10_000, kurs);
}

/** Euro (cent) → NOK (øre), avrundet halv opp. */
export function eurTilNok(cent: number, kurs: number): Ore {
  return mulDivRund(cent, kurs, 10_000);
}

/** Er NOK-beløpet over grensen i euro? Eksakt (ingen avrunding): øre × 10 000 > cent × kurs. */
export function overEurGrense(ore: Ore, grenseCent: number, kurs: number): boolean {
  return BigInt(ore) * 10_000n > BigInt(grenseCent) * BigInt(kurs);
}

/** «1 234,5» årsverk fra hundredeler. */
export function formatArsverk(h: number): string {
  const hel = Math.trunc(h / 100);
  const rest = Math.abs(h % 100);
  return `${hel}${rest ? `,${String(rest).padStart(2, '0').replace(/0$/, '')}` : ''}`;
}

const tusen = (n: number) =>
  Math.abs(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** Hele kroner med mellomrom som tusenskille: «1 234 567 kr» (samme format i grunnlag, tekst og post). */
export function nok(ore: Ore): string {
  const kr = Math.round(ore / 100);
  return `${kr < 0 ? '−' : ''}${tusen(kr)} kr`;
}

export function eur(cent: number): string {
  const e = Math.round(cent / 100);
  return `${e < 0 ? '−' : ''}${tusen(e)} EUR`;
}

/** Dato som dd.mm.åååå i all tekst. */
export const dato = (d: Dato | string): string => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDato(d as Dato) : d);

export function kursTekst(k: Kurs): string {
  return `kurs ${(k.kurs / 10_000).toFixed(4).replace('.', ',')} NOK/EUR per ${dato(k.dato)} (${k.kilde})`;
}

export const fra = (v: { fra: string } | null) => (v ? ` [${v.fra}]` : '');

export const prosent = (p: Ppm) => `${String(p / 10_000).replace('.', ',')} %`;
