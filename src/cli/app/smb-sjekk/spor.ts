/**
 * nh smb-sjekk, steg 3 «spør» (bare på en TTY, docs/arkitektur.md «Spørsmål»): planen (domain/smb/plan.ts) sier
 * hvilke opplysninger som mangler; nh spør om den første den ikke har spurt om, legger svaret i flaggene og
 * planlegger på nytt. Hvert spørsmål stilles høyst én gang. Uten TTY spørres det aldri: da står det som mangler
 * i «Mangler for en endelig vurdering».
 */
import { advarsel } from '../../../domain/felles/diagnostikk.js';
import { parseDato } from '../../../domain/felles/dato.js';
import { parseDesimal } from '../../../domain/felles/tall.js';
import { planlegg, type Plan, type Sporsmaal } from '../../../domain/smb/plan.js';
import { relasjonstype, tolkRelasjonstekst } from '../../../domain/smb/smb.js';
import type { Kontekst } from '../../kontekst.js';
import { tolkRelasjonSvar } from './flagg.js';
import { slaaOppNyeEiere, type Inndata } from './les.js';

/** Et spørsmål og svaret, slik posten viser dem («Oppgitt på spørsmål»). */
export type Svar = { sporsmal: string; svar: string };

type Spm = (k: Kontekst, inn: Inndata, svar: Svar[]) => Promise<void>;

const kroner = (v: string) => {
  const r = parseDesimal(v, 2);
  return r.ok && r.verdi >= 0 ? r.verdi : null;
};

/** Et påkrevd beløp (uten registerdata finnes ingen vurdering uten det). */
async function tall(k: Kontekst, sporsmal: string, svar: Svar[]): Promise<number> {
  const s = await k.spor.tekst(sporsmal, {
    valider: (v) => (kroner(v) !== null ? true : 'Skriv et tall, f.eks. 1 234 567'),
  });
  svar.push({ sporsmal, svar: s.trim() });
  return kroner(s)!;
}

/** Et valgfritt svar: tomt = la stå (kriteriet blir «må vurderes»). */
async function valgfritt(
  k: Kontekst,
  sporsmal: string,
  gyldig: (v: string) => boolean,
  svar: Svar[],
  ugyldig = 'Skriv et tall, f.eks. 1 234 567, eller la feltet stå tomt',
): Promise<string | undefined> {
  const s = (
    await k.spor.tekst(sporsmal, {
      standard: '',
      valider: (v) => (v.trim() === '' || gyldig(v) ? true : ugyldig),
    })
  ).trim();
  if (s !== '') svar.push({ sporsmal, svar: s });
  return s === '' ? undefined : s;
}

const belop = (v: string) => parseDesimal(v, 2).ok;
const tilOre = (s: string | undefined) =>
  s === undefined ? undefined : (parseDesimal(s, 2) as { verdi: number }).verdi;

/** Ja / Nei / Vet ikke (vet ikke = må vurderes). */
async function jaNeiVetIkke(k: Kontekst, sporsmal: string, svar: Svar[], jaForst = false) {
  const ja = { navn: 'Ja', verdi: 'ja' as const };
  const nei = { navn: 'Nei', verdi: 'nei' as const };
  const s = await k.spor.velg(sporsmal, [
    ...(jaForst ? [ja, nei] : [nei, ja]),
    { navn: 'Vet ikke (må vurderes)', verdi: 'vet-ikke' as const },
  ]);
  svar.push({ sporsmal, svar: s === 'ja' ? 'Ja' : s === 'nei' ? 'Nei' : 'Vet ikke' });
  return s === 'vet-ikke' ? undefined : s === 'ja';
}

