/**
 * nh faktura: hvilke dokumenter kjøringen skriver (--format eller nh.json) og selgeren på dem. Dokumentene selv
 * lages av skriverne i src/io/faktura/dokumenter.ts.
 */
import { feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import type { Config } from '../../../domain/konfig/config.js';
import { REGNSKAPSSYSTEMER, type FakturaOppsett, type Formater } from '../../../domain/faktura/oppsett.js';
import type { SelgerFull } from '../../../domain/faktura/ehf.js';

const FORMATNAVN = ['ehf', 'pdf', ...REGNSKAPSSYSTEMER] as const;

/**
 * --format ehf,pdf,tripletex,poweroffice overstyrer nh.json (faktura.ehf, faktura.pdf, faktura.regnskapssystem).
 * PDF er standard når nh tildeler fakturanumrene (da er det nh som lager fakturaen kunden får, issue 21 pkt. 3).
 */
export function velgFormater(s: FakturaOppsett, flagg: string | undefined): Formater {
  if (flagg === undefined)
    return { ehf: s.ehf, pdf: s.pdf ?? s.nummerserie !== 'regnskapssystem', systemer: s.regnskapssystem };
  const navn = flagg
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  const ukjente = navn.filter((n) => !(FORMATNAVN as readonly string[]).includes(n) && n !== 'csv');
  if (ukjente.length) {
    const melding = `--format «${flagg}»: ukjent format ${ukjente.map((u) => `«${u}»`).join(', ')}.`;
    const forventet = `en kommaliste av ${FORMATNAVN.join(', ')} (den generiske CSV-en skrives alltid)`;
    throw new InndataFeil([feil('ugyldig-flagg', melding, undefined, { forventet })]);
  }
  return {
    ehf: navn.includes('ehf'),
    pdf: navn.includes('pdf'),
    systemer: REGNSKAPSSYSTEMER.filter((r) => navn.includes(r)),
  };
}

export function selgerAv(c: Config): SelgerFull {
  const s = c.faktura.selger;
  return { ...s, navn: s.navn ?? c.naeringshage.navn, orgnr: s.orgnr ?? c.naeringshage.orgnr };
}
