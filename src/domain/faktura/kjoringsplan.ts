/**
 * Planen for én `nh faktura`-kjøring — ren: inndataene er lest (cli/app/faktura/les.ts), og planen sier nøyaktig
 * hva kjøringen vil skrive: registerlinjene (med numre og KID), fakturaene og kreditnotaene, reglenes
 * avvisninger og advarsler, spørsmålene til brukeren (adressetilbud) og hva som ryddes etter en avbrutt kjøring.
 * Appen viser planen (`--forhandsvis` stopper der), spør, lager dokumentene og skriver — bare skrivingen under
 * låsen. Programveileder 10.4 og vedlegg 3 pkt. 2 og 4.1 (reglene i regelliste.ts).
 */
import { feil, InndataFeil, advarsel, type Diagnostikk } from '../felles/diagnostikk.js';
import { formatDato, sisteDag } from '../felles/dato.js';
import { skalertTekst } from '../felles/rapport.js';
import type { Fakturadatoer } from './fakturadato.js';
import { smbStatusTekst } from './smb-kontroll.js';
import { registerlinjer } from './registerlinjer.js';
import type { Avvisning, Disponibelt, Treaarsstatus } from './regler.js';
import { aktiveFakturaer, kreditlinje, sjekkFortegn, type Nummerkilde, type Plan } from './fakturanummer.js';
import { gjeldendeEur, kursEndret, type EurVerdi } from './kurskorreksjon.js';
import type { Logglinje } from './nummerlogg.js';
import { beregn, identiteter, kurskorreksjoner, loggplan, medGjeldendeEur, nummerplan, regelsteg } from './plansteg.js';
import {
  hoyesteUtstedte,
  KJORINGSMERKE,
  kontrollerUtfiler,
  type AvbruttKjoring,
  type Periodemappe,
  type Utfilkontroll,
} from './utfiler.js';
import { kjoperbehov, type Kjoperbehov } from './kjopere.js';
import type { Fakturering, NyRegisterlinje } from './typer.js';

export type { Periodemappe };
import type { Datasettene, FakturaInndata, Fakturaidentitet, Registerlinje } from './inndata.js';

export type { Datasettene, FakturaInndata, Fakturaidentitet, Registerlinje };

export type AlleredeFakturert = { status: 'allerede-fakturert'; linjer: Registerlinje[]; advarsler: Diagnostikk[] };

export type Fakturaplan = {
  status: 'avvist' | 'uendret' | 'fakturert' | 'erstattet';
  /** --erstatt på en periode som står i registeret. */
  erstatning: boolean;
  f: Fakturering;
  disp: Disponibelt;
  treaar: Treaarsstatus[];
  /** orgnr → SMB-sjekkens status slik terminalen og arbeidsboken viser den. */
  smb: Map<string, string>;
  avvisninger: Avvisning[];
  advarsler: Diagnostikk[];
  /** Feil som stopper kjøringen etter at reglene er sjekket (et nummer som ikke får plass i KID-en). */
  feil: Diagnostikk[];
  nummer: Plan;
  /** orgnr → fakturaen som gjelder etter kjøringen (ny eller uendret). */
  ider: Map<string, Fakturaidentitet>;
  /** Linjene som føres i registeret: kreditnotaene, kurskorreksjonene, så de nye fakturaene. */
  nyeLinjer: NyRegisterlinje[];
  /** Kurskorreksjonene (også i nyeLinjer) og EUR-verdien hver faktura hadde før. */
  kurs: { linjer: NyRegisterlinje[]; fra: EurVerdi[] };
  kjopere: Kjoperbehov;
  /** Avbrutte kjøringer som ryddes (filene flyttes til avbrutt/, numrene annulleres), og advarselen om det. */
  opprydding: { avbrutt: AvbruttKjoring[]; advarsel: Diagnostikk | null };
  /** Det høyeste nummeret nh hadde utstedt før kjøringen. */
  hoyeste: Nummerkilde | null;
  /** Nummerloggen: linjene før skrivingen og etter registeret. */
  logg: { for: Logglinje[]; etter: Logglinje[] };
  /** Issue 19 pkt. 6: datoene og forklaringen (terminal, --json, Forutsetninger). */
  datoer: Fakturadatoer | null;
};

export type Kjoringsplan = AlleredeFakturert | Fakturaplan;

