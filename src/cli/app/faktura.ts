/**
 * nh faktura --periode åååå-mm: les timer (bare perioden), ansatte, målbedrifter, tilskudd og
 * støtteregisteret → beregn (domain/faktura) → sjekk reglene → skriv fakturagrunnlag.xlsx/.csv i
 * faktura/<periode>/ og til sist støtteregisteret, alt under én lås.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { kroner as kronerFelt, seksjon, type Config } from '../../domain/config.js';
import { ansatteDef } from '../../domain/datasett/ansatte.js';
import { malbedrifterDef } from '../../domain/datasett/malbedrifter.js';
import { timerDef, timerOverDognet } from '../../domain/datasett/timer.js';
import { tilskuddDef } from '../../domain/datasett/tilskudd.js';
import { advarsel, feil, InndataFeil, RegelNei } from '../../domain/diagnostikk.js';
import { forsteDag, leggTilDager, leggTilMaaneder, maanedAv, parseMaaned, raaDatoI, sisteDag, deler, formatDato, type Dato, type Maaned } from '../../domain/dato.js';
import { MARKEDSPRIS_SPENN, normaliserNavn } from '../../domain/felter.js';
import { formatKroner, formatProsent, type Ore } from '../../domain/penger.js';
import { noytraliser, type Kolonne, type Rad } from '../../domain/rapport.js';
import { STOTTETAK_EUR_CENT } from '../../domain/stottetak.js';
import {
  beregnDisponibelt, beregnFakturering, registerlinjer, sjekkDisponibelt, sjekkStotteintensitet, sjekkTreaarstak, smbSjekkAdvarsler,
  PRISKILDE_TEKST, PRISREKKEFOLGE, type Avvisning, type Disponibelt, type FakturaParametre, type Fakturagrunnlag, type Fakturering, type Treaarsstatus,
} from '../../domain/faktura.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../io/arbeidsmappe.js';
import { feilstavedeTjenestepriser } from '../../domain/tjenestepriser.js';
import { lesAlle } from '../../io/datasett.js';
import { lagCsv } from '../../io/csv-skriv.js';
import { finnes } from '../../io/skriv.js';
import { kjoringsmerke, sjekkKjoring } from '../../io/fakturakjoring.js';
import { arbeidsbokTilBuffer, byggArbeidsbok, FORMAT, kolonneBokstav, lesMal, settCelle, stilOverskrift, type Parameter } from '../../io/xlsx-skriv.js';
import {
  finnSmbSjekker, lesCsvMal, lesStotteregister, medRegisterLaas, registerCsv, sikkerhetskopier, skrivMedRegister, SIKKERHETSKOPI_MAPPE, type Registerlinje,
} from '../../io/stotteregister.js';
import type { Kontekst, Resultat } from '../kontekst.js';
import type { FakturaValg } from '../commands/faktura.js';
import { farge, tekstTabell } from '../utskrift.js';
import { flaggEllerSpor, kr, pst } from './felles.js';

// ————— nh.json: seksjonen «faktura» —————

// Samme regel og rimelige spenn som markedspris ellers (issue 11 pkt. 2 og 5).
const kroner = kronerFelt({ ...MARKEDSPRIS_SPENN, hva: 'markedspris per time' });

export const fakturaSeksjonSkjema = z.object({
  /** Markedspris per time for en tjeneste (timer.tjeneste), f.eks. { "Forretningsutvikling": 1400 }. */
  tjenestepriser: z.record(z.string(), kroner).default({}),
  forfallsdager: z.number().int().min(0).max(365).default(14),
  mvaKode: z.string().min(1).default('3'),
  /** CSV-kolonne (nøkkel i templates/fakturagrunnlag-csv.json) → ny overskrift, eller false for å fjerne den. */
  csvKolonner: z.record(z.string(), z.union([z.string().min(1), z.literal(false)])).default({}),
  /** Valgfri rekkefølge (nøkler) for CSV-kolonnene; kolonner som ikke står her, kommer etter. */
  csvRekkefolge: z.array(z.string()).optional(),
});
export type FakturaSeksjon = z.output<typeof fakturaSeksjonSkjema>;

