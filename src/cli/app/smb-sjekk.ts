/**
 * nh smb-sjekk <orgnr>: les flagg og nh.json → slå opp i Brønnøysundregistrene (eller hurtigbufferen)
 * → vurder (domain/smb) → skriv `smb-sjekk/<orgnr>-<i dag>.json` og `.md` (og bufferen) atomisk.
 * Exit 0 kan tas opp (og må vurderes uten --streng), 1 kan ikke, 2 ugyldig inndata. Se docs/smb-sjekk.md.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../domain/diagnostikk.js';
import { leggTilAar, parseDato, type Dato } from '../../domain/dato.js';
import { belop, orgnr as orgnrCelle, prosent, tekst } from '../../domain/felter.js';
import { definerDatasett, frivillig, paakrevd } from '../../domain/datasett/definisjon.js';
import { normaliserOrgnr, orgnrFeil } from '../../domain/orgnr.js';
import { fraFlyttall, parseDesimal } from '../../domain/tall.js';
import { formatKroner, type Ore } from '../../domain/penger.js';
import { STOTTETAK_EUR_CENT, stotteSisteTreAar } from '../../domain/stottetak.js';
import {
  BANK_FORSIKRING_FORMER, BANK_FORSIKRING_NACE, KANSKJE_BANK_NACE, KANSKJE_OFFENTLIGE_FORMER, KANSKJE_OFFENTLIGE_SEKTORER, OFFENTLIGE_FORMER,
  OFFENTLIGE_SEKTORER, SJELDNE_FORMER, exitKodeFor, formatArsverk, relasjonstype, tolkRelasjonstekst, vurderSmb,
  type Kildeverdi, type Kurs, type Relasjon, type SmbFakta, type SmbResultat,
} from '../../domain/smb.js';
import { aapneArbeidsmappe, zodTilDiagnostikk, type Arbeidsmappe } from '../../io/arbeidsmappe.js';
import {
  brregOppsett, bufferStier, fraBuffer, hentEnhet, hentRegnskap, NettFeil, SvarFeil, tilBuffer, tolkEnhetSvar, tolkRegnskapSvar,
  type Enhet, type Innspilt, type Regnskap, type RegnskapSvar,
} from '../../io/brreg.js';
import { finnes, skrivFiler, type Utfil } from '../../io/skriv.js';
import { lesStotteregister } from '../../io/stotteregister.js';
import { kontrollerTabell, lesTabell } from '../../io/tabell-les.js';
import { tolkTabell } from '../../io/datasett.js';
import type { Kontekst, Resultat } from '../kontekst.js';
import type { SmbSjekkValg } from '../commands/smb-sjekk.js';
import { farge } from '../utskrift.js';
import { flaggEllerSpor, kr } from './felles.js';

// ————— nh.json: seksjonen «smb» —————

const orgnrJson = z.string().transform((v, ctx) => {
  const s = normaliserOrgnr(v);
  const g = orgnrFeil(s);
  if (g) {
    ctx.addIssue({ code: 'custom', message: `ugyldig organisasjonsnummer «${v}»: ${g}` });
    return z.NEVER;
  }
  return s;
});
export const smbSeksjonSkjema = z.object({
  /** Orgnr for andre innovasjonsselskap (næringshager, inkubatorer, parker): programveileder 4.3. */
  innovasjonsselskaper: z.array(orgnrJson).default([]),
});

function lesSmbSeksjon(am: Arbeidsmappe) {
  const r = smbSeksjonSkjema.safeParse((am.config as Record<string, unknown>)['smb'] ?? {});
  if (!r.success) {
    throw new InndataFeil(zodTilDiagnostikk(r.error, 'nh.json').map((d) => ({ ...d, melding: d.melding.replace('Feltet «', 'Feltet «smb.'), kilde: { fil: 'nh.json', kolonne: `smb.${d.kilde?.kolonne ?? ''}` } })));
  }
  return r.data;
}

// ————— --eierskap <fil.csv> —————

export const eierskapDef = definerDatasett({
  navn: 'eierskap',
  beskrivelse: 'Eierskap på 25 % eller mer i begge retninger (GBER vedlegg I art. 3): eiere og selskaper bedriften eier.',
  unik: ['orgnr'],
  kolonner: {
    orgnr: paakrevd(orgnrCelle(), { type: 'orgnr', beskrivelse: 'Det andre foretakets orgnr.', eksempel: '910000004' }),
    navn: frivillig(tekst(200), { type: 'tekst', beskrivelse: 'Navnet.', eksempel: 'Eier Holding AS' }),
    andel: paakrevd(prosent({ min: 0, maks: 100 }), { type: 'prosent', alias: ['eierandel'], beskrivelse: 'Eierandel (kapital eller stemmer, den høyeste).', eksempel: '30' }),
    arsverk: paakrevd(belop({ minst: 0 }), { type: 'tekst', alias: ['årsverk', 'ansatte'], beskrivelse: 'Årsverk i det andre foretaket.', eksempel: '200' }),
    omsetning: paakrevd(belop({ minst: 0 }), { type: 'belop', beskrivelse: 'Omsetning i kroner.', eksempel: '40 000 000' }),
    balanse: paakrevd(belop({ minst: 0 }), { type: 'belop', beskrivelse: 'Sum eiendeler i kroner.', eksempel: '30 000 000' }),
  },
});

