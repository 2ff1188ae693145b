/** nh faktura: --json-objektet og terminalteksten. */
import path from 'node:path';
import type { Config } from '../../../domain/konfig/config.js';
import { krev } from '../../../domain/konfig/uavklart.js';
import { formatDato, type Maaned } from '../../../domain/felles/dato.js';
import { formatKroner, type Ore } from '../../../domain/felles/penger.js';
import { STOTTETAK_EUR_CENT } from '../../../domain/felles/stottetak.js';
import { PRISREKKEFOLGE, type Disponibelt, type Treaarsstatus } from '../../../domain/faktura/faktura.js';
import type { FakturaParametre, Fakturagrunnlag, Fakturering } from '../../../domain/faktura/typer.js';
import type { Regnskapssystem } from '../../../domain/faktura/oppsett.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { SIKKERHETSKOPI_MAPPE, type Registerlinje } from '../../../io/faktura/stotteregister.js';
import type { Resultat } from '../../kontekst.js';
import type { FakturaValg } from './valg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr, pst } from '../felles.js';

export type Utfiler = {
  xlsx: string;
  csv: string;
  register: string;
  ehf: string[];
  importfiler: Partial<Record<Regnskapssystem, string>>;
  nyeLinjer: number;
};

export const eur = (cent: number) => kr(cent);

export function mbJson(m: Fakturagrunnlag, t?: Treaarsstatus) {
  return {
    orgnr: m.orgnr,
    navn: m.navn,
    stotteintensitet: pst(m.stotteintensitet),
    timer: m.timer / 100,
    markedsverdi: kr(m.markedsverdi),
    egenandel: kr(m.egenandel),
    mva: kr(m.mva),
    aBetale: kr(m.aBetale),
    stotte: kr(m.stotte),
    stotteEur: eur(m.stotteEur),
    ...(t
      ? {
          treaar: {
            tidligereEur: eur(t.tidligereEur),
            samletEur: eur(t.samletEur),
            takEur: eur(STOTTETAK_EUR_CENT),
            gjenstaarEur: eur(t.gjenstaarEur),
          },
        }
      : {}),
    fakturatekst: m.fakturatekst,
    linjer: m.linjer.map((l) => ({
      ansatt: l.ansatt,
      aktivitet: l.aktivitet,
      timer: l.timer / 100,
      pris: kr(l.pris),
      prisKilde: l.prisKilde,
      markedsverdi: kr(l.markedsverdi),
      stotteintensitet: pst(l.stotteintensitet),
      stotte: kr(l.stotte),
      egenandel: kr(l.egenandel),
      mva: kr(l.mva),
      aBetale: kr(l.aBetale),
      timerader: l.rader,
    })),
  };
}

export function dispJson(d: Disponibelt) {
  return {
    ar: d.ar,
    tilskudd: kr(d.tilskudd),
    bruktFor: kr(d.bruktFor),
    denneKjoringen: kr(d.denneKjoringen),
    gjenstaarFor: kr(d.gjenstaarFor),
    gjenstaarEtter: kr(d.gjenstaarEtter),
  };
}

export function sumJson(s: { timer: number; markedsverdi: Ore; egenandel: Ore; mva: Ore; aBetale: Ore; stotte: Ore }) {
  return {
    timer: s.timer / 100,
    markedsverdi: kr(s.markedsverdi),
    egenandel: kr(s.egenandel),
    mva: kr(s.mva),
    aBetale: kr(s.aBetale),
    stotte: kr(s.stotte),
  };
}

export function forutsetningerJson(c: Config, p: FakturaParametre) {
  return {
    standardPris: kr(p.standardPris),
    prisrekkefolge: PRISREKKEFOLGE,
    standardStotteintensitet: pst(p.standardStotteintensitet),
    mvaSats: pst(p.mvaSats),
    eurNok: { kurs: p.eurNokKurs / 10_000, dato: p.kursdato, kilde: krev(c, ['eurNok']).eurNok.kilde },
    avrunding:
      'markedsverdi = timer × pris per linje til nærmeste øre, halv opp; egenandel = markedsverdi × (1 − støtteintensitet) og mva = egenandel × mva-sats per faktura til øre, fordelt på linjene med største rest; støtte = markedsverdi − egenandel',
  };
}

