/**
 * Støtte fra andre (issue 20 pkt. 7; datasettet annenstotte):
 *
 * - Treårstaket (vedlegg 3 pkt. 2 «per målbedrift», GBER art. 28 nr. 4 «per foretak»): linjene regnes med i
 *   sjekkTreaarstak (regler.ts) via `annenStotteSomLinjer` (felles/stottetak.ts).
 * - Kumulering (vedlegg 3 pkt. 2: «Annen offentlig støtte kan benyttes til å dekke de samme støtteberettigede
 *   kostnadene, men bare inntil det maksimale tillatte støttenivå»): når en målbedrift har støtte fra andre til
 *   de samme kostnadene, skal næringshagens støtte + den andre støtten i treårsvinduet være høyst 75 % av
 *   markedsverdien av næringshagens tjenester i vinduet. Valg (docs/faktura.md): summert over vinduet, fordi
 *   slik støtte gjerne gis som ett beløp (et tilsagn) og ikke per måned.
 * - En målbedrift merket «også tatt opp hos andre» eller «rådgivning fra andre» uten rader i annenstotte gir en
 *   advarsel: taket kan da bare regnes med denne næringshagens støtte.
 * Ren modul.
 */
import { formatDato, type Dato } from '../felles/dato.js';
import { advarsel, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { formatKroner, formatProsent, mulDivRund, PPM, type Ore, type Ppm } from '../felles/penger.js';
import { vinduStart } from '../felles/stottetak.js';
import type { AnnenStotte } from '../datasett/annenstotte.js';
import type { Avvisning } from './regler.js';

/** Siva: høyst 75 % (definisjonen «Støtteintensitet», vedlegg 3 pkt. 2). */
const MAKS: Ppm = 750_000;

export type Kumulering = {
  orgnr: string;
  markedsverdi: Ore;
  vaarStotte: Ore;
  annenStotte: Ore;
  /** (vår + annen) / markedsverdi i ppm. */
  intensitet: Ppm;
};

const iVinduet = (dato: string, til: Dato) => dato > vinduStart(til) && dato <= til;

/** Annen støtte i kroner: kronebeløpet, eller euro omregnet med kursen (×10 000) halv opp. */
function annenStotteNok(r: Pick<AnnenStotte, 'belop' | 'belopEur'>, kurs: number): Ore {
  return r.belop ?? mulDivRund(r.belopEur ?? 0, kurs, 10_000);
}

export function sjekkKumulering(
  fakturaer: readonly { orgnr: string; navn: string; markedsverdi: Ore; stotte: Ore }[],
  register: readonly { orgnr: string; dato: string; markedsverdi: Ore; stotte: Ore }[],
  annen: readonly AnnenStotte[],
  fakturadato: Dato,
  kurs: number,
): { status: Kumulering[]; avvisninger: Avvisning[] } {
  const status: Kumulering[] = [];
  const avvisninger: Avvisning[] = [];
  for (const m of fakturaer) {
    const samme = annen.filter((a) => a.orgnr === m.orgnr && a.sammeKostnader && iVinduet(a.dato, fakturadato));
    if (!samme.length) continue;
    const egne = register.filter((r) => r.orgnr === m.orgnr && iVinduet(r.dato, fakturadato));
    const markedsverdi = egne.reduce((s, r) => s + r.markedsverdi, m.markedsverdi);
    const vaarStotte = egne.reduce((s, r) => s + r.stotte, m.stotte);
    const annenStotte = samme.reduce((s, a) => s + annenStotteNok(a, kurs), 0);
    const intensitet = markedsverdi > 0 ? mulDivRund(vaarStotte + annenStotte, PPM, markedsverdi) : PPM;
    status.push({ orgnr: m.orgnr, markedsverdi, vaarStotte, annenStotte, intensitet });
    // Eksakt i heltall: (vår + annen) / markedsverdi > 75 %  ⇔  (vår + annen) × PPM > 75 % × markedsverdi.
    if (BigInt(vaarStotte + annenStotte) * BigInt(PPM) <= BigInt(MAKS) * BigInt(markedsverdi)) continue;
    avvisninger.push({
      kode: 'kumulering-over-intensitet',
      orgnr: m.orgnr,
      navn: m.navn,
      melding: `${m.navn} (${m.orgnr}): næringshagens støtte ${formatKroner(vaarStotte)} kr + støtte fra andre til de samme kostnadene ${formatKroner(annenStotte)} kr (annenstotte: ${samme.map((a) => `${a.giver} ${formatDato(a.dato)}`).join(', ')}) er ${formatProsent(intensitet)} av markedsverdien ${formatKroner(markedsverdi)} kr i treårsvinduet til ${formatDato(fakturadato)} — over 75 %. Vedlegg 3 pkt. 2: annen offentlig støtte til de samme kostnadene bare «inntil det maksimale tillatte støttenivå». Senk støtteintensiteten for målbedriften.`,
      tall: {
        markedsverdi: markedsverdi / 100,
        vaarStotte: vaarStotte / 100,
        annenStotte: annenStotte / 100,
        intensitet: intensitet / 10_000,
        maks: 75,
      },
    });
  }
  return { status, avvisninger };
}

/** Merket «også tatt opp hos andre»/«rådgivning fra andre», men ingen rad i annenstotte: advarsel. */
export function manglerAnnenStotte(
  fakturaer: readonly { orgnr: string; navn: string }[],
  malbedrifter: readonly {
    orgnr: string;
    ogsaTattOppHosAndre?: boolean | undefined;
    radgivningFraAndre?: boolean | undefined;
    kilde?: Kilde;
  }[],
  annen: readonly Pick<AnnenStotte, 'orgnr'>[],
): Diagnostikk[] {
  const merket = new Map(malbedrifter.map((m) => [m.orgnr, m]));
  const harAnnen = new Set(annen.map((a) => a.orgnr));
  const ds: Diagnostikk[] = [];
  for (const f of fakturaer) {
    const m = merket.get(f.orgnr);
    if (!m || harAnnen.has(f.orgnr)) continue;
    const hva = [
      m.ogsaTattOppHosAndre ? '«også tatt opp hos andre»' : '',
      m.radgivningFraAndre ? '«rådgivning fra andre»' : '',
    ]
      .filter(Boolean)
      .join(' og ');
    if (!hva) continue;
    ds.push(
      advarsel(
        'mangler-annen-stotte',
        `${f.navn} (${f.orgnr}) er merket ${hva} i malbedrifter, men annenstotte har ingen støtte fra andre for den. Treårstaket gjelder per målbedrift (vedlegg 3 pkt. 2, GBER art. 28 nr. 4) og regnes nå bare med denne næringshagens støtte: før støtten fra den andre operatøren i annenstotte.csv.`,
        {
          fil: 'malbedrifter',
          ...m.kilde,
          kolonne: m.ogsaTattOppHosAndre ? 'ogsaTattOppHosAndre' : 'radgivningFraAndre',
        },
      ),
    );
  }
  return ds;
}