async function lesEierskap(am: Arbeidsmappe, fil: string, advarsler: Diagnostikk[]): Promise<{ partnere: Relasjon[]; tilknyttede: Relasjon[] }> {
  // Relativ sti: fra gjeldende mappe, ellers fra arbeidsmappen.
  let sti = path.resolve(fil);
  if (!path.isAbsolute(fil) && !(await finnes(sti))) sti = am.sti(fil);
  if (!(await finnes(sti))) throw new InndataFeil([feil('mangler-fil', 'Fant ikke eierskapsfilen (--eierskap).', { fil })]);
  const navn = path.basename(sti);
  const t = await lesTabell(sti, navn);
  const ds = kontrollerTabell(t);
  if (ds.length) throw new InndataFeil(ds);
  const rader = tolkTabell(t, eierskapDef, am.config);
  const partnere: Relasjon[] = [];
  const tilknyttede: Relasjon[] = [];
  for (const r of rader) {
    const rel: Relasjon = { orgnr: r.orgnr, andel: r.andel, arsverk: r.arsverk, omsetning: r.omsetning, balanse: r.balanse, ...(r.navn ? { navn: r.navn } : {}) };
    const type = relasjonstype(r.andel);
    if (type === 'partner') partnere.push(rel);
    else if (type === 'tilknyttet') tilknyttede.push(rel);
    else advarsler.push(advarsel('eierskap-under-25', `${r.orgnr}: eierandel under 25 % — selvstendig, tas ikke med (GBER vedlegg I art. 3).`, r.kilde));
  }
  return { partnere, tilknyttede };
}

// ————— Flagg —————

type Flagg = {
  arsverk?: number;
  omsetning?: Ore;
  balanse?: Ore;
  orgform?: string;
  nace?: string[];
  registrert?: Dato;
  innskuttEk?: Ore;
  opptjentEk?: Ore;
  partnere: Relasjon[];
  tilknyttede: Relasjon[];
  betalingsevne?: boolean;
  kurs?: Kurs;
};

const flaggFeil = (navn: string, verdi: string, forventet: string, melding = `${navn} «${verdi}» er ugyldig.`) =>
  feil('ugyldig-flagg', melding, { fil: 'kommandolinjen', kolonne: navn }, { verdi, forventet });

function desimalFlagg(ds: Diagnostikk[], navn: string, v: string | undefined, des: number, minst: number | null, forventet: string): number | undefined {
  if (v === undefined) return undefined;
  const r = parseDesimal(v, des);
  if (!r.ok || (minst !== null && r.verdi < minst)) {
    ds.push(flaggFeil(navn, v, forventet));
    return undefined;
  }
  return r.verdi;
}

function relasjonFlagg(ds: Diagnostikk[], navn: string, spes: string, type: 'partner' | 'tilknyttet'): Relasjon | null {
  const forventet = 'orgnr:andel%:årsverk:omsetning:balanse, f.eks. «910000004:30:200:40000000:30000000»';
  const t = tolkRelasjonstekst(spes);
  if (!t) {
    ds.push(flaggFeil(navn, spes, forventet));
    return null;
  }
  const n = ds.length;
  const orgnr = normaliserOrgnr(t.orgnr);
  const g = orgnrFeil(orgnr);
  if (g) ds.push(flaggFeil(navn, spes, 'et gyldig orgnr først', `${navn}: ${g} (${t.orgnr}).`));
  const andel = desimalFlagg(ds, navn, t.andel.replace(/%$/, ''), 4, 0, forventet);
  const arsverk = desimalFlagg(ds, navn, t.arsverk, 2, 0, forventet);
  const omsetning = desimalFlagg(ds, navn, t.omsetning, 2, 0, forventet);
  const balanse = desimalFlagg(ds, navn, t.balanse, 2, 0, forventet);
  if (ds.length > n || andel === undefined || arsverk === undefined || omsetning === undefined || balanse === undefined) return null;
  // GBER vedlegg I art. 3: partner 25–50 %, tilknyttet over 50 %.
  if (relasjonstype(andel) !== type) {
    ds.push(flaggFeil(navn, spes, type === 'partner' ? 'andel fra 25 til og med 50 %' : 'andel over 50 % (til og med 100 %)', `${navn}: andelen ${t.andel} % passer ikke for et ${type === 'partner' ? 'partnerforetak' : 'tilknyttet foretak'}.`));
    return null;
  }
  if (andel > 1_000_000) {
    ds.push(flaggFeil(navn, spes, 'andel høyst 100 %'));
    return null;
  }
  return { orgnr, andel, arsverk, omsetning, balanse };
}

function lesKurs(ds: Diagnostikk[], v: string, idag: Dato): Kurs | undefined {
  const [k, d] = v.split(':');
  const r = parseDesimal((k ?? '').trim(), 4);
  const dato = d === undefined ? idag : parseDato(d);
  if (!r.ok || r.verdi <= 0 || !dato) {
    ds.push(flaggFeil('--kurs', v, 'NOK per EUR med inntil fire desimaler, valgfritt :dato, f.eks. «11,5» eller «11,5:2025-12-31»'));
    return undefined;
  }
  return { kurs: r.verdi, dato, kilde: 'oppgitt med --kurs' };
}

