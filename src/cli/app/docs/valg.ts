/** Valgene til `nh docs` slik commander gir dem (definert i cli/commands/docs.ts). */
export type DocsValg = { json?: boolean; sti?: boolean };
