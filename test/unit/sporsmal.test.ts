/**
 * Issue 19 pkt. 1: den felles spørsmålsmodulen (src/cli/sporsmal.ts) forstår norske svar og gir norske hint.
 * Selve spørsmålene i en ekte terminal testes i test/e2e/tty.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ikkeInteraktiv, JA_NEI_FEIL, tolkJaNei, velgHint } from '../../src/cli/sporsmal.js';

describe('ja/nei på norsk (issue 19 pkt. 1)', () => {
  it('«j», «ja», «J», «JA», « Ja » er ja; «n», «nei», «NEI» er nei; y/yes/no tåles', () => {
    for (const s of ['j', 'ja', 'J', 'JA', ' Ja ', 'jA', 'y', 'yes', 'YES']) expect(tolkJaNei(s), s).toBe(true);
    for (const s of ['n', 'nei', 'N', 'NEI', ' Nei ', 'no', 'No']) expect(tolkJaNei(s), s).toBe(false);
  });

  it('alt annet — også tomt — er verken ja eller nei (spørres om igjen, aldri et standardsvar)', () => {
    for (const s of ['', ' ', 'kanskje', 'jo', 'nej', 'neii', 'ja!', '1', '0', 'x', 'sant'])
      expect(tolkJaNei(s), s).toBeNull();
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = tolkJaNei(s);
        const t = s.trim().toLowerCase();
        return r === null
          ? !['j', 'ja', 'y', 'yes', 'n', 'nei', 'no'].includes(t)
          : ['j', 'ja', 'y', 'yes', 'n', 'nei', 'no'].includes(t);
      }),
    );
    expect(JA_NEI_FEIL).toBe('Svar j (ja) eller n (nei).');
  });

  it('hintene under en valgliste er norske', () => {
    expect(
      velgHint([
        ['↑↓', 'navigate'],
        ['⏎', 'select'],
      ]),
    ).toBe('↑↓ for å velge • ⏎ for å bekrefte');
  });

  it('uten TTY spør nh aldri: en tydelig norsk feil som nevner spørsmålet', async () => {
    await expect(ikkeInteraktiv().bekreft('Eier bedriften …?')).rejects.toThrow(/Mangler verdi: Eier bedriften/);
  });
});
