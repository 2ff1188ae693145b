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

/** Samler radene per verdi (normalisert), i den rekkefølgen verdiene først dukker opp. */
export class Ukjente<R extends Rad> {
  private readonly perVerdi = new Map<string, { verdi: string; rader: R[] }>();
  legg(verdi: string, rad: R, nokkel = normaliserNavn(verdi)): void {
    const f = this.perVerdi.get(nokkel);
    if (f) f.rader.push(rad);
    else this.perVerdi.set(nokkel, { verdi, rader: [rad] });
  }
  get antall(): number {
    return this.perVerdi.size;
  }
  grupper(): { verdi: string; rader: R[] }[] {
    return [...this.perVerdi.values()];
  }
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

/** Én feil per ukjent målbedrift, med radene og forslaget. */
export function ukjenteMalbedrifter(
  ukjente: Ukjente<Rad>,
  mb: readonly { orgnr: string; navn: string }[],
  adminKoder: readonly string[],
): Diagnostikk[] {
  return ukjente
    .grupper()
    .map(({ verdi, rader }) =>
      feil(
        'ukjent-malbedrift',
        `Ukjent målbedrift «${verdi}»${rader.length > 1 ? ` på ${rader.length} rader (${radliste(rader)})` : ''}.${malbedriftForslag(verdi, mb)}`,
        { ...rader[0]!.kilde, kolonne: 'malbedrift' },
        { verdi, forventet: `et orgnr fra malbedrifter eller en administrasjonskode (${adminKoder.join(', ')})` },
      ),
    );
}

/** Én feil per ukjent ansatt, med radene og nærmeste navn fra ansatte. */
export function ukjenteAnsatte(ukjente: Ukjente<Rad>, ansatte: readonly { navn: string }[]): Diagnostikk[] {
  const navn = ansatte.map((a) => a.navn);
  return ukjente.grupper().map(({ verdi, rader }) => {
    const n = naermeste(verdi, navn, normaliserNavn);
    return feil(
      'ukjent-ansatt',
      `Ukjent ansatt «${verdi}»${rader.length > 1 ? ` på ${rader.length} rader (${radliste(rader)})` : ''}.${n ? ` Mente du «${n}»?` : ''}`,
      { ...rader[0]!.kilde, kolonne: 'ansatt' },
      { verdi, forventet: 'et navn fra ansatte' },
    );
  });
}
