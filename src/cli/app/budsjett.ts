/**
 * nh budsjett: budsjett for administrasjon og gjennomføring (--ar, frist 1. desember) og
 * årsoppgjøret for revisor (--regnskap, frist 20. februar). Les datasett → domain/budsjett → tekst,
 * --json og xlsx (budsjett-adm-gjennomforing-<år>.xlsx / attestasjonsgrunnlag-<år>.xlsx).
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { kostnaderDef } from '../../domain/datasett/kostnader.js';
import { malbedrifterDef } from '../../domain/datasett/malbedrifter.js';
import { tilskuddDef } from '../../domain/datasett/tilskudd.js';
import { timerDef } from '../../domain/datasett/timer.js';
import { advarsel, feil, InndataFeil } from '../../domain/diagnostikk.js';
import { deler, raaDatoI, type Dato } from '../../domain/dato.js';
import { formatKroner, type Ore } from '../../domain/penger.js';
import {
  beregnPlan, beregnRegnskap, kontrollerFordeling, statusTekst, type Fordeling, type Budsjettplan, type Kategorisum, type Oppgjor, type Regnskap,
} from '../../domain/budsjett.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../io/arbeidsmappe.js';
import { lesDatasett } from '../../io/datasett.js';
import { skrivFiler } from '../../io/skriv.js';
import { arbeidsbokTilBuffer, byggArbeidsbok, FORMAT, kolonneBokstav, lesMal, settCelle, type Mal, type Parameter } from '../../io/xlsx-skriv.js';
import type { Celletype } from '../../domain/rapport.js';
import type { Kontekst, Resultat } from '../kontekst.js';
import type { BudsjettValg } from '../commands/budsjett.js';
import { farge, tekstTabell } from '../utskrift.js';
import { kr, pst, sporOmAar, utmappe, velgAar } from './felles.js';
import { lesSatserForAar, lesTimesatser } from './timesats.js';

/** Tolkningene (docs/budsjett.md) vises i utskriften og i --json. */
const TOLKNINGER_PLAN = [
  'Planlagte timer per person er kolonnen admTimerPlan i ansatte (tom = 0 timer).',
  'Timesatsen er godkjent timesats fra nh timesats (10.4: laveste av beregnet sats, 1 100 kr og 1,2 ‰ av årslønn).',
  'Direkte kostnader er rader i kostnader med type «budsjett» for året; bare de seks kategoriene i 10.4 godtas.',
  'Tildelingen er summen av tilskudd av type «administrasjon» for året.',
  'Beløp per person = timer × timesats avrundet til øre (halv opp); summene er summer av linjene.',
];
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

const STATUS_KORT: Record<Oppgjor['status'], string> = { under: 'under tildelingen', lik: 'lik tildelingen', over: 'over tildelingen' };

function velgModus(valg: BudsjettValg, am: Arbeidsmappe): { modus: 'plan' | 'regnskap'; ar: number } {
  if (valg.regnskap !== undefined && valg.regnskap !== false) {
    if (typeof valg.regnskap === 'string' && valg.ar !== undefined) {
      throw new InndataFeil([feil('ugyldig-flagg', 'Bruk enten --regnskap <år> eller --år <år>, ikke begge med år.', undefined, { forventet: 'nh budsjett --år 2027 eller nh budsjett --regnskap 2026' })]);
    }
    return { modus: 'regnskap', ar: velgAar(typeof valg.regnskap === 'string' ? valg.regnskap : valg.ar, am.config, typeof valg.regnskap === 'string' ? '--regnskap' : '--år') };
  }
  // 11.1: budsjettet sendes 1. desember for det kommende året; uten --år er det året etter «ar» i nh.json.
  return { modus: 'plan', ar: valg.ar === undefined ? am.config.ar + 1 : velgAar(valg.ar, am.config, '--år') };
}

/**
 * Uten --år og --regnskap: på en TTY velger brukeren budsjett (standard neste år, 11.1: frist 1. desember) eller
 * årsoppgjør (standard fjoråret, 10.4: frist 20. februar) og året. Ellers (skript, CI, --json) gjelder standarden
 * som før: budsjettet for året etter «ar» i nh.json.
 */
