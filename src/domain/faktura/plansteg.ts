/**
 * Stegene i faktureringsplanen (kjoringsplan.ts): beregningen, identitetene, nummerplanen, kurskorreksjonene og
 * linjene i nummerloggen. Ren modul.
 */
import { feil, InndataFeil, type Diagnostikk } from '../felles/diagnostikk.js';
import { deler, formatDato } from '../felles/dato.js';
import { annenStotteSomLinjer } from '../felles/stottetak.js';
import { vurderSmbPerFaktura } from './smb-kontroll.js';
import { powerofficeRute } from './regnskapsoppsett.js';
import { beregnDisponibelt, sjekkTreaarstak } from './regler.js';
import { FAKTURAREGLER, kjorRegler } from './regelliste.js';
import { beregnFakturering } from './faktura.js';
import { fakturaNokkel, planleggFakturaer, type Nummerkilde, type Plan } from './fakturanummer.js';
import { gjeldendeEur, kurskorreksjon, type EurVerdi } from './kurskorreksjon.js';
import { kjoringerILogg, logglinjer, type Logglinje } from './nummerlogg.js';
import type { AvbruttKjoring } from './utfiler.js';
import type { Datasettene, FakturaInndata, Fakturaidentitet } from './inndata.js';
import type { Fakturering, NyRegisterlinje, RegisterlinjeData } from './typer.js';

/** Periodens fakturaer; feil i dataene (og i nh.json mot dataene) meldes alle på én gang (exit 2). */
export function beregn(inn: FakturaInndata, d: Datasettene): Fakturering {
  // Kryssjekkene (kontroll/kontroll.ts, også høyst 24 timer per person per dag) kjøres i beregnFakturering.
  const { fakturering, feil: feilListe } = beregnFakturering(d.timer, d.ansatte, d.malbedrifter, inn.p);
  const alle = [...inn.oppsettfeil, ...feilListe];
  if (alle.length) throw new InndataFeil(alle);
  return fakturering;
}

export function identiteter(nummer: Plan): Map<string, Fakturaidentitet> {
  const ider = new Map<string, Fakturaidentitet>();
  for (const u of nummer.uendret)
    ider.set(u.orgnr, {
      fakturanr: u.fakturanr,
      kid: u.kid,
      fakturadato: u.fakturadato ?? u.dato,
      forfallsdato: u.forfallsdato ?? u.dato,
      ordrereferanse: u.ordrereferanse ?? `${u.periode}-${u.orgnr}`,
    });
  for (const n of nummer.nye) ider.set(n.m.orgnr, n.id);
  return ider;
}

export function nummerplan(
  inn: FakturaInndata,
  f: Fakturering,
  hoyeste: Nummerkilde | null,
): { nummer: Plan; feil: Diagnostikk[] } {
  const { nummerserie, kid, forfallsdager } = inn.oppsett;
  const brukte = inn.logg.map((l) => l.ordrereferanse).filter((r): r is string => Boolean(r));
  // PowerOffice-ordreruten (issue 21 pkt. 1): ordrenummer som tall fra serien i nh.json.
  const ordre = inn.formater.systemer.includes('poweroffice') && powerofficeRute(inn.oppsett) === 'ordre';
  const ordrenr = ordre ? inn.oppsett.poweroffice.ordrenr : undefined;
  const o = { nummerserie, kid, forfallsdager, ordrenr };
  const r = planleggFakturaer(f, inn.register.linjer, o, inn.idag, inn.datoer, hoyeste, brukte);
  if (!('feil' in r)) return { nummer: r.plan, feil: [] };
  const tom: Plan = { kreditnotaer: [], nye: [], uendret: [], hoppetOver: [] };
  return { nummer: tom, feil: [feil('kid-lengde', r.feil, { fil: 'nh.json', kolonne: 'faktura.kid.lengde' })] };
}

/**
 * Issue 19 pkt. 2: fakturaene som beholdes ved --erstatt får en kurskorreksjon når kursen i nh.json er en annen
 * enn den de står med. `fra` er EUR-verdien før korreksjonen (til utdata).
 */
export function kurskorreksjoner(
  inn: FakturaInndata,
  nummer: Plan,
  dato: FakturaInndata['idag'],
): { linjer: NyRegisterlinje[]; fra: EurVerdi[] } {
  const ut: { linjer: NyRegisterlinje[]; fra: EurVerdi[] } = { linjer: [], fra: [] };
  const brukte = new Set(inn.register.linjer.map((l) => l.ordrereferanse).filter(Boolean));
  for (const u of nummer.uendret) {
    let ref = `KK-${fakturaNokkel(u)}`;
    for (let i = 2; brukte.has(ref); i++) ref = `KK-${fakturaNokkel(u)}-${i}`;
    const k = kurskorreksjon(u, inn.register.linjer, inn.p, { kjoring: inn.kjoring, dato, ordrereferanse: ref });
    if (!k) continue;
    ut.linjer.push(k);
    ut.fra.push(gjeldendeEur(u, inn.register.linjer));
  }
  return ut;
}

