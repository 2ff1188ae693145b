/** Malene for CSV-filene nh skriver (templates/<navn>.json). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MAL_MAPPE } from '../pakke.js';

// ————— Malen for regnskapsimport-CSV (templates/fakturagrunnlag-csv.json) —————

const csvMalSkjema = z.object({
  navn: z.string(),
  beskrivelse: z.string().optional(),
  kolonner: z.array(
    z.object({
      nokkel: z.string(),
      overskrift: z.string(),
      type: z.enum(['tekst', 'belop', 'prosent', 'timer', 'dato', 'heltall', 'kurs', 'janei']),
      beskrivelse: z.string().optional(),
    }),
  ),
});
export type CsvMal = z.output<typeof csvMalSkjema>;

export async function lesCsvMal(navn: string): Promise<CsvMal> {
  return csvMalSkjema.parse(JSON.parse(await readFile(path.join(MAL_MAPPE, `${navn}.json`), 'utf8')));
}
