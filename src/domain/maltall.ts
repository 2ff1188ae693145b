/**
 * Måltallene i næringshageprogrammet (programveileder 6.5 og 11.2) med AVIs hjelpetekst og nh sin
 * definisjon av hvordan tallet regnes fra arbeidsmappens data.
 *
 * Programveileder 6.5/11.1: hver 1. desember legger næringshagen inn måltall for det kommende året i
 * AVI; Siva godkjenner og låser dem og måler næringshagen mot dem. `nh årsrapport --maltall <år>`
 * regner et grunnlag fra årets faktiske data, og `nh årsrapport --år <år>` regner resultatet for året
 * med de samme definisjonene, så mål og resultat er sammenlignbare.
 *
 * Fellesregler (valg, se docs/aarsrapport.md):
 *  - En målbedrift er aktiv i perioden når avtalen (avtalestart–avtaleslutt, tom slutt = løpende)
 *    overlapper perioden. Alle andeler regnes over de aktive målbedriftene.
 *  - Andeler er ppm (heltall), avrundet halv opp; ingen aktive målbedrifter gir «kan ikke beregnes».
 *  - Antall tiltak telles i tiltak-datasettet med dato i perioden: én rad = ett tiltak, ikke per deltaker.
 */
import type { Kilde } from './diagnostikk.js';
import { advarsel, feil, type Diagnostikk } from './diagnostikk.js';
import { lagDato, overlapper, type Dato } from './dato.js';
import { normaliserNavn } from './felter.js';
import { mulDivRund, PPM, type Ore, type Ppm } from './penger.js';
import { BEDRIFTSTYPER, type Tiltakstype } from './datasett/tiltak.js';

export type Enhet = 'antall' | 'andel';

export type MaltallId =
  | 'nyeMalbedrifter'
  | 'malbedrifterIAaret'
  | 'andelInnovasjonsstotte'
  | 'baerekraftTiltakAnsatte'
  | 'baerekraftTiltakMalbedrifter'
  | 'andelBaerekraftSentralt'
  | 'andelSrlOkning'
  | 'andelTaksonomi'
  | 'andelKvinneligLedelse'
  | 'digitaliseringTiltakAnsatte'
  | 'digitaliseringTiltakMalbedrifter'
  | 'andelDigitaliseringSentralt'
  | 'eksportTiltak'
  | 'andelEksport'
  | 'andelInternasjonaltMarked'
  | 'samarbeidsprosjekter'
  | 'henvisteBedrifter'
  | 'radgivningFraAndre'
  | 'radgivningAndresBedrifter'
  | 'ogsaTattOppHosAndre'
  | 'andelBistattVirkemidler';

export type MaltallDef = {
  id: MaltallId;
  omrade: string;
  /** Måltallet slik det heter i AVI (11.2). */
  navn: string;
  /** AVIs hjelpetekst i måltallskjemaet (11.2), forkortet der den er lang. */
  hjelpetekst: string;
  enhet: Enhet;
  /** Hvordan nh regner tallet fra arbeidsmappen. */
  definisjon: string;
  /** Sivas minimumskrav (ppm), om noe. */
  minimum?: Ppm;
};

/** Programveileder 11.2: «Siva har et minimumskrav på 90 %» for andel målbedrifter med innovasjonsstøtte. */
export const SIVA_MINIMUM_INNOVASJONSSTOTTE: Ppm = 900_000;

const ANDEL_AKTIVE = 'Andel av målbedriftene som er aktive i perioden (avtalen overlapper perioden)';

