/** JSON-skjemaet for nh faktura (issue 19 pkt. 10; se felles.ts og docs/faktura.md). */
import { z } from 'zod';
import { dato, diagnostikk, eur, jaNei, kr, maaned, pst, resultat, sti, tall, tekst } from './felles.js';

const identitet = {
  type: z.enum(['faktura', 'kreditnota']).describe('faktura eller kreditnota').optional(),
  fakturanr: z.string().optional().describe('fakturanummeret (mangler når regnskapssystemet tildeler det)'),
  kid: z.string().optional().describe('KID'),
  fakturadato: dato('fakturadato'),
  forfallsdato: dato('forfallsdato'),
  ordrereferanse: tekst('ordrereferansen i importfilene (<periode>-<orgnr>)'),
  krediterer: z.string().optional().describe('kreditnota: fakturaen den krediterer'),
};

const belop = {
  markedsverdi: kr('markedsverdi av tjenestene'),
  egenandel: kr('egenandel eks. mva'),
  mva: kr('mva på egenandelen'),
  aBetale: kr('å betale (egenandel + mva)'),
  stotte: kr('innovasjonsstøtte (markedsverdi − egenandel)'),
};

const malbedrift = z.strictObject({
  orgnr: tekst('målbedriftens orgnr'),
  navn: tekst('målbedriftens navn'),
  stotteintensitet: pst('støtteintensitet'),
  timer: tall('timer i perioden'),
  ...belop,
  stotteEur: eur('støtten i euro'),
  treaar: z
    .strictObject({
      tidligereEur: eur('støtte i EUR de siste tre årene før denne'),
      samletEur: eur('tidligere + denne'),
      takEur: eur('taket: 200 000 EUR'),
      gjenstaarEur: eur('igjen under taket'),
      fraAndreEur: eur('herav støtte fra andre (annenstotte)'),
    })
    .optional()
    .describe('treårstaket (vedlegg 3 pkt. 2, GBER art. 28(4))'),
  fakturatekst: tekst('teksten på fakturaen (markedsverdi, egenandel og støtte)'),
  linjer: z
    .array(
      z.strictObject({
        ansatt: tekst('ansatt'),
        aktivitet: tekst('aktivitet'),
        timer: tall('timer'),
        pris: kr('pris per time'),
        prisKilde: tekst('hvor prisen kom fra (se prisrekkefolge)'),
        markedsverdi: kr('timer × pris'),
        stotteintensitet: pst('støtteintensitet'),
        stotte: kr('støtte'),
        egenandel: kr('egenandel'),
        mva: kr('mva'),
        aBetale: kr('å betale'),
        timerader: tall('timerader som inngår'),
      }),
    )
    .describe('fakturalinjene (én per ansatt og aktivitet)'),
  faktura: z
    .strictObject(identitet)
    .nullable()
    .describe('fakturaens nummer, KID og datoer (null: ingen faktura i denne kjøringen)'),
  smbSjekk: z.string().optional().describe('SMB-sjekken faktura bygger på (fil i smb-sjekk/)'),
});

const totalt = z
  .strictObject({
    timer: tall('timer'),
    ...belop,
    stotteEur: eur('støtte i euro'),
  })
  .describe('summen for perioden');

const avvisning = z.strictObject({
  kode: tekst('regelen som sa nei, f.eks. over-75-prosent, over-treaarstak, over-disponibelt'),
  orgnr: z.string().optional().describe('målbedriften det gjelder'),
  navn: z.string().optional().describe('målbedriftens navn'),
  melding: tekst('hvorfor, på norsk'),
  tall: z.record(z.string(), z.number()).describe('tallene bak avvisningen (kroner/EUR)'),
  forslag: z.string().optional().describe('hva som kan legges til for å komme videre (f.eks. en overfort-rad)'),
});

