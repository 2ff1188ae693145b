/**
 * Kjør det bygde binæret i en ekte pseudo-terminal (util-linux `script`) og svar på spørsmålene som tastetrykk når
 * spørsmålsteksten har dukket opp. Samme hjelper som i test/e2e/tty.test.ts, her for testene av issue 19
 * (init i en terminal, første måned); tty.test.ts kan bruke denne i stedet for sin egen kopi.
 */
import { afterEach } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { NH } from './hjelp.js';

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
