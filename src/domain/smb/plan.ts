/**
 * SMB-sjekkens plan (issue 22 pkt. 3: les → planlegg → spør → skriv): alt som er lest (registerdata, flagg,
 * eierskapsfilen, nh.json, støtteregisteret) → fakta, vurdering, oppfølgingsfeltene til posten, og hvilke
 * spørsmål som ville gjort vurderingen mer endelig. Ren: ingen I/O. Kommandoen spør (på en TTY) om det første
 * spørsmålet den ikke har stilt, legger svaret i flaggene og planlegger på nytt, til det ikke er flere.
 */
import type { Dato } from '../felles/dato.js';
import { byggFakta, type EnhetData, type FaktaFlagg, type RegnskapData } from './fakta.js';
import { OFFENTLIGE_FORMER, OFFENTLIGE_SEKTORER } from './lister.js';
import { oppfolgingFor, type Oppfolging } from './post.js';
import { vurderSmb } from './smb.js';
import type { Vurdering } from './vurdering.js';
import type { Kurs, OffentligEier, Relasjon, SmbFakta, SmbResultat, Stottestatus } from './typer.js';

/** Flaggene (og svarene på spørsmålene) slik planen bruker dem. */
export type PlanFlagg = FaktaFlagg & {
  partnere: Relasjon[];
  tilknyttede: Relasjon[];
  /** --offentlig-eier orgnr:andel (andel i ppm). */
  offentlige: { orgnr: string; andel: number }[];
  /** --unntatt-investor orgnr: GBER vedlegg I art. 3 nr. 2 gjelder. */
  unntatte: string[];
  /** --vurdert: administratorens begrunnede vurderinger (domain/smb/vurdering.ts). */
  vurderinger: Vurdering[];
  kurs?: Kurs;
};

export type PlanInn = {
  orgnr: string;
  idag: Dato;
  kurs: Kurs;
  enhet: EnhetData | null;
  underenhet: { orgnr: string; navn: string } | null;
  regnskap: RegnskapData[] | null;
  regnskapFeil: { status: number; melding: string | null } | null;
  flagg: PlanFlagg;
  /** --selvstendig eller --eierskap er gitt (eller svaret på spørsmålet om eierskap). */
  eierskapOppgitt: boolean;
  fraFil: { partnere: Relasjon[]; tilknyttede: Relasjon[]; offentlige: { orgnr: string; andel: number }[] };
  /** Eiere (og morselskapet) slik Enhetsregisteret svarte, når de ble slått opp på nett. */
  eiereIRegisteret: ReadonlyMap<string, EnhetData>;
  innovasjon: { flagg: boolean; liste: readonly string[]; naeringshage: string };
  stotte: Stottestatus;
};

/** Spørsmålene, i den rekkefølgen de stilles. */
const SPORSMAAL = [
  'registerdata',
  'regnskapstall',
  'eierskap',
  'egenkapital',
  'konkurs-avvikling',
  'redningsstotte',
  'konsern',
  'betalingsevne',
  'konsern-betalingsevne',
] as const;
export type Sporsmaal = (typeof SPORSMAAL)[number];

export type Plan = {
  fakta: SmbFakta;
  res: SmbResultat;
  /** Spørsmål som kan gjøre vurderingen mer endelig (bare stilt på en TTY). */
  sporsmal: Sporsmaal[];
  /** Uten registerdata: flaggene som må finnes for å vurdere i det hele tatt (ellers exit 2). */
  manglerRegisterdata: string[];
  oppfolging: Oppfolging;
};

/** GBER vedlegg I art. 3 nr. 4: offentlige eiere fra flagg, eierskapsfil og registeret (orgform/sektor). */
function offentligeEiere(inn: PlanInn, rel: readonly Relasjon[]): OffentligEier[] {
  const fl = inn.flagg;
  const ut = new Map<string, OffentligEier>();
  const legg = (orgnr: string, andel: number, grunn: string) => {
    if (!ut.has(orgnr)) ut.set(orgnr, { orgnr, andel, grunn, unntatt: fl.unntatte.includes(orgnr) });
  };
  for (const o of fl.offentlige) legg(o.orgnr, o.andel, 'oppgitt med --offentlig-eier');
  for (const o of inn.fraFil.offentlige) legg(o.orgnr, o.andel, 'kolonnen «offentlig» i eierskapsfilen');
  for (const r of rel) {
    const e = inn.eiereIRegisteret.get(r.orgnr);
    if (!e) continue;
    const form = e.organisasjonsform.kode;
    const sektor = e.institusjonellSektorkode?.kode;
    if (OFFENTLIGE_FORMER[form])
      legg(r.orgnr, r.andel, `Enhetsregisteret: organisasjonsform ${form} (${OFFENTLIGE_FORMER[form]})`);
    else if (sektor && OFFENTLIGE_SEKTORER[sektor])
      legg(r.orgnr, r.andel, `Enhetsregisteret: sektorkode ${sektor} (${OFFENTLIGE_SEKTORER[sektor]})`);
  }
  return [...ut.values()];
}

