/**
 * Planen for én `nh faktura`-kjøring — ren: inndataene er lest (cli/app/faktura/les.ts), og planen sier nøyaktig
 * hva kjøringen vil skrive: registerlinjene (med numre og KID), fakturaene og kreditnotaene, reglenes
 * avvisninger og advarsler, spørsmålene til brukeren (adressetilbud), hva som ryddes etter en avbrutt kjøring og
 * hva som føres i nummerloggen. Appen viser planen (`--forhandsvis` stopper der), spør, lager dokumentene og
 * skriver — bare skrivingen under låsen. Programveileder 10.4 og vedlegg 3 pkt. 2 og 4.1 (reglene i
 * regelliste.ts); reskontroen (issue 23) i reskontroplan.ts, regnskapet (issue 21) i regnskapsplan.ts.
 */
import { InndataFeil, type Diagnostikk } from '../felles/diagnostikk.js';
import { sisteDag } from '../felles/dato.js';
import type { Fakturadatoer } from './fakturadato.js';
import { smbStatusTekst } from './smb-kontroll.js';
import { registerlinjer } from './registerlinjer.js';
import type { Avvisning, Disponibelt, Treaarsstatus } from './regler.js';
import { kreditlinje, sjekkFortegn, type Nummerkilde, type Plan } from './fakturanummer.js';
import type { EurVerdi } from './kurskorreksjon.js';
import type { Logglinje } from './nummerlogg.js';
import { beregn, identiteter, kurskorreksjoner, loggplan, medGjeldendeEur, nummerplan, regelsteg } from './plansteg.js';
import { hoyesteUtstedte, utstedteNumre, type AvbruttKjoring, type Utfilkontroll } from './utfiler.js';
import { kjoperbehov, type Kjoperbehov } from './kjopere.js';
import { gjenskapPlan, regnskapsdel, sjekkDokumentvalg, type Regnskapsdel } from './regnskapsplan.js';
import { kontrollerLedger, kursAdvarsel, oppryddingsplan, sjekkKjoringsmerke, tomMappe } from './reskontroplan.js';
import type { Fakturering, NyRegisterlinje } from './typer.js';
import type { Datasettene, FakturaInndata, Fakturaidentitet, Registerlinje } from './inndata.js';

export type { Datasettene, FakturaInndata, Registerlinje };

type AlleredeFakturert = { status: 'allerede-fakturert'; linjer: Registerlinje[]; advarsler: Diagnostikk[] };

export type Fakturaplan = {
  status: 'avvist' | 'uendret' | 'fakturert' | 'erstattet' | 'dokumenter';
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
  /** Kjøringen utfilene hører til (ved --dokumenter: kjøringen i registeret, ellers denne). */
  kjoring: string;
  /** Regnskapet (issue 21): fakturaene og kreditnotaene som importposter, støttebilagene, merknadene. */
  regnskap: Regnskapsdel;
};

export type Kjoringsplan = AlleredeFakturert | Fakturaplan;

/** Planen: regnestykket, reglene, numrene og registerlinjene — ingenting er skrevet. */
export function planleggKjoring(inn: FakturaInndata): Kjoringsplan {
  const fortegn = sjekkFortegn(inn.register.linjer, inn.register.fil);
  if (fortegn.length) throw new InndataFeil(fortegn);
  const ledger = kontrollerLedger(inn);
  const mappe = inn.perioder.find((m) => m.periode === inn.p.periode) ?? tomMappe(inn.p.periode);
  const iPerioden = inn.register.linjer.filter((l) => l.periode === inn.p.periode);
  if (inn.dokumenter) sjekkDokumentvalg(inn.p.periode, inn.erstatt, iPerioden.length);
  if (iPerioden.length && !inn.erstatt) {
    sjekkKjoringsmerke(inn, mappe, iPerioden);
    if (!inn.dokumenter) {
      const advarsler = [...ledger.advarsler, ...kursAdvarsel(inn, iPerioden)];
      return { status: 'allerede-fakturert', linjer: iPerioden, advarsler };
    }
  }
  if (!inn.datasett) throw new Error('planleggKjoring: datasettene er ikke lest');
  return fakturaplan(inn, inn.datasett, iPerioden, ledger);
}

