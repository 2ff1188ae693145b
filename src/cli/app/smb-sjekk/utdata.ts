/**
 * nh smb-sjekk: de tre utdataene — JSON-posten (og --json), teksten på skjermen og den lesbare .md-posten
 * (dokumentasjon for revisor og Siva: bedriften, næringshagen, tidspunktet, norske ledetekster, datoer som
 * dd.mm.åååå og ett tallformat).
 */
import { formatDato, type Dato } from '../../../domain/felles/dato.js';
import { STOTTETAK_EUR_CENT } from '../../../domain/felles/stottetak.js';
import {
  BANK_FORSIKRING_FORMER,
  BANK_FORSIKRING_NACE,
  dato,
  eur,
  formatArsverk,
  KANSKJE_BANK_NACE,
  KANSKJE_OFFENTLIGE_FORMER,
  nok,
  OFFENTLIGE_FORMER,
  OFFENTLIGE_SEKTORER,
  PRIVATE_SEKTORER,
  prosent,
  SJELDNE_FORMER,
  UTENLANDSKE_FORMER,
  type Kurs,
  type Relasjon,
  type SmbFakta,
  type SmbResultat,
} from '../../../domain/smb/smb.js';
import type { Innspilt } from '../../../io/brreg/brreg.js';
import type { Registerdata } from '../../../io/brreg/brreg-oppslag.js';
import type { SmbSjekkValg } from './valg.js';
import { farge } from '../../utskrift.js';
import { kr } from '../felles.js';

