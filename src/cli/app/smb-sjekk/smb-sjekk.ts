/**
 * nh smb-sjekk <orgnr>: les flagg og nh.json (smb-flagg) → slå opp i Brønnøysundregistrene eller
 * hurtigbufferen (io/brreg-oppslag) → bygg fakta og vurder (domain/smb-fakta, domain/smb) → skriv
 * `smb-sjekk/<orgnr>-<i dag>.json` og `.md` (smb-utdata) og bufferen atomisk.
 * Exit 0 kan tas opp (og må vurderes uten --streng), 1 kan ikke, 2 ugyldig inndata. Se docs/smb-sjekk.md.
 */
import path from 'node:path';
import { advarsel, feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { formatDato, leggTilAar, parseDato } from '../../../domain/felles/dato.js';
import { normaliserOrgnr, orgnrFeil } from '../../../domain/felles/orgnr.js';
import { parseDesimal } from '../../../domain/felles/tall.js';
import { annenStotteSomLinjer, stotteSisteTreAar } from '../../../domain/felles/stottetak.js';
import { annenstotteDef } from '../../../domain/datasett/annenstotte.js';
import { lesDatasett } from '../../../io/les/datasett.js';
import {
  exitKodeFor,
  OFFENTLIGE_FORMER,
  OFFENTLIGE_SEKTORER,
  relasjonstype,
  tolkRelasjonstekst,
  vurderSmb,
  type Kurs,
  type OffentligEier,
  type Relasjon,
} from '../../../domain/smb/smb.js';
import { byggFakta, type RegnskapData } from '../../../domain/smb/fakta.js';
import { aapneArbeidsmappe } from '../../../io/arbeidsmappe.js';
import { krev } from '../../../domain/konfig/uavklart.js';
import { brregOppsett, tilBuffer } from '../../../io/brreg/brreg.js';
import { hentRegisterdata, slaaOppEiere, tolkEnhet, tolkRegnskap } from '../../../io/brreg/brreg-oppslag.js';
import { finnes, skrivFiler, type Utfil } from '../../../io/skriv/skriv.js';
import { lesStotteregister } from '../../../io/faktura/stotteregister.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { SmbSjekkValg } from './valg.js';
import { flaggEllerSpor } from '../felles.js';
import { lesEierskap, lesFlagg, lesSmbSeksjon, tolkRelasjonSvar, type Flagg } from './flagg.js';
import { lagJson, lagMarkdown, lagTekst } from './utdata.js';

// ————— Spørsmål (bare på TTY) —————

async function sporOmManglende(k: Kontekst, fl: Flagg): Promise<void> {
  if (!k.interaktiv) return;
  const tall = async (navn: string) => {
    const s = await k.spor.tekst(navn, {
      valider: (v) => {
        const r = parseDesimal(v, 2);
        return r.ok && r.verdi >= 0 ? true : 'Skriv et tall, f.eks. 1 234 567';
      },
    });
    return (parseDesimal(s, 2) as { verdi: number }).verdi;
  };
  if (fl.orgform === undefined) {
    fl.orgform = (
      await k.spor.tekst('Organisasjonsform (f.eks. AS, ' + 'ENK):', {
        valider: (v) => (/^[A-ZÆØÅa-zæøå]{2,5}$/.test(v.trim()) ? true : 'En kode som ' + 'AS'),
      })
    )
      .trim()
      .toUpperCase();
  }
  if (fl.arsverk === undefined) fl.arsverk = await tall('Årsverk:');
  if (fl.omsetning === undefined) fl.omsetning = await tall('Omsetning (driftsinntekter) i kroner:');
  if (fl.balanse === undefined) fl.balanse = await tall('Balanse (sum eiendeler) i kroner:');
}

/** Uten årsregnskap: på en TTY spør nh om omsetning og balanse (anslag i god tro, GBER vedlegg I art. 4 nr. 3). */
async function sporOmRegnskapstall(k: Kontekst, fl: Flagg, brukbart: boolean): Promise<void> {
  if (!k.interaktiv || (fl.omsetning !== undefined && fl.balanse !== undefined)) return;
  const valgfritt = async (sporsmal: string): Promise<number | undefined> => {
    const ok = (v: string) => {
      const r = parseDesimal(v, 2);
      return r.ok && r.verdi >= 0;
    };
    const s = (
      await k.spor.tekst(sporsmal, {
        standard: '',
        valider: (v) =>
          v.trim() === '' || ok(v) ? true : 'Skriv ' + 'et tall, f.eks. 1 234 567, eller la feltet stå tomt',
      })
    ).trim();
    return s === '' ? undefined : (parseDesimal(s, 2) as { verdi: number }).verdi;
  };
  const hva = brukbart
    ? 'Årsregnskapet i Regnskapsregisteret kan ikke brukes (se grunnlaget).'
    : 'Ingen årsregnskap i ' + 'Regnskapsregisteret.';
  if (fl.omsetning === undefined)
    fl.omsetning = await valgfritt(
      `${hva} Omsetning i kroner (anslag i god tro for ` + `nyetablerte; tomt = må vurderes):`,
    );
  if (fl.balanse === undefined)
    fl.balanse = await valgfritt('Balanse (sum eiendeler) i kroner (anslag; tomt = må ' + 'vurderes):');
}

async function sporOmEierskap(k: Kontekst, fl: Flagg): Promise<boolean> {
  if (!k.interaktiv) return false;
  const ja = await k.spor.bekreft(
    'Eier bedriften, eller eies den av, et annet foretak med 25 % eller mer (kapital ' +
      'eller stemmer)? Offentlige eiere teller også.',
    false,
  );
  if (!ja) return true;
  for (;;) {
    const s = (
      await k.spor.tekst('Foretak (orgnr:andel%:årsverk:omsetning:balanse), tom linje for ' + 'ferdig:', {
        standard: '',
      })
    ).trim();
    if (!s) return true;
    const t = tolkRelasjonstekst(s);
    const andel = t ? parseDesimal(t.andel.replace(/%$/, ''), 4) : null;
    const type = andel?.ok ? relasjonstype(andel.verdi) : 'selvstendig';
    if (type === 'selvstendig') {
      k.advarsler.push(advarsel('eierskap-under-25', `«${s}»: under 25 % eller ugyldig — ikke tatt med.`));
      continue;
    }
    const r = tolkRelasjonSvar(s, type);
    if ('rel' in r) (type === 'partner' ? fl.partnere : fl.tilknyttede).push(r.rel);
    else k.advarsler.push(advarsel('ugyldig-flagg', r.feil));
  }
}

/** GBER art. 2 nr. 18 d: spør om redningsstøtte i stedet for å anta at det ikke finnes. */
async function sporOmRedningsstotte(k: Kontekst, fl: Flagg): Promise<void> {
  if (!k.interaktiv || fl.redningsstotte !== undefined) return;
  const s = await k.spor.velg(
    'Har bedriften redningsstøtte som ikke er tilbakebetalt, eller er den under en ' +
      'omstruktureringsplan (GBER art. 2 nr. 18 d)?',
    [
      { navn: 'Nei', verdi: 'nei' },
      { navn: 'Ja', verdi: 'ja' },
      { navn: 'Vet ikke (må vurderes)', verdi: 'vet-ikke' },
    ],
  );
  if (s !== 'vet-ikke') fl.redningsstotte = s === 'ja';
}

/**
 * Vedlegg 3 pkt. 2: i et konsern må testen også bestås av konsernet. På en TTY spør nh om konsernets tall når
 * registeret ikke har dem (tomt svar = må vurderes); treårsunntaket trenger konsernets dato.
 */
async function sporOmKonsern(k: Kontekst, fl: Flagg, harKonsernregnskap: boolean): Promise<void> {
  if (!k.interaktiv) return;
  const valgfritt = async (sporsmal: string, dato = false): Promise<string | undefined> => {
    const gyldig = (v: string) => (dato ? parseDato(v) !== null : parseDesimal(v, 2).ok);
    const s = (
      await k.spor.tekst(sporsmal, {
        standard: '',
        valider: (v) => (v.trim() === '' || gyldig(v) ? true : 'Ugyldig verdi, eller la feltet stå tomt'),
      })
    ).trim();
    return s === '' ? undefined : s;
  };
  if (!harKonsernregnskap && fl.konsernEgenkapital === undefined) {
    const ek = await valgfritt(
      'Bedriften er i et konsern. Konsernets sum egenkapital i kroner (konsernregnskapet; ' + 'tomt = må vurderes):',
    );
    if (ek !== undefined) fl.konsernEgenkapital = (parseDesimal(ek, 2) as { verdi: number }).verdi;
    const kap = await valgfritt(
      'Konsernets tegnede kapital inkl. overkurs i kroner (morselskapets; tomt = må ' + 'vurderes):',
    );
    if (kap !== undefined) fl.konsernKapital = (parseDesimal(kap, 2) as { verdi: number }).verdi;
  }
  if (fl.konsernRegistrert === undefined) {
    const d = await valgfritt('Når ble konsernet etablert (dato; tomt = ukjent, da gis ikke treårsunntaket)?', true);
    if (d !== undefined) fl.konsernRegistrert = parseDato(d)!;
  }
}

/** GBER vedlegg I art. 3 nr. 4: offentlige eiere fra flagg, eierskapsfil og registeret (orgform/sektor). */
function offentligeEiere(
  fl: Flagg,
  fraFil: { orgnr: string; andel: number }[],
  rel: Relasjon[],
  register: Map<
    string,
    { organisasjonsform: { kode: string }; institusjonellSektorkode?: { kode: string } | undefined }
  >,
): OffentligEier[] {
  const ut = new Map<string, OffentligEier>();
  const legg = (orgnr: string, andel: number, grunn: string) => {
    if (!ut.has(orgnr)) ut.set(orgnr, { orgnr, andel, grunn, unntatt: fl.unntatte.includes(orgnr) });
  };
  for (const o of fl.offentlige) legg(o.orgnr, o.andel, 'oppgitt med --offentlig-eier');
  for (const o of fraFil) legg(o.orgnr, o.andel, 'kolonnen «offentlig» i eierskapsfilen');
  for (const r of rel) {
    const e = register.get(r.orgnr);
    if (!e) continue;
    const form = e.organisasjonsform.kode;
    const sektor = e.institusjonellSektorkode?.kode;
    if (OFFENTLIGE_FORMER[form])
      legg(r.orgnr, r.andel, `Enhetsregisteret: organisasjonsform ${form} ` + `(${OFFENTLIGE_FORMER[form]})`);
    else if (sektor && OFFENTLIGE_SEKTORER[sektor])
      legg(r.orgnr, r.andel, `Enhetsregisteret: sektorkode ${sektor} ` + `(${OFFENTLIGE_SEKTORER[sektor]})`);
  }
  return [...ut.values()];
}

// ————— Kjøringen —————

const MAPPE = 'smb-sjekk';

export async function smbSjekk(k: Kontekst, orgnrArg: string | undefined, valg: SmbSjekkValg): Promise<Resultat> {
  // 1. Orgnr: fra argumentet, ellers spørsmål på en TTY (ellers exit 2); ni sifre og MOD11 (exit 2).
  const orgnrInn = await flaggEllerSpor(
    k,
    orgnrArg,
    {
      flagg: 'orgnr',
      melding:
        'Mangler argumentet «orgnr»: organisasjonsnummeret til bedriften som skal sjekkes (nh ' + 'smb-sjekk <orgnr>).',
      forventet: 'ni sifre med gyldig kontrollsiffer (MOD11)',
    },
    (s) =>
      s.tekst('Organisasjonsnummeret til bedriften (ni ' + 'sifre)?', {
        valider: (v) => orgnrFeil(normaliserOrgnr(v)) ?? true,
      }),
  );
  const orgnr = normaliserOrgnr(orgnrInn);
  const g = orgnrFeil(orgnr);
  if (g)
    throw new InndataFeil([
      feil(
        'ugyldig-orgnr',
        `Ugyldig organisasjonsnummer: ` + `${g}.`,
        { fil: 'kommandolinjen', kolonne: 'orgnr' },
        { verdi: orgnrInn, forventet: 'ni sifre med gyldig ' + 'kontrollsiffer (MOD11)' },
      ),
    ]);

  const am = await aapneArbeidsmappe(k.data);
  const seksjon = lesSmbSeksjon(am);
  const fl = lesFlagg(valg, k.idag);
  // Issue 19 pkt. 2: uten --kurs må eurNok i nh.json være fylt inn (exit 2 med hvor kursen finnes).
  const kurs: Kurs = fl.kurs ?? kursFraConfig(krev(am.config, ['eurNok']).eurNok);

  // 2. Dagens post finnes fra før: krev --overskriv før vi gjør noe annet.
  const filer = { json: am.sti(MAPPE, `${orgnr}-${k.idag}.json`), md: am.sti(MAPPE, `${orgnr}-${k.idag}.md`) };
  if (!valg.overskriv) {
    for (const f of [filer.json, filer.md]) {
      if (await finnes(f)) {
        throw new InndataFeil([
          feil(
            'finnes-fra-for',
            `Det finnes allerede en SMB-sjekk av ${orgnr} datert ${formatDato(k.idag)}. ` +
              `Bruk --overskriv for å erstatte den.`,
            { fil: path.relative(am.rot, f) },
          ),
        ]);
      }
    }
  }

  // 3. Eierskap fra fil (før nettet: feil i filen er exit 2 uten oppslag).
  const fraFil = valg.eierskap
    ? await lesEierskap(am, valg.eierskap, k.advarsler)
    : { partnere: [], tilknyttede: [], offentlige: [] };

  // 4. Registerdata: nett → hurtigbuffer → flagg. Slettet/fjernet/ukjent stopper før regnskapet.
  const oppsett = brregOppsett(k.env, k.naa);
  const reg = await hentRegisterdata(am, orgnr, Boolean(valg.offline), k.advarsler, oppsett);
  const enhet = reg.enhet ? tolkEnhet(orgnr, reg.enhet, reg.underenhet) : null;
  const regnskap = enhet ? tolkRegnskap(reg.regnskap, k.advarsler) : { svar: null, raa: null };
  if (!enhet) {
    await sporOmManglende(k, fl);
    const mangler = [
      fl.orgform === undefined && '--orgform',
      fl.arsverk === undefined && '--ansatte',
      fl.omsetning === undefined && '--omsetning',
      fl.balanse === undefined && '--balanse',
    ].filter((x): x is string => Boolean(x));
    if (mangler.length) {
      const grunn = valg.offline
        ? 'Med --offline og uten hurtigbuffer'
        : 'Uten kontakt med Brønnøysundregistrene og ' + 'uten hurtigbuffer';
      throw new InndataFeil([
        ...k.advarsler.filter((d) => d.kode === 'frakoblet').map((d) => ({ ...d, alvor: 'feil' as const })),
        feil(
          'mangler-registerdata',
          `${grunn} trengs flagg for det registeret ellers gir. Mangler: ` +
            `${mangler.join(', ')}. Kjør med nett, eller oppgi flaggene (også --registrert, --innskutt-ek og ` +
            `--opptjent-ek bør oppgis).`,
          { fil: path.join(MAPPE, 'buffer', `${orgnr}-enhet.json`) },
          { forventet: mangler.join(', ') },
        ),
      ]);
    }
  } else {
    // Også når regnskapet finnes, men ikke kan brukes (annen valuta enn NOK).
    const svar = regnskap.svar;
    const iNok =
      svar?.type === 'regnskap' &&
      svar.regnskap.some((r) => (r.regnskapstype ?? 'SELSKAP') === 'SELSKAP' && (!r.valuta || r.valuta === 'NOK'));
    if (!iNok)
      await sporOmRegnskapstall(k, fl, svar?.type === 'regnskap' || (svar?.type === 'ingen' && svar.status >= 500));
  }
  let eierskapOppgitt = Boolean(valg.selvstendig || valg.eierskap || fl.partnere.length || fl.tilknyttede.length);
  const partnereFor = fl.partnere.length;
  const tilknyttedeFor = fl.tilknyttede.length;
  if (!eierskapOppgitt) eierskapOppgitt = await sporOmEierskap(k, fl);
  const partnere = [...fl.partnere, ...fraFil.partnere];
  const tilknyttede = [...fl.tilknyttede, ...fraFil.tilknyttede];
  if (partnereFor !== fl.partnere.length || tilknyttedeFor !== fl.tilknyttede.length) eierskapOppgitt = true;
  await sporOmRedningsstotte(k, fl);
  if (enhet?.enhet.erIKonsern || tilknyttede.length) {
    const svar = regnskap.svar;
    await sporOmKonsern(
      k,
      fl,
      svar?.type === 'regnskap' &&
        svar.regnskap.some((r) => r.regnskapstype === 'KONSERN' && (!r.valuta || r.valuta === 'NOK')),
    );
  }
  // Offentlige eiere: orgform/sektor for partnere og tilknyttede slås opp når vi er på nett.
  const rel = [...partnere, ...tilknyttede];
  const eiereIRegisteret =
    reg.kilde === 'nett' && rel.length
      ? await slaaOppEiere(
          oppsett,
          rel.map((r) => r.orgnr),
        )
      : new Map();
  const innovasjon = valg.innovasjonsselskap
    ? { verdi: true, fra: '--innovasjonsselskap' }
    : seksjon.innovasjonsselskaper.includes(orgnr)
      ? { verdi: true, fra: 'nh.json smb.innovasjonsselskaper' }
      : enhet && seksjon.innovasjonsselskaper.includes(enhet.enhet.organisasjonsnummer)
        ? { verdi: true, fra: 'nh.json smb.innovasjonsselskaper (hovedenheten)' }
        : orgnr === am.config.naeringshage.orgnr
          ? { verdi: true, fra: 'næringshagen selv (nh.json naeringshage.orgnr)' }
          : { verdi: false, fra: '' };
  const svar = regnskap.svar;
  const fakta = byggFakta({
    orgnr,
    enhet: enhet?.enhet ?? null,
    regnskap: svar?.type === 'regnskap' ? (svar.regnskap as RegnskapData[]) : svar ? [] : null,
    regnskapFeil: svar?.type === 'ingen' ? { status: svar.status, melding: svar.melding } : null,
    underenhet: enhet?.underenhet ?? null,
    flagg: fl,
    eierskap: {
      oppgitt: eierskapOppgitt,
      partnere,
      tilknyttede,
      offentlige: offentligeEiere(fl, fraFil.offentlige, rel, eiereIRegisteret),
    },
    innovasjon,
  });
  if (enhet) fakta.orgnr = enhet.enhet.organisasjonsnummer;
  if (k.interaktiv && fakta.sumEk && fakta.sumEk.verdi < 0 && fakta.betalingsevne === null) {
    const s = await k.spor.velg('Egenkapitalen er negativ. Har bedriften midler til å dekke løpende forpliktelser?', [
      { navn: 'Ja', verdi: 'ja' },
      { navn: 'Nei', verdi: 'nei' },
      { navn: 'Vet ikke (må vurderes)', verdi: 'vet-ikke' },
    ]);
    if (s !== 'vet-ikke') fakta.betalingsevne = s === 'ja';
  }

  // 5. Treårstaket fra støtteregisteret.
  const { linjer, advarsler: registerAdvarsler } = await lesStotteregister(am);
  k.advarsler.push(...registerAdvarsler);
  const iVinduet = linjer.filter((l) => l.orgnr === orgnr && l.dato > leggTilAar(k.idag, -3) && l.dato <= k.idag);
  // Issue 20 pkt. 7 (vedlegg 3 pkt. 2 «per målbedrift»): støtte fra andre (annenstotte.csv) teller i taket.
  const annen = await lesDatasett(am, annenstotteDef, { valgfritt: true });
  const andre = annenStotteSomLinjer(annen.rader, kurs.kurs);
  const tidligereEur = stotteSisteTreAar([...linjer, ...andre], orgnr, k.idag);
  if (kurs.dato > k.idag)
    k.advarsler.push(
      advarsel(
        'kurs-fram-i-tid',
        `EUR/NOK-kursen er datert ${formatDato(kurs.dato)}, etter i ` + `dag (${formatDato(k.idag)}).`,
      ),
    );

  const res = vurderSmb({ fakta, idag: k.idag, kurs, stotte: { tidligereEur, linjer: iVinduet.length } });
  const exitKode = exitKodeFor(res.dom, Boolean(valg.streng));
  const json = lagJson({
    orgnr,
    idag: k.idag,
    tidspunkt: (oppsett.naa ?? (() => new Date()))(),
    naeringshage: am.config.naeringshage,
    fakta,
    res,
    kurs,
    reg,
    raa: {
      enhet: enhet?.raa ?? null,
      underenhet: reg.underenhet ? safeJson(reg.underenhet.tekst) : null,
      regnskap: regnskap.raa,
    },
    exitKode,
    valg,
  });

  // 6. Skriv posten (og bufferen) atomisk.
  const utfiler: Utfil[] = [
    { sti: filer.json, innhold: `${JSON.stringify(json, null, 2)}\n` },
    { sti: filer.md, innhold: lagMarkdown(json, fakta, res, path.basename(filer.json)) },
    ...reg.nye.map((s) => ({ sti: am.sti(...s.sti), innhold: tilBuffer(s.svar) })),
  ];
  await skrivFiler(utfiler, { overskriv: true });
  const relFiler = { json: filer.json, md: filer.md };
  return { json: { ...json, filer: relFiler }, tekst: lagTekst(json, fakta, res, relFiler), exitKode };
}

function safeJson(t: string): unknown {
  try {
    return JSON.parse(t);
  } catch {
    return null;
  }
}

function kursFraConfig(e: { kurs: number; dato: Kurs['dato']; kilde: string }): Kurs {
  return { kurs: e.kurs, dato: e.dato, kilde: `${e.kilde} (nh.json)` };
}
