/**
 * SMB-sjekk før en målbedriftsavtale: kan bedriften tas opp som målbedrift?
 *
 * Ren kjerne (ingen I/O): fakta om bedriften (fra Enhetsregisteret, Regnskapsregisteret, flagg eller
 * spørsmål) → ett kriterium per regel med status, grunnlag (tallene) og kilde (seksjonen), og en samlet dom.
 *
 * Regelkilder:
 * - Programveileder «Begrep/definisjoner» (SMB) og vedlegg 3 pkt. 2: færre enn 250 årsverk, og omsetning
 *   ≤ 50 MEUR og/eller balanse ≤ 43 MEUR (over begge = stor). Partnere (25–50 %) forholdsmessig,
 *   tilknyttede (> 50 %) fullt (GBER vedlegg I art. 3 og 6).
 * - Programveileder 4.3 (målgruppe 2): utelukkede former og «svært sjeldne tilfeller».
 * - Vedlegg 3 pkt. 2: ikke «i vanskeligheter» (kapitaltap med treårsunntak for SMB; insolvens), og
 *   treårstaket på 200 000 euro.
 *
 * Tall: kroner i heltall øre, årsverk i hundredeler, andeler i ppm, EUR/NOK-kurs ×10 000, euro i cent.
 * Valgene som teksten lar åpne, er dokumentert i docs/smb-sjekk.md.
 */
import { leggTilAar, type Dato } from './dato.js';
import { mulDivRund, PPM, type Ore, type Ppm } from './penger.js';
import { STOTTETAK_EUR_CENT, vinduStart } from './stottetak.js';

export type Status = 'ok' | 'ikke ok' | 'må vurderes';
export type Dom = 'KAN TAS OPP' | 'KAN IKKE TAS OPP' | 'MÅ VURDERES';

export type Kriterium = {
  id: string;
  tittel: string;
  status: Status;
  /** Tallene og fakta vurderingen bygger på, på norsk. */
  grunnlag: string;
  /** Seksjonen i programveilederen (og GBER der det er relevant). */
  kilde: string;
};

export const KILDE = {
  orgnr: 'Brønnøysundregistrene: organisasjonsnummer med ni sifre og MOD11-kontrollsiffer',
  asa: 'Programveileder 4.3 (målgruppe 2): allmennaksjeselskap (ASA)',
  offentlig: 'Programveileder 4.3 (målgruppe 2): offentlig eide foretak (herunder KF og SF); GBER vedlegg I art. 3 nr. 4',
  bank: 'Programveileder 4.3 (målgruppe 2): banker og forsikringsselskap',
  innovasjon: 'Programveileder 4.3 (målgruppe 2): andre innovasjonsselskap (kunnskaps-/forskningspark, inkubator, næringshage)',
  sjelden: 'Programveileder 4.3 (målgruppe 2): svært sjeldne tilfeller (kravet til næringsvirksomhet; NACE 94)',
  arsverk: 'Programveileder Begrep/definisjoner «SMB» og vedlegg 3 pkt. 2; GBER vedlegg I art. 2 og 5',
  okonomi: 'Programveileder Begrep/definisjoner «SMB» og vedlegg 3 pkt. 2; GBER vedlegg I art. 2 og 4',
  eierskap: 'Vedlegg 3 pkt. 2 (partnere/tilknyttede); GBER vedlegg I art. 3 og 6',
  kapitaltap: 'Vedlegg 3 pkt. 2, «i vanskeligheter» 1) (tapt mer enn halvparten av tegnet kapital; treårsunntak for SMB)',
  insolvens: 'Vedlegg 3 pkt. 2, «i vanskeligheter» 2) (insolvens: negativ egenkapital og ikke midler til løpende forpliktelser)',
  konkurs: 'Vedlegg 3 pkt. 2, «i vanskeligheter» 2); GBER art. 2 nr. 18 c (konkurs, avvikling, tvangsoppløsning)',
  treaarstak: 'Vedlegg 3 pkt. 2 (maks 200 000 euro innovasjonsstøtte per målbedrift over en rullerende treårsperiode)',
} as const;

// ————— Valgte lister (begrunnet i docs/smb-sjekk.md) —————

