/**
 * Kryssjekken av alt `nh faktura` har skrevet i en arbeidsmappe (issue 23 «Done when»): registeret =
 * fakturagrunnlag.csv = fakturagrunnlag.xlsx = Tripletex = PowerOffice = hver EHF, per faktura til øret, og ett
 * nummer er én fil. Brukes etter krasjtestene og etter en --erstatt-kjede. En liste av sjekker: en ny
 * dokumenttype (PDF, bilag for støtten, PowerOffice-bilag) legges til som en `Kryssjekk` i `KRYSSJEKKER`, eller
 * gis som `ekstra` til `kryssjekk()`.
 *
 *   expect(await kryssjekk(ws)).toEqual([]);   // tom liste = alt stemmer; ellers ett avvik per linje
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { avnoytraliser } from '../src/domain/felles/rapport.js';
import { fraEhf, fraPoweroffice } from './kryssjekk-dokumenter.js';

export type Rad = Record<string, string>;

/** En CSV nh har skrevet (UTF-8 med BOM, «;»), som rader overskrift → verdi; formelvernet er tatt bort. */
export function lesCsv(sti: string, hopp = 0): Rad[] {
  const tekst = readFileSync(sti, 'utf8').replace(/^\uFEFF/, '');
  const poster = parse(tekst.split('\r\n').slice(hopp).join('\r\n'), {
    delimiter: ';',
    relax_column_count: true,
  }) as string[][];
  const [hode, ...rader] = poster;
  return rader.map((r) => Object.fromEntries(hode!.map((h, i) => [h, avnoytraliser(r[i] ?? '')])));
}

export const lesRegister = (ws: string): Rad[] => lesCsv(path.join(ws, 'stotteregister.csv'));

/** «1 234,50» / «-12,5» / «1234.5» → øre. */
const ore = (s: string | undefined): number => {
  const t = (s ?? '').replace(/\s/g, '').replace(',', '.');
  return t ? Math.round(Number(t) * 100) : 0;
};

type Belop = { markedsverdi: number; stotte: number; egenandel: number; mva: number };
type Kryssgrunnlag = {
  ws: string;
  register: Rad[];
  /** Periodene med en mappe i faktura/ (åååå-mm). */
  perioder: string[];
  /** Registerlinjen med fakturanummeret (eller ordrereferansen). */
  linje: (nr: string) => Rad | undefined;
  belop: (l: Rad) => Belop;
};
export type Kryssjekk = { navn: string; sjekk: (g: Kryssgrunnlag) => Promise<string[]> | string[] };

const periodeAv = (l: Rad) => l.periode!.replace(/^(\d{4})M(\d{2})$/, '$1-$2');
const erFaktura = (l: Rad) => !l.type || l.type === 'faktura';

/** Fakturaene i perioden som ikke er kreditert (de fakturagrunnlaget viser). */
function aktive(register: Rad[], periode: string): Rad[] {
  const kreditert = new Set(register.filter((l) => l.type === 'kreditnota').map((l) => l.krediterer));
  return register.filter(
    (l) => periodeAv(l) === periode && erFaktura(l) && !kreditert.has(l.fakturanr || l.ordrereferanse),
  );
}

function sammenlign(hva: string, fasit: Belop, faktisk: Partial<Belop>): string[] {
  return (Object.keys(faktisk) as (keyof Belop)[])
    .filter((k) => faktisk[k] !== fasit[k])
    .map((k) => `${hva}: ${k} ${(faktisk[k]! / 100).toFixed(2)} ≠ registeret ${(fasit[k] / 100).toFixed(2)}`);
}

const ehfSjekk: Kryssjekk = {
  navn: 'EHF: én fil per nummer, hver fil i registeret, beløpene som registerlinjen',
  sjekk: (g) => {
    const avvik: string[] = [];
    const sett = new Map<string, string>();
    for (const p of g.perioder) {
      const mappe = path.join(g.ws, 'faktura', p, 'ehf');
      // Beløpene leses som regnskap-testene leser dem (test/kryssjekk-dokumenter.ts): én leser av EHF-formen.
      const belop = fraEhf(g.ws, p);
      for (const f of existsSync(mappe) ? readdirSync(mappe).filter((x) => x.endsWith('.xml')) : []) {
        const m = /^(\d+)-(\d{9})(-kreditnota)?\.xml$/.exec(f);
        const hva = `faktura/${p}/ehf/${f}`;
        if (!m) {
          avvik.push(`${hva}: ukjent filnavn`);
          continue;
        }
        if (sett.has(m[1]!)) avvik.push(`${hva}: nummer ${m[1]} har også ${sett.get(m[1]!)}`);
        sett.set(m[1]!, hva);
        const l = g.linje(m[1]!);
        const type = m[3] ? 'kreditnota' : 'faktura';
        if (!l || l.orgnr !== m[2] || (l.type || 'faktura') !== type || periodeAv(l) !== p) {
          avvik.push(`${hva}: står ikke i registeret som ${type} ${m[1]} til ${m[2]} for ${p}`);
          continue;
        }
        const e = belop.get(m[1]!);
        if (!e) avvik.push(`${hva}: cbc:ID er ikke ${m[1]}`);
        else
          avvik.push(
            ...sammenlign(hva, g.belop(l), {
              markedsverdi: e.markedsverdi,
              stotte: e.stotte,
              egenandel: e.egenandel,
              mva: e.mva,
            }),
          );
      }
    }
    return avvik;
  },
};

