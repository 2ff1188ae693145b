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
  type Avvisning,
  type Disponibelt,
  type Treaarsstatus,
} from './regler.js';
import { formatDato, sisteDag } from '../felles/dato.js';
import type { AnnenStotte } from '../datasett/annenstotte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Timeregistrering } from '../datasett/timer.js';
import { manglerAnnenStotte, sjekkKumulering } from './annen-stotte.js';
import { finnIngenStotte, type IngenStotteOppsett } from './ingen-stotte.js';
import type { SmbPerFaktura, SmbSjekkPost } from './smb-kontroll.js';
import { kursAdvarsler, stotteregisteretAdvarsler } from './varsler.js';
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
  /** Issue 20 pkt. 1–3: SMB-sjekken på fakturadatoen (smb-kontroll.ts), med --godta-smb. */
  smb: SmbPerFaktura;
  /** Periodens timerader (styrearbeid og husleie, issue 20 pkt. 4–5). */
  timer: readonly Timeregistrering[];
  malbedrifter: readonly Malbedrift[];
  /** Støtte fra andre (annenstotte, issue 20 pkt. 7). */
  annen: readonly AnnenStotte[];
  ingenStotte: IngenStotteOppsett;
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

/**
 * Rekkefølgen her er rekkefølgen avvisningene og advarslene vises i. Hver faktura er en ny tildeling av støtte
 * (issue 20), så reglene om målbedriften, taket og kursen vurderes på fakturadatoen.
 */
export const FAKTURAREGLER: readonly FakturaRegel[] = [
  {
    navn: 'ingen støtte på styrearbeid og husleie (vedlegg 3 pkt. 2; definisjonen «Innovasjonsstøttetjenester»)',
    sjekk: (g) => ({ avvisninger: finnIngenStotte(g.timer, g.p.adminKoder, g.ingenStotte) }),
  },
  {
    navn: 'støtteintensitet ≤ 75 % (definisjonene, vedlegg 3 pkt. 2)',
    sjekk: (g) => ({ avvisninger: sjekkStotteintensitet(g.f) }),
  },
  {
    navn: 'SMB-sjekken på fakturadatoen, --godta-smb og ny sjekk (4.3, vedlegg 3 pkt. 2)',
    sjekk: (g) => ({ avvisninger: g.smb.avvisninger, advarsler: g.smb.advarsler }),
  },
  {
    navn: 'treårstaket 200 000 EUR med støtte fra andre (vedlegg 3 pkt. 2, GBER art. 28(4))',
    sjekk: (g) => g.treaar,
  },
  {
    navn: 'kumulering med støtte fra andre til de samme kostnadene (vedlegg 3 pkt. 2)',
    sjekk: (g) => ({
      avvisninger: sjekkKumulering(g.f.malbedrifter, g.ovrige, g.annen, g.f.fakturadato, g.p.eurNokKurs).avvisninger,
    }),
  },
  {
    navn: 'disponibelt innovasjonstilskudd (10.4, vedlegg 3 pkt. 4.1)',
    // Issue 19 pkt. 13: i januar foreslås overføringen fra i fjor (10.4) når året mangler rader i tilskudd.
    sjekk: (g) => ({ avvisninger: sjekkDisponibelt(g.disp, nyttAarForslag(g.disp.ar, g.tilskudd, g.ovrige)) }),
  },
  {
    navn: 'målbedrift merket hos andre uten støtte fra andre ført (issue 20 pkt. 7)',
    sjekk: (g) => ({ advarsler: manglerAnnenStotte(g.f.malbedrifter, g.malbedrifter, g.annen) }),
  },
  { navn: 'perioden er avsluttet', sjekk: (g) => ({ advarsler: periodeIkkeSlutt(g) }) },
  {
    navn: 'kursen er fra tildelingstidspunktet (vedlegg 3 pkt. 2; issue 20 pkt. 14)',
    sjekk: (g) => ({ advarsler: kursAdvarsler(g.p.kursdato, g.f.fakturadato) }),
  },
  {
    navn: 'grensen for Støtteregisteret, 100 000 EUR (GBER art. 9; issue 20 pkt. 19)',
    sjekk: (g) => ({ advarsler: stotteregisteretAdvarsler(g.f.malbedrifter, g.treaar.status) }),
  },
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
