/**
 * nh smb-sjekk på det bygde binæret mot en ekte HTTP-tjener på loopback (test/brreg-tjener.ts) med
 * innspilte svar i Brønnøysundregistrenes form (fixtures/brreg/). Ingen stubbet fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { kopier, nh, ROT } from '../hjelp.js';
import { dodUrl, nhAsync, startBrregTjener, type BrregTjener } from '../brreg-tjener.js';
import { smbPostSkjema } from '../../src/domain/smb/post.js';

const SMB = path.join(ROT, 'fixtures', 'smb');
const DATO = '2026-11-22';

let tjener: BrregTjener;
beforeAll(async () => {
  tjener = await startBrregTjener();
});
afterAll(async () => {
  await tjener.lukk();
});

const sjekk = (ws: string, args: string[], env: Record<string, string> = tjener.env()) =>
  nhAsync(['smb-sjekk', ...args, '--data', ws, '--json'], { env });
const kriterium = (j: any, id: string) => j.kriterier.find((k: { id: string }) => k.id === id);

describe('nh smb-sjekk mot Brønnøysundregistrene (loopback)', () => {
  it('Definisjoner SMB / 4.3 / vedlegg 3 pkt. 2: et lite AS som er selvstendig kan tas opp; posten skrives som faktura leser den', async () => {
    const ws = kopier(SMB);
    const r = await sjekk(ws, ['910000004', '--selvstendig', '--redningsstotte', 'nei']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.dom).toBe('KAN TAS OPP');
    expect(j.navn).toBe('FJORDLYS TEKNOLOGI AS');
    for (const k of j.kriterier) {
      expect(k.status, `${k.id}: ${k.grunnlag}`).toBe('ok');
      expect(k.kilde.length).toBeGreaterThan(10);
      expect(Object.keys(k).sort()).toEqual(['grunnlag', 'id', 'kilde', 'status', 'tittel']);
    }
    expect(j.tall.samlet).toMatchObject({ arsverk: 40, omsetning: 8_000_000, balanse: 6_000_000 });
    // Kurs fra nh.json med dato og kilde
    expect(j.kurs).toEqual({ kurs: 11.6035, dato: '2025-12-31', kilde: 'Norges Bank (nh.json)' });
    // Treårstaket: 2023-10-31 er utenfor vinduet (2023-11-22, 2026-11-22]; 26 086,96 + 6 463,56 EUR innenfor.
    expect(j.treaar).toEqual({
      takEur: 200000,
      tidligereEur: 32550.52,
      gjenstaarEur: 167449.48,
      gjenstaarNok: 1943000.04,
    });
    expect(j.register.kilde).toBe('nett');
    expect(j.register.enhet.data.organisasjonsnummer).toBe('910000004');
    expect(j.register.regnskap.data[0].egenkapitalGjeld.egenkapital.innskuttEgenkapital.sumInnskuttEgenkaptial).toBe(
      1_000_000,
    );
    const post = path.join(ws, 'smb-sjekk', `910000004-${DATO}.json`);
    const md = path.join(ws, 'smb-sjekk', `910000004-${DATO}.md`);
    expect(JSON.parse(readFileSync(post, 'utf8'))).toMatchObject({
      orgnr: '910000004',
      dato: DATO,
      dom: 'KAN TAS OPP',
    });
    const mdTekst = readFileSync(md, 'utf8');
    expect(mdTekst).toContain('Dom: **KAN TAS OPP**');
    // Issue 16 pkt. 13: bedriften, næringshagen og tidspunktet; dd.mm.åååå; norske ledetekster; ett tallformat.
    expect(mdTekst).toContain('# SMB-sjekk: FJORDLYS TEKNOLOGI AS (910000004)');
    expect(mdTekst).toContain('Næringshage: Minidal Næringshage AS (910030051)');
    expect(mdTekst).toMatch(/Sjekket: \d{2}\.\d{2}\.\d{4} kl\. \d{2}:\d{2} \(dato for vurderingen 22\.11\.2026\)/);
    expect(mdTekst).not.toMatch(/\d{4}-\d{2}-\d{2}(?!\.json)/);
    expect(mdTekst).not.toContain('ukjent kr');
    expect(mdTekst).not.toMatch(/\d,\d{2} kr/);
    const utenUrl = mdTekst.replace(/https?:\S+/g, '');
    expect(utenUrl.match(/\b[a-zæøå]+[A-ZÆØÅ][A-Za-zæøå]*\b/g)).toBeNull();
    expect(mdTekst).toContain('- --selvstendig: ja');
    expect(existsSync(path.join(ws, 'smb-sjekk', 'buffer', '910000004-enhet.json'))).toBe(true);
    expect(existsSync(path.join(ws, 'smb-sjekk', 'buffer', '910000004-regnskap.json'))).toBe(true);
    // Ingen midlertidige filer igjen
    expect(readdirSync(path.join(ws, 'smb-sjekk')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('dagens post finnes: exit 2 uten --overskriv, og --overskriv erstatter den', async () => {
    const ws = kopier(SMB);
    expect((await sjekk(ws, ['910000004', '--selvstendig'])).kode).toBe(0);
    const r = await sjekk(ws, ['910000004', '--selvstendig']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain(`smb-sjekk/910000004-${DATO}.json`);
    expect(r.stderr).toContain('--overskriv');
    expect((await sjekk(ws, ['910000004', '--selvstendig', '--overskriv'])).kode).toBe(0);
  });

  it('4.3: eierskap ukjent uten flagg → MÅ VURDERES (exit 0), og exit 1 med --streng', async () => {
    const ws = kopier(SMB);
    const r = await sjekk(ws, ['910000004']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.dom).toBe('MÅ VURDERES');
    expect(kriterium(j, 'eierskap').status).toBe('må vurderes');
    expect(j.ok).toBe(true);
    const s = await sjekk(ws, ['910000004', '--streng', '--overskriv']);
    expect(s.kode).toBe(1);
    expect(s.json().dom).toBe('MÅ VURDERES');
    // Som kjor.ts-kontrakten: exit 1 gir ok: false i JSON.
    expect(s.json()).toMatchObject({ ok: false, exitKode: 1 });
  });

  it('4.3: ASA kan ikke tas opp (exit 1), posten skrives likevel', async () => {
    const ws = kopier(SMB);
    const r = await sjekk(ws, ['910002740', '--selvstendig']);
    expect(r.kode).toBe(1);
    const j = r.json();
    expect(j.dom).toBe('KAN IKKE TAS OPP');
    expect(kriterium(j, 'asa').status).toBe('ikke ok');
    expect(existsSync(path.join(ws, 'smb-sjekk', `910002740-${DATO}.json`))).toBe(true);
  });

  it('4.3: KF (offentlig eid) og sparebank (bank) kan ikke tas opp; regnskap HTTP 500 gir advarsel og grunnen (pkt. 7)', async () => {
    const ws = kopier(SMB);
    const kf = (await sjekk(ws, ['910004115', '--selvstendig'])).json();
    expect(kriterium(kf, 'offentlig-eid').status).toBe('ikke ok');
    expect(kriterium(kf, 'offentlig-eid').grunnlag).toContain('KF');
    const b = await sjekk(ws, ['910015079', '--selvstendig']);
    expect(b.kode).toBe(1);
    const bj = b.json();
    expect(kriterium(bj, 'bank-forsikring').status).toBe('ikke ok');
    expect(bj.advarsler.map((a: { kode: string }) => a.kode)).toContain('regnskap-500');
    // Issue 13 pkt. 7: grunnen (HTTP 500 med sporings-id), ikke «ikke regnskapspliktig, eller ikke levert».
    const ok = kriterium(bj, 'omsetning-balanse').grunnlag;
    expect(ok).toContain('HTTP 500');
    expect(ok).toContain('sporings-id 6f1c2a9e4b7d4e0f');
    expect(ok).not.toContain('ikke regnskapspliktig');
  });

  it('4.3: stiftelse med NACE 94 gir advarsel (må vurderes) med begrunnelse', async () => {
    const ws = kopier(SMB);
    const j = (await sjekk(ws, ['910010964', '--selvstendig'])).json();
    const k = kriterium(j, 'sjelden');
    expect(k.status).toBe('må vurderes');
    expect(k.grunnlag).toContain('STI');
    expect(k.grunnlag).toContain('94.991');
    expect(k.grunnlag).toContain('næringsvirksomhet');
  });

  it('vedlegg 3 pkt. 2: konkurs registrert = kan ikke tas opp, også de tre første årene', async () => {
    const ws = kopier(SMB);
    const r = await sjekk(ws, ['910009591', '--selvstendig']);
    expect(r.kode).toBe(1);
    expect(kriterium(r.json(), 'konkurs-avvikling')).toMatchObject({ status: 'ikke ok' });
    expect(kriterium(r.json(), 'konkurs-avvikling').grunnlag).toContain('konkurs fra 02.10.2026');
  });

  it('vedlegg 3 pkt. 2: mer enn halvparten av tegnet kapital tapt, registrert 2019 → i vanskeligheter', async () => {
    const ws = kopier(SMB);
    const j = (await sjekk(ws, ['910012339', '--selvstendig'])).json();
    expect(kriterium(j, 'kapitaltap').status).toBe('ikke ok');
    expect(kriterium(j, 'kapitaltap').grunnlag).toContain('sum egenkapital 400 000 kr');
    expect(j.dom).toBe('KAN IKKE TAS OPP');
  });

  it('definisjoner SMB: nyetablert uten regnskap (404) og uten ansatte → må vurderes med forklaring', async () => {
    const ws = kopier(SMB);
    const j = (await sjekk(ws, ['910017810', '--selvstendig'])).json();
    const k = kriterium(j, 'omsetning-balanse');
    expect(k.status).toBe('må vurderes');
    expect(k.grunnlag).toContain('Nyetablert');
    // Registrert 2025-09-10: treårsunntaket for kapitaltap gjelder; ingen ansatte registrert = 0
    expect(kriterium(j, 'kapitaltap')).toMatchObject({ status: 'ok' });
    expect(kriterium(j, 'kapitaltap').grunnlag).toContain('Unntatt');
    expect(kriterium(j, 'arsverk').status).toBe('ok');
    expect(kriterium(j, 'insolvens').status).toBe('må vurderes');
  });

  it('1: feil kontrollsiffer gir exit 2 uten oppslag', async () => {
    const ws = kopier(SMB);
    const før = tjener.foresporsler.length;
    const r = await sjekk(ws, ['910000005']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain('kontrollsifferet (MOD11)');
    expect(tjener.foresporsler.length).toBe(før);
  });

  it('ukjent orgnr (404), slettet enhet (200 SlettetEnhet) og fjernet (410) gir exit 2, ingenting skrevet', async () => {
    const ws = kopier(SMB);
    const ukjent = await sjekk(ws, ['910008226']);
    expect(ukjent.kode).toBe(2);
    expect(ukjent.json().feil[0].kode).toBe('ukjent-orgnr');
    const slettet = await sjekk(ws, ['910005480']);
    expect(slettet.kode).toBe(2);
    expect(slettet.json().feil[0]).toMatchObject({ kode: 'slettet-enhet' });
    expect(slettet.stderr).toContain('26.11.2024');
    const fjernet = await sjekk(ws, ['910006851']);
    expect(fjernet.kode).toBe(2);
    expect(fjernet.json().feil[0].kode).toBe('fjernet-orgnr');
    expect(existsSync(path.join(ws, 'smb-sjekk'))).toBe(false);
  });

  it('nettet nede uten buffer: exit 2 med melding om frakobling og hva som mangler; med buffer: virker', async () => {
    const ws = kopier(SMB);
    const nede = await dodUrl();
    const r = await sjekk(ws, ['910000004', '--selvstendig'], nede);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain('frakoblet');
    expect(r.stderr).toContain('--orgform, --ansatte, --omsetning, --balanse');
    // Fyll bufferen med nett, så uten nett
    expect((await sjekk(ws, ['910000004', '--selvstendig'])).kode).toBe(0);
    const r2 = await sjekk(ws, ['910000004', '--selvstendig', '--redningsstotte', 'nei', '--overskriv'], nede);
    expect(r2.kode, r2.stderr).toBe(0);
    const j = r2.json();
    expect(j.register.kilde).toBe('hurtigbuffer');
    expect(j.dom).toBe('KAN TAS OPP');
    expect(j.advarsler.map((a: { kode: string }) => a.kode)).toContain('hurtigbuffer');
  });

  it('--offline uten buffer og uten nok flagg: exit 2; med flaggene: virker uten nett', async () => {
    const ws = kopier(SMB);
    const før = tjener.foresporsler.length;
    const r = await nh(['smb-sjekk', '910000004', '--offline', '--ansatte', '10', '--data', ws, '--json']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toContain('Mangler: --orgform, --omsetning, --balanse');
    const ok = await nh([
      'smb-sjekk',
      '910000004',
      '--offline',
      '--orgform',
      'AS',
      '--ansatte',
      '249',
      '--omsetning',
      '8 000 000',
      '--balanse',
      '6000000',
      '--registrert',
      '2015-01-01',
      '--innskutt-ek',
      '100000',
      '--opptjent-ek',
      '50000',
      '--selvstendig',
      '--data',
      ws,
      '--json',
    ]);
    expect(ok.kode, ok.stderr).toBe(0);
    const j = ok.json();
    expect(j.register.kilde).toBe('ingen');
    expect(kriterium(j, 'arsverk').status).toBe('ok');
    // konkursflagget er ikke kontrollert uten register
    expect(kriterium(j, 'konkurs-avvikling').status).toBe('må vurderes');
    expect(tjener.foresporsler.length).toBe(før);
  });

  // Deterministisk: tjeneren svarer aldri, så tidsavbruddet utløses alltid. Antall forsøk (ett nytt) testes i
  // test/unit/smb.test.ts med injisert fetch, ikke her: under last kan forespørselen avbrytes før tjeneren ser den.
  it('tidsavbrudd: en tjener som aldri svarer gir melding (exit 2 uten buffer)', async () => {
    const h = await startBrregTjener('henger');
    try {
      const ws = kopier(SMB);
      const r = await sjekk(ws, ['910000004', '--selvstendig'], { ...h.env(), NH_BRREG_TIDSAVBRUDD_MS: '300' });
      expect(r.kode).toBe(2);
      expect(r.stderr).toContain('svarte ikke innen 0.3 sekunder');
    } finally {
      await h.lukk();
    }
  });

  it('nytt forsøk: første svar 503, andre 200 → sjekken virker', async () => {
    const f = await startBrregTjener('feil-forst');
    try {
      const ws = kopier(SMB);
      const r = await sjekk(ws, ['910000004', '--selvstendig'], f.env());
      expect(r.kode, r.stderr).toBe(0);
      expect(f.foresporsler.filter((x) => x.endsWith('/enheter/910000004'))).toHaveLength(2);
    } finally {
      await f.lukk();
    }
  });

  it('GBER vedlegg I art. 6: --eierskap-fil og --partner aggregeres (partner forholdsmessig, tilknyttet fullt)', async () => {
    const ws = kopier(SMB);
    // Med et datterselskap (tilknyttet 60 %) er bedriften i et konsern: konsernets tall må oppgis (vedlegg 3 pkt. 2).
    const konsern = ['--konsern-egenkapital', '4000000', '--konsern-kapital', '1000000'];
    const r = await sjekk(ws, ['910000004', '--eierskap', 'eierskap.csv', '--redningsstotte', 'nei', ...konsern]);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    // 40 + 30 % av 200 + 20 = 120 årsverk; 8M + 12M + 3M = 23M; 6M + 9M + 2M = 17M
    expect(j.tall.samlet).toMatchObject({ arsverk: 120, omsetning: 23_000_000, balanse: 17_000_000 });
    expect(j.dom).toBe('KAN TAS OPP');
    // Eieren med 51 % (tilknyttet) gir 260 årsverk → ikke SMB
    const r2 = await sjekk(ws, [
      '910000004',
      '--tilknyttet',
      '910020552:51:200:40000000:30000000',
      '--tilknyttet',
      '910023292:60:20:3000000:2000000',
      '--ansatte',
      '40',
      '--overskriv',
    ]);
    expect(r2.kode).toBe(1);
    expect(r2.json().tall.samlet.arsverk).toBe(260);
    expect(kriterium(r2.json(), 'arsverk').status).toBe('ikke ok');
  });

  it('4.3: innovasjonsselskap fra nh.json-lista og med flagget', async () => {
    const ws = kopier(SMB);
    const r = await nh([
      'smb-sjekk',
      '910021923',
      '--offline',
      '--orgform',
      'AS',
      '--ansatte',
      '5',
      '--omsetning',
      '1000000',
      '--balanse',
      '1000000',
      '--data',
      ws,
      '--json',
    ]);
    expect(r.kode).toBe(1);
    expect(kriterium(r.json(), 'innovasjonsselskap').grunnlag).toContain('smb.innovasjonsselskaper');
    const r2 = await sjekk(ws, ['910000004', '--selvstendig', '--innovasjonsselskap']);
    expect(r2.kode).toBe(1);
    expect(kriterium(r2.json(), 'innovasjonsselskap').status).toBe('ikke ok');
  });

  it('vedlegg 3 pkt. 2: --kurs overstyrer nh.json og skrives ut med dato og kilde', async () => {
    const ws = kopier(SMB);
    const j = (await sjekk(ws, ['910000004', '--selvstendig', '--kurs', '11,5:2025-12-31'])).json();
    expect(j.kurs).toEqual({ kurs: 11.5, dato: '2025-12-31', kilde: 'oppgitt med --kurs' });
    expect(j.tall.samlet.omsetningEur).toBe(695652.17);
  });

  it('faktura finner posten: finnSmbSjekker (src/io/faktura/stotteregister.ts) leser orgnr og dato fra filnavnet og dommen fra posten', async () => {
    const ws = kopier(SMB);
    expect((await sjekk(ws, ['910000004', '--selvstendig', '--redningsstotte', 'nei'])).kode).toBe(0);
    const { finnSmbSjekker } = await import('../../src/io/faktura/stotteregister.js');
    const funnet = await finnSmbSjekker({ rot: ws, sti: (...d: string[]) => path.join(ws, ...d) } as Parameters<
      typeof finnSmbSjekker
    >[0]);
    // Issue 20 pkt. 3: også regnskapet sjekken bygde på og treårsunntaket (faktura avgjør om sjekken bør fornyes).
    expect([...funnet.entries()]).toMatchObject([['910000004', [{ dato: DATO, dom: 'KAN TAS OPP' }]]]);
    expect(Object.keys(funnet.get('910000004')![0]!).sort()).toEqual([
      'dato',
      'dom',
      'regnskapTil',
      'treaarsunntakSlutt',
    ]);
  });
});

describe('nh smb-sjekk på innspilte svar fra de ekte API-ene (issue 13, fixtures/brreg/README.md)', () => {
  it('pkt. 1 (GBER art. 2 nr. 18 c): rekonstruksjonsforhandling = ikke ok, med datoen', async () => {
    const j = (await sjekk(kopier(SMB), ['910030000', '--selvstendig', '--redningsstotte', 'nei'])).json();
    const k = kriterium(j, 'konkurs-avvikling');
    expect(k.status).toBe('ikke ok');
    expect(k.grunnlag).toContain('under rekonstruksjonsforhandling fra 15.09.2026');
    expect(j.dom).toBe('KAN IKKE TAS OPP');
  });

  it('pkt. 2 og 7 (GBER vedlegg I art. 3 nr. 4): statlig eid AS (sektor 1120, Equinor) = ikke ok; regnskap i USD leses ikke som NOK', async () => {
    const r = await sjekk(kopier(SMB), ['923609016', '--selvstendig']);
    const j = r.json();
    expect(kriterium(j, 'offentlig-eid')).toMatchObject({ status: 'ikke ok' });
    expect(kriterium(j, 'offentlig-eid').grunnlag).toContain('1120 (Statlig eide aksjeselskaper mv.)');
    const o = kriterium(j, 'omsetning-balanse');
    expect(o.grunnlag).toContain('er ført i USD, ikke NOK');
    expect(o.grunnlag).not.toContain('ikke regnskapspliktig');
    expect(j.tall.egne.omsetning).toBeNull();
    expect(j.advarsler.map((a: { kode: string }) => a.kode)).toContain('regnskap-valuta');
  });

  it('pkt. 3 (GBER vedlegg I art. 3 nr. 4; programveileder 4.3): offentlig eier som partner (ORGL i registeret) = ikke ok; --unntatt-investor (art. 3 nr. 2) opphever', async () => {
    const ws = kopier(SMB);
    const r = await sjekk(ws, ['910000004', '--partner', '991825827:30:43:5000000:3000000', '--redningsstotte', 'nei']);
    expect(r.kode).toBe(1);
    const e = kriterium(r.json(), 'eierskap');
    expect(e.status).toBe('ikke ok');
    expect(e.grunnlag).toContain('991825827 30 % (Enhetsregisteret: organisasjonsform ORGL');
    expect(tjener.foresporsler).toContain('/enhetsregisteret/api/enheter/991825827');
    const flagg = await sjekk(ws, ['910000004', '--selvstendig', '--offentlig-eier', '910004115:25', '--overskriv']);
    expect(kriterium(flagg.json(), 'eierskap').status).toBe('ikke ok');
    const under = await sjekk(ws, [
      '910000004',
      '--selvstendig',
      '--offentlig-eier',
      '910004115:24,9',
      '--redningsstotte',
      'nei',
      '--overskriv',
    ]);
    expect(kriterium(under.json(), 'eierskap').status).toBe('ok');
    const unntatt = await sjekk(ws, [
      '910000004',
      '--partner',
      '991825827:30:43:5000000:3000000',
      '--unntatt-investor',
      '991825827',
      '--redningsstotte',
      'nei',
      '--overskriv',
    ]);
    expect(kriterium(unntatt.json(), 'eierskap').status).toBe('ok');
  });

  it('pkt. 4 og 11 (vedlegg 3 pkt. 2 1)): tom opptjentEgenkapital utledes av sum − innskutt; kapitaltallet som er brukt, står i grunnlaget', async () => {
    const ws = kopier(SMB);
    const j = (await sjekk(ws, ['910000004', '--selvstendig', '--redningsstotte', 'nei'])).json();
    expect(j.register.regnskap.data[0].egenkapitalGjeld.egenkapital.opptjentEgenkapital).toEqual({});
    expect(j.tall.egenkapital).toMatchObject({
      innskutt: 1_000_000,
      opptjent: 2_500_000,
      sum: 3_500_000,
      aksjekapital: 100_000,
    });
    expect(j.tall.egenkapital.opptjentKilde).toContain('utledet: sum egenkapital − innskutt egenkapital');
    const k = kriterium(j, 'kapitaltap');
    expect(k.status).toBe('ok');
    expect(k.grunnlag).toContain('mellom aksjekapitalen 100 000 kr');
    expect(k.grunnlag).toContain('og innskutt egenkapital 1 000 000 kr');
    const m = (await sjekk(ws, ['910000004', '--selvstendig', '--overkurs', '400000', '--overskriv'])).json();
    expect(kriterium(m, 'kapitaltap').grunnlag).toContain(
      'tegnet kapital inkl. overkurs 500 000 kr = aksjekapital 100 000 kr',
    );
  });

  it('pkt. 5 og «ferdig»: 0–4 ansatte (harRegistrertAntallAnsatte uten antall); frisk liten AS med avvikende regnskapsår gir KAN TAS OPP uten «må vurderes»', async () => {
    const r = await sjekk(kopier(SMB), ['910030019', '--selvstendig', '--redningsstotte', 'nei']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(kriterium(j, 'arsverk').grunnlag).toContain('0–4 ansatte');
    for (const k of j.kriterier) expect(k.status, `${k.id}: ${k.grunnlag}`).toBe('ok');
    expect(j.dom).toBe('KAN TAS OPP');
    expect(j.tall.regnskapsperiode).toEqual({ fra: '2024-07-01', til: '2025-06-30' });
    expect(j.tall.egne.omsetning).toBe(1_650_000);
  });

  it('pkt. 6: et underenhetsnummer slås opp i /underenheter og hovedenheten sjekkes', async () => {
    const r = await sjekk(kopier(SMB), ['924203617', '--selvstendig']);
    const j = r.json();
    expect(j.navn).toBe('DIGITALISERINGSDIREKTORATET');
    expect(kriterium(j, 'orgnr').grunnlag).toContain(
      '924203617 (DIGITALISERINGSDIREKTORATET AVD BRØNNØYSUND) er en underenhet',
    );
    expect(kriterium(j, 'offentlig-eid').status).toBe('ikke ok');
    expect(j.underenhet).toEqual({
      orgnr: '924203617',
      navn: 'DIGITALISERINGSDIREKTORATET AVD BRØNNØYSUND',
      hovedenhet: '991825827',
    });
    // Posten skrives under nummeret som ble oppgitt, og sier hvilken hovedenhet som ble sjekket.
    expect(readFileSync(j.filer.md, 'utf8')).toContain(
      'organisasjonsnummer 991825827 (oppgitt som underenheten 924203617',
    );
    expect(tjener.foresporsler).toEqual(
      expect.arrayContaining([
        '/enhetsregisteret/api/underenheter/924203617',
        '/enhetsregisteret/api/enheter/991825827',
        '/regnskapsregisteret/regnskap/991825827',
      ]),
    );
  });

  it('pkt. 8: slettet enhet stopper før regnskapet, også den eldre formen uten respons_klasse', async () => {
    for (const orgnr of ['910005480', '821227062']) {
      const r = await sjekk(kopier(SMB), [orgnr]);
      expect(r.kode).toBe(2);
      expect(r.json().feil[0].kode).toBe('slettet-enhet');
      expect(tjener.foresporsler).not.toContain(`/regnskapsregisteret/regnskap/${orgnr}`);
    }
  });

  it('pkt. 9: NUF = må vurderes, fordi SMB-statusen gjelder foretaket i utlandet', async () => {
    const j = (await sjekk(kopier(SMB), ['910030027', '--selvstendig'])).json();
    const k = kriterium(j, 'utenlandsk-foretak');
    expect(k.status).toBe('må vurderes');
    expect(k.grunnlag).toContain('foretaket i utlandet som helhet');
  });

  it('pkt. 10 (vedlegg 3 pkt. 2): konsernet testes; treårsunntaket gis aldri ut fra datterselskapets dato alene', async () => {
    const ws = kopier(SMB);
    const alene = (await sjekk(ws, ['910030035', '--selvstendig', '--redningsstotte', 'nei'])).json();
    const k = kriterium(alene, 'kapitaltap');
    expect(k.status).toBe('ikke ok');
    expect(k.grunnlag).toContain('gis ikke ut fra bedriftens dato alene');
    const mor = '910030043:100:2:600000:4000000';
    const ung = (
      await sjekk(ws, [
        '910030035',
        '--tilknyttet',
        mor,
        '--konsern-registrert',
        '2024-06-01',
        '--redningsstotte',
        'nei',
        '--overskriv',
      ])
    ).json();
    expect(kriterium(ung, 'kapitaltap')).toMatchObject({ status: 'ok' });
    expect(kriterium(ung, 'kapitaltap').grunnlag).toContain('konsernet (01.06.2024 [--konsern-registrert])');
    const gammel = (
      await sjekk(ws, [
        '910030035',
        '--tilknyttet',
        mor,
        '--konsern-registrert',
        '2012-09-03',
        '--konsern-egenkapital',
        '9000000',
        '--konsern-kapital',
        '4000000',
        '--overskriv',
      ])
    ).json();
    expect(kriterium(gammel, 'kapitaltap').status).toBe('ikke ok');
    // Morselskapet: konsernregnskapet (KONSERN) i svaret brukes for konsernet.
    const m = (await sjekk(ws, ['910030043', '--selvstendig', '--redningsstotte', 'nei'])).json();
    const km = kriterium(m, 'kapitaltap');
    expect(km.status).toBe('ikke ok');
    expect(km.grunnlag).toContain(
      'Konsernet: sum egenkapital −1 500 000 kr [Regnskapsregisteret konsernregnskap 31.12.2025]',
    );
  });

  it('pkt. 10 (GBER art. 2 nr. 18 d): redningsstøtte spørres om; ja = ikke ok, ikke oppgitt = må vurderes', async () => {
    const ws = kopier(SMB);
    const ja = (await sjekk(ws, ['910030019', '--selvstendig', '--redningsstotte', 'ja'])).json();
    expect(kriterium(ja, 'redningsstotte').status).toBe('ikke ok');
    const ukjent = (await sjekk(ws, ['910030019', '--selvstendig', '--overskriv'])).json();
    expect(kriterium(ukjent, 'redningsstotte').status).toBe('må vurderes');
    expect(ukjent.dom).toBe('MÅ VURDERES');
  });
});

describe('issue 19 pkt. 3 og 8, issue 20 pkt. 3 og 6', () => {
  const OFFLINE = ['--offline', '--orgform', 'AS', '--ansatte', '4', '--omsetning', '2500000', '--balanse', '900000'];

  it('19.8: uten nett kan hvert kriterium oppgis med flagg — README-eksemplet når KAN TAS OPP', async () => {
    const ws = kopier(path.join(ROT, 'fixtures', 'demo'));
    const args = [...OFFLINE, '--selvstendig', '--innskutt-ek', '100000', '--opptjent-ek', '250000'];
    const r = await sjekk(ws, ['910017810', ...args, '--konkurs-avvikling', 'nei', '--redningsstotte', 'nei']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.dom).toBe('KAN TAS OPP');
    expect(j.mangler).toEqual([]);
    // Vedlegg 3 pkt. 2 / GBER art. 2 nr. 18 c: status oppgitt av administratoren, ikke kontrollert av nh.
    expect(kriterium(j, 'konkurs-avvikling')).toMatchObject({ status: 'ok' });
    expect(kriterium(j, 'konkurs-avvikling').grunnlag).toContain('--konkurs-avvikling nei');
    // Samme kommando som i README (uten --json): teksten når dommen, uten «Mangler»-linje.
    const readme = readFileSync(path.join(ROT, 'README.md'), 'utf8');
    const linje = readme.split('\n').find((l) => l.includes('nh smb-sjekk 910017810'))!;
    const argv = linje
      .replace(/^npx nh /, '')
      .replace('--data demo-kopi', '')
      .trim()
      .split(/\s+/);
    const t = await nh([...argv, '--data', kopier(path.join(ROT, 'fixtures', 'demo'))]);
    expect(t.kode, t.stderr).toBe(0);
    expect(t.stdout).toContain('KAN TAS OPP');
    expect(t.stdout).not.toContain('Mangler for en endelig vurdering');
  });

  it('19.8: teksten og --json slutter med nøyaktig det som mangler', async () => {
    const ws = kopier(SMB);
    const r = await sjekk(ws, ['910017810', ...OFFLINE]);
    const j = r.json();
    expect(j.dom).toBe('MÅ VURDERES');
    expect(j.mangler.map((m: { id: string }) => m.id)).toEqual([
      'eierskap',
      'kapitaltap',
      'insolvens',
      'konkurs-avvikling',
      'redningsstotte',
    ]);
    expect(j.mangler.find((m: { id: string }) => m.id === 'konkurs-avvikling').tekst).toContain('--konkurs-avvikling');
    expect(Object.keys(j).slice(-3)).toEqual(['mangler', 'filer', 'advarsler']); // filer og advarsler: --json
    const post = JSON.parse(readFileSync(path.join(ws, 'smb-sjekk', `910017810-${DATO}.json`), 'utf8'));
    expect(Object.keys(post).at(-1)).toBe('mangler');
    const t = await nh(['smb-sjekk', '910017810', ...OFFLINE, '--data', ws, '--overskriv']);
    const sist = t.stdout.trimEnd().split('\n').at(-1)!;
    expect(sist).toBe(
      'Mangler for en endelig vurdering: eierskapet (--selvstendig, --partner, --tilknyttet eller --eierskap); ' +
        'bedriftens egenkapital (--innskutt-ek og --opptjent-ek); status for konkurs, rekonstruksjon og avvikling ' +
        '(kjør med nett, eller --konkurs-avvikling ja|nei); redningsstøtte og omstruktureringsstøtte ' +
        '(--redningsstøtte ja|nei).',
    );
    expect(readFileSync(path.join(ws, 'smb-sjekk', `910017810-${DATO}.md`), 'utf8')).toContain(sist);
  });

  it('19.8: --vurdert avgjør et kriterium nh ikke kan avgjøre (NUF), med begrunnelsen i posten; ugyldig = exit 2', async () => {
    const ws = kopier(SMB);
    const begrunnelse = 'Hele foretaket i Sverige har 30 årsverk og 4 MEUR i omsetning (årsregnskap 2025)';
    const r = await sjekk(ws, ['910030027', '--selvstendig', '--vurdert', `utenlandsk-foretak=ok:${begrunnelse}`]);
    const k = kriterium(r.json(), 'utenlandsk-foretak');
    expect(k.status).toBe('ok');
    expect(k.grunnlag).toContain(begrunnelse);
    expect(readFileSync(path.join(ws, 'smb-sjekk', `910030027-${DATO}.md`), 'utf8')).toContain(begrunnelse);
    // Et kriterium registeret avgjør, kan ikke vurderes bort: advarsel, ikke brukt.
    const asa = await sjekk(ws, ['910002740', '--selvstendig', '--vurdert', 'asa=ok:Vi mener det er greit likevel']);
    expect(kriterium(asa.json(), 'asa').status).toBe('ikke ok');
    expect(asa.json().advarsler.map((a: { kode: string }) => a.kode)).toContain('vurdert-ubrukt');
    const feil = await sjekk(ws, ['910030027', '--vurdert', 'nuf=ok:begrunnelse her', '--overskriv']);
    expect(feil.kode).toBe(2);
    expect(feil.json().feil[0].melding).toContain('--vurdert');
  });

  it('19.3: oppslaget meldes med én gang på stderr, bare én gang; stdout er ren JSON', async () => {
    const ws = kopier(SMB);
    const r = await sjekk(ws, ['910000004', '--selvstendig', '--redningsstotte', 'nei']);
    expect(r.stderr.split('Slår opp 910000004 i Brønnøysundregistrene …').length).toBe(2);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    // Nettet nede uten buffer og uten flagg: nettfeilen står én gang (i feilen), ikke også som advarsel.
    const nede = await nh(['smb-sjekk', '910000004', '--data', kopier(SMB)], { env: await dodUrl() });
    expect(nede.kode).toBe(2);
    expect(nede.stderr.indexOf('Slår opp 910000004')).toBe(0);
    expect(nede.stderr.split('tilkoblingen ble avvist').length, nede.stderr).toBe(2);
    expect(nede.stderr).toContain('Mangler: --orgform, --ansatte, --omsetning, --balanse');
    // Med flaggene: nettfeilen én gang, som advarsel.
    const flagg = await nh(['smb-sjekk', '910000004', ...OFFLINE.slice(1), '--data', kopier(SMB)], {
      env: await dodUrl(),
    });
    expect(flagg.kode, flagg.stderr).toBe(0);
    expect(flagg.stderr.split('tilkoblingen ble avvist').length, flagg.stderr).toBe(2);
  });

  it('20.6 (vedlegg 3 pkt. 2, «i vanskeligheter» 2): konsernets egenkapital testes — negativ eller ukjent = må vurderes; --konsern-betalingsevne avgjør', async () => {
    const ws = kopier(SMB);
    const mor = ['--selvstendig', '--redningsstotte', 'nei'];
    // Morselskapet leverer konsernregnskap med −1 500 000 i egenkapital (fixtures/brreg/regnskap-910030043.json).
    const m = (await sjekk(ws, ['910030043', ...mor])).json();
    const k = kriterium(m, 'insolvens');
    expect(k.status).toBe('må vurderes');
    expect(k.grunnlag).toContain('Konsernet: sum egenkapital −1 500 000 kr');
    expect(k.kilde).toContain('Hvis bedriften eller konsernet');
    expect(k.grunnlag).toContain('oppgi --konsern-betalingsevne ja|nei');
    const nei = (await sjekk(ws, ['910030043', ...mor, '--konsern-betalingsevne', 'nei', '--overskriv'])).json();
    expect(kriterium(nei, 'insolvens').status).toBe('ikke ok');
    expect(nei.dom).toBe('KAN IKKE TAS OPP');
    const ja = (await sjekk(ws, ['910030043', ...mor, '--konsern-betalingsevne', 'ja', '--overskriv'])).json();
    expect(kriterium(ja, 'insolvens').status).toBe('ok');
    // Issue 20 pkt. 6: datter med −500 000 i konsernet passerte før som «Ikke insolvent».
    const datter = [
      '910030035',
      '--tilknyttet',
      '910030043:100:2:600000:4000000',
      '--konsern-registrert',
      '2024-06-01',
      '--redningsstotte',
      'nei',
    ];
    const d = (await sjekk(ws, [...datter, '--konsern-egenkapital', '-500000'])).json();
    expect(kriterium(d, 'insolvens').status).toBe('må vurderes');
    expect(d.mangler).toContainEqual({
      id: 'insolvens',
      tekst: 'konsernets betalingsevne (--konsern-betalingsevne ja|nei)',
    });
    const u = (await sjekk(ws, [...datter, '--overskriv'])).json();
    expect(kriterium(u, 'insolvens').status).toBe('må vurderes');
    expect(kriterium(u, 'insolvens').grunnlag).toContain('Konsernet: sum egenkapital er ukjent');
    expect(u.tall.konsern.betalingsevne).toBeNull();
  });

  it('20.6 (vedlegg 3 pkt. 2; GBER art. 2 nr. 18 c): morselskapets konkurs i Enhetsregisteret = ikke ok', async () => {
    const ws = kopier(SMB);
    const args = [
      '910030035',
      '--tilknyttet',
      '910030078:100:2:600000:4000000',
      '--konsern-registrert',
      '2024-06-01',
      '--konsern-egenkapital',
      '900000',
      '--konsern-kapital',
      '400000',
      '--redningsstotte',
      'nei',
    ];
    const r = await sjekk(ws, [...args, '--morselskap', '910030078']);
    const k = kriterium(r.json(), 'konkurs-avvikling');
    expect(k.status).toBe('ikke ok');
    expect(k.grunnlag).toContain('Morselskapet 910030078 VRAKVIK HOLDING AS: Enhetsregisteret: konkurs fra 15.09.2026');
    expect(tjener.foresporsler).toContain('/enhetsregisteret/api/enheter/910030078');
    // Uten --morselskap vet nh ikke hvem som er morselskapet: det står i grunnlaget.
    const uten = kriterium((await sjekk(ws, [...args, '--overskriv'])).json(), 'konkurs-avvikling');
    expect(uten.status).toBe('ok');
    expect(uten.grunnlag).toContain('Morselskapet er ikke oppgitt (--morselskap)');
    // Uten nett: morselskapets status er ikke kontrollert, og det står der.
    const off = await sjekk(ws, [...args, '--morselskap', '910030078', '--offline', '--overskriv']);
    expect(kriterium(off.json(), 'konkurs-avvikling').grunnlag).toContain('statusen er ikke kontrollert');
  });

  it('20.3: posten sier hvilket regnskap den bygger på og når treårsunntaket går ut (smbPostSkjema)', async () => {
    const ws = kopier(SMB);
    await sjekk(ws, ['910000004', '--selvstendig', '--redningsstotte', 'nei']);
    const p = smbPostSkjema.parse(
      JSON.parse(readFileSync(path.join(ws, 'smb-sjekk', `910000004-${DATO}.json`), 'utf8')),
    );
    expect(p.versjon).toBe(2);
    expect(p.oppfolging).toEqual({
      regnskap: { ar: 2025, fra: '2025-01-01', til: '2025-12-31' },
      tallOppgitt: false,
      sisteInnsendteAarsregnskap: 2025,
      treaarsunntak: { brukt: false, fra: expect.any(String), utloper: expect.any(String) },
    });
    // Vedlegg 3 pkt. 2: ung datter i konsern med tap — dommen hviler på treårsunntaket fra konsernets dato.
    await sjekk(ws, [
      '910030035',
      '--tilknyttet',
      '910030043:100:2:600000:4000000',
      '--konsern-registrert',
      '2024-06-01',
      '--redningsstotte',
      'nei',
    ]);
    const d = smbPostSkjema.parse(
      JSON.parse(readFileSync(path.join(ws, 'smb-sjekk', `910030035-${DATO}.json`), 'utf8')),
    );
    expect(d.oppfolging?.treaarsunntak).toEqual({ brukt: true, fra: '2024-06-01', utloper: '2027-06-01' });
    // Poster fra før versjon 2 leses fortsatt (uten oppfølging).
    expect(
      smbPostSkjema.parse({ orgnr: '910000004', dato: '2025-01-02', dom: 'KAN TAS OPP' }).oppfolging,
    ).toBeUndefined();
  });
});