/** Uten registerdata (frakoblet, ingen buffer): det registeret ellers gir. */
const registerdata: Spm = async (k, inn, svar) => {
  const fl = inn.plan.flagg;
  if (fl.orgform === undefined) {
    const sporsmal = 'Organisasjonsform (f.eks. AS, ENK):';
    const s = await k.spor.tekst(sporsmal, {
      valider: (v) => (/^[A-ZÆØÅa-zæøå]{2,5}$/.test(v.trim()) ? true : 'En kode som AS'),
    });
    fl.orgform = s.trim().toUpperCase();
    svar.push({ sporsmal, svar: fl.orgform });
  }
  if (fl.arsverk === undefined) fl.arsverk = await tall(k, 'Årsverk:', svar);
  if (fl.omsetning === undefined) fl.omsetning = await tall(k, 'Omsetning (driftsinntekter) i kroner:', svar);
  if (fl.balanse === undefined) fl.balanse = await tall(k, 'Balanse (sum eiendeler) i kroner:', svar);
};

/** Uten brukbart årsregnskap: anslag i god tro (GBER vedlegg I art. 4 nr. 3). */
const regnskapstall: Spm = async (k, inn, svar) => {
  const fl = inn.plan.flagg;
  const hva = inn.plan.regnskap?.length
    ? 'Årsregnskapet i Regnskapsregisteret kan ikke brukes (se grunnlaget).'
    : 'Ingen årsregnskap i Regnskapsregisteret.';
  if (fl.omsetning === undefined)
    fl.omsetning = tilOre(
      await valgfritt(
        k,
        `${hva} Omsetning i kroner (anslag i god tro for nyetablerte; tomt = må vurderes):`,
        belop,
        svar,
      ),
    );
  if (fl.balanse === undefined)
    fl.balanse = tilOre(
      await valgfritt(k, 'Balanse (sum eiendeler) i kroner (anslag; tomt = må vurderes):', belop, svar),
    );
};

const EIERSKAP =
  'Eier bedriften, eller eies den av, et annet foretak med 25 % eller mer (kapital eller stemmer)? Offentlige eiere teller også.';

/**
 * Vedlegg 3 pkt. 2 / GBER vedlegg I art. 3: «nei» = selvstendig; «ja» = ikke selvstendig, og foretakene tas med.
 * Et «ja» uten foretak er aldri «selvstendig»: da må eierskapet vurderes.
 */
const eierskap: Spm = async (k, inn, svar) => {
  const fl = inn.plan.flagg;
  const ja = await k.spor.bekreft(EIERSKAP);
  svar.push({ sporsmal: EIERSKAP, svar: ja ? 'Ja (ikke selvstendig)' : 'Nei (selvstendig)' });
  if (!ja) {
    inn.plan.eierskapOppgitt = true;
    return;
  }
  fl.ikkeSelvstendig = true;
  for (;;) {
    const sporsmal = 'Foretak (orgnr:andel%:årsverk:omsetning:balanse), tom linje for ferdig:';
    const s = (await k.spor.tekst(sporsmal, { standard: '' })).trim();
    if (!s) return;
    const t = tolkRelasjonstekst(s);
    const andel = t ? parseDesimal(t.andel.replace(/%$/, ''), 4) : null;
    const type = andel?.ok ? relasjonstype(andel.verdi) : 'selvstendig';
    if (type === 'selvstendig') {
      k.advarsler.push(advarsel('eierskap-under-25', `«${s}»: under 25 % eller ugyldig — ikke tatt med.`));
      continue;
    }
    const r = tolkRelasjonSvar(s, type);
    if ('feil' in r) {
      k.advarsler.push(advarsel('ugyldig-svar', r.feil));
      continue;
    }
    (type === 'partner' ? fl.partnere : fl.tilknyttede).push(r.rel);
    svar.push({ sporsmal, svar: s });
  }
};

/** Vedlegg 3 pkt. 2 «i vanskeligheter»: egenkapitalen når registeret ikke har den (uten nett, nyetablert). */
const egenkapital: Spm = async (k, inn, svar) => {
  const fl = inn.plan.flagg;
  const hjelp = '(siste årsregnskap eller mellombalanse; tomt = må vurderes):';
  const i = await valgfritt(k, `Bedriftens egenkapital er ukjent. Innskutt egenkapital i kroner ${hjelp}`, belop, svar);
  if (i === undefined) return;
  const o = await valgfritt(k, `Opptjent egenkapital i kroner, negativ ved tap ${hjelp}`, belop, svar);
  if (o === undefined) return;
  fl.innskuttEk = tilOre(i);
  fl.opptjentEk = tilOre(o);
};

