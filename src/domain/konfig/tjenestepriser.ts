/**
 * Issue 11 pkt. 4: en nøkkel i nh.json `faktura.tjenestepriser` med skrivefeil i tjenestens navn blir aldri
 * brukt, og timene faktureres da til en annen pris (ansattes eller standard) uten et ord. En pris som ikke
 * treffer noen tjeneste i periodens timer, mens en tjeneste uten pris ligner den, er en feil med begge navnene.
 * En pris for en tjeneste som ikke er brukt i perioden (og ikke ligner noen), er lov.
 */
import { feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { naermeste } from '../felles/naermeste.js';
import { normaliserNavn } from '../felles/felter.js';

export function feilstavedeTjenestepriser(
  tjenester: Iterable<string | undefined>,
  prisnavn: readonly string[],
  fil = 'nh.json',
): Diagnostikk[] {
  const medPris = new Set(prisnavn.map(normaliserNavn));
  const brukte = new Map<string, string>(); // normalisert → slik det står i timer
  // Hver timerad har en tjeneste, men de er få og gjentas: hver skrivemåte normaliseres bare én gang.
  const sett = new Set<string>();
  for (const t of tjenester) {
    if (!t?.trim() || sett.has(t)) continue;
    sett.add(t);
    if (!brukte.has(normaliserNavn(t))) brukte.set(normaliserNavn(t), t.trim());
  }
  const utenPris = [...brukte.entries()].filter(([n]) => !medPris.has(n)).map(([, t]) => t);
  const ds: Diagnostikk[] = [];
  for (const navn of prisnavn) {
    if (brukte.has(normaliserNavn(navn))) continue;
    const naer = naermeste(navn, utenPris);
    if (!naer) continue;
    ds.push(
      feil(
        'tjenestepris-feilstavet',
        `Tjenesten «${navn}» finnes ikke i timer.csv for perioden, men «${naer}» gjør det (uten egen pris); prisen ville ikke blitt brukt.`,
        { fil, kolonne: `faktura.tjenestepriser.${navn}` },
        {
          forventet: `tjenestens navn slik det står i timer (skriv «${naer}»)`,
        },
      ),
    );
  }
  return ds;
}
