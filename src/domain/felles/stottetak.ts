/**
 * Treårstaket for innovasjonsstøtte per målbedrift.
 *
 * Vedlegg 3 pkt. 2 (GBER art. 28(4)): «Maksimum tillatt støtte per målbedrift er 200 000 euro over en
 * rullerende treårsperiode.» Valg (docs/faktura.md): for støtte gitt på dato D teller all støtte med
 * dato i (D − 3 år, D], omregnet til euro med kursen lagret på hver registerlinje (stotteEur).
 */
import { leggTilAar, type Dato } from './dato.js';
import { mulDivRund, type Ore } from './penger.js';

/** 200 000 euro i eurocent. */
export const STOTTETAK_EUR_CENT = 20_000_000;

export type StotteLinjeEur = { orgnr: string; dato: Dato | string; stotteEur: number };

/** Første dato som ikke lenger teller i treårsvinduet som slutter på `til`. */
export function vinduStart(til: Dato): Dato {
  return leggTilAar(til, -3);
}

/** Sum støtte i eurocent for orgnr med dato i (til − 3 år, til]. */
export function stotteSisteTreAar(linjer: readonly StotteLinjeEur[], orgnr: string, til: Dato): number {
  const fra = vinduStart(til);
  let s = 0;
  for (const l of linjer) if (l.orgnr === orgnr && l.dato > fra && l.dato <= til) s += l.stotteEur;
  return s;
}

/**
 * Støtte fra andre (datasettet annenstotte, issue 20 pkt. 7) som linjer i treårsvinduet: vedlegg 3 pkt. 2
 * «per målbedrift» og GBER art. 28 nr. 4 «per foretak» — taket gjelder all slik støtte, ikke bare den denne
 * næringshagen har gitt. Kroner omregnes med `kurs` (NOK per EUR ×10 000), avrundet halv opp til eurocent;
 * euro står som de er. Brukes av både faktura og smb-sjekk.
 */
export function annenStotteSomLinjer(
  rader: readonly { orgnr: string; dato: Dato; belop?: Ore | undefined; belopEur?: number | undefined }[],
  kurs: number,
): StotteLinjeEur[] {
  return rader.map((r) => ({
    orgnr: r.orgnr,
    dato: r.dato,
    stotteEur: r.belopEur ?? mulDivRund(r.belop ?? 0, 10_000, kurs),
  }));
}
