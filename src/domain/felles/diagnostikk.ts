/**
 * Diagnostikk med sted: hver feil og advarsel sier fil, ark, rad og kolonne, verdien og hva som var ventet.
 * Domenet kaster aldri råe Error for brukerfeil; det samler Diagnostikk og kaster InndataFeil én gang
 * med alle, slik at administratoren kan rette hele regnearket i én økt.
 */
import type { Feilkode, KodeMedAlvor } from './feilkoder.js';

export type Kilde = { fil: string; ark?: string; rad?: number; kolonne?: string };

export type Diagnostikk = {
  alvor: 'feil' | 'advarsel';
  /** Fra registeret i feilkoder.ts (docs/feilkoder.md). */
  kode: Feilkode;
  melding: string;
  kilde?: Kilde;
  verdi?: string;
  forventet?: string;
};

/**
 * Exit-kode 2: ugyldig inndata, bruk eller miljø (full disk, skrivebeskyttet mappe). Ingenting er skrevet —
 * med mindre `skrevet` nevner filer som ble erstattet før feilen (da sier feilgrensen nøyaktig hvilke).
 */
export class InndataFeil extends Error {
  readonly exitKode = 2;
  constructor(
    readonly diagnostikk: Diagnostikk[],
    oppsummering?: string,
    readonly skrevet: readonly string[] = [],
  ) {
    super(oppsummering ?? diagnostikk.map(formatDiagnostikk).join('\n'));
    this.name = 'InndataFeil';
  }
}

export function feil(
  kode: KodeMedAlvor<'feil' | 'nei' | 'intern'>,
  melding: string,
  kilde?: Kilde,
  ekstra: Partial<Diagnostikk> = {},
): Diagnostikk {
  return { alvor: 'feil', kode, melding, ...(kilde ? { kilde } : {}), ...ekstra };
}

export function advarsel(
  kode: KodeMedAlvor<'advarsel'>,
  melding: string,
  kilde?: Kilde,
  ekstra: Partial<Diagnostikk> = {},
): Diagnostikk {
  return { alvor: 'advarsel', kode, melding, ...(kilde ? { kilde } : {}), ...ekstra };
}

export function formatKilde(k: Kilde): string {
  const deler = [k.fil];
  if (k.ark) deler.push(`ark «${k.ark}»`);
  if (k.rad !== undefined) deler.push(`rad ${k.rad}`);
  // Issue 19 pkt. 12: i nh.json og andre JSON-filer er det et felt, på kommandolinjen et valg, ellers en kolonne.
  if (k.kolonne)
    deler.push(`${/\.json$/i.test(k.fil) ? 'felt' : k.fil === 'kommandolinjen' ? 'valg' : 'kolonne'} «${k.kolonne}»`);
  return deler.join(', ');
}

/** «timer.csv, rad 14, kolonne «timer»: «abc» er ikke et tall (forventet: timer, f.eks. «7,5»)» */
export function formatDiagnostikk(d: Diagnostikk): string {
  const sted = d.kilde ? `${formatKilde(d.kilde)}: ` : '';
  const verdi = d.verdi !== undefined ? ` Verdi: «${d.verdi}».` : '';
  const forventet = d.forventet ? ` Forventet: ${d.forventet}.` : '';
  // Teksten bygges av inndata (overskrifter, nøkler, verdier) og har aldri nh sine farger: ESC vises som ␛,
  // så en fargekode i en overskrift (f.eks. «ESC[8m», skjult tekst) ikke virker i terminalen (issue 11 pkt. 20).
  return `${sted}${d.melding}${verdi}${forventet}`.replace(/\u001b/g, '\u241b');
}

function harFeil(ds: readonly Diagnostikk[]): boolean {
  return ds.some((d) => d.alvor === 'feil');
}

/** Kaster InndataFeil hvis listen har minst én feil; returnerer ellers advarslene. */
export function kastVedFeil(ds: readonly Diagnostikk[]): Diagnostikk[] {
  if (harFeil(ds)) throw new InndataFeil(ds.filter((d) => d.alvor === 'feil'));
  return ds.filter((d) => d.alvor === 'advarsel');
}

// ————— Miljøfeil: filsystemet sier nei (brukerens miljø, ikke en feil i nh) —————

