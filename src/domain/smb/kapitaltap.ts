/**
 * Kapitaltapet (programveileder vedlegg 3 pkt. 2, «i vanskeligheter» 1; GBER art. 2 nr. 18 a) og treårsunntaket.
 * Ren kjerne.
 *
 * «Mer enn halvparten av tegnet kapital inkl. overkurs er tapt» regnes som sum egenkapital < ½ × (aksjekapital +
 * overkurs): det som står igjen utover tegnet kapital, er de akkumulerte tapene fratrukket reserver og andre
 * egenkapitalposter. Testen gjelder både bedriften og konsernet.
 */
import { leggTilAar, type Dato } from '../felles/dato.js';
import type { Ore } from '../felles/penger.js';
import { KILDE } from './lister.js';
import { dato, fra, nok, type Kildeverdi, type Kriterium, type SmbFakta } from './typer.js';

type Tapsutfall = { utfall: 'ok' | 'ikke ok' | 'usikker' | 'ukjent'; tekst: string };

/**
 * Tegnet kapital inkl. overkurs og hvilket tall som er brukt. Aksjekapital (Enhetsregisteret `kapital`) +
 * overkurs når begge er kjent. Uten overkurs ligger tallet mellom aksjekapitalen og innskutt egenkapital
 * (`sumInnskuttEgenkaptial` holder også annen innskutt egenkapital). Uten aksjekapital: innskutt egenkapital.
 */
export function tegnetKapital(
  f: Pick<SmbFakta, 'aksjekapital' | 'overkurs' | 'innskuttEk'>,
): { min: Ore; maks: Ore | null; tekst: string } | null {
  const { aksjekapital: ak, overkurs: ok, innskuttEk: inn } = f;
  if (ak && ok) {
    const t = ak.verdi + ok.verdi;
    return {
      min: t,
      maks: t,
      tekst: `tegnet kapital inkl. overkurs ${nok(t)} = aksjekapital ${nok(ak.verdi)}${fra(ak)} + overkurs ${nok(ok.verdi)}${fra(ok)}`,
    };
  }
  if (ak && inn) {
    const maks = Math.max(ak.verdi, inn.verdi);
    if (maks === ak.verdi)
      return {
        min: ak.verdi,
        maks,
        tekst: `tegnet kapital = aksjekapital ${nok(ak.verdi)}${fra(ak)} (innskutt egenkapital ${nok(inn.verdi)}${fra(inn)} gir ikke rom for overkurs)`,
      };
    return {
      min: ak.verdi,
      maks,
      tekst: `tegnet kapital inkl. overkurs ligger mellom aksjekapitalen ${nok(ak.verdi)}${fra(ak)} og innskutt egenkapital ${nok(inn.verdi)}${fra(inn)} (overkurs ukjent; innskutt egenkapital kan også holde annen innskutt egenkapital)`,
    };
  }
  if (ak)
    return {
      min: ak.verdi,
      maks: null,
      tekst: `aksjekapital ${nok(ak.verdi)}${fra(ak)}, overkurs og innskutt egenkapital ukjent`,
    };
  if (inn)
    return {
      min: inn.verdi,
      maks: inn.verdi,
      tekst: `tegnet kapital inkl. overkurs = innskutt egenkapital ${nok(inn.verdi)}${fra(inn)} (aksjekapitalen er ukjent)`,
    };
  return null;
}