/** fakturagrunnlag.csv: fakturaene (per ordrenr) er periodens aktive fakturaer, summene per faktura som registeret. */
const csvSjekk: Kryssjekk = {
  navn: 'fakturagrunnlag.csv = registerets aktive fakturaer',
  sjekk: (g) => {
    const avvik: string[] = [];
    for (const p of g.perioder) {
      const sti = path.join(g.ws, 'faktura', p, 'fakturagrunnlag.csv');
      if (!existsSync(sti)) continue;
      const sum = new Map<string, Belop>();
      for (const r of lesCsv(sti)) {
        const s = sum.get(r.ordrenr!) ?? { markedsverdi: 0, stotte: 0, egenandel: 0, mva: 0 };
        s.markedsverdi += ore(r.markedsverdi);
        s.stotte += ore(r.innovasjonsstotte);
        s.egenandel += ore(r.belopEksMva);
        s.mva += ore(r.mva);
        sum.set(r.ordrenr!, s);
      }
      const fasit = aktive(g.register, p);
      const hva = `faktura/${p}/fakturagrunnlag.csv`;
      for (const l of fasit) {
        const s = sum.get(l.ordrereferanse || `${p}-${l.orgnr}`);
        if (!s) avvik.push(`${hva}: mangler faktura ${l.fakturanr || l.ordrereferanse} (${l.orgnr})`);
        else avvik.push(...sammenlign(`${hva} ${l.fakturanr || l.ordrereferanse}`, g.belop(l), s));
      }
      if (sum.size !== fasit.length) avvik.push(`${hva}: ${sum.size} fakturaer, registeret har ${fasit.length} aktive`);
    }
    return avvik;
  },
};

