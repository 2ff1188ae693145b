/**
 * nh kts-plan — kundetilfredshetsundersøkelsen (programveileder 6.3) og AVI-oppdateringene (11.1).
 *
 *   [--frist <dato>]      opplastingsfil for AVI-oppdateringen: avi/avi-oppdatering-<frist>.xlsx/.csv,
 *                         og loggen avi/avi-logg.json i samme atomiske skriving
 *   --plan <år>           alle utsendinger i året (oppstart/underveis/exit) med måned og frist
 *   --ics <fil>           kalender (iCalendar) for året: AVI-fristene, utsendingsmånedene og fristene i 11.1
 *
 * Les malbedrifter og loggen → planlegg (domain/kts/plan.ts, rent) → skriv filene og loggen under lås. Spør
 * aldri. Opplastingsfilen og teksten lages i opplasting.ts. Tolkningene står i docs/kts-plan.md og i utdataene
 * (TOLKNINGER).
 */
import path from 'node:path';
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { parseDato, type Dato } from '../../../domain/felles/dato.js';
import { erAarsslutt, erAviFrist, fristTekst, nesteAviFrist, type AviLogg } from '../../../domain/kts/kts.js';
import { planOppdatering } from '../../../domain/kts/plan.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { AVI_LOGG, AVI_MAPPE, aviLoggTekst, lesAviLogg, medAviLaas } from '../../../io/kts/avi-logg.js';
import { sjekkIkkeFinnes, skrivFiler } from '../../../io/skriv/skriv.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { KtsPlanValg } from './valg.js';
import { TOLKNINGER, lesAlt } from './felles.js';
import { plan } from './kalender.js';
import { avsluttetJson, lagFiler, nyJson, oppdateringTekst, relativ } from './opplasting.js';

// ————— Inngang —————

export async function ktsPlan(k: Kontekst, valg: KtsPlanValg): Promise<Resultat> {
  const planModus = valg.plan !== undefined || valg.ics !== undefined;
  if (planModus && (valg.frist !== undefined || valg.forhandsvis || valg.ut !== undefined)) {
    throw new InndataFeil([
      feil(
        'ugyldig-flagg',
        '--plan/--ics lager plan og kalender; --frist, --forhåndsvis og --ut gjelder opplastingsfilen. Kjør dem hver for seg.',
        undefined,
        {
          forventet: 'nh kts-plan --frist 2026-12-01, eller nh kts-plan --plan 2026 [--ics kts-2026.ics]',
        },
      ),
    ]);
  }
  const frist = planModus ? null : tolkFrist(valg.frist, k.idag);
  const am = await aapneArbeidsmappe(k.data);
  if (planModus) return plan(k, am, valg);
  return oppdatering(k, am, valg, frist!);
}

/** Programveileder 11.1: --frist må være 1. mars/juni/september/desember; standard er den neste fra i dag. */
function tolkSiden(flagg: string): Dato {
  const d = parseDato(flagg);
  if (!d)
    throw new InndataFeil([
      feil('ugyldig-dato', `--siden «${flagg}» er ikke en dato.`, undefined, {
        verdi: flagg,
        forventet: 'åååå-mm-dd eller dd.mm.åååå',
      }),
    ]);
  return d;
}

export function tolkFrist(flagg: string | undefined, idag: Dato): Dato {
  if (flagg === undefined) return nesteAviFrist(idag);
  const d = parseDato(flagg);
  // 11.1: 31. desember (alle aktive i året registrert) er en egen, logget årsslutt-registrering.
  if (!d || !(erAviFrist(d) || erAarsslutt(d))) {
    throw new InndataFeil([
      feil(
        'ugyldig-frist',
        `--frist «${flagg}» er ikke en AVI-frist for kundetilfredshetsundersøkelsen (programveileder 11.1).`,
        undefined,
        {
          verdi: flagg,
          forventet:
            '1. mars, 1. juni, 1. september eller 1. desember (eller 31. desember for årsslutt), f.eks. 2026-12-01',
        },
      ),
    ]);
  }
  return d;
}

