/**
 * Registerdata (Enhetsregisteret og Regnskapsregisteret, slik API-et svarer) + flagg → SmbFakta. Rent:
 * svarene er allerede lest og validert i src/io/brreg/brreg.ts. Flagg overstyrer alltid registeret, og hver verdi
 * bærer med seg hvor den kom fra. Tolkingene er dokumentert i docs/smb-sjekk.md.
 */
import { parseDato, type Dato } from '../felles/dato.js';
import type { Ore } from '../felles/penger.js';
import { SMAA_ANSATTE_OVRE } from './lister.js';
import { kroner, nyeste, statuserFra, type EnhetData, type RegnskapData } from './register.js';

export { statuserFra, type EnhetData, type RegnskapData } from './register.js';
import { dato, type Kildeverdi, type OffentligEier, type Relasjon, type SmbFakta } from './typer.js';

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
  konsernBetalingsevne?: boolean;
  redningsstotte?: boolean;
  konkursAvvikling?: boolean;
  morselskap?: string;
  /** Svart «ja» på spørsmålet om eierskap ≥ 25 %: ikke selvstendig, selv om foretakene ikke er oppgitt. */
  ikkeSelvstendig?: boolean;
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
  /** Morselskapet slik Enhetsregisteret svarte (--morselskap, slått opp på nett); null = ikke slått opp. */
  morselskapEnhet?: EnhetData | null;
};

const ER = 'Enhetsregisteret';

function kv<T>(verdi: T | null | undefined, fraTekst: string): Kildeverdi<T> {
  return verdi === null || verdi === undefined ? null : { verdi, fra: fraTekst };
}

function tidligste(...d: (string | undefined)[]): Dato | null {
  const gyldige = d.map((x) => (x ? parseDato(x) : null)).filter((x): x is Dato => x !== null);
  return gyldige.length ? gyldige.sort()[0]! : null;
}

function arsverkFra(e: EnhetData | null, fl: FaktaFlagg): SmbFakta['arsverk'] {
  if (fl.arsverk !== undefined) return { verdi: fl.arsverk, fra: '--ansatte' };
  if (!e) return null;
  if (e.antallAnsatte !== undefined) return { verdi: e.antallAnsatte * 100, fra: ER, erAntallAnsatte: true };
  // Brønnøysund: «harRegistrertAntallAnsatte: true» uten antallAnsatte betyr 0–4 ansatte (antallet vises ikke).
  if (e.harRegistrertAntallAnsatte === true) {
    return {
      verdi: SMAA_ANSATTE_OVRE,
      fra: `${ER}: antall ansatte registrert, men ikke vist = 0–4 ansatte`,
      erAntallAnsatte: true,
      intervall: '0–4',
    };
  }
  if (e.harRegistrertAntallAnsatte === false)
    return { verdi: 0, fra: `${ER}: ingen ansatte registrert`, erAntallAnsatte: true };
  return null;
}

/** Hvorfor regnskapstallene ikke kan brukes: HTTP-feil eller annen valuta (aldri lest som NOK). */
function regnskapMerknad(inn: FaktaInn, selskap: RegnskapData | null): string | null {
  if (inn.regnskapFeil && inn.regnskapFeil.status >= 500) {
    return `Regnskapsregisteret svarte HTTP ${inn.regnskapFeil.status}${inn.regnskapFeil.melding ? ` (${inn.regnskapFeil.melding})` : ''}: årsregnskapet finnes trolig, men API-et kan ikke levere det (vanlig for banker og forsikring).`;
  }
  if (selskap?.valuta && selskap.valuta !== 'NOK') {
    const p = selskap.regnskapsperiode;
    return `Årsregnskapet${p?.tilDato ? ` per ${dato(p.tilDato)}` : ''} er ført i ${selskap.valuta}, ikke NOK: tallene er ikke brukt og ikke regnet om.`;
  }
  return null;
}

type Egenkapital = Pick<SmbFakta, 'innskuttEk' | 'opptjentEk' | 'sumEk'>;

/**
 * Egenkapitalen fra siste SELSKAP-regnskap og flaggene. Tomme blokker («opptjentEgenkapital": {}) der verdien er
 * bestemt av regnskapet, utledes: sum = innskutt + opptjent (docs/smb-sjekk.md «Tomme blokker»).
 */
