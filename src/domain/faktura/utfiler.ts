/**
 * Filene nh har skrevet i `faktura/<periode>/`, kontrollert mot støtteregisteret og nummerloggen (issue 23):
 * hver EHF-fil i ehf/ står i registeret (nummer, orgnr, faktura/kreditnota, periode), ett nummer har én fil, og
 * en mappe med filer fra en kjøring registeret ikke kjenner, er et brudd — registeret er eldre enn filene ved
 * siden av det (erstattet med en eldre kopi) — med mindre nh kan vise at kjøringen ble avbrutt: den står som
 * «tildelt» i nummerloggen og filene har sha256 som i kjøringsmerket. Slike filer flyttes til `avbrutt/` (aldri
 * slettet) og numrene annulleres i loggen; numrene brukes aldri om igjen. Ren modul.
 */
import { advarsel, feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { erAvbrutt, kjoringerILogg, type Kjoringslogg, type Logglinje } from './nummerlogg.js';
import type { Nummerkilde } from './fakturanummer.js';
import type { RegisterlinjeData } from './typer.js';

/** Kjøringsmerket i en periodemappe: kjøringen, filene den skrev (sha256 fra nyere nh) og numrene den tildelte. */
export type Merke = { kjoring: string; filer: { sti: string; sha256?: string }[]; numre: string[] };

/** Det som ligger i faktura/<periode>/. */
export type Periodemappe = {
  periode: string;
  /** Mappen slik brukeren ser den (relativt til arbeidsmappen), til meldinger. */
  visning: string;
  merke: Merke | null;
  /** Filene merket nevner som finnes nå, med sha256 slik de er nå. */
  merkefiler: { sti: string; sha256: string }[];
  /** fakturagrunnlag.xlsx eller .csv finnes. */
  fakturagrunnlag: boolean;
  /** EHF-filene nh skriver (`<nr>-<orgnr>[-kreditnota].xml`) i ehf/. */
  ehf: { navn: string; sha256: string }[];
  /** EHF-filnavn nh har flyttet til avbrutt/ (numrene er brukt). */
  avbrutt: string[];
};

/** En avbrutt kjøring som ryddes: filene som flyttes til avbrutt/<kjøring>/ og numrene som annulleres. */
export type AvbruttKjoring = { periode: string; visning: string; kjoring: string; flytt: string[]; numre: string[] };

export type Utfilkontroll = { feil: Diagnostikk[]; advarsler: Diagnostikk[]; avbrutt: AvbruttKjoring[] };

/** Kjøringsmerkets filnavn i periodemappen (io/faktura/fakturakjoring.ts skriver det). */
export const KJORINGSMERKE = '.nh-kjoring.json';

type Ehfnavn = { nr: string; orgnr: string; kreditnota: boolean };
const tolkEhfNavn = (navn: string): Ehfnavn | null => {
  const m = /^(\d+)-(\d{9})(-kreditnota)?\.xml$/.exec(navn);
  return m ? { nr: m[1]!, orgnr: m[2]!, kreditnota: Boolean(m[3]) } : null;
};

const GJENOPPRETT =
  'Legg tilbake det nyeste registeret (faktura/sikkerhetskopi/, OneDrive-/SharePoint-versjoner) — se «nh docs faktura», avsnittet «Nummerserien».';

type Grunnlag = {
  register: readonly RegisterlinjeData[];
  kjoringer: Map<string, Kjoringslogg>;
  iRegisteret: Set<string>;
  registerFil: string;
};

/**
 * Hva merket sier om mappen: kjent (kjøringen står i registeret, er ført i loggen eller allerede annullert),
 * avbrutt (kan ryddes) eller ukjent for både registeret og loggen. Uten merke (eldre nh) er mappen kjent når
 * perioden står i registeret eller mappen er tom.
 */
function merkestatus(m: Periodemappe, g: Grunnlag): 'kjent' | 'avbrutt' | 'ukjent' {
  const k = m.merke?.kjoring;
  if (!k)
    return g.register.some((l) => l.periode === m.periode) || (!m.fakturagrunnlag && !m.ehf.length)
      ? 'kjent'
      : 'ukjent';
  const logg = g.kjoringer.get(k);
  if (g.iRegisteret.has(k) || (logg?.fort.length ?? 0) > 0 || logg?.annullert) return 'kjent';
  return erAvbrutt(logg) ? 'avbrutt' : 'ukjent';
}

function ukjentMappe(m: Periodemappe, g: Grunnlag): Diagnostikk {
  const ehf = m.ehf.filter((e) => !g.register.some((l) => l.fakturanr === tolkEhfNavn(e.navn)?.nr));
  const hva = [
    m.fakturagrunnlag ? 'fakturagrunnlag' : '',
    ehf.length ? `${ehf.length} EHF-filer med numre registeret ikke har` : '',
  ]
    .filter(Boolean)
    .join(' og ');
  const fra = m.merke
    ? `fra kjøringen ${m.merke.kjoring}, som verken står i ${g.registerFil} eller er ført i nummerloggen`
    : 'uten kjøringsmerke, og perioden står ikke i registeret';
  const melding = `${m.visning} har ${hva} ${fra}. Registeret er eldre enn filene ved siden av det — trolig erstattet med en eldre kopi — og filene kan være sendt eller importert. ${GJENOPPRETT} Ble en kjøring med en eldre nh avbrutt, og ingenting fra mappen er sendt eller importert, flytt mappen ${m.visning} ut av arbeidsmappen og kjør måneden på nytt.`;
  return feil(
    'utfiler-uten-register',
    melding,
    { fil: m.visning },
    { verdi: m.merke?.kjoring ?? '', forventet: 'en kjøring som står i registeret' },
  );
}

/** EHF-filene i en mappe med merke som er ført: hver fil står i registeret slik filnavnet sier. */
function kontrollerEhf(m: Periodemappe, g: Grunnlag, avbrutt: Set<string>, ds: Diagnostikk[]): Map<string, string[]> {
  const perNr = new Map<string, string[]>();
  for (const e of m.ehf) {
    if (avbrutt.has(e.navn)) continue;
    const n = tolkEhfNavn(e.navn)!;
    perNr.set(n.nr, [...(perNr.get(n.nr) ?? []), `${m.visning}/ehf/${e.navn}`]);
    const l = g.register.find((x) => x.fakturanr === n.nr);
    const fil = { fil: `${m.visning}/ehf/${e.navn}` };
    if (!l) {
      const melding = `${m.visning}/ehf/${e.navn} har fakturanummer ${n.nr}, som ikke står i ${g.registerFil}, og nh kan ikke vise at filen er fra en avbrutt kjøring (nummerloggen og kjøringsmerket). Den kan være sendt. ${GJENOPPRETT} Er filen ikke sendt, flytt den ut av ehf/ selv.`;
      ds.push(feil('ehf-uten-register', melding, fil, { verdi: n.nr, forventet: 'et nummer i støtteregisteret' }));
      continue;
    }
    const type = n.kreditnota ? 'kreditnota' : 'faktura';
    if (l.orgnr !== n.orgnr || (l.type ?? 'faktura') !== type || l.periode !== m.periode) {
      const iReg = `${l.type ?? 'faktura'} til ${l.orgnr} for ${l.periode}`;
      const melding = `${m.visning}/ehf/${e.navn} har nummer ${n.nr}, men i ${g.registerFil} er ${n.nr} en ${iReg}. Én fil per nummer, slik registeret sier. ${GJENOPPRETT}`;
      ds.push(feil('ehf-ulik-register', melding, fil, { verdi: e.navn, forventet: iReg }));
    }
  }
  return perNr;
}

/** Avbrutte kjøringer uten filer (drept etter loggen, før første fil): numrene annulleres. */
function avbruttUtenFiler(perioder: readonly Periodemappe[], g: Grunnlag): AvbruttKjoring[] {
  const medMerke = new Set(perioder.map((m) => m.merke?.kjoring).filter(Boolean));
  return [...g.kjoringer.values()]
    .filter((k) => erAvbrutt(k) && !g.iRegisteret.has(k.kjoring) && !medMerke.has(k.kjoring))
    .map((k) => ({
      periode: k.periode,
      visning: `faktura/${k.periode}`,
      kjoring: k.kjoring,
      flytt: [],
      numre: numre(k),
    }));
}

const numre = (k: Kjoringslogg) => k.tildelt.map((l) => l.fakturanr).filter((n): n is string => Boolean(n));

/**
 * Kontrollerer alle periodemappene. Avbrutte kjøringer i `periode` (den som kjøres) ryddes av denne kjøringen;
 * i andre perioder gir de en advarsel (numrene brukes likevel aldri om igjen).
 */
export function kontrollerUtfiler(d: {
  periode: string;
  perioder: readonly Periodemappe[];
  register: readonly RegisterlinjeData[];
  logg: readonly Logglinje[];
  registerFil: string;
}): Utfilkontroll {
  const g: Grunnlag = {
    register: d.register,
    kjoringer: kjoringerILogg(d.logg),
    iRegisteret: new Set(d.register.map((l) => l.kjoring).filter((k): k is string => Boolean(k))),
    registerFil: d.registerFil,
  };
  const ut: Utfilkontroll = { feil: [], advarsler: [], avbrutt: avbruttUtenFiler(d.perioder, g) };
  const perNr = new Map<string, string[]>();
  for (const m of d.perioder) {
    const status = merkestatus(m, g);
    if (status === 'ukjent') {
      ut.feil.push(ukjentMappe(m, g));
      continue;
    }
    let egne = new Set<string>();
    if (status === 'avbrutt') {
      const a = avbruttMappe(m, g);
      egne = a.egne;
      if (m.periode === d.periode) ut.avbrutt.push(a.avbrutt);
      else ut.advarsler.push(avbruttAdvarsel(a.avbrutt));
    }
    for (const [nr, filer] of kontrollerEhf(m, g, egne, ut.feil)) perNr.set(nr, [...(perNr.get(nr) ?? []), ...filer]);
  }
  ut.feil.push(...flereFilerPerNummer(perNr));
  return ut;
}

/**
 * En mappe med merke fra en avbrutt kjøring: EHF-filene merket beviser er kjøringens egne (`egne`), og filene som
 * flyttes til avbrutt/.
 */
function avbruttMappe(m: Periodemappe, g: Grunnlag): { egne: Set<string>; avbrutt: AvbruttKjoring } {
  const egne = new Set<string>();
  const k = g.kjoringer.get(m.merke!.kjoring)!;
  const bevist = m.merkefiler.filter((f) => m.merke!.filer.some((x) => x.sti === f.sti && x.sha256 === f.sha256));
  for (const f of bevist) if (f.sti.startsWith('ehf/')) egne.add(f.sti.slice(4));
  // Merket flyttes med, så mappen aldri står igjen med et merke for filer som er flyttet.
  const flytt = [...bevist.map((f) => f.sti), KJORINGSMERKE];
  return { egne, avbrutt: { periode: m.periode, visning: m.visning, kjoring: k.kjoring, flytt, numre: numre(k) } };
}

/** Ett fakturanummer er én faktura: en feil for hvert nummer med mer enn én EHF-fil (på tvers av periodene). */
function flereFilerPerNummer(perNr: ReadonlyMap<string, string[]>): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  for (const [nr, filer] of perNr)
    if (filer.length > 1) {
      const melding = `Fakturanummer ${nr} har ${filer.length} EHF-filer (${filer.join(', ')}); ett nummer er én faktura. ${GJENOPPRETT}`;
      ds.push(feil('ehf-samme-nummer', melding, { fil: filer[1]! }, { verdi: nr, forventet: 'én fil per nummer' }));
    }
  return ds;
}

