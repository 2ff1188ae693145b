/**
 * SMB-sjekken per faktura (issue 20 pkt. 1–3). Hver faktura er en ny tildeling av støtte, så målbedriftens
 * status vurderes på fakturadatoen, ikke bare ved opptaket:
 *
 * - 4.3 og definisjonen «Målbedrift»: målbedriften «skal alltid være en norsk SMB»; vedlegg 3 pkt. 2: «Det er
 *   ikke anledning til å ta opp bedrifter «i vanskeligheter»», og forbudet i GBER art. 1 nr. 4 c gjelder
 *   *støtte* — hver faktura er støtte.
 * - Pkt. 1: den siste SMB-sjekken datert på eller før fakturadatoen gjelder (en senere «KAN IKKE TAS OPP»
 *   stopper støtten; en senere rettet «KAN TAS OPP» gjelder også).
 * - Pkt. 2: «KAN IKKE TAS OPP» avviser kjøringen (exit 1) og navngir målbedriften og sjekken, med mindre
 *   administratoren har dokumentert en annen vurdering (`--godta-smb <orgnr>=<grunn>`, skrevet i registeret).
 *   «MÅ VURDERES» er en advarsel.
 * - Pkt. 3: advarsel når sjekken er eldre enn 12 måneder, eldre enn det siste årsregnskapet som skal være
 *   offentlig, eller brukte treårsunntaket (kapitaltap) som har løpt ut.
 * Ren modul.
 */
