/**
 * nh kts-plan --frist som ren plan (issue 22 pkt. 3: les → planlegg → spør → skriv): hva opplastingsfilen for
 * fristen skal inneholde, og hvordan loggen ser ut etterpå (programveileder 6.3, 11.1). Ingen I/O: kommandoen
 * leser malbedrifter og loggen, og skriver filene og loggen under lås etterpå.
 */
import { deler, formatDato, lagDato, type Dato } from '../felles/dato.js';
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import {
  aviFristFor,
  beregnOppdatering,
  forrigeAviFrist,
  fristTekst,
  kontrollerOppdatering,
  loggensUtgangspunkt,
  loggInnslag,
  medInnslag,
  sammeInnhold,
  type AviLogg,
  type KtsBedrift,
  type LoggOppdatering,
  type Oppdatering,
  utsendingsmaaned,
} from './kts.js';

export type OppdateringPlan = {
  o: Oppdatering;
  /** AVI antatt oppdatert per denne datoen (første gang eller --siden), ellers loggens utgangspunkt. */
  siden: Dato | null;
  /** Loggens tidligere innslag for samme frist (erstattes). */
  tidligere: LoggOppdatering | undefined;
  /** Samme innhold som sist for fristen: innslaget (og skrivedatoen) beholdes, loggen blir byte for byte lik. */
  uendret: boolean;
  nyLogg: AviLogg;
  /** Daglig leder mangler for en målbedrift i filen (6.3): da skrives ingenting. */
  feil: Diagnostikk[];
  advarsler: Diagnostikk[];
};

export type OppdateringInn = {
  bedrifter: readonly KtsBedrift[];
  logg: AviLogg;
  frist: Dato;
  /** --siden <dato>, om gitt. */
  sidenFlagg: Dato | undefined;
  idag: Dato;
  /** Opplastingsfilene relativt til arbeidsmappen (lagres i loggens innslag). */
  filer: string[];
  /** Loggens filnavn i meldingene. */
  loggFil: string;
};

export function planOppdatering(inn: OppdateringInn): OppdateringPlan {
  const { bedrifter, logg, frist, sidenFlagg } = inn;
  // Første gang (ingen logg, f.eks. nh tatt i bruk midt i programperioden): AVI antas oppdatert ved forrige frist,
  // med mindre --siden <dato> sier noe annet. Valget står i utskriften og i --json.
  const forsteGang = !logg.oppdateringer.some((x) => x.frist !== frist);
  // Utgangspunktet lagres i loggen, så senere filer ikke lister de eldre som «for sent».
  const siden =
    sidenFlagg !== undefined ? sidenFlagg : forsteGang ? forrigeAviFrist(frist) : loggensUtgangspunkt(logg, frist);
  const o = beregnOppdatering(bedrifter, logg, frist, { siden });
  // Programveileder 6.3: navn og e-post til daglig leder må finnes for alle i filen.
  const feil = kontrollerOppdatering(o);
  const advarsler = [...o.advarsler];
  const nyStart = forsteGang || sidenFlagg !== undefined;
  if (siden !== null && nyStart) advarsler.push(antattOppdatert(inn, o, siden));
  const innslag = loggInnslag(o, inn.idag, inn.filer, nyStart ? siden : null);
  const tidligere = logg.oppdateringer.find((x) => x.frist === frist);
  const uendret = sammeInnhold(tidligere, innslag);
  // Uendret innhold: innslaget (også skrivedatoen) beholdes, så loggen blir byte for byte den samme.
  const nyLogg = medInnslag(logg, uendret ? tidligere! : innslag);
  advarsler.push(...foreslaaAarsslutt(inn, nyLogg));
  return { o, siden, tidligere, uendret, nyLogg, feil, advarsler };
}

