/**
 * Feilkoderegisteret (issue 22 pkt. 5, src/domain/felles/feilkoder.ts): hver kode src bruker står i registeret,
 * hver kode i registeret brukes, og hver kode har en gjenskaping — en mappe i fixtures/bad med koden i
 * tilfelle.json (test/e2e/bad-input.test.ts kjører den og krever koden), eller testfilen i `vises` der en mappe
 * ikke kan vise den. Kodene finnes med TypeScript-parseren (ikke regex), så også `kode: '…'` i objekter telles.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FEILKODER, type Feilkodeinfo } from '../../src/domain/felles/feilkoder.js';
import { ROT } from '../hjelp.js';

type Bruk = { kode: string; sted: string; som: 'feil' | 'advarsel' | 'kode' };

/** Hver .ts-fil i src, parset én gang. */
const KILDER = readdirSync(path.join(ROT, 'src'), { withFileTypes: true, recursive: true })
  .filter((f) => f.isFile() && f.name.endsWith('.ts'))
  .map((f) => path.join(f.parentPath, f.name))
  .map((fil) => ({ fil, sf: ts.createSourceFile(fil, readFileSync(fil, 'utf8'), ts.ScriptTarget.Latest, true) }));

/** Alle strengkoder i src: første argument til feil()/advarsel() og `kode: '…'` i objekter. */
function koderISrc(): Bruk[] {
  const ut: Bruk[] = [];
  for (const { fil, sf } of KILDER) {
    const sted = (n: ts.Node) =>
      `${path.relative(ROT, fil)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const besok = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && /^(feil|advarsel)$/.test(n.expression.text)) {
        const a = n.arguments[0];
        if (a && ts.isStringLiteral(a)) ut.push({ kode: a.text, sted: sted(a), som: n.expression.text as 'feil' });
      }
      if (ts.isPropertyAssignment(n) && n.name.getText(sf) === 'kode') {
        const v = ts.isAsExpression(n.initializer) ? n.initializer.expression : n.initializer;
        if (ts.isStringLiteral(v)) ut.push({ kode: v.text, sted: sted(v), som: 'kode' });
      }
      ts.forEachChild(n, besok);
    };
    besok(sf);
  }
  return ut;
}

/** Alle strengliteraler i src utenom registeret selv. */
function alleStrenger(): string[] {
  const ut: string[] = [];
  for (const { fil, sf } of KILDER) {
    if (fil.endsWith(path.join('felles', 'feilkoder.ts'))) continue;
    const besok = (n: ts.Node): void => {
      if (ts.isStringLiteral(n)) ut.push(n.text);
      ts.forEachChild(n, besok);
    };
    besok(sf);
  }
  return ut;
}

const BAD = path.join(ROT, 'fixtures', 'bad');
/** Kode → mappene i fixtures/bad som gjenskaper den. */
function gjenskapinger(): Map<string, string[]> {
  const ut = new Map<string, string[]>();
  for (const d of readdirSync(BAD)) {
    const f = path.join(BAD, d, 'tilfelle.json');
    if (!existsSync(f)) continue;
    const f0 = JSON.parse(readFileSync(f, 'utf8')).forventet as { kode?: string; ogsa?: string[] } | undefined;
    for (const kode of [f0?.kode, ...(f0?.ogsa ?? [])]) if (kode) ut.set(kode, [...(ut.get(kode) ?? []), d]);
  }
  return ut;
}

const REGISTER = FEILKODER as Record<string, Feilkodeinfo>;
const bruk = koderISrc();

describe('feilkoderegisteret', () => {
  it('hver kode src bruker, står i registeret', () => {
    const ukjente = bruk.filter((b) => !Object.hasOwn(REGISTER, b.kode)).map((b) => `${b.kode} (${b.sted})`);
    expect(ukjente, 'legg koden som én linje i src/domain/felles/feilkoder.ts').toEqual([]);
  });

  it('alvoret i registeret stemmer med bruken: feil() tar feil/nei/intern, advarsel() bare advarsler', () => {
    const galt = bruk
      .filter((b) => Object.hasOwn(REGISTER, b.kode) && b.som !== 'kode')
      .filter((b) => (REGISTER[b.kode]!.alvor === 'advarsel') !== (b.som === 'advarsel'))
      .map((b) => `${b.kode}: ${b.som}() i ${b.sted}, men «${REGISTER[b.kode]!.alvor}» i registeret`);
    expect(galt).toEqual([]);
  });

  it('hver kode i registeret brukes i src (ingen døde koder)', () => {
    // Også via en hjelper (miljoDiagnostikk sin m('disk-full', …)): enhver streng i src utenom registeret teller.
    const brukt = new Set(alleStrenger());
    expect(Object.keys(REGISTER).filter((k) => !brukt.has(k))).toEqual([]);
  });

  it('hver kode har en gjenskaping: en mappe i fixtures/bad, eller testen i «vises» som nevner koden', () => {
    const mapper = gjenskapinger();
    const mangler: string[] = [];
    for (const [kode, info] of Object.entries(REGISTER)) {
      if (mapper.has(kode)) continue;
      const test = info.vises ? path.join(ROT, info.vises) : undefined;
      if (test && existsSync(test) && readFileSync(test, 'utf8').includes(`'${kode}'`)) continue;
      mangler.push(info.vises ? `${kode} (${info.vises} nevner ikke '${kode}')` : kode);
    }
    expect(mangler, 'lag et tilfelle i scripts/lag-bad.mjs (forventet.kode) og kjør npm run lag-fixtures').toEqual([]);
  });

  it('en kode med mappe i fixtures/bad trenger ikke «vises» (én gjenskaping er nok, og den beste er mappen)', () => {
    const mapper = gjenskapinger();
    expect(
      Object.entries(REGISTER)
        .filter(([k, i]) => i.vises && mapper.has(k))
        .map(([k]) => k),
    ).toEqual([]);
  });

  it('koden i hver mappe i fixtures/bad står i registeret', () => {
    const ukjente = [...gjenskapinger()].filter(([k]) => !Object.hasOwn(REGISTER, k)).map(([k, d]) => `${k}: ${d}`);
    expect(ukjente).toEqual([]);
  });
});
