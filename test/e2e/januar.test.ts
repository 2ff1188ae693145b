/**
 * Issue 19 pkt. 13: januar uten blindvei. Før det nye årets rader står i tilskudd, er disponibelt 0 og faktura sier
 * nei; nå sier avvisningen nøyaktig hvilken rad som mangler — overføringen av fjorårets ubrukte innovasjonstilskudd
 * (programveileder 10.4: «Ubrukte midler fra årets tildeling blir overført til neste år») — og raden kan limes inn.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beregnDisponibelt, nyttAarForslag } from '../../src/domain/faktura/regler.js';
import { DEMO, kopier, nh } from '../hjelp.js';

const FEBRUAR = { env: { NH_DATO: '2027-02-02' } };

describe('faktura i januar (issue 19 pkt. 13, programveileder 10.4)', () => {
  it('foreslår overføringen fra i fjor som en rad å lime inn; med raden går januar gjennom', async () => {
    const ws = kopier(DEMO);
    appendFileSync(
      path.join(ws, 'timer.csv'),
      '05.01.2027;Sunniva Haugland;945903333;2;Rådgivning;Markedsrådgivning;Januarmøte\r\n',
    );
    // Oktober fakturert i november (støtten regnes som gitt på fakturadatoen, i 2026).
    expect((await nh(['faktura', '--data', ws, '--periode', '2026-10'])).kode).toBe(0);
    const nei = await nh(['faktura', '--data', ws, '--periode', '2027-01', '--json'], FEBRUAR);
    expect(nei.kode).toBe(1);
    const a = nei.json().resultat.avvisninger[0];
    expect(a.kode).toBe('over-disponibelt');
    expect(a.melding.replace(/\s/g, ' ')).toContain(
      'Ubrukt innovasjonstilskudd for 2026 er 2 320 643,79 kr (2 535 000,00 kr disponibelt − 214 356,21 kr brukt)',
    );
    expect(a.melding).toContain('programveileder 10.4');
    expect(a.melding).toContain('Legg også inn årets tilsagn');
    expect(a.forslag).toBe('2027;overfort;Ubrukte innovasjonsmidler fra 2026;2320643,79;01.01.2027');
    // Raden limt inn i tilskudd.csv slik den står (demoens kolonner: ar;type;kilde;belop;dato).
    appendFileSync(path.join(ws, 'tilskudd.csv'), `${a.forslag}\r\n`);
    const ja = await nh(['faktura', '--data', ws, '--periode', '2027-01', '--json'], FEBRUAR);
    expect(ja.kode, ja.stderr).toBe(0);
    expect(ja.json().disponibelt).toMatchObject({ ar: 2027, tilskudd: 2320643.79, denneKjoringen: 1650 });
    expect(readFileSync(path.join(ws, 'stotteregister.csv'), 'utf8')).toContain('2027M01');
  });

  it('10.4: overføringen er fjorårets disponible minus brukt; ingenting å foreslå ved merforbruk eller når raden finnes', () => {
    const t = (ar: number, type: 'innovasjon' | 'overfort' | 'administrasjon', belop: number) => ({ ar, type, belop });
    const reg = [{ dato: '2026-10-31', stotte: 40_000_00 }];
    const f = nyttAarForslag(2027, [t(2026, 'innovasjon', 100_000_00), t(2026, 'overfort', 10_000_00)], reg);
    expect(f?.rad).toBe('2027;overfort;Ubrukte innovasjonsmidler fra 2026;70000,00;01.01.2027');
    expect(nyttAarForslag(2027, [t(2026, 'innovasjon', 30_000_00)], reg)?.rad ?? null).toBeNull();
    expect(
      nyttAarForslag(2027, [t(2026, 'innovasjon', 1), t(2027, 'overfort', 1), t(2027, 'innovasjon', 1)], reg),
    ).toBeNull();
    expect(nyttAarForslag(2027, [t(2026, 'innovasjon', 100_000_00), t(2027, 'overfort', 5)], reg)?.tekst).toMatch(
      /^Legg også inn årets tilsagn/,
    );
    // Samme regnestykke som disponibelt for fjoråret.
    expect(beregnDisponibelt(2026, [t(2026, 'innovasjon', 100_000_00)], reg, 0).gjenstaarFor).toBe(60_000_00);
  });
});
