/**
 * Reskontrodelen av faktureringsplanen (issue 23, issue 19 pkt. 2): registeret kontrollert mot filene ved siden av
 * det og nummerloggen, avbrutte kjøringer som ryddes, merket fra en avbrutt --erstatt, og advarselen når kursen i
 * nh.json er en annen enn den en fakturert periode står med. Ren modul; kalles av kjoringsplan.ts.
 */
import { feil, InndataFeil, advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { formatDato } from '../felles/dato.js';
import { skalertTekst } from '../felles/rapport.js';
import { aktiveFakturaer } from './fakturanummer.js';
import type { FakturaInndata, Registerlinje } from './inndata.js';
import { gjeldendeEur, kursEndret } from './kurskorreksjon.js';
import {
  KJORINGSMERKE,
  kontrollerUtfiler,
  type AvbruttKjoring,
  type Periodemappe,
  type Utfilkontroll,
} from './utfiler.js';

export const tomMappe = (periode: string): Periodemappe => ({
  periode,
  visning: `faktura/${periode}`,
  merke: null,
  merkefiler: [],
  fakturagrunnlag: false,
  ehf: [],
  avbrutt: [],
});

/**
 * Står perioden i registeret, må utfilene være fra samme kjøring. Ellers ble en kjøring avbrutt mellom
 * utfilene og registeret (issue 11 pkt. 10): exit 2 med hva brukeren skal gjøre.
 */
export function sjekkKjoringsmerke(
  inn: FakturaInndata,
  mappe: Periodemappe,
  iPerioden: readonly Registerlinje[],
): void {
  const merke = mappe.merke?.kjoring ?? null;
  const iRegisteret = [...new Set(iPerioden.map((l) => l.kjoring).filter((k): k is string => Boolean(k)))];
  if (merke === null || !iRegisteret.length || iRegisteret.includes(merke)) return;
  const periode = inn.p.periode;
  throw new InndataFeil([
    feil(
      'kjoring-ulik',
      `Fakturagrunnlaget i ${mappe.visning} er fra kjøringen ${merke}, men ${inn.register.fil} har perioden ${periode} fra kjøringen ${iRegisteret.join(', ')}: en kjøring (trolig med --erstatt) ble avbrutt mellom utfilene og registeret, så fakturagrunnlaget og registeret stemmer ikke overens. Kjør «nh faktura --periode ${periode} --erstatt» for å lage begge på nytt (sikkerhetskopier ligger i faktura/sikkerhetskopi/). Ikke send fakturaer fra mappen før det er gjort.`,
      { fil: `${mappe.visning}/${KJORINGSMERKE}` },
      { verdi: merke, forventet: `kjøringen ${iRegisteret.join(', ')}` },
    ),
  ]);
}

/** Issue 19 pkt. 2: en fakturert periode med en annen kurs i nh.json enn fakturaene står med. */
export function kursAdvarsel(inn: FakturaInndata, iPerioden: readonly Registerlinje[]): Diagnostikk[] {
  const endret = aktiveFakturaer(iPerioden).filter((l) => kursEndret(gjeldendeEur(l, iPerioden), inn.p, l.dato));
  if (!endret.length) return [];
  const l = gjeldendeEur(endret[0]!, iPerioden);
  const melding = `EUR/NOK-kursen i nh.json (${skalertTekst(inn.p.eurNokKurs, 4)} per ${formatDato(inn.p.kursdato)}) er en annen enn kursen ${endret.length} av periodens fakturaer står med (${skalertTekst(l.eurNokKurs, 4)} per ${formatDato(l.kursdato)}). Kjør «nh faktura --periode ${inn.p.periode} --erstatt» for å rette støtten i EUR (en kurskorreksjon i registeret per faktura; fakturaene og kunden berøres ikke). Vedlegg 3 pkt. 2: kursen er grunnlaget for treårstaket.`;
  return [advarsel('kurs-endret', melding, { fil: 'nh.json', kolonne: 'eurNok' })];
}

/**
 * Registeret og filene ved siden av det må stemme (issue 23): avbrutte kjøringer i perioden ryddes, i andre
 * perioder gir de en advarsel; alt annet som ikke stemmer, er exit 2.
 */
export function kontrollerLedger(inn: FakturaInndata): Utfilkontroll {
  const k = kontrollerUtfiler({
    periode: inn.p.periode,
    perioder: inn.perioder,
    register: inn.register.linjer,
    logg: inn.logg,
    registerFil: inn.register.fil,
  });
  if (k.feil.length) throw new InndataFeil(k.feil);
  return k;
}

export function oppryddingsplan(avbrutt: AvbruttKjoring[]): {
  avbrutt: AvbruttKjoring[];
  advarsel: Diagnostikk | null;
} {
  const medFiler = avbrutt.filter((a) => a.flytt.length);
  if (!medFiler.length) return { avbrutt, advarsel: null };
  const hva = medFiler.map((a) => {
    const ehf = a.flytt.filter((f) => f.startsWith('ehf/')).length;
    const numre = a.numre.length ? `; numrene ${a.numre.join(', ')} ble aldri ført og er annullert` : '';
    return `${a.visning}/avbrutt/ (kjøringen ${a.kjoring}: ${a.flytt.length - 1} filer, ${ehf} EHF${numre})`;
  });
  const melding = `Fant filer fra en avbrutt kjøring; de er flyttet til ${hva.join(', ')}. Numrene brukes aldri om igjen (se faktura/nummerlogg.csv). Send ingenting fra avbrutt/.`;
  return { avbrutt, advarsel: advarsel('avbrutt-kjoring', melding, { fil: medFiler[0]!.visning }) };
}