/**
 * Programveileder 11.1 (31. desember: «Alle målbedrifter som er/har vært aktive i løpet av året skal være registrert
 * i AVI»). Kjøres kts-plan i desember for en annen frist enn 31.12, og årets oppstarter fortsatt ikke står i noen
 * opplasting — heller ikke i den denne kjøringen lager (loggen slik den blir etterpå) — foreslås
 * årsslutt-registreringen `nh kts-plan --frist <år>-12-31`.
 */
function foreslaaAarsslutt(inn: OppdateringInn, loggEtter: AviLogg): Diagnostikk[] {
  const { aar, mnd } = deler(inn.idag);
  const aarsslutt = lagDato(aar, 12, 31);
  if (mnd !== 12 || inn.frist === aarsslutt) return [];
  const status = aviRegistrering(loggEtter);
  const startere = inn.bedrifter.filter((b) => deler(b.avtalestart).aar === aar && status(b) === 'nei');
  if (!startere.length) return [];
  const liste = startere.map((n) => `${n.navn} (${n.orgnr}, avtalestart ${formatDato(n.avtalestart)})`).join(', ');
  return [
    advarsel(
      'foreslaa-aarsslutt',
      `${startere.length} ${startere.length === 1 ? 'målbedrift' : 'målbedrifter'} med avtalestart i ${aar} står ikke i noen AVI-opplasting (heller ikke i denne): ${liste}. Alle som er/har vært aktive i året skal være registrert i AVI innen 31. desember (programveileder 11.1): kjør nh kts-plan --frist ${aar}-12-31 og last opp filen senest 31.12.`,
      { fil: inn.loggFil },
      { forventet: `nh kts-plan --frist ${aar}-12-31` },
    ),
  ];
}

/** 6.3: hva nh antok om AVI da loggen startet (eller --siden), med antallet eldre registreringer som ikke er med. */
function antattOppdatert(inn: OppdateringInn, o: Oppdatering, siden: Dato): Diagnostikk {
  const utenfor = beregnOppdatering(inn.bedrifter, inn.logg, inn.frist);
  const antatt = utenfor.nye.length - o.nye.length + utenfor.avsluttede.length - o.avsluttede.length;
  return advarsel(
    'antatt-oppdatert',
    (inn.sidenFlagg !== undefined ? `--siden ${formatDato(siden)}: ` : `Fant ingen logg (${inn.loggFil}): `) +
      `nh antar at AVI var oppdatert per ${fristTekst(siden)} og tar bare med registreringer som hører til senere frister` +
      (antatt ? ` (${antatt} ${antatt === 1 ? 'eldre registrering' : 'eldre registreringer'} er ikke tatt med)` : '') +
      '. Mangler noe i AVI fra før, kjør med --siden <dato> (f.eks. --siden 01.01.2024 for alt siden da).',
    { fil: inn.loggFil },
  );
}

/** Registrert i AVI etter loggen: lastet opp som ny, antatt registrert før loggen startet, eller ikke. */
export type AviStatus = 'ja' | 'antatt' | 'nei';

/**
 * Programveileder 11.1 og 6.3. En målbedrift er registrert i AVI når den står som ny i en opplastingsfil i loggen
 * (uansett frist), eller — når loggen startet med en antakelse (`antattOppdatertPer`, første gang eller --siden) —
 * når oppstarten hørte til en AVI-frist til og med den datoen.
 */
export function aviRegistrering(logg: AviLogg): (b: { orgnr: string; avtalestart: Dato }) => AviStatus {
  const lastetOpp = new Set(logg.oppdateringer.flatMap((o) => o.nye.map((n) => n.orgnr)));
  const antattPer =
    logg.oppdateringer
      .map((o) => o.antattOppdatertPer)
      .filter((d): d is Dato => Boolean(d))
      .sort()[0] ?? null;
  return (b) => {
    if (lastetOpp.has(b.orgnr)) return 'ja';
    return antattPer !== null && aviFristFor(utsendingsmaaned(b.avtalestart)) <= antattPer ? 'antatt' : 'nei';
  };
}
