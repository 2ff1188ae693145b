/**
 * nh årsrapport
 *   --maltall <år>       måltall for det kommende året til AVI (1. desember; programveileder 6.5, 11.1, 11.2)
 *   --år <år> [--halvår] årsrapportering (31.12 / 15.1, halvår 30.6; 11.1) og tilskuddsbalansen (10.4)
 *
 * Leser malbedrifter, støtteregisteret, tiltak, srl, timer og tilskudd → regner i domain/maltall og
 * domain/aarsrapport → skriver xlsx (+ csv for måltallene) og --json. Spør aldri: alt styres med flagg,
 * så kommandoen kan kjøres fra et skript (stdin lukket).
 */
import path from 'node:path';
import { readdir, stat } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { malbedrifterDef, type Malbedrift } from '../../domain/datasett/malbedrifter.js';
import type { Stottelinje } from '../../domain/datasett/stotteregister.js';
import { lesStotteregister } from '../../io/stotteregister.js';
import { tiltakDef, type Tiltak } from '../../domain/datasett/tiltak.js';
import { srlDef, type SrlVurdering } from '../../domain/datasett/srl.js';
import { timerDef } from '../../domain/datasett/timer.js';
import { tilskuddDef, type Tilskudd } from '../../domain/datasett/tilskudd.js';
import { maltallDef, type MaltallMal } from '../../domain/datasett/maltall.js';
import { ulikeMalfiler } from '../../domain/maltall-filer.js';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../domain/diagnostikk.js';
import { deler, formatDato, maanedAv, raaDatoI } from '../../domain/dato.js';
import { normaliserNavn } from '../../domain/felter.js';
import { normaliserOrgnr } from '../../domain/orgnr.js';
import { formatKroner, formatProsent } from '../../domain/penger.js';
import { skalertTekst, type Kolonne, type Rad } from '../../domain/rapport.js';
import {
  TOLKNINGER, beregnMaltall, kombiner, kontrollerAndel, kontrollerSrl, kontrollerTiltak, periodeFor, tolkMal,
  type Maaling, type MaltallRad, type Periode,
  SIVA_MINIMUM_INNOVASJONSSTOTTE,
} from '../../domain/maltall.js';
import {
  aktiveMalbedrifter, harFjoraarsdata, kontrollerOverforing, krevInnenforDisponibelt, stottePerMalbedrift, tilskuddsbalanse, type Tilskuddsbalanse,
} from '../../domain/aarsrapport.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../io/arbeidsmappe.js';
import { lesAlleDelvis, tolkTabell } from '../../io/datasett.js';
import { lesTabell } from '../../io/tabell-les.js';
import { lagCsv } from '../../io/csv-skriv.js';
import { skrivFiler } from '../../io/skriv.js';
import { arbeidsbokTilBuffer, byggArbeidsbok, lesMal, type Mal, type Parameter } from '../../io/xlsx-skriv.js';
import type { Kontekst, Resultat } from '../kontekst.js';
import type { AarsrapportValg } from '../commands/aarsrapport.js';
import { farge, tekstTabell } from '../utskrift.js';
import { kr, pst, sporOmAar, utmappe, velgAar } from './felles.js';

// ————— Lesing —————

type Data = {
  malbedrifter: Malbedrift[];
  register: Stottelinje[];
  tiltak: Tiltak[];
  srl: SrlVurdering[];
  /** Timer (hundredeler) per orgnr i perioden, og månedene det finnes timer på målbedrifter. */
  timerPerOrgnr: Map<string, number>;
  timerMaaneder: Set<string>;
  tilskudd: Tilskudd[];
  filer: Record<string, string | null>;
};

