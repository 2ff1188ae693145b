#!/usr/bin/env node
/**
 * Samler dist/ (fra tsc) til dist/bunt/, som bin/nh.js kjører (issue 22 pkt. 8). Node 20 laster hver ES-modul for
 * seg (oppslag, lesing, kompilering): nh sine ca. 110 filer og zods ca. 95 kostet ca. 0,1 s ved hver oppstart.
 *
 * - Rene ES-pakker som nesten alle kommandoer bruker (zod, csv-parse, csv-stringify, chalk), bakes inn.
 * - Resten forblir vanlige pakker i node_modules: tunge moduler som bare lastes når de trengs (exceljs, pdfkit,
 *   xmlbuilder2, @inquirer/prompts) og CommonJS-pakker (commander).
 * - `splitting`: en `await import()` i koden blir en egen fil, så det som lastes sent, fortsatt lastes sent.
 * - Alt havner i én mappe to nivåer under roten, som dist/cli/ og src/io/: stiene til package.json, docs/ og
 *   templates/ (src/io/pakke.ts, src/cli/main.ts) er de samme.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INN = new Set(['zod', 'csv-parse', 'csv-stringify', 'chalk']);
const pakkenavn = (s) =>
  s
    .split('/')
    .slice(0, s.startsWith('@') ? 2 : 1)
    .join('/');

const ut = path.join(ROT, 'dist', 'bunt');
rmSync(ut, { recursive: true, force: true });
await build({
  entryPoints: [path.join(ROT, 'dist', 'cli', 'main.js')],
  outdir: ut,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Byte for byte likt ved hvert bygg: ingen tidsstempler, og filnavnene er innholdets hash.
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [
    {
      name: 'pakker-utenfor',
      setup(b) {
        b.onResolve({ filter: /^[^./#]/ }, (a) =>
          a.path.startsWith('node:') || !INN.has(pakkenavn(a.path)) ? { path: a.path, external: true } : undefined,
        );
      },
    },
  ],
});
