/**
 * nh budsjett --år <år>: budsjettsatsene lagres i timesats-<år>.json (issue 20 pkt. 16; programveileder 10.4 pkt. 2:
 * budsjettet viser «hvilke(n) timepris(er) programselskapet benytter»), så attestasjonen for året kan vise dem ved
 * siden av årets faktiske satser (vedlegg 3 pkt. 3). Samme satser som fila har fra før: ingenting skrives. Andre
 * satser: bare med --overskriv.
 */
import { formatDato } from '../../../domain/felles/dato.js';
import type { Satsfil } from '../../../domain/budsjett/plan.js';

export function satsfilTekst(s: Satsfil, aar: number, forhandsvis: boolean): string {
  const bruk = `nh budsjett --regnskap ${aar} viser dem ved siden av årets faktiske satser`;
  if (s.status === 'lik') return `Budsjettsatsene står allerede i ${s.fil} (lagret ${formatDato(s.laget!)}); ${bruk}.`;
  if (forhandsvis)
    return s.status === 'ny'
      ? `Budsjettsatsene lagres i ${s.fil} når budsjettet skrives (uten --forhåndsvis); ${bruk}.`
      : `${s.fil} har andre satser (lagret ${formatDato(s.laget!)}): --overskriv erstatter dem med satsene i dette budsjettet.`;
  return `Skrev ${s.sti} (budsjettsatsene; ${bruk}).`;
}
