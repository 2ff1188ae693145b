/**
 * nh docs [emne] (issue 19 pkt. 11): dokumentasjonen som følger med nh, også etter `npm install -g` der
 * «docs/faktura.md» ikke ligger i arbeidsmappen. Uten emne: emnene med full sti. Med emne: teksten (eller bare
 * stien med --sti). Meldingene i nh viser til «nh docs <emne>».
 */
import { readFile } from 'node:fs/promises';
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { normaliserNavn } from '../../../domain/felles/felter.js';
import { naermeste } from '../../../domain/felles/naermeste.js';
import { docsEmner } from '../../../io/pakke.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { DocsValg } from './valg.js';

export async function docs(_k: Kontekst, emne: string | undefined, valg: DocsValg): Promise<Resultat> {
  const emner = await docsEmner();
  if (emne === undefined) {
    const bredde = Math.max(...emner.map((e) => e.emne.length));
    return {
      json: { emner },
      tekst: [
        'Dokumentasjonen som følger med nh (nh docs <emne> viser teksten):',
        ...emner.map((e) => `  ${e.emne.padEnd(bredde)}  ${e.tittel}`),
        '',
        `Filene ligger i ${emner[0] ? emner[0].fil.replace(/[\\/][^\\/]*$/, '') : '(ingen)'}.`,
      ].join('\n'),
    };
  }
  // «årsrapport» og «aarsrapport», «Faktura» og «faktura.md» er samme emne.
  const n = normaliserNavn(emne.replace(/\.md$/i, '').replace(/å/gi, 'aa'));
  const treff = emner.find((e) => normaliserNavn(e.emne) === n);
  if (!treff) {
    const forslag = naermeste(
      n,
      emner.map((e) => e.emne),
    );
    throw new InndataFeil([
      feil(
        'ukjent-emne',
        `Fant ikke emnet «${emne}».${forslag ? ` Mente du «${forslag}»?` : ''}`,
        { fil: 'kommandolinjen', kolonne: 'emne' },
        { forventet: `et av ${emner.map((e) => e.emne).join(', ')}` },
      ),
    ]);
  }
  if (valg.sti) return { json: { ...treff }, tekst: treff.fil };
  const tekst = await readFile(treff.fil, 'utf8');
  return { json: { ...treff, tekst }, tekst: `${tekst.trimEnd()}\n\n(${treff.fil})` };
}
