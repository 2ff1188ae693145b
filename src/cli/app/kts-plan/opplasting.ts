/**
 * nh kts-plan --frist: opplastingsfilen til AVI (xlsx og CSV), --json og skjermteksten, fra planen
 * (domain/kts/plan.ts). Programveileder 6.3 og 11.1.
 */
import path from 'node:path';
import { formatDato, type Dato, maanedICsv } from '../../../domain/felles/dato.js';
import { fristTekst, maanedTekst, type AvsluttetRad, type NyRad, type Oppdatering } from '../../../domain/kts/kts.js';
import type { Rad } from '../../../domain/felles/rapport.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { AVI_LOGG } from '../../../io/kts/avi-logg.js';
import { lagCsv } from '../../../io/skriv/csv-skriv.js';
import { lesCsvMal } from '../../../io/faktura/stotteregister.js';
import { arbeidsbokTilBuffer, byggArbeidsbok, lesMal } from '../../../io/skriv/xlsx-skriv.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { TOLKNINGER } from './felles.js';
import { naeringshageOgTolkninger } from '../felles.js';

export function nyJson(r: NyRad) {
  return {
    orgnr: r.orgnr,
    navn: r.navn,
    avtalestart: r.avtalestart,
    startskjema: r.startskjema,
    startskjemaTekst: maanedTekst(r.startskjema),
    aviFrist: r.egenFrist,
    forSent: r.forSent,
    dagligLeder: r.dagligLeder,
    dagligLederEpost: r.dagligLederEpost,
    merknad: r.merknad,
    rad: r.kilde?.rad ?? null,
  };
}

export function avsluttetJson(r: AvsluttetRad) {
  return {
    orgnr: r.orgnr,
    navn: r.navn,
    avtalestart: r.avtalestart,
    avtaleslutt: r.avtaleslutt,
    exitskjema: r.exitskjema,
    exitskjemaTekst: maanedTekst(r.exitskjema),
    aviFrist: r.egenFrist,
    forSent: r.forSent,
    dagligLeder: r.dagligLeder,
    dagligLederEpost: r.dagligLederEpost,
    merknad: r.merknad,
    rad: r.kilde?.rad ?? null,
  };
}

function nyXlsx(r: NyRad): Rad {
  return { ...nyJson(r), startskjema: maanedTekst(r.startskjema) };
}
function avsluttetXlsx(r: AvsluttetRad): Rad {
  return { ...avsluttetJson(r), exitskjema: maanedTekst(r.exitskjema) };
}

function csvRader(o: Oppdatering): Rad[] {
  return [
    ...o.nye.map(
      (r): Rad => ({
        del: 'ny',
        ...nyJson(r),
        avtaleslutt: null,
        skjema: 'oppstart',
        utsendingsmaaned: maanedICsv(r.startskjema),
      }),
    ),
    ...o.avsluttede.map(
      (r): Rad => ({
        del: 'avsluttet',
        ...avsluttetJson(r),
        skjema: 'exit',
        utsendingsmaaned: maanedICsv(r.exitskjema),
      }),
    ),
  ];
}

export async function lagFiler(
  am: Arbeidsmappe,
  o: Oppdatering,
  malbedrifterFil: string | null,
  loggFantes: boolean,
  idag: Dato,
) {
  const xmal = await lesMal('avi-oppdatering');
  const wb = await byggArbeidsbok(xmal, {
    variabler: { frist: fristTekst(o.frist), naeringshage: am.config.naeringshage.navn },
    idag,
    rader: { nye: o.nye.map(nyXlsx), avsluttede: o.avsluttede.map(avsluttetXlsx) },
    parametre: {
      forutsetninger: [
        { nokkel: 'frist', etikett: 'AVI-frist (programveileder 11.1)', type: 'dato', verdi: o.frist },
        {
          nokkel: 'forrige',
          etikett: 'Forrige oppdatering i loggen',
          type: 'tekst',
          verdi: o.forrige ? formatDato(o.forrige) : '(ingen)',
        },
        { nokkel: 'logg', etikett: 'Logg', type: 'tekst', verdi: loggFantes ? AVI_LOGG : `${AVI_LOGG} (ny)` },
        { nokkel: 'malbedrifter', etikett: 'Målbedrifter', type: 'tekst', verdi: malbedrifterFil ?? '(mangler)' },
        ...naeringshageOgTolkninger(am.config, TOLKNINGER),
      ],
    },
  });
  const csvMal = await lesCsvMal('avi-oppdatering-csv');
  return { xlsx: await arbeidsbokTilBuffer(wb), csv: lagCsv(csvMal.kolonner, csvRader(o)) };
}

