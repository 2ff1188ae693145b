/** nh budsjett --regnskap <år>: arbeidsboken attestasjonsgrunnlag-<år>.xlsx og det attestasjonen skal bekrefte. */
import type ExcelJS from 'exceljs';
import type { Dato } from '../../../domain/felles/dato.js';
import type { Regnskap } from '../../../domain/budsjett/regnskap.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { byggArbeidsbok, lesMal, type Mal } from '../../../io/skriv/xlsx-skriv.js';
import { oppgjorLinjer, settSammendragsformler, sumRef, type Sammendragslinje } from './felles.js';

/** Programveileder 10.4 (2.) og vedlegg 3 pkt. 4.2: alt den revisorgodkjente attestasjonen skal bekrefte. */
export const ATTESTASJON = [
  'Det foreligger timelister som dokumenterer medgått tid.',
  'Timelistene spesifiserer hvem som har utført arbeidet og hvordan tiden er brukt i programarbeidet.',
  'Timelistene kan fremlegges på forespørsel.',
  'Tildelingen til «Gjennomførings- og administrasjonskostnader» er disponert i sin helhet.',
  'Det ligger ikke igjen noen statsstøtterettslig «fordel» i programselskapet (for mye utbetalt kreves tilbake).',
];
export const ATTESTERER = 'Revisor. Er selskapet ikke revisorpliktig, kan regnskapsfører utarbeide attestasjonen.';

export async function regnskapXlsx(
  am: Arbeidsmappe,
  r: Regnskap,
  satser: { kilde: string; begrunnelse: string },
  idag: Dato,
): Promise<ExcelJS.Workbook> {
  const mal = await lesMal('attestasjonsgrunnlag');
  const linjer = sammendrag(mal, r, satser);
  const wb = await byggArbeidsbok(mal, {
    variabler: { ar: String(r.ar), naeringshage: am.config.naeringshage.navn },
    idag,
    rader: tabellrader(r),
    parametre: { sammendrag: linjer },
  });
  settSammendragsformler(wb, mal, linjer);
  return wb;
}

/** Sammendragsarket: oppgjøret med formler mot tabellarkene, satsene og hvorfor, og det attestasjonen bekrefter. */
function sammendrag(mal: Mal, r: Regnskap, satser: { kilde: string; begrunnelse: string }): Sammendragslinje[] {
  const o = r.oppgjor;
  return [
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
    { nokkel: 'satsKilde', etikett: 'Timesatser brukt (10.4, årets satser)', type: 'tekst', verdi: satser.kilde },
    // Issue 20 pkt. 16: hvilke satser og hvorfor (vedlegg 3 pkt. 3 «ren kostnadsdekning»).
    {
      nokkel: 'satsBegrunnelse',
      etikett: 'Hvorfor disse satsene (vedlegg 3 pkt. 3)',
      type: 'tekst',
      verdi: satser.begrunnelse,
    },
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
}

/** Tabellarkene: per person, per aktivitet, person × aktivitet, kostnadene og hver timerad revisor kan spore. */
function tabellrader(r: Regnskap) {
  const totalTimer = r.timer;
  return {
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
  };
}
