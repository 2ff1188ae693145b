/**
 * Datatabellen for måltallene i programveileder 11.2: navnet i AVI, AVIs hjelpetekst (11.2) og nh sin
 * definisjon av hvordan tallet regnes fra arbeidsmappen, pluss tolkningsvalgene som vises i utdata.
 * Beregningen står i maltall.ts; docs/maltall.md genereres fra denne tabellen (`npm run docs`).
 */
import type { Ppm } from '../felles/penger.js';

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
  /**
   * AVIs hjelpetekst i måltallskjemaet (11.2), ordrett (issue 20 pkt. 11). Punktlister står som linjer med «• »;
   * nh sin korte form står i `definisjon`.
   */
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
/** 11.2: taksonomi og kvinnelig ledelse måles «per 31.12» (halvår: per 30.06). */
const ANDEL_AKTIVE_31_12 =
  'Andel av målbedriftene som er aktive per 31.12 (halvår: 30.06), ikke alle som var aktive i året,';

export const MALTALL: readonly MaltallDef[] = [
  // ——— Aktivitet ———
  {
    id: 'nyeMalbedrifter',
    omrade: 'Aktivitet',
    enhet: 'antall',
    navn: 'Antall nye målbedrifter som tas opp i programmet i løpet av året',
    hjelpetekst:
      'Antall SMB-bedrifter som forventes å bli tatt opp som målbedrifter i næringshagen i løpet av det kommende året',
    definisjon: 'Målbedrifter med avtalestart i perioden (malbedrifter.avtalestart).',
  },
  {
    id: 'malbedrifterIAaret',
    omrade: 'Aktivitet',
    enhet: 'antall',
    navn: 'Antall målbedrifter som næringshagen jobber med i løpet av året',
    hjelpetekst:
      'Antall SMB-bedrifter som forventes å ha målbedriftsavtale med næringshagen i hele eller deler av det kommende året',
    definisjon:
      'Målbedrifter der avtalen (avtalestart–avtaleslutt, tom slutt = løpende) overlapper perioden — også de som bare er aktive en del av den.',
  },
  {
    id: 'andelInnovasjonsstotte',
    omrade: 'Aktivitet',
    enhet: 'andel',
    minimum: SIVA_MINIMUM_INNOVASJONSSTOTTE,
    navn: 'Andel målbedrifter som næringshagen forventer å bruke innovasjonsstøtte på i løpet av året',
    hjelpetekst:
      'Total andel (%) av målbedriftene som forventes å motta innovasjonsstøtte fra næringshageprogrammet i løpet av året. Siva har et minimumskrav på 90 %',
    definisjon: `${ANDEL_AKTIVE} som har støtte > 0 i støtteregisteret (stotteregister.csv, linjer med dato i perioden). Sivas minimum er 90 %.`,
  },
  // ——— Bærekraft ———
  {
    id: 'baerekraftTiltakAnsatte',
    omrade: 'Bærekraft',
    enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor bærekraft som ansatte i næringshagen skal delta på i løpet av året',
    hjelpetekst:
      'Antall kompetansehevende tiltak innenfor bærekraft som ansatte i næringshagen skal delta på i løpet av året. Dette kan være alt fra seminarer til studiepoenggivende kurs.',
    definisjon: 'Rader i tiltak med type «baerekraft-ansatte» og dato i perioden.',
  },
  {
    id: 'baerekraftTiltakMalbedrifter',
    omrade: 'Bærekraft',
    enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor bærekraft som skal tilbys målbedriftene i regi av næringshagen i løpet av året',
    hjelpetekst:
      'Antall kurs, seminarer, workshops e.l. med fokus på bærekraft som skal tilbys målbedriftene. Næringshagen tilbyr disse kompetansetilbudene enten ved å bruke egne ansatte eller ved å hente inn eksterne ressurser. Her skal det telles antall tiltak overfor målbedriftene som planlegges gjennomført kommende år, og ikke antall bedrifter som deltar per tiltak.',
    definisjon:
      'Rader i tiltak med type «baerekraft-malbedrifter» og dato i perioden (én rad per tiltak, ikke per deltaker).',
  },
  {
    id: 'andelBaerekraftSentralt',
    omrade: 'Bærekraft',
    enhet: 'andel',
    navn: 'Andel målbedrifter som har bærekraft som et sentralt element i forretningsmodellen',
    hjelpetekst:
      'Total andel (%) av målbedriftene som har bærekraft som et sentralt element i forretningsmodellen. Bærekraft som et sentralt element forutsetter at alle tre dimensjoner innenfor bærekraftig utvikling er hensyntatt: miljømessig, sosial og økonomisk bærekraft. Bærekraftige forretningsmodeller representerer ofte en overgang fra lineære "utvinn, bruk og kast"-modeller til mer sirkulære verdikjeder basert på stor grad av samarbeid, materialgjenvinning, gjenbruk og deling.\n\nBærekraftige forretningsmodeller innebærer:\n• minimum en nøytral miljøeffekt, men som oftest en positiv miljøeffekt gjennom for eksempel reduksjon av negative miljø- og klimaeffekter, ivaretakelse av økosystemer, naturmangfold og langsiktig forvaltning av naturressurser.\n• en samfunnseffekt som ivaretar menneskerettigheter, anstendige arbeidsforhold og mangfold i arbeidslivet.\n• en tilfredsstillende lønnsomhet og ansvarlig virksomhet.\n\nAt alle tre dimensjoner innenfor bærekraftig utvikling er hensyntatt betyr at bedriften som et minimum ikke har noen negativ påvirkning innenfor noen av de tre dimensjonene. Merk at det er forretningsmodellen til bedriften som skal vurderes i forhold til bærekraft. Bærekraftstiltakene i forretningsmodellen må være igangsatt, men trenger ikke å være fullført.',
    definisjon: `${ANDEL_AKTIVE} med malbedrifter.baerekraftSentralt = ja.`,
  },
  {
    id: 'andelSrlOkning',
    omrade: 'Bærekraft',
    enhet: 'andel',
    navn: 'Andel målbedrifter som har hatt en økning i SRL-skalaen',
    hjelpetekst:
      'SRL (Sustainability Readiness Level) er en skala med 9 trinn (se vedlegg 1). Fra og med måltallene for 2024 skal det her angis total andel (%) av målbedriftene som dere forventer har hatt en økning i SRL-skalaen fra forutgående år. I 2023 kan ikke dette beregnes siden dette er første året dere skal klassifisere målbedriftene deres etter SRL-skalaen.',
    definisjon:
      'Av alle aktive målbedrifter (nevneren): andelen med høyere SRL-nivå (srl) i år enn året før. Uten vurdering begge år teller målbedriften ikke som økning, men står i nevneren. Bare 2023 (første SRL-år) kan ikke beregnes. Halvår: bare vurderinger med dato i halvåret.',
  },
  {
    id: 'andelTaksonomi',
    omrade: 'Bærekraft',
    enhet: 'andel',
    navn: 'Andel målbedrifter som svarer opp på minst ett av seks miljømål i taksonomien',
    hjelpetekst:
      'Total andel (%) av målbedriftene som dere forventer at svarer opp minst ett av de seks miljømålene i taksonomien (se vedlegg 2) per 31.12 neste år',
    definisjon: `${ANDEL_AKTIVE_31_12} med minst ett miljømål (1–6) i malbedrifter.taksonomiMiljomal.`,
  },
  {
    id: 'andelKvinneligLedelse',
    omrade: 'Bærekraft',
    enhet: 'andel',
    navn: 'Andel målbedrifter som har kvinnelig gründer og/eller kvinnelig daglig leder og/eller kvinnelig styreleder',
    hjelpetekst:
      'Total andel (%) målbedrifter som per 31.12 neste år forventes å ha en kvinne i en eller flere av følgende roller: gründer, daglig leder og/eller styreleder.',
    definisjon: `${ANDEL_AKTIVE_31_12} med ja i minst én av kvinneligGrunder, kvinneligDagligLeder, kvinneligStyreleder.`,
  },
  // ——— Digitalisering ———
  {
    id: 'digitaliseringTiltakAnsatte',
    omrade: 'Digitalisering',
    enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor digitalisering som ansatte i næringshagen skal delta på i løpet av året',
    hjelpetekst:
      'Antall kompetansehevende tiltak innenfor digitalisering som ansatte i næringshagen skal delta på i løpet av året. Dette kan være alt fra seminarer til studiepoenggivende kurs.',
    definisjon: 'Rader i tiltak med type «digitalisering-ansatte» og dato i perioden.',
  },
  {
    id: 'digitaliseringTiltakMalbedrifter',
    omrade: 'Digitalisering',
    enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor digitalisering som skal tilbys målbedriftene i regi av næringshagen i løpet av året',
    hjelpetekst:
      'Antall kurs, seminarer, workshops e.l. med fokus på digitalisering som skal tilbys målbedriftene. Næringshagen tilbyr disse kompetansetilbudene enten ved å bruke egne ansatte eller ved å hente inn eksterne ressurser. Her skal det telles antall tiltak overfor målbedriftene som planlegges gjennomført kommende år, og ikke antall bedrifter som deltar per tiltak.',
    definisjon: 'Rader i tiltak med type «digitalisering-malbedrifter» og dato i perioden.',
  },
  {
    id: 'andelDigitaliseringSentralt',
    omrade: 'Digitalisering',
    enhet: 'andel',
    navn: 'Andel målbedrifter som har digitalisering som et sentralt element i forretningsmodellen',
    hjelpetekst:
      'Total andel (%) av målbedriftene som har digitalisering som et sentralt element i forretningsmodellen. Med digitalisering menes å effektivisere driften med overgang til digitale løsninger og prosesser.',
    definisjon: `${ANDEL_AKTIVE} med malbedrifter.digitaliseringSentralt = ja.`,
  },
  // ——— Eksport og internasjonalisering ———
  {
    id: 'eksportTiltak',
    omrade: 'Eksport og internasjonalisering',
    enhet: 'antall',
    navn: 'Antall kompetansehevende tiltak innenfor eksport som tilbys målbedriftene i regi av næringshagen i løpet av året',
    hjelpetekst:
      'Antall kurs, seminarer, workshops e.l. med fokus på eksport som skal tilbys målbedriftene. Med eksport menes innenlandsk produserte varer som sendes ut av Norge. Næringshagen tilbyr disse kompetansetilbudene enten ved å bruke egne ansatte eller ved å hente inn eksterne ressurser. Her skal det telles antall tiltak overfor målbedriftene som planlegges gjennomført kommende år, og ikke antall bedrifter som deltar per tiltak.',
    definisjon: 'Rader i tiltak med type «eksport-malbedrifter» og dato i perioden.',
  },
  {
    id: 'andelEksport',
    omrade: 'Eksport og internasjonalisering',
    enhet: 'andel',
    navn: 'Andel målbedrifter der hele eller deler av omsetningen består av eksport',
    hjelpetekst:
      'Total andel (%) av målbedriftene der eksport utgjør hele eller deler av omsetningen. Med eksport menes innenlandsk produserte varer som sendes ut av Norge.',
    definisjon: `${ANDEL_AKTIVE} med malbedrifter.eksport = ja.`,
  },
  {
    id: 'andelInternasjonaltMarked',
    omrade: 'Eksport og internasjonalisering',
    enhet: 'andel',
    navn: 'Andel målbedrifter med internasjonalt marked',
    hjelpetekst:
      'Total andel (%) av målbedriftene som har et internasjonalt marked (enten ved at de eksporterer eller ved at de selger varer og tjenester i Norge til utenlandske kundegrupper).',
    definisjon: `${ANDEL_AKTIVE} med internasjonaltMarked = ja eller eksport = ja (eksport er et internasjonalt marked etter hjelpeteksten).`,
  },
  // ——— Samarbeid innad i programmene ———
  {
    id: 'samarbeidsprosjekter',
    omrade: 'Samarbeid innad i programmene',
    enhet: 'antall',
    navn: 'Antall konkrete kompetanse- og/eller nettverksprosjekter næringshagen forventer å gjennomføre sammen med andre programoperatører i løpet av året',
    hjelpetekst:
      'Antall konkrete kompetanse- og/eller nettverksprosjekter (f.eks. kurs, seminarer, workshops) næringshagen planlegger å gjennomføre med andre programoperatører (næringshager og/eller inkubatorer) i løpet av året.',
    definisjon:
      'Rader i tiltak med type (eller «ogsa») «samarbeidsprosjekt» og dato i perioden. Samarbeid med Siva teller ikke: Siva er ikke en programoperatør (næringshage/inkubator).',
  },
  {
    id: 'henvisteBedrifter',
    omrade: 'Samarbeid innad i programmene',
    enhet: 'antall',
    navn: 'Antall bedrifter som næringshagen i løpet av året forventer å henvise til andre programoperatører istedenfor å ta de opp som egen målbedrift',
    hjelpetekst:
      'Antall bedrifter som næringshagen i løpet av året forventer å henvise til andre programoperatører (næringshager og inkubatorer) istedenfor å ta de opp som egen målbedrift',
    definisjon:
      'Ulike bedrifter (orgnr, ellers navn) i tiltak med type «henvisning» og dato i perioden. En bedrift som står i malbedrifter (egen målbedrift) teller ikke: den er tatt opp, ikke henvist «istedenfor».',
  },
  {
    id: 'radgivningFraAndre',
    omrade: 'Samarbeid innad i programmene',
    enhet: 'antall',
    navn: 'Antall målbedrifter som næringshagen forventer vil motta rådgivning fra andre programoperatører i løpet av året',
    hjelpetekst:
      'Antall målbedrifter som næringshagen forventer vil motta rådgivning fra andre programoperatører (næringshager/inkubatorer) i løpet av året. Målbedriftene vil motta rådgivningen ved at næringshagen kjøper innovasjonsstøttetjenester fra andre næringshager og/eller inkubatorer',
    definisjon: 'Aktive målbedrifter med malbedrifter.radgivningFraAndre = ja.',
  },
  {
    id: 'radgivningAndresBedrifter',
    omrade: 'Samarbeid innad i programmene',
    enhet: 'antall',
    navn: 'Antall bedrifter hos andre programoperatører som næringshagen forventer vil motta rådgivning fra næringshagens ansatte i løpet av året',
    hjelpetekst:
      'Antall bedrifter hos andre programoperatører (næringshager/inkubatorer) som næringshagen forventer vil motta rådgivning fra næringshagens ansatte i løpet av året (ved at andre næringshager og/eller inkubatorer kjøper innovasjonsstøttetjenester fra næringshagen).',
    definisjon:
      'Ulike bedrifter (orgnr, ellers navn) i tiltak med type «radgivning-andres-bedrift» og dato i perioden.',
  },
  {
    id: 'ogsaTattOppHosAndre',
    omrade: 'Samarbeid innad i programmene',
    enhet: 'antall',
    navn: 'Antall egne målbedrifter som forventes å være tatt opp i program også hos andre programoperatører i løpet av året',
    hjelpetekst:
      'Antall egne målbedrifter som vil motta så mye rådgivning fra andre programoperatører (næringshager/inkubatorer) i løpet av året at de også tas opp/er tatt opp i program som målbedrift/inkubatorbedrift i andre næringshager/inkubatorer.',
    definisjon: 'Aktive målbedrifter med malbedrifter.ogsaTattOppHosAndre = ja.',
  },
  // ——— Tilgang til andre virkemidler ———
  {
    id: 'andelBistattVirkemidler',
    omrade: 'Tilgang til andre virkemidler',
    enhet: 'andel',
    navn: 'Andel målbedrifter næringshagen i løpet av året forventer å bistå i prosesser med å få tilgang til andre virkemidler',
    hjelpetekst:
      'Total andel (%) av målbedriftene som næringshagen i løpet av året forventer å bistå i prosesser med å få tilgang til andre virkemidler. Eksempler på prosesser kan være å henvise målbedrifter til andre virkemiddelaktører eller rådgivning knyttet til målbedriftenes søknadsskriving til en eller flere virkemidler.',
    definisjon: `${ANDEL_AKTIVE} med malbedrifter.bistattVirkemidler = ja.`,
  },
];

