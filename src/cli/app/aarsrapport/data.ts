/** nh årsrapport: lesing av datasettene og målfilen (advarslene om datagrunnlaget står i domain/aarsrapport/plan.ts). */
import { readdir, stat } from 'node:fs/promises';
import { malbedrifterDef } from '../../../domain/datasett/malbedrifter.js';
import type { Stottelinje } from '../../../domain/datasett/stotteregister.js';
import { lesStotteregister } from '../../../io/faktura/stotteregister.js';
import { tiltakDef } from '../../../domain/datasett/tiltak.js';
import { srlDef } from '../../../domain/datasett/srl.js';
import { timerDef } from '../../../domain/datasett/timer.js';
import { tilskuddDef } from '../../../domain/datasett/tilskudd.js';
import { maltallDef, type MaltallMaalRad } from '../../../domain/datasett/maltall.js';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../../domain/felles/diagnostikk.js';
import { maanedAv, raaDatoI } from '../../../domain/felles/dato.js';
import { normaliserNavn } from '../../../domain/felles/felter.js';
import { normaliserOrgnr } from '../../../domain/felles/orgnr.js';
import { kontrollerSrl, kontrollerTiltak, type Periode } from '../../../domain/maltall/maltall.js';
import type { Rapportdata } from '../../../domain/aarsrapport/plan.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { AVI_LOGG, lesAviLogg } from '../../../io/kts/avi-logg.js';
import { lesAlleDelvis, tolkTabell } from '../../../io/les/datasett.js';
import { lesTabell } from '../../../io/les/tabell-les.js';

// ————— Lesing —————

export type Data = Rapportdata;

/**
 * Leser alle datasettene og samler ALLE feil før vi kaster (én runde retting). `--år` leser også AVI-loggen
 * (11.1: aktive målbedrifter som ikke er lastet opp); en ødelagt logg er en feil sammen med de andre.
 */
export async function lesData(
  am: Arbeidsmappe,
  p: Periode,
  trengerTilskudd: boolean,
  medAviLogg = false,
  /** Advarslene fra registeret (konfliktkopier, måneder Excel har endret) legges her (issue 23, lav). */
  advarsler: Diagnostikk[] = [],
): Promise<Data> {
  const tom = { fil: null, rader: [] };
  const { lest, feil: ds } = await lesAlleDelvis(am, {
    logg: async () => (medAviLogg ? await lesAviLogg(am.sti(AVI_LOGG)) : { logg: null, fantes: false }),
    mb: malbedrifterDef,
    // lesStotteregister: også en periode ført to ganger for samme orgnr er en feil (issue 11 pkt. 12).
    reg: async () => {
      const r = await lesStotteregister(am);
      advarsler.push(...r.advarsler);
      return { fil: r.fil, rader: r.linjer as Stottelinje[] };
    },
    tiltak: { def: tiltakDef, valgfritt: true },
    srl: { def: srlDef, valgfritt: true },
    tilskudd: { def: tilskuddDef, valgfritt: !trengerTilskudd },
    // Timelistene kan være store: bare periodens rader valideres.
    timer: { def: timerDef, valgfritt: true, filter: (hent) => raaDatoI(hent('dato'), p.fra, p.til) },
  });
  const { mb = tom, reg = tom, tiltak = tom, srl = tom, tilskudd = tom, timer = tom, logg } = lest;
  ds.push(
    ...kontrollerTiltak(tiltak.rader),
    ...kontrollerSrl(srl.rader, mb.fil ? new Set(mb.rader.map((m) => m.orgnr)) : undefined),
  );
  if (ds.length) throw new InndataFeil(ds);

  const admin = new Set(am.config.adminKoder.map(normaliserNavn));
  const timerPerOrgnr = new Map<string, number>();
  const timerMaaneder = new Set<string>();
  for (const t of timer.rader) {
    if (admin.has(normaliserNavn(t.malbedrift))) continue;
    const o = normaliserOrgnr(t.malbedrift);
    timerPerOrgnr.set(o, (timerPerOrgnr.get(o) ?? 0) + t.timer);
    timerMaaneder.add(maanedAv(t.dato));
  }
  return {
    malbedrifter: mb.rader,
    register: reg.rader,
    tiltak: tiltak.rader,
    srl: srl.rader,
    timerPerOrgnr,
    timerMaaneder,
    tilskudd: tilskudd.rader,
    aviLogg: logg?.fantes ? logg.logg : null,
    filer: {
      malbedrifter: mb.fil,
      stotteregister: reg.fil,
      tiltak: tiltak.fil,
      srl: srl.fil,
      timer: timer.fil,
      tilskudd: tilskudd.fil,
    },
  };
}

