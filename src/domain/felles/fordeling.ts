/**
 * Fordeling av et heltall (øre) på linjer etter vekt med største-rest-metoden (Hamilton): hver linje får
 * gulvet av sin eksakte andel, og de øre som gjenstår går til linjene med størst rest (likt: den første).
 * Summen av delene er alltid nøyaktig `total`. Brukes når egenandel og mva regnes per faktura og så
 * fordeles på fakturalinjene (docs/faktura.md «Avrunding»).
 *
 *   fordelStorsteRest(10, [1, 1, 1])  // [4, 3, 3]
 */
export function fordelStorsteRest(total: number, vekter: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('total må være et heltall');
  const sumVekt = vekter.reduce((s, v) => s + v, 0);
  if (vekter.length === 0) {
    if (total !== 0) throw new RangeError('kan ikke fordele et beløp på null linjer');
    return [];
  }
  if (sumVekt === 0) {
    // Ingen vekt: alt på første linje (skjer bare når total også er 0 i praksis).
    return vekter.map((_, i) => (i === 0 ? total : 0));
  }
  const fortegn = total < 0 ? -1n : 1n;
  const t = BigInt(Math.abs(total));
  const sv = BigInt(sumVekt);
  const deler = vekter.map((v, i) => {
    const teller = t * BigInt(v);
    return { i, gulv: teller / sv, rest: teller % sv };
  });
  let igjen = t - deler.reduce((s, d) => s + d.gulv, 0n);
  const rekkefolge = [...deler].sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const d of rekkefolge) {
    if (igjen <= 0n) break;
    d.gulv += 1n;
    igjen -= 1n;
  }
  return deler.map((d) => Number(d.gulv * fortegn));
}
