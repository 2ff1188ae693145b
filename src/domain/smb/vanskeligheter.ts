/**
 * «I vanskeligheter» (programveileder vedlegg 3 pkt. 2; GBER art. 2 nr. 18) og treårstaket. Ren kjerne.
 *
 * Kapitaltapet (GBER art. 2 nr. 18 a): «mer enn halvparten av tegnet kapital inkl. overkurs er tapt» regnes som
 * sum egenkapital < ½ × (aksjekapital + overkurs): det som står igjen utover tegnet kapital, er de akkumulerte
 * tapene fratrukket reserver og andre egenkapitalposter. Testen gjelder både bedriften og konsernet.
 */
import { leggTilAar, type Dato } from '../felles/dato.js';
import type { Ore } from '../felles/penger.js';
import { KILDE } from './lister.js';
import { STOTTETAK_EUR_CENT, vinduStart } from '../felles/stottetak.js';
import {
  dato,
  eur,
  eurTilNok,
  fra,
  kursTekst,
  nok,
  type Kildeverdi,
  type Kriterium,
  type Kurs,
  type SmbFakta,
  type Stottestatus,
} from './typer.js';

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
      tekst:
        `tegnet kapital inkl. overkurs ${nok(t)} = aksjekapital ` +
        `${nok(ak.verdi)}${fra(ak)} + overkurs ${nok(ok.verdi)}${fra(ok)}`,
    };
  }
  if (ak && inn) {
    const maks = Math.max(ak.verdi, inn.verdi);
    if (maks === ak.verdi)
      return {
        min: ak.verdi,
        maks,
        tekst:
          `tegnet kapital = aksjekapital ` +
          `${nok(ak.verdi)}${fra(ak)} (innskutt egenkapital ${nok(inn.verdi)}${fra(inn)} gir ikke rom for overkurs)`,
      };
    return {
      min: ak.verdi,
      maks,
      tekst:
        `tegnet kapital inkl. overkurs ligger mellom aksjekapitalen ${nok(ak.verdi)}${fra(ak)} og innskutt ` +
        `egenkapital ${nok(inn.verdi)}${fra(inn)} (overkurs ukjent; innskutt egenkapital kan også holde annen innskutt ` +
        `egenkapital)`,
    };
  }
  if (ak)
    return {
      min: ak.verdi,
      maks: null,
      tekst: `aksjekapital ${nok(ak.verdi)}${fra(ak)}, overkurs og innskutt ` + `egenkapital ukjent`,
    };
  if (inn)
    return {
      min: inn.verdi,
      maks: inn.verdi,
      tekst:
        `tegnet kapital inkl. overkurs = innskutt egenkapital ` +
        `${nok(inn.verdi)}${fra(inn)} (aksjekapitalen er ukjent)`,
    };
  return null;
}

/** sum EK < ½ × tegnet ⇔ 2 × sum EK < tegnet. Sikkert ikke ok med minste tegnede, sikkert ok med største. */
function tapstest(navn: string, sumEk: Kildeverdi<Ore>, tegnet: ReturnType<typeof tegnetKapital>): Tapsutfall {
  if (!sumEk || !tegnet) return { utfall: 'ukjent', tekst: `${navn}: egenkapital eller tegnet kapital er ukjent.` };
  const ek = `${navn}: sum egenkapital ${nok(sumEk.verdi)}${fra(sumEk)}, ${tegnet.tekst}.`;
  if (tegnet.min <= 0 && (tegnet.maks ?? 0) <= 0)
    return { utfall: 'usikker', tekst: `${ek} Ingen tegnet kapital å ` + `måle tapet mot.` };
  if (2 * sumEk.verdi < tegnet.min) {
    return {
      utfall: 'ikke ok',
      tekst:
        `${ek} Sum egenkapital < halvparten av ${nok(tegnet.min)}: mer enn halvparten ` + `av tegnet kapital er tapt.`,
    };
  }
  if (tegnet.maks !== null && 2 * sumEk.verdi >= tegnet.maks) {
    return { utfall: 'ok', tekst: `${ek} Sum egenkapital ≥ halvparten av ${nok(tegnet.maks)}: tapt høyst halvparten.` };
  }
  return {
    utfall: 'usikker',
    tekst: `${ek} Om mer enn halvparten er tapt, avhenger av overkursen: oppgi den med ` + `--overkurs.`,
  };
}

