/**
 * Planen for én `nh faktura`-kjøring — ren: inndataene er lest (cli/app/faktura/les.ts), og planen sier nøyaktig
 * hva kjøringen vil skrive: registerlinjene (med numre og KID), fakturaene og kreditnotaene, reglenes
 * avvisninger og advarsler, spørsmålene til brukeren (adressetilbud) og hva som ryddes etter en avbrutt kjøring.
 * Appen viser planen (`--forhandsvis` stopper der), spør, lager dokumentene og skriver — bare skrivingen under
 * låsen. Programveileder 10.4 og vedlegg 3 pkt. 2 og 4.1 (reglene i regelliste.ts).
 */
import { feil, InndataFeil, advarsel, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { deler, type Dato } from '../felles/dato.js';
import { timerOverDognet, type Timeregistrering } from '../datasett/timer.js';
import type { Ansatt } from '../datasett/ansatte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import type { Stottelinje } from '../datasett/stotteregister.js';
import type { AnnenStotte } from '../datasett/annenstotte.js';
import { annenStotteSomLinjer } from '../felles/stottetak.js';
import type { Fakturadatoer } from './fakturadato.js';
import { smbStatusTekst, vurderSmbPerFaktura, type SmbSjekkPost } from './smb-kontroll.js';
import { beregnFakturering, registerlinjer } from './faktura.js';
import { beregnDisponibelt, sjekkTreaarstak, type Avvisning, type Disponibelt, type Treaarsstatus } from './regler.js';
import { kreditlinje, planleggFakturaer, sjekkFortegn, type Plan } from './fakturanummer.js';
import { kjoperbehov, type Adressekilde, type Kjoperbehov } from './kjopere.js';
import { powerofficeRute } from './regnskapsoppsett.js';
import { gjenskapPlan, regnskapsdel, sjekkDokumentvalg, type Regnskapsdel } from './regnskapsplan.js';
import { kjorRegler, type FakturaRegel, FAKTURAREGLER } from './regelliste.js';
import type { FakturaOppsett, Formater, Regnskapssystem } from './oppsett.js';
import type { SelgerFull } from './ehf.js';
import type { FakturaParametre, Fakturering, Identitet, NyRegisterlinje } from './typer.js';

/** En linje i støtteregisteret slik den er lest (kilden: fil og rad) eller ført av nh. */
export type Registerlinje = Omit<Stottelinje, 'kilde'> & { kilde?: Kilde };

/** Det som ligger i faktura/<periode>/ fra før. */
export type Periodemappe = {
  /** Mappen slik brukeren ser den (relativt til arbeidsmappen), til meldinger. */
  visning: string;
  /** Kjøringen utfilene er fra (`.nh-kjoring.json`); null: intet merke. */
  merke: string | null;
  /** fakturagrunnlag.xlsx eller .csv finnes. */
  fakturagrunnlag: boolean;
  /** EHF-filene nh skriver (`<nr>-<orgnr>[-kreditnota].xml`) i ehf/. */
  ehf: string[];
};

export type Datasettene = {
  ansatte: readonly Ansatt[];
  malbedrifter: readonly Malbedrift[];
  timer: readonly Timeregistrering[];
  tilskudd: readonly Tilskudd[];
  /** Støtte fra andre (annenstotte.csv, frivillig; issue 20 pkt. 7). */
  annen?: readonly AnnenStotte[];
};

export type FakturaInndata = {
  p: FakturaParametre;
  oppsett: FakturaOppsett;
  formater: Formater;
  selger: SelgerFull;
  erstatt: boolean;
  idag: Dato;
  /** Kjøringens id (står på registerlinjene og i kjøringsmerket). */
  kjoring: string;
  register: { fil: string; linjer: readonly Registerlinje[] };
  periodemappe: Periodemappe;
  /** null: perioden er fakturert og --erstatt er ikke gitt, så datasettene trengs ikke. */
  datasett: Datasettene | null;
  /** Feil i nh.json som først kan sees mot dataene (tjenestepris med skrivefeil, ukjent CSV-kolonne). */
  oppsettfeil: readonly Diagnostikk[];
  smbSjekker: ReadonlyMap<string, readonly SmbSjekkPost[]>;
  brregAdresser: ReadonlyMap<string, Adressekilde>;
  /** Reglene (standard FAKTURAREGLER). */
  regler?: readonly FakturaRegel[];
  /** Issue 19 pkt. 6: fakturadato og forfall for kjøringens dokumenter (uten: siste dag i perioden, som før). */
  datoer?: Fakturadatoer;
  /** Issue 20 pkt. 2: --godta-smb, orgnr → grunn. */
  godta?: ReadonlyMap<string, string>;
  /** --dokumenter (issue 19 pkt. 7): dokumentene for en fakturert periode på nytt fra registeret. */
  dokumenter?: boolean;
  /** Systemene som får sin første importfil i arbeidsmappen nå (sjekklisten, issue 21). */
  forsteImport?: ReadonlySet<Regnskapssystem>;
};

export type Fakturaidentitet = Pick<Identitet, 'fakturanr' | 'kid' | 'fakturadato' | 'forfallsdato' | 'ordrereferanse'>;

export type AlleredeFakturert = { status: 'allerede-fakturert'; linjer: Registerlinje[] };

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
  /** Linjene som føres i registeret: kreditnotaene, så de nye fakturaene. */
  nyeLinjer: NyRegisterlinje[];
  kjopere: Kjoperbehov;
  /** Filer fra en avbrutt kjøring: EHF-filene som fjernes før skrivingen, og advarselen om det. */
  opprydding: { fjernEhf: string[]; advarsel: Diagnostikk | null };
  /** Issue 19 pkt. 6: datoene og forklaringen (terminal, --json, Forutsetninger). */
  datoer: Fakturadatoer | null;
  /** Kjøringen utfilene hører til (ved --dokumenter: kjøringen i registeret, ellers denne). */
  kjoring: string;
  /** Regnskapet (issue 21): fakturaene og kreditnotaene som importposter, støttebilagene, merknadene. */
  regnskap: Regnskapsdel;
};