/** Leser alle datasettene og samler ALLE feil før vi kaster (én runde retting). */
async function lesData(am: Arbeidsmappe, p: Periode, trengerTilskudd: boolean): Promise<Data> {
  const tom = { fil: null, rader: [] };
  const { lest, feil: ds } = await lesAlleDelvis(am, {
    mb: malbedrifterDef,
    // lesStotteregister: også en periode ført to ganger for samme orgnr er en feil (issue 11 pkt. 12).
    reg: async () => {
      const r = await lesStotteregister(am);
      return { fil: r.fil, rader: r.linjer as Stottelinje[] };
    },
    tiltak: { def: tiltakDef, valgfritt: true },
    srl: { def: srlDef, valgfritt: true },
    tilskudd: { def: tilskuddDef, valgfritt: !trengerTilskudd },
    // Timelistene kan være store: bare periodens rader valideres.
    timer: { def: timerDef, valgfritt: true, filter: (hent) => raaDatoI(hent('dato'), p.fra, p.til) },
  });
  const { mb = tom, reg = tom, tiltak = tom, srl = tom, tilskudd = tom, timer = tom } = lest;
  ds.push(...kontrollerTiltak(tiltak.rader), ...kontrollerSrl(srl.rader, mb.fil ? new Set(mb.rader.map((m) => m.orgnr)) : undefined));
  if (ds.length) throw new InndataFeil(ds);

  const admin = new Set(am.config.adminKoder.map(normaliserNavn));
  const timerPerOrgnr = new Map<string, number>();
  const timerMaaneder = new Set<string>();
  for (const t of timer.rader) {
    if (admin.has(normaliserNavn(t.malbedrift))) continue;
    const o = normaliserOrgnr(t.malbedrift);
    timerPerOrgnr.set(o, (timerPerOrgnr.get(o) ?? 0) + t.timer);
    timerMaaneder.add(maanedAv(t.dato));
  }
  return {
    malbedrifter: mb.rader,
    register: reg.rader,
    tiltak: tiltak.rader,
    srl: srl.rader,
    timerPerOrgnr,
    timerMaaneder,
    tilskudd: tilskudd.rader,
    filer: { malbedrifter: mb.fil, stotteregister: reg.fil, tiltak: tiltak.fil, srl: srl.fil, timer: timer.fil, tilskudd: tilskudd.fil },
  };
}

/**
 * Administratorens mål: maltall-<år>.csv, ellers maltall-<år>.xlsx (finnes begge — slik nh selv skriver
 * dem — gjelder csv-filen). nh sin egen xlsx har tittel i rad 1 og overskrifter i rad 2; det godtas.
 */
async function lesMaltallFil(am: Arbeidsmappe, ar: number): Promise<{ fil: string | null; rader: MaltallMal[] }> {
  const navn = `maltall-${ar}`;
  const filer = await readdir(am.rot);
  const csv = filer.find((f) => f.toLowerCase() === `${navn}.csv`);
  const xlsx = filer.find((f) => f.toLowerCase() === `${navn}.xlsx`);
  const valgt = csv ?? xlsx;
  if (!valgt) return { fil: null, rader: [] };
  const lest = await lesMaltallTabell(am, valgt);
  // Issue 11 pkt. 15: finnes begge, må målene være like (ellers ble mål skrevet i xlsx oversett og overskrevet).
  if (csv && xlsx) {
    const ulike = ulikeMalfiler({ fil: csv, rader: lest.rader }, await lesMaltallTabell(am, xlsx).catch(() => null));
    if (ulike === null) await xlsxEndretEtterCsv(am, csv, xlsx);
    else if (ulike.length) throw new InndataFeil(ulike);
  }
  return lest;
}

/**
 * Kan xlsx-filen ikke leses (f.eks. formelceller uten lagret resultat etter lagring i et annet program), kan
 * målene ikke sammenlignes: da er den trygg bare om den ikke er endret etter CSV-filen (nh skriver xlsx først).
 */
async function xlsxEndretEtterCsv(am: Arbeidsmappe, csv: string, xlsx: string): Promise<void> {
  const [c, x] = await Promise.all([stat(am.sti(csv)), stat(am.sti(xlsx))]);
  if (x.mtimeMs <= c.mtimeMs + 2000) return;
  throw new InndataFeil([
    feil('maltall-filer-ulike', `${xlsx} er endret etter ${csv}, og målene i den kan ikke leses og sammenlignes; nh vet ikke hvilken fil du endret.`, { fil: xlsx, kolonne: 'mal' }, {
      forventet: `målene i ${csv} (lagre xlsx-filen i Excel så den kan leses, overfør målene til CSV-filen, eller slett filen du ikke bruker)`,
    }),
  ]);
}

async function lesMaltallTabell(am: Arbeidsmappe, valgt: string): Promise<{ fil: string; rader: MaltallMal[] }> {
  let t = await lesTabell(am.sti(valgt), valgt);
  const erId = (c: unknown) => typeof c === 'string' && normaliserNavn(c) === 'id';
  if (!t.overskrifter.some(erId) && t.rader[0]?.some(erId)) {
    t = { ...t, overskrifter: t.rader[0].map((c) => (c === null || c === undefined ? '' : String(c).trim())), rader: t.rader.slice(1), radnr: t.radnr.slice(1) };
  }
  return { fil: valgt, rader: tolkTabell(t, maltallDef, am.config) };
}

