/**
 * Timesatsene andre kommandoer bruker: regnet fra ansatte og nh.json (nh timesats, nh budsjett --år) eller lagret for
 * et år (timesats-<år>.json og timesats-<år>-faktisk.json; nh budsjett --regnskap). Programveileder 10.4 pkt. 2,
 * vedlegg 3 pkt. 3 og 4.2.
 */
import { readFile } from 'node:fs/promises';
import { ansatteDef, type Ansatt } from '../../../domain/datasett/ansatte.js';
import { formatDato, type Dato } from '../../../domain/felles/dato.js';
import { advarsel, feil, InndataFeil, kastVedFeil, type Diagnostikk } from '../../../domain/felles/diagnostikk.js';
import type { Config } from '../../../domain/konfig/config.js';
import { krev } from '../../../domain/konfig/uavklart.js';
import {
  beregnTimesatser,
  kontrollerTimesatsGrunnlag,
  SIVA_TIMER_PER_ARSVERK,
  type Timesats,
  type TimesatsParametre,
} from '../../../domain/timesats/timesats.js';
import {
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
  const valg = velgAttestasjonssatser(aar, budsjett !== null, faktisk !== null);
  const felles = { brukt: valg.brukt, begrunnelse: valg.begrunnelse, budsjett, faktisk };
  const sett = valg.brukt === 'faktisk' ? faktisk : valg.brukt === 'budsjett' ? budsjett : null;
  if (!sett) {
    const { ansatte, satser, advarsler } = await lesTimesatser(am);
    const kilde = `regnet fra ansatte slik den er i dag (ingen ${satsfilnavn(aar, 'faktisk')} eller ${satsfilnavn(aar, 'budsjett')})`;
    return { ...felles, ansatte, satser, kilde, fil: null, advarsler: [...advarsler, ikkeLagret(aar)] };
  }
  const advarsler: Diagnostikk[] = [];
  if (valg.brukt === 'budsjett') advarsler.push(faktiskeMangler(aar));
  if (sett.timerPerArsverk !== null && sett.timerPerArsverk !== SIVA_TIMER_PER_ARSVERK) {
    advarsler.push(
      advarsel(
        'timer-per-arsverk-avviker',
        `Satsene i ${sett.fil} er regnet med ${sett.timerPerArsverk.toLocaleString('nb-NO')} timer i et årsverk, men Siva benytter ` +
          `1 695 (programveileder 10.4 pkt. 2).`,
        { fil: sett.fil },
        { verdi: sett.timerPerArsverk.toLocaleString('nb-NO'), forventet: '1 695 (Sivas tall)' },
      ),
    );
  }
  return {
    ...felles,
    ansatte: sett.ansatte.map((a) => ({ navn: a.navn })),
    satser: sett.ansatte.map((a) => ({ godkjent: a.godkjent })),
    kilde: `${sett.fil} (${sett.grunnlag === 'faktisk' ? 'årets faktiske satser' : 'budsjettsatsene'}, lagret av nh ${formatDato(sett.laget)})`,
    fil: sett.fil,
    advarsler,
  };
}

function ikkeLagret(aar: number): Diagnostikk {
  return advarsel(
    'timesats-ikke-lagret',
    `Fant ingen lagrede timesatser for ${aar} (${satsfilnavn(aar, 'faktisk')} eller ${satsfilnavn(aar, 'budsjett')}): satsene er regnet ` +
      `fra ansatte slik den er i dag. Attestasjonen skal bruke satsene for ${aar} (programveileder 10.4, vedlegg 3 pkt. 3 og 4.2); ` +
      `er lønn eller stilling endret siden, stemmer ikke beløpene. Lagre årets satser med nh timesats --år ${aar} før ansatte endres for neste år.`,
    { fil: satsfilnavn(aar, 'faktisk') },
  );
}

function faktiskeMangler(aar: number): Diagnostikk {
  return advarsel(
    'faktiske-satser-mangler',
    `Attestasjonen bruker budsjettsatsene (${satsfilnavn(aar, 'budsjett')}): årets faktiske satser er ikke lagret. Tilskuddet til ` +
      `administrasjon og gjennomføring er ren kostnadsdekning (vedlegg 3 pkt. 3); er lønnen endret i løpet av ${aar}, viser ` +
      `attestasjonen ikke de reelle utgiftene. Lagre dem med nh timesats --år ${aar} (i desember, før ansatte endres for neste år).`,
    { fil: satsfilnavn(aar, 'faktisk') },
  );
}
