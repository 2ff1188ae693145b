/**
 * nh smb-sjekk: teksten på skjermen og den lesbare .md-posten (dokumentasjon for revisor og Siva: bedriften,
 * næringshagen, tidspunktet, norske ledetekster, datoer som dd.mm.åååå og ett tallformat). JSON-posten: json.ts.
 * Begge slutter med «Mangler for en endelig vurdering: …» når dommen er MÅ VURDERES (issue 19 pkt. 8).
 */
import { formatDato } from '../../../domain/felles/dato.js';
import { STOTTETAK_EUR_CENT } from '../../../domain/felles/stottetak.js';
import {
  dato,
  eur,
  formatArsverk,
  nok,
  prosent,
  type Relasjon,
  type SmbFakta,
  type SmbResultat,
} from '../../../domain/smb/smb.js';
import { farge } from '../../utskrift.js';
import type { SjekkJson } from './json.js';

/** «Mangler for en endelig vurdering: a; b.» — tom når dommen er endelig. */
function manglerLinje(res: Pick<SmbResultat, 'mangler'>): string | null {
  if (!res.mangler.length) return null;
  // Samme opplysning for to kriterier (f.eks. egenkapitalen) nevnes én gang.
  return `Mangler for en endelig vurdering: ${[...new Set(res.mangler.map((m) => m.tekst))].join('; ')}.`;
}

/** Treårsunntaket og regnskapet sjekken bygger på (det faktura ser på for en ny sjekk, issue 20 pkt. 3). */
function oppfolgingLinjer(j: SjekkJson): string[] {
  const o = j.oppfolging;
  const r = o.regnskap
    ? `årsregnskapet for ${o.regnskap.ar} (${dato(o.regnskap.fra)}–${dato(o.regnskap.til)})`
    : 'ikke et årsregnskap fra Regnskapsregisteret';
  const t = o.treaarsunntak;
  const unntak = t.brukt
    ? `brukt; gjelder til ${t.utloper ? dato(t.utloper) : 'ukjent'} — sjekk på nytt før det`
    : 'ikke brukt';
  return [`Bygger på: ${r}${o.tallOppgitt ? '; noen tall er oppgitt' : ''}. Treårsunntaket: ${unntak}.`];
}

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
    : `${ars(f.arsverk?.verdi ?? null)} ${f.arsverk?.erAntallAnsatte ? 'ansatte' : 'årsverk'}`;
  const rel = (r: Relasjon, hva: string) =>
    `${hva} ${r.orgnr}${r.navn ? ` ${r.navn}` : ''} (${prosent(r.andel)}): ${formatArsverk(r.arsverk)} årsverk, omsetning ${nok(r.omsetning)}, balanse ${nok(r.balanse)}`;
  const ek = (v: { verdi: number; fra: string } | null) => (v ? `${nok(v.verdi)} [${v.fra}]` : 'ukjent');
  const rp = f.regnskapsperiode;
  return [
    `Egne tall: ${egne}, omsetning ${ukjent(f.omsetning?.verdi, nok)}, balanse ${ukjent(f.balanse?.verdi, nok)}`,
    ...f.partnere.map((p) => rel(p, 'Partner (forholdsmessig)')),
    ...f.tilknyttede.map((t) => rel(t, 'Tilknyttet (fullt)')),
    ...f.offentligeEiere.map(
      (o) =>
        `Offentlig eier ${o.orgnr} (${prosent(o.andel)}): ${o.grunn}${o.unntatt ? '; investorunntak oppgitt' : ''}`,
    ),
    `Samlet: ${ars(a.arsverk)} årsverk, omsetning ${ukjent(a.omsetning, nok)} (${ukjent(res.omsetningEur, eur)}), balanse ${ukjent(a.balanse, nok)} (${ukjent(res.balanseEur, eur)})`,
    `Egenkapital${rp ? ` (${dato(rp.fra)}–${dato(rp.til)})` : ''}: innskutt ${ek(f.innskuttEk)}, opptjent ${ek(f.opptjentEk)}, sum ${ek(f.sumEk)}`,
    `Aksjekapital: ${ek(f.aksjekapital)}; overkurs: ${ek(f.overkurs)}`,
    ...(f.erIKonsern || f.tilknyttede.length
      ? [
          `Konsernet: egenkapital ${ek(f.konsern.egenkapital)}, tegnet kapital ${ek(f.konsern.kapital)}${f.konsern.morselskap ? `; morselskap ${f.konsern.morselskap.orgnr}${f.konsern.morselskap.navn ? ` ${f.konsern.morselskap.navn}` : ''}` : ''}`,
        ]
      : []),
    ...(f.regnskapMerknad ? [`Regnskapet: ${f.regnskapMerknad}`] : []),
    `Registrert (treårsunntaket regnes herfra): ${f.registrert ? dato(f.registrert.verdi) : 'ukjent'}`,
    `Kurs: ${String(j.kurs.kurs).replace('.', ',')} NOK/EUR per ${dato(j.kurs.dato)} (${j.kurs.kilde})`,
    `Treårstaket: brukt ${eur(STOTTETAK_EUR_CENT - res.gjenstaarEur)}, gjenstår ${eur(res.gjenstaarEur)} ≈ ${nok(res.gjenstaarNok)} av ${eur(STOTTETAK_EUR_CENT)}`,
  ];
}

