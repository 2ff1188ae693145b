/**
 * Rask lesing av en xlsx-fil (issue 22 pkt. 8): exceljs' strømleser (`ExcelJS.stream.xlsx.WorkbookReader`)
 * pakker ut filen og leser arbeidsboken, relasjonene, de delte tekstene og stilene mens filen leses, uten å bygge
 * hele arbeidsboken. Arkenes XML tolkes i xlsx-ark.ts (htmlparser2, ikke exceljs' arkleser): cellene blir nh-verdier
 * med en gang etter reglene i xlsx-celle.ts, så ingen Row- og Cell-objekter lages.
 *
 * Strømleseren kjenner arknavn og synlighet (skjult/veryHidden) først når arbeidsboken er lest ferdig, så radene
 * fra hvert ark samles og arket velges etterpå. Finner vi ikke ut sikkert hvilket ark en fil hører til (uvanlig
 * rekkefølge eller relasjoner i zip-filen), gir vi `null`, og xlsx-les.ts leser filen med den vanlige leseren:
 * nh gjetter aldri hvilket ark som er skjult.
 */
import type ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { Rad } from './xlsx-celle.js';
import { type Arbeidsbok, lesArkXml } from './xlsx-ark.js';
import type { LagRaaFilter } from './raa-tabell.js';
import type { RaaCelle } from '../../domain/felles/felter.js';

export type LestArk = { name: string; state?: string; columnCount: number; rader: Rad[] };

