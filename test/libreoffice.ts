/**
 * LibreOffice i testene: omregning av xlsx i en ekte regnearkmotor (formelresultatene fjernes, LibreOffice
 * regner alt på nytt og lagrer), PDF for utskriftstestene, og CSV åpnet og lagret med norsk lokale. Alt går
 * gjennom den ene LibreOffice-tjeneren for kjøringen (test/libreoffice-tjener.ts, startet av test/globalt.ts),
 * som konverterer mange filer per oppstart — send derfor alle filene en testfil trenger, i ett kall.
 * Uten LibreOffice hoppes testene synlig over, og i CI feiler de (test/krav.ts).
 */
import { request } from 'node:http';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { inject } from 'vitest';
import { tomMappe } from './hjelp.js';
import { krev } from './krav.js';
import type { Oppdrag } from './libreoffice-tjener.js';
import { finnSoffice } from './soffice.js';

export const SOFFICE = finnSoffice();
/** I CI feiler testfilen når LibreOffice mangler (test/krav.ts); ellers hoppes testene synlig over. */
export const harLibreOffice = krev(
  SOFFICE !== null,
  'LibreOffice (soffice)',
  '`.ci/run` installerer det (libreoffice-calc-nogui).',
);

/** Konverterer filene i én LibreOffice-runde; gir de nye filene (samme navn, ny endelse) i samme rekkefølge. */
async function konverter(
  filer: string[],
  o: Omit<Oppdrag, 'filer' | 'utmappe'> & { utmappe?: string },
): Promise<string[]> {
  const url = inject('libreoffice');
  if (!url) throw new Error('LibreOffice-tjeneren kjører ikke (LibreOffice mangler?)');
  const navn = filer.map((f) => path.basename(f));
  if (new Set(navn).size !== navn.length) throw new Error(`to filer med samme navn i ett kall: ${navn.join(', ')}`);
  const svar = await post(url, JSON.stringify({ filer, ...o, utmappe: o.utmappe ?? tomMappe() } satisfies Oppdrag));
  const r = JSON.parse(svar) as { filer?: string[]; feil?: string };
  if (!r.filer) throw new Error(`LibreOffice feilet: ${r.feil}`);
  return r.filer;
}

/**
 * Fjerner de lagrede formelresultatene (så bare en omregning kan gi tall), lar LibreOffice regne om og lagre
 * som xlsx, og gir de omregnede filene — alle i én runde.
 */
export async function regnOm(xlsx: string[]): Promise<string[]> {
  const arbeid = tomMappe();
  const inn = await Promise.all(
    xlsx.map(async (fil) => {
      const kopi = path.join(arbeid, path.basename(fil));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(fil);
      let formler = 0;
      for (const ws of wb.worksheets) {
        ws.eachRow((row) =>
          row.eachCell((c) => {
            const v = c.value as { formula?: string } | null;
            if (v && typeof v === 'object' && 'formula' in v) {
              c.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
              formler++;
            }
          }),
        );
      }
      if (formler === 0) copyFileSync(fil, kopi);
      else await wb.xlsx.writeFile(kopi);
      return kopi;
    }),
  );
  return konverter(inn, { til: 'xlsx:Calc MS Excel 2007 XML', profil: 'omregning' });
}

/** Flere filer med navn (kan ha samme filnavn fra hver sin arbeidsmappe): navn → omregnet fil, i én runde. */
export async function regnOmAlle<K extends string>(filer: Record<K, string>): Promise<Record<K, string>> {
  const mappe = tomMappe();
  const navn = Object.keys(filer) as K[];
  const kopier = navn.map((n) => {
    const kopi = path.join(mappe, `${n}.xlsx`);
    copyFileSync(filer[n], kopi);
    return kopi;
  });
  const ut = await regnOm(kopier);
  return Object.fromEntries(navn.map((n, i) => [n, ut[i]!])) as Record<K, string>;
}

/** Én fil: se regnOm. */
export async function regnOmILibreOffice(xlsx: string): Promise<string> {
  return (await regnOm([xlsx]))[0]!;
}

/** PDF av arbeidsbøkene slik LibreOffice skriver dem ut (utskriftsoppsettet nh la på); `utmappe` valgfri. */
export function tilPdf(filer: string[], utmappe?: string): Promise<string[]> {
  return konverter(filer, { til: 'pdf', profil: 'omregning', ...(utmappe ? { utmappe } : {}) });
}

/** Åpne og lagre CSV-ene med norsk lokale (1044 = nb-NO): «;», UTF-8, som Excel ville. */
export function csvRundtur(filer: string[]): Promise<string[]> {
  const arbeid = tomMappe();
  const inn = filer.map((f, i) => {
    const kopi = path.join(arbeid, `${i}-${path.basename(f)}`);
    mkdirSync(path.dirname(kopi), { recursive: true });
    copyFileSync(f, kopi);
    return kopi;
  });
  return konverter(inn, {
    til: 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1044',
    innfilter: 'CSV:59,34,76,1,,1044',
    profil: 'norsk',
  });
}

function post(url: string, kropp: string): Promise<string> {
  return new Promise((ok, feil) => {
    // Ingen tidsavbrudd her: svaret kommer når LibreOffice er ferdig (tjeneren dreper en som henger).
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      let svar = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (svar += d));
      res.on('end', () => ok(svar));
    });
    req.on('error', feil);
    req.end(kropp);
  });
}
