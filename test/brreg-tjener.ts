/**
 * En ekte HTTP-tjener på 127.0.0.1 (port 0) som spiller av innspilte svar fra fixtures/brreg/ i
 * formen Brønnøysundregistrene publiserer, så e2e-testene kjører den ekte HTTP-klienten (src/io/brreg/brreg.ts).
 *
 * Filnavn: `enhet-<orgnr>.json`, `underenhet-<orgnr>.json`, `regnskap-<orgnr>.json` (200), `<type>-<orgnr>.<status>.json`
 * (den statusen, f.eks. enhet-…410.json, regnskap-…500.json). Finnes ingen fil: 404 med tom kropp.
 * Moduser: «normal»; «henger» (svarer aldri: tidsavbrudd); «feil-forst» (første forespørsel til hver sti
 * gir 503, deretter normalt: nytt forsøk).
 *
 * nh kjører i samme prosess som tjeneren (test/hjelp.ts nh() er asynkron).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { nh, ROT, type NhKjoring } from './hjelp.js';

const BRREG_FIXTURES = path.join(ROT, 'fixtures', 'brreg');

export type Modus = 'normal' | 'henger' | 'feil-forst';

export type BrregTjener = {
  enhetUrl: string;
  regnskapUrl: string;
  /** Forespurte stier i rekkefølge. */
  foresporsler: string[];
  modus: Modus;
  env: () => Record<string, string>;
  lukk: () => Promise<void>;
};

function finnSvar(type: 'enhet' | 'underenhet' | 'regnskap', orgnr: string): { status: number; kropp: string } {
  const filer = readdirSync(BRREG_FIXTURES);
  const f = filer.find((x) => new RegExp(`^${type}-${orgnr}(\\.\\d{3})?\\.json$`).test(x));
  if (!f) return { status: 404, kropp: '' };
  const m = /\.(\d{3})\.json$/.exec(f);
  return { status: m ? Number(m[1]) : 200, kropp: readFileSync(path.join(BRREG_FIXTURES, f), 'utf8') };
}

export async function startBrregTjener(modus: Modus = 'normal'): Promise<BrregTjener> {
  const sett = new Set<string>();
  const henger: ServerResponse[] = [];
  const t: Partial<BrregTjener> & { foresporsler: string[]; modus: Modus } = { foresporsler: [], modus };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    t.foresporsler.push(url);
    if (t.modus === 'henger') {
      henger.push(res);
      return;
    }
    if (t.modus === 'feil-forst' && !sett.has(url)) {
      sett.add(url);
      res.writeHead(503, { 'Content-Type': 'text/plain' }).end('Service Unavailable');
      return;
    }
    let m = /^\/enhetsregisteret\/api\/enheter\/(\d{9})$/.exec(url);
    let svar: { status: number; kropp: string } | null = null;
    if (m) svar = finnSvar('enhet', m[1]!);
    m = /^\/enhetsregisteret\/api\/underenheter\/(\d{9})$/.exec(url);
    if (m) svar = finnSvar('underenhet', m[1]!);
    m = /^\/regnskapsregisteret\/regnskap\/(\d{9})$/.exec(url);
    if (m) svar = finnSvar('regnskap', m[1]!);
    if (!svar) {
      res
        .writeHead(400, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ status: 400, feilmelding: 'Feilaktig forespørsel', sti: url }));
      return;
    }
    res.writeHead(svar.status, svar.kropp ? { 'Content-Type': 'application/json;charset=UTF-8' } : {}).end(svar.kropp);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  t.enhetUrl = `http://127.0.0.1:${port}/enhetsregisteret/api`;
  t.regnskapUrl = `http://127.0.0.1:${port}/regnskapsregisteret/regnskap`;
  t.env = () => ({ NH_BRREG_URL: t.enhetUrl!, NH_REGNSKAP_URL: t.regnskapUrl! });
  t.lukk = async () => {
    for (const r of henger) r.destroy();
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  };
  return t as BrregTjener;
}

/** En port der ingen lytter (lyttet og lukket): ECONNREFUSED, som et frakoblet nett. */
export async function dodUrl(): Promise<Record<string, string>> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return {
    NH_BRREG_URL: `http://127.0.0.1:${port}/enhetsregisteret/api`,
    NH_REGNSKAP_URL: `http://127.0.0.1:${port}/regnskapsregisteret/regnskap`,
  };
}

/** Før: en asynkron barneprosess. nh() kjører nå i samme prosess og er asynkron, så tjeneren kan svare. */
export function nhAsync(args: string[], opts: { env?: Record<string, string | undefined> } = {}): Promise<NhKjoring> {
  return nh(args, opts);
}
