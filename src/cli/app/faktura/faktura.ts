/**
 * nh faktura --periode åååå-mm: les timer (bare perioden), ansatte, målbedrifter, tilskudd og
 * støtteregisteret → beregn (domain/faktura) → sjekk reglene → tildel fakturanummer/KID (domain/fakturanummer)
 * → skriv fakturagrunnlag.xlsx/.csv, EHF og importfiler i faktura/<periode>/ og til sist støtteregisteret,
 * alt under én lås. --erstatt krediterer endrede fakturaer (kreditnota) og utsteder nye med nye numre.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../../../domain/konfig/config.js';
import { krev } from '../../../domain/konfig/uavklart.js';
import type { FakturaOppsett } from '../../../domain/faktura/oppsett.js';
import { ansatteDef } from '../../../domain/datasett/ansatte.js';
import { malbedrifterDef } from '../../../domain/datasett/malbedrifter.js';
import { timerDef, timerOverDognet } from '../../../domain/datasett/timer.js';
import { tilskuddDef } from '../../../domain/datasett/tilskudd.js';
import { advarsel, feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import {
  formatDato,
  forsteDag,
  leggTilMaaneder,
  maanedAv,
  parseMaaned,
  raaDatoI,
  sisteDag,
  deler,
  type Maaned,
} from '../../../domain/felles/dato.js';
import { normaliserNavn } from '../../../domain/felles/felter.js';
import {
  beregnDisponibelt,
  nyttAarForslag,
  beregnFakturering,
  registerlinjer,
  sjekkDisponibelt,
  sjekkStotteintensitet,
  sjekkTreaarstak,
  smbSjekkAdvarsler,
  smbSjekkStatus,
  smbStatusTekst,
  type Avvisning,
} from '../../../domain/faktura/faktura.js';
import type { FakturaParametre } from '../../../domain/faktura/typer.js';
import { kreditlinje, planleggFakturaer, sjekkFortegn } from '../../../domain/faktura/fakturanummer.js';
import type { Identitet } from '../../../domain/faktura/typer.js';
import { aapneArbeidsmappe, type Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { feilstavedeTjenestepriser } from '../../../domain/konfig/tjenestepriser.js';
import { lesAlle } from '../../../io/les/datasett.js';
import { finnes } from '../../../io/skriv/skriv.js';
import { kjoringsmerke, sjekkKjoring } from '../../../io/faktura/fakturakjoring.js';
import { fjernEhfFiler } from '../../../io/faktura/ehf-filer.js';
import { byggFakturaArbeidsbok } from '../../../io/faktura/faktura-arbeidsbok.js';
import { fakturagrunnlagCsv } from '../../../io/faktura/fakturagrunnlag-csv.js';
import {
  finnSmbSjekker,
  lesStotteregister,
  medRegisterLaas,
  registerCsv,
  sikkerhetskopier,
  skrivMedRegister,
} from '../../../io/faktura/stotteregister.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import type { FakturaValg } from './valg.js';
import { farge } from '../../utskrift.js';
import { flaggEllerSpor } from '../felles.js';
import { lagDokumenter, selgerAv, velgFormater } from './dokumenter.js';
import {
  alleredeFakturert,
  dispJson,
  eur,
  forutsetningerJson,
  mbJson,
  sumJson,
  tekst,
  type Utfiler,
} from './utdata.js';

/** nh.json «faktura» er validert av configSkjema (src/domain/faktura/oppsett.ts). */
export function lesFakturaSeksjon(config: Config): FakturaOppsett {
  return config.faktura;
}

export function fakturaParametre(config: Config, periode: Maaned, s: FakturaOppsett): FakturaParametre {
  // Issue 19 pkt. 2: en markedspris eller EUR-kurs som ikke er fylt inn, brukes aldri (exit 2 med hvor den finnes).
  const c = krev(config, ['markedsprisPerTime', 'eurNok']);
  return {
    periode,
    standardPris: c.markedsprisPerTime,
    standardStotteintensitet: c.stotteintensitet,
    mvaSats: c.mvaSats,
    adminKoder: c.adminKoder,
    tjenestepriser: new Map(Object.entries(s.tjenestepriser).map(([n, p]) => [normaliserNavn(n), p])),
    eurNokKurs: c.eurNok.kurs,
    kursdato: c.eurNok.dato,
  };
}

function lesPeriode(s: string): Maaned {
  const p = parseMaaned(s);
  if (!p)
    throw new InndataFeil([
      feil('ugyldig-flagg', `--periode «${s}» er ikke en måned.`, undefined, { forventet: 'åååå-mm, f.eks. 2026-10' }),
    ]);
  return p;
}

function tidsmerke(k: Kontekst): string {
  return k
    .naa()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
}