/** En feil fra Node sitt fs-API (code + gjerne path/syscall). */
export type SystemFeil = { code: string; path?: string; dest?: string; syscall?: string; message: string };

const MILJO_KODER = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EISDIR',
  'ENOTDIR',
  'EBUSY',
  'ETXTBSY',
  'EMFILE',
  'ENFILE',
  'ENAMETOOLONG',
  'ELOOP',
  'EIO',
  'EFBIG',
  'ENOTEMPTY',
  'EXDEV',
  'ENOTSUP',
  'EOPNOTSUPP',
  'ESTALE',
]);

/** Er dette en fs-feil som skyldes brukerens miljø (tilgang, full disk, mappe der det skulle være fil …)? */
export function erMiljoFeil(e: unknown): e is SystemFeil {
  if (!e || typeof e !== 'object') return false;
  const kode = (e as { code?: unknown }).code;
  return typeof kode === 'string' && MILJO_KODER.has(kode);
}

const LUKK = 'Lukk den og kjør kommandoen på nytt.';
const KOPIER = 'Kopier arbeidsmappen til en mappe du kan skrive i, og kjør på nytt.';
const FLYTT = (hva: string) => `Gi ${hva} et annet navn eller flytt den, og kjør på nytt.`;

/** Hva nh holdt på med (fra syscall), til meldingen. */
function handling(syscall: string | undefined): string {
  if (!syscall) return 'bruke';
  if (/^(read|scandir|stat|lstat|readlink|realpath|access|opendir)$/.test(syscall)) return 'lese';
  const skriv = /^(write|rename|mkdir|unlink|link|copyfile|fsync|rmdir|symlink|utime|chmod|ftruncate)$/;
  if (skriv.test(syscall)) return 'skrive';
  return 'åpne';
}

/**
 * En fs-feil som norsk diagnostikk: stien, hva som gikk galt, og hva brukeren kan gjøre.
 * `windows` skiller EPERM (på Windows nesten alltid en fil som er åpen i et annet program).
 */
export function miljoDiagnostikk(e: SystemFeil, sti = e.path ?? e.dest, windows = false): Diagnostikk {
  const h = handling(e.syscall);
  const m = (kode: KodeMedAlvor<'feil'>, melding: string) =>
    feil(kode, melding, sti ? { fil: sti } : undefined, { verdi: e.code });
  switch (e.code) {
    case 'EBUSY':
    case 'ETXTBSY':
      return m('fil-laast', `Filen er låst av et annet program — er den åpen i Excel? ${LUKK}`);
    case 'EPERM':
    case 'EACCES':
      if (e.code === 'EPERM' && windows) {
        return m('fil-laast', `Filen er låst eller skrivebeskyttet — er den åpen i Excel? ${LUKK}`);
      }
      return m(
        'ingen-tilgang',
        `Mangler tilgang til å ${h} filen eller mappen. Sjekk at den ikke er skrivebeskyttet og at du har tilgang, eller kopier arbeidsmappen til en mappe du kan skrive i.`,
      );
    case 'EROFS':
      return m('skrivebeskyttet', `Mappen ligger på et skrivebeskyttet filsystem. ${KOPIER}`);
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return m('disk-full', 'Disken (eller lagringskvoten) er full. Frigjør plass og kjør kommandoen på nytt.');
    case 'EISDIR':
      return m('er-mappe', `Dette er en mappe, men nh forventet en fil. ${FLYTT('mappen')}`);
    case 'ENOTDIR':
      return m('ikke-mappe', `En del av stien er en fil, men nh forventet en mappe. ${FLYTT('filen')}`);
    case 'EMFILE':
    case 'ENFILE':
      return m('for-mange-filer', 'For mange åpne filer i systemet. Lukk andre programmer og kjør på nytt.');
    case 'ENAMETOOLONG':
      return m('for-lang-sti', 'Stien er for lang. Flytt arbeidsmappen nærmere roten av disken (f.eks. C:\\nh).');
    case 'ELOOP':
      return m(
        'lenke-i-ring',
        'Stien har snarveier (symbolske lenker) som peker i ring. Rett lenkene og kjør på nytt.',
      );
    default:
      return m('io-feil', `Kunne ikke ${h} filen (${e.code}). Sjekk disken eller nettverksstasjonen, og kjør på nytt.`);
  }
}
