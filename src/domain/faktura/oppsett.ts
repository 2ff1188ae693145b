/**
 * nh.json → «faktura»: oppsettet `nh faktura` leser (priser, forfall, nummerserie, KID, selger,
 * regnskapssystem, EHF). Skjemaet står i configSkjema (src/domain/konfig/config.ts), så en ukjent nøkkel eller
 * en ugyldig verdi er en feil med feltets sti (f.eks. «faktura.selger.kontonummer»).
 */
import { z } from 'zod';
import { kroner, orgnrFelt as orgnr } from '../felles/konfig-felter.js';
import { MARKEDSPRIS_SPENN } from '../felles/felter.js';
import { erGyldigKontonummer, normaliserKontonummer } from './kid.js';
import { STANDARD_INGEN_STOTTE } from './ingen-stotte.js';

/** En konto i kontoplanen (NS 4102: fire sifre; større planer bruker flere). */
const konto = z.number().int().min(1000).max(99_999_999);

// Samme regel og rimelige spenn som markedspris ellers (issue 11 pkt. 2 og 5).
const pris = kroner({ ...MARKEDSPRIS_SPENN, hva: 'markedspris per time' });

const kontonummer = z.string().transform((v, ctx) => {
  const s = normaliserKontonummer(v);
  if (!erGyldigKontonummer(s)) {
    ctx.addIssue({
      code: 'custom',
      message: 'ugyldig kontonummer (11 sifre med MOD11-kontrollsiffer, f.eks. «1503 12 34561»)',
    });
    return z.NEVER;
  }
  return s;
});

/** Selgeren på fakturaen (næringshagen). Navn og orgnr er som standard `naeringshage` i nh.json. */
const selgerSkjema = z.strictObject({
  navn: z.string().min(1).optional(),
  orgnr: orgnr.optional(),
  /** Registrert i Merverdiavgiftsregisteret: «NO <orgnr> MVA» på fakturaen. */
  mvaRegistrert: z.boolean().default(true),
  /** Registrert i Foretaksregisteret (aksjeselskap o.l.): «Foretaksregisteret» på fakturaen. */
  foretaksregisteret: z.boolean().default(true),
  adresse: z.string().min(1).optional(),
  postnr: z
    .string()
    .regex(/^\d{4}$/, 'forventet fire sifre')
    .optional(),
  poststed: z.string().min(1).optional(),
  kontonummer: kontonummer.optional(),
  epost: z.string().email('forventet en e-postadresse').optional(),
  telefon: z.string().min(1).optional(),
});
export type Selger = z.output<typeof selgerSkjema>;

export const REGNSKAPSSYSTEMER = ['tripletex', 'poweroffice'] as const;
export type Regnskapssystem = (typeof REGNSKAPSSYSTEMER)[number];