/** --periode, eller på en TTY et spørsmål med forrige måned (fra «i dag») som standardsvar; ellers exit 2. */
async function hentPeriode(k: Kontekst, flagg: string | undefined): Promise<Maaned> {
  const forrige = maanedAv(leggTilMaaneder(forsteDag(maanedAv(k.idag)), -1));
  const svar = await flaggEllerSpor(
    k,
    flagg,
    {
      flagg: '--periode',
      melding: 'Mangler --periode <åååå-mm>: måneden som faktureres må oppgis.',
      forventet: `åååå-mm, f.eks. ${forrige}`,
    },
    (s) =>
      s.tekst('Hvilken måned skal faktureres (åååå-mm)?', {
        standard: forrige,
        valider: (v) => (parseMaaned(v) ? true : 'Skriv måneden som åååå-mm, f.eks. 2026-10'),
      }),
  );
  return lesPeriode(svar);
}

export async function faktura(k: Kontekst, valg: FakturaValg): Promise<Resultat> {
  const periode = await hentPeriode(k, valg.periode);
  const am = await aapneArbeidsmappe(k.data);
  const seksjon = lesFakturaSeksjon(am.config);
  const p = fakturaParametre(am.config, periode, seksjon);
  // Forhåndsvisning skriver ingenting, heller ikke en låsfil.
  return valg.forhandsvis
    ? kjorPeriode(k, am, p, seksjon, valg)
    : medRegisterLaas(am, () => kjorPeriode(k, am, p, seksjon, valg));
}

