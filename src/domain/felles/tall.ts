/**
 * Tolkning av tall slik norsk Excel eksporterer dem: «1 234,50», «1.234,50», «1234.5», «-12», «75 %».
 * Resultatet er et eksakt skalert heltall (f.eks. øre), aldri et flyttall som regnes videre.
 *
 * Tvetydig punktum: «1.234» (ett punktum, tre sifre etter, ikke ledende 0) leses som tusenskille i et felt
 * med høyst to desimaler (beløp, timer), fordi norsk Excel bruker punktum som tusenskille; «1.5» og «0.125»
 * leses som desimalpunktum. I felt med flere desimaler (kurs, prosent) er «11.603» et desimaltall, som «11,603».
 *
 * Avvist fordi det ikke finnes én sikker tolkning (docs/datasett.md «Tall»):
 * - «650,000» der feltet har høyst to desimaler: tusenskille (650 000) eller desimalkomma (650)?
 * - mellomrom som ikke står mellom tregrupper («65 00 00», «1 2 3»);
 * - fortegn inne i en parentes («(-650 000)»): regnskapsparentes og minus sammen.
 */

/**
 * Største beløp nh leser i én celle eller ett felt: 1 milliard kroner (i øre). Langt over noe en næringshage
 * fører, og så lite at summer av millioner av linjer fortsatt er eksakte heltall (issue 11 pkt. 16).
 */
export const MAKS_BELOP_ORE = 100_000_000_000;

const MELLOMROM_TEGN = "\\s\\u00a0\\u202f\\u2009'";
const HAR_MELLOMROM = new RegExp(`[${MELLOMROM_TEGN}]`);
const MELLOMROM = new RegExp(`[${MELLOMROM_TEGN}]`, 'g');
/** Heltallsdel med mellomrom som tusenskille: «1 234», «12 345 678»; eventuelt desimaler etter «,» eller «.». */
const GRUPPERT = new RegExp(`^\\d{1,3}([${MELLOMROM_TEGN}]\\d{3})+([.,]\\d+)?$`);

export type Tolket = { ok: true; verdi: number } | { ok: false; grunn: string };

/** Gir heltallet verdi×10^desimaler, eller en feiltekst. */
export function parseDesimal(raa: string, maksDesimaler: number): Tolket {
  const fortegn = lesFortegn(normaliser(raa));
  if ('grunn' in fortegn) return { ok: false, grunn: fortegn.grunn };
  const { neg } = fortegn;
  let s = fortegn.s;
  if (s === '') return { ok: false, grunn: 'tomt tall' };
  if (HAR_MELLOMROM.test(s)) {
    if (!GRUPPERT.test(s))
      return { ok: false, grunn: 'mellomrom bare som tusenskille mellom grupper på tre sifre, f.eks. «650 000»' };
    s = s.replace(MELLOMROM, '');
  }
  if (maksDesimaler < 3 && /^[1-9]\d{0,2},\d{3}$/.test(s)) {
    return {
      ok: false,
      grunn: `tvetydig: komma kan være tusenskille eller desimalkomma — skriv «${s.replace(',', ' ')}» eller «${s.replace(/\d$/, '')}»`,
    };
  }
  const deler = splittTall(s, maksDesimaler);
  if ('grunn' in deler) return { ok: false, grunn: deler.grunn };
  const heltall = deler.heltall === '' ? '0' : deler.heltall;
  const { brok } = deler;
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

type Feil = { grunn: string };
type Deler = { heltall: string; brok: string };

/** Fjerner «kr»/«NOK» foran eller bak og gjør typografisk minus (U+2212) til «-». */
function normaliser(raa: string): string {
  return raa
    .trim()
    .replace(/^kr\.?\s*/i, '')
    .replace(/\s*(kr|nok)\.?$/i, '')
    .replace(/\u2212/g, '-')
    .trim();
}

/** Regnskapsparentes, «-» eller «+» foran; gir resten av teksten og om tallet er negativt. */
function lesFortegn(s: string): { neg: boolean; s: string } | Feil {
  if (s.startsWith('(') && s.endsWith(')')) {
    const inni = s.slice(1, -1).trim();
    if (/^[-+]/.test(inni)) return { grunn: 'fortegn inne i parentesen (tvetydig: parentes betyr allerede minus)' };
    return { neg: true, s: inni };
  }
  if (s.startsWith('-')) return { neg: true, s: s.slice(1).trimStart() };
  if (s.startsWith('+')) return { neg: false, s: s.slice(1).trimStart() };
  return { neg: false, s };
}

/** Deler teksten (uten fortegn og mellomrom) i heltallsdel og brøkdel etter hvilke skilletegn den har. */
function splittTall(s: string, maksDesimaler: number): Deler | Feil {
  const komma = s.lastIndexOf(',');
  const punkt = s.lastIndexOf('.');
  if (komma >= 0 && punkt >= 0) return splittBeggeSkilletegn(s, komma > punkt ? ',' : '.');
  if (komma >= 0) return splittEttSkilletegn(s, ',', false);
  if (punkt >= 0) {
    // «1.234» som tusenskille bare i beløp/timer (høyst to desimaler); i kurs og prosent er «11.603» 11,603.
    const tusenPunktum = maksDesimaler < 3 && /^[1-9]\d{0,2}\.\d{3}$/.test(s);
    return splittEttSkilletegn(s, '.', tusenPunktum);
  }
  return { heltall: s, brok: '' };
}

/** Både komma og punktum: det siste er desimaltegnet, det andre tusenskille. */
function splittBeggeSkilletegn(s: string, des: ',' | '.'): Deler | Feil {
  const tusen = des === ',' ? '.' : ',';
  const [h, b, ...rest] = s.split(des);
  if (rest.length > 0 || b === undefined) return { grunn: 'flere desimaltegn' };
  const heltall = fjernTusen(h ?? '', tusen) ?? '';
  if (heltall === '' && h !== '') return { grunn: 'feil plassert tusenskille' };
  return { heltall, brok: b };
}

/** Bare ett slags skilletegn: flere av dem (eller `somTusen`) betyr tusenskille, ellers desimaltegn. */
function splittEttSkilletegn(s: string, skille: ',' | '.', somTusen: boolean): Deler | Feil {
  const deler = s.split(skille);
  if (deler.length > 2 || somTusen) {
    const h = fjernTusen(s, skille);
    if (h === null) return { grunn: 'feil plassert tusenskille' };
    return { heltall: h, brok: '' };
  }
  return { heltall: deler[0] ?? '', brok: deler[1] ?? '' };
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
export function fraFlyttall(
  n: number,
  maksDesimaler: number,
): { ok: true; verdi: number } | { ok: false; grunn: string } {
  if (!Number.isFinite(n)) return { ok: false, grunn: 'ikke et endelig tall' };
  const skalert = n * 10 ** maksDesimaler;
  const rundet = Math.round(skalert);
  // Støy fra formler er noen få ulp (relativt ~1e-15); 985 000,125 kr er 0,5 øre unna og er en ekte tredje
  // desimal, som i CSV: avvises (toleransen var før relativ 1e-6 og slapp gjennom en halv øre for store beløp).
  if (Math.abs(skalert - rundet) > Math.max(1e-6, Math.abs(skalert) * 1e-12)) {
    return { ok: false, grunn: `for mange desimaler (høyst ${maksDesimaler})` };
  }
  if (!Number.isSafeInteger(rundet)) return { ok: false, grunn: 'tallet er for stort' };
  return { ok: true, verdi: rundet === 0 ? 0 : rundet };
}
