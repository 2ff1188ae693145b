/**
 * Det en kjøring av nh får fra omgivelsene: stdout/stderr, miljøvariabler, arbeidskatalog, TTY og klokke.
 * `main(argv, io)` tar dem som argument, så testene kan kjøre nh i samme prosess (raskt, uten barneprosess)
 * og med fast klokke. Kjøringen bærer dem i en AsyncLocalStorage, så utskrift og kontekst finner dem uten at
 * hver funksjon må sende dem videre — og to kjøringer i samme prosess deler aldri tilstand.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

type Utstrom = { write(s: string): unknown; isTTY?: boolean; columns?: number };

export type NhIO = {
  stdout: Utstrom;
  stderr: Utstrom;
  /** true når standard inn er en terminal (spørsmål er da mulig). */
  stdinTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Klokka. Tester og skript låser den (se NH_DATO i kontekst.ts). */
  naa: () => Date;
  /**
   * Strømmene spørsmålene leser tastetrykk fra og tegner i (inquirer). Uten dem: prosessens stdin/stdout. Testene
   * gir en terminal i samme prosess (test/terminal.ts), så spørsmålene kan testes uten en barneprosess.
   */
  terminal?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
};

/**
 * Én kjøring: omgivelsene, exit-koden kommandoen satte, kommandoen som kjøres (for --json) og flaggene med
 * norsk stavemåte slik brukeren skrev dem (ASCII-navn → skrevet; src/cli/flagg.ts).
 */
export type Kjoring = NhIO & { exitKode: number; kommando?: string; skrevneFlagg?: Map<string, string> };

const lager = new AsyncLocalStorage<Kjoring>();

export function prosessIO(): NhIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    naa: () => new Date(),
  };
}

export function medIO<T>(io: NhIO, fn: () => Promise<T>): Promise<T> {
  return lager.run({ ...io, exitKode: 0 }, fn);
}

/** Kjøringen vi er i; utenfor `main` (f.eks. i en enhetstest) er det prosessen selv. */
export function gjeldende(): Kjoring {
  return lager.getStore() ?? { ...prosessIO(), exitKode: 0 };
}