/** Tolkningsvalgene (docs/aarsrapport.md), vist i utskrift, --json og xlsx. */
export const TOLKNINGER: readonly string[] = [
  'Aktiv målbedrift: avtalen (avtalestart–avtaleslutt, tom slutt = løpende) overlapper perioden, også bare en del av den (11.1, 11.2).',
  'Andeler regnes over de aktive målbedriftene i perioden og avrundes til 0,0001 %, halv opp.',
  'Innovasjonsstøtte: støtte > 0 i støtteregisteret med dato i perioden; Sivas minimum er 90 % (11.2).',
  'SRL-økning: «total andel … av målbedriftene» — nevneren er alle aktive målbedrifter; uten vurdering begge år er det ingen økning; bare 2023 kan ikke beregnes (11.2, vedlegg 1).',
  'Taksonomi og kvinnelig ledelse måles «per 31.12»: bare målbedrifter med aktiv avtale på periodens siste dag teller (11.2).',
  'Henvisning av en egen målbedrift og samarbeid med Siva (ikke programoperatør) telles ikke; ett tiltak kan telle under to måltall med kolonnen «ogsa» (11.2).',
  'Halvår: målene er for hele året (ikke halvert); SRL teller bare vurderinger datert i halvåret (11.1, 11.2).',
  'Internasjonalt marked: internasjonaltMarked = ja eller eksport = ja (hjelpeteksten i 11.2).',
  'Antall tiltak: én rad i tiltak = ett tiltak (ikke per deltaker); henvisninger og rådgivning av andres bedrifter telles som ulike bedrifter.',
  'Grunnlaget for måltallene til neste år regnes fra året før (det året som går når måltallene legges inn 1. desember).',
];
