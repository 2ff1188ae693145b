/** Valgene til `nh frister` slik commander gir dem (definert i cli/commands/frister.ts). */
import type { FellesValg } from '../valg.js';

export type FristerValg = FellesValg & { ar?: string };
