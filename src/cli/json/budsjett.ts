/** JSON-skjemaet for budsjett (--år: modus «plan») og årsoppgjøret (--regnskap: modus «regnskap»). */
import { z } from 'zod';
import { dato, jaNei, kr, pst, resultat, tall, tekst, tolkninger } from './felles.js';

const aktivitet = {
  aktivitet: tekst('aktiviteten (programveileder 10.4)'),
  timer: tall('timer'),
  belop: kr('timer × timesats'),
};

const felles = {
  ar: tall('budsjettåret eller året for årsoppgjøret'),
  naeringshage: tekst('næringshagens navn'),
  frist: dato('fristen (1. desember for budsjettet, 20. februar for årsoppgjøret)'),
  timeBelop: kr('timer × timesats, summert'),
  total: kr('timer og direkte kostnader'),
  tildeling: kr('tildelingen til administrasjon og gjennomføring (tilskudd type «administrasjon»)'),
  differanse: kr('tildeling − total'),
  status: z.enum(['lik', 'under', 'over']).describe('total mot tildelingen'),
  statusTekst: tekst('vurderingen i ord'),
  timer: tall('timer på administrasjon og gjennomføring'),
  personer: z
    .array(
      z.strictObject({
        navn: tekst('ansattes navn'),
        timer: tall('timer'),
        timesats: kr('timesatsen som er brukt'),
        belop: kr('timer × timesats'),
        harPlan: jaNei('budsjett: planlagte timer står i ansatte (admTimerPlan)').optional(),
        aktiviteter: z.array(z.strictObject({ ...aktivitet, rader: tall('timelinjer') })).optional(),
      }),
    )
    .describe('timer og beløp per ansatt'),
  direkteKostnader: z
    .strictObject({
      sum: kr('sum direkte kostnader'),
      perKategori: z.array(
        z.strictObject({ kategori: tekst('kategorien (10.4)'), antall: tall('poster'), belop: kr('sum') }),
      ),
      linjer: z.array(
        z.strictObject({
          dato: dato('bilagsdato').optional(),
          kategori: tekst('kategorien'),
          tekst: tekst('hva kostnaden gjaldt'),
          belop: kr('beløp eks. mva'),
          rad: tall('raden i kostnader'),
        }),
      ),
    })
    .describe('direkte kostnader fra datasettet kostnader'),
  tildelingLinjer: z
    .array(
      z.strictObject({ belop: kr('beløp'), dato: z.string().nullable().describe('dato'), rad: tall('rad i tilskudd') }),
    )
    .describe('radene i tilskudd som utgjør tildelingen'),
  fordeling10_2: z
    .strictObject({
      administrasjon: kr('fra Siva til administrasjon'),
      innovasjon: kr('fra Siva til innovasjon'),
      andelAdministrasjon: pst('administrasjonens andel'),
      takAdministrasjon: kr('25 % av Sivas tilskudd'),
    })
    .nullable()
    .describe('programveileder 10.2: fordelingen 25/75 (null: kan ikke kontrolleres)'),
  tolkninger: tolkninger(),
  fil: z.string().nullable().describe('xlsx-filen som ble skrevet (null med --forhåndsvis)'),
};

const lagretSett = z
  .strictObject({
    fil: tekst('filen'),
    laget: tekst('når settet ble lagret (åååå-mm-dd)'),
    timerPerArsverk: tall('timer i et årsverk'),
    ansatte: z.array(z.strictObject({ navn: tekst('ansatt'), timesats: kr('godkjent timesats') })),
  })
  .nullable();

export const budsjettJson = z.discriminatedUnion('modus', [
  resultat({
    modus: z.literal('plan').describe('budsjettet (--år)'),
    ...felles,
    timesatsfil: z
      .strictObject({
        fil: tekst('timesats-<år>.json (budsjettsatsene)'),
        status: z.enum(['ny', 'lik', 'ulik']).describe('ny, lik den som finnes, eller ulik (krever --overskriv)'),
        skrevet: jaNei('fila ble skrevet i denne kjøringen'),
      })
      .describe('budsjettsatsene som lagres sammen med budsjettet (issue 20 pkt. 16)'),
  }),
  resultat({
    modus: z.literal('regnskap').describe('årsoppgjøret for revisor (--regnskap)'),
    ...felles,
    disponertIsinHelhet: jaNei('tildelingen er disponert i sin helhet (10.4)'),
    tilbakebetales: kr('det Siva kan kreve tilbake (ubrukt tildeling)'),
    timerPaMalbedrifter: tall('timer ført på målbedrifter (ikke med i oppgjøret)'),
    aktiviteter: z.array(z.strictObject(aktivitet)).describe('timer og beløp per aktivitet'),
    antallTimelinjer: tall('timelinjer på administrasjon og gjennomføring'),
    timesatsKilde: tekst('hvor timesatsene kom fra (timesats-<år>.json eller ansatte)'),
    attestasjonBekrefter: z.array(z.string()).describe('det revisors attestasjon bekrefter'),
    attesterer: tekst('hvem som attesterer'),
    timesatser: z
      .strictObject({
        brukt: tekst('settet som er brukt: faktisk, budsjett eller ansatte'),
        begrunnelse: tekst('hvorfor'),
        budsjett: lagretSett.describe('budsjettsatsene (timesats-<år>.json; null: finnes ikke)'),
        faktisk: lagretSett.describe('årets faktiske satser (timesats-<år>-faktisk.json; null: finnes ikke)'),
        timeBelopMedAndreSatser: z
          .strictObject({ fil: tekst('det andre settet'), timeBelop: kr('timebeløpet med det') })
          .nullable()
          .describe('timebeløpet med det andre settet, når begge finnes'),
      })
      .describe('timesatsene i attestasjonen og hvorfor (issue 20 pkt. 16)'),
  }),
]);
