/**
 * Faste tidsstempler i en zip (xlsx er en zip): JSZip, som exceljs bruker, setter hver fil til klokka da den ble
 * lagt til, så to kjøringer på samme data ga ulike bytes. Her skrives én tid inn i hver oppføring — både i den
 * lokale overskriften og i den sentrale katalogen — så en ny kjøring samme dag gir byte for byte samme fil (issue
 * 22 pkt. 6). Ren bufferbehandling; leser bare sluttposten og den sentrale katalogen, aldri dataene.
 */

const SLUTTPOST = 0x06054b50;
const KATALOGPOST = 0x02014b50;
const LOKAL = 0x04034b50;

/** MS-DOS-tid og -dato (zip-formatet; UTC slik JSZip skriver dem), to sekunders oppløsning. */
function dosTid(t: Date): { tid: number; dato: number } {
  const tid = (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2);
  const dato = ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate();
  return { tid, dato };
}

/** Setter tiden `t` på hver oppføring i zip-filen `buf` (endrer bufferen og returnerer den). */
export function fastZipTid(buf: Uint8Array, t: Date): Uint8Array {
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let slutt = -1;
  // Sluttposten er minst 22 byte og kan ha en kommentar på inntil 65 535 byte etter seg.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === SLUTTPOST) {
      slutt = i;
      break;
    }
  }
  if (slutt < 0) throw new Error('fastZipTid: fant ikke slutten av zip-katalogen');
  const antall = v.getUint16(slutt + 10, true);
  let p = v.getUint32(slutt + 16, true);
  const { tid, dato } = dosTid(t);
  for (let n = 0; n < antall; n++) {
    if (v.getUint32(p, true) !== KATALOGPOST) throw new Error('fastZipTid: ugyldig post i zip-katalogen');
    v.setUint16(p + 12, tid, true);
    v.setUint16(p + 14, dato, true);
    const lokal = v.getUint32(p + 42, true);
    if (v.getUint32(lokal, true) !== LOKAL) throw new Error('fastZipTid: ugyldig lokal overskrift i zip');
    v.setUint16(lokal + 10, tid, true);
    v.setUint16(lokal + 12, dato, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return buf;
}
