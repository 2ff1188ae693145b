/** nh årsrapport --år <år> [--halvår]: årsrapporteringen (programveileder 10.4, 11.1, 11.2). */
import path from 'node:path';
import { advarsel } from '../../../domain/felles/diagnostikk.js';
import { formatDato } from '../../../domain/felles/dato.js';
import { formatKroner, formatProsent } from '../../../domain/felles/penger.js';
import { TOLKNINGER, kontrollerAndel, periodeFor } from '../../../domain/maltall/maltall.js';
import {
  aktiveMalbedrifter,
  harFjoraarsdata,
  kontrollerAkkumulering,
  kontrollerMerforbruk,
  kontrollerOverforing,
  merforbruk,
  stottePerMalbedrift,
  tilskuddsbalanse,
  type Tilskuddsbalanse,
} from '../../../domain/aarsrapport/aarsrapport.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { skrivFiler } from '../../../io/skriv/skriv.js';
import type ExcelJS from 'exceljs';
import { arbeidsbokTilBuffer, byggArbeidsbok, lesMal, type Mal } from '../../../io/skriv/xlsx-skriv.js';
import { settUtskrift } from '../../../io/skriv/xlsx-utskrift.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { AarsrapportValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr, utmappe, velgAar } from '../felles.js';
import { maltallForPeriode } from './maltall.js';
import {
  forutsetninger,
  formaterMaltallArk,
  tilpassRadhoyder,
  maltallJson,
  maltallXlsxRad,
  settOverskrift,
  verdiTekst,
} from './visning.js';

// ————— --år <år> [--halvår] —————

function balanseJson(b: Tilskuddsbalanse, halvar: boolean) {
  return {
    ar: b.ar,
    til: b.til,
    overfort: kr(b.overfort),
    innvilget: kr(b.innvilget),
    disponibelt: kr(b.disponibelt),
    brukt: kr(b.brukt),
    ubrukt: kr(b.ubrukt),
    // 10.4: ved årets slutt står ubenyttede midler som kortsiktig gjeld og overføres til neste år.
    // Halvår: bare «ubrukt per 30.06» (innvilget gjelder hele året og er ikke nødvendigvis utbetalt).
    kortsiktigGjeld: halvar ? null : kr(Math.max(0, b.ubrukt)),
    overforesTil: halvar ? null : b.ar + 1,
    // 10.4 / vedlegg 3 pkt. 4.1: brukt utover disponibelt (kompenseres ikke neste år).
    merforbruk: kr(merforbruk(b)),
  };
}

