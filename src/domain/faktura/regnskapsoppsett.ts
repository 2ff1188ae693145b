/**
 * Hvordan fakturaene møter regnskapssystemet (issue 21 pkt. 1, 2, 7 og 8). Ren modul: valgene og tekstene; appen
 * (src/cli/app/faktura/regnskap.ts) skriver dem ut og stopper der en regel sier nei.
 *
 * - Nummerserien (pkt. 2): Tripletex tar ikke hensyn til importerte fakturanummer i sin egen nummerering
 *   (hjelpeartikkel 82 «Nummerserier ved import av faktura»), så nh sin serie må ligge der Tripletex ikke kommer.
 *   En serie som starter under numre nh alt har utstedt, og ikke der de starter, avvises: nh ville fortsatt etter
 *   det høyeste nummeret, ikke der nh.json sier.
 * - PowerOffice-ruten (pkt. 1): «bilag» når nh nummererer og sender (EHF/PDF fra nh), «ordre» når PowerOffice gjør
 *   det. Den andre kombinasjonen ville gitt to fakturaer for samme timer.
 */
import { advarsel, feil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import type { FakturaOppsett, Regnskapssystem } from './oppsett.js';
import type { Fakturabelop } from './regnskapsbilag.js';
import type { Identitet } from './typer.js';

export type PowerofficeRute = 'bilag' | 'ordre';

export function powerofficeRute(o: Pick<FakturaOppsett, 'poweroffice' | 'nummerserie'>): PowerofficeRute {
  return o.poweroffice.rute ?? (o.nummerserie === 'regnskapssystem' ? 'ordre' : 'bilag');
}

/** Hva som mangler eller ikke passer for PowerOffice-ruten: [nøkkel i nh.json, melding]. */
export function powerofficeMangler(o: Pick<FakturaOppsett, 'poweroffice' | 'nummerserie'>): [string, string][] {
  const rute = powerofficeRute(o);
  const ut: [string, string][] = [];
  if (rute === 'bilag' && o.nummerserie === 'regnskapssystem')
    ut.push([
      'faktura.poweroffice.rute',
      'PowerOffice-ruten «bilag» fører fakturaene nh har nummerert; sett «faktura.nummerserie»: { "forste": N } eller velg rute «ordre» (PowerOffice nummererer).',
    ]);
  if (rute === 'ordre') {
    if (o.nummerserie !== 'regnskapssystem')
      ut.push([
        'faktura.poweroffice.rute',
        'PowerOffice-ruten «ordre» lar PowerOffice nummerere og sende fakturaene, men nh tildeler også numre (faktura.nummerserie) — det gir to fakturaer for de samme timene. Velg rute «bilag», eller sett nummerserie «regnskapssystem».',
      ]);
    if (!o.poweroffice.ordrenr)
      ut.push([
        'faktura.poweroffice.ordrenr',
        'PowerOffice-ordrer trenger ordrenummer som tall: sett «faktura.poweroffice.ordrenr»: { "forste": N } utenfor PowerOffice sin egen ordreserie.',
      ]);
    if (!o.poweroffice.produktkoder)
      ut.push([
        'faktura.poweroffice.produktkoder',
        'PowerOffice tar konto og mva fra produktet, og en ordrelinje uten produkt er bare tekst: sett «faktura.poweroffice.produktkoder»: { "timer": "…", "stotte": "…" } (produktene må finnes i PowerOffice).',
      ]);
  }
  return ut;
}

/**
 * Nummerserien mot numrene nh har utstedt (pkt. 2). `utstedt` er alle fakturanummer i registeret. Gir en melding
 * når serien i nh.json starter under et utstedt nummer uten å være starten på den serien som er i bruk.
 */
export function nummerserieKonflikt(forste: number, utstedt: readonly number[]): string | null {
  const over = utstedt.filter((n) => n >= forste);
  if (!over.length) return null;
  const minst = Math.min(...over);
  if (minst === forste) return null;
  const hoyest = Math.max(...over);
  return `Nummerserien i nh.json starter på ${forste}, men nh har alt utstedt ${minst}–${hoyest} over det; nh ville fortsatt på ${hoyest + 1}, ikke på ${forste}. Sett «faktura.nummerserie.forste» til ${minst} (serien som er i bruk) eller over ${hoyest} (en ny serie).`;
}

/** Teksten ved første kjøring med nh sin nummerserie: hvilket nummer serien starter på, og hvorfor. */
function nummerserieTekst(neste: number, tripletex: boolean): string {
  const hvorfor = tripletex
    ? ` Tripletex tar ikke hensyn til importerte fakturanummer i sin egen serie (hjelpeartikkel 82): sett Tripletex' neste fakturanummer (og ordrenummer) langt under ${neste}, eller be Tripletex-support flytte dem, så seriene aldri møtes.`
    : ' Regnskapssystemets egen serie må ligge et annet sted, så numrene aldri møtes.';
  return `Nummerserie: nh tildeler fakturanummer fra ${neste} og oppover (nh.json faktura.nummerserie.forste).${hvorfor}`;
}

/** Det som ikke er bekreftet mot systemets egen dokumentasjon: krysses av én gang før første import. */
export function sjekkliste(system: 'tripletex' | 'poweroffice', rute: PowerofficeRute, o: FakturaOppsett): string[] {
  if (system === 'tripletex')
    return [
      'Tripletex: sammenlign kolonnene med eksempelfilen i Faktura › Import — hvilke kolonner som er påkrevd, er ikke bekreftet.',
      'Tripletex: se at æøå står riktig i importvinduet (filen er UTF-8 med BOM; at Tripletex godtar BOM, er ikke bekreftet).',
      'Tripletex: land skrives «NO» i POSTAL ADDR - COUNTRY; Tripletex sin kundeimport vil ha landets navn («Norge») — se at kunden får riktig land.',
    ];
  const felles =
    'PowerOffice: kolonnenavnene er fra PowerOffice sitt API-eksempel; kontroller dem mot filbeskrivelsen i artikkelen ' +
    (rute === 'bilag' ? '«Bilagsimport».' : '«Ordreimport».');
  if (rute === 'bilag')
    return [
      felles,
      'PowerOffice: VoucherType 2 = utgående faktura (artikkelen nevner bilagstype 1 og 2) — kontroller verdien.',
      `PowerOffice: beløpene er brutto (inkl. mva) som i PowerOffice sitt eksempel; se at første bilag gir egenandel + mva på kunden, mva lik fakturaens og salg på konto ${o.kontoer.salg}.`,
      'PowerOffice: kundekodene (kundenummer i malbedrifter) må finnes i PowerOffice.',
    ];
  const p = o.poweroffice.produktkoder;
  return [
    felles,
    `PowerOffice: produktene «${p?.timer}» (timer) og «${p?.stotte}» (innovasjonsstøtte) må finnes med salgskonto og samme mva-kode (25 %).`,
    `PowerOffice: ordrenumrene fra ${o.poweroffice.ordrenr?.forste} må ligge utenfor PowerOffice sin egen ordreserie.`,
  ];
}

/** Én faktura eller kreditnota kjøringen utsteder, med det importfilene trenger. */
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
  kilde?: Kilde | undefined;
};

