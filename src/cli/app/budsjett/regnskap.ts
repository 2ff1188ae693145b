/**
 * nh budsjett --regnskap <år>: attestasjonsgrunnlaget for revisor (20. februar; 10.4, vedlegg 3 pkt. 3 og 4.2).
 * Les (timelister, kostnader, tilskudd, årets satser) → beregn (domain/budsjett/regnskap.ts) → skriv xlsx.
 */
import path from 'node:path';
import { kostnaderDef } from '../../../domain/datasett/kostnader.js';
import { malbedrifterDef } from '../../../domain/datasett/malbedrifter.js';
import { tilskuddDef } from '../../../domain/datasett/tilskudd.js';
import { timerDef } from '../../../domain/datasett/timer.js';
import { InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { raaDatoI, type Dato } from '../../../domain/felles/dato.js';
import { normaliserNavn } from '../../../domain/felles/felter.js';
import { statusTekst, type Fordeling } from '../../../domain/budsjett/budsjett.js';
import { attestasjonFilnavn, planleggRegnskap } from '../../../domain/budsjett/plan.js';
import type { Regnskap } from '../../../domain/budsjett/regnskap.js';
import type { AarsSatser, LagretSett } from '../../../domain/timesats/aarssatser.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesAlle } from '../../../io/les/datasett.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { BudsjettValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr, utmappe } from '../felles.js';
import { lesSatserForAar } from '../timesats/satser.js';
import {
  fk,
  fordelingJson,
  fordelingTekst,
  kategorierJson,
  kategoriTabell,
  oppgjorJson,
  oppgjorTekst,
  skrivFilene,
} from './felles.js';
import { ATTESTASJON, ATTESTERER, regnskapXlsx } from './regnskap-xlsx.js';

const TOLKNINGER_REGNSKAP = [
  'Timer på administrasjon og gjennomføring er rader i timer med en administrasjonskode (adminKoder i nh.json) og dato i året; timer på målbedrifter (orgnr) er art. 28-tjenester og er ikke med.',
  'Aktivitetene er standardlisten fra 10.4 og vedlegg 3 pkt. 3 (inkl. innlemmelse av nye målbedrifter) pluss admAktiviteter i nh.json; en annen aktivitet tas med og gir en advarsel (listene er eksempler). Tom aktivitet godtas som prosjektkonto (10.4) og vises som egen linje.',
  'En administrasjonsrad som nevner en målbedrift (orgnr eller navn): før avtalestart og for opptak/rekruttering er det administrasjon (vedlegg 3 pkt. 3); i avtaleperioden gir den en advarsel — er det rådgivning, hører timene på målbedriften (art. 28).',
  'Beløp per person og aktivitet = timer × godkjent timesats avrundet til øre (halv opp); per person, per aktivitet og total er summer av disse linjene.',
  'Direkte kostnader er rader i kostnader med type «faktisk» eller tom type for året; bare de seks kategoriene i 10.4 godtas.',
  'Differanse = tildeling − total. Positiv differanse er overskudd som skal tilbakebetales (vedlegg 3 pkt. 4.2).',
];

// ————— regnskap —————

/** Les alt (årets satser, timer, målbedrifter, kostnader, tilskudd) → planlegg (domain/budsjett/plan.ts) → skriv. */
export async function kjorRegnskap(k: Kontekst, am: Arbeidsmappe, aar: number, valg: BudsjettValg): Promise<Resultat> {
  const { aarsSatser, timer, malbedrifter, kostnader, tilskudd } = await lesAlle(am, {
    // 10.4 / vedlegg 3 pkt. 3 og 4.2: årets faktiske satser, ellers budsjettsatsene, ellers regnet fra ansatte nå.
    aarsSatser: () => lesSatserForAar(am, aar),
    // Bare årets rader valideres og tas med (én gjennomgang av en stor timeliste).
    timer: { def: timerDef, filter: (hent) => raaDatoI(hent('dato'), `${aar}-01-01` as Dato, `${aar}-12-31` as Dato) },
    malbedrifter: { def: malbedrifterDef, valgfritt: true },
    kostnader: { def: kostnaderDef, valgfritt: true },
    tilskudd: tilskuddDef,
  });
  const p = planleggRegnskap({
    aar,
    idag: k.idag,
    satser: aarsSatser,
    timer,
    malbedrifter: malbedrifter.rader,
    kostnader,
    tilskudd,
    adminKoder: am.config.adminKoder,
    admAktiviteter: am.config.admAktiviteter,
    sti: path.join(utmappe(am, valg.ut), attestasjonFilnavn(aar)),
    forhandsvis: Boolean(valg.forhandsvis),
  });
  if (p.feil.length) throw new InndataFeil(p.feil);
  k.advarsler.push(...p.advarsler);
  // Arbeidsboken lages bare når den skrives: --forhåndsvis er planen vist.
  await skrivFilene(p.skriv, () => regnskapXlsx(am, p.regnskap, aarsSatser, k.idag), Boolean(valg.overskriv));
  const fil = p.skriv[0]?.sti ?? null;
  const v: Visning = { aar, r: p.regnskap, aarsSatser, sammenligning: p.sammenligning, fordeling: p.fordeling };
  return { json: regnskapJson(am, v, fil), tekst: regnskapTekst(am, v, fil) };
}

type Visning = {
  aar: number;
  r: Regnskap;
  aarsSatser: AarsSatser;
  sammenligning: { sett: LagretSett; timeBelop: number } | null;
  fordeling: Fordeling | null;
};

/** Issue 20 pkt. 16: begge lagrede settene ved siden av hverandre, hvilket som er brukt og hvorfor. */
function satserJson(v: Visning) {
  const sett = (l: LagretSett | null) =>
    l && {
      fil: l.fil,
      laget: l.laget,
      timerPerArsverk: l.timerPerArsverk,
      ansatte: l.ansatte.map((a) => ({ navn: a.navn, timesats: kr(a.godkjent) })),
    };
  return {
    brukt: v.aarsSatser.brukt,
    begrunnelse: v.aarsSatser.begrunnelse,
    budsjett: sett(v.aarsSatser.budsjett),
    faktisk: sett(v.aarsSatser.faktisk),
    timeBelopMedAndreSatser: v.sammenligning
      ? { fil: v.sammenligning.sett.fil, timeBelop: kr(v.sammenligning.timeBelop) }
      : null,
  };
}

function regnskapJson(am: Arbeidsmappe, v: Visning, fil: string | null) {
  const { aar, r } = v;
  const o = r.oppgjor;
  return {
    modus: 'regnskap',
    ar: aar,
    naeringshage: am.config.naeringshage.navn,
    frist: `${aar + 1}-02-20`,
    ...oppgjorJson(o),
    disponertIsinHelhet: o.differanse <= 0,
    tilbakebetales: kr(Math.max(0, o.differanse)),
    statusTekst: statusTekst('regnskap', o, fk),
    timer: r.timer / 100,
    timerPaMalbedrifter: r.malbedriftTimer / 100,
    personer: r.personer.map((p) => ({
      navn: p.navn,
      timesats: kr(p.timesats),
      timer: p.timer / 100,
      belop: kr(p.belop),
      aktiviteter: p.aktiviteter.map((a) => ({
        aktivitet: a.aktivitet,
        timer: a.timer / 100,
        belop: kr(a.belop),
        rader: a.rader,
      })),
    })),
    aktiviteter: r.aktiviteter.map((a) => ({ aktivitet: a.aktivitet, timer: a.timer / 100, belop: kr(a.belop) })),
    direkteKostnader: {
      sum: kr(r.kostnader.sum),
      perKategori: kategorierJson(r.kostnader.perKategori),
      linjer: r.kostnader.linjer.map((l) => ({
        dato: l.dato ?? null,
        kategori: l.kategori,
        tekst: l.tekst ?? null,
        belop: kr(l.belop),
        rad: l.rad ?? null,
      })),
    },
    tildelingLinjer: r.tildeling.linjer.map((l) => ({ belop: kr(l.belop), dato: l.dato ?? null, rad: l.rad ?? null })),
    antallTimelinjer: r.timelinjer.length,
    timesatsKilde: v.aarsSatser.kilde,
    timesatser: satserJson(v),
    fordeling10_2: fordelingJson(v.fordeling),
    attestasjonBekrefter: ATTESTASJON,
    attesterer: ATTESTERER,
    tolkninger: TOLKNINGER_REGNSKAP,
    fil,
  };
}

function regnskapTekst(am: Arbeidsmappe, v: Visning, fil: string | null): string {
  const { aar, r } = v;
  const o = r.oppgjor;
  return [
    farge.bold(`Attestasjonsgrunnlag administrasjon og gjennomføring ${aar} – ${am.config.naeringshage.navn}`),
    `Programveileder 10.4 / vedlegg 3 pkt. 4.2. Revisors attestasjon sendes Siva innen 20. februar ${aar + 1} (11.1).`,
    `Timesatser: ${v.aarsSatser.kilde}.`,
    `  Hvorfor: ${v.aarsSatser.begrunnelse}.`,
    ...sammenligningTekst(v),
    '',
    personTabell(v),
    '',
    tekstTabell(
      ['Aktivitet (10.4)', 'Timer', 'Beløp'],
      r.aktiviteter.map((a) => [a.aktivitet, (a.timer / 100).toLocaleString('nb-NO'), fk(a.belop)]),
      [false, true, true],
    ),
    '',
    kategoriTabell(r.kostnader.perKategori),
    '',
    ...oppgjorTekst('regnskap', o, r.timer),
    `  (${(r.malbedriftTimer / 100).toLocaleString('nb-NO')} timer på målbedrifter er art. 28-tjenester og ikke med.)`,
    fordelingTekst(aar, v.fordeling),
    '',
    'Attestasjonen bekrefter (10.4, vedlegg 3 pkt. 4.2):',
    ...ATTESTASJON.map((t) => `  • ${t}`),
    `  ${ATTESTERER}`,
    '',
    farge.dim(['Tolkninger («nh docs budsjett»):', ...TOLKNINGER_REGNSKAP.map((t) => `  • ${t}`)].join('\n')),
    fil === null ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${fil}`,
  ].join('\n');
}

function sammenligningTekst(v: Visning): string[] {
  const s = v.sammenligning;
  if (!s) return [];
  const diff = s.timeBelop - v.r.oppgjor.timeBelop;
  const hva = s.sett.grunnlag === 'budsjett' ? 'budsjettsatsene' : 'årets faktiske satser';
  return [
    `  Med ${hva} (${s.sett.fil}) ville timebeløpet vært ${fk(s.timeBelop)} kr` +
      (diff === 0 ? ' (det samme).' : ` (${fk(Math.abs(diff))} kr ${diff > 0 ? 'mer' : 'mindre'}).`),
  ];
}

/** Timesats per ansatt; med lagrede sett også budsjett- og faktisk sats ved siden av (issue 20 pkt. 16). */
function personTabell(v: Visning): string {
  const { r } = v;
  const { budsjett, faktisk } = v.aarsSatser;
  const sats = (l: LagretSett | null, navn: string) => {
    const a = l?.ansatte.find((x) => normaliserNavn(x.navn) === normaliserNavn(navn));
    return a ? fk(a.godkjent) : '–';
  };
  const ekstra = [...(budsjett ? ['Budsjettsats'] : []), ...(faktisk ? ['Faktisk sats'] : [])];
  const ekstraVerdier = (navn: string) => [
    ...(budsjett ? [sats(budsjett, navn)] : []),
    ...(faktisk ? [sats(faktisk, navn)] : []),
  ];
  return tekstTabell(
    ['Ansatt', ...ekstra, 'Timesats', 'Timer', 'Beløp'],
    [
      ...r.personer.map((p) => [
        p.navn,
        ...ekstraVerdier(p.navn),
        fk(p.timesats),
        (p.timer / 100).toLocaleString('nb-NO'),
        fk(p.belop),
      ]),
      ['Sum', ...ekstra.map(() => ''), '', (r.timer / 100).toLocaleString('nb-NO'), fk(r.oppgjor.timeBelop)],
    ],
    [false, ...ekstra.map(() => true), true, true, true],
  );
}
