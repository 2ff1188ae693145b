/**
 * Programveilederen som tekst (../shared/kilder, eller NH_PROGRAMVEILEDER), så tester kan sammenligne nh sine sitater
 * ordrett med kilden. I CI er en manglende kilde en feil, ikke en stille hoppet test (issue 22 pkt. 6).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROT } from './hjelp.js';

const PROGRAMVEILEDER =
  process.env.NH_PROGRAMVEILEDER ??
  path.resolve(ROT, '..', 'shared', 'kilder', 'programveileder-naeringshageprogrammet-2023-2032.txt');
export const harProgramveileder = existsSync(PROGRAMVEILEDER);
if (!harProgramveileder && process.env.CI) {
  throw new Error(`Fant ikke programveilederen (${PROGRAMVEILEDER}); sett NH_PROGRAMVEILEDER.`);
}

/** Mellomrom, linjeskift og sideskift slått sammen til ett mellomrom (teksten er brutt i linjer i kilden). */
export function normaliser(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Teksten fra overskriften `fra` til overskriften `til` (siste forekomst av `fra`: etter innholdsfortegnelsen), normalisert. */
export function avsnitt(fra: string, til: string): string {
  const tekst = readFileSync(PROGRAMVEILEDER, 'utf8');
  const start = tekst.lastIndexOf(fra);
  const slutt = tekst.indexOf(til, start + 1);
  if (start < 0 || slutt < 0) throw new Error(`Fant ikke avsnittet ${fra} – ${til} i programveilederen`);
  return normaliser(tekst.slice(start, slutt));
}
