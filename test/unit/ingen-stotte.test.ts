import { describe, expect, it } from 'vitest';
import { finnIngenStotte, lagMonster, STANDARD_INGEN_STOTTE } from '../../src/domain/faktura/ingen-stotte.js';
import type { Timeregistrering } from '../../src/domain/datasett/timer.js';
import type { Dato } from '../../src/domain/felles/dato.js';
import { fakturaOppsettSkjema } from '../../src/domain/faktura/oppsett.js';

const rad = (n: number, felt: Partial<Timeregistrering>): Timeregistrering => ({
  dato: '2026-10-05' as Dato,
  ansatt: 'Kari',
  malbedrift: '915000002',
  timer: 150,
  aktivitet: undefined,
  tjeneste: undefined,
  beskrivelse: undefined,
  kilde: { fil: 'timer.csv', rad: n },
  ...felt,
});

describe('ingen støtte på styrearbeid og husleie (issue 20 pkt. 4–5)', () => {
  it('vedlegg 3 pkt. 2: styrearbeid i målbedriften avviser kjøringen med fil, rad og kolonne', () => {
    const a = finnIngenStotte([rad(7, { aktivitet: 'Styremøte' })], ['ADM']);
    expect(a).toHaveLength(1);
    expect(a[0]!.kode).toBe('ingen-stotte');
    expect(a[0]!.melding).toContain('timer.csv, rad 7, kolonne «aktivitet»: «Styremøte» er styrearbeid i målbedriften');
    expect(a[0]!.melding).toContain('vedlegg 3 pkt. 2');
  });

  it('definisjonen «Innovasjonsstøttetjenester»: husleie og kontorplass gir ingen støtte', () => {
    const a = finnIngenStotte(
      [rad(2, { tjeneste: 'Kontorplass' }), rad(3, { aktivitet: 'Fakturering av husleie' })],
      ['ADM'],
    );
    expect(a.map((x) => x.tall.rad)).toEqual([2, 3]);
    expect(a[0]!.melding).toContain('reduserte husleiekostnader');
  });

  it('rådgivning, administrasjon og ord som bare ligner, gir ikke treff', () => {
    expect(
      finnIngenStotte(
        [
          rad(2, { aktivitet: 'Rådgivning', tjeneste: 'Forretningsutvikling' }),
          rad(3, { aktivitet: 'Styring av prosjekt' }),
          rad(4, { malbedrift: 'ADM', aktivitet: 'Styremøte i næringshagen' }),
          rad(5, { aktivitet: 'Utleie-rådgivning' }),
        ],
        ['ADM'],
      ),
    ).toEqual([]);
  });

  it('mønstre: «*» = ord som begynner slik; uten «*» hele ordet; store/små bokstaver og æøå', () => {
    expect(lagMonster('styre*').test('nytt styremøte')).toBe(true);
    expect(lagMonster('styre*').test('bedriftsstyre')).toBe(false);
    expect(lagMonster('leie av kontor').test('leie av kontor i oktober')).toBe(true);
    expect(lagMonster('leie av kontor').test('leie av kontorer')).toBe(false);
    expect(lagMonster('møteromsleie*').test('møteromsleie')).toBe(true);
  });

  it('nh.json faktura.ingenStotte erstatter standarden per slag', () => {
    const o = fakturaOppsettSkjema.parse({ ingenStotte: { styrearbeid: ['styreverv'] } }).ingenStotte;
    expect(o.husleie).toEqual(STANDARD_INGEN_STOTTE.husleie);
    expect(finnIngenStotte([rad(2, { aktivitet: 'Styremøte' })], ['ADM'], o)).toEqual([]);
    expect(finnIngenStotte([rad(2, { aktivitet: 'Styreverv' })], ['ADM'], o)).toHaveLength(1);
  });
});