/** Advarsler om datagrunnlaget: støtteregisteret mangler måneder med timer, støtte uten avtale. */
function dataAdvarsler(d: Data, p: Periode, idagMaaned: string): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  const registerMaaneder = new Set(d.register.filter((r) => r.dato >= p.fra && r.dato <= p.til).map((r) => r.periode));
  const mangler = [...d.timerMaaneder].filter((m) => m < idagMaaned && !registerMaaneder.has(m)).sort();
  if (mangler.length) {
    ds.push(
      advarsel(
        'register-mangler-perioder',
        `Støtteregisteret har ingen linjer for ${mangler.join(', ')}, men timelistene har timer på målbedrifter da. ` +
          `Innovasjonsstøtten blir for lav til den er fakturert: kjør nh faktura --periode <åååå-mm> for periodene først.`,
        { fil: d.filer.stotteregister ?? 'stotteregister.csv' },
      ),
    );
  }
  const aktive = new Set(d.malbedrifter.filter((m) => m.avtalestart <= p.til && (m.avtaleslutt === undefined || m.avtaleslutt >= p.fra)).map((m) => m.orgnr));
  const utenAvtale = new Set(d.register.filter((r) => r.dato >= p.fra && r.dato <= p.til && !aktive.has(r.orgnr)).map((r) => `${r.navn} (${r.orgnr})`));
  for (const n of utenAvtale) {
    ds.push(advarsel('stotte-uten-avtale', `Støtteregisteret har støtte i perioden til ${n}, som ikke har aktiv målbedriftsavtale i perioden i malbedrifter.`, { fil: d.filer.stotteregister ?? 'stotteregister.csv' }));
  }
  return ds;
}

// ————— Felles visning av måltall —————

const ENHET_TEKST = { antall: 'antall', andel: 'andel (%)' } as const;

/** Antall som tall, andel (ppm) som prosent med inntil fire desimaler; null = kan ikke beregnes. */
function verdiJson(v: number | null, enhet: 'antall' | 'andel'): number | null {
  if (v === null) return null;
  return enhet === 'andel' ? pst(v) : v;
}
function verdiTekst(v: number | null, enhet: 'antall' | 'andel'): string {
  if (v === null) return '–';
  return enhet === 'andel' ? formatProsent(v) : String(v);
}
/** I csv: prosenttall for andeler («91,3043»), heltall for antall — samme form som målfilen leses i. */
function verdiCsv(v: number | null, enhet: 'antall' | 'andel'): string {
  if (v === null) return '';
  return enhet === 'andel' ? skalertTekst(v, 4, 10_000) : String(v);
}
/** I xlsx: andel som brøk (formatert som prosent), antall som tall. */
function verdiXlsx(v: number | null, enhet: 'antall' | 'andel'): number | null {
  if (v === null) return null;
  return enhet === 'andel' ? v / 1_000_000 : v;
}

function maltallJson(r: MaltallRad, verdiNavn: 'grunnlag' | 'resultat') {
  const e = r.def.enhet;
  return {
    id: r.def.id,
    omrade: r.def.omrade,
    maltall: r.def.navn,
    enhet: e,
    [verdiNavn]: verdiJson(r.maaling.verdi, e),
    teller: r.maaling.teller,
    nevner: r.maaling.nevner,
    mal: verdiJson(r.mal, e),
    ...(verdiNavn === 'resultat' ? { avvik: verdiJson(r.avvik, e) } : {}),
    ...(r.def.minimum !== undefined ? { sivasMinimum: pst(r.def.minimum) } : {}),
    merknad: r.maaling.merknad ?? null,
    kommentar: r.kommentar ?? null,
    hjelpetekst: r.def.hjelpetekst,
    definisjon: r.def.definisjon,
    bedrifter: r.maaling.bedrifter ?? null,
  };
}

/** xlsx-rad for et måltall: andeler som brøk, og kolonnene som får prosentformat per rad etterpå. */
function maltallXlsxRad(r: MaltallRad): Rad {
  const e = r.def.enhet;
  return {
    id: r.def.id,
    omrade: r.def.omrade,
    navn: r.def.navn,
    enhet: ENHET_TEKST[e],
    teller: r.maaling.teller,
    nevner: r.maaling.nevner,
    grunnlag: verdiXlsx(r.maaling.verdi, e),
    resultat: verdiXlsx(r.maaling.verdi, e),
    mal: verdiXlsx(r.mal, e),
    avvik: verdiXlsx(r.avvik, e),
    kommentar: r.kommentar ?? null,
    merknad: r.maaling.merknad ?? null,
    hjelpetekst: r.def.hjelpetekst,
    definisjon: r.def.definisjon,
  };
}

