/**
 * nh frister [--år]: rapporteringsfristene i programveileder 11.1 (FRISTER i domain/aarsrapport/frister.ts) med
 * dager igjen fra i dag og nh-kommandoen som lager grunnlaget. Trenger ingen arbeidsmappe.
 */
import { dagnummer, deler, formatDato } from '../../../domain/felles/dato.js';
import { fristerForAar } from '../../../domain/aarsrapport/frister.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { FristerValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { tolkAar } from '../felles.js';

/** Plassholderne i FRISTER (<fjoråret>, <neste år>, <åååå>) fylt ut for året. */
export function kommandoFor(mal: string | undefined, aar: number): string | null {
  if (!mal) return null;
  return mal
    .replace(/<fjoråret>/g, String(aar - 1))
    .replace(/<neste år>/g, String(aar + 1))
    .replace(/<åååå>/g, String(aar));
}

export async function frister(k: Kontekst, valg: FristerValg): Promise<Resultat> {
  let aar = deler(k.idag).aar;
  if (valg.ar !== undefined) aar = tolkAar(valg.ar, '--år');
  const idag = dagnummer(k.idag);
  const liste = fristerForAar(aar).map(({ dato, frist }) => {
    const dagerIgjen = dagnummer(dato) - idag;
    return {
      dato,
      hva: frist.hva,
      kilde: frist.kilde,
      kommando: kommandoFor(frist.kommando, aar),
      dagerIgjen,
      status: dagerIgjen < 0 ? 'passert' : dagerIgjen === 0 ? 'i dag' : 'kommende',
    };
  });
  const neste = liste.find((f) => f.dagerIgjen >= 0) ?? null;
  const dagerTekst = (n: number) => (n < 0 ? `passert for ${-n} d siden` : n === 0 ? 'i dag' : `${n} d`);
  const tekst = [
    farge.bold(`Rapporteringsfrister ${aar} (programveileder 11.1) – i dag ${formatDato(k.idag)}`),
    '',
    tekstTabell(
      ['Frist', 'Dager igjen', 'Hva', 'Lages med'],
      liste.map((f) => [formatDato(f.dato), dagerTekst(f.dagerIgjen), f.hva, f.kommando ?? '–']),
      [false, true, false, false],
    ),
    '',
    neste
      ? `Neste frist: ${formatDato(neste.dato)} – ${neste.hva}.`
      : `Alle fristene for ${aar} er passert. Se nh frister --år ${aar + 1}.`,
  ].join('\n');
  return { json: { ar: aar, idag: k.idag, frister: liste, neste: neste?.dato ?? null }, tekst };
}
