/**
 * Kjøringsmerket i `faktura/<periode>/.nh-kjoring.json`: hvilken kjøring (registerets `kjoring`) utfilene
 * i mappen kom fra, hvilke filer den skrev (med sha256) og hvilke numre den tildelte. Skrives sammen med
 * utfilene og døpes om FØRST, registeret SIST. Avbrytes en kjøring (kill, strømbrudd) mellom utfilene og
 * registeret, kan neste kjøring vise at filene er dens egne (samme sha256, kjøringen står som «tildelt» i
 * nummerloggen) og flytte dem til `avbrutt/` — en fil nh ikke kan vise at den skrev, røres aldri (issue 23).
 * Her leses også alle periodemappene (EHF-filene med sha256), som planen kontrollerer mot registeret.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { KJORINGSMERKE, type Merke, type Periodemappe } from '../../domain/faktura/utfiler.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import type { Utfil } from '../skriv/skriv.js';
import { finnEhfFiler } from './ehf-filer.js';

const KJORING_FIL = KJORINGSMERKE;
export const AVBRUTT_MAPPE = 'avbrutt';

export const fakturagrunnlagStier = (mappe: string) => ({
  xlsx: path.join(mappe, 'fakturagrunnlag.xlsx'),
  csv: path.join(mappe, 'fakturagrunnlag.csv'),
});

const merkeSkjema = z.union([
  z.object({ versjon: z.literal(1), periode: z.string(), kjoring: z.string(), filer: z.array(z.string()) }),
  z.object({
    versjon: z.literal(2),
    periode: z.string(),
    kjoring: z.string(),
    filer: z.array(z.object({ sti: z.string(), sha256: z.string() })),
    numre: z.array(z.string()),
  }),
]);

const sha256 = (innhold: Uint8Array | string) => createHash('sha256').update(innhold).digest('hex');

/** Merket for kjøringens filer (stier relativt til periodemappen, med sha256) og numrene den tildelte. */
export function kjoringsmerke(
  periodeMappe: string,
  periode: string,
  kjoring: string,
  filer: readonly Utfil[],
  numre: readonly string[],
): Utfil {
  const liste = filer.map((f) => ({
    sti: path.relative(periodeMappe, f.sti).split(path.sep).join('/'),
    sha256: sha256(f.innhold),
  }));
  const innhold = { versjon: 2, periode, kjoring, filer: liste, numre };
  return { sti: path.join(periodeMappe, KJORING_FIL), innhold: `${JSON.stringify(innhold, null, 2)}\n` };
}

/** Merket i mappen (null: intet merke — eldre nh, eller aldri skrevet — eller uleselig). */
async function lesKjoringsmerke(periodeMappe: string): Promise<Merke | null> {
  let tekst: string;
  try {
    tekst = await readFile(path.join(periodeMappe, KJORING_FIL), 'utf8');
  } catch {
    return null;
  }
  try {
    const r = merkeSkjema.safeParse(JSON.parse(tekst));
    if (!r.success) return null;
    const m = r.data;
    if (m.versjon === 1) return { kjoring: m.kjoring, filer: m.filer.map((sti) => ({ sti })), numre: [] };
    return { kjoring: m.kjoring, filer: m.filer, numre: m.numre };
  } catch {
    return null;
  }
}

async function ehfMedSha(mappe: string): Promise<{ navn: string; sha256: string }[]> {
  const ut: { navn: string; sha256: string }[] = [];
  for (const navn of await finnEhfFiler(mappe))
    ut.push({ navn, sha256: sha256(await readFile(path.join(mappe, navn))) });
  return ut;
}

/** EHF-filnavnene under avbrutt/ (filer nh har flyttet dit; numrene deres er brukt). */
async function avbrutteEhf(mappe: string): Promise<string[]> {
  const kjoringer = await readdir(path.join(mappe, AVBRUTT_MAPPE)).catch(() => [] as string[]);
  const ut: string[] = [];
  for (const k of kjoringer) ut.push(...(await finnEhfFiler(path.join(mappe, AVBRUTT_MAPPE, k, 'ehf'))));
  return ut;
}

const erFil = (sti: string) =>
  stat(sti).then(
    (s) => s.isFile(),
    () => false,
  );

/** Filene merket nevner som finnes nå, med sha256 slik de er nå. */
async function merkefiler(mappe: string, merke: Merke | null): Promise<{ sti: string; sha256: string }[]> {
  const ut: { sti: string; sha256: string }[] = [];
  for (const f of merke?.filer ?? []) {
    const innhold = await readFile(path.join(mappe, f.sti)).catch(() => null);
    if (innhold) ut.push({ sti: f.sti, sha256: sha256(innhold) });
  }
  return ut;
}

/** Det som ligger i faktura/<periode>/: kjøringsmerket, filene det nevner, fakturagrunnlaget og EHF-filene. */
export async function lesPeriodemappe(am: Arbeidsmappe, periode: string): Promise<Periodemappe> {
  const mappe = am.sti('faktura', periode);
  const { xlsx, csv } = fakturagrunnlagStier(mappe);
  const merke = await lesKjoringsmerke(mappe);
  return {
    periode,
    visning: path.relative(am.rot, mappe).split(path.sep).join('/'),
    merke,
    merkefiler: await merkefiler(mappe, merke),
    fakturagrunnlag: (await erFil(xlsx)) || (await erFil(csv)),
    ehf: await ehfMedSha(path.join(mappe, 'ehf')),
    avbrutt: await avbrutteEhf(mappe),
  };
}

/** Periodene nh har skrevet i (faktura/<åååå-mm>/), sortert. */
export async function finnPerioder(am: Arbeidsmappe): Promise<string[]> {
  const navn = await readdir(am.sti('faktura')).catch(() => [] as string[]);
  return navn.filter((n) => /^\d{4}-\d{2}$/.test(n)).sort();
}

/** Alle periodemappene (også perioden som kjøres, om den finnes). */
export async function lesPeriodemapper(am: Arbeidsmappe): Promise<Periodemappe[]> {
  const ut: Periodemappe[] = [];
  for (const p of await finnPerioder(am)) ut.push(await lesPeriodemappe(am, p));
  return ut;
}