/**
 * Kolonnene med verdier får format per rad (prosent for andeler, heltall for antall), og en formel
 * som ikke kan beregnes får tomt resultat (ikke 0), så filen kan leses inn igjen.
 */
function formaterMaltallArk(wb: ExcelJS.Workbook, mal: Mal, arkNokkel: string, rader: readonly MaltallRad[], verdiKolonner: string[]): void {
  const ark = mal.ark.find((a) => a.nokkel === arkNokkel)!;
  const ws = wb.getWorksheet(ark.navn)!;
  rader.forEach((r, i) => {
    for (const nokkel of verdiKolonner) {
      const k = ark.kolonner.findIndex((x) => x.nokkel === nokkel);
      if (k < 0) continue;
      const c = ws.getCell(3 + i, k + 1);
      c.numFmt = r.def.enhet === 'andel' ? (nokkel === 'avvik' ? '+0.00%;-0.00%;0.00%' : '0.00%') : '#,##0';
      const v = c.value as { formula?: string; result?: unknown } | null;
      if (v && typeof v === 'object' && 'formula' in v && (v.result === undefined || v.result === null)) {
        c.value = { formula: v.formula!, result: '' } as ExcelJS.CellFormulaValue;
      }
    }
    ws.getRow(3 + i).alignment = { vertical: 'top', wrapText: true };
  });
}

/** Bytter overskriften (rad 2) i én kolonne, f.eks. når halvåret ikke har kortsiktig gjeld. */
function settOverskrift(wb: ExcelJS.Workbook, mal: Mal, arkNokkel: string, kolonne: string, overskrift: string): void {
  const ark = mal.ark.find((a) => a.nokkel === arkNokkel)!;
  const k = ark.kolonner.findIndex((x) => x.nokkel === kolonne);
  wb.getWorksheet(ark.navn)!.getCell(2, k + 1).value = overskrift;
}

// ————— --maltall <år> —————

const MALTALL_CSV: Kolonne[] = [
  { nokkel: 'id', overskrift: 'id', type: 'tekst' },
  { nokkel: 'omrade', overskrift: 'Område', type: 'tekst' },
  { nokkel: 'navn', overskrift: 'Måltall (AVI)', type: 'tekst' },
  { nokkel: 'enhet', overskrift: 'Enhet', type: 'tekst' },
  { nokkel: 'teller', overskrift: 'Teller', type: 'heltall' },
  { nokkel: 'nevner', overskrift: 'Nevner (aktive målbedrifter)', type: 'heltall' },
  { nokkel: 'grunnlag', overskrift: 'Grunnlag (årets data)', type: 'tekst' },
  { nokkel: 'mal', overskrift: 'Mål', type: 'tekst' },
  { nokkel: 'kommentar', overskrift: 'Kommentar', type: 'tekst' },
  { nokkel: 'merknad', overskrift: 'Merknad fra nh', type: 'tekst' },
  { nokkel: 'hjelpetekst', overskrift: 'Hjelpetekst i AVI', type: 'tekst' },
  { nokkel: 'definisjon', overskrift: 'Definisjon i nh', type: 'tekst' },
];

function lesMalene(fil: string | null, rader: MaltallMal[], k: Kontekst) {
  const { mal, diagnostikk } = tolkMal(rader.map((r) => ({ id: r.id, mal: r.mal, kommentar: r.kommentar, kilde: r.kilde })));
  const feilene = diagnostikk.filter((d) => d.alvor === 'feil');
  if (feilene.length) throw new InndataFeil(feilene);
  k.advarsler.push(...diagnostikk);
  return { fil, mal };
}