export const MALTALL: readonly MaltallDef[] = [
  // ——— Aktivitet ———
  {
    id: 'nyeMalbedrifter', omrade: 'Aktivitet', enhet: 'antall',
    navn: 'Antall nye målbedrifter som tas opp i programmet i løpet av året',
    hjelpetekst: 'Antall SMB-bedrifter som forventes å bli tatt opp som målbedrifter i næringshagen i løpet av det kommende året',
    definisjon: 'Målbedrifter med avtalestart i perioden (malbedrifter.avtalestart).',
  },
  {
    id: 'malbedrifterIAaret', omrade: 'Aktivitet', enhet: 'antall',
    navn: 'Antall målbedrifter som næringshagen jobber med i løpet av året',
    hjelpetekst: 'Antall SMB-bedrifter som forventes å ha målbedriftsavtale med næringshagen i hele eller deler av det kommende året',
    definisjon: 'Målbedrifter der avtalen (avtalestart–avtaleslutt, tom slutt = løpende) overlapper perioden — også de som bare er aktive en del av den.',
  },
  {
    id: 'andelInnovasjonsstotte', omrade: 'Aktivitet', enhet: 'andel', minimum: SIVA_MINIMUM_INNOVASJONSSTOTTE,
    navn: 'Andel målbedrifter som næringshagen forventer å bruke innovasjonsstøtte på i løpet av året',
    hjelpetekst: 'Total andel (%) av målbedriftene som forventes å motta innovasjonsstøtte fra næringshageprogrammet i løpet av året. Siva har et minimumskrav på 90 %',
    definisjon: `${ANDEL_AKTIVE} som har støtte > 0 i støtteregisteret (stotteregister.csv, linjer med dato i perioden). Sivas minimum er 90 %.`,
  },
  // ——— Bærekraft ———
  {
    id: 'baerekraftTiltakAnsatte', omrade: 'Bærekraft', enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor bærekraft som ansatte i næringshagen skal delta på i løpet av året',
    hjelpetekst: 'Antall kompetansehevende tiltak innenfor bærekraft som ansatte i næringshagen skal delta på i løpet av året. Dette kan være alt fra seminarer til studiepoenggivende kurs.',
    definisjon: 'Rader i tiltak med type «baerekraft-ansatte» og dato i perioden.',
  },
  {
    id: 'baerekraftTiltakMalbedrifter', omrade: 'Bærekraft', enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor bærekraft som skal tilbys målbedriftene i regi av næringshagen i løpet av året',
    hjelpetekst: 'Antall kurs, seminarer, workshops e.l. med fokus på bærekraft som skal tilbys målbedriftene. Her skal det telles antall tiltak overfor målbedriftene, og ikke antall bedrifter som deltar per tiltak.',
    definisjon: 'Rader i tiltak med type «baerekraft-malbedrifter» og dato i perioden (én rad per tiltak, ikke per deltaker).',
  },
  {
    id: 'andelBaerekraftSentralt', omrade: 'Bærekraft', enhet: 'andel',
    navn: 'Andel målbedrifter som har bærekraft som et sentralt element i forretningsmodellen',
    hjelpetekst: 'Total andel (%) av målbedriftene som har bærekraft som et sentralt element i forretningsmodellen. Forutsetter at alle tre dimensjoner er hensyntatt: miljømessig, sosial og økonomisk bærekraft. Tiltakene må være igangsatt, men trenger ikke å være fullført.',
    definisjon: `${ANDEL_AKTIVE} med malbedrifter.baerekraftSentralt = ja.`,
  },
  {
    id: 'andelSrlOkning', omrade: 'Bærekraft', enhet: 'andel',
    navn: 'Andel målbedrifter som har hatt en økning i SRL-skalaen',
    hjelpetekst: 'SRL (Sustainability Readiness Level) er en skala med 9 trinn (se vedlegg 1). Total andel (%) av målbedriftene som har hatt en økning i SRL-skalaen fra forutgående år. Kan ikke beregnes det første året målbedriftene klassifiseres.',
    definisjon: 'Av de aktive målbedriftene som har SRL-vurdering (srl) både for året og året før: andelen med høyere nivå i år. Målbedrifter uten vurdering året før kan ikke beregnes og er utenfor nevneren; ingen slike = «kan ikke beregnes».',
  },
  {
    id: 'andelTaksonomi', omrade: 'Bærekraft', enhet: 'andel',
    navn: 'Andel målbedrifter som svarer opp på minst ett av seks miljømål i taksonomien',
    hjelpetekst: 'Total andel (%) av målbedriftene som svarer opp minst ett av de seks miljømålene i taksonomien (se vedlegg 2) per 31.12.',
    definisjon: `${ANDEL_AKTIVE} med minst ett miljømål (1–6) i malbedrifter.taksonomiMiljomal.`,
  },
  {
    id: 'andelKvinneligLedelse', omrade: 'Bærekraft', enhet: 'andel',
    navn: 'Andel målbedrifter som har kvinnelig gründer og/eller kvinnelig daglig leder og/eller kvinnelig styreleder',
    hjelpetekst: 'Total andel (%) målbedrifter som per 31.12 har en kvinne i en eller flere av rollene gründer, daglig leder og/eller styreleder.',
    definisjon: `${ANDEL_AKTIVE} med ja i minst én av kvinneligGrunder, kvinneligDagligLeder, kvinneligStyreleder.`,
  },
  // ——— Digitalisering ———
  {
    id: 'digitaliseringTiltakAnsatte', omrade: 'Digitalisering', enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor digitalisering som ansatte i næringshagen skal delta på i løpet av året',
    hjelpetekst: 'Antall kompetansehevende tiltak innenfor digitalisering som ansatte i næringshagen skal delta på i løpet av året. Dette kan være alt fra seminarer til studiepoenggivende kurs.',
    definisjon: 'Rader i tiltak med type «digitalisering-ansatte» og dato i perioden.',
  },
  {
    id: 'digitaliseringTiltakMalbedrifter', omrade: 'Digitalisering', enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor digitalisering som skal tilbys målbedriftene i regi av næringshagen i løpet av året',
    hjelpetekst: 'Antall kurs, seminarer, workshops e.l. med fokus på digitalisering som skal tilbys målbedriftene. Antall tiltak, ikke antall bedrifter som deltar per tiltak.',
    definisjon: 'Rader i tiltak med type «digitalisering-malbedrifter» og dato i perioden.',
  },
  {
    id: 'andelDigitaliseringSentralt', omrade: 'Digitalisering', enhet: 'andel',
    navn: 'Andel målbedrifter som har digitalisering som et sentralt element i forretningsmodellen',
    hjelpetekst: 'Total andel (%) av målbedriftene som har digitalisering som et sentralt element i forretningsmodellen. Med digitalisering menes å effektivisere driften med overgang til digitale løsninger og prosesser.',
    definisjon: `${ANDEL_AKTIVE} med malbedrifter.digitaliseringSentralt = ja.`,
  },
  // ——— Eksport og internasjonalisering ———
  {
    id: 'eksportTiltak', omrade: 'Eksport og internasjonalisering', enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor eksport som tilbys målbedriftene i regi av næringshagen i løpet av året',
    hjelpetekst: 'Antall kurs, seminarer, workshops e.l. med fokus på eksport som skal tilbys målbedriftene. Med eksport menes innenlandsk produserte varer som sendes ut av Norge.',
    definisjon: 'Rader i tiltak med type «eksport-malbedrifter» og dato i perioden.',
  },
  {
    id: 'andelEksport', omrade: 'Eksport og internasjonalisering', enhet: 'andel',
    navn: 'Andel målbedrifter der hele eller deler av omsetningen består av eksport',
    hjelpetekst: 'Total andel (%) av målbedriftene der eksport utgjør hele eller deler av omsetningen. Med eksport menes innenlandsk produserte varer som sendes ut av Norge.',
    definisjon: `${ANDEL_AKTIVE} med malbedrifter.eksport = ja.`,
  },
  {
    id: 'andelInternasjonaltMarked', omrade: 'Eksport og internasjonalisering', enhet: 'andel',
    navn: 'Andel målbedrifter med internasjonalt marked',
    hjelpetekst: 'Total andel (%) av målbedriftene som har et internasjonalt marked (enten ved at de eksporterer eller ved at de selger varer og tjenester i Norge til utenlandske kundegrupper).',
    definisjon: `${ANDEL_AKTIVE} med internasjonaltMarked = ja eller eksport = ja (eksport er et internasjonalt marked etter hjelpeteksten).`,
  },
  // ——— Samarbeid innad i programmene ———
  {
    id: 'samarbeidsprosjekter', omrade: 'Samarbeid innad i programmene', enhet: 'antall',
    navn: 'Antall konkrete kompetanse- og/eller nettverksprosjekter næringshagen forventer å gjennomføre sammen med andre programoperatører i løpet av året',
    hjelpetekst: 'Antall konkrete kompetanse- og/eller nettverksprosjekter (f.eks. kurs, seminarer, workshops) næringshagen planlegger å gjennomføre med andre programoperatører (næringshager og/eller inkubatorer) i løpet av året.',
    definisjon: 'Rader i tiltak med type «samarbeidsprosjekt» og dato i perioden.',
  },
  {
    id: 'henvisteBedrifter', omrade: 'Samarbeid innad i programmene', enhet: 'antall',
    navn: 'Antall bedrifter som næringshagen i løpet av året forventer å henvise til andre programoperatører istedenfor å ta de opp som egen målbedrift',
    hjelpetekst: 'Antall bedrifter som næringshagen i løpet av året forventer å henvise til andre programoperatører (næringshager og inkubatorer) istedenfor å ta de opp som egen målbedrift.',
    definisjon: 'Ulike bedrifter (orgnr, ellers navn) i tiltak med type «henvisning» og dato i perioden.',
  },
  {
    id: 'radgivningFraAndre', omrade: 'Samarbeid innad i programmene', enhet: 'antall',
    navn: 'Antall målbedrifter som næringshagen forventer vil motta rådgivning fra andre programoperatører i løpet av året',
    hjelpetekst: 'Antall målbedrifter som vil motta rådgivning fra andre programoperatører (næringshager/inkubatorer), ved at næringshagen kjøper innovasjonsstøttetjenester fra dem.',
    definisjon: 'Aktive målbedrifter med malbedrifter.radgivningFraAndre = ja.',
  },
  {
    id: 'radgivningAndresBedrifter', omrade: 'Samarbeid innad i programmene', enhet: 'antall',
    navn: 'Antall bedrifter hos andre programoperatører som næringshagen forventer vil motta rådgivning fra næringshagens ansatte i løpet av året',
    hjelpetekst: 'Antall bedrifter hos andre programoperatører som vil motta rådgivning fra næringshagens ansatte (ved at andre næringshager og/eller inkubatorer kjøper innovasjonsstøttetjenester fra næringshagen).',
    definisjon: 'Ulike bedrifter (orgnr, ellers navn) i tiltak med type «radgivning-andres-bedrift» og dato i perioden.',
  },
  {
    id: 'ogsaTattOppHosAndre', omrade: 'Samarbeid innad i programmene', enhet: 'antall',
    navn: 'Antall egne målbedrifter som forventes å være tatt opp i program også hos andre programoperatører i løpet av året',
    hjelpetekst: 'Antall egne målbedrifter som vil motta så mye rådgivning fra andre programoperatører at de også tas opp/er tatt opp som målbedrift/inkubatorbedrift der.',
    definisjon: 'Aktive målbedrifter med malbedrifter.ogsaTattOppHosAndre = ja.',
  },
  // ——— Tilgang til andre virkemidler ———
  {
    id: 'andelBistattVirkemidler', omrade: 'Tilgang til andre virkemidler', enhet: 'andel',
    navn: 'Andel målbedrifter næringshagen i løpet av året forventer å bistå i prosesser med å få tilgang til andre virkemidler',
    hjelpetekst: 'Total andel (%) av målbedriftene som næringshagen i løpet av året forventer å bistå i prosesser med å få tilgang til andre virkemidler, f.eks. henvisning til andre virkemiddelaktører eller rådgivning om søknadsskriving.',
    definisjon: `${ANDEL_AKTIVE} med malbedrifter.bistattVirkemidler = ja.`,
  },
];