const fakturert = {
  periode: maaned('perioden som faktureres'),
  fakturadato: dato('fakturadatoen'),
  fakturadatoer: z
    .strictObject({
      fakturadato: dato('fakturadatoen'),
      forfallsdato: dato('forfallsdatoen'),
      utstedt: dato('dagen fakturaene lages'),
      kilde: z
        .enum(['kjoring', 'tilbakedatert', 'flagg'])
        .describe('dagen for kjøringen, tilbakedatert eller --fakturadato'),
      tilbakedatert: jaNei('datert til periodens siste dag'),
      fristTilbakedatering: dato(
        'siste dag fakturaene kan tilbakedateres (15. virkedag, bokføringsforskriften § 5-1-3)',
      ),
      forklaring: tekst('datoene i ord'),
    })
    .nullable()
    .describe('fakturadato og forfall, og hvorfor (issue 19 pkt. 6; null: ingen nye fakturaer)'),
  naeringshage: tekst('næringshagens navn'),
  forutsetninger: z
    .strictObject({
      standardPris: kr('markedsprisPerTime fra nh.json'),
      prisrekkefolge: tekst('rekkefølgen prisen velges i'),
      standardStotteintensitet: pst('støtteintensitet fra nh.json'),
      mvaSats: pst('mva-sats'),
      eurNok: z
        .strictObject({ kurs: tall('NOK per EUR'), dato: dato('kursens dato'), kilde: tekst('kilden') })
        .describe('kursen fra nh.json'),
      avrunding: tekst('hvordan beløpene avrundes'),
    })
    .describe('satsene og reglene kjøringen brukte'),
  malbedrifter: z.array(malbedrift).describe('én post per målbedrift med timer i perioden'),
  kreditnotaer: z
    .array(
      z.strictObject({
        ...identitet,
        orgnr: tekst('målbedriftens orgnr'),
        navn: tekst('målbedriftens navn'),
        markedsverdi: kr('negativ markedsverdi'),
        stotte: kr('negativ støtte'),
        egenandel: kr('negativ egenandel'),
        mva: kr('negativ mva'),
      }),
    )
    .describe('kreditnotaer (--erstatt) for fakturaer som er endret'),
  kurskorreksjoner: z
    .array(
      z.strictObject({
        korrigerer: tekst('fakturanummeret (ellers ordrereferansen) som får ny EUR-verdi'),
        orgnr: tekst('målbedriftens orgnr'),
        navn: tekst('målbedriftens navn'),
        fra: z
          .strictObject({ kurs: tall('NOK per EUR'), kursdato: dato('kursens dato'), stotteEur: eur('støtten i euro') })
          .describe('kursen og EUR-verdien som står i registeret'),
        til: z
          .strictObject({ kurs: tall('NOK per EUR'), kursdato: dato('kursens dato'), stotteEur: eur('støtten i euro') })
          .describe('kursen og EUR-verdien etter korreksjonen'),
        differanseEur: eur('endringen i EUR (0 kr; bare EUR-verdien rettes)'),
      }),
    )
    .describe('kurskorreksjoner (--erstatt etter rettet EUR-kurs i nh.json; issue 19 pkt. 2)'),
  hoppetOver: z
    .array(z.string())
    .describe('fakturanumre hoppet over fordi MOD11-KID-en ville endt på «-» (står i faktura/nummerlogg.csv)'),
  totalt,
  disponibelt: z
    .strictObject({
      ar: tall('året'),
      tilskudd: kr('innovasjonstilskudd for året (innovasjon + overfort)'),
      bruktFor: kr('støtte ført tidligere i året'),
      denneKjoringen: kr('støtte i denne kjøringen'),
      gjenstaarFor: kr('igjen før kjøringen'),
      gjenstaarEtter: kr('igjen etter kjøringen'),
    })
    .describe('disponibelt innovasjonstilskudd (programveileder 10.4)'),
  adminTimeraderIkkeFakturert: tall('timerader på administrasjon (faktureres ikke)'),
  avvisninger: z.array(avvisning).describe('regler som sa nei (tom når fakturaen går gjennom)'),
  filer: z
    .strictObject({
      xlsx: sti('fakturagrunnlag.xlsx'),
      csv: sti('fakturagrunnlag.csv'),
      register: sti('støtteregisteret'),
      ehf: z.array(z.string()).describe('EHF-filene'),
      pdf: z.array(z.string()).describe('PDF-fakturaene (én per faktura og kreditnota)'),
      stottebilag: z.array(z.string()).describe('støttebilagene for måneden (issue 21 pkt. 4)'),
      importfiler: z.record(z.string(), z.string()).describe('importfil per regnskapssystem'),
      nyeLinjer: tall('nye linjer i registeret'),
      sikkerhetskopi: z.string().nullable().describe('kopi av registeret før --erstatt'),
    })
    .nullable()
    .describe('filene som ble skrevet (null: ingenting skrevet)'),
};

const statusFelt = z
  .enum(['fakturert', 'forhandsvis', 'erstattet', 'uendret', 'dokumenter'])
  .describe(
    'fakturert, forhandsvis (ingenting skrevet), erstattet (--erstatt med endringer), uendret, eller dokumenter (--dokumenter: dokumentene skrevet på nytt fra registeret)',
  );

const vanlig = resultat({
  ...fakturert,
  status: statusFelt,
  melding: z.string().optional().describe('status «uendret»: hva som skjedde'),
  merknader: z
    .array(z.string())
    .optional()
    .describe('det bokføreren må vite om filene (nummerserie, importrute, sjekkliste før første import)'),
});

const allerede = resultat({
  periode: maaned('perioden'),
  status: z.literal('allerede-fakturert').describe('perioden står i registeret fra før; ingenting er endret'),
  melding: tekst('hva som skjedde og hva som kan gjøres (--erstatt)'),
  register: z
    .array(
      z.strictObject({
        type: z.enum(['faktura', 'kreditnota']).describe('linjetypen'),
        fakturanr: z.string().nullable().describe('fakturanummeret'),
        kid: z.string().nullable().describe('KID'),
        orgnr: tekst('orgnr'),
        navn: tekst('navn'),
        markedsverdi: kr('markedsverdi'),
        egenandel: kr('egenandel'),
        mva: kr('mva'),
        stotte: kr('støtte'),
        stotteEur: eur('støtte i euro'),
        kjoring: z.string().nullable().describe('kjøringen som førte linjen'),
      }),
    )
    .describe('periodens linjer i registeret'),
  totalt: z
    .strictObject({
      markedsverdi: kr('markedsverdi'),
      egenandel: kr('egenandel'),
      mva: kr('mva'),
      stotte: kr('støtte'),
    })
    .describe('summen av linjene'),
  filer: z.null().describe('ingenting er skrevet'),
});

const avvist = resultat({
  melding: tekst('avvisningen i ord'),
  resultat: z
    .strictObject({ ...fakturert, status: z.literal('avvist').describe('en regel sa nei') })
    .describe('det faktura ville skrevet (ingenting er skrevet)'),
  feil: z.array(diagnostikk).describe('avvisningene som feil (kode og melding)'),
});

export const fakturaJson = z.union([vanlig, allerede, avvist]);
