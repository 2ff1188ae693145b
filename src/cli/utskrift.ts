/**
 * All utskrift går herfra: resultat til stdout (tekst eller JSON — med --json er stdout bare JSON),
 * feil og advarsler til stderr. Farger via chalk, som respekterer NO_COLOR og ikke-TTY.
 */
import chalk from 'chalk';
import { formatDiagnostikk, type Diagnostikk } from '../domain/diagnostikk.js';
import { terminalTrygg } from '../domain/terminal.js';

// NO_COLOR (no-color.org): chalks egen deteksjon ser bare på --no-color, så vi respekterer variabelen selv.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') chalk.level = 0;

export const farge = chalk;

// Kontrolltegn fra inndata vises synlig, aldri rått (terminalTrygg); JSON escapes dem selv.
export function skrivUt(tekst: string): void {
  process.stdout.write(terminalTrygg(tekst.endsWith('\n') ? tekst : `${tekst}\n`));
}

export function skrivFeil(tekst: string): void {
  process.stderr.write(terminalTrygg(tekst.endsWith('\n') ? tekst : `${tekst}\n`));
}

export function skrivJson(data: unknown): void {
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

export function visDiagnostikk(ds: readonly Diagnostikk[]): void {
  for (const d of ds) {
    const merke = d.alvor === 'feil' ? chalk.red('Feil:') : chalk.yellow('Advarsel:');
    skrivFeil(`${merke} ${formatDiagnostikk(d)}`);
  }
}

/** Enkel tekst-tabell med høyrejusterte tallkolonner. */
export function tekstTabell(hoder: string[], rader: string[][], hoyre: boolean[] = []): string {
  const bredder = hoder.map((h, i) => Math.max(h.length, ...rader.map((r) => (r[i] ?? '').length)));
  const linje = (r: string[]) => r.map((c, i) => (hoyre[i] ? (c ?? '').padStart(bredder[i]!) : (c ?? '').padEnd(bredder[i]!))).join('  ').trimEnd();
  return [chalk.bold(linje(hoder)), bredder.map((b) => '─'.repeat(b)).join('  '), ...rader.map(linje)].join('\n');
}