async function sporOmModus(k: Kontekst, valg: BudsjettValg): Promise<BudsjettValg> {
  if (!k.interaktiv || valg.ar !== undefined || valg.regnskap !== undefined) return valg;
  const iaar = deler(k.idag).aar;
  const modus = await k.spor.velg('Hva vil du lage?', [
    { navn: 'Budsjett for administrasjon og gjennomføring (frist 1. desember)', verdi: 'plan' },
    { navn: 'Årsoppgjør / attestasjonsgrunnlag for revisor (frist 20. februar)', verdi: 'regnskap' },
  ]);
  const ar = await sporOmAar(k.spor, modus === 'plan' ? 'Budsjettår?' : 'Regnskapsår?', modus === 'plan' ? iaar + 1 : iaar - 1);
  return modus === 'plan' ? { ...valg, ar: ar.trim() } : { ...valg, regnskap: ar.trim() };
}

export async function budsjett(k: Kontekst, valg: BudsjettValg): Promise<Resultat> {
  const am = await aapneArbeidsmappe(k.data);
  const { modus, ar } = velgModus(await sporOmModus(k, valg), am);
  return modus === 'plan' ? kjorPlan(k, am, ar, valg) : kjorRegnskap(k, am, ar, valg);
}

// ————— felles JSON og tekst —————

function oppgjorJson(o: Oppgjor) {
  return { timeBelop: kr(o.timeBelop), total: kr(o.total), tildeling: kr(o.tildeling), differanse: kr(o.differanse), status: o.status };
}

function kategorierJson(ks: Kategorisum[]) {
  return ks.map((x) => ({ kategori: x.kategori, antall: x.antall, belop: kr(x.belop) }));
}

const fk = (o: Ore) => formatKroner(o);

function oppgjorTekst(modus: 'plan' | 'regnskap', o: Oppgjor, timer: number): string[] {
  return [
    `  Timer:               ${(timer / 100).toLocaleString('nb-NO')} t = ${fk(o.timeBelop)} kr`,
    `  Direkte kostnader:   ${fk(o.direkteKostnader)} kr`,
    farge.bold(`  Total:               ${fk(o.total)} kr`),
    `  Tildeling:           ${fk(o.tildeling)} kr`,
    farge.bold(`  Differanse:          ${fk(o.differanse)} kr (tildeling − total)`),
    '',
    (o.status === 'lik' ? farge.green : o.status === 'under' ? farge.yellow : farge.red)(statusTekst(modus, o, fk)),
  ];
}

function kategoriTabell(ks: Kategorisum[]): string {
  return tekstTabell(['Direkte kostnader (10.4)', 'Poster', 'Beløp'], ks.map((x) => [x.kategori, String(x.antall), fk(x.belop)]), [false, true, true]);
}

/** Programveileder 10.2: fordelingen av Sivas programtilskudd, med tallene (null = kan ikke kontrolleres). */
function fordelingJson(f: Fordeling | null) {
  if (!f) return null;
  return { administrasjon: kr(f.administrasjon), innovasjon: kr(f.innovasjon), andelAdministrasjon: pst(f.andelAdministrasjon), takAdministrasjon: kr(f.takAdministrasjon) };
}

function fordelingTekst(ar: number, f: Fordeling | null): string {
  if (!f) return `  Fordelingen 25/75 (10.2): kan ikke kontrolleres — tilskudd mangler innovasjon eller administrasjon fra Siva for ${ar}.`;
  return `  Fordelingen 25/75 (10.2): administrasjon ${fk(f.administrasjon)} kr av ${fk(f.administrasjon + f.innovasjon)} kr fra Siva ` +
    `= ${(f.andelAdministrasjon / 10_000).toLocaleString('nb-NO', { maximumFractionDigits: 2 })} % (25 % = ${fk(f.takAdministrasjon)} kr).`;
}

// ————— xlsx-hjelp —————

