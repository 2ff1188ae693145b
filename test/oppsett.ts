/** Kjøres i hver testfil: midlertidige arbeidsmapper fjernes når filen er ferdig. */
import { afterAll } from 'vitest';
import { ryddMidlertidige } from './hjelp.js';

afterAll(() => ryddMidlertidige());