/** Tolkningsvalgene (docs/aarsrapport.md), vist i utskrift, --json og xlsx. */
export const TOLKNINGER: readonly string[] = [
  'Aktiv målbedrift: avtalen (avtalestart–avtaleslutt, tom slutt = løpende) overlapper perioden, også bare en del av den (11.1, 11.2).',
  'Andeler regnes over de aktive målbedriftene i perioden og avrundes til 0,0001 %, halv opp.',
  'Innovasjonsstøtte: støtte > 0 i støtteregisteret med dato i perioden; Sivas minimum er 90 % (11.2).',
  'SRL-økning: bare målbedrifter med vurdering både for året og året før er i nevneren; første SRL-år kan ikke beregnes (11.2, vedlegg 1).',
  'Internasjonalt marked: internasjonaltMarked = ja eller eksport = ja (hjelpeteksten i 11.2).',
  'Antall tiltak: én rad i tiltak = ett tiltak (ikke per deltaker); henvisninger og rådgivning av andres bedrifter telles som ulike bedrifter.',
  'Grunnlaget for måltallene til neste år regnes fra året før (det året som går når måltallene legges inn 1. desember).',
];

export const MALTALL_ETTER_ID: ReadonlyMap<MaltallId, MaltallDef> = new Map(MALTALL.map((m) => [m.id, m]));

