/**
 * faktura/<periode>/fakturagrunnlag.csv — den generiske importfilen (templates/fakturagrunnlag-csv.json):
 * én rad per fakturalinje, fakturafeltene gjentatt. nh.json «faktura.csvKolonner» gir nye overskrifter eller
 * fjerner kolonner, «faktura.csvRekkefolge» ordner dem; ukjente nøkler er feil (exit 2).
 */
import { maanedICsv } from '../../domain/felles/dato.js';
import type { FakturaOppsett } from '../../domain/faktura/oppsett.js';
import type { Fakturering } from '../../domain/faktura/typer.js';
import type { Identitet } from '../../domain/faktura/typer.js';
import { feil, InndataFeil, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import type { Kolonne, Rad } from '../../domain/felles/rapport.js';
import { lagCsv } from '../skriv/csv-skriv.js';
import { lesCsvMal } from './stotteregister.js';

/** Feil i nh.json faktura.csvKolonner/csvRekkefolge: nøkler som ikke er kolonner i malen. */
export async function csvKolonnefeil(s: FakturaOppsett): Promise<Diagnostikk[]> {
  const mal = await lesCsvMal('fakturagrunnlag-csv');
  const kjente = new Set(mal.kolonner.map((k) => k.nokkel));
  const ukjente = [...Object.keys(s.csvKolonner), ...(s.csvRekkefolge ?? [])].filter((n) => !kjente.has(n));
  return [
    ...ukjente.map((n) =>
      feil(
        'ukjent-csv-kolonne',
        `faktura.csvKolonner/csvRekkefolge nevner en ukjent kolonne «${n}».`,
        { fil: 'nh.json', kolonne: 'faktura' },
        { verdi: n, forventet: `en av ${[...kjente].join(', ')}` },
      ),
    ),
    ...sammeOverskrift(s, mal.kolonner),
  ];
}

/** Issue 23 pkt. 11: to kolonner med samme overskrift (f.eks. to «kid») kan ikke skilles i en import. */
function sammeOverskrift(
  s: FakturaOppsett,
  kolonner: readonly { nokkel: string; overskrift: string }[],
): Diagnostikk[] {
  const per = new Map<string, { o: string; n: string[] }>();
  for (const k of kolonner) {
    const ny = s.csvKolonner[k.nokkel];
    if (ny === false) continue;
    const o = (ny ?? k.overskrift).trim();
    const x = per.get(o.toLowerCase()) ?? { o, n: [] };
    x.n.push(k.nokkel);
    per.set(o.toLowerCase(), x);
  }
  return [...per.values()]
    .filter(({ n }) => n.length > 1)
    .map(({ o, n }) =>
      feil(
        'csv-kolonne-to-ganger',
        `faktura.csvKolonner gir ${n.length} kolonner overskriften «${o}» (${n.join(', ')}); et regnskapssystem kan ikke skille dem.`,
        { fil: 'nh.json', kolonne: `faktura.csvKolonner.${n[1]}` },
        { verdi: o, forventet: 'én kolonne per overskrift (gi den ene et annet navn, eller false for å fjerne den)' },
      ),
    );
}

async function csvKolonner(s: FakturaOppsett): Promise<Kolonne[]> {
  const mal = await lesCsvMal('fakturagrunnlag-csv');
  const feilListe = await csvKolonnefeil(s);
  if (feilListe.length) throw new InndataFeil(feilListe);
  let kol = mal.kolonner;
  if (s.csvRekkefolge) {
    const plass = new Map(s.csvRekkefolge.map((n, i) => [n, i]));
    kol = [...kol].sort((a, b) => (plass.get(a.nokkel) ?? 1e9) - (plass.get(b.nokkel) ?? 1e9));
  }
  return kol
    .filter((k) => s.csvKolonner[k.nokkel] !== false)
    .map((k) => ({
      nokkel: k.nokkel,
      overskrift: (s.csvKolonner[k.nokkel] as string | undefined) ?? k.overskrift,
      type: k.type,
    }));
}

type CsvIdentitet = Pick<Identitet, 'fakturanr' | 'kid' | 'fakturadato' | 'forfallsdato' | 'ordrereferanse'>;

function csvRader(f: Fakturering, s: FakturaOppsett, mvaSats: number, ider: ReadonlyMap<string, CsvIdentitet>): Rad[] {
  const ut: Rad[] = [];
  for (const m of f.malbedrifter) {
    const id = ider.get(m.orgnr);
    m.linjer.forEach((l, i) => {
      ut.push({
        ordrenr: id?.ordrereferanse ?? `${f.periode}-${m.orgnr}`,
        fakturadato: id?.fakturadato ?? f.fakturadato,
        forfallsdato: id?.forfallsdato ?? f.fakturadato,
        kundeOrgnr: m.orgnr,
        kundenavn: m.navn,
        linjenr: i + 1,
        produkt: l.aktivitet,
        beskrivelse: `${l.aktivitet} – ${l.ansatt}`,
        antall: l.timer,
        enhet: 'timer',
        enhetspris: l.pris,
        rabattProsent: l.stotteintensitet,
        markedsverdi: l.markedsverdi,
        innovasjonsstotte: l.stotte,
        belopEksMva: l.egenandel,
        mvaKode: s.mvaKode,
        mvaSats,
        mva: l.mva,
        belopInklMva: l.aBetale,
        periode: maanedICsv(f.periode), // «2026M10»: norsk Excel gjør «2026-10» om til en dato
        fakturatekst: m.fakturatekst,
        fakturanr: id?.fakturanr,
        kid: id?.kid,
      });
    });
  }
  return ut;
}

export async function fakturagrunnlagCsv(
  f: Fakturering,
  s: FakturaOppsett,
  mvaSats: number,
  ider: ReadonlyMap<string, CsvIdentitet>,
): Promise<string> {
  return lagCsv(await csvKolonner(s), csvRader(f, s, mvaSats, ider));
}
