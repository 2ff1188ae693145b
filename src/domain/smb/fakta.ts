/**
 * Registerdata (Enhetsregisteret og Regnskapsregisteret, slik API-et svarer) + flagg → SmbFakta. Rent:
 * svarene er allerede lest og validert i src/io/brreg/brreg.ts. Flagg overstyrer alltid registeret, og hver verdi
 * bærer med seg hvor den kom fra. Tolkingene er dokumentert i docs/smb-sjekk.md.
 */
import { parseDato, type Dato } from '../felles/dato.js';
import type { Ore } from '../felles/penger.js';
import { SMAA_ANSATTE_OVRE } from './lister.js';
import { dato, type Kildeverdi, type OffentligEier, type Relasjon, type SmbFakta, type Statusfelt } from './typer.js';
import { fraFlyttall } from '../felles/tall.js';

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
  resultatregnskapResultat?:
    | { driftsresultat?: { driftsinntekter?: Sum<'sumDriftsinntekter'> } | undefined }
    | undefined;
};

export type FaktaFlagg = {
  arsverk?: number;
  omsetning?: Ore;
  balanse?: Ore;
  orgform?: string;
  nace?: string[];
  registrert?: Dato;
  innskuttEk?: Ore;
  opptjentEk?: Ore;
  aksjekapital?: Ore;
  overkurs?: Ore;
  konsernEgenkapital?: Ore;
  konsernKapital?: Ore;
  konsernRegistrert?: Dato;
  betalingsevne?: boolean;
  redningsstotte?: boolean;
};

export type FaktaInn = {
  orgnr: string;
  enhet: EnhetData | null;
  /** Alle årsregnskapene i svaret (SELSKAP og KONSERN, ett eller flere år); null = ikke slått opp. */
  regnskap: RegnskapData[] | null;
  /** Regnskapsregisterets HTTP-status og feilmelding når svaret ikke var 200. */
  regnskapFeil: { status: number; melding: string | null } | null;
  underenhet: { orgnr: string; navn: string } | null;
  flagg: FaktaFlagg;
  eierskap: { oppgitt: boolean; partnere: Relasjon[]; tilknyttede: Relasjon[]; offentlige: OffentligEier[] };
  innovasjon: { verdi: boolean; fra: string };
};

const ER = 'Enhetsregisteret';

export const kroner = (n: number | undefined): Ore | null => {
  if (n === undefined) return null;
  const r = fraFlyttall(n, 2);
  return r.ok ? r.verdi : Math.round(n * 100);
};

function kv<T>(verdi: T | null | undefined, fraTekst: string): Kildeverdi<T> {
  return verdi === null || verdi === undefined ? null : { verdi, fra: fraTekst };
}

function tidligste(...d: (string | undefined)[]): Dato | null {
  const gyldige = d.map((x) => (x ? parseDato(x) : null)).filter((x): x is Dato => x !== null);
  return gyldige.length ? gyldige.sort()[0]! : null;
}

/** Nyeste regnskap av en type (etter tilDato). */
function nyeste(liste: readonly RegnskapData[], type: 'SELSKAP' | 'KONSERN'): RegnskapData | null {
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
      tekst: 'under tvangsavvikling eller ' + 'tvangsoppløsning',
      dato: tvang ? tekst(tvang) : null,
    });
  }
  par(
    'underUtenlandskInsolvensbehandling',
    'underUtenlandskInsolvensbehandlingDato',
    'under utenlandsk ' + 'insolvensbehandling',
  );
  return ut;
}

