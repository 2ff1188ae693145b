/**
 * Diagnostikk med sted: hver feil og advarsel sier fil, ark, rad og kolonne, verdien og hva som var ventet.
 * Domenet kaster aldri råe Error for brukerfeil; det samler Diagnostikk og kaster InndataFeil én gang
 * med alle, slik at administratoren kan rette hele regnearket i én økt.
 */
export type Kilde = { fil: string; ark?: string; rad?: number; kolonne?: string };

export type Diagnostikk = {
  alvor: 'feil' | 'advarsel';
  kode: string;
  melding: string;
  kilde?: Kilde;
  verdi?: string;
  forventet?: string;
};

/** Exit-kode 2: ugyldig inndata eller bruk. Ingenting er skrevet. */
export class InndataFeil extends Error {
  readonly exitKode = 2;
  constructor(readonly diagnostikk: Diagnostikk[], oppsummering?: string) {
    super(oppsummering ?? diagnostikk.map(formatDiagnostikk).join('\n'));
    this.name = 'InndataFeil';
  }
}

/** Exit-kode 1: en regel sier nei (f.eks. ikke SMB, over støttetaket). `resultat` går til --json. */
export class RegelNei extends Error {
  readonly exitKode = 1;
  constructor(
    melding: string,
    readonly resultat?: unknown,
    readonly diagnostikk: Diagnostikk[] = [],
  ) {
    super(melding);
    this.name = 'RegelNei';
  }
}

export function feil(kode: string, melding: string, kilde?: Kilde, ekstra: Partial<Diagnostikk> = {}): Diagnostikk {
  return { alvor: 'feil', kode, melding, ...(kilde ? { kilde } : {}), ...ekstra };
}

export function advarsel(kode: string, melding: string, kilde?: Kilde, ekstra: Partial<Diagnostikk> = {}): Diagnostikk {
  return { alvor: 'advarsel', kode, melding, ...(kilde ? { kilde } : {}), ...ekstra };
}

export function formatKilde(k: Kilde): string {
  const deler = [k.fil];
  if (k.ark) deler.push(`ark «${k.ark}»`);
  if (k.rad !== undefined) deler.push(`rad ${k.rad}`);
  if (k.kolonne) deler.push(`kolonne «${k.kolonne}»`);
  return deler.join(', ');
}

/** «timer.csv, rad 14, kolonne «timer»: «abc» er ikke et tall (forventet: timer, f.eks. «7,5»)» */
export function formatDiagnostikk(d: Diagnostikk): string {
  const sted = d.kilde ? `${formatKilde(d.kilde)}: ` : '';
  const verdi = d.verdi !== undefined ? ` Verdi: «${d.verdi}».` : '';
  const forventet = d.forventet ? ` Forventet: ${d.forventet}.` : '';
  return `${sted}${d.melding}${verdi}${forventet}`;
}

export function harFeil(ds: readonly Diagnostikk[]): boolean {
  return ds.some((d) => d.alvor === 'feil');
}

/** Kaster InndataFeil hvis listen har minst én feil; returnerer ellers advarslene. */
export function kastVedFeil(ds: readonly Diagnostikk[]): Diagnostikk[] {
  if (harFeil(ds)) throw new InndataFeil(ds.filter((d) => d.alvor === 'feil'));
  return ds.filter((d) => d.alvor === 'advarsel');
}
