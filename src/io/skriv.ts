/**
 * Trygg skriving: alle filer i en kjøring skrives først til midlertidige filer i samme mappe,
 * fsync-es, og døpes så om (rename er atomisk på samme filsystem). En kjøring som feiler eller
 * krasjer etterlater aldri en halvskrevet fil; en eksisterende fil overskrives aldri uten --overskriv.
 */
import { open, rename, unlink, mkdir, access, readdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { feil, InndataFeil } from '../domain/diagnostikk.js';

export type Utfil = { sti: string; innhold: Uint8Array | string };

export class LastFilFeil extends InndataFeil {}

async function finnes(sti: string): Promise<boolean> {
  try {
    await access(sti);
    return true;
  } catch {
    return false;
  }
}

/**
 * Testkrok for krasjtester: NH_TESTPUNKT_DREP=<navn> dreper prosessen (SIGKILL) når koden passerer
 * punktet <navn>. Gjør ingenting i vanlig bruk.
 */
export function testpunkt(navn: string): void {
  if (process.env.NH_TESTPUNKT_DREP === navn) process.kill(process.pid, 'SIGKILL');
}

export async function sjekkIkkeFinnes(stier: string[], overskriv: boolean): Promise<void> {
  if (overskriv) return;
  const finnesAllerede: string[] = [];
  for (const s of stier) if (await finnes(s)) finnesAllerede.push(s);
  if (finnesAllerede.length) {
    throw new InndataFeil(
      finnesAllerede.map((s) => feil('finnes-fra-for', 'Filen finnes fra før og blir ikke overskrevet. Bruk --overskriv for å erstatte den.', { fil: s })),
    );
  }
}

async function skrivTemp(endelig: string, innhold: Uint8Array | string): Promise<string> {
  const tmp = path.join(path.dirname(endelig), `.${path.basename(endelig)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(innhold);
    await fh.sync();
  } finally {
    await fh.close();
  }
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

function oversettSkrivFeil(e: NodeJS.ErrnoException, sti: string): InndataFeil {
  if (e.code === 'EBUSY' || e.code === 'EPERM' || e.code === 'EACCES') {
    const laast = e.code === 'EBUSY' || (process.platform === 'win32' && e.code === 'EPERM');
    return new LastFilFeil([
      feil(
        laast ? 'fil-laast' : 'ingen-skrivetilgang',
        laast
          ? 'Filen er låst — er den åpen i Excel? Lukk den og kjør kommandoen på nytt. Ingenting er skrevet.'
          : 'Mangler skrivetilgang til filen eller mappen. Ingenting er skrevet.',
        { fil: sti },
      ),
    ]);
  }
  if (e.code === 'ENOSPC') return new InndataFeil([feil('disk-full', 'Disken er full. Ingenting er skrevet.', { fil: sti })]);
  return new InndataFeil([feil('skrivefeil', `Kunne ikke skrive filen (${e.code ?? e.message}). Ingenting er skrevet.`, { fil: sti })]);
}

/**
 * Skriver alle filene eller ingen av dem (så langt et filsystem tillater: renames til slutt, ett kall hver).
 * `overskriv: false` avviser før noe skrives dersom en av filene finnes.
 */
export async function skrivFiler(filer: Utfil[], opts: { overskriv?: boolean } = {}): Promise<void> {
  await sjekkIkkeFinnes(
    filer.map((f) => f.sti),
    opts.overskriv ?? false,
  );
  const tmp: { tmp: string; sti: string }[] = [];
  try {
    for (const f of filer) {
      await mkdir(path.dirname(f.sti), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
        throw oversettSkrivFeil(e, path.dirname(f.sti));
      });
      try {
        tmp.push({ tmp: await skrivTemp(f.sti, f.innhold), sti: f.sti });
      } catch (e) {
        throw oversettSkrivFeil(e as NodeJS.ErrnoException, f.sti);
      }
    }
    testpunkt('for-rename');
    for (const t of tmp) {
      try {
        await rename(t.tmp, t.sti);
      } catch (e) {
        throw oversettSkrivFeil(e as NodeJS.ErrnoException, t.sti);
      }
      testpunkt(`etter-rename:${path.basename(t.sti)}`);
    }
    for (const m of new Set(tmp.map((t) => path.dirname(t.sti)))) await fsyncMappe(m);
  } finally {
    await Promise.all(tmp.map((t) => unlink(t.tmp).catch(() => undefined)));
  }
}

/** Erstatter en tilstandsfil (f.eks. et register) atomisk; overskriver alltid. */
export async function erstattFil(sti: string, innhold: Uint8Array | string): Promise<void> {
  await skrivFiler([{ sti, innhold }], { overskriv: true });
}

/** Fjerner gjenglemte midlertidige filer fra en krasjet kjøring (kalles før skriving i en mappe). */
export async function ryddTemp(mappe: string): Promise<void> {
  let filer: string[] = [];
  try {
    filer = await readdir(mappe);
  } catch {
    return;
  }
  await Promise.all(filer.filter((f) => /^\..*\.tmp-\d+-[0-9a-f]{8}$/.test(f)).map((f) => unlink(path.join(mappe, f)).catch(() => undefined)));
}
