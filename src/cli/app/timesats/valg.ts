/** Valgene til `nh timesats` slik commander gir dem (definert i cli/commands/timesats.ts). */
import type { FellesValg } from '../valg.js';

export type TimesatsValg = FellesValg & { ar?: string; ut?: string; overskriv?: boolean; forhandsvis?: boolean };