function lesFlagg(v: SmbSjekkValg, idag: Dato): Flagg {
  const ds: Diagnostikk[] = [];
  const f: Flagg = { partnere: [], tilknyttede: [] };
  const arsverk = desimalFlagg(ds, '--ansatte', v.ansatte, 2, 0, 'årsverk (ikke negativt), f.eks. «12» eller «12,5»');
  if (arsverk !== undefined) f.arsverk = arsverk;
  const oms = desimalFlagg(ds, '--omsetning', v.omsetning, 2, 0, 'kroner (ikke negativt), f.eks. «8 000 000»');
  if (oms !== undefined) f.omsetning = oms;
  const bal = desimalFlagg(ds, '--balanse', v.balanse, 2, 0, 'kroner (ikke negativt)');
  if (bal !== undefined) f.balanse = bal;
  const inn = desimalFlagg(ds, '--innskutt-ek', v.innskuttEk, 2, null, 'kroner');
  if (inn !== undefined) f.innskuttEk = inn;
  const opp = desimalFlagg(ds, '--opptjent-ek', v.opptjentEk, 2, null, 'kroner (negativt ved akkumulert tap)');
  if (opp !== undefined) f.opptjentEk = opp;
  if (v.orgform !== undefined) {
    const o = v.orgform.trim().toUpperCase();
    if (/^[A-ZÆØÅ]{2,5}$/.test(o)) f.orgform = o;
    else ds.push(flaggFeil('--orgform', v.orgform, 'en kode fra Enhetsregisteret, f.eks. AS, ASA, ENK, KF, STI'));
  }
  if (v.nace !== undefined) {
    const koder = v.nace.split(/[,;\s]+/).filter(Boolean);
    if (koder.length && koder.every((n) => /^\d{2}(\.\d{1,3})?$/.test(n))) f.nace = koder;
    else ds.push(flaggFeil('--nace', v.nace, 'næringskode som «62.010», flere skilt med komma'));
  }
  if (v.registrert !== undefined) {
    const d = parseDato(v.registrert);
    if (d) f.registrert = d;
    else ds.push(flaggFeil('--registrert', v.registrert, 'dato som åååå-mm-dd eller dd.mm.åååå'));
  }
  if (v.betalingsevne !== undefined) {
    const b = v.betalingsevne.trim().toLowerCase();
    if (b === 'ja' || b === 'nei') f.betalingsevne = b === 'ja';
    else ds.push(flaggFeil('--betalingsevne', v.betalingsevne, 'ja eller nei'));
  }
  for (const p of v.partner ?? []) {
    const r = relasjonFlagg(ds, '--partner', p, 'partner');
    if (r) f.partnere.push(r);
  }
  for (const t of v.tilknyttet ?? []) {
    const r = relasjonFlagg(ds, '--tilknyttet', t, 'tilknyttet');
    if (r) f.tilknyttede.push(r);
  }
  if (v.kurs !== undefined) {
    const k = lesKurs(ds, v.kurs, idag);
    if (k) f.kurs = k;
  }
  if (v.selvstendig && (f.partnere.length || f.tilknyttede.length || v.eierskap)) {
    ds.push(feil('ugyldig-flagg', '--selvstendig kan ikke brukes sammen med --partner, --tilknyttet eller --eierskap.', { fil: 'kommandolinjen', kolonne: '--selvstendig' }));
  }
  if (ds.length) throw new InndataFeil(ds);
  return f;
}

// ————— Registerdata —————

type Registerdata = {
  kilde: 'nett' | 'hurtigbuffer' | 'ingen';
  enhet: Innspilt | null;
  regnskap: Innspilt | null;
  /** Svar som skal bufres (hentet fra nettet i denne kjøringen). */
  nye: Innspilt[];
};

async function lesBuffer(am: Arbeidsmappe, deler: string[]): Promise<Innspilt | null> {
  try {
    return fraBuffer(await readFile(am.sti(...deler), 'utf8'));
  } catch {
    return null;
  }
}

async function hentRegisterdata(am: Arbeidsmappe, orgnr: string, offline: boolean, advarsler: Diagnostikk[]): Promise<Registerdata> {
  const b = bufferStier(orgnr);
  const fraBufferen = async (grunn: string | null): Promise<Registerdata> => {
    const enhet = await lesBuffer(am, b.enhet);
    const regnskap = await lesBuffer(am, b.regnskap);
    if (!enhet) return { kilde: 'ingen', enhet: null, regnskap: null, nye: [] };
    advarsler.push(advarsel('hurtigbuffer', `${grunn ? `${grunn} ` : ''}Bruker registerdata fra hurtigbufferen, hentet ${enhet.hentet}.`, { fil: path.join(...b.enhet) }));
    return { kilde: 'hurtigbuffer', enhet, regnskap, nye: [] };
  };
  if (offline) return fraBufferen(null);
  const o = brregOppsett();
  let enhet: Innspilt;
  try {
    enhet = await hentEnhet(o, orgnr);
  } catch (e) {
    if (!(e instanceof NettFeil)) throw e;
    const r = await fraBufferen(e.message);
    if (r.kilde === 'ingen') advarsler.push(advarsel('frakoblet', `${e.message} Ingen hurtigbuffer for ${orgnr}.`));
    return r;
  }
  // Regnskap bare for en aktiv enhet (ukjent, slettet og fjernet stopper før).
  if (enhet.status !== 200) return { kilde: 'nett', enhet, regnskap: null, nye: [] };
  let regnskap: Innspilt | null = null;
  try {
    regnskap = await hentRegnskap(o, orgnr);
  } catch (e) {
    if (!(e instanceof NettFeil)) throw e;
    regnskap = await lesBuffer(am, b.regnskap);
    advarsler.push(advarsel('regnskap-frakoblet', `${e.message} ${regnskap ? `Bruker regnskapet fra hurtigbufferen (hentet ${regnskap.hentet}).` : 'Regnskapstallene mangler.'}`));
    return { kilde: 'nett', enhet, regnskap, nye: [enhet] };
  }
  return { kilde: 'nett', enhet, regnskap, nye: [enhet, regnskap] };
}

function svarFeil(e: unknown): never {
  if (e instanceof SvarFeil) throw new InndataFeil([feil('brreg-svar', `${e.message} Prøv igjen senere, eller bruk --offline med flagg.`, { fil: e.url })]);
  throw e;
}

function tolkEnhet(orgnr: string, s: Innspilt): { enhet: Enhet; raa: unknown } {
  let svar;
  try {
    svar = tolkEnhetSvar(s, s.url);
  } catch (e) {
    svarFeil(e);
  }
  const kilde = { fil: s.url };
  if (svar.type === 'ukjent') throw new InndataFeil([feil('ukjent-orgnr', `${orgnr} finnes ikke i Enhetsregisteret (HTTP 404). Kontroller nummeret.`, kilde, { verdi: orgnr })]);
  if (svar.type === 'fjernet') {
    throw new InndataFeil([feil('fjernet-orgnr', `${orgnr} er fjernet fra Enhetsregisteret av juridiske årsaker (HTTP 410${svar.slettedato ? `, slettet ${svar.slettedato}` : ''}). Enheten kan ikke tas opp.`, kilde, { verdi: orgnr })]);
  }
  if (svar.type === 'slettet') {
    throw new InndataFeil([feil('slettet-enhet', `${orgnr} (${svar.enhet.navn}) er slettet fra Enhetsregisteret${svar.enhet.slettedato ? ` ${svar.enhet.slettedato}` : ''}. En slettet enhet kan ikke tas opp som målbedrift.`, kilde, { verdi: orgnr })]);
  }
  return { enhet: svar.enhet, raa: svar.raa };
}

