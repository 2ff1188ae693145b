/**
 * All utskrift går herfra: resultat til stdout (tekst eller JSON — med --json er stdout bare JSON),
 * feil og advarsler til stderr. Farger via chalk, som respekterer NO_COLOR og ikke-TTY.
 */
import chalk from 'chalk';
import { formatDiagnostikk, type Diagnostikk } from '../domain/diagnostikk.js';
import { MIN_BREDDE, tilpassTabell, type TabellValg } from './tekst-tabell.js';

// NO_COLOR (no-color.org): chalks egen deteksjon ser bare på --no-color, så vi respekterer variabelen selv.
if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') chalk.level = 0;

export const farge = chalk;

export function skrivUt(tekst: string): void {
  process.stdout.write(tekst.endsWith('\n') ? tekst : `${tekst}\n`);
}

export function skrivFeil(tekst: string): void {
  process.stderr.write(tekst.endsWith('\n') ? tekst : `${tekst}\n`);
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

/** Terminalens bredde (minst 80) når stdout er en terminal; ellers null (pipe/fil: tabellen tilpasses ikke). */
export function terminalBredde(): number | null {
  return process.stdout.isTTY && process.stdout.columns ? Math.max(MIN_BREDDE, process.stdout.columns) : null;
}

/**
 * Tekst-tabell med høyrejusterte tallkolonner, tilpasset terminalbredden (src/cli/tekst-tabell.ts): tekst
 * kortes med «…», så slippes `valg.slipp`-kolonnene, så blir det én blokk per rad. Tall brytes aldri.
 */
export function tekstTabell(hoder: string[], rader: string[][], hoyre: boolean[] = [], valg: TabellValg = {}): string {
  const bredde = valg.bredde !== undefined ? valg.bredde : terminalBredde();
  return tilpassTabell(hoder, rader, hoyre, { ...valg, bredde, fet: chalk.bold });
}
