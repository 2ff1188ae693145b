/**
 * Måneder som norsk Excel har gjort om til datoer. nh skriver «2026M10» (maanedICsv), men en fil som er
 * åpnet og lagret i Excel før den formen kom, har «okt.26» eller «01.10.2026». Feltet `maaned()` leser dem
 * (tolkMaaned); denne vakten finner dem mens filen leses, så kommandoen kan si fra.
 */
import { tolkMaaned } from '../../domain/felles/dato.js';
import { advarsel, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import type { RadFilter } from './datasett.js';

export type ExcelMaanedVakt = { filter: RadFilter; advarsler: (fil: string | null) => Diagnostikk[] };

/** Et filter for lesDatasett som tar med alle rader og noterer måneder i `kolonne` som Excel har endret. */
export function excelMaanedVakt(kolonne: string): ExcelMaanedVakt {
  const funnet = new Map<string, string>(); // rå verdi → åååå-mm
  let antall = 0;
  const filter: RadFilter = (hent) => {
    const raa = hent(kolonne);
    if (typeof raa === 'string' || typeof raa === 'number' || raa instanceof Date) {
      const t = tolkMaaned(raa);
      if (t?.fraExcel) {
        antall++;
        const vis = raa instanceof Date ? raa.toISOString().slice(0, 10) : String(raa);
        if (funnet.size < 5) funnet.set(vis, t.maaned);
      }
    }
    return true;
  };
  const advarsler = (fil: string | null): Diagnostikk[] => {
    if (!antall || !fil) return [];
    const eksempler = [...funnet].map(([raa, m]) => `«${raa}» → ${m}`).join(', ');
    return [
      advarsel(
        'maaned-endret-av-excel',
        `${antall} ${antall === 1 ? 'verdi' : 'verdier'} i kolonnen «${kolonne}» ser ut til å være gjort om til dato av Excel (${eksempler}${antall > funnet.size ? ', …' : ''}). nh leste dem som måneden; neste gang nh skriver filen, står de som «2026M10», som Excel lar være. Kontroller at periodene stemmer.`,
        { fil, kolonne },
      ),
    ];
  };
  return { filter, advarsler };
}
