/**
 * Enkel fillås (O_EXCL) så to kjøringer ikke skriver samme tilstand samtidig. En lås fra en prosess
 * som ikke lever lenger (krasj) regnes som foreldet og tas over.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { feil, InndataFeil } from '../domain/diagnostikk.js';

function lever(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function medLaas<T>(laasSti: string, fn: () => Promise<T>): Promise<T> {
  for (let forsok = 0; forsok < 2; forsok++) {
    try {
      const fh = await open(laasSti, 'wx');
      await fh.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
      await fh.close();
      try {
        return await fn();
      } finally {
        await unlink(laasSti).catch(() => undefined);
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const innhold = await readFile(laasSti, 'utf8').catch(() => '');
      const pid = Number(innhold.split('\n')[0]);
      if (forsok === 0 && Number.isInteger(pid) && pid > 0 && !lever(pid)) {
        await unlink(laasSti).catch(() => undefined);
        continue;
      }
      throw new InndataFeil([
        feil('laast', `En annen nh-kjøring (prosess ${pid || 'ukjent'}) holder på i denne arbeidsmappen. Vent til den er ferdig. Står låsen igjen etter et krasj, slett filen.`, { fil: laasSti }),
      ]);
    }
  }
  throw new Error('uoppnåelig');
}
