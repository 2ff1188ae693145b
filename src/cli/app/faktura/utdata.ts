/** nh faktura: --json-objektet og terminalteksten. */
import path from 'node:path';
import type { Config } from '../../../domain/konfig/config.js';
import { krev } from '../../../domain/konfig/uavklart.js';
import type { Maaned } from '../../../domain/felles/dato.js';
import { formatKroner, type Ore } from '../../../domain/felles/penger.js';
import { STOTTETAK_EUR_CENT } from '../../../domain/felles/stottetak.js';
import { PRISREKKEFOLGE, type Disponibelt, type Treaarsstatus } from '../../../domain/faktura/faktura.js';
import type { FakturaParametre, Fakturagrunnlag } from '../../../domain/faktura/typer.js';
import type { FakturaInndata, Fakturaplan } from '../../../domain/faktura/kjoringsplan.js';
import { feil } from '../../../domain/felles/diagnostikk.js';
import { kurskorreksjonTekst } from '../../../domain/faktura/kurskorreksjon.js';
import type { Dokument } from '../../../io/faktura/dokumenter.js';
import type { FakturaOppsett, Regnskapssystem } from '../../../domain/faktura/oppsett.js';
import type { Bilag } from '../../../domain/faktura/regnskapsbilag.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import type { Registerlinje } from '../../../io/faktura/stotteregister.js';
import type { Resultat } from '../../kontekst.js';
import type { FakturaValg } from './valg.js';
import { farge } from '../../utskrift.js';
import { kr, pst } from '../felles.js';

export type Utfiler = {
  xlsx: string;
  csv: string;
  register: string;
  ehf: string[];
  pdf: string[];
  importfiler: Partial<Record<Regnskapssystem, string>>;
  /** Støttebilagene for måneden (issue 21 pkt. 4) og PowerOffice-varianten når den skrives. */
  stottebilag: string[];
  nyeLinjer: number;
};

const eur = (cent: number) => kr(cent);

function mbJson(m: Fakturagrunnlag, t?: Treaarsstatus) {
  return {
    orgnr: m.orgnr,
    navn: m.navn,
    stotteintensitet: pst(m.stotteintensitet),
    timer: m.timer / 100,
    markedsverdi: kr(m.markedsverdi),
    egenandel: kr(m.egenandel),
    mva: kr(m.mva),
    aBetale: kr(m.aBetale),
    stotte: kr(m.stotte),
    stotteEur: eur(m.stotteEur),
    ...(t
      ? {
          treaar: {
            tidligereEur: eur(t.tidligereEur),
            fraAndreEur: eur(t.fraAndreEur),
            samletEur: eur(t.samletEur),
            takEur: eur(STOTTETAK_EUR_CENT),
            gjenstaarEur: eur(t.gjenstaarEur),
          },
        }
      : {}),
    fakturatekst: m.fakturatekst,
    linjer: m.linjer.map((l) => ({
      ansatt: l.ansatt,
      aktivitet: l.aktivitet,
      timer: l.timer / 100,
      pris: kr(l.pris),
      prisKilde: l.prisKilde,
      markedsverdi: kr(l.markedsverdi),
      stotteintensitet: pst(l.stotteintensitet),
      stotte: kr(l.stotte),
      egenandel: kr(l.egenandel),
      mva: kr(l.mva),
      aBetale: kr(l.aBetale),
      timerader: l.rader,
    })),
  };
}

function dispJson(d: Disponibelt) {
  return {
    ar: d.ar,
    tilskudd: kr(d.tilskudd),
    bruktFor: kr(d.bruktFor),
    denneKjoringen: kr(d.denneKjoringen),
    gjenstaarFor: kr(d.gjenstaarFor),
    gjenstaarEtter: kr(d.gjenstaarEtter),
  };
}

function sumJson(s: { timer: number; markedsverdi: Ore; egenandel: Ore; mva: Ore; aBetale: Ore; stotte: Ore }) {
  return {
    timer: s.timer / 100,
    markedsverdi: kr(s.markedsverdi),
    egenandel: kr(s.egenandel),
    mva: kr(s.mva),
    aBetale: kr(s.aBetale),
    stotte: kr(s.stotte),
  };
}

function forutsetningerJson(c: Config, p: FakturaParametre) {
  return {
    standardPris: kr(p.standardPris),
    prisrekkefolge: PRISREKKEFOLGE,
    standardStotteintensitet: pst(p.standardStotteintensitet),
    mvaSats: pst(p.mvaSats),
    eurNok: { kurs: p.eurNokKurs / 10_000, dato: p.kursdato, kilde: krev(c, ['eurNok']).eurNok.kilde },
    avrunding:
      'markedsverdi = timer × pris per linje til nærmeste øre, halv opp; egenandel = markedsverdi × (1 − støtteintensitet) rundet opp til øre (støtten aldri over intensiteten) og mva = egenandel × mva-sats halv opp, per faktura, fordelt på linjene med største rest; støtte = markedsverdi − egenandel',
  };
}

