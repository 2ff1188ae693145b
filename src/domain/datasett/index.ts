/**
 * Datasettene `nh init` lager og docs/datasett.md beskriver. Kommandoer som innfører et nytt
 * datasett legger det til her.
 */
import { ansatteDef } from './ansatte.js';
import { kostnaderDef } from './kostnader.js';
import { malbedrifterDef } from './malbedrifter.js';
import { tilskuddDef } from './tilskudd.js';
import { timerDef } from './timer.js';
import { tiltakDef } from './tiltak.js';
import { srlDef } from './srl.js';
import { annenstotteDef } from './annenstotte.js';
import type { DatasettDef } from './definisjon.js';

export const GRUNNDATASETT: DatasettDef[] = [
  ansatteDef,
  malbedrifterDef,
  timerDef,
  tilskuddDef,
  kostnaderDef,
  tiltakDef,
  srlDef,
  annenstotteDef,
];
