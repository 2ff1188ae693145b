/**
 * Fakturanumrene nh har skrevet andre steder enn i registeret, loggen og EHF-filene: fakturagrunnlag.csv i hver
 * periode og registrene i sikkerhetskopiene. Sammen med de andre kildene gir de det høyeste nummeret nh noen gang
 * har utstedt i arbeidsmappen (`hoyesteFakturanummer`) — det nummerserien fortsetter fra, og det regnskapssystemets
 * nummerområde ikke må nå (Tripletex, issue 21 pkt. 2).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../domain/konfig/config.js';
import { hoyesteUtstedte } from '../../domain/faktura/utfiler.js';
import type { Nummerkilde } from '../../domain/faktura/fakturanummer.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import { lesCsvTabell } from '../les/tabell-les.js';
import { finnPerioder, lesPeriodemapper } from './fakturakjoring.js';
import { lesNummerlogg } from './nummerlogg.js';
import { SIKKERHETSKOPI_MAPPE, lesStotteregister } from './stotteregister.js';

/** Høyeste tallet i kolonnen `overskrift` i en CSV nh har skrevet (null: filen eller kolonnen finnes ikke). */
async function hoyesteIKolonne(sti: string, overskrift: string, visning: string): Promise<Nummerkilde | null> {
  const buf = await readFile(sti).catch(() => null);
  if (!buf?.length) return null;
  let t: ReturnType<typeof lesCsvTabell>;
  try {
    t = lesCsvTabell(buf, visning);
  } catch {
    return null; // en ødelagt kopi er ingen kilde til numre; registeret selv kontrolleres der det leses
  }
  const i = t.overskrifter.findIndex((h) => h.trim().toLowerCase() === overskrift.toLowerCase());
  if (i < 0) return null;
  let maks: Nummerkilde | null = null;
  for (const r of t.rader) {
    const v = String(r[i] ?? '').trim();
    if (/^\d{1,12}$/.test(v) && (!maks || Number(v) > maks.nr)) maks = { nr: Number(v), kilde: visning };
  }
  return maks;
}

/** Numrene i fakturagrunnlag.csv (kolonnen heter som i faktura.csvKolonner) og i sikkerhetskopienes registre. */
export async function lesNummerkilder(am: Arbeidsmappe, config: Config): Promise<Nummerkilde[]> {
  const ut: Nummerkilde[] = [];
  const navn = config.faktura.csvKolonner.fakturanr;
  if (navn !== false)
    for (const p of await finnPerioder(am)) {
      const k = await hoyesteIKolonne(
        am.sti('faktura', p, 'fakturagrunnlag.csv'),
        navn ?? 'fakturanr',
        `faktura/${p}/fakturagrunnlag.csv`,
      );
      if (k) ut.push(k);
    }
  for (const kopi of await readdir(am.sti(SIKKERHETSKOPI_MAPPE)).catch(() => [] as string[])) {
    const mappe = am.sti(SIKKERHETSKOPI_MAPPE, kopi);
    const reg = (await readdir(mappe).catch(() => [] as string[])).find(
      (f) => f.toLowerCase() === 'stotteregister.csv',
    );
    const visning = [SIKKERHETSKOPI_MAPPE, kopi, reg].join('/').split(path.sep).join('/');
    const k = reg ? await hoyesteIKolonne(path.join(mappe, reg), 'fakturanr', visning) : null;
    if (k) ut.push(k);
  }
  return ut;
}

/**
 * Det høyeste fakturanummeret nh har utstedt i arbeidsmappen, fra alle kildene (registeret, nummerloggen,
 * EHF-filene også i avbrutt/, kjøringsmerkene, fakturagrunnlag.csv, sikkerhetskopiene), med hvor det står.
 * null: ingen numre ennå. Kaster InndataFeil når registeret eller loggen ikke kan stoles på.
 */
export async function hoyesteFakturanummer(am: Arbeidsmappe): Promise<Nummerkilde | null> {
  const reg = await lesStotteregister(am);
  const logg = await lesNummerlogg(am);
  return hoyesteUtstedte({
    register: reg.linjer,
    registerFil: path.basename(reg.sti),
    logg: logg.linjer,
    perioder: await lesPeriodemapper(am),
    kilder: await lesNummerkilder(am, am.config),
  });
}