async function maltallEksport(k: Kontekst, am: Arbeidsmappe, valg: AarsrapportValg): Promise<Resultat> {
  const ar = velgAar(valg.maltall, am.config, '--maltall');
  // Programveileder 6.5/11.1: måltallene for det kommende året legges inn 1. desember; grunnlaget er året som går.
  const grunnlagsaar = ar - 1;
  const p = periodeFor(grunnlagsaar);
  const data = await lesData(am, p, false);
  const malFil = await lesMaltallFil(am, ar);
  const { mal } = lesMalene(malFil.fil, malFil.rader, k);
  k.advarsler.push(...dataAdvarsler(data, p, maanedAv(k.idag)));

  const maalinger = beregnMaltall({ periode: p, malbedrifter: data.malbedrifter, stotte: data.register, tiltak: data.tiltak, srl: data.srl });
  const rader = kombiner(maalinger, mal);
  const innov = rader.find((r) => r.def.id === 'andelInnovasjonsstotte')!;
  k.advarsler.push(...kontrollerAndel(innov.def, innov.maaling.verdi, `grunnlaget (${grunnlagsaar})`));
  const utenMal = rader.filter((r) => r.mal === null).length;
  if (malFil.fil && utenMal) {
    k.advarsler.push(advarsel('maltall-uten-mal', `${utenMal} av ${rader.length} måltall har ikke eget mål i ${malFil.fil}; fyll inn «Mål» eller bruk grunnlaget.`, { fil: malFil.fil, kolonne: 'mal' }));
  }

  const ut = utmappe(am, valg.ut);
  const xlsxSti = path.join(ut, `maltall-${ar}.xlsx`);
  const csvSti = path.join(ut, `maltall-${ar}.csv`);
  const aktive = maalinger.find((m) => m.id === 'malbedrifterIAaret')!.verdi ?? 0;

  const xmal = await lesMal('maltall');
  const wb = byggArbeidsbok(xmal, {
    variabler: { ar: String(ar), grunnlagsaar: String(grunnlagsaar), naeringshage: am.config.naeringshage.navn },
    rader: { maltall: rader.map(maltallXlsxRad) },
    parametre: { forutsetninger: forutsetninger(am, p, data, malFil.fil, [{ nokkel: 'malAar', etikett: 'Måltall for året', type: 'heltall', verdi: ar }]) },
  });
  formaterMaltallArk(wb, xmal, 'maltall', rader, ['grunnlag', 'mal']);
  const csv = lagCsv(
    MALTALL_CSV,
    rader.map((r) => ({
      ...maltallXlsxRad(r),
      grunnlag: verdiCsv(r.maaling.verdi, r.def.enhet),
      mal: verdiCsv(r.mal, r.def.enhet),
    })),
  );

  if (!valg.forhandsvis) {
    if (!valg.overskriv && malFil.fil && [csvSti, xlsxSti].includes(path.resolve(am.sti(malFil.fil)))) {
      throw new InndataFeil([
        feil(
          'finnes-fra-for',
          `${malFil.fil} er målfilen som ble lest, og blir ikke overskrevet uten --overskriv. Målene og kommentarene dine tas med i den nye filen, så --overskriv er trygt.`,
          { fil: am.sti(malFil.fil) },
        ),
      ]);
    }
    await skrivFiler([{ sti: xlsxSti, innhold: await arbeidsbokTilBuffer(wb) }, { sti: csvSti, innhold: csv }], { overskriv: Boolean(valg.overskriv) });
  }

  const json = {
    modus: 'maltall',
    ar,
    grunnlagsaar,
    periode: { fra: p.fra, til: p.til },
    naeringshage: am.config.naeringshage.navn,
    aktiveMalbedrifter: aktive,
    malFil: malFil.fil,
    datasett: data.filer,
    maltall: rader.map((r) => maltallJson(r, 'grunnlag')),
    tolkninger: TOLKNINGER,
    filer: valg.forhandsvis ? [] : [xlsxSti, csvSti],
  };
  const tabell = tekstTabell(
    ['Område', 'id', `Grunnlag ${grunnlagsaar}`, `Mål ${ar}`, 'Merknad'],
    rader.map((r) => [r.def.omrade, r.def.id, verdiTekst(r.maaling.verdi, r.def.enhet), r.mal === null ? '–' : verdiTekst(r.mal, r.def.enhet), r.maaling.merknad ?? '']),
    [false, false, true, true, false],
  );
  const tekst = [
    farge.bold(`Måltall ${ar} til AVI – ${am.config.naeringshage.navn} (programveileder 6.5 og 11.2; frist 1. desember)`),
    `Grunnlaget er regnet fra data for ${grunnlagsaar} (${formatDato(p.fra)}–${formatDato(p.til)}): ${aktive} aktive målbedrifter (avtalen overlapper året). ` +
      `Mål: ${malFil.fil ?? `ingen målfil (maltall-${ar}.csv) — målkolonnen er tom`}.`,
    '',
    tabell,
    '',
    'Tolkninger (docs/aarsrapport.md):',
    ...TOLKNINGER.map((t) => `  • ${t}`),
    valg.forhandsvis ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${xlsxSti}\nSkrev ${csvSti}`,
  ].join('\n');
  return { json, tekst };
}

function forutsetninger(am: Arbeidsmappe, p: Periode, data: Data, malFil: string | null, ekstra: Parameter[]): Parameter[] {
  const fil = (n: string) => data.filer[n] ?? '(mangler)';
  return [
    ...ekstra,
    { nokkel: 'periodeFra', etikett: 'Periode fra', type: 'dato', verdi: p.fra },
    { nokkel: 'periodeTil', etikett: 'Periode til', type: 'dato', verdi: p.til },
    { nokkel: 'minimum', etikett: 'Sivas minimum, andel med innovasjonsstøtte (11.2)', type: 'prosent', verdi: SIVA_MINIMUM_INNOVASJONSSTOTTE },
    { nokkel: 'malbedrifter', etikett: 'Målbedrifter', type: 'tekst', verdi: fil('malbedrifter') },
    { nokkel: 'stotteregister', etikett: 'Støtteregister', type: 'tekst', verdi: fil('stotteregister') },
    { nokkel: 'tiltak', etikett: 'Tiltak', type: 'tekst', verdi: fil('tiltak') },
    { nokkel: 'srl', etikett: 'SRL-vurderinger', type: 'tekst', verdi: fil('srl') },
    { nokkel: 'timer', etikett: 'Timer', type: 'tekst', verdi: fil('timer') },
    { nokkel: 'malFil', etikett: 'Egne mål', type: 'tekst', verdi: malFil ?? '(ingen)' },
    { nokkel: 'naeringshage', etikett: 'Næringshage', type: 'tekst', verdi: `${am.config.naeringshage.navn} (${am.config.naeringshage.orgnr})` },
    ...TOLKNINGER.map((t, i) => ({ nokkel: `tolkning${i + 1}`, etikett: `Tolkning ${i + 1}`, type: 'tekst' as const, verdi: t })),
  ];
}

// ————— --år <år> [--halvår] —————

function balanseJson(b: Tilskuddsbalanse, halvar: boolean) {
  return {
    ar: b.ar,
    til: b.til,
    overfort: kr(b.overfort),
    innvilget: kr(b.innvilget),
    disponibelt: kr(b.disponibelt),
    brukt: kr(b.brukt),
    ubrukt: kr(b.ubrukt),
    // 10.4: ved årets slutt står ubenyttede midler som kortsiktig gjeld og overføres til neste år.
    // Halvår: bare «ubrukt per 30.06» (innvilget gjelder hele året og er ikke nødvendigvis utbetalt).
    kortsiktigGjeld: halvar ? null : kr(Math.max(0, b.ubrukt)),
    overforesTil: halvar ? null : b.ar + 1,
  };
}

async function aarsrapportForAar(k: Kontekst, am: Arbeidsmappe, valg: AarsrapportValg): Promise<Resultat> {
  const ar = velgAar(valg.ar, am.config, '--år');
  const halvar = Boolean(valg.halvar);
  const p = periodeFor(ar, halvar);
  const periodetekst = halvar ? `første halvår ${ar}` : String(ar);
  const data = await lesData(am, p, true);
  const malFil = await lesMaltallFil(am, ar);
  const { mal } = lesMalene(malFil.fil, malFil.rader, k);
  k.advarsler.push(...dataAdvarsler(data, p, maanedAv(k.idag)));

  const maalinger: Maaling[] = beregnMaltall({ periode: p, malbedrifter: data.malbedrifter, stotte: data.register, tiltak: data.tiltak, srl: data.srl });
  const rader = kombiner(maalinger, mal);
  const innov = rader.find((r) => r.def.id === 'andelInnovasjonsstotte')!;
  k.advarsler.push(...kontrollerAndel(innov.def, innov.maaling.verdi, `resultatet (${periodetekst})`));

  const aktive = aktiveMalbedrifter(data.malbedrifter, p, data.timerPerOrgnr);
  const stotte = stottePerMalbedrift(data.register, p, data.malbedrifter);
  const balanse = tilskuddsbalanse(ar, p.til, data.tilskudd, stotte.sum.stotte);
  // 10.4: kontroll av overføringen fra fjoråret (når arbeidsmappen har fjorårets tall).
  const fjor = periodeFor(ar - 1);
  const fjorLinjer = data.register.filter((r) => r.dato >= fjor.fra && r.dato <= fjor.til);
  const bruktIFjor = fjorLinjer.reduce((s, r) => s + r.stotte, 0);
  const harFjor = harFjoraarsdata(ar, data.tilskudd, fjorLinjer.length);
  k.advarsler.push(...kontrollerOverforing(ar, data.tilskudd, bruktIFjor, harFjor, data.filer.tilskudd ?? 'tilskudd.csv'));
  // 11.1: årsrapporten lages normalt etter årsskiftet (15. januar); før periodens slutt er tallene foreløpige.
  if (k.idag <= p.til) {
    k.advarsler.push(
      advarsel('periode-ikke-over', `Perioden (${formatDato(p.fra)}–${formatDato(p.til)}) er ikke over (i dag ${formatDato(k.idag)}): resultatet, støtten og balansen er foreløpige.`),
    );
  }

  const json = {
    modus: halvar ? 'halvar' : 'ar',
    ar,
    periode: { fra: p.fra, til: p.til, halvar },
    naeringshage: am.config.naeringshage.navn,
    malFil: malFil.fil,
    datasett: data.filer,
    maltall: rader.map((r) => maltallJson(r, 'resultat')),
    tolkninger: TOLKNINGER,
    malbedrifter: aktive.map((m) => ({ ...m, timer: m.timer / 100 })),
    stotte: {
      malbedrifter: stotte.rader.map((r) => ({ orgnr: r.orgnr, navn: r.navn, aktiv: r.aktiv, linjer: r.linjer, markedsverdi: kr(r.markedsverdi), egenandel: kr(r.egenandel), stotte: kr(r.stotte) })),
      sum: { linjer: stotte.sum.linjer, markedsverdi: kr(stotte.sum.markedsverdi), egenandel: kr(stotte.sum.egenandel), stotte: kr(stotte.sum.stotte) },
    },
    tilskuddsbalanse: balanseJson(balanse, halvar),
    fil: null as string | null,
  };
  // 10.4: aldri rapportere mer brukt enn disponibelt — ingen fil skrives.
  krevInnenforDisponibelt(balanse, { ...json, ok: false });

  const filnavn = path.join(utmappe(am, valg.ut), halvar ? `arsrapport-${ar}-halvar.xlsx` : `arsrapport-${ar}.xlsx`);
  const xmal = await lesMal('arsrapport');
  const wb = byggArbeidsbok(xmal, {
    variabler: {
      periodetekst,
      naeringshage: am.config.naeringshage.navn,
      // 10.4: kortsiktig gjeld og overføring gjelder ved årets slutt, ikke per 30.06.
      balansetekst: halvar ? 'ubrukt per 30.06 (foreløpig; kortsiktig gjeld og overføring regnes ved årets slutt)' : 'ubrukt = kortsiktig gjeld, overføres til neste år',
    },
    rader: {
      maltall: rader.map(maltallXlsxRad),
      malbedrifter: aktive.map((m) => ({ ...m })),
      stotte: stotte.rader.map((r) => ({ ...r })),
      balanse: [{ ...balanse }],
    },
    parametre: {
      forutsetninger: forutsetninger(am, p, data, malFil.fil, [
        { nokkel: 'ar', etikett: 'År', type: 'heltall', verdi: ar },
        { nokkel: 'halvar', etikett: 'Halvårsrapportering (30. juni)', type: 'janei', verdi: halvar },
        { nokkel: 'tilskudd', etikett: 'Tilskudd', type: 'tekst', verdi: data.filer.tilskudd ?? '(mangler)' },
        { nokkel: 'brukt', etikett: 'Brukt innovasjonsstøtte', type: 'tekst', verdi: 'støtteregisterets linjer med dato i perioden' },
      ]),
    },
  });
  formaterMaltallArk(wb, xmal, 'maltall', rader, ['resultat', 'mal', 'avvik']);
  if (halvar) settOverskrift(wb, xmal, 'balanse', 'ubrukt', 'Ubrukt per 30.06');
  if (!valg.forhandsvis) {
    await skrivFiler([{ sti: filnavn, innhold: await arbeidsbokTilBuffer(wb) }], { overskriv: Boolean(valg.overskriv) });
    json.fil = filnavn;
  }

  const b = balanse;
  const tekst = [
    farge.bold(`${halvar ? 'Halvårsrapport' : 'Årsrapport'} ${periodetekst} – ${am.config.naeringshage.navn} (programveileder 10.4, 11.1, 11.2)`),
    '',
    farge.bold('Måltall mot resultat'),
    tekstTabell(
      ['Område', 'id', 'Resultat', 'Mål', 'Avvik'],
      rader.map((r) => [r.def.omrade, r.def.id, verdiTekst(r.maaling.verdi, r.def.enhet), r.mal === null ? '–' : verdiTekst(r.mal, r.def.enhet), r.avvik === null ? '–' : avvikTekst(r.avvik, r.def.enhet)]),
      [false, false, true, true, true],
    ),
    '',
    `${aktive.length} aktive målbedrifter ${halvar ? 'første halvår' : 'i året'} (${aktive.filter((m) => m.ny).length} nye, ${aktive.filter((m) => m.avsluttet).length} avsluttet) — skal være registrert i AVI ${halvar ? 'innen 30. juni' : 'innen 31. desember'} (11.1).`,
    `Støtte per målbedrift (${stotte.rader.length} målbedrifter, ${stotte.sum.linjer} registerlinjer): markedsverdi ${formatKroner(stotte.sum.markedsverdi)} kr, ` +
      `egenandel ${formatKroner(stotte.sum.egenandel)} kr, innovasjonsstøtte ${formatKroner(stotte.sum.stotte)} kr` +
      (halvar ? ' (hittil i år).' : ` — rapporteres i AVI innen 15. januar ${ar + 1} (11.1).`),
    '',
    farge.bold(`Innovasjonstilskudd per ${formatDato(b.til)} (10.4)`),
    tekstTabell(
      ['Post', 'Kroner'],
      [
        ['Overført fra tidligere år', formatKroner(b.overfort)],
        [`Innvilget for ${ar}`, formatKroner(b.innvilget)],
        ['Disponibelt', formatKroner(b.disponibelt)],
        ['Brukt (støtteregisteret)', formatKroner(b.brukt)],
        [halvar ? 'Ubrukt per 30.06' : `Ubrukt = kortsiktig gjeld, overføres til ${ar + 1}`, formatKroner(b.ubrukt)],
      ],
      [false, true],
    ),
    '',
    'Tolkninger (docs/aarsrapport.md):',
    ...TOLKNINGER.map((t) => `  • ${t}`),
    '',
    valg.forhandsvis ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${filnavn}`,
  ].join('\n');
  return { json, tekst };
}

