/**
 * Tolkning av tall slik norsk Excel eksporterer dem: «1 234,50», «1.234,50», «1234.5», «-12», «75 %».
 * Resultatet er et eksakt skalert heltall (f.eks. øre), aldri et flyttall som regnes videre.
 *
 * Tvetydig punktum: «1.234» (ett punktum, tre sifre etter, ikke ledende 0) leses som tusenskille,
 * fordi norsk Excel bruker punktum som tusenskille; «1.5» og «0.125» leses som desimalpunktum.
 */
export type Skalert = { verdi: number; desimaler: number };

const MELLOMROM = /[\s\u00a0\u202f\u2009']/g;

/** Gir heltallet verdi×10^desimaler, eller en feiltekst. */
export function parseDesimal(raa: string, maksDesimaler: number): { ok: true; verdi: number } | { ok: false; grunn: string } {
  let s = raa.trim().replace(MELLOMROM, '').replace(/^kr\.?/i, '').replace(/(kr|nok)\.?$/i, '');
  s = s.replace(/\u2212/g, '-');
  let neg = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    neg = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    neg = !neg;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (s === '') return { ok: false, grunn: 'tomt tall' };
  const komma = s.lastIndexOf(',');
  const punkt = s.lastIndexOf('.');
  let heltall: string;
  let brok = '';
  if (komma >= 0 && punkt >= 0) {
    const des = komma > punkt ? ',' : '.';
    const tusen = des === ',' ? '.' : ',';
    const [h, b, ...rest] = s.split(des);
    if (rest.length > 0 || b === undefined) return { ok: false, grunn: 'flere desimaltegn' };
    heltall = fjernTusen(h ?? '', tusen) ?? '';
    if (heltall === '' && h !== '') return { ok: false, grunn: 'feil plassert tusenskille' };
    brok = b;
  } else if (komma >= 0) {
    const deler = s.split(',');
    if (deler.length > 2) {
      const h = fjernTusen(s, ',');
      if (h === null) return { ok: false, grunn: 'feil plassert tusenskille' };
      heltall = h;
    } else {
      heltall = deler[0] ?? '';
      brok = deler[1] ?? '';
    }
  } else if (punkt >= 0) {
    const deler = s.split('.');
    if (deler.length > 2 || /^[1-9]\d{0,2}\.\d{3}$/.test(s)) {
      const h = fjernTusen(s, '.');
      if (h === null) return { ok: false, grunn: 'feil plassert tusenskille' };
      heltall = h;
    } else {
      heltall = deler[0] ?? '';
      brok = deler[1] ?? '';
    }
  } else {
    heltall = s;
  }
  if (heltall === '') heltall = '0';
  if (!/^\d+$/.test(heltall) || !/^\d*$/.test(brok)) return { ok: false, grunn: 'ikke et tall' };
  const trimmetBrok = brok.replace(/0+$/, '');
  if (trimmetBrok.length > maksDesimaler) {
    return { ok: false, grunn: `for mange desimaler (høyst ${maksDesimaler})` };
  }
  const samlet = heltall + trimmetBrok.padEnd(maksDesimaler, '0');
  const n = Number(samlet);
  if (!Number.isSafeInteger(n)) return { ok: false, grunn: 'tallet er for stort' };
  return { ok: true, verdi: neg && n !== 0 ? -n : n };
}

function fjernTusen(s: string, skille: string): string | null {
  const grupper = s.split(skille);
  const forste = grupper[0] ?? '';
  if (!/^\d{1,3}$/.test(forste)) return null;
  for (const g of grupper.slice(1)) if (!/^\d{3}$/.test(g)) return null;
  return grupper.join('');
}

/**
 * Et tall fra en Excel-celle (flyttall) til skalert heltall. Formelresultater som 0,1+0,2 gir støy
 * i 15. siffer; vi godtar avvik under 1e-6 av én enhet i siste desimal og avviser ellers.
 */
export function fraFlyttall(n: number, maksDesimaler: number): { ok: true; verdi: number } | { ok: false; grunn: string } {
  if (!Number.isFinite(n)) return { ok: false, grunn: 'ikke et endelig tall' };
  const skalert = n * 10 ** maksDesimaler;
  const rundet = Math.round(skalert);
  if (Math.abs(skalert - rundet) > 1e-6 * Math.max(1, Math.abs(skalert)) && Math.abs(skalert - rundet) > 1e-6) {
    return { ok: false, grunn: `for mange desimaler (høyst ${maksDesimaler})` };
  }
  if (!Number.isSafeInteger(rundet)) return { ok: false, grunn: 'tallet er for stort' };
  return { ok: true, verdi: rundet === 0 ? 0 : rundet };
}