const tomMappe = (periode: string): Periodemappe => ({
  periode,
  visning: `faktura/${periode}`,
  merke: null,
  merkefiler: [],
  fakturagrunnlag: false,
  ehf: [],
  avbrutt: [],
});

/**
 * Står perioden i registeret, må utfilene være fra samme kjøring. Ellers ble en kjøring avbrutt mellom
 * utfilene og registeret (issue 11 pkt. 10): exit 2 med hva brukeren skal gjøre.
 */
function sjekkKjoringsmerke(inn: FakturaInndata, mappe: Periodemappe, iPerioden: readonly Registerlinje[]): void {
  const merke = mappe.merke?.kjoring ?? null;
  const iRegisteret = [...new Set(iPerioden.map((l) => l.kjoring).filter((k): k is string => Boolean(k)))];
  if (merke === null || !iRegisteret.length || iRegisteret.includes(merke)) return;
  const periode = inn.p.periode;
  throw new InndataFeil([
    feil(
      'kjoring-ulik',
      `Fakturagrunnlaget i ${mappe.visning} er fra kjøringen ${merke}, men ${inn.register.fil} har perioden ` +
        `${periode} fra kjøringen ${iRegisteret.join(', ')}: en kjøring (trolig med --erstatt) ble ` +
        'avbrutt mellom utfilene og registeret, så fakturagrunnlaget og registeret stemmer ikke overens. Kjør ' +
        `«nh faktura --periode ${periode} --erstatt» for å lage begge på nytt (sikkerhetskopier ligger i ` +
        'faktura/sikkerhetskopi/). Ikke send fakturaer fra mappen før det er gjort.',
      { fil: `${mappe.visning}/${KJORINGSMERKE}` },
      { verdi: merke, forventet: `kjøringen ${iRegisteret.join(', ')}` },
    ),
  ]);
}

/** Issue 19 pkt. 2: en fakturert periode med en annen kurs i nh.json enn fakturaene står med. */
function kursAdvarsel(inn: FakturaInndata, iPerioden: readonly Registerlinje[]): Diagnostikk[] {
  const endret = aktiveFakturaer(iPerioden).filter((l) => kursEndret(gjeldendeEur(l, iPerioden), inn.p, l.dato));
  if (!endret.length) return [];
  const l = gjeldendeEur(endret[0]!, iPerioden);
  const melding =
    `EUR/NOK-kursen i nh.json (${skalertTekst(inn.p.eurNokKurs, 4)} per ${formatDato(inn.p.kursdato)}) er en annen enn ` +
    `kursen ${endret.length} av periodens fakturaer står med (${skalertTekst(l.eurNokKurs, 4)} per ${formatDato(l.kursdato)}). ` +
    `Kjør «nh faktura --periode ${inn.p.periode} --erstatt» for å rette støtten i EUR (en kurskorreksjon i registeret ` +
    'per faktura; fakturaene og kunden berøres ikke). Vedlegg 3 pkt. 2: kursen er grunnlaget for treårstaket.';
  return [advarsel('kurs-endret', melding, { fil: 'nh.json', kolonne: 'eurNok' })];
}

/**
 * Registeret og filene ved siden av det må stemme (issue 23): avbrutte kjøringer i perioden ryddes, i andre
 * perioder gir de en advarsel; alt annet som ikke stemmer, er exit 2.
 */
function kontrollerLedger(inn: FakturaInndata): Utfilkontroll {
  const k = kontrollerUtfiler({
    periode: inn.p.periode,
    perioder: inn.perioder,
    register: inn.register.linjer,
    logg: inn.logg,
    registerFil: inn.register.fil,
  });
  if (k.feil.length) throw new InndataFeil(k.feil);
  return k;
}

function oppryddingsplan(avbrutt: AvbruttKjoring[]): Fakturaplan['opprydding'] {
  const medFiler = avbrutt.filter((a) => a.flytt.length);
  if (!medFiler.length) return { avbrutt, advarsel: null };
  const hva = medFiler.map((a) => {
    const ehf = a.flytt.filter((f) => f.startsWith('ehf/')).length;
    const numre = a.numre.length ? `; numrene ${a.numre.join(', ')} ble aldri ført og er annullert` : '';
    return `${a.visning}/avbrutt/ (kjøringen ${a.kjoring}: ${a.flytt.length - 1} filer, ${ehf} EHF${numre})`;
  });
  const melding =
    `Fant filer fra en avbrutt kjøring; de er flyttet til ${hva.join(', ')}. Numrene brukes aldri om igjen ` +
    '(se faktura/nummerlogg.csv). Send ingenting fra avbrutt/.';
  return { avbrutt, advarsel: advarsel('avbrutt-kjoring', melding, { fil: medFiler[0]!.visning }) };
}

