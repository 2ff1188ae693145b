/**
 * Arbeidsmappen: en mappe med `nh.json` og datasettene (`ansatte.csv|xlsx`, …). Alle kommandoer
 * tar `--data <mappe>` (standard: gjeldende mappe).
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { tolkConfig, type Config } from '../domain/konfig/config.js';
import { feil, InndataFeil } from '../domain/felles/diagnostikk.js';

export const CONFIG_FIL = 'nh.json';

export type Arbeidsmappe = {
  rot: string;
  config: Config;
  /** Absolutt sti til noe i arbeidsmappen. */
  sti: (...deler: string[]) => string;
};

export async function aapneArbeidsmappe(rot: string): Promise<Arbeidsmappe> {
  const abs = path.resolve(rot);
  const configSti = path.join(abs, CONFIG_FIL);
  let tekst: string;
  try {
    tekst = await readFile(configSti, 'utf8');
  } catch (e) {
    const kode = (e as NodeJS.ErrnoException).code;
    if (kode === 'ENOENT' || kode === 'ENOTDIR') {
      throw new InndataFeil([
        feil(
          'mangler-config',
          `Fant ikke ${CONFIG_FIL} i «${abs}». Er dette en arbeidsmappe? Lag en med «nh init <mappe>», eller pek på den med --data.`,
          { fil: configSti },
        ),
      ]);
    }
    const hvorfor =
      kode === 'EISDIR'
        ? 'det er en mappe, ikke en fil'
        : kode === 'EACCES' || kode === 'EPERM'
          ? 'ingen lesetilgang'
          : `feilkode ${kode ?? 'ukjent'}`;
    throw new InndataFeil([
      feil(
        'ulesbar-config',
        `Kan ikke lese ${CONFIG_FIL} i «${abs}» (${hvorfor}).`,
        { fil: configSti },
        { forventet: 'en vanlig fil du har lesetilgang til (sjekk rettighetene, eller lag den på nytt med «nh init»)' },
      ),
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(tekst.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InndataFeil([
      feil('ugyldig-config', `${CONFIG_FIL} er ikke gyldig JSON (${(e as Error).message}).`, { fil: CONFIG_FIL }),
    ]);
  }
  const r = tolkConfig(json, CONFIG_FIL);
  if (!r.ok) throw new InndataFeil(r.feil);
  return { rot: abs, config: r.config, sti: (...d) => path.join(abs, ...d) };
}

/** Zod-feil i en JSON-fil → diagnostikk (flyttet til domain/konfig/config.ts; eksportert her for eldre kall). */

/** Finn `<navn>.csv` eller `<navn>.xlsx` (uavhengig av store/små bokstaver, slik Windows gjør). */
export async function finnDatasettFil(rot: string, navn: string): Promise<string | null> {
  let filer: string[];
  try {
    filer = await readdir(rot);
  } catch {
    throw new InndataFeil([feil('mangler-mappe', `Fant ikke mappen «${rot}».`, { fil: rot })]);
  }
  const treff = filer.filter((f) => ['.csv', '.xlsx'].some((ext) => f.toLowerCase() === `${navn}${ext}`));
  if (treff.length > 1) {
    throw new InndataFeil([
      feil(
        'to-filer',
        `Både ${treff.join(' og ')} finnes. Fjern eller gi nytt navn til den ene, så det er klart hvilken som gjelder.`,
        { fil: treff.join(', ') },
      ),
    ]);
  }
  return treff[0] ? path.join(rot, treff[0]) : null;
}
