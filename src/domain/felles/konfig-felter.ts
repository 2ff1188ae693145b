/**
 * Felt i nh.json som flere seksjoner bruker: beløp i kroner (tall eller norsk tekst) → øre innenfor et rimelig
 * spenn, og organisasjonsnummer (MOD11). Ligger i felles/, så både konfig/config.ts og seksjonsskjemaene i
 * regelområdene (faktura/oppsett.ts, som config.ts importerer) kan bruke dem uten en importsirkel.
 */
import { z } from 'zod';
import { parseDesimal, fraFlyttall, MAKS_BELOP_ORE } from './tall.js';
import { formatKroner, type Ore } from './penger.js';
import { erGyldigOrgnr, normaliserOrgnr } from './orgnr.js';

/** Kroner (tall eller norsk tekst) → øre, innenfor [minst, maks]. */
export const kroner = (
  spenn: { minst: Ore; maks: Ore; hva: string } = { minst: 0, maks: MAKS_BELOP_ORE, hva: 'beløp' },
) =>
  z.union([z.number(), z.string()]).transform((v, ctx): Ore => {
    const r = typeof v === 'number' ? fraFlyttall(v, 2) : parseDesimal(v, 2);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `ugyldig beløp: ${r.grunn}` });
      return z.NEVER;
    }
    if (r.verdi <= 0 && spenn.minst > 0) {
      ctx.addIssue({ code: 'custom', message: `${spenn.hva} må være større enn 0 (fant ${formatKroner(r.verdi)} kr)` });
      return z.NEVER;
    }
    if (r.verdi < spenn.minst || r.verdi > spenn.maks) {
      const nedre = spenn.minst === 0 ? '0' : formatKroner(spenn.minst).replace(/,00$/, '');
      ctx.addIssue({
        code: 'custom',
        message: `${formatKroner(r.verdi)} kr er utenfor det som er rimelig for ${spenn.hva} (forventet ${nedre}–${formatKroner(spenn.maks).replace(/,00$/, '')} kr)`,
      });
      return z.NEVER;
    }
    return r.verdi;
  });

/** Organisasjonsnummer: ni sifre med gyldig MOD11-kontrollsiffer (mellomrom tillatt). */
export const orgnrFelt = z.string().transform((v, ctx) => {
  const s = normaliserOrgnr(v);
  if (!erGyldigOrgnr(s)) {
    ctx.addIssue({ code: 'custom', message: 'ugyldig organisasjonsnummer (ni sifre, MOD11)' });
    return z.NEVER;
  }
  return s;
});
