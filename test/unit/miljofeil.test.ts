/**
 * Issue 11 pkt. 7: fs-feil er brukerens miljø. Feilgrensen (src/cli/kjor.ts) gjør dem om til exit 2 med
 * stien og hva brukeren kan gjøre — uansett hvor i koden feilen oppsto. (EACCES kan ikke lages som root i
 * en e2e-test, derfor her; EISDIR, ENOSPC og EROFS prøves også ende til ende i robusthet/krasj-testene.)
 */
import { describe, expect, it } from 'vitest';
import { haandterFeil } from '../../src/cli/kjor.js';
import { miljoDiagnostikk } from '../../src/domain/felles/diagnostikk.js';
import { tomMappe } from '../hjelp.js';

function fangUtskrift() {
  const feil: string[] = [];
  const json: unknown[] = [];
  const u = {
    farge: { red: (s: string) => s },
    skrivFeil: (s: string) => feil.push(s),
    skrivJson: (d: unknown) => json.push(d),
    skrivUt: (s: string) => feil.push(s),
    visDiagnostikk: (ds: { melding: string; kilde?: { fil: string } }[]) => {
      for (const d of ds) feil.push(`${d.kilde?.fil ?? ''}: ${d.melding}`);
    },
  };
  return { u: u as unknown as Parameters<typeof haandterFeil>[0], feil, json };
}

const fsFeil = (code: string, syscall: string, sti: string) =>
  Object.assign(new Error(`${code}: noe gikk galt, ${syscall} '${sti}'`), { code, syscall, path: sti, errno: -1 });

describe('feilgrensen: fs-feil → exit 2 med stien (før: «Intern feil», exit 3)', () => {
  it.each([
    ['EACCES', 'open', /Mangler tilgang til å åpne filen eller mappen/, 'ingen-tilgang'],
    ['EPERM', 'unlink', /Mangler tilgang til å skrive/, 'ingen-tilgang'],
    ['ENOSPC', 'write', /Disken \(eller lagringskvoten\) er full/, 'disk-full'],
    ['EROFS', 'open', /skrivebeskyttet filsystem/, 'skrivebeskyttet'],
    ['EISDIR', 'read', /er en mappe, men nh forventet en fil/, 'er-mappe'],
    ['ENOTDIR', 'mkdir', /En del av stien er en fil/, 'ikke-mappe'],
    ['EBUSY', 'rename', /åpen i Excel/, 'fil-laast'],
    ['EMFILE', 'open', /For mange åpne filer/, 'for-mange-filer'],
    ['ENAMETOOLONG', 'open', /Stien er for lang/, 'for-lang-sti'],
    ['ELOOP', 'open', /peker i ring/, 'lenke-i-ring'],
    ['EIO', 'read', /Kunne ikke lese filen \(EIO\)/, 'io-feil'],
  ])('%s', (code, syscall, melding, kode) => {
    const { u, feil, json } = fangUtskrift();
    const sti = '/data/Næringshage/faktura/2026-10/fakturagrunnlag.csv';
    expect(haandterFeil(u, fsFeil(code, syscall, sti), true)).toBe(2);
    const tekst = feil.join('\n');
    expect(tekst).toContain(sti);
    expect(tekst).toMatch(melding);
    expect(tekst).not.toMatch(/Intern feil/);
    expect(json[0]).toMatchObject({ ok: false, exitKode: 2, feil: [{ kode, kilde: { fil: sti } }] });
  });

  it('ENOENT og andre feil er fortsatt exit 3 (en feil i nh) med koden intern-feil', () => {
    const { u, json } = fangUtskrift();
    expect(haandterFeil(u, fsFeil('ENOENT', 'open', '/x/templates/mal.json'), false)).toBe(3);
    expect(haandterFeil(u, new TypeError('x is undefined'), true)).toBe(3);
    expect(json[0]).toMatchObject({
      ok: false,
      exitKode: 3,
      feil: [{ kode: 'intern-feil', melding: 'x is undefined' }],
    });
  });

  it('EPERM på Windows er nesten alltid en fil som er åpen i Excel', () => {
    expect(miljoDiagnostikk(fsFeil('EPERM', 'rename', 'C:\\\\nh\\\\x.csv'), undefined, true).kode).toBe('fil-laast');
  });
});

describe('issue 11 pkt. 9: feil midt i renamene sier nøyaktig hva som ble skrevet', () => {
  it('den andre filen blir en mappe etter at alt er skrevet til temp: a er skrevet, b ikke — og feilgrensen sier det', async () => {
    const { mkdirSync, readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { skrivFiler } = await import('../../src/io/skriv/skriv.js');
    const { InndataFeil } = await import('../../src/domain/felles/diagnostikk.js');
    const d = tomMappe();
    const a = path.join(d, 'a.csv');
    const b = path.join(d, 'b.csv');
    let fanget: unknown;
    try {
      await skrivFiler(
        [
          { sti: a, innhold: 'A' },
          { sti: b, innhold: 'B' },
        ],
        {
          overskriv: true,
          kritisk: async (renameAlle) => {
            mkdirSync(b); // noen lager en mappe med samme navn i mellomtiden
            await renameAlle();
          },
        },
      );
    } catch (e) {
      fanget = e;
    }
    expect(fanget).toBeInstanceOf(InndataFeil);
    expect((fanget as InstanceType<typeof InndataFeil>).skrevet).toEqual([a]);
    expect(readFileSync(a, 'utf8')).toBe('A');
    expect(readdirSync(d).sort()).toEqual(['a.csv', 'b.csv']); // ingen midlertidige filer igjen
    const { u, feil } = fangUtskrift();
    expect(haandterFeil(u, fanget, false)).toBe(2);
    expect(feil.join('\n')).toContain(`1 feil. Skrevet før feilen: ${a}.`);
    expect(feil.join('\n')).not.toMatch(/Ingenting er skrevet/);
    expect(feil.join('\n')).toContain(`Ikke skrevet: ${b}.`);
  });

  it('mange filer skrives noen om gangen: feiler to, skrives ingenting, ingen midlertidige filer blir igjen, og den første i rekkefølgen nevnes', async () => {
    const { readdirSync, writeFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { skrivFiler } = await import('../../src/io/skriv/skriv.js');
    const d = tomMappe();
    // «hindring» og «sperre» er filer, så en fil «under» dem kan ikke lages (ENOTDIR).
    writeFileSync(path.join(d, 'hindring'), 'x');
    writeFileSync(path.join(d, 'sperre'), 'x');
    const filer = Array.from({ length: 40 }, (_, i) => ({
      sti:
        i === 13
          ? path.join(d, 'hindring', 'f13.csv')
          : i === 27
            ? path.join(d, 'sperre', 'f27.csv')
            : path.join(d, `f${i}.csv`),
      innhold: `fil ${i}\n`.repeat(2000),
    }));
    const { InndataFeil } = await import('../../src/domain/felles/diagnostikk.js');
    const e = await skrivFiler(filer, { overskriv: true }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InndataFeil);
    const diag = (e as InstanceType<typeof InndataFeil>).diagnostikk;
    expect(diag.map((x) => [x.kode, x.kilde?.fil])).toEqual([['ikke-mappe', path.join(d, 'hindring')]]);
    expect(readdirSync(d).sort()).toEqual(['hindring', 'sperre']);
  });
});
