/**
 * Arbeidsmappens oppsett, `nh.json`. Satser i prosent (tall), beløp i kroner (tall eller norsk tekst),
 * omgjort til øre/ppm ved grensen. Kommandoer med egne innstillinger har en egen seksjon («faktura», «smb») med
 * skjemaet i sitt regelområde; alle seksjonene står i configSkjema, så én leser melder ukjente nøkler (med
 * nærmeste gyldige) og ugyldige verdier i hele filen på én gang.
 */
import { z } from 'zod';
import '../felles/zod-norsk.js';
import type { Diagnostikk } from '../felles/diagnostikk.js';
import { parseDesimal, fraFlyttall } from '../felles/tall.js';
import { parseDato, type Dato } from '../felles/dato.js';
import type { Ppm } from '../felles/penger.js';
import { MARKEDSPRIS_SPENN } from '../felles/felter.js';
import { fakturaOppsettSkjema } from '../faktura/oppsett.js';
import { smbOppsettSkjema } from '../smb/oppsett.js';
import { ellerUavklart, Uavklart } from './uavklart.js';
import { kroner, orgnrFelt } from '../felles/konfig-felter.js';
import { ukjenteKoblinger, ukjenteNokler, zodTilDiagnostikk } from './config-feil.js';

/**
 * Prosent (75 = 75 %) → ppm. Et tall mellom 0 og 1 uten «%» er nesten alltid en brøk skrevet i stedet for
 * prosent (0,75 for 75 %): avvises med hva som var ment. Under 1 % skrives med prosenttegn («0,5 %»).
 */