/** Programveileder 4.3: offentlig eide foretak og forvaltning (organisasjonsform-koder i Enhetsregisteret). */
export const OFFENTLIGE_FORMER: Readonly<Record<string, string>> = {
  KF: 'kommunalt foretak',
  FKF: 'fylkeskommunalt foretak',
  SF: 'statsforetak',
  IKS: 'interkommunalt selskap',
  STAT: 'staten',
  FYLK: 'fylkeskommune',
  KOMM: 'kommune',
  ORGL: 'organisasjonsledd (offentlig)',
  ADOS: 'administrativ enhet – offentlig sektor',
};
/** Former som oftest er offentlige, men ikke alltid: må vurderes. */
export const KANSKJE_OFFENTLIGE_FORMER: Readonly<Record<string, string>> = {
  SÆR: 'annet foretak iflg. særskilt lov (helseforetak, studentsamskipnader o.l.)',
};
/** Institusjonell sektorkode (SSB) som betyr offentlig forvaltning eller offentlig foretak. */
export const OFFENTLIGE_SEKTORER: Readonly<Record<string, string>> = {
  '6100': 'Statsforvaltningen',
  '6500': 'Kommuneforvaltningen',
  '1510': 'Kommunale foretak med ubegrenset ansvar',
};
/** Sektorkoder som tyder på offentlig eierskap gjennom et AS: må vurderes (≥ 25 % offentlig kontroll = ikke SMB). */
export const KANSKJE_OFFENTLIGE_SEKTORER: Readonly<Record<string, string>> = {
  '1520': 'Kommunalt eide aksjeselskaper mv.',
};
/** Programveileder 4.3: banker og forsikring etter organisasjonsform. */
export const BANK_FORSIKRING_FORMER: Readonly<Record<string, string>> = {
  SPA: 'sparebank',
  GFS: 'gjensidig forsikringsselskap',
  PK: 'pensjonskasse',
};
/** NACE (SN2007) for banker og forsikring: 64.1 bankvirksomhet, 65 forsikring og pensjonskasser. */
export const BANK_FORSIKRING_NACE = ['64.1', '65.'] as const;
/** NACE 64.9 (kredittforetak, finansieringsforetak, factoring m.m.): kan være kredittinstitusjon → må vurderes. */
export const KANSKJE_BANK_NACE = ['64.9'] as const;
/** Programveileder 4.3: svært sjeldne tilfeller etter organisasjonsform. */
export const SJELDNE_FORMER: Readonly<Record<string, string>> = {
  STI: 'stiftelse',
  FLI: 'forening/lag/innretning',
  KIRK: 'Den norske kirke',
};
/** Ord i navnet som tyder på et annet innovasjonsselskap (kun en advarsel: ingen register sier det). */
const INNOVASJONSORD = ['NÆRINGSHAGE', 'INKUBATOR', 'KUNNSKAPSPARK', 'FORSKNINGSPARK', 'SCIENCE PARK', 'SCIENCEPARK', 'INNOVASJONSPARK'];

// ————— Grenser —————

/** Færre enn 250 årsverk (i hundredeler). */
export const ARSVERK_GRENSE = 250_00;
/** 50 millioner euro i cent. */
export const OMSETNING_GRENSE_EUR_CENT = 5_000_000_000;
/** 43 millioner euro i cent. */
export const BALANSE_GRENSE_EUR_CENT = 4_300_000_000;

// ————— Inndata —————

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

export type Kurs = {
  /** NOK per EUR ×10 000. */
  kurs: number;
  dato: Dato;
  kilde: string;
};

/** En verdi med hvor den kom fra (vises i grunnlaget). */
export type Kildeverdi<T> = { verdi: T; fra: string } | null;

export type SmbFakta = {
  orgnr: string;
  navn: string | null;
  orgform: Kildeverdi<string>;
  /** NACE-koder (naeringskode1..3), f.eks. «62.010». */
  nace: Kildeverdi<string[]>;
  sektor: Kildeverdi<string>;
  /** Årsverk i hundredeler. `erAntallAnsatte`: tallet er antall ansatte fra registeret, ikke årsverk. */
  arsverk: (Kildeverdi<number> & { erAntallAnsatte?: boolean }) | null;
  omsetning: Kildeverdi<Ore>;
  balanse: Kildeverdi<Ore>;
  innskuttEk: Kildeverdi<Ore>;
  opptjentEk: Kildeverdi<Ore>;
  sumEk: Kildeverdi<Ore>;
  /** Regnskapsperioden tallene gjelder, om de er fra Regnskapsregisteret. */
  regnskapsperiode: { fra: Dato; til: Dato } | null;
  /** Datoen treårsunntaket regnes fra (den tidligste av stiftelses- og registreringsdatoene). */
  registrert: Kildeverdi<Dato>;
  /** Konkurs, avvikling, tvangsavvikling/-oppløsning; null = ikke kontrollert mot registeret. */
  konkurs: boolean | null;
  underAvvikling: boolean | null;
  tvangsavvikling: boolean | null;
  erIKonsern: boolean | null;
  /** Har administratoren oppgitt eierskap (partnere/tilknyttede, eller at det ikke finnes)? */
  eierskapOppgitt: boolean;
  partnere: Relasjon[];
  tilknyttede: Relasjon[];
  innovasjonsselskap: { verdi: boolean; fra: string };
  /** Evne til å dekke løpende forpliktelser (bare relevant ved negativ egenkapital); null = ukjent. */
  betalingsevne: boolean | null;
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
};

