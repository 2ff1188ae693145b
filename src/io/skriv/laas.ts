/**
 * Fillås for en arbeidsmappe — også når mappen ligger på OneDrive/SharePoint eller en nettverksdisk og
 * flere PC-er bruker den. Låsfilen sier hvem som holder den: `{"vert","pid","tid","id"}`.
 *
 * - **Opprettes ferdig skrevet:** innholdet skrives til en midlertidig fil som lenkes inn (`link` feiler
 *   atomisk hvis låsen finnes). En låsfil er derfor aldri tom eller halvskrevet; der lenker ikke går
 *   (noen nettverksdisker), brukes `open(wx)` + skriving, og en tom lås eldre enn `TOM_MS` er død.
 * - **Foreldet?** Samme PC: prosessen lever ikke. Annen PC (PID-en kan ikke sjekkes der): eldre enn
 *   `ANNEN_VERT_MS`. En lås fra eldre nh (bare «pid\ntid») vurderes som samme PC.
 * - **Overtakelse er atomisk:** bare den som holder vaktfilen `<lås>.overtak` (opprettet atomisk, holdt i
 *   millisekunder) kan fjerne en foreldet lås, og bare hvis den fortsatt er nøyaktig den som ble vurdert
 *   (innhold og inode). Så konkurrerer alle om å opprette låsen på nytt med `link`/`wx` — bare én vinner.
 */