/** sum EK < ½ × tegnet ⇔ 2 × sum EK < tegnet. Sikkert ikke ok med minste tegnede, sikkert ok med største. */
function tapstest(navn: string, sumEk: Kildeverdi<Ore>, tegnet: ReturnType<typeof tegnetKapital>): Tapsutfall {
  if (!sumEk || !tegnet) return { utfall: 'ukjent', tekst: `${navn}: egenkapital eller tegnet kapital er ukjent.` };
  const ek = `${navn}: sum egenkapital ${nok(sumEk.verdi)}${fra(sumEk)}, ${tegnet.tekst}.`;
  if (tegnet.min <= 0 && (tegnet.maks ?? 0) <= 0)
    return { utfall: 'usikker', tekst: `${ek} Ingen tegnet kapital å måle tapet mot.` };
  if (2 * sumEk.verdi < tegnet.min) {
    return {
      utfall: 'ikke ok',
      tekst: `${ek} Sum egenkapital < halvparten av ${nok(tegnet.min)}: mer enn halvparten av tegnet kapital er tapt.`,
    };
  }
  if (tegnet.maks !== null && 2 * sumEk.verdi >= tegnet.maks) {
    return { utfall: 'ok', tekst: `${ek} Sum egenkapital ≥ halvparten av ${nok(tegnet.maks)}: tapt høyst halvparten.` };
  }
  return {
    utfall: 'usikker',
    tekst: `${ek} Om mer enn halvparten er tapt, avhenger av overkursen: oppgi den med --overkurs.`,
  };
}

/** Treårsunntaket for SMB i kapitaltapstesten: fra hvilken dato, til hvilken dag, og om det gjelder i dag. */
export type Treaarsunntak = {
  /** Datoen unntaket regnes fra: den tidligste av bedriftens og (i et konsern) konsernets dato. */
  fra: Dato | null;
  /** Treårsdagen: unntaket gjelder til, men ikke med, denne dagen. */
  til: Dato | null;
  /** Unntaket er brukt i denne sjekken (SMB, yngre enn tre år, konsernets dato kjent i et konsern). */
  gjelder: boolean;
  iKonsern: boolean;
  /** I et konsern uten kjent dato for konsernet gis unntaket aldri ut fra bedriftens dato alene. */
  manglerKonsernDato: boolean;
};

/**
 * Vedlegg 3 pkt. 2: unntaket gjelder de tre første årene for «bedriften eller konsernet». I et konsern regnes det
 * fra den tidligste av bedriftens og konsernets dato; bedriftens dato alene gir aldri unntaket (docs/smb-sjekk.md).
 */
export function treaarsunntak(f: SmbFakta, idag: Dato, erSmb: boolean): Treaarsunntak {
  const iKonsern = f.erIKonsern === true || f.tilknyttede.length > 0;
  // Uten bedriftens egen dato gis unntaket aldri: bedriften kan være eldre enn konsernet (forsiktig lesning).
  const datoer = [f.registrert, iKonsern ? f.konsern.registrert : null].filter(
    (d): d is NonNullable<typeof d> => d !== null,
  );
  const fraDato = f.registrert ? datoer.map((d) => d.verdi).sort()[0]! : null;
  const til = fraDato ? leggTilAar(fraDato, 3) : null;
  const manglerKonsernDato = iKonsern && !f.konsern.registrert;
  const gjelder = f.orgform?.verdi !== 'ENK' && erSmb && til !== null && idag < til && !manglerKonsernDato;
  return { fra: fraDato, til, gjelder, iKonsern, manglerKonsernDato };
}

function konsernTap(f: SmbFakta): Tapsutfall {
  const k = f.konsern;
  const kt = k.kapital
    ? {
        min: k.kapital.verdi,
        maks: k.kapital.verdi,
        tekst: `tegnet kapital inkl. overkurs ${nok(k.kapital.verdi)}${fra(k.kapital)}`,
      }
    : null;
  const kon = tapstest('Konsernet', k.egenkapital, kt);
  if (kon.utfall === 'ukjent')
    kon.tekst =
      'Konsernet: tallene mangler (ingen konsernregnskap i NOK i Regnskapsregisteret; det leveres av morselskapet). Oppgi konsernets egenkapital og tegnede kapital med --konsern-egenkapital og --konsern-kapital.';
  return kon;
}