export const fakturaOppsettSkjema = z.strictObject({
  /** Markedspris per time for en tjeneste (timer.tjeneste), f.eks. { "Forretningsutvikling": 1400 }. */
  tjenestepriser: z.record(z.string(), pris).default({}),
  forfallsdager: z.number().int().min(0).max(365).default(14),
  // Issue 23 pkt. 10: verdier som går inn i filer, valideres — en mva-kode er en kort kode, aldri en formel.
  mvaKode: z
    .string()
    .regex(/^[0-9A-Za-z]{1,10}$/, 'forventet en kort mva-kode (bokstaver og sifre, f.eks. «3»)')
    .default('3'),
  /** CSV-kolonne (nøkkel i templates/fakturagrunnlag-csv.json) → ny overskrift, eller false for å fjerne den. */
  csvKolonner: z.record(z.string(), z.union([z.string().min(1), z.literal(false)])).default({}),
  /** Valgfri rekkefølge (nøkler) for CSV-kolonnene; kolonner som ikke står her, kommer etter. */
  csvRekkefolge: z.array(z.string()).optional(),
  /**
   * Fakturanummer: { "forste": 10001 } = nh tildeler numre fra serien (neste = høyeste i støtteregisteret + 1,
   * aldri under «forste»); «regnskapssystem» (standard) = regnskapssystemet tildeler nummer og KID, nh skriver
   * bare en ordrereferanse.
   */
  nummerserie: z
    .union([z.literal('regnskapssystem'), z.strictObject({ forste: z.number().int().min(1).max(999_999_999) })])
    .default('regnskapssystem'),
  /**
   * KID som i OCR-avtalen med banken (lengde og kontrollsiffermetode står i avtalen). Lager regnskapssystemet også
   * KID på samme konto (f.eks. husleiefakturaer), skiller et eget første siffer (`prefiks`) nh sine fra dem.
   */
  kid: z
    .strictObject({
      metode: z.enum(['MOD10', 'MOD11']).default('MOD10'),
      lengde: z.number().int().min(2).max(25).default(7),
      prefiks: z.string().regex(/^\d$/, 'forventet ett siffer, f.eks. «9»').optional(),
    })
    .prefault({}),
  selger: selgerSkjema.prefault({}),
  /** Importfil(er) for regnskapssystemet i tillegg til den generiske CSV-en. */
  regnskapssystem: z
    .union([z.enum(REGNSKAPSSYSTEMER), z.array(z.enum(REGNSKAPSSYSTEMER))])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : [v])),
  /** Produktnummeret linjene får i importfilene (Tripletex «ORDER LINE - PROD NO», PowerOffice «ProductCode»). */
  produktnr: z
    .string()
    .regex(
      /^[0-9A-Za-zÆØÅæøå][0-9A-Za-zÆØÅæøå ._/-]{0,29}$/,
      'forventet et produktnummer (bokstaver og sifre, f.eks. «1001»)',
    )
    .optional(),
  /** Skriv EHF 3.0-fakturaer (faktura/<periode>/ehf/). */
  ehf: z.boolean().default(false),
  // Regnskapet (issue 21): PDF, støtteformen i EHF, kontoene for bilagene og PowerOffice-ruten.
  /** PDF per faktura og kreditnota (faktura/<periode>/pdf/). Standard: når nh tildeler fakturanumrene. */
  pdf: z.boolean().optional(),
  /** Innovasjonsstøtten i EHF: fradrag per linje (standard) eller ett fradrag for hele fakturaen. */
  stotteform: z.enum(['linje', 'dokument']).default('linje'),
  /** Kontoene i bilagene (NS 4102-standard): salg, støttefradraget på fakturaen og støttebilaget (10.4 pkt. 1). */
  kontoer: z
    .strictObject({
      salg: konto.default(3000),
      /** Kontoen for støttelinjen på fakturaen (standard: samme som salg). */
      stottefradrag: konto.optional(),
      kundefordringer: konto.default(1500),
      /** Kortsiktig gjeld: Sivas innovasjonstilskudd som ikke er brukt (10.4 pkt. 1). */
      tilskuddsgjeld: konto.default(2990),
      /** Inntekten når støtten er gitt (faktura sendt). */
      tilskuddsinntekt: konto.default(3400),
    })
    .prefault({}),
  /**
   * PowerOffice Go: «bilag» = utgående fakturaer som bilag ([Vouchers], nh nummererer og sender), «ordre» =
   * ordreutkast ([Orders], PowerOffice nummererer og sender). Standard: «bilag» når nh tildeler numrene.
   */
  poweroffice: z
    .strictObject({
      rute: z.enum(['bilag', 'ordre']).optional(),
      /** Ordrenummer (tall) for ordreruten: nh tildeler fra `forste`, aldri om igjen. */
      ordrenr: z.strictObject({ forste: z.number().int().min(1).max(999_999_999) }).optional(),
      /** Produktkodene i PowerOffice (påkrevd i ordreruten: PowerOffice tar konto og mva fra produktet). */
      produktkoder: z.strictObject({ timer: z.string().min(1), stotte: z.string().min(1) }).optional(),
    })
    .prefault({}),
  /**
   * Issue 20 pkt. 4–5: aktiviteter/tjenester i timer som aldri gir støtte (styrearbeid, vedlegg 3 pkt. 2; husleie,
   * definisjonen «Innovasjonsstøttetjenester»). Mønstre, «*» til slutt = ord som begynner slik. En liste erstatter
   * standarden for sitt slag.
   */
  ingenStotte: z
    .strictObject({
      styrearbeid: z.array(z.string().trim().min(1)).default([...STANDARD_INGEN_STOTTE.styrearbeid]),
      husleie: z.array(z.string().trim().min(1)).default([...STANDARD_INGEN_STOTTE.husleie]),
    })
    .prefault({}),
});
export type FakturaOppsett = z.output<typeof fakturaOppsettSkjema>;

/** Dokumentene en kjøring skriver i tillegg til fakturagrunnlaget: EHF og importfiler per regnskapssystem. */
export type Formater = { ehf: boolean; pdf: boolean; systemer: Regnskapssystem[] };
