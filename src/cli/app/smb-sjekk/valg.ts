/** Valgene til `nh smb-sjekk` slik commander gir dem (definert i cli/commands/smb-sjekk.ts). */
import type { FellesValg } from '../valg.js';

export type SmbSjekkValg = FellesValg & {
  offline?: boolean;
  ansatte?: string;
  omsetning?: string;
  balanse?: string;
  orgform?: string;
  nace?: string;
  registrert?: string;
  innskuttEk?: string;
  opptjentEk?: string;
  partner: string[];
  tilknyttet: string[];
  eierskap?: string;
  selvstendig?: boolean;
  innovasjonsselskap?: boolean;
  betalingsevne?: string;
  konsernBetalingsevne?: string;
  konkursAvvikling?: string;
  morselskap?: string;
  aksjekapital?: string;
  overkurs?: string;
  konsernEgenkapital?: string;
  konsernKapital?: string;
  konsernRegistrert?: string;
  redningsstotte?: string;
  offentligEier: string[];
  unntattInvestor: string[];
  vurdert?: string[];
  streng?: boolean;
  overskriv?: boolean;
  kurs?: string;
};
