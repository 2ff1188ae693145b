/**
 * Rapportmodellen: kolonner med type og rader med rene verdier. Samme modell gir tekst, CSV og xlsx,
 * så tallene i de tre er de samme. Verdiene er domenets heltall: beløp i øre, prosent i ppm,
 * timer i hundredeler, kurs ×10 000, dato som ISO-streng.
 */
/** `nummer` er et heltall som ikke er en mengde (år, radnummer): vises uten tusenskille. */
export type Celletype = 'tekst' | 'belop' | 'prosent' | 'timer' | 'dato' | 'heltall' | 'nummer' | 'kurs' | 'janei';
export type Celleverdi = string | number | boolean | null | undefined;
export type Rad = Record<string, Celleverdi>;

/**
 * `tekstIExcel`: sifre som må bli stående som tekst når norsk Excel åpner CSV-en (en KID med 0 foran): skrives
 * som Excels tekstformel `="0100014"`, som nh leser tilbake som 0100014.
 */
export type Kolonne = { nokkel: string; overskrift: string; type: Celletype; tekstIExcel?: boolean };

/** Tegn som får et regneark til å tolke tekst som formel (CSV/formelinjeksjon, OWASP). */
const FARLIG_START = /^[=+\-@\t\r]/;

/** Nøytraliserer tekst som ellers kunne blitt en formel i Excel: et innledende «'». */
export function noytraliser(s: string): string {
  return FARLIG_START.test(s) ? `'${s}` : s;
}

/**
 * Det motsatte av `noytraliser` og av `tekstIExcel` når en CSV-celle leses (issue 23 pkt. 7): «'-Alfa» → «-Alfa»,
 * `="0100014"` → «0100014». Lesingen gjør nøyaktig om det skrivingen gjorde, så en uendret verdi leses uendret.
 */
export function avnoytraliser(s: string): string {
  if (s.length > 1 && s[0] === "'" && FARLIG_START.test(s.slice(1))) return s.slice(1);
  const m = /^="([^"]*)"$/.exec(s);
  return m ? m[1]! : s;
}

/** Verdi → norsk tekst for CSV (desimalkomma, ingen tusenskille, dd.mm.åååå). */
export function somCsvTekst(v: Celleverdi, type: Celletype): string {
  if (v === null || v === undefined) return '';
  switch (type) {
    case 'belop':
    case 'timer':
      return skalertTekst(Number(v), 2);
    case 'prosent':
      return skalertTekst(Number(v), 4, 10_000);
    case 'kurs':
      return skalertTekst(Number(v), 4);
    case 'heltall':
    case 'nummer':
      return String(v);
    case 'janei':
      return v ? 'ja' : 'nei';
    case 'dato': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v));
      return m ? `${m[3]}.${m[2]}.${m[1]}` : noytraliser(String(v));
    }
    default:
      return noytraliser(String(v));
  }
}

/** Skalert heltall → «1234,5» / «-12,25» (etterfølgende nuller i desimalene kuttes ned til `min`). */
export function skalertTekst(
  n: number,
  desimaler: number,
  deler = 10 ** desimaler,
  minDesimaler = desimaler === 2 ? 2 : 0,
): string {
  const neg = n < 0;
  const abs = Math.abs(n);
  const hel = Math.floor(abs / deler);
  let brok = String(abs % deler).padStart(Math.round(Math.log10(deler)), '0');
  while (brok.length > minDesimaler && brok.endsWith('0')) brok = brok.slice(0, -1);
  return `${neg ? '-' : ''}${hel}${brok ? `,${brok}` : ''}`;
}

/** Verdi → tall slik det skal stå i en xlsx-celle (kroner, brøk for prosent, timer). */
export function somXlsxTall(v: number, type: Celletype): number {
  switch (type) {
    case 'belop':
    case 'timer':
      return v / 100;
    case 'prosent':
      return v / 1_000_000;
    case 'kurs':
      return v / 10_000;
    default:
      return v;
  }
}
