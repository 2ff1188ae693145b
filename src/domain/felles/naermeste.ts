/**
 * Nærmeste kandidat til noe brukeren skrev (skrivefeil i en nøkkel, en overskrift, et navn). Brukt for forslag
 * («mente du …?») i nh.json, datasettenes overskrifter og timelistenes målbedrifter (issue 19 pkt. 4).
 */

/** Nærmeste kandidat (store/små bokstaver teller ikke; høyst en tredjedel av tegnene feil, minst 2). */
export function naermeste(
  ord: string,
  kandidater: readonly string[],
  normaliser = (s: string) => s.toLowerCase(),
): string | null {
  let best: string | null = null;
  let bestAvstand = Infinity;
  const n = normaliser(ord);
  for (const k of kandidater) {
    const d = avstand(n, normaliser(k));
    if (d < bestAvstand) {
      best = k;
      bestAvstand = d;
    }
  }
  return best !== null && bestAvstand <= Math.max(2, Math.floor(n.length / 3)) ? best : null;
}

/** Levenshtein-avstanden mellom to tekster. */
function avstand(a: string, b: string): number {
  const forrige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = forrige[0]!;
    forrige[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = forrige[j]!;
      forrige[j] = Math.min(forrige[j]! + 1, forrige[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return forrige[b.length]!;
}