async function kjorPeriode(
  k: Kontekst,
  am: Arbeidsmappe,
  p: FakturaParametre,
  seksjon: FakturaOppsett,
  valg: FakturaValg,
): Promise<Resultat> {
  const periode = p.periode;
  const formater = velgFormater(seksjon, valg.format);
  const reg = await lesStotteregister(am);
  k.advarsler.push(...reg.advarsler);
  const registerFil = path.basename(reg.sti);
  const fortegn = sjekkFortegn(reg.linjer, registerFil);
  if (fortegn.length) throw new InndataFeil(fortegn);
  const iPerioden = reg.linjer.filter((l) => l.periode === periode);
  const utmappe = am.sti('faktura', periode);
  if (iPerioden.length && !valg.erstatt) {
    // Issue 11 pkt. 10: utfiler fra en avbrutt --erstatt passer ikke til registeret.
    const kjoringer = iPerioden.map((l) => l.kjoring);
    await sjekkKjoring({
      periodeMappe: utmappe,
      visningsmappe: path.relative(am.rot, utmappe),
      periode,
      registerFil,
      kjoringer,
    });
    return alleredeFakturert(am, periode, iPerioden, reg.sti);
  }

  const fra = forsteDag(periode);
  const til = sisteDag(periode);
  const { ansatte, malbedrifter, timer, tilskudd } = await lesAlle(am, {
    ansatte: ansatteDef,
    malbedrifter: malbedrifterDef,
    // Bare periodens rader valideres og tas med (én gjennomgang av en stor timeliste).
    timer: { def: timerDef, filter: (hent) => raaDatoI(hent('dato'), fra, til) },
    tilskudd: tilskuddDef,
  });
  const { fakturering: f, feil: feilListe } = beregnFakturering(timer.rader, ansatte.rader, malbedrifter.rader, p);
  feilListe.unshift(...timerOverDognet(timer.rader)); // issue 11 pkt. 5: høyst 24 timer per person per dag
  feilListe.unshift(
    ...feilstavedeTjenestepriser(
      timer.rader.map((t) => t.tjeneste),
      Object.keys(seksjon.tjenestepriser),
    ),
  );
  if (feilListe.length) throw new InndataFeil(feilListe);

  // Reglene ser på perioden slik den blir etter kjøringen (andre perioder + denne), så kreditnotaer og
  // uendrede fakturaer ved --erstatt ikke telles to ganger.
  const ovrige = reg.linjer.filter((l) => l.periode !== periode);
  const treaar = sjekkTreaarstak(f, ovrige);
  const disp = beregnDisponibelt(deler(f.fakturadato).aar, tilskudd.rader, ovrige, f.totalt.stotte);
  // Issue 19 pkt. 13: i januar foreslås overføringen fra i fjor (10.4) når året mangler rader i tilskudd.
  const forslag = nyttAarForslag(disp.ar, tilskudd.rader, ovrige);
  const avvisninger: Avvisning[] = [
    ...sjekkStotteintensitet(f),
    ...treaar.avvisninger,
    ...sjekkDisponibelt(disp, forslag),
  ];

  const sjekker = await finnSmbSjekker(am);
  k.advarsler.push(...smbSjekkAdvarsler(f, sjekker));
  const smb = new Map(f.malbedrifter.map((m) => [m.orgnr, smbStatusTekst(smbSjekkStatus(m, sjekker))]));
  if (til > k.idag)
    k.advarsler.push(
      advarsel(
        'periode-ikke-slutt',
        `Perioden ${periode} er ikke avsluttet (i dag er ${formatDato(k.idag)}); timer som føres senere i måneden kommer ikke med.`,
      ),
    );
  if (p.kursdato > til)
    k.advarsler.push(
      advarsel(
        'kurs-etter-periode',
        `EUR/NOK-kursen i nh.json er datert ${formatDato(p.kursdato)}, etter perioden ${periode}. Vedlegg 3 pkt. 2: bruk kursen på tildelingstidspunktet.`,
        { fil: 'nh.json', kolonne: 'eurNok.dato' },
      ),
    );

  const planR = planleggFakturaer(
    f,
    reg.linjer,
    { nummerserie: seksjon.nummerserie, kid: seksjon.kid, forfallsdager: seksjon.forfallsdager },
    k.idag,
  );
  if ('feil' in planR)
    throw new InndataFeil([feil('kid-lengde', planR.feil, { fil: 'nh.json', kolonne: 'faktura.kid.lengde' })]);
  const plan = planR.plan;
  const ider = new Map<
    string,
    Pick<Identitet, 'fakturanr' | 'kid' | 'fakturadato' | 'forfallsdato' | 'ordrereferanse'>
  >();
  for (const u of plan.uendret)
    ider.set(u.orgnr, {
      fakturanr: u.fakturanr,
      kid: u.kid,
      fakturadato: u.fakturadato ?? u.dato,
      forfallsdato: u.forfallsdato ?? u.dato,
      ordrereferanse: u.ordrereferanse ?? `${u.periode}-${u.orgnr}`,
    });
  for (const n of plan.nye) ider.set(n.m.orgnr, n.id);

  const filer: Utfiler = {
    xlsx: path.join(utmappe, 'fakturagrunnlag.xlsx'),
    csv: path.join(utmappe, 'fakturagrunnlag.csv'),
    register: reg.sti,
    ehf: [],
    importfiler: {},
    nyeLinjer: 0,
  };
  const treaarPer = new Map(treaar.status.map((t) => [t.orgnr, t]));
  const erstattet = valg.erstatt && iPerioden.length > 0;
  const json = {
    periode,
    fakturadato: f.fakturadato,
    status: avvisninger.length
      ? 'avvist'
      : valg.forhandsvis
        ? 'forhandsvis'
        : erstattet
          ? plan.kreditnotaer.length || plan.nye.length
            ? 'erstattet'
            : 'uendret'
          : 'fakturert',
    naeringshage: am.config.naeringshage.navn,
    forutsetninger: forutsetningerJson(am.config, p),
    malbedrifter: f.malbedrifter.map((m) => ({
      ...mbJson(m, treaarPer.get(m.orgnr)),
      faktura: ider.get(m.orgnr) ?? null,
      smbSjekk: smb.get(m.orgnr),
    })),
    kreditnotaer: plan.kreditnotaer.map(({ gammel, id }) => ({
      ...id,
      orgnr: gammel.orgnr,
      navn: gammel.navn,
      markedsverdi: -gammel.markedsverdi / 100,
      stotte: -gammel.stotte / 100,
      egenandel: -gammel.egenandel / 100,
      mva: -gammel.mva / 100,
    })),
    totalt: { ...sumJson(f.totalt), stotteEur: eur(f.malbedrifter.reduce((s, m) => s + m.stotteEur, 0)) },
    disponibelt: dispJson(disp),
    adminTimeraderIkkeFakturert: f.adminRader,
    avvisninger,
    filer: valg.forhandsvis || avvisninger.length ? null : { ...filer, sikkerhetskopi: null as string | null },
  };
  if (avvisninger.length) {
    // En regel sier nei (exit 1): domenet ga avvisningene, appen gjør dem om til resultat og exit-kode.
    const overskrift = `Fakturering av ${periode} avvist — ingenting er skrevet:`;
    const punkter = avvisninger.map((a) => `  • ${a.melding}`);
    const feilListe = avvisninger.map((a) => feil(a.kode, a.melding));
    return {
      exitKode: 1,
      json: { melding: [overskrift, ...punkter].join('\n'), resultat: json, feil: feilListe },
      tekst: [farge.red(overskrift), ...punkter].join('\n'),
    };
  }
  if (json.status === 'uendret') {
    const melding = `Perioden ${periode} er fakturert, og ingen faktura er endret — ingen kreditnota, ingenting skrevet.`;
    return { json: { ...json, filer: null, melding }, tekst: melding };
  }

  const dok = await lagDokumenter(k, {
    am,
    periode,
    f,
    plan,
    oppsett: seksjon,
    selger: selgerAv(am.config),
    mvaSats: p.mvaSats,
    malbedrifter: malbedrifter.rader,
    formater,
  });
  filer.ehf = dok.ehf;
  filer.importfiler = dok.importfiler;
  const xlsx = await byggFakturaArbeidsbok({
    naeringshage: am.config.naeringshage.navn,
    idag: k.idag,
    f,
    p,
    disp,
    ider,
    treaar: treaarPer,
    smb,
  });
  const csv = await fakturagrunnlagCsv(f, seksjon, p.mvaSats, ider);
  // Kjøringens id: tidspunktet for sporbarhet, og et tilfeldig tillegg så to kjøringer aldri får samme id —
  // heller ikke med låst klokke (NH_DATO) — og en blanding av utfiler og register alltid kan oppdages.
  const kjoring = `${tidsmerke(k)}-${randomBytes(3).toString('hex')}`;
  const nye = [
    ...plan.kreditnotaer.map(({ gammel, id }) => kreditlinje(gammel, id, kjoring)),
    ...registerlinjer(f, p, kjoring, new Map(plan.nye.map((n) => [n.m.orgnr, n.id]))),
  ];
  filer.nyeLinjer = nye.length;
  if (json.filer) Object.assign(json.filer, { ehf: filer.ehf, importfiler: filer.importfiler, nyeLinjer: nye.length });
  const notat = [
    ...(seksjon.nummerserie === 'regnskapssystem'
      ? [
          'Fakturanummer og KID tildeles av regnskapssystemet (nh.json faktura.nummerserie = «regnskapssystem»); nh skriver ordrereferansen.',
        ]
      : []),
    ...(plan.kreditnotaer.length
      ? [
          `Kreditnotaer: ${plan.kreditnotaer.map((x) => `${x.id.fakturanr ?? x.id.ordrereferanse} krediterer ${x.id.krediterer}`).join(', ')}.`,
        ]
      : []),
    ...(plan.uendret.length
      ? [`Uendret (beholdes): ${plan.uendret.map((u) => u.fakturanr ?? u.ordrereferanse ?? u.orgnr).join(', ')}.`]
      : []),
    ...(filer.importfiler.poweroffice
      ? [
          'PowerOffice-importen: kontroller kolonnenavnene mot PowerOffices filbeskrivelse før første import («nh docs faktura»).',
        ]
      : []),
  ];

  if (!valg.forhandsvis) {
    const gamle = [filer.register, filer.xlsx, filer.csv, ...Object.values(filer.importfiler)];
    if (erstattet) {
      json.filer!.sikkerhetskopi = await sikkerhetskopier(am, `${periode}-${tidsmerke(k).replace(/:/g, '-')}`, gamle);
    } else if ((await finnes(filer.xlsx)) || (await finnes(filer.csv))) {
      // Perioden står ikke i registeret: filene er fra en avbrutt eller tom kjøring og gjelder ikke lenger.
      // EHF-filene derfra har numre som ikke er tildelt; de fjernes, så ingen gammel fil deler nummer med en ny.
      const fjernet = iPerioden.length ? [] : await fjernEhfFiler(path.join(utmappe, 'ehf'));
      const melding =
        `Fant fakturagrunnlag for ${periode} uten linjer i støtteregisteret (avbrutt eller tom kjøring); de erstattes` +
        (fjernet.length
          ? `, og ${fjernet.length} EHF-filer med numre som aldri ble ført, er fjernet (${fjernet.join(', ')}).`
          : '.');
      k.advarsler.push(advarsel('gamle-utfiler', melding, { fil: path.relative(am.rot, utmappe) }));
    }
    // Alt til midlertidige filer først, så renames: kjøringsmerket først, registeret sist (og bare om det er
    // uendret siden det ble lest). Krasjer vi før registeret, er perioden ikke fakturert og neste kjøring
    // gjør alt på nytt (med de samme numrene, siden de tildeles fra registeret); ble en --erstatt avbrutt,
    // ser neste kjøring det på kjøringsmerket.
    const utfiler = [
      kjoringsmerke(utmappe, periode, kjoring, [filer.xlsx, filer.csv]),
      { sti: filer.xlsx, innhold: xlsx },
      { sti: filer.csv, innhold: csv },
      ...dok.filer,
    ];
    await skrivMedRegister(am, reg, utfiler, nye.length ? registerCsv([...reg.linjer, ...nye], reg.ekstra) : null);
  }
  return { json, tekst: tekst(am, f, disp, treaar.status, valg, filer, json.filer?.sikkerhetskopi ?? null, notat) };
}