export function relativ(am: Arbeidsmappe, sti: string): string {
  const r = path.relative(am.rot, sti);
  return (r.startsWith('..') || path.isAbsolute(r) ? sti : r).split(path.sep).join('/');
}

type Skrevet = { xlsxSti: string; csvSti: string; skrevet: boolean; uendret: boolean; harTidligere: boolean };

export function oppdateringTekst(
  am: Arbeidsmappe,
  o: Oppdatering,
  json: { nye: ReturnType<typeof nyJson>[]; avsluttede: ReturnType<typeof avsluttetJson>[] },
  s: Skrevet,
): string {
  return [
    farge.bold(`AVI-oppdatering ${fristTekst(o.frist)} – ${am.config.naeringshage.navn} (programveileder 6.3, 11.1)`),
    o.forrige
      ? `Siden forrige oppdatering i loggen: ${fristTekst(o.forrige)}.`
      : 'Ingen tidligere oppdatering i loggen.',
    '',
    farge.bold(`Nye målbedrifter (${json.nye.length})`),
    json.nye.length ? nyeTabell(o, json.nye) : '  (ingen)',
    '',
    farge.bold(`Avsluttede målbedrifter (${json.avsluttede.length})`),
    json.avsluttede.length ? avsluttedeTabell(json.avsluttede) : '  (ingen)',
    '',
    'Tolkninger («nh docs kts-plan»):',
    ...TOLKNINGER.map((t) => `  • ${t}`),
    '',
    ...skrevetLinjer(am, s),
  ].join('\n');
}

const forSent = (b: boolean) => (b ? 'for sent' : '');

function nyeTabell(o: Oppdatering, nye: ReturnType<typeof nyJson>[]): string {
  return tekstTabell(
    ['Orgnr', 'Målbedrift', 'Avtalestart', 'Oppstartskjema', 'Daglig leder', 'E-post', 'Merknad'],
    nye.map((r) => [
      r.orgnr,
      r.navn,
      formatDato(r.avtalestart),
      r.startskjemaTekst,
      r.dagligLeder ?? '',
      r.dagligLederEpost ?? '',
      // 11.1: november–desember-oppstart registrert nå (oppstartskjemaet kommer senere, 6.3).
      r.forSent ? forSent(true) : r.startskjema > o.frist.slice(0, 7) ? 'i AVI innen 31.12 (11.1)' : '',
    ]),
  );
}

function avsluttedeTabell(avsluttede: ReturnType<typeof avsluttetJson>[]): string {
  return tekstTabell(
    ['Orgnr', 'Målbedrift', 'Avtaleslutt', 'Exit-skjema', 'Daglig leder (sjekk)', 'E-post (sjekk)', 'Merknad'],
    avsluttede.map((r) => [
      r.orgnr,
      r.navn,
      formatDato(r.avtaleslutt),
      r.exitskjemaTekst,
      r.dagligLeder ?? '',
      r.dagligLederEpost ?? '',
      forSent(r.forSent),
    ]),
  );
}

function skrevetLinjer(am: Arbeidsmappe, s: Skrevet): string[] {
  if (!s.skrevet) {
    return [
      `Forhåndsvisning: ingenting er skrevet (verken ${relativ(am, s.xlsxSti)}, ${relativ(am, s.csvSti)} eller ${AVI_LOGG}).`,
    ];
  }
  return [
    `Skrev ${s.xlsxSti}`,
    `Skrev ${s.csvSti}`,
    s.uendret
      ? `${AVI_LOGG}: uendret (samme innhold som sist for denne fristen).`
      : s.harTidligere
        ? `${AVI_LOGG}: innslaget for fristen er erstattet.`
        : `${AVI_LOGG}: oppdatert.`,
  ];
}
