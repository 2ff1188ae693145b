/**
 * nh smb-sjekk, steg 1 «les»: orgnr (argument eller spørsmål), nh.json, flaggene, eierskapsfilen, dagens post
 * (finnes den?), registerdata (nett → hurtigbuffer, med melding på stderr mens nh venter), eierne og
 * morselskapet i Enhetsregisteret, og støtteregisteret. Alt planen (domain/smb/plan.ts) trenger.
 */
import path from 'node:path';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../../domain/felles/diagnostikk.js';
import { leggTilAar } from '../../../domain/felles/dato.js';
import { normaliserOrgnr, orgnrFeil } from '../../../domain/felles/orgnr.js';
import { annenStotteSomLinjer, stotteSisteTreAar } from '../../../domain/felles/stottetak.js';
import { annenstotteDef } from '../../../domain/datasett/annenstotte.js';
import { lesDatasett } from '../../../io/les/datasett.js';
import type { EnhetData, RegnskapData } from '../../../domain/smb/fakta.js';
import type { PlanInn } from '../../../domain/smb/plan.js';
import { dato, type Kurs } from '../../../domain/smb/typer.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { krev } from '../../../domain/konfig/uavklart.js';
import { brregOppsett, type BrregOppsett } from '../../../io/brreg/brreg.js';
import {
  hentRegisterdata,
  slaaOppEiere,
  tolkEnhet,
  tolkRegnskap,
  type Registerdata,
} from '../../../io/brreg/brreg-oppslag.js';
import { lesStotteregister } from '../../../io/faktura/stotteregister.js';
import { finnes } from '../../../io/skriv/skriv.js';
import { startFramdrift } from '../../framdrift.js';
import type { Kontekst } from '../../kontekst.js';
import { flaggEllerSpor } from '../felles.js';
import { lesEierskap } from './eierskap-fil.js';
import { lesFlagg, type Flagg } from './flagg.js';
import type { SmbSjekkValg } from './valg.js';

export const MAPPE = 'smb-sjekk';

export type Inndata = {
  orgnr: string;
  am: Arbeidsmappe;
  valg: SmbSjekkValg;
  filer: { json: string; md: string };
  oppsett: BrregOppsett;
  reg: Registerdata;
  raa: { enhet: unknown; underenhet: unknown; regnskap: unknown };
  /** Advarsler fra oppslaget (frakoblet, hurtigbuffer): én gang, som advarsel eller som del av en feil. */
  registerAdvarsler: Diagnostikk[];
  /** Det planen leser; flaggene fylles med svarene på spørsmålene. */
  plan: PlanInn;
};

const ORGNR_FORVENTET = 'ni sifre med gyldig kontrollsiffer (MOD11)';

/** Orgnr fra argumentet, ellers et spørsmål på en TTY (ellers exit 2); ni sifre og MOD11 (exit 2). */
async function lesOrgnr(k: Kontekst, orgnrArg: string | undefined): Promise<string> {
  const inn = await flaggEllerSpor(
    k,
    orgnrArg,
    {
      flagg: 'orgnr',
      melding:
        'Mangler argumentet «orgnr»: organisasjonsnummeret til bedriften som skal sjekkes (nh smb-sjekk <orgnr>).',
      forventet: ORGNR_FORVENTET,
    },
    (s) =>
      s.tekst('Organisasjonsnummeret til bedriften (ni sifre)?', {
        valider: (v) => orgnrFeil(normaliserOrgnr(v)) ?? true,
      }),
  );
  const orgnr = normaliserOrgnr(inn);
  const g = orgnrFeil(orgnr);
  if (g)
    throw new InndataFeil([
      feil(
        'ugyldig-orgnr',
        `Ugyldig organisasjonsnummer: ${g}.`,
        { fil: 'kommandolinjen', kolonne: 'orgnr' },
        { verdi: inn, forventet: ORGNR_FORVENTET },
      ),
    ]);
  return orgnr;
}

