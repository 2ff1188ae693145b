/** nh årsrapport --år: planen vist som tekst, --json og arbeidsbok (programveileder 10.4, 11.1, 11.2). */
import type ExcelJS from 'exceljs';
import { formatDato } from '../../../domain/felles/dato.js';
import { formatKroner, formatProsent } from '../../../domain/felles/penger.js';
import { TOLKNINGER } from '../../../domain/maltall/maltall.js';
import type { Tilskuddsbalanse } from '../../../domain/aarsrapport/aarsrapport.js';
import type { AarsrapportPlan } from '../../../domain/aarsrapport/plan.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { AVI_LOGG } from '../../../io/kts/avi-logg.js';
import { byggArbeidsbok, lesMal, type Mal } from '../../../io/skriv/xlsx-skriv.js';
import type { Kontekst } from '../../kontekst.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr } from '../felles.js';
import type { Data } from './data.js';
import { AVI_STATUS_TEKST, aviJson, aviTekst, registreringLinje, utviklingsplaner } from './aar-avi.js';
import {
  forutsetninger,
  formaterMaltallArk,
  tilpassRadhoyder,
  maltallJson,
  maltallXlsxRad,
  settOverskrift,
  verdiTekst,
} from './visning.js';

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
    kortsiktigGjeld: halvar ? null : kr(b.ubrukt),
    overforesTil: halvar ? null : b.ar + 1,
    // 10.4 / vedlegg 3 pkt. 4.1: brukt utover disponibelt (kompenseres ikke neste år) — for seg, aldri som negativ ubrukt.
    merforbruk: kr(b.merforbruk),
  };
}

export function aarJson(
  am: Arbeidsmappe,
  data: Data,
  malFil: string | null,
  plan: AarsrapportPlan,
  fil: string | null,
) {
  const { aar, halvar, p, stotte } = plan;
  const utviklingsplan = utviklingsplaner(data);
  return {
    modus: halvar ? 'halvar' : 'ar',
    ar: aar,
    periode: { fra: p.fra, til: p.til, halvar },
    naeringshage: am.config.naeringshage.navn,
    malFil,
    datasett: data.filer,
    maltall: plan.rader.map((r) => maltallJson(r, 'resultat')),
    // 11.2: målene i AVI gjelder hele året; halvårsrapporten halverer dem ikke.
    malGjelder: 'hele året',
    tolkninger: TOLKNINGER,
    malbedrifter: plan.aktive.map((m) => ({
      ...m,
      timer: m.timer / 100,
      iAvi: plan.aviStatus?.get(m.orgnr) ?? null,
      utviklingsplan: utviklingsplan.get(m.orgnr) ?? null,
    })),
    // 11.1: aktive målbedrifter som ikke står i noen AVI-opplasting (null: ingen AVI-logg å kontrollere mot).
    aviRegistrering: {
      logg: data.aviLogg ? AVI_LOGG : null,
      ikkeRegistrert: plan.aviStatus
        ? plan.aktive
            .filter((m) => plan.aviStatus!.get(m.orgnr) === 'nei')
            .map((m) => ({ orgnr: m.orgnr, navn: m.navn, avtalestart: m.avtalestart }))
        : null,
    },
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
    tilskuddsbalanse: balanseJson(plan.balanse, halvar),
    aviRapportering: aviJson(plan.avi),
    fil,
    merforbruk: plan.merAdv.length > 0,
  };
}

