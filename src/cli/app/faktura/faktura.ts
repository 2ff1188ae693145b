/**
 * nh faktura --periode åååå-mm, i fire steg (issue 22 pkt. 3):
 *   1. les  — alle inndataene (les.ts): nh.json, støtteregisteret, periodemappen, datasettene, SMB-sjekkene;
 *   2. plan — ren (domain/faktura/kjoringsplan.ts): regnestykket, reglene (regelliste.ts), numre og KID,
 *             registerlinjene, kreditnotaene ved --erstatt. `--forhandsvis` viser planen og stopper;
 *   3. spør — adressetilbud fra Brønnøysundregistrene (sporsmal.ts), aldri mens låsen holdes;
 *   4. skriv — dokumentene fra planen (io/faktura/dokumenter.ts) og, under låsen, alt atomisk med registeret
 *             sist (io/faktura/kjoringsskriving.ts).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import {
  forsteDag,
  leggTilMaaneder,
  maanedAv,
  parseDato,
  parseMaaned,
  type Maaned,
} from '../../../domain/felles/dato.js';
import type { FakturaOppsett } from '../../../domain/faktura/oppsett.js';
import { planleggFakturadato, type Fakturadatoer } from '../../../domain/faktura/fakturadato.js';
import { tolkGodtaSmb } from '../../../domain/faktura/smb-kontroll.js';
import { planleggKjoring, type FakturaInndata, type Fakturaplan } from '../../../domain/faktura/kjoringsplan.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import type { Dokument } from '../../../io/faktura/dokumenter.js';
import { skrivKjoring } from '../../../io/faktura/kjoringsskriving.js';
import { startPdfTraad, type PdfTraad } from '../../../io/faktura/pdf-parallell.js';
import { sammenlignSendte } from '../../../io/faktura/regnskapsfiler.js';
import { vedSamtidigSkriving, type LestRegister } from '../../../io/faktura/stotteregister.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import { flaggEllerSpor } from '../felles.js';
import type { FakturaValg } from './valg.js';
import { lesInndata } from './les.js';
import { avklarKjopere } from './sporsmal.js';
import { velgFormater } from './dokumenter.js';
import { tekst } from './tekst.js';
import { alleredeFakturert, avvist, fakturaJson, notater, uendret, utfilerAv } from './utdata.js';

function lesPeriode(s: string): Maaned {
  const p = parseMaaned(s);
  if (!p)
    throw new InndataFeil([
      feil('ugyldig-flagg', `--periode «${s}» er ikke en måned.`, undefined, { forventet: 'åååå-mm, f.eks. 2026-10' }),
    ]);
  return p;
}

function tidsmerke(k: Kontekst): string {
  return k
    .naa()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
}

/** --periode, eller på en TTY et spørsmål med forrige måned (fra «i dag») som standardsvar; ellers exit 2. */
async function hentPeriode(k: Kontekst, flagg: string | undefined): Promise<Maaned> {
  const forrige = maanedAv(leggTilMaaneder(forsteDag(maanedAv(k.idag)), -1));
  const svar = await flaggEllerSpor(
    k,
    flagg,
    {
      flagg: '--periode',
      melding: 'Mangler --periode <åååå-mm>: måneden som faktureres må oppgis.',
      forventet: `åååå-mm, f.eks. ${forrige}`,
    },
    (s) =>
      s.tekst('Hvilken måned skal faktureres (åååå-mm)?', {
        standard: forrige,
        valider: (v) => (parseMaaned(v) ? true : 'Skriv måneden som åååå-mm, f.eks. 2026-10'),
      }),
  );
  return lesPeriode(svar);
}

/**
 * Issue 19 pkt. 6: fakturadato og forfall (i dag, tilbakedatert innen 15 virkedager, eller --fakturadato), og
 * issue 20 pkt. 2: --godta-smb. Ugyldige verdier er exit 2 før noe leses.
 */
function stottevalg(k: Kontekst, periode: Maaned, valg: FakturaValg, s: FakturaOppsett) {
  const flagg = valg.fakturadato === undefined ? undefined : parseDato(valg.fakturadato);
  if (flagg === null)
    throw new InndataFeil([
      feil('ugyldig-flagg', `--fakturadato «${valg.fakturadato}» er ikke en dato.`, undefined, {
        forventet: 'åååå-mm-dd eller dd.mm.åååå',
      }),
    ]);
  const r = planleggFakturadato({ periode, idag: k.idag, forfallsdager: s.forfallsdager, flagg });
  if ('feil' in r) throw new InndataFeil([feil('ugyldig-fakturadato', r.feil, undefined, { forventet: r.forventet })]);
  const godta = tolkGodtaSmb(valg.godtaSmb ?? []);
  if (godta.feil.length) throw new InndataFeil(godta.feil);
  const datoer: Fakturadatoer = r.datoer;
  return { datoer, godta: godta.godta };
}

