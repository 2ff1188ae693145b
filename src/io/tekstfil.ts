/**
 * Dekoding av tekstfiler fra Excel på Windows: UTF-8 med/uten BOM, UTF-16 (Excels «Unicode-tekst»)
 * og Windows-1252 (Excels «CSV (semikolondelt)»). Uten BOM prøver vi streng UTF-8 først; feiler den,
 * er filen Windows-1252 — en gyldig UTF-8-fil med æøå er svært usannsynlig å være noe annet.
 * Node har full ICU, så TextDecoder kan windows-1252 uten ekstra avhengighet.
 */
export type Tegnsett = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function dekod(buf: Uint8Array): { tekst: string; tegnsett: Tegnsett } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { tekst: new TextDecoder('utf-8').decode(buf.subarray(3)), tegnsett: 'utf-8-bom' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { tekst: new TextDecoder('utf-16le').decode(buf.subarray(2)), tegnsett: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { tekst: new TextDecoder('utf-16be').decode(buf.subarray(2)), tegnsett: 'utf-16be' };
  try {
    return { tekst: new TextDecoder('utf-8', { fatal: true }).decode(buf), tegnsett: 'utf-8' };
  } catch {
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
