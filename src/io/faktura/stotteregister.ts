/**
 * Støtteregisteret `stotteregister.csv` i arbeidsmappen: den eneste kilden for gitt innovasjonsstøtte
 * (vedlegg 3 pkt. 2 og 4.1). `nh faktura` fører det; smb-sjekk og årsrapport leser det med
 * `lesStotteregister`.
 *
 * Skrives alltid som helhet med `skrivFiler` (midlertidig fil, fsync, rename) sammen med kjøringens
 * utfiler, og bare hvis filen er byte for byte som da den ble lest (compare-and-swap under en kort
 * skrivelås): to kjøringer kan aldri miste hverandres linjer. Kolonner nh ikke kjenner (f.eks. en
 * merknadskolonne i `ignorerKolonner`), filnavnet (`Stotteregister.csv`) og en symbolsk lenke beholdes.
 * Før --erstatt tas en sikkerhetskopi i `faktura/sikkerhetskopi/`.
 */
import { mkdir, readdir, copyFile, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { stotteregisterDef } from '../../domain/datasett/stotteregister.js';
import type { Kolonne, Rad } from '../../domain/felles/rapport.js';
import type { NyRegisterlinje } from '../../domain/faktura/typer.js';
import type { Registerlinje } from '../../domain/faktura/kjoringsplan.js';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import { normaliserNavn } from '../../domain/felles/felter.js';
import { dobbeltforinger, erKonfliktkopi } from '../../domain/faktura/registerkontroll.js';
import { tolkTabell } from '../les/datasett.js';
import { finnDatasettFil, type Arbeidsmappe } from '../arbeidsmappe.js';
import { maanedICsv, type Maaned } from '../../domain/felles/dato.js';
import { excelMaanedVakt } from '../les/maaned-i-csv.js';
import { lagCsv } from '../skriv/csv-skriv.js';
import { lesCsvTabell } from '../les/tabell-les.js';
import { medLaas, type Laas } from '../skriv/laas.js';
import { finnes, ryddTemp, skrivFiler, somMiljoFeil, tempMoenster, type Utfil } from '../skriv/skriv.js';

export const REGISTER_FIL = 'stotteregister.csv';
export const LAAS_FIL = '.stotteregister.laas';
/** Kort lås rundt selve compare-and-swap + rename (holdes i millisekunder). */
export const SKRIVELAAS_FIL = '.stotteregister.skrives';
/** Holdes skrivelåsen lenger enn dette, er kjøringen som tok den, død. */
const SKRIVELAAS_MS = 30_000;
export const SIKKERHETSKOPI_MAPPE = path.join('faktura', 'sikkerhetskopi');

/** Kolonnene i nøyaktig samme rekkefølge og med samme nøkler som stotteregisterDef. */
const TYPER: Record<string, Kolonne['type']> = {
  periode: 'tekst',
  dato: 'dato',
  orgnr: 'tekst',
  navn: 'tekst',
  markedsverdi: 'belop',
  egenandel: 'belop',
  mva: 'belop',
  stotte: 'belop',
  eurNokKurs: 'kurs',
  kursdato: 'dato',
  stotteEur: 'belop',
  kjoring: 'tekst',
};
export const REGISTER_KOLONNER: Kolonne[] = Object.entries(stotteregisterDef.kolonner).map(([nokkel, k]) => ({
  nokkel,
  overskrift: nokkel,
  type: TYPER[nokkel] ?? (k.type === 'dato' ? 'dato' : 'tekst'),
}));

export type { Registerlinje };

/** Kolonner i filen som ikke er registerkolonner (bevares ved omskriving), per «periode;orgnr». */
export type EkstraKolonner = { overskrifter: string[]; verdier: Map<string, string[]> };

export type LestRegister = {
  /** Filnavnet slik det står i mappen (f.eks. «Stotteregister.csv»), eller null om det ikke finnes. */
  fil: string | null;
  /** Stien registeret skrives til: den eksisterende filen (eller lenken), ellers stotteregister.csv. */
  sti: string;
  linjer: Registerlinje[];
  /** Bytene som ble lest (null: fantes ikke) — grunnlaget for compare-and-swap ved skriving. */
  versjon: Buffer | null;
  ekstra: EkstraKolonner;
  /** F.eks. konfliktkopier fra OneDrive/Dropbox. */
  advarsler: Diagnostikk[];
};

const ekstraNokkel = (l: { periode: string; orgnr: string }) => `${l.periode};${l.orgnr}`;

async function lesBytes(sti: string): Promise<Buffer | null> {
  try {
    return await readFile(sti);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw somMiljoFeil(e, sti);
  }
}

/** Kolonnene i filen som ikke kobles til en registerkolonne (ignorerte eller uten overskrift). */
function finnEkstra(buf: Buffer, fil: string, am: Arbeidsmappe, linjer: readonly Registerlinje[]): EkstraKolonner {
  const kjente = new Set<string>();
  for (const [nokkel, kol] of Object.entries(stotteregisterDef.kolonner)) {
    kjente.add(normaliserNavn(nokkel));
    for (const a of kol.alias ?? []) kjente.add(normaliserNavn(a));
  }
  for (const o of Object.keys(am.config.kolonner?.[stotteregisterDef.navn] ?? {})) kjente.add(normaliserNavn(o));
  const t = lesCsvTabell(buf, fil);
  const indekser = t.overskrifter.map((h, i) => (kjente.has(normaliserNavn(h)) ? -1 : i)).filter((i) => i >= 0);
  const verdier = new Map<string, string[]>();
  if (!indekser.length) return { overskrifter: [], verdier };
  const perRad = new Map(t.radnr.map((nr, i) => [nr, t.rader[i]!]));
  for (const l of linjer) {
    const celler = l.kilde?.rad !== undefined ? perRad.get(l.kilde.rad) : undefined;
    if (celler)
      verdier.set(
        ekstraNokkel(l),
        indekser.map((i) => String(celler[i] ?? '')),
      );
  }
  return { overskrifter: indekser.map((i) => t.overskrifter[i]!), verdier };
}

/** Advarsler for synkroniseringskonflikt-kopier av registeret i arbeidsmappen. */
async function konfliktkopier(am: Arbeidsmappe, fil: string | null): Promise<Diagnostikk[]> {
  const filer = await readdir(am.rot).catch(() => [] as string[]);
  return filer
    .filter((f) => f !== fil && erKonfliktkopi(f))
    .map((f) =>
      advarsel(
        'konfliktkopi',
        `«${f}» ser ut som en konfliktkopi av støtteregisteret (OneDrive/SharePoint/Dropbox lager slike ` +
          `når to PC-er endrer filen samtidig). nh leser bare ${fil ?? REGISTER_FIL}: sammenlign filene, ` +
          'før inn linjer som bare står i kopien, og slett kopien eller flytt den ut av arbeidsmappen.',
        { fil: f },
      ),
    );
}

/**
 * Leser registeret (tomt om filen ikke finnes). Rader med feil, og en periode ført to ganger for samme
 * orgnr, gir InndataFeil med fil og rad.
 */
export async function lesStotteregister(am: Arbeidsmappe): Promise<LestRegister> {
  const funnet = await finnDatasettFil(am.rot, stotteregisterDef.navn);
  const fil = funnet ? path.basename(funnet) : null;
  if (fil && fil.toLowerCase() !== REGISTER_FIL) {
    const melding = `Støtteregisteret må være ${REGISTER_FIL} (nh fører det selv), ikke ${fil}.`;
    throw new InndataFeil([feil('register-xlsx', melding, { fil })]);
  }
  const sti = am.sti(fil ?? REGISTER_FIL);
  // Bytene leses ÉN gang og tolkes derfra: versjonen compare-and-swap sammenligner med, er nøyaktig den
  // linjene kom fra (og «fantes ikke» er null, så et register som dukker opp i mellomtiden, oppdages).
  const versjon = fil ? await lesBytes(sti) : null;
  if (!fil || !versjon) {
    const ekstra = { overskrifter: [], verdier: new Map<string, string[]>() };
    return { fil: null, sti, linjer: [], versjon: null, ekstra, advarsler: await konfliktkopier(am, null) };
  }
  const vakt = excelMaanedVakt('periode'); // issue 16: perioder Excel har gjort om til datoer
  const linjer = tolkTabell(lesCsvTabell(versjon, fil), stotteregisterDef, am.config, vakt.filter);
  const dobbel = dobbeltforinger(linjer);
  if (dobbel.length) throw new InndataFeil(dobbel);
  const ekstra = finnEkstra(versjon, fil, am, linjer);
  return { fil, sti, linjer, versjon, ekstra, advarsler: [...vakt.advarsler(fil), ...(await konfliktkopier(am, fil))] };
}

export function registerCsv(linjer: readonly (Registerlinje | NyRegisterlinje)[], ekstra?: EkstraKolonner): string {
  const ekstraKol: Kolonne[] = (ekstra?.overskrifter ?? []).map((o, i) => ({
    nokkel: `\u0000ekstra${i}`,
    overskrift: o,
    type: 'tekst',
  }));
  return lagCsv(
    [...REGISTER_KOLONNER, ...ekstraKol],
    linjer.map((l) => {
      const rad: Rad = {};
      for (const k of REGISTER_KOLONNER) rad[k.nokkel] = (l as Record<string, Rad[string]>)[k.nokkel];
      const v = ekstra?.verdier.get(ekstraNokkel(l));
      ekstraKol.forEach((k, i) => {
        rad[k.nokkel] = v?.[i] ?? '';
      });
      rad.periode = maanedICsv(l.periode as Maaned);
      return rad;
    }),
  );
}

/**
 * Compare-and-swap: registeret på disk må være byte for byte det vi leste. Ellers har en annen kjøring
 * skrevet i mellomtiden, og å skrive nå ville slette linjene dens.
 */
export async function sjekkUendret(reg: LestRegister): Promise<void> {
  const naa = await lesBytes(reg.sti);
  const lik = naa === null || reg.versjon === null ? naa === reg.versjon : naa.equals(reg.versjon);
  if (!lik) {
    throw new InndataFeil([
      feil(
        'register-endret',
        'Støtteregisteret ble endret av en annen nh-kjøring (eller for hånd) mens denne kjørte. ' +
          'Ingenting er skrevet; kjør kommandoen på nytt.',
        { fil: path.basename(reg.sti) },
      ),
    ]);
  }
}

/** Testpunktene krasjtestene dreper prosessen ved rundt registeret (NH_TESTPUNKT_DREP). */
const REGISTER_TESTPUNKTER = {
  halvskrevet: 'stotteregister:halvskrevet',
  forRename: ['faktura:for-register', 'stotteregister:for-rename'],
  etterRename: 'stotteregister:etter-rename',
};

/**
 * Skriver kjøringens utfiler og (om `register` ikke er null) registeret i ett `skrivFiler`-kall:
 * alle midlertidige filer først, så — under skrivelåsen og bare om registeret er uendret siden det ble
 * lest — renamene, registeret sist. Gir stiene som ble skrevet.
 */
export async function skrivMedRegister(
  am: Arbeidsmappe,
  reg: LestRegister,
  utfiler: Utfil[],
  register: string | null,
): Promise<string[]> {
  const filer = [...utfiler];
  if (register !== null) filer.push({ sti: reg.sti, innhold: register, testpunkter: REGISTER_TESTPUNKTER });
  return skrivFiler(filer, {
    overskriv: true,
    kritisk: (renameAlle) =>
      medLaas(
        am.sti(SKRIVELAAS_FIL),
        async () => {
          if (register !== null) await sjekkUendret(reg);
          await renameAlle();
        },
        { maksAlderMs: SKRIVELAAS_MS },
      ),
  });
}

/** Bare registeret (uten utfiler). */
export async function skrivStotteregister(am: Arbeidsmappe, reg: LestRegister, innhold: string): Promise<void> {
  await skrivMedRegister(am, reg, [], innhold);
}

/**
 * Sikkerhetskopi før --erstatt: registeret og periodens gamle utfiler kopieres til
 * `faktura/sikkerhetskopi/<merke>/`. Gir mappen, eller null om det ikke fantes noe å kopiere.
 */
export async function sikkerhetskopier(
  am: Arbeidsmappe,
  merke: string,
  filer: readonly string[],
): Promise<string | null> {
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
const TEMP_FAKTURA = [tempMoenster('fakturagrunnlag\\.[^.]+'), tempMoenster('\\.nh-kjoring\\.json')];

/** Rydder gjenglemte midlertidige filer eldre enn låsen vi nettopp tok (issue 11 pkt. 8). */
async function ryddEtterKrasj(am: Arbeidsmappe, l: Laas): Promise<void> {
  const grense = (await stat(l.sti).catch(() => null))?.mtimeMs ?? l.tattMs;
  await ryddTemp(am.rot, TEMP_ROT, grense);
  await ryddTemp(am.rot, TEMP_LAAS, Math.min(grense, Date.now()) - LAAS_TEMP_MS);
  const perioder = await readdir(am.sti('faktura')).catch(() => [] as string[]);
  for (const p of perioder) if (/^\d{4}-\d{2}$/.test(p)) await ryddTemp(am.sti('faktura', p), TEMP_FAKTURA, grense);
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

// Flyttet ut (filen var over 300 linjer); eksportert herfra også, så eksisterende importer virker.
export { finnSmbSjekker } from './smb-sjekker.js';
export { lesCsvMal, type CsvMal } from './csv-mal.js';
