/**
 * Issue 23 pkt. 2: mangler `stotteregister.csv` der nh har fakturert før (en synkroniseringstjeneste har gitt det
 * nytt navn, det er slettet eller flyttet), startes aldri et nytt register fra første nummer — uten treårshistorikk
 * og uten det som er brukt av disponibelt. Her samles sporene etter tidligere fakturering; finnes noen, er det
 * exit 2 med hva som ble funnet og hvordan registeret legges tilbake.
 */
import { readdir } from 'node:fs/promises';
import { feil, InndataFeil } from '../../domain/felles/diagnostikk.js';
import { erAvbrutt, kjoringerILogg, type Logglinje } from '../../domain/faktura/nummerlogg.js';
import { erKonfliktkopi } from '../../domain/faktura/registerkontroll.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import { lesPeriodemapper } from './fakturakjoring.js';

const SIKKERHETSKOPI = 'faktura/sikkerhetskopi';

async function spor(am: Arbeidsmappe, logg: readonly Logglinje[]): Promise<{ kopier: string[]; andre: string[] }> {
  const kopier = (await readdir(am.rot).catch(() => [] as string[])).filter((f) => erKonfliktkopi(f));
  const andre: string[] = [];
  const fort = logg.filter((l) => l.hendelse === 'ført' && (l.fakturanr || l.ordrereferanse));
  if (fort.length) andre.push(`faktura/nummerlogg.csv (${fort.length} linjer ført)`);
  const kjoringer = kjoringerILogg(logg);
  for (const m of await lesPeriodemapper(am)) {
    // En første kjøring som døde før registeret ble skrevet, er ikke et spor: den ryddes av neste kjøring.
    if (m.merke && erAvbrutt(kjoringer.get(m.merke.kjoring))) continue;
    const hva = [m.fakturagrunnlag ? 'fakturagrunnlag' : '', m.ehf.length ? `${m.ehf.length} EHF-filer` : '']
      .filter(Boolean)
      .join(', ');
    if (hva) andre.push(`${m.visning}/ (${hva})`);
  }
  for (const k of await readdir(am.sti(SIKKERHETSKOPI)).catch(() => [] as string[])) {
    const filer = await readdir(am.sti(SIKKERHETSKOPI, k)).catch(() => [] as string[]);
    if (filer.some((f) => f.toLowerCase() === 'stotteregister.csv'))
      andre.push(`${SIKKERHETSKOPI}/${k}/stotteregister.csv`);
  }
  return { kopier, andre };
}

/** Kaster exit 2 når registeret mangler, men nh har fakturert i arbeidsmappen før. */
export async function sjekkManglendeRegister(am: Arbeidsmappe, logg: readonly Logglinje[], fil: string): Promise<void> {
  const { kopier, andre } = await spor(am, logg);
  if (!kopier.length && !andre.length) return;
  const funnet = [...kopier.map((k) => `«${k}» (ser ut som registeret med et annet navn)`), ...andre.slice(0, 6)];
  if (andre.length > 6) funnet.push(`og ${andre.length - 6} til`);
  const raad = kopier.length
    ? `Gi registeret navnet ${fil} igjen (f.eks. «${kopier[0]}» → ${fil}) — sammenlign først om det finnes flere kopier`
    : `Legg tilbake ${fil}: det nyeste fra ${SIKKERHETSKOPI}/ eller fra versjonsloggen/papirkurven i OneDrive/SharePoint`;
  const melding = `${fil} mangler, men nh har fakturert i denne arbeidsmappen før: ${funnet.join('; ')}. nh starter aldri et nytt register når det finnes spor etter et gammelt (treårstaket, disponibelt og nummerserien bygger på det). ${raad}. Se «nh docs faktura», avsnittet «Nummerserien».`;
  throw new InndataFeil([feil('register-mangler', melding, { fil }, { forventet: `${fil} i arbeidsmappen` })]);
}
