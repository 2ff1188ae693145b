/**
 * nh kts-plan — kundetilfredshetsundersøkelsen (programveileder 6.3) og AVI-oppdateringene (11.1).
 *
 *   [--frist <dato>]      opplastingsfil for AVI-oppdateringen: avi/avi-oppdatering-<frist>.xlsx/.csv,
 *                         og loggen avi/avi-logg.json i samme atomiske skriving
 *   --plan <år>           alle utsendinger i året (oppstart/underveis/exit) med måned og frist
 *   --ics <fil>           kalender (iCalendar) for året: AVI-fristene, utsendingsmånedene og fristene i 11.1
 *
 * Les malbedrifter (+ loggen) → beregn i domain/kts → kontroller → skriv → Resultat. Tolkningene står i
 * docs/kts-plan.md og i utdataene (TOLKNINGER).
 */
import path from 'node:path';
import { advarsel, feil, InndataFeil, kastVedFeil } from '../../../domain/felles/diagnostikk.js';
import { formatDato, parseDato, type Dato, maanedICsv } from '../../../domain/felles/dato.js';
import {
  beregnOppdatering,
  erAarsslutt,
  erAviFrist,
  forrigeAviFrist,
  loggensUtgangspunkt,
  fristTekst,
  kontrollerOppdatering,
  loggInnslag,
  maanedTekst,
  medInnslag,
  nesteAviFrist,
  sammeInnhold,
  type AviLogg,
  type AvsluttetRad,
  type NyRad,
  type Oppdatering,
} from '../../../domain/kts/kts.js';
import type { Rad } from '../../../domain/felles/rapport.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { AVI_LOGG, AVI_MAPPE, aviLoggTekst, lesAviLogg, medAviLaas } from '../../../io/kts/avi-logg.js';
import { lagCsv } from '../../../io/skriv/csv-skriv.js';
import { sjekkIkkeFinnes, skrivFiler } from '../../../io/skriv/skriv.js';
import { lesCsvMal } from '../../../io/faktura/stotteregister.js';
import { arbeidsbokTilBuffer, byggArbeidsbok, lesMal } from '../../../io/skriv/xlsx-skriv.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { KtsPlanValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { TOLKNINGER, lesAlt } from './felles.js';
import { plan } from './kalender.js';
import { naeringshageOgTolkninger } from '../felles.js';

export { TOLKNINGER } from './felles.js';

// ————— Inngang —————

export async function ktsPlan(k: Kontekst, valg: KtsPlanValg): Promise<Resultat> {
  const planModus = valg.plan !== undefined || valg.ics !== undefined;
  if (planModus && (valg.frist !== undefined || valg.forhandsvis || valg.ut !== undefined)) {
    throw new InndataFeil([
      feil(
        'ugyldig-flagg',
        '--plan/--ics lager plan og kalender; --frist, --forhåndsvis og --ut gjelder opplastingsfilen. Kjør dem hver for seg.',
        undefined,
        {
          forventet: 'nh kts-plan --frist 2026-12-01, eller nh kts-plan --plan 2026 [--ics kts-2026.ics]',
        },
      ),
    ]);
  }
  const frist = planModus ? null : tolkFrist(valg.frist, k.idag);
  const am = await aapneArbeidsmappe(k.data);
  if (planModus) return plan(k, am, valg);
  return oppdatering(k, am, valg, frist!);
}

/** Programveileder 11.1: --frist må være 1. mars/juni/september/desember; standard er den neste fra i dag. */
function tolkSiden(flagg: string): Dato {
  const d = parseDato(flagg);
  if (!d)
    throw new InndataFeil([
      feil('ugyldig-dato', `--siden «${flagg}» er ikke en dato.`, undefined, {
        verdi: flagg,
        forventet: 'åååå-mm-dd eller dd.mm.åååå',
      }),
    ]);
  return d;
}

export function tolkFrist(flagg: string | undefined, idag: Dato): Dato {
  if (flagg === undefined) return nesteAviFrist(idag);
  const d = parseDato(flagg);
  // 11.1: 31. desember (alle aktive i året registrert) er en egen, logget årsslutt-registrering.
  if (!d || !(erAviFrist(d) || erAarsslutt(d))) {
    throw new InndataFeil([
      feil(
        'ugyldig-frist',
        `--frist «${flagg}» er ikke en AVI-frist for kundetilfredshetsundersøkelsen (programveileder 11.1).`,
        undefined,
        {
          verdi: flagg,
          forventet:
            '1. mars, 1. juni, 1. september eller 1. desember (eller 31. desember for årsslutt), f.eks. 2026-12-01',
        },
      ),
    ]);
  }
  return d;
}

