/**
 * Støtteregisteret `stotteregister.csv` i arbeidsmappen: den eneste kilden for gitt innovasjonsstøtte
 * (vedlegg 3 pkt. 2 og 4.1). `nh faktura` fører det; smb-sjekk og årsrapport leser det med
 * `lesStotteregister`.
 *
 * Skrives alltid som helhet med `skrivFiler` (midlertidig fil, fsync, rename) sammen med kjøringens
 * utfiler, og bare hvis filen er byte for byte som da den ble lest (compare-and-swap under en kort
 * skrivelås): to kjøringer kan aldri miste hverandres linjer. Kolonner nh ikke kjenner (f.eks. en
 * merknadskolonne i `ignorerKolonner`), filnavnet (`Stotteregister.csv`) og en symbolsk lenke beholdes.
 * Før --erstatt tas en sikkerhetskopi i `faktura/sikkerhetskopi/`.
 */
import { mkdir, readdir, copyFile, open } from 'node:fs/promises';
import path from 'node:path';
import { stotteregisterDef } from '../../domain/datasett/stotteregister.js';
import type { Kolonne, Rad } from '../../domain/felles/rapport.js';
import type { NyRegisterlinje } from '../../domain/faktura/typer.js';
import type { Registerlinje } from '../../domain/faktura/kjoringsplan.js';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../domain/felles/diagnostikk.js';
import { normaliserNavn } from '../../domain/felles/felter.js';
import { dobbeltforinger, erKonfliktkopi, kontrollerRegisterlinjer } from '../../domain/faktura/registerkontroll.js';
import { erGyldigKid } from '../../domain/faktura/kid.js';
import { tilbakerulling } from '../../domain/faktura/nummerlogg.js';
import { LOGG_VISNING, lesNummerlogg, type LestLogg } from './nummerlogg.js';
import { sjekkManglendeRegister } from './registerspor.js';
import { tolkTabell } from '../les/datasett.js';
import { finnDatasettFil, type Arbeidsmappe } from '../arbeidsmappe.js';
import { maanedICsv, type Maaned } from '../../domain/felles/dato.js';
import { excelMaanedVakt } from '../les/maaned-i-csv.js';
import { lagCsv } from '../skriv/csv-skriv.js';
import { lesCsvTabell } from '../les/tabell-les.js';
import { medLaas } from '../skriv/laas.js';
import { lesBytes, REGISTER_FIL, registerEndret, vedSamtidigSkriving } from './registerfil.js';
import { finnes, skrivFiler, type Utfil } from '../skriv/skriv.js';

export { vedSamtidigSkriving } from './registerfil.js';
/** Kort lås rundt selve compare-and-swap + rename (holdes i millisekunder). */
const SKRIVELAAS_FIL = '.stotteregister.skrives';
/** Holdes skrivelåsen lenger enn dette, er kjøringen som tok den, død. */
const SKRIVELAAS_MS = 30_000;
export const SIKKERHETSKOPI_MAPPE = path.join('faktura', 'sikkerhetskopi');

/** Kolonnene i nøyaktig samme rekkefølge og med samme nøkler som stotteregisterDef. */
const TYPER: Record<string, Kolonne['type']> = {
  periode: 'tekst',
  dato: 'dato',
  orgnr: 'tekst',
  navn: 'tekst',
  markedsverdi: 'belop',
  egenandel: 'belop',
  mva: 'belop',
  stotte: 'belop',
  eurNokKurs: 'kurs',
  kursdato: 'dato',
  stotteEur: 'belop',
  kjoring: 'tekst',
};
const REGISTER_KOLONNER: Kolonne[] = Object.entries(stotteregisterDef.kolonner).map(([nokkel, k]) => ({
  nokkel,
  overskrift: nokkel,
  type: TYPER[nokkel] ?? (k.type === 'dato' ? 'dato' : 'tekst'),
  ...(nokkel === 'kid' ? { tekstIExcel: true } : {}),
}));

export type { Registerlinje };

/**
 * Kolonner i filen som ikke er registerkolonner (bevares ved omskriving), per linje: nøkkelen er linjens rad i
 * filen. Registeret skrives alltid som de leste linjene i samme rekkefølge pluss de nye, så hver linje beholder
 * sine egne celler (issue 23 pkt. 4); nye linjer får tomme.
 */
export type EkstraKolonner = { overskrifter: string[]; verdier: Map<number, string[]> };

export type LestRegister = {
  /** Filnavnet slik det står i mappen (f.eks. «Stotteregister.csv»), eller null om det ikke finnes. */
  fil: string | null;
  /** Stien registeret skrives til: den eksisterende filen (eller lenken), ellers stotteregister.csv. */
  sti: string;
  linjer: Registerlinje[];
  /** Bytene som ble lest (null: fantes ikke) — grunnlaget for compare-and-swap ved skriving. */
  versjon: Buffer | null;
  ekstra: EkstraKolonner;
  /** F.eks. konfliktkopier fra OneDrive/Dropbox. */
  advarsler: Diagnostikk[];
  /** Nummerloggen (faktura/nummerlogg.csv), lest sammen med registeret og kontrollert mot det. */
  logg: LestLogg;
};

