#!/usr/bin/env node
// Tynn inngang: all logikk ligger i dist/ (bygget av `npm run build`, som `prepare` kjører).
import { appendFileSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

const start = process.hrtime.bigint();
main(process.argv).then((code) => {
  process.exitCode = code;
  // Ytelsesmåling (scripts/bench.mjs): NH_MAALING=<fil> får tid og høyeste minnebruk for kjøringen.
  if (process.env.NH_MAALING) {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    appendFileSync(process.env.NH_MAALING, `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, kode: code })}\n`);
  }
});
