/**
 * Issue 16 pkt. 14: i en terminal som er smalere enn tabellen, tilpasses tabellen bredden — tall brytes
 * aldri midt i. Kjøres i en ekte pseudo-terminal (util-linux `script`) med `stty cols`.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { kopier, nh, NH } from '../hjelp.js';
import { harScript } from '../krav.js';

const HAR_SCRIPT = harScript(); // i CI: feiler testfilen om `script` mangler (test/krav.ts)

function iTerminal(kolonner: number, args: string[]): string {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NH_DATO: '2026-11-22', TERM: 'xterm' };
  delete env.CI;
  delete env.FORCE_COLOR;
  delete env.COLUMNS;
  const kmd = `stty cols ${kolonner} rows 50; ${JSON.stringify(process.execPath)} ${JSON.stringify(NH)} ${args.map((a) => JSON.stringify(a)).join(' ')}`;
  const r = spawnSync('script', ['-qec', kmd, '/dev/null'], { encoding: 'utf8', env, timeout: 60_000 });
  return r.stdout.replace(/\r/g, '');
}

/** Tabellen: fra overskriftslinjen til første tomme linje. */
function tabell(ut: string, overskrift: RegExp): string[] {
  const linjer = ut.split('\n');
  const start = linjer.findIndex((l) => overskrift.test(l));
  expect(start, ut).toBeGreaterThanOrEqual(0);
  // I blokkform skilles radene med tomme linjer; tabellen slutter ved en tom linje som ikke følges av en blokk.
  const slutt = linjer.findIndex((l, i) => i > start && l.trim() === '' && !/^(\s|\d{9} )/.test(linjer[i + 1] ?? 'x'));
  return linjer.slice(start, slutt < 0 ? undefined : slutt);
}

describe.skipIf(!HAR_SCRIPT)('terminaltabeller tilpasset bredden', () => {
  it.each([120, 80])(
    'nh faktura i %i kolonner: ingen tabellinje er bredere, og hvert tall står helt',
    async (kolonner) => {
      const ws = kopier();
      const j = (await nh(['faktura', '--data', ws, '--periode', '2026-10', '--forhandsvis', '--json'])).json();
      const ut = iTerminal(kolonner, ['faktura', '--data', ws, '--periode', '2026-10', '--forhandsvis']);
      const t = tabell(ut, /^Orgnr|^\d{9} {2}\S/);
      for (const l of t) expect(l.length, `«${l}»`).toBeLessThanOrEqual(kolonner);
      const tekst = t.join('\n');
      const kr = (n: number) =>
        n.toLocaleString('nb-NO', { minimumFractionDigits: 2 }).replace(/\s/g, ' ').replace('−', '-');
      for (const m of j.malbedrifter) {
        expect(tekst).toContain(m.orgnr);
        expect(tekst, `${m.orgnr}: ${kr(m.aBetale)}`).toMatch(
          new RegExp(`(^|\\s)${kr(m.aBetale).replace(/\s/g, '\\s')}(\\s|$)`, 'm'),
        );
      }
    },
  );

  it('i en pipe er tabellen som før (ikke tilpasset)', async () => {
    const ws = kopier();
    const r = await nh(['faktura', '--data', ws, '--periode', '2026-10', '--forhandsvis']);
    expect(r.stdout).toMatch(/^Orgnr +Målbedrift/m);
    expect(
      Math.max(
        ...r.stdout
          .split('\n')
          .filter((l) => /^\d{9} /.test(l))
          .map((l) => l.length),
      ),
    ).toBeGreaterThan(120);
  });
});
