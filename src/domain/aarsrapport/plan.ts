/**
 * nh årsrapport som ren plan (issue 22 pkt. 3: les → planlegg → spør → skriv). Kommandoen leser datasettene og
 * målfilen; her regnes alt rapporten skal inneholde — måltallene (11.2), aktive målbedrifter (11.1), støtte per
 * målbedrift og tilskuddsbalansen (10.4) — og advarslene, i samme rekkefølge som de vises. Ingen I/O.
 */
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { MaltallMaalRad } from '../datasett/maltall.js';
import type { SrlVurdering } from '../datasett/srl.js';
import type { Stottelinje } from '../datasett/stotteregister.js';
import type { Tiltak } from '../datasett/tiltak.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { formatDato, maanedAv, type Dato } from '../felles/dato.js';
import {
  beregnMaltall,
  kombiner,
  kontrollerAndel,
  periodeFor,
  tolkMaal,
  utelatteTiltak,
  type Maaling,
  type MaltallRad,
  type Periode,
} from '../maltall/maltall.js';
import {
  aktiveMalbedrifter,
  harFjoraarsdata,
  kontrollerAkkumulering,
  kontrollerMerforbruk,
  kontrollerOverforing,
  stottePerMalbedrift,
  tilskuddsbalanse,
  type AktivMalbedrift,
  type StottePerMalbedrift,
  type Stottesum,
  type Tilskuddsbalanse,
} from './aarsrapport.js';
import { aviStatus, kontrollerAviRegistrering, stotteTilAvi, type AviStatus, type AviStotte } from './avi.js';
import type { AviLogg } from '../kts/kts.js';
import { kontrollerUtviklingsplan } from '../kontroll/kontroll.js';

/** Det som er lest fra arbeidsmappen (datasettene årsrapporten bruker). */
export type Rapportdata = {
  malbedrifter: Malbedrift[];
  register: Stottelinje[];
  tiltak: Tiltak[];
  srl: SrlVurdering[];
  /** Timer (hundredeler) per orgnr i perioden, og månedene det finnes timer på målbedrifter. */
  timerPerOrgnr: Map<string, number>;
  timerMaaneder: Set<string>;
  tilskudd: Tilskudd[];
  /** AVI-loggen (avi/avi-logg.json) når `--år` leste den og den finnes, ellers null. */
  aviLogg: AviLogg | null;
  filer: Record<string, string | null>;
};

export type MaltallPlan = {
  maalinger: Maaling[];
  rader: MaltallRad[];
  /** Feil i målfilen (ukjent måltall, to ganger, ugyldig antall): da lages ingenting. */
  feil: Diagnostikk[];
  advarsler: Diagnostikk[];
};

/**
 * Måltallene for perioden (11.2) satt sammen med de egne målene. Advarslene: målene, datagrunnlaget og tiltak
 * hjelpetekstene utelukker (henvisning av egen målbedrift, samarbeid med Siva).
 */
export function planMaltall(
  data: Rapportdata,
  malRader: readonly MaltallMaalRad[],
  p: Periode,
  idag: Dato,
): MaltallPlan {
  const { mal, diagnostikk } = tolkMaal(
    malRader.map((r) => ({ id: r.id, mal: r.mal, kommentar: r.kommentar, kilde: r.kilde })),
  );
  const feil = diagnostikk.filter((d) => d.alvor === 'feil');
  if (feil.length) return { maalinger: [], rader: [], feil, advarsler: [] };
  const grunnlag = {
    periode: p,
    malbedrifter: data.malbedrifter,
    stotte: data.register,
    tiltak: data.tiltak,
    srl: data.srl,
  };
  const maalinger = beregnMaltall(grunnlag);
  return {
    maalinger,
    rader: kombiner(maalinger, mal),
    feil: [],
    advarsler: [...diagnostikk, ...dataAdvarsler(data, p, maanedAv(idag)), ...utelatteTiltak(grunnlag)],
  };
}

/** Advarsler om datagrunnlaget: støtteregisteret mangler måneder med timer, støtte uten avtale. */
function dataAdvarsler(d: Rapportdata, p: Periode, idagMaaned: string): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  const registerMaaneder = new Set(d.register.filter((r) => r.dato >= p.fra && r.dato <= p.til).map((r) => r.periode));
  const mangler = [...d.timerMaaneder].filter((m) => m < idagMaaned && !registerMaaneder.has(m)).sort();
  if (mangler.length) {
    ds.push(
      advarsel(
        'register-mangler-perioder',
        `Støtteregisteret har ingen linjer for ${mangler.join(', ')}, men timelistene har timer på målbedrifter da. Innovasjonsstøtten blir for lav til den er fakturert: kjør nh faktura --periode <åååå-mm> for periodene først.`,
        { fil: d.filer.stotteregister ?? 'stotteregister.csv' },
      ),
    );
  }
  const aktive = new Set(
    d.malbedrifter
      .filter((m) => m.avtalestart <= p.til && (m.avtaleslutt === undefined || m.avtaleslutt >= p.fra))
      .map((m) => m.orgnr),
  );
  const utenAvtale = new Set(
    d.register
      .filter((r) => r.dato >= p.fra && r.dato <= p.til && !aktive.has(r.orgnr))
      .map((r) => `${r.navn} (${r.orgnr})`),
  );
  for (const n of utenAvtale) {
    ds.push(
      advarsel(
        'stotte-uten-avtale',
        `Støtteregisteret har støtte i perioden til ${n}, som ikke har aktiv målbedriftsavtale i perioden i malbedrifter.`,
        { fil: d.filer.stotteregister ?? 'stotteregister.csv' },
      ),
    );
  }
  return ds;
}

