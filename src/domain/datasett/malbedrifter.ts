import { MARKEDSPRIS_SPENN, dato, epost, orgnr, prosent, tekst, belop, janei } from '../felles/felter.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

const taksonomi = tekst(50).transform((s, ctx): number[] => {
  const r = tolkTaksonomi(s);
  if (typeof r === 'string') {
    ctx.addIssue({
      code: 'custom',
      message: r,
      params: { forventet: 'miljømålenes nummer 1–6 skilt med komma, f.eks. «1,4» (vedlegg 2)' },
    });
    return [];
  }
  return r;
});

/**
 * Målbedrifter med målbedriftsavtale (programveileder 8.2). Rapporteringsattributtene for måltall
 * (11.2) legges til som frivillige kolonner nederst av årsrapport-modulen.
 */
export const malbedrifterDef = definerDatasett({
  navn: 'malbedrifter',
  beskrivelse: 'Én rad per målbedrift (avtale).',
  unik: ['orgnr'],
  kolonner: {
    orgnr: paakrevd(orgnr(), {
      overskrift: 'Orgnr',
      type: 'orgnr',
      alias: ['organisasjonsnummer', 'org nr'],
      beskrivelse: 'Organisasjonsnummer (ni sifre, MOD11).',
      eksempel: '923609016',
    }),
    navn: paakrevd(tekst(200), {
      overskrift: 'Navn',
      type: 'tekst',
      alias: ['bedrift', 'firmanavn'],
      beskrivelse: 'Bedriftens navn.',
      eksempel: 'Fjordlys Sjømat AS',
    }),
    avtalestart: paakrevd(dato(), {
      overskrift: 'Avtalestart',
      type: 'dato',
      alias: ['avtale start', 'startdato'],
      beskrivelse: 'Første dag i målbedriftsavtalen.',
      eksempel: '15.01.2026',
    }),
    avtaleslutt: frivillig(dato(), {
      overskrift: 'Avtaleslutt',
      type: 'dato',
      alias: ['avtale slutt', 'sluttdato'],
      beskrivelse: 'Siste dag i avtalen. Tom = løpende.',
      eksempel: '31.12.2027',
    }),
    dagligLeder: frivillig(tekst(200), {
      overskrift: 'Daglig leder',
      type: 'tekst',
      alias: ['daglig leder'],
      beskrivelse: 'Daglig leders navn (kundetilfredshetsundersøkelsen, 6.3).',
      eksempel: 'Ola Nordmann',
    }),
    dagligLederEpost: frivillig(epost(), {
      overskrift: 'Daglig leders e-post',
      type: 'epost',
      alias: ['daglig leder epost', 'epost', 'e-post'],
      beskrivelse: 'Daglig leders e-post.',
      eksempel: 'ola@fjordlys.no',
    }),
    utviklingsplan: frivillig(tekst(200), {
      overskrift: 'Utviklingsplan',
      type: 'tekst',
      alias: ['utviklingsplan dato', 'utviklingsplan referanse', 'utviklingsplan ref'],
      beskrivelse:
        '8.2: dato eller referanse til målbedriftens utviklingsplan («skal ha en utviklingsplan basert på reelle behov»). Tom for en aktiv målbedrift gir en advarsel i nh sjekk og nh årsrapport.',
      eksempel: '15.01.2026',
    }),
    stotteintensitet: frivillig(prosent({ min: 0, maks: 100 }), {
      overskrift: 'Støtteintensitet %',
      type: 'prosent',
      alias: ['støtteintensitet'],
      beskrivelse: 'Støtteintensitet i prosent. Tom = arbeidsmappens standard (75 %). Over 75 % avvises av faktura.',
      eksempel: '75',
    }),
    markedspris: frivillig(belop({ ...MARKEDSPRIS_SPENN, hva: 'markedspris per time' }), {
      overskrift: 'Markedspris per time',
      type: 'belop',
      alias: ['timepris'],
      beskrivelse: 'Avtalt markedspris per time for denne målbedriften (se «nh docs faktura» for rekkefølgen).',
      eksempel: '1 200',
    }),
    // Fakturamottaker (nh faktura: importfilene og EHF, docs/faktura.md). Påkrevd bare når EHF skal skrives.
    adresse: frivillig(tekst(200), {
      overskrift: 'Fakturaadresse',
      type: 'tekst',
      alias: ['fakturaadresse', 'postadresse'],
      beskrivelse: 'Fakturaadresse (gate og nummer, evt. postboks).',
      eksempel: 'Kaiveien 12',
    }),
    postnr: frivillig(tekst(10), {
      overskrift: 'Postnr',
      type: 'tekst',
      alias: ['postnummer'],
      beskrivelse: 'Postnummer for fakturaadressen.',
      eksempel: '6800',
    }),
    poststed: frivillig(tekst(100), {
      overskrift: 'Poststed',
      type: 'tekst',
      beskrivelse: 'Poststed for fakturaadressen.',
      eksempel: 'FØRDE',
    }),
    fakturaepost: frivillig(epost(), {
      overskrift: 'Faktura-e-post',
      type: 'epost',
      alias: ['faktura epost', 'faktura e-post'],
      beskrivelse: 'E-post for faktura (regnskapssystemet sender dit når kunden ikke tar imot EHF).',
      eksempel: 'faktura@fjordlys.no',
    }),
    deresRef: frivillig(tekst(100), {
      overskrift: 'Deres ref.',
      type: 'tekst',
      alias: ['deres ref', 'deres referanse', 'kundens referanse'],
      beskrivelse: 'Kundens referanse («Deres ref.») på fakturaen. Tom = daglig leder.',
      eksempel: 'Ola Nordmann',
    }),
    kundenummer: frivillig(tekst(30), {
      overskrift: 'Kundenummer',
      type: 'tekst',
      alias: ['kundenr', 'kunde nr'],
      beskrivelse: 'Kundenummeret i regnskapssystemet (importfilene; PowerOffice krever et tall).',
      eksempel: '10023',
    }),
    innkjopsordre: frivillig(tekst(50), {
      type: 'tekst',
      alias: ['innkjøpsordre', 'bestillingsnummer', 'deres ordrenr', 'po'],
      beskrivelse: 'Kundens egen innkjøpsordre (PO), når kunden har gitt en; sendes som OrderReference i EHF.',
      eksempel: 'PO-4711',
    }),
    avtalenr: frivillig(tekst(50), {
      type: 'tekst',
      alias: ['avtale', 'målbedriftsavtale', 'avtalenummer'],
      beskrivelse:
        'Målbedriftsavtalens nummer/referanse (EHF ContractDocumentReference). Tom = «Målbedriftsavtale fra <avtalestart>».',
      eksempel: 'MBA-2026-07',
    }),
    // Rapporteringsattributter for måltallene i programveileder 11.2 (nh årsrapport, docs/aarsrapport.md).
    // Tomt felt = nei/ikke oppgitt. Verdiene gjelder målbedriftens status nå (per 31.12 for rapporteringsåret).
    kvinneligGrunder: frivillig(janei(), {
      overskrift: 'Kvinnelig gründer',
      type: 'janei',
      alias: ['kvinnelig gründer'],
      beskrivelse: '11.2: en kvinne er gründer (ja/nei).',
      eksempel: 'ja',
    }),
    kvinneligDagligLeder: frivillig(janei(), {
      overskrift: 'Kvinnelig daglig leder',
      type: 'janei',
      alias: ['kvinnelig daglig leder'],
      beskrivelse: '11.2: daglig leder er en kvinne (ja/nei).',
      eksempel: 'nei',
    }),
    kvinneligStyreleder: frivillig(janei(), {
      overskrift: 'Kvinnelig styreleder',
      type: 'janei',
      alias: ['kvinnelig styreleder'],
      beskrivelse: '11.2: styreleder er en kvinne (ja/nei).',
      eksempel: 'nei',
    }),
    baerekraftSentralt: frivillig(janei(), {
      overskrift: 'Bærekraft sentralt',
      type: 'janei',
      alias: ['bærekraft sentralt', 'bærekraft i forretningsmodellen'],
      beskrivelse:
        '11.2: bærekraft er et sentralt element i forretningsmodellen (alle tre dimensjoner: miljø, sosial, økonomi; tiltakene er igangsatt).',
      eksempel: 'ja',
    }),
    taksonomiMiljomal: frivillig(taksonomi, {
      overskrift: 'Taksonomiens miljømål',
      type: 'tekst',
      alias: ['taksonomi', 'miljømål', 'taksonomiens miljømål'],
      beskrivelse:
        '11.2 og vedlegg 2: nummeret på miljømålene i taksonomien bedriften svarer opp (1–6), flere skilt med komma, f.eks. «1,4». Tomt = ingen.',
      eksempel: '1,4',
    }),
    digitaliseringSentralt: frivillig(janei(), {
      overskrift: 'Digitalisering sentralt',
      type: 'janei',
      alias: ['digitalisering sentralt'],
      beskrivelse: '11.2: digitalisering er et sentralt element i forretningsmodellen.',
      eksempel: 'nei',
    }),
    eksport: frivillig(janei(), {
      overskrift: 'Eksport',
      type: 'janei',
      alias: ['eksport i omsetningen'],
      beskrivelse: '11.2: hele eller deler av omsetningen er eksport (innenlandsk produserte varer sendt ut av Norge).',
      eksempel: 'nei',
    }),
    internasjonaltMarked: frivillig(janei(), {
      overskrift: 'Internasjonalt marked',
      type: 'janei',
      alias: ['internasjonalt marked'],
      beskrivelse:
        '11.2: bedriften har et internasjonalt marked (eksport, eller salg i Norge til utenlandske kundegrupper). Eksport = ja teller også.',
      eksempel: 'ja',
    }),
    bistattVirkemidler: frivillig(janei(), {
      overskrift: 'Bistått til andre virkemidler',
      type: 'janei',
      alias: ['bistått virkemidler', 'andre virkemidler'],
      beskrivelse:
        '11.2: næringshagen har i året bistått bedriften i prosesser for å få tilgang til andre virkemidler (henvisning, søknadsskriving).',
      eksempel: 'ja',
    }),
    radgivningFraAndre: frivillig(janei(), {
      overskrift: 'Rådgivning fra andre operatører',
      type: 'janei',
      alias: ['rådgivning fra andre', 'rådgivning fra andre operatører'],
      beskrivelse:
        '11.2: bedriften har i året fått rådgivning fra andre programoperatører (næringshagen kjøper innovasjonsstøttetjenester fra dem).',
      eksempel: 'nei',
    }),
    ogsaTattOppHosAndre: frivillig(janei(), {
      overskrift: 'Også tatt opp hos andre',
      type: 'janei',
      alias: ['også tatt opp hos andre', 'tatt opp hos andre'],
      beskrivelse:
        '11.2: bedriften er også tatt opp som målbedrift/inkubatorbedrift hos en annen programoperatør i året.',
      eksempel: 'nei',
    }),
  },
});

/** «1,4» / «1; 4» / «1 4» → [1, 4] (vedlegg 2: seks miljømål, nummer 1–6). */
export function tolkTaksonomi(s: string): number[] | string {
  const deler = s.split(/[\s,;/.+]+/).filter((d) => d !== '');
  const ut = new Set<number>();
  for (const d of deler) {
    if (!/^[1-6]$/.test(d)) return `«${d}» er ikke et miljømål 1–6`;
    ut.add(Number(d));
  }
  return [...ut].sort((a, b) => a - b);
}

export type Malbedrift = MedKilde<RadAv<typeof malbedrifterDef>>;
