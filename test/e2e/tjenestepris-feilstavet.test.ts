/**
 * Issue 11 pkt. 4 (feilstavet nøkkel nestet i nh.json): en tjenestepris med skrivefeil i tjenestens navn
 * («Forretningsutviklng») ble aldri brukt, og timene ble fakturert til standardprisen uten et ord — feil
 * markedsverdi og støtte i registeret. Nå er det en feil som nevner begge stavemåtene, og ingenting skrives.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kopier, nh } from '../hjelp.js';

function settTjenestepriser(ws: string, priser: Record<string, number>): void {
  const f = path.join(ws, 'nh.json');
  const c = JSON.parse(readFileSync(f, 'utf8'));
  c.faktura = { ...(c.faktura ?? {}), tjenestepriser: priser };
  writeFileSync(f, JSON.stringify(c, null, 2));
}

describe('faktura.tjenestepriser med skrivefeil i tjenestens navn (issue 11 pkt. 4)', () => {
  it('«Forretningsutviklng» når timer.csv har «Forretningsutvikling»: exit 2, begge navnene, ingenting skrevet', async () => {
    const ws = kopier();
    settTjenestepriser(ws, { Forretningsutviklng: 1500 });
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-10']);
    expect(r.kode, r.stderr).toBe(2);
    expect(r.stderr).toContain(
      'nh.json, felt «faktura.tjenestepriser.Forretningsutviklng»: Tjenesten «Forretningsutviklng» finnes ikke i timer.csv for perioden, men «Forretningsutvikling» gjør det',
    );
    expect(existsSync(path.join(ws, 'stotteregister.csv'))).toBe(false);
  });

  it('riktig stavet (store/små bokstaver teller ikke) og en pris for en tjeneste som ikke er brukt i perioden: ingen feil', async () => {
    const ws = kopier();
    settTjenestepriser(ws, { forretningsutvikling: 1500, Eksportrådgivning: 1600 });
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-10', '--forhandsvis', '--json']);
    expect(r.kode, r.stderr).toBe(0);
  });
});
