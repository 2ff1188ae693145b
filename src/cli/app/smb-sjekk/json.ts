/**
 * nh smb-sjekk: JSON-posten (`smb-sjekk/<orgnr>-<dato>.json`, og --json). Feltene faktura leser er festet i
 * domain/smb/post.ts (smbPostSkjema); resten er dokumentasjon for revisor og Siva. Se docs/smb-sjekk.md.
 */
import type { Dato } from '../../../domain/felles/dato.js';
import { STOTTETAK_EUR_CENT } from '../../../domain/felles/stottetak.js';
import type { Plan } from '../../../domain/smb/plan.js';
import { SMB_POST_VERSJON } from '../../../domain/smb/post.js';
import {
  BANK_FORSIKRING_FORMER,
  BANK_FORSIKRING_NACE,
  KANSKJE_BANK_NACE,
  KANSKJE_OFFENTLIGE_FORMER,
  OFFENTLIGE_FORMER,
  OFFENTLIGE_SEKTORER,
  PRIVATE_SEKTORER,
  SJELDNE_FORMER,
  UTENLANDSKE_FORMER,
  type Kurs,
  type Relasjon,
  type SmbFakta,
  type SmbResultat,
} from '../../../domain/smb/smb.js';
import type { Innspilt } from '../../../io/brreg/brreg.js';
import type { Registerdata } from '../../../io/brreg/brreg-oppslag.js';
import { kr } from '../felles.js';
import type { Svar } from './spor.js';
import type { SmbSjekkValg } from './valg.js';

