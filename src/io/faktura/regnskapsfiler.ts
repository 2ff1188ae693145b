/**
 * Filene regnskapet får fra nh faktura (issue 21 pkt. 1) og sjekkene rundt dem som trenger filsystemet:
 * PowerOffice-filen for ruten som passer oppsettet, om et system får sin første import, og (issue 19 pkt. 7) at et EHF/PDF som alt finnes ikke overskrives med annet innhold. Regnestykket står i
 * src/domain/faktura/regnskapsbilag.ts, valgene og tekstene i regnskapsoppsett.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { feil, InndataFeil } from '../../domain/felles/diagnostikk.js';
import type { Ppm } from '../../domain/felles/penger.js';
import type { FakturaOppsett } from '../../domain/faktura/oppsett.js';
import { utgaendeBilag } from '../../domain/faktura/regnskapsbilag.js';
import { powerofficeRute, type Post } from '../../domain/faktura/regnskapsoppsett.js';
import { powerofficeBilagCsv, powerofficeOrdreCsv, type Ordre } from './poweroffice-skriv.js';

function ordre(p: Post, o: FakturaOppsett): Ordre {
  const koder = o.poweroffice.produktkoder!;
  const stotte = p.belop.stotte
    ? [
        {
          produktkode: koder.stotte,
          beskrivelse: 'Innovasjonsstøtte (GBER art. 28, Sivas næringshageprogram)',
          antall: 100,
          pris: -p.belop.stotte,
        },
      ]
    : [];
  return {
    ordrenr: p.id.ordrereferanse,
    dato: p.id.fakturadato,
    kundekode: p.kundenummer!,
    kundenavn: p.navn,
    orgnr: p.orgnr,
    referanse: p.kundeRef,
    kommentar: p.tekst,
    linjer: [
      {
        produktkode: koder.timer,
        beskrivelse: `Rådgivning ${p.periode}, markedsverdi`,
        antall: p.timer ?? 100,
        pris: p.timer ? Math.round((p.belop.markedsverdi * 100) / p.timer) : p.belop.markedsverdi,
      },
      ...stotte,
    ],
  };
}

/**
 * PowerOffice-filen for ruten (oppsettet er sjekket i planen): bilag for fakturaene og kreditnotaene nh har
 * nummerert, eller ordrer (PowerOffice nummererer; en kreditnota krediteres i PowerOffice og står ikke i filen).
 */
export function powerofficeInnhold(o: FakturaOppsett, poster: readonly Post[], mvaSats: Ppm): string {
  if (powerofficeRute(o) === 'ordre')
    return powerofficeOrdreCsv(poster.filter((p) => p.id.type === 'faktura').map((p) => ordre(p, o)));
  const bilag = poster.map((p) =>
    utgaendeBilag(
      {
        type: p.id.type,
        fakturanr: p.id.fakturanr!,
        kid: p.id.kid,
        dato: p.id.fakturadato,
        forfall: p.id.forfallsdato,
        kundekode: p.kundenummer!,
        kundeRef: p.kundeRef,
        krediterer: p.id.krediterer,
        periode: p.periode,
        ...(p.timer ? { timer: p.timer } : {}),
        belop: p.belop,
      },
      o.kontoer,
      o.mvaKode,
      mvaSats,
    ),
  );
  return powerofficeBilagCsv(bilag, '2');
}

/** Første gang systemets importfil skrives i denne arbeidsmappen (ingen periode har den fra før). */
export async function forsteImport(fakturaMappe: string, filnavn: string): Promise<boolean> {
  const mapper = await readdir(fakturaMappe).catch(() => [] as string[]);
  for (const m of mapper) {
    if (!/^\d{4}-\d{2}$/.test(m)) continue;
    const filer = await readdir(path.join(fakturaMappe, m)).catch(() => [] as string[]);
    if (filer.includes(filnavn)) return false;
  }
  return true;
}

type Fil = { sti: string; innhold: string | Uint8Array };

/**
 * --dokumenter: EHF- og PDF-filer som finnes med samme innhold skrives ikke på nytt; med annet innhold (kan være
 * sendt) er det exit 2 — nh overskriver aldri et sendt dokument. Gir filene som skal skrives.
 */
export async function sammenlignSendte<F extends Fil>(rot: string, filer: readonly F[]): Promise<F[]> {
  const ut: F[] = [];
  const ulike: string[] = [];
  for (const f of filer) {
    const dokument = ['ehf', 'pdf'].includes(path.basename(path.dirname(f.sti)));
    const finnes = dokument ? await readFile(f.sti).catch(() => null) : null;
    if (!finnes) ut.push(f);
    else if (!finnes.equals(Buffer.from(f.innhold))) ulike.push(path.relative(rot, f.sti));
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
