import { spawnSync } from 'node:child_process';

/** Stien til LibreOffice (`soffice`/`libreoffice` på PATH), eller null. */
export function finnSoffice(): string | null {
  for (const kandidat of ['soffice', 'libreoffice']) {
    const r = spawnSync('which', [kandidat], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}
