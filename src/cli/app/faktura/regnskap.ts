/**
 * nh faktura: det regnskapet får (issue 21 pkt. 1, 2, 4, 7 og 8) — PowerOffice-filen for ruten som passer
 * oppsettet, støttebilagene for måneden, nummerserievakten og sjekklisten ved første import, og en linje per
 * kreditnota om hvordan den kobles til fakturaen i hvert system. Domenet står i src/domain/faktura/regnskapsbilag.ts
 * og regnskapsoppsett.ts; filene skrives av src/io/faktura/poweroffice-skriv.ts og stottebilag-skriv.ts.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { advarsel, feil, InndataFeil, type Diagnostikk, type Kilde } from '../../../domain/felles/diagnostikk.js';
import { maanedICsv, type Maaned } from '../../../domain/felles/dato.js';
import { formatKroner, type Ppm } from '../../../domain/felles/penger.js';
import type { FakturaOppsett, Regnskapssystem } from '../../../domain/faktura/oppsett.js';
import type { Identitet, RegisterlinjeData } from '../../../domain/faktura/typer.js';
import { stottebilagForPeriode, utgaendeBilag, type Fakturabelop } from '../../../domain/faktura/regnskapsbilag.js';
import {
  nummerserieKonflikt,
  nummerserieTekst,
  powerofficeMangler,
  powerofficeRute,
  sjekkliste,
} from '../../../domain/faktura/regnskapsoppsett.js';
import { powerofficeBilagCsv, powerofficeOrdreCsv, type Ordre } from '../../../io/faktura/poweroffice-skriv.js';
import { STOTTEBILAG_FIL, stottebilagCsv } from '../../../io/faktura/stottebilag-skriv.js';

/** Én faktura eller kreditnota denne kjøringen utsteder, med det PowerOffice-filen trenger. */
export type Post = {
  id: Identitet;
  orgnr: string;
  navn: string;
  periode: string;
  belop: Fakturabelop;
  timer?: number;
  kundenummer?: string | undefined;
  kundeRef?: string | undefined;
  tekst: string;
  kilde?: Kilde;
};

const KUNDEKODE = /^\d{1,9}$/;
const SYSTEMNAVN: Record<Regnskapssystem, string> = { tripletex: 'Tripletex', poweroffice: 'PowerOffice' };

/** Kundekoden PowerOffice krever (kundenummer i malbedrifter, et tall); alle mangler samlet. */
function kundekodeFeil(poster: readonly Post[]): Diagnostikk[] {
  const sett = new Set<string>();
  const ut: Diagnostikk[] = [];
  for (const p of poster) {
    if ((p.kundenummer && KUNDEKODE.test(p.kundenummer)) || sett.has(p.orgnr)) continue;
    sett.add(p.orgnr);
    const melding = `PowerOffice krever kundekoden (kundenummeret i PowerOffice, et tall) for ${p.navn} (${p.orgnr}).`;
    const kilde = { ...(p.kilde ?? { fil: 'malbedrifter' }), kolonne: 'kundenummer' };
    ut.push(feil('poweroffice-kundenummer', melding, kilde, { verdi: p.kundenummer ?? '', forventet: 'et tall' }));
  }
  return ut;
}

/** Oppsettet og kundene må passe ruten; ellers exit 2 med alt som mangler. */
export function sjekkPoweroffice(o: FakturaOppsett, poster: readonly Post[]): void {
  const ut = powerofficeMangler(o).map(([kolonne, melding]) =>
    feil('poweroffice-oppsett', melding, { fil: 'nh.json', kolonne }),
  );
  ut.push(...kundekodeFeil(poster));
  if (ut.length) throw new InndataFeil(ut);
}

