/**
 * nh budsjett --regnskap <år>: attestasjonsgrunnlaget for revisor (20. februar; 10.4, vedlegg 3 pkt. 4.2).
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { kostnaderDef } from '../../../domain/datasett/kostnader.js';
import { malbedrifterDef } from '../../../domain/datasett/malbedrifter.js';
import { tilskuddDef } from '../../../domain/datasett/tilskudd.js';
import { timerDef, timerOverDognet } from '../../../domain/datasett/timer.js';
import { advarsel, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { formatDato, raaDatoI, type Dato } from '../../../domain/felles/dato.js';
import { kontrollerFordeling, statusTekst } from '../../../domain/budsjett/budsjett.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesAlle } from '../../../io/les/datasett.js';
import { byggArbeidsbok, lesMal } from '../../../io/skriv/xlsx-skriv.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { BudsjettValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr, utmappe } from '../felles.js';
import { lesSatserForAar } from '../timesats/timesats.js';

import { beregnRegnskap, type Regnskap } from '../../../domain/budsjett/regnskap.js';
import {
  fk,
  fordelingJson,
  fordelingTekst,
  kategorierJson,
  kategoriTabell,
  oppgjorJson,
  oppgjorLinjer,
  oppgjorTekst,
  settSammendragsformler,
  skrivXlsx,
  sumRef,
  type Sammendragslinje,
} from './felles.js';

const TOLKNINGER_REGNSKAP = [
  'Timer på administrasjon og gjennomføring er rader i timer med en administrasjonskode (adminKoder i nh.json) og dato i året; timer på målbedrifter (orgnr) er art. 28-tjenester og er ikke med.',
  'Aktivitetene er standardlisten fra 10.4 og vedlegg 3 pkt. 3 (inkl. innlemmelse av nye målbedrifter) pluss admAktiviteter i nh.json; en annen aktivitet tas med og gir en advarsel (listene er eksempler). Tom aktivitet godtas som prosjektkonto (10.4) og vises som egen linje.',
  'En administrasjonsrad som nevner en målbedrift (orgnr eller navn): før avtalestart og for opptak/rekruttering er det administrasjon (vedlegg 3 pkt. 3); i avtaleperioden gir den en advarsel — er det rådgivning, hører timene på målbedriften (art. 28).',
  'Beløp per person og aktivitet = timer × godkjent timesats avrundet til øre (halv opp); per person, per aktivitet og total er summer av disse linjene.',
  'Direkte kostnader er rader i kostnader med type «faktisk» eller tom type for året; bare de seks kategoriene i 10.4 godtas.',
  'Differanse = tildeling − total. Positiv differanse er overskudd som skal tilbakebetales (vedlegg 3 pkt. 4.2).',
];

/** Programveileder 10.4 (2.) og vedlegg 3 pkt. 4.2: alt den revisorgodkjente attestasjonen skal bekrefte. */
const ATTESTASJON = [
  'Det foreligger timelister som dokumenterer medgått tid.',
  'Timelistene spesifiserer hvem som har utført arbeidet og hvordan tiden er brukt i programarbeidet.',
  'Timelistene kan fremlegges på forespørsel.',
  'Tildelingen til «Gjennomførings- og administrasjonskostnader» er disponert i sin helhet.',
  'Det ligger ikke igjen noen statsstøtterettslig «fordel» i programselskapet (for mye utbetalt kreves tilbake).',
];
const ATTESTERER = 'Revisor. Er selskapet ikke revisorpliktig, kan regnskapsfører utarbeide attestasjonen.';

// ————— regnskap —————

