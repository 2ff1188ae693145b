/**
 * Timesatsene andre kommandoer bruker: regnet fra ansatte og nh.json (nh timesats, nh budsjett --år) eller lagret for
 * et år (timesats-<år>.json og timesats-<år>-faktisk.json; nh budsjett --regnskap). Programveileder 10.4 pkt. 2,
 * vedlegg 3 pkt. 3 og 4.2.
 */
import { readFile } from 'node:fs/promises';
import { ansatteDef, type Ansatt } from '../../../domain/datasett/ansatte.js';
import type { Dato } from '../../../domain/felles/dato.js';
import { feil, InndataFeil, kastVedFeil, type Diagnostikk } from '../../../domain/felles/diagnostikk.js';
import type { Config } from '../../../domain/konfig/config.js';
import { krev } from '../../../domain/konfig/uavklart.js';
import {
  beregnTimesatser,
  kontrollerTimesatsGrunnlag,
  type Timesats,
  type TimesatsParametre,
} from '../../../domain/timesats/timesats.js';
import {
  aarsSatser,
  lagredeSatserSkjema,
  satsfilnavn,
  velgAttestasjonssatser,
  type AarsSatser,
  type LagretSett,
  type Satsgrunnlag,
} from '../../../domain/timesats/aarssatser.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesDatasett } from '../../../io/les/datasett.js';

/** Issue 19 pkt. 2: satsene timesatsen regnes av må være fylt inn i nh.json (ellers exit 2 med hvor de finnes). */
export function timesatsParametre(config: Config): TimesatsParametre {
  const c = krev(config, ['arbeidsgiveravgiftSats', 'andreSosialeKostnaderProsent', 'indirekteKostnaderPerAr']);
  return {
    arbeidsgiveravgiftSats: c.arbeidsgiveravgiftSats,
    andreSosialeKostnaderProsent: c.andreSosialeKostnaderProsent,
    indirekteKostnaderPerAr: c.indirekteKostnaderPerAr,
    timerPerArsverk: c.timerPerArsverk,
    arsverkTotalt: c.arsverkTotalt,
  };
}

/**
 * Les ansatte og beregn timesatser — brukes også av budsjett. Tallene i nh.json kontrolleres mot 10.4 pkt. 2
 * (timer i et årsverk, årsverkene de indirekte kostnadene fordeles på): feil stopper, advarslene returneres.
 */
export async function lesTimesatser(
  am: Arbeidsmappe,
): Promise<{ ansatte: Ansatt[]; satser: Timesats[]; advarsler: Diagnostikk[] }> {
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
  const p = timesatsParametre(am.config);
  const advarsler = kastVedFeil(kontrollerTimesatsGrunnlag(rader, p));
  return { ansatte: rader, satser: beregnTimesatser(rader, p), advarsler };
}

/** Leser timesats-<år>.json eller timesats-<år>-faktisk.json; null når fila ikke finnes. */
export async function lesSatsfil(am: Arbeidsmappe, aar: number, grunnlag: Satsgrunnlag): Promise<LagretSett | null> {
  const navn = satsfilnavn(aar, grunnlag);
  let tekst: string;
  try {
    tekst = await readFile(am.sti(navn), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new InndataFeil([feil('kan-ikke-lese', `Kan ikke lese ${navn}: ${(e as Error).message}`, { fil: navn })]);
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
    fil: navn,
    grunnlag,
    laget: r.data.laget as Dato,
    timerPerArsverk: r.data.timerPerArsverk ?? null,
    ansatte: r.data.ansatte.map((a) => ({ navn: a.navn, godkjent: a.godkjent })),
  };
}

/**
 * Programveileder 10.4 / vedlegg 3 pkt. 3 og 4.2: attestasjonen for et år bruker årets faktiske satser når de er
 * lagret (timesats-<år>-faktisk.json), ellers budsjettsatsene (timesats-<år>.json), ellers regnes de fra ansatte slik
 * fila er nå. Begge lagrede settene vises ved siden av hverandre; valget og grunnen står i utdata.
 */
export async function lesSatserForAar(am: Arbeidsmappe, aar: number): Promise<AarsSatser> {
  const [budsjett, faktisk] = [await lesSatsfil(am, aar, 'budsjett'), await lesSatsfil(am, aar, 'faktisk')];
  // Ansatte leses bare når ingen satser er lagret for året (da regnes de fra ansatte slik den er nå).
  const lagret = velgAttestasjonssatser(aar, budsjett !== null, faktisk !== null).brukt !== 'ansatte';
  return aarsSatser(aar, { budsjett, faktisk }, lagret ? null : await lesTimesatser(am));
}
