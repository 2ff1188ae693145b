/** SMB-sjekkene `nh smb-sjekk` har skrevet i arbeidsmappen, slik `nh faktura` leser dem. */
import { readdir, readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Dato } from '../../domain/felles/dato.js';
import type { SmbSjekkPost } from '../../domain/faktura/faktura.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';

/**
 * SMB-sjekker i arbeidsmappen: `smb-sjekk/<orgnr>-<åååå-mm-dd>.json` (skrevet av `nh smb-sjekk`) →
 * orgnr → [{dato, dom}]. En post som ikke kan leses, får dom null (faktura advarer om den).
 */
export async function finnSmbSjekker(am: Arbeidsmappe): Promise<Map<string, SmbSjekkPost[]>> {
  const ut = new Map<string, SmbSjekkPost[]>();
  let filer: string[] = [];
  try {
    filer = await readdir(am.sti('smb-sjekk'));
  } catch {
    return ut;
  }
  for (const f of filer) {
    const m = /^(\d{9})-(\d{4}-\d{2}-\d{2})\.json$/i.exec(f);
    if (!m) continue;
    let dom: string | null = null;
    try {
      const p = smbPostSkjema.safeParse(JSON.parse(await readFile(am.sti('smb-sjekk', f), 'utf8')));
      if (p.success) dom = p.data.dom;
    } catch {
      dom = null;
    }
    const liste = ut.get(m[1]!) ?? [];
    liste.push({ dato: m[2]! as Dato, dom });
    ut.set(m[1]!, liste);
  }
  return ut;
}

/** Det faktura trenger av en SMB-sjekk-post (resten er dokumentasjon for revisor). */
const smbPostSkjema = z.object({ dom: z.string() });