function arsverkFra(e: EnhetData | null, fl: FaktaFlagg): SmbFakta['arsverk'] {
  if (fl.arsverk !== undefined) return { verdi: fl.arsverk, fra: '--ansatte' };
  if (!e) return null;
  if (e.antallAnsatte !== undefined) return { verdi: e.antallAnsatte * 100, fra: ER, erAntallAnsatte: true };
  // Brønnøysund: «harRegistrertAntallAnsatte: true» uten antallAnsatte betyr 0–4 ansatte (antallet vises ikke).
  if (e.harRegistrertAntallAnsatte === true) {
    return {
      verdi: SMAA_ANSATTE_OVRE,
      fra: `${ER}: antall ansatte registrert, men ikke vist = 0–4 ` + `ansatte`,
      erAntallAnsatte: true,
      intervall: '0–4',
    };
  }
  if (e.harRegistrertAntallAnsatte === false)
    return { verdi: 0, fra: `${ER}: ingen ansatte ` + `registrert`, erAntallAnsatte: true };
  return null;
}

/** Hvorfor regnskapstallene ikke kan brukes: HTTP-feil eller annen valuta (aldri lest som NOK). */
function regnskapMerknad(inn: FaktaInn, selskap: RegnskapData | null): string | null {
  if (inn.regnskapFeil && inn.regnskapFeil.status >= 500) {
    return (
      `Regnskapsregisteret svarte HTTP ` +
      `${inn.regnskapFeil.status}${inn.regnskapFeil.melding ? ` (${inn.regnskapFeil.melding})` : ''}: årsregnskapet ` +
      `finnes trolig, men API-et kan ikke levere det (vanlig for banker og forsikring).`
    );
  }
  if (selskap?.valuta && selskap.valuta !== 'NOK') {
    const p = selskap.regnskapsperiode;
    return (
      `Årsregnskapet${p?.tilDato ? ` per ${dato(p.tilDato)}` : ''} er ført i ${selskap.valuta}, ikke NOK: tallene ` +
      `er ikke brukt og ikke regnet om.`
    );
  }
  return null;
}