// ————— Opplastingsfilen —————

function nyJson(r: NyRad) {
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

function avsluttetJson(r: AvsluttetRad) {
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

async function lagFiler(
  am: Arbeidsmappe,
  o: Oppdatering,
  malbedrifterFil: string | null,
  loggFantes: boolean,
  idag: Dato,
) {
  const xmal = await lesMal('avi-oppdatering');
  const wb = byggArbeidsbok(xmal, {
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

function relativ(am: Arbeidsmappe, sti: string): string {
  const r = path.relative(am.rot, sti);
  return (r.startsWith('..') || path.isAbsolute(r) ? sti : r).split(path.sep).join('/');
}

async function oppdatering(k: Kontekst, am: Arbeidsmappe, valg: KtsPlanValg, frist: Dato): Promise<Resultat> {
  const lest = await lesAlt(am);
  // Første gang (ingen logg, f.eks. nh tatt i bruk midt i programperioden): AVI antas oppdatert ved forrige frist,
  // med mindre --siden <dato> sier noe annet. Valget står i utskriften og i --json.
  const forsteGang = !lest.logg.oppdateringer.some((x) => x.frist !== frist);
  // Utgangspunktet lagres i loggen, så senere filer ikke lister de eldre som «for sent».
  const siden =
    valg.siden !== undefined
      ? tolkSiden(valg.siden)
      : forsteGang
        ? forrigeAviFrist(frist)
        : loggensUtgangspunkt(lest.logg, frist);
  const o = beregnOppdatering(lest.bedrifter, lest.logg, frist, { siden });
  // Programveileder 6.3: navn og e-post til daglig leder må finnes for alle i filen.
  kastVedFeil(kontrollerOppdatering(o));
  k.advarsler.push(...o.advarsler);
  if (siden !== null && (forsteGang || valg.siden !== undefined)) {
    const utenfor = beregnOppdatering(lest.bedrifter, lest.logg, frist);
    const antatt = utenfor.nye.length - o.nye.length + utenfor.avsluttede.length - o.avsluttede.length;
    k.advarsler.push(
      advarsel(
        'antatt-oppdatert',
        (valg.siden !== undefined ? `--siden ${formatDato(siden)}: ` : `Fant ingen logg (${AVI_LOGG}): `) +
          `nh antar at AVI var oppdatert per ${fristTekst(siden)} og tar bare med registreringer som hører til senere frister` +
          (antatt
            ? ` (${antatt} ${antatt === 1 ? 'eldre registrering' : 'eldre registreringer'} er ikke tatt med)`
            : '') +
          '. Mangler noe i AVI fra før, kjør med --siden <dato> (f.eks. --siden 01.01.2024 for alt siden da).',
        { fil: AVI_LOGG },
      ),
    );
  }

  const ut = valg.ut !== undefined ? k.sti(valg.ut) : am.sti(AVI_MAPPE);
  const xlsxSti = path.join(ut, `avi-oppdatering-${frist}.xlsx`);
  const csvSti = path.join(ut, `avi-oppdatering-${frist}.csv`);
  const innslag = loggInnslag(
    o,
    k.idag,
    [relativ(am, xlsxSti), relativ(am, csvSti)],
    forsteGang || valg.siden !== undefined ? siden : null,
  );
  const tidligere = lest.logg.oppdateringer.find((x) => x.frist === frist);
  const uendret = sammeInnhold(tidligere, innslag);
  // Uendret innhold: innslaget (også skrivedatoen) beholdes, så loggen blir byte for byte den samme.
  const nyLogg = medInnslag(lest.logg, uendret ? tidligere! : innslag);
  const filer = await lagFiler(am, o, lest.fil, lest.fantes, k.idag);

  let skrevet = false;
  if (!valg.forhandsvis) {
    await sjekkIkkeFinnes([xlsxSti, csvSti], Boolean(valg.overskriv));
    await skrivMedLogg(am, lest.logg, [
      { sti: xlsxSti, innhold: filer.xlsx },
      { sti: csvSti, innhold: filer.csv },
      { sti: am.sti(AVI_LOGG), innhold: aviLoggTekst(nyLogg) },
    ]);
    skrevet = true;
  }

  const json = {
    modus: 'oppdatering',
    frist,
    fristTekst: fristTekst(frist),
    forrigeOppdatering: o.forrige,
    antattOppdatertPer: siden,
    forhandsvis: Boolean(valg.forhandsvis),
    logg: { fil: AVI_LOGG, fantes: lest.fantes, tidligereInnslagForFristen: Boolean(tidligere), uendret },
    nye: o.nye.map(nyJson),
    avsluttede: o.avsluttede.map(avsluttetJson),
    tolkninger: TOLKNINGER,
    filer: skrevet ? { xlsx: xlsxSti, csv: csvSti, logg: am.sti(AVI_LOGG) } : null,
  };
  return {
    json,
    tekst: oppdateringTekst(am, o, json, { xlsxSti, csvSti, skrevet, uendret, harTidligere: Boolean(tidligere) }),
  };
}

/** Opplastingsfilene og loggen i ett skrivFiler-kall under lås; loggen må være uendret siden vi leste den. */
async function skrivMedLogg(
  am: Arbeidsmappe,
  lestLogg: AviLogg,
  filer: { sti: string; innhold: Uint8Array | string }[],
): Promise<void> {
  await medAviLaas(am, async () => {
    const naa = await lesAviLogg(am.sti(AVI_LOGG));
    if (JSON.stringify(naa.logg) !== JSON.stringify(lestLogg)) {
      throw new InndataFeil([
        feil(
          'logg-endret',
          'Loggen ble endret av en annen nh-kjøring mens denne kjørte. Ingenting er skrevet; kjør kommandoen på nytt.',
          { fil: AVI_LOGG },
        ),
      ]);
    }
    // Alle tre filer i samme kall: en krasj gir aldri opplastingsfil uten logg eller logg uten fil.
    await skrivFiler(filer, { overskriv: true });
  });
}

function oppdateringTekst(
  am: Arbeidsmappe,
  o: Oppdatering,
  json: { nye: ReturnType<typeof nyJson>[]; avsluttede: ReturnType<typeof avsluttetJson>[] },
  s: { xlsxSti: string; csvSti: string; skrevet: boolean; uendret: boolean; harTidligere: boolean },
): string {
  const forSent = (b: boolean) => (b ? 'for sent' : '');
  const linjer = [
    farge.bold(`AVI-oppdatering ${fristTekst(o.frist)} – ${am.config.naeringshage.navn} (programveileder 6.3, 11.1)`),
    o.forrige
      ? `Siden forrige oppdatering i loggen: ${fristTekst(o.forrige)}.`
      : 'Ingen tidligere oppdatering i loggen.',
    '',
    farge.bold(`Nye målbedrifter (${json.nye.length})`),
    json.nye.length
      ? tekstTabell(
          ['Orgnr', 'Målbedrift', 'Avtalestart', 'Oppstartskjema', 'Daglig leder', 'E-post', 'Merknad'],
          json.nye.map((r) => [
            r.orgnr,
            r.navn,
            formatDato(r.avtalestart),
            r.startskjemaTekst,
            r.dagligLeder ?? '',
            r.dagligLederEpost ?? '',
            // 11.1: november–desember-oppstart registrert nå (oppstartskjemaet kommer senere, 6.3).
            r.forSent ? forSent(true) : r.startskjema > o.frist.slice(0, 7) ? 'i AVI innen 31.12 (11.1)' : '',
          ]),
        )
      : '  (ingen)',
    '',
    farge.bold(`Avsluttede målbedrifter (${json.avsluttede.length})`),
    json.avsluttede.length
      ? tekstTabell(
          ['Orgnr', 'Målbedrift', 'Avtaleslutt', 'Exit-skjema', 'Daglig leder (sjekk)', 'E-post (sjekk)', 'Merknad'],
          json.avsluttede.map((r) => [
            r.orgnr,
            r.navn,
            formatDato(r.avtaleslutt),
            r.exitskjemaTekst,
            r.dagligLeder ?? '',
            r.dagligLederEpost ?? '',
            forSent(r.forSent),
          ]),
        )
      : '  (ingen)',
    '',
    'Tolkninger («nh docs kts-plan»):',
    ...TOLKNINGER.map((t) => `  • ${t}`),
    '',
  ];
  if (!s.skrevet) {
    linjer.push(
      `Forhåndsvisning: ingenting er skrevet (verken ${relativ(am, s.xlsxSti)}, ${relativ(am, s.csvSti)} eller ${AVI_LOGG}).`,
    );
  } else {
    linjer.push(`Skrev ${s.xlsxSti}`, `Skrev ${s.csvSti}`);
    linjer.push(
      s.uendret
        ? `${AVI_LOGG}: uendret (samme innhold som sist for denne fristen).`
        : s.harTidligere
          ? `${AVI_LOGG}: innslaget for fristen er erstattet.`
          : `${AVI_LOGG}: oppdatert.`,
    );
  }
  return linjer.join('\n');
}
