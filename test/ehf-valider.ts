/**
 * Den offisielle EHF-valideringen fra testene: UBL 2.1 XSD (xmllint, skjemaet etter rotelementet: Invoice eller
 * CreditNote) + CEN EN 16931 + Peppol BIS 3.0 inkl. NO-R-001/002 (de kompilerte regelfilene i ../shared/ehf,
 * kjørt i SaxonJS). Samme steg og samme regelfiler som ../shared/ehf/valider-ehf.mjs, men for mange dokumenter
 * i ett kall: ett xmllint-kall per skjema for alle filene (skjemaet leses én gang i stedet for per dokument), og
 * regelsettene lest én gang. test/unit/ehf.test.ts viser at svaret er det samme som validatorens.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROT, tomMappe } from './hjelp.js';
import { harProgram, krev } from './krav.js';

/** Validatoren: ../shared/ehf ved siden av repoet, eller mappen i NH_EHF_VALIDATOR_MAPPE (README «Kom i gang»). */
export const EHF_MAPPE = process.env.NH_EHF_VALIDATOR_MAPPE ?? path.resolve(ROT, '..', 'shared', 'ehf');
export const harEhfValidator = krev(
  existsSync(path.join(EHF_MAPPE, 'valider-ehf.mjs')),
  `EHF-validatoren (${path.join(EHF_MAPPE, 'valider-ehf.mjs')})`,
  'Legg shared/ ved siden av repoet (../shared/ehf), eller pek på mappen med NH_EHF_VALIDATOR_MAPPE=/sti/til/ehf.',
);
export const harXmllint = krev(harProgram('xmllint'), 'xmllint', 'Installer libxml2-utils (`.ci/run` gjør det).');

export type Avvik = { id: string; flag: string; text: string };
export type Resultat = { avvik: Avvik[]; xsdSjekket: boolean };

const REGLER = ['CEN-EN16931-UBL.sef.json', 'PEPPOL-EN16931-UBL.sef.json'];
const SKJEMA: Record<string, string> = { Invoice: 'UBL-Invoice-2.1.xsd', CreditNote: 'UBL-CreditNote-2.1.xsd' };

type Saxon = {
  transform: (o: object, modus: 'async') => Promise<{ principalResult: string }>;
};
let saxon: Saxon | null = null;
const regelsett = new Map<string, unknown>();

/** Rotelementets lokale navn (etter XML-deklarasjon, kommentarer og PI-er), som validatoren finner det. */
function rot(xml: string): string | null {
  const kropp = xml.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  return /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(kropp)?.[2] ?? null;
}

/** UBL 2.1 XSD for alle dokumentene: ett xmllint-kall per skjema. */
function xsd(xmls: string[]): Avvik[][] {
  const ut: Avvik[][] = xmls.map(() => []);
  const mappe = tomMappe();
  const perSkjema = new Map<string, { i: number; fil: string }[]>();
  xmls.forEach((xml, i) => {
    const r = rot(xml);
    const skjema = r ? SKJEMA[r] : undefined;
    if (!skjema) {
      ut[i]!.push({
        id: 'UBL-2.1-XSD',
        flag: 'fatal',
        text: `root element ${r ?? '(none)'} is neither an Invoice nor a CreditNote`,
      });
      return;
    }
    const fil = path.join(mappe, `${i}.xml`);
    writeFileSync(fil, xml);
    perSkjema.set(skjema, [...(perSkjema.get(skjema) ?? []), { i, fil }]);
  });
  for (const [skjema, filer] of perSkjema) {
    const xsdFil = path.join(EHF_MAPPE, 'ubl-2.1-xsd', 'maindoc', skjema);
    const r = spawnSync('xmllint', ['--noout', '--schema', xsdFil, ...filer.map((f) => f.fil)], { encoding: 'utf8' });
    // Som validatoren: hver linje xmllint skriver om filen, unntatt «… validates», er et avvik.
    for (const linje of (r.stderr ?? '').split('\n')) {
      const f = filer.find((x) => linje.startsWith(`${x.fil}:`) || linje.startsWith(`${x.fil} `));
      if (f && !/validates$/.test(linje)) ut[f.i]!.push({ id: 'UBL-2.1-XSD', flag: 'fatal', text: linje });
    }
  }
  return ut;
}

/** CEN- og Peppol-reglene for ett dokument (de kompilerte .sef.json i SaxonJS, som validatoren). */
async function schematron(xml: string): Promise<Avvik[]> {
  saxon ??= createRequire(path.join(ROT, 'noop.js'))('saxon-js') as Saxon;
  const ut: Avvik[] = [];
  for (const fil of REGLER) {
    if (!regelsett.has(fil)) regelsett.set(fil, JSON.parse(readFileSync(path.join(EHF_MAPPE, fil), 'utf8')));
    const r = await saxon.transform(
      { stylesheetInternal: regelsett.get(fil), sourceText: xml, destination: 'serialized' },
      'async',
    );
    const re = /<svrl:failed-assert\b([^>]*)>[\s\S]*?<svrl:text>([\s\S]*?)<\/svrl:text>/g;
    for (const m of r.principalResult.matchAll(re)) {
      const attr = (n: string) => new RegExp(`${n}="([^"]*)"`).exec(m[1]!)?.[1];
      ut.push({ id: attr('id') ?? '', flag: attr('flag') || 'fatal', text: m[2]!.replace(/\s+/g, ' ').trim() });
    }
  }
  return ut;
}

/** Alle avvik (fatal og warning) per dokument; tom liste = gyldig uten merknader. */
export async function validerEhfAlle(xmls: string[]): Promise<Resultat[]> {
  const skjemafeil = harXmllint ? xsd(xmls) : xmls.map(() => []);
  const ut: Resultat[] = [];
  for (const [i, xml] of xmls.entries())
    ut.push({ avvik: [...skjemafeil[i]!, ...(await schematron(xml))], xsdSjekket: harXmllint });
  return ut;
}

export async function validerEhf(xml: string): Promise<Resultat> {
  return (await validerEhfAlle([xml]))[0]!;
}

/** Den delte validatorens egen validate() (for testen som viser at svarene er like). */
export async function offisiellValidering(xml: string): Promise<{ valid: boolean; failed: Avvik[] }> {
  const v = (await import(pathToFileURL(path.join(EHF_MAPPE, 'valider-ehf.mjs')).href)) as {
    validate: (x: string) => Promise<{ valid: boolean; failed: Avvik[] }>;
  };
  return v.validate(xml);
}
