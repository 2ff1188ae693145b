/**
 * Leser arket med datasettets navn (store/små bokstaver, æøå og mellomrom teller ikke), ellers det eneste
 * synlige arket, i en xlsx-fil (flere synlige ark uten datasettets navn er en feil: nh gjetter ikke). Et skjult ark («hidden» eller «veryHidden») leses aldri stille: er arket med
 * datasettets navn skjult, er det en feil som sier det; ellers hoppes skjulte ark over. Formelceller gir sin
 * lagrede verdi; en formel uten lagret verdi (filen er ikke lagret av Excel) er en feil, for da
 * vet vi ikke tallet. Prosentformaterte tall leveres som «75 %» så prosentfeltet tolker dem riktig.
 */
import { stat } from 'node:fs/promises';
import { lesFil } from './tekstfil.js';
import { feil, InndataFeil, type Diagnostikk, type Kilde } from '../../domain/felles/diagnostikk.js';
import { normaliserNavn, type RaaCelle } from '../../domain/felles/felter.js';
import { type LagRaaFilter, MAKS_KOLONNER, type RaaTabell } from './raa-tabell.js';
import { type LestArk, lesArkStrom } from './xlsx-strom.js';
import { type Celle, celleAdresse, FEILVERDI, FORMEL_UTEN_VERDI, type Rad, radVerdier } from './xlsx-celle.js';

/**
 * Arkene med radene: strømleseren først (rask); kan den ikke si sikkert hvilket ark som er hvilket, eller
 * feiler den, leser exceljs hele arbeidsboken — og en fil som ikke kan åpnes, gir feilen derfra.
 */
async function lesArk(sti: string, fil: string, lagFilter?: LagRaaFilter): Promise<LestArk[]> {
  try {
    const ark = await lesArkStrom(sti, lagFilter);
    if (ark) return ark;
  } catch {
    // Skadet eller uvanlig fil: den vanlige leseren avgjør (og gir feilmeldingen).
  }
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const buf = await lesFil(sti);
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new InndataFeil([
      feil(
        'ugyldig-xlsx',
        'Filen kan ikke åpnes som Excel-arbeidsbok (skadet eller ikke xlsx).',
        { fil },
        { forventet: 'en .xlsx-fil lagret fra Excel' },
      ),
    ]);
  }
  return wb.worksheets.map((ws) => {
    const rader: Rad[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => void rader.push(radVerdier(row)));
    return { name: ws.name, ...(ws.state ? { state: ws.state } : {}), columnCount: ws.columnCount, rader };
  });
}

/**
 * `lagFilter`: strømleseren holder ikke radene filteret avviser; lesTabell (tabell-les.ts) filtrerer uansett
 * etterpå, så den vanlige leseren trenger det ikke.
 */
export async function lesXlsxTabell(
  sti: string,
  fil: string,
  arknavn?: string,
  lagFilter?: LagRaaFilter,
): Promise<RaaTabell> {
  const st = await stat(sti);
  if (st.size === 0)
    throw new InndataFeil([
      feil('tom-fil', 'Excel-filen er tom (0 byte).', { fil }, { forventet: 'en xlsx-fil lagret fra Excel' }),
    ]);
  const ws = velgArk(await lesArk(sti, fil, lagFilter), fil, arknavn);
  const ark = ws.name;
  if (ws.columnCount > MAKS_KOLONNER) {
    throw new InndataFeil([
      feil(
        'for-mange-kolonner',
        `Arket har ${ws.columnCount} kolonner.`,
        { fil, ark },
        { forventet: `høyst ${MAKS_KOLONNER} kolonner` },
      ),
    ]);
  }
  const ds: Diagnostikk[] = [];
  let overskrifter: string[] | null = null;
  const rader: RaaCelle[][] = [];
  const radnr: number[] = [];
  for (const { nr, celler: verdier } of ws.rader) {
    const antall = Math.max(verdier.length, overskrifter?.length ?? 0);
    const celler = radceller(verdier, antall, { fil, ark, rad: nr }, overskrifter, ds);
    if (overskrifter === null) {
      overskrifter = celler.map(overskriftTekst);
      continue;
    }
    if (celler.every(erTomCelle)) continue;
    rader.push(celler);
    radnr.push(nr);
  }
  if (ds.length) throw new InndataFeil(ds);
  if (overskrifter === null)
    throw new InndataFeil([feil('mangler-overskrift', 'Arket har ingen overskriftsrad.', { fil, ark, rad: 1 })]);
  return { fil, ark, overskrifter, radnr, rader };
}

