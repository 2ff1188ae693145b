/** nh kts-plan: tolkningene og lesingen av malbedrifter og AVI-loggen (felles for opplastingsfil og plan). */
import { malbedrifterDef } from '../../../domain/datasett/malbedrifter.js';
import { kastVedFeil } from '../../../domain/felles/diagnostikk.js';
import { kontrollerMalbedrifter } from '../../../domain/kontroll/kontroll.js';
import type { KtsBedrift } from '../../../domain/kts/kts.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { AVI_LOGG, lesAviLogg } from '../../../io/kts/avi-logg.js';
import { lesAlle, lesDatasett } from '../../../io/les/datasett.js';

/** Tolkningene av programveileder 6.3 som ikke står eksplisitt (docs/kts-plan.md). Vises i tekst, --json og xlsx. */
export const TOLKNINGER = [
  '«Siden siste oppdatering» (6.3): loggen avi/avi-logg.json over hva hver opplastingsfil inneholdt er fasit. Med i filen er alt som ikke står i en opplastingsfil for en annen frist, og som har utsendingsmåned til og med fristens måned. Første gang (ingen logg) antas AVI oppdatert ved forrige frist; --siden <dato> velger en annen dato.',
  'For sent: en registrering som hørte til en tidligere AVI-frist, men aldri ble rapportert, tas med, merkes «for sent» og får en utsendingsmåned som ikke er passert (denne oppdateringens måned).',
  'November–desember (11.1: alle aktive i året i AVI innen 31. desember): desemberfilen tar med årets oppstarter til og med fristen, med oppstartskjema i mars året etter (6.3); etter 1. desember gir --frist <år>-12-31 en logget årsslutt-registrering, og i desember foreslår nh den når årets oppstarter ikke står i noen opplasting.',
  'En målbedrift som både startet og sluttet siden siste oppdatering står i begge delene (ny og avsluttet).',
  'Ny kjøring for samme frist: filen lages komplett på nytt (krever --overskriv), og loggens innslag for fristen erstattes — ingenting dobbeltføres.',
  'Underveisskjema (6.3): ett år etter oppstartskjemaets måned og deretter årlig så lenge avtalen løper ved inngangen til måneden. AVI fyller det ut; det vises i planen, ikke i opplastingsfilen.',
  'Mangler navn eller e-post til daglig leder for en målbedrift i filen, skrives ingen fil (exit 2). Målbedrifter som ikke skal med, blokkerer ikke.',
] as const;

export async function lesBedrifter(am: Arbeidsmappe): Promise<{ fil: string | null; bedrifter: KtsBedrift[] }> {
  const mb = await lesDatasett(am, malbedrifterDef);
  // Avtaleslutt før avtalestart gir meningsløse utsendingsmåneder: samme regel som nh sjekk (8.2, 6.3).
  kastVedFeil(kontrollerMalbedrifter(mb.rader));
  return {
    fil: mb.fil,
    bedrifter: mb.rader.map((m) => ({
      orgnr: m.orgnr,
      navn: m.navn,
      avtalestart: m.avtalestart,
      avtaleslutt: m.avtaleslutt,
      dagligLeder: m.dagligLeder,
      dagligLederEpost: m.dagligLederEpost,
      kilde: m.kilde,
    })),
  };
}

/** Leser malbedrifter og loggen og samler feilene fra begge (én runde retting). */
export async function lesAlt(am: Arbeidsmappe) {
  const { mb, logg } = await lesAlle(am, { mb: () => lesBedrifter(am), logg: () => lesAviLogg(am.sti(AVI_LOGG)) });
  return { ...mb, ...logg };
}