async function oppdatering(k: Kontekst, am: Arbeidsmappe, valg: KtsPlanValg, frist: Dato): Promise<Resultat> {
  // Les
  const lest = await lesAlt(am);
  const sidenFlagg = valg.siden !== undefined ? tolkSiden(valg.siden) : undefined;
  const ut = valg.ut !== undefined ? k.sti(valg.ut) : am.sti(AVI_MAPPE);
  const xlsxSti = path.join(ut, `avi-oppdatering-${frist}.xlsx`);
  const csvSti = path.join(ut, `avi-oppdatering-${frist}.csv`);
  // Planlegg (rent): filens innhold og loggen etterpå
  const plan = planOppdatering({
    bedrifter: lest.bedrifter,
    logg: lest.logg,
    frist,
    sidenFlagg,
    idag: k.idag,
    filer: [relativ(am, xlsxSti), relativ(am, csvSti)],
    loggFil: AVI_LOGG,
  });
  if (plan.feil.length) throw new InndataFeil(plan.feil);
  k.advarsler.push(...plan.advarsler);
  const { o, tidligere, uendret } = plan;
  // Skriv (bare skrivingen under låsen; kommandoen spør aldri). Filene bygges bare når de skal skrives:
  // --forhandsvis laster da ikke exceljs (issue 22 pkt. 8).
  if (!valg.forhandsvis) {
    const filer = await lagFiler(am, o, lest.fil, lest.fantes, k.idag);
    await sjekkIkkeFinnes([xlsxSti, csvSti], Boolean(valg.overskriv));
    await skrivMedLogg(am, lest.logg, [
      { sti: xlsxSti, innhold: filer.xlsx },
      { sti: csvSti, innhold: filer.csv },
      { sti: am.sti(AVI_LOGG), innhold: aviLoggTekst(plan.nyLogg) },
    ]);
  }
  const skrevet = !valg.forhandsvis;
  const json = {
    modus: 'oppdatering',
    frist,
    fristTekst: fristTekst(frist),
    forrigeOppdatering: o.forrige,
    antattOppdatertPer: plan.siden,
    forhandsvis: Boolean(valg.forhandsvis),
    logg: { fil: AVI_LOGG, fantes: lest.fantes, tidligereInnslagForFristen: Boolean(tidligere), uendret },
    nye: o.nye.map(nyJson),
    avsluttede: o.avsluttede.map(avsluttetJson),
    tolkninger: TOLKNINGER,
    filer: skrevet ? { xlsx: xlsxSti, csv: csvSti, logg: am.sti(AVI_LOGG) } : null,
  };
  return {
    json,
    tekst: oppdateringTekst(am, o, json, { xlsxSti, csvSti, skrevet, uendret, harTidligere: Boolean(tidligere) }),
  };
}

/** Opplastingsfilene og loggen i ett skrivFiler-kall under lås; loggen må være uendret siden vi leste den. */
export async function skrivMedLogg(
  am: Arbeidsmappe,
  lestLogg: AviLogg,
  filer: { sti: string; innhold: Uint8Array | string }[],
): Promise<void> {
  await medAviLaas(am, async () => {
    const naa = await lesAviLogg(am.sti(AVI_LOGG));
    if (JSON.stringify(naa.logg) !== JSON.stringify(lestLogg)) {
      throw new InndataFeil([
        feil(
          'logg-endret',
          'Loggen ble endret av en annen nh-kjøring mens denne kjørte. Ingenting er skrevet; kjør kommandoen på nytt.',
          { fil: AVI_LOGG },
        ),
      ]);
    }
    // Alle tre filer i samme kall: en krasj gir aldri opplastingsfil uten logg eller logg uten fil.
    await skrivFiler(filer, { overskriv: true });
  });
}
