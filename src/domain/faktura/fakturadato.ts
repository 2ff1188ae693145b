/**
 * Fakturadato og forfall (issue 19 pkt. 6): datoer en kunde kan betale.
 *
 * - Fakturadato = dagen fakturaene lages (i dag, `NH_DATO` i skript), eller `--fakturadato`. Perioden er
 *   fortsatt måneden som faktureres.
 * - Tilbakedatering til periodens siste dag er lov bare når fakturaen utstedes innen de femten første
 *   virkedagene i måneden etter (bokføringsforskriften § 5-1-3 tredje ledd: «Salgsdokument som utstedes innen
 *   de femten første virkedagene i måneden, kan angi siste dato i foregående måned som dokumentasjonsdato»).
 *   Da er det standard, og utdata sier det.
 * - Forfall = utstedelsesdagen + `faktura.forfallsdager`, så forfallet aldri ligger i fortiden, heller ikke for
 *   en tilbakedatert faktura.
 * - En dato etter i dag godtas ikke: fakturaen utstedes når nh lager den.
 *
 * Fakturadatoen er også datoen støtten regnes som gitt (10.4: inntektsføres «når tjenesten er utført og
 * faktura er sendt»; hver faktura er en ny tildeling): SMB-sjekken, treårstaket og kursen vurderes på den.
 * Ren modul.
 */
import {
  formatDato,
  leggTilDager,
  maanedAv,
  sisteDag,
  LANGE_MAANEDER,
  deler,
  type Dato,
  type Maaned,
} from '../felles/dato.js';
import { nteVirkedag } from '../felles/helligdager.js';

/** Bokføringsforskriften § 5-1-3 tredje ledd: «de femten første virkedagene». */
const VIRKEDAGER_TILBAKEDATERING = 15;

export type Fakturadatoer = {
  fakturadato: Dato;
  forfallsdato: Dato;
  /** Dagen fakturaene lages. */
  utstedt: Dato;
  /** Hvor fakturadatoen kom fra: dagen for kjøringen, tilbakedatert (standard i vinduet) eller --fakturadato. */
  kilde: 'kjoring' | 'tilbakedatert' | 'flagg';
  tilbakedatert: boolean;
  /** Siste dag fakturaer for perioden kan tilbakedateres (den 15. virkedagen i måneden etter). */
  fristTilbakedatering: Dato;
  /** Norsk forklaring til utdata (terminal, --json, Forutsetninger). */
  forklaring: string;
};

export type FakturadatoFeil = { feil: string; forventet: string };

/** Den 15. virkedagen i måneden etter perioden: siste dag en faktura for perioden kan tilbakedateres. */
export function fristForTilbakedatering(periode: Maaned): Dato {
  const neste = maanedAv(leggTilDager(sisteDag(periode), 1));
  // En måned har alltid minst 15 virkedager (høyst 5 søndager og en håndfull helligdager).
  return nteVirkedag(neste, VIRKEDAGER_TILBAKEDATERING)!;
}

const maanedsnavn = (d: Dato) => LANGE_MAANEDER[deler(d).mnd - 1]!;

export function planleggFakturadato(a: {
  periode: Maaned;
  idag: Dato;
  forfallsdager: number;
  /** --fakturadato */
  flagg?: Dato | undefined;
}): { datoer: Fakturadatoer } | FakturadatoFeil {
  const slutt = sisteDag(a.periode);
  const frist = fristForTilbakedatering(a.periode);
  const lov = a.idag > slutt && a.idag <= frist;
  const paragraf = 'bokføringsforskriften § 5-1-3 tredje ledd';
  const vindu = `de ${VIRKEDAGER_TILBAKEDATERING} første virkedagene i ${maanedsnavn(frist)} (til og med ${formatDato(frist)})`;
  if (a.flagg !== undefined && a.flagg > a.idag)
    return {
      feil: `--fakturadato ${formatDato(a.flagg)} er etter i dag (${formatDato(a.idag)}): en faktura dateres den dagen den utstedes.`,
      forventet: `i dag (${formatDato(a.idag)})${lov ? ` eller periodens siste dag (${formatDato(slutt)})` : ''}`,
    };
  if (a.flagg !== undefined && a.flagg < a.idag && !(a.flagg === slutt && lov))
    return {
      feil: `--fakturadato ${formatDato(a.flagg)} er før i dag (${formatDato(a.idag)}). En faktura kan bare tilbakedateres til periodens siste dag (${formatDato(slutt)}), og bare når den utstedes innen ${vindu} (${paragraf}).`,
      forventet: lov
        ? `i dag (${formatDato(a.idag)}) eller ${formatDato(slutt)}`
        : `i dag (${formatDato(a.idag)}), eller utelat --fakturadato`,
    };
  const fakturadato = a.flagg ?? (lov ? slutt : a.idag);
  const tilbakedatert = fakturadato < a.idag;
  const kilde = a.flagg !== undefined ? 'flagg' : tilbakedatert ? 'tilbakedatert' : 'kjoring';
  const forfallsdato = leggTilDager(a.idag, a.forfallsdager);
  let forklaring: string;
  if (tilbakedatert)
    forklaring =
      `Fakturadato ${formatDato(fakturadato)}: tilbakedatert til periodens siste dag, lov fordi fakturaene utstedes ${formatDato(a.idag)}, innen ${vindu} (${paragraf}). Forfall regnes fra i dag: ${formatDato(forfallsdato)}.` +
      (kilde === 'tilbakedatert' ? ` Vil du datere dem i dag: --fakturadato ${a.idag}.` : '');
  else if (a.idag <= slutt)
    forklaring = `Fakturadato ${formatDato(fakturadato)} = i dag (perioden ${a.periode} er ikke avsluttet); forfall ${formatDato(forfallsdato)}.`;
  else
    forklaring =
      `Fakturadato ${formatDato(fakturadato)} = dagen fakturaene lages; forfall ${formatDato(forfallsdato)}. ` +
      (lov
        ? `Tilbakedatering til ${formatDato(slutt)} er lov til og med ${formatDato(frist)} (--fakturadato ${slutt}; ${paragraf}).`
        : `Tilbakedatering til ${formatDato(slutt)} var lov bare til og med ${formatDato(frist)} (${paragraf}).`);
  return {
    datoer: {
      fakturadato,
      forfallsdato,
      utstedt: a.idag,
      kilde,
      tilbakedatert,
      fristTilbakedatering: frist,
      forklaring,
    },
  };
}
