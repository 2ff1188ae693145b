/** SMB-sjekkene `nh smb-sjekk` har skrevet i arbeidsmappen, slik `nh faktura` leser dem. */
import { readdir, readFile } from 'node:fs/promises';
import type { Dato } from '../../domain/felles/dato.js';
import { tolkSmbPost, type SmbSjekkPost } from '../../domain/faktura/smb-kontroll.js';
import type { Arbeidsmappe } from '../arbeidsmappe.js';

/**
 * SMB-sjekker i arbeidsmappen: `smb-sjekk/<orgnr>-<åååå-mm-dd>.json` (skrevet av `nh smb-sjekk`) →
 * orgnr → [{dato, dom, regnskapTil, treaarsunntakSlutt}] (issue 20 pkt. 3: dommen og oppfølgingsfeltene).
 * En post som ikke kan leses, får dom null (faktura advarer om den).
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
    let post: SmbSjekkPost = { dato: m[2]! as Dato, dom: null };
    try {
      post = tolkSmbPost(m[2]! as Dato, JSON.parse(await readFile(am.sti('smb-sjekk', f), 'utf8')));
    } catch {
      // uleselig JSON: dom null (advarsel i faktura)
    }
    const liste = ut.get(m[1]!) ?? [];
    liste.push(post);
    ut.set(m[1]!, liste);
  }
  return ut;
}
