/**
 * nh smb-sjekk: flaggene (zod-skjema over commander-valgene), seksjonen «smb» i nh.json og --eierskap-filen.
 * Alle feil samles og gis på én gang (exit 2), med flagget som «kolonne».
 */
import { gjeldende } from '../../prosess.js';
import path from 'node:path';
import { z } from 'zod';
import { advarsel, feil, InndataFeil, type Diagnostikk } from '../../../domain/felles/diagnostikk.js';
import { parseDato, type Dato } from '../../../domain/felles/dato.js';
import { belop, janei, orgnr as orgnrCelle, prosent, tekst } from '../../../domain/felles/felter.js';
import { definerDatasett, frivillig, paakrevd } from '../../../domain/datasett/definisjon.js';
import { normaliserOrgnr, orgnrFeil } from '../../../domain/felles/orgnr.js';
import { parseDesimal } from '../../../domain/felles/tall.js';
import type { Ore } from '../../../domain/felles/penger.js';
import { relasjonstype, tolkRelasjonstekst, type Kurs, type Relasjon } from '../../../domain/smb/smb.js';
import type { FaktaFlagg } from '../../../domain/smb/fakta.js';
import { zodTilDiagnostikk, type Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { kontrollerTabell, lesTabell } from '../../../io/les/tabell-les.js';
import { tolkTabell } from '../../../io/les/datasett.js';
import { finnes } from '../../../io/skriv/skriv.js';
import type { SmbSjekkValg } from './valg.js';

// ————— nh.json: seksjonen «smb» —————

const orgnrJson = z.string().transform((v, ctx) => {
  const s = normaliserOrgnr(v);
  const g = orgnrFeil(s);
  if (g) {
    ctx.addIssue({ code: 'custom', message: `ugyldig organisasjonsnummer «${v}»: ${g}` });
    return z.NEVER;
  }
  return s;
});
export const smbSeksjonSkjema = z.object({
  /** Orgnr for andre innovasjonsselskap (næringshager, inkubatorer, parker): programveileder 4.3. */
  innovasjonsselskaper: z.array(orgnrJson).default([]),
});

export function lesSmbSeksjon(am: Arbeidsmappe) {
  const r = smbSeksjonSkjema.safeParse((am.config as Record<string, unknown>)['smb'] ?? {});
  if (!r.success) {
    throw new InndataFeil(
      zodTilDiagnostikk(r.error, 'nh.json').map((d) => ({
        ...d,
        melding: d.melding.replace('Feltet «', 'Feltet «smb.'),
        kilde: { fil: 'nh.json', kolonne: `smb.${d.kilde?.kolonne ?? ''}` },
      })),
    );
  }
  return r.data;
}

// ————— Flaggene (zod) —————

export type Flagg = FaktaFlagg & {
  partnere: Relasjon[];
  tilknyttede: Relasjon[];
  /** --offentlig-eier orgnr:andel (andel i ppm). */
  offentlige: { orgnr: string; andel: number }[];
  /** --unntatt-investor orgnr: GBER vedlegg I art. 3 nr. 2 gjelder. */
  unntatte: string[];
  kurs?: Kurs;
};

/** En zod-feil bærer flagget, verdien og hva som var ventet (blir en diagnostikk med kolonne = flagget). */
const feilI = (
  ctx: z.RefinementCtx,
  flagg: string,
  verdi: string,
  forventet: string,
  melding = `${flagg} «${verdi}» ` + `er ugyldig.`,
) => {
  ctx.addIssue({ code: 'custom', message: melding, params: { flagg, verdi, forventet } });
  return z.NEVER;
};

const desimal = (flagg: string, des: number, minst: number | null, forventet: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const r = parseDesimal(v, des);
      return r.ok && (minst === null || r.verdi >= minst) ? r.verdi : feilI(ctx, flagg, v, forventet);
    })
    .optional();

const datoFlagg = (flagg: string) =>
  z
    .string()
    .transform((v, ctx) => parseDato(v) ?? feilI(ctx, flagg, v, 'dato som åååå-mm-dd eller ' + 'dd.mm.åååå'))
    .optional();

const jaNei = (flagg: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const b = v.trim().toLowerCase();
      return b === 'ja' || b === 'nei' ? b === 'ja' : feilI(ctx, flagg, v, 'ja eller nei');
    })
    .optional();

const gyldigOrgnr = (flagg: string, raa: string, ctx: z.RefinementCtx): string | null => {
  const n = normaliserOrgnr(raa);
  const g = orgnrFeil(n);
  if (g) {
    feilI(ctx, flagg, raa, 'et gyldig orgnr', `${flagg}: ${g} (${raa}).`);
    return null;
  }
  return n;
};

const RELASJON_FORVENTET = 'orgnr:andel%:årsverk:omsetning:balanse, f.eks. «910000004:30:200:40000000:30000000»';

