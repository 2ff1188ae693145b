/**
 * nh timesats: les ansatte → beregn (domain/timesats) → tabell, --json og timesats-<år>.xlsx.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { ansatteDef, type Ansatt } from '../../../domain/datasett/ansatte.js';
import { formatKroner, formatProsent } from '../../../domain/felles/penger.js';
import {
  beregnTimesatser,
  indirektePerArsverk,
  lagredeSatser,
  lagredeSatserSkjema,
  sumArsverk,
  TAK_KRONER,
  TAK_PROMILLE_NEVNER,
  TAK_PROMILLE_TELLER,
  type Binder,
  type Timesats,
  type TimesatsParametre,
} from '../../../domain/timesats/timesats.js';
import { formatDato, type Dato } from '../../../domain/felles/dato.js';
import type { Config } from '../../../domain/konfig/config.js';
import { krev } from '../../../domain/konfig/uavklart.js';
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesDatasett } from '../../../io/les/datasett.js';
import { skrivFiler } from '../../../io/skriv/skriv.js';
import { arbeidsbokTilBuffer, byggArbeidsbok, lesMal } from '../../../io/skriv/xlsx-skriv.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { TimesatsValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr, pst, utmappe, velgAar } from '../felles.js';

export const BINDER_TEKST: Record<Binder, string> = {
  beregnet: 'beregnet sats (under takene)',
  promille: 'tak 1,2 ‰ av årslønn',
  kroner: 'tak 1 100 kr',
};

/** Issue 19 pkt. 2: satsene timesatsen regnes av må være fylt inn i nh.json (ellers exit 2 med hvor de finnes). */
export function timesatsParametre(config: Config): TimesatsParametre {
  const c = krev(config, ['arbeidsgiveravgiftSats', 'andreSosialeKostnaderProsent', 'indirekteKostnaderPerAr']);
  return {
    arbeidsgiveravgiftSats: c.arbeidsgiveravgiftSats,
    andreSosialeKostnaderProsent: c.andreSosialeKostnaderProsent,
    indirekteKostnaderPerAr: c.indirekteKostnaderPerAr,
    timerPerArsverk: c.timerPerArsverk,
  };
}

/** Les ansatte og beregn timesatser — brukes også av budsjett. */
export async function lesTimesatser(am: Arbeidsmappe): Promise<{ ansatte: Ansatt[]; satser: Timesats[] }> {
  const { rader, fil } = await lesDatasett(am, ansatteDef);
  if (rader.length === 0) {
    throw new InndataFeil([
      feil(
        'ingen-rader',
        'Datasettet har ingen ansatte (bare overskrift).',
        { fil: fil ?? 'ansatte.csv', rad: 2 },
        { forventet: 'minst én ansatt' },
      ),
    ]);
  }
  return { ansatte: rader, satser: beregnTimesatser(rader, timesatsParametre(am.config)) };
}

/** Satsene et år bruker: navn og godkjent timesats per ansatt, og hvor de kom fra (vises i utdata). */
export type AarsSatser = {
  ansatte: { navn: string }[];
  satser: { godkjent: number }[];
  kilde: string;
  lagret: boolean;
};

/**
 * Programveileder 10.4 / vedlegg 3 pkt. 4.2: attestasjonen for et år bruker årets egne satser. Finnes
 * `timesats-<år>.json` (lagret av `nh timesats --år <år>`) i arbeidsmappen, brukes den; ellers regnes satsene fra
 * ansatte slik fila er nå, og kalleren varsler om det.
 */