export function lesFakturaSeksjon(config: Config): FakturaSeksjon {
  return seksjon(config, 'faktura', fakturaSeksjonSkjema);
}

export function fakturaParametre(c: Config, periode: Maaned, s: FakturaSeksjon): FakturaParametre {
  return {
    periode,
    standardPris: c.markedsprisPerTime,
    standardStotteintensitet: c.stotteintensitet,
    mvaSats: c.mvaSats,
    adminKoder: c.adminKoder,
    tjenestepriser: new Map(Object.entries(s.tjenestepriser).map(([n, p]) => [normaliserNavn(n), p])),
    eurNokKurs: c.eurNok.kurs,
    kursdato: c.eurNok.dato,
  };
}

function lesPeriode(s: string): Maaned {
  const p = parseMaaned(s);
  if (!p) throw new InndataFeil([feil('ugyldig-flagg', `--periode «${s}» er ikke en måned.`, undefined, { forventet: 'åååå-mm, f.eks. 2026-10' })]);
  return p;
}

// ————— JSON —————

const eur = (cent: number) => kr(cent);

function mbJson(m: Fakturagrunnlag, t?: Treaarsstatus) {
  return {
    orgnr: m.orgnr,
    navn: m.navn,
    stotteintensitet: pst(m.stotteintensitet),
    timer: m.timer / 100,
    markedsverdi: kr(m.markedsverdi),
    egenandel: kr(m.egenandel),
    mva: kr(m.mva),
    aBetale: kr(m.aBetale),
    stotte: kr(m.stotte),
    stotteEur: eur(m.stotteEur),
    ...(t ? { treaar: { tidligereEur: eur(t.tidligereEur), samletEur: eur(t.samletEur), takEur: eur(STOTTETAK_EUR_CENT), gjenstaarEur: eur(t.gjenstaarEur) } } : {}),
    fakturatekst: m.fakturatekst,
    linjer: m.linjer.map((l) => ({
      ansatt: l.ansatt,
      aktivitet: l.aktivitet,
      timer: l.timer / 100,
      pris: kr(l.pris),
      prisKilde: l.prisKilde,
      markedsverdi: kr(l.markedsverdi),
      stotteintensitet: pst(l.stotteintensitet),
      stotte: kr(l.stotte),
      egenandel: kr(l.egenandel),
      mva: kr(l.mva),
      aBetale: kr(l.aBetale),
      timerader: l.rader,
    })),
  };
}

function dispJson(d: Disponibelt) {
  return { ar: d.ar, tilskudd: kr(d.tilskudd), bruktFor: kr(d.bruktFor), denneKjoringen: kr(d.denneKjoringen), gjenstaarFor: kr(d.gjenstaarFor), gjenstaarEtter: kr(d.gjenstaarEtter) };
}

function sumJson(s: { timer: number; markedsverdi: Ore; egenandel: Ore; mva: Ore; aBetale: Ore; stotte: Ore }) {
  return { timer: s.timer / 100, markedsverdi: kr(s.markedsverdi), egenandel: kr(s.egenandel), mva: kr(s.mva), aBetale: kr(s.aBetale), stotte: kr(s.stotte) };
}

function forutsetningerJson(c: Config, p: FakturaParametre) {
  return {
    standardPris: kr(p.standardPris),
    prisrekkefolge: PRISREKKEFOLGE,
    standardStotteintensitet: pst(p.standardStotteintensitet),
    mvaSats: pst(p.mvaSats),
    eurNok: { kurs: p.eurNokKurs / 10_000, dato: p.kursdato, kilde: c.eurNok.kilde },
    avrunding: 'per linje: markedsverdi = timer × pris og egenandel = markedsverdi × (1 − støtteintensitet) til nærmeste øre, halv opp; støtte = markedsverdi − egenandel; mva = egenandel × mva-sats til øre; summer = sum av linjene',
  };
}

// ————— xlsx —————

