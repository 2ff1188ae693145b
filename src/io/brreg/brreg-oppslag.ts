/**
 * Registeroppslaget i nh smb-sjekk: nett → hurtigbuffer → ingenting, i riktig rekkefølge:
 * 1. `/enheter/{orgnr}`; 404 → `/underenheter/{orgnr}` og så hovedenheten (`overordnetEnhet`).
 * 2. Slettet, fjernet eller ukjent stopper her: ingen regnskapsoppslag for en slettet enhet.
 * 3. `/regnskap/{orgnr}` for hovedenheten.
 * Svarene bufres i smb-sjekk/buffer/ (se docs/smb-sjekk.md). Oppslag av eiere (offentlig form/sektor) tåler feil.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import { dato } from '../../domain/smb/typer.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import {
  bufferStier,
  fraBuffer,
  hentEnhet,
  hentRegnskap,
  hentUnderenhet,
  NettFeil,
  SvarFeil,
  tolkEnhetSvar,
  tolkRegnskapSvar,
  tolkUnderenhetSvar,
  type BrregOppsett,
  type Enhet,
  type EnhetSvar,
  type Innspilt,
  type RegnskapSvar,
} from './brreg.js';

export type Registerdata = {
  kilde: 'nett' | 'hurtigbuffer' | 'ingen';
  /** Hovedenheten (eller svaret som stoppet sjekken: 404, 410, slettet). */
  enhet: Innspilt | null;
  /** Svaret fra /underenheter/{orgnr} når orgnr var en underenhet. */
  underenhet: Innspilt | null;
  regnskap: Innspilt | null;
  /** Svar som skal bufres (hentet fra nettet i denne kjøringen): sti i arbeidsmappen → svar. */
  nye: { sti: string[]; svar: Innspilt }[];
  /** Hvorfor nettet ikke svarte (enheten eller regnskapet), når det ikke gjorde det; null = svar, eller --offline. */
  nettfeil: string | null;
};

async function lesBuffer(am: Arbeidsmappe, deler: string[]): Promise<Innspilt | null> {
  try {
    return fraBuffer(await readFile(am.sti(...deler), 'utf8'));
  } catch {
    return null;
  }
}

function svarFeil(e: unknown): never {
  if (e instanceof SvarFeil)
    throw new InndataFeil([
      feil('brreg-svar', `${e.message} Prøv igjen senere, eller bruk --offline med flagg.`, { fil: e.url }),
    ]);
  throw e;
}

/** Overordnet enhet for et orgnr som er en underenhet, eller null. */
function overordnet(s: Innspilt | null): string | null {
  if (s?.status !== 200) return null;
  try {
    const u = tolkUnderenhetSvar(s, s.url);
    return u.type === 'underenhet' ? u.overordnet : null;
  } catch {
    return null;
  }
}

type Stier = ReturnType<typeof bufferStier>;

/** Uten nett (eller --offline): svarene i hurtigbufferen, med en advarsel om når de ble hentet. */
async function fraBufferen(
  am: Arbeidsmappe,
  b: Stier,
  grunn: string | null,
  advarsler: Diagnostikk[],
): Promise<Registerdata> {
  const enhet = await lesBuffer(am, b.enhet);
  if (!enhet) return { kilde: 'ingen', enhet: null, underenhet: null, regnskap: null, nye: [], nettfeil: grunn };
  advarsler.push(
    advarsel(
      'hurtigbuffer',
      `${grunn ? `${grunn} ` : ''}Bruker registerdata fra hurtigbufferen, hentet ${dato(enhet.hentet.slice(0, 10))}.`,
      { fil: path.join(...b.enhet) },
    ),
  );
  return {
    kilde: 'hurtigbuffer',
    enhet,
    underenhet: await lesBuffer(am, b.underenhet),
    regnskap: await lesBuffer(am, b.regnskap),
    nye: [],
    nettfeil: grunn,
  };
}

