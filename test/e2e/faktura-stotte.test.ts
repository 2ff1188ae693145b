/**
 * nh faktura: støtte per faktura (issue 20 pkt. 1–5, 7, 14, 19) og fakturadatoer (issue 19 pkt. 6) ende til ende
 * på den lille arbeidsmappen. I samme prosess (nh()); «i dag» er NH_DATO.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { avtrykk, kopier, nh, ROT } from '../hjelp.js';

const LITEN = path.join(ROT, 'fixtures', 'faktura', 'liten');
const P = ['--periode', '2026-10'];
const register = (ws: string) => readFileSync(path.join(ws, 'stotteregister.csv'), 'utf8');

describe('fakturadato og forfall (issue 19 pkt. 6; bokføringsforskriften § 5-1-3 tredje ledd)', () => {
  it('innen de 15 første virkedagene: tilbakedatert til 31.10 som standard, forfall fra i dag, og utdata sier det', async () => {
    const ws = kopier(LITEN);
    const r = await nh(['faktura', '--data', ws, ...P, '--json'], { env: { NH_DATO: '2026-11-05' } });
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.fakturadatoer).toMatchObject({
      fakturadato: '2026-10-31',
      forfallsdato: '2026-11-19',
      kilde: 'tilbakedatert',
      fristTilbakedatering: '2026-11-18',
    });
    expect(j.fakturadatoer.forklaring).toContain('§ 5-1-3 tredje ledd');
    // Registeret og fakturagrunnlaget har de samme datoene.
    expect(register(ws)).toContain('2026M10;31.10.2026;915000002;');
    expect(register(ws)).toContain(';31.10.2026;19.11.2026;');
    const csv = readFileSync(path.join(ws, 'faktura', '2026-10', 'fakturagrunnlag.csv'), 'utf8');
    expect(csv).toContain(';31.10.2026;19.11.2026;');
    const t = await nh(['faktura', '--data', kopier(LITEN), ...P, '--forhandsvis'], { env: { NH_DATO: '2026-11-05' } });
    expect(t.stdout).toMatch(/Fakturadato 31\.10\.2026: tilbakedatert til periodens siste dag/);
  });

  it('etter vinduet: datert i dag med forfall 14 dager fram (ikke 31.10 / 14.11 — forfalt ved ankomst)', async () => {
    const r = await nh(['faktura', '--data', kopier(LITEN), ...P, '--forhandsvis', '--json'], {
      env: { NH_DATO: '2026-11-30' },
    });
    expect(r.json().fakturadatoer).toMatchObject({ fakturadato: '2026-11-30', forfallsdato: '2026-12-14' });
  });

  it('--fakturadato: i dag godtas; 31.10 etter vinduet er exit 2 med paragrafen, og ingenting skrives', async () => {
    const ws = kopier(LITEN);
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--fakturadato', '2026-10-31']);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/--fakturadato 31\.10\.2026 er før i dag.*§ 5-1-3 tredje ledd/);
    expect(avtrykk(ws)).toEqual(før);
    expect((await nh(['faktura', '--data', ws, ...P, '--fakturadato', '22.11.2026', '--forhandsvis'])).kode).toBe(0);
    expect((await nh(['faktura', '--data', ws, ...P, '--fakturadato', 'i går'])).kode).toBe(2);
  });
});

describe('ingen støtte på styrearbeid og husleie (issue 20 pkt. 4–5)', () => {
  it('vedlegg 3 pkt. 2: en timerad «Styremøte» på en målbedrift avviser kjøringen med fil og rad (exit 1)', async () => {
    const ws = kopier(LITEN);
    appendFileSync(path.join(ws, 'timer.csv'), '12.10.2026;Kari Nordmann;915000002;2;Styremøte;;\r\n');
    const før = avtrykk(ws);
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode).toBe(1);
    const a = r.json().resultat.avvisninger;
    expect(a.map((x: any) => x.kode)).toEqual(['ingen-stotte']);
    expect(a[0].melding).toMatch(/timer\.csv, rad \d+, kolonne «aktivitet»: «Styremøte» er styrearbeid i målbedriften/);
    expect(avtrykk(ws)).toEqual(før);
  });

  it('definisjonen «Innovasjonsstøttetjenester»: tjenesten «Kontorplass» avviser; nh.json faktura.ingenStotte kan endre listen', async () => {
    const ws = kopier(LITEN);
    appendFileSync(path.join(ws, 'timer.csv'), '12.10.2026;Kari Nordmann;915000002;2;Rådgivning;Kontorplass;\r\n');
    expect((await nh(['faktura', '--data', ws, ...P, '--forhandsvis'])).kode).toBe(1);
    const cfg = JSON.parse(readFileSync(path.join(ws, 'nh.json'), 'utf8'));
    cfg.faktura.ingenStotte = { husleie: ['husleie*'] };
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify(cfg));
    expect((await nh(['faktura', '--data', ws, ...P, '--forhandsvis'])).kode).toBe(0);
  });
});

describe('støtte fra andre (issue 20 pkt. 7; vedlegg 3 pkt. 2, GBER art. 28(4))', () => {
  it('annenstotte.csv teller i treårstaket: 199 000 EUR fra en annen operatør gjør at Alfa avvises (exit 1)', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'annenstotte.csv'),
      '\uFEFForgnr;dato;giver;belop;belopEur;sammeKostnader\r\n915000002;15.03.2026;Dalen Inkubator AS;;199 000;nei\r\n',
    );
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode).toBe(1);
    const a = r.json().resultat.avvisninger[0];
    expect(a.kode).toBe('over-treaarstak');
    expect(a.melding).toMatch(/herav 199\s000,00 EUR fra andre/);
  });

  it('kumulering: støtte fra andre til de samme kostnadene over 75 % avvises', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'annenstotte.csv'),
      '\uFEFForgnr;dato;giver;belop;sammeKostnader\r\n915000002;20.10.2026;Kommunen;1 000;ja\r\n',
    );
    const r = await nh(['faktura', '--data', ws, ...P, '--json']);
    expect(r.kode).toBe(1);
    expect(r.json().resultat.avvisninger.map((x: any) => x.kode)).toEqual(['kumulering-over-intensitet']);
  });

  it('en rad uten beløp er exit 2 med fil, rad og kolonne', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'annenstotte.csv'),
      'orgnr;dato;giver;sammeKostnader\r\n915000002;20.10.2026;Kommunen;ja\r\n',
    );
    const r = await nh(['faktura', '--data', ws, ...P]);
    expect(r.kode).toBe(2);
    expect(r.stderr).toMatch(/annenstotte\.csv, rad 2, kolonne «belop»: Raden mangler beløp/);
  });

  it('advarsel for en målbedrift merket «også tatt opp hos andre» uten rader i annenstotte', async () => {
    const ws = kopier(LITEN);
    const fil = path.join(ws, 'malbedrifter.csv');
    const linjer = readFileSync(fil, 'utf8').split('\n');
    linjer[0] = `${linjer[0]!.replace(/\r$/, '')};ogsaTattOppHosAndre\r`;
    linjer[1] = `${linjer[1]!.replace(/\r$/, '')};ja\r`;
    writeFileSync(fil, linjer.join('\n'));
    const r = await nh(['faktura', '--data', ws, ...P, '--forhandsvis', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.json().advarsler.map((x: any) => x.kode)).toContain('mangler-annen-stotte');
  });
});

describe('kursen og Støtteregisteret (issue 20 pkt. 14 og 19)', () => {
  it('EUR-kursen fra 31.12.2025 er mer enn en måned før fakturadatoen 22.11.2026: advarsel', async () => {
    const r = await nh(['faktura', '--data', kopier(LITEN), ...P, '--forhandsvis', '--json']);
    expect(r.json().advarsler.map((x: any) => x.kode)).toContain('kurs-gammel');
  });

  it('Støtteregisteret: fakturaen som passerer 100 000 EUR gjennom næringshagen gir en advarsel', async () => {
    const ws = kopier(LITEN);
    // 99 000 EUR i desember 2025 (i treårsvinduet, ikke i årets disponibelt) + oktober gir over 100 000.
    writeFileSync(
      path.join(ws, 'stotteregister.csv'),
      '\uFEFFperiode;dato;orgnr;navn;markedsverdi;egenandel;mva;stotte;eurNokKurs;kursdato;stotteEur\r\n' +
        '2025M12;31.12.2025;915000002;Alfa Teknologi AS;1518000,00;379500,00;94875,00;1138500,00;11,5;31.12.2025;99000,00\r\n',
    );
    const r = await nh(['faktura', '--data', ws, ...P, '--forhandsvis', '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const a = r.json().advarsler.filter((x: any) => x.kode === 'stotteregisteret');
    expect(a).toHaveLength(1);
    expect(a[0].melding).toMatch(/Alfa Teknologi AS.*Støtteregisteret.*Sivas plikt/);
  });
});

describe('nh smb-sjekk teller støtte fra andre i treårstaket (issue 20 pkt. 7; vedlegg 3 pkt. 2 «per målbedrift»)', () => {
  it('150 000 EUR i annenstotte.csv: gjenstår 50 000 EUR, og grunnlaget sier at støtte fra andre er med', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'annenstotte.csv'),
      '\uFEFForgnr;dato;giver;belopEur;sammeKostnader\r\n915000002;15.03.2026;Dalen Inkubator AS;150 000;nei\r\n',
    );
    const flagg = ['--offline', '--orgform', 'AS', '--ansatte', '5', '--omsetning', '1000000', '--balanse', '500000'];
    const r = await nh([
      'smb-sjekk',
      '915000002',
      '--data',
      ws,
      ...flagg,
      '--selvstendig',
      '--redningsstotte',
      'nei',
      '--json',
    ]);
    const j = r.json();
    expect(j.treaar).toMatchObject({ tidligereEur: 150_000, gjenstaarEur: 50_000 });
    const k = j.kriterier.find((x: any) => x.id === 'treaarstak');
    expect(k.grunnlag).toContain('annenstotte.csv');
  });
});
