/**
 * Støtteregisteret `stotteregister.csv` i arbeidsmappen: den eneste kilden for gitt innovasjonsstøtte
 * (vedlegg 3 pkt. 2 og 4.1). `nh faktura` fører det; smb-sjekk og årsrapport leser det med
 * `lesDatasett(am, stotteregisterDef)`.
 *
 * Skrives alltid som helhet til en midlertidig fil i samme mappe, fsync-es og døpes om (atomisk):
 * et krasj når som helst etterlater registeret slik det var før eller etter kjøringen, aldri midt
 * imellom. Før --erstatt tas en sikkerhetskopi i `faktura/sikkerhetskopi/`.
 */
import { open, rename, mkdir, readdir, copyFile, access, unlink, readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { stotteregisterDef, type Stottelinje } from '../domain/datasett/stotteregister.js';
import type { Kolonne, Rad } from '../domain/rapport.js';
import type { NyRegisterlinje, SmbSjekkPost } from '../domain/faktura.js';
import type { Dato } from '../domain/dato.js';
import { feil, InndataFeil } from '../domain/diagnostikk.js';
import { lesDatasett } from './datasett.js';
import { lagCsv } from './csv-skriv.js';
import { medLaas } from './laas.js';
import { testpunkt } from './skriv.js';
import type { Arbeidsmappe } from './arbeidsmappe.js';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REGISTER_FIL = 'stotteregister.csv';
export const LAAS_FIL = '.stotteregister.laas';
export const SIKKERHETSKOPI_MAPPE = path.join('faktura', 'sikkerhetskopi');

/** Kolonnene i nøyaktig samme rekkefølge og med samme nøkler som stotteregisterDef. */
const TYPER: Record<string, Kolonne['type']> = {
  periode: 'tekst', dato: 'dato', orgnr: 'tekst', navn: 'tekst', markedsverdi: 'belop', egenandel: 'belop', mva: 'belop',
  stotte: 'belop', eurNokKurs: 'kurs', kursdato: 'dato', stotteEur: 'belop', kjoring: 'tekst',
};
export const REGISTER_KOLONNER: Kolonne[] = Object.entries(stotteregisterDef.kolonner).map(([nokkel, k]) => ({ nokkel, overskrift: nokkel, type: TYPER[nokkel] ?? (k.type === 'dato' ? 'dato' : 'tekst') }));

export type Registerlinje = Omit<Stottelinje, 'kilde'> & { kilde?: Stottelinje['kilde'] };

/** Leser registeret (tomt om filen ikke finnes). Rader med feil gir InndataFeil med fil og rad. */
export async function lesStotteregister(am: Arbeidsmappe): Promise<{ fil: string | null; linjer: Registerlinje[] }> {
  const { fil, rader } = await lesDatasett(am, stotteregisterDef, { valgfritt: true });
  if (fil && fil.toLowerCase() !== REGISTER_FIL) {
    throw new InndataFeil([feil('register-xlsx', `Støtteregisteret må være ${REGISTER_FIL} (nh fører det selv), ikke ${fil}.`, { fil })]);
  }
  return { fil, linjer: rader };
}

export function registerCsv(linjer: readonly (Registerlinje | NyRegisterlinje)[]): string {
  return lagCsv(REGISTER_KOLONNER, linjer.map((l) => {
    const rad: Rad = {};
    for (const k of REGISTER_KOLONNER) rad[k.nokkel] = (l as Record<string, Rad[string]>)[k.nokkel];
    return rad;
  }));
}

async function finnes(sti: string): Promise<boolean> {
  return access(sti).then(() => true, () => false);
}

/**
 * Atomisk erstatning av registeret. Innholdet skrives i to omganger med testpunktet
 * «stotteregister:halvskrevet» imellom, så krasjtesten kan drepe prosessen midt i skrivingen.
 */
export async function skrivStotteregister(am: Arbeidsmappe, innhold: string): Promise<void> {
  const sti = am.sti(REGISTER_FIL);
  await ryddRegisterTemp(am.rot);
  const tmp = path.join(am.rot, `.${REGISTER_FIL}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const buf = Buffer.from(innhold, 'utf8');
  const halv = Math.floor(buf.length / 2);
  const fh = await open(tmp, 'wx');
  try {
    await fh.write(buf, 0, halv);
    await fh.sync();
    testpunkt('stotteregister:halvskrevet');
    await fh.write(buf, halv, buf.length - halv);
    await fh.sync();
  } catch (e) {
    await fh.close();
    throw skrivefeil(e as NodeJS.ErrnoException, sti);
  }
  await fh.close();
  testpunkt('stotteregister:for-rename');
  try {
    await rename(tmp, sti);
  } catch (e) {
    throw skrivefeil(e as NodeJS.ErrnoException, sti);
  }
  testpunkt('stotteregister:etter-rename');
  try {
    const d = await open(am.rot, 'r');
    await d.sync().finally(() => d.close());
  } catch {
    // Windows kan ikke fsync-e mapper; rename er likevel atomisk der.
  }
}

/** Fjerner halvskrevne midlertidige registerfiler fra en krasjet kjøring (bare registerets egne). */
async function ryddRegisterTemp(rot: string): Promise<void> {
  const filer = await readdir(rot).catch(() => [] as string[]);
  const moenster = new RegExp(`^\\.${REGISTER_FIL.replace('.', '\\.')}\\.tmp-\\d+-[0-9a-f]{8}$`);
  await Promise.all(filer.filter((f) => moenster.test(f)).map((f) => unlink(path.join(rot, f)).catch(() => undefined)));
}

function skrivefeil(e: NodeJS.ErrnoException, sti: string): InndataFeil {
  const laast = e.code === 'EBUSY' || (process.platform === 'win32' && e.code === 'EPERM');
  return new InndataFeil([
    feil(laast ? 'fil-laast' : 'skrivefeil', laast ? 'Støtteregisteret er låst — er det åpent i Excel? Lukk det og kjør på nytt. Registeret er uendret.' : `Kunne ikke skrive støtteregisteret (${e.code ?? e.message}). Registeret er uendret.`, { fil: sti }),
  ]);
}

/**
 * Sikkerhetskopi før --erstatt: registeret og periodens gamle utfiler kopieres til
 * `faktura/sikkerhetskopi/<merke>/`. Gir mappen, eller null om det ikke fantes noe å kopiere.
 */
export async function sikkerhetskopier(am: Arbeidsmappe, merke: string, filer: readonly string[]): Promise<string | null> {
  const finnesNaa: string[] = [];
  for (const f of filer) if (await finnes(f)) finnesNaa.push(f);
  if (!finnesNaa.length) return null;
  let mappe = am.sti(SIKKERHETSKOPI_MAPPE, merke);
  for (let i = 2; await finnes(mappe); i++) mappe = am.sti(SIKKERHETSKOPI_MAPPE, `${merke}-${i}`);
  await mkdir(mappe, { recursive: true });
  for (const f of finnesNaa) {
    const mal = path.join(mappe, path.basename(f));
    await copyFile(f, mal);
    const fh = await open(mal, 'r+');
    await fh.sync().finally(() => fh.close());
  }
  return mappe;
}

/** Lås rundt les → beregn → skriv av registeret: to kjøringer samtidig kan ikke begge skrive. */
export function medRegisterLaas<T>(am: Arbeidsmappe, fn: () => Promise<T>): Promise<T> {
  return medLaas(am.sti(LAAS_FIL), fn);
}

/**
 * SMB-sjekker i arbeidsmappen: `smb-sjekk/<orgnr>-<åååå-mm-dd>.json` (skrevet av `nh smb-sjekk`) →
 * orgnr → [{dato, dom}]. En post som ikke kan leses, får dom null (faktura advarer om den).
 */
export async function finnSmbSjekker(am: Arbeidsmappe): Promise<Map<string, SmbSjekkPost[]>> {
  const ut = new Map<string, SmbSjekkPost[]>();
  let filer: string[] = [];
  try {
    filer = await readdir(am.sti('smb-sjekk'));
  } catch {
    return ut;
  }
  for (const f of filer) {
    const m = /^(\d{9})-(\d{4}-\d{2}-\d{2})\.json$/i.exec(f);
    if (!m) continue;
    let dom: string | null = null;
    try {
      const p = smbPostSkjema.safeParse(JSON.parse(await readFile(am.sti('smb-sjekk', f), 'utf8')));
      if (p.success) dom = p.data.dom;
    } catch {
      dom = null;
    }
    const liste = ut.get(m[1]!) ?? [];
    liste.push({ dato: m[2]! as Dato, dom });
    ut.set(m[1]!, liste);
  }
  return ut;
}

/** Det faktura trenger av en SMB-sjekk-post (resten er dokumentasjon for revisor). */
const smbPostSkjema = z.object({ dom: z.string() });

/** templates/ (samme som xlsx-skriv.MAL_MAPPE, uten å laste exceljs for registerlesere). */
const MAL_MAPPE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

// ————— Malen for regnskapsimport-CSV (templates/fakturagrunnlag-csv.json) —————

const csvMalSkjema = z.object({
  navn: z.string(),
  beskrivelse: z.string().optional(),
  kolonner: z.array(z.object({ nokkel: z.string(), overskrift: z.string(), type: z.enum(['tekst', 'belop', 'prosent', 'timer', 'dato', 'heltall', 'kurs', 'janei']), beskrivelse: z.string().optional() })),
});
export type CsvMal = z.output<typeof csvMalSkjema>;

export async function lesCsvMal(navn: string): Promise<CsvMal> {
  return csvMalSkjema.parse(JSON.parse(await readFile(path.join(MAL_MAPPE, `${navn}.json`), 'utf8')));
}
