/**
 * Felles testhjelp: kjør nh i samme prosess (main(argv, io) med egne strømmer, miljø og fast klokke) eller,
 * der prosessen selv er det som testes (krasj, TTY, installasjon), som barneprosess av det bygde binæret.
 * Midlertidige mapper fjernes etter hver testfil (test/oppsett.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main.js';

export const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NH = path.join(ROT, 'bin', 'nh.js');
export const DEMO = path.join(ROT, 'fixtures', 'demo');
/** «I dag» i alle testene, og klokka kl. 12:00 UTC den dagen. */
export const TEST_DATO = '2026-11-22';

export type NhKjoring = { kode: number; stdout: string; stderr: string; json: () => any };
export type NhValg = { cwd?: string; env?: Record<string, string | undefined>; input?: string };

function testmiljo(env: NhValg['env']): Record<string, string | undefined> {
  return { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: 'true', NH_DATO: TEST_DATO, ...env };
}

/**
 * Kjør nh uten TTY, med NO_COLOR og fast «i dag» (NH_DATO), så utdata er stabile. I samme prosess (≈ 20 ms),
 * unntatt når testen drepes ved et testpunkt (NH_TESTPUNKT_DREP): da må det være en egen prosess.
 */
export async function nh(args: string[], opts: NhValg = {}): Promise<NhKjoring> {
  const env = testmiljo(opts.env);
  if (env.NH_TESTPUNKT_DREP) return nhProsess(args, opts);
  let stdout = '';
  let stderr = '';
  const kode = await main(['node', 'nh', ...args], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdinTTY: false,
    env,
    cwd: opts.cwd ?? ROT,
    naa: () => new Date(`${TEST_DATO}T12:00:00Z`),
  });
  return { kode, stdout, stderr, json: () => JSON.parse(stdout) };
}

/** Kjør det bygde binæret som barneprosess (asynkront, så vitest-arbeideren aldri blokkeres). */
export function nhProsess(args: string[], opts: NhValg = {}): Promise<NhKjoring> {
  if (!existsSync(path.join(ROT, 'dist', 'bunt', 'main.js')))
    throw new Error('dist/ mangler: kjør `npm run build` før e2e-testene');
  return new Promise((ok, feil) => {
    const p = spawn(process.execPath, [NH, ...args], {
      cwd: opts.cwd ?? ROT,
      env: testmiljo(opts.env) as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.stdin!.end(opts.input ?? '');
    const tidsur = setTimeout(() => p.kill('SIGKILL'), 120_000);
    p.on('error', feil);
    p.on('close', (kode) => {
      clearTimeout(tidsur);
      ok({ kode: kode ?? -1, stdout, stderr, json: () => JSON.parse(stdout) });
    });
  });
}

const midlertidige: string[] = [];

/** Fjern midlertidige mapper laget av kopier()/tomMappe() (kalles etter hver testfil). */
export function ryddMidlertidige(): void {
  for (const m of midlertidige.splice(0)) rmSync(m, { recursive: true, force: true });
}

/** Kopi av en fixture-mappe i en ny midlertidig mappe (testene skriver aldri i fixtures/). */
export function kopier(kilde: string = DEMO, navn = 'arbeidsmappe'): string {
  const rot = tomMappe();
  const mal = path.join(rot, navn);
  cpSync(kilde, mal, { recursive: true });
  return mal;
}

export function tomMappe(): string {
  const m = mkdtempSync(path.join(tmpdir(), 'nh-test-'));
  midlertidige.push(m);
  return m;
}

/** Les alle celleverdier i et ark (formelceller gir sitt resultat). */
export async function lesArk(xlsx: string, ark: string | number = 0): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = typeof ark === 'number' ? wb.worksheets[ark] : wb.getWorksheet(ark);
  if (!ws) throw new Error(`fant ikke arket ${ark} i ${xlsx}`);
  const ut: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, nr) => {
    const r: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (c, k) => {
      const v = c.value as any;
      // exceljs leser et lagret formelresultat 0 som «ingen verdi»; LibreOffice lagrer alltid et resultat.
      r[k - 1] =
        v && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v)
          ? (v.result ?? 0)
          : v;
    });
    ut[nr - 1] = r;
  });
  return ut;
}

/** Avtrykk av en mappe (relativ sti → sha256), for å vise at en kjøring ikke skrev noe. */
export function avtrykk(mappe: string): Record<string, string> {
  const ut: Record<string, string> = {};
  const gaa = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) gaa(p);
      else ut[path.relative(mappe, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  gaa(mappe);
  return ut;
}