/** Vedlegg 3 pkt. 2, «i vanskeligheter» 1): mer enn halvparten av tegnet kapital inkl. overkurs tapt. */
export function kriteriumKapitaltap(f: SmbFakta, idag: Dato, erSmb: boolean): Kriterium {
  const base = {
    id: 'kapitaltap',
    tittel: 'Ikke tapt mer enn halvparten av tegnet kapital (bedriften og ' + 'konsernet)',
    kilde: KILDE.kapitaltap,
  };
  if (f.orgform?.verdi === 'ENK')
    return {
      ...base,
      status: 'ok',
      grunnlag: 'Enkeltpersonforetak har ingen tegnet ' + 'kapital; regelen gjelder ikke.',
    };
  const iKonsern = f.erIKonsern === true || f.tilknyttede.length > 0;
  // Vedlegg 3 pkt. 2: unntaket gjelder de tre første årene for «bedriften eller konsernet». I et konsern
  // regnes det fra den tidligste av bedriftens og konsernets dato; bedriftens dato alene gir aldri unntaket.
  const datoer = [f.registrert, iKonsern ? f.konsern.registrert : null].filter(
    (d): d is NonNullable<typeof d> => d !== null,
  );
  const fraDato = datoer.length ? datoer.map((d) => d.verdi).sort()[0]! : null;
  const treAar = fraDato ? leggTilAar(fraDato, 3) : null;
  const manglerKonsernDato = iKonsern && !f.konsern.registrert;
  if (erSmb && treAar !== null && idag < treAar && !manglerKonsernDato) {
    const hvem = iKonsern
      ? `bedriften (${dato(f.registrert?.verdi ?? fraDato!)}) og konsernet ` +
        `(${dato(f.konsern.registrert!.verdi)}${fra(f.konsern.registrert)})`
      : `registrert ` + `${dato(fraDato!)}${fra(f.registrert)}`;
    return {
      ...base,
      status: 'ok',
      grunnlag: `Unntatt: SMB i de tre første årene; ${hvem}; unntaket gjelder til ` + `${dato(treAar)}.`,
    };
  }
  const sumEk: Kildeverdi<Ore> =
    f.sumEk ??
    (f.innskuttEk && f.opptjentEk
      ? { verdi: f.innskuttEk.verdi + f.opptjentEk.verdi, fra: 'innskutt + opptjent egenkapital' }
      : null);
  const egen = tapstest('Bedriften', sumEk, tegnetKapital(f));
  const utfall: Tapsutfall[] = [egen];
  if (iKonsern) {
    const k = f.konsern;
    const kt = k.kapital
      ? {
          min: k.kapital.verdi,
          maks: k.kapital.verdi,
          tekst: `tegnet kapital inkl. overkurs ` + `${nok(k.kapital.verdi)}${fra(k.kapital)}`,
        }
      : null;
    const kon = tapstest('Konsernet', k.egenkapital, kt);
    if (kon.utfall === 'ukjent')
      kon.tekst =
        'Konsernet: tallene mangler (ingen konsernregnskap i NOK i ' +
        'Regnskapsregisteret; det leveres av morselskapet). Oppgi konsernets egenkapital og tegnede kapital med ' +
        '--konsern-egenkapital og --konsern-kapital.';
    utfall.push(kon);
  }
  let alder: string;
  if (manglerKonsernDato && f.registrert && idag < leggTilAar(f.registrert.verdi, 3)) {
    alder =
      ` Bedriften er registrert ${dato(f.registrert.verdi)}, men treårsunntaket gis ikke ut fra bedriftens dato ` +
      `alene: den er i et konsern, og konsernets dato er ukjent (oppgi --konsern-registrert).`;
  } else if (treAar)
    alder =
      ` Registrert ${dato(fraDato!)}: treårsunntaket gjaldt til ` +
      `${dato(treAar)}${erSmb ? '' : ' (og bare for SMB)'}.`;
  else alder = ' Registreringsdato ukjent: treårsunntaket kan ikke brukes.';
  const tekst = `${utfall.map((u) => u.tekst).join(' ')}${alder}`;
  if (utfall.some((u) => u.utfall === 'ikke ok'))
    return { ...base, status: 'ikke ok', grunnlag: `${tekst} I ` + `vanskeligheter.` };
  if (utfall.some((u) => u.utfall === 'ukjent' || u.utfall === 'usikker')) {
    const hjelp =
      egen.utfall === 'ukjent'
        ? ' Oppgi --innskutt-ek og --opptjent-ek (eller --aksjekapital/--overkurs) ' + 'fra siste årsregnskap.'
        : '';
    return { ...base, status: 'må vurderes', grunnlag: `${tekst}${hjelp}` };
  }
  return { ...base, status: 'ok', grunnlag: tekst };
}

