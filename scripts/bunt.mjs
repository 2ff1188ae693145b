#!/usr/bin/env node
/**
 * Samler dist/ (fra tsc) til dist/bunt/, som bin/nh.js kjører (issue 22 pkt. 8). Node 20 laster hver ES-modul for
 * seg (oppslag, lesing, kompilering): nh sine ca. 110 filer og zods ca. 95 kostet ca. 0,1 s ved hver oppstart.
 *
 * - Pakkene bakes inn, også CommonJS-pakkene (exceljs, pdfkit, fontkit, xmlbuilder2, commander): hver av dem er
 *   hundrevis av små filer som Node ellers slår opp, leser og kompilerer én for én. Målt på denne maskinen: exceljs
 *   235 → 131 ms, pdfkit + fontkit 230 → 141 ms å laste (issue 22 pkt. 8). Bytene nh skriver, er de samme.
 * - Unntak: @inquirer/prompts (bare i en terminal, når noe mangler) forblir en vanlig pakke. Skriftfilene
 *   (@fontsource/noto-sans) leses fra node_modules som før (pdf-skrift.ts), og exceljs' strømleser lastes med
 *   require fra node_modules (xlsx-strom.ts: bare den delen av exceljs).
 * - Det nh aldri bruker, er tatt ut (UBRUKT under: brotli, AES, js-yaml, exceljs' CSV) eller pekt forbi: `exceljs` gir
 *   bare `Workbook` (ikke strømskriveren og -leseren med archiver, unzipper og bluebird), og JSZip pakker xlsx med
 *   Node sin zlib i stedet for pako (src/io/skriv/zip-deflate.ts). Bunten ble 7,0 → 4,2 MB; full faktura på demoen
 *   ca. 15 % raskere (docs/ytelse.md). test/e2e/faktura.test.ts sammenligner filene fra bunten med kildenes.
 * - `splitting`: en `await import()` i koden blir en egen fil, så det som lastes sent, fortsatt lastes sent.
 * - Alt havner i én mappe to nivåer under roten, som dist/cli/ og src/io/: stiene til package.json, docs/ og
 *   templates/ (src/io/pakke.ts, src/cli/main.ts) er de samme.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Lastes bare i en terminal (spørsmålene): forblir en vanlig pakke, som før.
const UTENFOR = new Set(['@inquirer/prompts']);
/**
 * Pakker som bare nås fra funksjoner nh aldri kaller, byttes ut med en liten modul som stopper med en tydelig feil
 * hvis de likevel skulle bli kalt (issue 22 pkt. 8). De lastes og kompileres ellers i hver faktura-kjøring:
 * brotli alene er 1,4 MB av PDF-tråden, og AES-tabellene regnes ut når pdfkit lastes. Målt på demoen: se
 * docs/ytelse.md. Bytene nh skriver, er de samme (test/e2e/faktura.test.ts, «binæret … skriver de samme filene»).
 */
const UBRUKT = [
  {
    filter: /^brotli\/decompress(\.js)?$/,
    hva: 'WOFF2-skrifter (fontkit)',
    hvorfor: 'nh bygger inn Noto Sans fra WOFF 1.0, pakket ut til TrueType (src/io/faktura/pdf-skrift.ts)',
    eksport: 'module.exports = stopp;',
  },
  {
    filter: /^@noble\/ciphers\/aes(\.js)?$/,
    hva: 'kryptert PDF (pdfkit)',
    hvorfor: 'nh lager aldri passordbeskyttede PDF-er',
    eksport: 'module.exports = { cbc: stopp, ecb: stopp };',
  },
  {
    // exceljs' CSV-lesing og -skriving (fast-csv, dayjs): nh leser og skriver CSV selv (csv-parse, csv-stringify).
    filter: /^\.\.\/csv\/csv(\.js)?$/,
    fra: /exceljs[\\/]lib[\\/]doc[\\/]workbook\.js$/,
    hva: 'CSV i exceljs (Workbook.csv)',
    hvorfor: 'nh leser og skriver CSV med csv-parse og csv-stringify',
    eksport: 'module.exports = stopp;',
  },
  {
    filter: /^js-yaml$/,
    hva: 'YAML (xmlbuilder2)',
    hvorfor: 'nh leser og skriver bare XML',
    eksport: 'module.exports = { load: stopp, dump: stopp };',
  },
];
const pakkenavn = (s) =>
  s
    .split('/')
    .slice(0, s.startsWith('@') ? 2 : 1)
    .join('/');

