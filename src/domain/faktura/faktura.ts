/**
 * Månedlig fakturering av egenandel og støtteregister (nh faktura).
 *
 * Programveileder 10.4 og vedlegg 3 pkt. 2 og 4.1, definisjonene «Innovasjonsstøtte (artikkel 28)»,
 * «Støtteintensitet» og «Fakturert egenandel»:
 *   markedsverdi      = timer × markedspris per time
 *   egenandel         = markedsverdi × (1 − støtteintensitet)         (+ 25 % mva, ordinær fordring)
 *   innovasjonsstøtte = markedsverdi − egenandel                       (ingen mva)
 *   Vedlegg 3 pkt. 2: markedsverdi 10 000 → egenandel 2 500 + mva, støtte 7 500, støtteintensitet 75 %.
 *
 * Avrunding (docs/faktura.md, issue 16 pkt. 12, issue 20 pkt. 12): markedsverdi per linje til øre, halv opp; egenandel (rundet OPP) og mva
 * regnes én gang per faktura (målbedrift × periode) og fordeles på linjene med største rest, så linjene
 * summerer eksakt til fakturaen. Støtten er differansen, så støtte + egenandel = markedsverdi eksakt.
 * Ren modul: ingen fil, ingen prosess.
 *
 *   beregnLinje({ timer: 800, pris: 125_000, stotteintensitet: 750_000, mvaSats: 250_000 })
 *   // markedsverdi 1 000 000 øre, egenandel 250 000, støtte 750 000, mva 62 500
 */
import { andel, andelOpp, mulDivRund, PPM, formatKroner, formatProsent, type Ore, type Ppm } from '../felles/penger.js';
import { sisteDag, maanedAv, type Maaned } from '../felles/dato.js';
import type { Diagnostikk } from '../felles/diagnostikk.js';
import { normaliserNavn } from '../felles/felter.js';
import { fordelStorsteRest } from '../felles/fordeling.js';
import { velgPris } from './pris.js';
import { normaliserOrgnr } from '../felles/orgnr.js';
import { erAdminKode, kryssjekkTimer } from '../kontroll/kontroll.js';
import type { Ansatt } from '../datasett/ansatte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Timeregistrering } from '../datasett/timer.js';
import type { FakturaParametre, Linjeberegning, Fakturalinje, Sum, Fakturagrunnlag, Fakturering } from './typer.js';

/**
 * Én fakturalinje. Programveileder 10.4 / vedlegg 3 pkt. 2: egenandel = markedsverdi × (1 − intensitet),
 * støtte = markedsverdi − egenandel; vedlegg 3 pkt. 4.1: egenandelen faktureres med mva, støtten uten.
 */
export function beregnLinje(p: { timer: number; pris: Ore; stotteintensitet: Ppm; mvaSats: Ppm }): Linjeberegning {
  const markedsverdi = mulDivRund(p.timer, p.pris, 100);
  // Issue 20 pkt. 12 (definisjonen «Støtteintensitet», vedlegg 3 pkt. 2: høyst 75 %): egenandelen rundes opp.
  const egenandel = andelOpp(markedsverdi, PPM - p.stotteintensitet);
  const stotte = markedsverdi - egenandel;
  const mva = andel(egenandel, p.mvaSats);
  return { markedsverdi, egenandel, stotte, mva, aBetale: egenandel + mva };
}

/**
 * Én faktura (målbedrift × periode). Programveileder 10.4 / vedlegg 3 pkt. 2 og 4.1: egenandel =
 * markedsverdi × (1 − intensitet) og mva = egenandel × sats regnes på fakturaens markedsverdi (ikke per
 * linje), og fordeles så på linjene etter markedsverdi (egenandel) og egenandel (mva) med største rest.
 * Slik blir 10 000,00 i markedsverdi alltid 2 500,00 i egenandel ved 75 %, uansett antall linjer.
 */
