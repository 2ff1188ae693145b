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
  const vindu = `de ${VIRKEDAGER_TILBAKEDATERING} første virkedagene i ${maanedsnavn(frist)} (til og med ${formatDato(frist)})`;
  const feil = a.flagg !== undefined ? sjekkFlagg(a.flagg, a.idag, slutt, lov, vindu) : null;
  if (feil) return feil;
  const fakturadato = a.flagg ?? (lov ? slutt : a.idag);
  const tilbakedatert = fakturadato < a.idag;
  const kilde = a.flagg !== undefined ? 'flagg' : tilbakedatert ? 'tilbakedatert' : 'kjoring';
  const forfallsdato = leggTilDager(a.idag, a.forfallsdager);
  const forklaring = lagForklaring({ ...a, slutt, frist, lov, vindu, fakturadato, tilbakedatert, kilde, forfallsdato });
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

const PARAGRAF = 'bokføringsforskriften § 5-1-3 tredje ledd';

/** --fakturadato må være i dag, eller periodens siste dag når tilbakedatering er lov (`lov`). */
function sjekkFlagg(flagg: Dato, idag: Dato, slutt: Dato, lov: boolean, vindu: string): FakturadatoFeil | null {
  if (flagg > idag)
    return {
      feil: `--fakturadato ${formatDato(flagg)} er etter i dag (${formatDato(idag)}): en faktura dateres den dagen den utstedes.`,
      forventet: `i dag (${formatDato(idag)})${lov ? ` eller periodens siste dag (${formatDato(slutt)})` : ''}`,
    };
  if (flagg < idag && !(flagg === slutt && lov))
    return {
      feil: `--fakturadato ${formatDato(flagg)} er før i dag (${formatDato(idag)}). En faktura kan bare tilbakedateres til periodens siste dag (${formatDato(slutt)}), og bare når den utstedes innen ${vindu} (${PARAGRAF}).`,
      forventet: lov
        ? `i dag (${formatDato(idag)}) eller ${formatDato(slutt)}`
        : `i dag (${formatDato(idag)}), eller utelat --fakturadato`,
    };
  return null;
}

function lagForklaring(f: {
  periode: Maaned;
  idag: Dato;
  slutt: Dato;
  frist: Dato;
  lov: boolean;
  vindu: string;
  fakturadato: Dato;
  tilbakedatert: boolean;
  kilde: Fakturadatoer['kilde'];
  forfallsdato: Dato;
}): string {
  if (f.tilbakedatert)
    return (
      `Fakturadato ${formatDato(f.fakturadato)}: tilbakedatert til periodens siste dag, lov fordi fakturaene utstedes ${formatDato(f.idag)}, innen ${f.vindu} (${PARAGRAF}). Forfall regnes fra i dag: ${formatDato(f.forfallsdato)}.` +
      (f.kilde === 'tilbakedatert' ? ` Vil du datere dem i dag: --fakturadato ${f.idag}.` : '')
    );
  if (f.idag <= f.slutt)
    return `Fakturadato ${formatDato(f.fakturadato)} = i dag (perioden ${f.periode} er ikke avsluttet); forfall ${formatDato(f.forfallsdato)}.`;
  return (
    `Fakturadato ${formatDato(f.fakturadato)} = dagen fakturaene lages; forfall ${formatDato(f.forfallsdato)}. ` +
    (f.lov
      ? `Tilbakedatering til ${formatDato(f.slutt)} er lov til og med ${formatDato(f.frist)} (--fakturadato ${f.slutt}; ${PARAGRAF}).`
      : `Tilbakedatering til ${formatDato(f.slutt)} var lov bare til og med ${formatDato(f.frist)} (${PARAGRAF}).`)
  );
}