function tolkRegnskap(s: Innspilt | null, advarsler: Diagnostikk[]): { regnskap: Regnskap | null; raa: unknown; svar: RegnskapSvar | null } {
  if (!s) return { regnskap: null, raa: null, svar: null };
  let svar: RegnskapSvar;
  try {
    svar = tolkRegnskapSvar(s, s.url);
  } catch (e) {
    svarFeil(e);
  }
  if (svar.type === 'ingen') {
    if (svar.status >= 500) advarsler.push(advarsel('regnskap-500', `Regnskapsregisteret svarte HTTP ${svar.status} for regnskapet (vanlig for banker og forsikring). Regnskapstallene mangler.`, { fil: s.url }));
    return { regnskap: null, raa: svar.raa, svar };
  }
  if (svar.regnskap.valuta && svar.regnskap.valuta !== 'NOK') {
    advarsler.push(advarsel('regnskap-valuta', `Årsregnskapet er i ${svar.regnskap.valuta}, ikke NOK; tallene brukes ikke. Oppgi dem i kroner med flagg.`, { fil: s.url }));
    return { regnskap: null, raa: svar.raa, svar };
  }
  return { regnskap: svar.regnskap, raa: svar.raa, svar };
}

const kroner = (n: number | undefined): Ore | null => {
  if (n === undefined) return null;
  const r = fraFlyttall(n, 2);
  return r.ok ? r.verdi : Math.round(n * 100);
};

function kv<T>(verdi: T | null | undefined, fra: string): Kildeverdi<T> {
  return verdi === null || verdi === undefined ? null : { verdi, fra };
}

function tidligste(...d: (string | undefined)[]): Dato | null {
  const gyldige = d.map((x) => (x ? parseDato(x) : null)).filter((x): x is Dato => x !== null);
  return gyldige.length ? gyldige.sort()[0]! : null;
}

function byggFakta(orgnr: string, e: Enhet | null, r: Regnskap | null, fl: Flagg, eierskap: { oppgitt: boolean; partnere: Relasjon[]; tilknyttede: Relasjon[] }, innovasjon: { verdi: boolean; fra: string }): SmbFakta {
  const ER = 'Enhetsregisteret';
  const RR = r?.regnskapsperiode?.tilDato ? `Regnskapsregisteret ${r.regnskapsperiode.tilDato}` : 'Regnskapsregisteret';
  const nace = e ? [e.naeringskode1, e.naeringskode2, e.naeringskode3].filter((x) => x !== undefined).map((x) => x.kode) : [];
  const ek = r?.egenkapitalGjeld?.egenkapital;
  let arsverk: SmbFakta['arsverk'] = null;
  if (fl.arsverk !== undefined) arsverk = { verdi: fl.arsverk, fra: '--ansatte' };
  else if (e?.antallAnsatte !== undefined) arsverk = { verdi: e.antallAnsatte * 100, fra: ER, erAntallAnsatte: true };
  else if (e && e.harRegistrertAntallAnsatte === false) arsverk = { verdi: 0, fra: `${ER}: ingen ansatte registrert`, erAntallAnsatte: true };
  const innskutt = fl.innskuttEk !== undefined ? kv(fl.innskuttEk, '--innskutt-ek') : kv(kroner(ek?.innskuttEgenkapital?.sumInnskuttEgenkaptial), RR);
  const opptjent = fl.opptjentEk !== undefined ? kv(fl.opptjentEk, '--opptjent-ek') : kv(kroner(ek?.opptjentEgenkapital?.sumOpptjentEgenkapital), RR);
  let sumEk: Kildeverdi<Ore> = kv(kroner(ek?.sumEgenkapital), RR);
  if (fl.innskuttEk !== undefined || fl.opptjentEk !== undefined || !sumEk) {
    if (innskutt && opptjent) sumEk = { verdi: innskutt.verdi + opptjent.verdi, fra: 'innskutt + opptjent egenkapital' };
  }
  const registrert = fl.registrert
    ? kv(fl.registrert, '--registrert')
    : kv(tidligste(e?.stiftelsesdato, e?.registreringsdatoEnhetsregisteret, e?.registreringsdatoForetaksregisteret), `${ER} (tidligste av stiftelses- og registreringsdato)`);
  const rp = r?.regnskapsperiode;
  const periode = rp?.fraDato && rp.tilDato ? { fra: parseDato(rp.fraDato), til: parseDato(rp.tilDato) } : null;
  return {
    orgnr,
    navn: e?.navn ?? null,
    orgform: fl.orgform ? kv(fl.orgform, '--orgform') : kv(e?.organisasjonsform.kode, ER),
    nace: fl.nace ? kv(fl.nace, '--nace') : e && nace.length ? kv(nace, ER) : null,
    sektor: kv(e?.institusjonellSektorkode?.kode, ER),
    arsverk,
    omsetning: fl.omsetning !== undefined ? kv(fl.omsetning, '--omsetning') : kv(kroner(r?.resultatregnskapResultat?.driftsresultat?.driftsinntekter?.sumDriftsinntekter), RR),
    balanse: fl.balanse !== undefined ? kv(fl.balanse, '--balanse') : kv(kroner(r?.eiendeler?.sumEiendeler), RR),
    innskuttEk: innskutt,
    opptjentEk: opptjent,
    sumEk,
    regnskapsperiode: periode && periode.fra && periode.til ? { fra: periode.fra, til: periode.til } : null,
    registrert,
    konkurs: e ? (e.konkurs ?? false) : null,
    underAvvikling: e ? (e.underAvvikling ?? false) : null,
    tvangsavvikling: e ? (e.underTvangsavviklingEllerTvangsopplosning ?? false) : null,
    erIKonsern: e?.erIKonsern ?? null,
    eierskapOppgitt: eierskap.oppgitt,
    partnere: eierskap.partnere,
    tilknyttede: eierskap.tilknyttede,
    innovasjonsselskap: innovasjon,
    betalingsevne: fl.betalingsevne ?? null,
  };
}

// ————— Spørsmål (bare på TTY) —————