function formel(c: ExcelJS.Cell, f: string, verdi: number | string, type: Celletype): void {
  settCelle(c, verdi, type);
  c.value = { formula: f, result: c.value as number | string } as ExcelJS.CellFormulaValue;
  const fmt = FORMAT[type];
  if (fmt) c.numFmt = fmt;
}

/** Absolutt referanse til sumcellen for en kolonne i et tabellark (malen: data fra rad 3, sum etter dataene). */
function sumRef(mal: Mal, ark: string, kol: string, antall: number): string {
  const a = mal.ark.find((x) => x.nokkel === ark)!;
  const k = a.kolonner.findIndex((x) => x.nokkel === kol);
  return `'${a.navn}'!$${kolonneBokstav(k + 1)}$${3 + antall}`;
}

type Sammendragslinje = Parameter & { formel?: (rad: (nokkel: string) => string) => string };

/** Skriver sammendragsarket (parametre) og bytter verdiene med formler der linjen har en. */
function settSammendragsformler(wb: ExcelJS.Workbook, mal: Mal, linjer: Sammendragslinje[]): void {
  const ws = wb.getWorksheet(mal.ark[0]!.navn)!;
  const rad = (n: string) => `$B$${3 + linjer.findIndex((l) => l.nokkel === n)}`;
  linjer.forEach((l, i) => {
    if (l.formel) formel(ws.getCell(3 + i, 2), l.formel(rad), l.verdi as number | string, l.type);
  });
  ws.getColumn(1).width = 60;
  ws.getColumn(2).width = 70;
}

function statusFormel(modus: 'plan' | 'regnskap', diff: string): string {
  const [u, o, l] = modus === 'plan'
    ? ['Under tildelingen: differansen blir igjen i selskapet og må tilbakebetales', 'Over tildelingen: differansen dekkes ikke av tilskuddet', 'Lik tildelingen']
    : ['Ikke disponert i sin helhet: overskuddet skal tilbakebetales', 'Disponert i sin helhet (kostnadene er høyere enn tildelingen)', 'Disponert i sin helhet'];
  return `IF(${diff}>0,"${u}",IF(${diff}<0,"${o}","${l}"))`;
}

function statusKort(modus: 'plan' | 'regnskap', o: Oppgjor): string {
  if (modus === 'plan') return o.status === 'under' ? 'Under tildelingen: differansen blir igjen i selskapet og må tilbakebetales' : o.status === 'over' ? 'Over tildelingen: differansen dekkes ikke av tilskuddet' : 'Lik tildelingen';
  return o.status === 'under' ? 'Ikke disponert i sin helhet: overskuddet skal tilbakebetales' : o.status === 'over' ? 'Disponert i sin helhet (kostnadene er høyere enn tildelingen)' : 'Disponert i sin helhet';
}

function oppgjorLinjer(modus: 'plan' | 'regnskap', mal: Mal, o: Oppgjor, timer: number, ant: { personer: number; kategorier: number }): Sammendragslinje[] {
  return [
    { nokkel: 'timer', etikett: modus === 'plan' ? 'Planlagte timer, administrasjon og gjennomføring' : 'Timer, administrasjon og gjennomføring', type: 'timer', verdi: timer, formel: () => sumRef(mal, 'personer', 'timer', ant.personer) },
    { nokkel: 'timeBelop', etikett: 'Timer × timesats', type: 'belop', verdi: o.timeBelop, formel: () => sumRef(mal, 'personer', 'belop', ant.personer) },
    { nokkel: 'direkte', etikett: 'Direkte kostnader (10.4)', type: 'belop', verdi: o.direkteKostnader, formel: () => sumRef(mal, 'kategorier', 'belop', ant.kategorier) },
    { nokkel: 'total', etikett: 'Total', type: 'belop', verdi: o.total, formel: (r) => `${r('timeBelop')}+${r('direkte')}` },
    { nokkel: 'tildeling', etikett: 'Tildeling administrasjon og gjennomføring (tilskudd)', type: 'belop', verdi: o.tildeling },
    { nokkel: 'differanse', etikett: 'Differanse (tildeling − total)', type: 'belop', verdi: o.differanse, formel: (r) => `${r('tildeling')}-${r('total')}` },
    { nokkel: 'status', etikett: 'Status', type: 'tekst', verdi: statusKort(modus, o), formel: (r) => statusFormel(modus, r('differanse')) },
  ];
}