import { link, lstat, open, readFile, readlink, rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { feil, InndataFeil } from '../../domain/felles/diagnostikk.js';
import { somMiljoFeil, tempNavn } from './skriv.js';

/** En tom eller uleselig låsfil eldre enn dette er død (en lås skrives på millisekunder). */
export const TOM_MS = 10_000;
/** En lås fra en annen PC eldre enn dette er foreldet (en nh-kjøring tar sekunder). */
export const ANNEN_VERT_MS = 10 * 60_000;
/** En lås på samme PC eldre enn dette er foreldet selv om PID-en lever (PID gjenbrukt etter omstart). */
export const MAKS_ALDER_MS = 24 * 60 * 60_000;

export type Laaseier = { vert: string | null; pid: number; tid: string; id: string };
export type Laas = { sti: string; eier: Laaseier; innhold: string; tattMs: number };
/**
 * Det vi leste av en låsfil som fantes. `ctimeMs`: når filen sist ble endret på DENNE maskinen (klokken her) —
 * alderen når tidsstemplene fra en annen PC ligger fram i tid.
 */
export type LestLaas = { raa: string; eier: Laaseier | null; mtimeMs: number; ino: number; ctimeMs?: number };

/** Et tidsstempel mer enn dette fram i tid er fra en PC med feil klokke, og teller ikke. */
const FRAMTID_MS = 60_000;

export type Laasvalg = {
  /**
   * For korte kritiske seksjoner: eldre enn dette er foreldet uansett PC og PID (i stedet for
   * ANNEN_VERT_MS og MAKS_ALDER_MS). En død prosess på samme PC gjør låsen foreldet som ellers.
   */
  maksAlderMs?: number;
  /** Klokke og prosesskontroll kan byttes i tester. */
  naa?: () => number;
  lever?: (pid: number) => boolean;
  vert?: string;
};

function lever(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function tolkLaas(raa: string): Laaseier | null {
  const t = raa.trim();
  if (!t) return null;
  if (t.startsWith('{')) {
    try {
      const j = JSON.parse(t) as Partial<Laaseier>;
      if (typeof j.pid !== 'number' || typeof j.tid !== 'string' || typeof j.id !== 'string') return null;
      return { vert: typeof j.vert === 'string' ? j.vert : null, pid: j.pid, tid: j.tid, id: j.id };
    } catch {
      return null;
    }
  }
  // Eldre nh: «pid\ntid\n».
  const [p, tid] = t.split('\n');
  const pid = Number(p);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { vert: null, pid, tid: tid?.trim() ?? '', id: '' };
}

/**
 * Låsens alder: fra det yngste av tidsstempelet i filen og filens mtime — en skjev klokke på én PC gjør ikke
 * låsen eldre. Et stempel langt fram i tid (en PC med feil klokke) teller ikke; er begge det, regnes alderen fra
 * da filen sist ble endret her (ctime). Før ble en slik lås aldri tatt over, selv om meldingen sa den ville bli det.
 */
function laasAlder(l: LestLaas, naa: number): number {
  const tid = l.eier ? Date.parse(l.eier.tid) : Number.NaN;
  const troverdige = [tid, l.mtimeMs].filter((t) => Number.isFinite(t) && t <= naa + FRAMTID_MS);
  if (troverdige.length) return naa - Math.max(...troverdige);
  return l.ctimeMs !== undefined && l.ctimeMs <= naa + FRAMTID_MS ? naa - l.ctimeMs : 0;
}

/** Er låsen foreldet? Ren funksjon av det vi leste, klokken og prosesskontrollen. */
export function vurderLaas(l: LestLaas, o: Required<Pick<Laasvalg, 'naa' | 'lever' | 'vert'>> & Laasvalg) {
  const naa = o.naa();
  const alder = laasAlder(l, naa);
  if (!l.eier) return { foreldet: alder > Math.min(TOM_MS, o.maksAlderMs ?? TOM_MS), grunn: 'tom' as const };
  if (l.eier.vert === null || l.eier.vert === o.vert) {
    if (!o.lever(l.eier.pid)) return { foreldet: true, grunn: 'doed' as const };
    return { foreldet: alder > (o.maksAlderMs ?? MAKS_ALDER_MS), grunn: 'gammel' as const };
  }
  return { foreldet: alder > (o.maksAlderMs ?? ANNEN_VERT_MS), grunn: 'annen-vert' as const };
}

/** Oppretter `sti` med `innhold` bare hvis den ikke finnes. false = finnes allerede. */
async function opprettEksklusivt(sti: string, innhold: string, forsok = 0): Promise<boolean> {
  const tmp = tempNavn(sti);
  await skrivFerdig(tmp, innhold, 'wx');
  try {
    await link(tmp, sti);
    return true;
  } catch (e) {
    const kode = (e as NodeJS.ErrnoException).code;
    if (kode === 'EEXIST') return false;
    // Den midlertidige filen ble borte under oss (ryddet av en annen): prøv på nytt med en ny.
    if (kode === 'ENOENT' && forsok < 3) return opprettEksklusivt(sti, innhold, forsok + 1);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(kode ?? '')) throw e;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  // Filsystemet kan ikke lage lenker (noen nettverksdisker): open(wx) er også atomisk, men kan etterlate
  // en tom fil om prosessen dør før skrivingen — den regnes som død når den er eldre enn TOM_MS.
  try {
    await skrivFerdig(sti, innhold, 'wx');
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

async function skrivFerdig(sti: string, innhold: string, flagg: 'wx'): Promise<void> {
  const fh = await open(sti, flagg);
  try {
    await fh.writeFile(innhold);
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(sti).catch(() => undefined);
    throw e;
  }
  await fh.close();
}

export async function lesLaas(sti: string): Promise<LestLaas | null> {
  try {
    const l = await lstat(sti);
    if (l.isSymbolicLink()) {
      // nh lager aldri en lås som lenke; en lenke (også en som peker ingensteds) er en uleselig lås som tas
      // over etter TOM_MS. Før blokkerte en død lenke mappen for godt (stat ga ENOENT, «prøv igjen» i det uendelige).
      const raa = `lenke → ${await readlink(sti).catch(() => '?')}`;
      return { raa, eier: null, mtimeMs: l.mtimeMs, ino: l.ino, ctimeMs: l.ctimeMs };
    }
    const s = await stat(sti);
    const raa = await readFile(sti, 'utf8');
    return { raa, eier: tolkLaas(raa), mtimeMs: s.mtimeMs, ino: s.ino, ctimeMs: s.ctimeMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

const sammeFil = (a: LestLaas, b: LestLaas) => a.raa === b.raa && (a.ino === 0 || b.ino === 0 || a.ino === b.ino);

/**
 * Flytter bort en gammel vaktfil (en kjøring døde i de millisekundene den holdt den): rename til et unikt
 * navn, så bare én kjøring får flyttet en gitt fil; var det en ny vakt, legges den tilbake.
 */
async function flyttBortVakt(vakt: string, lest: LestLaas): Promise<void> {
  const grav = `${vakt}.foreldet-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(vakt, grav);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const flyttet = await lesLaas(grav);
  if (flyttet && !sammeFil(flyttet, lest)) await opprettEksklusivt(vakt, flyttet.raa).catch(() => false);
  await unlink(grav).catch(() => undefined);
}

/**
 * Tar bort nøyaktig den foreldede låsen vi leste. POSIX har ingen atomisk «slett hvis uendret», så
 * overtakelsen skjer under en vaktfil (`<lås>.overtak`, opprettet atomisk og holdt i millisekunder): bare
 * den som holder vakten, kan fjerne en lås, og den kontrollerer først at låsen fortsatt er nøyaktig den
 * foreldede (innhold og inode). En ny lås (en annen tok over før oss) fjernes derfor aldri.
 * true = den foreldede låsen er borte (av oss); false = noen andre kom først eller holder vakten.
 */
export async function fjernForeldet(sti: string, lest: LestLaas): Promise<boolean> {
  const vakt = `${sti}.overtak`;
  const eier = {
    vert: hostname(),
    pid: process.pid,
    tid: new Date().toISOString(),
    id: randomBytes(8).toString('hex'),
  };
  const innhold = `${JSON.stringify(eier)}\n`;
  if (!(await opprettEksklusivt(vakt, innhold))) {
    const v = await lesLaas(vakt);
    // Vakten holdes i millisekunder: er den eldre enn TOM_MS, døde kjøringen som holdt den.
    if (v && Date.now() - v.mtimeMs > TOM_MS) await flyttBortVakt(vakt, v);
    return false;
  }
  try {
    const naa = await lesLaas(sti);
    if (!naa) return true; // ryddet av en annen i mellomtiden: bare borte (ikke «Intern feil» ENOENT)
    if (!sammeFil(naa, lest)) return false;
    await unlink(sti).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    return true;
  } finally {
    if ((await readFile(vakt, 'utf8').catch(() => null)) === innhold) await unlink(vakt).catch(() => undefined);
  }
}

function laastFeil(sti: string, l: LestLaas | null, naa: number): InndataFeil {
  const e = l?.eier;
  const hvem = e
    ? `prosess ${e.pid}${e.vert ? ` på ${e.vert}` : ''}${e.tid ? `, startet ${e.tid}` : ''}`
    : 'ukjent prosess: låsfilen er tom eller uleselig';
  const alder = l ? Math.max(0, Math.round(laasAlder(l, naa) / 1000)) : 0;
  const framtid = l?.eier && Date.parse(l.eier.tid) > naa + FRAMTID_MS;
  const annen = e?.vert && e.vert !== hostname();
  const raad = annen
    ? `Låsen er fra en annen PC; nh tar den over når den er eldre enn ${ANNEN_VERT_MS / 60_000} minutter. Er du sikker på at ingen kjører nh der nå, kan du slette låsfilen.`
    : !e
      ? `En tom eller uleselig låsfil tas over automatisk når den er eldre enn ${TOM_MS / 1000} sekunder.`
      : 'Står låsen igjen etter et krasj, tas den over automatisk når prosessen ikke lever lenger.';
  return new InndataFeil([
    feil(
      'laast',
      `En annen nh-kjøring (${hvem}) holder på i denne arbeidsmappen (låsen er ${alder} s gammel). Vent til den er ferdig og kjør på nytt. ${raad}` +
        (framtid
          ? ` Låsens tidsstempel (${l!.eier!.tid}) ligger fram i tid — klokken på PC-en som laget den, går feil; nh regner alderen fra da låsfilen kom til denne PC-en.`
          : ''),
      { fil: sti },
    ),
  ]);
}

/** Tar låsen (eller kaster «laast» med hvem som holder den). */
export async function taLaas(sti: string, valg: Laasvalg = {}): Promise<Laas> {
  const o = { naa: Date.now, lever, vert: hostname(), ...valg };
  let sist: LestLaas | null = null;
  for (let forsok = 0; forsok < 40; forsok++) {
    const tid = new Date(o.naa()).toISOString();
    const eier: Laaseier = { vert: o.vert, pid: process.pid, tid, id: randomBytes(8).toString('hex') };
    const innhold = `${JSON.stringify(eier)}\n`;
    let fikk: boolean;
    try {
      fikk = await opprettEksklusivt(sti, innhold);
    } catch (e) {
      throw somMiljoFeil(e, sti);
    }
    if (fikk) return { sti, eier, innhold, tattMs: o.naa() };
    sist = await lesLaas(sti).catch((e: unknown) => {
      throw somMiljoFeil(e, sti);
    });
    if (!sist) continue; // sluppet i mellomtiden: prøv igjen
    if (!vurderLaas(sist, o).foreldet) throw laastFeil(sti, sist, o.naa());
    const fjernet = await fjernForeldet(sti, sist).catch((e: unknown) => {
      throw somMiljoFeil(e, sti);
    });
    // En annen kjøring holder på å ta over: gi den noen millisekunder før vi ser på låsen igjen.
    if (!fjernet) await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
  }
  throw laastFeil(sti, sist, o.naa());
}

/** Holder en annen (levende) kjøring låsen akkurat nå? En foreldet eller manglende lås: nei. */
export async function holdesAvAnnen(sti: string, valg: Laasvalg = {}): Promise<boolean> {
  const l = await lesLaas(sti).catch(() => null);
  return l !== null && !vurderLaas(l, { naa: Date.now, lever, vert: hostname(), ...valg }).foreldet;
}

/** Holder vi fortsatt låsen (ingen har tatt den over)? */
export async function holderLaas(l: Laas): Promise<boolean> {
  const raa = await readFile(l.sti, 'utf8').catch(() => null);
  return raa === l.innhold;
}

/** Slipper låsen — bare om den fortsatt er vår. */
async function slippLaas(l: Laas): Promise<void> {
  if (await holderLaas(l)) await unlink(l.sti).catch(() => undefined);
}

export async function medLaas<T>(laasSti: string, fn: (l: Laas) => Promise<T>, valg: Laasvalg = {}): Promise<T> {
  const l = await taLaas(laasSti, valg);
  try {
    return await fn(l);
  } finally {
    await slippLaas(l);
  }
}
