/**
 * nh faktura --dokumenter (issue 19 pkt. 7): skriv dokumentene for en fakturert måned på nytt fra registeret —
 * EHF, PDF, importfilene, fakturagrunnlaget og støttebilaget — uten å røre registeret. Brukes når EHF eller PDF
 * slås på etter at måneden er fakturert. Et EHF- eller PDF-dokument som alt finnes med annet innhold kan være sendt,
 * og overskrives aldri (exit 2 med filene); finnes det med samme innhold, står det urørt. De andre filene tas
 * sikkerhetskopi av før de skrives.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import { planFraRegister } from '../../../domain/faktura/fakturanummer.js';
import type { Fakturering, RegisterlinjeData } from '../../../domain/faktura/typer.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import type { FakturaValg } from './valg.js';

export function sjekkDokumentvalg(valg: FakturaValg, periode: string, linjer: number): void {
  if (valg.erstatt)
    throw new InndataFeil([
      feil('ugyldig-flagg', '--dokumenter og --erstatt kan ikke brukes sammen: --dokumenter endrer ingen faktura.'),
    ]);
  if (!linjer)
    throw new InndataFeil([
      feil(
        'ikke-fakturert',
        `--dokumenter: perioden ${periode} er ikke fakturert (ingen linjer i støtteregisteret). Kjør «nh faktura --periode ${periode}» uten --dokumenter.`,
      ),
    ]);
}

/** Planen fra registeret; gjeldende fakturaer der timene ikke lenger gir de samme beløpene er exit 2. */
export function gjenskapPlan(iPerioden: readonly RegisterlinjeData[], f: Fakturering, registerFil: string) {
  const g = planFraRegister(iPerioden, f);
  if (g.avvik.length)
    throw new InndataFeil(
      g.avvik.map((l) =>
        feil(
          'dokumenter-timer-endret',
          `--dokumenter: faktura ${l.fakturanr ?? l.ordrereferanse} til ${l.navn} (${l.orgnr}) står i ${registerFil} med andre beløp enn timene gir nå — timene er endret siden fakturaen ble laget. Bruk --erstatt (kreditnota og ny faktura), eller sett timene tilbake.`,
          { fil: registerFil },
        ),
      ),
    );
  return g;
}

export function gjenskaptNotat(periode: string, g: ReturnType<typeof planFraRegister>): string[] {
  const ut = [
    `Dokumentene for ${periode} er skrevet på nytt fra støtteregisteret (--dokumenter); registeret er ikke endret.`,
  ];
  if (g.kreditert.length)
    ut.push(
      `Krediterte fakturaer lages ikke på nytt: ${g.kreditert.map((l) => l.fakturanr ?? l.ordrereferanse).join(', ')} (kreditnotaen og den nye fakturaen erstatter dem).`,
    );
  return ut;
}

type Fil = { sti: string; innhold: string | Uint8Array };

/**
 * EHF- og PDF-filer som finnes: samme innhold → ikke skrevet på nytt; annet innhold → exit 2 (kan være sendt).
 * Gir filene som skal skrives.
 */
export async function sammenlignSendte(am: Arbeidsmappe, filer: readonly Fil[]): Promise<Fil[]> {
  const ut: Fil[] = [];
  const ulike: string[] = [];
  for (const f of filer) {
    const dokument = ['ehf', 'pdf'].includes(path.basename(path.dirname(f.sti)));
    const finnes = dokument ? await readFile(f.sti).catch(() => null) : null;
    if (!finnes) ut.push(f);
    else if (!finnes.equals(Buffer.from(f.innhold))) ulike.push(path.relative(am.rot, f.sti));
  }
  if (ulike.length)
    throw new InndataFeil(
      ulike.map((sti) =>
        feil(
          'dokument-finnes',
          `${sti} finnes med annet innhold og kan være sendt til kunden; nh overskriver aldri et sendt dokument. Er den ikke sendt, flytt den bort og kjør igjen.`,
          { fil: sti },
        ),
      ),
    );
  return ut;
}
