/**
 * Issue 19 pkt. 12: norsk overalt. Datoer i brukertekst som dd.mm.åååå (også advarsler og feil), AVIs navn på
 * måltallene i stedet for nh sine id-er, ingen «(standard: [])», «PowerOffices», ingen «registrering(er)» eller
 * «p.p.», og «felt» om feltene i nh.json.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO, kopier, nh, ROT } from '../hjelp.js';

const KOMMANDOER = [
  'init',
  'sjekk',
  'timesats',
  'budsjett',
  'smb-sjekk',
  'faktura',
  'kts-plan',
  'årsrapport',
  'frister',
];

function kildefiler(d = path.join(ROT, 'src')): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = path.join(d, f);
    return statSync(p).isDirectory() ? kildefiler(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Strenger i koden (ikke kommentarer) med et mønster. */
function iStrenger(monster: RegExp): string[] {
  return kildefiler().flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => !/^\s*(\/\/|\*|\/\*\*)/.test(l) && /['`"]/.test(l) && monster.test(l))
      .map(({ l, i }) => `${path.relative(ROT, f)}:${i + 1}: ${l.trim()}`),
  );
}

/** ISO-datoer i brukertekst — ikke i filnavn (…-2026-11-22.json) og ikke i et flaggs verdi. */
const isoDatoer = (tekst: string) =>
  tekst.match(/(?<![-/\w])\d{4}-\d{2}-\d{2}(?![-\w.])/g)?.filter((d) => !tekst.includes(`--frist ${d}`)) ?? [];

describe('norsk overalt (issue 19 pkt. 12)', () => {
  it("ingen «(er)»-flertall, «p.p.» eller «PowerOffice'» i strengene i src/", () => {
    expect(iStrenger(/[a-zæøå]\(er\)/)).toEqual([]);
    expect(iStrenger(/p\.p\./)).toEqual([]);
    expect(iStrenger(/PowerOffice' [a-zæøå]/)).toEqual([]);
  });

  it('hjelpen har ingen engelske rester og ingen «(standard: [])»', async () => {
    for (const k of ['', ...KOMMANDOER]) {
      const r = await nh(k ? [k, '--help'] : ['--help']);
      expect(r.kode).toBe(0);
      expect(r.stdout, k).not.toMatch(/default|Usage|Options|Commands|standard: \[\]/);
    }
  });

  it('datoer i advarsler og feil som dd.mm.åååå', async () => {
    const ws = kopier(DEMO);
    const timer = path.join(ws, 'timer.csv');
    const t = readFileSync(timer, 'utf8');
    writeFileSync(
      timer,
      `${t}02.01.2026;Ingrid Fjellheim;ADM;23;Prosjektledelse;;a\r\n02.01.2026;Ingrid Fjellheim;945903333;2;Rådgivning;;før avtalen\r\n`,
    );
    const s = await nh(['sjekk', '--data', ws]);
    expect(s.kode).toBe(2);
    expect(s.stderr).toContain('timer 02.01.2026 — mer enn døgnet har');
    expect(s.stderr).toContain('Verdi: «02.01.2026». Forventet: en dato i 04.05.2026 – 30.04.2027.');
    expect(isoDatoer(s.stderr)).toEqual([]);
    // Skjermtekst og advarsler for alle kommandoene på demoen står i de gylne filene.
    const gylne = path.join(ROT, 'test', 'gylne');
    for (const f of readdirSync(gylne).filter((f) => f.endsWith('.txt')))
      expect(isoDatoer(readFileSync(path.join(gylne, f), 'utf8')), f).toEqual([]);
  });

  it('årsrapport og måltall viser AVIs navn på måltallene, ikke nh sine id-er', () => {
    for (const f of ['arsrapport-2026.txt', 'maltall-2027.txt']) {
      const t = readFileSync(path.join(ROT, 'test', 'gylne', f), 'utf8');
      expect(t).toContain('Måltall (AVI)');
      expect(t).toContain('Antall nye målbedrifter som tas opp i programmet i løpet av året');
      expect(t).not.toMatch(/andelInnovasjonsstotte|nyeMalbedrifter/);
    }
  });

  it('«felt» om nh.json, «valg» om kommandolinjen', async () => {
    const ws = kopier(DEMO);
    const c = JSON.parse(readFileSync(path.join(ws, 'nh.json'), 'utf8'));
    c.mvasats = 25;
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(c));
    const r = await nh(['sjekk', '--data', ws]);
    expect(r.stderr).toContain('Feil: nh.json, felt «mvasats»: Ukjent felt «mvasats» — mente du «mvaSats»?');
    const i = await nh(['init', path.join(ws, 'ny'), '--navn', '', '--orgnr', '923609016']);
    expect(i.stderr).toMatch(/^Feil: kommandolinjen, valg «--navn»:/);
  });
});
