import { createHash } from 'node:crypto';
import { formatDato, leggTilDager, leggTilMaaneder, type Dato, type Maaned } from '../../../domain/felles/dato.js';
import { fristerForAar } from '../../../domain/aarsrapport/frister.js';
import { maanedTekst, planForAar, type Utsending } from '../../../domain/kts/kts.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { skrivFiler } from '../../../io/skriv/skriv.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { KtsPlanValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { velgAar } from '../felles.js';
import { TOLKNINGER, lesBedrifter } from './felles.js';

const UTSENDINGSTYPE = { oppstart: 'oppstartskjema', underveis: 'underveisskjema', exit: 'exit-skjema' } as const;

// ————— --plan <år> og --ics <fil> —————

function utsendingJson(u: Utsending) {
  return {
    orgnr: u.orgnr,
    navn: u.navn,
    type: u.type,
    maaned: u.maaned,
    maanedTekst: maanedTekst(u.maaned),
    frist: u.frist,
  };
}

export async function plan(k: Kontekst, am: Arbeidsmappe, valg: KtsPlanValg): Promise<Resultat> {
  const aar = velgAar(valg.plan, am.config, '--plan');
  const { bedrifter } = await lesBedrifter(am);
  const utsendinger = planForAar(bedrifter, aar);
  let icsSti: string | null = null;
  let hendelser = 0;
  if (valg.ics !== undefined) {
    const ics = await lagIcs(am, aar, utsendinger);
    icsSti = k.sti(valg.ics);
    hendelser = ics.antall;
    await skrivFiler([{ sti: icsSti, innhold: ics.tekst }], { overskriv: Boolean(valg.overskriv) });
  }
  const json = {
    modus: 'plan',
    ar: aar,
    utsendinger: utsendinger.map(utsendingJson),
    ics: icsSti,
    hendelser: icsSti ? hendelser : null,
    tolkninger: TOLKNINGER,
  };
  const tekst = [
    farge.bold(`Kundetilfredshetsundersøkelsen ${aar} – ${am.config.naeringshage.navn} (programveileder 6.3)`),
    '',
    utsendinger.length
      ? tekstTabell(
          ['Måned', 'Skjema', 'Målbedrift', 'Orgnr', 'AVI-frist'],
          utsendinger.map((u) => [maanedTekst(u.maaned), UTSENDINGSTYPE[u.type], u.navn, u.orgnr, formatDato(u.frist)]),
        )
      : '  (ingen utsendinger i året)',
    '',
    'Underveisskjema fylles ut automatisk i AVI og er ikke med i opplastingsfilen (6.3).',
    ...(icsSti ? [`Skrev ${icsSti} (${hendelser} hendelser).`] : []),
  ].join('\n');
  return { json, tekst };
}

function kort(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 10);
}

/**
 * iCalendar med heldagshendelser (DATE, ingen tidssone) og stabile UID-er: samme innhold gir samme fil
 * (DTSTAMP er 1. januar i året, ikke klokka nå). Utsendingsmånedene er hendelser over hele måneden,
 * merket som ledig tid (TRANSP:TRANSPARENT), så de ikke blokkerer kalenderen i Outlook.
 */
async function lagIcs(
  am: Arbeidsmappe,
  aar: number,
  utsendinger: Utsending[],
): Promise<{ tekst: string; antall: number }> {
  const { default: ical, ICalCalendarMethod, ICalEventTransparency } = await import('ical-generator');
  const nhOrgnr = am.config.naeringshage.orgnr;
  const stamp = new Date(Date.UTC(aar, 0, 1));
  const cal = ical({
    name: `${am.config.naeringshage.navn}: rapportering og kundetilfredshet ${aar}`,
    prodId: { company: 'nh', product: 'kts-plan', language: 'NO' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const { dato, frist } of fristerForAar(aar)) {
    const kommando = frist.kommando
      ?.replace('<åååå>', String(aar))
      .replace('<fjoråret>', String(aar - 1))
      .replace('<neste år>', String(aar + 1));
    cal.createEvent({
      id: `nh-frist-${dato}-${kort(frist.hva)}@${nhOrgnr}.nh`,
      start: dato,
      end: leggTilDager(dato, 1),
      allDay: true,
      stamp,
      summary: frist.aviOppdatering ? `AVI-oppdatering: ${frist.hva}` : frist.hva,
      description: `${frist.kilde}.${kommando ? ` Grunnlag i nh: ${kommando}` : ''}`,
    });
  }
  const perMaaned = new Map<Maaned, Utsending[]>();
  for (const u of utsendinger) perMaaned.set(u.maaned, [...(perMaaned.get(u.maaned) ?? []), u]);
  for (const [maaned, us] of perMaaned) {
    const start = `${maaned}-01` as Dato;
    const antall = (t: Utsending['type']) => us.filter((u) => u.type === t).length;
    cal.createEvent({
      id: `nh-kts-${maaned}@${nhOrgnr}.nh`,
      start,
      end: leggTilMaaneder(start, 1),
      allDay: true,
      stamp,
      transparency: ICalEventTransparency.TRANSPARENT,
      summary: `Kundetilfredshetsundersøkelsen ${maanedTekst(maaned)}: ${antall('oppstart')} oppstart, ${antall('underveis')} underveis, ${antall('exit')} exit`,
      description: [
        'Programveileder 6.3. Utsendinger denne måneden:',
        ...us.map((u) => `${UTSENDINGSTYPE[u.type]}: ${u.navn} (${u.orgnr})`),
      ].join('\n'),
    });
  }
  // RFC 5545 3.4: også END:VCALENDAR avsluttes med CRLF (ical-generator utelater den siste).
  const tekst = cal.toString();
  return { tekst: tekst.endsWith('\r\n') ? tekst : `${tekst}\r\n`, antall: cal.events().length };
}
