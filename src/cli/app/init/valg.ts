/** Valgene til `nh init` slik commander gir dem (definert i cli/commands/init.ts). */
export type InitValg = {
  json?: boolean;
  xlsx?: boolean;
  /** Issue 19 pkt. 11: kopier demo-arbeidsmappen som følger med pakken. */
  demo?: boolean;
  navn?: string;
  orgnr?: string;
  ar?: string;
  /** Issue 19 pkt. 2: satsene brukeren bekrefter (ellers «FYLL INN …» i nh.json). */
  eurKurs?: string;
  arbeidsgiveravgift?: string;
  andreSosiale?: string;
  indirekte?: string;
  markedspris?: string;
};
