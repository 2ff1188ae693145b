/**
 * nh faktura, spørsmålene: planen sier hvilke adresser fra Brønnøysundregistrene som kan fylle en manglende
 * fakturaadresse; her spørres brukeren (bare på en TTY, og før låsen tas). Uten TTY står forslaget i feilen.
 */
import { advarsel, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { avgjorKjopere, type Kjoperbehov, type Kunde } from '../../../domain/faktura/kjopere.js';
import type { Kontekst } from '../../kontekst.js';

/**
 * Kjøperne etter spørsmålene. Feil som ingen ja kan rette (selgerens mangler, andre kolonner), meldes med en
 * gang, uten spørsmål. `--forhandsvis` spør ikke: på en TTY står tilbudet som en advarsel.
 */
export async function avklarKjopere(k: Kontekst, b: Kjoperbehov, forhandsvis: boolean): Promise<Map<string, Kunde>> {
  const uten = avgjorKjopere(b, new Set());
  if (!uten.feil.length) return uten.kunder;
  const alleJa = avgjorKjopere(b, new Set(b.tilbud.map((t) => t.orgnr)));
  if (alleJa.feil.length || !k.interaktiv) throw new InndataFeil(uten.feil);
  if (forhandsvis) {
    for (const t of b.tilbud) {
      const melding = `${t.navn} (${t.orgnr}) mangler fakturaadresse i malbedrifter; uten --forhåndsvis spør nh om å bruke ${t.adresse.hvilken} fra Brønnøysundregistrene.`;
      k.advarsler.push(advarsel('adresse-tilbys', melding, t.kilde));
    }
    return alleJa.kunder;
  }
  const ja = new Set<string>();
  for (const t of b.tilbud) if (await k.spor.bekreft(t.sporsmal)) ja.add(t.orgnr);
  const svar = avgjorKjopere(b, ja);
  k.advarsler.push(...svar.advarsler);
  if (svar.feil.length) throw new InndataFeil(svar.feil);
  return svar.kunder;
}