export async function aarArbeidsbok(
  k: Kontekst,
  am: Arbeidsmappe,
  data: Data,
  malFil: string | null,
  plan: AarsrapportPlan,
): Promise<ExcelJS.Workbook> {
  const { aar, halvar, p, periodetekst, forelopig, rader } = plan;
  const utviklingsplan = utviklingsplaner(data);
  const xmal = await lesMal('arsrapport');
  const wb = await byggArbeidsbok(xmal, {
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
      malbedrifter: plan.aktive.map((m) => ({
        ...m,
        iAvi: AVI_STATUS_TEKST[plan.aviStatus?.get(m.orgnr) ?? 'ukjent'],
        utviklingsplan: utviklingsplan.get(m.orgnr) ?? null,
      })),
      stotte: plan.stotte.rader.map((r, i) => ({
        ...r,
        tilAvi: plan.avi.rader[i]!.tilAvi,
        tattUt: plan.avi.rader[i]!.tattUt,
      })),
      balanse: [{ ...plan.balanse, hoystAvi: plan.avi.tilAvi }],
    },
    parametre: {
      forutsetninger: forutsetninger(am, p, data, malFil, [
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
  if (plan.merAdv.length) visMerforbruk(wb, xmal, plan.merAdv[0]!.melding);
  return wb;
}

/** `ekstra`: linjer etter støtten (issue 21 pkt. 4: støttebilagene mot registeret). */
export function aarTekst(am: Arbeidsmappe, plan: AarsrapportPlan, fil: string | null, ekstra: string[] = []): string {
  const { aar, halvar, periodetekst, forelopig, merAdv } = plan;
  return [
    farge.bold(
      `${halvar ? 'Halvårsrapport' : 'Årsrapport'} ${periodetekst} – ${am.config.naeringshage.navn} (programveileder 10.4, 11.1, 11.2)`,
    ),
    ...(forelopig
      ? [farge.yellow(`${forelopig}: perioden er ikke over, tallene er foreløpige (merket i filen).`)]
      : []),
    ...(merAdv.length ? ['', farge.red(farge.bold(merAdv[0]!.melding))] : []),
    '',
    farge.bold('Måltall mot resultat'),
    maltallTabell(plan),
    '',
    ...malbedrifterOgStotte(plan),
    ...ekstra,
    ...aviTekst(plan),
    '',
    farge.bold(`Innovasjonstilskudd per ${formatDato(plan.balanse.til)} (10.4)`),
    balanseTabell(plan),
    ...(halvar ? [] : ['', frist15Januar(aar)]),
    '',
    'Tolkninger («nh docs aarsrapport»):',
    ...TOLKNINGER.map((t) => `  • ${t}`),
    '',
    fil === null ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${fil}`,
  ].join('\n');
}

function maltallTabell(plan: AarsrapportPlan): string {
  const { halvar, rader } = plan;
  return tekstTabell(
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
  );
}

function malbedrifterOgStotte(plan: AarsrapportPlan): string[] {
  const { halvar, aktive, stotte } = plan;
  return [
    `${aktive.length} aktive målbedrifter ${halvar ? 'første halvår' : 'i året'} (${aktive.filter((m) => m.ny).length} nye, ${aktive.filter((m) => m.avsluttet).length} avsluttet) — skal være registrert i AVI ${halvar ? 'innen 30. juni' : 'innen 31. desember'} (11.1).`,
    ...registreringLinje(plan),
    `Støtte per målbedrift (${stotte.rader.length} målbedrifter, ${stotte.sum.linjer} registerlinjer): markedsverdi ${formatKroner(stotte.sum.markedsverdi)} kr, egenandel ${formatKroner(stotte.sum.egenandel)} kr, gitt innovasjonsstøtte (støtteregisteret) ${formatKroner(stotte.sum.stotte)} kr` +
      (halvar ? ' (hittil i år).' : '.'),
  ];
}

function balanseTabell(plan: AarsrapportPlan): string {
  const { aar, halvar, balanse: b, merAdv } = plan;
  return tekstTabell(
    ['Post', 'Kroner'],
    [
      ['Overført fra tidligere år', formatKroner(b.overfort)],
      [`Innvilget for ${aar}`, formatKroner(b.innvilget)],
      ['Disponibelt', formatKroner(b.disponibelt)],
      ['Brukt = gitt støtte (støtteregisteret)', formatKroner(b.brukt)],
      [halvar ? 'Ubrukt per 30.06' : `Ubrukt = kortsiktig gjeld, overføres til ${aar + 1}`, formatKroner(b.ubrukt)],
      ...(merAdv.length ? [['MERFORBRUK (kompenseres ikke, vedlegg 3 pkt. 4.1)', formatKroner(b.merforbruk)]] : []),
      ...(halvar ? [] : [['Høyst rapporteres i AVI (10.4)', formatKroner(plan.avi.tilAvi)]]),
    ],
    [false, true],
  );
}

/** Programveileder 11.1, 15. januar: all art. 28-rapportering for fjoråret ferdigstilt, også statusskjemaet. */
function frist15Januar(aar: number): string {
  return `Frist 15. januar ${aar + 1} (11.1): all rapportering for ${aar} knyttet til innovasjonsstøtte (art. 28) skal være ferdigstilt — rapporteringen for alle målbedrifter i AVI og næringshagestatusskjemaet.`;
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
