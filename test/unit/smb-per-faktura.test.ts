import { describe, expect, it } from 'vitest';
import {
  grunnerTilNySjekk,
  smbStatusPaa,
  tolkGodtaSmb,
  tolkSmbPost,
  vurderSmbPerFaktura,
  type SmbSjekkPost,
} from '../../src/domain/faktura/smb-kontroll.js';
import type { Dato } from '../../src/domain/felles/dato.js';

const d = (s: string) => s as Dato;
const ALFA = { orgnr: '915000002', navn: 'Alfa AS' };
const sjekker = (...p: SmbSjekkPost[]) => new Map([[ALFA.orgnr, p]]);
const post = (dato: string, dom: string | null, ekstra: Partial<SmbSjekkPost> = {}): SmbSjekkPost => ({
  dato: d(dato),
  dom,
  ...ekstra,
});

describe('SMB-sjekken per faktura (issue 20 pkt. 1; 4.3, vedlegg 3 pkt. 2)', () => {
  it('pkt. 1: den siste sjekken på eller før fakturadatoen gjelder — ikke den før avtalestart', () => {
    const s = sjekker(post('2025-01-10', 'KAN TAS OPP'), post('2026-10-19', 'KAN IKKE TAS OPP'));
    expect(smbStatusPaa(ALFA.orgnr, d('2026-11-22'), s).status).toBe('ikke-ok');
    expect(smbStatusPaa(ALFA.orgnr, d('2026-10-18'), s).status).toBe('ok');
  });

  it('pkt. 1: en senere rettet «KAN TAS OPP» gjelder også', () => {
    const s = sjekker(post('2026-03-01', 'KAN IKKE TAS OPP'), post('2026-09-01', 'KAN TAS OPP'));
    expect(smbStatusPaa(ALFA.orgnr, d('2026-10-31'), s).status).toBe('ok');
  });

  it('pkt. 2: «KAN IKKE TAS OPP» avviser (exit 1) og navngir målbedriften og sjekken', () => {
    const r = vurderSmbPerFaktura([ALFA], d('2026-11-22'), sjekker(post('2026-10-19', 'KAN IKKE TAS OPP')));
    expect(r.avvisninger).toHaveLength(1);
    expect(r.avvisninger[0]!.kode).toBe('smb-kan-ikke-tas-opp');
    expect(r.avvisninger[0]!.melding).toContain('Alfa AS (915000002)');
    expect(r.avvisninger[0]!.melding).toContain('smb-sjekk/915000002-2026-10-19.json');
    expect(r.avvisninger[0]!.melding).toContain('--godta-smb 915000002=');
  });

  it('pkt. 2: --godta-smb med grunn gir støtte med en advarsel og teksten til registeret', () => {
    const r = vurderSmbPerFaktura(
      [ALFA],
      d('2026-11-22'),
      sjekker(post('2026-10-19', 'KAN IKKE TAS OPP')),
      new Map([[ALFA.orgnr, 'Konsernet tilførte egenkapital 01.11.2026']]),
    );
    expect(r.avvisninger).toEqual([]);
    expect(r.godtatt.get(ALFA.orgnr)).toBe(
      'SMB-sjekk 19.10.2026 sa «KAN IKKE TAS OPP»; godtatt: Konsernet tilførte egenkapital 01.11.2026',
    );
    expect(r.advarsler.map((a) => a.kode)).toContain('smb-godtatt');
  });

  it('pkt. 2: «MÅ VURDERES» er fortsatt en advarsel, ikke en avvisning', () => {
    const r = vurderSmbPerFaktura([ALFA], d('2026-11-22'), sjekker(post('2026-10-19', 'MÅ VURDERES')));
    expect(r.avvisninger).toEqual([]);
    expect(r.advarsler.map((a) => a.kode)).toEqual(['smb-ma-vurderes']);
  });

  it('ubrukt --godta-smb gir en advarsel', () => {
    const r = vurderSmbPerFaktura(
      [ALFA],
      d('2026-11-22'),
      sjekker(post('2026-10-19', 'KAN TAS OPP')),
      new Map([[ALFA.orgnr, 'en grunn som er lang nok']]),
    );
    expect(r.advarsler.map((a) => a.kode)).toEqual(['godta-smb-ubrukt']);
  });

  it('mangler sjekk før fakturadatoen: advarsel som sier hvilke sjekker som finnes', () => {
    const r = vurderSmbPerFaktura([ALFA], d('2026-10-31'), sjekker(post('2026-11-02', 'KAN TAS OPP')));
    expect(r.advarsler[0]!.kode).toBe('mangler-smb-sjekk');
    expect(r.advarsler[0]!.melding).toContain('02.11.2026');
  });
});

