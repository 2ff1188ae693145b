#!/usr/bin/env node
/**
 * Skriver docs/datasett.md fra datasett-definisjonene (src/domain/datasett/*.ts, via dist/), så
 * dokumentasjonen aldri kan avvike fra det nh faktisk leser. Kjør etter `npm run build`: `npm run docs`.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(ROT, 'dist', 'domain', 'datasett');
const defs = [];
for (const f of readdirSync(DIR).filter((f) => f.endsWith('.js')).sort()) {
  const mod = await import(pathToFileURL(path.join(DIR, f)).href);
  for (const [navn, v] of Object.entries(mod)) if (navn.endsWith('Def') && v && typeof v === 'object' && 'kolonner' in v) defs.push(v);
}
const rekkefolge = ['ansatte', 'malbedrifter', 'timer', 'tilskudd', 'kostnader'];
defs.sort((a, b) => (rekkefolge.indexOf(a.navn) + 1 || 99) - (rekkefolge.indexOf(b.navn) + 1 || 99) || a.navn.localeCompare(b.navn));

const ut = [
  '# Datasettene',
  '',
  '<!-- Generert av scripts/lag-docs.mjs fra src/domain/datasett/. Ikke rediger for hånd: kjør `npm run docs`. -->',
  '',
  'Hvert datasett leses fra `<navn>.csv` eller `<navn>.xlsx` i arbeidsmappen (finnes begge, stopper nh og nevner dem).',
  'Overskrifter sammenlignes uten hensyn til store/små bokstaver, æøå/aksenter, mellomrom, `_`, `-` og `.`;',
  'i tillegg godtas aliasene under, og `nh.json` kan koble andre navn (`"kolonner": { "timer": { "Prosjekt": "malbedrift" } }`)',
  'eller be nh overse kolonner (`"ignorerKolonner": { "timer": ["Fakturerbar"] }`). En ukjent kolonne er ellers en feil,',
  'så en feilstavet overskrift aldri blir stille oversett.',
  '',
  'Verdier: beløp i kroner med inntil to desimaler («1 234,50», «1.234,50», «1234.5»), prosent som «75» eller «75 %»',
  '(xlsx-celler med prosentformat leses som prosent), datoer som dd.mm.åååå, åååå-mm-dd eller Excel-serienummer,',
  'ja/nei som «ja»/«nei» (også «x», «1»/«0»). Rad 1 er overskriften; feilmeldinger bruker Excels radnummer.',
  '',
];
for (const d of defs) {
  ut.push(`## \`${d.navn}\``, '', d.beskrivelse, '');
  if (d.unik?.length) ut.push(`Unik per fil: ${d.unik.map((u) => `\`${u}\``).join(', ')}.`, '');
  ut.push('| Kolonne | Påkrevd | Også godtatt | Beskrivelse | Eksempel |', '|---|---|---|---|---|');
  for (const [nokkel, k] of Object.entries(d.kolonner)) {
    const verdier = k.verdier?.length ? ` Lovlige verdier: ${k.verdier.map((v) => `«${v}»`).join(', ')}.` : '';
    ut.push(`| \`${nokkel}\` | ${k.paakrevd ? 'ja' : 'nei'} | ${(k.alias ?? []).map((a) => `«${a}»`).join(', ')} | ${k.beskrivelse}${verdier} | ${k.eksempel} |`);
  }
  ut.push('');
}
writeFileSync(path.join(ROT, 'docs', 'datasett.md'), ut.join('\n'));
console.log(`docs/datasett.md: ${defs.length} datasett`);

// docs/maltall.md: måltallene (programveileder 11.2) med AVIs hjelpetekst og nh sin definisjon.
const { MALTALL, TOLKNINGER } = await import(pathToFileURL(path.join(ROT, 'dist', 'domain', 'maltall.js')).href);
const mt = [
  '# Måltallene (programveileder 11.2)',
  '',
  '<!-- Generert av scripts/lag-docs.mjs fra src/domain/maltall-definisjoner.ts. Ikke rediger for hånd: kjør `npm run docs`. -->',
  '',
  'Samme definisjon brukes for grunnlaget (`nh årsrapport --maltall <år>`) og resultatet (`nh årsrapport --år <år>`),',
  'så mål og resultat er sammenlignbare. Se docs/aarsrapport.md for kommandoene.',
  '',
  '## Tolkninger',
  '',
  ...TOLKNINGER.map((t) => `- ${t}`),
  '',
];
let omrade = '';
for (const m of MALTALL) {
  if (m.omrade !== omrade) {
    omrade = m.omrade;
    mt.push(`## ${omrade}`, '', '| id | Måltall (AVI) | Enhet | Slik regner nh det | AVIs hjelpetekst |', '|---|---|---|---|---|');
  }
  mt.push(`| \`${m.id}\` | ${m.navn} | ${m.enhet} | ${m.definisjon} | ${m.hjelpetekst} |`);
  if (MALTALL[MALTALL.indexOf(m) + 1]?.omrade !== omrade) mt.push('');
}
writeFileSync(path.join(ROT, 'docs', 'maltall.md'), mt.join('\n'));
console.log(`docs/maltall.md: ${MALTALL.length} måltall`);
