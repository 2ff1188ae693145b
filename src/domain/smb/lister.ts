/**
 * SMB-sjekkens faste lister og grenser (begrunnet i docs/smb-sjekk.md, «Valg der teksten er åpen»).
 * Ren modul: ingen I/O.
 */

export const KILDE = {
  orgnr: 'Brønnøysundregistrene: organisasjonsnummer med ni sifre og MOD11-kontrollsiffer',
  asa: 'Programveileder 4.3 (målgruppe 2): allmennaksjeselskap (ASA)',
  utenlandsk: 'Programveileder Begrep/definisjoner «SMB»; GBER vedlegg I art. 1–6 (foretaket som helhet)',
  offentlig:
    'Programveileder 4.3 (målgruppe 2): offentlig eide foretak (herunder KF og SF); GBER vedlegg I art. 3 nr. 4',
  bank: 'Programveileder 4.3 (målgruppe 2): banker og forsikringsselskap',
  innovasjon:
    'Programveileder 4.3 (målgruppe 2): andre innovasjonsselskap (kunnskaps-/forskningspark, inkubator, næringshage)',
  sjelden: 'Programveileder 4.3 (målgruppe 2): svært sjeldne tilfeller (kravet til næringsvirksomhet; NACE 94)',
  arsverk: 'Programveileder Begrep/definisjoner «SMB» og vedlegg 3 pkt. 2; GBER vedlegg I art. 2 og 5',
  okonomi: 'Programveileder Begrep/definisjoner «SMB» og vedlegg 3 pkt. 2; GBER vedlegg I art. 2 og 4',
  eierskap:
    'Vedlegg 3 pkt. 2 (partnere/tilknyttede); GBER vedlegg I art. 3 (nr. 2 investorunntak, nr. 4 offentlige) og 6',
  kapitaltap:
    'Vedlegg 3 pkt. 2, «i vanskeligheter» 1) (tapt mer enn halvparten av tegnet kapital inkl. overkurs, for bedriften og konsernet; treårsunntak for SMB); GBER art. 2 nr. 18 a',
  insolvens:
    'Vedlegg 3 pkt. 2, «i vanskeligheter» 2) («Hvis bedriften eller konsernet … er insolvente»: negativ egenkapital og ikke midler til løpende forpliktelser)',
  konkurs:
    'Vedlegg 3 pkt. 2, «i vanskeligheter» 2) (bedriften eller konsernet); GBER art. 2 nr. 18 c (kollektiv insolvensbehandling: konkurs, rekonstruksjon, avvikling, tvangsoppløsning)',
  redning: 'GBER art. 2 nr. 18 d (redningsstøtte ikke tilbakebetalt, eller omstruktureringsstøtte under en plan)',
  treaarstak: 'Vedlegg 3 pkt. 2 (maks 200 000 euro innovasjonsstøtte per målbedrift over en rullerende treårsperiode)',
} as const;

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
/**
 * Institusjonell sektorkode (SSBs standard for institusjonell sektorgruppering, feltet
 * `institusjonellSektorkode` i Enhetsregisteret) der koden selv sier offentlig kontroll: SSB plasserer et
 * foretak i en offentlig eid sektor når staten eller kommunene kontrollerer det (eier mer enn halvparten),
 * altså langt over 25 % (GBER vedlegg I art. 3 nr. 4). Beskrivelsene er slik registeret skriver dem.
 */
export const OFFENTLIGE_SEKTORER: Readonly<Record<string, string>> = {
  '1110': 'Statlig eide foretak (statsforetak o.l.)',
  '1120': 'Statlig eide aksjeselskaper mv.',
  '1510': 'Kommunale foretak med ubegrenset ansvar',
  '1520': 'Kommunalt eide aksjeselskaper mv.',
  '3100': 'Norges Bank',
  '3900': 'Statlige låneinstitutter mv.',
  '6100': 'Statsforvaltningen',
  '6500': 'Kommuneforvaltningen',
};
/**
 * Sektorkoder der offentlig eierskap under kontrollgrensen ikke synes: koden sier privat kontroll (over 50 %
 * privat), men en offentlig eierandel på 25–50 % er mulig. Gir «ok» bare når eierskapet er oppgitt
 * (--selvstendig, --partner, --eierskap); ellers fanger kriteriet «eierskap» det.
 */
export const PRIVATE_SEKTORER: Readonly<Record<string, string>> = {
  '2100': 'Private aksjeselskaper mv.',
  '2300': 'Personlig næringsdrivende (foretak)',
  '2500': 'Private produsenter med ubegrenset ansvar',
  '7000': 'Ideelle organisasjoner',
  '8200': 'Personlig næringsdrivende',
};
/** Programveileder 4.3: banker og forsikring etter organisasjonsform. */
export const BANK_FORSIKRING_FORMER: Readonly<Record<string, string>> = {
  SPA: 'sparebank',
  GFS: 'gjensidig forsikringsselskap',
  PK: 'pensjonskasse',
};
/** NACE (SN2007/SN2025) for banker og forsikring: 64.1 bankvirksomhet, 65 forsikring og pensjonskasser. */
export const BANK_FORSIKRING_NACE = ['64.1', '65.'] as const;
/** NACE 64.9 (kredittforetak, finansieringsforetak, factoring m.m.): kan være kredittinstitusjon → må vurderes. */
export const KANSKJE_BANK_NACE = ['64.9'] as const;
/** Programveileder 4.3: svært sjeldne tilfeller etter organisasjonsform. */
export const SJELDNE_FORMER: Readonly<Record<string, string>> = {
  STI: 'stiftelse',
  FLI: 'forening/lag/innretning',
  KIRK: 'Den norske kirke',
};
/** Utenlandske foretak: SMB-statusen avhenger av foretaket i utlandet (må vurderes). */
export const UTENLANDSKE_FORMER: Readonly<Record<string, string>> = {
  NUF: 'norskregistrert utenlandsk foretak',
  UTLA: 'utenlandsk enhet',
};
/** Ord i navnet som tyder på et annet innovasjonsselskap (kun en advarsel: ingen register sier det). */
export const INNOVASJONSORD = [
  'NÆRINGSHAGE',
  'INKUBATOR',
  'KUNNSKAPSPARK',
  'FORSKNINGSPARK',
  'SCIENCE PARK',
  'SCIENCEPARK',
  'INNOVASJONSPARK',
];

/** Færre enn 250 årsverk (i hundredeler). */
export const ARSVERK_GRENSE = 250_00;
/** 50 millioner euro i cent. */
export const OMSETNING_GRENSE_EUR_CENT = 5_000_000_000;
/** 43 millioner euro i cent. */
export const BALANSE_GRENSE_EUR_CENT = 4_300_000_000;
/** Offentlig kontroll på 25 % eller mer (ppm): ikke SMB (GBER vedlegg I art. 3 nr. 4). */
export const OFFENTLIG_GRENSE_PPM = 250_000;
/** Enhetsregisteret viser ikke antallet når det er 0–4 ansatte; den øvre grensen brukes (forsiktig). */
export const SMAA_ANSATTE_OVRE = 4_00;
