/**
 * Omregning i en ekte regnearkmotor: LibreOffice headless åpner xlsx-filen med formelresultatene
 * fjernet, regner alt på nytt og lagrer. Testene sammenligner så tallene med --json.
 * Uten LibreOffice hoppes testene over med en synlig melding (aldri stille), og i CI feiler de (test/krav.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { krev } from './krav.js';

function finnSoffice(): string | null {
  for (const kandidat of ['soffice', 'libreoffice']) {
    const r = spawnSync('which', [kandidat], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export const SOFFICE = finnSoffice();
/** I CI feiler testfilen når LibreOffice mangler (test/krav.ts); ellers hoppes testene synlig over. */
export const harLibreOffice = krev(
  SOFFICE !== null,
  'LibreOffice (soffice)',
  '`.ci/run` installerer det (libreoffice-calc-nogui).',
);

let profil: string | null = null;

/** Egen LibreOffice-profil som alltid regner om formler ved lasting av xlsx. */
function lagProfil(): string {
  if (profil) return profil;
  const dir = mkdtempSync(path.join(tmpdir(), 'nh-lo-profil-'));
  mkdirSync(path.join(dir, 'user'), { recursive: true });
  writeFileSync(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  profil = dir;
  return dir;
}

/**
 * Fjerner lagrede formelresultater (så bare en omregning kan gi tall), lar LibreOffice regne om og
 * lagre som xlsx, og returnerer stien til den omregnede filen.
 */
export async function regnOmILibreOffice(xlsx: string): Promise<string> {
  if (!SOFFICE) throw new Error('LibreOffice mangler');
  const arbeid = mkdtempSync(path.join(tmpdir(), 'nh-lo-'));
  const inn = path.join(arbeid, 'inn', path.basename(xlsx));
  mkdirSync(path.dirname(inn));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  let formler = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as any;
        if (v && typeof v === 'object' && 'formula' in v) {
          c.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
          formler++;
        }
      }),
    );
  }
  await wb.xlsx.writeFile(inn);
  if (formler === 0) copyFileSync(xlsx, inn);
  const ut = path.join(arbeid, 'ut');
  const r = await soffice([
    `-env:UserInstallation=file://${lagProfil()}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'xlsx:Calc MS Excel 2007 XML',
    '--outdir',
    ut,
    inn,
  ]);
  const resultat = path.join(ut, path.basename(xlsx));
  if (r.kode !== 0 || !existsSync(resultat)) throw new Error(`LibreOffice feilet: ${r.utdata}`);
  return resultat;
}

/** Kjør soffice asynkront (spawnSync ville blokkert vitest-arbeideren i sekunder). */
export function soffice(args: string[]): Promise<{ kode: number; utdata: string }> {
  return new Promise((ok, feil) => {
    const p = spawn(SOFFICE!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let utdata = '';
    p.stdout.on('data', (d) => (utdata += d));
    p.stderr.on('data', (d) => (utdata += d));
    const tidsur = setTimeout(() => p.kill('SIGKILL'), 180_000);
    p.on('error', feil);
    p.on('close', (kode) => {
      clearTimeout(tidsur);
      ok({ kode: kode ?? -1, utdata });
    });
  });
}