function registerTekst(j: SjekkJson): string {
  if (j.register.kilde === 'nett') return 'hentet fra Brønnøysundregistrene nå';
  if (j.register.kilde === 'hurtigbuffer')
    return `hurtigbufferen (hentet ${j.register.enhet ? tidTekst(j.register.enhet.hentet) : 'ukjent'})`;
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
      `            ${k.grunnlag}`,
      `            Kilde: ${k.kilde}`,
    ]),
    '',
    ...tallLinjer(j, f, res),
    ...oppfolgingLinjer(j),
    `Registerdata: ${registerTekst(j)}.`,
    'Valg: se «nh docs smb-sjekk» og «Valg» i .md-posten.',
    '',
    `Skrev ${filer.json}`,
    `Skrev ${filer.md}`,
    ...(manglerLinje(res) ? ['', farge.yellow(manglerLinje(res)!)] : []),
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
    `- Bedrift: ${j.navn ?? 'ukjent navn'}, organisasjonsnummer ${f.orgnr}${f.underenhet ? ` (oppgitt som underenheten ${f.underenhet.orgnr} ${f.underenhet.navn})` : ''}`,
    `- Næringshage: ${j.naeringshage.navn} (${j.naeringshage.orgnr})`,
    `- Sjekket: ${tidTekst(j.tidspunkt)} (dato for vurderingen ${formatDato(j.dato)})`,
    `- Dom: **${res.dom}**${j.streng ? ' (--streng)' : ''}`,
    '- Regelkilde: programveileder for næringshageprogrammet 2023–2032, Begrep/definisjoner «SMB», 4.3 (målgruppe 2), vedlegg 3 pkt. 2; GBER art. 2 nr. 18 og vedlegg I.',
    '',
    '## Kriterier',
    '',
    rad(['Kriterium', 'Status', 'Grunnlag', 'Kilde']),
    rad(['---', '---', '---', '---']),
    ...res.kriterier.map((k) => rad([k.tittel, k.status, k.grunnlag, k.kilde])),
    '',
    '## Tall',
    '',
    ...[...tallLinjer(j, f, res), ...oppfolgingLinjer(j)].map((l) => `- ${l}`),
    '',
    '## Valg der regelteksten er åpen («nh docs smb-sjekk»)',
    '',
    ...Object.entries(j.valg).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '## Oppgitt på kommandolinjen',
    '',
    ...(flagg.length ? flagg.map(([k, v]) => `- ${FLAGGNAVN(k)}: ${flaggVerdi(v)}`) : ['- (ingen flagg)']),
    '',
    ...(j.svar.length ? ['## Oppgitt på spørsmål', '', ...j.svar.map((x) => `- ${x.sporsmal} ${x.svar}`), ''] : []),
    '## Registerdata',
    '',
    `- Kilde: ${registerTekst(j)}`,
    ...reg('Enhetsregisteret', j.register.enhet),
    ...reg('Enhetsregisteret, underenhet', j.register.underenhet),
    ...reg('Regnskapsregisteret', j.register.regnskap),
    `- Svarene slik registrene ga dem, ligger i ${jsonFil} (under «register»).`,
    '',
    ...(manglerLinje(res) ? ['## Mangler', '', manglerLinje(res)!, ''] : []),
  ].join('\n');
}
