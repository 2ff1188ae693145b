/** Issue 16 pkt. 15: advarsler som gjentas per målbedrift, samles til én linje på terminalen. */
import { describe, expect, it } from 'vitest';
import { samleAdvarsler } from '../../src/cli/advarsler.js';
import { advarsel, feil } from '../../src/domain/felles/diagnostikk.js';

const mangler = (navn: string, orgnr: string, dato: string) =>
  advarsel(
    'mangler-smb-sjekk',
    `${navn} (${orgnr}) har ingen SMB-sjekk datert på eller før avtalestart ${dato}. Vedlegg 3 pkt. 2: målbedriften skal være en SMB. Kjør «nh smb-sjekk».`,
    { fil: `smb-sjekk/${orgnr}-<dato>.json` },
  );

describe('samleAdvarsler', () => {
  it('21 like advarsler blir én linje med antall, felles tekst og de første navnene', () => {
    const ds = Array.from({ length: 21 }, (_, i) =>
      mangler(`Bedrift ${i + 1} AS`, String(910000000 + i), `2025-0${(i % 9) + 1}-01`),
    );
    const annen = advarsel('kurs-gammel', 'EUR/NOK-kursen er datert mer enn en måned før fakturadatoen.');
    const ut = samleAdvarsler([annen, ...ds]);
    expect(ut).toHaveLength(2);
    expect(ut[0]).toBe(annen);
    expect(ut[1]!.kilde).toEqual({ fil: 'smb-sjekk/' });
    expect(ut[1]!.melding).toBe(
      '21 målbedrifter har ingen SMB-sjekk datert på eller før avtalestart … Vedlegg 3 pkt. 2: målbedriften skal være en SMB. ' +
        'Kjør «nh smb-sjekk». Gjelder Bedrift 1 AS (910000000), Bedrift 2 AS (910000001), Bedrift 3 AS (910000002), ' +
        'Bedrift 4 AS (910000003), Bedrift 5 AS (910000004) og 16 til (hele listen med --json).',
    );
  });

  it('to like advarsler, feil og advarsler uten bedrift står som de er', () => {
    const ds = [
      mangler('A AS', '910000000', '2025-01-01'),
      mangler('B AS', '910000001', '2025-01-01'),
      feil('ukjent-malbedrift', 'A AS (910000000) feil'),
    ];
    expect(samleAdvarsler(ds)).toEqual(ds);
  });

  it('«Navn (orgnr): …»-formen beholder kolonet, og lik tekst gir ingen «…»', () => {
    const d = (n: string, o: string) =>
      advarsel('smb-ma-vurderes', `${n} (${o}): den siste SMB-sjekken sa «MÅ VURDERES».`);
    const [ut] = samleAdvarsler([d('A AS', '910000000'), d('B AS', '910000001'), d('C AS', '910000002')]);
    expect(ut!.melding).toBe(
      '3 målbedrifter: den siste SMB-sjekken sa «MÅ VURDERES». Gjelder A AS (910000000), B AS (910000001), C AS (910000002).',
    );
  });
});