const BLOKK_KOLONNER: { nokkel: string; overskrift: string; type: Kolonne['type']; bredde: number }[] = [
  { nokkel: 'ansatt', overskrift: 'Ansatt', type: 'tekst', bredde: 24 },
  { nokkel: 'aktivitet', overskrift: 'Aktivitet / tjeneste', type: 'tekst', bredde: 26 },
  { nokkel: 'timer', overskrift: 'Timer', type: 'timer', bredde: 10 },
  { nokkel: 'pris', overskrift: 'Pris per time', type: 'belop', bredde: 13 },
  { nokkel: 'prisKilde', overskrift: 'Prisgrunnlag', type: 'tekst', bredde: 24 },
  { nokkel: 'markedsverdi', overskrift: 'Markedsverdi', type: 'belop', bredde: 15 },
  { nokkel: 'stotteintensitet', overskrift: 'Støtteintensitet', type: 'prosent', bredde: 12 },
  { nokkel: 'stotte', overskrift: 'Innovasjonsstøtte', type: 'belop', bredde: 15 },
  { nokkel: 'egenandel', overskrift: 'Egenandel eks. mva', type: 'belop', bredde: 15 },
  { nokkel: 'mva', overskrift: 'Mva', type: 'belop', bredde: 13 },
  { nokkel: 'aBetale', overskrift: 'Å betale', type: 'belop', bredde: 15 },
];
const BK = Object.fromEntries(BLOKK_KOLONNER.map((k, i) => [k.nokkel, kolonneBokstav(i + 1)])) as Record<string, string>;
const BLOKK_ARK = 'Fakturagrunnlag';

function formel(c: ExcelJS.Cell, f: string, verdi: number, type: Kolonne['type']): void {
  settCelle(c, verdi, type); // gir format og ferdig beregnet verdi …
  c.value = { formula: f, result: c.value as number } as ExcelJS.CellFormulaValue; // … som formelresultat
  const fmt = FORMAT[type];
  if (fmt) c.numFmt = fmt;
}