/** `/enheter/{orgnr}`; 404 → `/underenheter/{orgnr}` og hovedenheten (`overordnetEnhet`). Nettfeil kastes. */
async function hentEnhetsvar(o: BrregOppsett, orgnr: string, b: Stier, nye: Registerdata['nye']) {
  let enhet = await hentEnhet(o, orgnr);
  let underenhet: Innspilt | null = null;
  if (enhet.status === 404) {
    // Et underenhetsnummer (BEDR/AAFY) finnes bare under /underenheter: sjekk hovedenheten.
    underenhet = await hentUnderenhet(o, orgnr);
    const hoved = overordnet(underenhet);
    if (hoved) {
      enhet = await hentEnhet(o, hoved);
      nye.push({ sti: b.underenhet, svar: underenhet });
    } else if (underenhet.status !== 200) underenhet = null;
  }
  return { enhet, underenhet };
}

/** Den aktive enheten i svaret, eller null (slettet, fjernet, ukjent: stopper før regnskapet hentes). */
function aktivEnhet(enhet: Innspilt): Enhet | null {
  if (enhet.status !== 200) return null;
  try {
    const t = tolkEnhetSvar(enhet, enhet.url);
    return t.type === 'enhet' ? t.enhet : null;
  } catch (e) {
    return svarFeil(e);
  }
}

export async function hentRegisterdata(
  am: Arbeidsmappe,
  orgnr: string,
  offline: boolean,
  advarsler: Diagnostikk[],
  o: BrregOppsett,
): Promise<Registerdata> {
  const b = bufferStier(orgnr);
  if (offline) return fraBufferen(am, b, null, advarsler);
  const nye: Registerdata['nye'] = [];
  let svar: { enhet: Innspilt; underenhet: Innspilt | null };
  try {
    svar = await hentEnhetsvar(o, orgnr, b, nye);
  } catch (e) {
    if (!(e instanceof NettFeil)) throw e;
    const r = await fraBufferen(am, b, e.message, advarsler);
    if (r.kilde === 'ingen') advarsler.push(advarsel('frakoblet', `${e.message} Ingen hurtigbuffer for ${orgnr}.`));
    return r;
  }
  const { enhet, underenhet } = svar;
  const aktiv = aktivEnhet(enhet);
  if (!aktiv) return { kilde: 'nett', enhet, underenhet, regnskap: null, nye: [], nettfeil: null };
  nye.push({ sti: b.enhet, svar: enhet });
  try {
    const regnskap = await hentRegnskap(o, aktiv.organisasjonsnummer);
    nye.push({ sti: b.regnskap, svar: regnskap });
    return { kilde: 'nett', enhet, underenhet, regnskap, nye, nettfeil: null };
  } catch (e) {
    if (!(e instanceof NettFeil)) throw e;
    const regnskap = await lesBuffer(am, b.regnskap);
    const hentet = regnskap ? dato(regnskap.hentet.slice(0, 10)) : '';
    const hva = regnskap ? `Bruker regnskapet fra hurtigbufferen (hentet ${hentet}).` : 'Regnskapstallene mangler.';
    advarsler.push(advarsel('regnskap-frakoblet', `${e.message} ${hva}`));
    return { kilde: 'nett', enhet, underenhet, regnskap, nye, nettfeil: e.message };
  }
}

/** 404 på enheten: en slettet underenhet, eller et ukjent nummer (exit 2). */
function ukjentFeil(orgnr: string, s: Innspilt, under: Innspilt | null): never {
  let u = null;
  try {
    u = under ? tolkUnderenhetSvar(under, under.url) : null;
  } catch {
    u = null;
  }
  if (u?.type === 'slettet') {
    const naar = u.slettedato ? ` (slettet ${dato(u.slettedato)})` : '';
    throw new InndataFeil([
      feil(
        'slettet-enhet',
        `${orgnr} (${u.navn}) er en slettet underenhet${naar}. Den kan ikke tas opp som målbedrift.`,
        { fil: under!.url },
        { verdi: orgnr },
      ),
    ]);
  }
  throw new InndataFeil([
    feil(
      'ukjent-orgnr',
      `${orgnr} finnes ikke i Enhetsregisteret, verken som enhet eller underenhet (HTTP 404). Kontroller nummeret.`,
      { fil: s.url },
      { verdi: orgnr },
    ),
  ]);
}

