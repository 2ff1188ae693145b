/**
 * Issue 19 pkt. 4: en ukjent målbedrift eller ansatt i timelistene meldes én gang per verdi — med radene den står
 * på — og med et forslag når brukeren har skrevet noe nær: navnet på målbedriften i stedet for orgnr
 * («Fjellbris Kafé og Bakeri AS» → 945903333), en skrivefeil i orgnr eller navn. 29 like feil ble før 29 linjer
 * uten hint.
 */
import { feil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { normaliserNavn } from '../felles/felter.js';
import { naermeste } from '../felles/naermeste.js';
import { normaliserOrgnr } from '../felles/orgnr.js';

type Rad = { kilde: Kilde };
const VIS_RADER = 8;

/** «rad 5», «rad 5, 9 og 12», «rad 5, 9, 12 … (29 rader)». */
export function radliste(rader: readonly Rad[]): string {
  const nr = rader.map((r) => r.kilde.rad).filter((n): n is number => n !== undefined);
  if (nr.length <= 1) return nr.length ? `rad ${nr[0]}` : '';
  if (nr.length <= VIS_RADER) return `rad ${nr.slice(0, -1).join(', ')} og ${nr.at(-1)}`;
  return `rad ${nr.slice(0, VIS_RADER).join(', ')} … (${nr.length} rader)`;
}

/** Forslaget for en ukjent målbedrift: navnet på en målbedrift, eller nær et orgnr eller et navn. */
export function malbedriftForslag(verdi: string, mb: readonly { orgnr: string; navn: string }[]): string {
  const perNavn = new Map(mb.map((m) => [normaliserNavn(m.navn), m]));
  const navnet = perNavn.get(normaliserNavn(verdi));
  if (navnet)
    return ` Det er navnet på målbedriften ${navnet.orgnr}: skriv orgnr ${navnet.orgnr} i kolonnen malbedrift.`;
  const orgnr = naermeste(
    normaliserOrgnr(verdi),
    mb.map((m) => m.orgnr),
  );
  const somOrgnr = /^\d[\d\s]{6,}$/.test(verdi.trim()) && orgnr ? mb.find((m) => m.orgnr === orgnr) : undefined;
  if (somOrgnr) return ` Mente du ${somOrgnr.orgnr} (${somOrgnr.navn})?`;
  const navn = naermeste(normaliserNavn(verdi), [...perNavn.keys()]);
  const naer = navn === null ? undefined : perNavn.get(navn);
  return naer ? ` Mente du ${naer.orgnr} (${naer.navn})?` : '';
}

const paaRader = (rader: readonly Rad[]) => (rader.length > 1 ? ` på ${rader.length} rader (${radliste(rader)})` : '');

/** Feilen for én ukjent målbedrift, med radene den står på og forslaget. */
export function ukjentMalbedriftFeil(
  verdi: string,
  rader: readonly Rad[],
  mb: readonly { orgnr: string; navn: string }[],
  adminKoder: readonly string[],
): Diagnostikk {
  return feil(
    'ukjent-malbedrift',
    `Ukjent målbedrift «${verdi}»${paaRader(rader)}.${malbedriftForslag(verdi, mb)}`,
    { ...rader[0]!.kilde, kolonne: 'malbedrift' },
    { verdi, forventet: `et orgnr fra malbedrifter eller en administrasjonskode (${adminKoder.join(', ')})` },
  );
}

/** Feilen for én ukjent ansatt, med radene og nærmeste navn fra `kilde` (ansatte eller årets timesatsfil). */
export function ukjentAnsattFeil(
  verdi: string,
  rader: readonly Rad[],
  ansatte: readonly { navn: string }[],
  kilde = 'ansatte',
): Diagnostikk {
  const n = naermeste(
    verdi,
    ansatte.map((a) => a.navn),
    normaliserNavn,
  );
  return feil(
    'ukjent-ansatt',
    `Ukjent ansatt «${verdi}»${paaRader(rader)}: står ikke i ${kilde} og har derfor ingen timesats eller markedspris.${n ? ` Mente du «${n}»?` : ''}`,
    { ...rader[0]!.kilde, kolonne: 'ansatt' },
    { verdi, forventet: `et navn fra ${kilde}` },
  );
}
