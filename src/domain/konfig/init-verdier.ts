/**
 * Issue 19 pkt. 2: verdiene `nh init` tar imot (flagg eller svar) tolkes med nh.json-skjemaets egne felt, så
 * det init godtar, godtar også de andre kommandoene — og omvendt. Resultatet er slik det skrives i nh.json
 * (prosent og kroner som tall, kursdato som dd.mm.åååå).
 */
import { parseDato, formatDato, type Dato } from '../felles/dato.js';
import { configSkjema, eurNokSkjema, type ConfigInn } from './config.js';
import { erUfylt, hvor, plassholder, Uavklart, UAVKLARBARE, type UavklartNokkel } from './uavklart.js';

export type Tolket<T> = { ok: true; verdi: T | undefined } | { ok: false; grunn: string };

const FELT = configSkjema.shape;

/** Et tall (prosent eller kroner) for en nøkkel; tomt eller «FYLL INN» = ikke oppgitt (undefined). */
function tolkTall(nokkel: Exclude<UavklartNokkel, 'eurNok'>, tekst: string): Tolket<number> {
  if (erUfylt(tekst)) return { ok: true, verdi: undefined };
  const r = FELT[nokkel].safeParse(tekst.trim());
  if (!r.success) return { ok: false, grunn: r.error.issues[0]?.message ?? 'ugyldig verdi' };
  if (r.data instanceof Uavklart) return { ok: true, verdi: undefined };
  // Prosent er lagret i ppm (×10 000), kroner i øre (×100): tilbake til formen i nh.json.
  const faktor = nokkel === 'markedsprisPerTime' || nokkel === 'indirekteKostnaderPerAr' ? 100 : 10_000;
  return { ok: true, verdi: r.data / faktor };
}

/** EUR-kursen som «11,7525» eller «11,7525:30.12.2025»; uten dato gjelder den `idag` (kursen brukeren nettopp slo opp). */
function tolkEurKurs(tekst: string, idag: Dato): Tolket<NonNullable<InitVerdier['eurNok']>> {
  if (erUfylt(tekst)) return { ok: true, verdi: undefined };
  const [kursTekst = '', datoTekst, ...rest] = tekst.split(':');
  if (rest.length) return { ok: false, grunn: 'skriv kurs eller kurs:dato, f.eks. 11,7525:30.12.2025' };
  const dato = datoTekst === undefined ? idag : parseDato(datoTekst);
  if (!dato) return { ok: false, grunn: `«${datoTekst}» er ikke en dato (dd.mm.åååå)` };
  const r = eurNokSkjema.safeParse({ kurs: kursTekst.trim(), dato, kilde: 'Norges Bank' });
  if (!r.success) return { ok: false, grunn: r.error.issues[0]?.message ?? 'ugyldig kurs' };
  return { ok: true, verdi: { kurs: r.data.kurs / 10_000, dato: formatDato(r.data.dato), kilde: 'Norges Bank' } };
}

/** Tolk én verdi (flagg eller svar) for nøkkelen. */
export function tolkInitVerdi(nokkel: UavklartNokkel, tekst: string, idag: Dato): Tolket<unknown> {
  return nokkel === 'eurNok' ? tolkEurKurs(tekst, idag) : tolkTall(nokkel, tekst);
}

/** Nøklene i den rekkefølgen init spør om dem (og lister dem), med hvor de finnes. */
export function initNokler() {
  return UAVKLARBARE.map((n) => ({ nokkel: n, ...hvor(n) }));
}

/** Verdiene brukeren har bekreftet i `nh init` (slik de står i nh.json); det som mangler, skrives som «FYLL INN …». */
export type InitVerdier = {
  eurNok?: { kurs: number; dato: string; kilde: string };
  arbeidsgiveravgiftSats?: number;
  andreSosialeKostnaderProsent?: number;
  indirekteKostnaderPerAr?: number;
  markedsprisPerTime?: number;
};

/**
 * nh.json for en ny arbeidsmappe. Issue 19 pkt. 2: ingen plassholderverdier — det brukeren ikke har oppgitt,
 * står som «FYLL INN …» med hvor verdien finnes, og kommandoene som trenger det, stopper til det er fylt inn.
 */
export function standardConfig(navn: string, orgnr: string, aar: number, v: InitVerdier = {}): ConfigInn {
  const ufylt = (n: UavklartNokkel) => plassholder(n);
  return {
    versjon: 1,
    naeringshage: { navn, orgnr },
    ar: aar,
    markedsprisPerTime: v.markedsprisPerTime ?? ufylt('markedsprisPerTime'),
    stotteintensitet: 75,
    mvaSats: 25,
    arbeidsgiveravgiftSats: v.arbeidsgiveravgiftSats ?? ufylt('arbeidsgiveravgiftSats'),
    andreSosialeKostnaderProsent: v.andreSosialeKostnaderProsent ?? ufylt('andreSosialeKostnaderProsent'),
    indirekteKostnaderPerAr: v.indirekteKostnaderPerAr ?? ufylt('indirekteKostnaderPerAr'),
    timerPerArsverk: 1695,
    eurNok: v.eurNok ?? {
      kurs: ufylt('eurNok'),
      dato: 'FYLL INN datoen kursen gjelder (dd.mm.åååå)',
      kilde: 'Norges Bank',
    },
    adminKoder: ['ADM'],
    kolonner: {},
    ignorerKolonner: {},
  };
}