/** Fjernet (410) eller slettet (200 SlettetEnhet/slettedato): exit 2 med datoen. */
function stoppFeil(orgnr: string, s: Innspilt, svar: Extract<EnhetSvar, { type: 'fjernet' | 'slettet' }>): never {
  if (svar.type === 'fjernet') {
    const d = svar.slettedato ? `, slettet ${dato(svar.slettedato)}` : '';
    throw new InndataFeil([
      feil(
        'fjernet-orgnr',
        `${orgnr} er fjernet fra Enhetsregisteret av juridiske årsaker (HTTP 410${d}). Enheten kan ikke tas opp.`,
        { fil: s.url },
        { verdi: orgnr },
      ),
    ]);
  }
  const d = svar.enhet.slettedato ? ` ${dato(svar.enhet.slettedato)}` : '';
  throw new InndataFeil([
    feil(
      'slettet-enhet',
      `${svar.enhet.organisasjonsnummer} (${svar.enhet.navn}) er slettet fra Enhetsregisteret${d}. En slettet enhet kan ikke tas opp som målbedrift.`,
      { fil: s.url },
      { verdi: orgnr },
    ),
  ]);
}

/** Enhetssvaret → aktiv enhet, eller exit 2 for ukjent (404), fjernet (410) og slettet (200 SlettetEnhet/slettedato). */
export function tolkEnhet(
  orgnr: string,
  s: Innspilt,
  under: Innspilt | null,
): { enhet: Enhet; raa: unknown; underenhet: { orgnr: string; navn: string } | null } {
  let svar: EnhetSvar;
  try {
    svar = tolkEnhetSvar(s, s.url);
  } catch (e) {
    svarFeil(e);
  }
  if (svar.type === 'ukjent') ukjentFeil(orgnr, s, under);
  if (svar.type === 'fjernet' || svar.type === 'slettet') stoppFeil(orgnr, s, svar);
  let underenhet = null;
  if (under) {
    const u = tolkUnderenhetSvar(under, under.url);
    if (u.type === 'underenhet') underenhet = { orgnr: u.orgnr, navn: u.navn };
  }
  return { enhet: svar.enhet, raa: svar.raa, underenhet };
}

/** Regnskapssvaret → listen og eventuell feil; advarsel ved 5xx. */
export function tolkRegnskap(
  s: Innspilt | null,
  advarsler: Diagnostikk[],
): { svar: RegnskapSvar | null; raa: unknown } {
  if (!s) return { svar: null, raa: null };
  let svar: RegnskapSvar;
  try {
    svar = tolkRegnskapSvar(s, s.url);
  } catch (e) {
    svarFeil(e);
  }
  if (svar.type === 'ingen' && svar.status >= 500) {
    const m = svar.melding ? ` (${svar.melding})` : '';
    advarsler.push(
      advarsel(
        'regnskap-500',
        `Regnskapsregisteret svarte HTTP ${svar.status}${m} for regnskapet (vanlig for banker og forsikring). Regnskapstallene mangler.`,
        { fil: s.url },
      ),
    );
  }
  const valuta =
    svar.type === 'regnskap' ? svar.regnskap.find((r) => r.valuta && r.valuta !== 'NOK')?.valuta : undefined;
  if (valuta)
    advarsler.push(
      advarsel(
        'regnskap-valuta',
        `Årsregnskapet er i ${valuta}, ikke NOK; tallene brukes ikke. Oppgi dem i kroner med flagg.`,
        { fil: s.url },
      ),
    );
  return { svar, raa: svar.raa };
}

/** Orgform og sektor for eiere (partnere/tilknyttede), for å kjenne igjen offentlige eiere. Feil gir null. */
export async function slaaOppEiere(o: BrregOppsett, orgnr: readonly string[]): Promise<Map<string, Enhet>> {
  const ut = new Map<string, Enhet>();
  for (const n of new Set(orgnr)) {
    try {
      const s = await hentEnhet(o, n);
      const t = tolkEnhetSvar(s, s.url);
      if (t.type === 'enhet') ut.set(n, t.enhet);
    } catch {
      // eieren kan ikke slås opp: den regnes ikke som offentlig uten flagg eller kolonne
    }
  }
  return ut;
}
