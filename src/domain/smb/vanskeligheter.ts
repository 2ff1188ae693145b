/**
 * «I vanskeligheter» (programveileder vedlegg 3 pkt. 2; GBER art. 2 nr. 18) utenom kapitaltapet
 * (kapitaltap.ts): insolvens for bedriften og konsernet, kollektiv insolvensbehandling og avvikling (også
 * morselskapets), redningsstøtte, og treårstaket. Ren kjerne.
 */
import type { Dato } from '../felles/dato.js';
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
  type Statusfelt,
  type Stottestatus,
} from './typer.js';

type Del = { status: Kriterium['status']; tekst: string; mangler?: string };

/** Samler delvurderinger (bedriften, konsernet) til ett kriterium: verste status vinner. */
function samle(base: Omit<Kriterium, 'status' | 'grunnlag'>, deler: readonly Del[], slutt = ''): Kriterium {
  const grunnlag = `${deler.map((d) => d.tekst).join(' ')}${slutt}`;
  if (deler.some((d) => d.status === 'ikke ok')) return { ...base, status: 'ikke ok', grunnlag };
  const mangler = deler.filter((d) => d.status === 'må vurderes').map((d) => d.mangler ?? '');
  if (mangler.length)
    return { ...base, status: 'må vurderes', grunnlag, mangler: mangler.filter(Boolean).join(' og ') };
  return { ...base, status: 'ok', grunnlag };
}

/**
 * Vedlegg 3 pkt. 2, «i vanskeligheter» 2): «Hvis bedriften eller konsernet … er insolvente» — negativ egenkapital
 * og ikke midler til å dekke løpende forpliktelser. Én test for bedriften eller konsernet, med hvert sitt flagg.
 */
function insolvenstest(
  hvem: 'Bedriften' | 'Konsernet',
  ek: Kildeverdi<Ore>,
  betalingsevne: boolean | null,
  flagg: '--betalingsevne' | '--konsern-betalingsevne',
): Del {
  const ekFlagg = hvem === 'Bedriften' ? '--innskutt-ek og --opptjent-ek' : '--konsern-egenkapital';
  if (!ek)
    return {
      status: 'må vurderes',
      tekst: `${hvem}: sum egenkapital er ukjent.`,
      mangler: `${hvem === 'Bedriften' ? 'bedriftens' : 'konsernets'} egenkapital (${ekFlagg})`,
    };
  const tekst = `${hvem}: sum egenkapital ${nok(ek.verdi)}${fra(ek)}`;
  if (ek.verdi >= 0) return { status: 'ok', tekst: `${tekst} er ikke negativ.` };
  if (betalingsevne === true)
    return {
      status: 'ok',
      tekst: `${tekst} er negativ, men administratoren har bekreftet midler til løpende forpliktelser (${flagg} ja).`,
    };
  if (betalingsevne === false)
    return {
      status: 'ikke ok',
      tekst: `${tekst} er negativ, og det finnes ikke midler til løpende forpliktelser (${flagg} nei): insolvent.`,
    };
  return {
    status: 'må vurderes',
    tekst: `${tekst} er negativ. Ingen register viser om ${hvem === 'Bedriften' ? 'bedriften' : 'konsernet'} kan dekke løpende forpliktelser (likviditet). Vurder og oppgi ${flagg} ja|nei.`,
    mangler: `${hvem === 'Bedriften' ? 'bedriftens' : 'konsernets'} betalingsevne (${flagg} ja|nei)`,
  };
}

/** Vedlegg 3 pkt. 2, «i vanskeligheter» 2): bedriften, og i et konsern også konsernet. */
export function kriteriumInsolvens(f: SmbFakta): Kriterium {
  const base = { id: 'insolvens', tittel: 'Ikke insolvent (bedriften og konsernet)', kilde: KILDE.insolvens };
  const egen = insolvenstest('Bedriften', f.sumEk, f.betalingsevne, '--betalingsevne');
  if (!f.sumEk) {
    const hvorfor =
      f.regnskapMerknad ?? 'ikke i Regnskapsregisteret og ikke utledet av --innskutt-ek og --opptjent-ek.';
    egen.tekst = `Bedriften: sum egenkapital er ukjent: ${hvorfor}`;
  }
  const iKonsern = f.erIKonsern === true || f.tilknyttede.length > 0;
  if (!iKonsern) return samle(base, [egen]);
  const kon = insolvenstest('Konsernet', f.konsern.egenkapital, f.konsern.betalingsevne, '--konsern-betalingsevne');
  if (!f.konsern.egenkapital)
    kon.tekst =
      'Konsernet: sum egenkapital er ukjent (ingen konsernregnskap i NOK i Regnskapsregisteret; det leveres av morselskapet). Oppgi --konsern-egenkapital.';
  return samle(base, [egen, kon]);
}

const statusliste = (s: readonly Statusfelt[]) =>
  s.map((x) => `${x.tekst}${x.dato ? ` fra ${dato(x.dato)}` : ''}`).join('; ');

