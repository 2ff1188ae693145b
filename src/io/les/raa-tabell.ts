/** Den rå tabellen (overskrifter og celler med Excel-radnummer) som CSV- og xlsx-leseren begge gir, og grensene deres. */
import type { Tegnsett } from './tekstfil.js';
import type { RaaCelle } from '../../domain/felles/felter.js';

export type RaaTabell = {
  fil: string;
  ark?: string;
  tegnsett?: Tegnsett;
  skilletegn?: string;
  overskrifter: string[];
  /** Excel-radnummer for hver datarad. */
  radnr: number[];
  rader: RaaCelle[][];
};

/** Største celle vi godtar; alt større er nesten alltid en feileksport (hele filen i én celle). */
export const MAKS_CELLE = 32_767; // Excels egen grense per celle
/** Flest kolonner vi leser: Excels egen grense (XFD). Flere kan ikke komme fra Excel (issue 11 pkt. 16). */
export const MAKS_KOLONNER = 16_384;

/**
 * Lager et filter for rå rader når overskriftene er kjent (null = ta med alle). Rader filteret avviser,
 * holdes aldri i minnet — det er det som gjør én måned av en million timerader billig.
 */
export type LagRaaFilter = (overskrifter: string[]) => ((celler: readonly RaaCelle[]) => boolean) | null;