async function sporOmManglende(k: Kontekst, fl: Flagg, harEnhet: boolean): Promise<void> {
  if (!k.interaktiv) return;
  const tall = (navn: string, des: number, minst: number | null) => async () => {
    const s = await k.spor.tekst(navn, { valider: (v) => { const r = parseDesimal(v, des); return r.ok && (minst === null || r.verdi >= minst) ? true : 'Skriv et tall, f.eks. 1 234 567'; } });
    return (parseDesimal(s, des) as { verdi: number }).verdi;
  };
  if (!harEnhet) {
    if (fl.orgform === undefined) fl.orgform = (await k.spor.tekst('Organisasjonsform (f.eks. AS, ENK):', { valider: (v) => (/^[A-ZÆØÅa-zæøå]{2,5}$/.test(v.trim()) ? true : 'En kode som AS') })).trim().toUpperCase();
    if (fl.arsverk === undefined) fl.arsverk = await tall('Årsverk:', 2, 0)();
    if (fl.omsetning === undefined) fl.omsetning = await tall('Omsetning (driftsinntekter) i kroner:', 2, 0)();
    if (fl.balanse === undefined) fl.balanse = await tall('Balanse (sum eiendeler) i kroner:', 2, 0)();
  }
}

/**
 * Enheten finnes, men Regnskapsregisteret har ikke noe årsregnskap (typisk nyetablert): på en TTY spør nh om
 * omsetning og balanse — for nyetablerte et anslag i god tro (GBER vedlegg I art. 4 nr. 3). Tomt svar lar
 * kriteriet stå som «må vurderes»; nh gjetter aldri.
 */
async function sporOmRegnskapstall(k: Kontekst, fl: Flagg): Promise<void> {
  if (!k.interaktiv || (fl.omsetning !== undefined && fl.balanse !== undefined)) return;
  const valgfrittTall = async (sporsmal: string): Promise<number | undefined> => {
    const s = (await k.spor.tekst(sporsmal, { standard: '', valider: (v) => (v.trim() === '' || (parseDesimal(v, 2).ok && (parseDesimal(v, 2) as { verdi: number }).verdi >= 0) ? true : 'Skriv et tall, f.eks. 1 234 567, eller la feltet stå tomt') })).trim();
    return s === '' ? undefined : (parseDesimal(s, 2) as { verdi: number }).verdi;
  };
  if (fl.omsetning === undefined) fl.omsetning = await valgfrittTall('Ingen årsregnskap i Regnskapsregisteret. Omsetning i kroner (anslag i god tro for nyetablerte; tomt = må vurderes):');
  if (fl.balanse === undefined) fl.balanse = await valgfrittTall('Balanse (sum eiendeler) i kroner (anslag; tomt = må vurderes):');
}

async function sporOmEierskap(k: Kontekst, fl: Flagg): Promise<boolean> {
  if (!k.interaktiv) return false;
  const ja = await k.spor.bekreft('Eier bedriften, eller eies den av, et annet foretak med 25 % eller mer (kapital eller stemmer)?', false);
  if (!ja) return true;
  for (;;) {
    const s = (await k.spor.tekst('Foretak (orgnr:andel%:årsverk:omsetning:balanse), tom linje for ferdig:', { standard: '' })).trim();
    if (!s) return true;
    const ds: Diagnostikk[] = [];
    const t = tolkRelasjonstekst(s);
    const andel = t ? parseDesimal(t.andel.replace(/%$/, ''), 4) : null;
    const type = andel && andel.ok ? relasjonstype(andel.verdi) : 'selvstendig';
    if (type === 'selvstendig') {
      k.advarsler.push(advarsel('eierskap-under-25', `«${s}»: under 25 % eller ugyldig — ikke tatt med.`));
      continue;
    }
    const r = relasjonFlagg(ds, type === 'partner' ? '--partner' : '--tilknyttet', s, type);
    if (r) (type === 'partner' ? fl.partnere : fl.tilknyttede).push(r);
    else k.advarsler.push(...ds.map((d) => ({ ...d, alvor: 'advarsel' as const })));
  }
}

// ————— Kjøringen —————

const MAPPE = 'smb-sjekk';

