/**
 * Issue 19 pkt. 9: flagg slik brukerne skriver dem. Koden definerer flaggene i ASCII (`--ar` → `valg.ar`);
 * brukerne skriver `--år`, `--halvår`, `--forhåndsvis`. Begge stavemåtene godtas (asciiArgv i main.ts gjør de
 * norske om før commander ser dem). Hjelpen og meldingene viser den norske — og en feil om et flagg siterer
 * det brukeren faktisk skrev (`--ar` når hen skrev `--ar`).
 */
import { gjeldende } from './prosess.js';

/** ASCII-navnet i koden → slik det skrives på norsk. Samme lengde, så hjelpens kolonner står. */
const NORSKE_FLAGG: Readonly<Record<string, string>> = {
  '--ar': '--år',
  '--halvar': '--halvår',
  '--forhandsvis': '--forhåndsvis',
  '--maltall': '--måltall',
  '--redningsstotte': '--redningsstøtte',
};

const tilAscii = (s: string) =>
  s.replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/Æ/g, 'Ae').replace(/Ø/g, 'O').replace(/Å/g, 'A');

/**
 * Flagg og kommandonavn er ASCII i koden (`--ar`, `--halvar`, `aarsrapport`); brukere skriver gjerne
 * `--år`, `--halvår`, `--forhåndsvis` og `årsrapport`. Navnene (ikke verdiene) translittereres; `skrevet`
 * får ASCII-navnet → det brukeren skrev, så meldingene kan sitere det.
 */
export function asciiArgv(argv: string[], skrevet: Map<string, string> = new Map()): string[] {
  let forsteArg = true;
  return argv.map((a, i) => {
    if (i < 2) return a;
    if (a === '--') forsteArg = false;
    if (a.startsWith('--')) return asciiFlagg(a, skrevet);
    if (forsteArg && !a.startsWith('-')) {
      forsteArg = false;
      return a === 'årsrapport' ? 'aarsrapport' : a;
    }
    return a;
  });
}

/** Ett `--flagg[=verdi]`: navnet i ASCII (verdien urørt), og husker hvordan et norsk flagg ble skrevet. */
function asciiFlagg(a: string, skrevet: Map<string, string>): string {
  const [navn = '', ...verdi] = a.split('=');
  const ascii = tilAscii(navn);
  if (ascii in NORSKE_FLAGG) skrevet.set(ascii, navn);
  return ascii !== navn ? [ascii, ...verdi].join('=') : a;
}

/** Et flagg slik meldingene skal vise det: som brukeren skrev det i denne kjøringen, ellers norsk. */
function vistFlagg(ascii: string): string {
  return gjeldende().skrevneFlagg?.get(ascii) ?? NORSKE_FLAGG[ascii] ?? ascii;
}

const MONSTER = Object.entries(NORSKE_FLAGG).map(([ascii, norsk]) => ({
  ascii,
  // Begge stavemåtene, men ikke som begynnelsen på et lengre flagg (`--ar` i `--arbeidsgiveravgift`).
  re: new RegExp(`(?:${ascii}|${norsk})(?![\\wæøåÆØÅ-])`, 'g'),
}));

/** Alle flaggnavn i en tekst (hjelp, feilmelding) slik `vistFlagg` viser dem. */
export function medVisteFlagg(tekst: string): string {
  let ut = tekst;
  for (const m of MONSTER) if (ut.includes('--')) ut = ut.replace(m.re, vistFlagg(m.ascii));
  return ut;
}
