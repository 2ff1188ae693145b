/**
 * Krasjsikkerhet (issue 8): `nh faktura` drepes med SIGKILL ved hvert testpunkt i skrivingen
 * (NH_TESTPUNKT_DREP, se src/io/skriv/skriv.ts). Etterpå er registeret og utfilene enten nøyaktig som før
 * eller nøyaktig som etter en vellykket kjøring — aldri midt imellom — og neste kjøring fullfører.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kopier, nh, nhProsess, ROT } from '../hjelp.js';
import { krev } from '../krav.js';
import { kryssjekk } from '../kryssjekk.js';

const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');
const P = ['--periode', '2026-10'];
/**
 * Hvert øyeblikk i skrivingen der en krasj gir en egen tilstand på disken. To navn på samme øyeblikk testes én gang
 * (src/io/skriv/skriv.ts kaller dem rett etter hverandre, uten noe imellom): «stotteregister:for-rename» er
 * «faktura:for-register» (begge i registerets forRename), og «etter-rename:stotteregister.csv» er
 * «stotteregister:etter-rename».
 */
const PUNKTER = [
  'for-rename',
  'faktura:for-dokumenter',
  'etter-rename:fakturagrunnlag.xlsx',
  'etter-rename:fakturagrunnlag.csv',
  'faktura:for-register',
  'stotteregister:halvskrevet',
  'stotteregister:etter-rename',
];

/**
 * Testpunktene før registeret er skrevet ferdig: prosessen drepes alltid der, registeret er byte for byte som
 * før kjøringen, og neste kjøring fakturerer perioden (etter «faktura:for-register» med advarselen om den
 * avbrutte kjøringen).
 */
const FOR_REGISTERET = ['stotteregister:halvskrevet', 'faktura:for-register'];
/** Etter at registeret er døpt om: perioden står i registeret, og neste kjøring sier «allerede fakturert». */
const ETTER_REGISTERET = 'stotteregister:etter-rename';

const les = (p: string) => (existsSync(p) ? readFileSync(p) : null);
/** Registeret uten kjøringens tidsstempel (siste kolonne), som naturlig skiller to kjøringer. */
const utenKjoring = (b: Buffer | null) => (b === null ? null : b.toString('utf8').replace(/;[^;\r\n]*(\r?\n)/g, ';$1'));
/**
 * Pengene i en fil, uten fakturaidentiteten: registerets kolonner periode … stotteEur og type; fakturagrunnlagets
 * kolonner etter ordrenr. Issue 23: etter en kjøring som døde etter at dokumentene var skrevet, får fakturaene nye
 * ordrereferanser (de gamle kan være importert og brukes aldri igjen) — beløpene er de samme.
 */
const penger = (b: Buffer | null, kolonner: [number, number]) =>
  b === null
    ? null
    : b
        .toString('utf8')
        .split('\r\n')
        .map((l) =>
          l
            .split(';')
            .slice(...kolonner)
            .join(';'),
        );

