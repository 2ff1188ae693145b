/** Markedsprisen per time for en fakturalinje, og hvor den kom fra (rekkefølgen i docs/faktura.md). Ren modul. */
import { normaliserNavn } from '../felles/felter.js';
import type { Ore } from '../felles/penger.js';
import type { Ansatt } from '../datasett/ansatte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { FakturaParametre, PrisKilde } from './typer.js';

export const PRISKILDE_TEKST: Record<PrisKilde, string> = {
  malbedrift: 'avtalt pris i målbedriftsavtalen',
  tjeneste: 'pris for tjenesten (nh.json faktura.tjenestepriser)',
  ansatt: 'pris for den ansatte',
  standard: 'arbeidsmappens standard (markedsprisPerTime)',
};
export const PRISREKKEFOLGE =
  'målbedriftens avtalte pris > tjenestepris > ansattes pris > standard (markedsprisPerTime)';

/** Markedspris for en timerad og hvor den kom fra. Rekkefølgen er dokumentert i docs/faktura.md. */
export function velgPris(
  mb: Pick<Malbedrift, 'markedspris'>,
  ansatt: Pick<Ansatt, 'markedspris'> | undefined,
  tjeneste: string | undefined,
  p: Pick<FakturaParametre, 'standardPris' | 'tjenestepriser'>,
): { pris: Ore; prisKilde: PrisKilde } {
  if (mb.markedspris !== undefined) return { pris: mb.markedspris, prisKilde: 'malbedrift' };
  if (tjeneste !== undefined) {
    const tp = p.tjenestepriser.get(normaliserNavn(tjeneste));
    if (tp !== undefined) return { pris: tp, prisKilde: 'tjeneste' };
  }
  if (ansatt?.markedspris !== undefined) return { pris: ansatt.markedspris, prisKilde: 'ansatt' };
  return { pris: p.standardPris, prisKilde: 'standard' };
}