// ————— Inndata (rene typer, uavhengig av fil) —————

export type Periode = { ar: number; fra: Dato; til: Dato; halvar: boolean };

/** Hele året, eller første halvår (1.1–30.6) for halvårsrapporteringen 30. juni (11.1). */
export function periodeFor(ar: number, halvar = false): Periode {
  return { ar, fra: lagDato(ar, 1, 1), til: halvar ? lagDato(ar, 6, 30) : lagDato(ar, 12, 31), halvar };
}

export type MalbedriftGrunnlag = {
  orgnr: string;
  navn: string;
  avtalestart: Dato;
  avtaleslutt?: Dato | undefined;
  kvinneligGrunder?: boolean | undefined;
  kvinneligDagligLeder?: boolean | undefined;
  kvinneligStyreleder?: boolean | undefined;
  baerekraftSentralt?: boolean | undefined;
  taksonomiMiljomal?: readonly number[] | undefined;
  digitaliseringSentralt?: boolean | undefined;
  eksport?: boolean | undefined;
  internasjonaltMarked?: boolean | undefined;
  bistattVirkemidler?: boolean | undefined;
  radgivningFraAndre?: boolean | undefined;
  ogsaTattOppHosAndre?: boolean | undefined;
};

export type StotteGrunnlag = { orgnr: string; dato: Dato; stotte: Ore };
export type TiltakGrunnlag = { dato: Dato; type: Tiltakstype; bedrift?: string | undefined; orgnr?: string | undefined; kilde?: Kilde };
export type SrlGrunnlag = { orgnr: string; ar: number; srl: number; kilde?: Kilde };

