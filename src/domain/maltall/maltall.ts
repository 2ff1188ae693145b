import type { Dato } from '../felles/dato.js';
import { normaliserNavn } from '../felles/felter.js';
import { mulDivRund, PPM, type Ore, type Ppm } from '../felles/penger.js';
import { BEDRIFTSTYPER, type Tiltakstype } from '../datasett/tiltak.js';
import { MALTALL, type MaltallId } from './definisjoner.js';
import {
  aktivPaa,
  erAktiv,
  iPerioden,
  type Grunnlag,
  type Maaling,
  type MalbedriftGrunnlag,
  type SrlGrunnlag,
} from './grunnlag.js';
import { egneNokler, tellerTiltak } from './tiltak.js';

export * from './grunnlag.js';
export * from './tiltak.js';

export * from './definisjoner.js';
export * from './maal.js';

function andelPpm(teller: number, nevner: number): Ppm | null {
  return nevner > 0 ? mulDivRund(teller, PPM, nevner) : null;
}

function visDato(d: Dato): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}

/** Merknaden til SRL-måltallet: hvorfor det ikke kan beregnes, og hvilke målbedrifter som mangler vurdering. */
function srlMerknadTekst(
  p: Grunnlag['periode'],
  t: { n: number; okning: number; utenFjor: number; utenIAar: number; udaterte: number },
): string {
  const { n, utenFjor, utenIAar, udaterte } = t;
  const forsteAar = p.ar <= 2023;
  return [
    forsteAar ? `Kan ikke beregnes: ${p.ar} er første år målbedriftene klassifiseres etter SRL (11.2).` : null,
    !forsteAar && n === 0 ? 'Kan ikke beregnes: ingen aktive målbedrifter i perioden.' : null,
    !forsteAar && n > 0 ? `${t.okning} av ${n} aktive målbedrifter med økning.` : null,
    utenFjor ? `${utenFjor} uten vurdering for ${p.ar - 1} (ingen økning kan påvises, i nevneren).` : null,
    utenIAar ? `${utenIAar} uten vurdering for ${p.ar}${p.halvar ? ' datert i halvåret' : ''} (i nevneren).` : null,
    udaterte
      ? `${udaterte} ${udaterte === 1 ? 'vurdering' : 'vurderinger'} for ${p.ar} uten dato er ikke med i halvåret.`
      : null,
  ]
    .filter((s) => s !== null)
    .join(' ');
}

/** Orgnr → SRL-nivå for et år. */
function srlForAar(srl: readonly SrlGrunnlag[], aar: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of srl) if (s.ar === aar) m.set(s.orgnr, s.srl);
  return m;
}

