/**
 * Dekoding av tekstfiler fra Excel på Windows: UTF-8 med/uten BOM, UTF-16 (Excels «Unicode-tekst»)
 * og Windows-1252 (Excels «CSV (semikolondelt)»). Uten BOM prøver vi streng UTF-8 først; feiler den,
 * er filen Windows-1252 — en gyldig UTF-8-fil med æøå er svært usannsynlig å være noe annet.
 * Node har full ICU, så TextDecoder kan windows-1252 uten ekstra avhengighet.
 */
import { readFile } from 'node:fs/promises';
import { erMiljoFeil, InndataFeil, miljoDiagnostikk } from '../../domain/felles/diagnostikk.js';

/**
 * Leser en inndatafil. En fs-feil (mappe der det skulle være en fil, ingen tilgang …) blir exit 2 med
 * stien — `readFile` på en mappe sier ellers bare «EISDIR» uten å nevne hvilken.
 */
export async function lesFil(sti: string): Promise<Buffer> {
  try {
    return await readFile(sti);
  } catch (e) {
    if (!erMiljoFeil(e)) throw e;
    const d = miljoDiagnostikk({ ...e, syscall: e.syscall ?? 'read' }, sti, process.platform === 'win32');
    throw new InndataFeil([d]);
  }
}

export type Tegnsett = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** En fil der noen linjer er UTF-8 og andre Windows-1252 (limt sammen fra to eksporter). */
export class BlandetTegnsett extends Error {
  constructor(readonly linje: number) {
    super(`blandet tegnsett fra linje ${linje}`);
  }
}

/** Typiske UTF-8-sekvenser for æøåÆØÅé: finnes de i en fil som ikke er gyldig UTF-8, er den blandet. */
const UTF8_NORSK = [
  [0xc3, 0xa6],
  [0xc3, 0xb8],
  [0xc3, 0xa5],
  [0xc3, 0x86],
  [0xc3, 0x98],
  [0xc3, 0x85],
  [0xc3, 0xa9],
];

function harUtf8Norsk(buf: Uint8Array): boolean {
  for (let i = 0; i + 1 < buf.length; i++) {
    if (buf[i] === 0xc3 && UTF8_NORSK.some(([, b]) => buf[i + 1] === b)) return true;
  }
  return false;
}

/** Lengden på UTF-8-sekvensen som startbyten `b` innleder; 0 når `b` ikke kan starte en sekvens. */
function sekvenslengde(b: number): number {
  if (b < 0x80) return 1;
  if (b >> 5 === 0b110) return 2;
  if (b >> 4 === 0b1110) return 3;
  if (b >> 3 === 0b11110) return 4;
  return 0;
}

/** Er de n − 1 bytene etter startbyten på i fortsettelsesbyter (10xxxxxx)? */
function fortsettelserGyldige(buf: Uint8Array, i: number, n: number): boolean {
  for (let k = 1; k < n; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return false;
  return true;
}

/** Linjenummer (1-basert) der første byte som ikke er gyldig UTF-8 står. */
function forsteUgyldigeLinje(buf: Uint8Array): number {
  let linje = 1;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    if (b === 0x0a) linje++;
    const n = sekvenslengde(b);
    if (n === 0 || !fortsettelserGyldige(buf, i, n)) return linje;
    i += n;
  }
  return linje;
}

export function dekod(buf: Uint8Array): { tekst: string; tegnsett: Tegnsett } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { tekst: new TextDecoder('utf-8').decode(buf.subarray(3)), tegnsett: 'utf-8-bom' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { tekst: new TextDecoder('utf-16le').decode(buf.subarray(2)), tegnsett: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { tekst: new TextDecoder('utf-16be').decode(buf.subarray(2)), tegnsett: 'utf-16be' };
  try {
    return { tekst: new TextDecoder('utf-8', { fatal: true }).decode(buf), tegnsett: 'utf-8' };
  } catch {
    if (harUtf8Norsk(buf)) throw new BlandetTegnsett(forsteUgyldigeLinje(buf));
    return { tekst: new TextDecoder('windows-1252').decode(buf), tegnsett: 'windows-1252' };
  }
}

/** Skilletegnet i første ikke-tomme linje (utenfor anførselstegn): «;», «,» eller tabulator. */
export function finnSkilletegn(tekst: string): ';' | ',' | '\t' {
  const linje = tekst.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const antall = { ';': 0, ',': 0, '\t': 0 };
  let iSitat = false;
  for (const c of linje) {
    if (c === '"') iSitat = !iSitat;
    else if (!iSitat && (c === ';' || c === ',' || c === '\t')) antall[c]++;
  }
  if (antall['\t'] > antall[';'] && antall['\t'] > antall[',']) return '\t';
  return antall[','] > antall[';'] ? ',' : ';';
}