export function alleredeFakturert(periode: Maaned, linjer: readonly Registerlinje[], registerSti: string): Resultat {
  const s = { markedsverdi: 0, egenandel: 0, mva: 0, stotte: 0 };
  for (const l of linjer) {
    s.markedsverdi += l.markedsverdi;
    s.egenandel += l.egenandel;
    s.mva += l.mva;
    s.stotte += l.stotte;
  }
  const json = {
    periode,
    status: 'allerede-fakturert',
    melding: `Perioden ${periode} er allerede fakturert (${linjer.length} linjer i ${path.basename(registerSti)}). Ingenting er endret. Bruk --erstatt for å fakturere perioden på nytt, eller --dokumenter for å skrive dokumentene (EHF, PDF, importfiler) på nytt fra registeret, f.eks. etter at EHF eller PDF er slått på.`,
    register: linjer.map((l) => ({
      type: l.type ?? 'faktura',
      fakturanr: l.fakturanr ?? null,
      kid: l.kid ?? null,
      orgnr: l.orgnr,
      navn: l.navn,
      markedsverdi: kr(l.markedsverdi),
      egenandel: kr(l.egenandel),
      mva: kr(l.mva),
      stotte: kr(l.stotte),
      stotteEur: eur(l.stotteEur),
      kjoring: l.kjoring ?? null,
    })),
    totalt: { markedsverdi: kr(s.markedsverdi), egenandel: kr(s.egenandel), mva: kr(s.mva), stotte: kr(s.stotte) },
    filer: null,
  };
  return { json, tekst: `${json.melding}\nRegisteret: ${registerSti}` };
}

/** --json for en kjøring som er planlagt (og kanskje skrevet: `filer`). */
export function fakturaJson(
  am: Arbeidsmappe,
  inn: FakturaInndata,
  plan: Fakturaplan,
  valg: FakturaValg,
  filer: (Utfiler & { sikkerhetskopi: string | null }) | null,
) {
  const { f, nummer } = plan;
  const treaarPer = new Map(plan.treaar.map((t) => [t.orgnr, t]));
  const status = plan.status === 'avvist' ? 'avvist' : valg.forhandsvis ? 'forhandsvis' : plan.status;
  // ok, versjon, kommando og exitKode legger kjor.ts på (issue 19 pkt. 10).
  return {
    periode: f.periode,
    fakturadato: f.fakturadato,
    // Issue 19 pkt. 6: hvilken fakturadato og hvorfor (bokføringsforskriften § 5-1-3 tredje ledd).
    fakturadatoer: plan.datoer
      ? {
          fakturadato: plan.datoer.fakturadato,
          forfallsdato: plan.datoer.forfallsdato,
          utstedt: plan.datoer.utstedt,
          kilde: plan.datoer.kilde,
          tilbakedatert: plan.datoer.tilbakedatert,
          fristTilbakedatering: plan.datoer.fristTilbakedatering,
          forklaring: plan.datoer.forklaring,
        }
      : null,
    status,
    naeringshage: am.config.naeringshage.navn,
    forutsetninger: forutsetningerJson(am.config, inn.p),
    malbedrifter: f.malbedrifter.map((m) => ({
      ...mbJson(m, treaarPer.get(m.orgnr)),
      faktura: plan.ider.get(m.orgnr) ?? null,
      smbSjekk: plan.smb.get(m.orgnr),
    })),
    kreditnotaer: kreditnotaJson(plan),
    kurskorreksjoner: kurskorreksjonJson(plan),
    hoppetOver: nummer.hoppetOver,
    totalt: { ...sumJson(f.totalt), stotteEur: eur(f.malbedrifter.reduce((s, m) => s + m.stotteEur, 0)) },
    disponibelt: dispJson(plan.disp),
    adminTimeraderIkkeFakturert: f.adminRader,
    avvisninger: plan.avvisninger,
    filer,
  };
}
type FakturaJson = ReturnType<typeof fakturaJson>;

function kreditnotaJson(plan: Fakturaplan) {
  return plan.nummer.kreditnotaer.map(({ gammel, id }) => ({
    ...id,
    orgnr: gammel.orgnr,
    navn: gammel.navn,
    markedsverdi: -gammel.markedsverdi / 100,
    stotte: -gammel.stotte / 100,
    egenandel: -gammel.egenandel / 100,
    mva: -gammel.mva / 100,
  }));
}

