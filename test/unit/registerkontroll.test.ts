import { describe, expect, it } from 'vitest';
import { dobbeltforinger } from '../../src/domain/faktura/registerkontroll.js';

const l = (rad: number, type?: 'faktura' | 'kreditnota') => ({
  periode: '2026-10',
  orgnr: '915000002',
  type,
  kilde: { fil: 'stotteregister.csv', rad },
});

describe('vedlegg 3 pkt. 2 og 4.1: høyst én gjeldende faktura per periode og målbedrift', () => {
  it('en linje kopiert for hånd er en feil med raden', () => {
    expect(dobbeltforinger([l(2), l(3)]).map((d) => [d.kode, d.kilde?.rad])).toEqual([['dobbel-registerlinje', 3]]);
  });
  it('en korreksjon (faktura, kreditnota, ny faktura) er ingen dobbeltføring — også to ganger', () => {
    expect(dobbeltforinger([l(2), l(3, 'kreditnota'), l(4, 'faktura')])).toEqual([]);
    expect(dobbeltforinger([l(2), l(3, 'kreditnota'), l(4), l(5, 'kreditnota'), l(6)])).toEqual([]);
  });
  it('en ny faktura uten kreditnota for den gamle er en dobbeltføring', () => {
    expect(dobbeltforinger([l(2), l(3, 'kreditnota'), l(4), l(5)]).map((d) => d.kilde?.rad)).toEqual([5]);
  });
});
