/**
 * Rask lesing av en xlsx-fil (issue 22 pkt. 8): exceljs' strømleser (`ExcelJS.stream.xlsx.WorkbookReader`)
 * pakker ut og leser arkene mens filen leses, uten å bygge hele arbeidsboken med stiler og modell for hver celle
 * Cellene tolkes med en gang (xlsx-celle.ts, likt for begge leserne), så ingen Row- og Cell-objekter holdes.
 *
 * Strømleseren kjenner arknavn og synlighet (skjult/veryHidden) først når arbeidsboken er lest ferdig, så radene
 * fra hvert ark samles og arket velges etterpå. Finner vi ikke ut sikkert hvilket ark en fil hører til (uvanlig
 * rekkefølge eller relasjoner i zip-filen), gir vi `null`, og xlsx-les.ts leser filen med den vanlige leseren:
 * nh gjetter aldri hvilket ark som er skjult.
 */
import type ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { type Rad, radVerdier } from './xlsx-celle.js';
import type { LagRaaFilter } from './raa-tabell.js';
import type { RaaCelle } from '../../domain/felles/felter.js';

export type LestArk = { name: string; state?: string; columnCount: number; rader: Rad[] };

type Modell = { sheets?: { name: string; state?: string; rId: string }[] };
type Relasjon = { Id: string; Target: string };
type Leser = ExcelJS.stream.xlsx.WorkbookReader & {
  model?: Modell;
  workbookRels?: Relasjon[];
  on(hendelse: 'entry', f: (e: { type: string; id?: string }) => void): unknown;
};

/**
 * Bare strømleseren, ikke hele exceljs (som også laster skriverne og alle xform-ene): halve lastetiden.
 * Samme pakke og versjon som `import ExcelJS from 'exceljs'` gir; typene er exceljs' egne.
 */
const WorkbookReader = createRequire(import.meta.url)(
  'exceljs/lib/stream/xlsx/workbook-reader.js',
) as typeof ExcelJS.stream.xlsx.WorkbookReader;

/** «/xl/worksheets/sheet1.xml» og «worksheets/sheet1.xml» → «1». */
const arkNummer = (mal: string) => /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(mal)?.[1];

/**
 * Arkene i arbeidsbokens rekkefølge med radene sine, eller null når strømleseren ikke kan si det sikkert.
 * `lagFilter` (som for CSV, raa-tabell.ts): rader filteret avviser (f.eks. timer utenfor perioden), holdes ikke
 * — hvert ark får filteret fra sin egen overskriftsrad (den første raden med verdier, som i xlsx-les.ts).
 */
export async function lesArkStrom(sti: string, lagFilter?: LagRaaFilter): Promise<LestArk[] | null> {
  const leser = new WorkbookReader(createReadStream(sti), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  }) as Leser;
  // Filnummeret (sheetN.xml) meldes rett før arket leveres; exceljs bytter ut arkets id med modellens.
  let sisteNr: string | undefined;
  leser.on('entry', (e) => {
    if (e.type === 'worksheet') sisteNr = e.id;
  });
  const perFil = new Map<string, Rad[]>();
  for await (const ark of leser) {
    if (sisteNr === undefined || perFil.has(sisteNr)) return null;
    const rader: Rad[] = [];
    perFil.set(sisteNr, rader);
    let filter: ((celler: readonly RaaCelle[]) => boolean) | null = null;
    // Som `eachRow({ includeEmpty: false })` i den vanlige leseren: rader uten verdier (bare stil) tas ikke med.
    for await (const rad of ark as unknown as AsyncIterable<ExcelJS.Row>) {
      if (!rad.hasValues) continue;
      const r = radVerdier(rad);
      if (rader.length === 0)
        filter = lagFilter?.(r.celler.map((c) => (typeof c === 'symbol' ? '' : String(c ?? '').trim()))) ?? null;
      // En celle med Excel-feil eller formel uten verdi gis til filteret som tom: raden beholdes og feilen meldes.
      else if (filter && !filter(r.celler.map((c) => (typeof c === 'symbol' ? null : c)))) continue;
      rader.push(r);
    }
  }
  const mal = new Map((leser.workbookRels ?? []).map((r) => [r.Id, arkNummer(r.Target)]));
  const ark = leser.model?.sheets ?? [];
  const ut: LestArk[] = [];
  for (const a of ark) {
    const nr = mal.get(a.rId);
    const rader = nr === undefined ? undefined : perFil.get(nr);
    if (!rader) return null;
    perFil.delete(nr!);
    ut.push({
      name: a.name,
      ...(a.state ? { state: a.state } : {}),
      columnCount: rader.reduce((m, r) => Math.max(m, r.celler.length), 0),
      rader,
    });
  }
  // Et ark i zip-filen som arbeidsboken ikke nevner: usikkert, les på vanlig måte.
  return perFil.size ? null : ut;
}
