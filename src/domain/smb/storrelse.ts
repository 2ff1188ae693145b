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
        'Antall ansatte/årsverk er ukjent: Enhetsregisteret oppgir ikke antallet (antall ansatte mangler i svaret). Oppgi årsverk med --ansatte.',
      mangler: 'årsverk (--ansatte)',
    };
  }
  const bidrag = a.fraPartnere.arsverk + a.fraTilknyttede.arsverk;
  const egne = f.arsverk.intervall
    ? `${f.arsverk.intervall} ansatte (regnet som ${formatArsverk(f.arsverk.verdi)})`
    : `${formatArsverk(f.arsverk.verdi)}${f.arsverk.erAntallAnsatte ? ' ansatte' : ' årsverk'}`;
  const tall = `${egne}${fra(f.arsverk)}${bidrag ? ` + ${formatArsverk(a.fraPartnere.arsverk)} fra partnere + ${formatArsverk(a.fraTilknyttede.arsverk)} fra tilknyttede = ${formatArsverk(a.arsverk)}` : ''}`;
  if (a.arsverk < ARSVERK_GRENSE) {
    const merknad = f.arsverk.erAntallAnsatte
      ? ' Antall ansatte fra Enhetsregisteret brukes som tilnærming til årsverk (deltid gir færre årsverk enn ansatte).'
      : '';
    return { ...base, status: 'ok', grunnlag: `${tall} < 250.${merknad}` };
  }
  if (f.arsverk.erAntallAnsatte) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `${tall} ≥ 250. Registeret teller ansatte, ikke årsverk; deltid og lærlinger kan gi under 250 årsverk. Oppgi årsverk med --ansatte.`,
      mangler: 'årsverk i stedet for antall ansatte (--ansatte)',
    };
  }
  return { ...base, status: 'ikke ok', grunnlag: `${tall} ≥ 250: stor bedrift.` };
}

/** Én av grensene: over (true), under (false) eller ukjent (null), med teksten. */
function vurderGrense(
  navn: string,
  v: Kildeverdi<Ore>,
  sum: Ore | null,
  grense: { cent: number; tekst: string },
  bidrag: Ore,
  kurs: Kurs,
): { over: boolean | null; tekst: string } {
  if (!v || sum === null) return { over: null, tekst: `${navn} ukjent` };
  const over = overEurGrense(sum, grense.cent, kurs.kurs);
  const med = bidrag ? ` + ${nok(bidrag)} fra partnere/tilknyttede = ${nok(sum)}` : '';
  return {
    over,
    tekst: `${navn} ${nok(v.verdi)}${fra(v)}${med} = ${eur(nokTilEur(sum, kurs.kurs))} ${over ? '>' : '≤'} ${grense.tekst}`,
  };
}

/** Hvorfor tallene mangler, og hva som trengs (GBER vedlegg I art. 4 nr. 3 for nyetablerte). */
function hvorforUkjent(f: SmbFakta, idag: Dato): { tekst: string; ny: boolean } {
  const ny = Boolean(f.registrert && f.registrert.verdi > leggTilAar(idag, -2));
  if (f.regnskapMerknad)
    return { tekst: ` ${f.regnskapMerknad} Oppgi --omsetning og --balanse i kroner fra siste årsregnskap.`, ny };
  if (ny)
    return {
      tekst: ` Nyetablert (registrert ${dato(f.registrert!.verdi)}) uten publisert årsregnskap: oppgi et anslag i god tro for inneværende regnskapsår med --omsetning og --balanse (GBER vedlegg I art. 4 nr. 3).`,
      ny,
    };
  return {
    tekst:
      ' Fant ikke tall i Regnskapsregisteret (ikke regnskapspliktig, eller ikke levert); oppgi --omsetning og --balanse fra siste årsregnskap.',
    ny,
  };
}

/** Definisjoner «SMB»: omsetning ≤ 50 MEUR og/eller balanse ≤ 43 MEUR; over begge = stor. */
export function kriteriumOkonomi(f: SmbFakta, a: Aggregert, kurs: Kurs, idag: Dato): Kriterium {
  const base = {
    id: 'omsetning-balanse',
    tittel: 'Omsetning ≤ 50 MEUR og/eller balanse ≤ 43 MEUR',
    kilde: KILDE.okonomi,
  };
  const p = a.fraPartnere;
  const t = a.fraTilknyttede;
  const o = vurderGrense(
    'omsetning',
    f.omsetning,
    a.omsetning,
    { cent: OMSETNING_GRENSE_EUR_CENT, tekst: '50 MEUR' },
    p.omsetning + t.omsetning,
    kurs,
  );
  const b = vurderGrense(
    'balanse',
    f.balanse,
    a.balanse,
    { cent: BALANSE_GRENSE_EUR_CENT, tekst: '43 MEUR' },
    p.balanse + t.balanse,
    kurs,
  );
  const rp = f.regnskapsperiode;
  const periode = rp ? ` Årsregnskap ${dato(rp.fra)}–${dato(rp.til)} (siste publiserte).` : '';
  const tekst = `${o.tekst}; ${b.tekst}; ${kursTekst(kurs)}.${periode}`;
  if (o.over === false || b.over === false) {
    const en = o.over === true || b.over === true;
    return { ...base, status: 'ok', grunnlag: `${tekst}${en ? ' Over bare én av grensene: fortsatt SMB.' : ''}` };
  }
  if (o.over === true && b.over === true)
    return { ...base, status: 'ikke ok', grunnlag: `${tekst} Over begge grensene: stor bedrift.` };
  const h = hvorforUkjent(f, idag);
  const ukjent = [o.over === null && '--omsetning', b.over === null && '--balanse'].filter(Boolean).join(' og ');
  return {
    ...base,
    status: 'må vurderes',
    grunnlag: `${tekst}${h.tekst}`,
    mangler: `${h.ny && !f.regnskapMerknad ? 'anslag i god tro for ' : ''}omsetning og balanse (${ukjent})`,
  };
}