export async function lesSatserForAar(am: Arbeidsmappe, aar: number): Promise<AarsSatser> {
  const navn = `timesats-${aar}.json`;
  let tekst: string | null = null;
  try {
    tekst = await readFile(am.sti(navn), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new InndataFeil([feil('kan-ikke-lese', `Kan ikke lese ${navn}: ${(e as Error).message}`, { fil: navn })]);
    }
  }
  if (tekst === null) {
    const { ansatte, satser } = await lesTimesatser(am);
    return { ansatte, satser, kilde: `regnet fra ansatte slik den er i dag (ingen ${navn})`, lagret: false };
  }
  let data: unknown;
  try {
    data = JSON.parse(tekst.replace(/^\uFEFF/, ''));
  } catch {
    throw new InndataFeil([
      feil(
        'ugyldig-json',
        `${navn} er ikke gyldig JSON.`,
        { fil: navn },
        { forventet: `filen slik nh timesats --år ${aar} skriver den` },
      ),
    ]);
  }
  const r = lagredeSatserSkjema.safeParse(data);
  if (!r.success || r.data.ar !== aar) {
    throw new InndataFeil([
      feil(
        'ugyldige-satser',
        `${navn} har ikke timesatser for ${aar} slik nh timesats skriver dem.`,
        { fil: navn },
        {
          forventet: `kjør nh timesats --år ${aar} --overskriv på nytt, eller slett filen for å regne fra ansatte`,
        },
      ),
    ]);
  }
  return {
    ansatte: r.data.ansatte.map((a) => ({ navn: a.navn })),
    satser: r.data.ansatte.map((a) => ({ godkjent: a.godkjent })),
    kilde: `${navn} (lagret av nh timesats ${formatDato(r.data.laget as Dato)})`,
    lagret: true,
  };
}

export function timesatsJson(t: Timesats) {
  return {
    navn: t.navn,
    arslonn: kr(t.arslonn),
    stillingsprosent: pst(t.stillingsprosent),
    arslonnFulltid: kr(t.arslonnFulltid),
    sosialeSats: pst(t.sosialeSats),
    sosialeKostnader: kr(t.sosialeKostnader),
    lonnskostnader: kr(t.lonnskostnader),
    indirekteAndel: kr(t.indirekteAndel),
    totalKostnad: kr(t.totalKostnad),
    beregnet: kr(t.beregnet),
    takPromille: kr(t.takPromille),
    takKroner: kr(t.takKroner),
    godkjent: kr(t.godkjent),
    binder: t.binder,
  };
}

