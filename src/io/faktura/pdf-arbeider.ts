/**
 * Arbeidertråden som lager PDF-ene til en faktura-kjøring (pdf-parallell.ts starter den): laster pdfkit og
 * skriftene med en gang — mens hovedtråden leser og planlegger — og venter så på dokumentene. Hver PDF sendes
 * tilbake så snart den er laget, i samme rekkefølge. Samme funksjon som i hovedtråden (pdf-skriv.ts), samme bytes.
 */
import { parentPort } from 'node:worker_threads';
import type { EhfDokument } from '../../domain/faktura/ehf.js';
import { lastSkrifter } from './pdf-skrift.js';
import { pdfDokument } from './pdf-skriv.js';

lastSkrifter();
parentPort!.once('message', async (dokumenter: EhfDokument[]) => {
  for (const [i, d] of dokumenter.entries()) {
    const pdf = await pdfDokument(d);
    parentPort!.postMessage({ i, pdf }, [pdf.buffer as ArrayBuffer]);
  }
});
