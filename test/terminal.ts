/**
 * Spørsmålene i en terminal, to måter med samme kontrakt (steg: vent på teksten, skriv svaret; så exit-koden og
 * alt som ble vist):
 * - `iTerminal`: det bygde binæret i en ekte pseudo-terminal (util-linux `script`) — der prosessen selv testes
 *   (TTY-gjenkjenningen, --json og CI=true i en terminal, init i første måned).
 * - `iTerminalISammeProsess`: `main()` i testprosessen med en terminal av strømmer (NhIO.terminal, som inquirer
 *   leser tastetrykk fra og tegner i) — for spørsmålene selv, uten en ny Node-prosess per test (issue 22 pkt. 9).
 */
import { afterEach } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { PassThrough, Writable } from 'node:stream';
import { main } from '../src/cli/main.js';
import { NH, ROT } from './hjelp.js';

export const HAR_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Miljø for barneprosessen: uten CI (CI=true slår av spørsmål), uten farger, fast «i dag». */
const MILJO = { NO_COLOR: '1', FORCE_COLOR: undefined, CI: undefined, NH_DATO: '2026-11-22' } as const;
const TERMINAL_ENV = (ekstra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    NH_DATO: MILJO.NH_DATO,
    TERM: 'xterm',
    COLUMNS: '200',
    LINES: '50',
  };
  delete env.CI;
  delete env.FORCE_COLOR;
  return { ...env, ...ekstra };
};

// Sekvenser fra inquirer (markørflytting, sletting) fjernes før vi leter etter tekst.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]/g;
const ren = (s: string) => s.replace(ANSI, '').replace(/\r/g, '');

export const ENTER = '\r';

export type Steg = { vent: string; svar: string };
export type Terminalkjoring = { kode: number | null; ut: string };

const aktive = new Set<ChildProcess>();
afterEach(() => {
  for (const p of aktive) p.kill('SIGKILL');
  aktive.clear();
});

const sitat = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Kjør `nh <args>` i en pseudo-terminal (`script -qfec … /dev/null`). For hvert steg: vent (med tidsavbrudd)
 * til spørsmålsteksten står i utdataene etter forrige svar, og skriv svaret. Prosessen drepes alltid til slutt.
 */
export async function iTerminal(
  args: string[],
  steg: Steg[],
  opts: { env?: Record<string, string>; tidsavbrudd?: number } = {},
): Promise<Terminalkjoring> {
  const tidsavbrudd = opts.tidsavbrudd ?? 20_000; // et tak, ikke en forventning: på en travel maskin tar oppstarten sekunder
  const kommando = [process.execPath, NH, ...args].map(sitat).join(' ');
  const p = spawn('script', ['-qfec', kommando, '/dev/null'], {
    env: TERMINAL_ENV(opts.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  aktive.add(p);
  let ut = '';
  let lest = 0;
  const lyttere = new Set<() => void>();
  const varsle = () => {
    for (const f of lyttere) f();
  };
  p.stdout!.on('data', (b: Buffer) => {
    ut += b.toString('utf8');
    varsle();
  });
  p.stderr!.on('data', (b: Buffer) => {
    ut += b.toString('utf8');
    varsle();
  });
  const slutt = new Promise<number | null>((resolve) => p.on('close', (kode) => resolve(kode)));
  let ferdig = false;
  void slutt.then(() => {
    ferdig = true;
    varsle();
  });

  const vent = (tekst: string) =>
    new Promise<void>((resolve, reject) => {
      const sjekk = () => {
        const i = ren(ut).indexOf(tekst, lest);
        if (i >= 0) {
          lest = i + tekst.length;
          done();
          resolve();
        } else if (ferdig) {
          done();
          reject(new Error(`nh avsluttet før «${tekst}» ble spurt. Utdata:\n${ren(ut)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Tidsavbrudd: ventet på «${tekst}» i ${tidsavbrudd} ms. Utdata:\n${ren(ut)}`));
      }, tidsavbrudd);
      const done = () => {
        clearTimeout(timer);
        lyttere.delete(sjekk);
      };
      lyttere.add(sjekk);
      sjekk();
    });

  try {
    for (const s of steg) {
      await vent(s.vent);
      p.stdin!.write(s.svar);
    }
    const kode = await Promise.race([
      slutt,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`Tidsavbrudd: nh ble ikke ferdig. Utdata:\n${ren(ut)}`)), tidsavbrudd),
      ),
    ]);
    return { kode, ut: ren(ut) };
  } finally {
    p.stdin!.end();
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    aktive.delete(p);
  }
}

type TerminalStrom = Writable & { isTTY: true; columns: number; rows: number };

/**
 * En terminal holder tastetrykk til noen leser dem; en strøm i samme prosess gir dem til den som lytter nå. Et svar
 * skrives derfor først når et spørsmål lytter (inquirer: «keypress»), og etter en runde i hendelsessløyfen, så et
 * spørsmål som nettopp ble besvart (og teksten vi ventet på, står i svaret), har lukket sin readline.
 */