export type Grunnlag = {
  periode: Periode;
  malbedrifter: readonly MalbedriftGrunnlag[];
  stotte: readonly StotteGrunnlag[];
  tiltak: readonly TiltakGrunnlag[];
  srl: readonly SrlGrunnlag[];
};

export type Maaling = {
  id: MaltallId;
  enhet: Enhet;
  /** Antall, eller andel i ppm; null = kan ikke beregnes. */
  verdi: number | null;
  teller: number;
  /** Nevneren for andeler (null for antall). */
  nevner: number | null;
  /** Målbedriftene (orgnr) som teller med i telleren, for andeler og antall målbedrifter. */
  bedrifter?: string[];
  merknad?: string;
};

/** Programveileder 11.2: en målbedrift er med når avtalen gjelder «i hele eller deler av» perioden. */
export function erAktiv(m: Pick<MalbedriftGrunnlag, 'avtalestart' | 'avtaleslutt'>, p: Pick<Periode, 'fra' | 'til'>): boolean {
  return overlapper(m.avtalestart, m.avtaleslutt ?? null, p.fra, p.til);
}

export function andelPpm(teller: number, nevner: number): Ppm | null {
  return nevner > 0 ? mulDivRund(teller, PPM, nevner) : null;
}

function iPerioden(d: Dato, p: Periode): boolean {
  return d >= p.fra && d <= p.til;
}

/** Orgnr → SRL-nivå for et år. */
function srlForAar(srl: readonly SrlGrunnlag[], ar: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of srl) if (s.ar === ar) m.set(s.orgnr, s.srl);
  return m;
}

