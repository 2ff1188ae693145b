/**
 * Nummerloggen `faktura/nummerlogg.csv`: nh fører hvert nummer den tildeler, i rekkefølge, i en egen fil ved siden
 * av registeret — «tildelt» før noen faktura skrives, «ført» når linjene står i støtteregisteret, «annullert» når
 * en avbrutt kjøring ryddes, «hoppet over» for numre som ikke brukes (MOD11-KID som ville endt på «-»). Slik kan
 * et hull i serien alltid forklares, og et register som er erstattet med en eldre kopi, oppdages: det mangler
 * numre loggen sier er ført (bokføringsforskriften kap. 5: «kontrollerbar sekvens»). Ren modul.
 */
import { feil, type Diagnostikk } from '../felles/diagnostikk.js';
import type { RegisterlinjeData } from './typer.js';

export const LOGGHENDELSER = ['tildelt', 'ført', 'annullert', 'hoppet over'] as const;
export type Logghendelse = (typeof LOGGHENDELSER)[number];

export type Logglinje = {
  tidspunkt: string;
  kjoring: string;
  hendelse: Logghendelse;
  periode: string;
  fakturanr?: string;
  type?: string;
  orgnr?: string;
  ordrereferanse?: string;
  merknad?: string;
};

export type Kjoringslogg = {
  kjoring: string;
  periode: string;
  tidspunkt: string;
  tildelt: Logglinje[];
  fort: Logglinje[];
  annullert: boolean;
};

/** Kjøringene i loggen, i rekkefølgen de først står der. */
export function kjoringerILogg(logg: readonly Logglinje[]): Map<string, Kjoringslogg> {
  const ut = new Map<string, Kjoringslogg>();
  for (const l of logg) {
    if (l.hendelse === 'hoppet over') continue;
    let k = ut.get(l.kjoring);
    if (!k) {
      k = { kjoring: l.kjoring, periode: l.periode, tidspunkt: l.tidspunkt, tildelt: [], fort: [], annullert: false };
      ut.set(l.kjoring, k);
    }
    if (l.hendelse === 'tildelt') k.tildelt.push(l);
    else if (l.hendelse === 'ført') k.fort.push(l);
    else k.annullert = true;
  }
  return ut;
}

/** Ble kjøringen avbrutt: numrene er tildelt, men verken ført eller annullert? */
export const erAvbrutt = (k: Kjoringslogg | undefined) => Boolean(k && !k.fort.length && !k.annullert);

/** Linjene i loggen for en kjøring: én per registerlinje, eller én tom når kjøringen ikke ga noen linjer. */
export function logglinjer(
  hendelse: Logghendelse,
  d: { kjoring: string; periode: string; tidspunkt: string; merknad?: string },
  linjer: readonly {
    fakturanr?: string | undefined;
    type?: string | undefined;
    orgnr?: string | undefined;
    ordrereferanse?: string | undefined;
  }[],
): Logglinje[] {
  const felles = { tidspunkt: d.tidspunkt, kjoring: d.kjoring, hendelse, periode: d.periode };
  if (!linjer.length) return [{ ...felles, merknad: d.merknad ?? 'ingen fakturaer i perioden' }];
  return linjer.map((l) => ({
    ...felles,
    ...(l.fakturanr ? { fakturanr: l.fakturanr } : {}),
    type: l.type ?? 'faktura',
    ...(l.orgnr ? { orgnr: l.orgnr } : {}),
    ...(l.ordrereferanse ? { ordrereferanse: l.ordrereferanse } : {}),
    ...(d.merknad ? { merknad: d.merknad } : {}),
  }));
}

/**
 * Et register som har mistet linjer loggen sier er ført (erstattet med en eldre kopi, eller redigert): exit 2
 * med kjøringene og numrene som mangler, og hvordan registeret gjenopprettes.
 */
export function tilbakerulling(
  register: readonly RegisterlinjeData[],
  logg: readonly Logglinje[],
  filer: { register: string; logg: string },
): Diagnostikk[] {
  const numre = new Set(register.map((l) => l.fakturanr).filter(Boolean));
  const refs = new Set(register.map((l) => l.ordrereferanse).filter(Boolean));
  const mangler = new Map<string, Logglinje[]>();
  for (const l of logg) {
    if (l.hendelse !== 'ført' || (!l.fakturanr && !l.ordrereferanse)) continue;
    if (l.fakturanr ? numre.has(l.fakturanr) : refs.has(l.ordrereferanse)) continue;
    mangler.set(l.kjoring, [...(mangler.get(l.kjoring) ?? []), l]);
  }
  if (!mangler.size) return [];
  const hva = [...mangler.values()].map((ls) => {
    const ider = ls.map((l) => l.fakturanr ?? l.ordrereferanse).join(', ');
    return `periode ${ls[0]!.periode}: ${ls.length} ${ls.length === 1 ? 'linje' : 'linjer'} (${ider}), ført ${ls[0]!.tidspunkt.slice(0, 10).split('-').reverse().join('.')} av kjøringen ${ls[0]!.kjoring}`;
  });
  const melding = `${filer.register} mangler linjer som nh har ført ifølge ${filer.logg} — ${hva.join('; ')}. Registeret er trolig erstattet med en eldre kopi (sikkerhetskopi, OneDrive-/SharePoint-versjon) eller redigert for hånd. nh fører ikke videre på et register som har mistet fakturaer (numrene kunne blitt brukt om igjen): legg tilbake det nyeste registeret (se faktura/sikkerhetskopi/ og versjonsloggen i OneDrive), eller før linjene inn igjen. Se «nh docs faktura», avsnittet «Nummerserien».`;
  return [
    feil(
      'register-tilbakerullet',
      melding,
      { fil: filer.register },
      { forventet: 'et register med alle førte linjer' },
    ),
  ];
}
