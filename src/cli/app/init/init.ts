/**
 * nh init: ny arbeidsmappe med nh.json og tomme datasett (CSV, eller xlsx med overskriftsstil,
 * tallformat og inndatakontroll, mal-xlsx.ts). Nekter å skrive over en eksisterende arbeidsmappe.
 */
import { gjeldende } from '../../prosess.js';
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  finnesFraFor,
  navnFeil,
  planleggInit,
  tolkAar,
  tolkNavn,
  tolkOrgnr,
  type Initfil,
  type Tolkning,
} from '../../../domain/arbeidsmappe/init.js';
import { deler } from '../../../domain/felles/dato.js';
import { InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { overskrift } from '../../../domain/datasett/definisjon.js';
import { normaliserOrgnr, orgnrFeil } from '../../../domain/felles/orgnr.js';
import { CONFIG_FIL } from '../../../io/arbeidsmappe.js';
import { lagCsv } from '../../../io/skriv/csv-skriv.js';
import { skrivFiler, type Utfil } from '../../../io/skriv/skriv.js';
import type { InitValg } from './valg.js';
import { hentInitVerdier } from './verdier.js';
import { tomXlsx } from './mal-xlsx.js';
import type { Kontekst, Resultat } from '../../kontekst.js';

/** Les (finnes det en arbeidsmappe her?) → spør (navn, orgnr, år, satsene) → planlegg (domain/arbeidsmappe) → skriv. */
export async function init(k: Kontekst, mappe: string, valg: InitValg): Promise<Resultat> {
  const rot = path.resolve(gjeldende().cwd, mappe);
  await sjekkTom(rot);
  if (valg.demo) return (await import('./demo.js')).initDemo(rot, mappe);
  const svar = await sporInit(k, valg);
  const plan = planleggInit({ ...svar, xlsx: Boolean(valg.xlsx), configFil: CONFIG_FIL });
  if (plan.feil.length) throw new InndataFeil(plan.feil);
  const filer: Utfil[] = await Promise.all(
    plan.filer.map(async (f) => ({ sti: path.join(rot, f.navn), innhold: await innhold(f) })),
  );
  await skrivFiler(filer, { overskriv: false });
  const ufylt = plan.ikkeFyltInn;
  return {
    json: { mappe: rot, filer: plan.filer.map((f) => f.navn), ikkeFyltInn: ufylt },
    tekst: [
      `Laget arbeidsmappe i ${rot}:`,
      ...plan.filer.map((f) => `  ${f.navn}`),
      '',
      ...(ufylt.length
        ? [
            `Ikke fylt inn i ${CONFIG_FIL} (står som «FYLL INN …»; kommandoene som trenger verdien, stopper til den er fylt inn):`,
            ...ufylt.map((u) => `  ${u.felt} (${u.brukesAv}): ${u.hvor}`),
            '',
          ]
        : []),
      'Fyll inn datasettene. Se «nh docs datasett» for kolonnene.',
    ].join('\n'),
  };
}

/**
 * Navn, orgnr og år fra flaggene eller (på en TTY) spørsmål, hvert kontrollert før neste spørsmål; så satsene
 * (verdier.ts). Ingen lås er tatt: init skriver atomisk og nekter å skrive over en arbeidsmappe.
 */
async function sporInit(k: Kontekst, valg: InitValg) {
  const navn = gyldig(
    tolkNavn(
      valg.navn ?? (await k.spor.tekst('Næringshagens navn (--navn)?', { valider: (s) => navnFeil(s) ?? true })),
    ),
  );
  const orgnr = gyldig(
    tolkOrgnr(
      valg.orgnr ??
        (await k.spor.tekst('Næringshagens organisasjonsnummer (--orgnr)?', {
          valider: (s) => orgnrFeil(normaliserOrgnr(s)) ?? true,
        })),
    ),
  );
  const aar = gyldig(tolkAar(valg.ar, deler(k.idag).aar));
  return { navn, orgnr, aar, verdier: await hentInitVerdier(k, valg) };
}

function gyldig<T>(t: Tolkning<T>): T {
  if (!t.ok) throw new InndataFeil([t.feil]);
  return t.verdi;
}

/** Innholdet i en fil planen sier: nh.json som den er, en CSV-mal med overskriftene, eller xlsx-malen. */
async function innhold(f: Initfil): Promise<string | Uint8Array> {
  if (f.hva === 'konfig') return f.innhold;
  if (f.navn.endsWith('.xlsx')) return tomXlsx(f.def);
  return lagCsv(
    Object.entries(f.def.kolonner).map(([n, kol]) => ({ nokkel: n, overskrift: overskrift(n, kol), type: 'tekst' })),
    [],
  );
}

async function sjekkTom(rot: string): Promise<void> {
  let filer: string[] = [];
  try {
    await access(rot);
    filer = await readdir(rot);
  } catch {
    return;
  }
  const finnes = finnesFraFor(rot, filer, CONFIG_FIL);
  if (finnes) throw new InndataFeil([finnes]);
}
