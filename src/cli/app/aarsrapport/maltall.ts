/** nh årsrapport --måltall <år>: måltall for det kommende året til AVI (programveileder 6.5, 11.1, 11.2). */
import path from 'node:path';
import type { MaltallMal } from '../../../domain/datasett/maltall.js';
import { advarsel, feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { formatDato, maanedAv } from '../../../domain/felles/dato.js';
import type { Kolonne } from '../../../domain/felles/rapport.js';
import {
  TOLKNINGER,
  beregnMaltall,
  kombiner,
  kontrollerAndel,
  periodeFor,
  utelatteTiltak,
  tolkMal,
  type Maaling,
  type Periode,
} from '../../../domain/maltall/maltall.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lagCsv } from '../../../io/skriv/csv-skriv.js';
import { skrivFiler } from '../../../io/skriv/skriv.js';
import { arbeidsbokTilBuffer, byggArbeidsbok, lesMal } from '../../../io/skriv/xlsx-skriv.js';
import { settUtskrift } from '../../../io/skriv/xlsx-utskrift.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { AarsrapportValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { utmappe, velgAar } from '../felles.js';
import { dataAdvarsler, lesData, lesMaltallFil } from './data.js';
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

export function lesMalene(fil: string | null, rader: MaltallMal[], k: Kontekst) {
  const { mal, diagnostikk } = tolkMal(
    rader.map((r) => ({ id: r.id, mal: r.mal, kommentar: r.kommentar, kilde: r.kilde })),
  );
  const feilene = diagnostikk.filter((d) => d.alvor === 'feil');
  if (feilene.length) throw new InndataFeil(feilene);
  k.advarsler.push(...diagnostikk);
  return { fil, mal };
}

/**
 * Felles for --måltall og --år: les periodens data og de egne målene for `malAar`, regn måltallene (11.2) og
 * sett dem sammen med målene. Advarslene (datasett, mål, utelatte tiltak) legges i k.advarsler.
 */
export async function maltallForPeriode(
  k: Kontekst,
  am: Arbeidsmappe,
  p: Periode,
  malAar: number,
  trengerTilskudd: boolean,
) {
  const data = await lesData(am, p, trengerTilskudd);
  const malFil = await lesMaltallFil(am, malAar);
  k.advarsler.push(...malFil.advarsler);
  const { mal } = lesMalene(malFil.fil, malFil.rader, k);
  k.advarsler.push(...dataAdvarsler(data, p, maanedAv(k.idag)));
  const grunnlag = {
    periode: p,
    malbedrifter: data.malbedrifter,
    stotte: data.register,
    tiltak: data.tiltak,
    srl: data.srl,
  };
  const maalinger: Maaling[] = beregnMaltall(grunnlag);
  // 11.2: tiltak hjelpetekstene utelukker (henvisning av egen målbedrift, samarbeid med Siva) vises som advarsler.
  k.advarsler.push(...utelatteTiltak(grunnlag));
  return { data, malFil, maalinger, rader: kombiner(maalinger, mal) };
}

export async function maltallEksport(k: Kontekst, am: Arbeidsmappe, valg: AarsrapportValg): Promise<Resultat> {
  const aar = velgAar(valg.maltall, am.config, '--måltall');
  // Programveileder 6.5/11.1: måltallene for det kommende året legges inn 1. desember; grunnlaget er året som går.
  const grunnlagsaar = aar - 1;
  const p = periodeFor(grunnlagsaar);
  const { data, malFil, maalinger, rader } = await maltallForPeriode(k, am, p, aar, false);
  const innov = rader.find((r) => r.def.id === 'andelInnovasjonsstotte')!;
  k.advarsler.push(...kontrollerAndel(innov.def, innov.maaling.verdi, `grunnlaget (${grunnlagsaar})`));
  const utenMal = rader.filter((r) => r.mal === null).length;
  if (malFil.fil && utenMal) {
    k.advarsler.push(
      advarsel(
        'maltall-uten-mal',
        `${utenMal} av ${rader.length} måltall har ikke eget mål i ${malFil.fil}; fyll inn «Mål» eller bruk grunnlaget.`,
        { fil: malFil.fil, kolonne: 'mal' },
      ),
    );
  }

  const ut = utmappe(am, valg.ut);
  const xlsxSti = path.join(ut, `maltall-${aar}.xlsx`);
  const csvSti = path.join(ut, `maltall-${aar}.csv`);
  const aktive = maalinger.find((m) => m.id === 'malbedrifterIAaret')!.verdi ?? 0;

  const xmal = await lesMal('maltall');
  const wb = byggArbeidsbok(xmal, {
    idag: k.idag,
    variabler: {
      ar: String(aar),
      // Issue 16 pkt. 5: grunnlaget fra et år som ikke er over, er foreløpig — merket i selve filen.
      grunnlagsaar: k.idag <= p.til ? `${grunnlagsaar}, FORELØPIG PER ${formatDato(k.idag)}` : String(grunnlagsaar),
      naeringshage: am.config.naeringshage.navn,
    },
    rader: { maltall: rader.map(maltallXlsxRad), hjelp: rader.map(maltallXlsxRad) },
    parametre: {
      forutsetninger: forutsetninger(am, p, data, malFil.fil, [
        { nokkel: 'malAar', etikett: 'Måltall for året', type: 'nummer', verdi: aar },
      ]),
    },
  });
  formaterMaltallArk(wb, xmal, 'maltall', rader, ['grunnlag', 'mal']);
  tilpassRadhoyder(wb, xmal, 'hjelp');
  const csv = lagCsv(
    MALTALL_CSV,
    rader.map((r) => ({
      ...maltallXlsxRad(r),
      grunnlag: verdiCsv(r.maaling.verdi, r.def.enhet),
      mal: verdiCsv(r.mal, r.def.enhet),
    })),
  );

  if (!valg.forhandsvis) {
    if (!valg.overskriv && malFil.fil && [csvSti, xlsxSti].includes(path.resolve(am.sti(malFil.fil)))) {
      throw new InndataFeil([
        feil(
          'finnes-fra-for',
          `${malFil.fil} er målfilen som ble lest, og blir ikke overskrevet uten --overskriv. Med --overskriv tas id, mål og ` +
            `kommentar fra ${malFil.fil} med i de nye filene (maltall-${aar}.csv og .xlsx); alt annet du har endret i dem ` +
            `(egne kolonner, notater, formatering) går tapt. Ta en kopi først om du vil beholde det.`,
          { fil: am.sti(malFil.fil) },
        ),
      ]);
    }
    // Issue 16 pkt. 2: hovedarket leses i ≥ 70 % — lange tekster brytes i cellen i stedet for å gjøre kolonnen bred.
    settUtskrift(wb.getWorksheet('Måltall')!, { utvidForTekst: false });
    await skrivFiler(
      [
        { sti: xlsxSti, innhold: await arbeidsbokTilBuffer(wb) },
        { sti: csvSti, innhold: csv },
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
    filer: valg.forhandsvis ? [] : [xlsxSti, csvSti],
  };
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
  const tekst = [
    farge.bold(
      `Måltall ${aar} til AVI – ${am.config.naeringshage.navn} (programveileder 6.5 og 11.2; frist 1. desember)`,
    ),
    `Grunnlaget er regnet fra data for ${grunnlagsaar} (${formatDato(p.fra)}–${formatDato(p.til)}): ${aktive} aktive målbedrifter (avtalen overlapper året). ` +
      `Mål: ${malFil.fil ?? `ingen målfil (maltall-${aar}.csv) — målkolonnen er tom`}.`,
    '',
    tabell,
    '',
    'Tolkninger («nh docs aarsrapport»):',
    ...TOLKNINGER.map((t) => `  • ${t}`),
    valg.forhandsvis ? 'Forhåndsvisning: ingen fil er skrevet.' : `Skrev ${xlsxSti}\nSkrev ${csvSti}`,
  ].join('\n');
  return { json, tekst };
}
