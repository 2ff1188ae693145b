/** Issue 16 pkt. 15: en advarsel som gjentas per målbedrift, vises som én linje; --json har hele listen. */
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { kopier, nh } from '../hjelp.js';

describe('advarsler per målbedrift (vedlegg 3 pkt. 2: SMB-sjekk før fakturadatoen)', () => {
  it('demoen har SMB-sjekk for alle målbedrifter unntatt én: nh faktura advarer om akkurat den', async () => {
    const ws = kopier();
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-10', '--forhandsvis', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const adv = r.json().advarsler.filter((a: { kode: string }) => a.kode === 'mangler-smb-sjekk');
    expect(adv).toHaveLength(1);
    expect(adv[0].melding).toContain('Haugsæter Regnskap AS (999182461)');
  });

  it('uten SMB-sjekker: én linje med antall og navn på terminalen, alle i --json', async () => {
    const ws = kopier();
    rmSync(path.join(ws, 'smb-sjekk'), { recursive: true, force: true });
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-10', '--forhandsvis']);
    expect(r.kode, r.stderr).toBe(0);
    const linjer = r.stderr.split('\n').filter((l) => l.includes('SMB-sjekk'));
    expect(linjer, r.stderr).toHaveLength(1);
    expect(linjer[0]).toMatch(
      /^Advarsel: smb-sjekk\/: 2\d målbedrifter har ingen SMB-sjekk datert på eller før fakturadatoen 22\.11\.2026\. Vedlegg 3 pkt\. 2/,
    );
    expect(linjer[0]).toMatch(/og \d+ til \(hele listen med --json\)\.$/);
    const j = (await nh(['faktura', '--data', ws, '--periode', '2026-10', '--forhandsvis', '--json'])).json();
    const alle = j.advarsler.filter((a: { kode: string }) => a.kode === 'mangler-smb-sjekk');
    expect(alle.length).toBeGreaterThan(20);
    expect(linjer[0]).toContain(`${alle.length} målbedrifter`);
  });
});
