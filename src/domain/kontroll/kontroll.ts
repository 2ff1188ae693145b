/**
 * Kryssjekker mellom datasettene (det `nh sjekk` kjører før administratoren bruker de andre
 * kommandoene). Hver regel gir Diagnostikk med fil og rad; ingen I/O.
 */
import { advarsel, feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { formatDato } from '../felles/dato.js';
import { normaliserNavn } from '../felles/felter.js';
import { normaliserOrgnr } from '../felles/orgnr.js';
import type { Ansatt } from '../datasett/ansatte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import { timerOverDognet, type Timeregistrering } from '../datasett/timer.js';
import { Ukjente, ukjenteAnsatte, ukjenteMalbedrifter } from './ukjente.js';

export function erAdminKode(verdi: string, adminKoder: readonly string[]): boolean {
  const n = normaliserNavn(verdi);
  return adminKoder.some((k) => normaliserNavn(k) === n);
}

/** «en dato i 15.01.2026 – 31.12.2026» (eller «– løpende»): datoene slik brukeren skriver dem (issue 19 pkt. 12). */
export function avtaleperiode(m: Pick<Malbedrift, 'avtalestart' | 'avtaleslutt'>): string {
  return `en dato i ${formatDato(m.avtalestart)} – ${m.avtaleslutt ? formatDato(m.avtaleslutt) : 'løpende'}`;
}

/** Avtaleperioden må henge sammen: avtaleslutt kan ikke være før avtalestart (8.2). */
export function kontrollerMalbedrifter(mb: readonly Malbedrift[]): Diagnostikk[] {
  return mb
    .filter((m) => m.avtaleslutt !== undefined && m.avtaleslutt < m.avtalestart)
    .map((m) =>
      feil(
        'slutt-for-start',
        'Avtaleslutt er før avtalestart.',
        { ...m.kilde, kolonne: 'avtaleslutt' },
        {
          verdi: formatDato(m.avtaleslutt!),
          forventet: `en dato fra og med avtalestart (${formatDato(m.avtalestart)})`,
        },
      ),
    );
}

/**
 * Programveileder 8.2 (og definisjonen «Målbedrift»): målbedriften «skal ha en utviklingsplan basert på reelle
 * behov». Kolonnen `utviklingsplan` i malbedrifter (dato eller referanse) er frivillig; for en aktiv målbedrift uten
 * den gis én advarsel per målbedrift (på terminalen samlet til én linje). Kalleren velger hvem som er aktive
 * (nh sjekk: avtale som gjelder i dag; nh årsrapport: avtale i perioden).
 */
export function kontrollerUtviklingsplan(aktive: readonly Malbedrift[]): Diagnostikk[] {
  return aktive
    .filter((m) => !m.utviklingsplan?.trim())
    .map((m) =>
      advarsel(
        'mangler-utviklingsplan',
        `${m.navn} (${m.orgnr}) har aktiv målbedriftsavtale, men ingen utviklingsplan i malbedrifter (programveileder 8.2: ` +
          'målbedriften «skal ha en utviklingsplan basert på reelle behov»). Før inn dato eller referanse i kolonnen utviklingsplan.',
        { ...m.kilde, kolonne: 'utviklingsplan' },
        { forventet: 'dato eller referanse til utviklingsplanen' },
      ),
    );
}

/**
 * Timelinjene mot ansatte og målbedrifter: kjent ansatt, kjent målbedrift eller administrasjonskode,
 * dato innenfor avtalen (10.4: bare timer i avtaleperioden kan faktureres som støttet rådgivning),
 * høyst 24 timer per person per dag, og ingen helt like linjer (dobbel eksport).
 */
export function kontrollerTimer(
  timer: readonly Timeregistrering[],
  ansatte: readonly Ansatt[],
  mb: readonly Malbedrift[],
  adminKoder: readonly string[],
): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  const ansattNavn = new Set(ansatte.map((a) => normaliserNavn(a.navn)));
  const mbPerOrgnr = new Map(mb.map((m) => [m.orgnr, m]));
  const sett = new Map<string, number>();
  // Issue 19 pkt. 4: én feil per ukjent verdi (med radene og et forslag), ikke én per rad.
  const ukjentAnsatt = new Ukjente<Timeregistrering>();
  const ukjentMb = new Ukjente<Timeregistrering>();
  for (const t of timer) {
    if (!ansattNavn.has(normaliserNavn(t.ansatt))) ukjentAnsatt.legg(t.ansatt, t);
    if (!erAdminKode(t.malbedrift, adminKoder)) {
      const orgnr = normaliserOrgnr(t.malbedrift);
      const m = mbPerOrgnr.get(orgnr);
      if (!m) ukjentMb.legg(t.malbedrift, t);
      else if (t.dato < m.avtalestart || (m.avtaleslutt !== undefined && t.dato > m.avtaleslutt)) {
        ds.push(
          feil(
            'utenfor-avtale',
            `Timer utenfor avtaleperioden til ${m.navn}.`,
            { ...t.kilde, kolonne: 'dato' },
            { verdi: formatDato(t.dato), forventet: avtaleperiode(m) },
          ),
        );
      }
    }
    const linjeNokkel = [
      t.dato,
      normaliserNavn(t.ansatt),
      t.malbedrift,
      t.timer,
      t.aktivitet ?? '',
      t.tjeneste ?? '',
      t.beskrivelse ?? '',
    ].join('|');
    const forrige = sett.get(linjeNokkel);
    if (forrige !== undefined) {
      ds.push(
        feil(
          'dobbel-linje',
          `Linjen er helt lik rad ${forrige} (dobbel eksport?). Skill dem med en beskrivelse om begge er riktige.`,
          { ...t.kilde, kolonne: 'dato' },
          { verdi: t.dato },
        ),
      );
    } else sett.set(linjeNokkel, t.kilde.rad ?? 0);
  }
  ds.push(...ukjenteAnsatte(ukjentAnsatt, ansatte), ...ukjenteMalbedrifter(ukjentMb, mb, adminKoder));
  ds.sort((a, b) => (a.kilde?.rad ?? 0) - (b.kilde?.rad ?? 0)); // i radrekkefølge, som før samlingen
  ds.push(...timerOverDognet(timer));
  return ds;
}
