/**
 * Formlene i en xlsx-mal: hvor hvert ark, hver kolonne, sumrad og parameter havner, og plassholderne i en
 * formel byttet med cellereferanser:
 *   {kol}            cellen i samme rad for kolonnen «kol»
 *   {param:navn}     parametercellen «navn» (ark av typen «parametre»), absolutt referanse
 *   {sum:kol}        sumcellen for «kol» i samme ark;  {sum:ark.kol} i et annet ark
 *   {omrade:kol}     dataområdet for «kol» (til SUMIF o.l.); {omrade:ark.kol} i et annet ark
 */
import type { Mal, MalData } from './xlsx-mal.js';

export const TITTELRAD = 1;
export const OVERSKRIFTRAD = 2;
export const FORSTE_DATARAD = 3;

export type Plassering = {
  ark: string;
  kolonner: Map<string, number>;
  forste: number;
  siste: number;
  sumRad?: number;
  parametre?: Map<string, number>;
};

function arkRef(navn: string): string {
  return `'${navn.replace(/'/g, "''")}'`;
}

export function kolonneBokstav(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Plasseringen av alle ark før noe skrives, så formler kan peke på tvers av ark. */
export function plasser(mal: Mal, data: MalData): Map<string, Plassering> {
  const plass = new Map<string, Plassering>();
  for (const ark of mal.ark) {
    if (ark.type === 'parametre') {
      const ps = data.parametre?.[ark.nokkel] ?? [];
      plass.set(ark.nokkel, {
        ark: ark.navn,
        kolonner: new Map(),
        forste: FORSTE_DATARAD,
        siste: FORSTE_DATARAD + ps.length - 1,
        parametre: new Map(ps.map((p, i) => [p.nokkel, FORSTE_DATARAD + i])),
      });
    } else {
      const n = data.rader?.[ark.nokkel]?.length ?? 0;
      const harSum = ark.kolonner.some((k) => k.sum);
      plass.set(ark.nokkel, {
        ark: ark.navn,
        kolonner: new Map(ark.kolonner.map((k, i) => [k.nokkel, i + 1])),
        forste: FORSTE_DATARAD,
        siste: FORSTE_DATARAD + n - 1,
        ...(harSum ? { sumRad: FORSTE_DATARAD + n } : {}),
      });
    }
  }
  return plass;
}

/** {param:navn}: den absolutte referansen til parametercellen, i hvilket parameterark den enn står. */
function parameterRef(navn: string, plass: Map<string, Plassering>, mal: Mal): string {
  for (const p of plass.values()) {
    const r = p.parametre?.get(navn);
    if (r !== undefined) return `${arkRef(p.ark)}!$B$${r}`;
  }
  throw new Error(`Malen ${mal.navn}: ukjent parameter ${navn}`);
}

/** {kol}, {sum:…} og {omrade:…}: arkprefiks bare når plassholderen peker på et annet ark. */
function kolonneRef(
  m: string,
  art: string | undefined,
  [arkN, kolN]: [string, string],
  rad: number,
  arkNokkel: string,
  plass: Map<string, Plassering>,
  mal: Mal,
): string {
  const p = plass.get(arkN);
  const k = p?.kolonner.get(kolN);
  if (!p || k === undefined) throw new Error(`Malen ${mal.navn}: ukjent kolonne ${m}`);
  const kol = kolonneBokstav(k);
  const prefiks = arkN === arkNokkel ? '' : `${arkRef(p.ark)}!`;
  if (art === 'sum') {
    if (p.sumRad === undefined) throw new Error(`Malen ${mal.navn}: arket ${arkN} har ingen sumrad`);
    return `${prefiks}$${kol}$${p.sumRad}`;
  }
  if (art === 'omrade') return `${prefiks}$${kol}$${p.forste}:$${kol}$${Math.max(p.forste, p.siste)}`;
  return `${prefiks}${kol}${rad}`;
}

export function loesFormel(
  formel: string,
  rad: number,
  arkNokkel: string,
  plass: Map<string, Plassering>,
  mal: Mal,
): string {
  return formel.replace(
    /\{(?:(param|sum|omrade):)?([\w]+)(?:\.([\w]+))?\}/g,
    (m, art: string | undefined, a: string, b: string | undefined) => {
      if (art === 'param') return parameterRef(a, plass, mal);
      const arkOgKol: [string, string] = b ? [a, b] : [arkNokkel, a];
      return kolonneRef(m, art, arkOgKol, rad, arkNokkel, plass, mal);
    },
  );
}