export async function smbSjekk(k: Kontekst, orgnrArg: string | undefined, valg: SmbSjekkValg): Promise<Resultat> {
  // 1. Orgnr: fra argumentet, ellers spørsmål på en TTY (ellers exit 2); ni sifre og MOD11 (exit 2).
  const orgnrInn = await flaggEllerSpor(
    k,
    orgnrArg,
    { flagg: 'orgnr', melding: 'Mangler argumentet «orgnr»: organisasjonsnummeret til bedriften som skal sjekkes (nh smb-sjekk <orgnr>).', forventet: 'ni sifre med gyldig kontrollsiffer (MOD11)' },
    (s) => s.tekst('Organisasjonsnummeret til bedriften (ni sifre)?', { valider: (v) => orgnrFeil(normaliserOrgnr(v)) ?? true }),
  );
  const orgnr = normaliserOrgnr(orgnrInn);
  const g = orgnrFeil(orgnr);
  if (g) throw new InndataFeil([feil('ugyldig-orgnr', `Ugyldig organisasjonsnummer: ${g}.`, { fil: 'kommandolinjen', kolonne: 'orgnr' }, { verdi: orgnrInn, forventet: 'ni sifre med gyldig kontrollsiffer (MOD11)' })]);

  const am = await aapneArbeidsmappe(k.data);
  const seksjon = lesSmbSeksjon(am);
  const fl = lesFlagg(valg, k.idag);
  const kurs: Kurs = fl.kurs ?? { kurs: am.config.eurNok.kurs, dato: am.config.eurNok.dato, kilde: `${am.config.eurNok.kilde} (nh.json eurNok)` };

  // 2. Dagens post finnes fra før: krev --overskriv før vi gjør noe annet.
  const filer = { json: am.sti(MAPPE, `${orgnr}-${k.idag}.json`), md: am.sti(MAPPE, `${orgnr}-${k.idag}.md`) };
  if (!valg.overskriv) {
    const finnesFraFor = [filer.json, filer.md].filter((f) => f);
    for (const f of finnesFraFor) {
      if (await finnes(f)) {
        throw new InndataFeil([feil('finnes-fra-for', `Det finnes allerede en SMB-sjekk av ${orgnr} datert ${k.idag}. Bruk --overskriv for å erstatte den.`, { fil: path.relative(am.rot, f) })]);
      }
    }
  }

  // 3. Eierskap fra fil (før nettet: feil i filen er exit 2 uten oppslag).
  const fraFil = valg.eierskap ? await lesEierskap(am, valg.eierskap, k.advarsler) : { partnere: [], tilknyttede: [] };
  const partnere = [...fl.partnere, ...fraFil.partnere];
  const tilknyttede = [...fl.tilknyttede, ...fraFil.tilknyttede];

  // 4. Registerdata: nett → hurtigbuffer → flagg.
  const reg = await hentRegisterdata(am, orgnr, Boolean(valg.offline), k.advarsler);
  const enhet = reg.enhet ? tolkEnhet(orgnr, reg.enhet) : null;
  const regnskap = enhet ? tolkRegnskap(reg.regnskap, k.advarsler) : { regnskap: null, raa: null, svar: null };
  if (enhet && !regnskap.regnskap) await sporOmRegnskapstall(k, fl);
  if (!enhet) {
    await sporOmManglende(k, fl, false);
    const mangler = [
      fl.orgform === undefined && '--orgform',
      fl.arsverk === undefined && '--ansatte',
      fl.omsetning === undefined && '--omsetning',
      fl.balanse === undefined && '--balanse',
    ].filter((x): x is string => Boolean(x));
    if (mangler.length) {
      const hvorfor = valg.offline ? '--offline og ingen hurtigbuffer' : 'fikk ikke kontakt med Brønnøysundregistrene og fant ingen hurtigbuffer';
      throw new InndataFeil([
        feil('mangler-registerdata', `Ingen registerdata for ${orgnr} (${hvorfor} i ${path.join(MAPPE, 'buffer')}). Mangler: ${mangler.join(', ')}. Kjør med nett, eller oppgi flaggene (også --registrert, --innskutt-ek og --opptjent-ek bør oppgis).`, { fil: path.join(MAPPE, 'buffer', `${orgnr}-enhet.json`) }, { forventet: mangler.join(', ') }),
      ]);
    }
  }
  let eierskapOppgitt = Boolean(valg.selvstendig || valg.eierskap || partnere.length || tilknyttede.length);
  if (!eierskapOppgitt) eierskapOppgitt = await sporOmEierskap(k, fl);
  const alleP = [...partnere, ...fl.partnere.filter((p) => !partnere.includes(p))];
  const alleT = [...tilknyttede, ...fl.tilknyttede.filter((t) => !tilknyttede.includes(t))];
  const innovasjon = valg.innovasjonsselskap
    ? { verdi: true, fra: '--innovasjonsselskap' }
    : seksjon.innovasjonsselskaper.includes(orgnr)
      ? { verdi: true, fra: 'nh.json smb.innovasjonsselskaper' }
      : orgnr === am.config.naeringshage.orgnr
        ? { verdi: true, fra: 'næringshagen selv (nh.json naeringshage.orgnr)' }
        : { verdi: false, fra: '' };
  const fakta = byggFakta(orgnr, enhet?.enhet ?? null, regnskap.regnskap, fl, { oppgitt: eierskapOppgitt, partnere: alleP, tilknyttede: alleT }, innovasjon);
  if (k.interaktiv && fakta.sumEk && fakta.sumEk.verdi < 0 && fakta.betalingsevne === null) {
    const s = await k.spor.velg('Egenkapitalen er negativ. Har bedriften midler til å dekke løpende forpliktelser?', [
      { navn: 'Ja', verdi: 'ja' }, { navn: 'Nei', verdi: 'nei' }, { navn: 'Vet ikke (må vurderes)', verdi: 'vet-ikke' },
    ]);
    if (s !== 'vet-ikke') fakta.betalingsevne = s === 'ja';
  }

  // 5. Treårstaket fra støtteregisteret.
  const { linjer, advarsler: registerAdvarsler } = await lesStotteregister(am);
  k.advarsler.push(...registerAdvarsler);
  const iVinduet = linjer.filter((l) => l.orgnr === orgnr && l.dato > leggTilAar(k.idag, -3) && l.dato <= k.idag);
  const tidligereEur = stotteSisteTreAar(linjer, orgnr, k.idag);
  if (kurs.dato > k.idag) k.advarsler.push(advarsel('kurs-fram-i-tid', `EUR/NOK-kursen er datert ${kurs.dato}, etter i dag (${k.idag}).`));

  const res = vurderSmb({ fakta, idag: k.idag, kurs, stotte: { tidligereEur, linjer: iVinduet.length } });
  const exitKode = exitKodeFor(res.dom, Boolean(valg.streng));
  const json = lagJson(orgnr, k.idag, fakta, res, kurs, reg, enhet?.raa ?? null, regnskap.raa, exitKode, valg);

  // 6. Skriv posten (og bufferen) atomisk.
  const utfiler: Utfil[] = [
    { sti: filer.json, innhold: `${JSON.stringify(json, null, 2)}\n` },
    { sti: filer.md, innhold: lagMarkdown(json, fakta, res) },
  ];
  const b = bufferStier(orgnr);
  for (const s of reg.nye) utfiler.push({ sti: am.sti(...(s === reg.enhet ? b.enhet : b.regnskap)), innhold: tilBuffer(s) });
  await skrivFiler(utfiler, { overskriv: true });

  return { json: { ...json, filer: { json: filer.json, md: filer.md } }, tekst: lagTekst(json, res, filer), exitKode };
}

// ————— Utdata —————

