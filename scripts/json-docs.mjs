/**
 * Issue 19 pkt. 10: docs/json.md fra JSON-skjemaene i src/cli/json/ (via dist/ og zods toJSONSchema), så
 * dokumentasjonen av `--json` aldri kan avvike fra det testene krever. Brukes av scripts/lag-docs.mjs.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const FELLES = new Set(['ok', 'versjon', 'kommando', 'exitKode', 'advarsler']);

function typeTekst(s) {
  if (s.anyOf) {
    const deler = s.anyOf.map(typeTekst);
    return [...new Set(deler)].join(' \\| ');
  }
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  const t = Array.isArray(s.type) ? s.type : s.type ? [s.type] : ['(hva som helst)'];
  return t
    .map((x) =>
      x === 'array'
        ? `liste av ${s.items ? typeTekst(s.items) : 'verdier'}`
        : x === 'object' && !s.properties
          ? 'objekt'
          : ({ string: 'tekst', number: 'tall', boolean: 'ja/nei', null: 'null', object: 'objekt' }[x] ?? x),
    )
    .join(' \\| ');
}

/** Tabellrader for et objektskjema: felt (med sti), type, beskrivelse; nestede objekter og lister får egne rader. */
function rader(s, sti, hopp = new Set()) {
  const ut = [];
  const krevd = new Set(s.required ?? []);
  for (const [navn, felt] of Object.entries(s.properties ?? {})) {
    if (hopp.has(navn)) continue;
    const full = sti ? `${sti}.${navn}` : navn;
    const valgfri = krevd.has(navn) ? '' : ' (kan mangle)';
    const beskr = `${felt.description ?? ''}${valgfri}`.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    ut.push(`| \`${full}\` | ${typeTekst(felt)} | ${beskr} |`);
    const indre = objektDel(felt);
    if (indre?.obj) ut.push(...rader(indre.obj, `${full}${indre.liste ? '[]' : ''}`));
  }
  return ut;
}

/** Objektet inne i et felt (direkte, nullbart, eller som listeelement). */
function objektDel(s) {
  if (s.type === 'object' && s.properties) return { obj: s, liste: false };
  if (s.type === 'array' && s.items) {
    const i = objektDel(s.items);
    return i ? { obj: i.obj, liste: true } : null;
  }
  for (const v of s.anyOf ?? []) {
    const i = objektDel(v);
    if (i) return i;
  }
  return null;
}

/** Et resultatskjema kan være én form eller flere (modus/status); hver form får sin tabell. */
function former(s) {
  if (!s.anyOf && !s.oneOf) return [{ navn: null, s }];
  return (s.anyOf ?? s.oneOf).map((v) => {
    const p = v.properties ?? {};
    const skille = ['modus', 'status'].find((k) => p[k]?.const !== undefined);
    if (skille) return { navn: `${skille} «${p[skille].const}» — ${p[skille].description ?? ''}`, s: v };
    if (p.status?.enum) return { navn: `status ${p.status.enum.map((x) => `«${x}»`).join(', ')}`, s: v };
    if (p.resultat)
      return { navn: 'avvist (exit 1) — en regel sa nei; `resultat` har formen over med status «avvist»', s: v };
    return { navn: null, s: v };
  });
}

const TABELL = ['| Felt | Type | Beskrivelse |', '|---|---|---|'];

export async function lagJsonDocs(ROT) {
  const { z } = await import(pathToFileURL(path.join(ROT, 'node_modules', 'zod', 'index.js')).href);
  const json = await import(pathToFileURL(path.join(ROT, 'dist', 'cli', 'json', 'index.js')).href);
  const tilSkjema = (s) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' });
  const feil = tilSkjema(json.feilResultat);
  const ut = [
    '# `--json`: feltene per kommando',
    '',
    '<!-- Generert av scripts/lag-docs.mjs fra src/cli/json/. Ikke rediger for hånd: kjør `npm run docs`. -->',
    '',
    'Med `--json` skriver hver kommando ett JSON-objekt på stdout og ingenting annet der (meldinger og advarsler',
    'står også i objektet). Formen er en kontrakt for skript: testene sjekker hvert resultat mot skjemaene i',
    '`src/cli/json/`, og denne filen er laget fra dem. Beløp er kroner som tall med to desimaler (regnet fra',
    'heltall øre), prosent som 75 for 75 %, datoer som `åååå-mm-dd` og måneder som `åååå-mm`.',
    '',
    `Versjon ${json.JSON_VERSJON} av formen. \`versjon\` økes når et felt endrer navn, type eller betydning; et nytt felt`,
    'øker den ikke, så et skript bør tåle felt det ikke kjenner.',
    '',
    '## Felles for alle kommandoene',
    '',
    'Hvert resultat begynner med de samme feltene og slutter med `advarsler`:',
    '',
    ...TABELL,
    ...rader(feil, '', new Set(['feil', 'skrevet'])),
    '',
    '### Feil (exit 2 og 3)',
    '',
    'Ugyldig inndata, bruk eller miljø (exit 2) og en intern feil i nh (exit 3) gir de felles feltene og:',
    '',
    ...TABELL,
    ...rader(feil, '', FELLES),
    '',
  ];
  for (const [kommando, skjema] of Object.entries(json.JSON_SKJEMA)) {
    ut.push(`## \`nh ${kommando}\``, '');
    for (const f of former(tilSkjema(skjema))) {
      if (f.navn) ut.push(`### ${f.navn}`, '');
      ut.push(...TABELL, ...rader(f.s, '', FELLES), '');
    }
  }
  return ut.join('\n');
}
