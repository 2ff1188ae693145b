/**
 * Reglene en faktureringskjøring sjekkes mot, som én ordnet liste. Hver regel ser på regelgrunnlaget (periodens
 * fakturaer, registeret utenom perioden, tilskudd, SMB-sjekker, treårsstatus og disponibelt) og gir avvisninger
 * (exit 1, ingenting skrives) og advarsler. En ny regel (f.eks. SMB-status på fakturadatoen, styrearbeid,
 * husleie, annen støtte i taket) legges til i FAKTURAREGLER — planen (kjoringsplan.ts) kjører listen. Ren modul.
 */
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import type { Dato } from '../felles/dato.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import {
  nyttAarForslag,
  sjekkDisponibelt,
  sjekkStotteintensitet,
  smbSjekkAdvarsler,
  type Avvisning,
  type Disponibelt,
  type SmbSjekkPost,
  type Treaarsstatus,
} from './regler.js';
import { formatDato, sisteDag } from '../felles/dato.js';
import type { FakturaParametre, Fakturering, RegisterlinjeData } from './typer.js';

export type Regelgrunnlag = {
  f: Fakturering;
  p: FakturaParametre;
  idag: Dato;
  /** Registeret uten linjene for perioden (reglene ser perioden slik den blir etter kjøringen). */
  ovrige: readonly RegisterlinjeData[];
  tilskudd: readonly Tilskudd[];
  smbSjekker: ReadonlyMap<string, readonly SmbSjekkPost[]>;
  treaar: { status: Treaarsstatus[]; avvisninger: Avvisning[] };
  disp: Disponibelt;
};

export type Regelutfall = { avvisninger: Avvisning[]; advarsler: Diagnostikk[] };

export type FakturaRegel = {
  /** Hva regelen sjekker, med kilden (programveilederens punkt). */
  navn: string;
  sjekk: (g: Regelgrunnlag) => Partial<Regelutfall>;
};

/** En periode som ikke er avsluttet, kan få timer senere i måneden som da ikke kommer med. */
function periodeIkkeSlutt(g: Regelgrunnlag): Diagnostikk[] {
  if (sisteDag(g.f.periode) <= g.idag) return [];
  const melding = `Perioden ${g.f.periode} er ikke avsluttet (i dag er ${formatDato(g.idag)}); timer som føres senere i måneden kommer ikke med.`;
  return [advarsel('periode-ikke-slutt', melding)];
}

/** Vedlegg 3 pkt. 2: støtten regnes om til EUR med kursen på tildelingstidspunktet. */
function kursEtterPeriode(g: Regelgrunnlag): Diagnostikk[] {
  if (g.p.kursdato <= sisteDag(g.f.periode)) return [];
  const melding = `EUR/NOK-kursen i nh.json er datert ${formatDato(g.p.kursdato)}, etter perioden ${g.f.periode}. Vedlegg 3 pkt. 2: bruk kursen på tildelingstidspunktet.`;
  return [advarsel('kurs-etter-periode', melding, { fil: 'nh.json', kolonne: 'eurNok.dato' })];
}

/** Rekkefølgen her er rekkefølgen avvisningene og advarslene vises i. */
export const FAKTURAREGLER: readonly FakturaRegel[] = [
  {
    navn: 'støtteintensitet ≤ 75 % (definisjonene, vedlegg 3 pkt. 2)',
    sjekk: (g) => ({ avvisninger: sjekkStotteintensitet(g.f) }),
  },
  { navn: 'treårstaket 200 000 EUR (vedlegg 3 pkt. 2, GBER art. 28(4))', sjekk: (g) => g.treaar },
  {
    navn: 'disponibelt innovasjonstilskudd (10.4, vedlegg 3 pkt. 4.1)',
    // Issue 19 pkt. 13: i januar foreslås overføringen fra i fjor (10.4) når året mangler rader i tilskudd.
    sjekk: (g) => ({ avvisninger: sjekkDisponibelt(g.disp, nyttAarForslag(g.disp.ar, g.tilskudd, g.ovrige)) }),
  },
  {
    navn: 'SMB-sjekk før avtalestart (vedlegg 3 pkt. 2)',
    sjekk: (g) => ({ advarsler: smbSjekkAdvarsler(g.f, g.smbSjekker) }),
  },
  { navn: 'perioden er avsluttet', sjekk: (g) => ({ advarsler: periodeIkkeSlutt(g) }) },
  { navn: 'kursen er fra før perioden (vedlegg 3 pkt. 2)', sjekk: (g) => ({ advarsler: kursEtterPeriode(g) }) },
];

/** Kjører reglene i rekkefølge og samler avvisninger og advarsler. */
export function kjorRegler(g: Regelgrunnlag, regler: readonly FakturaRegel[] = FAKTURAREGLER): Regelutfall {
  const ut: Regelutfall = { avvisninger: [], advarsler: [] };
  for (const r of regler) {
    const u = r.sjekk(g);
    ut.avvisninger.push(...(u.avvisninger ?? []));
    ut.advarsler.push(...(u.advarsler ?? []));
  }
  return ut;
}