const VALG = {
  offentligeFormer: OFFENTLIGE_FORMER,
  offentligeSektorkoder: OFFENTLIGE_SEKTORER,
  maaVurderesFormer: KANSKJE_OFFENTLIGE_FORMER,
  maaVurderesSektorkoder: KANSKJE_OFFENTLIGE_SEKTORER,
  bankForsikringFormer: BANK_FORSIKRING_FORMER,
  bankForsikringNace: BANK_FORSIKRING_NACE,
  maaVurderesNace: KANSKJE_BANK_NACE,
  sjeldneFormer: SJELDNE_FORMER,
  sjeldneNace: '94 (alle koder som begynner med 94)',
  arsverk: 'antall ansatte fra Enhetsregisteret brukes som tilnærming til årsverk; ≥ 250 ansatte gir «må vurderes» (ikke «ikke ok») fordi ansatte ikke er årsverk; --ansatte regnes som årsverk',
  utenRegnskap: 'uten publisert årsregnskap: «må vurderes» (nyetablerte bes om et anslag i god tro med --omsetning/--balanse)',
  treaarsunntak: 'regnes fra den tidligste av stiftelsesdato og registreringsdato (Enhetsregisteret/Foretaksregisteret), eller --registrert',
  eierskap: 'registrene viser ikke eierskap ≥ 25 %: «må vurderes» til det er oppgitt (--partner/--tilknyttet/--eierskap/--selvstendig)',
  avrunding: 'partnerandeler rundes til hundredels årsverk og øre, halv opp; grensene sjekkes eksakt i NOK (øre × 10 000 mot eurocent × kurs)',
};

function relJson(r: Relasjon) {
  return { orgnr: r.orgnr, navn: r.navn ?? null, andel: r.andel / 10_000, arsverk: r.arsverk / 100, omsetning: kr(r.omsetning), balanse: kr(r.balanse) };
}

function lagJson(orgnr: string, dato: Dato, f: SmbFakta, res: SmbResultat, kurs: Kurs, reg: Registerdata, enhetRaa: unknown, regnskapRaa: unknown, exitKode: 0 | 1, valg: SmbSjekkValg) {
  const a = res.aggregert;
  const n = (v: number | null) => (v === null ? null : kr(v));
  return {
    // Som kjor.ts: ok er false når exit-koden er 1 (også MÅ VURDERES med --streng).
    ok: exitKode === 0,
    orgnr,
    navn: f.navn,
    dato,
    dom: res.dom,
    exitKode,
    streng: Boolean(valg.streng),
    kriterier: res.kriterier.map((k) => ({ id: k.id, tittel: k.tittel, status: k.status, grunnlag: k.grunnlag, kilde: k.kilde })),
    tall: {
      egne: { arsverk: f.arsverk ? f.arsverk.verdi / 100 : null, arsverkKilde: f.arsverk?.fra ?? null, omsetning: n(f.omsetning?.verdi ?? null), balanse: n(f.balanse?.verdi ?? null) },
      partnere: f.partnere.map(relJson),
      tilknyttede: f.tilknyttede.map(relJson),
      fraPartnere: { arsverk: a.fraPartnere.arsverk / 100, omsetning: kr(a.fraPartnere.omsetning), balanse: kr(a.fraPartnere.balanse) },
      fraTilknyttede: { arsverk: a.fraTilknyttede.arsverk / 100, omsetning: kr(a.fraTilknyttede.omsetning), balanse: kr(a.fraTilknyttede.balanse) },
      samlet: { arsverk: a.arsverk === null ? null : a.arsverk / 100, omsetning: n(a.omsetning), balanse: n(a.balanse), omsetningEur: n(res.omsetningEur), balanseEur: n(res.balanseEur) },
      egenkapital: { innskutt: n(f.innskuttEk?.verdi ?? null), opptjent: n(f.opptjentEk?.verdi ?? null), sum: n(f.sumEk?.verdi ?? null) },
      regnskapsperiode: f.regnskapsperiode,
      registrert: f.registrert?.verdi ?? null,
    },
    kurs: { kurs: kurs.kurs / 10_000, dato: kurs.dato, kilde: kurs.kilde },
    treaar: {
      takEur: kr(STOTTETAK_EUR_CENT),
      tidligereEur: kr(STOTTETAK_EUR_CENT - res.gjenstaarEur),
      gjenstaarEur: kr(res.gjenstaarEur),
      gjenstaarNok: kr(res.gjenstaarNok),
    },
    register: {
      kilde: reg.kilde,
      enhet: reg.enhet ? { url: reg.enhet.url, status: reg.enhet.status, hentet: reg.enhet.hentet, data: enhetRaa } : null,
      regnskap: reg.regnskap ? { url: reg.regnskap.url, status: reg.regnskap.status, hentet: reg.regnskap.hentet, data: regnskapRaa } : null,
    },
    flagg: Object.fromEntries(Object.entries(valg).filter(([n, v]) => !['data', 'json'].includes(n) && v !== undefined && !(Array.isArray(v) && !v.length))),
    valg: VALG,
  };
}

type SjekkJson = ReturnType<typeof lagJson>;

/** Kroner/euro (JSON-tall med to desimaler) → «1 234 567,89», eller «ukjent». */
const fk = (v: number | null) => (v === null ? 'ukjent' : formatKroner(Math.round(v * 100)));
const fa = (v: number | null) => (v === null ? 'ukjent' : formatArsverk(Math.round(v * 100)));

const STATUSMERKE: Record<string, string> = { ok: 'ok', 'ikke ok': 'IKKE OK', 'må vurderes': 'må vurderes' };