export function beregnFakturalinjer(
  markedsverdier: readonly Ore[],
  stotteintensitet: Ppm,
  mvaSats: Ppm,
): { sum: Linjeberegning; linjer: Linjeberegning[] } {
  const markedsverdi = markedsverdier.reduce((s, m) => s + m, 0);
  // Issue 20 pkt. 12: egenandelen rundes OPP til øre, så støtten aldri overstiger intensiteten (75,02 % ved 13,33).
  const egenandel = andelOpp(markedsverdi, PPM - stotteintensitet);
  const mva = andel(egenandel, mvaSats);
  const egenandeler = fordelStorsteRest(egenandel, markedsverdier);
  const mvaer = fordelStorsteRest(mva, egenandeler);
  const linjer = markedsverdier.map((m, i) => {
    const e = egenandeler[i]!;
    const v = mvaer[i]!;
    return { markedsverdi: m, egenandel: e, stotte: m - e, mva: v, aBetale: e + v };
  });
  return { sum: { markedsverdi, egenandel, stotte: markedsverdi - egenandel, mva, aBetale: egenandel + mva }, linjer };
}

function nullSum(): Sum {
  return { timer: 0, markedsverdi: 0, egenandel: 0, stotte: 0, mva: 0, aBetale: 0 };
}

function leggTil(s: Sum, l: Sum | (Linjeberegning & { timer: number })): void {
  s.timer += l.timer;
  s.markedsverdi += l.markedsverdi;
  s.egenandel += l.egenandel;
  s.stotte += l.stotte;
  s.mva += l.mva;
  s.aBetale += l.aBetale;
}

/** Støtte i øre → eurocent med kursen ×10 000 (NOK per EUR), avrundet halv opp. */
export function tilEurCent(stotte: Ore, kurs: number): number {
  return mulDivRund(stotte, 10_000, kurs);
}

/**
 * Programveileder 10.4 / vedlegg 3 pkt. 4.1: «Fakturaen skal tydelig vise hva som er markedsverdi på
 * tjenesten, egenandelen som skal betales av målbedriften, samt hvor mye innovasjonsstøtte dette utgjør.»
 */
function fakturatekst(periode: Maaned, s: Sum, stotteintensitet: Ppm, mvaSats: Ppm): string {
  return `Rådgivning ${periode}: markedsverdi ${formatKroner(s.markedsverdi)} kr. Innovasjonsstøtte (GBER art. 28, via Siva-programmet) ${formatKroner(s.stotte)} kr (${formatProsent(stotteintensitet)}). Egenandel ${formatKroner(s.egenandel)} kr + mva ${formatProsent(mvaSats)} ${formatKroner(s.mva)} kr = å betale ${formatKroner(s.aBetale)} kr.`;
}

/** Legger timeraden til linjen for ansatt × aktivitet × pris hos målbedriften. */
function leggTilTimer(
  grupper: Map<string, Map<string, Fakturalinje>>,
  t: Timeregistrering,
  mb: Malbedrift,
  ansatt: Ansatt,
  p: FakturaParametre,
): void {
  const si = mb.stotteintensitet ?? p.standardStotteintensitet;
  const { pris, prisKilde } = velgPris(mb, ansatt, t.tjeneste, p);
  const aktivitet = t.tjeneste ?? t.aktivitet ?? 'Innovasjonsrådgivning';
  const nokkel = `${normaliserNavn(ansatt.navn)}|${normaliserNavn(aktivitet)}|${pris}`;
  let perMb = grupper.get(mb.orgnr);
  if (!perMb) {
    perMb = new Map();
    grupper.set(mb.orgnr, perMb);
  }
  const l = perMb.get(nokkel);
  if (l) {
    l.timer += t.timer;
    l.rader++;
    return;
  }
  const tom = { markedsverdi: 0, egenandel: 0, stotte: 0, mva: 0, aBetale: 0 };
  perMb.set(nokkel, {
    orgnr: mb.orgnr,
    ansatt: ansatt.navn,
    aktivitet,
    timer: t.timer,
    pris,
    prisKilde,
    stotteintensitet: si,
    rader: 1,
    ...tom,
  });
}

