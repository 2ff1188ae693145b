/** Valgene til `nh aarsrapport` slik commander gir dem (definert i cli/commands/aarsrapport.ts). */
import type { FellesValg } from '../valg.js';

export type AarsrapportValg = FellesValg & {
  maltall?: string;
  ar?: string;
  halvar?: boolean;
  ut?: string;
  overskriv?: boolean;
  forhandsvis?: boolean;
  streng?: boolean;
};
