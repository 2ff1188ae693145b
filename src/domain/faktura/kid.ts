/**
 * KID (kundeidentifikasjon) og bankkontonummer — kontrollsiffer etter bankenes standard:
 * MOD10 (Luhn: vekter 2,1,2,1 … fra høyre) og MOD11 (vekter 2,3,4,5,6,7 gjentatt fra høyre; rest 0 → 0,
 * 11 − rest = 10 → «-»). Et norsk kontonummer er 11 sifre der det siste er MOD11-kontrollsiffer
 * (vektene 5,4,3,2,7,6,5,4,3,2); kontrollsiffer 10 betyr at nummeret er ugyldig.
 *
 *   lagKid('10001', { metode: 'MOD10', lengde: 7 })  // '0100014' (grunnlaget fylt med 0 foran)
 */
export type KidMetode = 'MOD10' | 'MOD11';

export function mod10(sifre: string): string {
  let sum = 0;
  for (let i = 0; i < sifre.length; i++) {
    let d = Number(sifre[sifre.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function mod11(sifre: string): string {
  let sum = 0;
  for (let i = 0; i < sifre.length; i++) sum += Number(sifre[sifre.length - 1 - i]) * (2 + (i % 6));
  const k = 11 - (sum % 11);
  return k === 11 ? '0' : k === 10 ? '-' : String(k);
}

/**
 * KID av et tallgrunnlag (fakturanummeret): grunnlaget fylles med 0 foran til `lengde − 1` sifre og får
 * kontrollsifferet bakerst. Med `prefiks` (ett siffer) står det sifferet først, så KID-ene nh lager aldri er like
 * dem regnskapssystemet lager på samme konto. Gir en feilmelding (tekst) når grunnlaget ikke er sifre eller er for
 * langt.
 */
export function lagKid(
  grunnlag: string,
  o: { metode: KidMetode; lengde: number; prefiks?: string | undefined },
): { kid: string } | { feil: string } {
  if (!/^\d+$/.test(grunnlag)) return { feil: `KID-grunnlaget «${grunnlag}» må være bare sifre` };
  const pre = o.prefiks ?? '';
  const plass = o.lengde - 1 - pre.length;
  if (grunnlag.length > plass) {
    const hva = pre ? `prefiks ${pre} + ${grunnlag.length}` : String(grunnlag.length);
    return {
      feil: `fakturanummeret ${grunnlag} får ikke plass i en KID på ${o.lengde} sifre (${hva} + kontrollsiffer)`,
    };
  }
  const g = pre + grunnlag.padStart(plass, '0');
  return { kid: g + (o.metode === 'MOD10' ? mod10(g) : mod11(g)) };
}

export function erGyldigKid(kid: string, metode: KidMetode): boolean {
  if (!/^\d+[\d-]$/.test(kid) || kid.length < 2) return false;
  const g = kid.slice(0, -1);
  return (metode === 'MOD10' ? mod10(g) : mod11(g)) === kid.slice(-1);
}

/** «1503 12 34567» / «1503.12.34567» → «15031234567». */
export function normaliserKontonummer(raa: string): string {
  return raa.replace(/[\s.]/g, '');
}

/** Norsk bankkontonummer: 11 sifre, MOD11 med vektene 5,4,3,2,7,6,5,4,3,2. */
export function erGyldigKontonummer(raa: string): boolean {
  const s = normaliserKontonummer(raa);
  if (!/^\d{11}$/.test(s)) return false;
  const vekter = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(s[i]) * vekter[i]!;
  const rest = sum % 11;
  const k = rest === 0 ? 0 : 11 - rest;
  return k !== 10 && k === Number(s[10]);
}