export type Kjoringsplan = AlleredeFakturert | Fakturaplan;

/**
 * Står perioden i registeret, må utfilene være fra samme kjøring. Ellers ble en kjøring avbrutt mellom
 * utfilene og registeret (issue 11 pkt. 10): exit 2 med hva brukeren skal gjøre.
 */
function sjekkKjoringsmerke(inn: FakturaInndata, iPerioden: readonly Registerlinje[]): void {
  const { merke, visning } = inn.periodemappe;
  const iRegisteret = [...new Set(iPerioden.map((l) => l.kjoring).filter((k): k is string => Boolean(k)))];
  if (merke === null || !iRegisteret.length || iRegisteret.includes(merke)) return;
  const periode = inn.p.periode;
  throw new InndataFeil([
    feil(
      'kjoring-ulik',
      `Fakturagrunnlaget i ${visning} er fra kjøringen ${merke}, men ${inn.register.fil} har perioden ` +
        `${periode} fra kjøringen ${iRegisteret.join(', ')}: en kjøring (trolig med --erstatt) ble ` +
        'avbrutt mellom utfilene og registeret, så fakturagrunnlaget og registeret stemmer ikke overens. Kjør ' +
        `«nh faktura --periode ${periode} --erstatt» for å lage begge på nytt (sikkerhetskopier ligger i ` +
        'faktura/sikkerhetskopi/). Ikke send fakturaer fra mappen før det er gjort.',
      { fil: `${visning}/.nh-kjoring.json` },
      { verdi: merke, forventet: `kjøringen ${iRegisteret.join(', ')}` },
    ),
  ]);
}

/** Periodens fakturaer; feil i dataene (og i nh.json mot dataene) meldes alle på én gang (exit 2). */
function beregn(inn: FakturaInndata, d: Datasettene): Fakturering {
  const { fakturering, feil: feilListe } = beregnFakturering(d.timer, d.ansatte, d.malbedrifter, inn.p);
  // issue 11 pkt. 5: høyst 24 timer per person per dag
  const alle = [...inn.oppsettfeil, ...timerOverDognet(d.timer), ...feilListe];
  if (alle.length) throw new InndataFeil(alle);
  return fakturering;
}

