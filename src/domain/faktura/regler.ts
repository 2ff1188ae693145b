/**
 * nh faktura: reglene som kan si nei — støtteintensitet over 75 %, treårstaket på 200 000 EUR og disponibelt
 * innovasjonstilskudd — og advarslene om SMB-sjekken (programveileder 10.4, vedlegg 3 pkt. 2 og 4.1).
 * Ren modul.
 */
import { formatKroner, formatProsent, type Ore, type Ppm } from '../felles/penger.js';
import { formatDato, type Dato } from '../felles/dato.js';
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { stotteSisteTreAar, STOTTETAK_EUR_CENT, type StotteLinjeEur } from '../felles/stottetak.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import type { Fakturering } from './typer.js';

/** Definisjonene og vedlegg 3 pkt. 2: støtteintensiteten kan ikke overstige 75 % av markedsverdien. */
export const MAKS_STOTTEINTENSITET: Ppm = 750_000;

export type Avvisning = {
  kode: 'over-75-prosent' | 'over-treaarstak' | 'over-disponibelt';
  orgnr?: string;
  navn?: string;
  melding: string;
  tall: Record<string, number>;
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
  tidligereEur: number;
  denneEur: number;
  samletEur: number;
  gjenstaarEur: number;
};

/**
 * Vedlegg 3 pkt. 2 (GBER art. 28(4)): høyst 200 000 euro per målbedrift over en rullerende treårsperiode,
 * regnet med kursen lagret på hver registerlinje. `register` er registeret uten linjer for perioden.
 */
export function sjekkTreaarstak(
  f: Fakturering,
  register: readonly StotteLinjeEur[],
): { status: Treaarsstatus[]; avvisninger: Avvisning[] } {
  const status: Treaarsstatus[] = [];
  const avvisninger: Avvisning[] = [];
  for (const m of f.malbedrifter) {
    const tidligereEur = stotteSisteTreAar(register, m.orgnr, f.fakturadato);
    const samletEur = tidligereEur + m.stotteEur;
    status.push({
      orgnr: m.orgnr,
      tidligereEur,
      denneEur: m.stotteEur,
      samletEur,
      gjenstaarEur: STOTTETAK_EUR_CENT - samletEur,
    });
    if (samletEur > STOTTETAK_EUR_CENT) {
      avvisninger.push({
        kode: 'over-treaarstak',
        orgnr: m.orgnr,
        navn: m.navn,
        melding:
          `${m.navn} (${m.orgnr}): støtten ville bli ${formatKroner(samletEur)} EUR over tre år (til ${formatDato(f.fakturadato)}) — over taket på 200 000 EUR ` +
          `(vedlegg 3 pkt. 2, GBER art. 28(4)). Tidligere ${formatKroner(tidligereEur)} EUR + denne måneden ${formatKroner(m.stotteEur)} EUR ` +
          `(${formatKroner(m.stotte)} kr); over taket med ${formatKroner(samletEur - STOTTETAK_EUR_CENT)} EUR. Senk støtteintensiteten for målbedriften.`,
        tall: {
          tidligereEur: tidligereEur / 100,
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

export function sjekkDisponibelt(d: Disponibelt): Avvisning[] {
  if (d.gjenstaarEtter >= 0) return [];
  return [
    {
      kode: 'over-disponibelt',
      melding:
        `Kjøringen gir ${formatKroner(d.denneKjoringen)} kr i innovasjonsstøtte, men bare ${formatKroner(d.gjenstaarFor)} kr gjenstår av disponibelt ` +
        `innovasjonstilskudd for ${d.ar} (${formatKroner(d.tilskudd)} kr, brukt ${formatKroner(d.bruktFor)} kr). Over med ${formatKroner(-d.gjenstaarEtter)} kr ` +
        `(programveileder 10.4, vedlegg 3 pkt. 4.1). Registrer flere tilskudd i tilskudd (innovasjon/overfort) eller senk støtteintensiteten.`,
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

/** En SMB-sjekk i arbeidsmappen (`nh smb-sjekk`): datoen og dommen den ga (null = posten kunne ikke leses). */
export type SmbSjekkPost = { dato: Dato; dom: string | null };

/**
 * Vedlegg 3 pkt. 2: målbedriften skal være en SMB (og ikke i vanskeligheter) når den tas opp. Ser på den
 * siste SMB-sjekken datert på eller før avtalestart: ingen sjekk, eller en sjekk som ikke sa «KAN TAS OPP»,
 * gir en advarsel. En sjekk etter avtalestart dokumenterer ikke opptaket.
 */
export type SmbStatus = { status: 'ok' | 'mangler' | 'ikke-ok'; siste?: SmbSjekkPost; poster: SmbSjekkPost[] };

/** Vedlegg 3 pkt. 2: status for den siste SMB-sjekken datert på eller før avtalestart. */
export function smbSjekkStatus(
  m: { orgnr: string; avtalestart: Dato },
  sjekker: ReadonlyMap<string, readonly SmbSjekkPost[]>,
): SmbStatus {
  const poster = [...(sjekker.get(m.orgnr) ?? [])].sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0));
  const siste = poster.filter((p) => p.dato <= m.avtalestart).at(-1);
  if (!siste) return { status: 'mangler', poster };
  return { status: siste.dom === 'KAN TAS OPP' ? 'ok' : 'ikke-ok', siste, poster };
}

/** Kort tekst for SMB-statusen (faktura-arbeidsboken og --json), samme innhold som advarslene. */
export function smbStatusTekst(s: SmbStatus): string {
  if (s.status === 'ok') return `KAN TAS OPP (${formatDato(s.siste!.dato)})`;
  if (s.status === 'mangler') return 'Mangler SMB-sjekk før avtalestart';
  return `${s.siste!.dom === null ? 'Uleselig' : `«${s.siste!.dom}»`} (${formatDato(s.siste!.dato)})`;
}

export function smbSjekkAdvarsler(
  f: Fakturering,
  sjekker: ReadonlyMap<string, readonly SmbSjekkPost[]>,
  mappe = 'smb-sjekk',
): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  for (const m of f.malbedrifter) {
    const { poster, siste } = smbSjekkStatus(m, sjekker);
    if (!siste) {
      ds.push(
        advarsel(
          'mangler-smb-sjekk',
          `${m.navn} (${m.orgnr}) har ingen SMB-sjekk datert på eller før avtalestart ${formatDato(m.avtalestart)}${poster.length ? ` (bare ${poster.map((p) => formatDato(p.dato)).join(', ')})` : ''}. Vedlegg 3 pkt. 2: målbedriften skal være en SMB. Kjør «nh smb-sjekk».`,
          { fil: `${mappe}/${m.orgnr}-<dato>.json` },
        ),
      );
      continue;
    }
    if (siste.dom === 'KAN TAS OPP') continue;
    const hva = siste.dom === null ? 'kunne ikke leses' : `sa «${siste.dom}»`;
    ds.push(
      advarsel(
        'smb-sjekk-ikke-ok',
        `${m.navn} (${m.orgnr}): den siste SMB-sjekken før avtalestart ${formatDato(m.avtalestart)} (${formatDato(siste.dato)}) ${hva}. Vedlegg 3 pkt. 2: støtte kan bare gis til en SMB som ikke er i vanskeligheter — dokumenter vurderingen eller stans faktureringen av støtte.`,
        { fil: `${mappe}/${m.orgnr}-${siste.dato}.json` },
        { verdi: siste.dom ?? 'uleselig', forventet: 'KAN TAS OPP' },
      ),
    );
  }
  return ds;
}
