/**
 * Loggen over hva hver AVI-opplastingsfil inneholdt (programveileder 6.3: «siden siste oppdatering»).
 * Ligger i arbeidsmappen som `avi/avi-logg.json`, leses med zod-skjema og skrives av `nh kts-plan`
 * i samme skrivFiler-kall som opplastingsfilene (så det aldri finnes fil uten logg eller logg uten fil).
 */
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { parseDato, parseMaaned, type Dato, type Maaned } from '../../domain/felles/dato.js';
import { erMiljoFeil, feil, InndataFeil, miljoDiagnostikk } from '../../domain/felles/diagnostikk.js';
import { TOM_LOGG, type AviLogg } from '../../domain/kts/kts.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import { medLaas } from '../skriv/laas.js';
import { ryddTemp, tempMoenster } from '../skriv/skriv.js';

export const AVI_MAPPE = 'avi';
export const AVI_LOGG = 'avi/avi-logg.json';
const AVI_LAAS = '.avi-logg.laas';

/** nh sine midlertidige filer i avi/ (opplastingsfilene og loggen) og låsens egne. */
const TEMP_AVI = [tempMoenster('avi-[^/]+')];
/** Låsens egne filer lages før låsen er tatt: ryddes bare når de er et minutt gamle. */
const TEMP_LAAS = [
  tempMoenster('\\.avi-logg\\.laas(\\.overtak)?'),
  /^\.avi-logg\.laas(\.overtak)?\.foreldet-\d+-[0-9a-f]{8}$/,
];

/**
 * Lås rundt les logg → skriv opplastingsfiler og logg. Rydder først midlertidige filer eldre enn låsen
 * (gjenglemt etter full disk eller kill -9, issue 11 pkt. 8).
 */
export function medAviLaas<T>(am: Arbeidsmappe, fn: () => Promise<T>): Promise<T> {
  return medLaas(am.sti(AVI_LAAS), async (l) => {
    const grense = (await stat(l.sti).catch(() => null))?.mtimeMs ?? l.tattMs;
    await ryddTemp(am.sti(AVI_MAPPE), TEMP_AVI, grense);
    await ryddTemp(am.rot, TEMP_LAAS, Math.min(grense, Date.now()) - 60_000);
    return fn();
  });
}

const dato = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDato(s) !== null, 'forventet en dato åååå-mm-dd')
  .transform((s) => s as Dato);
const maaned = z
  .string()
  .refine((s) => parseMaaned(s) !== null, 'forventet en måned åååå-mm')
  .transform((s) => s as Maaned);
const orgnr = z.string().regex(/^\d{9}$/, 'forventet ni sifre');

export const aviLoggSkjema = z.object({
  versjon: z.literal(1),
  oppdateringer: z.array(
    z.object({
      frist: dato,
      skrevet: dato,
      filer: z.array(z.string()),
      /** 6.3: første gang uten logg — AVI antatt oppdatert per denne datoen (forrige frist eller --siden). */
      antattOppdatertPer: dato.optional(),
      nye: z.array(z.object({ orgnr, avtalestart: dato, startskjema: maaned })),
      avsluttede: z.array(z.object({ orgnr, avtaleslutt: dato, exitskjema: maaned })),
    }),
  ),
});

/** Leser loggen; finnes den ikke, er den tom (første AVI-oppdatering med nh). */
export async function lesAviLogg(sti: string): Promise<{ logg: AviLogg; fantes: boolean }> {
  let tekst: string;
  try {
    tekst = await readFile(sti, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { logg: TOM_LOGG, fantes: false };
    // Mappe i stedet for fil, ingen tilgang …: brukerens miljø, med stien og hva som kan gjøres.
    if (erMiljoFeil(e)) throw new InndataFeil([miljoDiagnostikk(e, sti, process.platform === 'win32')]);
    const kode = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new InndataFeil([feil('logg-uleselig', `Kunne ikke lese loggen (${kode}).`, { fil: AVI_LOGG })]);
  }
  let json: unknown;
  try {
    json = JSON.parse(tekst.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InndataFeil([
      feil(
        'ugyldig-logg',
        `Loggen er ikke gyldig JSON (${(e as Error).message}). Rett eller gjenopprett filen; nh overskriver den ikke.`,
        { fil: AVI_LOGG },
      ),
    ]);
  }
  const r = aviLoggSkjema.safeParse(json);
  if (!r.success) {
    throw new InndataFeil(
      r.error.issues.map((i) =>
        feil('ugyldig-logg', `Feltet «${i.path.join('.') || '(rot)'}» i loggen er ugyldig: ${i.message}.`, {
          fil: AVI_LOGG,
          kolonne: i.path.join('.'),
        }),
      ),
    );
  }
  return { logg: r.data, fantes: true };
}

export function aviLoggTekst(logg: AviLogg): string {
  return `${JSON.stringify(logg, null, 2)}\n`;
}
