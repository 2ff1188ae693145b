/**
 * Reglene for støtten i én fakturakjøring, samlet (issue 20): hver faktura er en ny tildeling av støtte, og
 * alt som avgjør om den kan gis, vurderes her på fakturadatoen. Ren funksjon: inndata inn, avvisninger (exit 1),
 * advarsler og status per målbedrift ut — appen viser dem og skriver (eller lar være).
 *
 * - over 75 % (definisjonen «Støtteintensitet», vedlegg 3 pkt. 2) — regler.ts
 * - treårstaket medregnet støtte fra andre (vedlegg 3 pkt. 2, GBER art. 28(4); issue 20 pkt. 7) — regler.ts
 * - kumulering og «merket hos andre» (issue 20 pkt. 7) — annen-stotte.ts
 * - SMB-sjekken per faktura, --godta-smb og ny sjekk (issue 20 pkt. 1–3) — smb-kontroll.ts
 * - styrearbeid og husleie (issue 20 pkt. 4–5) — ingen-stotte.ts
 * - kursens alder og Støtteregisteret (issue 20 pkt. 14 og 19) — varsler.ts
 * Disponibelt (10.4) regnes for hele kjøringen i appen (beregnDisponibelt), ikke per målbedrift.
 */
import type { Dato } from '../felles/dato.js';
import type { Diagnostikk } from '../felles/diagnostikk.js';
import { annenStotteSomLinjer, type StotteLinjeEur } from '../felles/stottetak.js';
import type { AnnenStotte } from '../datasett/annenstotte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Timeregistrering } from '../datasett/timer.js';
import { manglerAnnenStotte, sjekkKumulering, type Kumulering } from './annen-stotte.js';
import { finnIngenStotte, type IngenStotteOppsett } from './ingen-stotte.js';
import { sjekkStotteintensitet, sjekkTreaarstak, type Avvisning, type Treaarsstatus } from './regler.js';
import { vurderSmbPerFaktura, type SmbSjekkPost, type SmbStatus } from './smb-kontroll.js';
import type { Fakturering } from './typer.js';
import { kursAdvarsler, stotteregisteretAdvarsler } from './varsler.js';

export type StottereglerInn = {
  fakturering: Fakturering;
  /** Støtteregisteret uten linjene for perioden (så --erstatt ikke teller den krediterte fakturaen to ganger). */
  register: readonly (StotteLinjeEur & { markedsverdi: number; stotte: number })[];
  annen: readonly AnnenStotte[];
  malbedrifter: readonly Malbedrift[];
  /** Periodens timerader (styrearbeid og husleie). */
  timer: readonly Timeregistrering[];
  adminKoder: readonly string[];
  ingenStotte: IngenStotteOppsett;
  sjekker: ReadonlyMap<string, readonly SmbSjekkPost[]>;
  /** --godta-smb: orgnr → grunn. */
  godta: ReadonlyMap<string, string>;
  /** NOK per EUR ×10 000 og dens dato (nh.json eurNok). */
  kurs: number;
  kursdato: Dato;
};

export type StottereglerUt = {
  avvisninger: Avvisning[];
  advarsler: Diagnostikk[];
  treaar: Treaarsstatus[];
  smb: Map<string, SmbStatus>;
  /** Orgnr → teksten til registerkolonnen smbGodtatt. */
  smbGodtatt: Map<string, string>;
  kumulering: Kumulering[];
};

export function vurderStotte(x: StottereglerInn): StottereglerUt {
  const f = x.fakturering;
  const fd = f.fakturadato;
  const andre = annenStotteSomLinjer(x.annen, x.kurs);
  const treaar = sjekkTreaarstak(f, x.register, andre);
  const smb = vurderSmbPerFaktura(f.malbedrifter, fd, x.sjekker, x.godta);
  const kum = sjekkKumulering(f.malbedrifter, x.register, x.annen, fd, x.kurs);
  return {
    avvisninger: [
      ...finnIngenStotte(x.timer, x.adminKoder, x.ingenStotte),
      ...sjekkStotteintensitet(f),
      ...smb.avvisninger,
      ...treaar.avvisninger,
      ...kum.avvisninger,
    ],
    advarsler: [
      ...smb.advarsler,
      ...manglerAnnenStotte(f.malbedrifter, x.malbedrifter, x.annen),
      ...kursAdvarsler(x.kursdato, fd),
      ...stotteregisteretAdvarsler(f.malbedrifter, treaar.status),
    ],
    treaar: treaar.status,
    smb: smb.status,
    smbGodtatt: smb.godtatt,
    kumulering: kum.status,
  };
}
