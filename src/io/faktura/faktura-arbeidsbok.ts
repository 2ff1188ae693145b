/**
 * faktura/<periode>/fakturagrunnlag.xlsx (nh faktura): arket «Fakturagrunnlag» med én blokk per faktura
 * (målbedrift), «Sammendrag» som peker på blokkenes sumrader med formler, og «Forutsetninger».
 *
 * Programveileder 10.4 / vedlegg 3 pkt. 2 og 4.1: markedsverdi per linje = ROUND(timer × pris; 2); egenandel
 * (ROUNDUP, issue 20 pkt. 12: støtten aldri over intensiteten) og mva (ROUND) regnes på fakturaens sum og fordeles på linjene med største rest (verdier på
 * linjene, kontroll på sumraden); støtte = markedsverdi − egenandel. Utskrift: A4 liggende, én side bred,
 * frosne overskrifter, utskriftstitler, en faktura deles ikke over to sider (issue 16 pkt. 1).
 */
import type ExcelJS from 'exceljs';
import { formatDato, type Dato } from '../../domain/felles/dato.js';
import { formatProsent } from '../../domain/felles/penger.js';
import type { Kolonne } from '../../domain/felles/rapport.js';
import { PRISKILDE_TEKST, PRISREKKEFOLGE, type Disponibelt, type Treaarsstatus } from '../../domain/faktura/faktura.js';
import type { FakturaParametre, Fakturering } from '../../domain/faktura/typer.js';
import type { Identitet } from '../../domain/faktura/typer.js';
import {
  arbeidsbokTilBuffer,
  byggArbeidsbok,
  FORMAT,
  kolonneBokstav,
  lesMal,
  settCelle,
  stilOverskrift,
  type Parameter,
} from '../skriv/xlsx-skriv.js';
import { settUtskrift } from '../skriv/xlsx-utskrift.js';

const BLOKK_KOLONNER: { nokkel: string; overskrift: string; type: Kolonne['type']; bredde: number }[] = [
  { nokkel: 'ansatt', overskrift: 'Ansatt', type: 'tekst', bredde: 22 },
  { nokkel: 'aktivitet', overskrift: 'Aktivitet / tjeneste', type: 'tekst', bredde: 24 },
  { nokkel: 'timer', overskrift: 'Timer', type: 'timer', bredde: 9 },
  { nokkel: 'pris', overskrift: 'Pris per time', type: 'belop', bredde: 12 },
  { nokkel: 'prisKilde', overskrift: 'Prisgrunnlag', type: 'tekst', bredde: 26 },
  { nokkel: 'markedsverdi', overskrift: 'Markedsverdi', type: 'belop', bredde: 14 },
  { nokkel: 'stotteintensitet', overskrift: 'Støtteintensitet', type: 'prosent', bredde: 17 },
  { nokkel: 'stotte', overskrift: 'Innovasjonsstøtte', type: 'belop', bredde: 18 },
  { nokkel: 'egenandel', overskrift: 'Egenandel eks. mva', type: 'belop', bredde: 14 },
  { nokkel: 'mva', overskrift: 'Mva', type: 'belop', bredde: 12 },
  { nokkel: 'aBetale', overskrift: 'Å betale', type: 'belop', bredde: 14 },
  { nokkel: 'kontroll', overskrift: 'Kontroll: linjer − faktura', type: 'belop', bredde: 14 },
];
const BK = Object.fromEntries(BLOKK_KOLONNER.map((k, i) => [k.nokkel, kolonneBokstav(i + 1)])) as Record<
  string,
  string
>;
const BLOKK_ARK = 'Fakturagrunnlag';
/** Utskriftsskala (%) som får de 12 kolonnene (≈ 196 tegn) på én A4-side i bredden, liggende. */
const SKALA = 66;
/** Rader per A4-side ved denne skalaen (med margin), når en faktura ikke skal deles over to sider. */
const RADER_PER_SIDE = 40;

function formel(c: ExcelJS.Cell, f: string, verdi: number, type: Kolonne['type']): void {
  settCelle(c, verdi, type); // gir format og ferdig beregnet verdi …
  c.value = { formula: f, result: c.value as number } as ExcelJS.CellFormulaValue; // … som formelresultat
  const fmt = FORMAT[type];
  if (fmt) c.numFmt = fmt;
}

export type Arbeidsbokdata = {
  naeringshage: string;
  /** Kommandoens «i dag»: kjøredatoen i bunnteksten. */
  idag?: Dato;
  f: Fakturering;
  p: FakturaParametre;
  disp: Disponibelt;
  /** orgnr → fakturaens identitet (nummer, KID, forfall, ordrereferanse). */
  ider: ReadonlyMap<string, Pick<Identitet, 'fakturanr' | 'kid' | 'forfallsdato' | 'ordrereferanse'>>;
  treaar: ReadonlyMap<string, Treaarsstatus>;
  /** orgnr → SMB-sjekkens status slik terminalen viser den. */
  smb: ReadonlyMap<string, string>;
  /** Issue 19 pkt. 6: hvilken fakturadato som ble brukt, og hvorfor (bokføringsforskriften § 5-1-3). */
  fakturadatoTekst?: string;
};

