/**
 * Én LibreOffice for hele testkjøringen (issue 22 pkt. 9). Å starte LibreOffice koster flere CPU-sekunder, å
 * konvertere én fil til, en brøkdel av det — så testene sender filene hit (fra begge vitest-arbeiderne), og
 * tjeneren kjører én `soffice --convert-to` for alle filene som venter med samme oppsett (profil, innfilter og
 * mål). Mens LibreOffice arbeider, samles nye forespørsler til neste runde. Hvordan forespørslene havner i
 * rundene avhenger av tiden, men resultatet gjør det ikke: hver fil konverteres for seg, av samme LibreOffice
 * med samme profil, og svaret er den konverterte filen eller en feil.
 *
 * Startes av test/globalt.ts (vitest globalSetup) på 127.0.0.1; testene finner den med `inject('libreoffice')`
 * (test/libreoffice.ts). Profilene lages én gang og fjernes når kjøringen er ferdig.
 *
 * Én LibreOffice per profil holdes i gang hele kjøringen (startet med en gang, mens de andre testene går). En
 * `soffice --convert-to` med samme profil starter da ikke LibreOffice på nytt (ca. 5 CPU-sekunder), men gir
 * oppdraget til den som kjører og venter til filene er skrevet (ca. 0,1 s). Er den i gang-holdte LibreOffice
 * borte, gjør `soffice --convert-to` jobben selv som før: svaret blir det samme, bare tregere.
 *
 * LibreOffice avslutter seg selv når et oppdrag utenfra er ferdig og ingen vinduer er åpne
 * (DispatchWatcher::executeDispatchRequests) — uten mottiltak ville den i gang-holdte LibreOffice bare tjent
 * første runde, og hver runde etter den startet LibreOffice på nytt. Derfor åpner den ved oppstart et tomt,
 * skjult regneark (makroen `HoldApen` i profilens Basic-bibliotek, se lagProfil): da er et vindu åpent, og den
 * lever til kjøringen er ferdig. Konverteringene åpner filene i egne, skjulte vinduer og rører ikke det arket.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Profilene: `omregning` regner alltid om formlene ved lasting av xlsx; `norsk` har nb-NO som språk og lokale. */
type Profil = 'omregning' | 'norsk';
export type Oppdrag = {
  filer: string[];
  /** Målet for --convert-to, f.eks. «pdf» eller «xlsx:Calc MS Excel 2007 XML». */
  til: string;
  /** --infilter, f.eks. «CSV:59,34,76,1,,1044». */
  innfilter?: string;
  profil: Profil;
  /** Mappen de konverterte filene legges i (samme filnavn, ny filendelse). */
  utmappe: string;
};
type Venter = { oppdrag: Oppdrag; ferdig: (r: { filer?: string[]; feil?: string }) => void };

const REG = (innhold: string) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${innhold}
</oor:items>
`;
const PROFILER: Record<Profil, string> = {
  omregning: ['OOXMLRecalcMode', 'ODFRecalcMode']
    .map(
      (n) =>
        `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${n}" oor:op="fuse"><value>0</value></prop></item>`,
    )
    .join('\n'),
  norsk: ['ooSetupSystemLocale', 'ooLocale']
    .map(
      (n) =>
        `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="${n}" oor:op="fuse"><value>nb-NO</value></prop></item>`,
    )
    .join('\n'),
};

/**
 * Makroen `HoldApen` (modulen Nh i profilens Basic-bibliotek «Standard»): et tomt, skjult regneark som holder
 * LibreOffice i gang (se toppen av filen). Makroer i brukerprofilen er alltid til å stole på; ingen dialog.
 */
const HOLD_APEN = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Nh" script:language="StarBasic">
Sub HoldApen
  Dim valg(0) As New com.sun.star.beans.PropertyValue
  valg(0).Name = &quot;Hidden&quot;
  valg(0).Value = True
  StarDesktop.loadComponentFromURL(&quot;private:factory/scalc&quot;, &quot;_blank&quot;, 0, valg())