/** En kreditnota reverserer fakturaens gjeldende EUR-verdi (med kurskorreksjonene), så summen blir 0. */
export function medGjeldendeEur(a: RegisterlinjeData, register: readonly RegisterlinjeData[]): RegisterlinjeData {
  return { ...a, ...gjeldendeEur(a, register) };
}

/**
 * Linjene kjøringen fører i nummerloggen: før skrivingen (annullerte numre fra avbrutte kjøringer, numre som
 * hoppes over, de tildelte, og registerlinjer loggen ikke har som ført — fra før loggen fantes, eller fra en
 * kjøring som døde rett etter registeret) og etter registeret («ført»).
 */
export function loggplan(
  inn: FakturaInndata,
  nyeLinjer: readonly NyRegisterlinje[],
  hoppetOver: readonly string[],
  avbrutt: readonly AvbruttKjoring[],
): { for: Logglinje[]; etter: Logglinje[] } {
  const d = { kjoring: inn.kjoring, periode: inn.p.periode, tidspunkt: inn.tidspunkt };
  const annullert = avbrutt.flatMap((a) => {
    const tildelt = kjoringerILogg(inn.logg).get(a.kjoring)?.tildelt ?? [];
    const merknad = a.flytt.length
      ? `kjøringen ${a.kjoring} ble avbrutt før registeret; filene er flyttet til ${a.visning}/avbrutt/`
      : `kjøringen ${a.kjoring} ble avbrutt før noen faktura ble skrevet`;
    return logglinjer(
      'annullert',
      { ...d, periode: a.periode, merknad },
      tildelt.filter((l) => l.orgnr),
    );
  });
  const hoppet = hoppetOver.map((nr) => ({
    ...d,
    hendelse: 'hoppet over' as const,
    fakturanr: nr,
    merknad: 'MOD11-KID ville endt på «-» (nh.json faktura.kid); nummeret brukes ikke',
  }));
  return {
    for: [...annullert, ...hoppet, ...ettertid(inn), ...logglinjer('tildelt', d, nyeLinjer)],
    etter: logglinjer('ført', d, nyeLinjer),
  };
}

/** Registerlinjer som står i registeret, men ikke som ført i loggen: føres i loggen i ettertid. */
function ettertid(inn: FakturaInndata): Logglinje[] {
  const fort = new Set(inn.logg.filter((l) => l.hendelse === 'ført').map((l) => l.fakturanr ?? l.ordrereferanse));
  const mangler = inn.register.linjer.filter(
    (l) => (l.fakturanr || l.ordrereferanse) && !fort.has(l.fakturanr ?? l.ordrereferanse),
  );
  return mangler.map((l) => ({
    ...logglinjer('ført', { kjoring: l.kjoring ?? '(ukjent)', periode: l.periode, tidspunkt: inn.tidspunkt }, [l])[0]!,
    merknad: `står i ${inn.register.fil} (ført ${l.fakturadato ? formatDato(l.fakturadato) : l.periode}); ført i loggen i ettertid`,
  }));
}

/**
 * Reglene (regelliste.ts) på perioden slik den blir etter kjøringen (andre perioder + denne), så kreditnotaer og
 * uendrede fakturaer ved --erstatt ikke telles to ganger. Issue 20: taket medregnet støtte fra andre, og
 * SMB-sjekken på fakturadatoen (hver faktura er ny støtte).
 */
export function regelsteg(inn: FakturaInndata, data: Datasettene, f: Fakturering) {
  const ovrige = inn.register.linjer.filter((l) => l.periode !== inn.p.periode);
  const annen = data.annen ?? [];
  const treaar = sjekkTreaarstak(f, ovrige, annenStotteSomLinjer(annen, inn.p.eurNokKurs));
  const smb = vurderSmbPerFaktura(f.malbedrifter, f.fakturadato, inn.smbSjekker, inn.godta);
  const disp = beregnDisponibelt(deler(f.fakturadato).aar, data.tilskudd, ovrige, f.totalt.stotte);
  const grunnlag = { f, p: inn.p, idag: inn.idag, ovrige, tilskudd: data.tilskudd, treaar, disp, smb };
  const regelgrunnlag = { ...grunnlag, smbSjekker: inn.smbSjekker, timer: data.timer, malbedrifter: data.malbedrifter };
  const regler = kjorRegler(
    { ...regelgrunnlag, annen, ingenStotte: inn.oppsett.ingenStotte },
    inn.regler ?? FAKTURAREGLER,
  );
  return { treaar, smb, disp, regler };
}
