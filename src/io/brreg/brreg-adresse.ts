/**
 * Adressen Brønnøysundregistrene oppgir for en enhet, fra svaret `nh smb-sjekk` har lagret i
 * smb-sjekk/buffer/<orgnr>-enhet.json. Postadressen foretrekkes (den er for post og faktura), ellers
 * forretningsadressen. nh faktura tilbyr den når malbedrifter mangler adresse — aldri i stillhet.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { bufferStier, fraBuffer } from './brreg.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';

const adresseSkjema = z.object({
  adresse: z.array(z.string()).optional(),
  postnummer: z.string().optional(),
  poststed: z.string().optional(),
});
const enhetSkjema = z.object({ postadresse: adresseSkjema.optional(), forretningsadresse: adresseSkjema.optional() });

export type BrregAdresse = {
  adresse: string;
  postnr: string;
  poststed: string;
  hvilken: 'postadresse' | 'forretningsadresse';
  hentet: string;
};

export async function lesBrregAdresse(am: Arbeidsmappe, orgnr: string): Promise<BrregAdresse | null> {
  let tekst: string;
  try {
    tekst = await readFile(am.sti(...bufferStier(orgnr).enhet), 'utf8');
  } catch {
    return null;
  }
  const b = fraBuffer(tekst);
  if (b?.status !== 200) return null;
  let data: unknown;
  try {
    data = JSON.parse(b.tekst);
  } catch {
    return null;
  }
  const e = enhetSkjema.safeParse(data);
  if (!e.success) return null;
  for (const hvilken of ['postadresse', 'forretningsadresse'] as const) {
    const a = e.data[hvilken];
    const gate = a?.adresse?.filter((s) => s.trim()).join(', ');
    if (a && gate && a.postnummer && a.poststed)
      return { adresse: gate, postnr: a.postnummer, poststed: a.poststed, hvilken, hentet: b.hentet };
  }
  return null;
}
