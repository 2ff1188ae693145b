/**
 * Verdier i nh.json som brukeren selv må bekrefte (issue 19 pkt. 2). `nh init` skrev før plassholdere
 * (EUR-kurs 11,5, arbeidsgiveravgift 14,1 …) som timesats, budsjett og faktura brukte uten et ord — og
 * faktura skrev kursen for alltid inn i støtteregisteret. Nå står en verdi som ikke er fylt inn synlig som
 * tekst i nh.json («FYLL INN: …», slik en som redigerer filen i Notisblokk forstår), og en kommando som
 * trenger den, stopper med exit 2, nøkkelen og hvor verdien finnes.
 *
 * Én definisjon av «hvor finner jeg den» per nøkkel (HVOR), brukt av init (teksten i nh.json, spørsmålene,
 * flaggene), av feilmeldingen og av `nh sjekk`.
 */
import { z } from 'zod';
import { feil, InndataFeil, type Diagnostikk } from '../felles/diagnostikk.js';

/** Nøklene i nh.json som aldri får en standardverdi fra nh. */
export const UAVKLARBARE = [
  'eurNok',
  'arbeidsgiveravgiftSats',
  'andreSosialeKostnaderProsent',
  'indirekteKostnaderPerAr',
  'markedsprisPerTime',
] as const;
export type UavklartNokkel = (typeof UAVKLARBARE)[number];

export type Hvor = {
  /** Feltstien i nh.json slik brukeren ser den (eurNok: kursen er det som mangler). */
  felt: string;
  /** Hva verdien er, med enhet. */
  hva: string;
  /** Hvor administratoren finner den. */
  hvor: string;
  /** Et eksempel på hvordan den skrives i nh.json. */
  eksempel: string;
  /** Flagget til `nh init`. */
  flagg: string;
  /** Kommandoene som trenger verdien. */
  brukesAv: string;
};

/**
 * Hvor hver verdi finnes. EUR-kursen: vedlegg 3 pkt. 2 regner støtten om med kursen på tildelingstidspunktet, og
 * faktura advarer når kursen er mer enn en måned eldre enn fakturadatoen (issue 20 pkt. 14): derfor kursen for en
 * dag nær fakturaene, ikke en fast årskurs.
 */
export function hvor(nokkel: UavklartNokkel): Hvor {
  switch (nokkel) {
    case 'eurNok':
      return {
        felt: 'eurNok.kurs',
        hva: 'EUR-kursen (NOK per euro) som støtten regnes om med mot 200 000 EUR-taket',
        hvor: 'Norges Banks valutakurs for EUR for en dag nær fakturadatoen (norges-bank.no → Statistikk → Valutakurser → Euro); oppdater den når den blir mer enn en måned gammel',
        eksempel: '11,7525',
        flagg: '--eur-kurs',
        brukesAv: 'faktura, smb-sjekk (uten --kurs)',
      };
    case 'arbeidsgiveravgiftSats':
      return {
        felt: 'arbeidsgiveravgiftSats',
        hva: 'arbeidsgiveravgift i prosent',
        hvor: 'satsen for sonen til kommunen der næringshagen har de ansatte: skatteetaten.no → Satser → Arbeidsgiveravgift (sone I er 14,1)',
        eksempel: '14,1',
        flagg: '--arbeidsgiveravgift',
        brukesAv: 'timesats, budsjett',
      };
    case 'andreSosialeKostnaderProsent':
      return {
        felt: 'andreSosialeKostnaderProsent',
        hva: 'andre sosiale kostnader i prosent av lønn (pensjon, forsikringer, feriepenger; 0 om ingen)',
        hvor: 'lønnssystemet eller fjorårets regnskap: sosiale kostnader utenom arbeidsgiveravgift delt på lønn',
        eksempel: '12',
        flagg: '--andre-sosiale',
        brukesAv: 'timesats, budsjett',
      };
    case 'indirekteKostnaderPerAr':
      return {
        felt: 'indirekteKostnaderPerAr',
        hva: 'indirekte kostnader per år i kroner (husleie, IT, regnskap, forsikring)',
        hvor: 'fjorårets regnskap eller årets budsjett: driftskostnadene som ikke er lønn eller direkte programkostnader (programveileder 10.4)',
        eksempel: '600 000',
        flagg: '--indirekte',
        brukesAv: 'timesats, budsjett',
      };
    case 'markedsprisPerTime':
      return {
        felt: 'markedsprisPerTime',
        hva: 'markedspris per time i kroner eks. mva for rådgivning',
        hvor: 'næringshagens prisliste: det en bedrift uten støtte betaler for en time (programveileder 10.4, vedlegg 3 pkt. 2)',
        eksempel: '1 250',
        flagg: '--markedspris',
        brukesAv: 'faktura',
      };
  }
}

