/**
 * nh faktura: reglene som kan si nei — støtteintensitet over 75 %, treårstaket på 200 000 EUR og disponibelt
 * innovasjonstilskudd (programveileder 10.4, vedlegg 3 pkt. 2 og 4.1). Resten av støttereglene per faktura
 * (issue 20) står i modulene regelliste.ts samler (smb-kontroll.ts, ingen-stotte.ts, annen-stotte.ts, varsler.ts).
 * Ren modul.
 */
import { formatKroner, formatProsent, type Ore, type Ppm } from '../felles/penger.js';
import { stotteSisteTreAar, STOTTETAK_EUR_CENT, type StotteLinjeEur } from '../felles/stottetak.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import { formatDato } from '../felles/dato.js';
import type { Fakturering } from './typer.js';
import type { KodeMedAlvor } from '../felles/feilkoder.js';

/** Definisjonene og vedlegg 3 pkt. 2: støtteintensiteten kan ikke overstige 75 % av markedsverdien. */
const MAKS_STOTTEINTENSITET: Ppm = 750_000;

/** En regel som sier nei (exit 1). En ny regel (regelliste.ts) får en kode med alvor «nei» i feilkoder.ts. */
export type Avvisning = {
  kode: KodeMedAlvor<'nei'>;
  orgnr?: string;
  navn?: string;
  melding: string;
  tall: Record<string, number>;
  /** Issue 19 pkt. 13: raden som kan legges til i tilskudd (over-disponibelt i et nytt år). */
  forslag?: string;
};

/** Definisjonen «Støtteintensitet» og vedlegg 3 pkt. 2: over 75 % avvises. */
export function sjekkStotteintensitet(f: Fakturering): Avvisning[] {
  return f.malbedrifter
    .filter((m) => m.stotteintensitet > MAKS_STOTTEINTENSITET)
    .map((m) => ({
      kode: 'over-75-prosent' as const,
      orgnr: m.orgnr,
      navn: m.navn,
      melding: `${m.navn} (${m.orgnr}): støtteintensitet ${formatProsent(m.stotteintensitet)} er over taket på 75 % av markedsverdien (programveileder, definisjoner; vedlegg 3 pkt. 2). Sett «stotteintensitet» i malbedrifter til høyst 75.`,
      tall: { stotteintensitet: m.stotteintensitet / 10_000, maks: 75 },
    }));
}

export type Treaarsstatus = {
  orgnr: string;
  /** Tidligere støtte i vinduet, medregnet støtte fra andre (annenstotte, issue 20 pkt. 7). */
  tidligereEur: number;
  /** Herav fra andre. */
  fraAndreEur: number;
  denneEur: number;
  samletEur: number;
  gjenstaarEur: number;
};

/**
 * Vedlegg 3 pkt. 2 (GBER art. 28(4)): høyst 200 000 euro per målbedrift over en rullerende treårsperiode,
 * regnet med kursen lagret på hver registerlinje. `register` er registeret uten linjer for perioden; `annen` er
 * støtte fra andre (annenstotte, issue 20 pkt. 7: taket gjelder «per målbedrift», ikke per næringshage).
 */
export function sjekkTreaarstak(
  f: Fakturering,
  register: readonly StotteLinjeEur[],
  annen: readonly StotteLinjeEur[] = [],
): { status: Treaarsstatus[]; avvisninger: Avvisning[] } {
  const status: Treaarsstatus[] = [];
  const avvisninger: Avvisning[] = [];
  for (const m of f.malbedrifter) {
    const fraAndreEur = stotteSisteTreAar(annen, m.orgnr, f.fakturadato);
    const tidligereEur = stotteSisteTreAar(register, m.orgnr, f.fakturadato) + fraAndreEur;
    const samletEur = tidligereEur + m.stotteEur;
    status.push({
      orgnr: m.orgnr,
      tidligereEur,
      fraAndreEur,
      denneEur: m.stotteEur,
      samletEur,
      gjenstaarEur: STOTTETAK_EUR_CENT - samletEur,
    });
    if (samletEur > STOTTETAK_EUR_CENT) {
      avvisninger.push({
        kode: 'over-treaarstak',
        orgnr: m.orgnr,
        navn: m.navn,
        melding: `${m.navn} (${m.orgnr}): støtten ville bli ${formatKroner(samletEur)} EUR over tre år (til ${formatDato(f.fakturadato)}) — over taket på 200 000 EUR (vedlegg 3 pkt. 2, GBER art. 28(4)). Tidligere ${formatKroner(tidligereEur)} EUR${fraAndreEur ? ` (herav ${formatKroner(fraAndreEur)} EUR fra andre, annenstotte)` : ''} + denne måneden ${formatKroner(m.stotteEur)} EUR (${formatKroner(m.stotte)} kr); over taket med ${formatKroner(samletEur - STOTTETAK_EUR_CENT)} EUR. Senk støtteintensiteten for målbedriften.`,
        tall: {
          tidligereEur: tidligereEur / 100,
          fraAndreEur: fraAndreEur / 100,
          denneEur: m.stotteEur / 100,
          samletEur: samletEur / 100,
          takEur: STOTTETAK_EUR_CENT / 100,
          overEur: (samletEur - STOTTETAK_EUR_CENT) / 100,
        },
      });
    }
  }
  return { status, avvisninger };
}

export type Disponibelt = {
  ar: number;
  tilskudd: Ore;
  bruktFor: Ore;
  denneKjoringen: Ore;
  gjenstaarFor: Ore;
  gjenstaarEtter: Ore;
};

