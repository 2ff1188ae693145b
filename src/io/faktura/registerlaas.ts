/**
 * Låsen rundt skrivingen i `nh faktura` (`.stotteregister.laas`) og oppryddingen etter en drept kjøring: når
 * låsen er tatt, fjernes nh sine egne midlertidige filer som er eldre enn låsen (docs/arkitektur.md «Opprydding»).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import { medLaas, type Laas } from '../skriv/laas.js';
import { ryddTemp, tempMoenster } from '../skriv/skriv.js';
import { LAAS_FIL } from './registerfil.js';

const AVBRUTT = 'avbrutt';

/** nh sine midlertidige filer rundt registeret og fakturaen (gjenglemt etter full disk eller kill -9). */
const TEMP_ROT = [tempMoenster('stotteregister\\.csv')];
/**
 * Låsenes egne midlertidige filer lages FØR låsen er tatt (av kjøringer som venter på den), så de ryddes
 * bare når de er så gamle at ingen kjøring kan holde på med dem (en lås lages på millisekunder).
 */
const TEMP_LAAS = [
  tempMoenster('\\.stotteregister\\.(laas|skrives)(\\.overtak)?'),
  /^\.stotteregister\.(laas|skrives)(\.overtak)?\.foreldet-\d+-[0-9a-f]{8}$/,
];
const LAAS_TEMP_MS = 60_000;
/**
 * I faktura/ og periodemappene skriver bare nh: alle nh sine midlertidige filer der (fakturagrunnlag, merket,
 * EHF, importfiler, nummerloggen — og dokumenter som kommer til) ryddes (issue 23 pkt. 6). avbrutt/ røres ikke.
 */
const TEMP_FAKTURA = [tempMoenster('[^/\\\\]+')];

/** Rydder gjenglemte midlertidige filer eldre enn låsen vi nettopp tok (issue 11 pkt. 8, issue 23 pkt. 6). */
async function ryddEtterKrasj(am: Arbeidsmappe, l: Laas): Promise<void> {
  const grense = (await stat(l.sti).catch(() => null))?.mtimeMs ?? l.tattMs;
  await ryddTemp(am.rot, TEMP_ROT, grense);
  await ryddTemp(am.rot, TEMP_LAAS, Math.min(grense, Date.now()) - LAAS_TEMP_MS);
  await ryddTemp(am.sti('faktura'), TEMP_FAKTURA, grense);
  const perioder = await readdir(am.sti('faktura')).catch(() => [] as string[]);
  for (const p of perioder.filter((x) => /^\d{4}-\d{2}$/.test(x))) {
    const mappe = am.sti('faktura', p);
    await ryddTemp(mappe, TEMP_FAKTURA, grense);
    const under = await readdir(mappe, { withFileTypes: true }).catch(() => []);
    for (const d of under)
      if (d.isDirectory() && d.name !== AVBRUTT) await ryddTemp(path.join(mappe, d.name), TEMP_FAKTURA, grense);
  }
}

/**
 * Lås rundt les → beregn → skriv av registeret: to kjøringer samtidig kan ikke begge skrive (og skulle
 * de likevel begge komme gjennom, stopper compare-and-swap i skrivMedRegister den siste).
 */
export function medRegisterLaas<T>(am: Arbeidsmappe, fn: () => Promise<T>): Promise<T> {
  return medLaas(am.sti(LAAS_FIL), async (l) => {
    await ryddEtterKrasj(am, l);
    return fn();
  });
}