/** Teksten init skriver i nh.json for en verdi som ikke er fylt inn. Leses som ufylt så lenge den begynner med «FYLL INN». */
export function plassholder(nokkel: UavklartNokkel): string {
  const h = hvor(nokkel);
  return `FYLL INN ${h.hva}. Finnes: ${h.hvor}. Skriv f.eks. ${h.eksempel}`;
}

/** En verdi som ikke er fylt inn: nøkkelen den står under. Sjekkes med `instanceof`, så typene tvinger fram `krev`. */
export class Uavklart {
  constructor(readonly nokkel: UavklartNokkel) {}
}

/** «FYLL INN …» (store eller små bokstaver), tom tekst og null betyr «ikke fylt inn». */
export function erUfylt(v: unknown): boolean {
  return v === null || (typeof v === 'string' && (v.trim() === '' || /^\s*fyll\s+inn\b/i.test(v)));
}

/**
 * Skjemaet for en nøkkel som kan stå ufylt: en ufylt verdi (eller en som mangler) blir `Uavklart`, alt annet
 * valideres av `skjema` med dets egne meldinger (ikke zods «ugyldig union»).
 */
export function ellerUavklart<S extends z.ZodType>(skjema: S, nokkel: UavklartNokkel) {
  // .optional(): en nøkkel som mangler, er også ufylt (uten den melder zod «mangler» før transformen kjører).
  return z
    .unknown()
    .optional()
    .transform((v, ctx): z.output<S> | Uavklart => {
      if (v === undefined || erUfylt(v)) return new Uavklart(nokkel);
      const r = skjema.safeParse(v);
      if (r.success) return r.data;
      for (const i of r.error.issues) ctx.addIssue({ ...i, code: 'custom', message: i.message, path: i.path });
      return z.NEVER;
    });
}

/** Diagnostikken for en ufylt verdi: nøkkelen, hva den er og hvor den finnes. */
function uavklartFeil(nokkel: UavklartNokkel): Diagnostikk {
  const h = hvor(nokkel);
  return feil(
    'ikke-fylt-inn',
    `«${h.felt}» i nh.json er ikke fylt inn: ${h.hva}. Finnes: ${h.hvor}.`,
    { fil: 'nh.json', kolonne: h.felt },
    { forventet: `et tall, f.eks. ${h.eksempel} (eller ${h.flagg} til nh init i en ny mappe)` },
  );
}

type MedUavklarte = { ar: number } & { [K in UavklartNokkel]: unknown };
/** Konfigurasjonen med nøklene K bekreftet (snitt, ikke Omit: nh.json-typen har en indekssignatur). */
export type Bekreftet<C extends MedUavklarte, K extends UavklartNokkel> = C & {
  [P in K]: Exclude<C[P], Uavklart>;
};

/** Nøklene i `nokler` som ikke er fylt inn. */
export function ufylte<C extends MedUavklarte>(config: C, nokler: readonly UavklartNokkel[] = UAVKLARBARE) {
  return nokler.filter((n) => config[n] instanceof Uavklart);
}

/**
 * Konfigurasjonen med `nokler` bekreftet, ellers InndataFeil (exit 2) med alle ufylte på én gang.
 * Kommandoene kaller den før de bruker en av verdiene; typene slipper dem ikke til ellers.
 */
export function krev<C extends MedUavklarte, K extends UavklartNokkel>(
  config: C,
  nokler: readonly K[],
): Bekreftet<C, K> {
  const mangler = ufylte(config, nokler);
  if (mangler.length) throw new InndataFeil(mangler.map((n) => uavklartFeil(n)));
  return config as unknown as Bekreftet<C, K>;
}
