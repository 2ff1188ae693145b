/**
 * nh smb-sjekk: flaggene (zod-skjema over commander-valgene). Seksjonen «smb» i nh.json og --eierskap-filen
 * leses i eierskap-fil.ts.
 * Alle feil samles og gis på én gang (exit 2), med flagget som «kolonne».
 */
import { z } from 'zod';
import { feil, InndataFeil, type Diagnostikk } from '../../../domain/felles/diagnostikk.js';
import { parseDato, type Dato } from '../../../domain/felles/dato.js';
import { normaliserOrgnr, orgnrFeil } from '../../../domain/felles/orgnr.js';
import { parseDesimal } from '../../../domain/felles/tall.js';
import type { Ore } from '../../../domain/felles/penger.js';
import { relasjonstype, tolkRelasjonstekst, tolkVurdering, type Kurs, type Relasjon } from '../../../domain/smb/smb.js';
import type { PlanFlagg } from '../../../domain/smb/plan.js';
import { tolkJaNei } from '../../sporsmal.js';
import type { SmbSjekkValg } from './valg.js';

// ————— Flaggene (zod) —————

/** Flaggene slik planen bruker dem (domain/smb/plan.ts); svarene på spørsmålene legges i det samme objektet. */
export type Flagg = PlanFlagg;

/** En zod-feil bærer flagget, verdien og hva som var ventet (blir en diagnostikk med kolonne = flagget). */
const feilI = (
  ctx: z.RefinementCtx,
  flagg: string,
  verdi: string,
  forventet: string,
  melding = `${flagg} «${verdi}» er ugyldig.`,
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
    .transform((v, ctx) => parseDato(v) ?? feilI(ctx, flagg, v, 'dato som åååå-mm-dd eller dd.mm.åååå'))
    .optional();

/** ja/nei-flagg forstår det samme som spørsmålene: j, ja, n, nei (store og små bokstaver). */
const jaNei = (flagg: string) =>
  z
    .string()
    .transform((v, ctx) => tolkJaNei(v) ?? feilI(ctx, flagg, v, 'ja eller nei'))
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

/** Relasjonstypene i meldingen når andelen ikke passer: navnet og andelen som var ventet. */
const RELASJONSTYPER = {
  partner: { navn: 'et partnerforetak', forventet: 'andel fra 25 til og med 50 %' },
  tilknyttet: { navn: 'et tilknyttet foretak', forventet: 'andel over 50 % (til og med 100 %)' },
} as const;

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
      const { navn, forventet } = RELASJONSTYPER[type];
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
          'NOK per EUR med inntil fire desimaler, valgfritt :dato, f.eks. «11,5» eller «11,5:2025-12-31»',
        );
      }
      return { kurs: r.verdi, dato, kilde: 'oppgitt med --kurs' };
    })
    .optional();

const KR = 'kroner, f.eks. «1 000 000»';
function flaggSkjema(idag: Dato) {
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
          : feilI(ctx, '--orgform', v, 'en kode fra Enhetsregisteret, f.eks. AS, ASA, ENK, KF, STI');
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
    konsernBetalingsevne: jaNei('--konsern-betalingsevne'),
    redningsstotte: jaNei('--redningsstotte'),
    konkursAvvikling: jaNei('--konkurs-avvikling'),
    morselskap: z
      .string()
      .transform((v, ctx) => gyldigOrgnr('--morselskap', v, ctx) ?? z.NEVER)
      .optional(),
    partner: z.array(relasjon('--partner', 'partner')).default([]),
    tilknyttet: z.array(relasjon('--tilknyttet', 'tilknyttet')).default([]),
    offentligEier: z.array(offentligEier).default([]),
    unntattInvestor: z
      .array(z.string().transform((v, ctx) => gyldigOrgnr('--unntatt-investor', v, ctx) ?? z.NEVER))
      .default([]),
    kurs: kursFlagg(idag),
    vurdert: z
      .array(
        z.string().transform((v, ctx) => {
          const r = tolkVurdering(v);
          return typeof r === 'string' ? feilI(ctx, '--vurdert', v, r) : r;
        }),
      )
      .default([]),
  });
}

export function lesFlagg(v: SmbSjekkValg, idag: Dato): Flagg {
  const r = flaggSkjema(idag).safeParse(v);
  const ds: Diagnostikk[] = r.success ? [] : r.error.issues.map(flaggFeil);
  if (v.selvstendig && ((v.partner ?? []).length || (v.tilknyttet ?? []).length || v.eierskap)) {
    ds.push(
      feil('ugyldig-flagg', '--selvstendig kan ikke brukes sammen med --partner, --tilknyttet eller --eierskap.', {
        fil: 'kommandolinjen',
        kolonne: '--selvstendig',
      }),
    );
  }
  if (ds.length || !r.success) throw new InndataFeil(ds);
  return tilFlagg(r.data);
}

/** En zod-feil → diagnostikk med flagget som «kolonne» (feilI la flagget, verdien og det ventede i params). */
function flaggFeil(i: z.core.$ZodIssue): Diagnostikk {
  const p = (i as { params?: { flagg?: string; verdi?: string; forventet?: string } }).params ?? {};
  return feil(
    'ugyldig-flagg',
    i.message,
    { fil: 'kommandolinjen', kolonne: p.flagg ?? `--${String(i.path[0] ?? '')}` },
    {
      ...(p.verdi !== undefined ? { verdi: p.verdi } : {}),
      ...(p.forventet ? { forventet: p.forventet } : {}),
    },
  );
}

/** De tolkede flaggene slik planen bruker dem; et flagg som ikke er gitt, er ikke med. */
function tilFlagg(d: z.output<ReturnType<typeof flaggSkjema>>): Flagg {
  const f: Flagg = {
    partnere: d.partner,
    tilknyttede: d.tilknyttet,
    offentlige: d.offentligEier,
    unntatte: d.unntattInvestor,
    vurderinger: d.vurdert,
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
  sett('konsernBetalingsevne', d.konsernBetalingsevne);
  sett('redningsstotte', d.redningsstotte);
  sett('konkursAvvikling', d.konkursAvvikling);
  sett('morselskap', d.morselskap);
  sett('kurs', d.kurs);
  return f;
}

/** Et relasjonsflagg fra et spørsmål på TTY: samme skjema som --partner/--tilknyttet. */
export function tolkRelasjonSvar(spes: string, type: 'partner' | 'tilknyttet'): { rel: Relasjon } | { feil: string } {
  const r = relasjon(type === 'partner' ? '--partner' : '--tilknyttet', type).safeParse(spes);
  return r.success ? { rel: r.data } : { feil: r.error.issues.map((i) => i.message).join(' ') };
}