function ordre(p: Post, o: FakturaOppsett): Ordre {
  const koder = o.poweroffice.produktkoder!;
  return {
    ordrenr: p.id.ordrereferanse,
    dato: p.id.fakturadato,
    kundekode: p.kundenummer!,
    kundenavn: p.navn,
    orgnr: p.orgnr,
    referanse: p.kundeRef,
    kommentar: p.tekst,
    linjer: [
      {
        produktkode: koder.timer,
        beskrivelse: `Rådgivning ${p.periode}, markedsverdi`,
        antall: p.timer ?? 100,
        pris: p.timer ? Math.round((p.belop.markedsverdi * 100) / p.timer) : p.belop.markedsverdi,
      },
      ...(p.belop.stotte
        ? [
            {
              produktkode: koder.stotte,
              beskrivelse: 'Innovasjonsstøtte (GBER art. 28, Sivas næringshageprogram)',
              antall: 100,
              pris: -p.belop.stotte,
            },
          ]
        : []),
    ],
  };
}

/**
 * PowerOffice-filen for ruten: bilag (utgående fakturaer og kreditnotaer, nh nummererer) eller ordrer (PowerOffice
 * nummererer; en kreditnota krediteres i PowerOffice, der den kobles til fakturaen). Gir også notatene.
 */
export function powerofficeFil(o: FakturaOppsett, poster: readonly Post[], mvaSats: Ppm) {
  sjekkPoweroffice(o, poster);
  const rute = powerofficeRute(o);
  const notat: string[] = [`PowerOffice-filen er for ruten «${rute}» (${RUTETEKST[rute]}).`];
  const kredit = poster.filter((p) => p.id.type === 'kreditnota');
  if (rute === 'bilag') {
    const bilag = poster.map((p) =>
      utgaendeBilag(
        {
          type: p.id.type,
          fakturanr: p.id.fakturanr!,
          kid: p.id.kid,
          dato: p.id.fakturadato,
          forfall: p.id.forfallsdato,
          kundekode: p.kundenummer!,
          kundeRef: p.kundeRef,
          krediterer: p.id.krediterer,
          periode: p.periode,
          ...(p.timer ? { timer: p.timer } : {}),
          belop: p.belop,
        },
        o.kontoer,
        o.mvaKode,
        mvaSats,
      ),
    );
    for (const p of kredit)
      notat.push(
        `PowerOffice: kreditnota ${p.id.fakturanr} krediterer faktura ${p.id.krediterer} (står i Reference og teksten); bilagsimporten har ikke noe dokumentert felt som lukker fakturaen — lukk de to postene mot hverandre i kundereskontroen om PowerOffice ikke gjør det.`,
      );
    return { innhold: powerofficeBilagCsv(bilag, '2'), notat };
  }
  for (const p of kredit)
    notat.push(
      `PowerOffice: ${p.navn} — krediter fakturaen PowerOffice laget av ordre ${p.id.krediterer} i PowerOffice (Salg › Faktura › Krediter); ordreimporten kan ikke koble en kreditnota til fakturaen, så kreditnotaen står ikke i filen.`,
    );
  return { innhold: powerofficeOrdreCsv(poster.filter((p) => p.id.type === 'faktura').map((p) => ordre(p, o))), notat };
}

const RUTETEKST = {
  bilag: 'nh nummererer og sender; importeres som utgående fakturaer i Bilagsimport',
  ordre: 'PowerOffice nummererer og sender; importeres som ordreutkast i Ordreimport',
} as const;

/** Tripletex: en kreditnota har ingen kolonne som kobler den til fakturaen. */
export function tripletexNotat(poster: readonly Post[], o: FakturaOppsett): string[] {
  return poster
    .filter((p) => p.id.type === 'kreditnota')
    .map((p) =>
      o.nummerserie === 'regnskapssystem'
        ? `Tripletex: ${p.navn} — krediter fakturaen Tripletex laget av ordre ${p.id.krediterer} i Tripletex (Faktura › Fakturaoversikt › Kreditnota), så den kobles; raden i importfilen er bare til kontroll.`
        : `Tripletex: kreditnota ${p.id.fakturanr} krediterer faktura ${p.id.krediterer} (står i COMMENTS og linjeteksten); fakturaimporten har ingen kolonne som kobler dem — lukk postene mot hverandre i Kunder › Reskontro («Lukk poster»).`,
    );
}