async function skrivXlsx(wb: ExcelJS.Workbook, fil: string, valg: BudsjettValg): Promise<void> {
  if (!valg.forhandsvis) await skrivFiler([{ sti: fil, innhold: await arbeidsbokTilBuffer(wb) }], { overskriv: Boolean(valg.overskriv) });
}

// ————— plan —————

async function kjorPlan(k: Kontekst, am: Arbeidsmappe, ar: number, valg: BudsjettValg): Promise<Resultat> {
  const [{ ansatte, satser }, kostnader, tilskudd] = await Promise.all([
    lesTimesatser(am),
    lesDatasett(am, kostnaderDef, { valgfritt: true }),
    lesDatasett(am, tilskuddDef),
  ]);
  const { plan, feil: feilListe } = beregnPlan(ar, ansatte, satser, kostnader.rader, tilskudd.rader);
  if (feilListe.length) throw new InndataFeil(feilListe);
  k.advarsler.push(...plan.advarsler.map((d) => (d.kilde?.fil === 'kostnader' ? { ...d, kilde: { fil: kostnader.fil ?? 'kostnader.csv' } } : d.kilde?.fil === 'tilskudd' ? { ...d, kilde: { fil: tilskudd.fil ?? 'tilskudd.csv' } } : d)));
  // 10.2: fordelingen 25 % / 75 % av Sivas programtilskudd — tilskuddet og budsjettet kontrolleres.
  const fordeling = kontrollerFordeling(ar, tilskudd.rader, plan.oppgjor.total);
  k.advarsler.push(...fordeling.advarsler.map((d) => ({ ...d, kilde: { fil: tilskudd.fil ?? 'tilskudd.csv' } })));
  const frist = `${ar - 1}-12-01`;
  if (k.idag > frist) k.advarsler.push(advarsel('frist-passert', `Fristen for budsjettet for ${ar} var 1. desember ${ar - 1} (programveileder 11.1).`));

  const fil = path.join(utmappe(am, valg.ut), `budsjett-adm-gjennomforing-${ar}.xlsx`);
  await skrivXlsx(await planXlsx(am, plan), fil, valg);

  const o = plan.oppgjor;
  const json = {
    modus: 'plan',
    ar,
    naeringshage: am.config.naeringshage.navn,
    frist,
    ...oppgjorJson(o),
    statusTekst: statusTekst('plan', o, fk),
    timer: plan.timer / 100,
    personer: plan.personer.map((p) => ({ navn: p.navn, timer: p.timer / 100, timesats: kr(p.timesats), belop: kr(p.belop), harPlan: p.harPlan })),
    direkteKostnader: { sum: kr(plan.kostnader.sum), perKategori: kategorierJson(plan.kostnader.perKategori), linjer: plan.kostnader.linjer.map((l) => ({ kategori: l.kategori, tekst: l.tekst ?? null, belop: kr(l.belop), rad: l.rad ?? null })) },
    tildelingLinjer: plan.tildeling.linjer.map((l) => ({ belop: kr(l.belop), dato: l.dato ?? null, rad: l.rad ?? null })),
    fordeling10_2: fordelingJson(fordeling.fordeling),
    tolkninger: TOLKNINGER_PLAN,
    fil: valg.forhandsvis ? null : fil,
  };
  const tekst = [
    farge.bold(`Budsjett for administrasjon og gjennomføring ${ar} – ${am.config.naeringshage.navn}`),
    `Programveileder 10.4 / vedlegg 3 pkt. 4.2. Sendes Siva innen 1. desember ${ar - 1} (11.1).`,
    '',
    tekstTabell(
      ['Ansatt', 'Timesats', 'Planlagte timer', 'Beløp'],
      [...plan.personer.map((p) => [p.navn, fk(p.timesats), p.harPlan ? (p.timer / 100).toLocaleString('nb-NO') : '– (tom)', fk(p.belop)]), ['Sum', '', (plan.timer / 100).toLocaleString('nb-NO'), fk(o.timeBelop)]],
      [false, true, true, true],
    ),
    '',
    kategoriTabell(plan.kostnader.perKategori),
    '',
    ...oppgjorTekst('plan', o, plan.timer),
    fordelingTekst(ar, fordeling.fordeling),
    '',
    farge.dim(['Tolkninger (docs/budsjett.md):', ...TOLKNINGER_PLAN.map((t) => `  • ${t}`)].join('\n')),
    valg.forhandsvis ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${fil}`,
  ].join('\n');
  return { json, tekst };
}

async function planXlsx(am: Arbeidsmappe, plan: Budsjettplan): Promise<ExcelJS.Workbook> {
  const mal = await lesMal('budsjett-adm-gjennomforing');
  const o = plan.oppgjor;
  const linjer: Sammendragslinje[] = [
    { nokkel: 'ar', etikett: 'Budsjettår', type: 'heltall', verdi: plan.ar },
    { nokkel: 'frist', etikett: 'Frist for innsending til Siva (11.1)', type: 'dato', verdi: `${plan.ar - 1}-12-01` },
    ...oppgjorLinjer('plan', mal, o, plan.timer, { personer: plan.personer.length, kategorier: plan.kostnader.perKategori.length }),
    { nokkel: 'prinsipp', etikett: 'Prinsipp (10.4)', type: 'tekst', verdi: 'Det skal ikke ligge igjen fortjeneste i selskapet.' },
    { nokkel: 'avrunding', etikett: 'Avrunding', type: 'tekst', verdi: 'timer × timesats per person til øre, halv opp; summer = sum av linjene' },
  ];
  const wb = byggArbeidsbok(mal, {
    variabler: { ar: String(plan.ar), naeringshage: am.config.naeringshage.navn },
    rader: {
      personer: plan.personer.map((p) => ({ navn: p.navn, timesats: p.timesats, timer: p.timer, belop: p.belop })),
      kategorier: plan.kostnader.perKategori.map((x) => ({ kategori: x.kategori, antall: x.antall, belop: x.belop })),
      linjer: plan.kostnader.linjer.map((l) => ({ kategori: l.kategori, tekst: l.tekst ?? null, belop: l.belop, rad: l.rad ?? null })),
    },
    parametre: { sammendrag: linjer },
  });
  settSammendragsformler(wb, mal, linjer);
  return wb;
}

// ————— regnskap —————

async function kjorRegnskap(k: Kontekst, am: Arbeidsmappe, ar: number, valg: BudsjettValg): Promise<Resultat> {
  const fra = `${ar}-01-01` as Dato;
  const til = `${ar}-12-31` as Dato;
  const [aarsSatser, timer, malbedrifter, kostnader, tilskudd] = await Promise.all([
    // 10.4 / vedlegg 3 pkt. 4.2: årets egne satser (timesats-<år>.json), ellers regnet fra ansatte nå.
    lesSatserForAar(am, ar),
    // Bare årets rader valideres og tas med (én gjennomgang av en stor timeliste).
    lesDatasett(am, timerDef, { filter: (hent) => raaDatoI(hent('dato'), fra, til) }),
    lesDatasett(am, malbedrifterDef, { valgfritt: true }),
    lesDatasett(am, kostnaderDef, { valgfritt: true }),
    lesDatasett(am, tilskuddDef),
  ]);
  const { ansatte, satser } = aarsSatser;
  const { regnskap: r, feil: feilListe } = beregnRegnskap(
    ar, timer.rader, ansatte, satser, malbedrifter.rader, kostnader.rader, tilskudd.rader, am.config.adminKoder, am.config.admAktiviteter,
    aarsSatser.lagret ? `timesats-${ar}.json` : 'ansatte',
  );
  if (feilListe.length) throw new InndataFeil(feilListe);
  const filnavn: Record<string, string> = { timer: timer.fil ?? 'timer.csv', tilskudd: tilskudd.fil ?? 'tilskudd.csv', kostnader: kostnader.fil ?? 'kostnader.csv' };
  k.advarsler.push(...r.advarsler.map((d) => (d.kilde && d.kilde.rad === undefined && filnavn[d.kilde.fil] ? { ...d, kilde: { ...d.kilde, fil: filnavn[d.kilde.fil]! } } : d)));
  const fordeling = kontrollerFordeling(ar, tilskudd.rader);
  k.advarsler.push(...fordeling.advarsler.map((d) => ({ ...d, kilde: { fil: tilskudd.fil ?? 'tilskudd.csv' } })));
  if (!aarsSatser.lagret) {
    k.advarsler.push(
      advarsel(
        'timesats-ikke-lagret',
        `Fant ingen lagrede timesatser for ${ar} (timesats-${ar}.json): satsene er regnet fra ansatte slik den er i dag. ` +
          `Attestasjonen skal bruke satsene for ${ar} (programveileder 10.4, vedlegg 3 pkt. 4.2); er lønn eller stilling endret ` +
          `siden, stemmer ikke beløpene. Lagre årets satser med nh timesats --ar ${ar} før ansatte endres for neste år.`,
        { fil: `timesats-${ar}.json` },
      ),
    );
  }
  if (til >= k.idag) k.advarsler.push(advarsel('aret-ikke-avsluttet', `Året ${ar} er ikke avsluttet (i dag er ${k.idag}); timer og kostnader som føres senere, kommer ikke med.`));

  const fil = path.join(utmappe(am, valg.ut), `attestasjonsgrunnlag-${ar}.xlsx`);
  await skrivXlsx(await regnskapXlsx(am, r, aarsSatser.kilde), fil, valg);

  const o = r.oppgjor;
  const json = {
    modus: 'regnskap',
    ar,
    naeringshage: am.config.naeringshage.navn,
    frist: `${ar + 1}-02-20`,
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
      aktiviteter: p.aktiviteter.map((a) => ({ aktivitet: a.aktivitet, timer: a.timer / 100, belop: kr(a.belop), rader: a.rader })),
    })),
    aktiviteter: r.aktiviteter.map((a) => ({ aktivitet: a.aktivitet, timer: a.timer / 100, belop: kr(a.belop) })),
    direkteKostnader: {
      sum: kr(r.kostnader.sum),
      perKategori: kategorierJson(r.kostnader.perKategori),
      linjer: r.kostnader.linjer.map((l) => ({ dato: l.dato ?? null, kategori: l.kategori, tekst: l.tekst ?? null, belop: kr(l.belop), rad: l.rad ?? null })),
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
    farge.bold(`Attestasjonsgrunnlag administrasjon og gjennomføring ${ar} – ${am.config.naeringshage.navn}`),
    `Programveileder 10.4 / vedlegg 3 pkt. 4.2. Revisors attestasjon sendes Siva innen 20. februar ${ar + 1} (11.1).`,
    `Timesatser: ${aarsSatser.kilde}.`,
    '',
    tekstTabell(
      ['Ansatt', 'Timesats', 'Timer', 'Beløp'],
      [...r.personer.map((p) => [p.navn, fk(p.timesats), (p.timer / 100).toLocaleString('nb-NO'), fk(p.belop)]), ['Sum', '', (r.timer / 100).toLocaleString('nb-NO'), fk(o.timeBelop)]],
      [false, true, true, true],
    ),
    '',
    tekstTabell(['Aktivitet (10.4)', 'Timer', 'Beløp'], r.aktiviteter.map((a) => [a.aktivitet, (a.timer / 100).toLocaleString('nb-NO'), fk(a.belop)]), [false, true, true]),
    '',
    kategoriTabell(r.kostnader.perKategori),
    '',
    ...oppgjorTekst('regnskap', o, r.timer),
    `  (${(r.malbedriftTimer / 100).toLocaleString('nb-NO')} timer på målbedrifter er art. 28-tjenester og ikke med.)`,
    fordelingTekst(ar, fordeling.fordeling),
    '',
    'Attestasjonen bekrefter (10.4, vedlegg 3 pkt. 4.2):',
    ...ATTESTASJON.map((t) => `  • ${t}`),
    `  ${ATTESTERER}`,
    '',
    farge.dim(['Tolkninger (docs/budsjett.md):', ...TOLKNINGER_REGNSKAP.map((t) => `  • ${t}`)].join('\n')),
    valg.forhandsvis ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${fil}`,
  ].join('\n');
  return { json, tekst };
}