async function naarNoenLytter(input: PassThrough): Promise<void> {
  await new Promise((ok) => setImmediate(ok));
  if (input.listenerCount('keypress') > 0) return;
  await new Promise<void>((ok) => {
    const ny = (hendelse: string) => {
      if (hendelse !== 'keypress') return;
      input.off('newListener', ny);
      setImmediate(ok);
    };
    input.on('newListener', ny);
  });
}
/** En utstrøm som later som den er en terminal (200 × 50, som COLUMNS/LINES for pseudo-terminalen). */
function terminalStrom(skriv: (t: string) => void): TerminalStrom {
  const w = new Writable({
    write(bit: Buffer | string, _koding, ferdig) {
      skriv(bit.toString());
      ferdig();
    },
  }) as TerminalStrom;
  // Som process.stdout kan den ikke avsluttes: inquirer kobler sin strøm til den med pipe(), som avslutter målet
  // når spørsmålet er besvart — da ville neste spørsmål og resten av utskriften gått tapt.
  const uendelig = (() => w) as unknown as Writable['end'];
  // Markørstyringen til tty.WriteStream (spinneren bruker den), som ANSI-sekvenser slik en terminal får dem.
  const ansi = (kode: string, ferdig?: () => void) => {
    w.write(kode);
    ferdig?.();
    return true;
  };
  return Object.assign(w, {
    isTTY: true as const,
    columns: 200,
    rows: 50,
    end: uendelig,
    cursorTo: (x: number, y?: number | (() => void), ferdig?: () => void) =>
      typeof y === 'number' ? ansi(`\x1b[${y + 1};${x + 1}H`, ferdig) : ansi(`\x1b[${x + 1}G`, y ?? ferdig),
    moveCursor: (dx: number, dy: number, ferdig?: () => void) =>
      ansi(
        `${dx ? `\x1b[${Math.abs(dx)}${dx > 0 ? 'C' : 'D'}` : ''}${dy ? `\x1b[${Math.abs(dy)}${dy > 0 ? 'B' : 'A'}` : ''}`,
        ferdig,
      ),
    clearLine: (_retning: number, ferdig?: () => void) => ansi('\x1b[2K', ferdig),
    clearScreenDown: (ferdig?: () => void) => ansi('\x1b[0J', ferdig),
    getColorDepth: () => 1,
    hasColors: () => false,
  });
}

/**
 * Som `iTerminal`, men `main()` kjøres i testprosessen: stdin er en terminal (stdinTTY), stdout og stderr er
 * terminalstrømmer, og inquirer leser tastetrykkene fra `input`. Miljøet er terminalens (uten CI, fast «i dag»).
 */
export async function iTerminalISammeProsess(
  args: string[],
  steg: Steg[],
  opts: { env?: Record<string, string>; tidsavbrudd?: number } = {},
): Promise<Terminalkjoring> {
  const tidsavbrudd = opts.tidsavbrudd ?? 20_000;
  let ut = '';
  let lest = 0;
  const lyttere = new Set<() => void>();
  const varsle = () => {
    for (const f of lyttere) f();
  };
  const skriv = (t: string) => {
    ut += t;
    varsle();
  };
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const stdout = terminalStrom(skriv);
  const env: Record<string, string | undefined> = { ...TERMINAL_ENV(opts.env) };
  let ferdig = false;
  const slutt = main(['node', 'nh', ...args], {
    stdout,
    stderr: terminalStrom(skriv),
    stdinTTY: true,
    env,
    cwd: ROT,
    naa: () => new Date(`${MILJO.NH_DATO}T12:00:00Z`),
    terminal: { input, output: stdout },
  }).finally(() => {
    ferdig = true;
    varsle();
  });
  const vent = (tekst: string) =>
    new Promise<void>((resolve, reject) => {
      const sjekk = () => {
        const i = ren(ut).indexOf(tekst, lest);
        if (i >= 0) {
          lest = i + tekst.length;
          done();
          resolve();
        } else if (ferdig) {
          done();
          reject(new Error(`nh avsluttet før «${tekst}» ble spurt. Utdata:\n${ren(ut)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Tidsavbrudd: ventet på «${tekst}» i ${tidsavbrudd} ms. Utdata:\n${ren(ut)}`));
      }, tidsavbrudd);
      const done = () => {
        clearTimeout(timer);
        lyttere.delete(sjekk);
      };
      lyttere.add(sjekk);
      sjekk();
    });
  try {
    for (const s of steg) {
      await vent(s.vent);
      await naarNoenLytter(input);
      input.write(s.svar);
    }
    const kode = await Promise.race([
      slutt,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`Tidsavbrudd: nh ble ikke ferdig. Utdata:\n${ren(ut)}`)), tidsavbrudd),
      ),
    ]);
    return { kode, ut: ren(ut) };
  } finally {
    // Et spørsmål som fortsatt venter (testen feilet), avsluttes: inquirer får «lukket» og main() returnerer. Gjør
    // den ikke det innen 5 s, går testen videre med feilen den alt har.
    input.end();
    input.resume();
    await Promise.race([slutt.catch(() => undefined), new Promise((ok) => setTimeout(ok, 5000).unref())]);
  }
}
