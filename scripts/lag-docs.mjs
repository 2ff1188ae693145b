#!/usr/bin/env node
/**
 * Skriver de genererte dokumentene fra koden (via dist/), så de aldri kan avvike fra det nh gjør:
 * docs/datasett.md (datasett-definisjonene), docs/maltall.md (måltallene), docs/feilkoder.md (feilkoderegisteret
 * med gjenskapingene i fixtures/bad) og docs/json.md (`--json`-skjemaene, scripts/json-docs.mjs). `npm run docs`
 * bygger først; CI (.ci/run) feiler når dette endrer en fil eller lager en ny.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(ROT, 'dist', 'domain', 'datasett');
const defs = [];
for (const f of readdirSync(DIR)
  .filter((f) => f.endsWith('.js'))
  .sort()) {
  const mod = await import(pathToFileURL(path.join(DIR, f)).href);
  for (const [navn, v] of Object.entries(mod))
    if (navn.endsWith('Def') && v && typeof v === 'object' && 'kolonner' in v) defs.push(v);
}
const rekkefolge = ['ansatte', 'malbedrifter', 'timer', 'tilskudd', 'kostnader'];
defs.sort(
  (a, b) =>
    (rekkefolge.indexOf(a.navn) + 1 || 99) - (rekkefolge.indexOf(b.navn) + 1 || 99) || a.navn.localeCompare(b.navn),
);

const ut = [
  '# Datasettene',
  '',
  '<!-- Generert av scripts/lag-docs.mjs fra src/domain/datasett/. Ikke rediger for hånd: kjør `npm run docs`. -->',
  '',
  'Hvert datasett leses fra `<navn>.csv` eller `<navn>.xlsx` i arbeidsmappen (finnes begge, stopper nh og nevner dem).',
  '`nh init` skriver malene med overskriftene en administrator leser («Årslønn», «Stilling %»); nh leser både dem og',
  'nøklene (`arslonn`, `stillingsprosent`) med samme leser — demoen har lesbare overskrifter i `ansatte` og',
  '`malbedrifter` og nøklene i de andre. En ukjent overskrift får den nærmeste godtatte foreslått («Mente du «Stilling %»?»).',
  'Overskrifter sammenlignes uten hensyn til store/små bokstaver, æøå/aksenter, mellomrom, `_`, `-` og `.`;',
  'i tillegg godtas aliasene under, og `nh.json` kan koble andre navn (`"kolonner": { "timer": { "Prosjekt": "malbedrift" } }`)',
  'eller be nh overse kolonner (`"ignorerKolonner": { "timer": ["Fakturerbar"] }`). En ukjent kolonne er ellers en feil,',
  'så en feilstavet overskrift aldri blir stille oversett.',
  '',
  'Verdier: beløp i kroner med inntil to desimaler («1 234,50», «1.234,50», «1234.5»), prosent som «75» eller «75 %»',
  '(xlsx-celler med prosentformat leses som prosent), datoer som dd.mm.åååå, åååå-mm-dd eller Excel-serienummer,',
  'ja/nei som «ja»/«nei» (også «x», «1»/«0»). Rad 1 er overskriften; feilmeldinger bruker Excels radnummer.',
  '',
  ...`## Hva nh nekter å gjette (issue 11)

nh regner med penger som går til Siva og støtteregisteret, så en verdi nh ikke kan tolke sikkert, er en feil (exit 2)
med verdien og hva som var ventet — aldri en stille avrunding eller en antakelse. Tolkningene er valgt slik en
Siva-kontrollør ville lest regnearket:

- **Tall.** Mellomrom er bare tusenskille mellom tregrupper («650 000»); «65 00 00» og «1 2 3» avvises.
  «650,000» i et beløp eller timer (høyst to desimaler) avvises som tvetydig — tusenskille (650 000) eller
  desimalkomma (650)? Skriv «650 000» eller «650,00». I prosent og kurs (fire desimaler) er «11,750» et desimaltall.
  «1.234» (ett punktum og tre sifre) er tusenskille, slik norsk Excel skriver det. «(650 000)» er −650 000
  (regnskapsparentes); «(-650 000)» avvises (to fortegn).
- **Desimaler.** Et beløp med mer enn to desimaler er en feil, både i CSV og xlsx (985 000,125 kr avvises også
  når Excel lagrer det som tall). Bare formelstøy i 15. siffer (0,1 + 0,2) godtas.
- **Prosent som brøk.** En prosent mellom 0 og 1 uten prosenttegn («0,75» i en vanlig celle) er nesten alltid
  brøken for 75 % og avvises med forslaget «75». Mener du under 1 %, skriv prosenttegnet: «0,75 %». En xlsx-celle
  med prosentformat leses som prosent (0,75 vist som 75 % = 75 %).
- **Rimelige verdier.** Markedspris per time (nh.json \`markedsprisPerTime\`, \`faktura.tjenestepriser\`,
  \`ansatte.markedspris\`, \`malbedrifter.markedspris\`): 100–10 000 kr; 0 eller negativ avvises. Årslønn:
  10 000–10 000 000 kr. Ethvert beløp: høyst 1 000 000 000 kr (så summene alltid er eksakte heltall øre).
  Timer: over 0 og høyst 24 per linje, og høyst 24 per person per dag summert over linjene (\`nh sjekk\`,
  \`nh faktura\`, \`nh budsjett --regnskap\`).
- **Timer som klokkeslett.** En xlsx-celle med tidsformat (\`[t]:mm\`, \`t:mm\`) leses som timer og minutter
  («7:30» = 7,5 timer), også over 24. Minuttene må gå opp i hundredels timer (delelig med 3: 7:15, 7:30, 7:45).
- **Tekst.** Kontrolltegn (ESC, NUL …) avvises i alle tekstfelt. Felt på høyst 200 tegn (navn, koder, aktiviteter)
  er én linje; linjeskift (Alt+Enter) godtas bare i lengre fritekst (beskrivelse, kommentar). Kontrolltegn som
  likevel skal skrives til terminalen, vises synlig (␛, ␍).
- **Ark i xlsx.** nh leser arket med datasettets navn (f.eks. «ansatte», også bak en «Forside»), ellers det
  første synlige arket. Skjulte ark («hidden» eller «veryHidden») leses aldri stille: er arket med datasettets navn
  skjult, sier nh det og stopper. Verdier til høyre for siste overskrift er en feil.
- **Størrelse.** Høyst 16 384 kolonner (Excels grense) og 32 767 tegn per celle.

## nh.json

Feltene er beskrevet i README og hver kommandos docs-fil. Valgfrie felt og standardverdiene (samme enhet som i
filen: prosent som 75, kroner som 1250): \`versjon\` 1, \`stotteintensitet\` 75, \`mvaSats\` 25,
\`andreSosialeKostnaderProsent\` 0, \`timerPerArsverk\` 1695, \`adminKoder\` ["ADM"], \`kolonner\` {},
\`ignorerKolonner\` {}. Seksjonene \`faktura\` (docs/faktura.md) og \`smb\` (docs/smb-sjekk.md) brukes av
kommandoene med de navnene, men hører til nh.json-skjemaet: en ukjent nøkkel (med forslag) eller en ugyldig verdi i
dem er en feil for alle kommandoene, som ellers i filen.

**Verdier nh aldri gjetter** (issue 19 pkt. 2): \`eurNok.kurs\` (Norges Banks EUR-kurs nær fakturadatoen),
\`arbeidsgiveravgiftSats\` (sonen til kommunen), \`andreSosialeKostnaderProsent\`, \`indirekteKostnaderPerAr\` og
\`markedsprisPerTime\`. \`nh init\` tar dem som flagg (\`--eur-kurs\`, \`--arbeidsgiveravgift\`, \`--andre-sosiale\`,
\`--indirekte\`, \`--markedspris\`) eller spør om dem på en TTY; ellers skriver den «FYLL INN …» med hvor verdien
finnes. En verdi som begynner med «FYLL INN», er tom eller null (eller mangler, unntatt
\`andreSosialeKostnaderProsent\`, som da er 0), er ikke fylt inn: kommandoene som trenger den, stopper med exit 2,
feltet og hvor verdien finnes, og \`nh sjekk\` lister dem. Skriv tallet i stedet for teksten, f.eks.
\`"arbeidsgiveravgiftSats": 14.1\` eller \`"14,1"\`.

Et felt nh ikke kjenner, er en feil med nærmeste gyldige felt («stotteIntensitet» — mente du
«stotteintensitet»?), også inne i \`naeringshage\`, \`eurNok\` og seksjonene. Felt som begynner med «_» er
kommentarer, og «$schema» er lov. Feil type sier hva som var ventet og hva som sto der («forventet et tall, fant
teksten «2026»»); «mangler» brukes bare når feltet mangler. En nh.json som finnes men ikke kan leses (en mappe,
ingen lesetilgang), sies med årsaken — ikke som «Fant ikke».
`.split('\n'),
];
for (const d of defs) {
  ut.push(`## \`${d.navn}\``, '', d.beskrivelse, '');
  if (d.unik?.length) ut.push(`Unik per fil: ${d.unik.map((u) => `\`${u}\``).join(', ')}.`, '');
  ut.push(
    '| Overskrift i malen | Nøkkel | Påkrevd | Også godtatt | Beskrivelse | Eksempel |',
    '|---|---|---|---|---|---|',
  );
  for (const [nokkel, k] of Object.entries(d.kolonner)) {
    const verdier = k.verdier?.length ? ` Lovlige verdier: ${k.verdier.map((v) => `«${v}»`).join(', ')}.` : '';
    ut.push(
      `| ${k.overskrift ?? nokkel} | \`${nokkel}\` | ${k.paakrevd ? 'ja' : 'nei'} | ${(k.alias ?? []).map((a) => `«${a}»`).join(', ')} | ${k.beskrivelse}${verdier} | ${k.eksempel} |`,
    );
  }
  ut.push('');
}
writeFileSync(path.join(ROT, 'docs', 'datasett.md'), ut.join('\n'));
console.log(`docs/datasett.md: ${defs.length} datasett`);

// docs/maltall.md: måltallene (programveileder 11.2) med AVIs hjelpetekst og nh sin definisjon.
const { MALTALL, TOLKNINGER } = await import(
  pathToFileURL(path.join(ROT, 'dist', 'domain', 'maltall', 'definisjoner.js')).href
);
const mt = [
  '# Måltallene (programveileder 11.2)',
  '',
  '<!-- Generert av scripts/lag-docs.mjs fra src/domain/maltall/definisjoner.ts. Ikke rediger for hånd: kjør `npm run docs`. -->',
  '',
  'Samme definisjon brukes for grunnlaget (`nh årsrapport --maltall <år>`) og resultatet (`nh årsrapport --år <år>`),',
  'så mål og resultat er sammenlignbare. Se docs/aarsrapport.md for kommandoene. «AVIs hjelpetekst» er ordrett fra',
  'programveilederen 11.2 (issue 20 pkt. 11); nh sin korte form står i «Slik regner nh det».',
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
    mt.push(
      `## ${omrade}`,
      '',
      '| id | Måltall (AVI) | Enhet | Slik regner nh det | AVIs hjelpetekst |',
      '|---|---|---|---|---|',
    );
  }
  // AVIs hjelpetekst er ordrett fra 11.2, med linjeskift (punktliste): <br> i tabellcellen.
  const hjelp = m.hjelpetekst.replace(/\n/g, '<br>');
  mt.push(`| \`${m.id}\` | ${m.navn} | ${m.enhet} | ${m.definisjon} | ${hjelp} |`);
  if (MALTALL[MALTALL.indexOf(m) + 1]?.omrade !== omrade) mt.push('');
}
writeFileSync(path.join(ROT, 'docs', 'maltall.md'), mt.join('\n'));
console.log(`docs/maltall.md: ${MALTALL.length} måltall`);

// docs/feilkoder.md: registeret over feil- og advarselskodene (issue 22 pkt. 5), i blokkene fra kildefilen,
// med gjenskapingen hver kode har (en mappe i fixtures/bad, eller testen i `vises`).
const { FEILKODER } = await import(pathToFileURL(path.join(ROT, 'dist', 'domain', 'felles', 'feilkoder.js')).href);
const BAD = path.join(ROT, 'fixtures', 'bad');
const mapper = new Map();
for (const d of readdirSync(BAD).sort()) {
  const f = path.join(BAD, d, 'tilfelle.json');
  if (!existsSync(f)) continue;
  const { forventet } = JSON.parse(readFileSync(f, 'utf8'));
  for (const k of [forventet?.kode, ...(forventet?.ogsa ?? [])]) if (k) mapper.set(k, [...(mapper.get(k) ?? []), d]);
}
const blokker = [];
for (const linje of readFileSync(path.join(ROT, 'src', 'domain', 'felles', 'feilkoder.ts'), 'utf8').split('\n')) {
  const blokk = /^\s*\/\/ ————— (.+?) —————/.exec(linje);
  if (blokk) blokker.push({ navn: blokk[1], koder: [] });
  const kode = /^\s*'([a-z0-9-]+)': \{/.exec(linje);
  if (kode && blokker.length) blokker.at(-1).koder.push(kode[1]);
}
const ALVOR = { feil: 'feil (exit 2)', nei: 'nei (exit 1)', advarsel: 'advarsel', intern: 'intern (exit 3)' };
const fk = [
  '# Feilkodene',
  '',
  '<!-- Generert av scripts/lag-docs.mjs fra src/domain/felles/feilkoder.ts. Ikke rediger for hånd: kjør `npm run docs`. -->',
  '',
  'Hver feil og advarsel nh gir, har en kode (`kode` i `--json`). Alvor: **feil** = ugyldig inndata, bruk eller',
  'miljø (exit 2, ingenting skrevet); **nei** = en regel sier nei (exit 1); **advarsel** = kjøringen går videre og',
  'sier fra; **intern** = en feil i nh (exit 3, skal aldri skje — meld den). Hjemmel er programveilederens punkt',
  '(eller GBER) der en regel ligger bak. Gjenskaping: mappen i `fixtures/bad/` som viser koden',
  '(`test/e2e/bad-input.test.ts` kjører den og fester meldingen i `melding.txt`), eller testen som gjør det der en',
  'mappe ikke kan (miljøet, et svar i terminalen, to kjøringer samtidig).',
  '',
  'En ny kode: én linje nederst i blokken for området i `src/domain/felles/feilkoder.ts`, et tilfelle i',
  '`scripts/lag-bad-koder.mjs` (`npm run lag-fixtures`, så `npx vitest run test/e2e/bad-input.test.ts -u`) og',
  '`npm run docs`. `test/unit/feilkoder.test.ts` feiler for en kode som brukes uten å stå her, som står her uten å',
  'brukes, eller som mangler gjenskaping.',
  '',
];
let antallKoder = 0;
for (const b of blokker) {
  fk.push(`## ${b.navn}`, '', '| Kode | Alvor | Betyr | Hjemmel | Gjenskaping |', '|---|---|---|---|---|');
  for (const k of b.koder) {
    const i = FEILKODER[k];
    const vis = (mapper.get(k) ?? []).map((d) => `\`fixtures/bad/${d}\``);
    if (!vis.length && i.vises) vis.push(`\`${i.vises}\``);
    fk.push(
      `| \`${k}\` | ${ALVOR[i.alvor]} | ${i.betyr.replace(/</g, '&lt;')} | ${i.hjemmel ?? ''} | ${vis.slice(0, 2).join(', ')} |`,
    );
    antallKoder++;
  }
  fk.push('');
}
writeFileSync(path.join(ROT, 'docs', 'feilkoder.md'), fk.join('\n'));
console.log(`docs/feilkoder.md: ${antallKoder} koder`);

// docs/json.md: feltene i --json per kommando, fra skjemaene i src/cli/json/ (issue 19 pkt. 10).
const { lagJsonDocs } = await import('./json-docs.mjs');
writeFileSync(path.join(ROT, 'docs', 'json.md'), await lagJsonDocs(ROT));
console.log('docs/json.md: --json for alle kommandoene');