export async function kjorRegnskap(k: Kontekst, am: Arbeidsmappe, aar: number, valg: BudsjettValg): Promise<Resultat> {
  const fra = `${aar}-01-01` as Dato;
  const til = `${aar}-12-31` as Dato;
  const { aarsSatser, timer, malbedrifter, kostnader, tilskudd } = await lesAlle(am, {
    // 10.4 / vedlegg 3 pkt. 4.2: årets egne satser (timesats-<år>.json), ellers regnet fra ansatte nå.
    aarsSatser: () => lesSatserForAar(am, aar),
    // Bare årets rader valideres og tas med (én gjennomgang av en stor timeliste).
    timer: { def: timerDef, filter: (hent) => raaDatoI(hent('dato'), fra, til) },
    malbedrifter: { def: malbedrifterDef, valgfritt: true },
    kostnader: { def: kostnaderDef, valgfritt: true },
    tilskudd: tilskuddDef,
  });
  const { ansatte, satser } = aarsSatser;
  const { regnskap: r, feil: feilListe } = beregnRegnskap(
    aar,
    timer.rader,
    ansatte,
    satser,
    malbedrifter.rader,
    kostnader.rader,
    tilskudd.rader,
    am.config.adminKoder,
    am.config.admAktiviteter,
    aarsSatser.lagret ? `timesats-${aar}.json` : 'ansatte',
  );
  feilListe.unshift(...timerOverDognet(timer.rader)); // issue 11 pkt. 5: høyst 24 timer per person per dag
  if (feilListe.length) throw new InndataFeil(feilListe);
  const filnavn: Record<string, string> = {
    timer: timer.fil ?? 'timer.csv',
    tilskudd: tilskudd.fil ?? 'tilskudd.csv',
    kostnader: kostnader.fil ?? 'kostnader.csv',
  };
  k.advarsler.push(
    ...r.advarsler.map((d) =>
      d.kilde && d.kilde.rad === undefined && filnavn[d.kilde.fil]
        ? { ...d, kilde: { ...d.kilde, fil: filnavn[d.kilde.fil]! } }
        : d,
    ),
  );
  const fordeling = kontrollerFordeling(aar, tilskudd.rader);
  k.advarsler.push(...fordeling.advarsler.map((d) => ({ ...d, kilde: { fil: tilskudd.fil ?? 'tilskudd.csv' } })));
  if (!aarsSatser.lagret) {
    k.advarsler.push(
      advarsel(
        'timesats-ikke-lagret',
        `Fant ingen lagrede timesatser for ${aar} (timesats-${aar}.json): satsene er regnet fra ansatte slik den er i dag. ` +
          `Attestasjonen skal bruke satsene for ${aar} (programveileder 10.4, vedlegg 3 pkt. 4.2); er lønn eller stilling endret ` +
          `siden, stemmer ikke beløpene. Lagre årets satser med nh timesats --år ${aar} før ansatte endres for neste år.`,
        { fil: `timesats-${aar}.json` },
      ),
    );
  }
  if (til >= k.idag)
    k.advarsler.push(
      advarsel(
        'aret-ikke-avsluttet',
        `Året ${aar} er ikke avsluttet (i dag er ${formatDato(k.idag)}); timer og kostnader som føres senere, kommer ikke med.`,
      ),
    );

  const fil = path.join(utmappe(am, valg.ut), `attestasjonsgrunnlag-${aar}.xlsx`);
  await skrivXlsx(await regnskapXlsx(am, r, aarsSatser.kilde, k.idag), fil, valg);

  const o = r.oppgjor;
  const json = {
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
    timesatsKilde: aarsSatser.kilde,
    fordeling10_2: fordelingJson(fordeling.fordeling),
    attestasjonBekrefter: ATTESTASJON,
    attesterer: ATTESTERER,
    tolkninger: TOLKNINGER_REGNSKAP,
    fil: valg.forhandsvis ? null : fil,
  };
  const tekst = [
    farge.bold(`Attestasjonsgrunnlag administrasjon og gjennomføring ${aar} – ${am.config.naeringshage.navn}`),
    `Programveileder 10.4 / vedlegg 3 pkt. 4.2. Revisors attestasjon sendes Siva innen 20. februar ${aar + 1} (11.1).`,
    `Timesatser: ${aarsSatser.kilde}.`,
    '',
    tekstTabell(
      ['Ansatt', 'Timesats', 'Timer', 'Beløp'],
      [
        ...r.personer.map((p) => [p.navn, fk(p.timesats), (p.timer / 100).toLocaleString('nb-NO'), fk(p.belop)]),
        ['Sum', '', (r.timer / 100).toLocaleString('nb-NO'), fk(o.timeBelop)],
      ],
      [false, true, true, true],
    ),
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
    fordelingTekst(aar, fordeling.fordeling),
    '',
    'Attestasjonen bekrefter (10.4, vedlegg 3 pkt. 4.2):',
    ...ATTESTASJON.map((t) => `  • ${t}`),
    `  ${ATTESTERER}`,
    '',
    farge.dim(['Tolkninger («nh docs budsjett»):', ...TOLKNINGER_REGNSKAP.map((t) => `  • ${t}`)].join('\n')),
    valg.forhandsvis ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${fil}`,
  ].join('\n');
  return { json, tekst };
}

async function regnskapXlsx(am: Arbeidsmappe, r: Regnskap, satsKilde: string, idag: Dato): Promise<ExcelJS.Workbook> {
  const mal = await lesMal('attestasjonsgrunnlag');
  const o = r.oppgjor;
  const linjer: Sammendragslinje[] = [
    { nokkel: 'ar', etikett: 'Regnskapsår', type: 'nummer', verdi: r.ar },
    {
      nokkel: 'frist',
      etikett: 'Frist for revisors attestasjon til Siva (11.1)',
      type: 'dato',
      verdi: `${r.ar + 1}-02-20`,
    },
    ...oppgjorLinjer('regnskap', mal, o, r.timer, {
      personer: r.personer.length,
      kategorier: r.kostnader.perKategori.length,
    }),
    {
      nokkel: 'tilbakebetales',
      etikett: 'Skal tilbakebetales til Siva (vedlegg 3 pkt. 4.2)',
      type: 'belop',
      verdi: Math.max(0, o.differanse),
      formel: (f) => `MAX(0,${f('differanse')})`,
    },
    {
      nokkel: 'kontroll',
      etikett: 'Kontroll: timer i timelistene − timer i sammendraget',
      type: 'timer',
      verdi: 0,
      formel: (f) => `${sumRef(mal, 'timeliste', 'timer', r.timelinjer.length)}-${f('timer')}`,
    },
    {
      nokkel: 'malbedriftTimer',
      etikett: 'Timer på målbedrifter i året (art. 28, ikke med)',
      type: 'timer',
      verdi: r.malbedriftTimer,
    },
    { nokkel: 'satsKilde', etikett: 'Timesatser brukt (10.4, årets satser)', type: 'tekst', verdi: satsKilde },
    ...ATTESTASJON.map((t, i) => ({
      nokkel: `krav${i + 1}`,
      etikett: i === 0 ? 'Attestasjonen bekrefter (10.4, vedlegg 3 pkt. 4.2)' : '',
      type: 'tekst' as const,
      verdi: t,
    })),
    { nokkel: 'signatur', etikett: 'Hvem attesterer (10.4)', type: 'tekst', verdi: ATTESTERER },
    {
      nokkel: 'avrunding',
      etikett: 'Avrunding',
      type: 'tekst',
      verdi: 'timer × timesats per person og aktivitet til øre, halv opp; summer = sum av linjene',
    },
  ];
  const totalTimer = r.timer;
  const wb = byggArbeidsbok(mal, {
    variabler: { ar: String(r.ar), naeringshage: am.config.naeringshage.navn },
    idag,
    rader: {
      personer: r.personer.map((p) => ({ ansatt: p.navn, timesats: p.timesats, timer: p.timer, belop: p.belop })),
      aktiviteter: r.aktiviteter.map((a) => ({
        aktivitet: a.aktivitet,
        timer: a.timer,
        belop: a.belop,
        andel: totalTimer ? Math.round((a.timer * 1_000_000) / totalTimer) : 0,
      })),
      linjer: r.linjer.map((l) => ({
        ansatt: l.ansatt,
        aktivitet: l.aktivitet,
        rader: l.rader,
        timer: l.timer,
        timesats: l.timesats,
        belop: l.belop,
      })),
      kategorier: r.kostnader.perKategori.map((x) => ({ kategori: x.kategori, antall: x.antall, belop: x.belop })),
      kostnadslinjer: r.kostnader.linjer.map((l) => ({
        dato: l.dato ?? null,
        kategori: l.kategori,
        tekst: l.tekst ?? null,
        belop: l.belop,
        rad: l.rad ?? null,
      })),
      timeliste: r.timelinjer.map((t) => ({
        dato: t.dato,
        ansatt: t.ansatt,
        aktivitet: t.aktivitet,
        timer: t.timer,
        beskrivelse: t.beskrivelse ?? null,
        aktivitetOppgitt: t.aktivitetOppgitt ?? null,
        tjeneste: t.tjeneste ?? null,
        rad: t.rad ?? null,
      })),
    },
    parametre: { sammendrag: linjer },
  });
  settSammendragsformler(wb, mal, linjer);
  return wb;
}
