/**
 * JSZips pakking med Node sin zlib (issue 22 pkt. 8, src/io/skriv/zip-deflate.ts): det JSZip (lib/flate.js) gjør med
 * pakos Deflate — `push(bit, false)` for hver bit, `push([], true)` til slutt, utdata via `onData` — gir rå DEFLATE som
 * pakkes ut til nøyaktig inndataene, uansett hvordan de er delt opp.
 */
import fc from 'fast-check';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Deflate } from '../../src/io/skriv/zip-deflate.js';

function pakk(biter: Uint8Array[], level?: number): { ut: Buffer; kall: number } {
  const d = new Deflate({ raw: true, ...(level === undefined ? {} : { level }) });
  const ut: Uint8Array[] = [];
  d.onData = (b) => ut.push(b);
  for (const b of biter) d.push(b, false);
  // JSZip avslutter med en tom JavaScript-liste, ikke en Uint8Array.
  d.push([], true);
  return { ut: Buffer.concat(ut), kall: ut.length };
}

describe('zip-deflate (JSZips Deflate med node:zlib)', () => {
  it('pakkes ut til inndataene, delt i vilkårlige biter; utdata kommer én gang, til slutt', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 8 }), (biter) => {
        const { ut, kall } = pakk(biter);
        expect(kall).toBe(1);
        expect(inflateRawSync(ut).equals(Buffer.concat(biter))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('samme inndata → de samme bytene; nivået JSZip gir videre, brukes (0 = ukomprimert)', () => {
    const xml = Buffer.from('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(500));
    expect(pakk([xml]).ut.equals(pakk([xml.subarray(0, 7), xml.subarray(7)]).ut)).toBe(true);
    expect(pakk([xml]).ut.length).toBeLessThan(xml.length / 10);
    expect(pakk([xml], 0).ut.length).toBeGreaterThan(xml.length);
  });

  it('en zlib-strøm med hode (raw: false) ville gitt en ugyldig zip-del: stopper', () => {
    expect(() => new Deflate({ raw: false })).toThrow(/rå DEFLATE/);
  });
});
