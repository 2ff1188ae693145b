/**
 * nh init: ny arbeidsmappe med nh.json og tomme datasett (CSV, eller xlsx med overskriftsstil,
 * tallformat og inndatakontroll). Nekter å skrive over en eksisterende arbeidsmappe.
 */
import { gjeldende } from '../../prosess.js';
import ExcelJS from 'exceljs';
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { navnFelt, tolkConfig } from '../../../domain/konfig/config.js';
import { standardConfig } from '../../../domain/konfig/init-verdier.js';
import { deler } from '../../../domain/felles/dato.js';
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { GRUNNDATASETT } from '../../../domain/datasett/index.js';
import { overskrift, type DatasettDef } from '../../../domain/datasett/definisjon.js';
import { normaliserOrgnr, orgnrFeil } from '../../../domain/felles/orgnr.js';
import { CONFIG_FIL } from '../../../io/arbeidsmappe.js';
import { lagCsv } from '../../../io/skriv/csv-skriv.js';
import { skrivFiler, type Utfil } from '../../../io/skriv/skriv.js';
import { arbeidsbokTilBuffer, stilOverskrift, FORMAT } from '../../../io/skriv/xlsx-skriv.js';
import type { InitValg } from './valg.js';
import { hentInitVerdier, ufylteLinjer } from './verdier.js';
import type { Kontekst, Resultat } from '../../kontekst.js';

const RADER_MED_KONTROLL = 2000;