/** GBER art. 2 nr. 18 c uten registerdata: administratoren kontrollerer selv (issue 19 pkt. 8). */
const konkurs: Spm = async (k, inn, svar) => {
  inn.plan.flagg.konkursAvvikling = await jaNeiVetIkke(
    k,
    'nh har ikke slått opp i Enhetsregisteret. Er bedriften konkurs, under rekonstruksjon, avvikling eller tvangsoppløsning (sjekk i Brønnøysundregistrene)?',
    svar,
  );
};

/** GBER art. 2 nr. 18 d: spør om redningsstøtte i stedet for å anta at det ikke finnes. */
const redningsstotte: Spm = async (k, inn, svar) => {
  inn.plan.flagg.redningsstotte = await jaNeiVetIkke(
    k,
    'Har bedriften redningsstøtte som ikke er tilbakebetalt, eller er den under en omstruktureringsplan (GBER art. 2 nr. 18 d)?',
    svar,
  );
};

/** Vedlegg 3 pkt. 2: i et konsern må testene også bestås av konsernet (tomt svar = må vurderes). */
const konsern: Spm = async (k, inn, svar) => {
  const fl = inn.plan.flagg;
  const kf = planlegg(inn.plan).fakta.konsern;
  if (!kf.egenkapital)
    fl.konsernEgenkapital = tilOre(
      await valgfritt(
        k,
        'Bedriften er i et konsern. Konsernets sum egenkapital i kroner (konsernregnskapet; tomt = må vurderes):',
        belop,
        svar,
      ),
    );
  if (!kf.kapital)
    fl.konsernKapital = tilOre(
      await valgfritt(
        k,
        'Konsernets tegnede kapital inkl. overkurs i kroner (morselskapets; tomt = må vurderes):',
        belop,
        svar,
      ),
    );
  if (!kf.registrert) {
    const d = await valgfritt(
      k,
      'Når ble konsernet etablert (dato; tomt = ukjent, da gis ikke treårsunntaket)?',
      (v) => parseDato(v) !== null,
      svar,
      'Skriv en dato som dd.mm.åååå, eller la feltet stå tomt',
    );
    if (d !== undefined) fl.konsernRegistrert = parseDato(d)!;
  }
};

const betalingsevne: Spm = async (k, inn, svar) => {
  inn.plan.flagg.betalingsevne = await jaNeiVetIkke(
    k,
    'Egenkapitalen er negativ. Har bedriften midler til å dekke løpende forpliktelser?',
    svar,
    true,
  );
};

/** Vedlegg 3 pkt. 2, «i vanskeligheter» 2): «Hvis bedriften eller konsernet … er insolvente». */
const konsernBetalingsevne: Spm = async (k, inn, svar) => {
  inn.plan.flagg.konsernBetalingsevne = await jaNeiVetIkke(
    k,
    'Konsernets egenkapital er negativ. Har konsernet midler til å dekke løpende forpliktelser?',
    svar,
    true,
  );
};

const SPM: Record<Sporsmaal, Spm> = {
  registerdata,
  regnskapstall,
  eierskap,
  egenkapital,
  'konkurs-avvikling': konkurs,
  redningsstotte,
  konsern,
  betalingsevne,
  'konsern-betalingsevne': konsernBetalingsevne,
};

/** Planlegg, spør om det som mangler (på en TTY), og planlegg på nytt til ingenting gjenstår. */
export async function sporOgPlanlegg(k: Kontekst, inn: Inndata): Promise<{ plan: Plan; svar: Svar[] }> {
  const spurt = new Set<Sporsmaal>();
  const svar: Svar[] = [];
  for (;;) {
    const plan = planlegg(inn.plan);
    const neste = k.interaktiv ? plan.sporsmal.find((s) => !spurt.has(s)) : undefined;
    if (!neste) return { plan, svar };
    spurt.add(neste);
    await SPM[neste](k, inn, svar);
    // Foretak oppgitt i svaret slås opp (offentlig eier?) før neste plan.
    if (neste === 'eierskap') await slaaOppNyeEiere(inn);
  }
}