async function regnskapXlsx(am: Arbeidsmappe, r: Regnskap, satsKilde: string): Promise<ExcelJS.Workbook> {
  const mal = await lesMal('attestasjonsgrunnlag');
  const o = r.oppgjor;
  const linjer: Sammendragslinje[] = [
    { nokkel: 'ar', etikett: 'Regnskapsår', type: 'heltall', verdi: r.ar },
    { nokkel: 'frist', etikett: 'Frist for revisors attestasjon til Siva (11.1)', type: 'dato', verdi: `${r.ar + 1}-02-20` },
    ...oppgjorLinjer('regnskap', mal, o, r.timer, { personer: r.personer.length, kategorier: r.kostnader.perKategori.length }),
    { nokkel: 'tilbakebetales', etikett: 'Skal tilbakebetales til Siva (vedlegg 3 pkt. 4.2)', type: 'belop', verdi: Math.max(0, o.differanse), formel: (f) => `MAX(0,${f('differanse')})` },
    { nokkel: 'kontroll', etikett: 'Kontroll: timer i timelistene − timer i sammendraget', type: 'timer', verdi: 0, formel: (f) => `${sumRef(mal, 'timeliste', 'timer', r.timelinjer.length)}-${f('timer')}` },
    { nokkel: 'malbedriftTimer', etikett: 'Timer på målbedrifter i året (art. 28, ikke med)', type: 'timer', verdi: r.malbedriftTimer },
    { nokkel: 'satsKilde', etikett: 'Timesatser brukt (10.4, årets satser)', type: 'tekst', verdi: satsKilde },
    ...ATTESTASJON.map((t, i) => ({ nokkel: `krav${i + 1}`, etikett: i === 0 ? 'Attestasjonen bekrefter (10.4, vedlegg 3 pkt. 4.2)' : '', type: 'tekst' as const, verdi: t })),
    { nokkel: 'signatur', etikett: 'Hvem attesterer (10.4)', type: 'tekst', verdi: ATTESTERER },
    { nokkel: 'avrunding', etikett: 'Avrunding', type: 'tekst', verdi: 'timer × timesats per person og aktivitet til øre, halv opp; summer = sum av linjene' },
  ];
  const totalTimer = r.timer;
  const wb = byggArbeidsbok(mal, {
    variabler: { ar: String(r.ar), naeringshage: am.config.naeringshage.navn },
    rader: {
      personer: r.personer.map((p) => ({ ansatt: p.navn, timesats: p.timesats, timer: p.timer, belop: p.belop })),
      aktiviteter: r.aktiviteter.map((a) => ({ aktivitet: a.aktivitet, timer: a.timer, belop: a.belop, andel: totalTimer ? Math.round((a.timer * 1_000_000) / totalTimer) : 0 })),
      linjer: r.linjer.map((l) => ({ ansatt: l.ansatt, aktivitet: l.aktivitet, rader: l.rader, timer: l.timer, timesats: l.timesats, belop: l.belop })),
      kategorier: r.kostnader.perKategori.map((x) => ({ kategori: x.kategori, antall: x.antall, belop: x.belop })),
      kostnadslinjer: r.kostnader.linjer.map((l) => ({ dato: l.dato ?? null, kategori: l.kategori, tekst: l.tekst ?? null, belop: l.belop, rad: l.rad ?? null })),
      timeliste: r.timelinjer.map((t) => ({ dato: t.dato, ansatt: t.ansatt, aktivitet: t.aktivitet, timer: t.timer, beskrivelse: t.beskrivelse ?? null, aktivitetOppgitt: t.aktivitetOppgitt ?? null, tjeneste: t.tjeneste ?? null, rad: t.rad ?? null })),
    },
    parametre: { sammendrag: linjer },
  });
  settSammendragsformler(wb, mal, linjer);
  return wb;
}

