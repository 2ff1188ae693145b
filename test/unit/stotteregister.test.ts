/**
 * Støtteregisteret (issue 11 pkt. 3, 12, 19; issue 12 pkt. 7): compare-and-swap mot det som ble lest,
 * en periode ført to ganger er en feil, håndredigeringer (ukjente kolonner, filnavn, symbolsk lenke)
 * overlever omskriving, og konfliktkopier fra OneDrive/Dropbox gir en advarsel.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InndataFeil } from '../../src/domain/felles/diagnostikk.js';
import { aapneArbeidsmappe } from '../../src/io/arbeidsmappe.js';
import {
  lesStotteregister,
  registerCsv,
  skrivMedRegister,
  skrivStotteregister,
} from '../../src/io/faktura/stotteregister.js';
import { erKonfliktkopi } from '../../src/domain/faktura/registerkontroll.js';
import { tomMappe } from '../hjelp.js';

const LITEN = path.resolve(__dirname, '../../fixtures/faktura/liten');
const HODE = 'periode;dato;orgnr;navn;markedsverdi;egenandel;mva;stotte;eurNokKurs;kursdato;stotteEur;kjoring';
const SEP = '2026-09;30.09.2026;915000002;Alfa Teknologi AS;5000,00;1250,00;312,50;3750,00;11,5;31.12.2025;326,09;k1';
const OKT = '2026-10;31.10.2026;915000142;Beta Marin AS;12000,00;6000,00;1500,00;6000,00;11,5;31.12.2025;521,74;k2';
const NOV = '2026-11;30.11.2026;915000002;Alfa Teknologi AS;1000,00;250,00;62,50;750,00;11,5;31.12.2025;65,22;k3';
const csv = (...linjer: string[]) => `\uFEFF${linjer.join('\r\n')}\r\n`;

async function arbeidsmappe(
  register?: string,
  navn = 'stotteregister.csv',
  config?: (c: Record<string, unknown>) => void,
) {
  const rot = path.join(tomMappe(), 'am');
  cpSync(LITEN, rot, { recursive: true });
  if (register !== undefined) writeFileSync(path.join(rot, navn), register);
  if (config) {
    const c = JSON.parse(readFileSync(path.join(rot, 'nh.json'), 'utf8'));
    config(c);
    writeFileSync(path.join(rot, 'nh.json'), JSON.stringify(c));
  }
  return aapneArbeidsmappe(rot);
}

const feilKoder = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof InndataFeil) return e.diagnostikk.map((d) => d.kode);
    throw e;
  }
  return [];
};

describe('compare-and-swap mot registeret som ble lest (issue 11 pkt. 3)', () => {
  it('to kjøringer som begge kom gjennom låsen: den andre kan ikke skrive over den førstes linjer', async () => {
    const am = await arbeidsmappe(csv(HODE, SEP));
    const a = await lesStotteregister(am);
    const b = await lesStotteregister(am);
    await skrivStotteregister(am, a, registerCsv([...a.linjer, ...(await lesNy(OKT))]));
    // Før: B skrev [SEP, NOV] og oktober forsvant uten feil.
    expect(await feilKoder(skrivStotteregister(am, b, registerCsv([...b.linjer, ...(await lesNy(NOV))])))).toEqual([
      'register-endret',
    ]);
    const slutt = (await lesStotteregister(am)).linjer.map((l) => l.periode);
    expect(slutt).toEqual(['2026-09', '2026-10']);
  });

  it('register som ikke fantes da det ble lest, men finnes nå: også en konflikt', async () => {
    const am = await arbeidsmappe();
    const a = await lesStotteregister(am);
    const b = await lesStotteregister(am);
    await skrivStotteregister(am, a, registerCsv(await lesNy(OKT)));
    expect(await feilKoder(skrivStotteregister(am, b, registerCsv(await lesNy(NOV))))).toEqual(['register-endret']);
  });

  it('konflikt: ingen av kjøringens utfiler er skrevet heller (alt til temp, rename først etter kontrollen)', async () => {
    const am = await arbeidsmappe(csv(HODE, SEP));
    const b = await lesStotteregister(am);
    writeFileSync(am.sti('stotteregister.csv'), csv(HODE, SEP, OKT));
    const ut = am.sti('faktura', '2026-11', 'fakturagrunnlag.csv');
    expect(await feilKoder(skrivMedRegister(am, b, [{ sti: ut, innhold: 'x' }], registerCsv(b.linjer)))).toEqual([
      'register-endret',
    ]);
    expect(existsSync(ut)).toBe(false);
    expect(readdirSync(am.sti('faktura', '2026-11'))).toEqual([]);
    expect(readdirSync(am.rot).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

async function lesNy(linje: string) {
  const am = await arbeidsmappe(csv(HODE, linje));
  return (await lesStotteregister(am)).linjer.map(({ kilde: _k, ...l }) => l);
}

describe('en periode ført to ganger (issue 11 pkt. 12)', () => {
  it('samme periode + orgnr på to rader er en feil med begge radene', async () => {
    const am = await arbeidsmappe(csv(HODE, SEP, OKT, SEP.replace(';k1', ';k9')));
    try {
      await lesStotteregister(am);
      expect.unreachable('skulle kastet');
    } catch (e) {
      const d = (e as InndataFeil).diagnostikk;
      expect(d.map((x) => [x.kode, x.kilde?.rad])).toEqual([['dobbel-registerlinje', 4]]);
      expect(d[0]!.melding).toMatch(/Perioden 2026-09 er ført to ganger for 915000002 \(også på rad 2\)/);
    }
  });
});

describe('håndredigert register (issue 11 pkt. 19)', () => {
  it('issue 23 pkt. 4: en egen kolonne (ignorerKolonner) følger linjen den står på — aldri kopiert til nye linjer', async () => {
    // Faktura og kreditnota for samme målbedrift og periode med hver sin merknad (før: nøkkelen var periode+orgnr,
    // og den siste linjens merknad havnet på alle tre; en ny faktura arvet kreditnotaens).
    const FAKT = `${SEP.replace(';k1', '')};faktura;26001;;;;2026-09-915000002;;;;k1`;
    const KRED =
      '2026-09;30.09.2026;915000002;Alfa Teknologi AS;-5000,00;-1250,00;-312,50;-3750,00;11,5;31.12.2025;-326,09;' +
      'kreditnota;26002;;;;K-2026-09-915000002;26001;;;k2';
    const hode = `${HODE.replace(';kjoring', ';type;fakturanr;kid;fakturadato;forfallsdato;ordrereferanse;krediterer;korrigerer;smbGodtatt;kjoring')};merknad`;
    const am = await arbeidsmappe(csv(hode, `${FAKT};sendt i posten`, `${KRED};=1+1`), undefined, (c) => {
      c.ignorerKolonner = { stotteregister: ['merknad'] };
    });
    const reg = await lesStotteregister(am);
    const ny = { ...(await lesNy(SEP))[0]!, type: 'faktura' as const, fakturanr: '26003', kjoring: 'k3' };
    await skrivStotteregister(am, reg, registerCsv([...reg.linjer, ny], reg.ekstra));
    const linjer = readFileSync(am.sti('stotteregister.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(linjer[0]).toBe(hode);
    expect(linjer.slice(1).map((l) => l.split(';').at(-1))).toEqual(['sendt i posten', "'=1+1", '']);
    // Lest tilbake: merknaden er nøyaktig det som ble skrevet («'» for formelvernet tas bort igjen, issue 23 pkt. 7).
    const igjen = await lesStotteregister(am);
    expect([...igjen.ekstra.verdier.values()].map((v) => v[0])).toEqual(['sendt i posten', '=1+1', '']);
  });

  it('Stotteregister.csv (stor S) skrives tilbake som Stotteregister.csv, ikke som en ny stotteregister.csv', async () => {
    const am = await arbeidsmappe(csv(HODE, SEP), 'Stotteregister.csv');
    const reg = await lesStotteregister(am);
    await skrivStotteregister(am, reg, registerCsv([...reg.linjer, ...(await lesNy(OKT))]));
    expect(readdirSync(am.rot).filter((f) => /stotteregister/i.test(f))).toEqual(['Stotteregister.csv']);
    expect((await lesStotteregister(am)).linjer).toHaveLength(2);
  });

  it('et register som er en symbolsk lenke, forblir en lenke; målet oppdateres', async () => {
    const am = await arbeidsmappe();
    const mal = path.join(tomMappe(), 'felles-register.csv');
    writeFileSync(mal, csv(HODE, SEP));
    symlinkSync(mal, am.sti('stotteregister.csv'));
    const reg = await lesStotteregister(am);
    await skrivStotteregister(am, reg, registerCsv([...reg.linjer, ...(await lesNy(OKT))]));
    expect(lstatSync(am.sti('stotteregister.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(mal, 'utf8')).toContain('2026M10;31.10.2026;915000142');
    expect(readdirSync(path.dirname(mal))).toEqual(['felles-register.csv']);
  });
});

describe('konfliktkopier fra synkronisering (issue 12 pkt. 7)', () => {
  it.each([
    ['stotteregister-LAPTOP-KARI.csv', true],
    ['stotteregister (1).csv', true],
    ["Stotteregister (Kari Nordmann's conflicted copy 2026-11-02).csv", true],
    ['stotteregister - Kopi.csv', true],
    ['stotteregister_gammel.xlsx', true],
    ['stotteregister.csv', false],
    ['stotteregisteret.md', false],
    ['timer (1).csv', false],
  ])('%s → %s', (navn, ventet) => {
    expect(erKonfliktkopi(navn)).toBe(ventet);
  });

  it('lesStotteregister advarer om en konfliktkopi i arbeidsmappen og leser bare registeret', async () => {
    const am = await arbeidsmappe(csv(HODE, SEP));
    writeFileSync(am.sti('stotteregister-LAPTOP-OLA.csv'), csv(HODE, SEP, OKT));
    const reg = await lesStotteregister(am);
    expect(reg.linjer).toHaveLength(1);
    expect(reg.advarsler.map((a) => [a.kode, a.kilde?.fil])).toEqual([
      ['konfliktkopi', 'stotteregister-LAPTOP-OLA.csv'],
    ]);
    expect(reg.advarsler[0]!.melding).toMatch(/OneDrive/);
  });
});
