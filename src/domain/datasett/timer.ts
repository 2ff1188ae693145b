import { feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { dato, normaliserNavn, tekst, timer } from '../felles/felter.js';
import { formatDato } from '../felles/dato.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Timelister. `malbedrift` er enten målbedriftens orgnr eller en administrasjonskode (standard «ADM»,
 * se `adminKoder` i nh.json) for administrasjon og gjennomføring (10.4).
 */
export const timerDef = definerDatasett({
  navn: 'timer',
  beskrivelse: 'Én rad per timeregistrering.',
  kolonner: {
    dato: paakrevd(dato(), {
      overskrift: 'Dato',
      type: 'dato',
      beskrivelse: 'Datoen arbeidet ble utført.',
      eksempel: '03.11.2026',
    }),
    ansatt: paakrevd(tekst(200), {
      overskrift: 'Ansatt',
      type: 'tekst',
      alias: ['navn', 'medarbeider'],
      beskrivelse: 'Ansattes navn som i ansatte.',
      eksempel: 'Kari Nordmann',
    }),
    malbedrift: paakrevd(tekst(50), {
      overskrift: 'Målbedrift',
      type: 'tekst',
      alias: ['prosjekt', 'kunde', 'orgnr'],
      beskrivelse:
        'Målbedriftens orgnr, eller administrasjonskoden (standard «ADM») for administrasjon og gjennomføring.',
      eksempel: '923609016',
    }),
    timer: paakrevd(timer(), {
      overskrift: 'Timer',
      type: 'timer',
      alias: ['antall timer', 'tid'],
      beskrivelse: 'Timer med inntil to desimaler (0 < timer ≤ 24).',
      eksempel: '2,5',
    }),
    aktivitet: frivillig(tekst(200), {
      overskrift: 'Aktivitet',
      type: 'tekst',
      alias: ['aktivitetstype'],
      beskrivelse: 'For administrasjon: én av aktivitetene i 10.4 (se «nh docs budsjett»). For målbedrifter: fritt.',
      eksempel: 'Prosjektledelse',
    }),
    tjeneste: frivillig(tekst(100), {
      overskrift: 'Tjeneste',
      type: 'tekst',
      beskrivelse: 'Tjenesten som ble levert (kan gi egen markedspris, se «nh docs faktura»).',
      eksempel: 'Forretningsutvikling',
    }),
    beskrivelse: frivillig(tekst(1000), {
      overskrift: 'Beskrivelse',
      type: 'tekst',
      alias: ['kommentar', 'tekst'],
      beskrivelse: 'Fritekst.',
      eksempel: 'Workshop om markedsplan',
    }),
  },
});

export type Timeregistrering = MedKilde<RadAv<typeof timerDef>>;

/**
 * Høyst 24 timer per person per dag, summert over alle linjene (issue 11 pkt. 5): én linje kan ikke passere
 * 24 (felter.timer), men tre linjer på 9 + 8 + 8 kan. Brukes av nh sjekk, faktura og årsoppgjøret.
 */
export function timerOverDognet(rader: readonly Timeregistrering[]): Diagnostikk[] {
  const perDag = new Map<string, { sum: number; forste: Timeregistrering }>();
  for (const t of rader) {
    const n = `${normaliserNavn(t.ansatt)}|${t.dato}`;
    const d = perDag.get(n);
    if (d) d.sum += t.timer;
    else perDag.set(n, { sum: t.timer, forste: t });
  }
  const ds: Diagnostikk[] = [];
  for (const { sum, forste } of perDag.values()) {
    if (sum <= 2400) continue;
    const tekstSum = (sum / 100).toLocaleString('nb-NO');
    ds.push(
      feil(
        'over-24-timer',
        `${forste.ansatt} har ${tekstSum} timer ${formatDato(forste.dato)} — mer enn døgnet har.`,
        { ...forste.kilde, kolonne: 'timer' },
        {
          forventet: 'høyst 24 timer per person per dag',
        },
      ),
    );
  }
  return ds;
}
