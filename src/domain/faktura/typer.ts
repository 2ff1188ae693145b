/**
 * Typene for fakturering og nummerserien, samlet her så faktura.ts, regler.ts og fakturanummer.ts ikke importerer
 * hverandre i ring.
 */
import type { Dato, Maaned } from '../felles/dato.js';
import type { Ore, Ppm } from '../felles/penger.js';
import type { KidMetode } from './kid.js';

/** Hvor markedsprisen for en linje kom fra, i rekkefølgen de gjelder (docs/faktura.md). */
export type PrisKilde = 'malbedrift' | 'tjeneste' | 'ansatt' | 'standard';

export type FakturaParametre = {
  periode: Maaned;
  standardPris: Ore;
  standardStotteintensitet: Ppm;
  mvaSats: Ppm;
  adminKoder: readonly string[];
  /** Normalisert tjenestenavn → pris per time. */
  tjenestepriser: ReadonlyMap<string, Ore>;
  /** NOK per EUR ×10 000 og kursens dato (config.eurNok). */
  eurNokKurs: number;
  kursdato: Dato;
  /**
   * Fakturadatoen (issue 19 pkt. 6, planleggFakturadato): også datoen støtten regnes som gitt (10.4), som SMB-sjekken,
   * treårsvinduet og kursen vurderes på. Uten den: siste dag i perioden (eldre kall og tester).
   */
  fakturadato?: Dato;
};

export type Linjeberegning = { markedsverdi: Ore; egenandel: Ore; stotte: Ore; mva: Ore; aBetale: Ore };

export type Fakturalinje = Linjeberegning & {
  orgnr: string;
  ansatt: string;
  aktivitet: string;
  timer: number;
  pris: Ore;
  prisKilde: PrisKilde;
  stotteintensitet: Ppm;
  /** Timeradene linjen bygger på (for sporing). */
  rader: number;
};

export type Sum = { timer: number; markedsverdi: Ore; egenandel: Ore; stotte: Ore; mva: Ore; aBetale: Ore };

export type Fakturagrunnlag = Sum & {
  orgnr: string;
  navn: string;
  avtalestart: Dato;
  stotteintensitet: Ppm;
  linjer: Fakturalinje[];
  /** Støtten i eurocent ved kursen for perioden. */
  stotteEur: number;
  fakturatekst: string;
};

export type Fakturering = {
  periode: Maaned;
  fakturadato: Dato;
  malbedrifter: Fakturagrunnlag[];
  totalt: Sum;
  /** Timeradene i perioden på administrasjon/gjennomføring (aldri fakturert, 10.4). */
  adminRader: number;
};

/** Registerlinjene en fakturering gir: én per målbedrift og periode (vedlegg 3 pkt. 4.1). */
export type NyRegisterlinje = RegisterlinjeData & { kjoring: string };

export type Nummeroppsett = {
  nummerserie: 'regnskapssystem' | { forste: number };
  kid: { metode: KidMetode; lengde: number; prefiks?: string | undefined };
  forfallsdager: number;
  /** Ordrenummer som tall fra denne serien (PowerOffice-ordreruten); ellers «<periode>-<orgnr>». */
  ordrenr?: { forste: number } | undefined;
};

export type Identitet = {
  type: 'faktura' | 'kreditnota';
  /** Tomt når regnskapssystemet tildeler nummeret. */
  fakturanr?: string;
  kid?: string;
  fakturadato: Dato;
  forfallsdato: Dato;
  ordrereferanse: string;
  /** Kreditnota: nummeret (ellers ordrereferansen) på fakturaen den krediterer. */
  krediterer?: string;
};

/** En registerlinje slik nh skriver den (og leser den tilbake, uten kilde). */
export type RegisterlinjeData = {
  periode: string;
  dato: Dato;
  orgnr: string;
  navn: string;
  markedsverdi: Ore;
  egenandel: Ore;
  mva: Ore;
  stotte: Ore;
  eurNokKurs: number;
  kursdato: Dato;
  stotteEur: number;
  type?: Linjetype;
  fakturanr?: string;
  kid?: string;
  fakturadato?: Dato;
  forfallsdato?: Dato;
  ordrereferanse?: string;
  krediterer?: string;
  /** Kurskorreksjon: fakturaen (nummer, ellers ordrereferanse) den retter EUR-verdien for. */
  korrigerer?: string;
  kjoring?: string;
  /** Issue 20 pkt. 2: --godta-smb (den siste SMB-sjekken sa «KAN IKKE TAS OPP»). */
  smbGodtatt?: string;
};

/**
 * En registerlinje er en faktura, en kreditnota (negative beløp, krediterer en faktura) eller en kurskorreksjon
 * (0 kr, retter støtten i EUR for en faktura etter en ny EUR/NOK-kurs; issue 19 pkt. 2). Tom type = faktura.
 */
export type Linjetype = 'faktura' | 'kreditnota' | 'kurskorreksjon';