type Grunnplan = Omit<Fakturaplan, 'kjoring' | 'regnskap'>;

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
  // --dokumenter: fakturaene er utstedt (reglene ble sjekket da); numrene og beløpene er registerets.
  const gjenskapt = inn.dokumenter ? gjenskapPlan(iPerioden, f, inn.register.fil) : null;
  const { nummer, feil: nummerfeil } = gjenskapt ? { nummer: gjenskapt.plan, feil: [] } : nummerplan(inn, f, hoyeste);
  const erstatning = inn.erstatt && iPerioden.length > 0;
  const tom = { linjer: [] as NyRegisterlinje[], fra: [] as EurVerdi[] };
  const kurs = gjenskapt
    ? tom
    : kurskorreksjoner(inn, nummer, nummer.kreditnotaer[0]?.id.fakturadato ?? korreksjonsdato(inn));
  const endret = nummer.kreditnotaer.length > 0 || nummer.nye.length > 0 || kurs.linjer.length > 0;
  const nyeLinjer = gjenskapt ? [] : nyeRegisterlinjer(inn, f, nummer, kurs.linjer, smb.godtatt);
  const orgnre = [...nummer.kreditnotaer.map((x) => x.gammel.orgnr), ...nummer.nye.map((x) => x.m.orgnr)];
  const plan: Grunnplan = {
    status: planstatus(regler.avvisninger.length > 0, erstatning, endret),
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
    opprydding: gjenskapt ? { avbrutt: [], advarsel: null } : oppryddingsplan(ledger.avbrutt),
    hoyeste,
    logg: gjenskapt ? { for: [], etter: [] } : loggplan(inn, nyeLinjer, nummer.hoppetOver, ledger.avbrutt),
    datoer: inn.datoer ?? null,
  };
  return medRegnskap(inn, plan, iPerioden, gjenskapt);
}

/** Avvisninger går foran; ved --erstatt sier status om noe ble kreditert eller lagt til. */
function planstatus(avvist: boolean, erstatning: boolean, endret: boolean): Grunnplan['status'] {
  if (avvist) return 'avvist';
  if (!erstatning) return 'fakturert';
  return endret ? 'erstattet' : 'uendret';
}

/** Kreditnotaene (som reverserer fakturaens gjeldende EUR-verdi), kurskorreksjonene, så de nye fakturaene. */
function nyeRegisterlinjer(
  inn: FakturaInndata,
  f: Fakturering,
  nummer: Plan,
  kurs: NyRegisterlinje[],
  godtatt: ReadonlyMap<string, string>,
): NyRegisterlinje[] {
  return [
    ...nummer.kreditnotaer.map(({ gammel, id }) =>
      kreditlinje(medGjeldendeEur(gammel, inn.register.linjer), id, inn.kjoring),
    ),
    ...kurs,
    ...registerlinjer(f, inn.p, inn.kjoring, new Map(nummer.nye.map((n) => [n.m.orgnr, n.id])), godtatt),
  ];
}

/**
 * Issue 21 og issue 19 pkt. 7: regnskapsdelen (importposter, støttebilag, nummerserie, PowerOffice-oppsett,
 * merknader), og ved --dokumenter: status «dokumenter», ingen avvisninger og kjøringen fra registeret.
 */
function medRegnskap(
  inn: FakturaInndata,
  plan: Grunnplan,
  iPerioden: readonly Registerlinje[],
  gjenskapt: ReturnType<typeof gjenskapPlan> | null,
): Fakturaplan {
  const { nummer, kjopere, nyeLinjer } = plan;
  const kreditert = gjenskapt?.kreditert;
  const regnskap = regnskapsdel({
    ...inn,
    nummer,
    kunder: kjopere.kunder,
    nyeLinjer,
    kreditert,
    // Issue 23: numrene nh har utstedt noe sted (også annullerte og hoppet over), ikke bare i registeret.
    utstedte: utstedteNumre({
      ...inn,
      register: inn.register.linjer,
      registerFil: inn.register.fil,
      kilder: inn.nummerkilder,
    }).map((k) => k.nr),
  });
  return {
    ...plan,
    status: gjenskapt ? 'dokumenter' : plan.status,
    avvisninger: gjenskapt ? [] : plan.avvisninger,
    advarsler: [...plan.advarsler, ...regnskap.advarsler],
    feil: [...plan.feil, ...regnskap.feil],
    kjoring: gjenskapt ? (iPerioden.at(-1)?.kjoring ?? inn.kjoring) : inn.kjoring,
    regnskap,
  };
}

/** Datoen en kurskorreksjon føres: i dag, eller siste dag i perioden om den er senere (som en kreditnota). */
function korreksjonsdato(inn: FakturaInndata): FakturaInndata['idag'] {
  const slutt = sisteDag(inn.p.periode);
  return inn.idag > slutt ? inn.idag : slutt;
}
