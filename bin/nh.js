#!/usr/bin/env node
// Tynn inngang: all logikk ligger i dist/bunt/ (bygget av `npm run build`, som `prepare` kjører; scripts/bunt.mjs).
import { appendFileSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
/**
 * Hovedhjelpen bygget av scripts/bunt.mjs, når den er det commander ville skrevet: teksten er brutt ved 80 tegn
 * (HJELPEBREDDE i src/cli/main.ts), så i et terminalvindu smalere enn det bygger commander den. null = ingen hurtigvei.
 */
function ferdigHjelp() {
  if (args.length !== 1 || !['--help', '-h', 'help'].includes(args[0]) || process.env.NH_UTEN_FERDIG_HJELP) return null;
  if (process.stdout.isTTY && (process.stdout.columns ?? 80) < 80) return null;
  try {
    return readFileSync(new URL('../dist/bunt/hjelp.txt', import.meta.url), 'utf8');
  } catch {
    return null;
  }
}

// `nh --help | head`: leseren lukker røret før nh er ferdig. Da er det ingen å skrive til, men kjøringen skal
// fullføres (en faktura-kjøring som er i gang med å skrive filene, skal ikke stoppe midt i), så feilen svelges.
for (const s of [process.stdout, process.stderr])
  s.on('error', (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });

const hjelp = ferdigHjelp();
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Hurtigvei: versjonen trenger verken commander eller resten av programmet.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else if (hjelp !== null) {
  process.stdout.write(hjelp);
} else {
  const start = process.hrtime.bigint();
  const { main } = await import('../dist/bunt/main.js');
  const code = await main(process.argv);
  process.exitCode = code;
  // Ytelsesmåling (scripts/bench.mjs): NH_MAALING=<fil> får tid og høyeste minnebruk for kjøringen.
  if (process.env.NH_MAALING) {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    appendFileSync(
      process.env.NH_MAALING,
      `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, kode: code })}\n`,
    );
  }
}
