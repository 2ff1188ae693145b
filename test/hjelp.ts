/**
 * Felles testhjelp: kjør det bygde nh-binæret som barneprosess, kopier arbeidsmapper til en
 * midlertidig mappe, les xlsx tilbake.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

export const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NH = path.join(ROT, 'bin', 'nh.js');
export const DEMO = path.join(ROT, 'fixtures', 'demo');

export type NhKjoring = { kode: number; stdout: string; stderr: string; json: () => any };

/** Kjør nh med NO_COLOR, uten TTY, med fast «i dag» (NH_DATO) så utdata er stabile. */
export function nh(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): NhKjoring {
  if (!existsSync(path.join(ROT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ mangler: kjør `npm run build` før e2e-testene');
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [NH, ...args], {
    cwd: opts.cwd ?? ROT,
    encoding: 'utf8',
    input: opts.input ?? '',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: 'true', NH_DATO: '2026-11-22', ...opts.env } as NodeJS.ProcessEnv,
    timeout: 120_000,
  });
  return {
    kode: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => JSON.parse(r.stdout),
  };
}

/**
 * Kjør det bygde binæret som en egen prosess, asynkront (for samtidighetstester: flere kjøringer må
 * være ekte prosesser med hver sin PID, også når nh() kjører nh i samme prosess).
 */
export function nhProsess(args: string[], opts: { env?: Record<string, string | undefined> } = {}): Promise<NhKjoring> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: 'true', NH_DATO: '2026-11-22', ...opts.env };
    const c = spawn(process.execPath, [NH, ...args], { cwd: ROT, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    c.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    c.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    c.on('error', reject);
    c.on('close', (kode) => resolve({ kode: kode ?? -1, stdout, stderr, json: () => JSON.parse(stdout) }));
  });
}

/** Kopi av en fixture-mappe i en ny midlertidig mappe (testene skriver aldri i fixtures/). */
export function kopier(kilde: string = DEMO, navn = 'arbeidsmappe'): string {
  const rot = mkdtempSync(path.join(tmpdir(), 'nh-test-'));
  const mal = path.join(rot, navn);
  cpSync(kilde, mal, { recursive: true });
  return mal;
}

export function tomMappe(): string {
  return mkdtempSync(path.join(tmpdir(), 'nh-test-'));
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
      r[k - 1] = v && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v) ? (v.result ?? 0) : v;
    });
    ut[nr - 1] = r;
  });
  return ut;
}
