/**
 * Leser et datasett fra arbeidsmappen: finn filen, les rå tabell, koble overskrifter til kolonner
 * (store/små bokstaver, æøå, mellomrom, «_» og «-» teller ikke; nh.json kan koble andre navn),
 * valider hver celle med zod og samle ALLE feil før vi kaster — én runde retting i Excel.
 */
import path from 'node:path';
import type { Config } from '../../domain/konfig/config.js';
import { feil, InndataFeil, type Diagnostikk, type Kilde } from '../../domain/felles/diagnostikk.js';
import { normaliserNavn, type RaaCelle } from '../../domain/felles/felter.js';
import { synligVerdi } from '../../domain/felles/terminal.js';
import {
  overskrift,
  radSkjema,
  type DatasettDef,
  type MedKilde,
  type RadAv,
} from '../../domain/datasett/definisjon.js';
import { naermeste } from '../../domain/felles/naermeste.js';
import { finnDatasettFil, type Arbeidsmappe } from '../arbeidsmappe.js';
import { kontrollerTabell, lesTabell } from './tabell-les.js';
import type { RaaTabell } from './raa-tabell.js';

export type LestDatasett<T> = { fil: string | null; rader: MedKilde<T>[] };

/**
 * Forhåndsfilter på rå celler: rader som filteret avviser, valideres ikke og tas ikke med. Brukes når
 * en kommando bare trenger en periode av en stor fil (f.eks. én måned av en million timerader);
 * `hent(nokkel)` gir cellens råverdi. Rader filteret ikke kan avgjøre (ugyldig dato) bør tas med, så
 * feilen meldes.
 */
export type RadFilter = (hent: (nokkel: string) => RaaCelle) => boolean;

export async function lesDatasett<D extends DatasettDef>(
  am: Arbeidsmappe,
  def: D,
  opts: { valgfritt?: boolean; filter?: RadFilter } = {},
): Promise<LestDatasett<RadAv<D>>> {
  const sti = await finnDatasettFil(am.rot, def.navn);
  if (!sti) {
    if (opts.valgfritt) return { fil: null, rader: [] };
    throw new InndataFeil([
      feil(
        'mangler-datasett',
        `Mangler datasettet «${def.navn}»: forventet ${def.navn}.csv eller ${def.navn}.xlsx i ${am.rot}.`,
        { fil: `${def.navn}.csv` },
      ),
    ]);
  }
  const filter = opts.filter;
  // Filteret brukes allerede under parsing (rader det avviser, holdes ikke i minnet); ugyldige
  // overskrifter gir ikke noe filter, så tolkTabell melder dem som vanlig.
  const lagFilter = filter
    ? (overskrifter: string[]) => {
        const { indeks, diagnostikk } = kobleOverskrifter(
          { fil: '', overskrifter, radnr: [], rader: [] },
          def,
          am.config,
        );
        if (diagnostikk.length) return null;
        return (celler: readonly RaaCelle[]) => filter(hentCelle(indeks, celler));
      }
    : undefined;
  const tabell = await lesTabell(sti, path.basename(sti), lagFilter, def.navn);
  return { fil: path.basename(sti), rader: tolkTabell(tabell, def, am.config, lagFilter ? undefined : filter) };
}

/** Ren tolkning av en rå tabell (brukes også direkte i tester). */
export function tolkTabell<D extends DatasettDef>(
  t: RaaTabell,
  def: D,
  config?: Pick<Config, 'kolonner' | 'ignorerKolonner'>,
  filter?: RadFilter,
): MedKilde<RadAv<D>>[] {
  const ds: Diagnostikk[] = [...kontrollerTabell(t)];
  const { indeks, diagnostikk } = kobleOverskrifter(t, def, config);
  ds.push(...diagnostikk);
  if (ds.length) throw new InndataFeil(ds);

  const skjema = radSkjema(def);
  const alleNokler = Object.keys(def.kolonner);
  const ut: MedKilde<RadAv<D>>[] = [];
  const overskriftFor = new Map<string, string>();
  for (const [nokkel, k] of indeks) overskriftFor.set(nokkel, t.overskrifter[k]!);

  t.rader.forEach((celler, i) => {
    if (filter && !filter(hentCelle(indeks, celler))) return;
    const rad = t.radnr[i]!;
    // Alle kolonner får en verdi (null når kolonnen mangler i filen), så frivillige kolonner blir undefined.
    const raa: Record<string, RaaCelle> = {};
    for (const nokkel of alleNokler) raa[nokkel] = null;
    for (const [nokkel, k] of indeks) raa[nokkel] = celler[k] ?? null;
    const r = skjema.safeParse(raa);
    const kilde: Kilde = { fil: t.fil, rad, ...(t.ark ? { ark: t.ark } : {}) };
    if (r.success) {
      ut.push({ ...r.data, kilde } as MedKilde<RadAv<D>>);
      return;
    }
    for (const issue of r.error.issues) ds.push(ugyldigVerdi(issue, raa, kilde, overskriftFor));
  });
  ds.push(...sjekkUnike(ut, def, overskriftFor));
  if (ds.length) throw new InndataFeil(ds);
  return ut;
}

