/**
 * Trygg skriving — den ene veien nh skriver filer på (utfiler, støtteregisteret, AVI-loggen):
 * alle filene i en kjøring skrives først til midlertidige filer i målmappen og fsync-es; først når
 * ALLE er skrevet, døpes de om (rename er atomisk på samme filsystem). En feil før renamene (full disk,
 * skrivebeskyttet mappe) etterlater derfor ingenting; en feil midt i renamene sier nøyaktig hvilke filer
 * som ble erstattet. En eksisterende fil overskrives aldri uten --overskriv. Kontrakten står i
 * docs/arkitektur.md («Skriving og låsing»).
 */
import { access, lstat, mkdir, open, readdir, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { erMiljoFeil, feil, InndataFeil, miljoDiagnostikk, type Diagnostikk } from '../../domain/felles/diagnostikk.js';

/** Testpunkter (krasjtester) rundt én fil: midt i den midlertidige filen, før og etter renamen. */
type Testpunkter = { halvskrevet?: string; forRename?: string[]; etterRename?: string };

export type Utfil = { sti: string; innhold: Uint8Array | string; testpunkter?: Testpunkter };

export type Skrivevalg = {
  overskriv?: boolean;
  /**
   * Omslutter renamene (etter at alle midlertidige filer er skrevet): f.eks. en kort lås og en
   * compare-and-swap-kontroll av registeret. Kaster den, skrives ingenting.
   */
  kritisk?: (renameAlle: () => Promise<void>) => Promise<void>;
};

/** Finnes stien (fil, mappe eller lenke som peker et sted)? Den ene `finnes` i nh. */
export async function finnes(sti: string): Promise<boolean> {
  return access(sti).then(
    () => true,
    () => false,
  );
}

/**
 * Testkrok for krasjtester: NH_TESTPUNKT_DREP=<navn> dreper prosessen (SIGKILL) når koden passerer
 * punktet <navn>. Gjør ingenting i vanlig bruk.
 */
function testpunkt(navn: string): void {
  if (process.env.NH_TESTPUNKT_DREP === navn) process.kill(process.pid, 'SIGKILL');
}

/** Navnet på en midlertidig fil for `endelig`: `.<navn>.tmp-<pid>-<8 hex>` i samme mappe. */
export function tempNavn(endelig: string): string {
  const navn = `.${path.basename(endelig)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(endelig), navn);
}

/** Mønsteret for nh sine midlertidige filer for et filnavn (eller et navnemønster som regex-kilde). */
export function tempMoenster(navnKilde: string): RegExp {
  return new RegExp(`^\\.${navnKilde}\\.tmp-\\d+-[0-9a-f]{8}$`, 'i');
}

/** En fs-feil (eller allerede oversatt feil) som InndataFeil, med det som faktisk ble skrevet. */
export function somMiljoFeil(
  e: unknown,
  sti: string,
  skrevet: readonly string[] = [],
  ikkeSkrevet: readonly string[] = [],
): unknown {
  if (e instanceof InndataFeil) return e;
  if (!erMiljoFeil(e)) return e;
  const d = miljoDiagnostikk(e, sti, process.platform === 'win32');
  const melding = skrevet.length ? `${d.melding} ${delvisTekst(skrevet, ikkeSkrevet)}` : d.melding;
  const ds: Diagnostikk[] = [{ ...d, melding }];
  return new InndataFeil(ds, undefined, skrevet);
}

function delvisTekst(skrevet: readonly string[], ikkeSkrevet: readonly string[]): string {
  const ikke = ikkeSkrevet.length ? ` Ikke skrevet: ${ikkeSkrevet.join(', ')}.` : '';
  return `Skrevet før feilen: ${skrevet.join(', ')}.${ikke}`;
}

export async function sjekkIkkeFinnes(stier: string[], overskriv: boolean): Promise<void> {
  if (overskriv) return;
  const finnesAllerede: string[] = [];
  for (const s of stier) if (await finnes(s)) finnesAllerede.push(s);
  if (finnesAllerede.length) {
    const melding = 'Filen finnes fra før og blir ikke overskrevet. Bruk --overskriv for å erstatte den.';
    throw new InndataFeil(finnesAllerede.map((s) => feil('finnes-fra-for', melding, { fil: s })));
  }
}

/**
 * Hvor filen faktisk skal skrives: en symbolsk lenke følges (lenken beholdes og målet erstattes),
 * og en mappe der filen skal stå, er en feil før noe skrives.
 */
async function maalFor(sti: string): Promise<string> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(sti);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return sti;
    throw e;
  }
  if (info.isSymbolicLink()) {
    const mal = await realpath(sti).catch(async () => path.resolve(path.dirname(sti), await readlink(sti)));
    return maalFor(mal);
  }
  if (info.isDirectory()) {
    throw Object.assign(new Error(`EISDIR: ${sti}`), { code: 'EISDIR', path: sti, syscall: 'rename' });
  }
  return sti;
}

/** Ved ENOTDIR: den delen av stien som er en fil (det brukeren må flytte), ellers stien selv. */
async function hindring(e: unknown, sti: string): Promise<string> {
  if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') return sti;
  for (let d = path.dirname(sti); d !== path.dirname(d); d = path.dirname(d)) {
    const s = await stat(d).catch(() => null);
    if (s && !s.isDirectory()) return d;
  }
  return sti;
}

async function skrivTemp(f: Utfil, mal: string): Promise<string> {
  const tmp = tempNavn(mal);
  const fh = await open(tmp, 'wx');
  try {
    const buf = typeof f.innhold === 'string' ? Buffer.from(f.innhold, 'utf8') : f.innhold;
    if (f.testpunkter?.halvskrevet) {
      // I to omganger, så krasjtesten kan drepe prosessen midt i en halvskrevet fil.
      const halv = Math.floor(buf.length / 2);
      await fh.write(buf, 0, halv);
      await fh.sync();
      testpunkt(f.testpunkter.halvskrevet);
      await fh.write(buf, halv, buf.length - halv);
    } else {
      await fh.writeFile(buf);
    }
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await fh.close();
  return tmp;
}

async function fsyncMappe(mappe: string): Promise<void> {
  try {
    const fh = await open(mappe, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Windows kan ikke fsync-e mapper; rename er likevel atomisk der.
  }
}

type Midlertidig = { tmp: string; mal: string; f: Utfil };
type Svikt = { i: number; e: unknown };

/**
 * Så mange midlertidige filer skrives om gangen. En fsync venter på disken, ikke på prosessoren, så flere samtidig
 * tar nesten like kort tid som én: en faktura-kjøring på demoen skriver ca. 50 filer, én og én ca. 25 ms,
 * åtte om gangen ca. 7 ms (issue 22 pkt. 8). Ikke alle på en gang: tusen filer ville vært tusen åpne filer.
 */
const SAMTIDIGE_SKRIVINGER = 8;

/**
 * Skriver filene til midlertidige filer (i `tmp`, i filenes rekkefølge, også når en feiler, så de ryddes). Feiler
 * noen, startes ingen flere, og feilen for den første av dem i rekkefølgen kastes, som når de ble skrevet én og én.
 */
async function skrivMidlertidige(filer: Utfil[], tmp: Midlertidig[]): Promise<void> {
  const ferdige: (Midlertidig | undefined)[] = [];
  const svikt: { forste?: Svikt } = {};
  let neste = 0;
  const skriver = async () => {
    while (neste < filer.length && !svikt.forste) {
      const i = neste++;
      const f = filer[i]!;
      try {
        const mal = await maalFor(f.sti);
        await mkdir(path.dirname(mal), { recursive: true });
        ferdige[i] = { tmp: await skrivTemp(f, mal), mal, f };
      } catch (e) {
        // (TypeScript tror `forste` fortsatt er tom her, etter while-testen: en annen skriver kan ha satt den.)
        const forste = svikt.forste as Svikt | undefined;
        if (!forste || i < forste.i) svikt.forste = { i, e };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SAMTIDIGE_SKRIVINGER, filer.length) }, skriver));
  for (const t of ferdige) if (t) tmp.push(t);
  const forste = svikt.forste as Svikt | undefined;
  if (forste) throw somMiljoFeil(forste.e, await hindring(forste.e, filer[forste.i]!.sti));
}

/**
 * Skriver alle filene eller ingen av dem (så langt et filsystem tillater: renames til slutt, ett kall
 * hver). `overskriv: false` avviser før noe skrives dersom en av filene finnes. Gir stiene som ble skrevet.
 */
export async function skrivFiler(filer: Utfil[], opts: Skrivevalg = {}): Promise<string[]> {
  await sjekkIkkeFinnes(
    filer.map((f) => f.sti),
    opts.overskriv ?? false,
  );
  const tmp: Midlertidig[] = [];
  const skrevet: string[] = [];
  try {
    await skrivMidlertidige(filer, tmp);
    testpunkt('for-rename');
    const renameAlle = async () => {
      for (const t of tmp) {
        for (const p of t.f.testpunkter?.forRename ?? []) testpunkt(p);
        try {
          await rename(t.tmp, t.mal);
        } catch (e) {
          const ikke = tmp.slice(tmp.indexOf(t)).map((x) => x.f.sti);
          throw somMiljoFeil(e, t.f.sti, skrevet, ikke);
        }
        skrevet.push(t.f.sti);
        testpunkt(`etter-rename:${path.basename(t.f.sti)}`);
        if (t.f.testpunkter?.etterRename) testpunkt(t.f.testpunkter.etterRename);
      }
    };
    if (opts.kritisk) await opts.kritisk(renameAlle);
    else await renameAlle();
    for (const m of new Set(tmp.map((t) => path.dirname(t.mal)))) await fsyncMappe(m);
  } catch (e) {
    // En feil etter at noe er skrevet (f.eks. fra `kritisk`) skal si hva som ble skrevet.
    if (e instanceof InndataFeil && skrevet.length && !e.skrevet.length) {
      throw new InndataFeil(e.diagnostikk, undefined, [...skrevet]);
    }
    throw e;
  } finally {
    await Promise.all(tmp.map((t) => unlink(t.tmp).catch(() => undefined)));
  }
  return skrevet;
}

/**
 * Fjerner gjenglemte midlertidige filer fra en drept kjøring (full disk, kill -9): bare filer som
 * passer et av nh sine egne mønstre OG er eldre enn `eldreEnnMs` (låsen vi holder). En annen kjøring
 * som skriver akkurat nå, har nyere filer og en egen lås. Gir stiene som ble fjernet.
 */
export async function ryddTemp(mappe: string, moenstre: readonly RegExp[], eldreEnnMs: number): Promise<string[]> {
  let filer: string[];
  try {
    filer = await readdir(mappe);
  } catch {
    return [];
  }
  const fjernet: string[] = [];
  for (const f of filer) {
    if (!moenstre.some((m) => m.test(f))) continue;
    const p = path.join(mappe, f);
    try {
      const s = await stat(p);
      if (!s.isFile() || s.mtimeMs >= eldreEnnMs) continue;
      await unlink(p);
      fjernet.push(p);
    } catch {
      // Borte allerede, eller ikke vår å fjerne.
    }
  }
  return fjernet;
}
