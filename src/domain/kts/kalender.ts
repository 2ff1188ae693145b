/**
 * Kundetilfredshetsundersøkelsens kalender (programveileder 6.3 og 11.1): utsendingsmåneder, AVI-fristene,
 * underveisskjema og planen for et år. Rent domene.
 */
import { deler, forsteDag, LANGE_MAANEDER, lagDato, maanedAv, type Dato, type Maaned } from '../felles/dato.js';
import type { Kilde } from '../felles/diagnostikk.js';

type Skjema = 'oppstart' | 'underveis' | 'exit';

/** Programveileder 6.3/11.1: AVI oppdateres 1. mars, 1. juni, 1. september og 1. desember. */
const AVI_MAANEDER = [3, 6, 9, 12] as const;

const MAANEDSNAVN = LANGE_MAANEDER;

/** «2026-12» → «desember 2026». */
export function maanedTekst(m: Maaned): string {
  const [aar, mnd] = m.split('-').map(Number) as [number, number];
  return `${MAANEDSNAVN[mnd - 1]} ${aar}`;
}

/** «2026-12-01» → «1. desember 2026». */
export function fristTekst(d: Dato): string {
  const { aar, mnd, dag } = deler(d);
  return `${dag}. ${MAANEDSNAVN[mnd - 1]} ${aar}`;
}

/**
 * Programveileder 6.3 (tabellen): måneden for avtalestart/-slutt gir måneden oppstart-/exit-skjemaet
 * sendes ut, og den måneden er også fristen for AVI-oppdateringen (den 1.):
 *   november–januar → mars, februar–april → juni, mai–juli → september, august–oktober → desember.
 * November og desember gir mars året etter.
 */
export function utsendingsmaaned(d: Dato): Maaned {
  const { aar, mnd } = deler(d);
  if (mnd >= 11) return maanedAv(lagDato(aar + 1, 3, 1));
  if (mnd === 1) return maanedAv(lagDato(aar, 3, 1));
  if (mnd <= 4) return maanedAv(lagDato(aar, 6, 1));
  if (mnd <= 7) return maanedAv(lagDato(aar, 9, 1));
  return maanedAv(lagDato(aar, 12, 1));
}

/** Programveileder 6.3/11.1: fristen for AVI-oppdateringen som bærer en utsending i måned m er den 1. i m. */
export function aviFristFor(m: Maaned): Dato {
  return forsteDag(m);
}

/** Programveileder 11.1: er datoen en av de fire AVI-fristene (1. mars/juni/september/desember)? */
export function erAviFrist(d: Dato): boolean {
  const { mnd, dag } = deler(d);
  return dag === 1 && (AVI_MAANEDER as readonly number[]).includes(mnd);
}

/**
 * Programveileder 11.1: «31. desember Alle målbedrifter som er/har vært aktive i løpet av året skal være registrert i
 * AVI». En registrering per 31.12 (etter 1. desember-filen) er en egen, logget oppdatering.
 */
export function erAarsslutt(d: Dato): boolean {
  const { mnd, dag } = deler(d);
  return mnd === 12 && dag === 31;
}

/** Programveileder 11.1: AVI-fristen før `frist` (1. mars/juni/september/desember; 31.12 → 1. desember). */
export function forrigeAviFrist(frist: Dato): Dato {
  const { aar } = deler(frist);
  let siste = lagDato(aar - 1, 12, 1);
  for (const m of AVI_MAANEDER) {
    const f = lagDato(aar, m, 1);
    if (f < frist) siste = f;
  }
  return siste;
}

/** Programveileder 11.1: den neste AVI-fristen fra og med i dag (er i dag en frist, er det den). */
export function nesteAviFrist(idag: Dato): Dato {
  const { aar } = deler(idag);
  for (const a of [aar, aar + 1]) {
    for (const m of AVI_MAANEDER) {
      const f = lagDato(a, m, 1);
      if (f >= idag) return f;
    }
  }
  throw new Error('uoppnåelig: det finnes alltid en AVI-frist innen ett år');
}

/** «2025-06» + 1 år → «2026-06». */
function leggTilAarM(m: Maaned, aar: number): Maaned {
  const [a, mm] = m.split('-') as [string, string];
  return `${Number(a) + aar}-${mm}` as Maaned;
}

/**
 * Programveileder 6.3: underveisskjemaet sendes ett år etter oppstartskjemaets måned, og deretter
 * årlig frem til avtaleslutt. nh tar med en underveismåned så lenge avtalen løper ved inngangen til
 * måneden (1. i måneden ≤ avtaleslutt). Løpende avtaler (uten slutt) gir måneder til og med `tilOgMed`.
 */
export function underveisMaaneder(startskjema: Maaned, avtaleslutt: Dato | undefined, tilOgMed: Maaned): Maaned[] {
  const ut: Maaned[] = [];
  for (let m = leggTilAarM(startskjema, 1); m <= tilOgMed; m = leggTilAarM(m, 1)) {
    if (avtaleslutt !== undefined && forsteDag(m) > avtaleslutt) break;
    ut.push(m);
  }
  return ut;
}

// ————— Plan for et år —————

export type KtsBedrift = {
  orgnr: string;
  navn: string;
  avtalestart: Dato;
  avtaleslutt?: Dato | undefined;
  dagligLeder?: string | undefined;
  dagligLederEpost?: string | undefined;
  kilde?: Kilde;
};

export type Utsending = { orgnr: string; navn: string; type: Skjema; maaned: Maaned; frist: Dato };

const TYPE_REKKEFOLGE: Record<Skjema, number> = { oppstart: 0, underveis: 1, exit: 2 };

/** Alle utsendinger for én målbedrift (oppstart, underveis, exit) til og med måneden `tilOgMed`. */
export function utsendingerFor(b: KtsBedrift, tilOgMed: Maaned): Utsending[] {
  const start = utsendingsmaaned(b.avtalestart);
  const lag = (type: Skjema, maaned: Maaned): Utsending => ({
    orgnr: b.orgnr,
    navn: b.navn,
    type,
    maaned,
    frist: aviFristFor(maaned),
  });
  const ut: Utsending[] = [];
  if (start <= tilOgMed) ut.push(lag('oppstart', start));
  for (const m of underveisMaaneder(start, b.avtaleslutt, tilOgMed)) ut.push(lag('underveis', m));
  if (b.avtaleslutt !== undefined) {
    const exit = utsendingsmaaned(b.avtaleslutt);
    if (exit <= tilOgMed) ut.push(lag('exit', exit));
  }
  return ut;
}

/** Programveileder 6.3: alle utsendinger i året for alle målbedrifter, sortert på måned, type og navn. */
export function planForAar(bedrifter: readonly KtsBedrift[], aar: number): Utsending[] {
  const tilOgMed = `${aar}-12` as Maaned;
  const fra = `${aar}-01` as Maaned;
  return bedrifter
    .flatMap((b) => utsendingerFor(b, tilOgMed))
    .filter((u) => u.maaned >= fra)
    .sort((a, b) =>
      a.maaned < b.maaned
        ? -1
        : a.maaned > b.maaned
          ? 1
          : TYPE_REKKEFOLGE[a.type] - TYPE_REKKEFOLGE[b.type] || a.navn.localeCompare(b.navn, 'nb'),
    );
}