/** GBER vedlegg I art. 3: partner 25–50 %, tilknyttet over 50 %. */
function relasjon(flagg: '--partner' | '--tilknyttet', type: 'partner' | 'tilknyttet') {
  return z.string().transform((spes, ctx): Relasjon => {
    const t = tolkRelasjonstekst(spes);
    if (!t) return feilI(ctx, flagg, spes, RELASJON_FORVENTET);
    const orgnr = gyldigOrgnr(flagg, t.orgnr, ctx);
    const tall = [t.andel.replace(/%$/, ''), t.arsverk, t.omsetning, t.balanse].map((x, i) =>
      parseDesimal(x, i === 0 ? 4 : 2),
    );
    if (tall.some((r) => !r.ok || r.verdi < 0)) return feilI(ctx, flagg, spes, RELASJON_FORVENTET);
    const [andel, arsverk, omsetning, balanse] = tall.map((r) => (r as { verdi: number }).verdi) as [
      number,
      number,
      Ore,
      Ore,
    ];
    if (andel > 1_000_000) return feilI(ctx, flagg, spes, 'andel høyst 100 %');
    if (relasjonstype(andel) !== type) {
      const navn = type === 'partner' ? 'et partnerforetak' : 'et tilknyttet foretak';
      const forventet = type === 'partner' ? 'andel fra 25 til og med 50 %' : 'andel over 50 % (til og med 100 %)';
      return feilI(ctx, flagg, spes, forventet, `${flagg}: andelen ${t.andel} % passer ikke for ${navn}.`);
    }
    if (!orgnr) return z.NEVER;
    return { orgnr, andel, arsverk, omsetning, balanse };
  });
}

const offentligEier = z.string().transform((spes, ctx) => {
  const [o, a, ...rest] = spes.split(':').map((d) => d.trim());
  const andel = a === undefined ? null : parseDesimal(a.replace(/%$/, ''), 4);
  if (!o || !andel?.ok || rest.length || andel.verdi < 0 || andel.verdi > 1_000_000) {
    return feilI(ctx, '--offentlig-eier', spes, 'orgnr:andel%, f.eks. «940192226:30»');
  }
  const orgnr = gyldigOrgnr('--offentlig-eier', o, ctx);
  return orgnr ? { orgnr, andel: andel.verdi } : z.NEVER;
});

const kursFlagg = (idag: Dato) =>
  z
    .string()
    .transform((v, ctx): Kurs => {
      const [k, d] = v.split(':');
      const r = parseDesimal((k ?? '').trim(), 4);
      const dato = d === undefined ? idag : parseDato(d);
      if (!r.ok || r.verdi <= 0 || !dato) {
        return feilI(
          ctx,
          '--kurs',
          v,
          'NOK per EUR med inntil fire desimaler, valgfritt :dato, f.eks. «11,5» eller ' + '«11,5:2025-12-31»',
        );
      }
      return { kurs: r.verdi, dato, kilde: 'oppgitt med --kurs' };
    })
    .optional();

const KR = 'kroner, f.eks. «1 000 000»';
export function flaggSkjema(idag: Dato) {
  return z.object({
    ansatte: desimal('--ansatte', 2, 0, 'årsverk (ikke negativt), f.eks. «12» eller «12,5»'),
    omsetning: desimal('--omsetning', 2, 0, 'kroner (ikke negativt), f.eks. «8 000 000»'),
    balanse: desimal('--balanse', 2, 0, 'kroner (ikke negativt)'),
    innskuttEk: desimal('--innskutt-ek', 2, null, 'kroner'),
    opptjentEk: desimal('--opptjent-ek', 2, null, 'kroner (negativt ved akkumulert tap)'),
    aksjekapital: desimal('--aksjekapital', 2, 0, KR),
    overkurs: desimal('--overkurs', 2, 0, KR),
    konsernEgenkapital: desimal('--konsern-egenkapital', 2, null, KR),
    konsernKapital: desimal('--konsern-kapital', 2, 0, KR),
    konsernRegistrert: datoFlagg('--konsern-registrert'),
    orgform: z
      .string()
      .transform((v, ctx) => {
        const o = v.trim().toUpperCase();
        return /^[A-ZÆØÅ]{2,5}$/.test(o)
          ? o
          : feilI(ctx, '--orgform', v, 'en kode fra Enhetsregisteret, f.eks. AS, ASA, ' + 'ENK, KF, STI');
      })
      .optional(),
    nace: z
      .string()
      .transform((v, ctx) => {
        const koder = v.split(/[,;\s]+/).filter(Boolean);
        return koder.length && koder.every((n) => /^\d{2}(\.\d{1,3})?$/.test(n))
          ? koder
          : feilI(ctx, '--nace', v, 'næringskode som «62.010», flere skilt med komma');
      })
      .optional(),
    registrert: datoFlagg('--registrert'),
    betalingsevne: jaNei('--betalingsevne'),
    redningsstotte: jaNei('--redningsstotte'),
    partner: z.array(relasjon('--partner', 'partner')).default([]),
    tilknyttet: z.array(relasjon('--tilknyttet', 'tilknyttet')).default([]),
    offentligEier: z.array(offentligEier).default([]),
    unntattInvestor: z
      .array(z.string().transform((v, ctx) => gyldigOrgnr('--unntatt-investor', v, ctx) ?? z.NEVER))
      .default([]),
    kurs: kursFlagg(idag),
  });
}

