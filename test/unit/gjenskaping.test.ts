/**
 * Gjenskaping av feilkodene en mappe i fixtures/bad ikke kan vise (issue 22 pkt. 5; `vises` i
 * src/domain/felles/feilkoder.ts peker hit): et svar i terminalen, en annen kjøring som endrer loggen mellom
 * lesing og skriving, en lesefeil som ikke er brukerens miljø, en arbeidsmappe som forsvinner under kjøringen.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Kontekst, Spor } from '../../src/cli/kontekst.js';
import { skrivMedLogg } from '../../src/cli/app/kts-plan/kts-plan.js';
import { smbSjekk } from '../../src/cli/app/smb-sjekk/smb-sjekk.js';
import type { Dato } from '../../src/domain/felles/dato.js';
import type { Diagnostikk } from '../../src/domain/felles/diagnostikk.js';
import { aapneArbeidsmappe, finnDatasettFil } from '../../src/io/arbeidsmappe.js';
import { AVI_LOGG, lesAviLogg } from '../../src/io/kts/avi-logg.js';
import { kopier, ROT, TEST_DATO } from '../hjelp.js';

const koder = async (p: Promise<unknown>) =>
  p.then(
    () => [],
    (e: { diagnostikk?: Diagnostikk[] }) => (e.diagnostikk ?? []).map((d) => d.kode),
  );

function kontekst(data: string, spor: Spor): Kontekst {
  return {
    data,
    json: true,
    interaktiv: true,
    idag: TEST_DATO as Dato,
    naa: () => new Date(`${TEST_DATO}T12:00:00Z`),
    env: {},
    sti: (s) => path.resolve(data, s),
    kolonner: undefined,
    spor,
    advarsler: [],
  };
}

describe('feilkoder som bare kan gjenskapes uten en mappe i fixtures/bad', () => {
  it('ugyldig-svar: et foretak oppgitt i terminalen med ugyldig orgnr tas ikke med (advarsel), sjekken går videre', async () => {
    const ws = kopier(path.join(ROT, 'fixtures', 'smb'));
    const svar = ['910020553:30:200:40000000:30000000', '']; // feil kontrollsiffer
    const k = kontekst(ws, {
      tekst: async () => svar.shift() ?? '',
      bekreft: async (s) => /25 %/.test(s),
      velg: async (_s, valg) => valg[0]!.verdi,
    });
    const flagg = ['--ansatte', '12', '--omsetning', '25000000', '--balanse', '12000000', '--orgform', 'AS'];
    const valg = { offline: true, ...tilValg(flagg) };
    await smbSjekk(k, '910000004', valg as never);
    expect(k.advarsler.map((d) => d.kode)).toContain('ugyldig-svar');
    expect(k.advarsler.find((d) => d.kode === 'ugyldig-svar')!.melding).toContain('910020553');
  });

  it('logg-endret: AVI-loggen på disk er ikke den kjøringen leste — ingenting skrives', async () => {
    const ws = kopier(path.join(ROT, 'fixtures', 'kts', 'liten'));
    const am = await aapneArbeidsmappe(ws);
    const lest = (await lesAviLogg(am.sti(AVI_LOGG))).logg; // ingen logg ennå: tom
    mkdirSync(path.join(ws, 'avi'), { recursive: true });
    const annen = {
      versjon: 1,
      oppdateringer: [{ frist: '2026-09-01', skrevet: '2026-08-20', filer: [], nye: [], avsluttede: [] }],
    };
    writeFileSync(am.sti(AVI_LOGG), JSON.stringify(annen));
    const fil = path.join(ws, 'avi', 'avi-oppdatering-2026-12-01.csv');
    expect(await koder(skrivMedLogg(am, lest, [{ sti: fil, innhold: 'x' }]))).toEqual(['logg-endret']);
  });

  it('logg-uleselig: en lesefeil som ikke er brukerens miljø (her: en ugyldig sti) er en feil med loggens navn', async () => {
    expect(await koder(lesAviLogg('avi/avi-logg.json\0'))).toEqual(['logg-uleselig']);
  });

  it('mangler-mappe: arbeidsmappen er borte når datasettet skal finnes', async () => {
    expect(await koder(finnDatasettFil(path.join(ROT, 'fixtures', 'finnes-ikke'), 'timer'))).toEqual(['mangler-mappe']);
  });
});

/** «--ansatte 12 …» → { ansatte: '12', … } slik commander gir valgene. */
function tilValg(flagg: string[]): Record<string, string> {
  const ut: Record<string, string> = {};
  for (let i = 0; i < flagg.length; i += 2)
    ut[flagg[i]!.slice(2).replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = flagg[i + 1]!;
  return ut;
}
