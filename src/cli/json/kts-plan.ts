/** JSON-skjemaet for nh kts-plan (issue 19 pkt. 10; se felles.ts og docs/kts-plan.md). */
import { z } from 'zod';
import { dato, jaNei, maaned, resultat, tall, tekst, tolkninger } from './felles.js';

const bedrift = {
  orgnr: tekst('målbedriftens orgnr'),
  navn: tekst('målbedriftens navn'),
  avtalestart: dato('avtalestart'),
  aviFrist: dato('fristen i AVI'),
  forSent: jaNei('fristen er passert'),
  dagligLeder: z.string().nullable().describe('daglig leder (mottaker av skjemaet)'),
  dagligLederEpost: z.string().nullable().describe('e-post til daglig leder'),
  merknad: z.string().nullable().describe('merknad (f.eks. mangler e-post)'),
  rad: z.number().nullable().describe('raden i malbedrifter'),
};

const oppdatering = resultat({
  modus: z.literal('oppdatering').describe('den kvartalsvise AVI-oppdateringen (--frist)'),
  frist: dato('AVI-fristen'),
  fristTekst: tekst('fristen i ord'),
  forrigeOppdatering: z.string().nullable().describe('forrige oppdatering i loggen (åååå-mm-dd; null: ingen)'),
  antattOppdatertPer: dato('AVI antas oppdatert per denne datoen'),
  forhandsvis: jaNei('--forhåndsvis: ingenting skrevet'),
  logg: z
    .strictObject({
      fil: tekst('loggen (avi/avi-logg.json)'),
      fantes: jaNei('loggen fantes fra før'),
      tidligereInnslagForFristen: jaNei('fristen står i loggen fra før'),
      uendret: jaNei('ingen endring siden forrige innslag'),
    })
    .describe('AVI-loggen'),
  nye: z
    .array(
      z.strictObject({
        ...bedrift,
        startskjema: maaned('måneden startskjemaet sendes'),
        startskjemaTekst: tekst('måneden i ord'),
      }),
    )
    .describe('nye målbedrifter (startskjema, 6.3)'),
  avsluttede: z
    .array(
      z.strictObject({
        ...bedrift,
        avtaleslutt: dato('avtaleslutt'),
        exitskjema: maaned('måneden exitskjemaet sendes'),
        exitskjemaTekst: tekst('måneden i ord'),
      }),
    )
    .describe('avsluttede målbedrifter (exitskjema, 6.3)'),
  tolkninger: tolkninger(),
  filer: z
    .strictObject({
      xlsx: tekst('opplastingsfilen (xlsx)'),
      csv: tekst('opplastingsfilen (csv)'),
      logg: tekst('loggen'),
    })
    .nullable()
    .describe('filene som ble skrevet (null: ingenting skrevet)'),
});

const plan = resultat({
  modus: z.literal('plan').describe('årsplanen for undersøkelsen (--plan)'),
  ar: tall('året'),
  utsendinger: z
    .array(
      z.strictObject({
        orgnr: tekst('orgnr'),
        navn: tekst('navn'),
        type: tekst('skjemaet (start, exit)'),
        maaned: maaned('måneden'),
        maanedTekst: tekst('måneden i ord'),
        frist: dato('fristen'),
      }),
    )
    .describe('utsendingene i året'),
  ics: z.string().nullable().describe('kalenderfilen (--ics; null: ikke laget)'),
  hendelser: z.number().nullable().describe('hendelser i kalenderen'),
  tolkninger: tolkninger(),
});

export const ktsPlanJson = z.discriminatedUnion('modus', [oppdatering, plan]);