const liste = (r: Readonly<Record<string, string>>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} (${v})`)
    .join(', ');

/** Valgene der teksten er åpen (docs/smb-sjekk.md), med norske ledetekster. */
const VALG: Record<string, string> = {
  'Offentlige organisasjonsformer (ikke ok)': liste(OFFENTLIGE_FORMER),
  'Offentlige sektorkoder (ikke ok: koden sier offentlig kontroll)': liste(OFFENTLIGE_SEKTORER),
  'Private sektorkoder (ok når eierskapet er oppgitt)': liste(PRIVATE_SEKTORER),
  'Former som må vurderes': liste({ ...KANSKJE_OFFENTLIGE_FORMER, ...UTENLANDSKE_FORMER }),
  'Bank og forsikring (ikke ok)': `${liste(BANK_FORSIKRING_FORMER)}; NACE ${BANK_FORSIKRING_NACE.join(', ').replace('65.', '65')}; NACE ${KANSKJE_BANK_NACE.join(', ')} må vurderes`,
  'Svært sjeldne tilfeller (må vurderes)': `${liste(SJELDNE_FORMER)}; NACE 94`,
  Årsverk:
    'antall ansatte fra Enhetsregisteret brukes som tilnærming; registrert antall ansatte uten tall = 0–4 ansatte (regnet som 4); ≥ 250 ansatte gir «må vurderes»; --ansatte regnes som årsverk',
  'Uten brukbart regnskap':
    'må vurderes, med grunnen (HTTP 500, annen valuta enn NOK, ikke levert); nyetablerte bes om et anslag i god tro',
  'Tomme regnskapsblokker':
    'opptjent (eller innskutt) egenkapital utledes av sum egenkapital når blokken er tom, og det står i grunnlaget',
  Kapitaltap:
    'sum egenkapital < ½ × (aksjekapital + overkurs); uten overkurs: sikkert svar bare når tallene avgjør det for alle mulige overkurser',
  Treårsunntaket:
    'fra den tidligste av stiftelses- og registreringsdato (og konsernets, når bedriften er i et konsern); aldri ut fra datterselskapets dato alene',
  Eierskap:
    'registrene viser ikke eierskap ≥ 25 %: må vurderes til det er oppgitt; offentlige eiere ≥ 25 % til sammen = ikke ok',
  Avrunding: 'partnerandeler rundes til hundredels årsverk og øre, halv opp; grensene sjekkes eksakt i øre',
};

function relJson(r: Relasjon) {
  return {
    orgnr: r.orgnr,
    navn: r.navn ?? null,
    andel: r.andel / 10_000,
    arsverk: r.arsverk / 100,
    omsetning: kr(r.omsetning),
    balanse: kr(r.balanse),
  };
}

const n = (v: number | null | undefined) => (v === null || v === undefined ? null : kr(v));
const innspilt = (s: Innspilt | null, data: unknown) =>
  s ? { url: s.url, status: s.status, hentet: s.hentet, data } : null;
const bidrag = (b: { arsverk: number; omsetning: number; balanse: number }) => ({
  arsverk: b.arsverk / 100,
  omsetning: kr(b.omsetning),
  balanse: kr(b.balanse),
});

export type JsonInn = {
  orgnr: string;
  idag: Dato;
  tidspunkt: Date;
  naeringshage: { navn: string; orgnr: string };
  plan: Plan;
  kurs: Kurs;
  reg: Registerdata;
  raa: { enhet: unknown; underenhet: unknown; regnskap: unknown };
  exitKode: 0 | 1;
  valg: SmbSjekkValg;
  svar: Svar[];
};

function egenkapitalJson(f: SmbFakta) {
  return {
    innskutt: n(f.innskuttEk?.verdi),
    innskuttKilde: f.innskuttEk?.fra ?? null,
    opptjent: n(f.opptjentEk?.verdi),
    opptjentKilde: f.opptjentEk?.fra ?? null,
    sum: n(f.sumEk?.verdi),
    aksjekapital: n(f.aksjekapital?.verdi),
    overkurs: n(f.overkurs?.verdi),
  };
}

function konsernJson(f: SmbFakta) {
  const k = f.konsern;
  return {
    egenkapital: n(k.egenkapital?.verdi),
    kapital: n(k.kapital?.verdi),
    registrert: k.registrert?.verdi ?? null,
    betalingsevne: k.betalingsevne,
    morselskap: k.morselskap
      ? {
          orgnr: k.morselskap.orgnr,
          navn: k.morselskap.navn,
          erBedriften: k.morselskap.erBedriften,
          statuser: k.morselskap.statuser?.map((s) => ({ felt: s.felt, tekst: s.tekst, dato: s.dato })) ?? null,
        }
      : null,
  };
}

function tallJson(f: SmbFakta, res: SmbResultat) {
  const a = res.aggregert;
  return {
    egne: {
      arsverk: f.arsverk ? f.arsverk.verdi / 100 : null,
      arsverkKilde: f.arsverk?.fra ?? null,
      omsetning: n(f.omsetning?.verdi),
      balanse: n(f.balanse?.verdi),
    },
    partnere: f.partnere.map(relJson),
    tilknyttede: f.tilknyttede.map(relJson),
    offentligeEiere: f.offentligeEiere.map((o) => ({
      orgnr: o.orgnr,
      andel: o.andel / 10_000,
      grunn: o.grunn,
      unntatt: o.unntatt,
    })),
    fraPartnere: bidrag(a.fraPartnere),
    fraTilknyttede: bidrag(a.fraTilknyttede),
    samlet: {
      arsverk: a.arsverk === null ? null : a.arsverk / 100,
      omsetning: n(a.omsetning),
      balanse: n(a.balanse),
      omsetningEur: n(res.omsetningEur),
      balanseEur: n(res.balanseEur),
    },
    egenkapital: egenkapitalJson(f),
    konsern: konsernJson(f),
    regnskapsperiode: f.regnskapsperiode,
    regnskapMerknad: f.regnskapMerknad,
    registrert: f.registrert?.verdi ?? null,
  };
}

function registerJson(x: JsonInn) {
  return {
    kilde: x.reg.kilde,
    enhet: innspilt(x.reg.enhet, x.raa.enhet),
    underenhet: innspilt(x.reg.underenhet, x.raa.underenhet),
    regnskap: innspilt(x.reg.regnskap, x.raa.regnskap),
  };
}

/** Flaggene slik de ble gitt (uten --data/--json og tomme lister). */
const flaggJson = (valg: SmbSjekkValg) =>
  Object.fromEntries(
    Object.entries(valg).filter(
      ([k, v]) => !['data', 'json'].includes(k) && v !== undefined && !(Array.isArray(v) && !v.length),
    ),
  );

export function lagJson(x: JsonInn) {
  const { fakta: f, res } = x.plan;
  return {
    // Som kjor.ts: ok er false når exit-koden er 1 (også MÅ VURDERES med --streng).
    ok: x.exitKode === 0,
    versjon: SMB_POST_VERSJON,
    orgnr: x.orgnr,
    navn: f.navn,
    dato: x.idag,
    tidspunkt: x.tidspunkt.toISOString(),
    naeringshage: x.naeringshage,
    underenhet: f.underenhet ? { orgnr: f.underenhet.orgnr, navn: f.underenhet.navn, hovedenhet: f.orgnr } : null,
    dom: res.dom,
    exitKode: x.exitKode,
    streng: Boolean(x.valg.streng),
    kriterier: res.kriterier.map((k) => ({
      id: k.id,
      tittel: k.tittel,
      status: k.status,
      grunnlag: k.grunnlag,
      kilde: k.kilde,
    })),
    tall: tallJson(f, res),
    kurs: { kurs: x.kurs.kurs / 10_000, dato: x.kurs.dato, kilde: x.kurs.kilde },
    treaar: {
      takEur: kr(STOTTETAK_EUR_CENT),
      tidligereEur: kr(STOTTETAK_EUR_CENT - res.gjenstaarEur),
      gjenstaarEur: kr(res.gjenstaarEur),
      gjenstaarNok: kr(res.gjenstaarNok),
    },
    oppfolging: x.plan.oppfolging,
    register: registerJson(x),
    flagg: flaggJson(x.valg),
    svar: x.svar,
    valg: VALG,
    // Issue 19 pkt. 8: det som mangler for en endelig vurdering (tom når dommen er endelig), sist i posten.
    mangler: res.mangler,
  };
}
export type SjekkJson = ReturnType<typeof lagJson>;