/** Kolonnene i filen som ikke kobles til en registerkolonne (ignorerte eller uten overskrift). */
function finnEkstra(buf: Buffer, fil: string, am: Arbeidsmappe, linjer: readonly Registerlinje[]): EkstraKolonner {
  const kjente = new Set<string>();
  for (const [nokkel, kol] of Object.entries(stotteregisterDef.kolonner)) {
    kjente.add(normaliserNavn(nokkel));
    for (const a of kol.alias ?? []) kjente.add(normaliserNavn(a));
  }
  for (const o of Object.keys(am.config.kolonner?.[stotteregisterDef.navn] ?? {})) kjente.add(normaliserNavn(o));
  const t = lesCsvTabell(buf, fil);
  const indekser = t.overskrifter.map((h, i) => (kjente.has(normaliserNavn(h)) ? -1 : i)).filter((i) => i >= 0);
  const verdier = new Map<number, string[]>();
  if (!indekser.length) return { overskrifter: [], verdier };
  const perRad = new Map(t.radnr.map((nr, i) => [nr, t.rader[i]!]));
  for (const l of linjer) {
    const celler = l.kilde?.rad !== undefined ? perRad.get(l.kilde.rad) : undefined;
    if (celler)
      verdier.set(
        l.kilde!.rad!,
        indekser.map((i) => String(celler[i] ?? '')),
      );
  }
  return { overskrifter: indekser.map((i) => t.overskrifter[i]!), verdier };
}

/** Advarsler for synkroniseringskonflikt-kopier av registeret i arbeidsmappen. */
async function konfliktkopier(am: Arbeidsmappe, fil: string | null): Promise<Diagnostikk[]> {
  const filer = await readdir(am.rot).catch(() => [] as string[]);
  return filer
    .filter((f) => f !== fil && erKonfliktkopi(f))
    .map((f) =>
      advarsel(
        'konfliktkopi',
        `«${f}» ser ut som en konfliktkopi av støtteregisteret (OneDrive/SharePoint/Dropbox lager slike når to PC-er endrer filen samtidig). nh leser bare ${fil ?? REGISTER_FIL}: sammenlign filene, før inn linjer som bare står i kopien, og slett kopien eller flytt den ut av arbeidsmappen.`,
        { fil: f },
      ),
    );
}

/**
 * Leser registeret (tomt om filen ikke finnes). Rader med feil, og en periode ført to ganger for samme
 * orgnr, gir InndataFeil med fil og rad.
 */
export async function lesStotteregister(am: Arbeidsmappe): Promise<LestRegister> {
  const funnet = await finnDatasettFil(am.rot, stotteregisterDef.navn);
  const fil = funnet ? path.basename(funnet) : null;
  if (fil && fil.toLowerCase() !== REGISTER_FIL) {
    const melding = `Støtteregisteret må være ${REGISTER_FIL} (nh fører det selv), ikke ${fil}.`;
    throw new InndataFeil([feil('register-xlsx', melding, { fil })]);
  }
  const sti = am.sti(fil ?? REGISTER_FIL);
  // Bytene leses ÉN gang og tolkes derfra: versjonen compare-and-swap sammenligner med, er nøyaktig den
  // linjene kom fra (og «fantes ikke» er null, så et register som dukker opp i mellomtiden, oppdages).
  const versjon = fil ? await lesBytes(sti) : null;
  const logg = await lesNummerlogg(am);
  if (!fil || !versjon) {
    await vedSamtidigSkriving(am, sti, null, () => sjekkManglendeRegister(am, logg.linjer, REGISTER_FIL));
    const ekstra = { overskrifter: [], verdier: new Map<number, string[]>() };
    return { fil: null, sti, linjer: [], versjon: null, ekstra, advarsler: await konfliktkopier(am, null), logg };
  }
  const vakt = excelMaanedVakt('periode'); // issue 16: perioder Excel har gjort om til datoer
  const linjer = medKidLengde(tolkTabell(lesCsvTabell(versjon, fil), stotteregisterDef, am.config, vakt.filter), am);
  const brudd = [
    ...dobbeltforinger(linjer),
    ...kontrollerRegisterlinjer(linjer, fil),
    ...tilbakerulling(linjer, logg.linjer, { register: fil, logg: LOGG_VISNING }),
  ];
  if (brudd.length) await vedSamtidigSkriving(am, sti, versjon, () => Promise.reject(new InndataFeil(brudd)));
  const ekstra = finnEkstra(versjon, fil, am, linjer);
  const advarsler = [...vakt.advarsler(fil), ...(await konfliktkopier(am, fil))];
  return { fil, sti, linjer, versjon, ekstra, advarsler, logg };
}

/**
 * KID-en mister 0 foran når registeret har vært en tur i Excel (0100014 → 100014): leses tilbake fylt med 0 til
 * lengden i nh.json (faktura.kid.lengde) når den da er gyldig (issue 23, lav).
 */