export function alleredeFakturert(
  _am: Arbeidsmappe,
  periode: Maaned,
  linjer: Registerlinje[],
  registerSti: string,
): Resultat {
  const s = { markedsverdi: 0, egenandel: 0, mva: 0, stotte: 0 };
  for (const l of linjer) {
    s.markedsverdi += l.markedsverdi;
    s.egenandel += l.egenandel;
    s.mva += l.mva;
    s.stotte += l.stotte;
  }
  const json = {
    periode,
    status: 'allerede-fakturert',
    melding: `Perioden ${periode} er allerede fakturert (${linjer.length} linjer i ${path.basename(registerSti)}). Ingenting er endret. Bruk --erstatt for å fakturere perioden på nytt.`,
    register: linjer.map((l) => ({
      type: l.type ?? 'faktura',
      fakturanr: l.fakturanr ?? null,
      kid: l.kid ?? null,
      orgnr: l.orgnr,
      navn: l.navn,
      markedsverdi: kr(l.markedsverdi),
      egenandel: kr(l.egenandel),
      mva: kr(l.mva),
      stotte: kr(l.stotte),
      stotteEur: eur(l.stotteEur),
      kjoring: l.kjoring ?? null,
    })),
    totalt: { markedsverdi: kr(s.markedsverdi), egenandel: kr(s.egenandel), mva: kr(s.mva), stotte: kr(s.stotte) },
    filer: null,
  };
  return { json, tekst: `${json.melding}\nRegisteret: ${registerSti}` };
}

export function tekst(
  am: Arbeidsmappe,
  f: Fakturering,
  d: Disponibelt,
  treaar: Treaarsstatus[],
  valg: FakturaValg,
  filer: Utfiler,
  kopi: string | null,
  notat: string[],
): string {
  const t = new Map(treaar.map((x) => [x.orgnr, x]));
  const tabell = tekstTabell(
    ['Orgnr', 'Målbedrift', 'Timer', 'Markedsverdi', 'Støtte', 'Egenandel', 'Mva', 'Å betale', 'Støtte 3 år (EUR)'],
    [
      ...f.malbedrifter.map((m) => [
        m.orgnr,
        m.navn,
        formatKroner(m.timer),
        formatKroner(m.markedsverdi),
        formatKroner(m.stotte),
        formatKroner(m.egenandel),
        formatKroner(m.mva),
        formatKroner(m.aBetale),
        formatKroner(t.get(m.orgnr)?.samletEur ?? 0),
      ]),
      [
        'Sum',
        '',
        formatKroner(f.totalt.timer),
        formatKroner(f.totalt.markedsverdi),
        formatKroner(f.totalt.stotte),
        formatKroner(f.totalt.egenandel),
        formatKroner(f.totalt.mva),
        formatKroner(f.totalt.aBetale),
        '',
      ],
    ],
    [false, false, true, true, true, true, true, true, true],
  );
  const linjer = [
    farge.bold(
      `Fakturering ${f.periode} – ${am.config.naeringshage.navn} (programveileder 10.4, vedlegg 3 pkt. 2 og 4.1)`,
    ),
    `Fakturadato ${formatDato(f.fakturadato)}. Markedspris: ${PRISREKKEFOLGE}. Egenandel og mva per faktura til øre, fordelt på linjene; støtte = markedsverdi − egenandel.`,
    '',
    f.malbedrifter.length ? tabell : 'Ingen timer på målbedrifter i perioden — ingenting å fakturere.',
    '',
    `Disponibelt innovasjonstilskudd ${d.ar}: ${formatKroner(d.tilskudd)} kr. Ført før: ${formatKroner(d.bruktFor)} kr. Denne kjøringen: ${formatKroner(d.denneKjoringen)} kr. ` +
      `Gjenstår: ${formatKroner(d.gjenstaarFor)} kr før → ${formatKroner(d.gjenstaarEtter)} kr etter.`,
    `Timerader på administrasjon/gjennomføring i perioden (ikke fakturert, 10.4): ${f.adminRader}.`,
    '',
  ];
  if (valg.forhandsvis) linjer.push('Forhåndsvisning: ingenting er skrevet.');
  else {
    linjer.push(...notat);
    linjer.push(`Skrev ${filer.xlsx}`, `Skrev ${filer.csv}`);
    for (const s of Object.values(filer.importfiler)) linjer.push(`Skrev ${s}`);
    if (filer.ehf.length) linjer.push(`Skrev ${filer.ehf.length} EHF-filer i ${path.dirname(filer.ehf[0]!)}`);
    if (filer.nyeLinjer) linjer.push(`Førte ${filer.nyeLinjer} linjer i ${filer.register}`);
    if (kopi) linjer.push(`Sikkerhetskopi før erstatning: ${kopi} (${SIKKERHETSKOPI_MAPPE})`);
  }
  return linjer.join('\n');
}