type Modell = { sheets?: { name: string; state?: string; rId: string }[] };
type Relasjon = { Id: string; Target: string; Type?: string };
/** Et ark fra strømleseren: filnummeret (sheetN.xml) og XML-en, bit for bit. */
type ArkXml = { nr: string; xml: AsyncIterable<Buffer | string> };
type Leser = {
  model?: Modell;
  workbookRels?: Relasjon[];
  sharedStrings?: unknown[];
  properties?: { model?: { date1904?: boolean } };
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  on(hendelse: 'entry', f: (e: { type: string; id?: string }) => void): unknown;
  [Symbol.asyncIterator](): AsyncIterator<ArkXml>;
};
type Konstruktor = new (
  inn: NodeJS.ReadableStream,
  valg: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => Leser & { _emitEntry(e: { type: string; id?: string }): void };

/**
 * Bare strømleseren, ikke hele exceljs (som også laster skriverne og alle xform-ene): halve lastetiden.
 * Samme pakke og versjon som `import ExcelJS from 'exceljs'` gir.
 */
const WorkbookReader = createRequire(import.meta.url)('exceljs/lib/stream/xlsx/workbook-reader.js') as Konstruktor;

/**
 * exceljs leser zip-filen, arbeidsboken, relasjonene, de delte tekstene og stilene; arkene selv gis videre som XML
 * (i stedet for exceljs' arkleser) og tolkes i xlsx-ark.ts. `_parseWorksheet` er exceljs' eget steg for et ark
 * (lib/stream/xlsx/workbook-reader.js, 4.4.0): samme melding ('entry'), men arkets XML i stedet for en arkleser.
 */
class ArkStromleser extends WorkbookReader {
  *_parseWorksheet(xml: AsyncIterable<Buffer | string>, nr: string) {
    this._emitEntry({ type: 'worksheet', id: nr });
    yield { eventType: 'worksheet', value: { nr, xml } satisfies ArkXml };
  }
}

/** «/xl/worksheets/sheet1.xml» og «worksheets/sheet1.xml» → «1». */
const arkNummer = (mal: string) => /(?:^|\/)worksheets\/sheet(\d+)\.xml$/.exec(mal)?.[1];

/**
 * Arkene i arbeidsbokens rekkefølge med radene sine, eller null når strømleseren ikke kan si det sikkert.
 * `lagFilter` (som for CSV, raa-tabell.ts): rader filteret avviser (f.eks. timer utenfor perioden), holdes ikke
 * — hvert ark får filteret fra sin egen overskriftsrad (den første raden med verdier, som i xlsx-les.ts).
 */
export async function lesArkStrom(sti: string, lagFilter?: LagRaaFilter): Promise<LestArk[] | null> {
  const fil = createReadStream(sti);
  const leser = new ArkStromleser(fil, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const lest = new Set<string>();
  // Et ark lest før stilene får ikke tallformatene sine (en dato blir et tall). exceljs venter med arkene til de
  // delte tekstene er lest, men ikke til stilene.
  let arkForStilene = false;
  leser.on('entry', (e) => {
    if (e.type === 'worksheet' && !lest.has('styles')) arkForStilene = true;
    lest.add(e.type);
  });
  const perFil = new Map<string, Rad[]>();
  try {
    if (!(await lesArkene(leser, perFil, lagFilter))) return null;
  } catch {
    // exceljs' strømleser feiler på noen filer (bl.a. når arbeidsboken ikke ble lest før arkene): den vanlige
    // leseren avgjør — den leser filen eller gir en feilmelding med filnavnet.
    return null;
  } finally {
    // Også når lesingen ga seg midt i filen: filen lukkes (på Windows hindrer et åpent håndtak at den erstattes).
    fil.destroy();
  }
  if (!komplett(leser, lest, arkForStilene)) return null;
  return iArbeidsbokensRekkefolge(leser, perFil);
}

/**
 * Ble alt arbeidsboken viser til, lest, og i en rekkefølge som gir riktige celler? exceljs/unzipper kan miste
 * zip-filens siste del (målt: omtrent én av 3 000 lesinger av samme fil på rask disk; exceljs skriver
 * arbeidsboken sist). Mangler arbeidsboken, relasjonene, eller de delte tekstene eller stilene relasjonene
 * nevner — eller ble et ark lest før stilene — tar den vanlige leseren filen.
 */
function komplett(leser: Leser, lest: Set<string>, arkForStilene: boolean): boolean {
  const rels = leser.workbookRels;
  if (!leser.model?.sheets || !rels) return false;
  const nevner = (del: string) => rels.some((r) => (r.Type ?? '').endsWith(`/${del}`));
  if (nevner('sharedStrings') && (!lest.has('shared-strings') || !leser.sharedStrings)) return false;
  if (nevner('styles') && (!lest.has('styles') || arkForStilene)) return false;
  return true;
}

/**
 * Radene fra hvert ark i zip-filen etter filnummer; false når et ark kommer to ganger, før arbeidsboken (da vet
 * vi ikke om datoene regnes fra 1900 eller 1904), eller er uvanlig (xlsx-ark.ts).
 */
async function lesArkene(leser: Leser, perFil: Map<string, Rad[]>, lagFilter?: LagRaaFilter): Promise<boolean> {
  for await (const { nr, xml } of leser) {
    if (perFil.has(nr) || !leser.properties) return false;
    const rader: Rad[] = [];
    perFil.set(nr, rader);
    const bok: Arbeidsbok = {
      delteTekster: leser.sharedStrings,
      stil: (id) => leser.styles.getStyleModel(id),
      dato1904: leser.properties.model?.date1904,
    };
    if (!(await lesArkXml(xml, bok, medFilter(rader, lagFilter)))) return false;
  }
  return true;
}

/**
 * Hver rad med verdier legges i `rader`, med mindre filteret fra arkets overskriftsrad (den første raden med
 * verdier) avviser den.
 */
function medFilter(rader: Rad[], lagFilter?: LagRaaFilter): (r: Rad) => void {
  let filter: ((celler: readonly RaaCelle[]) => boolean) | null = null;
  return (r) => {
    if (rader.length === 0)
      filter = lagFilter?.(r.celler.map((c) => (typeof c === 'symbol' ? '' : String(c ?? '').trim()))) ?? null;
    // En celle med Excel-feil eller formel uten verdi gis til filteret som tom: raden beholdes og feilen meldes.
    else if (filter && !filter(r.celler.map((c) => (typeof c === 'symbol' ? null : c)))) return;
    rader.push(r);
  };
}

/** Arkene i arbeidsbokens rekkefølge; null når et ark mangler eller zip-filen har et ark arbeidsboken ikke nevner. */
function iArbeidsbokensRekkefolge(leser: Leser, perFil: Map<string, Rad[]>): LestArk[] | null {
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