function identiteter(nummer: Plan): Map<string, Fakturaidentitet> {
  const ider = new Map<string, Fakturaidentitet>();
  for (const u of nummer.uendret)
    ider.set(u.orgnr, {
      fakturanr: u.fakturanr,
      kid: u.kid,
      fakturadato: u.fakturadato ?? u.dato,
      forfallsdato: u.forfallsdato ?? u.dato,
      ordrereferanse: u.ordrereferanse ?? `${u.periode}-${u.orgnr}`,
    });
  for (const n of nummer.nye) ider.set(n.m.orgnr, n.id);
  return ider;
}

/**
 * Fakturagrunnlag fra en kjøring som ikke kom til registeret (avbrutt, eller en tom kjøring): filene erstattes,
 * og EHF-filene derfra har numre som ikke er tildelt — de fjernes, så ingen gammel fil deler nummer med en ny.
 */
function opprydding(inn: FakturaInndata, erstatning: boolean): Fakturaplan['opprydding'] {
  const m = inn.periodemappe;
  if (erstatning || !m.fakturagrunnlag) return { fjernEhf: [], advarsel: null };
  const melding =
    `Fant fakturagrunnlag for ${inn.p.periode} uten linjer i støtteregisteret (avbrutt eller tom kjøring); de erstattes` +
    (m.ehf.length
      ? `, og ${m.ehf.length} EHF-filer med numre som aldri ble ført, er fjernet (${m.ehf.join(', ')}).`
      : '.');
  return { fjernEhf: [...m.ehf], advarsel: advarsel('gamle-utfiler', melding, { fil: m.visning }) };
}

function nummerplan(inn: FakturaInndata, f: Fakturering): { nummer: Plan; feil: Diagnostikk[] } {
  const { nummerserie, kid, forfallsdager } = inn.oppsett;
  // PowerOffice-ordreruten (issue 21 pkt. 1): ordrenummer som tall fra serien i nh.json.
  const ordre = inn.formater.systemer.includes('poweroffice') && powerofficeRute(inn.oppsett) === 'ordre';
  const ordrenr = ordre ? inn.oppsett.poweroffice.ordrenr : undefined;
  const o = { nummerserie, kid, forfallsdager, ordrenr };
  const r = planleggFakturaer(f, inn.register.linjer, o, inn.idag, inn.datoer);
  if (!('feil' in r)) return { nummer: r.plan, feil: [] };
  const tom: Plan = { kreditnotaer: [], nye: [], uendret: [] };
  return { nummer: tom, feil: [feil('kid-lengde', r.feil, { fil: 'nh.json', kolonne: 'faktura.kid.lengde' })] };
}

