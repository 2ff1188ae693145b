/**
 * Krasjsikkerhet (issue 8): `nh faktura` drepes med SIGKILL ved hvert testpunkt i skrivingen
 * (NH_TESTPUNKT_DREP, se src/io/skriv.ts). Etterpå er registeret og utfilene enten nøyaktig som før
 * eller nøyaktig som etter en vellykket kjøring — aldri midt imellom — og neste kjøring fullfører.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { kopier, nh, ROT } from '../hjelp.js';

const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');
const P = ['--periode', '2026-10'];
const PUNKTER = [
  'for-rename',
  'etter-rename:fakturagrunnlag.xlsx',
  'etter-rename:fakturagrunnlag.csv',
  'faktura:for-register',
  'stotteregister:halvskrevet',
  'stotteregister:for-rename',
  'etter-rename:stotteregister.csv',
  'stotteregister:etter-rename',
];

const les = (p: string) => (existsSync(p) ? readFileSync(p) : null);
/** Registeret uten kjøringens tidsstempel (siste kolonne), som naturlig skiller to kjøringer. */
const utenKjoring = (b: Buffer | null) => (b === null ? null : b.toString('utf8').replace(/;[^;\r\n]*(\r?\n)/g, ';$1'));

function tilstand(ws: string) {
  return {
    register: les(path.join(ws, 'stotteregister.csv')),
    csv: les(path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.csv')),
    xlsx: existsSync(path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.xlsx')),
  };
}

describe('krasj midt i nh faktura', () => {
  // Fasit: én kjøring uten krasj fra samme utgangspunkt (forrige måned allerede fakturert).
  let foer: ReturnType<typeof tilstand>;
  let etter: ReturnType<typeof tilstand>;
  beforeAll(async () => {
    const fasitMappe = kopier(LITEN);
    expect((await nh(['faktura', '--data', fasitMappe, '--periode', '2026-09'])).kode).toBe(0);
    foer = tilstand(fasitMappe);
    expect((await nh(['faktura', '--data', fasitMappe, ...P])).kode).toBe(0);
    etter = tilstand(fasitMappe);
  });
  let drept = 0;

  it.each(PUNKTER)('SIGKILL ved «%s»: registeret er som før eller som etter, og neste kjøring fullfører', async (punkt) => {
    const ws = kopier(LITEN);
    expect((await nh(['faktura', '--data', ws, '--periode', '2026-09'])).kode).toBe(0);
    const r = await nh(['faktura', '--data', ws, ...P], { env: { NH_TESTPUNKT_DREP: punkt } });
    if (r.kode === -1) drept++;
    const t = tilstand(ws);
    const somFoer = utenKjoring(t.register) === utenKjoring(foer.register);
    const somEtter = utenKjoring(t.register) === utenKjoring(etter.register);
    expect(somFoer || somEtter, `registeret etter krasj ved ${punkt} er verken før- eller etter-tilstanden`).toBe(true);
    // En utfil finnes enten helt (lik fasit) eller ikke; aldri halvskrevet.
    if (t.csv) expect(t.csv.equals(etter.csv!)).toBe(true);

    const igjen = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(igjen.kode, igjen.stderr).toBe(0);
    expect(['fakturert', 'allerede-fakturert']).toContain(igjen.json().status);
    const slutt = tilstand(ws);
    expect(utenKjoring(slutt.register)).toBe(utenKjoring(etter.register));
    expect(slutt.csv!.equals(etter.csv!)).toBe(true);
    expect(slutt.xlsx).toBe(true);
    // En midlertidig fil fra den drepte kjøringen ryddes av neste kjøring.
    expect(readdirSync(ws).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('testpunktene ble faktisk truffet (prosessen ble drept)', async () => {
    expect(drept).toBeGreaterThanOrEqual(6);
  });
});
