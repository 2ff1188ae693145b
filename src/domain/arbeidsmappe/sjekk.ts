/**
 * nh sjekk som ren plan (issue 22 pkt. 3: les → planlegg → vis): kommandoen leser alle grunndatasettene (også de som
 * feiler); her samles feilene — lesefeilene og kryssjekkene på det som ble lest, alle på én gang (issue 12 pkt. 3) —,
 * advarslene, oversikten over datasettene og verdiene i nh.json som ikke er fylt inn. Skriver ingenting.
 */
import { annenstotteDef, kontrollerAnnenStotte, type AnnenStotte } from '../datasett/annenstotte.js';
import { ansatteDef, type Ansatt } from '../datasett/ansatte.js';
import { GRUNNDATASETT } from '../datasett/index.js';
import { malbedrifterDef, type Malbedrift } from '../datasett/malbedrifter.js';
import { timerDef, type Timeregistrering } from '../datasett/timer.js';
import type { Dato } from '../felles/dato.js';
import type { Diagnostikk } from '../felles/diagnostikk.js';
import type { Config } from '../konfig/config.js';
import { hvor, ufylte } from '../konfig/uavklart.js';
import { kontrollerMalbedrifter, kontrollerUtviklingsplan, kryssjekkTimer } from '../kontroll/kontroll.js';
import { aktivPaa } from '../maltall/maltall.js';

export type SjekkInn = {
  /** Per grunndatasett (navnet): filen og radene, når det finnes og kunne leses. */
  lest: Partial<Record<string, { fil: string | null; rader: readonly unknown[] }>>;
  /** Feilene fra lesingen, i rekkefølgen datasettene ble lest. */
  lesefeil: readonly Diagnostikk[];
  config: Config;
  idag: Dato;
};

export type Sjekkplan = {
  /** Alle feilene (lesing og kryssjekker): da vises bare de. */
  feil: Diagnostikk[];
  advarsler: Diagnostikk[];
  oversikt: { datasett: string; fil: string | null; rader: number }[];
  ikkeFyltInn: { felt: string; hva: string; hvor: string; brukesAv: string }[];
};

export function planleggSjekk(inn: SjekkInn): Sjekkplan {
  const rader = <T>(navn: string) => inn.lest[navn]?.rader as T[] | undefined;
  const ansatte = rader<Ansatt>(ansatteDef.navn);
  const mb = rader<Malbedrift>(malbedrifterDef.navn);
  const timer = rader<Timeregistrering>(timerDef.navn);
  const annen = rader<AnnenStotte>(annenstotteDef.navn);
  const feil = [...inn.lesefeil];
  if (mb) feil.push(...kontrollerMalbedrifter(mb));
  if (annen) feil.push(...kontrollerAnnenStotte(annen)); // issue 20 pkt. 7: beløp i kroner eller euro
  if (timer && ansatte && mb)
    feil.push(...kryssjekkTimer('sjekk', timer, { ansatte, malbedrifter: mb, adminKoder: inn.config.adminKoder }));
  // 8.2: en aktiv målbedrift (avtalen gjelder i dag) skal ha en utviklingsplan — advarsel, ikke feil.
  const advarsler = mb ? kontrollerUtviklingsplan(mb.filter((m) => aktivPaa(m, inn.idag))) : [];
  const oversikt = GRUNNDATASETT.map((d) => ({
    datasett: d.navn,
    fil: inn.lest[d.navn]?.fil ?? null,
    rader: inn.lest[d.navn]?.rader.length ?? 0,
  }));
  // Issue 19 pkt. 2: verdiene i nh.json som ikke er fylt inn, med hvor de finnes og hvilke kommandoer som stopper.
  const ikkeFyltInn = ufylte(inn.config).map((n) => {
    const h = hvor(n);
    return { felt: h.felt, hva: h.hva, hvor: h.hvor, brukesAv: h.brukesAv };
  });
  return { feil, advarsler, oversikt, ikkeFyltInn };
}
