/**
 * Måltallene i næringshageprogrammet (programveileder 6.5 og 11.2) med AVIs hjelpetekst og nh sin
 * definisjon av hvordan tallet regnes fra arbeidsmappens data.
 *
 * Programveileder 6.5/11.1: hver 1. desember legger næringshagen inn måltall for det kommende året i
 * AVI; Siva godkjenner og låser dem og måler næringshagen mot dem. `nh årsrapport --måltall <år>`
 * regner et grunnlag fra årets faktiske data, og `nh årsrapport --år <år>` regner resultatet for året
 * med de samme definisjonene, så mål og resultat er sammenlignbare.
 *
 * Fellesregler (valg, se docs/aarsrapport.md):
 *  - En målbedrift er aktiv i perioden når avtalen (avtalestart–avtaleslutt, tom slutt = løpende)
 *    overlapper perioden. Alle andeler regnes over de aktive målbedriftene.
 *  - Andeler er ppm (heltall), avrundet halv opp; ingen aktive målbedrifter gir «kan ikke beregnes».
 *  - Antall tiltak telles i tiltak-datasettet med dato i perioden: én rad = ett tiltak, ikke per deltaker.
 */
import type { Kilde } from '../felles/diagnostikk.js';
import { advarsel, feil, type Diagnostikk } from '../felles/diagnostikk.js';
import type { Dato } from '../felles/dato.js';
import { normaliserNavn } from '../felles/felter.js';
import { mulDivRund, PPM, type Ore, type Ppm } from '../felles/penger.js';
import { BEDRIFTSTYPER, type Tiltakstype } from '../datasett/tiltak.js';
import { MALTALL, type MaltallDef, type MaltallId } from './definisjoner.js';
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

const MALTALL_ETTER_ID: ReadonlyMap<MaltallId, MaltallDef> = new Map(MALTALL.map((m) => [m.id, m]));

function andelPpm(teller: number, nevner: number): Ppm | null {
  return nevner > 0 ? mulDivRund(teller, PPM, nevner) : null;
}

function visDato(d: Dato): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
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

  // SRL (11.2, vedlegg 1): «total andel (%) av målbedriftene» med økning fra forutgående år. Nevneren er alle
  // aktive målbedrifter; uten vurdering begge år er det ingen (påvist) økning. Bare 2023 «kan ikke beregnes».
  // Halvår: bare vurderinger for året som er datert i halvåret (udaterte kan ikke plasseres og telles ikke).
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
  const srlMerknad = [
    forsteAar ? `Kan ikke beregnes: ${p.ar} er første år målbedriftene klassifiseres etter SRL (11.2).` : null,
    !forsteAar && n === 0 ? 'Kan ikke beregnes: ingen aktive målbedrifter i perioden.' : null,
    !forsteAar && n > 0 ? `${okning.length} av ${n} aktive målbedrifter med økning.` : null,
    utenFjor ? `${utenFjor} uten vurdering for ${p.ar - 1} (ingen økning kan påvises, i nevneren).` : null,
    utenIAar ? `${utenIAar} uten vurdering for ${p.ar}${p.halvar ? ' datert i halvåret' : ''} (i nevneren).` : null,
    udaterte
      ? `${udaterte} ${udaterte === 1 ? 'vurdering' : 'vurderinger'} for ${p.ar} uten dato er ikke med i halvåret.`
      : null,
  ]
    .filter((s) => s !== null)
    .join(' ');

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
    andelSrlOkning: {
      id: 'andelSrlOkning',
      enhet: 'andel',
      verdi: srlVerdi,
      teller: okning.length,
      nevner: n,
      bedrifter: okning,
      ...(srlMerknad ? { merknad: srlMerknad } : {}),
    },
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

// ————— Mål (administratorens egne måltall) —————

export type MalInn = { id: string; mal?: Ppm | undefined; kommentar?: string | undefined; kilde?: Kilde };
/** Et tolket mål: antall (heltall) eller andel (ppm). */
export type MaltallMaal = { id: MaltallId; mal: number | null; kommentar?: string };

/** Finn måltallet fra id eller AVI-navn (store/små bokstaver, æøå og mellomrom teller ikke). */
export function finnMaltall(idEllerNavn: string): MaltallDef | undefined {
  const n = normaliserNavn(idEllerNavn);
  return MALTALL.find((m) => normaliserNavn(m.id) === n || normaliserNavn(m.navn) === n);
}

