/**
 * EUR/NOK-kursen på registerlinjene er grunnlaget for treårstaket på 200 000 EUR (vedlegg 3 pkt. 2, GBER art.
 * 28(4)). Rettes kursen i nh.json etter at en måned er fakturert (f.eks. en plassholder fra `nh init`), fører
 * `nh faktura --erstatt` en **kurskorreksjon** per faktura som beholdes: en egen linje med 0 kr, den nye kursen og
 * differansen i EUR, som peker på fakturaen (`korrigerer`). Historikken står urørt — fakturaen beholder kursen den
 * ble ført med — og summen av støtte i EUR (treårstaket i faktura og smb-sjekk) blir den nye verdien. Kunden får
 * ingenting: EUR-verdien står ikke på fakturaen. Ren modul. (issue 19 pkt. 2)
 */
import { formatDato, type Dato } from '../felles/dato.js';
import { skalertTekst } from '../felles/rapport.js';
import { formatKroner } from '../felles/penger.js';
import { tilEurCent } from './faktura.js';
import { fakturaNokkel } from './fakturanummer.js';
import type { FakturaParametre, NyRegisterlinje, RegisterlinjeData } from './typer.js';

export type EurVerdi = { stotteEur: number; eurNokKurs: number; kursdato: Dato };

/** EUR-verdien fakturaen står med nå: sin egen pluss kurskorreksjonene for den; kursen er den siste. */
export function gjeldendeEur(faktura: RegisterlinjeData, register: readonly RegisterlinjeData[]): EurVerdi {
  const nokkel = fakturaNokkel(faktura);
  let v: EurVerdi = { stotteEur: faktura.stotteEur, eurNokKurs: faktura.eurNokKurs, kursdato: faktura.kursdato };
  for (const l of register)
    if (l.type === 'kurskorreksjon' && l.korrigerer === nokkel)
      v = { stotteEur: v.stotteEur + l.stotteEur, eurNokKurs: l.eurNokKurs, kursdato: l.kursdato };
  return v;
}

/**
 * Gjelder kursen i nh.json for fakturaen, og er den en annen enn den fakturaen står med? En kurs datert etter
 * støttedatoen (fakturaens `dato`) gjelder ikke: neste års kurs skal ikke endre fjorårets fakturaer.
 */
export function kursEndret(
  v: EurVerdi,
  p: Pick<FakturaParametre, 'eurNokKurs' | 'kursdato'>,
  stottedato: Dato,
): boolean {
  if (p.kursdato > stottedato) return false;
  return v.eurNokKurs !== p.eurNokKurs || v.kursdato !== p.kursdato;
}

/** Kurskorreksjonen for én faktura som beholdes (null når kursen er den samme). */
export function kurskorreksjon(
  faktura: RegisterlinjeData,
  register: readonly RegisterlinjeData[],
  p: Pick<FakturaParametre, 'eurNokKurs' | 'kursdato'>,
  d: { kjoring: string; dato: Dato; ordrereferanse: string },
): NyRegisterlinje | null {
  const v = gjeldendeEur(faktura, register);
  if (!kursEndret(v, p, faktura.dato)) return null;
  return {
    periode: faktura.periode,
    dato: faktura.dato,
    orgnr: faktura.orgnr,
    navn: faktura.navn,
    markedsverdi: 0,
    egenandel: 0,
    mva: 0,
    stotte: 0,
    eurNokKurs: p.eurNokKurs,
    kursdato: p.kursdato,
    stotteEur: tilEurCent(faktura.stotte, p.eurNokKurs) - v.stotteEur,
    type: 'kurskorreksjon',
    fakturadato: d.dato,
    ordrereferanse: d.ordrereferanse,
    korrigerer: fakturaNokkel(faktura),
    kjoring: d.kjoring,
  };
}

/** Teksten for en kurskorreksjon i utdata: fra → til, og differansen i EUR. */
export function kurskorreksjonTekst(k: NyRegisterlinje, fra: EurVerdi): string {
  const kurs = (x: number) => skalertTekst(x, 4);
  return `${k.korrigerer} (${k.navn}): kurs ${kurs(fra.eurNokKurs)} per ${formatDato(fra.kursdato)} → ${kurs(k.eurNokKurs)} per ${formatDato(k.kursdato)}, støtte ${formatKroner(fra.stotteEur)} → ${formatKroner(fra.stotteEur + k.stotteEur)} EUR`;
}
