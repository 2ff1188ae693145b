/**
 * Arbeidsmappens oppsett, `nh.json`. Satser i prosent (tall), beløp i kroner (tall eller norsk tekst),
 * omgjort til øre/ppm ved grensen. Kommandoer med egne innstillinger legger dem i en egen seksjon
 * (f.eks. "faktura", "smb") og validerer den selv med `seksjon()`; ukjente seksjoner slippes gjennom.
 */
import { z } from 'zod';
import { parseDesimal, fraFlyttall } from './tall.js';
import { parseDato, type Dato } from './dato.js';
import { erGyldigOrgnr, normaliserOrgnr } from './orgnr.js';
import type { Ore, Ppm } from './penger.js';

const kroner = z.union([z.number(), z.string()]).transform((v, ctx): Ore => {
  const r = typeof v === 'number' ? fraFlyttall(v, 2) : parseDesimal(v, 2);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `ugyldig beløp: ${r.grunn}` });
    return z.NEVER;
  }
  return r.verdi;
});

const prosentSats = (maks = 100) =>
  z.union([z.number(), z.string()]).transform((v, ctx): Ppm => {
    const r = typeof v === 'number' ? fraFlyttall(v, 4) : parseDesimal(v.replace(/%\s*$/, ''), 4);
    if (!r.ok || r.verdi < 0 || r.verdi > maks * 10_000) {
      ctx.addIssue({ code: 'custom', message: `forventet prosent mellom 0 og ${maks}` });
      return z.NEVER;
    }
    return r.verdi; // prosent ×10 000 = ppm
  });

const isoDato = z.string().transform((v, ctx): Dato => {
  const d = parseDato(v);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: 'forventet dato (åååå-mm-dd eller dd.mm.åååå)' });
    return z.NEVER;
  }
  return d;
});

const orgnrFelt = z.string().transform((v, ctx) => {
  const s = normaliserOrgnr(v);
  if (!erGyldigOrgnr(s)) {
    ctx.addIssue({ code: 'custom', message: 'ugyldig organisasjonsnummer (ni sifre, MOD11)' });
    return z.NEVER;
  }
  return s;
});

/** NOK per EUR med dato og kilde; lagres ×10 000 (fire desimaler). */
export const eurNokSkjema = z.object({
  kurs: z.union([z.number(), z.string()]).transform((v, ctx) => {
    const r = typeof v === 'number' ? fraFlyttall(v, 4) : parseDesimal(v, 4);
    if (!r.ok || r.verdi <= 0) {
      ctx.addIssue({ code: 'custom', message: 'forventet positiv kurs med inntil fire desimaler' });
      return z.NEVER;
    }
    return r.verdi;
  }),
  dato: isoDato,
  kilde: z.string().min(1),
});
export type EurNok = z.output<typeof eurNokSkjema>;

export const configSkjema = z.looseObject({
  versjon: z.literal(1).default(1),
  naeringshage: z.object({ navn: z.string().min(1), orgnr: orgnrFelt }),
  ar: z.number().int().min(2023).max(2099),
  markedsprisPerTime: kroner,
  stotteintensitet: prosentSats(100).default(75),
  mvaSats: prosentSats(100).default(25),
  arbeidsgiveravgiftSats: prosentSats(100),
  andreSosialeKostnaderProsent: prosentSats(100).default(0),
  indirekteKostnaderPerAr: kroner,
  timerPerArsverk: z.number().int().positive().default(1695),
  eurNok: eurNokSkjema,
  /** Koder i timer.malbedrift som betyr administrasjon og gjennomføring. */
  adminKoder: z.array(z.string().min(1)).default(['ADM']),
  /**
   * Aktiviteter for administrasjon og gjennomføring i tillegg til standardlisten (10.4, vedlegg 3 pkt. 3 —
   * begge er eksempellister). Brukes av nh budsjett --regnskap; en aktivitet utenfor listene er en advarsel.
   */
  admAktiviteter: z.array(z.string().min(1)).default([]),
  /** Per datasett: overskrift i filen → kolonnenøkkel, f.eks. { "timer": { "Prosjekt": "malbedrift" } }. */
  kolonner: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Per datasett: overskrifter som skal overses. */
  ignorerKolonner: z.record(z.string(), z.array(z.string())).default({}),
});

export type Config = z.output<typeof configSkjema>;
/** Slik nh.json ser ut på disk (før omgjøring til øre/ppm). */
export type ConfigInn = z.input<typeof configSkjema>;

/** Validerer en kommandos egen seksjon av nh.json (kan mangle: da brukes skjemaets standardverdier). */
export function seksjon<S extends z.ZodType>(config: Config, navn: string, skjema: S): z.output<S> {
  return skjema.parse((config as Record<string, unknown>)[navn] ?? {});
}

export function standardConfig(navn: string, orgnr: string, aar: number): ConfigInn {
  return {
    versjon: 1,
    naeringshage: { navn, orgnr },
    ar: aar,
    markedsprisPerTime: 1250,
    stotteintensitet: 75,
    mvaSats: 25,
    arbeidsgiveravgiftSats: 14.1,
    andreSosialeKostnaderProsent: 12,
    indirekteKostnaderPerAr: 600000,
    timerPerArsverk: 1695,
    eurNok: { kurs: 11.5, dato: `${aar - 1}-12-31`, kilde: 'Norges Bank (fyll inn riktig kurs og dato)' },
    adminKoder: ['ADM'],
    kolonner: {},
    ignorerKolonner: {},
  };
}