async function byggXlsx(am: Arbeidsmappe, f: Fakturering, p: FakturaParametre, disp: Disponibelt): Promise<Uint8Array> {
  const mal = await lesMal('fakturagrunnlag');
  const parametre: Parameter[] = [
    { nokkel: 'periode', etikett: 'Periode', type: 'tekst', verdi: f.periode },
    { nokkel: 'fakturadato', etikett: 'Fakturadato (støtten regnes som gitt)', type: 'dato', verdi: f.fakturadato },
    { nokkel: 'standardPris', etikett: 'Standard markedspris per time (markedsprisPerTime)', type: 'belop', verdi: p.standardPris },
    { nokkel: 'prisrekkefolge', etikett: 'Rekkefølge for markedspris', type: 'tekst', verdi: PRISREKKEFOLGE },
    { nokkel: 'mvaSats', etikett: 'Mva-sats på egenandel (vedlegg 3 pkt. 4.1)', type: 'prosent', verdi: p.mvaSats },
    { nokkel: 'eurNokKurs', etikett: 'EUR/NOK-kurs (nh.json eurNok)', type: 'kurs', verdi: p.eurNokKurs },
    { nokkel: 'kursdato', etikett: 'Kursdato', type: 'dato', verdi: p.kursdato },
    { nokkel: 'tilskudd', etikett: `Disponibelt innovasjonstilskudd ${disp.ar} (innovasjon + overført)`, type: 'belop', verdi: disp.tilskudd },
    { nokkel: 'bruktFor', etikett: `Innovasjonsstøtte ført i ${disp.ar} før denne kjøringen`, type: 'belop', verdi: disp.bruktFor },
    { nokkel: 'avrunding', etikett: 'Avrunding', type: 'tekst', verdi: 'per linje til øre, halv opp; støtte = markedsverdi − egenandel; summer = sum av linjene' },
  ];
  const prad = (n: string) => 3 + parametre.findIndex((x) => x.nokkel === n);
  const wb = byggArbeidsbok(mal, {
    variabler: { periode: f.periode, naeringshage: am.config.naeringshage.navn },
    rader: {
      sammendrag: f.malbedrifter.map((m) => ({
        orgnr: m.orgnr, navn: m.navn, stotteintensitet: m.stotteintensitet, timer: m.timer, markedsverdi: m.markedsverdi, stotte: m.stotte,
        egenandel: m.egenandel, mva: m.mva, aBetale: m.aBetale, stotteEur: m.stotteEur, kontroll: m.stotte + m.egenandel - m.markedsverdi,
      })),
    },
    parametre: { forutsetninger: parametre },
  });
  const mvaRef = `'Forutsetninger'!$B$${prad('mvaSats')}`;

  // Arket med én blokk per målbedrift, alle beløp som formler.
  const ws = wb.addWorksheet(BLOKK_ARK);
  ws.getCell(1, 1).value = noytraliser(`Fakturagrunnlag ${f.periode} – ${am.config.naeringshage.navn}`);
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value = 'Programveileder 10.4 / vedlegg 3 pkt. 4.1: fakturaen viser markedsverdi, innovasjonsstøtte og egenandel (+ mva). Støtten har ikke mva.';
  BLOKK_KOLONNER.forEach((k, i) => (ws.getColumn(i + 1).width = k.bredde));
  const sumRader: number[] = [];
  let r = 4;
  for (const m of f.malbedrifter) {
    ws.getCell(r, 1).value = noytraliser(`${m.navn} (${m.orgnr}) – støtteintensitet ${formatProsent(m.stotteintensitet)} – avtale fra ${formatDato(m.avtalestart)}`);
    ws.getRow(r).font = { bold: true };
    r++;
    const hode = ws.getRow(r);
    BLOKK_KOLONNER.forEach((k, i) => (hode.getCell(i + 1).value = k.overskrift));
    stilOverskrift(hode);
    r++;
    const forste = r;
    for (const l of m.linjer) {
      settCelle(ws.getCell(r, 1), l.ansatt, 'tekst');
      settCelle(ws.getCell(r, 2), l.aktivitet, 'tekst');
      settCelle(ws.getCell(r, 3), l.timer, 'timer');
      settCelle(ws.getCell(r, 4), l.pris, 'belop');
      settCelle(ws.getCell(r, 5), PRISKILDE_TEKST[l.prisKilde], 'tekst');
      formel(ws.getCell(r, 6), `ROUND(${BK.timer}${r}*${BK.pris}${r},2)`, l.markedsverdi, 'belop');
      settCelle(ws.getCell(r, 7), l.stotteintensitet, 'prosent');
      formel(ws.getCell(r, 9), `ROUND(${BK.markedsverdi}${r}*(1-${BK.stotteintensitet}${r}),2)`, l.egenandel, 'belop');
      formel(ws.getCell(r, 8), `${BK.markedsverdi}${r}-${BK.egenandel}${r}`, l.stotte, 'belop');
      formel(ws.getCell(r, 10), `ROUND(${BK.egenandel}${r}*${mvaRef},2)`, l.mva, 'belop');
      formel(ws.getCell(r, 11), `${BK.egenandel}${r}+${BK.mva}${r}`, l.aBetale, 'belop');
      r++;
    }
    const siste = r - 1;
    ws.getCell(r, 1).value = noytraliser(`Sum ${m.navn}`);
    ws.getRow(r).font = { bold: true };
    for (const [nokkel, type, verdi] of [['timer', 'timer', m.timer], ['markedsverdi', 'belop', m.markedsverdi], ['stotte', 'belop', m.stotte], ['egenandel', 'belop', m.egenandel], ['mva', 'belop', m.mva], ['aBetale', 'belop', m.aBetale]] as const) {
      const k = BK[nokkel]!;
      formel(ws.getCell(`${k}${r}`), `SUM(${k}${forste}:${k}${siste})`, verdi, type);
    }
    sumRader.push(r);
    r++;
    ws.getCell(r, 1).value = noytraliser(`Fakturatekst: ${m.fakturatekst}`);
    ws.getCell(r, 1).alignment = { wrapText: false };
    r += 2;
  }
  if (!f.malbedrifter.length) ws.getCell(4, 1).value = 'Ingen timer på målbedrifter i perioden.';

  // Sammendraget peker på blokkenes sumrader, så revisor kan følge tallene.
  const sam = wb.getWorksheet('Sammendrag')!;
  const samKol = (n: string) => kolonneBokstav(mal.ark[0]!.kolonner.findIndex((k) => k.nokkel === n) + 1);
  f.malbedrifter.forEach((m, i) => {
    const rad = 3 + i;
    for (const [nokkel, type, verdi] of [['timer', 'timer', m.timer], ['markedsverdi', 'belop', m.markedsverdi], ['stotte', 'belop', m.stotte], ['egenandel', 'belop', m.egenandel], ['mva', 'belop', m.mva]] as const) {
      formel(sam.getCell(`${samKol(nokkel)}${rad}`), `'${BLOKK_ARK}'!${BK[nokkel]}${sumRader[i]}`, verdi, type);
    }
  });
  // Disponibelt før/etter (10.4 / vedlegg 3 pkt. 4.1).
  const sumRad = 3 + f.malbedrifter.length;
  const v = samKol('stotte');
  const d0 = sumRad + 2;
  const rader: [string, string, number][] = [
    [`Disponibelt innovasjonstilskudd ${disp.ar}`, `'Forutsetninger'!$B$${prad('tilskudd')}`, disp.tilskudd],
    ['Ført før denne kjøringen', `'Forutsetninger'!$B$${prad('bruktFor')}`, disp.bruktFor],
    ['Innovasjonsstøtte denne kjøringen', `${v}${sumRad}`, disp.denneKjoringen],
    ['Gjenstår etter kjøringen', `${v}${d0}-${v}${d0 + 1}-${v}${d0 + 2}`, disp.gjenstaarEtter],
  ];
  rader.forEach(([etikett, f2, verdi], i) => {
    sam.getCell(d0 + i, 2).value = etikett;
    sam.getCell(d0 + i, 2).font = { bold: i === 3 };
    formel(sam.getCell(`${v}${d0 + i}`), f2, verdi, 'belop');
  });
  // Blokkarket først (exceljs sorterer arkene på orderNo ved skriving).
  (ws as unknown as { orderNo: number }).orderNo = 0;
  return arbeidsbokTilBuffer(wb);
}

