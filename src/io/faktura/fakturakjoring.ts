/**
 * Kjøringsmerket i `faktura/<periode>/.nh-kjoring.json`: hvilken kjøring (registerets `kjoring`) utfilene
 * i mappen kom fra. Skrives sammen med utfilene og døpes om FØRST, registeret SIST. Avbrytes en kjøring
 * (kill, strømbrudd) mellom utfilene og registeret — typisk `--erstatt` — er merket nytt og registeret
 * gammelt, og neste kjøring ser at fakturaene og registeret ikke hører sammen (issue 11 pkt. 10).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { feil, InndataFeil } from '../../domain/felles/diagnostikk.js';
import type { Utfil } from '../skriv/skriv.js';

export const KJORING_FIL = '.nh-kjoring.json';

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

/**
 * Står perioden i registeret, må utfilene være fra samme kjøring. Ellers ble en kjøring avbrutt mellom
 * utfilene og registeret: exit 2 med hva brukeren skal gjøre.
 */
export async function sjekkKjoring(opts: {
  periodeMappe: string;
  visningsmappe: string;
  periode: string;
  registerFil: string;
  kjoringer: readonly (string | undefined)[];
}): Promise<void> {
  const merke = await lesKjoringsmerke(opts.periodeMappe);
  const iRegisteret = [...new Set(opts.kjoringer.filter((k): k is string => Boolean(k)))];
  if (merke === null || !iRegisteret.length || iRegisteret.includes(merke)) return;
  throw new InndataFeil([
    feil(
      'kjoring-ulik',
      `Fakturagrunnlaget i ${opts.visningsmappe} er fra kjøringen ${merke}, men ${opts.registerFil} har perioden ` +
        `${opts.periode} fra kjøringen ${iRegisteret.join(', ')}: en kjøring (trolig med --erstatt) ble ` +
        'avbrutt mellom utfilene og registeret, så fakturagrunnlaget og registeret stemmer ikke overens. Kjør ' +
        `«nh faktura --periode ${opts.periode} --erstatt» for å lage begge på nytt (sikkerhetskopier ligger i ` +
        'faktura/sikkerhetskopi/). Ikke send fakturaer fra mappen før det er gjort.',
      { fil: path.join(opts.visningsmappe, KJORING_FIL) },
      { verdi: merke, forventet: `kjøringen ${iRegisteret.join(', ')}` },
    ),
  ]);
}