/** Planen: regnestykket, reglene, numrene og registerlinjene — ingenting er skrevet. */
export function planleggKjoring(inn: FakturaInndata): Kjoringsplan {
  const fortegn = sjekkFortegn(inn.register.linjer, inn.register.fil);
  if (fortegn.length) throw new InndataFeil(fortegn);
  const ledger = kontrollerLedger(inn);
  const mappe = inn.perioder.find((m) => m.periode === inn.p.periode) ?? tomMappe(inn.p.periode);
  const iPerioden = inn.register.linjer.filter((l) => l.periode === inn.p.periode);
  if (iPerioden.length && !inn.erstatt) {
    sjekkKjoringsmerke(inn, mappe, iPerioden);
    return {
      status: 'allerede-fakturert',
      linjer: iPerioden,
      advarsler: [...ledger.advarsler, ...kursAdvarsel(inn, iPerioden)],
    };
  }
  if (!inn.datasett) throw new Error('planleggKjoring: datasettene er ikke lest');
  return fakturaplan(inn, inn.datasett, iPerioden, ledger);
}

function fakturaplan(
  inn: FakturaInndata,
  data: Datasettene,
  iPerioden: Registerlinje[],
  ledger: Utfilkontroll,
): Fakturaplan {
  const f = beregn(inn, data);
  const { treaar, smb, disp, regler } = regelsteg(inn, data, f);
  const hoyeste = hoyesteUtstedte({
    ...inn,
    register: inn.register.linjer,
    registerFil: inn.register.fil,
    kilder: inn.nummerkilder,
  });
  const { nummer, feil: nummerfeil } = nummerplan(inn, f, hoyeste);
  const erstatning = inn.erstatt && iPerioden.length > 0;
  const kurs = kurskorreksjoner(inn, nummer, nummer.kreditnotaer[0]?.id.fakturadato ?? korreksjonsdato(inn));
  const endret = nummer.kreditnotaer.length > 0 || nummer.nye.length > 0 || kurs.linjer.length > 0;
  const nyeLinjer = [
    ...nummer.kreditnotaer.map(({ gammel, id }) =>
      kreditlinje(medGjeldendeEur(gammel, inn.register.linjer), id, inn.kjoring),
    ),
    ...kurs.linjer,
    ...registerlinjer(f, inn.p, inn.kjoring, new Map(nummer.nye.map((n) => [n.m.orgnr, n.id])), smb.godtatt),
  ];
  const orgnre = [...nummer.kreditnotaer.map((x) => x.gammel.orgnr), ...nummer.nye.map((x) => x.m.orgnr)];
  return {
    status: regler.avvisninger.length ? 'avvist' : erstatning ? (endret ? 'erstattet' : 'uendret') : 'fakturert',
    erstatning,
    f,
    disp,
    treaar: treaar.status,
    smb: new Map(
      f.malbedrifter.map((m) => [m.orgnr, smbStatusTekst(smb.status.get(m.orgnr)!, smb.godtatt.get(m.orgnr))]),
    ),
    avvisninger: regler.avvisninger,
    advarsler: [...ledger.advarsler, ...regler.advarsler],
    feil: nummerfeil,
    nummer,
    ider: identiteter(nummer),
    nyeLinjer,
    kurs,
    kjopere: kjoperbehov({
      malbedrifter: data.malbedrifter,
      orgnre,
      formater: inn.formater,
      nummerserie: inn.oppsett.nummerserie,
      selger: inn.selger,
      mvaSats: inn.p.mvaSats,
      brreg: inn.brregAdresser,
    }),
    opprydding: oppryddingsplan(ledger.avbrutt),
    hoyeste,
    logg: loggplan(inn, nyeLinjer, nummer.hoppetOver, ledger.avbrutt),
    datoer: inn.datoer ?? null,
  };
}

/** Datoen en kurskorreksjon føres: i dag, eller siste dag i perioden om den er senere (som en kreditnota). */
function korreksjonsdato(inn: FakturaInndata): FakturaInndata['idag'] {
  const slutt = sisteDag(inn.p.periode);
  return inn.idag > slutt ? inn.idag : slutt;
}
