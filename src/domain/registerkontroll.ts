/**
 * Kontroller av støtteregisteret som leses inn (rene funksjoner, ingen I/O).
 */
import { feil, type Diagnostikk, type Kilde } from './diagnostikk.js';

type Linje = { periode: string; orgnr: string; kilde?: Kilde };

/**
 * Vedlegg 3 pkt. 2 og 4.1: registeret har én linje per målbedrift og periode. En linje som står to
 * ganger (f.eks. kopiert for hånd), ville telt dobbelt mot disponibelt og treårstaket — det er en feil,
 * med begge radene, ikke noe nh kan velge mellom.
 */
export function dobbeltforinger(linjer: readonly Linje[]): Diagnostikk[] {
  const forste = new Map<string, Linje>();
  const ds: Diagnostikk[] = [];
  for (const l of linjer) {
    const nokkel = `${l.periode};${l.orgnr}`;
    const f = forste.get(nokkel);
    if (!f) {
      forste.set(nokkel, l);
      continue;
    }
    const melding =
      `Perioden ${l.periode} er ført to ganger for ${l.orgnr}` +
      `${f.kilde?.rad !== undefined ? ` (også på rad ${f.kilde.rad})` : ''}; støtten ville telt dobbelt ` +
      'mot disponibelt tilskudd og treårstaket. Slett den ene linjen (eller bruk nh faktura --erstatt).';
    ds.push(
      feil('dobbel-registerlinje', melding, l.kilde ? { ...l.kilde, kolonne: 'orgnr' } : undefined, {
        verdi: `${l.periode} ${l.orgnr}`,
        forventet: 'én linje per periode og orgnr',
      }),
    );
  }
  return ds;
}

/**
 * Filnavn som ser ut som en synkroniseringskonflikt-kopi av `stotteregister.csv` (OneDrive/SharePoint:
 * «stotteregister-<PC-navn>.csv»; Windows/Google Drive: «stotteregister (1).csv»; Dropbox:
 * «stotteregister (… conflicted copy …).csv»; «stotteregister - Kopi.csv»).
 */
export function erKonfliktkopi(filnavn: string, registerNavn = 'stotteregister'): boolean {
  const f = filnavn.toLowerCase();
  if (!f.startsWith(registerNavn) || !/\.(csv|xlsx)$/.test(f)) return false;
  const midt = f.slice(registerNavn.length).replace(/\.(csv|xlsx)$/, '');
  return midt.length > 0 && /^[\s\-_(]/.test(midt);
}