/** Dagens post finnes fra før: krev --overskriv før noe annet skjer. */
async function sjekkPost(am: Arbeidsmappe, orgnr: string, k: Kontekst, overskriv: boolean) {
  const filer = { json: am.sti(MAPPE, `${orgnr}-${k.idag}.json`), md: am.sti(MAPPE, `${orgnr}-${k.idag}.md`) };
  if (overskriv) return filer;
  for (const f of [filer.json, filer.md]) {
    if (await finnes(f))
      throw new InndataFeil([
        feil(
          'finnes-fra-for',
          `Det finnes allerede en SMB-sjekk av ${orgnr} datert ${dato(k.idag)}. Bruk --overskriv for å erstatte den.`,
          { fil: path.relative(am.rot, f) },
        ),
      ]);
  }
  return filer;
}

/** Teksten når nettet ikke svarte, før nh spør om tallene eller bruker bufferen (issue 19 pkt. 3). */
function nettfeilTekst(reg: Registerdata, interaktiv: boolean, fl: Flagg): string {
  const grunn = `Fikk ikke svar (${reg.nettfeil})`;
  const harFlagg = [fl.orgform, fl.arsverk, fl.omsetning, fl.balanse].every((v) => v !== undefined);
  if (reg.kilde === 'ingen' && harFlagg) return `${grunn}; bruker tallene i flaggene.`;
  if (reg.kilde === 'hurtigbuffer')
    return `${grunn}; bruker hurtigbufferen (hentet ${dato(reg.enhet?.hentet.slice(0, 10) ?? '')}).`;
  if (reg.kilde === 'nett') return `${grunn} fra Regnskapsregisteret; regnskapstallene kan mangle.`;
  return interaktiv ? `${grunn}; oppgi tallene selv:` : `${grunn}.`;
}

/**
 * Registerdata med melding på stderr med én gang: «Slår opp <orgnr> i Brønnøysundregistrene …» (spinner på en
 * TTY). Vises feilen på terminalen her, tas den ikke med i advarslene på skjermen en gang til.
 */
async function slaaOppRegister(
  k: Kontekst,
  am: Arbeidsmappe,
  orgnr: string,
  fl: Flagg,
  offline: boolean,
  o: BrregOppsett,
) {
  const adv: Diagnostikk[] = [];
  if (offline) return { reg: await hentRegisterdata(am, orgnr, true, adv, o), adv };
  const f = await startFramdrift(`Slår opp ${orgnr} i Brønnøysundregistrene …`);
  const reg = await hentRegisterdata(am, orgnr, false, adv, o);
  if (!reg.nettfeil) {
    f.ferdig(`Slo opp ${orgnr} i Brønnøysundregistrene.`);
    return { reg, adv };
  }
  f.feilet(nettfeilTekst(reg, k.interaktiv, fl));
  const vist = f.paaTerminal && !k.json;
  return { reg, adv: vist ? adv.filter((d) => !['frakoblet', 'hurtigbuffer'].includes(d.kode)) : adv };
}

/** Eierne (offentlig form/sektor) og morselskapet (status) i Enhetsregisteret — bare når vi er på nett. */
export async function slaaOppNyeEiere(inn: Inndata): Promise<void> {
  if (inn.reg.kilde !== 'nett') return;
  const p = inn.plan;
  const fl = p.flagg;
  const rel = [...fl.partnere, ...fl.tilknyttede, ...p.fraFil.partnere, ...p.fraFil.tilknyttede];
  const alle = [...rel.map((r) => r.orgnr), ...(fl.morselskap ? [fl.morselskap] : [])];
  const nye = [...new Set(alle)].filter((o) => !p.eiereIRegisteret.has(o) && o !== inn.orgnr);
  if (!nye.length) return;
  const f = await startFramdrift(`Slår opp ${nye.join(', ')} i Enhetsregisteret …`);
  const svar = await slaaOppEiere(inn.oppsett, nye);
  f.ferdig(`Slo opp ${nye.join(', ')} i Enhetsregisteret.`);
  const kart = p.eiereIRegisteret as Map<string, EnhetData>;
  for (const [o, e] of svar) kart.set(o, e as EnhetData);
}