function forutsetninger(d: Arbeidsbokdata): Parameter[] {
  const { f, p, disp } = d;
  return [
    { nokkel: 'periode', etikett: 'Periode', type: 'tekst', verdi: f.periode },
    { nokkel: 'fakturadato', etikett: 'Fakturadato (støtten regnes som gitt)', type: 'dato', verdi: f.fakturadato },
    ...(d.fakturadatoTekst
      ? [
          {
            nokkel: 'fakturadatoValg',
            etikett: 'Fakturadato: valget',
            type: 'tekst' as const,
            verdi: d.fakturadatoTekst,
          },
        ]
      : []),
    {
      nokkel: 'standardPris',
      etikett: 'Standard markedspris per time (markedsprisPerTime)',
      type: 'belop',
      verdi: p.standardPris,
    },
    { nokkel: 'prisrekkefolge', etikett: 'Rekkefølge for markedspris', type: 'tekst', verdi: PRISREKKEFOLGE },
    { nokkel: 'mvaSats', etikett: 'Mva-sats på egenandel (vedlegg 3 pkt. 4.1)', type: 'prosent', verdi: p.mvaSats },
    { nokkel: 'eurNokKurs', etikett: 'EUR/NOK-kurs (nh.json eurNok)', type: 'kurs', verdi: p.eurNokKurs },
    { nokkel: 'kursdato', etikett: 'Kursdato', type: 'dato', verdi: p.kursdato },
    {
      nokkel: 'tilskudd',
      etikett: `Disponibelt innovasjonstilskudd ${disp.ar} (innovasjon + overført)`,
      type: 'belop',
      verdi: disp.tilskudd,
    },
    {
      nokkel: 'bruktFor',
      etikett: `Innovasjonsstøtte ført i ${disp.ar} før denne kjøringen`,
      type: 'belop',
      verdi: disp.bruktFor,
    },
    {
      nokkel: 'avrunding',
      etikett: 'Avrunding',
      type: 'tekst',
      verdi:
        'markedsverdi per linje til øre (halv opp); egenandel per faktura rundet opp til øre (støtten aldri over intensiteten) og mva halv opp, fordelt på linjene med største rest; støtte = markedsverdi − egenandel',
    },
  ];
}

