/**
 * Nummerloggen `faktura/nummerlogg.csv` (domain/faktura/nummerlogg.ts): leses av alle som leser registeret, og
 * skrives av `nh faktura` under låsen — hele filen atomisk (midlertidig fil, fsync, rename), aldri en halv linje.
 * Norsk Excel åpner den (UTF-8 med BOM, «;»); perioden står som «2026M10».
 */
import { readFile } from 'node:fs/promises';
import { feil, InndataFeil, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import { maanedICsv, parseMaaned, type Maaned } from '../../domain/felles/dato.js';
import type { Kolonne } from '../../domain/felles/rapport.js';
import { LOGGHENDELSER, type Logghendelse, type Logglinje } from '../../domain/faktura/nummerlogg.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import { lesCsvTabell } from '../les/tabell-les.js';
import { lagCsv } from '../skriv/csv-skriv.js';
import { somMiljoFeil, type Utfil } from '../skriv/skriv.js';

const LOGG_STI = ['faktura', 'nummerlogg.csv'] as const;
export const LOGG_VISNING = 'faktura/nummerlogg.csv';

const NOKLER = [
  'tidspunkt',
  'kjoring',
  'hendelse',
  'periode',
  'fakturanr',
  'type',
  'orgnr',
  'ordrereferanse',
  'merknad',
];
const KOLONNER: Kolonne[] = NOKLER.map((nokkel) => ({ nokkel, overskrift: nokkel, type: 'tekst' }));

export type LestLogg = { sti: string; linjer: Logglinje[]; versjon: Buffer | null };

function tolk(celler: readonly unknown[], hode: string[], rad: number, ds: Diagnostikk[]) {
  const v = (n: string) => {
    const i = hode.indexOf(n);
    const c = i < 0 ? undefined : celler[i];
    return c === null || c === undefined ? undefined : String(c).trim() || undefined;
  };
  const hendelse = v('hendelse');
  const kjoring = v('kjoring');
  if (!kjoring || !hendelse || !(LOGGHENDELSER as readonly string[]).includes(hendelse)) {
    const melding = 'Nummerloggen har en rad nh ikke har skrevet (mangler kjøring, eller ukjent hendelse).';
    const forventet = `hendelse ${LOGGHENDELSER.join(', ')} og en kjøring`;
    ds.push(
      feil(
        'nummerlogg-ugyldig',
        melding,
        { fil: LOGG_VISNING, rad, kolonne: kjoring ? 'hendelse' : 'kjoring' },
        { verdi: hendelse ?? '', forventet },
      ),
    );
    return null;
  }
  const periode = v('periode');
  const l: Logglinje = {
    tidspunkt: v('tidspunkt') ?? '',
    kjoring,
    hendelse: hendelse as Logghendelse,
    periode: (periode && parseMaaned(periode.replace(/^(\d{4})M(\d{2})$/, '$1-$2'))) || periode || '',
  };
  for (const n of ['fakturanr', 'type', 'orgnr', 'ordrereferanse', 'merknad'] as const) {
    const x = v(n);
    if (x) l[n] = x;
  }
  return l;
}

/** Loggen (tom når filen ikke finnes). En rad nh ikke kan ha skrevet, er exit 2 med raden. */
export async function lesNummerlogg(am: Arbeidsmappe): Promise<LestLogg> {
  const sti = am.sti(...LOGG_STI);
  let versjon: Buffer;
  try {
    versjon = await readFile(sti);
  } catch (e) {
    // ENOTDIR: «faktura» er en fil, så loggen finnes ikke; skrivingen sier fra om stien der den skal skrive.
    if (['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? ''))
      return { sti, linjer: [], versjon: null };
    throw somMiljoFeil(e, sti);
  }
  const t = lesCsvTabell(versjon, LOGG_VISNING);
  const hode = t.overskrifter.map((h) => h.trim());
  const ds: Diagnostikk[] = [];
  const linjer = t.rader.flatMap((r, i) => tolk(r, hode, t.radnr[i]!, ds) ?? []);
  if (ds.length) throw new InndataFeil(ds);
  return { sti, linjer, versjon };
}

function nummerloggCsv(linjer: readonly Logglinje[]): string {
  return lagCsv(
    KOLONNER,
    linjer.map((l) => ({
      ...l,
      periode: /^\d{4}-\d{2}$/.test(l.periode) ? maanedICsv(l.periode as Maaned) : l.periode,
    })),
  );
}

/** Loggen med nye linjer lagt til (som utfil til skrivFiler). */
export function nummerloggFil(am: Arbeidsmappe, gammel: readonly Logglinje[], nye: readonly Logglinje[]): Utfil {
  return { sti: am.sti(...LOGG_STI), innhold: nummerloggCsv([...gammel, ...nye]) };
}
