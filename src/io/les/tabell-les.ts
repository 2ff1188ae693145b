/**
 * Leser en CSV- eller xlsx-fil til en rå tabell: overskrifter og celler, med Excel-radnummer
 * (overskrift = rad 1), slik administratoren ser dem i Excel. Ingen tolkning av verdier her.
 */
import { BlandetTegnsett, dekod, finnSkilletegn, lesFil } from './tekstfil.js';
import { parse } from 'csv-parse/sync';
import { feil, InndataFeil, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import type { RaaCelle } from '../../domain/felles/felter.js';
import { avnoytraliser } from '../../domain/felles/rapport.js';
import { MAKS_CELLE, MAKS_KOLONNER, type LagRaaFilter, type RaaTabell } from './raa-tabell.js';

/** `arknavn`: i xlsx foretrekkes arket med dette navnet (datasettets navn), ellers det første synlige. */
export async function lesTabell(
  sti: string,
  visningsnavn: string,
  lagFilter?: LagRaaFilter,
  arknavn?: string,
): Promise<RaaTabell> {
  if (sti.toLowerCase().endsWith('.xlsx')) {
    const { lesXlsxTabell } = await import('./xlsx-les.js');
    const t = await lesXlsxTabell(sti, visningsnavn, arknavn, lagFilter);
    const f = lagFilter?.(t.overskrifter);
    if (!f) return t;
    const behold = t.rader.map((r) => f(r));
    return { ...t, rader: t.rader.filter((_, i) => behold[i]), radnr: t.radnr.filter((_, i) => behold[i]) };
  }
  return lesCsvTabell(await lesFil(sti), visningsnavn, lagFilter);
}

export function lesCsvTabell(buf: Uint8Array, fil: string, lagFilter?: LagRaaFilter): RaaTabell {
  if (buf.length === 0)
    throw new InndataFeil([feil('tom-fil', 'Filen er tom (0 byte). Forventet en overskriftsrad og data.', { fil })]);
  let dekodet: ReturnType<typeof dekod>;
  try {
    dekodet = dekod(buf);
  } catch (e) {
    if (e instanceof BlandetTegnsett) {
      throw new InndataFeil([
        feil(
          'blandet-tegnsett',
          'Filen blander tegnsett: noen linjer er UTF-8 og andre Windows-1252, så æøå kan ikke leses sikkert.',
          { fil, rad: e.linje },
          { forventet: 'hele filen i ett tegnsett — lagre den på nytt fra Excel som «CSV UTF-8»' },
        ),
      ]);
    }
    throw e;
  }
  const { tekst, tegnsett } = dekodet;
  const skilletegn = finnSkilletegn(tekst);
  let hode: string[] | undefined;
  let filter: ((celler: readonly RaaCelle[]) => boolean) | null = null;
  let nr = 0; // Excel-radnummer for posten csv-parse nettopp leverte
  const rader: RaaCelle[][] = [];
  const radnr: number[] = [];
  try {
    parse(tekst, {
      delimiter: skilletegn,
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      trim: false,
      // Posten behandles straks og forkastes (null), så hele filen aldri ligger i minnet som rader.
      on_record: (post: string[]) => {
        nr++;
        if (hode === undefined) {
          if (post.length > MAKS_KOLONNER) throw new ForMangeKolonner(post.length);
          hode = post;
          filter = lagFilter?.(post.map((h) => h.trim())) ?? null;
          return null;
        }
        if (post.every((c) => c.trim() === '')) return null; // tomme linjer (ofte nederst fra Excel) teller ikke
        const celler: RaaCelle[] = post.map((c) => (c.trim() === '' ? null : avnoytraliser(c)));
        if (filter && !filter(celler)) return null;
        rader.push(celler);
        radnr.push(nr);
        return null;
      },
    });
  } catch (e) {
    if (e instanceof ForMangeKolonner) {
      throw new InndataFeil([
        feil(
          'for-mange-kolonner',
          `Overskriftsraden har ${e.antall} kolonner.`,
          { fil, rad: 1 },
          { forventet: `høyst ${MAKS_KOLONNER} kolonner (Excels grense)` },
        ),
      ]);
    }
    const err = e as { message?: string; lines?: number };
    throw new InndataFeil([
      feil(
        'ugyldig-csv',
        `Filen kan ikke leses som CSV (${oversettCsvFeil(err.message ?? '')}).`,
        { fil, ...(err.lines ? { rad: err.lines } : {}) },
        { forventet: 'CSV med «;» eller «,» som skilletegn og lukkede anførselstegn' },
      ),
    ]);
  }
  const h = hode as string[] | undefined;
  if (!h || h.every((c) => c.trim() === '')) {
    throw new InndataFeil([feil('mangler-overskrift', 'Filen har ingen overskriftsrad.', { fil, rad: 1 })]);
  }
  const overskrifter = h.map((x) => x.trim());
  return { fil, tegnsett, skilletegn, overskrifter, radnr, rader };
}

class ForMangeKolonner extends Error {
  constructor(readonly antall: number) {
    super(`for mange kolonner: ${antall}`);
  }
}

function oversettCsvFeil(m: string): string {
  if (/quote/i.test(m)) return 'anførselstegn som ikke er lukket eller står feil';
  return m;
}

/** Felles sjekk etter lesing: for store celler og for mange kolonner i en rad. */
export function kontrollerTabell(t: RaaTabell): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  t.rader.forEach((r, i) => {
    const rad = t.radnr[i]!;
    if (r.length > t.overskrifter.length && r.slice(t.overskrifter.length).some((c) => c !== null && c !== '')) {
      if (t.ark !== undefined) {
        let n = r.length;
        while (n > 0 && (r[n - 1] === null || r[n - 1] === '')) n--;
        ds.push(
          feil(
            'for-mange-felt',
            `Raden har verdier i ${n} kolonner, men overskriftsraden har bare ${t.overskrifter.length}.`,
            { fil: t.fil, ark: t.ark, rad },
            {
              forventet:
                'ingen verdier til høyre for siste overskrift (gi kolonnen en overskrift, eller slett verdiene)',
            },
          ),
        );
      } else {
        ds.push(
          feil(
            'for-mange-felt',
            `Raden har ${r.length} felt, men overskriften har ${t.overskrifter.length}.`,
            { fil: t.fil, rad },
            {
              forventet: `${t.overskrifter.length} felt, samme skilletegn som overskriften («${t.skilletegn ?? ';'}»)`,
            },
          ),
        );
      }
    }
    r.forEach((c, k) => {
      if (typeof c === 'string' && c.length > MAKS_CELLE) {
        ds.push(
          feil(
            'for-stor-celle',
            `Cellen har ${c.length} tegn.`,
            { fil: t.fil, ...(t.ark ? { ark: t.ark } : {}), rad, kolonne: t.overskrifter[k] ?? `nr. ${k + 1}` },
            { forventet: `høyst ${MAKS_CELLE} tegn` },
          ),
        );
      }
    });
  });
  return ds;
}