/** Vedlegg 3 pkt. 2, «i vanskeligheter» 2): negativ egenkapital og ikke midler til løpende forpliktelser. */
export function kriteriumInsolvens(f: SmbFakta): Kriterium {
  const base = { id: 'insolvens', tittel: 'Ikke insolvent', kilde: KILDE.insolvens };
  if (!f.sumEk) {
    const hvorfor =
      f.regnskapMerknad ?? 'ikke i Regnskapsregisteret og ikke utledet av --innskutt-ek og ' + '--opptjent-ek.';
    return { ...base, status: 'må vurderes', grunnlag: `Sum egenkapital er ukjent: ${hvorfor}` };
  }
  const ek = `Sum egenkapital ${nok(f.sumEk.verdi)}${fra(f.sumEk)}`;
  if (f.sumEk.verdi >= 0) return { ...base, status: 'ok', grunnlag: `${ek} er ikke negativ.` };
  if (f.betalingsevne === true) {
    return {
      ...base,
      status: 'ok',
      grunnlag:
        `${ek} er negativ, men administratoren har bekreftet at bedriften har ` +
        `midler til å dekke løpende forpliktelser (--betalingsevne ja).`,
    };
  }
  if (f.betalingsevne === false) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag:
        `${ek} er negativ, og bedriften har ikke midler til å dekke løpende ` +
        `forpliktelser (--betalingsevne nei): insolvent.`,
    };
  }
  return {
    ...base,
    status: 'må vurderes',
    grunnlag:
      `${ek} er negativ. Ingen register viser om bedriften kan dekke ` +
      `løpende forpliktelser (likviditet). Vurder og oppgi --betalingsevne ja|nei.`,
  };
}

/** GBER art. 2 nr. 18 c: konkurs, rekonstruksjon, avvikling eller tvangsoppløsning registrert = avvist (uten treårsunntak). */
export function kriteriumKonkurs(f: SmbFakta): Kriterium {
  const base = {
    id: 'konkurs-avvikling',
    tittel: 'Ikke konkurs, rekonstruksjon, avvikling eller ' + 'tvangsoppløsning',
    kilde: KILDE.konkurs,
  };
  if (f.statuser === null)
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: 'Ikke kontrollert mot Enhetsregisteret ' + '(ingen registerdata).',
    };
  if (f.statuser.length) {
    const liste = f.statuser.map((s) => `${s.tekst}${s.dato ? ` fra ${dato(s.dato)}` : ''}`).join('; ');
    return {
      ...base,
      status: 'ikke ok',
      grunnlag:
        `Enhetsregisteret: ${liste}. Kollektiv insolvensbehandling eller ` + `avvikling; treårsunntaket gjelder ikke.`,
    };
  }
  return {
    ...base,
    status: 'ok',
    grunnlag:
      'Enhetsregisteret: ikke konkurs, ikke under rekonstruksjonsforhandling, avvikling, ' +
      'tvangsavvikling/-oppløsning eller utenlandsk insolvensbehandling (alle statusfeltene kontrollert).',
  };
}

/** GBER art. 2 nr. 18 d: redningsstøtte ikke tilbakebetalt, eller omstruktureringsstøtte under en plan. */
export function kriteriumRedningsstotte(f: SmbFakta): Kriterium {
  const base = {
    id: 'redningsstotte',
    tittel: 'Ikke mottatt redningsstøtte eller omstruktureringsstøtte som ' + 'løper',
    kilde: KILDE.redning,
  };
  if (f.redningsstotte === true) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag:
        'Oppgitt (--redningsstøtte ja): bedriften har redningsstøtte som ' +
        'ikke er tilbakebetalt, eller er under en omstruktureringsplan. I vanskeligheter.',
    };
  }
  if (f.redningsstotte === false)
    return {
      ...base,
      status: 'ok',
      grunnlag: 'Oppgitt (--redningsstøtte nei): ingen ' + 'redningsstøtte som løper og ingen omstruktureringsplan.',
    };
  return {
    ...base,
    status: 'må vurderes',
    grunnlag:
      'Ingen register nh leser viser redningsstøtte eller omstruktureringsstøtte. Spør bedriften (og sjekk ' +
      'ESAs støtteregister) og oppgi --redningsstøtte ja|nei. Det finnes ikke noe treårsunntak for dette.',
  };
}

/** Vedlegg 3 pkt. 2: 200 000 euro over rullerende tre år; viser det som gjenstår. */
export function kriteriumTreaarstak(
  s: Stottestatus,
  kurs: Kurs,
  idag: Dato,
): { k: Kriterium; gjenstaarEur: number; gjenstaarNok: Ore } {
  const gjenstaarEur = STOTTETAK_EUR_CENT - s.tidligereEur;
  const gjenstaarNok = eurTilNok(gjenstaarEur, kurs.kurs);
  const base = { id: 'treaarstak', tittel: 'Under taket på 200 000 euro over tre år', kilde: KILDE.treaarstak };
  const tall =
    `Innovasjonsstøtte med dato etter ${dato(vinduStart(idag))} til og med ${dato(idag)}: ` +
    `${eur(s.tidligereEur)} (${s.linjer} linjer i stotteregister.csv). Gjenstår ${eur(gjenstaarEur)} ≈ ` +
    `${nok(gjenstaarNok)} (${kursTekst(kurs)}). Med støtte fra andre som er ført i annenstotte.csv ` +
    `(vedlegg 3 pkt. 2: taket gjelder per målbedrift).`;
  return { k: { ...base, status: gjenstaarEur > 0 ? 'ok' : 'ikke ok', grunnlag: tall }, gjenstaarEur, gjenstaarNok };
}
