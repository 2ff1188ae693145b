/** Valgene til `nh faktura` slik commander gir dem (definert i cli/commands/faktura.ts). */
import type { FellesValg } from '../valg.js';

export type FakturaValg = FellesValg & {
  periode?: string;
  erstatt?: boolean;
  forhandsvis?: boolean;
  format?: string;
  /** Issue 19 pkt. 7: skriv en fakturert måneds dokumenter på nytt fra registeret. */
  dokumenter?: boolean;
  /** Issue 19 pkt. 6: fakturadato (standard i dag, eller periodens siste dag innen 15 virkedager). */
  fakturadato?: string;
  /** Issue 20 pkt. 2: «<orgnr>=<grunn>», flere ganger. */
  godtaSmb?: string[];
};
