/**
 * Eksterne verktøy testene trenger (LibreOffice, poppler-utils, xmllint, EHF-validatoren, util-linux `script`,
 * tmpfs). Utenfor CI hoppes testene som trenger et verktøy som mangler, synlig over (en MERK-linje). I CI
 * (CI=true) feiler testfilen i stedet: en CI-kjøring skal aldri bli grønn ved å hoppe over (issue 22 pkt. 6).
 * `.ci/run` installerer Debian-pakkene og feiler i tillegg hvis vitest melder en eneste hoppet-over test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

const I_CI = Boolean(process.env.CI) && process.env.CI !== 'false';

/** `finnes` tilbake; i CI kastes en feil med `hint` (hva som mangler og hvordan det skaffes) når den er false. */
export function krev(finnes: boolean, hva: string, hint: string): boolean {
  if (finnes) return true;
  if (I_CI) throw new Error(`CI: ${hva} mangler — testene som trenger det kan ikke hoppes over i CI. ${hint}`);
  console.warn(`MERK: ${hva} mangler — testene som trenger det hoppes over. ${hint}`);
  return false;
}

/** Finnes programmet på PATH? (Kjører `<program> <arg>`; et program som ikke finnes gir ENOENT.) */
export function harProgram(program: string, arg = '--version'): boolean {
  return !spawnSync(program, [arg], { stdio: 'ignore' }).error;
}

/** util-linux `script`: en ekte pseudo-terminal for TTY-testene. */
export function harScript(): boolean {
  return krev(
    spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0,
    'util-linux `script` (pseudo-terminal for TTY-testene)',
    'Installer util-linux (`apt-get install util-linux`).',
  );
}

/**
 * Gjør en mappe skrivebeskyttet og gir tilbake en funksjon som opphever det. Som vanlig bruker: chmod 555. Som
 * root (CI og utviklermaskinene her) hjelper ikke chmod — root skriver likevel — så mappen monteres på seg selv
 * skrivebeskyttet (bind-montering); det gir EROFS slik en skrivebeskyttet nettverksdisk gjør.
 */
export function skrivebeskytt(mappe: string): () => void {
  if (process.getuid?.() !== 0) {
    chmodSync(mappe, 0o555);
    return () => chmodSync(mappe, 0o755);
  }
  execFileSync('mount', ['--bind', mappe, mappe]);
  execFileSync('mount', ['-o', 'remount,ro,bind', mappe]);
  return () => execFileSync('umount', [mappe]);
}
