/**
 * JSZips pakking med Node sin innebygde zlib (issue 22 pkt. 8: en full faktura-kjøring ≤ 1 s). exceljs skriver xlsx
 * med JSZip, som pakker hver del av filen med pako — zlib skrevet i JavaScript. I en kort kjøring rekker ikke V8 å
 * optimere den: fakturagrunnlag.xlsx på demoen (130 kB XML) brukte ca. 70 ms på pakkingen, Node sin zlib ca. 2 ms.
 *
 * Bare i bunten: scripts/bunt.mjs lar JSZips `require('pako')` (jszip/lib/flate.js) gi denne `Deflate` og pakos egen
 * `Inflate`, så lesing av xlsx er som før. Innholdet i filen er det samme; de pakkede bytene kan avvike fra pakos
 * (begge er gyldig DEFLATE, RFC 1951), men er de samme fra kjøring til kjøring.
 */
import { deflateRawSync } from 'node:zlib';

/** Det JSZip gir pakos Deflate (lib/flate.js): alltid rå DEFLATE, nivået når brukeren har valgt et. */
type Valg = { raw?: boolean; level?: number };

/** Det JSZip bruker av pakos Deflate: `push(bit, ferdig)` og `onData(utdata)`. Alt pakkes i én bit når `ferdig`. */
export class Deflate {
  onData: (bit: Uint8Array) => void = () => undefined;
  private readonly biter: Uint8Array[] = [];
  private readonly nivaa: number;

  constructor(valg: Valg = {}) {
    // zlib-hode og -hale (raw: false) ville gitt en ugyldig zip-del: si fra heller enn å skrive den.
    if (valg.raw !== true) throw new Error('zip-deflate: JSZip ber alltid om rå DEFLATE (raw: true).');
    // -1 er zlibs standardnivå (6), som i pako.
    this.nivaa = valg.level ?? -1;
  }

  push(bit: ArrayLike<number>, ferdig: boolean): boolean {
    if (bit.length > 0) this.biter.push(bit instanceof Uint8Array ? bit : Uint8Array.from(bit));
    if (ferdig) {
      const ut = deflateRawSync(Buffer.concat(this.biter), { level: this.nivaa });
      this.biter.length = 0;
      this.onData(new Uint8Array(ut.buffer, ut.byteOffset, ut.byteLength));
    }
    return true;
  }
}
