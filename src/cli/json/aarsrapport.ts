/** JSON-skjemaet for nh årsrapport (--måltall: modus «maltall»; --år: «ar», med --halvår: «halvar»). */
import { z } from 'zod';
import { dato, jaNei, kr, pst, resultat, tall, tekst, tolkninger } from './felles.js';

const verdi = (b: string) =>
  z.number().nullable().describe(`${b} (prosent for andeler, antall ellers; null: kan ikke beregnes)`);

const maltallFelles = {
  id: tekst('måltallets id (docs/aarsrapport.md)'),
  omrade: tekst('området i AVI'),
  maltall: tekst('måltallets navn slik det står i AVI'),
  enhet: z.enum(['antall', 'andel']).describe('antall, eller andel (i prosent)'),
  teller: tall('telleren'),
  nevner: z.number().nullable().describe('nevneren for andeler (aktive målbedrifter)'),
  mal: verdi('målet'),
  sivasMinimum: pst('Sivas minimumskrav').optional(),
  merknad: z.string().nullable().describe('merknad fra nh (f.eks. «kan ikke beregnes»)'),
  kommentar: z.string().nullable().describe('egen kommentar fra målfilen'),
  hjelpetekst: tekst('AVIs hjelpetekst'),
  definisjon: tekst('hvordan nh regner grunnlaget'),
  bedrifter: z.array(z.string()).nullable().describe('orgnr for bedriftene som teller med'),
};

const felles = {
  naeringshage: tekst('næringshagens navn'),
  malFil: z.string().nullable().describe('målfilen som ble lest (maltall-<år>.csv/.xlsx)'),
  datasett: z.record(z.string(), z.string().nullable()).describe('datasett → filen som ble lest (null: mangler)'),
  tolkninger: tolkninger(),
};

const maltall = resultat({
  modus: z.literal('maltall').describe('måltall for det kommende året (--måltall)'),
  ar: tall('året målene gjelder'),
  grunnlagsaar: tall('året grunnlaget regnes fra'),
  periode: z.strictObject({ fra: dato('fra'), til: dato('til') }).describe('grunnlagsperioden'),
  aktiveMalbedrifter: tall('aktive målbedrifter i grunnlagsperioden'),
  ...felles,
  maltall: z
    .array(z.strictObject({ ...maltallFelles, grunnlag: verdi('grunnlaget fra årets data') }))
    .describe('måltallene (programveileder 11.2)'),
  filer: z.array(z.string()).describe('filene som ble skrevet (tom med --forhåndsvis)'),
});