export type AarsrapportPlan = {
  aar: number;
  halvar: boolean;
  p: Periode;
  periodetekst: string;
  /** «Foreløpig per dd.mm.åååå» før periodens slutt (issue 16 pkt. 5), ellers null. */
  forelopig: string | null;
  rader: MaltallRad[];
  aktive: AktivMalbedrift[];
  stotte: { rader: StottePerMalbedrift[]; sum: Stottesum };
  balanse: Tilskuddsbalanse;
  /** Merforbruket (10.4 / vedlegg 3 pkt. 4.1): én advarsel, eller tom. */
  merAdv: Diagnostikk[];
  /** 10.4 pkt. 1: det som kan rapporteres i AVI, per målbedrift. */
  avi: AviStotte;
  /** 11.1: registrert i AVI (per orgnr) etter AVI-loggen; null uten logg. */
  aviStatus: Map<string, AviStatus> | null;
  advarsler: Diagnostikk[];
};

/** Årsrapporten (--år, ev. --halvår) fra de leste dataene og måltallene for perioden. */
export function planAarsrapport(g: {
  aar: number;
  halvar: boolean;
  idag: Dato;
  data: Rapportdata;
  rader: MaltallRad[];
  /** AVI-loggens navn i meldingene. */
  loggFil: string;
}): AarsrapportPlan {
  const { aar, halvar, idag, data, rader } = g;
  const p = periodeFor(aar, halvar);
  const periodetekst = halvar ? `første halvår ${aar}` : String(aar);
  // Issue 16 pkt. 5 / 11.1: før periodens slutt er tallene foreløpige — merket i selve filen, ikke bare på skjermen.
  const forelopig = idag <= p.til ? `Foreløpig per ${formatDato(idag)}` : null;
  const ds: Diagnostikk[] = [];
  const innov = rader.find((r) => r.def.id === 'andelInnovasjonsstotte')!;
  ds.push(...kontrollerAndel(innov.def, innov.maaling.verdi, `resultatet (${periodetekst})`));

  const aktive = aktiveMalbedrifter(data.malbedrifter, p, data.timerPerOrgnr);
  const stotte = stottePerMalbedrift(data.register, p, data.malbedrifter);
  const balanse = tilskuddsbalanse(aar, p.til, data.tilskudd, stotte.sum.stotte);
  // 10.4: kontroll av overføringen fra fjoråret (når arbeidsmappen har fjorårets tall).
  const fjor = periodeFor(aar - 1);
  const fjorLinjer = data.register.filter((r) => r.dato >= fjor.fra && r.dato <= fjor.til);
  const bruktIFjor = fjorLinjer.reduce((s, r) => s + r.stotte, 0);
  const harFjor = harFjoraarsdata(aar, data.tilskudd, fjorLinjer.length);
  ds.push(...kontrollerOverforing(aar, data.tilskudd, bruktIFjor, harFjor, data.filer.tilskudd ?? 'tilskudd.csv'));
  // 11.1: årsrapporten lages normalt etter årsskiftet (15. januar); før periodens slutt er tallene foreløpige.
  if (idag <= p.til) {
    ds.push(
      advarsel(
        'periode-ikke-over',
        `Perioden (${formatDato(p.fra)}–${formatDato(p.til)}) er ikke over (i dag ${formatDato(idag)}): resultatet, støtten og balansen er foreløpige.`,
      ),
    );
  }
  // 10.4 / vedlegg 3 pkt. 4.1: merforbruk stopper ikke rapporten (15.1-fristen), men vises tydelig overalt.
  const merAdv = kontrollerMerforbruk(balanse);
  ds.push(...merAdv);
  // 10.4: ubrukte midler som vokser fra år til år (bare ved årets slutt; halvåret har ingen overføring).
  if (!halvar) ds.push(...kontrollerAkkumulering(balanse, forelopig !== null));
  // 11.1 (31. desember / 30. juni): aktive målbedrifter som ikke står i noen AVI-opplasting.
  const status = aviStatus(aktive, data.aviLogg);
  ds.push(...kontrollerAviRegistrering(aktive, status, { aar, halvar, loggFil: g.loggFil }));
  // 8.2: en målbedrift «skal ha en utviklingsplan basert på reelle behov».
  const aktiveOrgnr = new Set(aktive.map((m) => m.orgnr));
  ds.push(...kontrollerUtviklingsplan(data.malbedrifter.filter((m) => aktiveOrgnr.has(m.orgnr))));
  const avi = stotteTilAvi(stotte.rader, balanse);
  return {
    aar,
    halvar,
    p,
    periodetekst,
    forelopig,
    rader,
    aktive,
    stotte,
    balanse,
    merAdv,
    avi,
    aviStatus: status,
    advarsler: ds,
  };
}

/**
 * --maltall: grunnlaget for andelen med innovasjonsstøtte under Sivas minimum (11.2), og måltall uten eget mål i
 * målfilen.
 */
export function kontrollerMaltallGrunnlag(
  rader: readonly MaltallRad[],
  malFil: string | null,
  grunnlagsaar: number,
): Diagnostikk[] {
  const innov = rader.find((r) => r.def.id === 'andelInnovasjonsstotte')!;
  const ds = kontrollerAndel(innov.def, innov.maaling.verdi, `grunnlaget (${grunnlagsaar})`);
  const utenMal = rader.filter((r) => r.mal === null).length;
  if (malFil && utenMal) {
    ds.push(
      advarsel(
        'maltall-uten-mal',
        `${utenMal} av ${rader.length} måltall har ikke eget mål i ${malFil}; fyll inn «Mål» eller bruk grunnlaget.`,
        { fil: malFil, kolonne: 'mal' },
      ),
    );
  }
  return ds;
}
