/**
 * Skrivingen i `nh faktura` — det eneste som skjer under låsen (`.stotteregister.laas`). Planen er lagt og
 * spørsmålene besvart før låsen tas. Under låsen:
 *   1. sjekkes det at ingenting er endret siden inndataene ble lest (registeret og nummerloggen byte for byte,
 *      periodemappen: merket, EHF-filene med sha256, fakturagrunnlaget);
 *   2. tas sikkerhetskopien (--erstatt), og filene fra en avbrutt kjøring flyttes til avbrutt/<kjøring>/;
 *   3. skrives alt til midlertidige filer og døpes om: nummerloggen med numrene som «tildelt» (annullerte og
 *      overhoppede først) før noen faktura finnes, så kjøringsmerket, dokumentene og registeret sist
 *      (compare-and-swap);
 *   4. føres numrene som «ført» i nummerloggen.
 * Dør kjøringen etter loggen og før «ført», ser neste kjøring det i loggen og på merket (domain/faktura/utfiler.ts).
 * Kontrakten står i docs/arkitektur.md («Skriving og låsing») og docs/faktura.md («Nummerserien»).
 */
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { feil, InndataFeil, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import type { Fakturaplan } from '../../domain/faktura/kjoringsplan.js';
import type { Logglinje } from '../../domain/faktura/nummerlogg.js';
import type { AvbruttKjoring, Periodemappe } from '../../domain/faktura/utfiler.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';
import { finnes, skrivFiler, somMiljoFeil, type Utfil } from '../skriv/skriv.js';
import { AVBRUTT_MAPPE, kjoringsmerke, lesPeriodemappe } from './fakturakjoring.js';
import { lesNummerlogg, nummerloggFil } from './nummerlogg.js';
import { medRegisterLaas } from './registerlaas.js';
import { registerCsv, sikkerhetskopier, sjekkUendret, skrivMedRegister, type LestRegister } from './stotteregister.js';

export type Skriveplan = {
  periode: string;
  /** faktura/<periode>/ i arbeidsmappen. */
  mappe: string;
  kjoring: string;
  reg: LestRegister;
  /** Periodemappen slik den var da inndataene ble lest (null: fantes ikke). */
  periodemappe: Periodemappe | null;
  dokumenter: Utfil[];
  plan: Pick<Fakturaplan, 'nyeLinjer' | 'opprydding' | 'logg' | 'nummer'>;
  /** --erstatt: navnet på sikkerhetskopien og filene som kopieres dit før noe skrives. */
  sikkerhetskopi: { merke: string; filer: string[] } | null;
};

const endret = (hva: string) =>
  new InndataFeil([
    feil(
      'register-endret',
      `${hva} ble endret av en annen nh-kjøring (eller for hånd) mens denne kjørte. Ingenting er skrevet; kjør kommandoen på nytt.`,
      { fil: hva },
    ),
  ]);

const sammeMappe = (a: Periodemappe | null, b: Periodemappe) =>
  (a?.merke?.kjoring ?? null) === (b.merke?.kjoring ?? null) &&
  (a?.fakturagrunnlag ?? false) === b.fakturagrunnlag &&
  JSON.stringify(a?.ehf ?? []) === JSON.stringify(b.ehf);

/** Registeret, nummerloggen og periodemappen må være som da planen ble lagt. */
async function sjekkUendretAlt(am: Arbeidsmappe, s: Skriveplan): Promise<void> {
  await sjekkUendret(s.reg);
  const logg = await lesNummerlogg(am);
  const for_ = s.reg.logg.versjon;
  if (!(logg.versjon === null || for_ === null ? logg.versjon === for_ : logg.versjon.equals(for_)))
    throw endret('faktura/nummerlogg.csv');
  const mappe = await lesPeriodemappe(am, s.periode);
  if (!sammeMappe(s.periodemappe, mappe)) throw endret(mappe.visning);
}

/** Flytter filene fra en avbrutt kjøring til avbrutt/<kjøring>/ (aldri slettet; numrene er brukt). */
async function flyttAvbrutt(am: Arbeidsmappe, a: AvbruttKjoring): Promise<void> {
  const mappe = am.sti('faktura', a.periode);
  const maal = path.join(mappe, AVBRUTT_MAPPE, a.kjoring.replace(/[:]/g, '-'));
  for (const f of a.flytt) {
    const fra = path.join(mappe, f);
    if (!(await finnes(fra))) continue;
    let til = path.join(maal, f);
    for (let i = 2; await finnes(til); i++) til = path.join(maal, `${i}-${f}`);
    try {
      await mkdir(path.dirname(til), { recursive: true });
      await rename(fra, til);
    } catch (e) {
      throw somMiljoFeil(e, fra);
    }
  }
}

/**
 * Tar låsen, sjekker at ingenting er endret, og skriver. Gir sikkerhetskopiens mappe (eller null). `advarsler`
 * får advarselen om en avbrutt kjøring når filene er flyttet.
 */
export function skrivKjoring(am: Arbeidsmappe, s: Skriveplan, advarsler: Diagnostikk[]): Promise<string | null> {
  return medRegisterLaas(am, async () => {
    await sjekkUendretAlt(am, s);
    const kopi = s.sikkerhetskopi ? await sikkerhetskopier(am, s.sikkerhetskopi.merke, s.sikkerhetskopi.filer) : null;
    for (const a of s.plan.opprydding.avbrutt) await flyttAvbrutt(am, a);
    if (s.plan.opprydding.advarsel) advarsler.push(s.plan.opprydding.advarsel);
    const gammel = s.reg.logg.linjer;
    const tildelt: Logglinje[] = [...gammel, ...s.plan.logg.for];
    const numre = [...s.plan.nummer.hoppetOver, ...s.plan.nyeLinjer.flatMap((l) => (l.fakturanr ? [l.fakturanr] : []))];
    const merke = kjoringsmerke(s.mappe, s.periode, s.kjoring, s.dokumenter, numre);
    // Alle filene skrives først til midlertidige filer (full disk, en mappe der en fil skal stå: ingenting er
    // skrevet); så døpes de om i rekkefølge: nummerloggen med de tildelte numrene FØRST, kjøringsmerket, dokumentene
    // og registeret sist (og bare om det er uendret siden det ble lest). Dør kjøringen etter loggen, men før
    // registeret, viser loggen og merket at filene er fra en avbrutt kjøring.
    const utfiler = [
      nummerloggFil(am, gammel, s.plan.logg.for),
      { ...merke, testpunkter: { forRename: ['faktura:for-dokumenter'] } },
      ...s.dokumenter,
    ];
    const ny = s.plan.nyeLinjer;
    const register = ny.length ? registerCsv([...s.reg.linjer, ...ny], s.reg.ekstra) : null;
    await skrivMedRegister(am, s.reg, utfiler, register);
    await skrivFiler([nummerloggFil(am, tildelt, s.plan.logg.etter)], { overskriv: true });
    return kopi;
  });
}