End Sub
</script:module>
`;
/** Profilen er ferdig opprettet: LibreOffice kopierer ikke «presets» inn over den (desktop/…/userinstall.cxx). */
const OPPRETTET =
  '<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>';

/**
 * Lag brukerprofilen slik LibreOffice selv gjør første gang (kopi av installasjonens «presets» og
 * ooSetupInstCompleted), med makroen `HoldApen` lagt til i Basic-biblioteket «Standard». Gir om makroen er
 * på plass; uten «presets» (annen installasjon) lages profilen som før, uten makro.
 */
function lagProfil(soffice: string, dir: string, innstillinger: string): boolean {
  const user = path.join(dir, 'user');
  const presets = path.join(path.dirname(realpathSync(soffice)), '..', 'presets');
  const standard = path.join(user, 'basic', 'Standard');
  mkdirSync(user, { recursive: true });
  if (!existsSync(path.join(presets, 'basic', 'Standard', 'script.xlb'))) {
    writeFileSync(path.join(user, 'registrymodifications.xcu'), REG(innstillinger));
    return false;
  }
  cpSync(presets, user, { recursive: true });
  writeFileSync(path.join(user, 'registrymodifications.xcu'), REG(`${innstillinger}\n${OPPRETTET}`));
  writeFileSync(path.join(standard, 'Nh.xba'), HOLD_APEN);
  const xlb = readFileSync(path.join(standard, 'script.xlb'), 'utf8');
  writeFileSync(
    path.join(standard, 'script.xlb'),
    xlb.replace('</library:library>', ' <library:element library:name="Nh"/>\n</library:library>'),
  );
  return true;
}

/** rename, eller kopi + slett når målet er på et annet filsystem (testenes temp-mappe i /dev/shm, test/globalt.ts). */
function flytt(fra: string, til: string): void {
  try {
    renameSync(fra, til);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(fra, til);
    rmSync(fra);
  }
}

const stamme = (f: string) => path.basename(f).replace(/\.[^.]*$/, '');
const endelse = (til: string) => til.split(':')[0]!;

export type LibreOfficeTjener = { url: string; lukk: () => Promise<void>; runder: () => number };

export async function startLibreOfficeTjener(soffice: string): Promise<LibreOfficeTjener> {
  const rot = mkdtempSync(path.join(tmpdir(), 'nh-lo-tjener-'));
  const profiler = new Map<Profil, { dir: string; makro: boolean }>();
  const profil = (p: Profil): { dir: string; makro: boolean } => {
    let ut = profiler.get(p);
    if (!ut) {
      const dir = path.join(rot, `profil-${p}`);
      ut = { dir, makro: lagProfil(soffice, dir, PROFILER[p]) };
      profiler.set(p, ut);
    }
    return ut;
  };
  const ko: Venter[] = [];
  const instanser = new Map<Profil, ChildProcess>();
  /** LibreOffice for profilen, i gang til kjøringen er ferdig (startes på nytt om den har avsluttet). */
  const holdIGang = (p: Profil): void => {
    const gammel = instanser.get(p);
    if (gammel && gammel.exitCode === null && gammel.signalCode === null) return;
    const { dir, makro } = profil(p);
    const args = [`-env:UserInstallation=file://${dir}`, '--headless', '--norestore', '--nologo', '--nodefault'];
    if (makro) args.push('macro:///Standard.Nh.HoldApen');
    // Egen prosessgruppe: soffice er et skall rundt soffice.bin, og begge skal stoppes når kjøringen er ferdig.
    const ny = spawn(soffice, args, { stdio: 'ignore', detached: true });
    ny.on('error', () => undefined);
    instanser.set(p, ny);
  };
  const stoppInstanser = () => Promise.all([...instanser.values()].map(stopp));
  for (const p of Object.keys(PROFILER) as Profil[]) holdIGang(p);
  let opptatt = false;
  let runder = 0;

  const noekkel = (o: Oppdrag) => `${o.profil}|${o.innfilter ?? ''}|${o.til}`;

  async function kjorRunde(): Promise<void> {
    if (opptatt || !ko.length) return;
    opptatt = true;
    const n = noekkel(ko[0]!.oppdrag);
    const runde = ko.filter((v) => noekkel(v.oppdrag) === n);
    for (const v of runde) ko.splice(ko.indexOf(v), 1);
    runder++;
    const dir = mkdtempSync(path.join(rot, 'runde-'));
    try {
      const inn: { venter: Venter; kopi: string; fil: string }[] = [];
      for (const [i, venter] of runde.entries())
        for (const [j, fil] of venter.oppdrag.filer.entries()) {
          const kopi = path.join(dir, 'inn', `${i}-${j}-${path.basename(fil)}`);
          mkdirSync(path.dirname(kopi), { recursive: true });
          copyFileSync(fil, kopi);
          inn.push({ venter, kopi, fil });
        }
      const o = runde[0]!.oppdrag;
      holdIGang(o.profil);
      const args = [
        `-env:UserInstallation=file://${profil(o.profil).dir}`,
        '--headless',
        '--norestore',
        ...(o.innfilter ? [`--infilter=${o.innfilter}`] : []),
        '--convert-to',
        o.til,
        '--outdir',
        path.join(dir, 'ut'),
        ...inn.map((x) => x.kopi),
      ];
      const r = await kjor(soffice, args);
      // Drept etter 5 minutter: da henger trolig den i gang-holdte LibreOffice også; neste runde starter en ny.
      if (r.kode === -1) stopp(instanser.get(o.profil));
      for (const v of runde) {
        const mine = inn.filter((x) => x.venter === v);
        const ut = mine.map((x) => path.join(dir, 'ut', `${stamme(x.kopi)}.${endelse(o.til)}`));
        const mangler = ut.filter((f) => !existsSync(f));
        if (mangler.length) {
          v.ferdig({ feil: `LibreOffice laget ikke ${mangler.map((f) => path.basename(f)).join(', ')}: ${r.utdata}` });
          continue;
        }
        mkdirSync(v.oppdrag.utmappe, { recursive: true });
        const endelig = mine.map((x, k) => {
          const mål = path.join(v.oppdrag.utmappe, `${stamme(x.fil)}.${endelse(o.til)}`);
          flytt(ut[k]!, mål);
          return mål;
        });
        v.ferdig({ filer: endelig });
      }
    } catch (e) {
      for (const v of runde) v.ferdig({ feil: String(e) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      opptatt = false;
      void kjorRunde();
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let kropp = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (kropp += d));
    req.on('end', () => {
      let oppdrag: Oppdrag;
      try {
        oppdrag = JSON.parse(kropp) as Oppdrag;
      } catch {
        res.writeHead(400).end('ugyldig oppdrag');
        return;
      }
      ko.push({
        oppdrag,
        ferdig: (r) => res.writeHead(r.feil ? 500 : 200, { 'Content-Type': 'application/json' }).end(JSON.stringify(r)),
      });
      void kjorRunde();
    });
  });
  // Svaret kan ta minutter når maskinen er travel; aldri tidsavbrudd fra tjeneren selv.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    runder: () => runder,
    lukk: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await stoppInstanser();
      rmSync(rot, { recursive: true, force: true });
    },
  };
}

/** Stopp en i gang-holdt LibreOffice (hele prosessgruppen) og vent til den er borte. */
function stopp(p: ChildProcess | undefined): Promise<void> {
  return new Promise<void>((ok) => {
    if (!p?.pid || p.exitCode !== null || p.signalCode !== null) return ok();
    p.on('exit', () => ok());
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch {
      ok();
    }
  });
}

/** Kjør soffice asynkront; drept etter 5 minutter (en LibreOffice som henger, skal ikke henge testene). */
function kjor(program: string, args: string[]): Promise<{ kode: number; utdata: string }> {
  return new Promise((ok, feil) => {
    const p = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let utdata = '';
    p.stdout.on('data', (d) => (utdata += d));
    p.stderr.on('data', (d) => (utdata += d));
    const tidsur = setTimeout(() => p.kill('SIGKILL'), 300_000);
    p.on('error', feil);
    p.on('close', (kode) => {
      clearTimeout(tidsur);
      ok({ kode: kode ?? -1, utdata });
    });
  });
}
