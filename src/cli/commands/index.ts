/**
 * Registeret over kommandoer. Hver modul eksporterer `definer(program)` som legger til kommandoen
 * med valg og en action som laster sin tunge del dynamisk.
 */
import type { Command } from 'commander';
import { definer as init } from './init.js';
import { definer as timesats } from './timesats.js';
import { definer as sjekk } from './sjekk.js';
import { definer as faktura } from './faktura.js';
import { definer as aarsrapport } from './aarsrapport.js';
import { definer as frister } from './frister.js';
import { definer as budsjett } from './budsjett.js';
import { definer as smbSjekk } from './smb-sjekk.js';
import { definer as ktsPlan } from './kts-plan.js';
import { definer as docs } from './docs.js';

// Rekkefølgen i «nh --help» følger administratorens år: oppsett, satser, budsjett, opptak, fakturering, AVI, årsrapport.
export const kommandoer: ((program: Command) => Command)[] = [
  init,
  sjekk,
  timesats,
  budsjett,
  smbSjekk,
  faktura,
  ktsPlan,
  aarsrapport,
  frister,
  docs,
];
