/**
 * Issue 11 pkt. 3/8 (funnet av scripts/samtidighet.mjs, runde 28 av 50): en kjøring som tar over en foreldet
 * lås, flytter den til `.stotteregister.laas.foreldet-<pid>-<x>`. Den flyttede filen har den gamle låsens mtime,
 * så en annen kjøring som rydder gjenglemte låsfiler (eldre enn et minutt) kan slette den før vi har lest den:
 * det ga «Intern feil … ENOENT», exit 3. Deterministisk: stat på den flyttede filen sletter den først.
 * (Overtakelsen flytter nå ikke låsen i det hele tatt, se laas.ts; testen holder at overtakelsen virker.)
 */
import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    // Som en samtidig ryddejobb: den flyttede låsen forsvinner mellom rename og stat.
    stat: async (p: string) => {
      if (String(p).includes('.foreldet-')) rmSync(p, { force: true });
      return fs.stat(p);
    },
  };
});

describe('overtakelse av foreldet lås når den flyttede låsen ryddes av en annen kjøring', () => {
  it('fjernForeldet sier at den foreldede låsen er borte (ikke ENOENT), og taLaas får låsen', async () => {
    const { fjernForeldet, lesLaas, taLaas } = await import('../../src/io/laas.js');
    const rot = mkdtempSync(path.join(tmpdir(), 'nh-laas-'));
    const sti = path.join(rot, '.stotteregister.laas');
    writeFileSync(sti, `${JSON.stringify({ vert: 'x', pid: 999_999, tid: '2026-11-22T00:00:00Z', id: 'krasjet' })}\n`);
    const lest = (await lesLaas(sti))!;
    await expect(fjernForeldet(sti, lest)).resolves.toBe(true);
    expect(existsSync(sti)).toBe(false);

    writeFileSync(sti, `${JSON.stringify({ vert: 'x', pid: 999_999, tid: '2026-11-22T00:00:00Z', id: 'krasjet' })}\n`);
    const l = await taLaas(sti, { vert: 'x', lever: () => false });
    expect(l.eier.pid).toBe(process.pid);
  });
});