// ————— CSV for regnskapsimport —————

async function csvKolonner(s: FakturaSeksjon): Promise<Kolonne[]> {
  const mal = await lesCsvMal('fakturagrunnlag-csv');
  const kjente = new Set(mal.kolonner.map((k) => k.nokkel));
  const ukjente = [...Object.keys(s.csvKolonner), ...(s.csvRekkefolge ?? [])].filter((n) => !kjente.has(n));
  if (ukjente.length) {
    throw new InndataFeil(ukjente.map((n) => feil('ukjent-csv-kolonne', `faktura.csvKolonner/csvRekkefolge nevner en ukjent kolonne «${n}».`, { fil: 'nh.json', kolonne: 'faktura' }, { verdi: n, forventet: `en av ${[...kjente].join(', ')}` })));
  }
  let kol = mal.kolonner;
  if (s.csvRekkefolge) {
    const plass = new Map(s.csvRekkefolge.map((n, i) => [n, i]));
    kol = [...kol].sort((a, b) => (plass.get(a.nokkel) ?? 1e9) - (plass.get(b.nokkel) ?? 1e9));
  }
  return kol
    .filter((k) => s.csvKolonner[k.nokkel] !== false)
    .map((k) => ({ nokkel: k.nokkel, overskrift: (s.csvKolonner[k.nokkel] as string | undefined) ?? k.overskrift, type: k.type }));
}

function csvRader(f: Fakturering, s: FakturaSeksjon, mvaSats: number): Rad[] {
  const forfall = leggTilDager(f.fakturadato, s.forfallsdager);
  const ut: Rad[] = [];
  for (const m of f.malbedrifter) {
    m.linjer.forEach((l, i) => {
      ut.push({
        ordrenr: `${f.periode}-${m.orgnr}`,
        fakturadato: f.fakturadato,
        forfallsdato: forfall,
        kundeOrgnr: m.orgnr,
        kundenavn: m.navn,
        linjenr: i + 1,
        produkt: l.aktivitet,
        beskrivelse: `${l.aktivitet} – ${l.ansatt}`,
        antall: l.timer,
        enhet: 'timer',
        enhetspris: l.pris,
        rabattProsent: l.stotteintensitet,
        markedsverdi: l.markedsverdi,
        innovasjonsstotte: l.stotte,
        belopEksMva: l.egenandel,
        mvaKode: s.mvaKode,
        mvaSats,
        mva: l.mva,
        belopInklMva: l.aBetale,
        periode: f.periode,
        fakturatekst: m.fakturatekst,
      });
    });
  }
  return ut;
}