function alderTekst(f: SmbFakta, t: Treaarsunntak, idag: Dato, erSmb: boolean): string {
  if (t.manglerKonsernDato && f.registrert && idag < leggTilAar(f.registrert.verdi, 3))
    return ` Bedriften er registrert ${dato(f.registrert.verdi)}, men treårsunntaket gis ikke ut fra bedriftens dato alene: den er i et konsern, og konsernets dato er ukjent (oppgi --konsern-registrert).`;
  if (t.til)
    return ` Registrert ${dato(t.fra!)}: treårsunntaket gjaldt til ${dato(t.til)}${erSmb ? '' : ' (og bare for SMB)'}.`;
  return ' Registreringsdato ukjent: treårsunntaket kan ikke brukes.';
}

/** Hva som mangler for en endelig kapitaltapstest (bedriften først, så konsernet). */
function kapitaltapMangler(egen: Tapsutfall, kon: Tapsutfall | null): string {
  const deler: string[] = [];
  if (egen.utfall === 'ukjent') deler.push('bedriftens egenkapital (--innskutt-ek og --opptjent-ek)');
  if (egen.utfall === 'usikker') deler.push('overkursen (--overkurs) eller en vurdering av tegnet kapital');
  if (kon?.utfall === 'ukjent')
    deler.push('konsernets egenkapital og tegnede kapital (--konsern-egenkapital, --konsern-kapital)');
  if (kon?.utfall === 'usikker') deler.push('en vurdering av konsernets tegnede kapital');
  return deler.join(' og ');
}

/** Vedlegg 3 pkt. 2, «i vanskeligheter» 1): mer enn halvparten av tegnet kapital inkl. overkurs tapt. */
export function kriteriumKapitaltap(f: SmbFakta, idag: Dato, erSmb: boolean): Kriterium {
  const base = {
    id: 'kapitaltap',
    tittel: 'Ikke tapt mer enn halvparten av tegnet kapital (bedriften og konsernet)',
    kilde: KILDE.kapitaltap,
  };
  if (f.orgform?.verdi === 'ENK')
    return { ...base, status: 'ok', grunnlag: 'Enkeltpersonforetak har ingen tegnet kapital; regelen gjelder ikke.' };
  const t = treaarsunntak(f, idag, erSmb);
  if (t.gjelder) {
    const hvem = t.iKonsern
      ? `bedriften (${dato(f.registrert?.verdi ?? t.fra!)}) og konsernet (${dato(f.konsern.registrert!.verdi)}${fra(f.konsern.registrert)})`
      : `registrert ${dato(t.fra!)}${fra(f.registrert)}`;
    return {
      ...base,
      status: 'ok',
      grunnlag: `Unntatt: SMB i de tre første årene; ${hvem}; unntaket gjelder til ${dato(t.til!)}.`,
    };
  }
  const sumEk: Kildeverdi<Ore> =
    f.sumEk ??
    (f.innskuttEk && f.opptjentEk
      ? { verdi: f.innskuttEk.verdi + f.opptjentEk.verdi, fra: 'innskutt + opptjent egenkapital' }
      : null);
  const egen = tapstest('Bedriften', sumEk, tegnetKapital(f));
  const kon = t.iKonsern ? konsernTap(f) : null;
  const utfall = kon ? [egen, kon] : [egen];
  const tekst = `${utfall.map((u) => u.tekst).join(' ')}${alderTekst(f, t, idag, erSmb)}`;
  if (utfall.some((u) => u.utfall === 'ikke ok'))
    return { ...base, status: 'ikke ok', grunnlag: `${tekst} I vanskeligheter.` };
  if (utfall.some((u) => u.utfall === 'ukjent' || u.utfall === 'usikker')) {
    const hjelp =
      egen.utfall === 'ukjent'
        ? ' Oppgi --innskutt-ek og --opptjent-ek (eller --aksjekapital/--overkurs) fra siste årsregnskap.'
        : '';
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `${tekst}${hjelp}`,
      mangler: kapitaltapMangler(egen, kon),
    };
  }
  return { ...base, status: 'ok', grunnlag: tekst };
}
