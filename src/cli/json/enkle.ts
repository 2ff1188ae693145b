/** JSON-skjemaene for init, sjekk, timesats og frister (issue 19 pkt. 10; se felles.ts). */
import { z } from 'zod';
import { dato, kr, pst, resultat, sti, tall, tekst } from './felles.js';

const ikkeFyltInn = z
  .array(
    z.strictObject({
      felt: tekst('feltet i nh.json, f.eks. «eurNok.kurs»'),
      hva: tekst('hva verdien er, med enhet'),
      hvor: tekst('hvor administratoren finner verdien'),
      brukesAv: tekst('kommandoene som stopper til verdien er fylt inn'),
    }),
  )
  .describe('verdiene i nh.json som står som «FYLL INN …» (issue 19 pkt. 2)');

export const initJson = resultat({
  mappe: sti('arbeidsmappen som ble laget'),
  filer: z.array(z.string()).describe('filnavnene som ble skrevet i mappen'),
  ikkeFyltInn,
});

export const sjekkJson = resultat({
  datasett: z
    .array(
      z.strictObject({
        datasett: tekst('datasettets navn'),
        fil: z.string().nullable().describe('filen som ble lest (null: finnes ikke, valgfritt her)'),
        rader: tall('antall rader'),
      }),
    )
    .describe('grunndatasettene som ble kontrollert'),
  ikkeFyltInn,
});

export const timesatsJson = resultat({
  ar: tall('året satsene gjelder'),
  naeringshage: tekst('næringshagens navn'),
  forutsetninger: z
    .strictObject({
      arbeidsgiveravgiftSats: pst('arbeidsgiveravgift'),
      andreSosialeKostnaderProsent: pst('andre sosiale kostnader'),
      indirekteKostnaderPerAr: kr('indirekte kostnader per år'),
      arsverk: tall('sum årsverk (sum stillingsprosent / 100)'),
      indirektePerArsverk: kr('indirekte kostnader per heltidsårsverk'),
      timerPerArsverk: tall('timer i et årsverk (Siva: 1 695)'),
      arsverkTotalt: z.number().nullable().describe('selskapets årsverk fra nh.json (null: ikke satt)'),
      indirekteFordeltPaArsverk: tall('årsverkene de indirekte kostnadene er fordelt på'),
      indirekteFordeling: tekst('hvordan de indirekte kostnadene er fordelt, i ord'),
      timerPerArsverkSiva: tall('Sivas timer i et årsverk (1 695)'),
      timerPerArsverkAvvikProsent: z
        .number()
        .nullable()
        .describe('avvik fra Sivas 1 695 timer i prosent (null: samme)'),
      avrunding: tekst('hvordan mellomleddene avrundes'),
    })
    .describe('satsene fra nh.json og fordelingen av indirekte kostnader'),
  ansatte: z
    .array(
      z.strictObject({
        navn: tekst('ansattes navn'),
        arslonn: kr('nominell årslønn for stillingen'),
        stillingsprosent: pst('stillingsprosent'),
        arslonnFulltid: kr('årslønn omregnet til heltid'),
        sosialeSats: pst('sats for sosiale kostnader'),
        sosialeKostnader: kr('sosiale kostnader'),
        lonnskostnader: kr('lønnskostnader (heltidslønn + sosiale)'),
        indirekteAndel: kr('andel indirekte kostnader'),
        totalKostnad: kr('totalkostnad per år'),
        beregnet: kr('beregnet timesats'),
        takPromille: kr('tak 1,2 ‰ av årslønn'),
        takKroner: kr('tak 1 100 kr'),
        godkjent: kr('godkjent timesats (laveste av de tre)'),
        binder: tekst('hva som bestemte godkjent sats'),
      }),
    )
    .describe('timesats per ansatt (programveileder 10.4)'),
  grunnlag: z
    .enum(['budsjett', 'faktisk'])
    .describe('hvilket sett satsene lagres som: budsjettsatsene (før året) eller årets faktiske'),
  fil: z.string().nullable().describe('timesats-<år>.xlsx (null med --forhåndsvis)'),
  satsfil: z.string().nullable().describe('timesats-<år>.json med årets satser (null med --forhåndsvis)'),
});

export const fristerJson = resultat({
  ar: tall('året fristene gjelder'),
  idag: dato('«i dag» (NH_DATO når den er satt)'),
  frister: z
    .array(
      z.strictObject({
        dato: dato('fristen'),
        hva: tekst('hva som skal leveres'),
        kilde: tekst('punktet i programveilederen'),
        kommando: z.string().nullable().describe('nh-kommandoen som lager leveransen'),
        dagerIgjen: tall('dager til fristen (negativt: passert)'),
        status: z.enum(['passert', 'i dag', 'kommende']).describe('passert, i dag eller kommende'),
      }),
    )
    .describe('rapporteringsfristene (programveileder 11.1)'),
  neste: z.string().nullable().describe('neste frist (åååå-mm-dd), null når alle er passert'),
});

const emne = {
  emne: tekst('emnet (filnavnet uten .md)'),
  tittel: tekst('overskriften i filen'),
  fil: sti('filen'),
};
export const docsJson = z.union([
  resultat({ emner: z.array(z.strictObject(emne)).describe('emnene (nh docs uten emne)') }),
  resultat({ ...emne, tekst: z.string().optional().describe('teksten i filen (mangler med --sti)') }),
]);
