/**
 * Fakturaidentitet (nummer, KID, fakturadato, forfall, ordrereferanse) og erstatning med kreditnota.
 * Identiteten står i støtteregisteret: numre tildeles én gang, fra serien i nh.json («faktura.nummerserie»),
 * neste nummer er høyeste nummer i registeret + 1 (aldri under «forste»), og et nummer brukes aldri om igjen —
 * heller ikke når fakturaen krediteres. Ren modul: ingen fil, ingen prosess.
 *
 * Programveileder 10.4: støtten regnes som gitt når tjenesten er utført og fakturaen sendt; en rettet faktura
 * krediteres (kreditnota med negative beløp i registeret) og erstattes av en ny med nytt nummer, så summen
 * av støtte per målbedrift (treårstaket, vedlegg 3 pkt. 2) og per år (disponibelt, 4.1) blir riktig.
 */
import { leggTilDager, sisteDag, type Dato } from '../felles/dato.js';
import { lagKid } from './kid.js';
import { feil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import type { Nummeroppsett, Identitet, RegisterlinjeData, Fakturagrunnlag, Fakturering } from './typer.js';

/** Nøkkelen en kreditnota peker på: fakturanummeret, ellers ordrereferansen (eldre linjer: periode-orgnr). */
export function fakturaNokkel(
  l: Pick<RegisterlinjeData, 'fakturanr' | 'ordrereferanse' | 'periode' | 'orgnr'>,
): string {
  return l.fakturanr || l.ordrereferanse || `${l.periode}-${l.orgnr}`;
}

/** Fakturaene i linjene som ikke er kreditert. */
export function aktiveFakturaer<L extends RegisterlinjeData>(linjer: readonly L[]): L[] {
  const kreditert = new Set(linjer.filter((l) => l.type === 'kreditnota' && l.krediterer).map((l) => l.krediterer!));
  return linjer.filter((l) => (!l.type || l.type === 'faktura') && !kreditert.has(fakturaNokkel(l)));
}

/** Høyeste numeriske fakturanummer i registeret (0 om ingen). */
function hoyesteNummer(linjer: readonly Pick<RegisterlinjeData, 'fakturanr'>[]): number {
  let maks = 0;
  for (const l of linjer) if (l.fakturanr && /^\d+$/.test(l.fakturanr)) maks = Math.max(maks, Number(l.fakturanr));
  return maks;
}

export type Plan = {
  kreditnotaer: { gammel: RegisterlinjeData; id: Identitet }[];
  nye: { m: Fakturagrunnlag; id: Identitet }[];
  /** Fakturaer i perioden som er uendret ved --erstatt (beholdes, ingen kreditnota). */
  uendret: RegisterlinjeData[];
  /** Numre som ikke brukes fordi MOD11-KID-en ville endt på «-» (står i nummerloggen som «hoppet over»). */
  hoppetOver: string[];
};

/** Det høyeste nummeret nh har utstedt i arbeidsmappen, og hvor det står (register, EHF-fil, logg …). */
export type Nummerkilde = { nr: number; kilde: string };

const samme = (a: RegisterlinjeData, m: Fakturagrunnlag) =>
  a.markedsverdi === m.markedsverdi &&
  a.egenandel === m.egenandel &&
  a.mva === m.mva &&
  a.stotte === m.stotte &&
  a.navn === m.navn;

/**
 * Tildeler numre (og KID) fra serien og ordrereferanser som ikke er brukt før i registeret. Neste nummer er
 * høyeste nummer nh har utstedt noe sted (`hoyeste`: registeret, loggen, EHF-filer, fakturagrunnlag …) + 1, så en
 * tilbakerullet fil aldri får et nummer til å bli brukt to ganger. Med MOD11 hoppes numre over der KID-en ville
 * endt på «-» (mange banker avviser den; issue 21 pkt. 8); de står i `hoppetOver`.
 */
function tildeler(
  register: readonly RegisterlinjeData[],
  o: Nummeroppsett,
  hoyeste: Nummerkilde | null,
  brukte: readonly string[],
) {
  const forrige = Math.max(hoyesteNummer(register), hoyeste?.nr ?? 0);
  let neste = o.nummerserie === 'regnskapssystem' ? 0 : Math.max(o.nummerserie.forste, forrige + 1);
  const hoppetOver: string[] = [];
  const fra =
    hoyeste && hoyeste.nr === forrige ? ` — høyeste nummer nh har utstedt er ${hoyeste.nr} (${hoyeste.kilde})` : '';
  // Også eldre linjer uten ordrereferanse har en nøkkel (<periode>-<orgnr>); en ny faktura får aldri den samme.
  // Ordrereferanser fra nummerloggen (også avbrutte kjøringer, der importfilen kan være importert) brukes heller
  // aldri igjen.
  const brukteRef = new Set([
    ...register.map((l) => l.ordrereferanse).filter((r): r is string => !!r),
    ...register.map(fakturaNokkel),
    ...brukte,
  ]);
  // PowerOffice-ordreruten (issue 21 pkt. 1): ordrenummeret er et tall fra serien i nh.json, aldri brukt før.
  let nesteOrdre = o.ordrenr
    ? Math.max(
        o.ordrenr.forste,
        // Også ordrenumre fra nummerloggen (en avbrutt kjøring kan ha skrevet importfilen): aldri brukt igjen.
        1 +
          Math.max(
            0,
            ...[...register.map((l) => l.ordrereferanse), ...brukte].map((r) =>
              /^\d+$/.test(r ?? '') ? Number(r) : 0,
            ),
          ),
      )
    : 0;
  return {
    hoppetOver,
    nyRef(grunn: string): string {
      if (o.ordrenr) return String(nesteOrdre++);
      let ref = grunn;
      for (let i = 2; brukteRef.has(ref); i++) ref = `${grunn}-${i}`;
      brukteRef.add(ref);
      return ref;
    },
    nummer(): { fakturanr?: string; kid?: string } | { feil: string } {
      if (o.nummerserie === 'regnskapssystem') return {};
      for (;;) {
        const nr = String(neste++);
        const k = lagKid(nr, o.kid);
        if ('feil' in k) return { feil: `KID: ${k.feil} (nh.json faktura.kid.lengde)${fra}` };
        if (!k.kid.endsWith('-')) return { fakturanr: nr, kid: k.kid };
        hoppetOver.push(nr);
      }
    },
  };
}

const etterOrgnr = (x: RegisterlinjeData, y: RegisterlinjeData) => (x.orgnr < y.orgnr ? -1 : x.orgnr > y.orgnr ? 1 : 0);

/**
 * Hvilke fakturaer og kreditnotaer en kjøring gir. `register` er hele registeret. Uten tidligere fakturaer i
 * perioden: én ny faktura per målbedrift, datert siste dag i perioden. Ved erstatning: en målbedrift med
 * uendrede beløp beholder fakturaen; ellers krediteres den (kreditnota) og en ny utstedes med nytt nummer,
 * begge datert i dag (eller siste dag i perioden om den er senere). Gir en feil når et nummer ikke får
 * plass i KID-lengden.
 */
export function planleggFakturaer(
  f: Fakturering,
  register: readonly RegisterlinjeData[],
  o: Nummeroppsett,
  idag: Dato,
  /** Issue 19 pkt. 6 (planleggFakturadato): fakturadato og forfall for alle dokumentene i kjøringen. */
  datoer?: { fakturadato: Dato; forfallsdato: Dato },
  hoyeste: Nummerkilde | null = null,
  brukteReferanser: readonly string[] = [],
): { plan: Plan } | { feil: string } {
  const iPerioden = register.filter((l) => l.periode === f.periode);
  const slutt = sisteDag(f.periode);
  const dato = datoer?.fakturadato ?? (iPerioden.length > 0 && idag > slutt ? idag : slutt);
  const t = tildeler(register, o, hoyeste, brukteReferanser);
  const plan: Plan = { kreditnotaer: [], nye: [], uendret: [], hoppetOver: t.hoppetOver };
  const nyePerOrgnr = new Map(f.malbedrifter.map((m) => [m.orgnr, m]));
  for (const a of [...aktiveFakturaer(iPerioden)].sort(etterOrgnr)) {
    const m = nyePerOrgnr.get(a.orgnr);
    if (m && samme(a, m)) {
      plan.uendret.push(a);
      nyePerOrgnr.delete(a.orgnr);
      continue;
    }
    const k = kreditnotaFor(a, t, dato);
    if ('feil' in k) return k;
    plan.kreditnotaer.push(k);
  }
  for (const m of f.malbedrifter) {
    if (!nyePerOrgnr.has(m.orgnr)) continue;
    const n = t.nummer();
    if ('feil' in n) return n;
    const forfallsdato = datoer?.forfallsdato ?? leggTilDager(dato, o.forfallsdager);
    const ordrereferanse = t.nyRef(`${f.periode}-${m.orgnr}`);
    plan.nye.push({ m, id: { type: 'faktura', ...n, fakturadato: dato, forfallsdato, ordrereferanse } });
  }
  return { plan };
}

/** Kreditnotaen som krediterer `a`: neste nummer fra serien (uten KID) og en ny ordrereferanse «K-…». */
function kreditnotaFor(
  a: RegisterlinjeData,
  t: ReturnType<typeof tildeler>,
  dato: Dato,
): Plan['kreditnotaer'][number] | { feil: string } {
  const n = t.nummer();
  if ('feil' in n) return n;
  const ordrereferanse = t.nyRef(`K-${a.ordrereferanse ?? `${a.periode}-${a.orgnr}`}`);
  const nr = 'fakturanr' in n ? { fakturanr: n.fakturanr } : {};
  const id: Identitet = {
    type: 'kreditnota',
    ...nr,
    fakturadato: dato,
    forfallsdato: dato,
    ordrereferanse,
    krediterer: fakturaNokkel(a),
  };
  return { gammel: a, id };
}

/** Kreditnotaens registerlinje: den krediterte fakturaens beløp med motsatt fortegn (samme kurs og støttedato). */
export function kreditlinje(
  a: RegisterlinjeData,
  id: Identitet,
  kjoring: string,
): RegisterlinjeData & { kjoring: string } {
  return {
    periode: a.periode,
    dato: a.dato,
    orgnr: a.orgnr,
    navn: a.navn,
    markedsverdi: neg(a.markedsverdi),
    egenandel: neg(a.egenandel),
    mva: neg(a.mva),
    stotte: neg(a.stotte),
    eurNokKurs: a.eurNokKurs,
    kursdato: a.kursdato,
    stotteEur: neg(a.stotteEur),
    ...id,
    kjoring,
  };
}

const neg = (x: number) => (x === 0 ? 0 : -x);

/**
 * Fortegnet i registeret: en faktura har beløp ≥ 0, en kreditnota ≤ 0 (den nuller en faktura). Et negativt
 * beløp på en faktura (f.eks. rettet for hånd) ville senket treårssummen (vedlegg 3 pkt. 2) i stillhet.
 */
export function sjekkFortegn(linjer: readonly (RegisterlinjeData & { kilde?: Kilde })[], fil: string): Diagnostikk[] {
  const ut: Diagnostikk[] = [];
  for (const l of linjer) {
    ut.push(...(l.type === 'kurskorreksjon' ? kurskorreksjonFortegn(l, fil) : fakturaFortegn(l, fil)));
  }
  return ut;
}

/** Faktura (beløp ≥ 0) eller kreditnota (≤ 0): høyst én feil per linje, for første beløp med feil fortegn. */
function fakturaFortegn(l: RegisterlinjeData & { kilde?: Kilde }, fil: string): Diagnostikk[] {
  const kreditnota = l.type === 'kreditnota';
  const k = (['markedsverdi', 'egenandel', 'mva', 'stotte', 'stotteEur'] as const).find((x) =>
    kreditnota ? l[x] > 0 : l[x] < 0,
  );
  if (!k) return [];
  const forventet = kreditnota ? 'et beløp ≤ 0 (kreditnota)' : 'et beløp ≥ 0 (bare en kreditnota har negative beløp)';
  return [
    feil(
      'register-fortegn',
      `Støtteregisteret: ${k} har feil fortegn for ${l.type ?? 'faktura'} ${l.fakturanr ?? l.ordrereferanse ?? l.orgnr}.`,
      { fil, ...l.kilde, kolonne: k },
      { verdi: String(l[k] / 100), forventet },
    ),
  ];
}

/** En kurskorreksjon retter bare EUR-verdien: kronebeløpene er 0 (issue 19 pkt. 2). */
function kurskorreksjonFortegn(l: RegisterlinjeData & { kilde?: Kilde }, fil: string): Diagnostikk[] {
  const k = (['markedsverdi', 'egenandel', 'mva', 'stotte'] as const).find((x) => l[x] !== 0);
  if (!k) return [];
  const melding = `Støtteregisteret: en kurskorreksjon (for ${l.korrigerer ?? l.orgnr}) har ${k} ≠ 0; den retter bare støtten i EUR.`;
  return [
    feil('register-fortegn', melding, { fil, ...l.kilde, kolonne: k }, { verdi: String(l[k] / 100), forventet: '0' }),
  ];
}

/**
 * Dokumentene for en fakturert periode slik registeret har dem (issue 19 pkt. 7: skriv EHF, PDF og importfiler på
 * nytt uten å røre registeret). Gjeldende fakturaer får linjene fra periodens timer — beløpene må være de samme
 * som i registeret, ellers er timene endret og det er --erstatt som gjelder; kreditnotaene lages fra registeret.
 * Krediterte fakturaer lages ikke på nytt (de er erstattet); de står i `kreditert`.
 */
export function planFraRegister(
  iPerioden: readonly RegisterlinjeData[],
  f: Fakturering,
): { plan: Plan; kreditert: RegisterlinjeData[]; avvik: RegisterlinjeData[] } {
  const aktive = aktiveFakturaer(iPerioden);
  const perOrgnr = new Map(f.malbedrifter.map((m) => [m.orgnr, m]));
  const plan: Plan = { kreditnotaer: [], nye: [], uendret: [], hoppetOver: [] };
  const avvik: RegisterlinjeData[] = [];
  const id = (l: RegisterlinjeData, type: Identitet['type']): Identitet => ({
    type,
    ...(l.fakturanr ? { fakturanr: l.fakturanr } : {}),
    ...(l.kid ? { kid: l.kid } : {}),
    fakturadato: l.fakturadato ?? l.dato,
    forfallsdato: l.forfallsdato ?? l.fakturadato ?? l.dato,
    ordrereferanse: l.ordrereferanse ?? `${l.periode}-${l.orgnr}`,
    ...(l.krediterer ? { krediterer: l.krediterer } : {}),
  });
  for (const l of iPerioden) {
    if (l.type === 'kreditnota') {
      const gammel = iPerioden.find((x) => (!x.type || x.type === 'faktura') && fakturaNokkel(x) === l.krediterer);
      if (gammel) plan.kreditnotaer.push({ gammel, id: id(l, 'kreditnota') });
      continue;
    }
    if (l.type === 'kurskorreksjon' || !aktive.includes(l)) continue;
    const m = perOrgnr.get(l.orgnr);
    if (m && samme(l, m)) plan.nye.push({ m, id: id(l, 'faktura') });
    else avvik.push(l);
  }
  const kreditert = iPerioden.filter((l) => (!l.type || l.type === 'faktura') && !aktive.includes(l));
  return { plan, kreditert, avvik };
}
