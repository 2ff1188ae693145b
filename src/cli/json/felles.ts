/**
 * Issue 19 pkt. 10: byggesteinene i JSON-skjemaene (src/cli/json/*.ts). Skjemaene beskriver det `--json` skriver —
 * de brukes ikke når nh kjører, men av testene (hvert resultat i test/gylne og json-kontrakt.test.ts må passe
 * nøyaktig: et nytt felt uten beskrivelse er en feil) og av scripts/lag-docs.mjs, som skriver docs/json.md.
 */
import { z } from 'zod';
import { JSON_VERSJON } from './konvolutt.js';

export const kr = (b: string) => z.number().describe(`${b} (kroner, to desimaler)`);
export const eur = (b: string) => z.number().describe(`${b} (euro, to desimaler)`);
export const pst = (b: string) => z.number().describe(`${b} (prosent, 75 = 75 %)`);
export const dato = (b: string) => z.string().describe(`${b} (åååå-mm-dd)`);
export const maaned = (b: string) => z.string().describe(`${b} (åååå-mm)`);
export const tekst = (b: string) => z.string().describe(b);
export const tall = (b: string) => z.number().describe(b);
export const jaNei = (b: string) => z.boolean().describe(b);
export const sti = (b: string) => z.string().describe(`${b} (absolutt sti)`);
export const tolkninger = () =>
  z.array(z.string()).describe('valgene nh har gjort der programveilederen er åpen (også i xlsx-filen)');

/** Én feil eller advarsel (src/domain/felles/diagnostikk.ts). */
export const diagnostikk = z
  .strictObject({
    alvor: z.enum(['feil', 'advarsel']).describe('«feil» stopper kjøringen, «advarsel» gjør det ikke'),
    kode: tekst('stabil kode for skript, f.eks. «ikke-fylt-inn» eller «ugyldig-verdi»'),
    melding: tekst('meldingen på norsk, slik den står på skjermen'),
    kilde: z
      .strictObject({
        fil: tekst('filen (eller «kommandolinjen»)'),
        ark: tekst('arket i xlsx').optional(),
        rad: tall('radnummeret slik Excel viser det (overskriften er rad 1)').optional(),
        kolonne: tekst('kolonnen, feltet i nh.json eller flagget').optional(),
      })
      .optional()
      .describe('hvor feilen er'),
    verdi: tekst('verdien som sto der').optional(),
    forventet: tekst('hva som var ventet').optional(),
  })
  .describe('en feil eller advarsel');

/** Feltene hvert resultat har (src/cli/json/konvolutt.ts), i denne rekkefølgen; `advarsler` står sist. */
const konvoluttFelt = {
  ok: jaNei('true når exitKode er 0'),
  versjon: z
    .literal(JSON_VERSJON)
    .describe('versjonen av JSON-formen (økes når et felt endrer navn, type eller betydning)'),
  kommando: z
    .string()
    .nullable()
    .describe('kommandoen som ble kjørt («faktura», «årsrapport» …); null ved ukjent kommando'),
  exitKode: z
    .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])
    .describe('0 ok, 1 en regel sier nei, 2 ugyldig inndata eller bruk, 3 intern feil i nh'),
};
const advarsler = z.array(diagnostikk).describe('advarslene (på skjermen samlet per kode; her hver for seg)');

/** Et resultat: konvolutten rundt kommandoens egne felt. */
export function resultat<T extends z.ZodRawShape>(felt: T) {
  return z.strictObject({ ...konvoluttFelt, ...felt, advarsler });
}

/** Feilresultatet alle kommandoene gir ved exit 2 og 3. */
export const feilResultat = resultat({
  feil: z.array(diagnostikk).describe('alle feilene i kjøringen (nh samler dem før den stopper)'),
  skrevet: z
    .array(z.string())
    .optional()
    .describe('filer som ble erstattet før feilen (bare når skrivingen stoppet midt i; ellers er ingenting skrevet)'),
});
