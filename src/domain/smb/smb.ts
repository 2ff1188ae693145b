/**
 * SMB-sjekk før en målbedriftsavtale: kan bedriften tas opp som målbedrift?
 *
 * Ren kjerne (ingen I/O): fakta om bedriften (fra Enhetsregisteret, Regnskapsregisteret, flagg eller
 * spørsmål) → ett kriterium per regel med status, grunnlag (tallene) og kilde (seksjonen), og en samlet dom.
 *
 * Regelkilder:
 * - Programveileder «Begrep/definisjoner» (SMB) og vedlegg 3 pkt. 2: færre enn 250 årsverk, og omsetning
 *   ≤ 50 MEUR og/eller balanse ≤ 43 MEUR (over begge = stor). Partnere (25–50 %) forholdsmessig,
 *   tilknyttede (> 50 %) fullt (GBER vedlegg I art. 3 og 6); offentlig kontroll ≥ 25 % (art. 3 nr. 4).
 * - Programveileder 4.3 (målgruppe 2): utelukkede former og «svært sjeldne tilfeller».
 * - Vedlegg 3 pkt. 2 og GBER art. 2 nr. 18: ikke «i vanskeligheter» (kapitaltap for bedriften og konsernet
 *   med treårsunntak for SMB; insolvens; kollektiv insolvensbehandling; redningsstøtte), og treårstaket.
 *
 * Delt i smb-lister (lister og grenser), smb-typer (typer og formatering), smb-kriterier (form og størrelse),
 * smb-eierskap, smb-vanskeligheter og smb-fakta (registerdata → fakta). Valgene er dokumentert i docs/smb-sjekk.md.
 */
import type { Dom, Kriterium, SmbGrunnlag, SmbResultat } from './typer.js';
import { nokTilEur } from './typer.js';
import {
  kriteriumAsa,
  kriteriumBank,
  kriteriumInnovasjonsselskap,
  kriteriumOffentlig,
  kriteriumSjelden,
  kriteriumUtenlandsk,
} from './kriterier.js';
import { kriteriumArsverk, kriteriumOkonomi } from './storrelse.js';
import { kriteriumKapitaltap, treaarsunntak } from './kapitaltap.js';
import {
  kriteriumInsolvens,
  kriteriumKonkurs,
  kriteriumRedningsstotte,
  kriteriumTreaarstak,
} from './vanskeligheter.js';
import { KILDE } from './lister.js';
import { aggreger, kriteriumEierskap } from './eierskap.js';
import { brukVurderinger } from './vurdering.js';

export * from './lister.js';
export * from './typer.js';
export * from './kriterier.js';
export * from './storrelse.js';
export * from './kapitaltap.js';
export * from './eierskap.js';
export * from './vanskeligheter.js';
export * from './vurdering.js';

export function samletDom(kriterier: readonly Pick<Kriterium, 'status'>[]): Dom {
  if (kriterier.some((k) => k.status === 'ikke ok')) return 'KAN IKKE TAS OPP';
  if (kriterier.some((k) => k.status === 'må vurderes')) return 'MÅ VURDERES';
  return 'KAN TAS OPP';
}

/** Exit-kode: 0 kan tas opp (og må vurderes uten --streng), 1 kan ikke (og må vurderes med --streng). */
export function exitKodeFor(dom: Dom, streng: boolean): 0 | 1 {
  if (dom === 'KAN IKKE TAS OPP') return 1;
  if (dom === 'MÅ VURDERES' && streng) return 1;
  return 0;
}

/** Alle kriteriene og dommen. */
export function vurderSmb(g: SmbGrunnlag): SmbResultat {
  const f = g.fakta;
  const egne = {
    arsverk: f.arsverk?.verdi ?? null,
    omsetning: f.omsetning?.verdi ?? null,
    balanse: f.balanse?.verdi ?? null,
  };
  const aggregert = aggreger(egne, f.partnere, f.tilknyttede);
  const arsverk = kriteriumArsverk(f, aggregert);
  const okonomi = kriteriumOkonomi(f, aggregert, g.kurs, g.idag);
  const tak = kriteriumTreaarstak(g.stotte, g.kurs, g.idag);
  // Treårsunntaket gjelder bare når bedriften ikke er stor etter årsverk og omsetning/balanse.
  const erSmb = arsverk.status !== 'ikke ok' && okonomi.status !== 'ikke ok';
  const under = f.underenhet
    ? ` Oppgitt nummer ${f.underenhet.orgnr} (${f.underenhet.navn}) er en underenhet; sjekken gjelder hovedenheten (overordnet enhet).`
    : '';
  const beregnet: Kriterium[] = [
    {
      id: 'orgnr',
      tittel: 'Gyldig organisasjonsnummer',
      status: 'ok',
      grunnlag: `${f.orgnr}: ni sifre, kontrollsifferet (MOD11) stemmer.${under}`,
      kilde: KILDE.orgnr,
    },
    kriteriumAsa(f),
    kriteriumUtenlandsk(f),
    kriteriumOffentlig(f),
    kriteriumBank(f),
    kriteriumInnovasjonsselskap(f),
    kriteriumSjelden(f),
    arsverk,
    okonomi,
    kriteriumEierskap(f, aggregert),
    kriteriumKapitaltap(f, g.idag, erSmb),
    kriteriumInsolvens(f),
    kriteriumKonkurs(f),
    kriteriumRedningsstotte(f),
    tak.k,
  ];
  const { kriterier, ubrukte } = brukVurderinger(beregnet, g.vurderinger ?? []);
  return {
    dom: samletDom(kriterier),
    kriterier,
    aggregert,
    omsetningEur: aggregert.omsetning === null ? null : nokTilEur(aggregert.omsetning, g.kurs.kurs),
    balanseEur: aggregert.balanse === null ? null : nokTilEur(aggregert.balanse, g.kurs.kurs),
    gjenstaarEur: tak.gjenstaarEur,
    gjenstaarNok: tak.gjenstaarNok,
    treaarsunntak: treaarsunntak(f, g.idag, erSmb),
    mangler: manglerFor(kriterier),
    ubrukteVurderinger: ubrukte,
  };
}

/**
 * Hva som mangler for en endelig vurdering (issue 19 pkt. 8): ett punkt per kriterium som må vurderes, med flagget,
 * spørsmålet eller vurderingen som avgjør det. Tom når dommen er endelig.
 */
function manglerFor(kriterier: readonly Kriterium[]): { id: string; tekst: string }[] {
  if (samletDom(kriterier) !== 'MÅ VURDERES') return [];
  return kriterier
    .filter((k) => k.status === 'må vurderes')
    .map((k) => {
      const tekst = k.mangler ?? `en vurdering av «${k.tittel}»`;
      // En vurdering nh ikke kan gjøre, oppgis med --vurdert og en begrunnelse.
      return {
        id: k.id,
        tekst: tekst.startsWith('en vurdering') ? `${tekst} (--vurdert ${k.id}=ok|ikke-ok:<begrunnelse>)` : tekst,
      };
    });
}
