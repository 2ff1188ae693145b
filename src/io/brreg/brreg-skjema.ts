/**
 * Zod-skjemaene for svarene fra Brønnøysundregistrene (Enhetsregisteret og Regnskapsregisteret), etter den
 * publiserte JSON-formen (se /work/shared/referanse/brreg-og-norges-bank-api.md): alle felt unntatt orgnr, navn
 * og organisasjonsform er valgfrie; `sumInnskuttEgenkaptial` og `regnkapsprinsipper` er stavet som i API-et.
 */
import { z } from 'zod';

/**
 * Valgfritt felt der `null` tolkes som manglende. Regnskapsregisteret utelater null-felt (NON_NULL), men
 * tredjepartsopptak av Enhetsregisteret viser `null` (f.eks. `antallAnsatte`); ett null-felt skal ikke
 * gjøre hele svaret ugyldig.
 */
const valgfri = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === null ? undefined : v), s.optional());
const kodeBeskrivelse = z.looseObject({ kode: z.string(), beskrivelse: z.string().optional() });
/** Tomme strenger forekommer i eldre svar («konkursdato": ""); de tolkes som manglende. */
export const valgfriTekst = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional());
const valgfriBool = valgfri(z.boolean());

export const enhetSkjema = z.looseObject({
  respons_klasse: z.string().optional(),
  organisasjonsnummer: z.string(),
  navn: z.string(),
  organisasjonsform: kodeBeskrivelse,
  naeringskode1: valgfri(kodeBeskrivelse),
  naeringskode2: valgfri(kodeBeskrivelse),
  naeringskode3: valgfri(kodeBeskrivelse),
  antallAnsatte: valgfri(z.number().int().min(0)),
  harRegistrertAntallAnsatte: valgfriBool,
  registreringsdatoEnhetsregisteret: valgfriTekst,
  registreringsdatoForetaksregisteret: valgfriTekst,
  stiftelsesdato: valgfriTekst,
  institusjonellSektorkode: valgfri(kodeBeskrivelse),
  konkurs: valgfriBool,
  konkursdato: valgfriTekst,
  underAvvikling: valgfriBool,
  underAvviklingDato: valgfriTekst,
  underTvangsavviklingEllerTvangsopplosning: valgfriBool,
  erIKonsern: valgfriBool,
  overordnetEnhet: valgfriTekst,
  underRekonstruksjonsforhandlingDato: valgfriTekst,
  underUtenlandskInsolvensbehandlingDato: valgfriTekst,
  sisteInnsendteAarsregnskap: valgfriTekst,
  kapital: valgfri(z.looseObject({ belop: valgfri(z.number()), type: valgfriTekst, valuta: valgfriTekst })),
  slettedato: valgfriTekst,
});
export type Enhet = z.output<typeof enhetSkjema>;

/** Underenhet (`/underenheter/{orgnr}`): det sjekken trenger er navnet og hovedenheten (`overordnetEnhet`). */
export const underenhetSkjema = z.looseObject({
  respons_klasse: z.string().optional(),
  organisasjonsnummer: z.string(),
  navn: z.string(),
  overordnetEnhet: valgfriTekst,
  slettedato: valgfriTekst,
});

export const fjernetSkjema = z.looseObject({ organisasjonsnummer: z.string().optional(), slettedato: valgfriTekst });

// Regnskapsregisteret: alle blader er valgfrie (null-felt utelates, også fraDato/tilDato i Tidsperiode).
// `id` er et heltall i API-koden, men en streng (GUID) i den publiserte spesifikasjonen: begge tåles.
const tall = valgfri(z.number());
const obj = <S extends z.core.$ZodLooseShape>(shape: S) => valgfri(z.looseObject(shape));
const regnskapSkjema = z.looseObject({
  id: valgfri(z.union([z.number().int(), z.string()])),
  journalnr: valgfriTekst,
  regnskapstype: valgfriTekst,
  valuta: valgfriTekst,
  oppstillingsplan: valgfriTekst,
  avviklingsregnskap: valgfriBool,
  regnskapsperiode: obj({ fraDato: valgfriTekst, tilDato: valgfriTekst }),
  virksomhet: obj({ organisasjonsnummer: valgfriTekst, organisasjonsform: valgfriTekst }),
  egenkapitalGjeld: obj({
    sumEgenkapitalGjeld: tall,
    egenkapital: obj({
      sumEgenkapital: tall,
      opptjentEgenkapital: obj({ sumOpptjentEgenkapital: tall }),
      innskuttEgenkapital: obj({ sumInnskuttEgenkaptial: tall }),
    }),
    gjeldOversikt: obj({ sumGjeld: tall }),
  }),
  eiendeler: obj({ sumEiendeler: tall }),
  resultatregnskapResultat: obj({
    aarsresultat: tall,
    driftsresultat: obj({ driftsinntekter: obj({ sumDriftsinntekter: tall }) }),
  }),
});
export const regnskapListeSkjema = z.array(regnskapSkjema);
export type Regnskap = z.output<typeof regnskapSkjema>;
