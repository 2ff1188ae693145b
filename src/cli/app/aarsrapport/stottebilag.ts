/**
 * nh årsrapport --år: støttebilagene nh faktura har skrevet (faktura/<periode>/bilag-stotte.csv) mot
 * støtteregisteret (issue 21 pkt. 4; programveileder 10.4 pkt. 1, vedlegg 3 pkt. 4.1: «Det må være samsvar mellom
 * de beløp som regnskapsføres og det som innrapporteres»). Måneder med støtte i registeret men uten bilagsfil vises.
 */
import { formatKroner, type Ore } from '../../../domain/felles/penger.js';
import type { Dato } from '../../../domain/felles/dato.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesStottebilagSum, STOTTEBILAG_FIL } from '../../../io/faktura/stottebilag-skriv.js';

export type StottebilagKontroll = { bilag: Ore; register: Ore; avvik: Ore; manglerFil: string[] };

export async function stottebilagMotRegister(
  am: Arbeidsmappe,
  p: { fra: Dato; til: Dato },
  register: readonly { periode: string; dato: Dato; stotte: Ore }[],
): Promise<StottebilagKontroll> {
  const perioder = new Map<string, Ore>();
  for (const r of register)
    if (r.dato >= p.fra && r.dato <= p.til) perioder.set(r.periode, (perioder.get(r.periode) ?? 0) + r.stotte);
  let bilag = 0;
  const manglerFil: string[] = [];
  for (const [periode, stotte] of [...perioder].sort()) {
    const sum = await lesStottebilagSum(
      am.sti('faktura', periode, STOTTEBILAG_FIL),
      am.config.faktura.kontoer.tilskuddsgjeld,
    );
    if (sum === null) {
      if (stotte) manglerFil.push(periode);
    } else bilag += sum;
  }
  const reg = [...perioder.values()].reduce((s, x) => s + x, 0);
  return { bilag, register: reg, avvik: bilag - reg, manglerFil };
}

export function stottebilagTekst(k: StottebilagKontroll): string {
  const hoved = `Støttebilag (bilag-stotte.csv, debet kortsiktig gjeld): ${formatKroner(k.bilag)} kr; støtteregisteret: ${formatKroner(k.register)} kr`;
  if (!k.avvik && !k.manglerFil.length) return `${hoved} — samsvar (10.4 pkt. 1).`;
  const mangler = k.manglerFil.length
    ? ` Mangler bilagsfil for ${k.manglerFil.join(', ')} (kjør «nh faktura --periode <måned> --dokumenter»).`
    : '';
  return `${hoved} — AVVIK ${formatKroner(k.avvik)} kr.${mangler}`;
}