const aarsrapportFelt = {
  ar: tall('året'),
  periode: z
    .strictObject({ fra: dato('fra'), til: dato('til'), halvar: jaNei('første halvår') })
    .describe('rapporteringsperioden'),
  ...felles,
  maltall: z
    .array(
      z.strictObject({
        ...maltallFelles,
        resultat: verdi('resultatet for perioden'),
        avvik: verdi('resultat − mål'),
      }),
    )
    .describe('måltallene med resultat og avvik'),
  malGjelder: tekst('målene gjelder hele året (også i halvårsrapporten)'),
  malbedrifter: z
    .array(
      z.strictObject({
        orgnr: tekst('orgnr'),
        navn: tekst('navn'),
        avtalestart: dato('avtalestart'),
        avtaleslutt: z.string().nullable().describe('avtaleslutt (null: løpende)'),
        aktivFra: dato('aktiv fra (i perioden)'),
        aktivTil: dato('aktiv til (i perioden)'),
        ny: jaNei('ny i perioden'),
        avsluttet: jaNei('avsluttet i perioden'),
        timer: tall('timer i perioden'),
        iAvi: z
          .string()
          .nullable()
          .describe('står i en AVI-opplasting: ja, antatt (før loggen) eller nei; null: ingen logg'),
        utviklingsplan: z
          .string()
          .nullable()
          .describe('dato eller referanse til utviklingsplanen (8.2); null: mangler'),
      }),
    )
    .describe('aktive målbedrifter i perioden (11.1)'),
  aviRegistrering: z
    .strictObject({
      logg: z.string().nullable().describe('AVI-loggen som er kontrollert mot (null: finnes ikke)'),
      ikkeRegistrert: z
        .array(z.strictObject({ orgnr: tekst('orgnr'), navn: tekst('navn'), avtalestart: dato('avtalestart') }))
        .nullable()
        .describe('aktive målbedrifter som ikke står i noen AVI-opplasting (null: kan ikke kontrolleres)'),
    })
    .describe('registreringen i AVI (11.1)'),
  aviRapportering: z
    .strictObject({
      gittStotte: kr('støtte gitt i perioden (støtteregisteret)'),
      hoyst: kr('høyst det som kan rapporteres (disponibelt)'),
      rapporteres: kr('støtten som rapporteres i AVI'),
      tattUt: kr('tatt ut fordi den går over disponibelt'),
      fordeling: z.string().nullable().describe('hvordan det som er tatt ut er fordelt (null: ingenting tatt ut)'),
      malbedrifter: z.array(
        z.strictObject({
          orgnr: tekst('orgnr'),
          navn: tekst('navn'),
          gitt: kr('gitt'),
          rapporteres: kr('rapporteres'),
          tattUt: kr('tatt ut'),
        }),
      ),
    })
    .describe('innovasjonsstøtten som rapporteres i AVI (10.4: aldri mer enn disponibelt)'),
  stotte: z
    .strictObject({
      malbedrifter: z.array(
        z.strictObject({
          orgnr: tekst('orgnr'),
          navn: tekst('navn'),
          aktiv: jaNei('aktiv i perioden'),
          linjer: tall('registerlinjer'),
          markedsverdi: kr('markedsverdi'),
          egenandel: kr('egenandel'),
          stotte: kr('støtte'),
        }),
      ),
      sum: z.strictObject({
        linjer: tall('registerlinjer'),
        markedsverdi: kr('markedsverdi'),
        egenandel: kr('egenandel'),
        stotte: kr('støtte'),
      }),
    })
    .describe('støtte per målbedrift fra støtteregisteret'),
  tilskuddsbalanse: z
    .strictObject({
      ar: tall('året'),
      til: dato('balansen per'),
      overfort: kr('overført fra i fjor'),
      innvilget: kr('innvilget innovasjonstilskudd'),
      disponibelt: kr('overført + innvilget'),
      brukt: kr('brukt (støtteregisteret)'),
      ubrukt: kr('disponibelt − brukt'),
      kortsiktigGjeld: z.number().nullable().describe('ubrukt som kortsiktig gjeld (kroner; null i halvåret)'),
      overforesTil: z.number().nullable().describe('året det ubrukte overføres til (null i halvåret)'),
      merforbruk: kr('brukt utover disponibelt'),
    })
    .describe('innovasjonstilskuddet (programveileder 10.4)'),
  fil: z.string().nullable().describe('arsrapport-<år>.xlsx (null med --forhåndsvis)'),
  stottebilag: z
    .strictObject({
      bilag: kr('støtten i støttebilagene faktura har skrevet'),
      register: kr('støtten i støtteregisteret'),
      avvik: kr('bilag − register'),
      manglerFil: z.array(z.string()).describe('perioder i registeret uten støttebilag'),
    })
    .describe('støttebilagene mot støtteregisteret (issue 21 pkt. 4, 10.4 pkt. 1)'),
  merforbruk: jaNei('brukt mer enn disponibelt (--streng: exit 1)'),
};

const aar = resultat({ modus: z.literal('ar').describe('årsrapporten (--år)'), ...aarsrapportFelt });
const halvar = resultat({
  modus: z.literal('halvar').describe('halvårsrapporten (--år --halvår)'),
  ...aarsrapportFelt,
});

export const aarsrapportJson = z.discriminatedUnion('modus', [maltall, aar, halvar]);
