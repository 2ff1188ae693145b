/** Valgene til `nh budsjett` slik commander gir dem (definert i cli/commands/budsjett.ts). */
import type { FellesValg } from '../valg.js';

export type BudsjettValg = FellesValg & {
  ar?: string;
  regnskap?: string | boolean;
  ut?: string;
  overskriv?: boolean;
  forhandsvis?: boolean;
};
