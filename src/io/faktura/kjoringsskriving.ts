/**
 * Skrivingen i `nh faktura` — det eneste som skjer under låsen (`.stotteregister.laas`). Planen er lagt og
 * spørsmålene besvart før låsen tas. Under låsen sjekkes det at ingenting er endret siden inndataene ble lest
 * (registeret byte for byte, periodemappen), så tas sikkerhetskopien (--erstatt), EHF-filer fra en avbrutt
 * kjøring fjernes, og alle filene skrives atomisk: kjøringsmerket først, dokumentene, registeret sist
 * (compare-and-swap). Kontrakten står i docs/arkitektur.md («Skriving og låsing»).
 */
import path from 'node:path';
import { feil, InndataFeil, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import type { Periodemappe } from '../../domain/faktura/kjoringsplan.js';
import type { NyRegisterlinje } from '../../domain/faktura/typer.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import type { Utfil } from '../skriv/skriv.js';
import { fjernEhfFiler } from './ehf-filer.js';
import { fakturagrunnlagStier, kjoringsmerke, lesPeriodemappe } from './fakturakjoring.js';
import {
  medRegisterLaas,
  registerCsv,
  sikkerhetskopier,
  sjekkUendret,
  skrivMedRegister,
  type LestRegister,
} from './stotteregister.js';

export type Skriveplan = {
  periode: string;
  /** faktura/<periode>/ i arbeidsmappen. */
  mappe: string;
  kjoring: string;
  reg: LestRegister;
  /** Periodemappen slik den var da inndataene ble lest. */
  periodemappe: Periodemappe;
  dokumenter: Utfil[];
  nyeLinjer: NyRegisterlinje[];
  /** EHF-filer fra en avbrutt kjøring som fjernes, og advarselen som sier det. */
  opprydding: { fjernEhf: string[]; advarsel: Diagnostikk | null };
  /** --erstatt: navnet på sikkerhetskopien og filene som kopieres dit før noe skrives. */
  sikkerhetskopi: { merke: string; filer: string[] } | null;
};

const lik = (a: Periodemappe, b: Periodemappe) =>
  a.merke === b.merke && a.fakturagrunnlag === b.fakturagrunnlag && a.ehf.join('\n') === b.ehf.join('\n');

/** Periodemappen må være som da planen ble lagt; ellers har en annen kjøring skrevet i mellomtiden. */
async function sjekkPeriodemappe(am: Arbeidsmappe, s: Skriveplan): Promise<void> {
  if (lik(await lesPeriodemappe(am, s.periode), s.periodemappe)) return;
  const melding =
    `Filene i ${s.periodemappe.visning} ble endret av en annen nh-kjøring (eller for hånd) mens denne kjørte. ` +
    'Ingenting er skrevet; kjør kommandoen på nytt.';
  throw new InndataFeil([feil('register-endret', melding, { fil: s.periodemappe.visning })]);
}

/**
 * Tar låsen, sjekker at registeret og periodemappen er uendret, og skriver. Gir sikkerhetskopiens mappe (eller
 * null). `advarsler` får advarselen om fjernede EHF-filer når de er fjernet.
 */
export function skrivKjoring(am: Arbeidsmappe, s: Skriveplan, advarsler: Diagnostikk[]): Promise<string | null> {
  return medRegisterLaas(am, async () => {
    await sjekkUendret(s.reg);
    await sjekkPeriodemappe(am, s);
    const kopi = s.sikkerhetskopi ? await sikkerhetskopier(am, s.sikkerhetskopi.merke, s.sikkerhetskopi.filer) : null;
    if (s.opprydding.fjernEhf.length) await fjernEhfFiler(path.join(s.mappe, 'ehf'), s.opprydding.fjernEhf);
    if (s.opprydding.advarsel) advarsler.push(s.opprydding.advarsel);
    const { xlsx, csv } = fakturagrunnlagStier(s.mappe);
    // Kjøringsmerket først, registeret sist (og bare om det er uendret siden det ble lest). Krasjer vi før
    // registeret, er perioden ikke fakturert; ble en --erstatt avbrutt, ser neste kjøring det på merket.
    const utfiler = [kjoringsmerke(s.mappe, s.periode, s.kjoring, [xlsx, csv]), ...s.dokumenter];
    const register = s.nyeLinjer.length ? registerCsv([...s.reg.linjer, ...s.nyeLinjer], s.reg.ekstra) : null;
    await skrivMedRegister(am, s.reg, utfiler, register);
    return kopi;
  });
}