import { z } from 'zod';
import { formatDato, leggTilMaaneder, parseDato, deler, lagDato, type Dato } from '../felles/dato.js';
import { advarsel, feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { normaliserOrgnr, erGyldigOrgnr } from '../felles/orgnr.js';
import type { Avvisning } from './regler.js';

/** En SMB-sjekk i arbeidsmappen (`nh smb-sjekk`), med det faktura trenger for å vurdere om den er fersk. */
export type SmbSjekkPost = {
  dato: Dato;
  /** Dommen; null = posten kunne ikke leses. */
  dom: string | null;
  /** Slutten av regnskapsperioden sjekken bygde på (det siste årsregnskapet), når posten har den. */
  regnskapTil?: Dato | null;
  /** Første dag treårsunntaket (kapitaltap) ikke lenger gjelder, når sjekken brukte unntaket. */
  treaarsunntakSlutt?: Dato | null;
};

const datoFelt = z
  .string()
  .nullish()
  .transform((v) => (v ? parseDato(v) : null));

/**
 * Det faktura leser av en post fra `nh smb-sjekk` (resten er dokumentasjon for revisor). Posten fra versjon 2
 * har `oppfolging` (src/domain/smb/post.ts, docs/smb-sjekk.md «Posten og oppfølgingen i faktura»):
 * årsregnskapet sjekken bygde på og treårsunntaket. Eldre poster: `tall.regnskapsperiode` og kriteriet
 * «kapitaltap» («Unntatt: … unntaket gjelder til dd.mm.åååå»).
 */
const postSkjema = z.looseObject({
  dom: z.string(),
  oppfolging: z
    .looseObject({
      regnskap: z.looseObject({ til: datoFelt }).nullish(),
      sisteInnsendteAarsregnskap: z.number().int().nullish(),
      treaarsunntak: z.looseObject({ brukt: z.boolean(), utloper: datoFelt }).nullish(),
    })
    .nullish(),
  tall: z.looseObject({ regnskapsperiode: z.looseObject({ til: datoFelt }).nullish() }).nullish(),
  kriterier: z
    .array(z.looseObject({ id: z.string(), status: z.string().optional(), grunnlag: z.string().optional() }))
    .nullish(),
});

/** Tolker en SMB-post (JSON) for faktura; en post som ikke kan leses, gir dom null (advarsel, ikke støtte i stillhet). */
export function tolkSmbPost(dato: Dato, json: unknown): SmbSjekkPost {
  const r = postSkjema.safeParse(json);
  if (!r.success) return { dato, dom: null };
  const p = r.data;
  const o = p.oppfolging;
  if (o) {
    // Uten regnskap i Regnskapsregisteret: det siste innsendte regnskapsåret (kalenderår) når Enhetsregisteret har det.
    const aar = o.sisteInnsendteAarsregnskap;
    const regnskapTil = o.regnskap?.til ?? (aar ? lagDato(aar, 12, 31) : null);
    const t = o.treaarsunntak;
    return { dato, dom: p.dom, regnskapTil, treaarsunntakSlutt: t?.brukt ? (t.utloper ?? null) : null };
  }
  const regnskapTil = p.tall?.regnskapsperiode?.til ?? null;
  let treaarsunntakSlutt: Dato | null = null;
  const kapitaltap = p.kriterier?.find((k) => k.id === 'kapitaltap');
  if (kapitaltap?.status === 'ok' && kapitaltap.grunnlag?.startsWith('Unntatt')) {
    const m = /gjelder til (\d{2}\.\d{2}\.\d{4})/.exec(kapitaltap.grunnlag);
    treaarsunntakSlutt = m ? parseDato(m[1]!) : null;
  }
  return { dato, dom: p.dom, regnskapTil, treaarsunntakSlutt };
}

export type SmbStatus = {
  status: 'ok' | 'mangler' | 'ma-vurderes' | 'ikke-ok' | 'uleselig';
  siste?: SmbSjekkPost;
  poster: SmbSjekkPost[];
};

/** Pkt. 1: status for den siste SMB-sjekken datert på eller før fakturadatoen. */
export function smbStatusPaa(
  orgnr: string,
  fakturadato: Dato,
  sjekker: ReadonlyMap<string, readonly SmbSjekkPost[]>,
): SmbStatus {
  const poster = [...(sjekker.get(orgnr) ?? [])].sort((a, b) => (a.dato < b.dato ? -1 : a.dato > b.dato ? 1 : 0));
  const siste = poster.filter((p) => p.dato <= fakturadato).at(-1);
  if (!siste) return { status: 'mangler', poster };
  const status =
    siste.dom === null
      ? 'uleselig'
      : siste.dom === 'KAN TAS OPP'
        ? 'ok'
        : siste.dom === 'KAN IKKE TAS OPP'
          ? 'ikke-ok'
          : 'ma-vurderes';
  return { status, siste, poster };
}

/** Kort tekst for SMB-statusen (arbeidsboken og --json). */
export function smbStatusTekst(s: SmbStatus, godtatt?: string): string {
  if (s.status === 'mangler') return 'Mangler SMB-sjekk før fakturadatoen';
  const dato = formatDato(s.siste!.dato);
  if (s.status === 'uleselig') return `Uleselig (${dato})`;
  return `${s.siste!.dom} (${dato})${godtatt !== undefined ? ' — godtatt med --godta-smb' : ''}`;
}

/** Regnskapsloven § 8-2 / aksjeloven § 5-5: fastsatt innen seks måneder, sendt innen én måned etter. */
const MAANEDER_TIL_OFFENTLIG = 7;

/** Pkt. 3: hvorfor sjekken bør fornyes før denne fakturaen (tom liste: den er fersk nok). */
export function grunnerTilNySjekk(p: SmbSjekkPost, fakturadato: Dato): string[] {
  const grunner: string[] = [];
  if (p.dato < leggTilMaaneder(fakturadato, -12)) grunner.push('den er eldre enn 12 måneder');
  if (p.regnskapTil) {
    // Neste årsregnskap (perioden slutter 12 måneder senere) skal være offentlig 7 måneder etter det.
    const nesteOffentlig = leggTilMaaneder(p.regnskapTil, 12 + MAANEDER_TIL_OFFENTLIG);
    if (fakturadato > nesteOffentlig)
      grunner.push(
        `den bygde på årsregnskapet til ${formatDato(p.regnskapTil)}, og det neste skulle vært offentlig innen ${formatDato(nesteOffentlig)}`,
      );
  } else {
    // Uten regnskapsperiode i posten: regnet med kalenderår (årsregnskapet offentlig innen 31. juli året etter).
    const { aar } = deler(fakturadato);
    const frist = lagDato(fakturadato >= `${aar}-08-01` ? aar : aar - 1, 7, 31);
    if (p.dato <= frist && frist < fakturadato)
      grunner.push(
        `årsregnskapet for ${deler(frist).aar - 1} skulle vært offentlig innen ${formatDato(frist)}, etter sjekken (regnet med kalenderår)`,
      );
  }
  if (p.treaarsunntakSlutt && fakturadato >= p.treaarsunntakSlutt)
    grunner.push(
      `den brukte treårsunntaket for kapitaltap, som gjaldt bare til ${formatDato(p.treaarsunntakSlutt)} (vedlegg 3 pkt. 2)`,
    );
  return grunner;
}

export type SmbPerFaktura = {
  status: Map<string, SmbStatus>;
  /** Orgnr → teksten som skrives i registeret (kolonnen smbGodtatt) når --godta-smb er brukt. */
  godtatt: Map<string, string>;
  avvisninger: Avvisning[];
  advarsler: Diagnostikk[];
};

/** Pkt. 1–3 for alle fakturaene i kjøringen. `godta`: orgnr → grunn fra --godta-smb. */
export function vurderSmbPerFaktura(
  fakturaer: readonly { orgnr: string; navn: string }[],
  fakturadato: Dato,
  sjekker: ReadonlyMap<string, readonly SmbSjekkPost[]>,
  godta: ReadonlyMap<string, string> = new Map(),
  mappe = 'smb-sjekk',
): SmbPerFaktura {
  const ut: SmbPerFaktura = { status: new Map(), godtatt: new Map(), avvisninger: [], advarsler: [] };
  const fd = formatDato(fakturadato);
  for (const m of fakturaer) {
    const s = smbStatusPaa(m.orgnr, fakturadato, sjekker);
    ut.status.set(m.orgnr, s);
    vurderFaktura(ut, s, { ...m, hvem: `${m.navn} (${m.orgnr})`, fakturadato, fd, mappe }, godta.get(m.orgnr));
  }
  for (const orgnr of godta.keys())
    if (!ut.godtatt.has(orgnr))
      ut.advarsler.push(
        advarsel(
          'godta-smb-ubrukt',
          `--godta-smb ${orgnr} er ikke brukt: ${ut.status.has(orgnr) ? 'den siste SMB-sjekken sier ikke «KAN IKKE TAS OPP»' : 'målbedriften faktureres ikke i denne kjøringen'}.`,
        ),
      );
  return ut;
}

/** Målbedriften på fakturaen, med tekstene meldingene trenger. */
type Mottaker = { orgnr: string; navn: string; hvem: string; fakturadato: Dato; fd: string; mappe: string };

/** Pkt. 1–3 for én faktura: legger avvisningen, advarslene og en eventuell godtatt grunn til i `ut`. */
function vurderFaktura(ut: SmbPerFaktura, s: SmbStatus, m: Mottaker, grunn: string | undefined): void {
  const { hvem, fd } = m;
  if (s.status === 'mangler') {
    const andre = s.poster.length ? ` (bare etter: ${s.poster.map((p) => formatDato(p.dato)).join(', ')})` : '';
    ut.advarsler.push(
      advarsel(
        'mangler-smb-sjekk',
        `${hvem} har ingen SMB-sjekk datert på eller før fakturadatoen ${fd}${andre}. Vedlegg 3 pkt. 2 og 4.3: målbedriften skal være en SMB som ikke er i vanskeligheter, og hver faktura er ny støtte. Kjør «nh smb-sjekk» for målbedriften.`,
        { fil: `${m.mappe}/${m.orgnr}-<dato>.json` },
      ),
    );
    return;
  }
  const p = s.siste!;
  const fil = `${m.mappe}/${m.orgnr}-${p.dato}.json`;
  if (s.status === 'ikke-ok') {
    vurderIkkeOk(ut, m, p, fil, grunn);
    return;
  }
  if (s.status === 'ma-vurderes' || s.status === 'uleselig') {
    const hva = s.status === 'uleselig' ? 'kunne ikke leses' : `sa «${p.dom}»`;
    ut.advarsler.push(
      advarsel(
        s.status === 'uleselig' ? 'smb-sjekk-uleselig' : 'smb-ma-vurderes',
        `${hvem}: den siste SMB-sjekken før fakturadatoen ${fd} (${formatDato(p.dato)}) ${hva}. Vedlegg 3 pkt. 2: støtte kan bare gis til en SMB som ikke er i vanskeligheter — dokumenter vurderingen, eller kjør «nh smb-sjekk» for målbedriften med det som mangler.`,
        { fil },
        { verdi: p.dom ?? 'uleselig', forventet: 'KAN TAS OPP' },
      ),
    );
  }
  const grunner = grunnerTilNySjekk(p, m.fakturadato);
  if (grunner.length)
    ut.advarsler.push(
      advarsel(
        'smb-sjekk-bor-fornyes',
        `${hvem}: SMB-sjekken bør fornyes før fakturaen ${fd} — hver faktura er ny støtte (4.3, vedlegg 3 pkt. 2). Sjekken fra ${formatDato(p.dato)}: ${grunner.join('; ')}. Kjør «nh smb-sjekk» på nytt for målbedriften.`,
        { fil },
      ),
    );
}

/** Pkt. 2: «KAN IKKE TAS OPP» avviser kjøringen, med mindre --godta-smb gir en dokumentert grunn (`grunn`). */
function vurderIkkeOk(ut: SmbPerFaktura, m: Mottaker, p: SmbSjekkPost, fil: string, grunn: string | undefined): void {
  const { hvem, fd } = m;
  if (grunn !== undefined) {
    const tekst = `SMB-sjekk ${formatDato(p.dato)} sa «KAN IKKE TAS OPP»; godtatt: ${grunn}`;
    ut.godtatt.set(m.orgnr, tekst);
    ut.advarsler.push(
      advarsel(
        'smb-godtatt',
        `${hvem}: den siste SMB-sjekken (${formatDato(p.dato)}) sa «KAN IKKE TAS OPP», men støtten gis etter en dokumentert annen vurdering (--godta-smb): «${grunn}». Grunnen skrives i støtteregisteret (kolonnen smbGodtatt).`,
        { fil },
      ),
    );
  } else
    ut.avvisninger.push({
      kode: 'smb-kan-ikke-tas-opp',
      orgnr: m.orgnr,
      navn: m.navn,
      melding: `${hvem}: den siste SMB-sjekken før fakturadatoen ${fd} (${fil}) sa «KAN IKKE TAS OPP». Støtte kan ikke gis til en bedrift som ikke er SMB eller er i vanskeligheter (vedlegg 3 pkt. 2, 4.3), og hver faktura er ny støtte. Kjør «nh smb-sjekk ${m.orgnr}» på nytt om forholdene er endret, eller dokumenter en annen vurdering med --godta-smb ${m.orgnr}="<grunn>".`,
      tall: {},
    });
}

/** Minst så mange tegn i grunnen, så «ok» ikke blir en dokumentert vurdering. */
const MIN_GRUNN = 10;

/** `--godta-smb <orgnr>=<grunn>` (også «:» som skille), flere ganger. Feil: exit 2 med forventet form. */
export function tolkGodtaSmb(verdier: readonly string[]): { godta: Map<string, string>; feil: Diagnostikk[] } {
  const godta = new Map<string, string>();
  const ds: Diagnostikk[] = [];
  for (const v of verdier) {
    const m = /^\s*([\d\s]{9,11})\s*[=:]\s*(.*)$/s.exec(v);
    const orgnr = m ? normaliserOrgnr(m[1]!) : '';
    const grunn = m ? m[2]!.trim().replace(/\s+/g, ' ') : '';
    if (!m || !erGyldigOrgnr(orgnr) || grunn.length < MIN_GRUNN) {
      ds.push(
        feil(
          'ugyldig-flagg',
          `--godta-smb «${v}»: ${!m || !erGyldigOrgnr(orgnr) ? 'forventet et gyldig orgnr' : `grunnen er for kort (minst ${MIN_GRUNN} tegn)`}.`,
          undefined,
          {
            forventet:
              '<orgnr>=<grunn>, f.eks. --godta-smb 923609016="Konsernet tilførte 2 mill. i egenkapital 01.10.2026 (styrevedtak)"',
          },
        ),
      );
      continue;
    }
    godta.set(orgnr, grunn);
  }
  return { godta, feil: ds };
}