export async function aarsrapportForAar(k: Kontekst, am: Arbeidsmappe, valg: AarsrapportValg): Promise<Resultat> {
  const aar = velgAar(valg.ar, am.config, '--år');
  const halvar = Boolean(valg.halvar);
  const p = periodeFor(aar, halvar);
  const periodetekst = halvar ? `første halvår ${aar}` : String(aar);
  // Issue 16 pkt. 5 / 11.1: før periodens slutt er tallene foreløpige — merket i selve filen, ikke bare på skjermen.
  const forelopig = k.idag <= p.til ? `Foreløpig per ${formatDato(k.idag)}` : null;
  const { data, malFil, rader } = await maltallForPeriode(k, am, p, aar, true);
  const innov = rader.find((r) => r.def.id === 'andelInnovasjonsstotte')!;
  k.advarsler.push(...kontrollerAndel(innov.def, innov.maaling.verdi, `resultatet (${periodetekst})`));

  const aktive = aktiveMalbedrifter(data.malbedrifter, p, data.timerPerOrgnr);
  const stotte = stottePerMalbedrift(data.register, p, data.malbedrifter);
  const balanse = tilskuddsbalanse(aar, p.til, data.tilskudd, stotte.sum.stotte);
  // 10.4: kontroll av overføringen fra fjoråret (når arbeidsmappen har fjorårets tall).
  const fjor = periodeFor(aar - 1);
  const fjorLinjer = data.register.filter((r) => r.dato >= fjor.fra && r.dato <= fjor.til);
  const bruktIFjor = fjorLinjer.reduce((s, r) => s + r.stotte, 0);
  const harFjor = harFjoraarsdata(aar, data.tilskudd, fjorLinjer.length);
  k.advarsler.push(
    ...kontrollerOverforing(aar, data.tilskudd, bruktIFjor, harFjor, data.filer.tilskudd ?? 'tilskudd.csv'),
  );
  // 11.1: årsrapporten lages normalt etter årsskiftet (15. januar); før periodens slutt er tallene foreløpige.
  if (k.idag <= p.til) {
    k.advarsler.push(
      advarsel(
        'periode-ikke-over',
        `Perioden (${formatDato(p.fra)}–${formatDato(p.til)}) er ikke over (i dag ${formatDato(k.idag)}): resultatet, støtten og balansen er foreløpige.`,
      ),
    );
  }

  const json = {
    modus: halvar ? 'halvar' : 'ar',
    ar: aar,
    periode: { fra: p.fra, til: p.til, halvar },
    naeringshage: am.config.naeringshage.navn,
    malFil: malFil.fil,
    datasett: data.filer,
    maltall: rader.map((r) => maltallJson(r, 'resultat')),
    // 11.2: målene i AVI gjelder hele året; halvårsrapporten halverer dem ikke.
    malGjelder: 'hele året',
    tolkninger: TOLKNINGER,
    malbedrifter: aktive.map((m) => ({ ...m, timer: m.timer / 100 })),
    stotte: {
      malbedrifter: stotte.rader.map((r) => ({
        orgnr: r.orgnr,
        navn: r.navn,
        aktiv: r.aktiv,
        linjer: r.linjer,
        markedsverdi: kr(r.markedsverdi),
        egenandel: kr(r.egenandel),
        stotte: kr(r.stotte),
      })),
      sum: {
        linjer: stotte.sum.linjer,
        markedsverdi: kr(stotte.sum.markedsverdi),
        egenandel: kr(stotte.sum.egenandel),
        stotte: kr(stotte.sum.stotte),
      },
    },
    tilskuddsbalanse: balanseJson(balanse, halvar),
    fil: null as string | null,
  };
  // 10.4 / vedlegg 3 pkt. 4.1: merforbruk stopper ikke rapporten (15.1-fristen), men vises tydelig overalt.
  const merAdv = kontrollerMerforbruk(balanse);
  k.advarsler.push(...merAdv);
  // 10.4: ubrukte midler som vokser fra år til år (bare ved årets slutt; halvåret har ingen overføring).
  if (!halvar) k.advarsler.push(...kontrollerAkkumulering(balanse, forelopig !== null));

  const filnavn = path.join(utmappe(am, valg.ut), halvar ? `arsrapport-${aar}-halvar.xlsx` : `arsrapport-${aar}.xlsx`);
  const xmal = await lesMal('arsrapport');
  const wb = byggArbeidsbok(xmal, {
    idag: k.idag,
    variabler: {
      periodetekst: forelopig ? `${periodetekst} – ${forelopig.toUpperCase()}` : periodetekst,
      naeringshage: am.config.naeringshage.navn,
      // 10.4: kortsiktig gjeld og overføring gjelder ved årets slutt, ikke per 30.06.
      balansetekst: halvar
        ? 'ubrukt per 30.06 (foreløpig; kortsiktig gjeld og overføring regnes ved årets slutt)'
        : 'ubrukt = kortsiktig gjeld, overføres til neste år',
    },
    rader: {
      maltall: rader.map(maltallXlsxRad),
      hjelp: rader.map(maltallXlsxRad),
      malbedrifter: aktive.map((m) => ({ ...m })),
      stotte: stotte.rader.map((r) => ({ ...r })),
      balanse: [{ ...balanse, merforbruk: merforbruk(balanse) }],
    },
    parametre: {
      forutsetninger: forutsetninger(am, p, data, malFil.fil, [
        { nokkel: 'ar', etikett: 'År', type: 'nummer', verdi: aar },
        {
          nokkel: 'status',
          etikett: 'Status',
          type: 'tekst',
          verdi: forelopig ?? `Endelig (perioden sluttet ${formatDato(p.til)})`,
        },
        { nokkel: 'halvar', etikett: 'Halvårsrapportering (30. juni)', type: 'janei', verdi: halvar },
        { nokkel: 'tilskudd', etikett: 'Tilskudd', type: 'tekst', verdi: data.filer.tilskudd ?? '(mangler)' },
        {
          nokkel: 'brukt',
          etikett: 'Brukt innovasjonsstøtte',
          type: 'tekst',
          verdi: 'støtteregisterets linjer med dato i perioden',
        },
      ]),
    },
  });
  formaterMaltallArk(wb, xmal, 'maltall', rader, ['resultat', 'mal', 'avvik']);
  tilpassRadhoyder(wb, xmal, 'hjelp');
  if (halvar) {
    settOverskrift(wb, xmal, 'balanse', 'ubrukt', 'Ubrukt per 30.06');
    settOverskrift(wb, xmal, 'maltall', 'mal', 'Mål (hele året)');
    settOverskrift(wb, xmal, 'maltall', 'avvik', 'Avvik mot helårsmål');
  }
  if (merAdv.length) visMerforbruk(wb, xmal, merAdv[0]!.melding);
  if (!valg.forhandsvis) {
    // Issue 16 pkt. 2: hovedarket leses i ≥ 70 % — lange tekster brytes i cellen i stedet for å gjøre kolonnen bred.
    settUtskrift(wb.getWorksheet('Måltall vs resultat')!, { utvidForTekst: false });
    await skrivFiler([{ sti: filnavn, innhold: await arbeidsbokTilBuffer(wb) }], {
      overskriv: Boolean(valg.overskriv),
    });
    json.fil = filnavn;
  }

  const b = balanse;
  const tekst = [
    farge.bold(
      `${halvar ? 'Halvårsrapport' : 'Årsrapport'} ${periodetekst} – ${am.config.naeringshage.navn} (programveileder 10.4, 11.1, 11.2)`,
    ),
    ...(forelopig
      ? [farge.yellow(`${forelopig}: perioden er ikke over, tallene er foreløpige (merket i filen).`)]
      : []),
    ...(merAdv.length ? ['', farge.red(farge.bold(merAdv[0]!.melding))] : []),
    '',
    farge.bold('Måltall mot resultat'),
    tekstTabell(
      // 11.2/11.1: målene er for hele året; i halvåret sammenlignes halvårets resultat med helårsmålet (merket).
      [
        'Område',
        'Måltall (AVI)',
        'Teller/nevner',
        'Resultat',
        halvar ? 'Mål (hele året)' : 'Mål',
        halvar ? 'Avvik mot helårsmål' : 'Avvik',
      ],
      rader.map((r) => [
        r.def.omrade,
        r.def.navn, // issue 19 pkt. 12: AVIs navn, ikke nh sin id
        r.maaling.nevner === null ? String(r.maaling.teller) : `${r.maaling.teller}/${r.maaling.nevner}`,
        verdiTekst(r.maaling.verdi, r.def.enhet),
        r.mal === null ? '–' : verdiTekst(r.mal, r.def.enhet),
        r.avvik === null ? '–' : avvikTekst(r.avvik, r.def.enhet),
      ]),
      [false, false, true, true, true, true],
    ),
    '',
    `${aktive.length} aktive målbedrifter ${halvar ? 'første halvår' : 'i året'} (${aktive.filter((m) => m.ny).length} nye, ${aktive.filter((m) => m.avsluttet).length} avsluttet) — skal være registrert i AVI ${halvar ? 'innen 30. juni' : 'innen 31. desember'} (11.1).`,
    `Støtte per målbedrift (${stotte.rader.length} målbedrifter, ${stotte.sum.linjer} registerlinjer): markedsverdi ${formatKroner(stotte.sum.markedsverdi)} kr, ` +
      `egenandel ${formatKroner(stotte.sum.egenandel)} kr, innovasjonsstøtte ${formatKroner(stotte.sum.stotte)} kr` +
      (halvar ? ' (hittil i år).' : ` — rapporteres i AVI innen 15. januar ${aar + 1} (11.1).`),
    '',
    farge.bold(`Innovasjonstilskudd per ${formatDato(b.til)} (10.4)`),
    tekstTabell(
      ['Post', 'Kroner'],
      [
        ['Overført fra tidligere år', formatKroner(b.overfort)],
        [`Innvilget for ${aar}`, formatKroner(b.innvilget)],
        ['Disponibelt', formatKroner(b.disponibelt)],
        ['Brukt (støtteregisteret)', formatKroner(b.brukt)],
        [halvar ? 'Ubrukt per 30.06' : `Ubrukt = kortsiktig gjeld, overføres til ${aar + 1}`, formatKroner(b.ubrukt)],
        ...(merAdv.length ? [['MERFORBRUK (kompenseres ikke, vedlegg 3 pkt. 4.1)', formatKroner(merforbruk(b))]] : []),
      ],
      [false, true],
    ),
    ...(halvar ? [] : ['', frist15Januar(aar)]),
    '',
    'Tolkninger («nh docs aarsrapport»):',
    ...TOLKNINGER.map((t) => `  • ${t}`),
    '',
    valg.forhandsvis ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${filnavn}`,
  ].join('\n');
  // --streng: merforbruk gir exit 1 (rapporten er likevel skrevet); ellers exit 0 med advarselen.
  return { json: { ...json, merforbruk: merAdv.length > 0 }, tekst, exitKode: valg.streng && merAdv.length ? 1 : 0 };
}

/** Programveileder 11.1, 15. januar: all art. 28-rapportering for fjoråret ferdigstilt, også statusskjemaet. */
export function frist15Januar(aar: number): string {
  return (
    `Frist 15. januar ${aar + 1} (11.1): all rapportering for ${aar} knyttet til innovasjonsstøtte (art. 28) skal være ` +
    `ferdigstilt — rapporteringen for alle målbedrifter i AVI og næringshagestatusskjemaet.`
  );
}

/**
 * Vedlegg 3 pkt. 4.1 / 10.4: merforbruket skal synes i filen som sendes videre, ikke bare på skjermen —
 * rød, fet tekst under balansen (og «MERFORBRUK» i tittelen).
 */
function visMerforbruk(wb: ExcelJS.Workbook, mal: Mal, melding: string): void {
  const ark = mal.ark.find((a) => a.nokkel === 'balanse')!;
  const ws = wb.getWorksheet(ark.navn)!;
  const tittel = ws.getCell(1, 1);
  tittel.value = `MERFORBRUK – ${String(tittel.value)}`;
  tittel.font = { bold: true, size: 13, color: { argb: 'FFC00000' } };
  const rad = 5;
  ws.mergeCells(rad, 1, rad, ark.kolonner.length);
  const c = ws.getCell(rad, 1);
  c.value = melding;
  c.font = { bold: true, color: { argb: 'FFC00000' } };
  c.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(rad).height = 75;
}

function avvikTekst(v: number, enhet: 'antall' | 'andel'): string {
  const fortegn = v > 0 ? '+' : '';
  return enhet === 'andel' ? `${fortegn}${formatProsent(v).replace(' %', ' prosentpoeng')}` : `${fortegn}${v}`;
}
