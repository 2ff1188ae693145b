/**
 * Advarsler faktura gir om kursen og Støtteregisteret (issue 20 pkt. 14 og 19). Ren modul.
 *
 * - Kursen (pkt. 14): støtten regnes om til euro med kursen på tildelingstidspunktet, altså fakturadatoen
 *   (referansen smb-gber-regler.md: «convert each grant once, at its grant (invoice) date»). Valg: én kurs i
 *   nh.json `eurNok`, og en advarsel når den er datert mer enn én måned før fakturadatoen (eller etter den) —
 *   ±5 % i kursen flytter taket på 200 000 EUR med om lag 115 000 kr. Kursen lagres på hver registerlinje; en
 *   rettet kurs føres som kurskorreksjon (kurskorreksjon.ts), linjen selv regnes aldri om.
 * - Støtteregisteret (pkt. 19, utenfor programveilederen): tildelinger på 100 000 EUR eller mer per foretak
 *   skal registreres i Støtteregisteret i Brønnøysundregistrene (GBER art. 9 om åpenhet); det er Sivas plikt
 *   som støttegiver. Valg: støtten gjennom denne næringshagen i treårsvinduet (samme vindu som taket), og
 *   advarselen gis på fakturaen som passerer grensen.
 */
import { formatDato, leggTilMaaneder, type Dato } from '../felles/dato.js';
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { formatKroner } from '../felles/penger.js';
import type { Treaarsstatus } from './regler.js';

export function kursAdvarsler(kursdato: Dato, fakturadato: Dato): Diagnostikk[] {
  const kilde = { fil: 'nh.json', kolonne: 'eurNok.dato' };
  if (kursdato > fakturadato)
    return [
      advarsel(
        'kurs-etter-fakturadato',
        `EUR/NOK-kursen i nh.json er datert ${formatDato(kursdato)}, etter fakturadatoen ${formatDato(fakturadato)}. Vedlegg 3 pkt. 2: støtten regnes om med kursen på tildelingstidspunktet (fakturadatoen).`,
        kilde,
      ),
    ];
  if (kursdato < leggTilMaaneder(fakturadato, -1))
    return [
      advarsel(
        'kurs-gammel',
        `EUR/NOK-kursen i nh.json er datert ${formatDato(kursdato)}, mer enn en måned før fakturadatoen ${formatDato(fakturadato)}. Taket på 200 000 EUR (vedlegg 3 pkt. 2) regnes med kursen på tildelingstidspunktet, og ±5 % i kursen flytter taket med om lag 115 000 kr: sett eurNok til Norges Banks kurs for en dag nær fakturadatoen. Kursen lagres på hver registerlinje; rettes den senere, fører «--erstatt» en kurskorreksjon («nh docs faktura», avsnittet «Kurskorreksjon»).`,
        kilde,
      ),
    ];
  return [];
}

/** 100 000 euro i eurocent: grensen for registrering i Støtteregisteret. */
const REGISTRERINGSGRENSE_EUR_CENT = 10_000_000;

/** Pkt. 19: advarsel for hver målbedrift der denne fakturaen får støtten i treårsvinduet over 100 000 EUR. */
export function stotteregisteretAdvarsler(
  fakturaer: readonly { orgnr: string; navn: string }[],
  status: readonly Treaarsstatus[],
): Diagnostikk[] {
  const per = new Map(status.map((s) => [s.orgnr, s]));
  const ds: Diagnostikk[] = [];
  for (const m of fakturaer) {
    const s = per.get(m.orgnr);
    if (!s) continue;
    const foer = s.tidligereEur - s.fraAndreEur;
    const etter = foer + s.denneEur;
    if (foer >= REGISTRERINGSGRENSE_EUR_CENT || etter < REGISTRERINGSGRENSE_EUR_CENT) continue;
    ds.push(
      advarsel(
        'stotteregisteret',
        `${m.navn} (${m.orgnr}): med denne fakturaen er innovasjonsstøtten gjennom næringshagen ${formatKroner(etter)} EUR i treårsvinduet — over grensen på 100 000 EUR for registrering i Støtteregisteret (Brønnøysundregistrene; GBER art. 9). Registreringen er Sivas plikt som støttegiver: gi Siva beløpet og målbedriften.`,
      ),
    );
  }
  return ds;
}
