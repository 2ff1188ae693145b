/**
 * Låsen (issue 11 pkt. 3 og 6, issue 12 pkt. 7): overtakelse av en foreldet lås er atomisk, en tom eller
 * halvskrevet lås hentes inn når den er gammel, og en lås fra en annen PC vurderes etter alder — ikke
 * etter om en PID med samme nummer lever på denne PC-en.
 */
import { describe, expect, it } from 'vitest';
import { lstatSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InndataFeil } from '../../src/domain/felles/diagnostikk.js';
import {
  ANNEN_VERT_MS,
  fjernForeldet,
  holderLaas,
  lesLaas,
  MAKS_ALDER_MS,
  medLaas,
  taLaas,
  TOM_MS,
  tolkLaas,
  vurderLaas,
  type LestLaas,
} from '../../src/io/skriv/laas.js';
import { tomMappe } from '../hjelp.js';

const mappe = () => tomMappe();
const NAA = Date.parse('2026-11-22T12:00:00Z');
const DOED_PID = 999_999;
/** Bare denne testprosessen «lever»; PID 999 999 er en krasjet kjøring. */
const lever = (pid: number) => pid === process.pid;
const lest = (raa: string, alderMs: number): LestLaas => ({ raa, eier: tolkLaas(raa), mtimeMs: NAA - alderMs, ino: 1 });
const eier = (vert: string | null, pid: number, alderMs = 1000) =>
  `${JSON.stringify({ vert, pid, tid: new Date(NAA - alderMs).toISOString(), id: 'x' })}\n`;
const o = { naa: () => NAA, lever, vert: 'PC-KARI' };

function foreldetLaas(sti: string, alderMs = 5_000): void {
  writeFileSync(sti, eier(null, DOED_PID, alderMs));
  const t = (Date.now() - alderMs) / 1000;
  utimesSync(sti, t, t);
}

describe('når er en lås foreldet', () => {
  it('samme PC: død prosess → foreldet; levende → ikke (før MAKS_ALDER_MS)', () => {
    expect(vurderLaas(lest(eier('PC-KARI', DOED_PID), 1000), o).foreldet).toBe(true);
    expect(vurderLaas(lest(eier('PC-KARI', process.pid), 1000), o).foreldet).toBe(false);
    expect(vurderLaas(lest(eier('PC-KARI', process.pid, MAKS_ALDER_MS + 1), MAKS_ALDER_MS + 1), o).foreldet).toBe(true);
  });

  it('issue 12 pkt. 7: annen PC (OneDrive/nettverksdisk) — en PID som ikke lever HER, betyr ingenting; bare alder', () => {
    // Før: «prosess 999999 lever ikke» → tatt over, selv om kjøringen lever på den andre PC-en.
    expect(vurderLaas(lest(eier('PC-OLA', DOED_PID, 60_000), 60_000), o).foreldet).toBe(false);
    expect(vurderLaas(lest(eier('PC-OLA', DOED_PID, ANNEN_VERT_MS + 1), ANNEN_VERT_MS + 1), o).foreldet).toBe(true);
    // En klokke som går feil på den andre PC-en gjør ikke låsen eldre: filens mtime teller også.
    expect(vurderLaas(lest(eier('PC-OLA', DOED_PID, ANNEN_VERT_MS * 2), 1000), o).foreldet).toBe(false);
  });

  it('issue 11 pkt. 6: tom eller halvskrevet låsfil — død når den er eldre enn TOM_MS, ellers holder noen på å skrive den', () => {
    expect(vurderLaas(lest('', 500), o).foreldet).toBe(false);
    expect(vurderLaas(lest('', TOM_MS + 1), o).foreldet).toBe(true);
    expect(vurderLaas(lest('{"vert":"PC-KA', TOM_MS + 1), o).foreldet).toBe(true);
  });

  it('issue 23 (lav): en lås fra en PC med klokken fram i tid tas over etter ANNEN_VERT_MS regnet fra ctime her', () => {
    // Tidsstempel og mtime to timer fram i tid (PC-OLA har feil klokke); filen kom hit for 11 minutter siden.
    const fram = `${JSON.stringify({ vert: 'PC-OLA', pid: DOED_PID, tid: new Date(NAA + 7_200_000).toISOString(), id: 'x' })}\n`;
    const l = (ctimeAlder: number): LestLaas => ({ ...lest(fram, -7_200_000), ctimeMs: NAA - ctimeAlder });
    // Før: alderen var negativ i to timer til, så låsen ble aldri «eldre enn 10 minutter».
    expect(vurderLaas(l(ANNEN_VERT_MS + 60_000), o).foreldet).toBe(true);
    expect(vurderLaas(l(60_000), o).foreldet).toBe(false);
  });

  it('lås fra eldre nh («pid\\ntid») vurderes som samme PC', () => {
    expect(vurderLaas(lest(`${DOED_PID}\n2026-11-22T00:00:00Z\n`, 1000), o).foreldet).toBe(true);
    expect(vurderLaas(lest(`${process.pid}\n2026-11-22T00:00:00Z\n`, 1000), o).foreldet).toBe(false);
  });
});

