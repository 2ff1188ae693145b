/**
 * Importreglene i src/ (issue 22 pkt. 1–2, docs/arkitektur.md), sjekket av `npm run lint`:
 * ingen importsykel (heller ikke av typer), lagene peker innover (cli → io → domain), og i domain/ importerer
 * mappene hverandre bare nedover: felles ← datasett ← kontroll ← regelområdene ← konfig ← arbeidsmappe.
 */
const OMRADER = 'faktura|smb|budsjett|timesats|maltall|kts|aarsrapport';
module.exports = {
  forbidden: [
    {
      name: 'ingen-sykel',
      comment: 'En importsykel (også av typer) gjør rekkefølgen modulene lastes i, avhengig av hvem som kom først.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-er-rent',
      comment: 'domain/ er ren kjerne: ingen import fra io/ eller cli/, og ingen Node-moduler for I/O eller prosess.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: ['^src/(io|cli)/', '^(node:)?(fs|fs/promises|child_process|net|http|https|os|process|readline)$'] },
    },
    {
      name: 'io-under-cli',
      comment: 'io/ importerer aldri fra cli/.',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'felles-er-grunnmuren',
      comment: 'domain/felles importerer bare fra seg selv.',
      severity: 'error',
      from: { path: '^src/domain/felles/' },
      to: { path: '^src/domain/(?!felles/)' },
    },
    {
      name: 'datasett-over-felles',
      severity: 'error',
      from: { path: '^src/domain/datasett/' },
      to: { path: '^src/domain/(?!felles/|datasett/)' },
    },
    {
      name: 'kontroll-over-datasett',
      severity: 'error',
      from: { path: '^src/domain/kontroll/' },
      to: { path: '^src/domain/(?!felles/|datasett/|kontroll/)' },
    },
    {
      name: 'omrader-under-konfig',
      comment: 'Regelområdene leser aldri nh.json-skjemaet (konfig/ ligger øverst og leser dem).',
      severity: 'error',
      from: { path: `^src/domain/(${OMRADER})/` },
      to: { path: '^src/domain/konfig/' },
    },
    {
      name: 'omrader-hver-for-seg',
      comment:
        'Et regelområde importerer ikke et annet, unntatt budsjett → timesats, aarsrapport → maltall og ' +
        'aarsrapport → kts (årsrapporten leser AVI-loggen kts-plan fører; kts vet ingenting om årsrapporten).',
      severity: 'error',
      from: { path: `^src/domain/(${OMRADER})/` },
      to: {
        path: `^src/domain/(${OMRADER})/`,
        pathNot: [
          '^src/domain/$1/',
          '^src/domain/timesats/',
          '^src/domain/maltall/',
          '^src/domain/kts/',
        ],
      },
    },
    {
      name: 'kts-bare-for-aarsrapport',
      comment: 'Unntaket over for kts gjelder bare årsrapporten (AVI-loggen).',
      severity: 'error',
      from: { path: `^src/domain/(${OMRADER})/`, pathNot: '^src/domain/(aarsrapport|kts)/' },
      to: { path: '^src/domain/kts/' },
    },
    {
      name: 'arbeidsmappe-overst',
      comment: 'domain/arbeidsmappe (planene for nh init og nh sjekk) leser konfig og datasettene; ingen leser den.',
      severity: 'error',
      from: { path: '^src/domain/(?!arbeidsmappe/)' },
      to: { path: '^src/domain/arbeidsmappe/' },
    },
    {
      name: 'appene-hver-for-seg',
      comment:
        'En kommando (cli/app/<kommando>/) importerer ikke en annen; det felles står i cli/app/felles.ts og valg.ts. ' +
        'Som i domain/: budsjett leser timesatsene (årets lagrede eller fra ansatte) slik nh timesats gjør ' +
        '(timesats.ts og satser.ts, som leser og tolker de lagrede satsfilene).',
      severity: 'error',
      from: { path: '^src/cli/app/([^/]+)/' },
      to: { path: '^src/cli/app/[^/]+/', pathNot: ['^src/cli/app/$1/', '^src/cli/app/timesats/(timesats|satser)[.]ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
