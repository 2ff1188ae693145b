/**
 * PDF-ene i en egen tråd (issue 22 pkt. 8: en full faktura-kjøring ≤ 1 s). Tekstoppsettet og skriftdelmengdene i
 * pdfkit er det tyngste i kjøringen (ca. 15–20 ms CPU per PDF). Tråden startes når kjøringen begynner
 * (`startPdfTraad`), laster pdfkit og skriftene mens hovedtråden leser og planlegger, og lager PDF-ene på den andre
 * kjernen mens hovedtråden skriver fakturagrunnlaget og bygger EHF-ene — hver EHF så snart PDF-en den har som
 * vedlegg, er klar.
 *
 * Tråden er dist/bunt/pdf-arbeider.js (scripts/bunt.mjs) eller dist/io/faktura/pdf-arbeider.js (tsc). Finnes den
 * ikke (testene kjører kildene i src/), lages PDF-ene i hovedtråden som før. Samme funksjon, samme bytes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EhfDokument } from '../../domain/faktura/ehf.js';

/** PDF-en for dokument nr. `i` (i rekkefølgen dokumentene ble gitt). */
export type Pdfer = { hent(i: number): Promise<Uint8Array> };
export type PdfTraad = { lag(dokumenter: EhfDokument[]): Pdfer; avslutt(): void };

/**
 * Starter PDF-tråden, eller null når den ikke finnes. Tråden holder ikke prosessen i live før den får dokumenter
 * (en kjøring som stopper før dokumentene, venter ikke på den); `avslutt()` stopper den uansett.
 */
export function startPdfTraad(arbeider = new URL('./pdf-arbeider.js', import.meta.url)): PdfTraad | null {
  if (!existsSync(fileURLToPath(arbeider))) return null;
  const w = new Worker(arbeider);
  w.unref();
  // Det tråden har sagt fra om før dokumentene kom (en feil, eller at den har stoppet): meldes der PDF-ene ventes på.
  const tilstand: Traadtilstand = { feil: null, stoppet: null };
  w.on('error', (e) => {
    tilstand.feil ??= e;
  });
  w.on('exit', (kode) => {
    tilstand.stoppet = kode;
  });
  return {
    lag: (dokumenter) => lagITraad(w, tilstand, dokumenter),
    avslutt: () => void w.terminate(),
  };
}

type Traadtilstand = { feil: unknown; stoppet: number | null };

/** PDF-ene for dokumentene: i tråden når den er startet, ellers i hovedtråden (hver PDF når den hentes). */
export async function lagPdfer(dokumenter: EhfDokument[], traad: PdfTraad | null): Promise<Pdfer> {
  if (traad) return traad.lag(dokumenter);
  const { pdfDokument } = await import('./pdf-skriv.js');
  return { hent: (i) => pdfDokument(dokumenter[i]!) };
}

type Ventende = { promise: Promise<Uint8Array>; ok: (b: Uint8Array) => void; feil: (e: unknown) => void };

function vent(): Ventende {
  let ok!: Ventende['ok'];
  let feil!: Ventende['feil'];
  const promise = new Promise<Uint8Array>((o, f) => {
    ok = o;
    feil = f;
  });
  // Et avvist løfte ingen venter på ennå (hovedtråden er opptatt med et annet dokument) er ikke en ubehandlet feil.
  promise.catch(() => undefined);
  return { promise, ok, feil };
}

function lagITraad(w: Worker, tilstand: Traadtilstand, dokumenter: EhfDokument[]): Pdfer {
  const ventende = dokumenter.map(vent);
  let mottatt = 0;
  const stopp = (e: unknown) => {
    for (const v of ventende.slice(mottatt)) v.feil(e);
  };
  const stoppet = (kode: number) =>
    stopp(tilstand.feil ?? new Error(`PDF-tråden stoppet (kode ${kode}) før alle PDF-ene var laget.`));
  if (tilstand.stoppet !== null || tilstand.feil) {
    stoppet(tilstand.stoppet ?? 1);
    return { hent: (i) => ventende[i]!.promise };
  }
  w.on('message', (m: { i: number; pdf: Uint8Array }) => {
    ventende[m.i]!.ok(m.pdf);
    mottatt = m.i + 1;
    if (mottatt === dokumenter.length) void w.terminate();
  });
  w.on('error', stopp);
  w.on('exit', (kode) => {
    if (mottatt < dokumenter.length) stoppet(kode);
  });
  // Nå venter kjøringen på tråden: den holder prosessen i live til PDF-ene er kommet.
  w.ref();
  w.postMessage(dokumenter);
  return { hent: (i) => ventende[i]!.promise };
}
