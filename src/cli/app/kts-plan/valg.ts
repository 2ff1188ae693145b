/** Valgene til `nh kts-plan` slik commander gir dem (definert i cli/commands/kts-plan.ts). */
import type { FellesValg } from '../valg.js';

export type KtsPlanValg = FellesValg & {
  frist?: string;
  plan?: string;
  ics?: string;
  forhandsvis?: boolean;
  overskriv?: boolean;
  ut?: string;
  siden?: string;
};