const ut = path.join(ROT, 'dist', 'bunt');
rmSync(ut, { recursive: true, force: true });
await build({
  // To innganger: programmet, og arbeidertråden som lager PDF-ene (src/io/faktura/pdf-parallell.ts ser etter
  // pdf-arbeider.js i samme mappe som seg selv); de deler pdfkit-biten.
  entryPoints: {
    main: path.join(ROT, 'dist', 'cli', 'main.js'),
    'pdf-arbeider': path.join(ROT, 'dist', 'io', 'faktura', 'pdf-arbeider.js'),
  },
  outdir: ut,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Byte for byte likt ved hvert bygg: ingen tidsstempler, og filnavnene er innholdets hash.
  legalComments: 'none',
  // CommonJS-pakkene (exceljs, pdfkit, commander …) kaller require('fs') osv.; i en ES-modul må require lages.
  banner: {
    js: "import { createRequire as __nhLagRequire } from 'node:module'; const require = __nhLagRequire(import.meta.url);",
  },
  logLevel: 'warning',
  plugins: [
    {
      name: 'ubrukte-pakker',
      setup(b) {
        for (const [i, u] of UBRUKT.entries()) {
          b.onResolve({ filter: u.filter }, (a) =>
            !u.fra || u.fra.test(a.importer) ? { path: String(i), namespace: 'nh-ubrukt' } : undefined,
          );
        }
        // JSZip (exceljs' zip) pakker med Node sin zlib i stedet for pako (src/io/skriv/zip-deflate.ts); pakos
        // Inflate leser som før.
        b.onResolve({ filter: /^pako$/ }, (a) =>
          /jszip[\\/]lib[\\/]flate\.js$/.test(a.importer)
            ? { path: 'pako', namespace: 'nh-pako', pluginData: path.dirname(a.importer) }
            : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'nh-pako' }, (a) => ({
          contents: `module.exports = { Deflate: require(${JSON.stringify(path.join(ROT, 'dist', 'io', 'skriv', 'zip-deflate.js'))}).Deflate, Inflate: require('pako/lib/inflate.js').Inflate };`,
          loader: 'js',
          resolveDir: a.pluginData,
        }));
        // nh bruker bare `Workbook` fra exceljs (src/io/les/xlsx-les.ts, src/io/skriv/xlsx-skriv.ts,
        // src/cli/app/init/mal-xlsx.ts). Pakkens inngang laster i tillegg strømskriveren og -leseren (archiver,
        // unzipper, bluebird …); strømleseren lastes for seg der den trengs (src/io/les/xlsx-strom.ts).
        b.onResolve({ filter: /^exceljs$/ }, () => ({ path: 'exceljs', namespace: 'nh-exceljs' }));
        b.onLoad({ filter: /.*/, namespace: 'nh-exceljs' }, () => ({
          contents: "module.exports = { Workbook: require('exceljs/lib/doc/workbook.js') };",
          loader: 'js',
          resolveDir: ROT,
        }));
        b.onLoad({ filter: /.*/, namespace: 'nh-ubrukt' }, (a) => {
          const u = UBRUKT[Number(a.path)];
          const melding = `${u.hva} er tatt ut av nh sin bunt (scripts/bunt.mjs): ${u.hvorfor}.`;
          return {
            contents: `function stopp() { throw new Error(${JSON.stringify(melding)}); }\n${u.eksport}`,
            loader: 'js',
          };
        });
      },
    },
    {
      name: 'pakker-utenfor',
      setup(b) {
        b.onResolve({ filter: /^[^./#]/ }, (a) =>
          a.path.startsWith('node:') || UTENFOR.has(pakkenavn(a.path)) ? { path: a.path, external: true } : undefined,
        );
      },
    },
  ],
});

// Hovedhjelpen ferdig skrevet (issue 22 pkt. 8: `nh --help` ≤ 1,3 × `node -e 0`): bin/nh.js skriver den uten å laste
// commander og definisjonene av alle kommandoene. Teksten lages av programmet selv (i et rør: bredden er
// HJELPEBREDDE i src/cli/main.ts), så den er alltid den samme som commander ville skrevet;
// test/e2e/pakke.test.ts sammenligner dem.
const hjelp = spawnSync(process.execPath, [path.join(ROT, 'bin', 'nh.js'), '--help'], {
  encoding: 'utf8',
  env: { ...process.env, NH_UTEN_FERDIG_HJELP: '1' },
});
if (hjelp.status !== 0 || !hjelp.stdout) throw new Error(`nh --help feilet under byggingen: ${hjelp.stderr}`);
writeFileSync(path.join(ut, 'hjelp.txt'), hjelp.stdout);
