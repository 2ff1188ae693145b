/**
 * nh budsjett --år <år>: budsjettsatsene lagres i timesats-<år>.json (issue 20 pkt. 16; programveileder 10.4 pkt. 2:
 * budsjettet viser «hvilke(n) timepris(er) programselskapet benytter»), så attestasjonen for året kan vise dem ved
 * siden av årets faktiske satser (vedlegg 3 pkt. 3). Samme satser som fila har fra før: ingenting skrives. Andre
 * satser: bare med --overskriv.
 */
import { formatDato, type Dato } from '../../../domain/felles/dato.js';
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { lagredeSatser, satsfilnavn } from '../../../domain/timesats/aarssatser.js';
import type { Timesats } from '../../../domain/timesats/timesats.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesSatsfil } from '../timesats/satser.js';

export type Satsfil = {
  fil: string;
  sti: string;
  /** ny: fila finnes ikke; lik: samme satser per ansatt; ulik: andre satser (krever --overskriv). */
  status: 'ny' | 'lik' | 'ulik';
  laget: Dato | null;
  innhold: string;
};

export async function planSatsfil(
  am: Arbeidsmappe,
  aar: number,
  idag: Dato,
  timerPerArsverk: number,
  satser: readonly Timesats[],
): Promise<Satsfil> {
  const fil = satsfilnavn(aar, 'budsjett');
  const finnes = await lesSatsfil(am, aar, 'budsjett');
  const nye = satser.map((t) => `${t.navn}=${t.godkjent}`).join('|');
  const status = !finnes
    ? 'ny'
    : finnes.ansatte.map((a) => `${a.navn}=${a.godkjent}`).join('|') === nye
      ? 'lik'
      : 'ulik';
  return {
    fil,
    sti: am.sti(fil),
    status,
    laget: finnes?.laget ?? null,
    innhold: `${JSON.stringify(lagredeSatser(aar, idag, 'budsjett', timerPerArsverk, satser), null, 2)}\n`,
  };
}

/** Andre budsjettsatser lagret fra før blir aldri stille erstattet. */
export function sjekkSatsfil(s: Satsfil, overskriv: boolean): void {
  if (s.status !== 'ulik' || overskriv) return;
  throw new InndataFeil([
    feil(
      'finnes-fra-for',
      `${s.fil} finnes fra før (lagret ${formatDato(s.laget!)}) med andre timesatser enn budsjettet regner nå. Kjør med ` +
        '--overskriv for å erstatte dem med satsene i dette budsjettet (de er timeprisene Siva får oppgitt, 10.4 pkt. 2).',
      { fil: s.fil },
    ),
  ]);
}

export function satsfilTekst(s: Satsfil, aar: number, forhandsvis: boolean): string {
  const bruk = `nh budsjett --regnskap ${aar} viser dem ved siden av årets faktiske satser`;
  if (s.status === 'lik') return `Budsjettsatsene står allerede i ${s.fil} (lagret ${formatDato(s.laget!)}); ${bruk}.`;
  if (forhandsvis)
    return s.status === 'ny'
      ? `Budsjettsatsene lagres i ${s.fil} når budsjettet skrives (uten --forhåndsvis); ${bruk}.`
      : `${s.fil} har andre satser (lagret ${formatDato(s.laget!)}): --overskriv erstatter dem med satsene i dette budsjettet.`;
  return `Skrev ${s.sti} (budsjettsatsene; ${bruk}).`;
}