export function lesFlagg(v: SmbSjekkValg, idag: Dato): Flagg {
  const r = flaggSkjema(idag).safeParse(v);
  const ds: Diagnostikk[] = [];
  if (!r.success) {
    for (const i of r.error.issues) {
      const p = (i as { params?: { flagg?: string; verdi?: string; forventet?: string } }).params ?? {};
      ds.push(
        feil(
          'ugyldig-flagg',
          i.message,
          { fil: 'kommandolinjen', kolonne: p.flagg ?? `--${String(i.path[0] ?? '')}` },
          {
            ...(p.verdi !== undefined ? { verdi: p.verdi } : {}),
            ...(p.forventet ? { forventet: p.forventet } : {}),
          },
        ),
      );
    }
  }
  if (v.selvstendig && ((v.partner ?? []).length || (v.tilknyttet ?? []).length || v.eierskap)) {
    ds.push(
      feil('ugyldig-flagg', '--selvstendig kan ikke brukes sammen med --partner, --tilknyttet eller ' + '--eierskap.', {
        fil: 'kommandolinjen',
        kolonne: '--selvstendig',
      }),
    );
  }
  if (ds.length || !r.success) throw new InndataFeil(ds);
  const d = r.data;
  const f: Flagg = {
    partnere: d.partner,
    tilknyttede: d.tilknyttet,
    offentlige: d.offentligEier,
    unntatte: d.unntattInvestor,
  };
  const sett = <K extends keyof Flagg>(k: K, verdi: Flagg[K] | undefined) => {
    if (verdi !== undefined) f[k] = verdi;
  };
  sett('arsverk', d.ansatte);
  sett('omsetning', d.omsetning);
  sett('balanse', d.balanse);
  sett('innskuttEk', d.innskuttEk);
  sett('opptjentEk', d.opptjentEk);
  sett('aksjekapital', d.aksjekapital);
  sett('overkurs', d.overkurs);
  sett('konsernEgenkapital', d.konsernEgenkapital);
  sett('konsernKapital', d.konsernKapital);
  sett('konsernRegistrert', d.konsernRegistrert);
  sett('orgform', d.orgform);
  sett('nace', d.nace);
  sett('registrert', d.registrert);
  sett('betalingsevne', d.betalingsevne);
  sett('redningsstotte', d.redningsstotte);
  sett('kurs', d.kurs);
  return f;
}

/** Et relasjonsflagg fra et spørsmål på TTY: samme skjema som --partner/--tilknyttet. */
export function tolkRelasjonSvar(spes: string, type: 'partner' | 'tilknyttet'): { rel: Relasjon } | { feil: string } {
  const r = relasjon(type === 'partner' ? '--partner' : '--tilknyttet', type).safeParse(spes);
  return r.success ? { rel: r.data } : { feil: r.error.issues.map((i) => i.message).join(' ') };
}

// ————— --eierskap <fil.csv> —————

export const eierskapDef = definerDatasett({
  navn: 'eierskap',
  beskrivelse:
    'Eierskap på 25 % eller mer i begge retninger (GBER vedlegg I art. 3): eiere og selskaper bedriften ' + 'eier.',
  unik: ['orgnr'],
  kolonner: {
    orgnr: paakrevd(orgnrCelle(), { type: 'orgnr', beskrivelse: 'Det andre foretakets orgnr.', eksempel: '910000004' }),
    navn: frivillig(tekst(200), { type: 'tekst', beskrivelse: 'Navnet.', eksempel: 'Eier Holding AS' }),
    andel: paakrevd(prosent({ min: 0, maks: 100 }), {
      type: 'prosent',
      alias: ['eierandel'],
      beskrivelse: 'Eierandel ' + '(kapital eller stemmer, den høyeste).',
      eksempel: '30',
    }),
    arsverk: paakrevd(belop({ minst: 0 }), {
      type: 'tekst',
      alias: ['årsverk', 'ansatte'],
      beskrivelse: 'Årsverk i det ' + 'andre foretaket.',
      eksempel: '200',
    }),
    omsetning: paakrevd(belop({ minst: 0 }), {
      type: 'belop',
      beskrivelse: 'Omsetning i kroner.',
      eksempel: '40 000 ' + '000',
    }),
    balanse: paakrevd(belop({ minst: 0 }), {
      type: 'belop',
      beskrivelse: 'Sum eiendeler i kroner.',
      eksempel: '30 000 ' + '000',
    }),
    offentlig: frivillig(janei(), {
      type: 'tekst',
      beskrivelse:
        'ja når eieren er stat, fylkeskommune, kommune eller ' +
        'et foretak de kontrollerer (GBER vedlegg I art. 3 nr. 4).',
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
    throw new InndataFeil([feil('mangler-fil', 'Fant ikke eierskapsfilen ' + '(--eierskap).', { fil })]);
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
          `${r.orgnr}: eierandel under 25 % — ` + `selvstendig, tas ikke med (GBER vedlegg I art. 3).`,
          r.kilde,
        ),
      );
  }
  return ut;
}