export async function timesats(k: Kontekst, valg: TimesatsValg): Promise<Resultat> {
  const am = await aapneArbeidsmappe(k.data);
  const aar = velgAar(valg.ar, am.config);
  const { ansatte, satser } = await lesTimesatser(am);
  const p = timesatsParametre(am.config);
  const arsverk = sumArsverk(ansatte);
  const filnavn = path.join(utmappe(am, valg.ut), `timesats-${aar}.xlsx`);

  const mal = await lesMal('timesats');
  const wb = byggArbeidsbok(mal, {
    variabler: { ar: String(aar), naeringshage: am.config.naeringshage.navn },
    idag: k.idag,
    rader: {
      timesats: satser.map((t, i) => ({
        ...t,
        binder: BINDER_TEKST[t.binder],
        sosialeOverstyring: ansatte[i]!.sosialeKostnaderProsent ?? null,
        indirekteOverstyring: ansatte[i]!.indirekteKostnader ?? null,
      })),
    },
    parametre: {
      forutsetninger: [
        {
          nokkel: 'arbeidsgiveravgiftSats',
          etikett: 'Arbeidsgiveravgift',
          type: 'prosent',
          verdi: p.arbeidsgiveravgiftSats,
        },
        {
          nokkel: 'andreSosialeKostnaderProsent',
          etikett: 'Andre sosiale kostnader (pensjon, forsikring m.m.)',
          type: 'prosent',
          verdi: p.andreSosialeKostnaderProsent,
        },
        {
          nokkel: 'indirekteKostnaderPerAr',
          etikett: 'Indirekte kostnader per år (fordeles per årsverk)',
          type: 'belop',
          verdi: p.indirekteKostnaderPerAr,
        },
        { nokkel: 'timerPerArsverk', etikett: 'Timer i et årsverk (Siva)', type: 'heltall', verdi: p.timerPerArsverk },
        { nokkel: 'takKroner', etikett: 'Tak for timesats, kroner (10.4)', type: 'belop', verdi: TAK_KRONER },
        // Programveileder 10.4: taket 1,2 ‰ av nominell årslønn; formelen «Tak 1,2 ‰» peker hit (kurs = ×10 000).
        {
          nokkel: 'takPromille',
          etikett: 'Tak for timesats, andel av nominell årslønn (10.4): 1,2 ‰',
          type: 'kurs',
          verdi: (TAK_PROMILLE_TELLER * 10_000) / TAK_PROMILLE_NEVNER,
        },
      ],
    },
  });
  // 10.4 / vedlegg 3 pkt. 4.2: årets satser lagres, så attestasjonen (budsjett --regnskap <år>) bruker dem.
  const satsfil = path.join(utmappe(am, valg.ut), `timesats-${aar}.json`);
  if (!valg.forhandsvis) {
    await skrivFiler(
      [
        { sti: filnavn, innhold: await arbeidsbokTilBuffer(wb) },
        { sti: satsfil, innhold: `${JSON.stringify(lagredeSatser(aar, k.idag, satser), null, 2)}\n` },
      ],
      { overskriv: Boolean(valg.overskriv) },
    );
  }

  const json = {
    ar: aar,
    naeringshage: am.config.naeringshage.navn,
    forutsetninger: {
      arbeidsgiveravgiftSats: pst(p.arbeidsgiveravgiftSats),
      andreSosialeKostnaderProsent: pst(p.andreSosialeKostnaderProsent),
      indirekteKostnaderPerAr: kr(p.indirekteKostnaderPerAr),
      arsverk: pst(arsverk) / 100,
      indirektePerArsverk: kr(indirektePerArsverk(p, arsverk)),
      timerPerArsverk: p.timerPerArsverk,
      avrunding: 'hvert mellomledd til nærmeste øre, halv opp',
    },
    ansatte: satser.map(timesatsJson),
    fil: valg.forhandsvis ? null : filnavn,
    satsfil: valg.forhandsvis ? null : satsfil,
  };
  const tabell = tekstTabell(
    ['Ansatt', 'Stilling', 'Årslønn heltid', 'Totalkostnad', 'Beregnet', 'Tak 1,2 ‰', 'Godkjent', 'Binder'],
    satser.map((t) => [
      t.navn,
      formatProsent(t.stillingsprosent),
      formatKroner(t.arslonnFulltid),
      formatKroner(t.totalKostnad),
      formatKroner(t.beregnet),
      formatKroner(t.takPromille),
      formatKroner(t.godkjent),
      BINDER_TEKST[t.binder],
    ]),
    [false, true, true, true, true, true, true, false],
    // Smal terminal: mellomleddene (årslønn og totalkostnad) står i xlsx og --json; beregnet, tak og godkjent blir.
    { slipp: [3, 2] },
  );
  const tekst = [
    farge.bold(`Timesats ${aar} – ${am.config.naeringshage.navn} (programveileder 10.4)`),
    `Indirekte kostnader ${formatKroner(p.indirekteKostnaderPerAr)} kr fordelt på ${json.forutsetninger.arsverk.toLocaleString('nb-NO')} årsverk; ${p.timerPerArsverk} timer per årsverk. Tak: 1 100 kr og 1,2 ‰ av nominell årslønn (heltid).`,
    '',
    tabell,
    '',
    valg.forhandsvis
      ? 'Forhåndsvisning: ingen fil er skrevet.'
      : `Skrev ${filnavn}\nSkrev ${satsfil} (årets satser; nh budsjett --regnskap ${aar} bruker dem)`,
  ].join('\n');
  return { json, tekst };
}