/** Én faktura per målbedrift (sortert på orgnr): linjene sortert, beløpene regnet per faktura og fordelt. */
function byggFakturaer(
  grupper: ReadonlyMap<string, Map<string, Fakturalinje>>,
  mbPerOrgnr: ReadonlyMap<string, Malbedrift>,
  p: FakturaParametre,
): { ut: Fakturagrunnlag[]; totalt: Sum } {
  const totalt = nullSum();
  const ut: Fakturagrunnlag[] = [];
  for (const orgnr of [...grupper.keys()].sort()) {
    const mb = mbPerOrgnr.get(orgnr)!;
    const si = mb.stotteintensitet ?? p.standardStotteintensitet;
    const linjer = [...grupper.get(orgnr)!.values()].sort(
      (a, b) =>
        a.ansatt.localeCompare(b.ansatt, 'nb') || a.aktivitet.localeCompare(b.aktivitet, 'nb') || a.pris - b.pris,
    );
    const s = nullSum();
    const mv = linjer.map((l) => mulDivRund(l.timer, l.pris, 100));
    const beregnet = beregnFakturalinjer(mv, si, p.mvaSats);
    linjer.forEach((l, i) => {
      Object.assign(l, beregnet.linjer[i]);
      leggTil(s, l);
    });
    leggTil(totalt, s);
    ut.push({
      ...s,
      orgnr,
      navn: mb.navn,
      avtalestart: mb.avtalestart,
      stotteintensitet: si,
      linjer,
      stotteEur: tilEurCent(s.stotte, p.eurNokKurs),
      fakturatekst: fakturatekst(p.periode, s, si, p.mvaSats),
    });
  }
  return { ut, totalt };
}

/**
 * Periodens timerader: administrasjon skilles ut (aldri fakturert, 10.4), kryssjekkene for faktura
 * (kontroll/kontroll.ts: ukjent ansatt og målbedrift, timer utenfor avtalen, doble linjer, over 24 timer) gir
 * alle feilene på én gang, og resten grupperes i linjer per målbedrift, ansatt, aktivitet og pris.
 * Rader med dato utenfor perioden hoppes over (leseren har normalt allerede filtrert dem bort).
 */
export function beregnFakturering(
  timer: readonly Timeregistrering[],
  ansatte: readonly Ansatt[],
  malbedrifter: readonly Malbedrift[],
  p: FakturaParametre,
): { fakturering: Fakturering; feil: Diagnostikk[] } {
  const iPerioden = timer.filter((t) => maanedAv(t.dato) === p.periode);
  const ds = kryssjekkTimer('faktura', iPerioden, { ansatte, malbedrifter, adminKoder: p.adminKoder });
  const ansattPerNavn = new Map(ansatte.map((a) => [normaliserNavn(a.navn), a]));
  const mbPerOrgnr = new Map(malbedrifter.map((m) => [m.orgnr, m]));
  const grupper = new Map<string, Map<string, Fakturalinje>>();
  let adminRader = 0;
  for (const t of iPerioden) {
    // 10.4: timer på administrasjon og gjennomføring dekkes av adm.-tilskuddet og faktureres aldri.
    if (erAdminKode(t.malbedrift, p.adminKoder)) {
      adminRader++;
      continue;
    }
    if (ds.length) continue; // ved feil grupperes ingenting; kryssjekkene har meldt alt
    // Kryssjekkene over har sikret at ansatt og målbedrift finnes.
    const ansatt = ansattPerNavn.get(normaliserNavn(t.ansatt))!;
    leggTilTimer(grupper, t, mbPerOrgnr.get(normaliserOrgnr(t.malbedrift))!, ansatt, p);
  }
  const { ut, totalt } = byggFakturaer(grupper, mbPerOrgnr, p);
  const fakturering = {
    periode: p.periode,
    fakturadato: p.fakturadato ?? sisteDag(p.periode),
    malbedrifter: ut,
    totalt,
    adminRader,
  };
  return { fakturering, feil: ds };
}

// Markedsprisen per time (rekkefølgen) står i pris.ts.
export * from './pris.js';
// Reglene som kan si nei (75 %, treårstaket, disponibelt) og SMB-advarslene står i faktura-regler.ts.
export * from './regler.js';

// Registerlinjene en fakturering gir, står i registerlinjer.ts.
export * from './registerlinjer.js';