function forstorBokstav(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Oppslag i radens rå celler på kolonnenøkkel; null når kolonnen mangler i filen. */
function hentCelle(indeks: Map<string, number>, celler: readonly RaaCelle[]) {
  return (nokkel: string): RaaCelle => {
    const k = indeks.get(nokkel);
    return k === undefined ? null : (celler[k] ?? null);
  };
}

/** Verdien slik den vises i feilmeldingen: datoer som åååå-mm-dd, tekst forkortet og med usynlige tegn synlige. */
function visVerdi(v: RaaCelle | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return synligVerdi(String(v).slice(0, 200));
}

type SkjemaFeil = { path: PropertyKey[]; message: string };

function ugyldigVerdi(
  issue: SkjemaFeil,
  raa: Record<string, RaaCelle>,
  kilde: Kilde,
  overskriftFor: Map<string, string>,
): Diagnostikk {
  const nokkel = String(issue.path[0] ?? '');
  const params = (issue as { params?: { forventet?: string } }).params;
  return feil(
    'ugyldig-verdi',
    `${forstorBokstav(issue.message)}.`,
    { ...kilde, kolonne: overskriftFor.get(nokkel) ?? nokkel },
    { verdi: visVerdi(raa[nokkel]), ...(params?.forventet ? { forventet: params.forventet } : {}) },
  );
}

/** Normalisert overskrift → nøkkel: nøkkelen, malens overskrift, aliasene og koblingene i nh.json. */
function navnekart(def: DatasettDef, config?: Pick<Config, 'kolonner' | 'ignorerKolonner'>): Map<string, string> {
  const kart = new Map<string, string>();
  for (const [nokkel, kol] of Object.entries(def.kolonner)) {
    kart.set(normaliserNavn(nokkel), nokkel);
    // Issue 19 pkt. 5: den lesbare overskriften fra malene («Stilling %») er like god som nøkkelen.
    if (kol.overskrift) kart.set(normaliserNavn(kol.overskrift), nokkel);
    for (const a of kol.alias ?? []) kart.set(normaliserNavn(a), nokkel);
  }
  for (const [overskrift, nokkel] of Object.entries(config?.kolonner?.[def.navn] ?? {}))
    kart.set(normaliserNavn(overskrift), nokkel);
  return kart;
}

function manglerKolonner(t: RaaTabell, def: DatasettDef, indeks: Map<string, number>): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  for (const [nokkel, kol] of Object.entries(def.kolonner)) {
    if (!kol.paakrevd || indeks.has(nokkel)) continue;
    const o = overskrift(nokkel, kol);
    const navn = [...new Set([nokkel, ...(kol.alias ?? [])])].map((a) => `«${a}»`).join(', ');
    ds.push(
      feil(
        'mangler-kolonne',
        `Mangler kolonnen «${o}».`,
        { fil: t.fil, rad: 1, kolonne: o, ...(t.ark ? { ark: t.ark } : {}) },
        { forventet: `en overskrift «${o}» (eller ${navn})` },
      ),
    );
  }
  return ds;
}

function kobleOverskrifter(t: RaaTabell, def: DatasettDef, config?: Pick<Config, 'kolonner' | 'ignorerKolonner'>) {
  const kart = navnekart(def, config); // normalisert overskrift → nøkkel
  const ignorer = new Set((config?.ignorerKolonner?.[def.navn] ?? []).map(normaliserNavn));

  const indeks = new Map<string, number>();
  const ds: Diagnostikk[] = [];
  const kilde = (kolonne: string): Kilde => ({ fil: t.fil, rad: 1, kolonne, ...(t.ark ? { ark: t.ark } : {}) });
  t.overskrifter.forEach((h, k) => {
    const n = normaliserNavn(h);
    if (n === '' || ignorer.has(n)) return;
    const nokkel = kart.get(n);
    if (!nokkel || !(nokkel in def.kolonner)) {
      ds.push(ukjentKolonne(h, def, kart, kilde(h)));
      return;
    }
    const forrige = indeks.get(nokkel);
    if (forrige !== undefined) {
      ds.push(
        feil(
          'dobbel-kolonne',
          `Kolonnen «${h}» finnes to ganger (også «${t.overskrifter[forrige]}», kolonne ${forrige + 1}).`,
          kilde(h),
          { forventet: 'hver kolonne én gang' },
        ),
      );
      return;
    }
    indeks.set(nokkel, k);
  });
  ds.push(...manglerKolonner(t, def, indeks));
  return { indeks, diagnostikk: ds };
}