export function byggFakta(inn: FaktaInn): SmbFakta {
  const { enhet: e, flagg: fl } = inn;
  const alle = inn.regnskap ?? [];
  const selskapRaa = nyeste(alle, 'SELSKAP');
  const konsernRaa = nyeste(alle, 'KONSERN');
  const merknad = regnskapMerknad(inn, selskapRaa);
  const nokOk = (r: RegnskapData | null) => (r && (!r.valuta || r.valuta === 'NOK') ? r : null);
  const r = nokOk(selskapRaa);
  const kr = nokOk(konsernRaa);
  const RR = r?.regnskapsperiode?.tilDato
    ? `Regnskapsregisteret ` + `${dato(r.regnskapsperiode.tilDato)}`
    : 'Regnskapsregisteret';
  const ek = r?.egenkapitalGjeld?.egenkapital;
  const sumR = kroner(ek?.sumEgenkapital);
  const innR = kroner(ek?.innskuttEgenkapital?.sumInnskuttEgenkaptial);
  const oppR = kroner(ek?.opptjentEgenkapital?.sumOpptjentEgenkapital);
  let innskutt = fl.innskuttEk !== undefined ? kv(fl.innskuttEk, '--innskutt-ek') : kv(innR, RR);
  let opptjent = fl.opptjentEk !== undefined ? kv(fl.opptjentEk, '--opptjent-ek') : kv(oppR, RR);
  // Tomme blokker («opptjentEgenkapital": {}) der verdien er bestemt av regnskapet: sum = innskutt + opptjent.
  if (!opptjent && innskutt && sumR !== null) {
    opptjent = {
      verdi: sumR - innskutt.verdi,
      fra: `utledet: sum egenkapital − innskutt egenkapital (${RR} har tom ` + `blokk for opptjent egenkapital)`,
    };
  }
  if (!innskutt && opptjent && sumR !== null) {
    innskutt = {
      verdi: sumR - opptjent.verdi,
      fra: `utledet: sum egenkapital − opptjent egenkapital (${RR} har tom ` + `blokk for innskutt egenkapital)`,
    };
  }
  let sumEk: Kildeverdi<Ore> = kv(sumR, RR);
  if (fl.innskuttEk !== undefined || fl.opptjentEk !== undefined || !sumEk) {
    if (innskutt && opptjent)
      sumEk = { verdi: innskutt.verdi + opptjent.verdi, fra: 'innskutt + opptjent ' + 'egenkapital' };
  }
  const kap = e?.kapital;
  const aksjekapital =
    fl.aksjekapital !== undefined
      ? kv(fl.aksjekapital, '--aksjekapital')
      : kap?.belop !== undefined && (!kap.valuta || kap.valuta === 'NOK')
        ? kv(kroner(kap.belop), `${ER}, ` + `${(kap.type ?? 'kapital').toLowerCase()}`)
        : null;
  const kEk = kr?.egenkapitalGjeld?.egenkapital;
  const kRR =
    `Regnskapsregisteret ` +
    `konsernregnskap${kr?.regnskapsperiode?.tilDato ? ` ${dato(kr.regnskapsperiode.tilDato)}` : ''}`;
  const nace = e
    ? [e.naeringskode1, e.naeringskode2, e.naeringskode3].filter((x) => x !== undefined).map((x) => x.kode)
    : [];
  const rp = r?.regnskapsperiode;
  const periode = rp?.fraDato && rp.tilDato ? { fra: parseDato(rp.fraDato), til: parseDato(rp.tilDato) } : null;
  const registrert = fl.registrert
    ? kv(fl.registrert, '--registrert')
    : kv(
        tidligste(e?.stiftelsesdato, e?.registreringsdatoEnhetsregisteret, e?.registreringsdatoForetaksregisteret),
        `${ER} (tidligste av stiftelses- og registreringsdato)`,
      );
  const sektor = e?.institusjonellSektorkode;
  return {
    orgnr: inn.orgnr,
    navn: e?.navn ?? null,
    orgform: fl.orgform ? kv(fl.orgform, '--orgform') : kv(e?.organisasjonsform.kode, ER),
    nace: fl.nace ? kv(fl.nace, '--nace') : e && nace.length ? kv(nace, ER) : null,
    sektor: sektor
      ? { verdi: sektor.kode, fra: ER, ...(sektor.beskrivelse ? { beskrivelse: sektor.beskrivelse } : {}) }
      : null,
    underenhet: inn.underenhet,
    arsverk: arsverkFra(e, fl),
    omsetning:
      fl.omsetning !== undefined
        ? kv(fl.omsetning, '--omsetning')
        : kv(kroner(r?.resultatregnskapResultat?.driftsresultat?.driftsinntekter?.sumDriftsinntekter), RR),
    balanse: fl.balanse !== undefined ? kv(fl.balanse, '--balanse') : kv(kroner(r?.eiendeler?.sumEiendeler), RR),
    innskuttEk: innskutt,
    opptjentEk: opptjent,
    sumEk,
    aksjekapital,
    overkurs: kv(fl.overkurs, '--overkurs'),
    regnskapsperiode: periode?.fra && periode.til ? { fra: periode.fra, til: periode.til } : null,
    regnskapMerknad: merknad,
    registrert,
    statuser: e ? statuserFra(e) : null,
    erIKonsern: e?.erIKonsern ?? null,
    konsern: {
      egenkapital:
        fl.konsernEgenkapital !== undefined
          ? kv(fl.konsernEgenkapital, '--konsern-egenkapital')
          : kv(kroner(kEk?.sumEgenkapital), kRR),
      kapital:
        fl.konsernKapital !== undefined
          ? kv(fl.konsernKapital, '--konsern-kapital')
          : kv(kroner(kEk?.innskuttEgenkapital?.sumInnskuttEgenkaptial), `${kRR}, innskutt egenkapital`),
      registrert: kv(fl.konsernRegistrert, '--konsern-registrert'),
    },
    eierskapOppgitt: inn.eierskap.oppgitt,
    partnere: inn.eierskap.partnere,
    tilknyttede: inn.eierskap.tilknyttede,
    offentligeEiere: inn.eierskap.offentlige,
    innovasjonsselskap: inn.innovasjon,
    betalingsevne: fl.betalingsevne ?? null,
    redningsstotte: fl.redningsstotte ?? null,
  };
}