function avbruttAdvarsel(a: AvbruttKjoring): Diagnostikk {
  const numreTekst = a.numre.length ? ` (numrene ${a.numre.join(', ')} ble aldri ført og brukes ikke om igjen)` : '';
  const melding = `${a.visning} har filer fra en avbrutt kjøring (${a.kjoring})${numreTekst}. Send ingenting derfra; kjør «nh faktura --periode ${a.periode}» på nytt, så flyttes filene til ${a.visning}/avbrutt/.`;
  return advarsel('avbrutt-kjoring', melding, { fil: a.visning });
}

type Utstedtkilder = {
  register: readonly RegisterlinjeData[];
  registerFil: string;
  logg: readonly Logglinje[];
  perioder: readonly Periodemappe[];
  kilder: readonly Nummerkilde[];
};

/**
 * Hvert fakturanummer nh har utstedt i arbeidsmappen, fra alle kildene: registeret, nummerloggen,
 * EHF-filene (også de flyttet til avbrutt/), kjøringsmerkene og `kilder` (fakturagrunnlag.csv, registre i
 * sikkerhetskopiene). En fil som rulles tilbake alene, kan derfor ikke få et nummer til å bli brukt igjen.
 */
export function utstedteNumre(d: Utstedtkilder): Nummerkilde[] {
  const alle: Nummerkilde[] = [...d.kilder];
  const legg = (nr: string | undefined, kilde: string) => {
    if (nr && /^\d{1,12}$/.test(nr)) alle.push({ nr: Number(nr), kilde });
  };
  for (const l of d.register) legg(l.fakturanr, d.registerFil);
  for (const l of d.logg) legg(l.fakturanr, 'faktura/nummerlogg.csv');
  for (const m of d.perioder) {
    for (const e of m.ehf) legg(tolkEhfNavn(e.navn)?.nr, `${m.visning}/ehf/${e.navn}`);
    for (const e of m.avbrutt) legg(tolkEhfNavn(e)?.nr, `${m.visning}/avbrutt/…/${e}`);
    for (const nr of m.merke?.numre ?? []) legg(nr, `${m.visning}/${KJORINGSMERKE}`);
  }
  return alle;
}

/** Det høyeste av dem (med kilden, så en melding kan si hvor nummeret står). */
export function hoyesteUtstedte(d: Utstedtkilder): Nummerkilde | null {
  return utstedteNumre(d).reduce<Nummerkilde | null>((maks, k) => (!maks || k.nr > maks.nr ? k : maks), null);
}