/** Regner alle måltallene (11.2) for perioden. Rekkefølgen er MALTALL sin. */
export function beregnMaltall(g: Grunnlag): Maaling[] {
  const p = g.periode;
  const aktive = g.malbedrifter.filter((m) => erAktiv(m, p));
  const n = aktive.length;

  const andel = (id: MaltallId, tell: (m: MalbedriftGrunnlag) => boolean, merknad?: string): Maaling => {
    const med = aktive.filter(tell).map((m) => m.orgnr);
    const verdi = andelPpm(med.length, n);
    return { id, enhet: 'andel', verdi, teller: med.length, nevner: n, bedrifter: med, ...(verdi === null ? { merknad: 'Kan ikke beregnes: ingen aktive målbedrifter i perioden.' } : merknad ? { merknad } : {}) };
  };
  const antallMb = (id: MaltallId, liste: readonly MalbedriftGrunnlag[]): Maaling => ({
    id, enhet: 'antall', verdi: liste.length, teller: liste.length, nevner: null, bedrifter: liste.map((m) => m.orgnr),
  });
  const tiltakITid = g.tiltak.filter((t) => iPerioden(t.dato, p));
  const antallTiltak = (id: MaltallId, type: Tiltakstype): Maaling => {
    const rader = tiltakITid.filter((t) => t.type === type);
    if (!BEDRIFTSTYPER.includes(type)) return { id, enhet: 'antall', verdi: rader.length, teller: rader.length, nevner: null };
    // Antall bedrifter: hver bedrift telles én gang (orgnr, ellers normalisert navn).
    const unike = new Set(rader.map((t) => (t.orgnr ? `orgnr:${t.orgnr}` : `navn:${normaliserNavn(t.bedrift ?? '')}`)));
    return { id, enhet: 'antall', verdi: unike.size, teller: unike.size, nevner: null };
  };

  // Innovasjonsstøtte per orgnr i perioden (støtteregisteret).
  const stotte = new Map<string, Ore>();
  for (const s of g.stotte) if (iPerioden(s.dato, p)) stotte.set(s.orgnr, (stotte.get(s.orgnr) ?? 0) + s.stotte);

  // SRL (vedlegg 1): økning fra forrige år; uten vurdering begge år kan det ikke beregnes for bedriften.
  const srlNaa = srlForAar(g.srl, p.ar);
  const srlFor = srlForAar(g.srl, p.ar - 1);
  const beregnbare = aktive.filter((m) => srlNaa.has(m.orgnr) && srlFor.has(m.orgnr));
  const okning = beregnbare.filter((m) => srlNaa.get(m.orgnr)! > srlFor.get(m.orgnr)!).map((m) => m.orgnr);
  const utenFjor = aktive.filter((m) => srlNaa.has(m.orgnr) && !srlFor.has(m.orgnr)).length;
  const utenIAar = aktive.filter((m) => !srlNaa.has(m.orgnr)).length;
  const srlVerdi = andelPpm(okning.length, beregnbare.length);
  const srlMerknad = [
    srlVerdi === null ? `Kan ikke beregnes: ingen aktive målbedrifter har SRL-vurdering både for ${p.ar - 1} og ${p.ar} (11.2).` : null,
    utenFjor ? `${utenFjor} uten vurdering for ${p.ar - 1} (første SRL-år, utenfor nevneren).` : null,
    utenIAar ? `${utenIAar} uten vurdering for ${p.ar}.` : null,
  ].filter((s) => s !== null).join(' ');

  const ut: Record<MaltallId, Maaling> = {
    nyeMalbedrifter: antallMb('nyeMalbedrifter', aktive.filter((m) => iPerioden(m.avtalestart, p))),
    malbedrifterIAaret: antallMb('malbedrifterIAaret', aktive),
    andelInnovasjonsstotte: andel('andelInnovasjonsstotte', (m) => (stotte.get(m.orgnr) ?? 0) > 0),
    baerekraftTiltakAnsatte: antallTiltak('baerekraftTiltakAnsatte', 'baerekraft-ansatte'),
    baerekraftTiltakMalbedrifter: antallTiltak('baerekraftTiltakMalbedrifter', 'baerekraft-malbedrifter'),
    andelBaerekraftSentralt: andel('andelBaerekraftSentralt', (m) => m.baerekraftSentralt === true),
    andelSrlOkning: {
      id: 'andelSrlOkning', enhet: 'andel', verdi: srlVerdi, teller: okning.length, nevner: beregnbare.length, bedrifter: okning,
      ...(srlMerknad ? { merknad: srlMerknad } : {}),
    },
    andelTaksonomi: andel('andelTaksonomi', (m) => (m.taksonomiMiljomal?.length ?? 0) > 0),
    andelKvinneligLedelse: andel('andelKvinneligLedelse', (m) => m.kvinneligGrunder === true || m.kvinneligDagligLeder === true || m.kvinneligStyreleder === true),
    digitaliseringTiltakAnsatte: antallTiltak('digitaliseringTiltakAnsatte', 'digitalisering-ansatte'),
    digitaliseringTiltakMalbedrifter: antallTiltak('digitaliseringTiltakMalbedrifter', 'digitalisering-malbedrifter'),
    andelDigitaliseringSentralt: andel('andelDigitaliseringSentralt', (m) => m.digitaliseringSentralt === true),
    eksportTiltak: antallTiltak('eksportTiltak', 'eksport-malbedrifter'),
    andelEksport: andel('andelEksport', (m) => m.eksport === true),
    andelInternasjonaltMarked: andel('andelInternasjonaltMarked', (m) => m.internasjonaltMarked === true || m.eksport === true),
    samarbeidsprosjekter: antallTiltak('samarbeidsprosjekter', 'samarbeidsprosjekt'),
    henvisteBedrifter: antallTiltak('henvisteBedrifter', 'henvisning'),
    radgivningFraAndre: antallMb('radgivningFraAndre', aktive.filter((m) => m.radgivningFraAndre === true)),
    radgivningAndresBedrifter: antallTiltak('radgivningAndresBedrifter', 'radgivning-andres-bedrift'),
    ogsaTattOppHosAndre: antallMb('ogsaTattOppHosAndre', aktive.filter((m) => m.ogsaTattOppHosAndre === true)),
    andelBistattVirkemidler: andel('andelBistattVirkemidler', (m) => m.bistattVirkemidler === true),
  };
  return MALTALL.map((d) => ut[d.id]);
}