function avvikTekst(v: number, enhet: 'antall' | 'andel'): string {
  const fortegn = v > 0 ? '+' : '';
  return enhet === 'andel' ? `${fortegn}${formatProsent(v).replace(' %', ' p.p.')}` : `${fortegn}${v}`;
}

// ————— Inngang —————

/**
 * Uten --maltall og --år: på en TTY velger brukeren måltall (standard neste år, 11.1: 1. desember) eller
 * årsrapport (standard inneværende år fra juli, ellers fjoråret; 11.1: 31.12/15.1, halvår 30.6) og året.
 * Med --halvår er det bare årsrapporten som er aktuell. Ellers (skript, CI, --json): exit 2 som før.
 */
async function sporOmModus(k: Kontekst, valg: AarsrapportValg): Promise<AarsrapportValg> {
  if (!k.interaktiv || valg.maltall !== undefined || valg.ar !== undefined) return valg;
  const { aar: iaar, mnd } = deler(k.idag);
  const modus = valg.halvar
    ? 'ar'
    : await k.spor.velg('Hva vil du lage?', [
        { navn: 'Måltall til AVI for neste år (frist 1. desember)', verdi: 'maltall' },
        { navn: 'Årsrapport (31. desember / 15. januar)', verdi: 'ar' },
      ]);
  const ar = (await sporOmAar(k.spor, modus === 'maltall' ? 'Måltall for hvilket år?' : 'Årsrapport for hvilket år?', modus === 'maltall' ? iaar + 1 : mnd >= 7 ? iaar : iaar - 1)).trim();
  return modus === 'maltall' ? { ...valg, maltall: ar } : { ...valg, ar };
}

export async function aarsrapport(k: Kontekst, valgInn: AarsrapportValg): Promise<Resultat> {
  const valg = await sporOmModus(k, valgInn);
  const harMaltall = valg.maltall !== undefined;
  const harAr = valg.ar !== undefined;
  if (harMaltall === harAr) {
    throw new InndataFeil([
      feil('ugyldig-flagg', harMaltall ? 'Oppgi enten --maltall <år> eller --år <år>, ikke begge.' : 'Oppgi --maltall <år> (måltall til AVI) eller --år <år> (årsrapport).', undefined, {
        forventet: 'nh årsrapport --maltall 2027, eller nh årsrapport --år 2026 [--halvår]',
      }),
    ]);
  }
  if (valg.halvar && !harAr) {
    throw new InndataFeil([feil('ugyldig-flagg', '--halvår gjelder bare sammen med --år <år>.', undefined, { forventet: 'nh årsrapport --år 2026 --halvår' })]);
  }
  const am = await aapneArbeidsmappe(k.data);
  return harMaltall ? maltallEksport(k, am, valg) : aarsrapportForAar(k, am, valg);
}