function lagTekst(j: SjekkJson, res: SmbResultat, filer: { json: string; md: string }): string {
  const domFarge = res.dom === 'KAN TAS OPP' ? farge.green : res.dom === 'KAN IKKE TAS OPP' ? farge.red : farge.yellow;
  const linjer = [
    farge.bold(`SMB-sjekk ${j.orgnr}${j.navn ? ` ${j.navn}` : ''} – ${j.dato}`),
    domFarge(farge.bold(res.dom)),
    '',
    ...res.kriterier.flatMap((k) => [`${STATUSMERKE[k.status]!.padEnd(11)} ${k.tittel}`, `            ${k.grunnlag}`, `            Kilde: ${k.kilde}`]),
    '',
    `Samlet (egne + partnere + tilknyttede): ${fa(j.tall.samlet.arsverk)} årsverk, omsetning ${fk(j.tall.samlet.omsetning)} kr (${fk(j.tall.samlet.omsetningEur)} EUR), balanse ${fk(j.tall.samlet.balanse)} kr (${fk(j.tall.samlet.balanseEur)} EUR).`,
    `Kurs: ${String(j.kurs.kurs).replace('.', ',')} NOK/EUR per ${j.kurs.dato} (${j.kurs.kilde}).`,
    `Treårstaket: gjenstår ${fk(j.treaar.gjenstaarEur)} EUR ≈ ${fk(j.treaar.gjenstaarNok)} kr av ${fk(j.treaar.takEur)} EUR (brukt ${fk(j.treaar.tidligereEur)} EUR).`,
    `Registerdata: ${j.register.kilde === 'nett' ? 'hentet fra Brønnøysundregistrene nå' : j.register.kilde === 'hurtigbuffer' ? `hurtigbufferen (hentet ${j.register.enhet?.hentet ?? ''})` : 'ingen (bare flagg)'}.`,
    `Valg: offentlige former ${Object.keys(OFFENTLIGE_FORMER).join(', ')}; bank/forsikring ${Object.keys(BANK_FORSIKRING_FORMER).join(', ')} og NACE 64.1, 65 (64.9 må vurderes); sjeldne ${Object.keys(SJELDNE_FORMER).join(', ')} og NACE 94. Se docs/smb-sjekk.md.`,
    '',
    `Skrev ${filer.json}`,
    `Skrev ${filer.md}`,
  ];
  return linjer.join('\n');
}

function lagMarkdown(j: SjekkJson, f: SmbFakta, res: SmbResultat): string {
  const rad = (c: string[]) => `| ${c.map((x) => x.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
  const ut = [
    `# SMB-sjekk ${j.orgnr}${j.navn ? ` – ${j.navn}` : ''}`,
    '',
    `Dato: ${j.dato}  `,
    `Dom: **${res.dom}**${j.streng ? ' (--streng)' : ''}  `,
    `Regelkilde: programveileder for næringshageprogrammet 2023–2032, Begrep/definisjoner «SMB», 4.3 (målgruppe 2), vedlegg 3 pkt. 2; GBER vedlegg I.`,
    '',
    '## Kriterier',
    '',
    rad(['Kriterium', 'Status', 'Grunnlag', 'Kilde']),
    rad(['---', '---', '---', '---']),
    ...res.kriterier.map((k) => rad([`${k.tittel} (\`${k.id}\`)`, k.status, k.grunnlag, k.kilde])),
    '',
    '## Tall',
    '',
    `- Egne: ${f.arsverk ? formatArsverk(f.arsverk.verdi) : 'ukjent'} ${f.arsverk?.erAntallAnsatte ? 'ansatte' : 'årsverk'}, omsetning ${fk(j.tall.egne.omsetning)} kr, balanse ${fk(j.tall.egne.balanse)} kr`,
    ...j.tall.partnere.map((p) => `- Partner ${p.orgnr}${p.navn ? ` ${p.navn}` : ''} (${String(p.andel).replace('.', ',')} %, forholdsmessig): ${fa(p.arsverk)} årsverk, omsetning ${fk(p.omsetning)} kr, balanse ${fk(p.balanse)} kr`),
    ...j.tall.tilknyttede.map((p) => `- Tilknyttet ${p.orgnr}${p.navn ? ` ${p.navn}` : ''} (${String(p.andel).replace('.', ',')} %, fullt): ${fa(p.arsverk)} årsverk, omsetning ${fk(p.omsetning)} kr, balanse ${fk(p.balanse)} kr`),
    `- Samlet: ${fa(j.tall.samlet.arsverk)} årsverk, omsetning ${fk(j.tall.samlet.omsetning)} kr = ${fk(j.tall.samlet.omsetningEur)} EUR, balanse ${fk(j.tall.samlet.balanse)} kr = ${fk(j.tall.samlet.balanseEur)} EUR`,
    `- Egenkapital${j.tall.regnskapsperiode ? ` (${j.tall.regnskapsperiode.fra}–${j.tall.regnskapsperiode.til})` : ''}: innskutt ${fk(j.tall.egenkapital.innskutt)} kr, opptjent ${fk(j.tall.egenkapital.opptjent)} kr, sum ${fk(j.tall.egenkapital.sum)} kr`,
    `- Registrert (treårsunntaket regnes herfra): ${j.tall.registrert ?? 'ukjent'}`,
    `- Kurs: ${String(j.kurs.kurs).replace('.', ',')} NOK/EUR per ${j.kurs.dato} (${j.kurs.kilde})`,
    `- Treårstaket: brukt ${fk(j.treaar.tidligereEur)} EUR, gjenstår ${fk(j.treaar.gjenstaarEur)} EUR ≈ ${fk(j.treaar.gjenstaarNok)} kr av ${fk(j.treaar.takEur)} EUR`,
    '',
    '## Valg (docs/smb-sjekk.md)',
    '',
    ...Object.entries(j.valg).map(([n, v]) => `- ${n}: ${typeof v === 'string' ? v : Array.isArray(v) ? v.join(', ') : Object.entries(v).map(([a, b]) => `${a} (${b})`).join(', ')}`),
    '',
    '## Flagg',
    '',
    '```json',
    JSON.stringify(j.flagg, null, 2),
    '```',
    '',
    '## Rå registerdata',
    '',
    `Kilde: ${j.register.kilde}`,
    '',
    `### Enhetsregisteret${j.register.enhet ? ` (${j.register.enhet.url}, HTTP ${j.register.enhet.status}, hentet ${j.register.enhet.hentet})` : ''}`,
    '',
    '```json',
    JSON.stringify(j.register.enhet?.data ?? null, null, 2),
    '```',
    '',
    `### Regnskapsregisteret${j.register.regnskap ? ` (${j.register.regnskap.url}, HTTP ${j.register.regnskap.status}, hentet ${j.register.regnskap.hentet})` : ''}`,
    '',
    '```json',
    JSON.stringify(j.register.regnskap?.data ?? null, null, 2),
    '```',
    '',
  ];
  return ut.join('\n');
}