export async function faktura(k: Kontekst, valg: FakturaValg): Promise<Resultat> {
  const periode = await hentPeriode(k, valg.periode);
  // PDF-ene lages i en egen tråd, startet før noe leses: den laster pdfkit og skriftene mens nh.json, registeret
  // og datasettene leses og planen lages (io/faktura/pdf-parallell.ts). Uten PDF-er stoppes den med en gang.
  const pdfTraad = valg.forhandsvis ? null : startPdfTraad();
  try {
    const am = await aapneArbeidsmappe(k.data);
    const stotte = stottevalg(k, periode, valg, am.config.faktura);
    // Kjøringens id: tidspunktet for sporbarhet, og et tilfeldig tillegg så to kjøringer aldri får samme id —
    // heller ikke med låst klokke (NH_DATO) — og en blanding av utfiler og register alltid kan oppdages.
    const kjoring = { id: `${tidsmerke(k)}-${randomBytes(3).toString('hex')}`, tidspunkt: tidsmerke(k) };
    const pdf = velgFormater(am.config.faktura, valg.format).pdf;
    if (!pdf) pdfTraad?.avslutt();
    return await kjor(k, am, { periode, valg, kjoring, stotte, pdfTraad: pdf ? pdfTraad : null });
  } finally {
    pdfTraad?.avslutt();
  }
}

async function kjor(
  k: Kontekst,
  am: Arbeidsmappe,
  r: {
    periode: Maaned;
    valg: FakturaValg;
    kjoring: { id: string; tidspunkt: string };
    stotte: ReturnType<typeof stottevalg>;
    pdfTraad: PdfTraad | null;
  },
): Promise<Resultat> {
  const { periode, valg, kjoring, stotte } = r;
  const { inn, reg } = await lesInndata(k, am, periode, valg, kjoring, stotte);
  // Planen kontrollerer registeret mot filene ved siden av det; et brudd mens en annen kjøring skriver, er den.
  const plan = await vedSamtidigSkriving(am, reg.sti, reg.versjon, async () => planleggKjoring(inn));
  k.advarsler.push(...plan.advarsler);
  if (plan.status === 'allerede-fakturert') return alleredeFakturert(periode, plan.linjer, reg.sti);
  if (plan.feil.length) throw new InndataFeil(plan.feil);
  if (plan.status === 'avvist') return avvist(fakturaJson(am, inn, plan, valg, null), plan);
  if (plan.status === 'uendret' && !valg.forhandsvis) return uendret(fakturaJson(am, inn, plan, valg, null), periode);
  const kunder = await avklarKjopere(k, plan.kjopere, Boolean(valg.forhandsvis));
  if (valg.forhandsvis) return { json: fakturaJson(am, inn, plan, valg, null), tekst: tekst(am, plan, valg, null) };

  const mappe = am.sti('faktura', periode);
  const g = { ...inn, mappe, naeringshage: am.config.naeringshage.navn, kunder, plan, pdfTraad: r.pdfTraad };
  // Skriverne (exceljs, csv-stringify, EHF, PDF) lastes først her: --forhandsvis og en avvist kjøring laster dem aldri
  // (issue 22 pkt. 8; docs/ytelse.md).
  const { lagDokumenter } = await import('../../../io/faktura/dokumenter.js');
  const laget = await lagDokumenter(g);
  // --dokumenter (issue 19 pkt. 7): et EHF/PDF som finnes med annet innhold kan være sendt — aldri overskrevet.
  const dokumenter = plan.status === 'dokumenter' ? await sammenlignSendte(am.rot, laget) : laget;
  const kopi = await skriv(k, am, { inn, reg, plan, mappe, dokumenter });
  const filer = { ...utfilerAv(mappe, reg.sti, laget, plan.nyeLinjer.length), sikkerhetskopi: kopi };
  const notat = notater(inn, plan, filer);
  const json = { ...fakturaJson(am, inn, plan, valg, filer), merknader: notat };
  return { json, tekst: tekst(am, plan, valg, { filer, notat }) };
}

/** Skrivesteget: sikkerhetskopi ved erstatning, så alt under låsen (io/faktura/kjoringsskriving.ts). */
function skriv(
  k: Kontekst,
  am: Arbeidsmappe,
  d: { inn: FakturaInndata; reg: LestRegister; plan: Fakturaplan; mappe: string; dokumenter: Dokument[] },
): Promise<string | null> {
  const { inn, reg, plan, mappe, dokumenter } = d;
  const gamle = [
    reg.sti,
    path.join(mappe, 'fakturagrunnlag.xlsx'),
    path.join(mappe, 'fakturagrunnlag.csv'),
    ...dokumenter.filter((x) => x.art === 'import' || x.art === 'bilag').map((x) => x.sti),
  ];
  const merke = `${inn.p.periode}-${tidsmerke(k).replace(/:/g, '-')}`;
  return skrivKjoring(
    am,
    {
      periode: inn.p.periode,
      mappe,
      kjoring: plan.kjoring,
      reg,
      periodemappe: inn.perioder.find((m) => m.periode === inn.p.periode) ?? null,
      dokumenter,
      plan,
      sikkerhetskopi: plan.erstatning || plan.status === 'dokumenter' ? { merke, filer: gamle } : null,
    },
    k.advarsler,
  );
}