// ————— Kjøringen —————

function tidsmerke(k: Kontekst): string {
  return k.naa().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** --periode, eller på en TTY et spørsmål med forrige måned (fra «i dag») som standardsvar; ellers exit 2. */
async function hentPeriode(k: Kontekst, flagg: string | undefined): Promise<Maaned> {
  const forrige = maanedAv(leggTilMaaneder(forsteDag(maanedAv(k.idag)), -1));
  const svar = await flaggEllerSpor(
    k,
    flagg,
    { flagg: '--periode', melding: 'Mangler --periode <åååå-mm>: måneden som faktureres må oppgis.', forventet: `åååå-mm, f.eks. ${forrige}` },
    (s) => s.tekst('Hvilken måned skal faktureres (åååå-mm)?', { standard: forrige, valider: (v) => (parseMaaned(v) ? true : 'Skriv måneden som åååå-mm, f.eks. 2026-10') }),
  );
  return lesPeriode(svar);
}

export async function faktura(k: Kontekst, valg: FakturaValg): Promise<Resultat> {
  const periode = await hentPeriode(k, valg.periode);
  const am = await aapneArbeidsmappe(k.data);
  const seksjon = lesFakturaSeksjon(am.config);
  const p = fakturaParametre(am.config, periode, seksjon);
  // Forhåndsvisning skriver ingenting, heller ikke en låsfil.
  return valg.forhandsvis ? kjorPeriode(k, am, p, seksjon, valg) : medRegisterLaas(am, () => kjorPeriode(k, am, p, seksjon, valg));
}

async function kjorPeriode(k: Kontekst, am: Arbeidsmappe, p: FakturaParametre, seksjon: FakturaSeksjon, valg: FakturaValg): Promise<Resultat> {
  const periode = p.periode;
  const reg = await lesStotteregister(am);
  k.advarsler.push(...reg.advarsler);
  const iPerioden = reg.linjer.filter((l) => l.periode === periode);
  const utmappe = am.sti('faktura', periode);
  if (iPerioden.length && !valg.erstatt) {
    // Issue 11 pkt. 10: utfiler fra en avbrutt --erstatt passer ikke til registeret.
    const kjoringer = iPerioden.map((l) => l.kjoring);
    const registerFil = path.basename(reg.sti);
    await sjekkKjoring({ periodeMappe: utmappe, visningsmappe: path.relative(am.rot, utmappe), periode, registerFil, kjoringer });
    return alleredeFakturert(am, periode, iPerioden, reg.sti);
  }

  const fra = forsteDag(periode);
  const til = sisteDag(periode);
  const { ansatte, malbedrifter, timer, tilskudd } = await lesAlle(am, {
    ansatte: ansatteDef,
    malbedrifter: malbedrifterDef,
    // Bare periodens rader valideres og tas med (én gjennomgang av en stor timeliste).
    timer: { def: timerDef, filter: (hent) => raaDatoI(hent('dato'), fra, til) },
    tilskudd: tilskuddDef,
  });
  const { fakturering: f, feil: feilListe } = beregnFakturering(timer.rader, ansatte.rader, malbedrifter.rader, p);
  feilListe.unshift(...timerOverDognet(timer.rader)); // issue 11 pkt. 5: høyst 24 timer per person per dag
  feilListe.unshift(...feilstavedeTjenestepriser(timer.rader.map((t) => t.tjeneste), Object.keys(seksjon.tjenestepriser)));
  if (feilListe.length) throw new InndataFeil(feilListe);

  const ovrige = reg.linjer.filter((l) => l.periode !== periode);
  const treaar = sjekkTreaarstak(f, ovrige);
  const disp = beregnDisponibelt(deler(f.fakturadato).aar, tilskudd.rader, ovrige, f.totalt.stotte);
  const avvisninger: Avvisning[] = [...sjekkStotteintensitet(f), ...treaar.avvisninger, ...sjekkDisponibelt(disp)];

  k.advarsler.push(...smbSjekkAdvarsler(f, await finnSmbSjekker(am)));
  if (til > k.idag) k.advarsler.push(advarsel('periode-ikke-slutt', `Perioden ${periode} er ikke avsluttet (i dag er ${k.idag}); timer som føres senere i måneden kommer ikke med.`));
  if (p.kursdato > til) k.advarsler.push(advarsel('kurs-etter-periode', `EUR/NOK-kursen i nh.json er datert ${p.kursdato}, etter perioden ${periode}. Vedlegg 3 pkt. 2: bruk kursen på tildelingstidspunktet.`, { fil: 'nh.json', kolonne: 'eurNok.dato' }));

  const filer = { xlsx: path.join(utmappe, 'fakturagrunnlag.xlsx'), csv: path.join(utmappe, 'fakturagrunnlag.csv'), register: reg.sti };
  const treaarPer = new Map(treaar.status.map((t) => [t.orgnr, t]));
  const json = {
    ok: avvisninger.length === 0,
    periode,
    fakturadato: f.fakturadato,
    status: avvisninger.length ? 'avvist' : valg.forhandsvis ? 'forhandsvis' : valg.erstatt && iPerioden.length ? 'erstattet' : 'fakturert',
    naeringshage: am.config.naeringshage.navn,
    forutsetninger: forutsetningerJson(am.config, p),
    malbedrifter: f.malbedrifter.map((m) => mbJson(m, treaarPer.get(m.orgnr))),
    totalt: { ...sumJson(f.totalt), stotteEur: eur(f.malbedrifter.reduce((s, m) => s + m.stotteEur, 0)) },
    disponibelt: dispJson(disp),
    adminTimeraderIkkeFakturert: f.adminRader,
    avvisninger,
    filer: valg.forhandsvis || avvisninger.length ? null : { ...filer, sikkerhetskopi: null as string | null },
  };
  if (avvisninger.length) {
    throw new RegelNei(
      [farge.red(`Fakturering av ${periode} avvist — ingenting er skrevet:`), ...avvisninger.map((a) => `  • ${a.melding}`)].join('\n'),
      json,
      avvisninger.map((a) => feil(a.kode, a.melding)),
    );
  }

  const xlsx = await byggXlsx(am, f, p, disp);
  const csv = lagCsv(await csvKolonner(seksjon), csvRader(f, seksjon, p.mvaSats));
  // Kjøringens id: tidspunktet for sporbarhet, og et tilfeldig tillegg så to kjøringer aldri får samme id —
  // heller ikke med låst klokke (NH_DATO) — og en blanding av utfiler og register alltid kan oppdages.
  const kjoring = `${tidsmerke(k)}-${randomBytes(3).toString('hex')}`;
  const nye = registerlinjer(f, p, kjoring);

  if (!valg.forhandsvis) {
    if (valg.erstatt && iPerioden.length) {
      json.filer!.sikkerhetskopi = await sikkerhetskopier(am, `${periode}-${tidsmerke(k).replace(/:/g, '-')}`, [filer.register, filer.xlsx, filer.csv]);
    } else if ((await finnes(filer.xlsx)) || (await finnes(filer.csv))) {
      // Perioden står ikke i registeret: filene er fra en avbrutt eller tom kjøring og gjelder ikke lenger.
      k.advarsler.push(advarsel('gamle-utfiler', `Fant fakturagrunnlag for ${periode} uten linjer i støtteregisteret (avbrutt eller tom kjøring); de erstattes.`, { fil: path.relative(am.rot, utmappe) }));
    }
    // Alt til midlertidige filer først, så renames: kjøringsmerket først, registeret sist (og bare om det er
    // uendret siden det ble lest). Krasjer vi før registeret, er perioden ikke fakturert og neste kjøring
    // gjør alt på nytt; ble en --erstatt avbrutt, ser neste kjøring det på kjøringsmerket.
    const utfiler = [kjoringsmerke(utmappe, periode, kjoring, [filer.xlsx, filer.csv]), { sti: filer.xlsx, innhold: xlsx }, { sti: filer.csv, innhold: csv }];
    const register = nye.length || iPerioden.length ? registerCsv([...ovrige, ...nye], reg.ekstra) : null;
    await skrivMedRegister(am, reg, utfiler, register);
  }
  return { json, tekst: tekst(am, f, disp, treaar.status, valg, filer, json.filer?.sikkerhetskopi ?? null) };
}

function alleredeFakturert(am: Arbeidsmappe, periode: Maaned, linjer: Registerlinje[], registerSti: string): Resultat {
  const s = { markedsverdi: 0, egenandel: 0, mva: 0, stotte: 0 };
  for (const l of linjer) {
    s.markedsverdi += l.markedsverdi;
    s.egenandel += l.egenandel;
    s.mva += l.mva;
    s.stotte += l.stotte;
  }
  const json = {
    ok: true,
    periode,
    status: 'allerede-fakturert',
    melding: `Perioden ${periode} er allerede fakturert (${linjer.length} linjer i ${path.basename(registerSti)}). Ingenting er endret. Bruk --erstatt for å fakturere perioden på nytt.`,
    register: linjer.map((l) => ({ orgnr: l.orgnr, navn: l.navn, markedsverdi: kr(l.markedsverdi), egenandel: kr(l.egenandel), mva: kr(l.mva), stotte: kr(l.stotte), stotteEur: eur(l.stotteEur), kjoring: l.kjoring ?? null })),
    totalt: { markedsverdi: kr(s.markedsverdi), egenandel: kr(s.egenandel), mva: kr(s.mva), stotte: kr(s.stotte) },
    filer: null,
  };
  return { json, tekst: `${json.melding}\nRegisteret: ${registerSti}` };
}

function tekst(am: Arbeidsmappe, f: Fakturering, d: Disponibelt, treaar: Treaarsstatus[], valg: FakturaValg, filer: { xlsx: string; csv: string; register: string }, kopi: string | null): string {
  const t = new Map(treaar.map((x) => [x.orgnr, x]));
  const tabell = tekstTabell(
    ['Orgnr', 'Målbedrift', 'Timer', 'Markedsverdi', 'Støtte', 'Egenandel', 'Mva', 'Å betale', 'Støtte 3 år (EUR)'],
    [
      ...f.malbedrifter.map((m) => [m.orgnr, m.navn, formatKroner(m.timer), formatKroner(m.markedsverdi), formatKroner(m.stotte), formatKroner(m.egenandel), formatKroner(m.mva), formatKroner(m.aBetale), formatKroner(t.get(m.orgnr)?.samletEur ?? 0)]),
      ['Sum', '', formatKroner(f.totalt.timer), formatKroner(f.totalt.markedsverdi), formatKroner(f.totalt.stotte), formatKroner(f.totalt.egenandel), formatKroner(f.totalt.mva), formatKroner(f.totalt.aBetale), ''],
    ],
    [false, false, true, true, true, true, true, true, true],
  );
  const linjer = [
    farge.bold(`Fakturering ${f.periode} – ${am.config.naeringshage.navn} (programveileder 10.4, vedlegg 3 pkt. 2 og 4.1)`),
    `Fakturadato ${formatDato(f.fakturadato)}. Markedspris: ${PRISREKKEFOLGE}. Avrunding per linje til øre, halv opp; støtte = markedsverdi − egenandel.`,
    '',
    f.malbedrifter.length ? tabell : 'Ingen timer på målbedrifter i perioden — ingenting å fakturere.',
    '',
    `Disponibelt innovasjonstilskudd ${d.ar}: ${formatKroner(d.tilskudd)} kr. Ført før: ${formatKroner(d.bruktFor)} kr. Denne kjøringen: ${formatKroner(d.denneKjoringen)} kr. ` +
      `Gjenstår: ${formatKroner(d.gjenstaarFor)} kr før → ${formatKroner(d.gjenstaarEtter)} kr etter.`,
    `Timerader på administrasjon/gjennomføring i perioden (ikke fakturert, 10.4): ${f.adminRader}.`,
    '',
  ];
  if (valg.forhandsvis) linjer.push('Forhåndsvisning: ingenting er skrevet.');
  else {
    linjer.push(`Skrev ${filer.xlsx}`, `Skrev ${filer.csv}`);
    if (f.malbedrifter.length) linjer.push(`Førte ${f.malbedrifter.length} linjer i ${filer.register}`);
    if (kopi) linjer.push(`Sikkerhetskopi før erstatning: ${kopi} (${SIKKERHETSKOPI_MAPPE})`);
  }
  return linjer.join('\n');
}