/** Støttebilagene for perioden fra registeret slik det blir etter kjøringen (generisk CSV og PowerOffice). */
export function stottebilagFiler(
  mappe: string,
  periode: Maaned,
  linjerEtter: readonly RegisterlinjeData[],
  kjoring: string,
  o: FakturaOppsett,
  systemer: readonly Regnskapssystem[],
) {
  const alle = stottebilagForPeriode(
    maanedICsv(periode),
    linjerEtter.filter((l) => l.periode === periode),
    o.kontoer,
  );
  const nye = alle.filter((b) => b.kjoring === kjoring).map((b) => b.bilag);
  const filer = [
    {
      sti: path.join(mappe, STOTTEBILAG_FIL),
      innhold: stottebilagCsv(
        maanedICsv(periode),
        alle.map((b) => b.bilag),
        o.kontoer,
      ),
    },
  ];
  if (systemer.includes('poweroffice') && nye.length)
    filer.push({ sti: path.join(mappe, 'poweroffice-bilag-stotte.csv'), innhold: powerofficeBilagCsv(nye, '') });
  const notat = nye.map(
    (b) =>
      `Støttebilag ${b.nr} (${STOTTEBILAG_FIL}): debet ${o.kontoer.tilskuddsgjeld} / kredit ${o.kontoer.tilskuddsinntekt} ${formatKroner(b.linjer[0]!.belop)} kr — før det i regnskapet (10.4 pkt. 1).`,
  );
  return { filer, notat, bilag: alle.map((b) => b.bilag) };
}

/** Første gang systemets importfil skrives i denne arbeidsmappen (ingen periode har den fra før). */
export async function forsteImport(fakturaMappe: string, filnavn: string): Promise<boolean> {
  let mapper: string[] = [];
  try {
    mapper = await readdir(fakturaMappe);
  } catch {
    return true;
  }
  for (const m of mapper) {
    if (!/^\d{4}-\d{2}$/.test(m)) continue;
    const filer = await readdir(path.join(fakturaMappe, m)).catch(() => [] as string[]);
    if (filer.includes(filnavn)) return false;
  }
  return true;
}

/**
 * Nummerserien (pkt. 2) og KID-en (pkt. 8) når nh tildeler numrene: en serie som overlapper utstedte numre er
 * exit 2; første kjøring sier hvor serien starter og advarer om KID uten prefiks når regnskapssystemet også
 * lager KID på kontoen.
 */
export function nummerserieOgKid(
  o: FakturaOppsett,
  utstedt: readonly number[],
  neste: number | null,
  systemer: readonly Regnskapssystem[],
): { notat: string[]; advarsler: Diagnostikk[] } {
  if (o.nummerserie === 'regnskapssystem') return { notat: [], advarsler: [] };
  const konflikt = nummerserieKonflikt(o.nummerserie.forste, utstedt);
  if (konflikt)
    throw new InndataFeil([
      feil('nummerserie-overlapper', konflikt, { fil: 'nh.json', kolonne: 'faktura.nummerserie.forste' }),
    ]);
  if (utstedt.length || neste === null) return { notat: [], advarsler: [] };
  const advarsler: Diagnostikk[] = [];
  if (!o.kid.prefiks && systemer.length)
    advarsler.push(
      advarsel(
        'kid-uten-prefiks',
        `KID: lager ${systemer.map((x) => SYSTEMNAVN[x]).join(' eller ')} også KID på konto ${o.selger.kontonummer ?? '(faktura.selger.kontonummer)'} (f.eks. husleie), kan to fakturaer få samme KID. Sett «faktura.kid.prefiks» (ett siffer regnskapssystemet ikke bruker først i sine KID), og bruk lengde og metode fra OCR-avtalen med banken.`,
        { fil: 'nh.json', kolonne: 'faktura.kid' },
      ),
    );
  return { notat: [nummerserieTekst(neste, systemer.includes('tripletex'))], advarsler };
}

export { sjekkliste, powerofficeRute };
