/**
 * Malene for xlsx: `templates/<navn>.json` beskriver ark, kolonner, typer og formler (plassholderne i
 * xlsx-formel.ts). Leses og valideres her; xlsx-skriv.ts bygger arbeidsboken fra malen og kommandoens data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MAL_MAPPE } from '../pakke.js';
import type { Celletype, Celleverdi, Rad } from '../../domain/felles/rapport.js';
import type { Dato } from '../../domain/felles/dato.js';

const celletype = z.enum(['tekst', 'belop', 'prosent', 'timer', 'dato', 'heltall', 'nummer', 'kurs', 'janei']);

const malSkjema = z.object({
  navn: z.string(),
  beskrivelse: z.string().optional(),
  /** Topptekst på hver utskrevne side: dokumenttittel og periode (med {variabler}). */
  dokument: z.object({ tittel: z.string(), periode: z.string().optional() }).optional(),
  ark: z.array(
    z.object({
      nokkel: z.string(),
      navn: z.string().max(31),
      type: z.enum(['tabell', 'parametre']).default('tabell'),
      tittel: z.string().optional(),
      kolonner: z
        .array(
          z.object({
            nokkel: z.string(),
            overskrift: z.string(),
            type: celletype,
            bredde: z.number().optional(),
            formel: z.string().optional(),
            sum: z.boolean().optional(),
            /** Tallformat for sumcellen når summen er en annen størrelse enn kolonnen (årsverk av stillingsprosent). */
            sumFormat: z.string().optional(),
          }),
        )
        .default([]),
      sumEtikett: z.string().optional(),
    }),
  ),
});
export type Mal = z.output<typeof malSkjema>;
export type MalArk = Mal['ark'][number];

export async function lesMal(navn: string): Promise<Mal> {
  const sti = path.join(MAL_MAPPE, `${navn}.json`);
  return malSkjema.parse(JSON.parse(await readFile(sti, 'utf8')));
}

export type Parameter = { nokkel: string; etikett: string; type: Celletype; verdi: Celleverdi };
export type MalData = {
  /** Erstatter {nokkel} i titler. */
  variabler?: Record<string, string>;
  /** Rader per ark-nøkkel (tabell-ark). */
  rader?: Record<string, Rad[]>;
  /** Parametre per ark-nøkkel (parametre-ark). */
  parametre?: Record<string, Parameter[]>;
  /** Kommandoens «i dag» (k.idag): kjøredatoen i bunnteksten på hver side. */
  idag?: Dato;
};
