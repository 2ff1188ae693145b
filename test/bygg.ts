/**
 * Global oppsett for vitest: bygg dist/ én gang før testene, så testene som starter det ekte binæret
 * (krasj, TTY, samtidighet) aldri kjører en gammel utgave. tsc er inkrementell nok til å ta ~5 s.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const rot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(rot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
    cwd: rot,
    stdio: 'inherit',
  });
}