/**
 * Tolker og kontrollerer målene. Feil: ukjent måltall, samme måltall to ganger, antall som ikke er et
 * ikke-negativt heltall. Advarsler (11.2): andel utenfor 0–100 %, innovasjonsstøtte under Sivas 90 %.
 */
export function tolkMal(rader: readonly MalInn[]): { mal: Map<MaltallId, MaltallMaal>; diagnostikk: Diagnostikk[] } {
  const ds: Diagnostikk[] = [];
  const mal = new Map<MaltallId, MaltallMaal>();
  for (const r of rader) {
    const def = finnMaltall(r.id);
    const kilde = r.kilde ? { ...r.kilde, kolonne: 'id' } : undefined;
    if (!def) {
      ds.push(
        feil('ukjent-maltall', `Ukjent måltall «${r.id}».`, kilde, {
          verdi: r.id,
          forventet: `en av ${MALTALL.map((m) => m.id).join(', ')}`,
        }),
      );
      continue;
    }
    if (mal.has(def.id)) {
      ds.push(
        feil('maltall-to-ganger', `Måltallet «${def.navn}» står to ganger.`, kilde, {
          verdi: r.id,
          forventet: 'ett mål per måltall',
        }),
      );
      continue;
    }
    const malKilde = r.kilde ? { ...r.kilde, kolonne: 'mal' } : undefined;
    let verdi: number | null = null;
    if (r.mal !== undefined) {
      if (def.enhet === 'antall') {
        if (r.mal < 0 || r.mal % 10_000 !== 0) {
          ds.push(
            feil('ugyldig-antall', `Målet for «${def.navn}» er et antall og må være et heltall ≥ 0.`, malKilde, {
              verdi: String(r.mal / 10_000).replace('.', ','),
              forventet: 'et heltall, f.eks. «12»',
            }),
          );
          continue;
        }
        verdi = r.mal / 10_000;
      } else {
        verdi = r.mal;
        ds.push(...kontrollerAndel(def, verdi, 'mål', malKilde));
      }
    }
    mal.set(def.id, { id: def.id, mal: verdi, ...(r.kommentar ? { kommentar: r.kommentar } : {}) });
  }
  return { mal, diagnostikk: ds };
}

/**
 * Programveileder 11.2: andeler er prosent (0–100); for innovasjonsstøtte har Siva et minimumskrav på 90 %.
 * `hva` er «mål», «grunnlag» eller «resultat» i meldingen.
 */
export function kontrollerAndel(def: MaltallDef, verdi: Ppm | null, hva: string, kilde?: Kilde): Diagnostikk[] {
  if (verdi === null || def.enhet !== 'andel') return [];
  const pst = (v: number) => `${String(Number((v / 10_000).toFixed(4))).replace('.', ',')} %`;
  if (verdi < 0 || verdi > PPM) {
    return [
      advarsel(
        'andel-utenfor-0-100',
        `${forstor(hva)} for «${def.navn}» er ${pst(verdi)}, men en andel må ligge mellom 0 og 100 % (programveileder 11.2).`,
        kilde,
        { verdi: pst(verdi), forventet: '0–100 %' },
      ),
    ];
  }
  if (def.minimum !== undefined && verdi < def.minimum) {
    return [
      advarsel(
        'under-sivas-minimum',
        `${forstor(hva)} for «${def.navn}» er ${pst(verdi)}, under Sivas minimumskrav på ${pst(def.minimum)} (programveileder 11.2).`,
        kilde,
        {
          verdi: pst(verdi),
          forventet: `minst ${pst(def.minimum)}`,
        },
      ),
    ];
  }
  return [];
}

function forstor(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type MaltallRad = {
  def: MaltallDef;
  maaling: Maaling;
  mal: number | null;
  /** resultat − mål (antall, eller ppm-poeng for andeler); null når ett av dem mangler. */
  avvik: number | null;
  kommentar?: string;
};

export function kombiner(maalinger: readonly Maaling[], mal: ReadonlyMap<MaltallId, MaltallMaal>): MaltallRad[] {
  return maalinger.map((m) => {
    const def = MALTALL_ETTER_ID.get(m.id)!;
    const ml = mal.get(m.id);
    const malVerdi = ml?.mal ?? null;
    return {
      def,
      maaling: m,
      mal: malVerdi,
      avvik: malVerdi !== null && m.verdi !== null ? m.verdi - malVerdi : null,
      ...(ml?.kommentar ? { kommentar: ml.kommentar } : {}),
    };
  });
}