/** Regner alle måltallene (11.2) for perioden. Rekkefølgen er MALTALL sin. */
export function beregnMaltall(g: Grunnlag): Maaling[] {
  const p = g.periode;
  const aktive = g.malbedrifter.filter((m) => erAktiv(m, p));
  const n = aktive.length;

  const andel = (
    id: MaltallId,
    tell: (m: MalbedriftGrunnlag) => boolean,
    merknad?: string,
    grupp = aktive,
  ): Maaling => {
    const med = grupp.filter(tell).map((m) => m.orgnr);
    const verdi = andelPpm(med.length, grupp.length);
    const tom = `Kan ikke beregnes: ingen aktive målbedrifter ${grupp === aktive ? 'i perioden' : `per ${visDato(p.til)}`}.`;
    return {
      id,
      enhet: 'andel',
      verdi,
      teller: med.length,
      nevner: grupp.length,
      bedrifter: med,
      ...(verdi === null ? { merknad: tom } : merknad ? { merknad } : {}),
    };
  };
  // 11.2: taksonomi og kvinnelig ledelse «per 31.12» — bare de med aktiv avtale på periodens siste dag.
  const per31 = aktive.filter((m) => aktivPaa(m, p.til));
  const per31Merknad = `Per ${visDato(p.til)}: ${per31.length} av ${n} aktive målbedrifter hadde aktiv avtale da (11.2).`;
  const egne = egneNokler(g.malbedrifter);
  const antallMb = (id: MaltallId, liste: readonly MalbedriftGrunnlag[]): Maaling => ({
    id,
    enhet: 'antall',
    verdi: liste.length,
    teller: liste.length,
    nevner: null,
    bedrifter: liste.map((m) => m.orgnr),
  });
  const tiltakITid = g.tiltak.filter((t) => iPerioden(t.dato, p));
  const antallTiltak = (id: MaltallId, type: Tiltakstype): Maaling => {
    const rader = tiltakITid.filter((t) => tellerTiltak(t, type, egne));
    if (!BEDRIFTSTYPER.includes(type))
      return { id, enhet: 'antall', verdi: rader.length, teller: rader.length, nevner: null };
    // Antall bedrifter: hver bedrift telles én gang (orgnr, ellers normalisert navn).
    const unike = new Set(rader.map((t) => (t.orgnr ? `orgnr:${t.orgnr}` : `navn:${normaliserNavn(t.bedrift ?? '')}`)));
    return { id, enhet: 'antall', verdi: unike.size, teller: unike.size, nevner: null };
  };

  // Innovasjonsstøtte per orgnr i perioden (støtteregisteret).
  const stotte = new Map<string, Ore>();
  for (const s of g.stotte) if (iPerioden(s.dato, p)) stotte.set(s.orgnr, (stotte.get(s.orgnr) ?? 0) + s.stotte);

  const ut: Record<MaltallId, Maaling> = {
    nyeMalbedrifter: antallMb(
      'nyeMalbedrifter',
      aktive.filter((m) => iPerioden(m.avtalestart, p)),
    ),
    malbedrifterIAaret: antallMb('malbedrifterIAaret', aktive),
    andelInnovasjonsstotte: andel('andelInnovasjonsstotte', (m) => (stotte.get(m.orgnr) ?? 0) > 0),
    baerekraftTiltakAnsatte: antallTiltak('baerekraftTiltakAnsatte', 'baerekraft-ansatte'),
    baerekraftTiltakMalbedrifter: antallTiltak('baerekraftTiltakMalbedrifter', 'baerekraft-malbedrifter'),
    andelBaerekraftSentralt: andel('andelBaerekraftSentralt', (m) => m.baerekraftSentralt === true),
    andelSrlOkning: srlOkning(g, aktive),
    andelTaksonomi: andel('andelTaksonomi', (m) => (m.taksonomiMiljomal?.length ?? 0) > 0, per31Merknad, per31),
    andelKvinneligLedelse: andel(
      'andelKvinneligLedelse',
      (m) => m.kvinneligGrunder === true || m.kvinneligDagligLeder === true || m.kvinneligStyreleder === true,
      per31Merknad,
      per31,
    ),
    digitaliseringTiltakAnsatte: antallTiltak('digitaliseringTiltakAnsatte', 'digitalisering-ansatte'),
    digitaliseringTiltakMalbedrifter: antallTiltak('digitaliseringTiltakMalbedrifter', 'digitalisering-malbedrifter'),
    andelDigitaliseringSentralt: andel('andelDigitaliseringSentralt', (m) => m.digitaliseringSentralt === true),
    eksportTiltak: antallTiltak('eksportTiltak', 'eksport-malbedrifter'),
    andelEksport: andel('andelEksport', (m) => m.eksport === true),
    andelInternasjonaltMarked: andel(
      'andelInternasjonaltMarked',
      (m) => m.internasjonaltMarked === true || m.eksport === true,
    ),
    samarbeidsprosjekter: antallTiltak('samarbeidsprosjekter', 'samarbeidsprosjekt'),
    henvisteBedrifter: antallTiltak('henvisteBedrifter', 'henvisning'),
    radgivningFraAndre: antallMb(
      'radgivningFraAndre',
      aktive.filter((m) => m.radgivningFraAndre === true),
    ),
    radgivningAndresBedrifter: antallTiltak('radgivningAndresBedrifter', 'radgivning-andres-bedrift'),
    ogsaTattOppHosAndre: antallMb(
      'ogsaTattOppHosAndre',
      aktive.filter((m) => m.ogsaTattOppHosAndre === true),
    ),
    andelBistattVirkemidler: andel('andelBistattVirkemidler', (m) => m.bistattVirkemidler === true),
  };
  return MALTALL.map((d) => ut[d.id]);
}

/**
 * SRL (11.2, vedlegg 1): «total andel (%) av målbedriftene» med økning fra forutgående år. Nevneren er alle
 * aktive målbedrifter; uten vurdering begge år er det ingen (påvist) økning. Bare 2023 «kan ikke beregnes».
 * Halvår: bare vurderinger for året som er datert i halvåret (udaterte kan ikke plasseres og telles ikke).
 */
function srlOkning(g: Grunnlag, aktive: readonly MalbedriftGrunnlag[]): Maaling {
  const p = g.periode;
  const n = aktive.length;
  const srlNaa = srlForAar(p.halvar ? g.srl.filter((s) => s.dato !== undefined && iPerioden(s.dato, p)) : g.srl, p.ar);
  const srlFor = srlForAar(g.srl, p.ar - 1);
  const okning = aktive
    .filter((m) => srlNaa.has(m.orgnr) && srlFor.has(m.orgnr) && srlNaa.get(m.orgnr)! > srlFor.get(m.orgnr)!)
    .map((m) => m.orgnr);
  const utenFjor = aktive.filter((m) => srlNaa.has(m.orgnr) && !srlFor.has(m.orgnr)).length;
  const utenIAar = aktive.filter((m) => !srlNaa.has(m.orgnr)).length;
  const forsteAar = p.ar <= 2023;
  const srlVerdi = forsteAar ? null : andelPpm(okning.length, n);
  const udaterte = p.halvar ? g.srl.filter((s) => s.ar === p.ar && s.dato === undefined).length : 0;
  const srlMerknad = srlMerknadTekst(p, { n, okning: okning.length, utenFjor, utenIAar, udaterte });

  return {
    id: 'andelSrlOkning',
    enhet: 'andel',
    verdi: srlVerdi,
    teller: okning.length,
    nevner: n,
    bedrifter: okning,
    ...(srlMerknad ? { merknad: srlMerknad } : {}),
  };
}
