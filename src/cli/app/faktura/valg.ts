/** Valgene til `nh faktura` slik commander gir dem (definert i cli/commands/faktura.ts). */
import type { FellesValg } from '../valg.js';

export type FakturaValg = FellesValg & { periode?: string; erstatt?: boolean; forhandsvis?: boolean; format?: string };
