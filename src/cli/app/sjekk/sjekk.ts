/**
 * nh sjekk: les alle grunndatasettene → planlegg (domain/arbeidsmappe/sjekk.ts: alle feil, også på tvers av filer,
 * samlet) → vis. Skriver ingenting.
 */
import { planleggSjekk } from '../../../domain/arbeidsmappe/sjekk.js';
import { InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { GRUNNDATASETT } from '../../../domain/datasett/index.js';
import { aapneArbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesAlleDelvis } from '../../../io/les/datasett.js';
import type { Kontekst, Resultat } from '../../kontekst.js';

export async function sjekk(k: Kontekst): Promise<Resultat> {
  const am = await aapneArbeidsmappe(k.data);
  const lesinger = Object.fromEntries(GRUNNDATASETT.map((def) => [def.navn, { def, valgfritt: true }]));
  const { lest, feil: lesefeil } = await lesAlleDelvis(am, lesinger);
  const p = planleggSjekk({ lest, lesefeil, config: am.config, idag: k.idag });
  if (p.feil.length) throw new InndataFeil(p.feil);
  k.advarsler.push(...p.advarsler);
  const { oversikt, ikkeFyltInn } = p;
  return {
    json: { ok: true, datasett: oversikt, ikkeFyltInn },
    tekst: [
      'Alle datasett er gyldige:',
      ...oversikt.map(
        (o) => `  ${o.datasett.padEnd(14)} ${o.fil ? `${o.fil} (${o.rader} rader)` : '(mangler — valgfritt her)'}`,
      ),
      ...(ikkeFyltInn.length
        ? [
            '',
            `Ikke fylt inn i nh.json (${ikkeFyltInn.length}) — kommandoene som trenger verdien, stopper til den er fylt inn:`,
            ...ikkeFyltInn.map((u) => `  ${u.felt} (${u.brukesAv}): ${u.hva}. Finnes: ${u.hvor}.`),
          ]
        : []),
    ].join('\n'),
  };
}
