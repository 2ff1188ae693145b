/**
 * Eierskap (programveileder vedlegg 3 pkt. 2; GBER vedlegg I art. 3 og 6): partnere (25–50 %) forholdsmessig,
 * tilknyttede (over 50 %) fullt, og offentlige eiere (art. 3 nr. 4) med investorunntakene i art. 3 nr. 2. Ren kjerne.
 */
import { mulDivRund, PPM, type Ore, type Ppm } from '../felles/penger.js';
import { KILDE, OFFENTLIG_GRENSE_PPM } from './lister.js';
import { formatArsverk, nok, prosent, type Aggregert, type Kriterium, type Relasjon, type SmbFakta } from './typer.js';

/** GBER vedlegg I art. 3: partner er 25–50 % (inkl. begge), tilknyttet over 50 %. */
export function relasjonstype(andel: Ppm): 'selvstendig' | 'partner' | 'tilknyttet' {
  if (andel < 250_000) return 'selvstendig';
  if (andel <= 500_000) return 'partner';
  return 'tilknyttet';
}

/**
 * GBER vedlegg I art. 6: egne tall + partnere forholdsmessig (andel, avrundet til hundredels årsverk og
 * øre, halv opp) + tilknyttede fullt. Ukjente egne tall gir ukjent sum, men bidragene vises likevel.
 */
export function aggreger(
  egen: { arsverk: number | null; omsetning: Ore | null; balanse: Ore | null },
  partnere: readonly Relasjon[],
  tilknyttede: readonly Relasjon[],
): Aggregert {
  const fraPartnere = { arsverk: 0, omsetning: 0, balanse: 0 };
  for (const p of partnere) {
    fraPartnere.arsverk += mulDivRund(p.arsverk, p.andel, PPM);
    fraPartnere.omsetning += mulDivRund(p.omsetning, p.andel, PPM);
    fraPartnere.balanse += mulDivRund(p.balanse, p.andel, PPM);
  }
  const fraTilknyttede = { arsverk: 0, omsetning: 0, balanse: 0 };
  for (const t of tilknyttede) {
    fraTilknyttede.arsverk += t.arsverk;
    fraTilknyttede.omsetning += t.omsetning;
    fraTilknyttede.balanse += t.balanse;
  }
  const plus = (v: number | null, k: 'arsverk' | 'omsetning' | 'balanse') =>
    v === null ? null : v + fraPartnere[k] + fraTilknyttede[k];
  return {
    arsverk: plus(egen.arsverk, 'arsverk'),
    omsetning: plus(egen.omsetning, 'omsetning'),
    balanse: plus(egen.balanse, 'balanse'),
    fraPartnere,
    fraTilknyttede,
  };
}

type Base = Pick<Kriterium, 'id' | 'tittel' | 'kilde'>;

/** GBER vedlegg I art. 3 nr. 4: offentlige eiere lagt sammen (unntatte investorer ikke med) og teksten om dem. */
function offentlige(f: SmbFakta): { sum: number; tekst: string } {
  const sum = f.offentligeEiere.filter((o) => !o.unntatt).reduce((s, o) => s + o.andel, 0);
  const tekst = f.offentligeEiere
    .map(
      (o) => `${o.orgnr} ${prosent(o.andel)} (${o.grunn}${o.unntatt ? '; investorunntak i art. 3 nr. 2 oppgitt' : ''})`,
    )
    .join(', ');
  return { sum, tekst };
}

/** Eierskapet er ikke oppgitt (eller bare «ja» på spørsmålet): må vurderes, med hva som mangler. */
function ikkeOppgitt(f: SmbFakta, base: Base, merknad: string): Kriterium {
  if (f.ikkeSelvstendig && !f.partnere.length && !f.tilknyttede.length)
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `Oppgitt på spørsmål: bedriften eier eller eies med 25 % eller mer — ikke selvstendig foretak. Foretakene er ikke oppgitt, så tallene deres er ikke tatt med.${merknad} Oppgi dem med --partner/--tilknyttet (orgnr:andel:årsverk:omsetning:balanse) eller --eierskap <fil.csv>.`,
      mangler: 'partnerne og de tilknyttede foretakene (--partner, --tilknyttet eller --eierskap)',
    };
  return {
    ...base,
    status: 'må vurderes',
    grunnlag: `Ingen register viser eierskap på 25 % eller mer (i begge retninger), heller ikke offentlige eiere.${merknad} Oppgi --partner/--tilknyttet (orgnr:andel:årsverk:omsetning:balanse), --eierskap <fil.csv>, eller --selvstendig når ingen eier eller eies med 25 % eller mer.`,
    mangler: 'eierskapet (--selvstendig, --partner, --tilknyttet eller --eierskap)',
  };
}

