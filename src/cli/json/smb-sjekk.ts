/** JSON-skjemaet for nh smb-sjekk (issue 19 pkt. 10; se felles.ts og docs/smb-sjekk.md). */
import { z } from 'zod';
import { dato, eur, jaNei, kr, resultat, tall, tekst } from './felles.js';

const nKr = (b: string) => z.number().nullable().describe(`${b} (kroner; null: ukjent)`);
const nTekst = (b: string) => z.string().nullable().describe(b);

const relasjon = z.strictObject({
  orgnr: tekst('foretakets orgnr'),
  navn: z.string().nullable().describe('navn'),
  andel: tall('eierandel eller stemmeandel i prosent'),
  arsverk: tall('årsverk'),
  omsetning: kr('omsetning'),
  balanse: kr('balanse'),
});
const bidrag = z.strictObject({ arsverk: tall('årsverk'), omsetning: kr('omsetning'), balanse: kr('balanse') });

const innspilt = z
  .strictObject({
    url: tekst('oppslaget'),
    status: tall('HTTP-status'),
    hentet: tekst('når svaret ble hentet (ISO-tid)'),
    data: z.unknown().describe('svaret slik Brønnøysundregistrene ga det'),
  })
  .nullable();

export const smbSjekkJson = resultat({
  orgnr: tekst('bedriften som ble sjekket'),
  navn: z.string().nullable().describe('bedriftens navn (null: ukjent uten oppslag)'),
  dato: dato('datoen sjekken gjelder («i dag»)'),
  tidspunkt: tekst('når sjekken ble gjort (ISO-tid)'),
  naeringshage: z
    .strictObject({ navn: tekst('næringshagens navn'), orgnr: tekst('næringshagens orgnr') })
    .describe('næringshagen som gjør sjekken'),
  underenhet: z
    .strictObject({
      orgnr: tekst('underenhetens orgnr'),
      navn: tekst('navn'),
      hovedenhet: tekst('hovedenhetens orgnr'),
    })
    .nullable()
    .describe('når orgnr var en underenhet: sjekken gjelder hovedenheten'),
  dom: z.enum(['KAN TAS OPP', 'KAN IKKE TAS OPP', 'MÅ VURDERES']).describe('konklusjonen'),
  streng: z.boolean().describe('--streng: MÅ VURDERES gir exit 1'),
  kriterier: z
    .array(
      z.strictObject({
        id: tekst('kriteriets id (docs/smb-sjekk.md)'),
        tittel: tekst('kriteriet i ord'),
        status: z.enum(['ok', 'ikke ok', 'må vurderes']).describe('utfallet'),
        grunnlag: tekst('tallene og fakta bak utfallet'),
        kilde: tekst('regelen (vedlegg 3, GBER)'),
      }),
    )
    .describe('hvert kriterium med utfall og grunnlag'),
  tall: z
    .strictObject({
      egne: z.strictObject({
        arsverk: z.number().nullable().describe('årsverk'),
        arsverkKilde: nTekst('hvor årsverkene kom fra'),
        omsetning: nKr('omsetning'),
        balanse: nKr('balanse'),
      }),
      partnere: z.array(relasjon).describe('partnerforetak (25–50 %)'),
      tilknyttede: z.array(relasjon).describe('tilknyttede foretak (over 50 %)'),
      offentligeEiere: z.array(
        z.strictObject({
          orgnr: tekst('orgnr'),
          andel: tall('andel i prosent'),
          grunn: tekst('hvorfor eieren regnes som offentlig'),
          unntatt: z.boolean().describe('unntatt (investor etter GBER vedlegg I art. 3 nr. 2)'),
        }),
      ),
      fraPartnere: bidrag.describe('bidraget fra partnerne (forholdsmessig)'),
      fraTilknyttede: bidrag.describe('bidraget fra de tilknyttede (fullt)'),
      samlet: z.strictObject({
        arsverk: z.number().nullable().describe('årsverk'),
        omsetning: nKr('omsetning'),
        balanse: nKr('balanse'),
        omsetningEur: z.number().nullable().describe('omsetning i euro (null: ukjent)'),
        balanseEur: z.number().nullable().describe('balanse i euro'),
      }),
      egenkapital: z.strictObject({
        innskutt: nKr('innskutt egenkapital'),
        innskuttKilde: nTekst('kilde'),
        opptjent: nKr('opptjent egenkapital'),
        opptjentKilde: nTekst('kilde'),
        sum: nKr('sum egenkapital'),
        aksjekapital: nKr('aksjekapital'),
        overkurs: nKr('overkurs'),
      }),
      konsern: z.strictObject({
        egenkapital: nKr('konsernets egenkapital'),
        kapital: nKr('konsernets tegnede kapital'),
        registrert: nTekst('konsernets registreringsdato'),
        betalingsevne: z
          .boolean()
          .nullable()
          .describe('konsernet kan dekke løpende forpliktelser (null: ikke oppgitt)'),
        morselskap: z
          .strictObject({
            orgnr: tekst('morselskapets orgnr'),
            navn: z.string().nullable().describe('navn'),
            erBedriften: jaNei('bedriften er selv morselskapet'),
            statuser: z
              .array(
                z.strictObject({
                  felt: tekst('feltet i Enhetsregisteret'),
                  tekst: tekst('statusen'),
                  dato: z.string().nullable().describe('fra dato'),
                }),
              )
              .nullable()
              .describe('insolvens- og avviklingsstatusene (null: ikke slått opp)'),
          })
          .nullable()
          .describe('morselskapet (--morselskap; null: ikke oppgitt)'),
      }),
      regnskapsperiode: z.unknown().describe('regnskapsperioden tallene gjelder (null: ingen)'),
      regnskapMerknad: nTekst('merknad om regnskapet'),
      registrert: nTekst('registreringsdato (treårsunntaket)'),
    })
    .describe('tallene sjekken bygger på'),
  kurs: z
    .strictObject({ kurs: tall('NOK per EUR'), dato: dato('kursens dato'), kilde: tekst('kilden') })
    .describe('kursen omsetning og balanse regnes om med'),
  treaar: z
    .strictObject({
      takEur: eur('taket: 200 000 EUR'),
      tidligereEur: eur('støtte de siste tre årene (støtteregisteret)'),
      gjenstaarEur: eur('igjen under taket i euro'),
      gjenstaarNok: kr('igjen under taket i kroner'),
    })
    .describe('treårstaket (vedlegg 3 pkt. 2)'),
  oppfolging: z
    .strictObject({
      regnskap: z
        .strictObject({ ar: tall('regnskapsåret'), fra: dato('fra'), til: dato('til') })
        .nullable()
        .describe('årsregnskapet tallene bygger på (null: tallene er oppgitt eller ukjente)'),
      tallOppgitt: jaNei('noen av tallene er oppgitt med flagg eller svar'),
      sisteInnsendteAarsregnskap: z.number().nullable().describe('Enhetsregisterets siste innsendte årsregnskap (år)'),
      treaarsunntak: z
        .strictObject({
          brukt: jaNei('dommen hviler på treårsunntaket'),
          fra: z.string().nullable().describe('datoen unntaket regnes fra'),
          utloper: z.string().nullable().describe('første dag unntaket ikke lenger gjelder'),
        })
        .describe('treårsunntaket i kapitaltapstesten'),
    })
    .describe('det nh faktura trenger for å vurdere om sjekken fortsatt holder (docs/smb-sjekk.md)'),
  register: z
    .strictObject({
      kilde: tekst('nett, hurtigbuffer eller flagg'),
      enhet: innspilt.describe('Enhetsregisteret'),
      underenhet: innspilt.describe('underenheten'),
      regnskap: innspilt.describe('Regnskapsregisteret'),
    })
    .describe('rådataene fra Brønnøysundregistrene, for sporbarhet'),
  flagg: z.record(z.string(), z.unknown()).describe('flaggene slik de ble gitt'),
  svar: z
    .array(z.strictObject({ sporsmal: tekst('spørsmålet'), svar: tekst('svaret') }))
    .describe('spørsmålene nh stilte på en TTY og svarene'),
  valg: z.record(z.string(), z.string()).describe('listene nh vurderer etter (organisasjonsformer, sektorkoder …)'),
  mangler: z
    .array(z.strictObject({ id: tekst('kriteriet'), tekst: tekst('hva som mangler (flagget eller spørsmålet)') }))
    .describe('det som mangler for en endelig vurdering (tom når dommen er endelig; issue 19 pkt. 8)'),
  filer: z
    .strictObject({ json: tekst('SMB-posten (json)'), md: tekst('SMB-posten til mennesker (md)') })
    .describe('SMB-posten som ble skrevet i smb-sjekk/'),
});