/** Issue 19 pkt. 2: per faktura kursen og EUR-verdien før og etter korreksjonen. */
function kurskorreksjonJson(plan: Fakturaplan) {
  return plan.kurs.linjer.map((k, i) => {
    const fra = plan.kurs.fra[i]!;
    return {
      korrigerer: k.korrigerer,
      orgnr: k.orgnr,
      navn: k.navn,
      fra: { kurs: fra.eurNokKurs / 10_000, kursdato: fra.kursdato, stotteEur: eur(fra.stotteEur) },
      til: { kurs: k.eurNokKurs / 10_000, kursdato: k.kursdato, stotteEur: eur(fra.stotteEur + k.stotteEur) },
      differanseEur: eur(k.stotteEur),
    };
  });
}

/** En regel sier nei (exit 1): domenet ga avvisningene, appen gjør dem om til resultat og exit-kode. */
export function avvist(json: FakturaJson, plan: Fakturaplan): Resultat {
  const overskrift = `Fakturering av ${plan.f.periode} avvist — ingenting er skrevet:`;
  const punkter = plan.avvisninger.map((a) => `  • ${a.melding}`);
  const feilListe = plan.avvisninger.map((a) => feil(a.kode, a.melding));
  return {
    exitKode: 1,
    json: { melding: [overskrift, ...punkter].join('\n'), resultat: json, feil: feilListe },
    tekst: [farge.red(overskrift), ...punkter].join('\n'),
  };
}

export function uendret(json: FakturaJson, periode: Maaned): Resultat {
  const melding = `Perioden ${periode} er fakturert, og ingen faktura er endret — ingen kreditnota, ingenting skrevet.`;
  return { json: { ...json, filer: null, melding }, tekst: melding };
}

/** Stiene kjøringen skrev, fra dokumentene. */
export function utfilerAv(
  mappe: string,
  register: string,
  dokumenter: readonly Dokument[],
  nyeLinjer: number,
): Utfiler {
  const importfiler: Utfiler['importfiler'] = {};
  for (const d of dokumenter) if (d.art === 'import' && d.system) importfiler[d.system] = d.sti;
  return {
    xlsx: path.join(mappe, 'fakturagrunnlag.xlsx'),
    csv: path.join(mappe, 'fakturagrunnlag.csv'),
    register,
    ehf: dokumenter.filter((d) => d.art === 'ehf').map((d) => d.sti),
    pdf: dokumenter.filter((d) => d.art === 'pdf').map((d) => d.sti),
    importfiler,
    stottebilag: dokumenter.filter((d) => d.art === 'bilag').map((d) => d.sti),
    nyeLinjer,
  };
}

function stottebilagNotat(b: Bilag, o: FakturaOppsett): string {
  const k = o.kontoer;
  const belop = formatKroner(b.linjer[0]?.belop ?? 0);
  return `Støttebilag ${b.nr} (bilag-stotte.csv): debet ${k.tilskuddsgjeld} / kredit ${k.tilskuddsinntekt} ${belop} kr — før det i regnskapet (10.4 pkt. 1).`;
}

/** Merknadene etter en skrevet kjøring: nummerserien, kreditnotaene, uendrede fakturaer, PowerOffice. */
export function notater(inn: FakturaInndata, plan: Fakturaplan, filer: Utfiler): string[] {
  const { kreditnotaer, uendret } = plan.nummer;
  const ut: string[] = [];
  if (inn.oppsett.nummerserie === 'regnskapssystem')
    ut.push(
      'Fakturanummer og KID tildeles av regnskapssystemet (nh.json faktura.nummerserie = «regnskapssystem»); nh skriver ordrereferansen.',
    );
  if (kreditnotaer.length)
    ut.push(
      `Kreditnotaer: ${kreditnotaer.map((x) => `${x.id.fakturanr ?? x.id.ordrereferanse} krediterer ${x.id.krediterer}`).join(', ')}.`,
    );
  if (uendret.length)
    ut.push(`Uendret (beholdes): ${uendret.map((u) => u.fakturanr ?? u.ordrereferanse ?? u.orgnr).join(', ')}.`);
  if (plan.kurs.linjer.length)
    ut.push(
      `Kurskorreksjon (ny EUR/NOK-kurs i nh.json, vedlegg 3 pkt. 2): ${plan.kurs.linjer.map((k, i) => kurskorreksjonTekst(k, plan.kurs.fra[i]!)).join('; ')}. Ført som egne linjer i registeret; fakturaene er uendret.`,
    );
  if (plan.nummer.hoppetOver.length)
    ut.push(
      `Hoppet over ${plan.nummer.hoppetOver.join(', ')}: MOD11-KID-en ville endt på «-», som mange banker avviser (står i faktura/nummerlogg.csv).`,
    );
  // Issue 21: nummerserien, PowerOffice-ruten, kreditnotaenes kobling og sjekklisten ved første import.
  const nye = plan.regnskap.stottebilag.filter((b) => b.kjoring === plan.kjoring).map((b) => b.bilag);
  if (filer.stottebilag.length) ut.push(...nye.map((b) => stottebilagNotat(b, inn.oppsett)));
  ut.push(...plan.regnskap.merknader);
  return ut;
}