function egenkapitalFra(r: RegnskapData | null, fl: FaktaFlagg, RR: string): Egenkapital {
  const ek = r?.egenkapitalGjeld?.egenkapital;
  const sumR = kroner(ek?.sumEgenkapital);
  let innskutt =
    fl.innskuttEk !== undefined
      ? kv(fl.innskuttEk, '--innskutt-ek')
      : kv(kroner(ek?.innskuttEgenkapital?.sumInnskuttEgenkaptial), RR);
  let opptjent =
    fl.opptjentEk !== undefined
      ? kv(fl.opptjentEk, '--opptjent-ek')
      : kv(kroner(ek?.opptjentEgenkapital?.sumOpptjentEgenkapital), RR);
  const utledet = (hva: string) => `utledet: sum egenkapital − ${hva} egenkapital (${RR} har tom blokk for`;
  if (!opptjent && innskutt && sumR !== null)
    opptjent = { verdi: sumR - innskutt.verdi, fra: `${utledet('innskutt')} opptjent egenkapital)` };
  if (!innskutt && opptjent && sumR !== null)
    innskutt = { verdi: sumR - opptjent.verdi, fra: `${utledet('opptjent')} innskutt egenkapital)` };
  let sumEk: Kildeverdi<Ore> = kv(sumR, RR);
  if ((fl.innskuttEk !== undefined || fl.opptjentEk !== undefined || !sumEk) && innskutt && opptjent)
    sumEk = { verdi: innskutt.verdi + opptjent.verdi, fra: 'innskutt + opptjent egenkapital' };
  return { innskuttEk: innskutt, opptjentEk: opptjent, sumEk };
}

/** Vedlegg 3 pkt. 2: konsernets tall (KONSERN-regnskapet eller flagg), betalingsevne og morselskapet. */
function konsernFra(inn: FaktaInn, kr: RegnskapData | null, selskap: RegnskapData | null): SmbFakta['konsern'] {
  const fl = inn.flagg;
  const kEk = kr?.egenkapitalGjeld?.egenkapital;
  const kRR = `Regnskapsregisteret konsernregnskap${kr?.regnskapsperiode?.tilDato ? ` ${dato(kr.regnskapsperiode.tilDato)}` : ''}`;
  // Bedriften er selv morselskapet når den leverer konsernregnskap, eller regnskapet sier det.
  const erMor = Boolean(kr) || selskap?.virksomhet?.morselskap === true || fl.morselskap === inn.orgnr;
  const me = inn.morselskapEnhet ?? null;
  const morselskap = erMor
    ? {
        orgnr: inn.enhet?.organisasjonsnummer ?? inn.orgnr,
        navn: inn.enhet?.navn ?? null,
        statuser: null,
        erBedriften: true,
      }
    : fl.morselskap
      ? { orgnr: fl.morselskap, navn: me?.navn ?? null, statuser: me ? statuserFra(me) : null, erBedriften: false }
      : null;
  return {
    egenkapital:
      fl.konsernEgenkapital !== undefined
        ? kv(fl.konsernEgenkapital, '--konsern-egenkapital')
        : kv(kroner(kEk?.sumEgenkapital), kRR),
    kapital:
      fl.konsernKapital !== undefined
        ? kv(fl.konsernKapital, '--konsern-kapital')
        : kv(kroner(kEk?.innskuttEgenkapital?.sumInnskuttEgenkaptial), `${kRR}, innskutt egenkapital`),
    registrert: kv(fl.konsernRegistrert, '--konsern-registrert'),
    betalingsevne: fl.konsernBetalingsevne ?? null,
    morselskap,
  };
}

