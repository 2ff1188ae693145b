/** Valgene til `nh init` slik commander gir dem (definert i cli/commands/init.ts). */
export type InitValg = { json?: boolean; xlsx?: boolean; navn?: string; orgnr?: string; ar?: string };
