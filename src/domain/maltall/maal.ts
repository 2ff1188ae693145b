/**
 * Målene administratoren setter for måltallene (programveileder 6.5 og 11.2: lagt inn i AVI hver 1. desember):
 * tolket og kontrollert, og satt sammen med det nh målte (avviket).
 */
import { advarsel, feil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { normaliserNavn } from '../felles/felter.js';
import { PPM, type Ppm } from '../felles/penger.js';
import { MALTALL, type MaltallDef, type MaltallId } from './definisjoner.js';
import type { Maaling } from './grunnlag.js';

const MALTALL_ETTER_ID: ReadonlyMap<MaltallId, MaltallDef> = new Map(MALTALL.map((m) => [m.id, m]));

export type MaalInn = { id: string; mal?: Ppm | undefined; kommentar?: string | undefined; kilde?: Kilde };
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
export function tolkMaal(rader: readonly MaalInn[]): { mal: Map<MaltallId, MaltallMaal>; diagnostikk: Diagnostikk[] } {
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
    const verdi = malVerdi(def, r, ds);
    if (verdi === undefined) continue;
    mal.set(def.id, { id: def.id, mal: verdi, ...(r.kommentar ? { kommentar: r.kommentar } : {}) });
  }
  return { mal, diagnostikk: ds };
}

/** Målets verdi: et antall som heltall, en andel i ppm (med advarslene fra 11.2). undefined: ugyldig antall (meldt). */
function malVerdi(def: MaltallDef, r: MaalInn, ds: Diagnostikk[]): number | null | undefined {
  const malKilde = r.kilde ? { ...r.kilde, kolonne: 'mal' } : undefined;
  if (r.mal === undefined) return null;
  if (def.enhet !== 'antall') {
    ds.push(...kontrollerAndel(def, r.mal, 'mål', malKilde));
    return r.mal;
  }
  if (r.mal < 0 || r.mal % 10_000 !== 0) {
    ds.push(
      feil('ugyldig-antall', `Målet for «${def.navn}» er et antall og må være et heltall ≥ 0.`, malKilde, {
        verdi: String(r.mal / 10_000).replace('.', ','),
        forventet: 'et heltall, f.eks. «12»',
      }),
    );
    return undefined;
  }
  return r.mal / 10_000;
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
