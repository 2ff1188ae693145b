/**
 * Støtteregisterets filnavn og lås, og vakten mot å melde et brudd som bare er en annen kjørings halvferdige
 * skriving (lesingen tar ingen lås; skrivingen sjekker under låsen at ingenting er endret).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { feil, InndataFeil } from '../../domain/felles/diagnostikk.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import { holdesAvAnnen } from '../skriv/laas.js';
import { somMiljoFeil } from '../skriv/skriv.js';

export const REGISTER_FIL = 'stotteregister.csv';
export const LAAS_FIL = '.stotteregister.laas';

export async function lesBytes(sti: string): Promise<Buffer | null> {
  try {
    return await readFile(sti);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw somMiljoFeil(e, sti);
  }
}

export const registerEndret = (sti: string) =>
  new InndataFeil([
    feil(
      'register-endret',
      'Støtteregisteret ble endret av en annen nh-kjøring (eller for hånd) mens denne kjørte. Ingenting er skrevet; kjør kommandoen på nytt.',
      { fil: path.basename(sti) },
    ),
  ]);

/** Bruddene som kan være en annen kjørings halvferdige skriving sett utenfra (lesingen tar ingen lås). */
const BRUDD = new Set([
  'register-mangler',
  'register-tilbakerullet',
  'utfiler-uten-register',
  'ehf-uten-register',
  'ehf-samme-nummer',
  'ehf-ulik-register',
]);

/**
 * Registeret, loggen og periodemappene leses uten lås, ikke som ett øyeblikksbilde. Finnes et brudd mens en annen
 * kjøring skriver (den holder låsen, eller registeret er endret siden det ble lest), er det skrivingen vi så
 * halvveis: exit 2 «endret av en annen nh-kjøring, kjør på nytt» i stedet for et brudd som ikke finnes.
 */
export async function vedSamtidigSkriving<T>(
  am: Arbeidsmappe,
  sti: string,
  lest: Buffer | null,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof InndataFeil) || !e.diagnostikk.some((d) => BRUDD.has(d.kode))) throw e;
    const naa = await lesBytes(sti);
    const endret = naa === null || lest === null ? naa !== lest : !naa.equals(lest);
    if (endret || (await holdesAvAnnen(am.sti(LAAS_FIL)))) throw registerEndret(sti);
    throw e;
  }
}