describe('overtakelse er atomisk (issue 11 pkt. 3)', () => {
  it('kappløpet som mistet en måned: A leser den foreldede låsen, B tar den over, A kan ikke fjerne Bs lås', async () => {
    // Før: A så «død PID», slettet låsfilen (som nå var Bs nye lås) og lagde sin egen → to kjøringer inne.
    const sti = path.join(mappe(), '.stotteregister.laas');
    foreldetLaas(sti);
    const aLeste = (await lesLaas(sti))!;
    const b = await taLaas(sti, { lever });
    expect(await fjernForeldet(sti, aLeste)).toBe(false);
    expect(await holderLaas(b)).toBe(true);
    await expect(taLaas(sti, { lever })).rejects.toThrow(/En annen nh-kjøring \(prosess \d+ på /);
    expect(readdirSync(path.dirname(sti))).toEqual(['.stotteregister.laas']);
  });

  it('A holder overtakelsesvakten; B kan ikke fjerne den foreldede låsen samtidig, og en død vakt tas bort etter TOM_MS', async () => {
    // Hullet før: B flyttet låsen bort og la den tilbake om den var ny; i mellomtiden kunne C ta låsen.
    const sti = path.join(mappe(), '.stotteregister.laas');
    foreldetLaas(sti);
    const lestForeldet = (await lesLaas(sti))!;
    writeFileSync(`${sti}.overtak`, '1\n'); // A er midt i overtakelsen
    expect(await fjernForeldet(sti, lestForeldet)).toBe(false);
    expect(readFileSync(sti, 'utf8')).toBe(lestForeldet.raa); // låsfilen er aldri borte mens vakten holdes
    const gammel = new Date(Date.now() - TOM_MS - 1000);
    utimesSync(`${sti}.overtak`, gammel, gammel); // A ble drept: vakten er død
    expect(await fjernForeldet(sti, lestForeldet)).toBe(false);
    expect(await fjernForeldet(sti, lestForeldet)).toBe(true);
    expect(readdirSync(path.dirname(sti))).toEqual([]);
  });

  it('20 kjøringer mot én foreldet lås samtidig: nøyaktig én får den, resten får «laast»', async () => {
    for (let runde = 0; runde < 25; runde++) {
      const sti = path.join(mappe(), '.stotteregister.laas');
      foreldetLaas(sti);
      const utfall = await Promise.allSettled(Array.from({ length: 20 }, () => taLaas(sti, { lever })));
      const fikk = utfall.filter((u) => u.status === 'fulfilled');
      expect(fikk).toHaveLength(1);
      for (const u of utfall)
        if (u.status === 'rejected') expect((u.reason as InndataFeil).diagnostikk[0]!.kode).toBe('laast');
      expect(readdirSync(path.dirname(sti))).toEqual(['.stotteregister.laas']);
    }
  });

  it('medLaas: kritiske seksjoner overlapper aldri, og låsen slippes etterpå (før: 2 inne samtidig)', async () => {
    for (let runde = 0; runde < 25; runde++) {
      const sti = path.join(mappe(), '.l');
      foreldetLaas(sti);
      let inne = 0;
      let maks = 0;
      const kjor = () =>
        medLaas(
          sti,
          async () => {
            maks = Math.max(maks, ++inne);
            await new Promise((r) => setTimeout(r, 5));
            inne--;
          },
          { lever },
        ).catch(() => undefined);
      await Promise.all(Array.from({ length: 10 }, kjor));
      expect(maks).toBe(1);
      expect(readdirSync(path.dirname(sti))).toEqual([]);
    }
  });

  it('en tom låsfil eldre enn TOM_MS tas over; en fersk tom låsfil gir «laast»', async () => {
    const d = mappe();
    const gammel = path.join(d, 'gammel.laas');
    writeFileSync(gammel, '');
    const t = (Date.now() - TOM_MS - 5000) / 1000;
    utimesSync(gammel, t, t);
    const l = await taLaas(gammel);
    expect(JSON.parse(readFileSync(gammel, 'utf8')).pid).toBe(process.pid);
    expect(await holderLaas(l)).toBe(true);
    const fersk = path.join(d, 'fersk.laas');
    writeFileSync(fersk, '');
    await expect(taLaas(fersk)).rejects.toThrow(/tom eller uleselig/);
  });

  it('issue 23 (lav): en lås som er en død symbolsk lenke blokkerer ikke mappen for godt', async () => {
    const d = mappe();
    const sti = path.join(d, '.l');
    symlinkSync(path.join(d, 'finnes-ikke'), sti);
    // Fersk lenke: behandlet som en uleselig lås («laast»), ikke en evig løkke.
    await expect(taLaas(sti)).rejects.toThrow(/tom eller uleselig/);
    // Eldre enn TOM_MS: tas over, og lenken er erstattet av en ekte lås.
    const l = await taLaas(sti, { naa: () => Date.now() + TOM_MS + 5_000 });
    expect(lstatSync(sti).isSymbolicLink()).toBe(false);
    expect(await holderLaas(l)).toBe(true);
  });

  it('låsfilen er aldri tom: innholdet (vert, pid, tid, id) er på plass i det øyeblikket filen finnes', async () => {
    const sti = path.join(mappe(), '.l');
    const l = await taLaas(sti);
    const e = JSON.parse(readFileSync(sti, 'utf8'));
    expect(e).toMatchObject({ pid: process.pid, id: l.eier.id });
    expect(typeof e.vert).toBe('string');
    expect(readdirSync(path.dirname(sti))).toEqual(['.l']); // den midlertidige filen er borte
  });
});
