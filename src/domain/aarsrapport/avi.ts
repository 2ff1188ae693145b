/**
 * Det årsrapporten sier om AVI (programveileder 10.4 pkt. 1 og 11.1). Rent domene.
 *
 *  - Hva som kan rapporteres (10.4 pkt. 1: «Det er ikke anledning til å rapportere inn bruk av mer
 *    innovasjonsstøtte på målbedriftene enn disponibelt innovasjonstilskudd»): støtteregisteret er gitt støtte
 *    og endres ikke; i AVI rapporteres høyst disponibelt, og et merforbruk tas ut forholdsmessig per målbedrift.
 *  - 31. desember (11.1: «Alle målbedrifter som er/har vært aktive i løpet av året skal være registrert i AVI»):
 *    aktive målbedrifter som aldri har stått i en opplastingsfil i AVI-loggen.
 */
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { formatDato } from '../felles/dato.js';
import { fordelStorsteRest } from '../felles/fordeling.js';
import type { Ore } from '../felles/penger.js';
import type { AviLogg } from '../kts/kts.js';
import { aviRegistrering, type AviStatus } from '../kts/plan.js';
import type { AktivMalbedrift, StottePerMalbedrift, Tilskuddsbalanse } from './aarsrapport.js';

// ————— 10.4 pkt. 1: hva som kan rapporteres i AVI —————

type AviStotteRad = {
  orgnr: string;
  navn: string;
  /** Gitt innovasjonsstøtte i perioden (støtteregisteret). */
  gitt: Ore;
  /** Det som rapporteres i AVI for målbedriften. */
  tilAvi: Ore;
  /** gitt − tilAvi: målbedriftens del av merforbruket (0 når alt er innenfor disponibelt). */
  tattUt: Ore;
};

export type AviStotte = {
  /** Summen av gitt støtte (støtteregisteret). */
  gitt: Ore;
  /** Det meste som kan rapporteres: disponibelt innovasjonstilskudd (10.4 pkt. 1). */
  hoyst: Ore;
  /** Det som rapporteres: MIN(gitt; høyst). */
  tilAvi: Ore;
  tattUt: Ore;
  rader: AviStotteRad[];
};

/**
 * Programveileder 10.4 pkt. 1 og vedlegg 3 pkt. 4.1. Er alt innenfor disponibelt, rapporteres den gitte støtten
 * per målbedrift som den er. Ved merforbruk rapporteres høyst disponibelt: det fordeles på målbedriftene i forhold
 * til den gitte støtten (største rest, til øret), så hver målbedrift får sin andel av merforbruket tatt ut og summen
 * blir nøyaktig disponibelt. Valget (docs/aarsrapport.md): veilederen sier bare at summen ikke kan overstige
 * disponibelt, ikke hvilke fakturaer merforbruket hører til; en forholdsmessig fordeling avhenger ikke av
 * rekkefølgen i fakturakjøringene (alle får samme støttedato i en måned), tåler kreditnotaer og gjør ingen
 * målbedrift større i AVI enn i registeret. Støtteregisteret endres aldri: det er gitt støtte, og det konservative
 * tallet mot støttetaket (vedlegg 3 pkt. 2).
 */
export function stotteTilAvi(rader: readonly StottePerMalbedrift[], b: Tilskuddsbalanse): AviStotte {
  const gitt = rader.reduce((s, r) => s + r.stotte, 0);
  const hoyst = Math.max(0, b.disponibelt);
  if (gitt <= hoyst) {
    return {
      gitt,
      hoyst,
      tilAvi: gitt,
      tattUt: 0,
      rader: rader.map((r) => ({ orgnr: r.orgnr, navn: r.navn, gitt: r.stotte, tilAvi: r.stotte, tattUt: 0 })),
    };
  }
  // En målbedrift med netto negativ støtte (bare kreditnotaer i perioden) har ingen vekt og rapporteres med 0.
  const andeler = fordelStorsteRest(
    hoyst,
    rader.map((r) => Math.max(0, r.stotte)),
  );
  const ut = rader.map((r, i) => ({
    orgnr: r.orgnr,
    navn: r.navn,
    gitt: r.stotte,
    tilAvi: andeler[i]!,
    tattUt: r.stotte - andeler[i]!,
  }));
  return { gitt, hoyst, tilAvi: hoyst, tattUt: gitt - hoyst, rader: ut };
}

// ————— 11.1, 31. desember: aktive målbedrifter som aldri er lastet opp til AVI —————

/**
 * Programveileder 11.1 (31. desember; 30. juni for halvåret): registrert i AVI per aktive målbedrift etter loggen
 * (`avi/avi-logg.json`, skrevet av `nh kts-plan`; se `aviRegistrering`). Uten logg kan det ikke avgjøres (null).
 */
export function aviStatus(aktive: readonly AktivMalbedrift[], logg: AviLogg | null): Map<string, AviStatus> | null {
  if (!logg || logg.oppdateringer.length === 0) return null;
  const status = aviRegistrering(logg);
  return new Map(aktive.map((m) => [m.orgnr, status(m)]));
}

/**
 * Én advarsel med målbedriftene som ikke står i noen AVI-opplasting, og kommandoen som registrerer dem
 * (`nh kts-plan --frist <år>-12-31`, 11.1). Uten logg: én advarsel om at det ikke kan kontrolleres.
 */
export function kontrollerAviRegistrering(
  aktive: readonly AktivMalbedrift[],
  status: ReadonlyMap<string, AviStatus> | null,
  g: { aar: number; halvar: boolean; loggFil: string },
): Diagnostikk[] {
  const frist = g.halvar ? `30. juni ${g.aar}` : `31. desember ${g.aar}`;
  if (status === null) {
    if (aktive.length === 0) return [];
    return [
      advarsel(
        'avi-logg-mangler',
        `Fant ingen AVI-logg: nh kan ikke se om de ${aktive.length} aktive målbedriftene er registrert i AVI innen ${frist} (programveileder 11.1). Lag AVI-oppdateringene med nh kts-plan, eller kontroller arket «Målbedrifter» mot AVI.`,
        { fil: g.loggFil },
      ),
    ];
  }
  const mangler = aktive.filter((m) => status.get(m.orgnr) === 'nei');
  if (!mangler.length) return [];
  const liste = mangler.map((m) => `${m.navn} (${m.orgnr}, avtalestart ${formatDato(m.avtalestart)})`).join(', ');
  return [
    advarsel(
      'ikke-registrert-i-avi',
      `${mangler.length} aktive målbedrifter ${g.halvar ? 'første halvår' : 'i året'} står ikke i noen AVI-opplasting i loggen: ${liste}. Alle som er/har vært aktive skal være registrert i AVI innen ${frist} (programveileder 11.1): ` +
        (g.halvar
          ? 'lag neste AVI-oppdatering med nh kts-plan og last opp filen nå.'
          : `kjør nh kts-plan --frist ${g.aar}-12-31 og last opp filen.`),
      { fil: g.loggFil },
      { verdi: `${mangler.length} uten registrering`, forventet: `alle aktive registrert innen ${frist}` },
    ),
  ];
}

export type { AviStatus } from '../kts/plan.js';
