/**
 * nh smb-sjekk: --eierskap-filen (eierskap på 25 % eller mer i begge retninger,
 * GBER vedlegg I art. 3). Alle feil samles og gis på én gang (exit 2).
 */
import path from 'node:path';
import { gjeldende } from '../../prosess.js';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../../domain/felles/diagnostikk.js';
import { belop, janei, orgnr as orgnrCelle, prosent, tekst } from '../../../domain/felles/felter.js';
import { definerDatasett, frivillig, paakrevd } from '../../../domain/datasett/definisjon.js';
import { relasjonstype, type Relasjon } from '../../../domain/smb/smb.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { kontrollerTabell, lesTabell } from '../../../io/les/tabell-les.js';
import { tolkTabell } from '../../../io/les/datasett.js';
import { finnes } from '../../../io/skriv/skriv.js';

// ————— --eierskap <fil.csv> —————

const eierskapDef = definerDatasett({
  navn: 'eierskap',
  beskrivelse:
    'Eierskap på 25 % eller mer i begge retninger (GBER vedlegg I art. 3): eiere og selskaper bedriften eier.',
  unik: ['orgnr'],
  kolonner: {
    orgnr: paakrevd(orgnrCelle(), { type: 'orgnr', beskrivelse: 'Det andre foretakets orgnr.', eksempel: '910000004' }),
    navn: frivillig(tekst(200), { type: 'tekst', beskrivelse: 'Navnet.', eksempel: 'Eier Holding AS' }),
    andel: paakrevd(prosent({ min: 0, maks: 100 }), {
      type: 'prosent',
      alias: ['eierandel'],
      beskrivelse: 'Eierandel (kapital eller stemmer, den høyeste).',
      eksempel: '30',
    }),
    arsverk: paakrevd(belop({ minst: 0 }), {
      type: 'tekst',
      alias: ['årsverk', 'ansatte'],
      beskrivelse: 'Årsverk i det andre foretaket.',
      eksempel: '200',
    }),
    omsetning: paakrevd(belop({ minst: 0 }), {
      type: 'belop',
      beskrivelse: 'Omsetning i kroner.',
      eksempel: '40 000 000',
    }),
    balanse: paakrevd(belop({ minst: 0 }), {
      type: 'belop',
      beskrivelse: 'Sum eiendeler i kroner.',
      eksempel: '30 000 000',
    }),
    offentlig: frivillig(janei(), {
      type: 'tekst',
      beskrivelse:
        'ja når eieren er stat, fylkeskommune, kommune eller et foretak de kontrollerer (GBER vedlegg I art. 3 nr. 4).',
      eksempel: 'nei',
    }),
  },
});

export type Eierskap = {
  partnere: Relasjon[];
  tilknyttede: Relasjon[];
  offentlige: { orgnr: string; andel: number }[];
};

export async function lesEierskap(am: Arbeidsmappe, fil: string, advarsler: Diagnostikk[]): Promise<Eierskap> {
  // Relativ sti: fra gjeldende mappe, ellers fra arbeidsmappen.
  let sti = path.resolve(gjeldende().cwd, fil);
  if (!path.isAbsolute(fil) && !(await finnes(sti))) sti = am.sti(fil);
  if (!(await finnes(sti)))
    throw new InndataFeil([feil('mangler-fil', 'Fant ikke eierskapsfilen (--eierskap).', { fil })]);
  const t = await lesTabell(sti, path.basename(sti));
  const ds = kontrollerTabell(t);
  if (ds.length) throw new InndataFeil(ds);
  const rader = tolkTabell(t, eierskapDef, am.config);
  const ut: Eierskap = { partnere: [], tilknyttede: [], offentlige: [] };
  for (const r of rader) {
    const rel: Relasjon = {
      orgnr: r.orgnr,
      andel: r.andel,
      arsverk: r.arsverk,
      omsetning: r.omsetning,
      balanse: r.balanse,
      ...(r.navn ? { navn: r.navn } : {}),
    };
    // GBER vedlegg I art. 3 nr. 4: offentlige eiere teller sammen, også under 25 % hver.
    if (r.offentlig) ut.offentlige.push({ orgnr: r.orgnr, andel: r.andel });
    const type = relasjonstype(r.andel);
    if (type === 'partner') ut.partnere.push(rel);
    else if (type === 'tilknyttet') ut.tilknyttede.push(rel);
    else if (!r.offentlig)
      advarsler.push(
        advarsel(
          'eierskap-under-25',
          `${r.orgnr}: eierandel under 25 % — selvstendig, tas ikke med (GBER vedlegg I art. 3).`,
          r.kilde,
        ),
      );
  }
  return ut;
}
