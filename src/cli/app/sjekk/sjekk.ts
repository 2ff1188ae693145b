/**
 * nh sjekk: les alle grunndatasettene, samle alle feil (også på tvers av filer) og rapporter dem
 * samlet. Skriver ingenting.
 */
import { InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { ansatteDef } from '../../../domain/datasett/ansatte.js';
import { GRUNNDATASETT } from '../../../domain/datasett/index.js';
import { malbedrifterDef, type Malbedrift } from '../../../domain/datasett/malbedrifter.js';
import { aktivPaa } from '../../../domain/maltall/maltall.js';
import { timerDef } from '../../../domain/datasett/timer.js';
import { annenstotteDef, kontrollerAnnenStotte, type AnnenStotte } from '../../../domain/datasett/annenstotte.js';
import type { DatasettDef } from '../../../domain/datasett/definisjon.js';
import { kontrollerMalbedrifter, kontrollerUtviklingsplan, kryssjekkTimer } from '../../../domain/kontroll/kontroll.js';
import { hvor, ufylte } from '../../../domain/konfig/uavklart.js';
import { aapneArbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesAlleDelvis, type LestDatasett } from '../../../io/les/datasett.js';
import type { Kontekst, Resultat } from '../../kontekst.js';

export async function sjekk(k: Kontekst): Promise<Resultat> {
  const am = await aapneArbeidsmappe(k.data);
  const lesinger = Object.fromEntries(GRUNNDATASETT.map((def) => [def.navn, { def, valgfritt: true }]));
  const { lest: etterNavn, feil: ds } = await lesAlleDelvis(am, lesinger);
  const lest = new Map<DatasettDef, LestDatasett<unknown>>();
  for (const def of GRUNNDATASETT) {
    const d = etterNavn[def.navn];
    if (d) lest.set(def, d);
  }
  const ansatte = lest.get(ansatteDef)?.rader as LestDatasett<never>['rader'] | undefined;
  const mb = lest.get(malbedrifterDef)?.rader as LestDatasett<never>['rader'] | undefined;
  const timer = lest.get(timerDef)?.rader as LestDatasett<never>['rader'] | undefined;
  if (mb) ds.push(...kontrollerMalbedrifter(mb));
  const annen = lest.get(annenstotteDef)?.rader as AnnenStotte[] | undefined;
  if (annen) ds.push(...kontrollerAnnenStotte(annen)); // issue 20 pkt. 7: beløp i kroner eller euro
  if (timer && ansatte && mb)
    ds.push(...kryssjekkTimer('sjekk', timer, { ansatte, malbedrifter: mb, adminKoder: am.config.adminKoder }));
  if (ds.length) throw new InndataFeil(ds);
  // 8.2: en aktiv målbedrift (avtalen gjelder i dag) skal ha en utviklingsplan — advarsel, ikke feil.
  if (mb) k.advarsler.push(...kontrollerUtviklingsplan((mb as Malbedrift[]).filter((m) => aktivPaa(m, k.idag))));
  const oversikt = GRUNNDATASETT.map((d) => ({
    datasett: d.navn,
    fil: lest.get(d)?.fil ?? null,
    rader: lest.get(d)?.rader.length ?? 0,
  }));
  // Issue 19 pkt. 2: verdiene i nh.json som ikke er fylt inn, med hvor de finnes og hvilke kommandoer som stopper.
  const ikkeFyltInn = ufylte(am.config).map((n) => {
    const h = hvor(n);
    return { felt: h.felt, hva: h.hva, hvor: h.hvor, brukesAv: h.brukesAv };
  });
  return {
    json: { ok: true, datasett: oversikt, ikkeFyltInn },
    tekst: [
      'Alle datasett er gyldige:',
      ...oversikt.map(
        (o) => `  ${o.datasett.padEnd(14)} ${o.fil ? `${o.fil} (${o.rader} rader)` : '(mangler — valgfritt her)'}`,
      ),
      ...(ikkeFyltInn.length
        ? [
            '',
            `Ikke fylt inn i nh.json (${ikkeFyltInn.length}) — kommandoene som trenger verdien, stopper til den er fylt inn:`,
            ...ikkeFyltInn.map((u) => `  ${u.felt} (${u.brukesAv}): ${u.hva}. Finnes: ${u.hvor}.`),
          ]
        : []),
    ].join('\n'),
  };
}