/** Form, næring, sektor, ansatte og registreringsdato fra Enhetsregisteret, overstyrt av flagg. */
function enhetsfakta(e: EnhetData | null, fl: FaktaFlagg) {
  const nace = e
    ? [e.naeringskode1, e.naeringskode2, e.naeringskode3].filter((x) => x !== undefined).map((x) => x.kode)
    : [];
  const sektor = e?.institusjonellSektorkode;
  return {
    navn: e?.navn ?? null,
    orgform: fl.orgform ? kv(fl.orgform, '--orgform') : kv(e?.organisasjonsform.kode, ER),
    nace: fl.nace ? kv(fl.nace, '--nace') : e && nace.length ? kv(nace, ER) : null,
    sektor: sektor
      ? { verdi: sektor.kode, fra: ER, ...(sektor.beskrivelse ? { beskrivelse: sektor.beskrivelse } : {}) }
      : null,
    arsverk: arsverkFra(e, fl),
    registrert: fl.registrert
      ? kv(fl.registrert, '--registrert')
      : kv(
          tidligste(e?.stiftelsesdato, e?.registreringsdatoEnhetsregisteret, e?.registreringsdatoForetaksregisteret),
          `${ER} (tidligste av stiftelses- og registreringsdato)`,
        ),
    statuser: e ? statuserFra(e) : null,
    erIKonsern: e?.erIKonsern ?? null,
    sisteInnsendteAarsregnskap: typeof e?.sisteInnsendteAarsregnskap === 'string' ? e.sisteInnsendteAarsregnskap : null,
  };
}

/** Aksjekapitalen: --aksjekapital, ellers `kapital` i Enhetsregisteret (bare i NOK). */
function aksjekapitalFra(e: EnhetData | null, fl: FaktaFlagg): Kildeverdi<Ore> {
  if (fl.aksjekapital !== undefined) return kv(fl.aksjekapital, '--aksjekapital');
  const kap = e?.kapital;
  if (kap?.belop === undefined || (kap.valuta && kap.valuta !== 'NOK')) return null;
  return kv(kroner(kap.belop), `${ER}, ${(kap.type ?? 'kapital').toLowerCase()}`);
}

export function byggFakta(inn: FaktaInn): SmbFakta {
  const { enhet: e, flagg: fl } = inn;
  const alle = inn.regnskap ?? [];
  const selskapRaa = nyeste(alle, 'SELSKAP');
  const nokOk = (r: RegnskapData | null) => (r && (!r.valuta || r.valuta === 'NOK') ? r : null);
  const r = nokOk(selskapRaa);
  const RR = r?.regnskapsperiode?.tilDato
    ? `Regnskapsregisteret ${dato(r.regnskapsperiode.tilDato)}`
    : 'Regnskapsregisteret';
  const rp = r?.regnskapsperiode;
  const fraP = rp?.fraDato ? parseDato(rp.fraDato) : null;
  const tilP = rp?.tilDato ? parseDato(rp.tilDato) : null;
  return {
    orgnr: inn.orgnr,
    ...enhetsfakta(e, fl),
    underenhet: inn.underenhet,
    omsetning:
      fl.omsetning !== undefined
        ? kv(fl.omsetning, '--omsetning')
        : kv(kroner(r?.resultatregnskapResultat?.driftsresultat?.driftsinntekter?.sumDriftsinntekter), RR),
    balanse: fl.balanse !== undefined ? kv(fl.balanse, '--balanse') : kv(kroner(r?.eiendeler?.sumEiendeler), RR),
    ...egenkapitalFra(r, fl, RR),
    aksjekapital: aksjekapitalFra(e, fl),
    overkurs: kv(fl.overkurs, '--overkurs'),
    regnskapsperiode: fraP && tilP ? { fra: fraP, til: tilP } : null,
    regnskapMerknad: regnskapMerknad(inn, selskapRaa),
    konkursOppgitt: fl.konkursAvvikling ?? null,
    konsern: konsernFra(inn, nokOk(nyeste(alle, 'KONSERN')), r),
    eierskapOppgitt: inn.eierskap.oppgitt,
    ...(fl.ikkeSelvstendig ? { ikkeSelvstendig: true } : {}),
    partnere: inn.eierskap.partnere,
    tilknyttede: inn.eierskap.tilknyttede,
    offentligeEiere: inn.eierskap.offentlige,
    innovasjonsselskap: inn.innovasjon,
    betalingsevne: fl.betalingsevne ?? null,
    redningsstotte: fl.redningsstotte ?? null,
  };
}