const KUNDEKODE = /^\d{1,9}$/;
const SYSTEMNAVN: Record<Regnskapssystem, string> = { tripletex: 'Tripletex', poweroffice: 'PowerOffice' };

/** Oppsettet og kundekodene PowerOffice-ruten krever; alle mangler samlet (exit 2). */
export function powerofficeFeil(o: FakturaOppsett, poster: readonly Post[]): Diagnostikk[] {
  const ut = powerofficeMangler(o).map(([kolonne, melding]) =>
    feil('poweroffice-oppsett', melding, { fil: 'nh.json', kolonne }),
  );
  const sett = new Set<string>();
  for (const p of poster) {
    if ((p.kundenummer && KUNDEKODE.test(p.kundenummer)) || sett.has(p.orgnr)) continue;
    sett.add(p.orgnr);
    const melding = `PowerOffice krever kundekoden (kundenummeret i PowerOffice, et tall) for ${p.navn} (${p.orgnr}).`;
    const kilde = { ...(p.kilde ?? { fil: 'malbedrifter' }), kolonne: 'kundenummer' };
    ut.push(feil('poweroffice-kundenummer', melding, kilde, { verdi: p.kundenummer ?? '', forventet: 'et tall' }));
  }
  return ut;
}

const RUTETEKST = {
  bilag: 'nh nummererer og sender; importeres som utgående fakturaer i Bilagsimport',
  ordre: 'PowerOffice nummererer og sender; importeres som ordreutkast i Ordreimport',
} as const;

