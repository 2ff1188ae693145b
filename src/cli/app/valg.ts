/** Valgene alle kommandoer har (--data og --json). Commander-definisjonene i cli/commands/ bruker typene herfra. */
export type FellesValg = { data?: string; json?: boolean };
