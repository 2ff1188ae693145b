/**
 * nh init --demo <mappe> (issue 19 pkt. 11): en kopi av demo-arbeidsmappen som følger med pakken (Fjellbygda
 * Næringshage, 2026), så README-eksemplene virker også etter `npm install -g`, der fixtures/demo ikke ligger i
 * gjeldende mappe. Skrives atomisk som alt annet; en eksisterende arbeidsmappe overskrives ikke.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_MAPPE, demoFiler } from '../../../io/pakke.js';
import { skrivFiler } from '../../../io/skriv/skriv.js';
import type { Resultat } from '../../kontekst.js';

/** `skrevet` er mappen slik brukeren skrev den, så kommandoene i teksten virker fra samme sted. */
export async function initDemo(rot: string, skrevet: string): Promise<Resultat> {
  const filer = await demoFiler();
  await skrivFiler(
    await Promise.all(
      filer.map(async (f) => ({ sti: path.join(rot, f), innhold: await readFile(path.join(DEMO_MAPPE, f)) })),
    ),
    { overskriv: false },
  );
  const mappe = /\s/.test(skrevet) ? `"${skrevet}"` : skrevet;
  return {
    json: { mappe: rot, filer, ikkeFyltInn: [] },
    tekst: [
      `Kopierte demo-arbeidsmappen (Fjellbygda Næringshage AS, 2026) til ${rot} (${filer.length} filer).`,
      '',
      'Prøv for eksempel:',
      `  nh sjekk --data ${mappe}`,
      `  nh faktura --data ${mappe} --periode 2026-10`,
      `  nh årsrapport --data ${mappe} --måltall 2027 --forhåndsvis`,
      '',
      'Se LESMEG.md i mappen og «nh docs».',
    ].join('\n'),
  };
}