// ————— Mål (administratorens egne måltall) —————

export type MalInn = { id: string; mal?: Ppm | undefined; kommentar?: string | undefined; kilde?: Kilde };
/** Et tolket mål: antall (heltall) eller andel (ppm). */
export type Mal = { id: MaltallId; mal: number | null; kommentar?: string };

/** Finn måltallet fra id eller AVI-navn (store/små bokstaver, æøå og mellomrom teller ikke). */
export function finnMaltall(idEllerNavn: string): MaltallDef | undefined {
  const n = normaliserNavn(idEllerNavn);
  return MALTALL.find((m) => normaliserNavn(m.id) === n || normaliserNavn(m.navn) === n);
}

/**
 * Tolker og kontrollerer målene. Feil: ukjent måltall, samme måltall to ganger, antall som ikke er et
 * ikke-negativt heltall. Advarsler (11.2): andel utenfor 0–100 %, innovasjonsstøtte under Sivas 90 %.
 */
export function tolkMal(rader: readonly MalInn[]): { mal: Map<MaltallId, Mal>; diagnostikk: Diagnostikk[] } {
  const ds: Diagnostikk[] = [];
  const mal = new Map<MaltallId, Mal>();
  for (const r of rader) {
    const def = finnMaltall(r.id);
    const kilde = r.kilde ? { ...r.kilde, kolonne: 'id' } : undefined;
    if (!def) {
      ds.push(feil('ukjent-maltall', `Ukjent måltall «${r.id}».`, kilde, { verdi: r.id, forventet: `en av ${MALTALL.map((m) => m.id).join(', ')}` }));
      continue;
    }
    if (mal.has(def.id)) {
      ds.push(feil('maltall-to-ganger', `Måltallet «${def.id}» står to ganger.`, kilde, { verdi: r.id, forventet: 'ett mål per måltall' }));
      continue;
    }
    const malKilde = r.kilde ? { ...r.kilde, kolonne: 'mal' } : undefined;
    let verdi: number | null = null;
    if (r.mal !== undefined) {
      if (def.enhet === 'antall') {
        if (r.mal < 0 || r.mal % 10_000 !== 0) {
          ds.push(feil('ugyldig-antall', `Målet for «${def.id}» er et antall og må være et heltall ≥ 0.`, malKilde, { verdi: String(r.mal / 10_000).replace('.', ','), forventet: 'et heltall, f.eks. «12»' }));
          continue;
        }
        verdi = r.mal / 10_000;
      } else {
        verdi = r.mal;
        ds.push(...kontrollerAndel(def, verdi, 'mål', malKilde));
      }
    }
    mal.set(def.id, { id: def.id, mal: verdi, ...(r.kommentar ? { kommentar: r.kommentar } : {}) });
  }
  return { mal, diagnostikk: ds };
}

/**
 * Programveileder 11.2: andeler er prosent (0–100); for innovasjonsstøtte har Siva et minimumskrav på 90 %.
 * `hva` er «mål», «grunnlag» eller «resultat» i meldingen.
 */
