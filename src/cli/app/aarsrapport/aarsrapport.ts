/**
 * nh årsrapport
 *   --måltall <år>       måltall for det kommende året til AVI (1. desember; programveileder 6.5, 11.1, 11.2)
 *   --år <år> [--halvår] årsrapportering (31.12 / 15.1, halvår 30.6; 11.1) og tilskuddsbalansen (10.4)
 *
 * Leser malbedrifter, støtteregisteret, tiltak, srl, timer og tilskudd → regner i domain/maltall og
 * domain/aarsrapport → skriver xlsx (+ csv for måltallene) og --json. Spør aldri: alt styres med flagg,
 * så kommandoen kan kjøres fra et skript (stdin lukket).
 */
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { deler } from '../../../domain/felles/dato.js';
import { aapneArbeidsmappe } from '../../../io/arbeidsmappe.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { AarsrapportValg } from './valg.js';
import { sporOmAar } from '../felles.js';
import { maltallEksport } from './maltall.js';
import { aarsrapportForAar } from './aar.js';

// ————— Inngang —————

/**
 * Uten --måltall og --år: på en TTY velger brukeren måltall (standard neste år, 11.1: 1. desember) eller
 * årsrapport (standard inneværende år fra juli, ellers fjoråret; 11.1: 31.12/15.1, halvår 30.6) og året.
 * Med --halvår er det bare årsrapporten som er aktuell. Ellers (skript, CI, --json): exit 2 som før.
 */
async function sporOmModus(k: Kontekst, valg: AarsrapportValg): Promise<AarsrapportValg> {
  if (!k.interaktiv || valg.maltall !== undefined || valg.ar !== undefined) return valg;
  const { aar: iaar, mnd } = deler(k.idag);
  const modus = valg.halvar
    ? 'ar'
    : await k.spor.velg('Hva vil du lage?', [
        { navn: 'Måltall til AVI for neste år (frist 1. desember)', verdi: 'maltall' },
        { navn: 'Årsrapport (31. desember / 15. januar)', verdi: 'ar' },
      ]);
  const aar = (
    await sporOmAar(
      k.spor,
      modus === 'maltall' ? 'Måltall for hvilket år?' : 'Årsrapport for hvilket år?',
      modus === 'maltall' ? iaar + 1 : mnd >= 7 ? iaar : iaar - 1,
    )
  ).trim();
  return modus === 'maltall' ? { ...valg, maltall: aar } : { ...valg, ar: aar };
}

export async function aarsrapport(k: Kontekst, valgInn: AarsrapportValg): Promise<Resultat> {
  const valg = await sporOmModus(k, valgInn);
  const harMaltall = valg.maltall !== undefined;
  const harAar = valg.ar !== undefined;
  if (harMaltall === harAar) {
    throw new InndataFeil([
      feil(
        'ugyldig-flagg',
        harMaltall
          ? 'Oppgi enten --måltall <år> eller --år <år>, ikke begge.'
          : 'Oppgi --måltall <år> (måltall til AVI) eller --år <år> (årsrapport).',
        undefined,
        {
          forventet: 'nh årsrapport --måltall 2027, eller nh årsrapport --år 2026 [--halvår]',
        },
      ),
    ]);
  }
  if (valg.halvar && !harAar) {
    throw new InndataFeil([
      feil('ugyldig-flagg', '--halvår gjelder bare sammen med --år <år>.', undefined, {
        forventet: 'nh årsrapport --år 2026 --halvår',
      }),
    ]);
  }
  const am = await aapneArbeidsmappe(k.data);
  return harMaltall ? maltallEksport(k, am, valg) : aarsrapportForAar(k, am, valg);
}