function tilstand(ws: string) {
  return {
    register: les(path.join(ws, 'stotteregister.csv')),
    csv: les(path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.csv')),
    xlsx: existsSync(path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.xlsx')),
  };
}

describe('krasj midt i nh faktura', () => {
  // Fasit: én kjøring uten krasj fra samme utgangspunkt (forrige måned allerede fakturert).
  let foer: ReturnType<typeof tilstand>;
  let etter: ReturnType<typeof tilstand>;
  /** Arbeidsmappen med september fakturert: hver test starter fra en kopi av den (ingen stier i filene). */
  let september: string;
  beforeAll(async () => {
    september = kopier(LITEN);
    expect((await nh(['faktura', '--data', september, '--periode', '2026-09'])).kode).toBe(0);
    foer = tilstand(september);
    const fasitMappe = kopier(september);
    expect((await nh(['faktura', '--data', fasitMappe, ...P])).kode).toBe(0);
    etter = tilstand(fasitMappe);
  });
  let drept = 0;

  it.each(PUNKTER)(
    'SIGKILL ved «%s»: registeret er som før eller som etter, og neste kjøring fullfører',
    async (punkt) => {
      const ws = kopier(september);
      const registerFoer = readFileSync(path.join(ws, 'stotteregister.csv'));
      const r = await nh(['faktura', '--data', ws, ...P], { env: { NH_TESTPUNKT_DREP: punkt } });
      if (r.kode === -1) drept++;
      if (FOR_REGISTERET.includes(punkt) || punkt === ETTER_REGISTERET) expect(r.kode).toBe(-1); // drept av signal
      const t = tilstand(ws);
      const somFoer = utenKjoring(t.register) === utenKjoring(foer.register);
      const somEtter = utenKjoring(t.register) === utenKjoring(etter.register);
      expect(somFoer || somEtter, `registeret etter krasj ved ${punkt} er verken før- eller etter-tilstanden`).toBe(
        true,
      );
      if (FOR_REGISTERET.includes(punkt)) expect(t.register!.equals(registerFoer)).toBe(true);
      if (punkt === ETTER_REGISTERET) expect(somEtter).toBe(true);
      // En utfil finnes enten helt (lik fasit) eller ikke; aldri halvskrevet.
      if (t.csv) expect(t.csv.equals(etter.csv!)).toBe(true);

      const igjen = await nh(['faktura', '--data', ws, ...P, '--json']);
      expect(igjen.kode, igjen.stderr).toBe(0);
      expect(['fakturert', 'allerede-fakturert']).toContain(igjen.json().status);
      if (FOR_REGISTERET.includes(punkt)) expect(igjen.json().status).toBe('fakturert');
      if (punkt === 'faktura:for-register')
        expect(igjen.json().advarsler.map((a: { kode: string }) => a.kode)).toContain('avbrutt-kjoring');
      if (punkt === ETTER_REGISTERET) expect(igjen.json().status).toBe('allerede-fakturert');
      const slutt = tilstand(ws);
      expect(penger(slutt.register, [0, 12])).toEqual(penger(etter.register, [0, 12]));
      expect(penger(slutt.csv, [1, 30])).toEqual(penger(etter.csv, [1, 30]));
      expect(slutt.xlsx).toBe(true);
      // En midlertidig fil fra den drepte kjøringen ryddes av neste kjøring.
      expect(readdirSync(ws).filter((f) => f.includes('.tmp-'))).toEqual([]);
      // Kjøringen etter en krasj før registeret tar den døde kjøringens lås over og slipper den.
      if (FOR_REGISTERET.includes(punkt)) expect(existsSync(path.join(ws, '.stotteregister.laas'))).toBe(false);
      // Issue 23: alt som er skrevet, stemmer med registeret etter krasjen (per faktura, til øret).
      expect(await kryssjekk(ws)).toEqual([]);
    },
  );

  it('testpunktene ble faktisk truffet (prosessen ble drept)', async () => {
    expect(drept).toBe(PUNKTER.length);
  });
});

describe('issue 11 pkt. 10: --erstatt drept mellom utfilene og registeret', () => {
  it('neste vanlige kjøring ser at fakturagrunnlaget og registeret er fra ulike kjøringer (exit 2), --erstatt retter det', async () => {
    const ws = kopier(LITEN);
    expect((await nh(['faktura', '--data', ws, ...P])).kode).toBe(0);
    const foer = readFileSync(path.join(ws, 'stotteregister.csv'));
    // Timelisten endres (en time til), og perioden faktureres på nytt — men kjøringen drepes før registeret.
    appendFileSync(path.join(ws, 'timer.csv'), '20.10.2026;Kari Nordmann;915000002;1;;;Ettermelding\r\n');
    // Alltid en egen prosess: testpunktet dreper prosessen det kjører i.
    const drept = await nhProsess(['faktura', '--data', ws, ...P, '--erstatt'], {
      env: { NH_TESTPUNKT_DREP: 'faktura:for-register' },
    });
    expect(drept.kode).toBe(-1);
    expect(readFileSync(path.join(ws, 'stotteregister.csv')).equals(foer)).toBe(true);
    // Før: «allerede fakturert», exit 0 — mens fakturagrunnlag.csv viste en annen sum enn registeret.
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode, r.stdout).toBe(2);
    expect(r.json().feil.map((f: { kode: string }) => f.kode)).toEqual(['kjoring-ulik']);
    expect(r.stderr).toMatch(/nh faktura --periode 2026-10 --erstatt/);
    const rettet = await nh(['faktura', '--data', ws, ...P, '--erstatt', '--json']);
    expect(rettet.kode, rettet.stderr).toBe(0);
    expect((await nh(['faktura', '--data', ws, ...P, '--json'])).json().status).toBe('allerede-fakturert');
    expect(await kryssjekk(ws)).toEqual([]);
  });
});

/** En liten tmpfs vi kan fylle opp og gjøre skrivebeskyttet (krever root på Linux, som CI og utviklermaskinene). */
function monterTmpfs(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const mnt = mkdtempSync(path.join(tmpdir(), 'nh-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'nh-test', mnt], { stdio: 'ignore' });
    return mnt;
  } catch {
    rmSync(mnt, { recursive: true, force: true });
    return null;
  }
}
const MNT = monterTmpfs();
krev(
  MNT !== null,
  'en liten tmpfs (root på Linux) for testene av full disk',
  'Kjør testene som root på Linux (som CI).',
);

describe.skipIf(!MNT)(
  'issue 11 pkt. 6 og 7: full disk og skrivebeskyttet mappe gir exit 2, aldri «Intern feil»',
  () => {
    afterAll(() => {
      if (!MNT) return;
      execFileSync('umount', ['-l', MNT], { stdio: 'ignore' });
      rmSync(MNT, { recursive: true, force: true }); // monteringspunktet selv (tomt etter umount)
    });

    /** Fyller disken; `ledig` byte frigjøres igjen etterpå. */
    function fyll(ws: string, ledig: number): string {
      const fyllfil = path.join(ws, '..', 'fyll.bin');
      const fd = openSync(fyllfil, 'w');
      try {
        const blokk = Buffer.alloc(64 * 1024, 1);
        for (;;) writeSync(fd, blokk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      } finally {
        closeSync(fd);
      }
      // Siste blokk kan ha blitt halvskrevet: fyll de siste bytene, så frigjør `ledig`.
      try {
        appendFileSync(fyllfil, Buffer.alloc(4096, 1));
      } catch {
        /* full */
      }
      if (ledig) truncateSync(fyllfil, Math.max(0, statSync(fyllfil).size - ledig));
      return fyllfil;
    }

    it.each([
      ['helt full (låsen kan ikke lages)', 0],
      ['nesten full (utfilene får ikke plass)', 8 * 1024],
    ])(
      'disk %s: exit 2 «Disken … er full», registeret uendret, ingen rester; etter opprydding går kjøringen',
      async (_navn, ledig) => {
        const ws = path.join(mkdtempSync(path.join(MNT!, 'k-')), 'am');
        cpSync(LITEN, ws, { recursive: true });
        expect((await nh(['faktura', '--data', ws, '--periode', '2026-09'])).kode).toBe(0);
        const foer = readFileSync(path.join(ws, 'stotteregister.csv'));
        const fyllfil = fyll(ws, ledig);
        try {
          const r = await nh(['faktura', '--data', ws, ...P, '--json']);
          expect(r.kode, r.stderr).toBe(2);
          expect(r.stderr).not.toMatch(/Intern feil/);
          expect(r.stderr).toMatch(/Disken \(eller lagringskvoten\) er full/);
          expect(r.json().feil[0].kode).toBe('disk-full');
          expect(readFileSync(path.join(ws, 'stotteregister.csv')).equals(foer)).toBe(true);
          expect(existsSync(path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.csv'))).toBe(false);
          expect(readdirSync(ws).filter((f) => f.startsWith('.'))).toEqual([]);
        } finally {
          rmSync(fyllfil, { force: true });
        }
        const igjen = await nh(['faktura', '--data', ws, ...P, '--json']);
        expect(igjen.kode, igjen.stderr).toBe(0);
        expect(igjen.json().status).toBe('fakturert');
        rmSync(path.dirname(ws), { recursive: true });
      },
    );

    it('skrivebeskyttet filsystem (EROFS): exit 2 med stien og hva som kan gjøres', async () => {
      const ws = path.join(mkdtempSync(path.join(MNT!, 'ro-')), 'am');
      cpSync(LITEN, ws, { recursive: true });
      execFileSync('mount', ['-o', 'remount,ro', MNT!]);
      try {
        const r = await nh(['faktura', '--data', ws, ...P, '--json']);
        expect(r.kode, r.stderr).toBe(2);
        expect(r.stderr).not.toMatch(/Intern feil/);
        expect(r.stderr).toContain(ws);
        expect(r.stderr).toMatch(/skrivebeskyttet filsystem\. Kopier arbeidsmappen/);
        expect(r.json().feil[0].kode).toBe('skrivebeskyttet');
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', MNT!]);
      }
    });
  },
);
