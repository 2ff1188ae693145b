/**
 * Advarsler som gjentas per målbedrift («X (orgnr) har ingen SMB-sjekk …» 21 ganger), samles på terminalen
 * til én linje med antall og listen (issue 16 pkt. 15). --json får fortsatt hver advarsel for seg: der er
 * listen hel.
 */
import type { Diagnostikk } from '../domain/felles/diagnostikk.js';

/** Så mange like advarsler (samme kode, hver om én bedrift) før de samles. */
const SAMLE_FRA = 3;
/** Så mange navn vises i den samlede linjen; resten står i --json. */
const VIS_NAVN = 5;

const OM_BEDRIFT = /^(.+?) \((\d{9})\)(:?) (.+)$/s;

function felles<T>(a: readonly T[][], fraSlutten: boolean): number {
  let n = 0;
  const lengde = Math.min(...a.map((x) => x.length));
  while (n < lengde) {
    const v = a[0]![fraSlutten ? a[0]!.length - 1 - n : n];
    if (!a.every((x) => x[fraSlutten ? x.length - 1 - n : n] === v)) break;
    n++;
  }
  return n;
}

function fellesMappe(filer: readonly (string | undefined)[]): string | undefined {
  if (filer.some((f) => !f)) return undefined;
  const deler = filer.map((f) => f!.split('/').slice(0, -1));
  const n = felles(deler, false);
  return n ? `${deler[0]!.slice(0, n).join('/')}/` : undefined;
}

/** Samler advarsler med samme kode som hver gjelder én bedrift «Navn (orgnr)»; andre står som de er. */
export function samleAdvarsler(ds: readonly Diagnostikk[]): Diagnostikk[] {
  const grupper = new Map<string, Diagnostikk[]>();
  for (const d of ds)
    if (d.alvor === 'advarsel' && OM_BEDRIFT.test(d.melding)) grupper.set(d.kode, [...(grupper.get(d.kode) ?? []), d]);
  const ut: Diagnostikk[] = [];
  const ferdig = new Set<string>();
  for (const d of ds) {
    const gruppe = d.alvor === 'advarsel' ? grupper.get(d.kode) : undefined;
    if (!gruppe || gruppe.length < SAMLE_FRA || !gruppe.includes(d)) {
      ut.push(d);
      continue;
    }
    if (ferdig.has(d.kode)) continue;
    ferdig.add(d.kode);
    ut.push(samle(gruppe));
  }
  return ut;
}

function samle(gruppe: readonly Diagnostikk[]): Diagnostikk {
  const deler = gruppe.map((d) => OM_BEDRIFT.exec(d.melding)!);
  const ord = deler.map((m) => m[4]!.split(' '));
  const start = felles(ord, false);
  const slutt = Math.min(felles(ord, true), Math.min(...ord.map((o) => o.length)) - start);
  const ulik = ord.some((o) => o.length > start + slutt);
  const tekst = [...ord[0]!.slice(0, start), ...(ulik ? ['…'] : []), ...ord[0]!.slice(ord[0]!.length - slutt)].join(
    ' ',
  );
  const navn = deler.map((m) => `${m[1]} (${m[2]})`);
  const vist = navn.slice(0, VIS_NAVN).join(', ');
  const resten = navn.length > VIS_NAVN ? ` og ${navn.length - VIS_NAVN} til (hele listen med --json)` : '';
  const kolon = deler.every((m) => m[3]) ? ':' : '';
  const mappe = fellesMappe(gruppe.map((d) => d.kilde?.fil));
  return {
    alvor: 'advarsel',
    kode: gruppe[0]!.kode,
    melding: `${gruppe.length} målbedrifter${kolon} ${tekst} Gjelder ${vist}${resten}.`,
    ...(mappe ? { kilde: { fil: mappe } } : {}),
  };
}