// ————— Små rene hjelpere —————

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

/** GBER vedlegg I art. 3: partner er 25–50 % (inkl. begge), tilknyttet over 50 %. */
export function relasjonstype(andel: Ppm): 'selvstendig' | 'partner' | 'tilknyttet' {
  if (andel < 250_000) return 'selvstendig';
  if (andel <= 500_000) return 'partner';
  return 'tilknyttet';
}

/**
 * GBER vedlegg I art. 6: egne tall + partnere forholdsmessig (andel, avrundet til hundredels årsverk og
 * øre, halv opp) + tilknyttede fullt. Ukjente egne tall gir ukjent sum, men bidragene vises likevel.
 */
export function aggreger(egen: { arsverk: number | null; omsetning: Ore | null; balanse: Ore | null }, partnere: readonly Relasjon[], tilknyttede: readonly Relasjon[]): Aggregert {
  const fraPartnere = { arsverk: 0, omsetning: 0, balanse: 0 };
  for (const p of partnere) {
    fraPartnere.arsverk += mulDivRund(p.arsverk, p.andel, PPM);
    fraPartnere.omsetning += mulDivRund(p.omsetning, p.andel, PPM);
    fraPartnere.balanse += mulDivRund(p.balanse, p.andel, PPM);
  }
  const fraTilknyttede = { arsverk: 0, omsetning: 0, balanse: 0 };
  for (const t of tilknyttede) {
    fraTilknyttede.arsverk += t.arsverk;
    fraTilknyttede.omsetning += t.omsetning;
    fraTilknyttede.balanse += t.balanse;
  }
  const plus = (v: number | null, k: 'arsverk' | 'omsetning' | 'balanse') => (v === null ? null : v + fraPartnere[k] + fraTilknyttede[k]);
  return { arsverk: plus(egen.arsverk, 'arsverk'), omsetning: plus(egen.omsetning, 'omsetning'), balanse: plus(egen.balanse, 'balanse'), fraPartnere, fraTilknyttede };
}

export function samletDom(kriterier: readonly Pick<Kriterium, 'status'>[]): Dom {
  if (kriterier.some((k) => k.status === 'ikke ok')) return 'KAN IKKE TAS OPP';
  if (kriterier.some((k) => k.status === 'må vurderes')) return 'MÅ VURDERES';
  return 'KAN TAS OPP';
}

/** Exit-kode: 0 kan tas opp (og må vurderes uten --streng), 1 kan ikke (og må vurderes med --streng). */
export function exitKodeFor(dom: Dom, streng: boolean): 0 | 1 {
  if (dom === 'KAN IKKE TAS OPP') return 1;
  if (dom === 'MÅ VURDERES' && streng) return 1;
  return 0;
}

export function naceStarter(nace: readonly string[], prefiks: readonly string[]): string | null {
  for (const n of nace) for (const p of prefiks) if (n.startsWith(p)) return n;
  return null;
}

/** «1 234,5» årsverk fra hundredeler. */
export function formatArsverk(h: number): string {
  const hel = Math.trunc(h / 100);
  const rest = Math.abs(h % 100);
  return `${hel}${rest ? ',' + String(rest).padStart(2, '0').replace(/0$/, '') : ''}`;
}

