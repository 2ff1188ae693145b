/**
 * Korpuset i fixtures/bad/*: ødelagte inndata, og én gjenskaping per feilkode i registeret
 * (src/domain/felles/feilkoder.ts; test/unit/feilkoder.test.ts krever den). Hvert tilfelle kjøres gjennom
 * kommandoen i samme prosess med --json. Krav: riktig exit-kode (standard 2), koden i `feil` (eller i
 * `advarsler` når exit er 0) med fil, rad og kolonne, meldingen nevner dem, og ingenting er skrevet ved en feil.
 * Hele feilteksten (stderr; for advarsler: advarslene) er festet i `melding.txt` i tilfellets mappe, så en endret
 * melding er en synlig diff (issue 12 pkt. 2). Nye tilfeller: scripts/lag-bad.mjs — testen plukker dem opp
 * selv; `npx vitest run test/e2e/bad-input.test.ts -u` skriver melding.txt etter en bevisst endring.
 *
 * tilfelle.json: `kommando` («<arbeidsmappe>» byttes med mappen; `--data <mappe>` legges til unntatt med `utenData`),
 * `base` (mappe i fixtures, standard mini), `fjern`, `exit`, `env`, `brreg` («normal»: en innspilt
 * Brønnøysund-tjener, «frakoblet»: en adresse som ikke svarer) og `forventet`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { formatDiagnostikk, type Diagnostikk } from '../../src/domain/felles/diagnostikk.js';
import { dodUrl, startBrregTjener, type BrregTjener } from '../brreg-tjener.js';
import { kopier, nh, ROT, avtrykk } from '../hjelp.js';

type Tilfelle = {
  beskrivelse: string;
  base?: string;
  kommando: string[];
  fjern?: string[];
  exit?: 0 | 1 | 2 | 3;
  env?: Record<string, string>;
  brreg?: 'normal' | 'frakoblet' | 'uten-regnskap';
  /** Kommandoen tar mappen som argument (nh init): ingen --data. */
  utenData?: boolean;
  /** `ogsa`: flere koder samme kjøring skal gi (hver teller som gjenskaping i test/unit/feilkoder.test.ts). */
  forventet: { fil?: string; rad?: number; kolonne?: string; kode?: string; ogsa?: string[]; tekst?: string };
};

const BAD = path.join(ROT, 'fixtures', 'bad');
const MELDING = 'melding.txt';
const AM = '<arbeidsmappe>';
const tilfeller = readdirSync(BAD)
  .filter((d) => existsSync(path.join(BAD, d, 'tilfelle.json')))
  .sort()
  .map((d) => [d, JSON.parse(readFileSync(path.join(BAD, d, 'tilfelle.json'), 'utf8')) as Tilfelle] as const);

let brreg: BrregTjener | undefined;
let frakoblet: Record<string, string> = {};
beforeAll(async () => {
  if (tilfeller.some(([, t]) => t.brreg === 'normal' || t.brreg === 'uten-regnskap')) brreg = await startBrregTjener();
  if (tilfeller.some(([, t]) => t.brreg && t.brreg !== 'normal')) frakoblet = await dodUrl();
});
afterAll(async () => brreg?.lukk());

function brregMiljo(t: Tilfelle): Record<string, string> {
  if (t.brreg === 'normal') return brreg!.env();
  if (t.brreg === 'frakoblet') return frakoblet;
  if (t.brreg === 'uten-regnskap') return { ...brreg!.env(), NH_REGNSKAP_URL: frakoblet.NH_REGNSKAP_URL! };
  return {};
}

/** Arbeidsmappen: basen med tilfellets filer over (alt i mappen unntatt tilfelle.json og melding.txt). */
function arbeidsmappe(navn: string, t: Tilfelle): string {
  const ws = kopier(path.join(ROT, 'fixtures', t.base ?? 'mini'));
  for (const f of t.fjern ?? []) rmSync(path.join(ws, f), { recursive: true });
  for (const f of readdirSync(path.join(BAD, navn))) {
    if (f !== 'tilfelle.json' && f !== MELDING)
      cpSync(path.join(BAD, navn, f), path.join(ws, f), { recursive: true, verbatimSymlinks: true });
  }
  return ws;
}

describe('ødelagte inndata og feilkodene: riktig exit, kode med fil/rad/kolonne, ingenting skrevet ved feil', () => {
  it('korpuset har minst 40 tilfeller', async () => {
    expect(tilfeller.length).toBeGreaterThanOrEqual(40);
  });

  it.each(tilfeller)('%s', async (navn, t) => {
    const ws = arbeidsmappe(navn, t);
    const exit = t.exit ?? 2;
    const før = avtrykk(ws);
    const args = [...t.kommando.map((a) => a.replace(AM, ws)), ...(t.utenData ? [] : ['--data', ws]), '--json'];
    const r = await nh(args, { env: { ...brregMiljo(t), ...t.env } });
    const j = r.json();
    const funn: Diagnostikk[] = [...(j.feil ?? []), ...(j.advarsler ?? [])];
    // Stderr ved exit 2; ellers (advarsler, en regel sier nei) står funnene bare i JSON: de vises slik terminalen ville
    // (stderr har da bare framdriften, f.eks. «Slår opp … i Brønnøysundregistrene», som ikke er det tilfellet viser).
    const vist =
      r.kode === 2 && r.stderr
        ? r.stderr
        : funn.map((d) => `${d.alvor === 'feil' ? 'Feil' : 'Advarsel'}: ${formatDiagnostikk(d)}\n`).join('');
    const tekst = vist
      .split(ws)
      .join(AM)
      .replace(/http:\/\/127\.0\.0\.1:\d+/g, '<brreg>');
    await expect(tekst).toMatchFileSnapshot(path.join(BAD, navn, MELDING));
    expect(r.kode, `${t.beskrivelse}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(exit);
    const f = t.forventet;
    if (f.fil !== undefined) expect(vist).toContain(f.fil);
    if (f.rad !== undefined) expect(vist).toContain(`rad ${f.rad}`);
    // I JSON-filer er det et felt, på kommandolinjen et valg (issue 19 pkt. 12).
    const hva = /\.json$/.test(f.fil ?? '') ? 'felt' : f.fil === 'kommandolinjen' ? 'valg' : 'kolonne';
    if (f.kolonne !== undefined) expect(vist).toContain(`${hva} «${f.kolonne}»`);
    if (f.tekst !== undefined) expect(vist).toContain(f.tekst);
    expect(j.ok ?? true).toBe(exit === 0);
    const treff = funn.find(
      (d) =>
        (!f.kode || d.kode === f.kode) &&
        (f.fil === undefined || d.kilde?.fil.includes(f.fil)) &&
        (f.rad === undefined || d.kilde?.rad === f.rad) &&
        (f.kolonne === undefined || d.kilde?.kolonne === f.kolonne),
    );
    expect(treff, JSON.stringify(funn, null, 2)).toBeDefined();
    for (const k of f.ogsa ?? []) expect(funn.map((d) => d.kode)).toContain(k);
    if (exit === 2) expect(avtrykk(ws)).toEqual(før); // exit 1 kan skrive (smb-sjekk lagrer vurderingen)
  });
});
