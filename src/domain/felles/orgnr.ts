/**
 * Organisasjonsnummer: ni sifre der det siste er et MOD11-kontrollsiffer med vektene 3,2,7,6,5,4,3,2
 * (Brønnøysundregistrene). Rest 1 gir ugyldig nummer; rest 0 gir kontrollsiffer 0.
 */
const VEKTER = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Fjerner mellomrom/punktum som folk skriver i orgnr («923 456 789», «NO 923456789 MVA»). */
export function normaliserOrgnr(raa: string): string {
  return raa
    .replace(/^NO/i, '')
    .replace(/MVA$/i, '')
    .replace(/[\s.\u00a0-]/g, '');
}

export function kontrollsiffer(forsteÅtte: string): number | null {
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(forsteÅtte[i]) * (VEKTER[i] ?? 0);
  const rest = s % 11;
  if (rest === 0) return 0;
  if (rest === 1) return null;
  return 11 - rest;
}

export function erGyldigOrgnr(orgnr: string): boolean {
  if (!/^\d{9}$/.test(orgnr)) return false;
  return kontrollsiffer(orgnr.slice(0, 8)) === Number(orgnr[8]);
}

/** Hvorfor et orgnr er ugyldig, på norsk, eller null om det er gyldig. */
export function orgnrFeil(orgnr: string): string | null {
  if (!/^\d+$/.test(orgnr)) return 'et organisasjonsnummer består bare av sifre';
  if (orgnr.length !== 9) return `et organisasjonsnummer har ni sifre (fikk ${orgnr.length})`;
  if (!erGyldigOrgnr(orgnr)) return 'kontrollsifferet (MOD11) stemmer ikke';
  return null;
}
