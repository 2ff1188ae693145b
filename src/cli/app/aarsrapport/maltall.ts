/** nh årsrapport --måltall <år>: måltall for det kommende året til AVI (programveileder 6.5, 11.1, 11.2). */
import path from 'node:path';
import type { MaltallMaalRad } from '../../../domain/datasett/maltall.js';
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { formatDato } from '../../../domain/felles/dato.js';
import type { Kolonne } from '../../../domain/felles/rapport.js';
import { TOLKNINGER, periodeFor, type MaltallRad, type Periode } from '../../../domain/maltall/maltall.js';
import { kontrollerMaltallGrunnlag, planMaltall, type MaltallPlan } from '../../../domain/aarsrapport/plan.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lagCsv } from '../../../io/skriv/csv-skriv.js';
import { skrivFiler } from '../../../io/skriv/skriv.js';
import { arbeidsbokTilBuffer, byggArbeidsbok, lesMal } from '../../../io/skriv/xlsx-skriv.js';
import { settUtskrift } from '../../../io/skriv/xlsx-utskrift.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { AarsrapportValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { utmappe, velgAar } from '../felles.js';
import { lesData, lesMaltallFil, type Data } from './data.js';
import {
  forutsetninger,
  formaterMaltallArk,
  tilpassRadhoyder,
  maltallJson,
  maltallXlsxRad,
  verdiCsv,
  verdiTekst,
} from './visning.js';

// ————— --måltall <år> —————

const MALTALL_CSV: Kolonne[] = [
  { nokkel: 'id', overskrift: 'id', type: 'tekst' },
  { nokkel: 'omrade', overskrift: 'Område', type: 'tekst' },
  { nokkel: 'navn', overskrift: 'Måltall (AVI)', type: 'tekst' },
  { nokkel: 'enhet', overskrift: 'Enhet', type: 'tekst' },
  { nokkel: 'teller', overskrift: 'Teller', type: 'heltall' },
  { nokkel: 'nevner', overskrift: 'Nevner (aktive målbedrifter)', type: 'heltall' },
  { nokkel: 'grunnlag', overskrift: 'Grunnlag (årets data)', type: 'tekst' },
  { nokkel: 'mal', overskrift: 'Mål', type: 'tekst' },
  { nokkel: 'kommentar', overskrift: 'Kommentar', type: 'tekst' },
  { nokkel: 'merknad', overskrift: 'Merknad fra nh', type: 'tekst' },
  { nokkel: 'hjelpetekst', overskrift: 'Hjelpetekst i AVI', type: 'tekst' },
  { nokkel: 'definisjon', overskrift: 'Definisjon i nh', type: 'tekst' },
];

/** Les: periodens data og de egne målene for `malAar`; advarslene om målfilen legges i k.advarsler. */
export async function lesMaltallGrunnlag(
  k: Kontekst,
  am: Arbeidsmappe,
  p: Periode,
  malAar: number,
  trengerTilskudd: boolean,
  medAviLogg = false,
): Promise<{ data: Data; malFil: { fil: string | null; rader: MaltallMaalRad[] } }> {
  const data = await lesData(am, p, trengerTilskudd, medAviLogg, k.advarsler);
  const malFil = await lesMaltallFil(am, malAar);
  k.advarsler.push(...malFil.advarsler);
  return { data, malFil };
}

/** Planlegg måltallene (11.2, domain/aarsrapport/plan.ts); feil i målfilen er exit 2. */
export function maltallPlan(k: Kontekst, data: Data, malRader: readonly MaltallMaalRad[], p: Periode): MaltallPlan {
  const plan = planMaltall(data, malRader, p, k.idag);
  if (plan.feil.length) throw new InndataFeil(plan.feil);
  k.advarsler.push(...plan.advarsler);
  return plan;
}

export async function maltallEksport(k: Kontekst, am: Arbeidsmappe, valg: AarsrapportValg): Promise<Resultat> {
  const aar = velgAar(valg.maltall, am.config, '--måltall');
  // Programveileder 6.5/11.1: måltallene for det kommende året legges inn 1. desember; grunnlaget er året som går.
  const grunnlagsaar = aar - 1;
  const p = periodeFor(grunnlagsaar);
  // Les → planlegg (rent) → skriv. Kommandoen spør aldri.
  const { data, malFil } = await lesMaltallGrunnlag(k, am, p, aar, false);
  const { maalinger, rader } = maltallPlan(k, data, malFil.rader, p);
  k.advarsler.push(...kontrollerMaltallGrunnlag(rader, malFil.fil, grunnlagsaar));

  const ut = utmappe(am, valg.ut);
  const s: Maltallstier = {
    xlsx: path.join(ut, `maltall-${aar}.xlsx`),
    csv: path.join(ut, `maltall-${aar}.csv`),
  };
  const aktive = maalinger.find((m) => m.id === 'malbedrifterIAaret')!.verdi ?? 0;
  const v: Maltallvisning = { aar, grunnlagsaar, p, aktive, malFil: malFil.fil, rader };
  // Arbeidsboken bygges bare når den skal skrives: --forhandsvis laster ikke exceljs (issue 22 pkt. 8).
  if (!valg.forhandsvis) {
    sjekkIkkeMalfilen(am, valg, malFil.fil, s, aar);
    const wb = await maltallArbeidsbok(k, am, data, v);
    // Issue 16 pkt. 2: hovedarket leses i ≥ 70 % — lange tekster brytes i cellen i stedet for å gjøre kolonnen bred.
    settUtskrift(wb.getWorksheet('Måltall')!, { utvidForTekst: false });
    await skrivFiler(
      [
        { sti: s.xlsx, innhold: await arbeidsbokTilBuffer(wb) },
        { sti: s.csv, innhold: maltallCsv(rader) },
      ],
      { overskriv: Boolean(valg.overskriv) },
    );
  }
  const json = {
    modus: 'maltall',
    ar: aar,
    grunnlagsaar,
    periode: { fra: p.fra, til: p.til },
    naeringshage: am.config.naeringshage.navn,
    aktiveMalbedrifter: aktive,
    malFil: malFil.fil,
    datasett: data.filer,
    maltall: rader.map((r) => maltallJson(r, 'grunnlag')),
    tolkninger: TOLKNINGER,
    filer: valg.forhandsvis ? [] : [s.xlsx, s.csv],
  };
  return { json, tekst: maltallTekst(am, v, valg.forhandsvis ? null : s) };
}