function medKidLengde<L extends Registerlinje>(linjer: L[], am: Arbeidsmappe): L[] {
  const { lengde, metode } = am.config.faktura.kid;
  for (const l of linjer) {
    if (!l.kid || !/^\d+[\d-]$/.test(l.kid) || l.kid.length >= lengde) continue;
    const fylt = l.kid.padStart(lengde, '0');
    if (erGyldigKid(fylt, metode)) l.kid = fylt;
  }
  return linjer;
}

export function registerCsv(linjer: readonly (Registerlinje | NyRegisterlinje)[], ekstra?: EkstraKolonner): string {
  const ekstraKol: Kolonne[] = (ekstra?.overskrifter ?? []).map((o, i) => ({
    nokkel: `\u0000ekstra${i}`,
    overskrift: o,
    type: 'tekst',
  }));
  return lagCsv(
    [...REGISTER_KOLONNER, ...ekstraKol],
    linjer.map((l) => {
      const rad: Rad = {};
      for (const k of REGISTER_KOLONNER) rad[k.nokkel] = (l as Record<string, Rad[string]>)[k.nokkel];
      const radnr = 'kilde' in l ? l.kilde?.rad : undefined;
      const v = radnr !== undefined ? ekstra?.verdier.get(radnr) : undefined;
      ekstraKol.forEach((k, i) => {
        rad[k.nokkel] = v?.[i] ?? '';
      });
      rad.periode = maanedICsv(l.periode as Maaned);
      return rad;
    }),
  );
}

/**
 * Compare-and-swap: registeret på disk må være byte for byte det vi leste. Ellers har en annen kjøring
 * skrevet i mellomtiden, og å skrive nå ville slette linjene dens.
 */
export async function sjekkUendret(reg: LestRegister): Promise<void> {
  const naa = await lesBytes(reg.sti);
  const lik = naa === null || reg.versjon === null ? naa === reg.versjon : naa.equals(reg.versjon);
  if (!lik) throw registerEndret(reg.sti);
}

/** Testpunktene krasjtestene dreper prosessen ved rundt registeret (NH_TESTPUNKT_DREP). */
const REGISTER_TESTPUNKTER = {
  halvskrevet: 'stotteregister:halvskrevet',
  forRename: ['faktura:for-register', 'stotteregister:for-rename'],
  etterRename: 'stotteregister:etter-rename',
};

/**
 * Skriver kjøringens utfiler og (om `register` ikke er null) registeret i ett `skrivFiler`-kall:
 * alle midlertidige filer først, så — under skrivelåsen og bare om registeret er uendret siden det ble
 * lest — renamene, registeret sist. Gir stiene som ble skrevet.
 */
export async function skrivMedRegister(
  am: Arbeidsmappe,
  reg: LestRegister,
  utfiler: Utfil[],
  register: string | null,
): Promise<string[]> {
  const filer = [...utfiler];
  if (register !== null) filer.push({ sti: reg.sti, innhold: register, testpunkter: REGISTER_TESTPUNKTER });
  return skrivFiler(filer, {
    overskriv: true,
    kritisk: (renameAlle) =>
      medLaas(
        am.sti(SKRIVELAAS_FIL),
        async () => {
          if (register !== null) await sjekkUendret(reg);
          await renameAlle();
        },
        { maksAlderMs: SKRIVELAAS_MS },
      ),
  });
}

/** Bare registeret (uten utfiler). */
export async function skrivStotteregister(am: Arbeidsmappe, reg: LestRegister, innhold: string): Promise<void> {
  await skrivMedRegister(am, reg, [], innhold);
}

/**
 * Sikkerhetskopi før --erstatt: registeret og periodens gamle utfiler kopieres til
 * `faktura/sikkerhetskopi/<merke>/`. Gir mappen, eller null om det ikke fantes noe å kopiere.
 */
export async function sikkerhetskopier(
  am: Arbeidsmappe,
  merke: string,
  filer: readonly string[],
): Promise<string | null> {
  const finnesNaa: string[] = [];
  for (const f of filer) if (await finnes(f)) finnesNaa.push(f);
  if (!finnesNaa.length) return null;
  let mappe = am.sti(SIKKERHETSKOPI_MAPPE, merke);
  for (let i = 2; await finnes(mappe); i++) mappe = am.sti(SIKKERHETSKOPI_MAPPE, `${merke}-${i}`);
  await mkdir(mappe, { recursive: true });
  for (const f of finnesNaa) {
    const mal = path.join(mappe, path.basename(f));
    await copyFile(f, mal);
    const fh = await open(mal, 'r+');
    await fh.sync().finally(() => fh.close());
  }
  return mappe;
}

// Flyttet ut (filen var over 300 linjer); eksportert herfra også, så eksisterende importer virker.
export { finnSmbSjekker } from './smb-sjekker.js';
export { lesCsvMal } from './csv-mal.js';