export async function byggFakturaArbeidsbok(d: Arbeidsbokdata): Promise<Uint8Array> {
  const { f } = d;
  const mal = await lesMal('fakturagrunnlag');
  const parametre = forutsetninger(d);
  const prad = (n: string) => 3 + parametre.findIndex((x) => x.nokkel === n);
  const wb = await byggArbeidsbok(mal, {
    variabler: { periode: f.periode, naeringshage: d.naeringshage },
    ...(d.idag ? { idag: d.idag } : {}),
    rader: {
      sammendrag: f.malbedrifter.map((m) => ({
        orgnr: m.orgnr,
        navn: m.navn,
        fakturanr: d.ider.get(m.orgnr)?.fakturanr ?? d.ider.get(m.orgnr)?.ordrereferanse ?? '',
        stotteintensitet: m.stotteintensitet,
        timer: m.timer,
        markedsverdi: m.markedsverdi,
        stotte: m.stotte,
        egenandel: m.egenandel,
        mva: m.mva,
        aBetale: m.aBetale,
        stotteEur: m.stotteEur,
        kontroll: m.stotte + m.egenandel - m.markedsverdi,
        treaarEur: d.treaar.get(m.orgnr)?.samletEur ?? m.stotteEur,
        smb: d.smb.get(m.orgnr) ?? '',
      })),
    },
    parametre: { forutsetninger: parametre },
  });
  const ws = wb.addWorksheet(BLOKK_ARK, { views: [{ state: 'frozen', ySplit: 2 }] });
  // Fast skala i stedet for «tilpass til én side bred»: Excel og LibreOffice overser manuelle sideskift når
  // utskriften skaleres til et antall sider, og sideskiftene holder hver faktura samlet på én side.
  settUtskrift(ws, { liggende: true, skala: SKALA, tittelrader: [1, 2], tilpassBredder: false });
  const sumRader = skrivBlokker(ws, d, `'Forutsetninger'!$B$${prad('mvaSats')}`);
  for (const navn of ['Sammendrag', 'Forutsetninger']) wb.getWorksheet(navn)!.pageSetup.printTitlesRow = '1:2';

  // Sammendraget peker på blokkenes sumrader, så revisor kan følge tallene.
  const sam = wb.getWorksheet('Sammendrag')!;
  const samKol = (n: string) => kolonneBokstav(mal.ark[0]!.kolonner.findIndex((k) => k.nokkel === n) + 1);
  f.malbedrifter.forEach((m, i) => {
    const rad = 3 + i;
    for (const [nokkel, type, verdi] of [
      ['timer', 'timer', m.timer],
      ['markedsverdi', 'belop', m.markedsverdi],
      ['stotte', 'belop', m.stotte],
      ['egenandel', 'belop', m.egenandel],
      ['mva', 'belop', m.mva],
    ] as const) {
      formel(sam.getCell(`${samKol(nokkel)}${rad}`), `'${BLOKK_ARK}'!${BK[nokkel]}${sumRader[i]}`, verdi, type);
    }
  });
  // Disponibelt før/etter (10.4 / vedlegg 3 pkt. 4.1).
  const { disp } = d;
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

/** Én blokk per faktura; gir sumradene. En blokk som ikke får plass på resten av siden, begynner på en ny. */
function skrivBlokker(ws: ExcelJS.Worksheet, d: Arbeidsbokdata, mvaRef: string): number[] {
  const { f } = d;
  ws.getCell(1, 1).value = `Fakturagrunnlag ${f.periode} – ${d.naeringshage}`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(2, 1).value =
    'Programveileder 10.4 / vedlegg 3 pkt. 4.1: fakturaen viser markedsverdi, innovasjonsstøtte og egenandel (+ mva). Støtten har ikke mva.';
  BLOKK_KOLONNER.forEach((k, i) => {
    ws.getColumn(i + 1).width = k.bredde;
  });
  const sumRader: number[] = [];
  let r = 4;
  let sidestart = 3;
  for (const m of f.malbedrifter) {
    const hoyde = m.linjer.length + 5;
    if (r - sidestart + hoyde > RADER_PER_SIDE && r > sidestart + 1) {
      ws.getRow(r - 1).addPageBreak();
      sidestart = r - 1;
    }
    const id = d.ider.get(m.orgnr);
    const nr = id?.fakturanr
      ? `Faktura ${id.fakturanr}${id.kid ? `, KID ${id.kid}` : ''}, forfall ${formatDato(id.forfallsdato)}`
      : `Ordre ${id?.ordrereferanse ?? ''}`;
    ws.getCell(r, 1).value =
      `${m.navn} (${m.orgnr}) – ${nr} – støtteintensitet ${formatProsent(m.stotteintensitet)} – avtale fra ${formatDato(m.avtalestart)}`;
    ws.getRow(r).font = { bold: true };
    r++;
    const hode = ws.getRow(r);
    BLOKK_KOLONNER.forEach((k, i) => {
      hode.getCell(i + 1).value = k.overskrift;
    });
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
      // Egenandel og mva er fakturaens beløp fordelt på linjene (største rest), derfor verdier.
      settCelle(ws.getCell(r, 9), l.egenandel, 'belop');
      formel(ws.getCell(r, 8), `${BK.markedsverdi}${r}-${BK.egenandel}${r}`, l.stotte, 'belop');
      settCelle(ws.getCell(r, 10), l.mva, 'belop');
      formel(ws.getCell(r, 11), `${BK.egenandel}${r}+${BK.mva}${r}`, l.aBetale, 'belop');
      r++;
    }
    const siste = r - 1;
    const S = (k: string) => `${BK[k]}${r}`;
    const linjesum = (k: string) => `SUM(${BK[k]}${forste}:${BK[k]}${siste})`;
    ws.getCell(r, 1).value = `Sum ${m.navn}`;
    ws.getRow(r).font = { bold: true };
    formel(ws.getCell(S('timer')), linjesum('timer'), m.timer, 'timer');
    formel(ws.getCell(S('markedsverdi')), linjesum('markedsverdi'), m.markedsverdi, 'belop');
    settCelle(ws.getCell(S('stotteintensitet')), m.stotteintensitet, 'prosent');
    formel(
      ws.getCell(S('egenandel')),
      `ROUNDUP(${S('markedsverdi')}*(1-${S('stotteintensitet')}),2)`,
      m.egenandel,
      'belop',
    );
    formel(ws.getCell(S('stotte')), `${S('markedsverdi')}-${S('egenandel')}`, m.stotte, 'belop');
    formel(ws.getCell(S('mva')), `ROUND(${S('egenandel')}*${mvaRef},2)`, m.mva, 'belop');
    formel(ws.getCell(S('aBetale')), `${S('egenandel')}+${S('mva')}`, m.aBetale, 'belop');
    formel(
      ws.getCell(S('kontroll')),
      `${linjesum('egenandel')}-${S('egenandel')}+${linjesum('mva')}-${S('mva')}`,
      0,
      'belop',
    );
    sumRader.push(r);
    r++;
    // Fakturateksten over hele bredden, med linjeskift, så den verken kuttes eller deles.
    ws.mergeCells(r, 1, r, BLOKK_KOLONNER.length);
    const c = ws.getCell(r, 1);
    c.value = `Fakturatekst: ${m.fakturatekst}`;
    c.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = 32;
    r += 2;
  }
  if (!f.malbedrifter.length) ws.getCell(4, 1).value = 'Ingen timer på målbedrifter i perioden.';
  return sumRader;
}