type Maltallstier = { xlsx: string; csv: string };
type Maltallvisning = {
  aar: number;
  grunnlagsaar: number;
  p: Periode;
  aktive: number;
  malFil: string | null;
  rader: MaltallRad[];
};

/** Målfilen som ble lest, overskrives bare med --overskriv (og meldingen sier hva som går tapt). */
function sjekkIkkeMalfilen(
  am: Arbeidsmappe,
  valg: AarsrapportValg,
  malFil: string | null,
  s: Maltallstier,
  aar: number,
): void {
  if (valg.overskriv || !malFil || ![s.csv, s.xlsx].includes(path.resolve(am.sti(malFil)))) return;
  throw new InndataFeil([
    feil(
      'finnes-fra-for',
      `${malFil} er målfilen som ble lest, og blir ikke overskrevet uten --overskriv. Med --overskriv tas id, mål og kommentar fra ${malFil} med i de nye filene (maltall-${aar}.csv og .xlsx); alt annet du har endret i dem (egne kolonner, notater, formatering) går tapt. Ta en kopi først om du vil beholde det.`,
      { fil: am.sti(malFil) },
    ),
  ]);
}

async function maltallArbeidsbok(k: Kontekst, am: Arbeidsmappe, data: Data, v: Maltallvisning) {
  const xmal = await lesMal('maltall');
  const wb = await byggArbeidsbok(xmal, {
    idag: k.idag,
    variabler: {
      ar: String(v.aar),
      // Issue 16 pkt. 5: grunnlaget fra et år som ikke er over, er foreløpig — merket i selve filen.
      grunnlagsaar:
        k.idag <= v.p.til ? `${v.grunnlagsaar}, FORELØPIG PER ${formatDato(k.idag)}` : String(v.grunnlagsaar),
      naeringshage: am.config.naeringshage.navn,
    },
    rader: { maltall: v.rader.map(maltallXlsxRad), hjelp: v.rader.map(maltallXlsxRad) },
    parametre: {
      forutsetninger: forutsetninger(am, v.p, data, v.malFil, [
        { nokkel: 'malAar', etikett: 'Måltall for året', type: 'nummer', verdi: v.aar },
      ]),
    },
  });
  formaterMaltallArk(wb, xmal, 'maltall', v.rader, ['grunnlag', 'mal']);
  tilpassRadhoyder(wb, xmal, 'hjelp');
  return wb;
}

function maltallCsv(rader: readonly MaltallRad[]): string {
  return lagCsv(
    MALTALL_CSV,
    rader.map((r) => ({
      ...maltallXlsxRad(r),
      grunnlag: verdiCsv(r.maaling.verdi, r.def.enhet),
      mal: verdiCsv(r.mal, r.def.enhet),
    })),
  );
}

function maltallTekst(am: Arbeidsmappe, v: Maltallvisning, skrevet: Maltallstier | null): string {
  const { aar, grunnlagsaar, p, rader } = v;
  const tabell = tekstTabell(
    ['Område', 'Måltall (AVI)', 'Teller/nevner', `Grunnlag ${grunnlagsaar}`, `Mål ${aar}`, 'Merknad'],
    rader.map((r) => [
      r.def.omrade,
      r.def.navn, // issue 19 pkt. 12: AVIs navn, ikke nh sin id
      r.maaling.nevner === null ? String(r.maaling.teller) : `${r.maaling.teller}/${r.maaling.nevner}`,
      verdiTekst(r.maaling.verdi, r.def.enhet),
      r.mal === null ? '–' : verdiTekst(r.mal, r.def.enhet),
      r.maaling.merknad ?? '',
    ]),
    [false, false, true, true, true, false],
  );
  return [
    farge.bold(
      `Måltall ${aar} til AVI – ${am.config.naeringshage.navn} (programveileder 6.5 og 11.2; frist 1. desember)`,
    ),
    `Grunnlaget er regnet fra data for ${grunnlagsaar} (${formatDato(p.fra)}–${formatDato(p.til)}): ${v.aktive} aktive målbedrifter (avtalen overlapper året). Mål: ${v.malFil ?? `ingen målfil (maltall-${aar}.csv) — målkolonnen er tom`}.`,
    '',
    tabell,
    '',
    'Tolkninger («nh docs aarsrapport»):',
    ...TOLKNINGER.map((t) => `  • ${t}`),
    skrevet ? `Skrev ${skrevet.xlsx}\nSkrev ${skrevet.csv}` : 'Forhåndsvisning: ingen fil er skrevet.',
  ].join('\n');
}
