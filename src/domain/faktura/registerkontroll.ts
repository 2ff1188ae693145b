/**
 * Kontroller av støtteregisteret som leses inn (rene funksjoner, ingen I/O).
 */
import { feil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';

type Linje = { periode: string; orgnr: string; type?: 'faktura' | 'kreditnota' | undefined; kilde?: Kilde };

/**
 * Vedlegg 3 pkt. 2 og 4.1: for hver målbedrift og periode står det høyst én gjeldende faktura. En
 * korreksjon (nh faktura --erstatt) fører en kreditnota (negative beløp) og en ny faktura, så linjene er
 * faktura, kreditnota, faktura: summen stemmer. Men en linje som står én gang for mye (f.eks. kopiert for
 * hånd) ville telt dobbelt mot disponibelt og treårstaket — det er en feil, med radene, ikke noe nh kan
 * velge mellom. Regelen: fakturaer − kreditnotaer er 0 eller 1 for hver periode og orgnr.
 */
export function dobbeltforinger(linjer: readonly Linje[]): Diagnostikk[] {
  const grupper = new Map<string, Linje[]>();
  for (const l of linjer) {
    const nokkel = `${l.periode};${l.orgnr}`;
    grupper.set(nokkel, [...(grupper.get(nokkel) ?? []), l]);
  }
  const ds: Diagnostikk[] = [];
  for (const gruppe of grupper.values()) {
    let gjeldende = 0;
    const fakturaer: Linje[] = [];
    for (const l of gruppe) {
      if (l.type === 'kreditnota') gjeldende--;
      else {
        gjeldende++;
        fakturaer.push(l);
      }
      if (gjeldende > 1) ds.push(dobbel(l, fakturaer[0]!));
      if (gjeldende > 1 || gjeldende < 0) gjeldende = Math.max(0, Math.min(1, gjeldende));
    }
  }
  return ds;
}

function dobbel(l: Linje, forste: Linje): Diagnostikk {
  const melding =
    `Perioden ${l.periode} er ført to ganger for ${l.orgnr}` +
    `${forste.kilde?.rad !== undefined ? ` (også på rad ${forste.kilde.rad})` : ''}; støtten ville telt dobbelt ` +
    'mot disponibelt tilskudd og treårstaket. Slett den ene linjen (eller bruk nh faktura --erstatt, som fører ' +
    'en kreditnota for den gamle fakturaen).';
  return feil('dobbel-registerlinje', melding, l.kilde ? { ...l.kilde, kolonne: 'orgnr' } : undefined, {
    verdi: `${l.periode} ${l.orgnr}`,
    forventet: 'én gjeldende faktura per periode og orgnr (faktura, kreditnota og ny faktura ved korreksjon)',
  });
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
