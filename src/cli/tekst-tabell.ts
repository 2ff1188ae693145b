/**
 * Tekst-tabell for terminalen, tilpasset terminalbredden (issue 16 pkt. 14): er tabellen for bred, kortes
 * tekstkolonner med «…», så slippes kolonner kalleren har merket som minst nødvendige, og til sist vises
 * én blokk per rad. Et tall brytes eller kortes aldri. Uten bredde (pipe, fil) er tabellen som den er.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

export type TabellValg = {
  /** Tegn tilgjengelig per linje; undefined/null = ingen grense (ikke en terminal). Minst 80 brukes. */
  bredde?: number | null;
  /** Kolonner (indekser) som kan slippes når tabellen ikke får plass, den minst nødvendige først. */
  slipp?: readonly number[];
  /** Fet skrift for overskriftene (chalk.bold fra utskrift.ts). */
  fet?: (s: string) => string;
};

const MELLOMROM = 2;
/** En tekstkolonne kortes ikke under dette (eller overskriftens lengde om den er kortere). */
const MIN_TEKST = 10;
export const MIN_BREDDE = 80;

function synligLengde(s: string): number {
  return s.replace(ANSI, '').length;
}

/** Korter tekst til `n` synlige tegn med «…» til slutt (fargekoder fjernes da). */
export function kort(s: string, n: number): string {
  if (synligLengde(s) <= n) return s;
  const ren = s.replace(ANSI, '');
  return n <= 1 ? '…'.slice(0, n) : `${ren.slice(0, n - 1).trimEnd()}…`;
}

function pad(s: string, n: number, hoyre: boolean): string {
  const fyll = ' '.repeat(Math.max(0, n - synligLengde(s)));
  return hoyre ? fyll + s : s + fyll;
}

function naturligeBredder(hoder: readonly string[], rader: readonly (readonly string[])[]): number[] {
  return hoder.map((h, i) => Math.max(synligLengde(h), ...rader.map((r) => synligLengde(r[i] ?? ''))));
}

function total(bredder: readonly number[]): number {
  return bredder.reduce((s, b) => s + b, 0) + MELLOMROM * Math.max(0, bredder.length - 1);
}

/** En kolonne med bokstaver (navn, tekst) kan kortes; tall og nummer (orgnr, datoer) kortes aldri. */
function kortbare(rader: readonly (readonly string[])[], hoyre: readonly boolean[]): boolean[] {
  return hoyre.map((h, i) => !h && rader.some((r) => /\p{L}/u.test(r[i] ?? '')));
}

/** Kortere tekstkolonner (de bredeste først) til tabellen får plass; null om det ikke går. */
function kortTekst(
  bredder: number[],
  hoder: readonly string[],
  kan: readonly boolean[],
  maks: number,
): number[] | null {
  const b = [...bredder];
  const minst = b.map((x, i) =>
    !kan[i] ? x : Math.min(x, Math.max(MIN_TEKST, Math.min(synligLengde(hoder[i]!), 16))),
  );
  while (total(b) > maks) {
    let valgt = -1;
    for (let i = 0; i < b.length; i++) if (kan[i] && b[i]! > minst[i]! && (valgt < 0 || b[i]! > b[valgt]!)) valgt = i;
    if (valgt < 0) return null;
    b[valgt] = Math.max(minst[valgt]!, b[valgt]! - (total(b) - maks));
  }
  return b;
}

function somTabell(
  hoder: readonly string[],
  rader: readonly (readonly string[])[],
  hoyre: readonly boolean[],
  bredder: readonly number[],
  fet: (s: string) => string,
): string {
  const linje = (r: readonly string[]) =>
    r
      .map((c, i) => pad(kort(c ?? '', bredder[i]!), bredder[i]!, Boolean(hoyre[i])))
      .join(' '.repeat(MELLOMROM))
      .trimEnd();
  return [fet(linje(hoder)), bredder.map((b) => '─'.repeat(b)).join(' '.repeat(MELLOMROM)), ...rader.map(linje)].join(
    '\n',
  );
}

/** Én blokk per rad: første celle som tittel, så «Overskrift: verdi» per linje. */
function somBlokker(
  hoder: readonly string[],
  rader: readonly (readonly string[])[],
  hoyre: readonly boolean[],
  maks: number,
  fet: (s: string) => string,
): string {
  // Tittelen er første kolonne, og den neste også når den er tekst (orgnr + navn).
  const iTittel = hoder.length > 2 && !hoyre[1] ? 2 : 1;
  const etikett = Math.min(Math.max(...hoder.slice(iTittel).map((h) => synligLengde(h))), Math.floor(maks / 2));
  return rader
    .map((r) => {
      const linjer = [fet(kort(r.slice(0, iTittel).filter(Boolean).join('  '), maks))];
      for (let i = iTittel; i < hoder.length; i++) {
        const v = r[i] ?? '';
        if (!v) continue;
        const e = pad(kort(hoder[i]!, etikett), etikett, false);
        linjer.push(`  ${e}  ${hoyre[i] ? v.trim() : kort(v, maks - etikett - 4)}`);
      }
      return linjer.join('\n');
    })
    .join('\n\n');
}

export function tilpassTabell(
  hoder: readonly string[],
  rader: readonly (readonly string[])[],
  hoyre: readonly boolean[],
  valg: TabellValg = {},
): string {
  const fet = valg.fet ?? ((s: string) => s);
  const naturlig = naturligeBredder(hoder, rader);
  if (!valg.bredde || total(naturlig) <= Math.max(MIN_BREDDE, valg.bredde))
    return somTabell(hoder, rader, hoyre, naturlig, fet);
  const maks = Math.max(MIN_BREDDE, valg.bredde);
  const kan = kortbare(rader, hoyre);
  // Kandidater: alle kolonner, så uten de kalleren kan unnvære (én og én til). Den som må korte minst tekst
  // vinner (ved likhet den som slipper færrest), så navn helst står hele.
  let best: { behold: number[]; bredder: number[]; tap: number } | null = null;
  for (let n = 0; n <= (valg.slipp?.length ?? 0); n++) {
    const slipp = new Set(valg.slipp?.slice(0, n));
    const behold = hoder.map((_, k) => k).filter((k) => !slipp.has(k));
    const b = kortTekst(
      behold.map((k) => naturlig[k]!),
      behold.map((k) => hoder[k]!),
      behold.map((k) => kan[k]!),
      maks,
    );
    if (!b) continue;
    const tap = behold.reduce((sum, k, i) => sum + naturlig[k]! - b[i]!, 0);
    if (!best || tap < best.tap) best = { behold, bredder: b, tap };
    if (tap === 0) break;
  }
  if (best) {
    const { behold, bredder } = best;
    const pluk = <T>(xs: readonly T[]) => behold.map((k) => xs[k]!);
    return somTabell(
      pluk(hoder),
      rader.map((r) => pluk(r)),
      pluk(hoyre),
      bredder,
      fet,
    );
  }
  return somBlokker(hoder, rader, hoyre, maks, fet);
}
