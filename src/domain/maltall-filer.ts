/**
 * Issue 11 pkt. 15: finnes både maltall-<år>.csv og maltall-<år>.xlsx, kan administratoren ha skrevet målene
 * i den ene av dem. nh vet ikke hvilken som ble endret sist (mtime sier lite etter kopiering og synk), så
 * målene og kommentarene i de to filene må være like; ellers er det en feil per måltall med begge verdiene.
 * Lesingen velger ikke stille den ene og lar --overskriv slette det som sto i den andre.
 */
import { feil, type Diagnostikk } from './diagnostikk.js';
import { normaliserNavn } from './felter.js';
import type { MaltallMal } from './datasett/maltall.js';

type Fil = { fil: string; rader: readonly MaltallMal[] };

const malTekst = (v: number | undefined | null): string => (v === undefined || v === null ? 'tom' : String(v / 10_000).replace('.', ','));
const kommentarTekst = (v: string | undefined | null): string => (v ?? '').trim();

/** Én feil per måltall der målet eller kommentaren er ulik i de to filene (tom i begge = lik); null om xlsx ikke kunne leses. */
export function ulikeMalfiler(csv: Fil, xlsx: Fil | null): Diagnostikk[] | null {
  if (xlsx === null) return null;
  const iCsv = new Map(csv.rader.map((r) => [normaliserNavn(r.id), r]));
  const iXlsx = new Map(xlsx.rader.map((r) => [normaliserNavn(r.id), r]));
  const ds: Diagnostikk[] = [];
  const forventet = `samme mål og kommentar i begge filene: rett den som er feil, eller slett filen du ikke bruker`;
  for (const id of new Set([...iCsv.keys(), ...iXlsx.keys()])) {
    const c = iCsv.get(id);
    const x = iXlsx.get(id);
    const navn = (x ?? c)!.id;
    const kilde = x ? { ...x.kilde, fil: xlsx.fil, kolonne: 'mal' } : { fil: xlsx.fil, kolonne: 'mal' };
    const [mc, mx] = [malTekst(c?.mal), malTekst(x?.mal)];
    if (mc !== mx) {
      ds.push(feil('maltall-filer-ulike', `${csv.fil} og ${xlsx.fil} har ulike mål for «${navn}» (${csv.fil}: ${mc}, ${xlsx.fil}: ${mx}); nh vet ikke hvilken fil du endret.`, kilde, { forventet }));
    } else if (kommentarTekst(c?.kommentar) !== kommentarTekst(x?.kommentar)) {
      ds.push(feil('maltall-filer-ulike', `${csv.fil} og ${xlsx.fil} har ulik kommentar for «${navn}»; nh vet ikke hvilken fil du endret.`, { ...kilde, kolonne: 'kommentar' }, { forventet }));
    }
  }
  return ds;
}
