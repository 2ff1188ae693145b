/**
 * Rapporteringsfristene for programoperatører (programveileder 11.1), med kommandoen i nh som lager
 * grunnlaget. Brukes av `nh frister`, `nh kts-plan --ics` og årsrapport.
 */
import { lagDato, type Dato } from '../felles/dato.js';

export type Frist = {
  mnd: number;
  dag: number;
  hva: string;
  kilde: string;
  /** nh-kommandoen som lager grunnlaget, om noen. */
  kommando?: string;
  /** Kvartalsvis AVI-oppdatering for kundetilfredshetsundersøkelsen (6.3). */
  aviOppdatering?: boolean;
};

const FRISTER: readonly Frist[] = [
  // 11.1: «All rapportering for fjoråret knyttet til bruk av innovasjonsstøtte (artikkel 28) skal være ferdigstilt.
  // Dette innebærer at rapportering for alle målbedrifter, samt næringshagestatusskjemaet skal være avsluttet.»
  {
    mnd: 1,
    dag: 15,
    hva: 'All art. 28-rapportering for fjoråret ferdigstilt: rapporteringen for alle målbedrifter i AVI og næringshagestatusskjemaet',
    kilde: 'Programveileder 11.1 og 10.4',
    kommando: 'nh årsrapport --år <fjoråret>',
  },
  { mnd: 2, dag: 1, hva: 'Skjema for regionalrapportering sendes Siva på e-post', kilde: 'Programveileder 11.1' },
  {
    mnd: 2,
    dag: 20,
    hva: 'Revisorbekreftelse på timer og kostnader til administrasjon og gjennomføring',
    kilde: 'Programveileder 11.1 og 10.4',
    kommando: 'nh budsjett --regnskap <fjoråret>',
  },
  {
    mnd: 3,
    dag: 1,
    hva: 'Oppdatering av målbedrifter i AVI (kundetilfredshetsundersøkelsen)',
    kilde: 'Programveileder 11.1 og 6.3',
    kommando: 'nh kts-plan --frist 01.03.<åååå>',
    aviOppdatering: true,
  },
  {
    mnd: 6,
    dag: 1,
    hva: 'Oppdatering av målbedrifter i AVI (kundetilfredshetsundersøkelsen)',
    kilde: 'Programveileder 11.1 og 6.3',
    kommando: 'nh kts-plan --frist 01.06.<åååå>',
    aviOppdatering: true,
  },
  {
    mnd: 6,
    dag: 30,
    hva: 'Halvårsrapportering: aktive målbedrifter første halvår registrert i AVI',
    kilde: 'Programveileder 11.1',
    kommando: 'nh årsrapport --år <åååå> --halvår',
  },
  {
    mnd: 9,
    dag: 1,
    hva: 'Oppdatering av målbedrifter i AVI (kundetilfredshetsundersøkelsen)',
    kilde: 'Programveileder 11.1 og 6.3',
    kommando: 'nh kts-plan --frist 01.09.<åååå>',
    aviOppdatering: true,
  },
  {
    mnd: 12,
    dag: 1,
    hva: 'Oppdatering av målbedrifter i AVI (kundetilfredshetsundersøkelsen)',
    kilde: 'Programveileder 11.1 og 6.3',
    kommando: 'nh kts-plan --frist 01.12.<åååå>',
    aviOppdatering: true,
  },
  {
    mnd: 12,
    dag: 1,
    hva: 'Måltall for det kommende året legges inn i AVI',
    kilde: 'Programveileder 11.1 og 11.2',
    kommando: 'nh årsrapport --måltall <neste år>',
  },
  {
    mnd: 12,
    dag: 1,
    hva: 'Budsjett for administrasjons- og gjennomføringskostnader for det kommende året',
    kilde: 'Programveileder 11.1 og 10.4',
    kommando: 'nh budsjett --år <neste år>',
  },
  {
    mnd: 12,
    dag: 31,
    hva: 'Alle målbedrifter som er/har vært aktive i året er registrert i AVI',
    kilde: 'Programveileder 11.1',
    // Issue 20 pkt. 13: registreringen lages med kts-plan (årsslutt), kontrollen med årsrapport (ikke lastet opp).
    kommando: 'nh kts-plan --frist 31.12.<åååå> (kontroll: nh årsrapport --år <åååå>)',
  },
];

function fristDato(f: Frist, aar: number): Dato {
  return lagDato(aar, f.mnd, f.dag);
}

/** Alle frister i et år, sortert på dato. */
export function fristerForAar(aar: number): { dato: Dato; frist: Frist }[] {
  return FRISTER.map((f) => ({ dato: fristDato(f, aar), frist: f })).sort((a, b) =>
    a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0,
  );
}
