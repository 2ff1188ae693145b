/**
 * Regnskapsdelen av planen for `nh faktura` (issue 21 og issue 19 pkt. 7) — ren: importpostene for fakturaene og
 * kreditnotaene, støttebilagene for måneden (10.4 pkt. 1), nummerserien og KID-en mot registeret, PowerOffice-
 * oppsettet, merknadene til utdata (ruten, kreditnotaenes kobling, sjekklisten ved første import) — og planen fra
 * registeret for `--dokumenter`. Kalles av kjoringsplan.ts.
 */
import { feil, InndataFeil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { maanedICsv, type Maaned } from '../felles/dato.js';
import { planFraRegister, type Plan } from './fakturanummer.js';
import type { Kunde } from './kjopere.js';
import type { FakturaOppsett, Formater, Regnskapssystem } from './oppsett.js';
import { stottebilagForPeriode, type Bilag, type Fakturabelop } from './regnskapsbilag.js';
import {
  nummerserieOgKid,
  powerofficeFeil,
  powerofficeRute,
  regnskapsnotater,
  sjekkliste,
  type Post,
} from './regnskapsoppsett.js';
import type { Fakturering, Identitet, RegisterlinjeData } from './typer.js';

export type Regnskapsdel = {
  poster: Post[];
  /** Støttebilagene for perioden etter kjøringen, ett per kjøring (10.4 pkt. 1). */
  stottebilag: { bilag: Bilag; kjoring: string }[];
  /** Linjene til utdata: nummerserien, PowerOffice-ruten, kreditnotaenes kobling, sjekklisten, støttebilaget. */
  merknader: string[];
  feil: Diagnostikk[];
  advarsler: Diagnostikk[];
};

function poster(nummer: Plan, kunder: ReadonlyMap<string, Kunde>, periode: string): Post[] {
  const post = (
    id: Identitet,
    orgnr: string,
    navn: string,
    per: string,
    b: Fakturabelop,
    tekst: string,
    t?: number,
  ) => {
    const k = (kunder.get(orgnr) ?? { orgnr, navn }) as Kunde & { kilde?: Kilde };
    return {
      id,
      orgnr,
      navn,
      periode: per,
      belop: { markedsverdi: b.markedsverdi, stotte: b.stotte, egenandel: b.egenandel, mva: b.mva },
      ...(t ? { timer: t } : {}),
      kundenummer: k.kundenummer,
      kundeRef: k.deresRef ?? k.dagligLeder,
      tekst,
      kilde: k.kilde,
    };
  };
  return [
    ...nummer.kreditnotaer.map((x) => post(x.id, x.gammel.orgnr, x.gammel.navn, x.gammel.periode, x.gammel, '')),
    ...nummer.nye.map((x) => post(x.id, x.m.orgnr, x.m.navn, periode, x.m, x.m.fakturatekst, x.m.timer)),
  ];
}

export type Regnskapsgrunnlag = {
  p: { periode: Maaned };
  oppsett: FakturaOppsett;
  formater: Formater;
  register: { linjer: readonly RegisterlinjeData[] };
  forsteImport?: ReadonlySet<Regnskapssystem> | undefined;
  nummer: Plan;
  kunder: ReadonlyMap<string, Kunde>;
  /** Registerlinjene kjøringen fører (tom ved --dokumenter). */
  nyeLinjer: readonly RegisterlinjeData[];
  /** --dokumenter: de krediterte fakturaene som ikke lages på nytt. */
  kreditert?: readonly RegisterlinjeData[] | undefined;
  /** Issue 23: numrene nh har utstedt noe sted (register, logg, EHF-filer …); uten: registerets numre. */
  utstedte?: readonly number[];
};

/** Issue 21: det regnskapet får — og det som må stemme før noe skrives (nummerserie, PowerOffice-oppsett). */
export function regnskapsdel(inn: Regnskapsgrunnlag): Regnskapsdel {
  const o = inn.oppsett;
  const systemer = inn.formater.systemer;
  const ps = poster(inn.nummer, inn.kunder, inn.p.periode);
  const linjerEtter = [...inn.register.linjer, ...inn.nyeLinjer];
  const utstedt =
    inn.utstedte ?? inn.register.linjer.filter((l) => /^\d+$/.test(l.fakturanr ?? '')).map((l) => Number(l.fakturanr));
  const serie = nummerserieOgKid(o, utstedt, systemer);
  const po = systemer.includes('poweroffice') && ps.length ? powerofficeFeil(o, ps) : [];
  const stottebilag = stottebilagForPeriode(
    maanedICsv(inn.p.periode),
    linjerEtter.filter((l) => l.periode === inn.p.periode),
    o.kontoer,
  );
  const sjekk = ps.length
    ? systemer.filter((x) => inn.forsteImport?.has(x)).flatMap((x) => sjekkliste(x, powerofficeRute(o), o))
    : [];
  const merknader = [
    ...(inn.kreditert ? gjenskaptNotat(inn.p.periode, inn.kreditert) : []),
    ...serie.notat,
    ...regnskapsnotater(o, systemer, ps),
    ...(sjekk.length ? ['Før første import — kryss av én gang (ikke bekreftet mot systemets dokumentasjon):'] : []),
    ...sjekk.map((x) => `  [ ] ${x}`),
  ];
  return { poster: ps, stottebilag, merknader, feil: [...serie.feil, ...po], advarsler: serie.advarsler };
}

/** --dokumenter passer bare for en fakturert periode, og ikke sammen med --erstatt. */
export function sjekkDokumentvalg(periode: string, erstatt: boolean, linjer: number): void {
  if (erstatt)
    throw new InndataFeil([
      feil('ugyldig-flagg', '--dokumenter og --erstatt kan ikke brukes sammen: --dokumenter endrer ingen faktura.'),
    ]);
  if (!linjer)
    throw new InndataFeil([
      feil(
        'ikke-fakturert',
        `--dokumenter: perioden ${periode} er ikke fakturert (ingen linjer i støtteregisteret). Kjør «nh faktura --periode ${periode}» uten --dokumenter.`,
      ),
    ]);
}

/** Planen fra registeret; gjeldende fakturaer der timene ikke lenger gir de samme beløpene er exit 2. */
export function gjenskapPlan(iPerioden: readonly RegisterlinjeData[], f: Fakturering, registerFil: string) {
  const g = planFraRegister(iPerioden, f);
  if (g.avvik.length)
    throw new InndataFeil(
      g.avvik.map((l) =>
        feil(
          'dokumenter-timer-endret',
          `--dokumenter: faktura ${l.fakturanr ?? l.ordrereferanse} til ${l.navn} (${l.orgnr}) står i ${registerFil} med andre beløp enn timene gir nå — timene er endret siden fakturaen ble laget. Bruk --erstatt (kreditnota og ny faktura), eller sett timene tilbake.`,
          { fil: registerFil },
        ),
      ),
    );
  return g;
}

function gjenskaptNotat(periode: string, kreditert: readonly { fakturanr?: string; ordrereferanse?: string }[]) {
  const ut = [
    `Dokumentene for ${periode} er skrevet på nytt fra støtteregisteret (--dokumenter); registeret er ikke endret.`,
  ];
  if (kreditert.length)
    ut.push(
      `Krediterte fakturaer lages ikke på nytt: ${kreditert.map((l) => l.fakturanr ?? l.ordrereferanse).join(', ')} (kreditnotaen og den nye fakturaen erstatter dem).`,
    );
  return ut;
}
