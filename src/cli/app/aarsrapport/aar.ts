/**
 * nh årsrapport --år <år> [--halvår]: årsrapporteringen (programveileder 10.4, 11.1, 11.2).
 * Les datasettene og målfilen → planlegg rapporten (domain/aarsrapport/plan.ts) → skriv xlsx. Spør aldri.
 */
import path from 'node:path';
import { periodeFor } from '../../../domain/maltall/maltall.js';
import { planAarsrapport } from '../../../domain/aarsrapport/plan.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { AVI_LOGG } from '../../../io/kts/avi-logg.js';
import { skrivFiler } from '../../../io/skriv/skriv.js';
import { arbeidsbokTilBuffer } from '../../../io/skriv/xlsx-skriv.js';
import { settUtskrift } from '../../../io/skriv/xlsx-utskrift.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { AarsrapportValg } from './valg.js';
import { kr, utmappe, velgAar } from '../felles.js';
import { stottebilagMotRegister, stottebilagTekst } from './stottebilag.js';
import { lesMaltallGrunnlag, maltallPlan } from './maltall.js';
import { aarArbeidsbok, aarJson, aarTekst } from './aar-visning.js';

export async function aarsrapportForAar(k: Kontekst, am: Arbeidsmappe, valg: AarsrapportValg): Promise<Resultat> {
  const aar = velgAar(valg.ar, am.config, '--år');
  const halvar = Boolean(valg.halvar);
  const p = periodeFor(aar, halvar);
  // Les
  const { data, malFil } = await lesMaltallGrunnlag(k, am, p, aar, true, true);
  // Planlegg (rent)
  const { rader } = maltallPlan(k, data, malFil.rader, p);
  const plan = planAarsrapport({ aar, halvar, idag: k.idag, data, rader, loggFil: AVI_LOGG });
  k.advarsler.push(...plan.advarsler);
  // Skriv
  const filnavn = path.join(utmappe(am, valg.ut), halvar ? `arsrapport-${aar}-halvar.xlsx` : `arsrapport-${aar}.xlsx`);
  // Arbeidsboken bygges bare når den skal skrives: --forhandsvis laster ikke exceljs (issue 22 pkt. 8).
  if (!valg.forhandsvis) {
    const wb = await aarArbeidsbok(k, am, data, malFil.fil, plan);
    // Issue 16 pkt. 2: hovedarket leses i ≥ 70 % — lange tekster brytes i cellen i stedet for å gjøre kolonnen bred.
    settUtskrift(wb.getWorksheet('Måltall vs resultat')!, { utvidForTekst: false });
    await skrivFiler([{ sti: filnavn, innhold: await arbeidsbokTilBuffer(wb) }], {
      overskriv: Boolean(valg.overskriv),
    });
  }
  const fil = valg.forhandsvis ? null : filnavn;
  // Issue 21 pkt. 4: støttebilagene nh faktura har skrevet, mot støtteregisteret (10.4 pkt. 1).
  const bilag = await stottebilagMotRegister(am, p, data.register);
  const stottebilag = {
    bilag: kr(bilag.bilag),
    register: kr(bilag.register),
    avvik: kr(bilag.avvik),
    manglerFil: bilag.manglerFil,
  };
  const json = { ...aarJson(am, data, malFil.fil, plan, fil), stottebilag };
  // --streng: merforbruk gir exit 1 (rapporten er likevel skrevet); ellers exit 0 med advarselen.
  const merforbruk = plan.merAdv.length > 0;
  return {
    json,
    tekst: aarTekst(am, plan, fil, [stottebilagTekst(bilag)]),
    exitKode: valg.streng && merforbruk ? 1 : 0,
  };
}