/**
 * Issue 19 pkt. 4: en ukjent overskrift får den nærmeste godtatte — i ordene brukeren leser (malens overskrift,
 * «Stilling %», ikke nøkkelen «stillingsprosent») — og listen over overskriftene datasettet har.
 */
function ukjentKolonne(h: string, def: DatasettDef, kart: Map<string, string>, k: Kilde): Diagnostikk {
  const treff = naermeste(normaliserNavn(h), [...kart.keys()]);
  const maal = treff === null ? undefined : kart.get(treff);
  const kol = maal === undefined ? undefined : def.kolonner[maal];
  const forslag = maal && kol ? ` Mente du «${overskrift(maal, kol)}»?` : '';
  const lesbare = Object.entries(def.kolonner).map(([n, kol]) => `«${overskrift(n, kol)}»`);
  return feil('ukjent-kolonne', `Ukjent kolonne «${h}».${forslag}`, k, {
    forventet: `en av ${lesbare.join(', ')} — eller koble/overse den i nh.json under "kolonner" / "ignorerKolonner" → "${def.navn}"`,
  });
}

function sjekkUnike<T extends { kilde: Kilde }>(
  rader: T[],
  def: DatasettDef,
  overskriftFor: Map<string, string>,
): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  for (const nokkel of def.unik ?? []) {
    const sett = new Map<string, number>();
    for (const r of rader) {
      const v = (r as Record<string, unknown>)[nokkel];
      if (v === undefined) continue;
      const n = normaliserNavn(String(v));
      const forrige = sett.get(n);
      if (forrige !== undefined) {
        ds.push(
          feil(
            'duplikat',
            `«${String(v)}» står to ganger (også på rad ${forrige}).`,
            { ...r.kilde, kolonne: overskriftFor.get(nokkel) ?? nokkel },
            { verdi: String(v), forventet: `unik ${nokkel}` },
          ),
        );
      } else sett.set(n, r.kilde.rad ?? 0);
    }
  }
  return ds;
}

/** Én lesing for lesAlle: et datasett, et datasett med valg, eller en egen leser som kaster InndataFeil. */
export type Lesing =
  | DatasettDef
  | { def: DatasettDef; valgfritt?: boolean; filter?: RadFilter }
  | (() => Promise<unknown>);

type Utfall<L> = L extends () => Promise<infer T>
  ? T
  : L extends { def: infer D extends DatasettDef }
    ? LestDatasett<RadAv<D>>
    : L extends DatasettDef
      ? LestDatasett<RadAv<L>>
      : never;

export type AlleUtfall<L extends Record<string, Lesing>> = { [K in keyof L]: Utfall<L[K]> };

/**
 * Leser flere datasett (samtidig) og samler ALLE inndatafeil fra alle, i rekkefølgen de står i `lesinger`:
 * én runde retting i Excel (issue 12 pkt. 3). `lest` har bare lesingene som lyktes, så kryssjekker kan kjøres
 * på dem før feilene meldes. Andre feil enn InndataFeil (programfeil) slippes gjennom.
 */
export async function lesAlleDelvis<L extends Record<string, Lesing>>(
  am: Arbeidsmappe,
  lesinger: L,
): Promise<{ lest: Partial<AlleUtfall<L>>; feil: Diagnostikk[] }> {
  const nokler = Object.keys(lesinger) as (keyof L & string)[];
  const utfall = await Promise.allSettled(nokler.map((n) => utforLesing(am, lesinger[n]!)));
  const lest: Partial<AlleUtfall<L>> = {};
  const ds: Diagnostikk[] = [];
  utfall.forEach((u, i) => {
    if (u.status === 'fulfilled') lest[nokler[i]!] = u.value as Utfall<L[keyof L]>;
    else if (u.reason instanceof InndataFeil) ds.push(...u.reason.diagnostikk);
  });
  const programfeil = utfall.find((u) => u.status === 'rejected' && !(u.reason instanceof InndataFeil));
  if (programfeil) throw (programfeil as PromiseRejectedResult).reason;
  return { lest, feil: ds };
}

/** Som lesAlleDelvis, men kaster én InndataFeil med alle feilene om noen lesing feilet. */
export async function lesAlle<L extends Record<string, Lesing>>(am: Arbeidsmappe, lesinger: L): Promise<AlleUtfall<L>> {
  const { lest, feil: ds } = await lesAlleDelvis(am, lesinger);
  if (ds.length) throw new InndataFeil(ds);
  return lest as AlleUtfall<L>;
}

function utforLesing(am: Arbeidsmappe, l: Lesing): Promise<unknown> {
  if (typeof l === 'function') return l();
  if ('def' in l)
    return lesDatasett(am, l.def, {
      ...(l.valgfritt ? { valgfritt: true } : {}),
      ...(l.filter ? { filter: l.filter } : {}),
    });
  return lesDatasett(am, l);
}