function nok(ore: Ore): string {
  const kr = Math.round(ore / 100);
  return `${kr < 0 ? '−' : ''}${Math.abs(kr).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;
}

function eur(cent: number): string {
  const e = Math.round(cent / 100);
  return `${e < 0 ? '−' : ''}${Math.abs(e).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} EUR`;
}

function kursTekst(k: Kurs): string {
  return `kurs ${(k.kurs / 10_000).toFixed(4).replace('.', ',')} NOK/EUR per ${k.dato} (${k.kilde})`;
}

const fra = (v: { fra: string } | null) => (v ? ` [${v.fra}]` : '');

// ————— Kriteriene —————

/** Programveileder 4.3: ASA kan ikke tas opp. */
export function kriteriumAsa(f: SmbFakta): Kriterium {
  const base = { id: 'asa', tittel: 'Ikke allmennaksjeselskap (ASA)', kilde: KILDE.asa };
  if (!f.orgform) return { ...base, status: 'må vurderes', grunnlag: 'Organisasjonsformen er ukjent (ikke fra registeret og ikke oppgitt med --orgform).' };
  if (f.orgform.verdi === 'ASA') return { ...base, status: 'ikke ok', grunnlag: `Organisasjonsform ASA${fra(f.orgform)}: allmennaksjeselskap kan ikke være målbedrift.` };
  return { ...base, status: 'ok', grunnlag: `Organisasjonsform ${f.orgform.verdi}${fra(f.orgform)}.` };
}

/** Programveileder 4.3: offentlig eide foretak (KF, SF m.fl.) kan ikke tas opp. */
export function kriteriumOffentlig(f: SmbFakta): Kriterium {
  const base = { id: 'offentlig-eid', tittel: 'Ikke offentlig eid foretak', kilde: KILDE.offentlig };
  const form = f.orgform?.verdi;
  const sektor = f.sektor?.verdi;
  if (form && OFFENTLIGE_FORMER[form]) {
    return { ...base, status: 'ikke ok', grunnlag: `Organisasjonsform ${form} (${OFFENTLIGE_FORMER[form]})${fra(f.orgform)} er offentlig.` };
  }
  if (sektor && OFFENTLIGE_SEKTORER[sektor]) {
    return { ...base, status: 'ikke ok', grunnlag: `Institusjonell sektorkode ${sektor} (${OFFENTLIGE_SEKTORER[sektor]})${fra(f.sektor)}.` };
  }
  if (form && KANSKJE_OFFENTLIGE_FORMER[form]) {
    return { ...base, status: 'må vurderes', grunnlag: `Organisasjonsform ${form} (${KANSKJE_OFFENTLIGE_FORMER[form]})${fra(f.orgform)} er som regel offentlig eid. Kontroller eierskapet.` };
  }
  if (sektor && KANSKJE_OFFENTLIGE_SEKTORER[sektor]) {
    return { ...base, status: 'må vurderes', grunnlag: `Institusjonell sektorkode ${sektor} (${KANSKJE_OFFENTLIGE_SEKTORER[sektor]})${fra(f.sektor)}: offentlig kontroll på 25 % eller mer gjør at bedriften ikke er en SMB.` };
  }
  if (!form) return { ...base, status: 'må vurderes', grunnlag: 'Organisasjonsformen er ukjent.' };
  return { ...base, status: 'ok', grunnlag: `Organisasjonsform ${form}${sektor ? `, sektorkode ${sektor}` : ''}: ingen offentlig form eller sektor. Offentlig eierskap gjennom et AS synes bare i eierskapet (se «eierskap»).` };
}

/** Programveileder 4.3: banker og forsikringsselskap kan ikke tas opp. */
export function kriteriumBank(f: SmbFakta): Kriterium {
  const base = { id: 'bank-forsikring', tittel: 'Ikke bank eller forsikringsselskap', kilde: KILDE.bank };
  const form = f.orgform?.verdi;
  const nace = f.nace?.verdi ?? [];
  if (form && BANK_FORSIKRING_FORMER[form]) return { ...base, status: 'ikke ok', grunnlag: `Organisasjonsform ${form} (${BANK_FORSIKRING_FORMER[form]})${fra(f.orgform)}.` };
  const bank = naceStarter(nace, BANK_FORSIKRING_NACE);
  if (bank) return { ...base, status: 'ikke ok', grunnlag: `Næringskode ${bank}${fra(f.nace)}: NACE 64.1 (bankvirksomhet) og 65 (forsikring, pensjonskasser) regnes som bank/forsikring.` };
  const kanskje = naceStarter(nace, KANSKJE_BANK_NACE);
  if (kanskje) return { ...base, status: 'må vurderes', grunnlag: `Næringskode ${kanskje}${fra(f.nace)}: NACE 64.9 omfatter kredittforetak og finansieringsforetak. Kontroller om bedriften er en kredittinstitusjon.` };
  if (!f.nace && !form) return { ...base, status: 'må vurderes', grunnlag: 'Verken organisasjonsform eller næringskode er kjent.' };
  return { ...base, status: 'ok', grunnlag: `Organisasjonsform ${form ?? 'ukjent'}, næringskode ${nace.length ? nace.join(', ') : 'ukjent'}${fra(f.nace)}: ikke bank eller forsikring.` };
}

/** Programveileder 4.3: andre innovasjonsselskap. Ingen register sier dette: flagg eller liste i nh.json. */
export function kriteriumInnovasjonsselskap(f: SmbFakta): Kriterium {
  const base = { id: 'innovasjonsselskap', tittel: 'Ikke et annet innovasjonsselskap', kilde: KILDE.innovasjon };
  if (f.innovasjonsselskap.verdi) return { ...base, status: 'ikke ok', grunnlag: `Oppgitt som innovasjonsselskap (${f.innovasjonsselskap.fra}).` };
  const navn = (f.navn ?? '').toUpperCase();
  const ord = INNOVASJONSORD.find((o) => navn.includes(o));
  if (ord) return { ...base, status: 'må vurderes', grunnlag: `Navnet «${f.navn}» inneholder «${ord}». Ingen register sier om et selskap er næringshage, inkubator eller park; kontroller og bruk --innovasjonsselskap.` };
  return { ...base, status: 'ok', grunnlag: `Ikke oppgitt som innovasjonsselskap (--innovasjonsselskap eller smb.innovasjonsselskaper i nh.json). Intet register viser dette; administratoren bekrefter det ved å kjøre sjekken.` };
}

/** Programveileder 4.3: stiftelser, lag og foreninger, NACE 94, opplæringskontor o.l. bare i svært sjeldne tilfeller. */
export function kriteriumSjelden(f: SmbFakta): Kriterium {
  const base = { id: 'sjelden', tittel: 'Ikke stiftelse, forening, NACE 94 e.l. (svært sjeldne tilfeller)', kilde: KILDE.sjelden };
  const grunner: string[] = [];
  const form = f.orgform?.verdi;
  if (form && SJELDNE_FORMER[form]) grunner.push(`organisasjonsform ${form} (${SJELDNE_FORMER[form]})`);
  const n94 = (f.nace?.verdi ?? []).filter((n) => n.startsWith('94'));
  if (n94.length) grunner.push(`næringskode ${n94.join(', ')} (NACE 94: medlemsorganisasjoner)`);
  if (/OPPLÆRINGSKONTOR|OPPLAERINGSKONTOR/i.test(f.navn ?? '')) grunner.push('navnet tyder på et opplæringskontor');
  if (grunner.length) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `Advarsel: ${grunner.join('; ')}. Slike kan bare i svært sjeldne tilfeller motta innovasjonsstøtte, fordi støtten krever økonomisk aktivitet (næringsvirksomhet). Dokumenter hvorfor bedriften likevel driver næringsvirksomhet.`,
    };
  }
  return { ...base, status: 'ok', grunnlag: `Organisasjonsform ${form ?? 'ukjent'}, næringskode ${(f.nace?.verdi ?? []).join(', ') || 'ukjent'}: ingen av formene eller kodene i listen.` };
}

/** Definisjoner «SMB»: færre enn 250 årsverk (egne + partnere forholdsmessig + tilknyttede fullt). */
export function kriteriumArsverk(f: SmbFakta, a: Aggregert): Kriterium {
  const base = { id: 'arsverk', tittel: 'Færre enn 250 årsverk', kilde: KILDE.arsverk };
  if (!f.arsverk || a.arsverk === null) {
    // Enhetsregisteret kan ha harRegistrertAntallAnsatte: true uten antallAnsatte i svaret: antallet er da ukjent, ikke 0.
    return { ...base, status: 'må vurderes', grunnlag: 'Antall ansatte/årsverk er ukjent: Enhetsregisteret oppgir ikke antallet (antallAnsatte mangler i svaret). Oppgi årsverk med --ansatte.' };
  }
  const bidrag = a.fraPartnere.arsverk + a.fraTilknyttede.arsverk;
  const tall = `${formatArsverk(f.arsverk.verdi)}${f.arsverk.erAntallAnsatte ? ' ansatte' : ' årsverk'}${fra(f.arsverk)}${bidrag ? ` + ${formatArsverk(a.fraPartnere.arsverk)} fra partnere + ${formatArsverk(a.fraTilknyttede.arsverk)} fra tilknyttede = ${formatArsverk(a.arsverk)}` : ''}`;
  if (a.arsverk < ARSVERK_GRENSE) {
    return { ...base, status: 'ok', grunnlag: `${tall} < 250.${f.arsverk.erAntallAnsatte ? ' Antall ansatte fra Enhetsregisteret brukes som tilnærming til årsverk (deltid gir færre årsverk enn ansatte).' : ''}` };
  }
  if (f.arsverk.erAntallAnsatte) {
    return { ...base, status: 'må vurderes', grunnlag: `${tall} ≥ 250. Registeret teller ansatte, ikke årsverk; deltid og lærlinger kan gi under 250 årsverk. Oppgi årsverk med --ansatte.` };
  }
  return { ...base, status: 'ikke ok', grunnlag: `${tall} ≥ 250: stor bedrift.` };
}

/** Definisjoner «SMB»: omsetning ≤ 50 MEUR og/eller balanse ≤ 43 MEUR; over begge = stor. */
export function kriteriumOkonomi(f: SmbFakta, a: Aggregert, kurs: Kurs, idag: Dato): Kriterium {
  const base = { id: 'omsetning-balanse', tittel: 'Omsetning ≤ 50 MEUR og/eller balanse ≤ 43 MEUR', kilde: KILDE.okonomi };
  const deler: string[] = [];
  const vurder = (navn: string, v: Kildeverdi<Ore>, sum: Ore | null, grense: number, grenseTekst: string, bidrag: Ore): boolean | null => {
    if (!v || sum === null) {
      deler.push(`${navn} ukjent`);
      return null;
    }
    const over = overEurGrense(sum, grense, kurs.kurs);
    deler.push(`${navn} ${nok(v.verdi)}${fra(v)}${bidrag ? ` + ${nok(bidrag)} fra partnere/tilknyttede = ${nok(sum)}` : ''} = ${eur(nokTilEur(sum, kurs.kurs))} ${over ? '>' : '≤'} ${grenseTekst}`);
    return over;
  };
  const oOver = vurder('omsetning', f.omsetning, a.omsetning, OMSETNING_GRENSE_EUR_CENT, '50 MEUR', a.fraPartnere.omsetning + a.fraTilknyttede.omsetning);
  const bOver = vurder('balanse', f.balanse, a.balanse, BALANSE_GRENSE_EUR_CENT, '43 MEUR', a.fraPartnere.balanse + a.fraTilknyttede.balanse);
  const periode = f.regnskapsperiode ? ` Årsregnskap ${f.regnskapsperiode.fra}–${f.regnskapsperiode.til} (siste publiserte).` : '';
  const tekst = `${deler.join('; ')}; ${kursTekst(kurs)}.${periode}`;
  if (oOver === false || bOver === false) {
    const en = oOver === true || bOver === true;
    return { ...base, status: 'ok', grunnlag: `${tekst}${en ? ' Over bare én av grensene: fortsatt SMB.' : ''}` };
  }
  if (oOver === true && bOver === true) return { ...base, status: 'ikke ok', grunnlag: `${tekst} Over begge grensene: stor bedrift.` };
  const ny = f.registrert && f.registrert.verdi > leggTilAar(idag, -2);
  const hvorfor = ny
    ? ` Nyetablert (registrert ${f.registrert!.verdi}) uten publisert årsregnskap: oppgi et anslag i god tro for inneværende regnskapsår med --omsetning og --balanse (GBER vedlegg I art. 4 nr. 3).`
    : ' Fant ikke tall i Regnskapsregisteret (ikke regnskapspliktig, eller ikke levert); oppgi --omsetning og --balanse fra siste årsregnskap.';
  return { ...base, status: 'må vurderes', grunnlag: `${tekst}${hvorfor}` };
}

/** Vedlegg 3 pkt. 2: partnere (25–50 %) og tilknyttede (> 50 %) tas med; registeret viser ikke eierskap. */
export function kriteriumEierskap(f: SmbFakta, a: Aggregert): Kriterium {
  const base = { id: 'eierskap', tittel: 'Eierskap ≥ 25 % (partnere og tilknyttede foretak) er tatt med', kilde: KILDE.eierskap };
  const konsern = f.erIKonsern ? ' Enhetsregisteret sier at bedriften er i et konsern.' : '';
  if (!f.eierskapOppgitt) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `Ingen register viser eierskap på 25 % eller mer (i begge retninger).${konsern} Oppgi --partner/--tilknyttet (orgnr:andel:årsverk:omsetning:balanse), --eierskap <fil.csv>, eller --selvstendig når ingen eier eller eies med 25 % eller mer.`,
    };
  }
  const liste = [
    ...f.partnere.map((p) => `partner ${p.orgnr} (${p.andel / 10_000} %)`),
    ...f.tilknyttede.map((t) => `tilknyttet ${t.orgnr} (${t.andel / 10_000} %)`),
  ];
  // GBER vedlegg I art. 3 nr. 3: et konsern (mor/datter, kontroll over 50 %) betyr minst ett tilknyttet foretak.
  if (f.erIKonsern && !f.tilknyttede.length) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `${liste.length ? `${liste.join(', ')}. ` : 'Oppgitt som selvstendig foretak, men '}Enhetsregisteret sier at bedriften er i et konsern (erIKonsern), og da finnes minst ett tilknyttet foretak (over 50 %, GBER vedlegg I art. 3 nr. 3). Oppgi morselskapet og/eller datterselskapene med --tilknyttet eller --eierskap.`,
    };
  }
  if (!liste.length) return { ...base, status: 'ok', grunnlag: `Oppgitt: ingen eierskap på 25 % eller mer i noen retning (selvstendig foretak).${konsern}` };
  const p = a.fraPartnere;
  const t = a.fraTilknyttede;
  return {
    ...base,
    status: 'ok',
    grunnlag: `${liste.join(', ')}. Lagt til: partnere forholdsmessig ${formatArsverk(p.arsverk)} årsverk, ${nok(p.omsetning)} omsetning, ${nok(p.balanse)} balanse; tilknyttede fullt ${formatArsverk(t.arsverk)} årsverk, ${nok(t.omsetning)} omsetning, ${nok(t.balanse)} balanse.`,
  };
}

/** Vedlegg 3 pkt. 2, «i vanskeligheter» 1): mer enn halvparten av tegnet kapital inkl. overkurs tapt. */
export function kriteriumKapitaltap(f: SmbFakta, idag: Dato, erSmb: boolean): Kriterium {
  const base = { id: 'kapitaltap', tittel: 'Ikke tapt mer enn halvparten av tegnet kapital', kilde: KILDE.kapitaltap };
  const form = f.orgform?.verdi;
  if (form === 'ENK') return { ...base, status: 'ok', grunnlag: 'Enkeltpersonforetak har ingen tegnet kapital; regelen gjelder ikke.' };
  const treAar = f.registrert ? leggTilAar(f.registrert.verdi, 3) : null;
  const unntatt = erSmb && treAar !== null && idag < treAar;
  if (unntatt) {
    return { ...base, status: 'ok', grunnlag: `Unntatt: SMB i de tre første årene etter registrering (registrert ${f.registrert!.verdi}${fra(f.registrert)}, unntaket gjelder til ${treAar}).` };
  }
  if (!f.innskuttEk || !f.opptjentEk) {
    return { ...base, status: 'må vurderes', grunnlag: 'Innskutt og opptjent egenkapital er ukjent. Oppgi --innskutt-ek og --opptjent-ek fra siste årsregnskap.' };
  }
  const innskutt = f.innskuttEk.verdi;
  const opptjent = f.opptjentEk.verdi;
  const alder = treAar ? ` Registrert ${f.registrert!.verdi}: treårsunntaket gjaldt til ${treAar}.` : ' Registreringsdato ukjent: treårsunntaket kan ikke brukes.';
  // Programveileder vedlegg 3 pkt. 2 1): testen må også bestås av konsernet (konsoliderte tall), som ikke er åpne data.
  const konsern = f.erIKonsern ? ' Bedriften er i et konsern (Enhetsregisteret): testen må også bestås av konsernet på konsoliderte tall, som Regnskapsregisteret ikke gir uten innlogging. Kontroller konsernregnskapet.' : '';
  const tall = `Innskutt egenkapital (tegnet kapital inkl. overkurs) ${nok(innskutt)}${fra(f.innskuttEk)}, opptjent egenkapital ${nok(opptjent)}${fra(f.opptjentEk)}.`;
  if (innskutt <= 0) return { ...base, status: 'må vurderes', grunnlag: `${tall} Ingen innskutt kapital å måle tapet mot.` };
  // Tapt mer enn halvparten: akkumulert tap (negativ opptjent EK) > halvparten av innskutt.
  if (opptjent < 0 && -2 * opptjent > innskutt) {
    return { ...base, status: 'ikke ok', grunnlag: `${tall} Akkumulert tap ${nok(-opptjent)} > halvparten av tegnet kapital (${nok(innskutt / 2)}): i vanskeligheter.${alder}${konsern}` };
  }
  return { ...base, status: 'ok', grunnlag: `${tall} Tapt høyst halvparten av tegnet kapital.${treAar && idag < treAar ? ' (Treårsunntaket ville gjelde om bedriften er SMB.)' : ''}${konsern}` };
}

/** Vedlegg 3 pkt. 2, «i vanskeligheter» 2): negativ egenkapital og ikke midler til løpende forpliktelser. */
export function kriteriumInsolvens(f: SmbFakta): Kriterium {
  const base = { id: 'insolvens', tittel: 'Ikke insolvent', kilde: KILDE.insolvens };
  if (!f.sumEk) {
    return { ...base, status: 'må vurderes', grunnlag: 'Sum egenkapital er ukjent (ikke i Regnskapsregisteret og ikke utledet av --innskutt-ek og --opptjent-ek).' };
  }
  const ek = `Sum egenkapital ${nok(f.sumEk.verdi)}${fra(f.sumEk)}`;
  if (f.sumEk.verdi >= 0) return { ...base, status: 'ok', grunnlag: `${ek} er ikke negativ.` };
  if (f.betalingsevne === true) return { ...base, status: 'ok', grunnlag: `${ek} er negativ, men administratoren har bekreftet at bedriften har midler til å dekke løpende forpliktelser (--betalingsevne ja).` };
  if (f.betalingsevne === false) return { ...base, status: 'ikke ok', grunnlag: `${ek} er negativ, og bedriften har ikke midler til å dekke løpende forpliktelser (--betalingsevne nei): insolvent.` };
  return {
    ...base,
    status: 'må vurderes',
    grunnlag: `${ek} er negativ. Ingen register viser om bedriften kan dekke løpende forpliktelser (likviditet). Vurder og oppgi --betalingsevne ja|nei.`,
  };
}

/** Konkurs, avvikling eller tvangsavvikling registrert = avvist. */
export function kriteriumKonkurs(f: SmbFakta): Kriterium {
  const base = { id: 'konkurs-avvikling', tittel: 'Ikke konkurs, under avvikling eller tvangsavvikling', kilde: KILDE.konkurs };
  const flagg = [f.konkurs && 'konkurs', f.underAvvikling && 'under avvikling', f.tvangsavvikling && 'under tvangsavvikling/tvangsoppløsning'].filter(Boolean);
  if (flagg.length) return { ...base, status: 'ikke ok', grunnlag: `Enhetsregisteret: ${flagg.join(', ')}.` };
  if (f.konkurs === null) return { ...base, status: 'må vurderes', grunnlag: 'Ikke kontrollert mot Enhetsregisteret (ingen registerdata).' };
  return { ...base, status: 'ok', grunnlag: 'Enhetsregisteret: ikke konkurs, ikke under avvikling eller tvangsavvikling.' };
}

/** Vedlegg 3 pkt. 2: 200 000 euro over rullerende tre år; viser det som gjenstår. */
export function kriteriumTreaarstak(s: Stottestatus, kurs: Kurs, idag: Dato): { k: Kriterium; gjenstaarEur: number; gjenstaarNok: Ore } {
  const gjenstaarEur = STOTTETAK_EUR_CENT - s.tidligereEur;
  const gjenstaarNok = eurTilNok(gjenstaarEur, kurs.kurs);
  const base = { id: 'treaarstak', tittel: 'Under taket på 200 000 euro over tre år', kilde: KILDE.treaarstak };
  const tall = `Innovasjonsstøtte med dato etter ${vinduStart(idag)} til og med ${idag}: ${eur(s.tidligereEur)} (${s.linjer} linjer i stotteregister.csv). Gjenstår ${eur(gjenstaarEur)} ≈ ${nok(gjenstaarNok)} (${kursTekst(kurs)}). Bare støtte ført i denne arbeidsmappen er med; annen støtte etter GBER art. 28 må legges til.`;
  return { k: { ...base, status: gjenstaarEur > 0 ? 'ok' : 'ikke ok', grunnlag: tall }, gjenstaarEur, gjenstaarNok };
}

/** Alle kriteriene og dommen. */
export function vurderSmb(g: SmbGrunnlag): SmbResultat {
  const f = g.fakta;
  const aggregert = aggreger({ arsverk: f.arsverk?.verdi ?? null, omsetning: f.omsetning?.verdi ?? null, balanse: f.balanse?.verdi ?? null }, f.partnere, f.tilknyttede);
  const arsverk = kriteriumArsverk(f, aggregert);
  const okonomi = kriteriumOkonomi(f, aggregert, g.kurs, g.idag);
  const tak = kriteriumTreaarstak(g.stotte, g.kurs, g.idag);
  const kriterier: Kriterium[] = [
    { id: 'orgnr', tittel: 'Gyldig organisasjonsnummer', status: 'ok', grunnlag: `${f.orgnr}: ni sifre, kontrollsifferet (MOD11) stemmer.`, kilde: KILDE.orgnr },
    kriteriumAsa(f),
    kriteriumOffentlig(f),
    kriteriumBank(f),
    kriteriumInnovasjonsselskap(f),
    kriteriumSjelden(f),
    arsverk,
    okonomi,
    kriteriumEierskap(f, aggregert),
    kriteriumKapitaltap(f, g.idag, arsverk.status !== 'ikke ok' && okonomi.status !== 'ikke ok'),
    kriteriumInsolvens(f),
    kriteriumKonkurs(f),
    tak.k,
  ];
  return {
    dom: samletDom(kriterier),
    kriterier,
    aggregert,
    omsetningEur: aggregert.omsetning === null ? null : nokTilEur(aggregert.omsetning, g.kurs.kurs),
    balanseEur: aggregert.balanse === null ? null : nokTilEur(aggregert.balanse, g.kurs.kurs),
    gjenstaarEur: tak.gjenstaarEur,
    gjenstaarNok: tak.gjenstaarNok,
  };
}

/**
 * Tolker «orgnr:andel:årsverk:omsetning:balanse» (andel i prosent, omsetning/balanse i kroner), f.eks.
 * «910000004:30:200:40000000:30000000». Tall med komma eller punktum som desimaltegn. Orgnr valideres av kalleren.
 */
export function tolkRelasjonstekst(s: string): { orgnr: string; andel: string; arsverk: string; omsetning: string; balanse: string } | null {
  const deler = s.split(':').map((d) => d.trim());
  if (deler.length !== 5 || deler.some((d) => d === '')) return null;
  const [orgnr, andel, arsverk, omsetning, balanse] = deler as [string, string, string, string, string];
  return { orgnr, andel, arsverk, omsetning, balanse };
}
