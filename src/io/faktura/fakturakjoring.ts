/**
 * Kjøringsmerket i `faktura/<periode>/.nh-kjoring.json`: hvilken kjøring (registerets `kjoring`) utfilene
 * i mappen kom fra. Skrives sammen med utfilene og døpes om FØRST, registeret SIST. Avbrytes en kjøring
 * (kill, strømbrudd) mellom utfilene og registeret — typisk `--erstatt` — er merket nytt og registeret
 * gammelt, og neste kjøring ser at fakturaene og registeret ikke hører sammen (issue 11 pkt. 10).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Periodemappe } from '../../domain/faktura/kjoringsplan.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import { finnes, type Utfil } from '../skriv/skriv.js';
import { finnEhfFiler } from './ehf-filer.js';

export const KJORING_FIL = '.nh-kjoring.json';

export const fakturagrunnlagStier = (mappe: string) => ({
  xlsx: path.join(mappe, 'fakturagrunnlag.xlsx'),
  csv: path.join(mappe, 'fakturagrunnlag.csv'),
});

const merkeSkjema = z.object({
  versjon: z.literal(1),
  periode: z.string(),
  kjoring: z.string(),
  filer: z.array(z.string()),
});

export function kjoringsmerke(periodeMappe: string, periode: string, kjoring: string, filer: readonly string[]): Utfil {
  const innhold = { versjon: 1, periode, kjoring, filer: filer.map((f) => path.basename(f)) };
  return { sti: path.join(periodeMappe, KJORING_FIL), innhold: `${JSON.stringify(innhold, null, 2)}\n` };
}

/** Kjøringen utfilene i mappen er fra (null: intet merke — eldre nh, eller aldri skrevet). */
export async function lesKjoringsmerke(periodeMappe: string): Promise<string | null> {
  let tekst: string;
  try {
    tekst = await readFile(path.join(periodeMappe, KJORING_FIL), 'utf8');
  } catch {
    return null;
  }
  try {
    const r = merkeSkjema.safeParse(JSON.parse(tekst));
    return r.success ? r.data.kjoring : null;
  } catch {
    return null;
  }
}

/** Det som ligger i faktura/<periode>/ fra før: kjøringsmerket, fakturagrunnlaget og EHF-filene. */
export async function lesPeriodemappe(am: Arbeidsmappe, periode: string): Promise<Periodemappe> {
  const mappe = am.sti('faktura', periode);
  const { xlsx, csv } = fakturagrunnlagStier(mappe);
  return {
    visning: path.relative(am.rot, mappe),
    merke: await lesKjoringsmerke(mappe),
    fakturagrunnlag: (await finnes(xlsx)) || (await finnes(csv)),
    ehf: await finnEhfFiler(path.join(mappe, 'ehf')),
  };
}
