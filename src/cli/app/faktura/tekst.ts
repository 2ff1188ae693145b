/** nh faktura: terminalteksten (tabellen per målbedrift, disponibelt, filene som ble skrevet). */
import path from 'node:path';
import { formatDato } from '../../../domain/felles/dato.js';
import { formatKroner } from '../../../domain/felles/penger.js';
import { PRISREKKEFOLGE } from '../../../domain/faktura/faktura.js';
import type { Fakturaplan } from '../../../domain/faktura/kjoringsplan.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { SIKKERHETSKOPI_MAPPE } from '../../../io/faktura/stotteregister.js';
import { farge, tekstTabell } from '../../utskrift.js';
import type { Utfiler } from './utdata.js';
import type { FakturaValg } from './valg.js';

type Skrevet = { filer: Utfiler & { sikkerhetskopi: string | null }; notat: string[] };

export function tekst(am: Arbeidsmappe, plan: Fakturaplan, valg: FakturaValg, skrevet: Skrevet | null): string {
  const { f, disp: d } = plan;
  const linjer = [
    farge.bold(
      `Fakturering ${f.periode} – ${am.config.naeringshage.navn} (programveileder 10.4, vedlegg 3 pkt. 2 og 4.1)`,
    ),
    plan.datoer?.forklaring ?? `Fakturadato ${formatDato(f.fakturadato)}.`,
    `Markedspris: ${PRISREKKEFOLGE}. Egenandel (rundet opp) og mva per faktura til øre, fordelt på linjene; støtte = markedsverdi − egenandel.`,
    '',
    f.malbedrifter.length ? tabell(plan) : 'Ingen timer på målbedrifter i perioden — ingenting å fakturere.',
    '',
    `Disponibelt innovasjonstilskudd ${d.ar}: ${formatKroner(d.tilskudd)} kr. Ført før: ${formatKroner(d.bruktFor)} kr. Denne kjøringen: ${formatKroner(d.denneKjoringen)} kr. Gjenstår: ${formatKroner(d.gjenstaarFor)} kr før → ${formatKroner(d.gjenstaarEtter)} kr etter.`,
    `Timerader på administrasjon/gjennomføring i perioden (ikke fakturert, 10.4): ${f.adminRader}.`,
    '',
  ];
  if (valg.forhandsvis || !skrevet) linjer.push('Forhåndsvisning: ingenting er skrevet.');
  else linjer.push(...skrevetTekst(skrevet));
  return linjer.join('\n');
}

function skrevetTekst({ filer, notat }: Skrevet): string[] {
  const linjer = [...notat, `Skrev ${filer.xlsx}`, `Skrev ${filer.csv}`];
  for (const s of Object.values(filer.importfiler)) linjer.push(`Skrev ${s}`);
  for (const s of filer.stottebilag) linjer.push(`Skrev ${s}`);
  if (filer.pdf.length) linjer.push(`Skrev ${filer.pdf.length} PDF-filer i ${path.dirname(filer.pdf[0]!)}`);
  if (filer.ehf.length) linjer.push(`Skrev ${filer.ehf.length} EHF-filer i ${path.dirname(filer.ehf[0]!)}`);
  if (filer.nyeLinjer) linjer.push(`Førte ${filer.nyeLinjer} linjer i ${filer.register}`);
  const kopi = filer.sikkerhetskopi;
  if (kopi) linjer.push(`Sikkerhetskopi før erstatning: ${kopi} (${SIKKERHETSKOPI_MAPPE})`);
  return linjer;
}

function tabell(plan: Fakturaplan): string {
  const { f } = plan;
  const t = new Map(plan.treaar.map((x) => [x.orgnr, x]));
  return tekstTabell(
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
}