const prosentSats = (maks = 100) =>
  z.union([z.number(), z.string()]).transform((v, ctx): Ppm => {
    const medTegn = typeof v === 'string' && /%\s*$/.test(v);
    const r = typeof v === 'number' ? fraFlyttall(v, 4) : parseDesimal(v.replace(/%\s*$/, ''), 4);
    if (!r.ok || r.verdi < 0 || r.verdi > maks * 10_000) {
      ctx.addIssue({ code: 'custom', message: `forventet prosent mellom 0 og ${maks}` });
      return z.NEVER;
    }
    if (!medTegn && r.verdi > 0 && r.verdi < 10_000) {
      const pst = String(r.verdi / 100).replace('.', ',');
      ctx.addIssue({
        code: 'custom',
        message: `${String(v).replace('.', ',')} ser ut som en brøk: skriv prosent som ${pst} (for ${pst} %), eller «${String(v).replace('.', ',')} %» om du mener under 1 %`,
      });
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

/** Navnet på næringshagen: ikke tomt, én linje, uten kontrolltegn (det skrives i terminal, xlsx og CSV). */
export const navnFelt = z.string().transform((v, ctx) => {
  const s = v.trim();
  if (s === '') ctx.addIssue({ code: 'custom', message: 'navnet er tomt' });
  else if (s.length > 200)
    ctx.addIssue({ code: 'custom', message: `navnet er for langt (${s.length} tegn, høyst 200)` });
  else if (/[\u0000-\u001f\u007f-\u009f]/.test(s))
    ctx.addIssue({ code: 'custom', message: 'navnet har linjeskift eller kontrolltegn' });
  else return s;
  return z.NEVER;
});

/** NOK per EUR; lagres ×10 000 (fire desimaler). */
const eurKurs = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const r = typeof v === 'number' ? fraFlyttall(v, 4) : parseDesimal(v, 4);
  if (!r.ok || r.verdi <= 0) {
    ctx.addIssue({ code: 'custom', message: 'forventet positiv kurs med inntil fire desimaler' });
    return z.NEVER;
  }
  // Issue 11 pkt. 5: NOK per EUR har ligget rundt 7–13; 11 603 (tusenskille) eller 0,0862 (EUR per NOK)
  // ville gjort støtten i euro mot treårstaket (vedlegg 3 pkt. 4.1) feil uten et ord.
  if (r.verdi < 50_000 || r.verdi > 500_000) {
    const vist = String(r.verdi / 10_000).replace('.', ',');
    ctx.addIssue({
      code: 'custom',
      message: `${vist} er utenfor det som er rimelig for NOK per EUR (forventet 5–50)`,
    });
    return z.NEVER;
  }
  return r.verdi;
});

/** NOK per EUR med dato og kilde (bekreftet). */
export const eurNokSkjema = z.object({ kurs: eurKurs, dato: isoDato, kilde: z.string().min(1) });
type EurNok = z.output<typeof eurNokSkjema>;

/**
 * Issue 19 pkt. 2: `eurNok` i nh.json. Står kursen som «FYLL INN …» (eller mangler hele eurNok), er den
 * uavklart: dato og kilde leses da ikke, og kommandoene som trenger kursen stopper (uavklart.ts).
 */
const eurNokFelt = z
  .object({ kurs: ellerUavklart(eurKurs, 'eurNok'), dato: z.unknown().optional(), kilde: z.unknown().optional() })
  .optional()
  .transform((v, ctx): EurNok | Uavklart => {
    if (v === undefined || v.kurs instanceof Uavklart) return new Uavklart('eurNok');
    const r = eurNokSkjema.omit({ kurs: true }).safeParse(v);
    if (r.success) return { ...r.data, kurs: v.kurs };
    for (const i of r.error.issues) ctx.addIssue({ ...i, code: 'custom', message: i.message, path: i.path });
    return z.NEVER;
  });

/**
 * Standardverdiene står i prosent/kroner som i nh.json og går gjennom samme omgjøring (`prefault`): med
 * `default` ble 75 levert som 75 ppm (0,0075 %) — issue 11 pkt. 1.
 */
export const configSkjema = z.looseObject({
  versjon: z.literal(1).default(1),
  naeringshage: z.object({ navn: navnFelt, orgnr: orgnrFelt }),
  ar: z.number().int().min(2023).max(2099),
  // Issue 19 pkt. 2: verdiene under kan stå ufylt («FYLL INN …»); kommandoene som trenger dem, krever dem (uavklart.ts).
  markedsprisPerTime: ellerUavklart(
    kroner({ ...MARKEDSPRIS_SPENN, hva: 'markedspris per time' }),
    'markedsprisPerTime',
  ),
  stotteintensitet: prosentSats(100).prefault(75),
  mvaSats: prosentSats(100).prefault(25),
  arbeidsgiveravgiftSats: ellerUavklart(prosentSats(100), 'arbeidsgiveravgiftSats'),
  // Mangler nøkkelen, er den 0 (dokumentert standard for eldre arbeidsmapper); «FYLL INN» er uavklart.
  andreSosialeKostnaderProsent: ellerUavklart(prosentSats(100), 'andreSosialeKostnaderProsent').prefault(0),
  indirekteKostnaderPerAr: ellerUavklart(kroner(), 'indirekteKostnaderPerAr'),
  timerPerArsverk: z
    .number()
    .int()
    .transform((v, ctx) => {
      // Issue 11 pkt. 5: et årsverk er 1695 timer i malen; 16 eller 99 999 gir en timesats som ikke kan stemme.
      if (v >= 1000 && v <= 2500) return v;
      ctx.addIssue({
        code: 'custom',
        message: `${v} timer er utenfor det som er rimelig for ett årsverk (forventet 1000–2500)`,
      });
      return z.NEVER;
    })
    .prefault(1695),
  /**
   * Issue 20 pkt. 15 (10.4 pkt. 2, 5 flerfunksjonelt selskap): årsverk i hele selskapet, som indirekteKostnaderPerAr
   * fordeles på. Tom: fordelt på årsverkene i ansatte, med en advarsel. Lagres i ppm (1 årsverk = 1 000 000).
   */
  arsverkTotalt: z
    .union([z.number(), z.string()])
    .transform((v, ctx): Ppm => {
      const r = typeof v === 'number' ? fraFlyttall(v, 6) : parseDesimal(v, 6);
      if (!r.ok || r.verdi <= 0 || r.verdi > 10_000 * 1_000_000) {
        ctx.addIssue({ code: 'custom', message: 'forventet selskapets årsverk som et positivt tall, f.eks. 6,6' });
        return z.NEVER;
      }
      return r.verdi;
    })
    .optional(),
  eurNok: eurNokFelt,
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
  /** nh faktura: priser, nummerserie, KID, selger, regnskapssystem og EHF (src/domain/faktura/oppsett.ts). */
  faktura: fakturaOppsettSkjema.prefault({}),
  /** nh smb-sjekk: andre innovasjonsselskaper (src/domain/smb/oppsett.ts). */
  smb: smbOppsettSkjema.prefault({}),
});

export type Config = z.output<typeof configSkjema>;
/** Slik nh.json ser ut på disk (før omgjøring til øre/ppm). */
export type ConfigInn = z.input<typeof configSkjema>;

/**
 * Hele nh.json: ukjente nøkler (med nærmeste gyldige) og ugyldige verdier, alle på én gang. En nøkkel på toppnivå
 * som verken er et felt i configSkjema, «$schema» eller begynner med «_» (kommentar), er en skrivefeil.
 */
export function tolkConfig(
  json: unknown,
  fil = 'nh.json',
): { ok: true; config: Config } | { ok: false; feil: Diagnostikk[] } {
  const ds = [...ukjenteNokler(configSkjema, json, [], fil), ...ukjenteKoblinger(json, fil)];
  const r = configSkjema.safeParse(json);
  // Ukjente nøkler er alt meldt over, med nærmeste gyldige; zods egen melding om dem (strictObject) er overflødig.
  const ovrige = r.success ? [] : r.error.issues.filter((i) => i.code !== 'unrecognized_keys');
  if (ovrige.length) ds.push(...zodTilDiagnostikk(new z.ZodError(ovrige), fil, json));
  return ds.length || !r.success ? { ok: false, feil: ds } : { ok: true, config: r.data };
}
