/**
 * Den offisielle EHF-valideringen (../shared/ehf/valider-ehf.mjs: UBL 2.1 XSD + CEN EN 16931 + Peppol BIS 3.0
 * inkl. NO-R-001/002) fra testene. Validatoren sjekker XSD mot Invoice-skjemaet; for en CreditNote kjører
 * vi xmllint mot UBL-CreditNote-2.1.xsd fra samme sett i stedet.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROT } from './hjelp.js';
import { harProgram, krev } from './krav.js';

/** Validatoren: ../shared/ehf ved siden av repoet, eller mappen i NH_EHF_VALIDATOR_MAPPE (README «Tester»). */
export const EHF_MAPPE = process.env.NH_EHF_VALIDATOR_MAPPE ?? path.resolve(ROT, '..', 'shared', 'ehf');
export const harEhfValidator = krev(
  existsSync(path.join(EHF_MAPPE, 'valider-ehf.mjs')),
  `EHF-validatoren (${path.join(EHF_MAPPE, 'valider-ehf.mjs')})`,
  'Legg shared/ ved siden av repoet (../shared/ehf), eller pek på mappen med NH_EHF_VALIDATOR_MAPPE=/sti/til/ehf.',
);
export const harXmllint = krev(harProgram('xmllint'), 'xmllint', 'Installer libxml2-utils (`.ci/run` gjør det).');

export type Avvik = { id: string; flag: string; text: string };

type Validator = { validate: (xml: string) => Promise<{ valid: boolean; xsdChecked: boolean; failed: Avvik[] }> };
let validator: Promise<Validator> | null = null;

function creditNoteXsd(xml: string): Avvik[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'ehf-kn-'));
  try {
    const f = path.join(dir, 'kreditnota.xml');
    writeFileSync(f, xml);
    const xsd = path.join(EHF_MAPPE, 'ubl-2.1-xsd', 'maindoc', 'UBL-CreditNote-2.1.xsd');
    const r = spawnSync('xmllint', ['--noout', '--schema', xsd, f], { encoding: 'utf8' });
    if (r.status === 0) return [];
    return (r.stderr || '')
      .split('\n')
      .filter((l) => l && !/validates$/.test(l))
      .map((text) => ({ id: 'UBL-2.1-XSD', flag: 'fatal', text }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Alle avvik (fatal og warning) for ett dokument; tom liste = gyldig uten merknader. */
export async function validerEhf(xml: string): Promise<{ avvik: Avvik[]; xsdSjekket: boolean }> {
  validator ??= import(pathToFileURL(path.join(EHF_MAPPE, 'valider-ehf.mjs')).href) as Promise<Validator>;
  const r = await (await validator).validate(xml);
  const kreditnota = /<CreditNote\b/.test(xml);
  const avvik = r.failed.filter((f) => !(kreditnota && f.id === 'UBL-2.1-XSD'));
  if (kreditnota && r.xsdChecked) avvik.push(...creditNoteXsd(xml));
  return { avvik: avvik.map((a) => ({ id: a.id, flag: a.flag, text: a.text })), xsdSjekket: r.xsdChecked };
}