export function kontrollerAndel(def: MaltallDef, verdi: Ppm | null, hva: string, kilde?: Kilde): Diagnostikk[] {
  if (verdi === null || def.enhet !== 'andel') return [];
  const pst = (v: number) => `${String(Number((v / 10_000).toFixed(4))).replace('.', ',')} %`;
  if (verdi < 0 || verdi > PPM) {
    return [advarsel('andel-utenfor-0-100', `${forstor(hva)} for «${def.id}» er ${pst(verdi)}, men en andel må ligge mellom 0 og 100 % (programveileder 11.2).`, kilde, { verdi: pst(verdi), forventet: '0–100 %' })];
  }
  if (def.minimum !== undefined && verdi < def.minimum) {
    return [
      advarsel('under-sivas-minimum', `${forstor(hva)} for «${def.id}» er ${pst(verdi)}, under Sivas minimumskrav på ${pst(def.minimum)} (programveileder 11.2).`, kilde, {
        verdi: pst(verdi), forventet: `minst ${pst(def.minimum)}`,
      }),
    ];
  }
  return [];
}

function forstor(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type MaltallRad = {
  def: MaltallDef;
  maaling: Maaling;
  mal: number | null;
  /** resultat − mål (antall, eller ppm-poeng for andeler); null når ett av dem mangler. */
  avvik: number | null;
  kommentar?: string;
};

export function kombiner(maalinger: readonly Maaling[], mal: ReadonlyMap<MaltallId, Mal>): MaltallRad[] {
  return maalinger.map((m) => {
    const def = MALTALL_ETTER_ID.get(m.id)!;
    const ml = mal.get(m.id);
    const malVerdi = ml?.mal ?? null;
    return {
      def,
      maaling: m,
      mal: malVerdi,
      avvik: malVerdi !== null && m.verdi !== null ? m.verdi - malVerdi : null,
      ...(ml?.kommentar ? { kommentar: ml.kommentar } : {}),
    };
  });
}

/** SRL-data: samme målbedrift to ganger i samme år er en feil. */
export function kontrollerSrl(srl: readonly SrlGrunnlag[], malbedrifter?: ReadonlySet<string>): Diagnostikk[] {
  const sett = new Map<string, number | undefined>();
  const ds: Diagnostikk[] = [];
  for (const s of srl) {
    // Vedlegg 1/11.2: SRL vurderes for målbedrifter; et orgnr som ikke er målbedrift er en skrivefeil, ikke noe å overse.
    if (malbedrifter && !malbedrifter.has(s.orgnr)) {
      ds.push(feil('srl-ukjent-malbedrift', `SRL-vurderingen gjelder ${s.orgnr}, som ikke finnes i malbedrifter.`, s.kilde ? { ...s.kilde, kolonne: 'orgnr' } : undefined, { verdi: s.orgnr, forventet: 'orgnr til en målbedrift i malbedrifter' }));
      continue;
    }
    const n = `${s.orgnr}|${s.ar}`;
    if (sett.has(n)) {
      ds.push(feil('srl-to-ganger', `Målbedriften ${s.orgnr} har to SRL-vurderinger for ${s.ar} (også på rad ${sett.get(n) ?? '?'}).`, s.kilde ? { ...s.kilde, kolonne: 'orgnr' } : undefined, { verdi: s.orgnr, forventet: 'én vurdering per målbedrift og år' }));
    } else sett.set(n, s.kilde?.rad);
  }
  return ds;
}

/** Tiltak: henvisning og rådgivning av andres bedrift teller bedrifter, så bedrift eller orgnr må stå. */
export function kontrollerTiltak(tiltak: readonly TiltakGrunnlag[]): Diagnostikk[] {
  return tiltak
    .filter((t) => BEDRIFTSTYPER.includes(t.type) && !t.orgnr && !(t.bedrift && t.bedrift.trim()))
    .map((t) => feil('tiltak-mangler-bedrift', `Tiltak av typen «${t.type}» teller bedrifter, så «bedrift» eller «orgnr» må fylles ut.`, t.kilde ? { ...t.kilde, kolonne: 'bedrift' } : undefined, { forventet: 'bedriftens navn eller orgnr' }));
}