/** Linjene til utdata om regnskapsfilene: PowerOffice-ruten og hvordan hver kreditnota kobles (pkt. 1 og 7). */
export function regnskapsnotater(o: FakturaOppsett, systemer: readonly Regnskapssystem[], poster: readonly Post[]) {
  const ut: string[] = [];
  const kredit = poster.filter((p) => p.id.type === 'kreditnota');
  const nhNummer = o.nummerserie !== 'regnskapssystem';
  if (systemer.includes('tripletex'))
    for (const p of kredit)
      ut.push(
        nhNummer
          ? `Tripletex: kreditnota ${p.id.fakturanr} krediterer faktura ${p.id.krediterer} (står i COMMENTS og linjeteksten); fakturaimporten har ingen kolonne som kobler dem — lukk postene mot hverandre i Kunder › Reskontro («Lukk poster»).`
          : `Tripletex: ${p.navn} — krediter fakturaen Tripletex laget av ordre ${p.id.krediterer} i Tripletex (Faktura › Fakturaoversikt › Kreditnota), så den kobles; raden i importfilen er bare til kontroll.`,
      );
  if (!systemer.includes('poweroffice') || !poster.length) return ut;
  const rute = powerofficeRute(o);
  ut.push(`PowerOffice-filen er for ruten «${rute}» (${RUTETEKST[rute]}).`);
  for (const p of kredit)
    ut.push(
      rute === 'bilag'
        ? `PowerOffice: kreditnota ${p.id.fakturanr} krediterer faktura ${p.id.krediterer} (står i Reference og teksten); bilagsimporten har ikke noe dokumentert felt som lukker fakturaen — lukk de to postene mot hverandre i kundereskontroen om PowerOffice ikke gjør det.`
        : `PowerOffice: ${p.navn} — krediter fakturaen PowerOffice laget av ordre ${p.id.krediterer} i PowerOffice (Salg › Faktura › Krediter); ordreimporten kan ikke koble en kreditnota til fakturaen, så kreditnotaen står ikke i filen.`,
    );
  return ut;
}

/**
 * Nummerserien (pkt. 2) og KID-en (pkt. 8) når nh tildeler numrene: en serie som overlapper utstedte numre er en
 * feil; første kjøring (ingen utstedte numre) sier hvor serien starter og advarer om KID uten prefiks når et
 * regnskapssystem også kan lage KID på kontoen.
 */
export function nummerserieOgKid(
  o: FakturaOppsett,
  utstedt: readonly number[],
  systemer: readonly Regnskapssystem[],
): { feil: Diagnostikk[]; advarsler: Diagnostikk[]; notat: string[] } {
  const tom = { feil: [], advarsler: [], notat: [] };
  if (o.nummerserie === 'regnskapssystem') return tom;
  const konflikt = nummerserieKonflikt(o.nummerserie.forste, utstedt);
  const kilde = { fil: 'nh.json', kolonne: 'faktura.nummerserie.forste' };
  if (konflikt) return { ...tom, feil: [feil('nummerserie-overlapper', konflikt, kilde)] };
  if (utstedt.length) return tom;
  const advarsler: Diagnostikk[] = [];
  if (!o.kid.prefiks && systemer.length)
    advarsler.push(
      advarsel(
        'kid-uten-prefiks',
        `KID: lager ${systemer.map((x) => SYSTEMNAVN[x]).join(' eller ')} også KID på konto ${o.selger.kontonummer ?? '(faktura.selger.kontonummer)'} (f.eks. husleie), kan to fakturaer få samme KID. Sett «faktura.kid.prefiks» (ett siffer regnskapssystemet ikke bruker først i sine KID), og bruk lengde og metode fra OCR-avtalen med banken.`,
        { fil: 'nh.json', kolonne: 'faktura.kid' },
      ),
    );
  return { feil: [], advarsler, notat: [nummerserieTekst(o.nummerserie.forste, systemer.includes('tripletex'))] };
}
