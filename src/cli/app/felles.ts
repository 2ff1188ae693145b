/** Små hjelpere alle kommandoer bruker: år fra flagg/nh.json, utmappe, og flagg-eller-spørsmål. */
import { gjeldende } from '../prosess.js';
import path from 'node:path';
import type { Config } from '../../domain/konfig/config.js';
import { feil, InndataFeil } from '../../domain/felles/diagnostikk.js';
import type { Arbeidsmappe } from '../../io/arbeidsmappe.js';
import type { Parameter } from '../../io/skriv/xlsx-skriv.js';
import type { Kontekst, Spor } from '../kontekst.js';

export function velgAar(flagg: string | undefined, config: Config, navn = '--år'): number {
  return flagg === undefined ? config.ar : tolkAar(flagg, navn);
}

/** Et år i programperioden fra et flagg, ellers exit 2. */
export function tolkAar(flagg: string, navn = '--år'): number {
  if (!/^\d{4}$/.test(flagg.trim()) || Number(flagg) < 2023 || Number(flagg) > 2099) {
    throw new InndataFeil([
      feil('ugyldig-flagg', `${navn} «${flagg}» er ikke et år i programperioden.`, undefined, {
        forventet: 'et år som 2026',
      }),
    ]);
  }
  return Number(flagg);
}

export function utmappe(am: Arbeidsmappe, ut: string | undefined): string {
  return ut ? path.resolve(gjeldende().cwd, ut) : am.rot;
}

/**
 * Kroner med to desimaler som JSON-tall (fra heltall øre) og prosent fra ppm: domenets formatterere, ikke egne
 * kopier (issue 12 pkt. 5). ore / 100 er det nærmeste flyttallet til beløpet med to desimaler.
 */
export { tilKroner as kr, ppmTilProsent as pst } from '../../domain/felles/penger.js';

/**
 * En verdi som må finnes: fra flagget, ellers et spørsmål på en TTY (k.interaktiv), ellers exit 2 med
 * en tydelig norsk melding. Aldri spørsmål med --json, i CI eller uten TTY (docs/arkitektur.md «Spørsmål»).
 */
export async function flaggEllerSpor(
  k: Kontekst,
  flagg: string | undefined,
  mangler: { flagg: string; melding: string; forventet: string },
  spor: (s: Spor) => Promise<string>,
): Promise<string> {
  if (flagg !== undefined) return flagg;
  if (!k.interaktiv) {
    throw new InndataFeil([
      feil(
        'mangler-flagg',
        mangler.melding,
        { fil: 'kommandolinjen', kolonne: mangler.flagg },
        { forventet: mangler.forventet },
      ),
    ]);
  }
  return (await spor(k.spor)).trim();
}

/** Spør om et år (med standardsvar) og validerer det som tolkAar gjør. */
export function sporOmAar(s: Spor, sporsmal: string, standard: number): Promise<string> {
  return s.tekst(sporsmal, {
    standard: String(standard),
    valider: (v) => {
      try {
        tolkAar(v, 'Året');
        return true;
      } catch (e) {
        return e instanceof InndataFeil ? (e.diagnostikk[0]?.melding ?? 'Ugyldig år') : 'Ugyldig år';
      }
    },
  });
}

/** Forutsetninger-radene flere arbeidsbøker har: næringshagen og tolkningene av programveilederen. */
export function naeringshageOgTolkninger(config: Config, tolkninger: readonly string[]): Parameter[] {
  return [
    {
      nokkel: 'naeringshage',
      etikett: 'Næringshage',
      type: 'tekst',
      verdi: `${config.naeringshage.navn} (${config.naeringshage.orgnr})`,
    },
    ...tolkninger.map((t, i) => ({
      nokkel: `tolkning${i + 1}`,
      etikett: `Tolkning ${i + 1}`,
      type: 'tekst' as const,
      verdi: t,
    })),
  ];
}
