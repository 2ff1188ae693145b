// Prosessen selv er det som testes her (et lukket rør), så binæret startes.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NH } from '../hjelp.js';

describe('stdout som lukkes før nh er ferdig («nh docs faktura | head»)', () => {
  it('nh avslutter med 0 uten stakkspor når leseren lukker røret', async () => {
    const barn = spawn(process.execPath, [NH, 'docs', 'faktura'], {
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Leseren går før noe er lest: teksten (ca. 60 kB) skrives til et lukket rør (EPIPE).
    barn.stdout.destroy();
    let stderr = '';
    barn.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const kode = await new Promise<number | null>((ok) => barn.on('close', (k) => ok(k)));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(kode).toBe(0);
  });
});
