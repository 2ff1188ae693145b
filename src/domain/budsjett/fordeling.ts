/** Programveileder 10.2: fordelingen 25 % / 75 % av Sivas programtilskudd. Rent domene. */
import { advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { mulDivRund, PPM, type Ore, type Ppm } from '../felles/penger.js';
import type { Tilskudd } from '../datasett/tilskudd.js';

// ————— Fordelingen 25 % / 75 % (10.2) —————

/** Programveileder 10.2 (figuren): 25 % av tilskuddet til administrasjon og gjennomføring, 75 % til art. 28. */
const ADM_ANDEL_10_2: Ppm = 250_000;

export type Fordeling = {
  ar: number;
  /** Sivas tilskudd til administrasjon og gjennomføring for året. */
  administrasjon: Ore;
  /** Sivas innovasjonstilskudd (art. 28) for året (uten overført, uten andre givere). */
  innovasjon: Ore;
  /** administrasjon / (administrasjon + innovasjon), ppm. */
  andelAdministrasjon: Ppm;
  /** 25 % av programtilskuddet fra Siva. */
  takAdministrasjon: Ore;
};

const erSivaGiver = (giver: string | undefined) => !giver || /\bsiva\b/i.test(giver);

/**
 * Programveileder 10.2: Sivas programtilskudd fordeles med 25 % til administrasjons- og gjennomføringskostnader
 * (ikke statsstøtte) og 75 % til innovasjonsstøtte (art. 28). Regnes av tilskudd med giver Siva (eller tom giver)
 * for året; fylkeskommunens og andres art. 28-midler er ikke Sivas programtilskudd. Advarsel med tallene når
 * administrasjonsdelen av tilskuddet, eller budsjettet, er mer enn 25 %. Uten innovasjonstilskudd fra Siva for året
 * kan fordelingen ikke kontrolleres (null).
 */
export function kontrollerFordeling(
  aar: number,
  tilskudd: readonly Tilskudd[],
  budsjett?: Ore,
): { fordeling: Fordeling | null; advarsler: Diagnostikk[] } {
  const sum = (type: Tilskudd['type']) =>
    tilskudd.filter((t) => t.ar === aar && t.type === type && erSivaGiver(t.giver)).reduce((s, t) => s + t.belop, 0);
  const administrasjon = sum('administrasjon');
  const innovasjon = sum('innovasjon');
  if (innovasjon === 0 || administrasjon === 0) return { fordeling: null, advarsler: [] };
  const total = administrasjon + innovasjon;
  const fordeling: Fordeling = {
    ar: aar,
    administrasjon,
    innovasjon,
    andelAdministrasjon: mulDivRund(administrasjon, PPM, total),
    takAdministrasjon: mulDivRund(total, ADM_ANDEL_10_2, PPM),
  };
  const pst = (p: Ppm) => `${(p / 10_000).toLocaleString('nb-NO', { maximumFractionDigits: 2 })} %`;
  const kr = (o: Ore) =>
    `${(o / 100).toLocaleString('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr`;
  const ds: Diagnostikk[] = [];
  // Eksakt: administrasjon > 25 % av totalen ⇔ 4 × administrasjon > totalen.
  if (administrasjon * 4 > total) {
    ds.push(
      advarsel(
        'fordeling-10-2',
        `Sivas tilskudd til administrasjon og gjennomføring for ${aar} er ${kr(administrasjon)} av ${kr(total)} ` +
          `(innovasjon ${kr(innovasjon)}) = ${pst(fordeling.andelAdministrasjon)}, mer enn 25 % i fordelingen 25/75 i programveileder 10.2. ` +
          `Kontroller tilsagnsbrevet fra Siva.`,
        { fil: 'tilskudd' },
        { verdi: pst(fordeling.andelAdministrasjon), forventet: 'høyst 25 %' },
      ),
    );
  }
  if (budsjett !== undefined && budsjett > fordeling.takAdministrasjon) {
    ds.push(
      advarsel(
        'budsjett-over-25',
        `Budsjettet for administrasjon og gjennomføring ${aar} (${kr(budsjett)}) er mer enn 25 % av Sivas ` +
          `programtilskudd (${kr(total)} × 25 % = ${kr(fordeling.takAdministrasjon)}), programveileder 10.2.`,
        { fil: 'tilskudd' },
        { verdi: kr(budsjett), forventet: `høyst ${kr(fordeling.takAdministrasjon)}` },
      ),
    );
  }
  return { fordeling, advarsler: ds };
}
