/**
 * All utskrift går herfra: resultat til stdout (tekst eller JSON — med --json er stdout bare JSON),
 * feil og advarsler til stderr. Farger via chalk, som respekterer NO_COLOR og ikke-TTY.
 */
import chalk, { Chalk, type ChalkInstance } from 'chalk';
import { formatDiagnostikk, type Diagnostikk } from '../domain/felles/diagnostikk.js';
import { terminalTrygg } from '../domain/felles/terminal.js';
import { gjeldende } from './prosess.js';
import { MIN_BREDDE, tilpassTabell, type TabellValg } from './tekst-tabell.js';

const nivaer = [0, 1, 2, 3].map((level) => new Chalk({ level: level as 0 | 1 | 2 | 3 }));
const utenFarge = nivaer[0]!;

/**
 * Fargene for kjøringen vi er i. NO_COLOR (no-color.org) slår dem av — chalks egen deteksjon ser bare på
 * --no-color. Skriver kjøringen til en annen strøm enn prosessens stdout (en test i samme prosess), er det
 * ingen terminal og dermed ingen farger, med mindre FORCE_COLOR ber om dem.
 */
function aktivFarge(): ChalkInstance {
  const k = gjeldende();
  if (k.env.NO_COLOR !== undefined && k.env.NO_COLOR !== '') return utenFarge;
  if (k.stdout === process.stdout) return chalk;
  // FORCE_COLOR som chalk selv leser den: 0/false av, tom/true/1 grunnfarger, 2 og 3 flere farger.
  const tving = k.env.FORCE_COLOR;
  if (tving === undefined || tving === '0' || tving === 'false') return utenFarge;
  return nivaer[Math.min(3, Math.max(1, Number(tving) || 1))]!;
}

export const farge = new Proxy({} as ChalkInstance, { get: (_m, navn) => Reflect.get(aktivFarge(), navn) });

// Kontrolltegn fra inndata vises synlig, aldri rått (terminalTrygg); JSON escapes dem selv.
export function skrivUt(tekst: string): void {
  gjeldende().stdout.write(terminalTrygg(tekst.endsWith('\n') ? tekst : `${tekst}\n`));
}

export function skrivFeil(tekst: string): void {
  gjeldende().stderr.write(terminalTrygg(tekst.endsWith('\n') ? tekst : `${tekst}\n`));
}

export function skrivJson(data: unknown): void {
  gjeldende().stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

export function visDiagnostikk(ds: readonly Diagnostikk[]): void {
  for (const d of ds) {
    const merke = d.alvor === 'feil' ? farge.red('Feil:') : farge.yellow('Advarsel:');
    skrivFeil(`${merke} ${formatDiagnostikk(d)}`);
  }
}

/** Terminalens bredde (minst 80) når stdout er en terminal; ellers null (pipe/fil: tabellen tilpasses ikke). */
export function terminalBredde(): number | null {
  const ut = gjeldende().stdout;
  return ut.isTTY && ut.columns ? Math.max(MIN_BREDDE, ut.columns) : null;
}

/**
 * Tekst-tabell med høyrejusterte tallkolonner, tilpasset terminalbredden (src/cli/tekst-tabell.ts): tekst
 * kortes med «…», så slippes `valg.slipp`-kolonnene, så blir det én blokk per rad. Tall brytes aldri.
 */
export function tekstTabell(hoder: string[], rader: string[][], hoyre: boolean[] = [], valg: TabellValg = {}): string {
  const bredde = valg.bredde !== undefined ? valg.bredde : terminalBredde();
  return tilpassTabell(hoder, rader, hoyre, { ...valg, bredde, fet: farge.bold });
}
