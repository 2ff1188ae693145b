/**
 * Det SMB-sjekken leser av Brønnøysundregistrenes svar (feltnavn som i API-et) og rene hjelpere for dem:
 * statusfeltene for insolvens og avvikling, nyeste regnskap av en type og kroner som øre.
 */
import { parseDato } from '../felles/dato.js';
import type { Ore } from '../felles/penger.js';
import { fraFlyttall } from '../felles/tall.js';
import type { Statusfelt } from './typer.js';

type Kode = { kode: string; beskrivelse?: string | undefined };
/** Det sjekken leser av en enhet i Enhetsregisteret (feltnavn som i API-et). */
export type EnhetData = {
  organisasjonsnummer: string;
  navn: string;
  organisasjonsform: Kode;
  naeringskode1?: Kode | undefined;
  naeringskode2?: Kode | undefined;
  naeringskode3?: Kode | undefined;
  antallAnsatte?: number | undefined;
  harRegistrertAntallAnsatte?: boolean | undefined;
  registreringsdatoEnhetsregisteret?: string | undefined;
  registreringsdatoForetaksregisteret?: string | undefined;
  stiftelsesdato?: string | undefined;
  institusjonellSektorkode?: Kode | undefined;
  erIKonsern?: boolean | undefined;
  kapital?: { belop?: number | undefined; type?: string | undefined; valuta?: string | undefined } | undefined;
  [felt: string]: unknown;
};
type Sum<K extends string> = { [k in K]?: number | undefined } | undefined;
/** Det sjekken leser av ett årsregnskap i Regnskapsregisteret. */
export type RegnskapData = {
  regnskapstype?: string | undefined;
  valuta?: string | undefined;
  regnskapsperiode?: { fraDato?: string | undefined; tilDato?: string | undefined } | undefined;
  egenkapitalGjeld?:
    | {
        egenkapital?:
          | {
              sumEgenkapital?: number | undefined;
              opptjentEgenkapital?: Sum<'sumOpptjentEgenkapital'>;
              innskuttEgenkapital?: Sum<'sumInnskuttEgenkaptial'>;
            }
          | undefined;
      }
    | undefined;
  eiendeler?: Sum<'sumEiendeler'>;
  virksomhet?: { morselskap?: boolean | undefined } | undefined;
  resultatregnskapResultat?:
    | { driftsresultat?: { driftsinntekter?: Sum<'sumDriftsinntekter'> } | undefined }
    | undefined;
};

export const kroner = (n: number | undefined): Ore | null => {
  if (n === undefined) return null;
  const r = fraFlyttall(n, 2);
  return r.ok ? r.verdi : Math.round(n * 100);
};

/** Nyeste regnskap av en type (etter tilDato). */
export function nyeste(liste: readonly RegnskapData[], type: 'SELSKAP' | 'KONSERN'): RegnskapData | null {
  const av = liste.filter((r) => (r.regnskapstype ?? 'SELSKAP') === type);
  av.sort((a, b) => (b.regnskapsperiode?.tilDato ?? '').localeCompare(a.regnskapsperiode?.tilDato ?? ''));
  return av[0] ?? null;
}

const TVANG = [
  'tvangsavvikletPgaManglendeSlettingDato',
  'tvangsopplostPgaManglendeDagligLederDato',
  'tvangsopplostPgaManglendeRevisorDato',
  'tvangsopplostPgaManglendeRegnskapDato',
  'tvangsopplostPgaMangelfulltStyreDato',
];

/** GBER art. 2 nr. 18 c: alle statusfeltene i Enhetsregisteret som betyr insolvens eller avvikling, med dato. */
export function statuserFra(e: EnhetData): Statusfelt[] {
  const tekst = (f: string) => (typeof e[f] === 'string' && e[f] !== '' ? parseDato(e[f] as string) : null);
  const ut: Statusfelt[] = [];
  const par = (bool: string, datoFelt: string, beskrivelse: string) => {
    const d = tekst(datoFelt);
    if (e[bool] === true || d) ut.push({ felt: d ? datoFelt : bool, tekst: beskrivelse, dato: d });
  };
  par('konkurs', 'konkursdato', 'konkurs');
  par('underRekonstruksjonsforhandling', 'underRekonstruksjonsforhandlingDato', 'under rekonstruksjonsforhandling');
  par('underAvvikling', 'underAvviklingDato', 'under avvikling');
  const tvang = TVANG.find((f) => tekst(f));
  if (e.underTvangsavviklingEllerTvangsopplosning === true || tvang) {
    ut.push({
      felt: tvang ?? 'underTvangsavviklingEllerTvangsopplosning',
      tekst: 'under tvangsavvikling eller tvangsoppløsning',
      dato: tvang ? tekst(tvang) : null,
    });
  }
  par(
    'underUtenlandskInsolvensbehandling',
    'underUtenlandskInsolvensbehandlingDato',
    'under utenlandsk insolvensbehandling',
  );
  return ut;
}
