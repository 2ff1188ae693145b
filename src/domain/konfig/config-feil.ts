/**
 * Feilene i nh.json slik administratoren skal lese dem: en ukjent nøkkel med den nærmeste gyldige («mente du …»),
 * et feilstavet datasett eller en ukjent kolonnenøkkel i `kolonner`/`ignorerKolonner`, og zods feil med feltets
 * sti og hva som var forventet. config.ts kaller dem med nh.json-skjemaet.
 */
import { z } from 'zod';
import { feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { beskrivVerdi, norskType } from '../felles/zod-norsk.js';
import { naermeste } from '../felles/naermeste.js';
import { GRUNNDATASETT } from '../datasett/index.js';
import { maltallDef } from '../datasett/maltall.js';
import { stotteregisterDef } from '../datasett/stotteregister.js';

/** Datasettene `kolonner`/`ignorerKolonner` kan gjelde (eierskap: smb-sjekk --eierskap-fil) og deres kolonnenøkler. */
const KOBLBARE: Record<string, readonly string[] | null> = {
  ...Object.fromEntries(
    [...GRUNNDATASETT, maltallDef, stotteregisterDef].map((d) => [d.navn, Object.keys(d.kolonner)]),
  ),
  eierskap: null,
};

const erObjekt = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Issue 11 pkt. 4: et feilstavet datasett eller en ukjent kolonnenøkkel i `kolonner` ble stille oversett. */
export function ukjenteKoblinger(json: unknown, fil: string): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  if (!erObjekt(json)) return ds;
  const navn = Object.keys(KOBLBARE);
  for (const felt of ['kolonner', 'ignorerKolonner'] as const) {
    const v = json[felt];
    if (!erObjekt(v)) continue;
    for (const [datasett, kart] of Object.entries(v)) {
      const nokler = KOBLBARE[datasett];
      if (nokler === undefined) {
        ds.push(ukjentDatasett(datasett, navn, felt, fil));
        continue;
      }
      // Bare `kolonner` peker på kolonnenøkler; `ignorerKolonner` og eierskap (null) har ingen å sjekke mot.
      if (felt !== 'kolonner' || nokler === null || !erObjekt(kart)) continue;
      ds.push(...ukjenteKolonner(kart, nokler, datasett, felt, fil));
    }
  }
  return ds;
}

function ukjentDatasett(datasett: string, navn: string[], felt: string, fil: string): Diagnostikk {
  const n = naermeste(datasett, navn);
  return feil(
    'ukjent-config-nokkel',
    `Ukjent datasett «${datasett}»${n ? ` — mente du «${n}»?` : ''}`,
    { fil, kolonne: `${felt}.${datasett}` },
    { forventet: `en av ${navn.join(', ')}` },
  );
}

function ukjenteKolonner(
  kart: Record<string, unknown>,
  nokler: readonly string[],
  datasett: string,
  felt: string,
  fil: string,
): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  for (const [overskrift, maal] of Object.entries(kart)) {
    if (typeof maal !== 'string' || nokler.includes(maal)) continue;
    const n = naermeste(maal, nokler);
    ds.push(
      feil(
        'ukjent-config-nokkel',
        `Ukjent kolonne «${maal}» i datasettet «${datasett}»${n ? ` — mente du «${n}»?` : ''}`,
        { fil, kolonne: `${felt}.${datasett}.${overskrift}` },
        { forventet: `en av ${nokler.join(', ')}` },
      ),
    );
  }
  return ds;
}

/**
 * En verdi som ikke passer noen av alternativene: når alternativene er faste verdier (f.eks. «tripletex» eller en
 * liste av slike), si hvilke som finnes og hva som ikke passet (issue 23, lav: «["visma"]» ga «ugyldig verdi (en liste)»).
 */
function unionGrunn(i: z.core.$ZodIssue, verdi: unknown): string {
  const indre = i.code === 'invalid_union' ? i.errors.flat() : [];
  const lov = [...new Set(indre.flatMap((e) => (e.code === 'invalid_value' ? e.values : [])))];
  if (!lov.length) return `ugyldig verdi (${beskrivVerdi(verdi)})`;
  const liste = indre.some((e) => e.path.length > 0) ? ' (eller en liste av dem)' : '';
  const feilVerdier = Array.isArray(verdi) ? verdi.filter((v) => !lov.includes(v as never)) : [verdi];
  return `forventet ${lov.map((v) => JSON.stringify(v)).join(' eller ')}${liste}, fant ${feilVerdier.map((v) => JSON.stringify(v)).join(', ')}`;
}

/** Zod-feil i en JSON-fil → diagnostikk med feltstien som «kolonne»; «mangler» bare når verdien faktisk mangler. */
export function zodTilDiagnostikk(e: z.ZodError, fil: string, raa?: unknown): Diagnostikk[] {
  return e.issues.map((i) => {
    const sti = i.path.map(String).join('.');
    const verdi = raa === undefined ? undefined : hent(raa, i.path);
    let grunn = i.message;
    if (i.code === 'invalid_type' || i.code === 'invalid_union') {
      grunn =
        verdi === undefined
          ? 'mangler'
          : i.code === 'invalid_type'
            ? `forventet ${norskType(i.expected)}, fant ${beskrivVerdi(verdi)}`
            : unionGrunn(i, verdi);
    }
    return feil('ugyldig-config', `Feltet «${sti || '(rot)'}» er ugyldig: ${grunn}.`, { fil, kolonne: sti });
  });
}

function hent(v: unknown, sti: readonly PropertyKey[]): unknown {
  let x = v;
  for (const k of sti) {
    if (x === null || typeof x !== 'object') return undefined;
    x = (x as Record<PropertyKey, unknown>)[k];
  }
  return x;
}

/** Objektskjemaet under default/prefault/optional/transform, eller null. */
function objektform(s: z.ZodType): Record<string, z.ZodType> | null {
  let x: unknown = s;
  for (let n = 0; n < 10; n++) {
    if (x instanceof z.ZodObject) return x.shape as Record<string, z.ZodType>;
    if (
      x instanceof z.ZodDefault ||
      x instanceof z.ZodPrefault ||
      x instanceof z.ZodOptional ||
      x instanceof z.ZodNullable
    )
      x = x.unwrap();
    else if (x instanceof z.ZodPipe) x = x.in;
    else return null;
  }
  return null;
}

export function ukjenteNokler(skjema: z.ZodType, verdi: unknown, sti: string[], fil: string): Diagnostikk[] {
  const form = objektform(skjema);
  if (!form || verdi === null || typeof verdi !== 'object' || Array.isArray(verdi)) return [];
  const gyldige = Object.keys(form);
  const ds: Diagnostikk[] = [];
  for (const [nokkel, v] of Object.entries(verdi)) {
    if (nokkel in form) {
      ds.push(...ukjenteNokler(form[nokkel]!, v, [...sti, nokkel], fil));
      continue;
    }
    if (sti.length === 0 && (nokkel === '$schema' || nokkel.startsWith('_'))) continue;
    const full = [...sti, nokkel].join('.');
    const naer = naermeste(nokkel, gyldige);
    ds.push(
      feil(
        'ukjent-config-nokkel',
        `Ukjent felt «${full}»${naer ? ` — mente du «${[...sti, naer].join('.')}»?` : ''}`,
        { fil, kolonne: full },
        {
          forventet: `en av ${gyldige.map((g) => `«${g}»`).join(', ')}${sti.length === 0 ? ' (kommentarer: felt som begynner med «_»)' : ''}`,
        },
      ),
    );
  }
  return ds;
}
