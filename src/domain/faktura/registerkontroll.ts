/**
 * Kontroller av støtteregisteret som leses inn (rene funksjoner, ingen I/O).
 */
import { feil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { fakturaNokkel } from './fakturanummer.js';
import type { Linjetype, RegisterlinjeData } from './typer.js';

type Linje = { periode: string; orgnr: string; type?: Linjetype | undefined; kilde?: Kilde };

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
  for (const gruppe of grupper.values()) ds.push(...doblerIGruppe(gruppe));
  return ds;
}

/** Linjene for én periode og orgnr i registerets rekkefølge: en feil for hver faktura som gir mer enn én gjeldende. */
function doblerIGruppe(gruppe: readonly Linje[]): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  let gjeldende = 0;
  const fakturaer: Linje[] = [];
  for (const l of gruppe) {
    if (l.type === 'kurskorreksjon') continue; // retter bare EUR-verdien, er ingen faktura
    if (l.type === 'kreditnota') gjeldende--;
    else {
      gjeldende++;
      fakturaer.push(l);
    }
    if (gjeldende > 1) ds.push(dobbel(l, fakturaer[0]!));
    if (gjeldende > 1 || gjeldende < 0) gjeldende = Math.max(0, Math.min(1, gjeldende));
  }
  return ds;
}

function dobbel(l: Linje, forste: Linje): Diagnostikk {
  const melding = `Perioden ${l.periode} er ført to ganger for ${l.orgnr}${forste.kilde?.rad !== undefined ? ` (også på rad ${forste.kilde.rad})` : ''}; støtten ville telt dobbelt mot disponibelt tilskudd og treårstaket. Slett den ene linjen (eller bruk nh faktura --erstatt, som fører en kreditnota for den gamle fakturaen).`;
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

type Reflinje = RegisterlinjeData & { kilde?: Kilde };

const radTekst = (l: { kilde?: Kilde }) => (l.kilde?.rad !== undefined ? ` (rad ${l.kilde.rad})` : '');
const RETT =
  'Rett linjen, eller før korreksjonen med «nh faktura --periode <måned> --erstatt» («nh docs faktura», avsnittet «Nummerserien»).';

/** Fakturanummer i registeret: bare sifre (nummerserien), og hvert nummer brukt én gang (bokføringsforskriften kap. 5). */
function kontrollerNumre(linjer: readonly Reflinje[], fil: string): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  const sett = new Map<string, Reflinje>();
  for (const l of linjer) {
    if (!l.fakturanr) continue;
    const kilde = { fil, ...l.kilde, kolonne: 'fakturanr' };
    if (!/^\d{1,12}$/.test(l.fakturanr)) {
      const melding = `Støtteregisteret: fakturanummeret «${l.fakturanr}» er ikke et nummer fra nummerserien (bare sifre).`;
      ds.push(
        feil('register-fakturanr', melding, kilde, { verdi: l.fakturanr, forventet: 'et fakturanummer, f.eks. 26001' }),
      );
      continue;
    }
    const forste = sett.get(l.fakturanr);
    if (forste) {
      const melding = `Støtteregisteret: fakturanummeret ${l.fakturanr} står to ganger${radTekst(forste)}. Et fakturanummer brukes bare én gang (bokføringsforskriften kap. 5). Rett nummeret på linjen som ble kopiert eller skrevet feil.`;
      ds.push(
        feil('register-nummer-to-ganger', melding, kilde, {
          verdi: l.fakturanr,
          forventet: 'et nummer som ikke er brukt',
        }),
      );
    } else sett.set(l.fakturanr, l);
  }
  return ds;
}

/** Kolonnen en kreditnota eller kurskorreksjon peker på fakturaen med, og hva linjen heter i meldingen. */
const REFERANSE = {
  kreditnota: { kolonne: 'krediterer', navn: 'Kreditnotaen' },
  kurskorreksjon: { kolonne: 'korrigerer', navn: 'Kurskorreksjonen' },
} as const;

/**
 * Issue 23 pkt. 5: en kreditnota (og en kurskorreksjon) peker på en faktura i registeret, for samme målbedrift,
 * og en faktura krediteres høyst én gang. Ellers ville neste --erstatt kreditere originalen én gang til.
 */
function kontrollerReferanser(linjer: readonly Reflinje[], fil: string): Diagnostikk[] {
  const fakturaer = fakturaerEtterNokkel(linjer);
  const kreditert = new Map<string, Reflinje>();
  const ds: Diagnostikk[] = [];
  for (const l of linjer) {
    if (l.type !== 'kreditnota' && l.type !== 'kurskorreksjon') continue;
    const { kolonne } = REFERANSE[l.type];
    const ref = l[kolonne];
    const kilde = { fil, ...l.kilde, kolonne };
    const faktura = ref ? fakturaer.get(ref) : undefined;
    if (!ref || !faktura || faktura.orgnr !== l.orgnr) {
      ds.push(ukjentReferanse(l, l.type, ref, faktura, kilde));
      continue;
    }
    if (l.type !== 'kreditnota') continue;
    const forrige = kreditert.get(ref);
    if (forrige) ds.push(kreditertToGanger(ref, forrige, kilde));
    else kreditert.set(ref, l);
  }
  return ds;
}

/** Fakturaene (ikke kreditnotaer og kurskorreksjoner) etter nøkkelen en kreditnota peker på; den siste vinner. */
function fakturaerEtterNokkel(linjer: readonly Reflinje[]): Map<string, Reflinje> {
  const fakturaer = new Map<string, Reflinje>();
  for (const l of linjer) if (!l.type || l.type === 'faktura') fakturaer.set(fakturaNokkel(l), l);
  return fakturaer;
}

function kreditertToGanger(ref: string, forrige: Reflinje, kilde: Kilde): Diagnostikk {
  const melding = `Støtteregisteret: faktura ${ref} er kreditert to ganger${radTekst(forrige)}; støtten ville blitt trukket fra to ganger. ${RETT}`;
  return feil('register-kreditert-to-ganger', melding, kilde, { verdi: ref, forventet: 'én kreditnota per faktura' });
}

/** Referansen mangler, peker på en faktura som ikke står i registeret, eller på en annen målbedrifts faktura. */
function ukjentReferanse(
  l: Reflinje,
  type: keyof typeof REFERANSE,
  ref: string | undefined,
  faktura: Reflinje | undefined,
  kilde: Kilde,
): Diagnostikk {
  const hva = `${REFERANSE[type].navn} ${l.fakturanr ?? l.ordrereferanse ?? ''}`.trim();
  const grunn = !ref
    ? 'peker ikke på noen faktura'
    : faktura
      ? `peker på faktura ${ref}, som er til en annen målbedrift (${faktura.orgnr})`
      : `peker på faktura ${ref}, som ikke står i registeret`;
  const melding = `Støtteregisteret: ${hva} for ${l.orgnr} ${grunn}. ${RETT}`;
  return feil('register-ukjent-referanse', melding, kilde, {
    verdi: ref ?? '',
    forventet: `nummeret på en faktura til ${l.orgnr} i registeret`,
  });
}

/** Kontrollene av numrene og referansene i et lest register (fil, rad og kolonne i hver feil). */
export function kontrollerRegisterlinjer(linjer: readonly Reflinje[], fil: string): Diagnostikk[] {
  return [...kontrollerNumre(linjer, fil), ...kontrollerReferanser(linjer, fil)];
}