async function lesEnMaltallFil(am: Arbeidsmappe, fil: string): Promise<MaltallMaalRad[]> {
  let t = await lesTabell(am.sti(fil), fil);
  // nh sin egen xlsx har tittel i rad 1 og overskrifter i rad 2; det godtas.
  const erId = (c: unknown) => typeof c === 'string' && normaliserNavn(c) === 'id';
  if (!t.overskrifter.some(erId) && t.rader[0]?.some(erId)) {
    t = {
      ...t,
      overskrifter: t.rader[0].map((c) => (c === null || c === undefined ? '' : String(c).trim())),
      rader: t.rader.slice(1),
      radnr: t.radnr.slice(1),
    };
  }
  return tolkTabell(t, maltallDef, am.config);
}

/** id → «mål|kommentar» for å sammenligne to målfiler. */
function maalInnhold(rader: readonly MaltallMaalRad[]): Map<string, string> {
  return new Map(rader.map((r) => [normaliserNavn(r.id), `${r.mal ?? ''}|${r.kommentar?.trim() ?? ''}`]));
}

/** Måltall (id) der to målfiler har ulikt mål eller ulik kommentar. */
function ulikeMaal(a: readonly MaltallMaalRad[], b: readonly MaltallMaalRad[]): string[] {
  const ma = maalInnhold(a);
  const mb = maalInnhold(b);
  const ider = new Set([...ma.keys(), ...mb.keys()]);
  const navn = new Map([...a, ...b].map((r) => [normaliserNavn(r.id), r.id]));
  return [...ider].filter((i) => (ma.get(i) ?? '|') !== (mb.get(i) ?? '|')).map((i) => navn.get(i) ?? i);
}

/** To filer skrevet i samme nh-kjøring har nesten samme endringstid; ulik innhold da er en konflikt. */
const SAMTIDIG_MS = 2000;

/**
 * Administratorens mål: maltall-<år>.csv og/eller maltall-<år>.xlsx (nh skriver begge; brukeren kan ha fylt ut
 * hvilken som helst). Finnes begge med samme mål og kommentarer, brukes csv. Er de ulike, brukes den som er endret
 * sist (advarsel med måltallene som avviker); er de endret samtidig, er det en konflikt (exit 2) — nh velger aldri
 * stille bort mål brukeren har skrevet inn (issue 11 pkt. 15).
 */
export async function lesMaltallFil(
  am: Arbeidsmappe,
  aar: number,
): Promise<{ fil: string | null; rader: MaltallMaalRad[]; advarsler: Diagnostikk[] }> {
  const navn = `maltall-${aar}`;
  const filer = await readdir(am.rot);
  const csv = filer.find((f) => f.toLowerCase() === `${navn}.csv`);
  const xlsx = filer.find((f) => f.toLowerCase() === `${navn}.xlsx`);
  if (!csv && !xlsx) return { fil: null, rader: [], advarsler: [] };
  if (!csv || !xlsx) {
    const fil = (csv ?? xlsx)!;
    return { fil, rader: await lesEnMaltallFil(am, fil), advarsler: [] };
  }
  const [rc, rx] = [await lesEnMaltallFil(am, csv), await lesEnMaltallFil(am, xlsx)];
  const ulike = ulikeMaal(rc, rx);
  if (!ulike.length) return { fil: csv, rader: rc, advarsler: [] };
  const [tc, tx] = [(await stat(am.sti(csv))).mtimeMs, (await stat(am.sti(xlsx))).mtimeMs];
  const liste = ulike.slice(0, 8).join(', ') + (ulike.length > 8 ? ` (og ${ulike.length - 8} til)` : '');
  if (Math.abs(tc - tx) < SAMTIDIG_MS) {
    throw new InndataFeil([
      feil(
        'maltall-konflikt',
        `${csv} og ${xlsx} har ulike mål eller kommentarer for ${liste}, og det går ikke å se hvilken som er endret sist.`,
        { fil: xlsx },
        {
          forventet: `slett eller gi nytt navn til den av de to filene som ikke skal gjelde`,
        },
      ),
    ]);
  }
  const [fil, rader, annen] = tc > tx ? [csv, rc, xlsx] : [xlsx, rx, csv];
  const adv = advarsel(
    'maltall-to-filer',
    `${csv} og ${xlsx} har ulike mål eller kommentarer for ${liste}. Bruker ${fil}, som er endret sist; ${annen} leses ikke.`,
    { fil },
  );
  return { fil, rader, advarsler: [adv] };
}