/**
 * 10.4 / vedlegg 3 pkt. 4.1: samlet innovasjonsstøtte i året kan ikke overstige disponibelt
 * innovasjonstilskudd (art. 28 fra Siva, fylkeskommunen, andre + overførte ubrukte midler): tilskudd
 * av typen «innovasjon» og «overfort» for året. Brukt = registerlinjer med dato i året (uten perioden).
 */
export function beregnDisponibelt(
  aar: number,
  tilskudd: readonly Pick<Tilskudd, 'ar' | 'type' | 'belop'>[],
  register: readonly { dato: string; stotte: Ore }[],
  denneKjoringen: Ore,
): Disponibelt {
  let sumTilskudd = 0;
  for (const t of tilskudd)
    if (t.ar === aar && (t.type === 'innovasjon' || t.type === 'overfort')) sumTilskudd += t.belop;
  let bruktFor = 0;
  const prefiks = `${aar}-`;
  for (const r of register) if (r.dato.startsWith(prefiks)) bruktFor += r.stotte;
  return {
    ar: aar,
    tilskudd: sumTilskudd,
    bruktFor,
    denneKjoringen,
    gjenstaarFor: sumTilskudd - bruktFor,
    gjenstaarEtter: sumTilskudd - bruktFor - denneKjoringen,
  };
}

export function sjekkDisponibelt(d: Disponibelt, forslag: NyttAarForslag | null = null): Avvisning[] {
  if (d.gjenstaarEtter >= 0) return [];
  return [
    {
      kode: 'over-disponibelt',
      melding: `Kjøringen gir ${formatKroner(d.denneKjoringen)} kr i innovasjonsstøtte, men bare ${formatKroner(d.gjenstaarFor)} kr gjenstår av disponibelt innovasjonstilskudd for ${d.ar} (${formatKroner(d.tilskudd)} kr, brukt ${formatKroner(d.bruktFor)} kr). Over med ${formatKroner(-d.gjenstaarEtter)} kr (programveileder 10.4, vedlegg 3 pkt. 4.1). ${forslag ? forslag.tekst : 'Registrer flere tilskudd i tilskudd (innovasjon/overfort) eller senk støtteintensiteten.'}`,
      ...(forslag?.rad ? { forslag: forslag.rad } : {}),
      tall: {
        tilskudd: d.tilskudd / 100,
        bruktFor: d.bruktFor / 100,
        denneKjoringen: d.denneKjoringen / 100,
        gjenstaarFor: d.gjenstaarFor / 100,
        overMed: -d.gjenstaarEtter / 100,
      },
    },
  ];
}

/** Issue 19 pkt. 13: hva som mangler i tilskudd for et nytt år, i ord og (for overføringen) som en rad å lime inn. */
export type NyttAarForslag = { tekst: string; rad: string | null };

/**
 * Issue 19 pkt. 13 — januar uten blindvei. Programveileder 10.4: «Ubrukte midler fra årets tildeling blir overført
 * til neste år, og skal rapporteres på neste år.» Står det ingen «overfort»-rad for året i tilskudd, regnes fjorårets
 * ubrukte innovasjonstilskudd (innovasjon + overfort − støtte i registeret med dato i fjor) og foreslås som raden
 * administratoren skal legge til — i malens kolonner (År;Type;Giver;Beløp;Dato). Mangler årets tilsagn
 * (innovasjon), sies det også. null når året har begge, eller når det ikke er noe å foreslå.
 */
export function nyttAarForslag(
  aar: number,
  tilskudd: readonly Pick<Tilskudd, 'ar' | 'type' | 'belop'>[],
  register: readonly { dato: string; stotte: Ore }[],
): NyttAarForslag | null {
  const harType = (a: number, t: string) => tilskudd.some((x) => x.ar === a && x.type === t);
  const manglerTilsagn = !harType(aar, 'innovasjon');
  const tilsagnTekst = manglerTilsagn
    ? ` Legg også inn årets tilsagn når tilsagnsbrevet er kommet: en rad med År ${aar}, Type innovasjon og beløpet.`
    : '';
  if (harType(aar, 'overfort')) return manglerTilsagn ? { tekst: tilsagnTekst.trim(), rad: null } : null;
  const fjor = beregnDisponibelt(aar - 1, tilskudd, register, 0);
  if (fjor.tilskudd === 0 || fjor.gjenstaarFor <= 0)
    return manglerTilsagn ? { tekst: tilsagnTekst.trim(), rad: null } : null;
  const belop = formatKroner(fjor.gjenstaarFor);
  const giver = `Ubrukte innovasjonsmidler fra ${aar - 1}`;
  // Raden skal kunne limes inn i CSV eller Excel: beløpet uten tusenskille (hardt mellomrom blir tekst i Excel).
  const rad = `${aar};overfort;${giver};${belop.replace(/\s/g, '')};01.01.${aar}`;
  return {
    tekst: `Tilskudd har ingen overføring til ${aar}. Ubrukt innovasjonstilskudd for ${aar - 1} er ${belop} kr (${formatKroner(fjor.tilskudd)} kr disponibelt − ${formatKroner(fjor.bruktFor)} kr brukt), og ubrukte midler overføres til neste år (programveileder 10.4). Legg til denne raden i tilskudd: År ${aar}, Type overfort, Giver «${giver}», Beløp ${belop}, Dato 01.01.${aar} — i malens kolonner (År;Type;Giver;Beløp;Dato): «${rad}».${tilsagnTekst}`,
    rad,
  };
}

// SMB-sjekken per faktura (issue 20 pkt. 1–3) står i smb-kontroll.ts.