/** fakturagrunnlag.xlsx, arket Sammendrag: én rad per faktura med tallene (formelresultatene) som registeret. */
const xlsxSjekk: Kryssjekk = {
  navn: 'fakturagrunnlag.xlsx (Sammendrag) = registerets aktive fakturaer',
  sjekk: async (g) => {
    const avvik: string[] = [];
    for (const p of g.perioder) {
      const sti = path.join(g.ws, 'faktura', p, 'fakturagrunnlag.xlsx');
      if (!existsSync(sti)) continue;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(sti);
      const ws = wb.getWorksheet('Sammendrag')!;
      const verdi = (v: unknown) => {
        const x = v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
        return Math.round(Number(x ?? 0) * 100);
      };
      const hode = (ws.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
      const kol = (n: string) => hode.indexOf(n);
      for (const l of aktive(g.register, p)) {
        let rad: ExcelJS.Row | undefined;
        ws.eachRow((r) => {
          if (String(r.getCell(kol('Orgnr')).value) === l.orgnr) rad = r;
        });
        const hva = `faktura/${p}/fakturagrunnlag.xlsx ${l.fakturanr || l.ordrereferanse}`;
        if (!rad) {
          avvik.push(`${hva}: mangler i Sammendrag`);
          continue;
        }
        const r = rad;
        avvik.push(
          ...sammenlign(hva, g.belop(l), {
            markedsverdi: verdi(r.getCell(kol('Markedsverdi')).value),
            stotte: verdi(r.getCell(kol('Innovasjonsstøtte')).value),
            egenandel: verdi(r.getCell(kol('Egenandel eks. mva')).value),
            mva: verdi(r.getCell(kol('Mva')).value),
          }),
        );
      }
    }
    return avvik;
  },
};

/** Importfilene: per faktura/kreditnota Σ antall × pris = egenandelen i registeret (kreditnota negativ). */
function importSjekk(fil: string, hopp: number, nr: string[], antall: string, pris: string): Kryssjekk {
  return {
    navn: `${fil}: Σ antall × pris = egenandelen`,
    sjekk: (g) => {
      const avvik: string[] = [];
      for (const p of g.perioder) {
        const sti = path.join(g.ws, 'faktura', p, fil);
        if (!existsSync(sti)) continue;
        const sum = new Map<string, number>();
        let gjeldende = '';
        for (const r of lesCsv(sti, hopp)) {
          // Fakturanummeret, ellers ordrenummeret (når regnskapssystemet tildeler numrene).
          const id = nr.map((n) => r[n]).find(Boolean);
          if (id) gjeldende = id;
          if (!r[antall]) continue;
          const t = (ore(r[antall]) * ore(r[pris])) / 100;
          sum.set(gjeldende, (sum.get(gjeldende) ?? 0) + Math.sign(t) * Math.round(Math.abs(t)));
        }
        for (const [n, s] of sum) {
          const l = g.linje(n);
          if (!l) avvik.push(`faktura/${p}/${fil}: ${n} står ikke i registeret`);
          else if (s !== g.belop(l).egenandel)
            avvik.push(
              `faktura/${p}/${fil} ${n}: Σ antall × pris ${(s / 100).toFixed(2)} ≠ egenandel ${(g.belop(l).egenandel / 100).toFixed(2)}`,
            );
        }
      }
      return avvik;
    },
  };
}

/**
 * PowerOffice: bilagsimporten (`[Vouchers]`, issue 21) leses med test/poweroffice-les.ts slik PowerOffice beskriver
 * formen; reskontrolinjen per InvoiceNo = egenandel + mva i registeret (kreditnota negativ). Ordreimporten
 * (`[Orders]`, PowerOffice tildeler numrene) har ingen beløp å sjekke mot et nummer og hoppes over.
 */
const powerofficeSjekk: Kryssjekk = {
  navn: 'poweroffice-import.csv: reskontrolinjen = egenandel + mva',
  sjekk: (g) => {
    const avvik: string[] = [];
    for (const p of g.perioder) {
      const sti = path.join(g.ws, 'faktura', p, 'poweroffice-import.csv');
      if (
        !existsSync(sti) ||
        !readFileSync(sti, 'utf8')
          .replace(/^\uFEFF/, '')
          .startsWith('[Vouchers]')
      )
        continue;
      for (const [n, { aBetale }] of fraPoweroffice(g.ws, p)) {
        const l = g.linje(n);
        const b = l && g.belop(l);
        if (!b) avvik.push(`faktura/${p}/poweroffice-import.csv: ${n} står ikke i registeret`);
        else if (aBetale !== b.egenandel + b.mva)
          avvik.push(
            `faktura/${p}/poweroffice-import.csv ${n}: reskontro ${(aBetale / 100).toFixed(2)} ≠ egenandel + mva ${((b.egenandel + b.mva) / 100).toFixed(2)}`,
          );
      }
    }
    return avvik;
  },
};

const registerSjekk: Kryssjekk = {
  navn: 'registeret: hvert fakturanummer én gang',
  sjekk: (g) => {
    const sett = new Set<string>();
    const avvik: string[] = [];
    for (const l of g.register) {
      if (!l.fakturanr) continue;
      if (sett.has(l.fakturanr)) avvik.push(`stotteregister.csv: fakturanummer ${l.fakturanr} står to ganger`);
      sett.add(l.fakturanr);
    }
    return avvik;
  },
};

const KRYSSJEKKER: Kryssjekk[] = [
  registerSjekk,
  ehfSjekk,
  csvSjekk,
  xlsxSjekk,
  importSjekk('tripletex-import.csv', 0, ['INVOICE NO', 'ORDER NO'], 'ORDER LINE - COUNT', 'ORDER LINE - UNIT PRICE'),
  powerofficeSjekk,
];

/** Alle avvik mellom filene nh har skrevet i arbeidsmappen (tom liste: alt stemmer). */
export async function kryssjekk(ws: string, ekstra: readonly Kryssjekk[] = []): Promise<string[]> {
  const register = existsSync(path.join(ws, 'stotteregister.csv')) ? lesRegister(ws) : [];
  const fakturaMappe = path.join(ws, 'faktura');
  const perioder = existsSync(fakturaMappe) ? readdirSync(fakturaMappe).filter((p) => /^\d{4}-\d{2}$/.test(p)) : [];
  const g: Kryssgrunnlag = {
    ws,
    register,
    perioder,
    linje: (nr) => register.find((l) => l.fakturanr === nr) ?? register.find((l) => l.ordrereferanse === nr),
    belop: (l) => ({
      markedsverdi: ore(l.markedsverdi),
      stotte: ore(l.stotte),
      egenandel: ore(l.egenandel),
      mva: ore(l.mva),
    }),
  };
  const avvik: string[] = [];
  for (const k of [...KRYSSJEKKER, ...ekstra]) avvik.push(...(await k.sjekk(g)));
  return avvik;
}
