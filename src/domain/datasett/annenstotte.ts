import { belop, dato, janei, orgnr, tekst } from '../felles/felter.js';
import { feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { definerDatasett, frivillig, paakrevd, type MedKilde, type RadAv } from './definisjon.js';

/**
 * Innovasjonsstøtte målbedriftene har fått fra andre enn denne næringshagen (issue 20 pkt. 7): andre
 * programoperatører og inkubatorer (målbedrifter merket «også tatt opp hos andre» / «rådgivning fra andre»),
 * og annen offentlig støtte til de samme kostnadene. Vedlegg 3 pkt. 2: taket på 200 000 euro gjelder «per
 * målbedrift» (GBER art. 28 nr. 4: per foretak), og «Annen offentlig støtte kan benyttes til å dekke de samme
 * støtteberettigede kostnadene, men bare inntil det maksimale tillatte støttenivå». Frivillig fil.
 */
export const annenstotteDef = definerDatasett({
  navn: 'annenstotte',
  beskrivelse:
    'Én rad per støtte fra andre (andre programoperatører, inkubatorer, annen offentlig støtte til de samme kostnadene). Teller i treårstaket, og i støtteintensiteten når den dekker de samme kostnadene.',
  kolonner: {
    orgnr: paakrevd(orgnr(), {
      overskrift: 'Orgnr',
      type: 'orgnr',
      alias: ['organisasjonsnummer', 'målbedrift'],
      beskrivelse: 'Målbedriftens orgnr.',
      eksempel: '923609016',
    }),
    dato: paakrevd(dato(), {
      overskrift: 'Dato',
      type: 'dato',
      alias: ['tildelt', 'vedtaksdato'],
      beskrivelse: 'Datoen støtten ble gitt (vedtaket eller fakturaen hos den andre).',
      eksempel: '15.03.2026',
    }),
    giver: paakrevd(tekst(200), {
      overskrift: 'Giver',
      type: 'tekst',
      alias: ['støttegiver', 'operatør'],
      beskrivelse: 'Hvem som ga støtten (f.eks. en annen næringshage eller inkubator).',
      eksempel: 'Dalen Inkubator AS',
    }),
    belop: frivillig(belop({ minst: 0 }), {
      overskrift: 'Beløp',
      type: 'belop',
      alias: ['beløp', 'beløp nok', 'nok'],
      beskrivelse: 'Støtten i kroner (omregnet til euro med nh.json eurNok). Fyll inn denne eller belopEur.',
      eksempel: '45 000',
    }),
    belopEur: frivillig(belop({ minst: 0 }), {
      overskrift: 'Beløp EUR',
      type: 'belop',
      alias: ['beløp eur', 'eur'],
      beskrivelse: 'Støtten i euro, når den er gitt i euro. Fyll inn denne eller belop.',
      eksempel: '3 900',
    }),
    sammeKostnader: paakrevd(janei(), {
      overskrift: 'Samme kostnader',
      type: 'janei',
      alias: ['samme kostnader', 'samme støtteberettigede kostnader'],
      beskrivelse:
        'ja = støtten dekker de samme kostnadene som næringshagens tjenester (kumulering: samlet høyst 75 %); nei = andre kostnader.',
      eksempel: 'nei',
    }),
    beskrivelse: frivillig(tekst(500), {
      overskrift: 'Beskrivelse',
      type: 'tekst',
      alias: ['kommentar', 'ordning'],
      beskrivelse: 'Fritekst, f.eks. ordningen eller saksnummeret.',
      eksempel: 'Inkubatorprogrammet, rådgivning 2026',
    }),
  },
});

export type AnnenStotte = MedKilde<RadAv<typeof annenstotteDef>>;

/** Hver rad har beløpet i kroner eller i euro — ikke begge, ikke ingen (med fil, rad og kolonne). */
export function kontrollerAnnenStotte(rader: readonly AnnenStotte[]): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  for (const r of rader) {
    const n = (r.belop === undefined ? 0 : 1) + (r.belopEur === undefined ? 0 : 1);
    if (n === 1) continue;
    ds.push(
      feil(
        'annenstotte-belop',
        n === 0 ? 'Raden mangler beløp.' : 'Raden har både belop og belopEur; det er uklart hvilket som gjelder.',
        { ...r.kilde, kolonne: 'belop' },
        { forventet: 'beløpet i kroner (belop) eller i euro (belopEur), ett av dem' },
      ),
    );
  }
  return ds;
}
