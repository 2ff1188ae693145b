/**
 * Issue 11 pkt. 3/8 (funnet av scripts/samtidighet.mjs, runde 28 av 50): en foreldet lås som ryddes bort av en
 * annen kjøring mens vi tar den over, ga «Intern feil … ENOENT», exit 3. Nå er den bare borte: overtakelsen
 * lykkes, og taLaas får låsen. Deterministisk: låsen slettes mellom lesingen og overtakelsen.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fjernForeldet, lesLaas, taLaas } from '../../src/io/skriv/laas.js';
import { tomMappe } from '../hjelp.js';

const foreldet = `${JSON.stringify({ vert: 'x', pid: 999_999, tid: '2026-11-22T00:00:00Z', id: 'krasjet' })}\n`;

describe('overtakelse av en foreldet lås som en annen kjøring rydder bort samtidig', () => {
  it('fjernForeldet sier at låsen er borte (ikke ENOENT), og taLaas får låsen', async () => {
    const rot = tomMappe();
    const sti = path.join(rot, '.stotteregister.laas');
    writeFileSync(sti, foreldet);
    const lest = (await lesLaas(sti))!;
    rmSync(sti); // ryddet av en annen kjøring i mellomtiden
    await expect(fjernForeldet(sti, lest)).resolves.toBe(true);
    expect(existsSync(`${sti}.overtak`)).toBe(false);

    writeFileSync(sti, foreldet);
    const l = await taLaas(sti, { vert: 'x', lever: () => false });
    expect(l.eier.pid).toBe(process.pid);
    rmSync(rot, { recursive: true, force: true });
  });
});
