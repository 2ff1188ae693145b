/** Inndataene til måltallene (programveileder 11.2): perioden, målbedriftene, støtte, tiltak og SRL. Rent domene. */
import type { Kilde } from '../felles/diagnostikk.js';
import { lagDato, overlapper, type Dato } from '../felles/dato.js';
import type { Ore } from '../felles/penger.js';
import type { Tiltakstype } from '../datasett/tiltak.js';
import type { Enhet, MaltallId } from './definisjoner.js';

// ————— Inndata (rene typer, uavhengig av fil) —————

export type Periode = { ar: number; fra: Dato; til: Dato; halvar: boolean };

/** Hele året, eller første halvår (1.1–30.6) for halvårsrapporteringen 30. juni (11.1). */
export function periodeFor(aar: number, halvar = false): Periode {
  return { ar: aar, fra: lagDato(aar, 1, 1), til: halvar ? lagDato(aar, 6, 30) : lagDato(aar, 12, 31), halvar };
}

export type MalbedriftGrunnlag = {
  orgnr: string;
  navn: string;
  avtalestart: Dato;
  avtaleslutt?: Dato | undefined;
  kvinneligGrunder?: boolean | undefined;
  kvinneligDagligLeder?: boolean | undefined;
  kvinneligStyreleder?: boolean | undefined;
  baerekraftSentralt?: boolean | undefined;
  taksonomiMiljomal?: readonly number[] | undefined;
  digitaliseringSentralt?: boolean | undefined;
  eksport?: boolean | undefined;
  internasjonaltMarked?: boolean | undefined;
  bistattVirkemidler?: boolean | undefined;
  radgivningFraAndre?: boolean | undefined;
  ogsaTattOppHosAndre?: boolean | undefined;
};

export type StotteGrunnlag = { orgnr: string; dato: Dato; stotte: Ore };
export type TiltakGrunnlag = {
  dato: Dato;
  type: Tiltakstype;
  /** 11.2: samme tiltak teller også under dette måltallet (der hjelpetekstene tillater det). */
  ogsa?: Tiltakstype | undefined;
  bedrift?: string | undefined;
  orgnr?: string | undefined;
  samarbeidspartner?: string | undefined;
  kilde?: Kilde;
};
export type SrlGrunnlag = { orgnr: string; ar: number; srl: number; dato?: Dato | undefined; kilde?: Kilde };

export type Grunnlag = {
  periode: Periode;
  malbedrifter: readonly MalbedriftGrunnlag[];
  stotte: readonly StotteGrunnlag[];
  tiltak: readonly TiltakGrunnlag[];
  srl: readonly SrlGrunnlag[];
};

export type Maaling = {
  id: MaltallId;
  enhet: Enhet;
  /** Antall, eller andel i ppm; null = kan ikke beregnes. */
  verdi: number | null;
  teller: number;
  /** Nevneren for andeler (null for antall). */
  nevner: number | null;
  /** Målbedriftene (orgnr) som teller med i telleren, for andeler og antall målbedrifter. */
  bedrifter?: string[];
  merknad?: string;
};

/** Programveileder 11.2: en målbedrift er med når avtalen gjelder «i hele eller deler av» perioden. */
export function erAktiv(
  m: Pick<MalbedriftGrunnlag, 'avtalestart' | 'avtaleslutt'>,
  p: Pick<Periode, 'fra' | 'til'>,
): boolean {
  return overlapper(m.avtalestart, m.avtaleslutt ?? null, p.fra, p.til);
}

/** Aktiv på en bestemt dag (11.2 «per 31.12»). */
export function aktivPaa(m: Pick<MalbedriftGrunnlag, 'avtalestart' | 'avtaleslutt'>, dag: Dato): boolean {
  return m.avtalestart <= dag && (m.avtaleslutt === undefined || m.avtaleslutt >= dag);
}

export function iPerioden(d: Dato, p: Pick<Periode, 'fra' | 'til'>): boolean {
  return d >= p.fra && d <= p.til;
}