/** Treårstaket: støtteregisteret og støtte fra andre (annenstotte.csv) for orgnr, i vinduet faktura bruker. */
async function stotteFor(k: Kontekst, am: Arbeidsmappe, orgnr: string, kurs: Kurs) {
  const { linjer, advarsler } = await lesStotteregister(am);
  k.advarsler.push(...advarsler);
  const iVinduet = linjer.filter((l) => l.orgnr === orgnr && l.dato > leggTilAar(k.idag, -3) && l.dato <= k.idag);
  // Issue 20 pkt. 7 (vedlegg 3 pkt. 2 «per målbedrift»): støtte fra andre (annenstotte.csv) teller i taket.
  const annen = await lesDatasett(am, annenstotteDef, { valgfritt: true });
  const andre = annenStotteSomLinjer(annen.rader, kurs.kurs);
  return { tidligereEur: stotteSisteTreAar([...linjer, ...andre], orgnr, k.idag), linjer: iVinduet.length };
}

function safeJson(t: string): unknown {
  try {
    return JSON.parse(t);
  } catch {
    return null;
  }
}

export async function lesSjekk(k: Kontekst, orgnrArg: string | undefined, valg: SmbSjekkValg): Promise<Inndata> {
  const orgnr = await lesOrgnr(k, orgnrArg);
  const am = await aapneArbeidsmappe(k.data);
  const fl = lesFlagg(valg, k.idag);
  // Issue 19 pkt. 2: uten --kurs må eurNok i nh.json være fylt inn (exit 2 med hvor kursen finnes).
  const kurs: Kurs = fl.kurs ?? kursFraConfig(krev(am.config, ['eurNok']).eurNok);
  if (kurs.dato > k.idag)
    k.advarsler.push(
      advarsel('kurs-fram-i-tid', `EUR/NOK-kursen er datert ${dato(kurs.dato)}, etter i dag (${dato(k.idag)}).`),
    );
  const filer = await sjekkPost(am, orgnr, k, Boolean(valg.overskriv));
  // Eierskap fra fil før nettet: feil i filen er exit 2 uten oppslag.
  const fraFil = valg.eierskap
    ? await lesEierskap(am, valg.eierskap, k.advarsler)
    : { partnere: [], tilknyttede: [], offentlige: [] };
  const oppsett = brregOppsett(k.env, k.naa);
  // Slettet, fjernet og ukjent orgnr stopper her (exit 2), før regnskapet tolkes.
  const { reg, adv } = await slaaOppRegister(k, am, orgnr, fl, Boolean(valg.offline), oppsett);
  const enhet = reg.enhet ? tolkEnhet(orgnr, reg.enhet, reg.underenhet) : null;
  const regnskap = enhet ? tolkRegnskap(reg.regnskap, adv) : { svar: null, raa: null };
  const svar = regnskap.svar;
  const inn: Inndata = {
    orgnr,
    am,
    valg,
    filer,
    oppsett,
    reg,
    raa: {
      enhet: enhet?.raa ?? null,
      underenhet: reg.underenhet ? safeJson(reg.underenhet.tekst) : null,
      regnskap: regnskap.raa,
    },
    registerAdvarsler: adv,
    plan: {
      orgnr,
      idag: k.idag,
      kurs,
      enhet: (enhet?.enhet as EnhetData | undefined) ?? null,
      underenhet: enhet?.underenhet ?? null,
      regnskap: svar?.type === 'regnskap' ? (svar.regnskap as RegnskapData[]) : svar ? [] : null,
      regnskapFeil: svar?.type === 'ingen' ? { status: svar.status, melding: svar.melding } : null,
      flagg: fl,
      eierskapOppgitt: Boolean(valg.selvstendig || valg.eierskap),
      fraFil,
      eiereIRegisteret: new Map(),
      innovasjon: {
        flagg: Boolean(valg.innovasjonsselskap),
        liste: am.config.smb.innovasjonsselskaper,
        naeringshage: am.config.naeringshage.orgnr,
      },
      stotte: await stotteFor(k, am, orgnr, kurs),
    },
  };
  await slaaOppNyeEiere(inn);
  return inn;
}

function kursFraConfig(e: { kurs: number; dato: Kurs['dato']; kilde: string }): Kurs {
  return { kurs: e.kurs, dato: e.dato, kilde: `${e.kilde} (nh.json)` };
}