/** Eierskapet er oppgitt: konsern uten tilknyttet (må vurderes), selvstendig, eller bidragene lagt til. */
function oppgitt(f: SmbFakta, a: Aggregert, base: Base, konsern: string, offMerknad: string): Kriterium {
  const liste = [
    ...f.partnere.map((r) => `partner ${r.orgnr} (${prosent(r.andel)})`),
    ...f.tilknyttede.map((r) => `tilknyttet ${r.orgnr} (${prosent(r.andel)})`),
  ];
  // GBER vedlegg I art. 3 nr. 3: et konsern (mor/datter, kontroll over 50 %) betyr minst ett tilknyttet foretak.
  if (f.erIKonsern && !f.tilknyttede.length)
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `${liste.length ? `${liste.join(', ')}. ` : 'Oppgitt som selvstendig foretak, men '}Enhetsregisteret sier at bedriften er i et konsern, og da finnes minst ett tilknyttet foretak (over 50 %, GBER vedlegg I art. 3 nr. 3). Oppgi morselskapet og/eller datterselskapene med --tilknyttet eller --eierskap.${offMerknad}`,
      mangler: 'de tilknyttede foretakene i konsernet (--tilknyttet eller --eierskap)',
    };
  if (!liste.length)
    return {
      ...base,
      status: 'ok',
      grunnlag: `Oppgitt: ingen eierskap på 25 % eller mer i noen retning (selvstendig foretak), heller ikke offentlig.${konsern}${offMerknad}`,
    };
  const p = a.fraPartnere;
  const t = a.fraTilknyttede;
  return {
    ...base,
    status: 'ok',
    grunnlag: `${liste.join(', ')}. Lagt til: partnere forholdsmessig ${formatArsverk(p.arsverk)} årsverk, ${nok(p.omsetning)} omsetning, ${nok(p.balanse)} balanse; tilknyttede fullt ${formatArsverk(t.arsverk)} årsverk, ${nok(t.omsetning)} omsetning, ${nok(t.balanse)} balanse.${offMerknad}`,
  };
}

/**
 * Vedlegg 3 pkt. 2: partnere (25–50 %) og tilknyttede (> 50 %) tas med; registeret viser ikke eierskap.
 * GBER vedlegg I art. 3 nr. 4: 25 % eller mer offentlig kontroll (alene eller sammen) = ikke SMB, unntatt
 * investorene i art. 3 nr. 2 når administratoren oppgir at unntaket gjelder.
 */
export function kriteriumEierskap(f: SmbFakta, a: Aggregert): Kriterium {
  const base = {
    id: 'eierskap',
    tittel: 'Eierskap ≥ 25 % (partnere, tilknyttede og offentlige eiere) er tatt med',
    kilde: KILDE.eierskap,
  };
  const konsern = f.erIKonsern ? ' Enhetsregisteret sier at bedriften er i et konsern.' : '';
  const off = offentlige(f);
  if (off.sum >= OFFENTLIG_GRENSE_PPM) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Offentlige eiere: ${off.tekst}. Til sammen ${prosent(off.sum)} offentlig kontroll ≥ 25 %: ikke SMB (GBER vedlegg I art. 3 nr. 4; programveileder 4.3 «offentlig eide foretak»). Gjelder et investorunntak i art. 3 nr. 2, oppgi det med --unntatt-investor <orgnr>.`,
    };
  }
  const offMerknad = f.offentligeEiere.length
    ? ` Offentlige eiere: ${off.tekst}; til sammen ${prosent(off.sum)} < 25 %.`
    : '';
  if (!f.eierskapOppgitt) return ikkeOppgitt(f, base, `${konsern}${offMerknad}`);
  return oppgitt(f, a, base, konsern, offMerknad);
}

/**
 * Tolker «orgnr:andel:årsverk:omsetning:balanse» (andel i prosent, omsetning/balanse i kroner), f.eks.
 * «910000004:30:200:40000000:30000000». Tall med komma eller punktum som desimaltegn. Orgnr valideres av kalleren.
 */
export function tolkRelasjonstekst(
  s: string,
): { orgnr: string; andel: string; arsverk: string; omsetning: string; balanse: string } | null {
  const deler = s.split(':').map((d) => d.trim());
  if (deler.length !== 5 || deler.some((d) => d === '')) return null;
  const [orgnr, andel, arsverk, omsetning, balanse] = deler as [string, string, string, string, string];
  return { orgnr, andel, arsverk, omsetning, balanse };
}
