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
 * Det en terminalkjøring har vist (stdout og stderr, som i en terminal), og venting på en tekst i det: hvert treff
 * leter videre etter det forrige, så samme spørsmål to ganger må stilles to ganger. Felles for begge terminalene.
 */
function lagSkjerm(tidsavbrudd: number) {
  let ut = '';
  let lest = 0;
  let avsluttet = false;
  const lyttere = new Set<() => void>();
  const varsle = () => {
    for (const f of lyttere) f();
  };
  const tekst = () => ren(ut);
  return {
    skriv(t: string): void {
      ut += t;
      varsle();
    },
    avsluttet(): void {
      avsluttet = true;
      varsle();
    },
    tekst,
    /** Til `soke` står i utdataene etter forrige treff; feiler når kjøringen avslutter først, eller etter tidsavbruddet. */
    vent(soke: string): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const sjekk = () => {
          const i = tekst().indexOf(soke, lest);
          if (i >= 0) {
            lest = i + soke.length;
            done();
            resolve();
          } else if (avsluttet) {
            done();
            reject(new Error(`nh avsluttet før «${soke}» ble spurt. Utdata:\n${tekst()}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`Tidsavbrudd: ventet på «${soke}» i ${tidsavbrudd} ms. Utdata:\n${tekst()}`));
        }, tidsavbrudd);
        const done = () => {
          clearTimeout(timer);
          lyttere.delete(sjekk);
        };
        lyttere.add(sjekk);
        sjekk();
      });
    },
    /** Exit-koden når kjøringen er ferdig, høyst etter tidsavbruddet. */
    ferdig<T>(slutt: Promise<T>): Promise<T> {
      let timer: NodeJS.Timeout | undefined;
      const tak = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Tidsavbrudd: nh ble ikke ferdig. Utdata:\n${tekst()}`)),
          tidsavbrudd,
        );
      });
      return Promise.race([slutt, tak]).finally(() => clearTimeout(timer));
    },
  };
}

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
  const skjerm = lagSkjerm(tidsavbrudd);
  p.stdout!.on('data', (b: Buffer) => skjerm.skriv(b.toString('utf8')));
  p.stderr!.on('data', (b: Buffer) => skjerm.skriv(b.toString('utf8')));
  const slutt = new Promise<number | null>((resolve) => p.on('close', (kode) => resolve(kode)));
  void slutt.then(() => skjerm.avsluttet());
  try {
    for (const s of steg) {
      await skjerm.vent(s.vent);
      p.stdin!.write(s.svar);
    }
    return { kode: await skjerm.ferdig(slutt), ut: skjerm.tekst() };
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
  const skjerm = lagSkjerm(tidsavbrudd);
  const skriv = (t: string) => skjerm.skriv(t);
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const stdout = terminalStrom(skriv);
  const env: Record<string, string | undefined> = { ...TERMINAL_ENV(opts.env) };
  const slutt = main(['node', 'nh', ...args], {
    stdout,
    stderr: terminalStrom(skriv),
    stdinTTY: true,
    env,
    cwd: ROT,
    naa: () => new Date(`${MILJO.NH_DATO}T12:00:00Z`),
    terminal: { input, output: stdout },
  }).finally(() => skjerm.avsluttet());
  try {
    for (const s of steg) {
      await skjerm.vent(s.vent);
      await naarNoenLytter(input);
      input.write(s.svar);
    }
    return { kode: await skjerm.ferdig(slutt), ut: skjerm.tekst() };
  } finally {
    // Et spørsmål som fortsatt venter (testen feilet), avsluttes: inquirer får «lukket» og main() returnerer. Gjør
    // den ikke det innen 5 s, går testen videre med feilen den alt har.
    input.end();
    input.resume();
    await Promise.race([slutt.catch(() => undefined), new Promise((ok) => setTimeout(ok, 5000).unref())]);
  }
}
