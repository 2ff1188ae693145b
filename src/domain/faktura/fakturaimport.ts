/**
 * Fakturaene slik regnskapssystemene importerer dem (Tripletex, PowerOffice Go): linjer med antall og
 * enhetspris, der systemet selv regner beløp og mva. Programveileder 10.4 / vedlegg 3 pkt. 4.1: fakturaen viser
 * markedsverdi, innovasjonsstøtte og egenandel — her som linjer til markedsverdi pluss én negativ linje
 * «Innovasjonsstøtte» med samme mva-kode (25 %), så grunnlaget for mva er egenandelen og fakturaens sum eks.
 * mva er nøyaktig egenandelen (ingen rabatt per linje som kunne gitt øreavvik). Ren modul.
 */
import type { Kjoperdata } from './ehf.js';
import type { Maaned } from '../felles/dato.js';
import { formatProsent, type Ore, type Ppm } from '../felles/penger.js';
import type { Fakturagrunnlag } from './typer.js';
import type { Identitet, RegisterlinjeData } from './typer.js';

type Importlinje = {
  produkt: string;
  beskrivelse: string /** hundredeler, negativ i kreditnota */;
  antall: number;
  pris: Ore;
};

export type Importkunde = Kjoperdata & { kundenummer?: string };

export type Importfaktura = {
  id: Identitet;
  periode: string;
  kunde: Importkunde;
  tekst: string;
  linjer: Importlinje[];
};

const STOTTELINJE = 'Innovasjonsstøtte';

function stottelinje(stotte: Ore, si: Ppm | null, fortegn: 1 | -1): Importlinje {
  return {
    produkt: STOTTELINJE,
    beskrivelse: `Innovasjonsstøtte (GBER art. 28, Sivas næringshageprogram)${si !== null ? ` ${formatProsent(si)}` : ''}`,
    antall: 100 * fortegn,
    pris: -stotte,
  };
}

export function importFaktura(periode: Maaned, m: Fakturagrunnlag, id: Identitet, kunde: Importkunde): Importfaktura {
  const linjer: Importlinje[] = m.linjer.map((l) => ({
    produkt: l.aktivitet,
    beskrivelse: `${l.aktivitet} – ${l.ansatt}`,
    antall: l.timer,
    pris: l.pris,
  }));
  if (m.stotte) linjer.push(stottelinje(m.stotte, m.stotteintensitet, 1));
  return { id, periode, kunde, tekst: m.fakturatekst, linjer };
}

/** Kreditnota: den krediterte fakturaen som én linje til markedsverdi og støttelinjen, begge med antall −1. */
export function importKreditnota(
  gammel: RegisterlinjeData,
  id: Identitet,
  kunde: Importkunde,
  tekst: string,
): Importfaktura {
  const hva = gammel.fakturanr ? `faktura ${gammel.fakturanr}` : `ordre ${id.krediterer}`;
  const linjer: Importlinje[] = [
    {
      produkt: 'Kreditering',
      beskrivelse: `Kreditering av ${hva} (${gammel.periode}), markedsverdi`,
      antall: -100,
      pris: gammel.markedsverdi,
    },
  ];
  if (gammel.stotte) linjer.push(stottelinje(gammel.stotte, null, -1));
  return { id, periode: gammel.periode, kunde, tekst, linjer };
}