/** Bedriftens egne statusfelt, eller administratorens opplysning (--konkurs-avvikling) når registeret ikke er lest. */
function egenStatus(f: SmbFakta): Del {
  if (f.statuser?.length)
    return {
      status: 'ikke ok',
      tekst: `Enhetsregisteret: ${statusliste(f.statuser)}. Kollektiv insolvensbehandling eller avvikling; treårsunntaket gjelder ikke.${f.konkursOppgitt === false ? ' (--konkurs-avvikling nei er overstyrt av registeret.)' : ''}`,
    };
  if (f.statuser)
    return {
      status: 'ok',
      tekst:
        'Enhetsregisteret: ikke konkurs, ikke under rekonstruksjonsforhandling, avvikling, tvangsavvikling/-oppløsning eller utenlandsk insolvensbehandling (alle statusfeltene kontrollert).',
    };
  if (f.konkursOppgitt === true)
    return {
      status: 'ikke ok',
      tekst: 'Oppgitt (--konkurs-avvikling ja): konkurs, rekonstruksjon, avvikling eller tvangsoppløsning.',
    };
  if (f.konkursOppgitt === false)
    return {
      status: 'ok',
      tekst:
        'Oppgitt (--konkurs-avvikling nei): administratoren har kontrollert i Brønnøysundregistrene at bedriften ikke er konkurs, under rekonstruksjon, avvikling eller tvangsoppløsning (ikke kontrollert av nh).',
    };
  return {
    status: 'må vurderes',
    tekst: 'Ikke kontrollert mot Enhetsregisteret (ingen registerdata).',
    mangler: 'status for konkurs, rekonstruksjon og avvikling (kjør med nett, eller --konkurs-avvikling ja|nei)',
  };
}

/**
 * Vedlegg 3 pkt. 2 («bedriften eller konsernet»): morselskapets statusfelt der registeret har dem (--morselskap,
 * slått opp på nett). Er morselskapet konkurs eller under avvikling, er konsernet under kollektiv insolvensbehandling.
 */
function morStatus(f: SmbFakta): Del | null {
  const m = f.konsern.morselskap;
  const iKonsern = f.erIKonsern === true || f.tilknyttede.length > 0;
  if (!m)
    return iKonsern
      ? { status: 'ok', tekst: 'Morselskapet er ikke oppgitt (--morselskap); dets status er ikke kontrollert.' }
      : null;
  if (m.erBedriften) return { status: 'ok', tekst: 'Bedriften er selv morselskapet i konsernet.' };
  const hvem = `Morselskapet ${m.orgnr}${m.navn ? ` ${m.navn}` : ''}`;
  if (m.statuser === null)
    return {
      status: 'ok',
      tekst: `${hvem}: ikke slått opp i Enhetsregisteret (uten nett eller ukjent); statusen er ikke kontrollert.`,
    };
  if (m.statuser.length)
    return {
      status: 'ikke ok',
      tekst: `${hvem}: Enhetsregisteret: ${statusliste(m.statuser)}. Konsernet er under kollektiv insolvensbehandling eller avvikling.`,
    };
  return { status: 'ok', tekst: `${hvem}: ingen konkurs, rekonstruksjon eller avvikling i Enhetsregisteret.` };
}

/**
 * Vedlegg 3 pkt. 2, «i vanskeligheter» 2); GBER art. 2 nr. 18 c: konkurs, rekonstruksjon, avvikling eller
 * tvangsoppløsning registrert for bedriften eller morselskapet = avvist (uten treårsunntak).
 */
export function kriteriumKonkurs(f: SmbFakta): Kriterium {
  const base = {
    id: 'konkurs-avvikling',
    tittel: 'Ikke konkurs, rekonstruksjon, avvikling eller tvangsoppløsning',
    kilde: KILDE.konkurs,
  };
  const mor = morStatus(f);
  return samle(base, mor ? [egenStatus(f), mor] : [egenStatus(f)]);
}

/** GBER art. 2 nr. 18 d: redningsstøtte ikke tilbakebetalt, eller omstruktureringsstøtte under en plan. */
export function kriteriumRedningsstotte(f: SmbFakta): Kriterium {
  const base = {
    id: 'redningsstotte',
    tittel: 'Ikke mottatt redningsstøtte eller omstruktureringsstøtte som løper',
    kilde: KILDE.redning,
  };
  if (f.redningsstotte === true) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag:
        'Oppgitt (--redningsstøtte ja): bedriften har redningsstøtte som ikke er tilbakebetalt, eller er under en omstruktureringsplan. I vanskeligheter.',
    };
  }
  if (f.redningsstotte === false)
    return {
      ...base,
      status: 'ok',
      grunnlag: 'Oppgitt (--redningsstøtte nei): ingen redningsstøtte som løper og ingen omstruktureringsplan.',
    };
  return {
    ...base,
    status: 'må vurderes',
    grunnlag:
      'Ingen register nh leser viser redningsstøtte eller omstruktureringsstøtte. Spør bedriften (og sjekk ESAs støtteregister) og oppgi --redningsstøtte ja|nei. Det finnes ikke noe treårsunntak for dette.',
    mangler: 'redningsstøtte og omstruktureringsstøtte (--redningsstøtte ja|nei)',
  };
}

export function kriteriumTreaarstak(
  s: Stottestatus,
  kurs: Kurs,
  idag: Dato,
): { k: Kriterium; gjenstaarEur: number; gjenstaarNok: Ore } {
  const gjenstaarEur = STOTTETAK_EUR_CENT - s.tidligereEur;
  const gjenstaarNok = eurTilNok(gjenstaarEur, kurs.kurs);
  const base = { id: 'treaarstak', tittel: 'Under taket på 200 000 euro over tre år', kilde: KILDE.treaarstak };
  const tall = `Innovasjonsstøtte med dato etter ${dato(vinduStart(idag))} til og med ${dato(idag)}: ${eur(s.tidligereEur)} (${s.linjer} linjer i stotteregister.csv). Gjenstår ${eur(gjenstaarEur)} ≈ ${nok(gjenstaarNok)} (${kursTekst(kurs)}). Med støtte fra andre som er ført i annenstotte.csv (vedlegg 3 pkt. 2: taket gjelder per målbedrift).`;
  return { k: { ...base, status: gjenstaarEur > 0 ? 'ok' : 'ikke ok', grunnlag: tall }, gjenstaarEur, gjenstaarNok };
}
