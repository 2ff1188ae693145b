/**
 * SMB-kriteriene for størrelse (programveileder Begrep/definisjoner «SMB» og vedlegg 3 pkt. 2; GBER vedlegg I
 * art. 2, 4 og 5): årsverk, omsetning og balanse. Ren kjerne.
 */
import { leggTilAar, type Dato } from '../felles/dato.js';
import type { Ore } from '../felles/penger.js';
import { ARSVERK_GRENSE, BALANSE_GRENSE_EUR_CENT, KILDE, OMSETNING_GRENSE_EUR_CENT } from './lister.js';
import {
  dato,
  eur,
  formatArsverk,
  fra,
  kursTekst,
  nok,
  nokTilEur,
  overEurGrense,
  type Aggregert,
  type Kildeverdi,
  type Kriterium,
  type Kurs,
  type SmbFakta,
} from './typer.js';

/** Definisjoner «SMB»: færre enn 250 årsverk (egne + partnere forholdsmessig + tilknyttede fullt). */
export function kriteriumArsverk(f: SmbFakta, a: Aggregert): Kriterium {
  const base = { id: 'arsverk', tittel: 'Færre enn 250 årsverk', kilde: KILDE.arsverk };
  if (!f.arsverk || a.arsverk === null) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag:
        'Antall ansatte/årsverk er ukjent: Enhetsregisteret oppgir ikke ' +
        'antallet (antall ansatte mangler i svaret). Oppgi årsverk med --ansatte.',
      mangler: 'årsverk (--ansatte)',
    };
  }
  const bidrag = a.fraPartnere.arsverk + a.fraTilknyttede.arsverk;
  const egne = f.arsverk.intervall
    ? `${f.arsverk.intervall} ansatte (regnet som ` + `${formatArsverk(f.arsverk.verdi)})`
    : `${formatArsverk(f.arsverk.verdi)}${f.arsverk.erAntallAnsatte ? ' ansatte' : ' årsverk'}`;
  const tall = `${egne}${fra(f.arsverk)}${bidrag ? ` + ${formatArsverk(a.fraPartnere.arsverk)} fra partnere + ${formatArsverk(a.fraTilknyttede.arsverk)} fra tilknyttede = ${formatArsverk(a.arsverk)}` : ''}`;
  if (a.arsverk < ARSVERK_GRENSE) {
    const merknad = f.arsverk.erAntallAnsatte
      ? ' Antall ansatte fra Enhetsregisteret brukes som tilnærming til ' +
        'årsverk (deltid gir færre årsverk enn ansatte).'
      : '';
    return { ...base, status: 'ok', grunnlag: `${tall} < 250.${merknad}` };
  }
  if (f.arsverk.erAntallAnsatte) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag:
        `${tall} ≥ 250. Registeret teller ansatte, ikke årsverk; deltid ` +
        `og lærlinger kan gi under 250 årsverk. Oppgi årsverk med --ansatte.`,
      mangler: 'årsverk i stedet for antall ansatte (--ansatte)',
    };
  }
  return { ...base, status: 'ikke ok', grunnlag: `${tall} ≥ 250: stor bedrift.` };
}

/** Definisjoner «SMB»: omsetning ≤ 50 MEUR og/eller balanse ≤ 43 MEUR; over begge = stor. */
export function kriteriumOkonomi(f: SmbFakta, a: Aggregert, kurs: Kurs, idag: Dato): Kriterium {
  const base = {
    id: 'omsetning-balanse',
    tittel: 'Omsetning ≤ 50 MEUR og/eller balanse ≤ 43 ' + 'MEUR',
    kilde: KILDE.okonomi,
  };
  const deler: string[] = [];
  const vurder = (
    navn: string,
    v: Kildeverdi<Ore>,
    sum: Ore | null,
    grense: number,
    grenseTekst: string,
    bidrag: Ore,
  ): boolean | null => {
    if (!v || sum === null) {
      deler.push(`${navn} ukjent`);
      return null;
    }
    const over = overEurGrense(sum, grense, kurs.kurs);
    const med = bidrag ? ` + ${nok(bidrag)} fra partnere/tilknyttede = ${nok(sum)}` : '';
    deler.push(
      `${navn} ${nok(v.verdi)}${fra(v)}${med} = ${eur(nokTilEur(sum, kurs.kurs))} ${over ? '>' : '≤'} ` +
        `${grenseTekst}`,
    );
    return over;
  };
  const p = a.fraPartnere;
  const t = a.fraTilknyttede;
  const oOver = vurder(
    'omsetning',
    f.omsetning,
    a.omsetning,
    OMSETNING_GRENSE_EUR_CENT,
    '50 ' + 'MEUR',
    p.omsetning + t.omsetning,
  );
  const bOver = vurder('balanse', f.balanse, a.balanse, BALANSE_GRENSE_EUR_CENT, '43 MEUR', p.balanse + t.balanse);
  const rp = f.regnskapsperiode;
  const periode = rp ? ` Årsregnskap ${dato(rp.fra)}–${dato(rp.til)} (siste publiserte).` : '';
  const tekst = `${deler.join('; ')}; ${kursTekst(kurs)}.${periode}`;
  if (oOver === false || bOver === false) {
    const en = oOver === true || bOver === true;
    return { ...base, status: 'ok', grunnlag: `${tekst}${en ? ' Over bare én av grensene: fortsatt SMB.' : ''}` };
  }
  if (oOver === true && bOver === true)
    return { ...base, status: 'ikke ok', grunnlag: `${tekst} Over begge grensene: ` + `stor bedrift.` };
  const ny = f.registrert && f.registrert.verdi > leggTilAar(idag, -2);
  let hvorfor: string;
  if (f.regnskapMerknad)
    hvorfor = ` ${f.regnskapMerknad} Oppgi --omsetning og --balanse i kroner fra siste ` + `årsregnskap.`;
  else if (ny) {
    hvorfor =
      ` Nyetablert (registrert ${dato(f.registrert!.verdi)}) uten publisert årsregnskap: oppgi et anslag i god ` +
      `tro for inneværende regnskapsår med --omsetning og --balanse (GBER vedlegg I art. 4 nr. 3).`;
  } else
    hvorfor =
      ' Fant ikke tall i Regnskapsregisteret (ikke regnskapspliktig, eller ikke levert); oppgi ' +
      '--omsetning og --balanse fra siste årsregnskap.';
  const ukjent = [oOver === null && '--omsetning', bOver === null && '--balanse'].filter(Boolean).join(' og ');
  return {
    ...base,
    status: 'må vurderes',
    grunnlag: `${tekst}${hvorfor}`,
    mangler: `${ny && !f.regnskapMerknad ? 'anslag i god tro for ' : ''}omsetning og balanse (${ukjent})`,
  };
}
