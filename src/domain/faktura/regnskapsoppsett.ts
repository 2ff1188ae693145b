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
import type { FakturaOppsett } from './oppsett.js';

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
  return (
    `Nummerserien i nh.json starter på ${forste}, men nh har alt utstedt ${minst}–${hoyest} over det; ` +
    `nh ville fortsatt på ${hoyest + 1}, ikke på ${forste}. Sett «faktura.nummerserie.forste» til ${minst} (serien som er i bruk) ` +
    `eller over ${hoyest} (en ny serie).`
  );
}

/** Teksten ved første kjøring med nh sin nummerserie: hvilket nummer serien starter på, og hvorfor. */
export function nummerserieTekst(neste: number, tripletex: boolean): string {
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
