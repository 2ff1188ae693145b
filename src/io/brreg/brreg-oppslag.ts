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
      feil('brreg-svar', `${e.message} Prøv igjen senere, eller bruk ` + `--offline med flagg.`, { fil: e.url }),
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

export async function hentRegisterdata(
  am: Arbeidsmappe,
  orgnr: string,
  offline: boolean,
  advarsler: Diagnostikk[],
  o: BrregOppsett,
): Promise<Registerdata> {
  const b = bufferStier(orgnr);
  const fraBufferen = async (grunn: string | null): Promise<Registerdata> => {
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
  };
  if (offline) return fraBufferen(null);
  const nye: Registerdata['nye'] = [];
  let enhet: Innspilt;
  let underenhet: Innspilt | null = null;
  try {
    enhet = await hentEnhet(o, orgnr);
    if (enhet.status === 404) {
      // Et underenhetsnummer (BEDR/AAFY) finnes bare under /underenheter: sjekk hovedenheten.
      underenhet = await hentUnderenhet(o, orgnr);
      const hoved = overordnet(underenhet);
      if (hoved) {
        enhet = await hentEnhet(o, hoved);
        nye.push({ sti: b.underenhet, svar: underenhet });
      } else if (underenhet.status !== 200) underenhet = null;
    }
  } catch (e) {
    if (!(e instanceof NettFeil)) throw e;
    const r = await fraBufferen(e.message);
    if (r.kilde === 'ingen') advarsler.push(advarsel('frakoblet', `${e.message} Ingen hurtigbuffer for ${orgnr}.`));
    return r;
  }
  // Slettet, fjernet og ukjent stopper før regnskapet hentes.
  let aktiv: Enhet | null = null;
  if (enhet.status === 200) {
    try {
      const t = tolkEnhetSvar(enhet, enhet.url);
      if (t.type === 'enhet') aktiv = t.enhet;
    } catch (e) {
      svarFeil(e);
    }
  }
  if (!aktiv) return { kilde: 'nett', enhet, underenhet, regnskap: null, nye: [], nettfeil: null };
  nye.push({ sti: b.enhet, svar: enhet });
  try {
    const regnskap = await hentRegnskap(o, aktiv.organisasjonsnummer);
    nye.push({ sti: b.regnskap, svar: regnskap });
    return { kilde: 'nett', enhet, underenhet, regnskap, nye, nettfeil: null };
  } catch (e) {
    if (!(e instanceof NettFeil)) throw e;
    const regnskap = await lesBuffer(am, b.regnskap);
    advarsler.push(
      advarsel(
        'regnskap-frakoblet',
        `${e.message} ` +
          `${regnskap ? `Bruker regnskapet fra hurtigbufferen (hentet ${dato(regnskap.hentet.slice(0, 10))}).` : 'Regnskapstallene mangler.'}`,
      ),
    );
    return { kilde: 'nett', enhet, underenhet, regnskap, nye, nettfeil: e.message };
  }
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
  const kilde = { fil: s.url };
  if (svar.type === 'ukjent') {
    let u = null;
    try {
      u = under ? tolkUnderenhetSvar(under, under.url) : null;
    } catch {
      u = null;
    }
    if (u?.type === 'slettet') {
      throw new InndataFeil([
        feil(
          'slettet-enhet',
          `${orgnr} (${u.navn}) er en slettet ` +
            `underenhet${u.slettedato ? ` (slettet ${dato(u.slettedato)})` : ''}. Den kan ikke tas opp som ` +
            `målbedrift.`,
          { fil: under!.url },
          { verdi: orgnr },
        ),
      ]);
    }
    throw new InndataFeil([
      feil(
        'ukjent-orgnr',
        `${orgnr} finnes ikke i Enhetsregisteret, verken som enhet eller ` +
          `underenhet (HTTP 404). Kontroller nummeret.`,
        kilde,
        { verdi: orgnr },
      ),
    ]);
  }
  if (svar.type === 'fjernet') {
    throw new InndataFeil([
      feil(
        'fjernet-orgnr',
        `${orgnr} er fjernet fra Enhetsregisteret av juridiske årsaker (HTTP ` +
          `410${svar.slettedato ? `, slettet ${dato(svar.slettedato)}` : ''}). Enheten kan ikke tas ` +
          `opp.`,
        kilde,
        { verdi: orgnr },
      ),
    ]);
  }
  if (svar.type === 'slettet') {
    const d = svar.enhet.slettedato ? ` ${dato(svar.enhet.slettedato)}` : '';
    throw new InndataFeil([
      feil(
        'slettet-enhet',
        `${svar.enhet.organisasjonsnummer} (${svar.enhet.navn}) er slettet ` +
          `fra Enhetsregisteret${d}. En slettet enhet kan ikke tas opp som målbedrift.`,
        kilde,
        { verdi: orgnr },
      ),
    ]);
  }
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
        `Regnskapsregisteret svarte HTTP ${svar.status}${m} for regnskapet (vanlig ` +
          `for banker og forsikring). Regnskapstallene mangler.`,
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
        `Årsregnskapet er i ${valuta}, ikke NOK; tallene brukes ikke. ` + `Oppgi dem i kroner med flagg.`,
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
