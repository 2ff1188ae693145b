/**
 * Norske feilmeldinger fra zod overalt (utviklerveiledningen: all brukertekst på bokmål). Installeres én gang
 * når modulen importeres (felter.ts og config.ts gjør det); egne meldinger fra `ctx.addIssue` vinner alltid.
 */
import { z } from 'zod';

const TYPER: Record<string, string> = {
  number: 'et tall',
  int: 'et heltall',
  string: 'tekst',
  boolean: 'true eller false',
  object: 'et objekt { … }',
  array: 'en liste [ … ]',
  record: 'et objekt { … }',
  date: 'en dato',
  null: 'null',
  undefined: 'ingen verdi',
};

export function norskType(t: string): string {
  return TYPER[t] ?? t;
}

/** Hva en JSON-verdi er, på norsk (for «forventet X, fant Y»). */
export function beskrivVerdi(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'en liste';
  if (typeof v === 'string') return `teksten «${v.length > 40 ? `${v.slice(0, 40)}…` : v}»`;
  if (typeof v === 'number') return `tallet ${v}`;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return 'et objekt';
  return typeof v;
}

type Issue = z.core.$ZodRawIssue;

function norskMelding(i: Issue): string {
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? 'mangler' : `forventet ${norskType(i.expected)}, fant ${beskrivVerdi(i.input)}`;
    case 'too_small':
      return i.origin === 'string'
        ? `for kort (minst ${String(i.minimum)} tegn)`
        : i.origin === 'array'
          ? `for få elementer (minst ${String(i.minimum)})`
          : `for liten (minst ${String(i.minimum)})`;
    case 'too_big':
      return i.origin === 'string'
        ? `for lang (høyst ${String(i.maximum)} tegn)`
        : i.origin === 'array'
          ? `for mange elementer (høyst ${String(i.maximum)})`
          : `for stor (høyst ${String(i.maximum)})`;
    case 'invalid_value':
      return `forventet ${i.values.map((v) => JSON.stringify(v)).join(' eller ')}`;
    case 'invalid_union':
      return i.input === undefined ? 'mangler' : `ugyldig verdi (${beskrivVerdi(i.input)})`;
    case 'invalid_format':
      return `feil format (forventet ${i.format})`;
    case 'not_multiple_of':
      return `må gå opp i ${String(i.divisor)}`;
    case 'unrecognized_keys':
      return `ukjent felt ${i.keys.map((k) => `«${k}»`).join(', ')}`;
    case 'invalid_key':
      return 'ugyldig felt';
    case 'invalid_element':
      return 'ugyldig element';
    default:
      return 'ugyldig verdi';
  }
}

z.config({ customError: (i) => norskMelding(i) });