const liste = (r: Readonly<Record<string, string>>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} (${v})`)
    .join(', ');

/** Valgene der teksten er åpen (docs/smb-sjekk.md), med norske ledetekster. */
export const VALG: Record<string, string> = {
  'Offentlige organisasjonsformer (ikke ok)': liste(OFFENTLIGE_FORMER),
  'Offentlige sektorkoder (ikke ok: koden sier offentlig kontroll)': liste(OFFENTLIGE_SEKTORER),
  'Private sektorkoder (ok når eierskapet er oppgitt)': liste(PRIVATE_SEKTORER),
  'Former som må vurderes': liste({ ...KANSKJE_OFFENTLIGE_FORMER, ...UTENLANDSKE_FORMER }),
  'Bank og forsikring (ikke ok)':
    `${liste(BANK_FORSIKRING_FORMER)}; NACE ` +
    `${BANK_FORSIKRING_NACE.join(', ').replace('65.', '65')}; NACE ${KANSKJE_BANK_NACE.join(', ')} må vurderes`,
  'Svært sjeldne tilfeller (må vurderes)': `${liste(SJELDNE_FORMER)}; NACE 94`,
  Årsverk:
    'antall ansatte fra Enhetsregisteret brukes som tilnærming; registrert antall ansatte uten tall = 0–4 ' +
    'ansatte (regnet som 4); ≥ 250 ansatte gir «må vurderes»; --ansatte regnes som årsverk',
  'Uten brukbart regnskap':
    'må vurderes, med grunnen (HTTP 500, annen valuta enn NOK, ikke levert); nyetablerte bes ' +
    'om et anslag i god tro',
  'Tomme regnskapsblokker':
    'opptjent (eller innskutt) egenkapital utledes av sum egenkapital når blokken er tom, og ' +
    'det står i grunnlaget',
  Kapitaltap:
    'sum egenkapital < ½ × (aksjekapital + overkurs); uten overkurs: sikkert svar bare når tallene avgjør ' +
    'det for alle mulige overkurser',
  Treårsunntaket:
    'fra den tidligste av stiftelses- og registreringsdato (og konsernets, når bedriften er i et ' +
    'konsern); aldri ut fra datterselskapets dato alene',
  Eierskap:
    'registrene viser ikke eierskap ≥ 25 %: må vurderes til det er oppgitt; offentlige eiere ≥ 25 % til sammen ' +
    '= ikke ok',
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

export type JsonInn = {
  orgnr: string;
  idag: Dato;
  tidspunkt: Date;
  naeringshage: { navn: string; orgnr: string };
  fakta: SmbFakta;
  res: SmbResultat;
  kurs: Kurs;
  reg: Registerdata;
  raa: { enhet: unknown; underenhet: unknown; regnskap: unknown };
  exitKode: 0 | 1;
  valg: SmbSjekkValg;
};

export function lagJson(x: JsonInn) {
  const { fakta: f, res, kurs, reg } = x;
  const a = res.aggregert;
  return {
    // Som kjor.ts: ok er false når exit-koden er 1 (også MÅ VURDERES med --streng).
    ok: x.exitKode === 0,
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
    tall: {
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
      fraPartnere: {
        arsverk: a.fraPartnere.arsverk / 100,
        omsetning: kr(a.fraPartnere.omsetning),
        balanse: kr(a.fraPartnere.balanse),
      },
      fraTilknyttede: {
        arsverk: a.fraTilknyttede.arsverk / 100,
        omsetning: kr(a.fraTilknyttede.omsetning),
        balanse: kr(a.fraTilknyttede.balanse),
      },
      samlet: {
        arsverk: a.arsverk === null ? null : a.arsverk / 100,
        omsetning: n(a.omsetning),
        balanse: n(a.balanse),
        omsetningEur: n(res.omsetningEur),
        balanseEur: n(res.balanseEur),
      },
      egenkapital: {
        innskutt: n(f.innskuttEk?.verdi),
        innskuttKilde: f.innskuttEk?.fra ?? null,
        opptjent: n(f.opptjentEk?.verdi),
        opptjentKilde: f.opptjentEk?.fra ?? null,
        sum: n(f.sumEk?.verdi),
        aksjekapital: n(f.aksjekapital?.verdi),
        overkurs: n(f.overkurs?.verdi),
      },
      konsern: {
        egenkapital: n(f.konsern.egenkapital?.verdi),
        kapital: n(f.konsern.kapital?.verdi),
        registrert: f.konsern.registrert?.verdi ?? null,
      },
      regnskapsperiode: f.regnskapsperiode,
      regnskapMerknad: f.regnskapMerknad,
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
      enhet: innspilt(reg.enhet, x.raa.enhet),
      underenhet: innspilt(reg.underenhet, x.raa.underenhet),
      regnskap: innspilt(reg.regnskap, x.raa.regnskap),
    },
    flagg: Object.fromEntries(
      Object.entries(x.valg).filter(
        ([k, v]) => !['data', 'json'].includes(k) && v !== undefined && !(Array.isArray(v) && !v.length),
      ),
    ),
    valg: VALG,
  };
}
export type SjekkJson = ReturnType<typeof lagJson>;

const ukjent = (v: number | null | undefined, f: (x: number) => string) =>
  v === null || v === undefined ? 'ukjent' : f(v);
const tidTekst = (iso: string) => {
  const d = new Date(iso);
  const deler = new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(d);
  const p = (t: string) => deler.find((x) => x.type === t)?.value ?? '';
  return `${p('day')}.${p('month')}.${p('year')} kl. ${p('hour')}:${p('minute')}`;
};
const STATUSMERKE: Record<string, string> = { ok: 'ok', 'ikke ok': 'IKKE OK', 'må vurderes': 'må vurderes' };

function tallLinjer(j: SjekkJson, f: SmbFakta, res: SmbResultat): string[] {
  const a = res.aggregert;
  const ars = (h: number | null) => ukjent(h, formatArsverk);
  const egne = f.arsverk?.intervall
    ? `${f.arsverk.intervall} ansatte`
    : `${ars(f.arsverk?.verdi ?? null)} ` + `${f.arsverk?.erAntallAnsatte ? 'ansatte' : 'årsverk'}`;
  const rel = (r: Relasjon, hva: string) =>
    `${hva} ${r.orgnr}${r.navn ? ` ${r.navn}` : ''} (${prosent(r.andel)}): ` +
    `${formatArsverk(r.arsverk)} årsverk, omsetning ${nok(r.omsetning)}, balanse ${nok(r.balanse)}`;
  const ek = (v: { verdi: number; fra: string } | null) => (v ? `${nok(v.verdi)} [${v.fra}]` : 'ukjent');
  const rp = f.regnskapsperiode;
  return [
    `Egne tall: ${egne}, omsetning ${ukjent(f.omsetning?.verdi, nok)}, balanse ${ukjent(f.balanse?.verdi, nok)}`,
    ...f.partnere.map((p) => rel(p, 'Partner (forholdsmessig)')),
    ...f.tilknyttede.map((t) => rel(t, 'Tilknyttet (fullt)')),
    ...f.offentligeEiere.map(
      (o) =>
        `Offentlig eier ${o.orgnr} (${prosent(o.andel)}): ` +
        `${o.grunn}${o.unntatt ? '; investorunntak oppgitt' : ''}`,
    ),
    `Samlet: ${ars(a.arsverk)} årsverk, omsetning ${ukjent(a.omsetning, nok)} (${ukjent(res.omsetningEur, eur)}), ` +
      `balanse ${ukjent(a.balanse, nok)} (${ukjent(res.balanseEur, eur)})`,
    `Egenkapital${rp ? ` (${dato(rp.fra)}–${dato(rp.til)})` : ''}: innskutt ${ek(f.innskuttEk)}, opptjent ` +
      `${ek(f.opptjentEk)}, sum ${ek(f.sumEk)}`,
    `Aksjekapital: ${ek(f.aksjekapital)}; overkurs: ${ek(f.overkurs)}`,
    ...(f.regnskapMerknad ? [`Regnskapet: ${f.regnskapMerknad}`] : []),
    `Registrert (treårsunntaket regnes herfra): ${f.registrert ? dato(f.registrert.verdi) : 'ukjent'}`,
    `Kurs: ${String(j.kurs.kurs).replace('.', ',')} NOK/EUR per ${dato(j.kurs.dato)} (${j.kurs.kilde})`,
    `Treårstaket: brukt ${eur(STOTTETAK_EUR_CENT - res.gjenstaarEur)}, gjenstår ${eur(res.gjenstaarEur)} ≈ ` +
      `${nok(res.gjenstaarNok)} av ${eur(STOTTETAK_EUR_CENT)}`,
  ];
}

function registerTekst(j: SjekkJson): string {
  if (j.register.kilde === 'nett') return 'hentet fra Brønnøysundregistrene nå';
  if (j.register.kilde === 'hurtigbuffer')
    return `hurtigbufferen (hentet ` + `${j.register.enhet ? tidTekst(j.register.enhet.hentet) : 'ukjent'})`;
  return 'ingen (bare flagg)';
}

export function lagTekst(j: SjekkJson, f: SmbFakta, res: SmbResultat, filer: { json: string; md: string }): string {
  const domFarge = res.dom === 'KAN TAS OPP' ? farge.green : res.dom === 'KAN IKKE TAS OPP' ? farge.red : farge.yellow;
  return [
    farge.bold(`SMB-sjekk ${f.orgnr}${j.navn ? ` ${j.navn}` : ''} – ${formatDato(j.dato)}`),
    domFarge(farge.bold(res.dom)),
    '',
    ...res.kriterier.flatMap((k) => [
      `${STATUSMERKE[k.status]!.padEnd(11)} ${k.tittel}`,
      `            ` + `${k.grunnlag}`,
      `            Kilde: ${k.kilde}`,
    ]),
    '',
    ...tallLinjer(j, f, res),
    `Registerdata: ${registerTekst(j)}.`,
    'Valg: se «nh docs smb-sjekk» og «Valg» i .md-posten.',
    '',
    `Skrev ${filer.json}`,
    `Skrev ${filer.md}`,
  ].join('\n');
}

const FLAGGNAVN = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const flaggVerdi = (v: unknown) => (v === true ? 'ja' : Array.isArray(v) ? v.join(', ') : String(v));

export function lagMarkdown(j: SjekkJson, f: SmbFakta, res: SmbResultat, jsonFil: string): string {
  const rad = (c: string[]) => `| ${c.map((x) => x.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
  const reg = (navn: string, s: { url: string; status: number; hentet: string } | null) =>
    s ? [`- ${navn}: ${s.url} (HTTP ${s.status}, hentet ${tidTekst(s.hentet)})`] : [];
  const flagg = Object.entries(j.flagg);
  return [
    `# SMB-sjekk: ${j.navn ?? 'ukjent navn'} (${f.orgnr})`,
    '',
    `- Bedrift: ${j.navn ?? 'ukjent navn'}, organisasjonsnummer ` +
      `${f.orgnr}${f.underenhet ? ` (oppgitt som underenheten ${f.underenhet.orgnr} ${f.underenhet.navn})` : ''}`,
    `- Næringshage: ${j.naeringshage.navn} (${j.naeringshage.orgnr})`,
    `- Sjekket: ${tidTekst(j.tidspunkt)} (dato for vurderingen ${formatDato(j.dato)})`,
    `- Dom: **${res.dom}**${j.streng ? ' (--streng)' : ''}`,
    '- Regelkilde: programveileder for næringshageprogrammet 2023–2032, Begrep/definisjoner «SMB», 4.3 (målgruppe 2), ' +
      'vedlegg 3 pkt. 2; GBER art. 2 nr. 18 og vedlegg I.',
    '',
    '## Kriterier',
    '',
    rad(['Kriterium', 'Status', 'Grunnlag', 'Kilde']),
    rad(['---', '---', '---', '---']),
    ...res.kriterier.map((k) => rad([k.tittel, k.status, k.grunnlag, k.kilde])),
    '',
    '## Tall',
    '',
    ...tallLinjer(j, f, res).map((l) => `- ${l}`),
    '',
    '## Valg der regelteksten er åpen («nh docs smb-sjekk»)',
    '',
    ...Object.entries(j.valg).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '## Oppgitt på kommandolinjen',
    '',
    ...(flagg.length ? flagg.map(([k, v]) => `- ${FLAGGNAVN(k)}: ${flaggVerdi(v)}`) : ['- (ingen flagg)']),
    '',
    '## Registerdata',
    '',
    `- Kilde: ${registerTekst(j)}`,
    ...reg('Enhetsregisteret', j.register.enhet),
    ...reg('Enhetsregisteret, underenhet', j.register.underenhet),
    ...reg('Regnskapsregisteret', j.register.regnskap),
    `- Svarene slik registrene ga dem, ligger i ${jsonFil} (under «register»).`,
    '',
  ].join('\n');
}