/** Programveileder 4.3: andre innovasjonsselskap — flagg, nh.json-listen (også hovedenheten) eller hagen selv. */
function innovasjon(inn: PlanInn): { verdi: boolean; fra: string } {
  const i = inn.innovasjon;
  if (i.flagg) return { verdi: true, fra: '--innovasjonsselskap' };
  if (i.liste.includes(inn.orgnr)) return { verdi: true, fra: 'nh.json smb.innovasjonsselskaper' };
  if (inn.enhet && i.liste.includes(inn.enhet.organisasjonsnummer))
    return { verdi: true, fra: 'nh.json smb.innovasjonsselskaper (hovedenheten)' };
  if (inn.orgnr === i.naeringshage) return { verdi: true, fra: 'næringshagen selv (nh.json naeringshage.orgnr)' };
  return { verdi: false, fra: '' };
}

/** Hvilke spørsmål som gjenstår (i SPORSMAAL-rekkefølge), ut fra faktaene. */
function sporsmalFor(inn: PlanInn, f: SmbFakta, registerdata: readonly string[]): Sporsmaal[] {
  const fl = inn.flagg;
  const iKonsern = f.erIKonsern === true || f.tilknyttede.length > 0;
  const k = f.konsern;
  const aktuelle: Record<Sporsmaal, boolean> = {
    registerdata: registerdata.length > 0,
    regnskapstall:
      inn.enhet !== null && (fl.omsetning === undefined || fl.balanse === undefined) && (!f.omsetning || !f.balanse),
    eierskap: !f.eierskapOppgitt,
    egenkapital: f.sumEk === null,
    'konkurs-avvikling': f.statuser === null && f.konkursOppgitt === null,
    redningsstotte: f.redningsstotte === null,
    konsern: iKonsern && (!k.egenkapital || !k.kapital || !k.registrert),
    betalingsevne: f.sumEk !== null && f.sumEk.verdi < 0 && f.betalingsevne === null,
    'konsern-betalingsevne': iKonsern && k.egenkapital !== null && k.egenkapital.verdi < 0 && k.betalingsevne === null,
  };
  return SPORSMAAL.filter((s) => aktuelle[s]);
}

/** Planen: fakta, vurdering, spørsmål som gjenstår og postens oppfølgingsfelt. */
export function planlegg(inn: PlanInn): Plan {
  const fl = inn.flagg;
  const partnere = [...fl.partnere, ...inn.fraFil.partnere];
  const tilknyttede = [...fl.tilknyttede, ...inn.fraFil.tilknyttede];
  const oppgitt = inn.eierskapOppgitt || fl.partnere.length > 0 || fl.tilknyttede.length > 0;
  const mor = fl.morselskap ? inn.eiereIRegisteret.get(fl.morselskap) : undefined;
  const fakta = byggFakta({
    orgnr: inn.orgnr,
    enhet: inn.enhet,
    regnskap: inn.regnskap,
    regnskapFeil: inn.regnskapFeil,
    underenhet: inn.underenhet,
    flagg: fl,
    eierskap: { oppgitt, partnere, tilknyttede, offentlige: offentligeEiere(inn, [...partnere, ...tilknyttede]) },
    innovasjon: innovasjon(inn),
    morselskapEnhet: mor ?? null,
  });
  if (inn.enhet) fakta.orgnr = inn.enhet.organisasjonsnummer;
  const res = vurderSmb({ fakta, idag: inn.idag, kurs: inn.kurs, stotte: inn.stotte, vurderinger: fl.vurderinger });
  const manglerRegisterdata = inn.enhet
    ? []
    : [
        fl.orgform === undefined && '--orgform',
        fl.arsverk === undefined && '--ansatte',
        fl.omsetning === undefined && '--omsetning',
        fl.balanse === undefined && '--balanse',
      ].filter((x): x is string => Boolean(x));
  return {
    fakta,
    res,
    sporsmal: sporsmalFor(inn, fakta, manglerRegisterdata),
    manglerRegisterdata,
    oppfolging: oppfolgingFor(fakta, res),
  };
}