export async function init(k: Kontekst, mappe: string, valg: InitValg): Promise<Resultat> {
  const rot = path.resolve(gjeldende().cwd, mappe);
  await sjekkTom(rot);
  if (valg.demo) return (await import('./demo.js')).initDemo(rot, mappe);
  const navnRaa =
    valg.navn ?? (await k.spor.tekst('Næringshagens navn (--navn)?', { valider: (s) => navnFeil(s) ?? true }));
  const nf = navnFeil(navnRaa);
  if (nf)
    throw new InndataFeil([
      feil(
        'ugyldig-navn',
        `Ugyldig navn på næringshagen: ${nf}.`,
        { fil: 'kommandolinjen', kolonne: '--navn' },
        { verdi: navnRaa, forventet: 'næringshagens navn, f.eks. «Fjellbygda Næringshage AS»' },
      ),
    ]);
  const navn = navnRaa.trim();
  const orgnrRaa =
    valg.orgnr ??
    (await k.spor.tekst('Næringshagens organisasjonsnummer (--orgnr)?', {
      valider: (s) => orgnrFeil(normaliserOrgnr(s)) ?? true,
    }));
  const orgnr = normaliserOrgnr(orgnrRaa);
  const grunn = orgnrFeil(orgnr);
  if (grunn)
    throw new InndataFeil([
      feil('ugyldig-orgnr', `Ugyldig organisasjonsnummer: ${grunn}.`, undefined, {
        verdi: orgnrRaa,
        forventet: 'ni sifre med gyldig kontrollsiffer',
      }),
    ]);
  const aar = valg.ar ? Number(valg.ar) : deler(k.idag).aar;
  if (!Number.isInteger(aar) || aar < 2023 || aar > 2099)
    throw new InndataFeil([feil('ugyldig-flagg', `--år «${valg.ar}» er ikke et år i programperioden.`)]);

  const verdier = await hentInitVerdier(k, valg);
  const config = standardConfig(navn, orgnr, aar, verdier);
  // Det init skriver, må de andre kommandoene godta: samme kontroll som når nh.json leses.
  const kontroll = tolkConfig(config, CONFIG_FIL);
  if (!kontroll.ok) throw new InndataFeil(kontroll.feil);
  const filer: Utfil[] = [{ sti: path.join(rot, CONFIG_FIL), innhold: `${JSON.stringify(config, null, 2)}\n` }];
  // Issue 19 pkt. 5: malene har overskriftene en administrator leser («Årslønn», «Stilling %»); nh leser begge former.
  for (const def of GRUNNDATASETT) {
    filer.push(
      valg.xlsx
        ? { sti: path.join(rot, `${def.navn}.xlsx`), innhold: await tomXlsx(def) }
        : {
            sti: path.join(rot, `${def.navn}.csv`),
            innhold: lagCsv(
              Object.entries(def.kolonner).map(([n, kol]) => ({
                nokkel: n,
                overskrift: overskrift(n, kol),
                type: 'tekst',
              })),
              [],
            ),
          },
    );
  }
  await skrivFiler(filer, { overskriv: false });
  const ufylt = ufylteLinjer(verdier);
  return {
    json: { mappe: rot, filer: filer.map((f) => path.basename(f.sti)), ikkeFyltInn: ufylt },
    tekst: [
      `Laget arbeidsmappe i ${rot}:`,
      ...filer.map((f) => `  ${path.basename(f.sti)}`),
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

function navnFeil(s: string): string | null {
  const r = navnFelt.safeParse(s);
  return r.success ? null : (r.error.issues[0]?.message ?? 'ugyldig navn');
}

async function sjekkTom(rot: string): Promise<void> {
  let filer: string[] = [];
  try {
    await access(rot);
    filer = await readdir(rot);
  } catch {
    return;
  }
  const kjente = new Set([CONFIG_FIL, ...GRUNNDATASETT.flatMap((d) => [`${d.navn}.csv`, `${d.navn}.xlsx`])]);
  const finnes = filer.filter((f) => kjente.has(f.toLowerCase()));
  if (finnes.length) {
    throw new InndataFeil([
      feil(
        'finnes-fra-for',
        `Det finnes allerede en arbeidsmappe her (${finnes.join(', ')}). nh init overskriver ikke.`,
        { fil: rot },
      ),
    ]);
  }
}

/**
 * xlsx-malen: overskriftene en administrator leser, en kommentar per kolonne (hva, påkrevd eller ikke, eksempel,
 * lovlige verdier), tallformat og inndatakontroll per kolonne (ett område per kolonne, ikke 2 000 celler: malene
 * lages på et sekund i stedet for ti).
 */
async function tomXlsx(def: DatasettDef): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(def.navn, { views: [{ state: 'frozen', ySplit: 1 }] });
  const hode = ws.getRow(1);
  Object.entries(def.kolonner).forEach(([nokkel, kol], i) => {
    const tittel = overskrift(nokkel, kol);
    hode.getCell(i + 1).value = tittel;
    hode.getCell(i + 1).note = hjelpetekst(kol);
    const kolonne = ws.getColumn(i + 1);
    kolonne.width = Math.max(14, tittel.length + 4);
    const fmt =
      kol.type === 'orgnr' || kol.type === 'epost' || kol.type === 'janei' ? '@' : kol.type && FORMAT[kol.type];
    if (fmt) kolonne.numFmt = fmt;
    const dv = validering(kol.type, kol.verdier);
    const bokstav = kolonne.letter;
    // Ett område per kolonne; exceljs støtter det, men typene kjenner ikke `dataValidations`.
    const dvs = (ws as unknown as { dataValidations: { add(adr: string, dv: ExcelJS.DataValidation): void } })
      .dataValidations;
    if (dv) dvs.add(`${bokstav}2:${bokstav}${RADER_MED_KONTROLL}`, dv);
  });
  stilOverskrift(hode);
  return arbeidsbokTilBuffer(wb);
}

/** Kommentaren på overskriften: det administratoren trenger for å fylle ut kolonnen. */
function hjelpetekst(kol: DatasettDef['kolonner'][string]): string {
  return [
    `${kol.paakrevd ? 'Påkrevd' : 'Valgfri'}. ${kol.beskrivelse}`,
    kol.verdier?.length ? `Lovlige verdier: ${kol.verdier.join(', ')}.` : '',
    `Eksempel: ${kol.eksempel}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function validering(
  type: string | undefined,
  verdier: readonly string[] | undefined,
): ExcelJS.DataValidation | undefined {
  const felles = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: 'Ugyldig verdi' };
  if (verdier?.length)
    return {
      ...felles,
      type: 'list',
      formulae: [`"${verdier.join(',')}"`],
      error: `Velg en av: ${verdier.join(', ')}`,
    };
  switch (type) {
    case 'belop':
      return {
        ...felles,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: 'Skriv et beløp i kroner (0 eller mer).',
      };
    case 'timer':
      return {
        ...felles,
        type: 'decimal',
        operator: 'between',
        formulae: [0.01, 24],
        error: 'Timer mellom 0,01 og 24.',
      };
    case 'prosent':
      return { ...felles, type: 'decimal', operator: 'between', formulae: [0, 100], error: 'Prosent mellom 0 og 100.' };
    case 'heltall':
      return {
        ...felles,
        type: 'whole',
        operator: 'between',
        formulae: [2023, 2099],
        error: 'Et år mellom 2023 og 2099.',
      };
    case 'dato':
      return {
        ...felles,
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        error: 'Skriv en dato (dd.mm.åååå).',
      };
    case 'orgnr':
      return {
        ...felles,
        type: 'textLength',
        operator: 'equal',
        formulae: [9],
        error: 'Organisasjonsnummer har ni sifre.',
      };
    default:
      return undefined;
  }
}
