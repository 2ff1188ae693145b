/**
 * Årsrapporteringen etter programveileder 11.1 og 10.4:
 *  - 31. desember: alle målbedrifter som er/har vært aktive i året skal være registrert i AVI;
 *    30. juni: aktive målbedrifter første halvår (halvårsrapporteringen).
 *  - 15. januar: støtte per målbedrift for fjoråret (innovasjonsstøtte, markedsverdi, egenandel)
 *    fra støtteregisteret, som er den eneste kilden for gitt støtte.
 *  - 10.4: ubenyttede innovasjonsmidler står som «kortsiktig gjeld» ved årets slutt og overføres til
 *    neste år; det er ikke lov å rapportere mer brukt innovasjonsstøtte enn disponibelt
 *    innovasjonstilskudd (art. 28 fra Siva, fylkeskommunen, andre, og overført fra tidligere år).
 *    Merforbruk er forutsett i vedlegg 3 pkt. 4.1 (kompenseres ikke neste år): rapporten skrives og viser det.
 */
import { advarsel, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import type { Dato } from '../felles/dato.js';
import { erAktiv, type MalbedriftGrunnlag, type Periode } from '../maltall/maltall.js';
import { formatKroner, type Ore } from '../felles/penger.js';
import type { Tilskuddstype } from '../datasett/tilskudd.js';

export type AktivMalbedrift = {
  orgnr: string;
  navn: string;
  avtalestart: Dato;
  avtaleslutt: Dato | null;
  /** Første og siste dag avtalen gjelder innenfor perioden. */
  aktivFra: Dato;
  aktivTil: Dato;
  /** Tatt opp (avtalestart) i perioden. */
  ny: boolean;
  /** Avtalen slutter i perioden. */
  avsluttet: boolean;
  /** Timer (hundredeler) på målbedriften i perioden fra timelistene. */
  timer: number;
};

/**
 * Programveileder 11.1: målbedrifter som «er/har vært aktive i løpet av året» — avtalen overlapper
 * perioden, også når den bare gjelder en del av den. Sortert på navn.
 */
export function aktiveMalbedrifter(
  mb: readonly MalbedriftGrunnlag[],
  p: Periode,
  timerPerOrgnr: ReadonlyMap<string, number> = new Map(),
): AktivMalbedrift[] {
  return mb
    .filter((m) => erAktiv(m, p))
    .map((m) => {
      const slutt = m.avtaleslutt ?? null;
      return {
        orgnr: m.orgnr,
        navn: m.navn,
        avtalestart: m.avtalestart,
        avtaleslutt: slutt,
        aktivFra: m.avtalestart > p.fra ? m.avtalestart : p.fra,
        aktivTil: slutt !== null && slutt < p.til ? slutt : p.til,
        ny: m.avtalestart >= p.fra && m.avtalestart <= p.til,
        avsluttet: slutt !== null && slutt >= p.fra && slutt <= p.til,
        timer: timerPerOrgnr.get(m.orgnr) ?? 0,
      };
    })
    .sort((a, b) => a.navn.localeCompare(b.navn, 'nb') || a.orgnr.localeCompare(b.orgnr));
}

export type Registerpost = {
  orgnr: string;
  navn: string;
  dato: Dato;
  markedsverdi: Ore;
  egenandel: Ore;
  stotte: Ore;
  kilde?: Kilde;
};

export type StottePerMalbedrift = {
  orgnr: string;
  navn: string;
  markedsverdi: Ore;
  egenandel: Ore;
  stotte: Ore;
  linjer: number;
  /** Målbedriften har avtale i perioden (ellers en advarsel: støtte uten aktiv avtale). */
  aktiv: boolean;
};

export type Stottesum = { markedsverdi: Ore; egenandel: Ore; stotte: Ore; linjer: number };

/**
 * Programveileder 11.1 (15. januar) og 10.4: innovasjonsstøtte, markedsverdi og egenandel per
 * målbedrift i perioden, summert fra støtteregisterets linjer (dato i perioden). Totalen er summen av
 * linjene, til øret. Målbedrifter i registeret uten aktiv avtale tas med og merkes.
 */
export function stottePerMalbedrift(
  register: readonly Registerpost[],
  p: Periode,
  mb: readonly MalbedriftGrunnlag[],
): { rader: StottePerMalbedrift[]; sum: Stottesum } {
  const mbEtterOrgnr = new Map(mb.map((m) => [m.orgnr, m]));
  const per = new Map<string, StottePerMalbedrift>();
  const sum: Stottesum = { markedsverdi: 0, egenandel: 0, stotte: 0, linjer: 0 };
  for (const r of register) {
    if (r.dato < p.fra || r.dato > p.til) continue;
    let rad = per.get(r.orgnr);
    if (!rad) {
      const m = mbEtterOrgnr.get(r.orgnr);
      rad = {
        orgnr: r.orgnr,
        navn: m?.navn ?? r.navn,
        markedsverdi: 0,
        egenandel: 0,
        stotte: 0,
        linjer: 0,
        aktiv: m ? erAktiv(m, p) : false,
      };
      per.set(r.orgnr, rad);
    }
    rad.markedsverdi += r.markedsverdi;
    rad.egenandel += r.egenandel;
    rad.stotte += r.stotte;
    rad.linjer += 1;
    sum.markedsverdi += r.markedsverdi;
    sum.egenandel += r.egenandel;
    sum.stotte += r.stotte;
    sum.linjer += 1;
  }
  const rader = [...per.values()].sort((a, b) => a.navn.localeCompare(b.navn, 'nb') || a.orgnr.localeCompare(b.orgnr));
  return { rader, sum };
}

export type TilskuddPost = { ar: number; type: Tilskuddstype; belop: Ore; kilde?: Kilde };

export type Tilskuddsbalanse = {
  ar: number;
  /** Til og med denne datoen er brukt regnet (31.12, eller 30.06 for halvår). */
  til: Dato;
  /** Ubrukte innovasjonsmidler overført fra tidligere år (tilskudd type «overfort»). */
  overfort: Ore;
  /** Innovasjonstilskudd (art. 28) innvilget for året (tilskudd type «innovasjon»). */
  innvilget: Ore;
  disponibelt: Ore;
  /** Innovasjonsstøtte gitt i perioden (støtteregisteret). */
  brukt: Ore;
  /**
   * MAKS(0; disponibelt − brukt): kortsiktig gjeld ved årets slutt, overføres til neste år. Aldri negativ
   * (10.4, vedlegg 3 pkt. 4.1): et merforbruk er ikke «negative ubrukte midler», men står for seg (`merforbruk`).
   */
  ubrukt: Ore;
  /** MAKS(0; brukt − disponibelt): kompenseres ikke på neste års tildeling (vedlegg 3 pkt. 4.1). */
  merforbruk: Ore;
};

/**
 * Programveileder 10.4: overført + innvilget − brukt = ubrukt (kortsiktig gjeld, overføres til neste år) — men
 * aldri under 0: «Ved årets slutt skal ubenyttede midler framkomme i balansen under posten kortsiktig gjeld», og
 * brukt utover disponibelt er et merforbruk som dekkes av næringshagen selv (vedlegg 3 pkt. 4.1), ikke en negativ
 * gjeld til Siva. Merforbruket står i et eget felt.
 */
export function tilskuddsbalanse(
  aar: number,
  til: Dato,
  tilskudd: readonly TilskuddPost[],
  brukt: Ore,
): Tilskuddsbalanse {
  let overfort = 0;
  let innvilget = 0;
  for (const t of tilskudd) {
    if (t.ar !== aar) continue;
    if (t.type === 'overfort') overfort += t.belop;
    else if (t.type === 'innovasjon') innvilget += t.belop;
  }
  const disponibelt = overfort + innvilget;
  return {
    ar: aar,
    til,
    overfort,
    innvilget,
    disponibelt,
    brukt,
    ubrukt: Math.max(0, disponibelt - brukt),
    merforbruk: Math.max(0, brukt - disponibelt),
  };
}

/**
 * Programveileder 10.4: «Det er ikke anledning til å rapportere inn bruk av mer innovasjonsstøtte på
 * målbedriftene enn disponibelt innovasjonstilskudd», og vedlegg 3 pkt. 4.1: «Dersom programselskapet
 * bruker mer innovasjonsstøtte … enn disponibelt innovasjonstilskudd …, vil ikke merforbruket kompenseres
 * på neste års tildeling». Merforbruk er altså forutsett: årsrapporten skrives likevel (31.12/15.1-fristen
 * skal ikke blokkeres), med merforbruket tydelig vist. Støtteregisteret er gitt støtte og rettes ikke.
 * Gir én advarsel med tallene (tom liste når alt er innenfor).
 */
export function kontrollerMerforbruk(b: Tilskuddsbalanse): Diagnostikk[] {
  const over = b.merforbruk;
  if (over === 0) return [];
  return [
    advarsel(
      'merforbruk',
      `MERFORBRUK: brukt innovasjonsstøtte ${formatKroner(b.brukt)} kr i ${b.ar} er ${formatKroner(over)} kr mer enn disponibelt innovasjonstilskudd ${formatKroner(b.disponibelt)} kr (overført ${formatKroner(b.overfort)} kr + innvilget ${formatKroner(b.innvilget)} kr). I AVI kan det ikke rapporteres mer brukt enn disponibelt (programveileder 10.4): høyst ${formatKroner(Math.max(0, b.disponibelt))} kr rapporteres, og merforbruket tas ut forholdsmessig per målbedrift (se «Rapporteres i AVI»); det kompenseres ikke på neste års tildeling (vedlegg 3 pkt. 4.1): det dekkes av næringshagen selv. Støtteregisteret viser støtte som er gitt og skal ikke endres. Mangler et tilsagn i tilskudd (innovasjon/overfort), registrer det der.`,
      undefined,
      { verdi: `${formatKroner(b.brukt)} kr`, forventet: `høyst ${formatKroner(b.disponibelt)} kr` },
    ),
  ];
}

/**
 * Programveileder 10.4 (og vedlegg 3 pkt. 4.1): «Dersom et programselskap akkumulerer ubrukt
 * innovasjonsstøtte, kan Siva kreve at midler skal tilbakebetales, eller at det akkumulerte ubrukte
 * tilskuddet brukes før eventuell ny tildeling skjer.» Advarsel når det som overføres til neste år (ubrukt ved
 * årets slutt) er større enn det som ble overført inn i året — de ubrukte midlene vokser.
 */
export function kontrollerAkkumulering(b: Tilskuddsbalanse, forelopig = false): Diagnostikk[] {
  if (b.ubrukt <= 0 || b.ubrukt <= b.overfort) return [];
  return [
    advarsel(
      'ubrukt-vokser',
      `${forelopig ? 'Foreløpig (året er ikke over): ' : ''}Ubrukte innovasjonsmidler vokser: ${formatKroner(b.overfort)} kr ble overført inn i ${b.ar}, og ${formatKroner(b.ubrukt)} kr (${formatKroner(b.disponibelt)} − ${formatKroner(b.brukt)}) overføres til ${b.ar + 1}, ${formatKroner(b.ubrukt - b.overfort)} kr mer. Siva kan kreve akkumulerte ubrukte midler tilbakebetalt eller brukt før ny tildeling (programveileder 10.4).`,
      undefined,
      {
        verdi: `${formatKroner(b.ubrukt)} kr`,
        forventet: `høyst ${formatKroner(b.overfort)} kr (det som ble overført inn)`,
      },
    ),
  ];
}

/**
 * Arbeidsmappen har tall for fjoråret når både innovasjonstilskuddet (innovasjon/overfort) og
 * støtteregisteret har noe for fjoråret. Mangler ett av dem (f.eks. nh tatt i bruk i år, med bare
 * desemberfakturaen fra i fjor i registeret), kan fjorårets ubrukte midler ikke regnes ut.
 */
export function harFjoraarsdata(aar: number, tilskudd: readonly TilskuddPost[], registerlinjerIFjor: number): boolean {
  return (
    registerlinjerIFjor > 0 &&
    tilskudd.some((t) => t.ar === aar - 1 && (t.type === 'innovasjon' || t.type === 'overfort'))
  );
}

/**
 * Kontroll av overføringen (10.4: «Ubrukte midler fra årets tildeling blir overført til neste år»):
 * når arbeidsmappen har tall for fjoråret (harFjoraarsdata), skal «overfort» i år være lik fjorårets
 * ubrukte midler. `fil` er tilskuddsfilen som ble lest (pekeren går til overføringsraden når den finnes).
 */
export function kontrollerOverforing(
  aar: number,
  tilskudd: readonly TilskuddPost[],
  bruktIFjor: Ore,
  harFjoraarsdata: boolean,
  fil = 'tilskudd.csv',
): Diagnostikk[] {
  if (!harFjoraarsdata) return [];
  const fjor = tilskuddsbalanse(aar - 1, `${aar - 1}-12-31` as Dato, tilskudd, bruktIFjor);
  const iAar = tilskuddsbalanse(aar, `${aar}-12-31` as Dato, tilskudd, 0);
  const forventet = fjor.ubrukt;
  if (iAar.overfort === forventet) return [];
  return [
    advarsel(
      'overforing-avviker',
      `Overført fra ${aar - 1} i tilskudd (${formatKroner(iAar.overfort)} kr) er ikke lik ubrukte innovasjonsmidler ved utgangen av ${aar - 1} ` +
        (fjor.merforbruk > 0
          ? `(${formatKroner(fjor.disponibelt)} − ${formatKroner(fjor.brukt)} er under 0: ingen ubrukte midler, merforbruk ${formatKroner(fjor.merforbruk)} kr) (programveileder 10.4).`
          : `(${formatKroner(fjor.disponibelt)} − ${formatKroner(fjor.brukt)} = ${formatKroner(fjor.ubrukt)} kr) (programveileder 10.4).`),
      { ...(tilskudd.find((t) => t.ar === aar && t.type === 'overfort')?.kilde ?? { fil }), kolonne: 'belop' },
      { verdi: formatKroner(iAar.overfort), forventet: `${formatKroner(forventet)} kr` },
    ),
  ];
}
