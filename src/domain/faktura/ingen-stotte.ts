/**
 * Timer som aldri kan gi innovasjonsstøtte (issue 20 pkt. 4 og 5):
 *
 * - Styrearbeid — vedlegg 3 pkt. 2: «Det er heller ikke anledning til å benytte tilskuddet til å dekke ansattes
 *   styrearbeid i målbedriftene.»
 * - Husleie og kontorplass — definisjonen «Innovasjonsstøttetjenester»: «Næringshageprogrammet gir ikke åpning
 *   for støtte i form av reduserte husleiekostnader».
 *
 * Valg (docs/faktura.md): en timerad på en målbedrift der `aktivitet` eller `tjeneste` er styrearbeid eller
 * husleie, **avviser kjøringen** (exit 1) med fil, rad og kolonne — nh fakturerer den verken med støtte eller
 * til full pris. Slikt arbeid er ikke programarbeid og hører ikke hjemme i timelisten for programmet; skal det
 * faktureres, gjøres det til full pris i regnskapssystemet. Å fakturere raden til full pris i samme faktura ville
 * gitt blandede intensiteter i én faktura og en kundefaktura målbedriftsavtalen ikke dekker.
 *
 * Hva som er styrearbeid og husleie, står i nh.json `faktura.ingenStotte` (mønstre; «*» til slutt = ord som
 * begynner slik), med standardene under. Ren modul.
 */
import { formatKilde } from '../felles/diagnostikk.js';
import { erAdminKode } from '../kontroll/kontroll.js';
import type { Timeregistrering } from '../datasett/timer.js';
import type { Avvisning } from './regler.js';

export type IngenStotteOppsett = { styrearbeid: readonly string[]; husleie: readonly string[] };

/** Standardene: «styre…» (styremøte, styrearbeid, styreverv …) og husleie/kontorplass. */
export const STANDARD_INGEN_STOTTE: IngenStotteOppsett = {
  styrearbeid: ['styre*'],
  husleie: ['husleie*', 'kontorleie*', 'kontorplass*', 'kontorlokale*', 'lokaleleie*', 'møteromsleie*'],
};

const normaliser = (s: string) => s.toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();

/** «styre*» treffer ord som begynner med «styre»; uten «*» må hele ordet (eller uttrykket) stå der. */
export function lagMonster(m: string): RegExp {
  const stjerne = m.trim().endsWith('*');
  const kjerne = normaliser(m.trim().replace(/\*$/, '')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${kjerne}${stjerne ? '' : '(?![\\p{L}\\p{N}])'}`, 'u');
}

const HVA = {
  styrearbeid: {
    tekst: 'styrearbeid i målbedriften',
    regel:
      'tilskuddet kan ikke dekke «ansattes styrearbeid i målbedriftene» (vedlegg 3 pkt. 2). Styrearbeid er ikke programarbeid: fjern raden fra timer (fakturer det eventuelt til full pris i regnskapssystemet)',
  },
  husleie: {
    tekst: 'husleie/kontorplass',
    regel:
      '«Næringshageprogrammet gir ikke åpning for støtte i form av reduserte husleiekostnader» (definisjonen «Innovasjonsstøttetjenester»). Fakturer husleie til full pris i regnskapssystemet og fjern raden fra timer',
  },
} as const;

type Monster = { slag: keyof IngenStotteOppsett; liste: readonly string[]; re: RegExp[] };

/** Avvisningene for periodens timerader på målbedrifter som er styrearbeid eller husleie (én per rad). */
export function finnIngenStotte(
  timer: readonly Timeregistrering[],
  adminKoder: readonly string[],
  oppsett: IngenStotteOppsett = STANDARD_INGEN_STOTTE,
): Avvisning[] {
  const monstre: Monster[] = (['styrearbeid', 'husleie'] as const).map((slag) => ({
    slag,
    liste: oppsett[slag],
    re: oppsett[slag].map(lagMonster),
  }));
  const ut: Avvisning[] = [];
  for (const t of timer) {
    if (erAdminKode(t.malbedrift, adminKoder)) continue;
    const treff = forsteTreff(t, monstre);
    if (!treff) continue;
    const { kolonne, verdi, slag, liste } = treff;
    const sted = formatKilde({ ...t.kilde, kolonne });
    ut.push({
      kode: 'ingen-stotte',
      orgnr: t.malbedrift,
      melding: `${sted}: «${verdi}» er ${HVA[slag].tekst} og gir ingen innovasjonsstøtte — ${HVA[slag].regel}. nh avviser kjøringen i stedet for å fakturere raden. Er det ikke ${HVA[slag].tekst}, gi raden en annen ${kolonne}, eller endre nh.json faktura.ingenStotte.${slag} (nå: ${liste.map((m) => `«${m}»`).join(', ')}).`,
      tall: { rad: t.kilde.rad ?? 0, timer: t.timer / 100 },
    });
  }
  return ut;
}

/** Første kolonne (tjeneste før aktivitet) og første slag som treffer; én avvisning per rad er nok. */
function forsteTreff(t: Timeregistrering, monstre: readonly Monster[]) {
  for (const kolonne of ['tjeneste', 'aktivitet'] as const) {
    const verdi = t[kolonne];
    if (!verdi) continue;
    const m = monstre.find(({ re }) => re.some((r) => r.test(normaliser(verdi))));
    if (m) return { kolonne, verdi, slag: m.slag, liste: m.liste };
  }
  return null;
}