describe('ny SMB-sjekk under avtalen (issue 20 pkt. 3; 4.3, vedlegg 3 pkt. 2)', () => {
  it('eldre enn 12 måneder', () => {
    expect(
      grunnerTilNySjekk(post('2025-11-21', 'KAN TAS OPP', { regnskapTil: d('2025-12-31') }), d('2026-11-22')),
    ).toEqual(['den er eldre enn 12 måneder']);
    expect(
      grunnerTilNySjekk(post('2025-11-22', 'KAN TAS OPP', { regnskapTil: d('2025-12-31') }), d('2026-11-22')),
    ).toEqual([]);
  });

  it('eldre enn det siste årsregnskapet som skal være offentlig (regnskapsperioden i posten + 19 måneder)', () => {
    const p = post('2026-03-01', 'KAN TAS OPP', { regnskapTil: d('2024-12-31') });
    expect(grunnerTilNySjekk(p, d('2026-07-31'))).toEqual([]);
    expect(grunnerTilNySjekk(p, d('2026-08-01'))[0]).toContain('31.07.2026');
  });

  it('uten regnskapsperiode i posten: regnet med kalenderår (31. juli)', () => {
    expect(grunnerTilNySjekk(post('2026-06-29', 'KAN TAS OPP'), d('2026-11-22'))[0]).toContain(
      'årsregnskapet for 2025 skulle vært offentlig innen 31.07.2026',
    );
    expect(grunnerTilNySjekk(post('2026-08-18', 'KAN TAS OPP'), d('2026-11-22'))).toEqual([]);
  });

  it('treårsunntaket som har løpt ut', () => {
    const p = post('2026-01-10', 'KAN TAS OPP', { regnskapTil: d('2025-12-31'), treaarsunntakSlutt: d('2026-03-02') });
    expect(grunnerTilNySjekk(p, d('2026-03-01'))).toEqual([]);
    expect(grunnerTilNySjekk(p, d('2026-03-02'))[0]).toContain('treårsunntaket for kapitaltap');
  });

  it('én advarsel per målbedrift med alle grunnene', () => {
    const r = vurderSmbPerFaktura(
      [ALFA],
      d('2026-11-22'),
      sjekker(post('2024-03-19', 'KAN TAS OPP', { treaarsunntakSlutt: d('2025-01-01') })),
    );
    expect(r.advarsler).toHaveLength(1);
    expect(r.advarsler[0]!.kode).toBe('smb-sjekk-bor-fornyes');
    expect(r.advarsler[0]!.melding).toMatch(/12 måneder.*årsregnskapet.*treårsunntaket/);
  });

  it('tolkSmbPost leser regnskapsperioden og treårsunntaket fra en post nh smb-sjekk skriver', () => {
    const json = {
      dom: 'KAN TAS OPP',
      tall: { regnskapsperiode: { fra: '2025-01-01', til: '2025-12-31' } },
      kriterier: [
        {
          id: 'kapitaltap',
          status: 'ok',
          grunnlag: 'Unntatt: SMB i de tre første årene; registrert 02.03.2024; unntaket gjelder til 02.03.2027.',
        },
      ],
    };
    expect(tolkSmbPost(d('2026-05-01'), json)).toEqual({
      dato: '2026-05-01',
      dom: 'KAN TAS OPP',
      regnskapTil: '2025-12-31',
      treaarsunntakSlutt: '2027-03-02',
    });
    // Versjon 2 (src/domain/smb/post.ts): oppfolging.regnskap og oppfolging.treaarsunntak
    const v2 = (oppfolging: unknown) => tolkSmbPost(d('2026-05-01'), { versjon: 2, dom: 'KAN TAS OPP', oppfolging });
    const tre = { brukt: true, fra: '2024-03-02', utloper: '2027-03-02' };
    expect(v2({ regnskap: { ar: 2025, fra: '2025-01-01', til: '2025-12-31' }, treaarsunntak: tre })).toMatchObject({
      regnskapTil: '2025-12-31',
      treaarsunntakSlutt: '2027-03-02',
    });
    expect(
      v2({ regnskap: null, sisteInnsendteAarsregnskap: 2024, treaarsunntak: { ...tre, brukt: false } }),
    ).toMatchObject({ regnskapTil: '2024-12-31', treaarsunntakSlutt: null });
    expect(tolkSmbPost(d('2026-05-01'), { ikkeDom: 1 }).dom).toBeNull();
  });
});

describe('--godta-smb <orgnr>=<grunn> (issue 20 pkt. 2)', () => {
  it('godtar orgnr med mellomrom og «:» som skille', () => {
    const r = tolkGodtaSmb(['915 000 002: Dokumentert vurdering i styresak 12/26']);
    expect(r.feil).toEqual([]);
    expect(r.godta.get('915000002')).toBe('Dokumentert vurdering i styresak 12/26');
  });

  it('krever gyldig orgnr og en grunn', () => {
    expect(tolkGodtaSmb(['915000003=en lang nok grunn']).feil).toHaveLength(1);
    expect(tolkGodtaSmb(['915000002=ok']).feil[0]!.melding).toContain('for kort');
    expect(tolkGodtaSmb(['915000002']).feil).toHaveLength(1);
  });
});