const overskriftTekst = (c: RaaCelle): string => (c === null || c === undefined ? '' : String(c).trim());
const erTomCelle = (c: RaaCelle): boolean =>
  c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/**
 * Radens verdier for kolonne 1‥antall. En formel uten lagret resultat eller en Excel-feil leses som tom celle,
 * og feilen legges i `ds` (alle meldes samlet).
 */
function radceller(
  verdier: Celle[],
  antall: number,
  sted: { fil: string; ark: string; rad: number },
  overskrifter: string[] | null,
  ds: Diagnostikk[],
): RaaCelle[] {
  const celler: RaaCelle[] = [];
  for (let k = 1; k <= antall; k++) {
    const v = verdier[k - 1] ?? null;
    if (v !== FORMEL_UTEN_VERDI && v !== FEILVERDI) {
      celler.push(v);
      continue;
    }
    ds.push(cellefeil(v, { ...sted, kolonne: overskrifter?.[k - 1] ?? celleAdresse(k, sted.rad) }));
    celler.push(null);
  }
  return celler;
}

function cellefeil(v: typeof FORMEL_UTEN_VERDI | typeof FEILVERDI, kilde: Kilde): Diagnostikk {
  if (v === FORMEL_UTEN_VERDI)
    return feil('formel-uten-verdi', 'Cellen har en formel uten lagret resultat.', kilde, {
      forventet: 'en verdi (åpne og lagre filen i Excel, eller lim inn som verdier)',
    });
  return feil('excel-feilverdi', 'Cellen inneholder en Excel-feil (f.eks. #VERDI! eller #REF!).', kilde, {
    forventet: 'en gyldig verdi',
  });
}

function erSkjult(w: LestArk): boolean {
  return w.state === 'hidden' || w.state === 'veryHidden';
}

function velgArk(arkene: LestArk[], fil: string, arknavn: string | undefined): LestArk {
  const navngitt = arknavn ? arkene.find((w) => normaliserNavn(w.name) === normaliserNavn(arknavn)) : undefined;
  if (navngitt && erSkjult(navngitt)) {
    throw new InndataFeil([
      feil(
        'skjult-ark',
        `Arket «${navngitt.name}» er skjult i Excel; nh leser ikke et skjult ark uten at du ser det.`,
        { fil, ark: navngitt.name },
        {
          forventet: 'et synlig ark (høyreklikk på en arkfane → Vis), eller dataene på et synlig ark',
        },
      ),
    ]);
  }
  const synlige = arkene.filter((w) => !erSkjult(w));
  // Issue 11 pkt. 13: flere synlige ark og ingen med datasettets navn — det første kan være en gammel kopi.
  if (!navngitt && arknavn && synlige.length > 1) {
    throw new InndataFeil([
      feil(
        'flere-ark',
        `Arbeidsboken har flere synlige ark (${synlige.map((w) => `«${w.name}»`).join(', ')}) og ingen som heter «${arknavn}»; nh vet ikke hvilket som har dataene.`,
        { fil },
        {
          forventet: `gi arket med dataene navnet «${arknavn}» (eller slett eller skjul de andre arkene)`,
        },
      ),
    ]);
  }
  const ws = navngitt ?? synlige[0];
  if (ws) return ws;
  if (arkene.length === 0) throw new InndataFeil([feil('mangler-ark', 'Arbeidsboken har ingen regneark.', { fil })]);
  throw new InndataFeil([
    feil(
      'skjult-ark',
      `Alle arkene i arbeidsboken er skjult (${arkene.map((w) => `«${w.name}»`).join(', ')}).`,
      { fil },
      {
        forventet: arknavn ? `et synlig ark, helst med navnet «${arknavn}»` : 'et synlig ark',
      },
    ),
  ]);
}