/** Planen: regnestykket, reglene, numrene og registerlinjene — ingenting er skrevet. */
export function planleggKjoring(inn: FakturaInndata): Kjoringsplan {
  const fortegn = sjekkFortegn(inn.register.linjer, inn.register.fil);
  if (fortegn.length) throw new InndataFeil(fortegn);
  const iPerioden = inn.register.linjer.filter((l) => l.periode === inn.p.periode);
  if (inn.dokumenter) sjekkDokumentvalg(inn.p.periode, inn.erstatt, iPerioden.length);
  if (iPerioden.length && !inn.erstatt) {
    sjekkKjoringsmerke(inn, iPerioden);
    if (!inn.dokumenter) return { status: 'allerede-fakturert', linjer: iPerioden };
  }
  if (!inn.datasett) throw new Error('planleggKjoring: datasettene er ikke lest');
  const f = beregn(inn, inn.datasett);
  // Reglene ser på perioden slik den blir etter kjøringen (andre perioder + denne), så kreditnotaer og
  // uendrede fakturaer ved --erstatt ikke telles to ganger.
  const ovrige = inn.register.linjer.filter((l) => l.periode !== inn.p.periode);
  // Issue 20: taket medregnet støtte fra andre, og SMB-sjekken på fakturadatoen (hver faktura er ny støtte).
  const d = inn.datasett;
  const annen = d.annen ?? [];
  const treaar = sjekkTreaarstak(f, ovrige, annenStotteSomLinjer(annen, inn.p.eurNokKurs));
  const smb = vurderSmbPerFaktura(f.malbedrifter, f.fakturadato, inn.smbSjekker, inn.godta);
  const disp = beregnDisponibelt(deler(f.fakturadato).aar, d.tilskudd, ovrige, f.totalt.stotte);
  const grunnlag = { f, p: inn.p, idag: inn.idag, ovrige, tilskudd: d.tilskudd, treaar, disp, smb };
  const regler = kjorRegler(
    {
      ...grunnlag,
      smbSjekker: inn.smbSjekker,
      timer: d.timer,
      malbedrifter: d.malbedrifter,
      annen,
      ingenStotte: inn.oppsett.ingenStotte,
    },
    inn.regler ?? FAKTURAREGLER,
  );
  // --dokumenter: fakturaene er utstedt (reglene ble sjekket da); numrene og beløpene er registerets.
  const gjenskapt = inn.dokumenter ? gjenskapPlan(iPerioden, f, inn.register.fil) : null;
  const { nummer, feil: nummerfeil } = gjenskapt ? { nummer: gjenskapt.plan, feil: [] } : nummerplan(inn, f);
  const erstatning = inn.erstatt && iPerioden.length > 0;
  const endret = nummer.kreditnotaer.length > 0 || nummer.nye.length > 0;
  const nyeLinjer = gjenskapt
    ? []
    : [
        ...nummer.kreditnotaer.map(({ gammel, id }) => kreditlinje(gammel, id, inn.kjoring)),
        ...registerlinjer(f, inn.p, inn.kjoring, new Map(nummer.nye.map((n) => [n.m.orgnr, n.id])), smb.godtatt),
      ];
  const orgnre = [...nummer.kreditnotaer.map((x) => x.gammel.orgnr), ...nummer.nye.map((x) => x.m.orgnr)];
  const plan = {
    status: regler.avvisninger.length ? 'avvist' : erstatning ? (endret ? 'erstattet' : 'uendret') : 'fakturert',
    erstatning,
    f,
    disp,
    treaar: treaar.status,
    smb: new Map(
      f.malbedrifter.map((m) => [m.orgnr, smbStatusTekst(smb.status.get(m.orgnr)!, smb.godtatt.get(m.orgnr))]),
    ),
    avvisninger: regler.avvisninger,
    advarsler: regler.advarsler,
    feil: nummerfeil,
    nummer,
    ider: identiteter(nummer),
    nyeLinjer,
    kjopere: kjoperbehov({
      malbedrifter: inn.datasett.malbedrifter,
      orgnre,
      formater: inn.formater,
      nummerserie: inn.oppsett.nummerserie,
      selger: inn.selger,
      brreg: inn.brregAdresser,
    }),
    opprydding: opprydding(inn, erstatning),
    datoer: inn.datoer ?? null,
  } as const;
  return medRegnskap(inn, plan, iPerioden, gjenskapt);
}

/**
 * Issue 21 og issue 19 pkt. 7: regnskapsdelen (importposter, støttebilag, nummerserie, PowerOffice-oppsett,
 * merknader), og ved --dokumenter: status «dokumenter», ingen avvisninger og kjøringen fra registeret.
 */
function medRegnskap(
  inn: FakturaInndata,
  plan: Omit<Fakturaplan, 'kjoring' | 'regnskap' | 'status'> & { status: Fakturaplan['status'] },
  iPerioden: readonly Registerlinje[],
  gjenskapt: ReturnType<typeof gjenskapPlan> | null,
): Fakturaplan {
  const { nummer, kjopere, nyeLinjer } = plan;
  const kreditert = gjenskapt?.kreditert;
  const regnskap = regnskapsdel({ ...inn, nummer, kunder: kjopere.kunder, nyeLinjer, kreditert });
  return {
    ...plan,
    status: gjenskapt ? 'dokumenter' : plan.status,
    avvisninger: gjenskapt ? [] : plan.avvisninger,
    advarsler: [...plan.advarsler, ...regnskap.advarsler],
    feil: [...plan.feil, ...regnskap.feil],
    opprydding: gjenskapt ? { fjernEhf: [], advarsel: null } : plan.opprydding,
    kjoring: gjenskapt ? (iPerioden.at(-1)?.kjoring ?? inn.kjoring) : inn.kjoring,
    regnskap,
  };
}
