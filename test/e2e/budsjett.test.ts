/**
 * nh budsjett (i samme prosess): plan (--år) og årsoppgjør (--regnskap) på fixtures/demo og små
 * arbeidsmapper i fixtures/budsjett; xlsx regnet om i LibreOffice skal gi samme tall som --json.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kopier, lesArk, nh, ROT } from '../hjelp.js';
import { harLibreOffice, regnOmAlle } from '../libreoffice.js';

const LITEN = path.join(ROT, 'fixtures', 'budsjett', 'liten');
const BOM = '\ufeff';

/**
 * De tre arbeidsbøkene som regnes om i LibreOffice (plan, årsoppgjør, og årsoppgjør med navn som ligner
 * SUMIF-kriterier), laget først og regnet om i én LibreOffice-runde for hele filen.
 */
type Omregnet = { j: any; omregnet: string };
let libreoffice: Record<'plan' | 'regnskap' | 'sumif', Omregnet>;
beforeAll(async () => {
  if (!harLibreOffice) return;
  const kjor = async (ws: string, args: string[], fil: string) => {
    const r = await nh([...args, '--data', ws, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    return { j: r.json(), fil: path.join(ws, fil) };
  };
  const sumifMappe = kopier(LITEN);
  for (const f of ['ansatte.csv', 'timer.csv']) {
    const p = path.join(sumifMappe, f);
    writeFileSync(
      p,
      readFileSync(p, 'utf8').split('Kari Nordmann').join('>Kari Nordmann').split('Ola Hansen').join('Ola* Hansen'),
    );
  }
  const laget = {
    plan: await kjor(kopier(), ['budsjett', '--ar', '2027'], 'budsjett-adm-gjennomforing-2027.xlsx'),
    regnskap: await kjor(kopier(), ['budsjett', '--regnskap', '2026'], 'attestasjonsgrunnlag-2026.xlsx'),
    sumif: await kjor(sumifMappe, ['budsjett', '--regnskap', '2026'], 'attestasjonsgrunnlag-2026.xlsx'),
  };
  const omregnet = await regnOmAlle({ plan: laget.plan.fil, regnskap: laget.regnskap.fil, sumif: laget.sumif.fil });
  libreoffice = {
    plan: { j: laget.plan.j, omregnet: omregnet.plan },
    regnskap: { j: laget.regnskap.j, omregnet: omregnet.regnskap },
    sumif: { j: laget.sumif.j, omregnet: omregnet.sumif },
  };
}, 300_000);

/** Finn verdien i kolonne B for en etikett i kolonne A (sammendragsarket). */
function verdi(ark: unknown[][], etikett: string): unknown {
  const rad = ark.find((r) => typeof r?.[0] === 'string' && (r[0] as string).startsWith(etikett));
  if (!rad) throw new Error(`fant ikke «${etikett}»`);
  return rad[1];
}
// ExcelJS leser et formelresultat på 0 som tomt (undefined); alt annet (også feilverdier) blir tall eller NaN.
const rund = (x: unknown) => Math.round(Number(x ?? 0) * 100) / 100;

describe('nh budsjett --år (plan, programveileder 10.4 og 11.1)', () => {
  it('10.4: demo 2027 — timer × timesats + budsjetterte kostnader mot tildelingen, json og xlsx', async () => {
    const ws = kopier();
    const r = await nh(['budsjett', '--år', '2027', '--data', ws, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.modus).toBe('plan');
    expect(j.ar).toBe(2027);
    expect(j.direkteKostnader.sum).toBe(150000);
    expect(j.tildeling).toBe(740000);
    expect(j.personer).toHaveLength(7);
    const sumPersoner = j.personer.reduce((s: number, p: { belop: number }) => s + Math.round(p.belop * 100), 0);
    expect(Math.round(j.timeBelop * 100)).toBe(sumPersoner);
    expect(Math.round(j.total * 100)).toBe(sumPersoner + 150000_00);
    expect(Math.round(j.differanse * 100)).toBe(Math.round(j.tildeling * 100) - Math.round(j.total * 100));
    expect(['under', 'lik', 'over']).toContain(j.status);
    expect(existsSync(path.join(ws, 'budsjett-adm-gjennomforing-2027.xlsx'))).toBe(true);
    // Uten --overskriv nektes ny skriving.
    expect((await nh(['budsjett', '--ar', '2027', '--data', ws])).kode).toBe(2);
    expect((await nh(['budsjett', '--ar', '2027', '--data', ws, '--overskriv'])).kode).toBe(0);
  });

  it('10.4: budsjett under, lik og over tildelingen sier hvilket i kroner', async () => {
    // liten: Kari 100 t × timesats + 10 000 kr kostnader; tildelingen varieres.
    const ws = kopier(LITEN);
    const forst = (await nh(['budsjett', '--ar', '2027', '--data', ws, '--json', '--forhandsvis'])).json();
    const total = Math.round(forst.total * 100);
    const kjør = async (tildelingOre: number) => {
      writeFileSync(
        path.join(ws, 'tilskudd.csv'),
        `${BOM}ar;type;belop\n2027;administrasjon;${(tildelingOre / 100).toFixed(2).replace('.', ',')}\n`,
      );
      return await nh(['budsjett', '--ar', '2027', '--data', ws, '--forhandsvis']);
    };
    const under = await kjør(total + 1234_56);
    expect(under.kode).toBe(0);
    expect(under.stdout).toContain('1\u00a0234,56 kr UNDER tildelingen');
    expect(under.stdout).toContain('tilbakebetales');
    expect((await kjør(total)).stdout).toContain('LIKT tildelingen');
    expect((await kjør(total - 99_00)).stdout).toContain('99,00 kr OVER tildelingen');
    expect(readdirSync(ws).some((f) => f.endsWith('.xlsx'))).toBe(false); // --forhandsvis skriver ingenting
  });

  it('10.4: en forbudt kostnadskategori gir exit 2 med fil, rad og kolonne', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'kostnader.csv'),
      `${BOM}ar;kategori;belop;type\n2027;Eksterne kostnader;100;budsjett\n2027;Husleie;5 000;budsjett\n2027;Bevertning styremøte;500;budsjett\n`,
    );
    const r = await nh(['budsjett', '--ar', '2027', '--data', ws, '--json']);
    expect(r.kode).toBe(2);
    const feil = r.json().feil as { kode: string; kilde: { rad: number; kolonne: string } }[];
    expect(feil.map((f) => [f.kode, f.kilde.rad, f.kilde.kolonne])).toEqual([
      ['ukjent-kostnadskategori', 3, 'kategori'],
      ['ukjent-kostnadskategori', 4, 'kategori'],
    ]);
    expect(r.stderr).toContain('kostnader.csv, rad 3, kolonne «kategori»');
  });

  it.skipIf(!harLibreOffice)(
    '10.4: xlsx regnet om i LibreOffice = --json (plan)',
    async () => {
      const { j, omregnet } = libreoffice.plan;
      const sam = await lesArk(omregnet, 'Sammendrag');
      expect(rund(verdi(sam, 'Timer × timesats'))).toBe(j.timeBelop);
      expect(rund(verdi(sam, 'Direkte kostnader'))).toBe(j.direkteKostnader.sum);
      expect(rund(verdi(sam, 'Total'))).toBe(j.total);
      expect(rund(verdi(sam, 'Tildeling'))).toBe(j.tildeling);
      expect(rund(verdi(sam, 'Differanse'))).toBe(j.differanse);
      expect(String(verdi(sam, 'Status')).toLowerCase()).toContain(j.status === 'lik' ? 'lik' : j.status);
      const pers = await lesArk(omregnet, 'Timesatser og timer');
      for (const [i, p] of (j.personer as { navn: string; belop: number }[]).entries()) {
        expect(pers[2 + i]![0]).toBe(p.navn);
        expect(rund(pers[2 + i]![3])).toBe(p.belop);
      }
      const kat = await lesArk(omregnet, 'Direkte kostnader');
      for (const [i, k] of (
        j.direkteKostnader.perKategori as { kategori: string; belop: number; antall: number }[]
      ).entries()) {
        expect([kat[2 + i]![0], kat[2 + i]![1], rund(kat[2 + i]![2])]).toEqual([k.kategori, k.antall, k.belop]);
      }
    },
    60_000,
  );
});

describe('nh budsjett --regnskap (årsoppgjør, vedlegg 3 pkt. 4.2)', () => {
  it('vedlegg 3 pkt. 4.2: demo 2026 — timer per person og aktivitet, faktiske kostnader, differanse', async () => {
    const ws = kopier();
    const r = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.modus).toBe('regnskap');
    expect(j.timer).toBe(975.25);
    expect(j.timerPaMalbedrifter).toBe(2455.75);
    expect(j.direkteKostnader.sum).toBe(160832);
    expect(j.tildeling).toBe(720000);
    expect(j.aktiviteter.map((a: { aktivitet: string }) => a.aktivitet)).toEqual([
      'Prosjektledelse',
      'Profilering og markedsføring',
      'Messer og konferanser',
      'Rekruttering av nye bedrifter',
      'Innlemmelse av nye målbedrifter',
      'Studieturer',
      'Kompetanseheving for ansatte',
      'Rapporteringsforpliktelser',
    ]);
    const ore = (x: number) => Math.round(x * 100);
    const perPerson = j.personer.reduce((s: number, p: { belop: number }) => s + ore(p.belop), 0);
    const perAktivitet = j.aktiviteter.reduce((s: number, a: { belop: number }) => s + ore(a.belop), 0);
    expect(perPerson).toBe(ore(j.timeBelop));
    expect(perAktivitet).toBe(ore(j.timeBelop));
    expect(ore(j.differanse)).toBe(ore(j.tildeling) - ore(j.total));
    expect(j.disponertIsinHelhet).toBe(j.differanse <= 0);
    expect(j.advarsler.map((a: { kode: string }) => a.kode)).toContain('aret-ikke-avsluttet');
    expect(existsSync(path.join(ws, 'attestasjonsgrunnlag-2026.xlsx'))).toBe(true);
  });

  it('vedlegg 3 pkt. 4.2: overskudd ved årsslutt skal tilbakebetales (liten arbeidsmappe)', async () => {
    const ws = kopier(LITEN);
    const r = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json', '--forhandsvis']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.status).toBe('under');
    expect(j.disponertIsinHelhet).toBe(false);
    expect(j.tilbakebetales).toBe(j.differanse);
    expect(j.tilbakebetales).toBeGreaterThan(0);
    const t = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--forhandsvis']);
    expect(t.stdout).toContain('IKKE disponert i sin helhet');
    expect(t.stdout).toContain('skal tilbakebetales');
  });

  it('vedlegg 3 pkt. 4.2: tomt år — ingen timer eller kostnader gir total 0 og exit 0', async () => {
    const ws = kopier(LITEN);
    const r = await nh(['budsjett', '--regnskap', '2025', '--data', ws, '--json', '--forhandsvis']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect([j.total, j.timer, j.tildeling, j.differanse, j.status]).toEqual([0, 0, 0, 0, 'lik']);
    expect(j.advarsler.map((a: { kode: string }) => a.kode)).toEqual(
      expect.arrayContaining(['ingen-adm-timer', 'ingen-tildeling']),
    );
  });

  it.skipIf(!harLibreOffice)(
    'vedlegg 3 pkt. 4.2: navn som ligner SUMIF-kriterier («>Kari», «Ola*») summeres eksakt i xlsx',
    async () => {
      const { j, omregnet } = libreoffice.sumif;
      const pers = await lesArk(omregnet, 'Per person');
      const personer = j.personer as { navn: string; timer: number; belop: number }[];
      expect(personer.map((p) => p.navn)).toEqual(expect.arrayContaining(['>Kari Nordmann', 'Ola* Hansen']));
      for (const [i, p] of personer.entries()) {
        expect([pers[2 + i]![0], rund(pers[2 + i]![2]), rund(pers[2 + i]![3])]).toEqual([p.navn, p.timer, p.belop]);
      }
    },
    60_000,
  );

  it.skipIf(!harLibreOffice)(
    'vedlegg 3 pkt. 4.2: xlsx regnet om i LibreOffice = --json (regnskap)',
    async () => {
      const { j, omregnet } = libreoffice.regnskap;
      const sam = await lesArk(omregnet, 'Sammendrag');
      expect(rund(verdi(sam, 'Timer, administrasjon'))).toBe(j.timer);
      expect(rund(verdi(sam, 'Timer × timesats'))).toBe(j.timeBelop);
      expect(rund(verdi(sam, 'Direkte kostnader'))).toBe(j.direkteKostnader.sum);
      expect(rund(verdi(sam, 'Total'))).toBe(j.total);
      expect(rund(verdi(sam, 'Differanse'))).toBe(j.differanse);
      expect(rund(verdi(sam, 'Skal tilbakebetales'))).toBe(j.tilbakebetales);
      expect(rund(verdi(sam, 'Kontroll'))).toBe(0);
      const pers = await lesArk(omregnet, 'Per person');
      for (const [i, p] of (j.personer as { navn: string; timer: number; belop: number }[]).entries()) {
        expect([pers[2 + i]![0], rund(pers[2 + i]![2]), rund(pers[2 + i]![3])]).toEqual([p.navn, p.timer, p.belop]);
      }
      const akt = await lesArk(omregnet, 'Per aktivitet');
      for (const [i, a] of (j.aktiviteter as { aktivitet: string; timer: number; belop: number }[]).entries()) {
        expect([akt[2 + i]![0], rund(akt[2 + i]![1]), rund(akt[2 + i]![3])]).toEqual([a.aktivitet, a.timer, a.belop]);
      }
      const tl = await lesArk(omregnet, 'Timelister');
      expect(tl.length - 3).toBe(j.antallTimelinjer); // tittel, overskrift, linjer, sumrad
    },
    60_000,
  );
});

describe('nh budsjett --regnskap: aktiviteter og målbedrifter (vedlegg 3 pkt. 3)', () => {
  const timer = (rader: string[]) =>
    `${BOM}dato;ansatt;malbedrift;timer;aktivitet;tjeneste;beskrivelse\n${rader.join('\n')}\n`;
  it('vedlegg 3 pkt. 3: aktivitet utenfor lista er en advarsel (exit 0) og tas med; nh.json admAktiviteter utvider lista', async () => {
    const ws = kopier(LITEN);
    writeFileSync(
      path.join(ws, 'timer.csv'),
      timer([
        '03.03.2026;Kari Nordmann;ADM;1,5;Prosjektledelse;;Planlegging',
        '04.03.2026;Kari Nordmann;ADM;2;Nettverksmøte;;Regionalt nettverk',
      ]),
    );
    const r = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json', '--forhandsvis']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.advarsler.find((a: { kode: string }) => a.kode === 'ukjent-aktivitet')).toMatchObject({
      kilde: { fil: 'timer.csv', rad: 3, kolonne: 'aktivitet' },
    });
    expect(j.aktiviteter.find((a: { aktivitet: string }) => a.aktivitet === 'Nettverksmøte')).toMatchObject({
      timer: 2,
    });
    const cfg = JSON.parse(readFileSync(path.join(ws, 'nh.json'), 'utf8'));
    writeFileSync(path.join(ws, 'nh.json'), JSON.stringify({ ...cfg, admAktiviteter: ['Nettverksmøte'] }));
    const r2 = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json', '--forhandsvis']);
    expect(r2.kode, r2.stderr).toBe(0);
    expect(r2.json().advarsler.map((a: { kode: string }) => a.kode)).not.toContain('ukjent-aktivitet');
  });
  it('vedlegg 3 pkt. 3: ADM-rad som nevner en målbedrift — før avtalestart administrasjon, i avtaleperioden en advarsel', async () => {
    const ws = kopier(LITEN); // Fjordlys Sjømat AS: avtale fra 15.01.2026
    writeFileSync(
      path.join(ws, 'timer.csv'),
      timer([
        '10.01.2026;Kari Nordmann;ADM;1,5;Prosjektledelse;;SMB-sjekk og avtaleutkast for Fjordlys Sjømat AS',
        '04.03.2026;Kari Nordmann;ADM;2;Prosjektledelse;;Oppfølging av Fjordlys Sjømat AS',
      ]),
    );
    const r = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json', '--forhandsvis']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    const adv = j.advarsler.filter((a: { kode: string }) => a.kode === 'adm-nevner-malbedrift');
    expect(adv.map((a: { kilde: { rad: number } }) => a.kilde.rad)).toEqual([3]);
    expect(adv[0].melding).toMatch(/Er dette rådgivning til bedriften\?/);
    expect(j.timer).toBe(3.5);
  });
});

describe('nh budsjett --regnskap bruker årets egne timesatser (10.4, vedlegg 3 pkt. 4.2)', () => {
  it('10.4 / vedlegg 3 pkt. 3 og 4.2: årets faktiske satser lagret av nh timesats --ar 2026 brukes selv om ansatte er endret for neste år', async () => {
    const ws = kopier(LITEN);
    const ts = await nh(['timesats', '--ar', '2026', '--data', ws, '--json']);
    expect(ts.kode, ts.stderr).toBe(0);
    // I dag er 22.11.2026: året er i gang, så satsene er årets faktiske (issue 20 pkt. 16).
    const lagret = JSON.parse(readFileSync(path.join(ws, 'timesats-2026-faktisk.json'), 'utf8'));
    expect(lagret).toMatchObject({ versjon: 1, ar: 2026, laget: '2026-11-22', grunnlag: 'faktisk' });
    const for_ = (await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json', '--forhandsvis'])).json();
    // Lønnsoppgjør for 2027: alle lønninger ned 40 % i ansatte.csv.
    const fil = path.join(ws, 'ansatte.csv');
    writeFileSync(
      fil,
      readFileSync(fil, 'utf8').replace(/(\d[\d ]{4,})(?=;|\n|$)/g, (m) =>
        String(Math.round(Number(m.replace(/ /g, '')) * 0.6)),
      ),
    );
    const etter = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json', '--forhandsvis']);
    expect(etter.kode, etter.stderr).toBe(0);
    const j = etter.json();
    expect(j.personer.map((p: { timesats: number }) => p.timesats)).toEqual(
      for_.personer.map((p: { timesats: number }) => p.timesats),
    );
    expect(j.timesatsKilde).toMatch(
      /^timesats-2026-faktisk\.json \(årets faktiske satser, lagret av nh 22\.11\.2026\)/,
    );
    expect(j.advarsler.map((a: { kode: string }) => a.kode)).not.toContain('timesats-ikke-lagret');
    // Uten den lagrede fila ville de nye lønningene gitt andre satser (testen er ikke tom).
    rmSync(path.join(ws, 'timesats-2026-faktisk.json'));
    const naa = (await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json', '--forhandsvis'])).json();
    expect(naa.personer.map((p: { timesats: number }) => p.timesats)).not.toEqual(
      for_.personer.map((p: { timesats: number }) => p.timesats),
    );
    writeFileSync(path.join(ws, 'timesats-2026-faktisk.json'), JSON.stringify(lagret));
    // Uten lagrede satser: regnet fra ansatte nå, og det sies tydelig.
    const ws2 = kopier(LITEN);
    const uten = (await nh(['budsjett', '--regnskap', '2026', '--data', ws2, '--json', '--forhandsvis'])).json();
    expect(uten.timesatsKilde).toMatch(/regnet fra ansatte slik den er i dag/);
    expect(uten.advarsler.map((a: { kode: string }) => a.kode)).toContain('timesats-ikke-lagret');
    const tekst = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--forhandsvis']);
    expect(tekst.stdout).toMatch(/Timesatser: timesats-2026-faktisk\.json/);
  });

  it('issue 20 pkt. 16 / vedlegg 3 pkt. 3: attestasjonen viser budsjettsatsene ved siden av årets faktiske, bruker de faktiske og sier hvorfor', async () => {
    const ws = kopier(LITEN);
    // 1. desember 2025: budsjettet for 2026 lagrer budsjettsatsene (timesats-2026.json).
    const b = await nh(['budsjett', '--år', '2026', '--data', ws, '--json'], { env: { NH_DATO: '2025-11-25' } });
    expect(b.kode, b.stderr).toBe(0);
    expect(b.json().timesatsfil).toEqual({ fil: 'timesats-2026.json', status: 'ny', skrevet: true });
    // Bare budsjettsatsene: de brukes, med advarsel om at de faktiske mangler.
    const kunBudsjett = (await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json', '--forhandsvis'])).json();
    expect(kunBudsjett.timesatser.brukt).toBe('budsjett');
    expect(kunBudsjett.advarsler.map((a: { kode: string }) => a.kode)).toContain('faktiske-satser-mangler');
    // Lønnsøkning i løpet av 2026 (alle +10 %), og årets faktiske satser lagres i desember.
    const fil = path.join(ws, 'ansatte.csv');
    writeFileSync(
      fil,
      readFileSync(fil, 'utf8').replace(/(\d[\d ]{4,})(?=;|\n|$)/g, (m) =>
        String(Math.round(Number(m.replace(/ /g, '')) * 1.1)),
      ),
    );
    expect((await nh(['timesats', '--ar', '2026', '--data', ws], { env: { NH_DATO: '2026-12-15' } })).kode).toBe(0);
    const r = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--json', '--forhandsvis'], {
      env: { NH_DATO: '2027-02-10' },
    });
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.timesatser.brukt).toBe('faktisk');
    expect(j.timesatser.begrunnelse).toMatch(/ren kostnadsdekning.*vedlegg 3 pkt\. 3/);
    expect(j.timesatser.budsjett.fil).toBe('timesats-2026.json');
    expect(j.timesatser.faktisk.fil).toBe('timesats-2026-faktisk.json');
    const budsjettSats = j.timesatser.budsjett.ansatte[0].timesats;
    expect(j.personer[0].timesats).toBe(j.timesatser.faktisk.ansatte[0].timesats);
    expect(j.personer[0].timesats).toBeGreaterThan(budsjettSats);
    // Timebeløpet med budsjettsatsene står ved siden av, og er lavere (lønnen steg).
    expect(j.timesatser.timeBelopMedAndreSatser.fil).toBe('timesats-2026.json');
    expect(j.timesatser.timeBelopMedAndreSatser.timeBelop).toBeLessThan(j.timeBelop);
    const t = await nh(['budsjett', '--regnskap', '2026', '--data', ws, '--forhandsvis'], {
      env: { NH_DATO: '2027-02-10' },
    });
    expect(t.stdout).toMatch(
      /Timesatser: timesats-2026-faktisk\.json \(årets faktiske satser, lagret av nh 15\.12\.2026\)/,
    );
    expect(t.stdout).toMatch(/Hvorfor: årets faktiske satser/);
    expect(t.stdout).toMatch(/Budsjettsats\s+Faktisk sats\s+Timesats/);
    expect(t.stdout).toMatch(/Med budsjettsatsene \(timesats-2026\.json\) ville timebeløpet vært .* kr mindre\)/);
  });

  it('issue 20 pkt. 16 / 10.4 pkt. 2: nh budsjett --år lagrer budsjettsatsene, minner om dem i forhåndsvisning og erstatter aldri andre satser stille', async () => {
    const ws = kopier(LITEN);
    const forh = await nh(['budsjett', '--år', '2027', '--data', ws, '--forhandsvis']);
    expect(forh.stdout).toMatch(/Budsjettsatsene lagres i timesats-2027\.json når budsjettet skrives/);
    expect(existsSync(path.join(ws, 'timesats-2027.json'))).toBe(false);
    expect((await nh(['budsjett', '--år', '2027', '--data', ws])).kode).toBe(0);
    expect(JSON.parse(readFileSync(path.join(ws, 'timesats-2027.json'), 'utf8'))).toMatchObject({
      ar: 2027,
      grunnlag: 'budsjett',
    });
    const igjen = (await nh(['budsjett', '--år', '2027', '--data', ws, '--overskriv', '--json'])).json();
    expect(igjen.timesatsfil).toEqual({ fil: 'timesats-2027.json', status: 'lik', skrevet: false });
    // Endret lønn: andre satser enn fila har. Uten --overskriv: exit 2 som nevner fila; ingenting skrevet.
    const fil = path.join(ws, 'ansatte.csv');
    writeFileSync(
      fil,
      readFileSync(fil, 'utf8').replace(/(\d[\d ]{4,})(?=;|\n|$)/, (m) => String(Number(m.replace(/ /g, '')) + 50_000)),
    );
    rmSync(path.join(ws, 'budsjett-adm-gjennomforing-2027.xlsx'));
    const nei = await nh(['budsjett', '--år', '2027', '--data', ws, '--json']);
    expect(nei.kode).toBe(2);
    expect(nei.json().feil[0]).toMatchObject({ kode: 'finnes-fra-for', kilde: { fil: 'timesats-2027.json' } });
    expect(existsSync(path.join(ws, 'budsjett-adm-gjennomforing-2027.xlsx'))).toBe(false);
    const ja = await nh(['budsjett', '--år', '2027', '--data', ws, '--overskriv', '--json']);
    expect(ja.json().timesatsfil).toEqual({ fil: 'timesats-2027.json', status: 'ulik', skrevet: true });
  });

  it('issue 22 pkt. 3 (les alt først): en ødelagt timesats-2027.json meldes sammen med de andre lesefeilene, ingenting skrives', async () => {
    const ws = kopier(LITEN);
    writeFileSync(path.join(ws, 'timesats-2027.json'), '{ ikke json');
    rmSync(path.join(ws, 'tilskudd.csv'));
    const r = await nh(['budsjett', '--år', '2027', '--data', ws, '--json']);
    expect(r.kode).toBe(2);
    const koder = r.json().feil.map((f: { kode: string }) => f.kode);
    expect(koder).toContain('ugyldig-json');
    expect(koder).toContain('mangler-datasett');
    expect(readdirSync(ws).some((f) => f.endsWith('.xlsx'))).toBe(false);
  });

  it('10.4 / vedlegg 3 pkt. 4.2: attestasjonen lister alt revisor bekrefter, også «ingen statsstøtterettslig fordel» og regnskapsfører', async () => {
    const ws = kopier(LITEN);
    const r = await nh(['budsjett', '--regnskap', '2026', '--data', ws]);
    expect(r.kode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ikke igjen noen statsstøtterettslig «fordel»/);
    expect(r.stdout).toMatch(/kan regnskapsfører utarbeide attestasjonen/);
    expect(r.stdout).toMatch(/kan fremlegges på forespørsel/);
    const ark = await lesArk(path.join(ws, 'attestasjonsgrunnlag-2026.xlsx'), 0);
    const verdier = ark.flatMap((rad) => (rad ?? []).map(String));
    expect(verdier.some((v) => /statsstøtterettslig «fordel»/.test(v))).toBe(true);
    expect(verdier.some((v) => /regnskapsfører/.test(v))).toBe(true);
  });
});

describe('nh budsjett: fordelingen 25/75 (programveileder 10.2)', () => {
  it('10.2: demo 2026 — Sivas administrasjonstilskudd 26,97 % gir advarsel med tallene; budsjett 2027 uten innovasjonstilskudd sier det', async () => {
    const r = await nh(['budsjett', '--regnskap', '2026', '--data', kopier(), '--json', '--forhandsvis']);
    expect(r.kode, r.stderr).toBe(0);
    const j = r.json();
    expect(j.fordeling10_2).toEqual({
      administrasjon: 720000,
      innovasjon: 1950000,
      andelAdministrasjon: 26.9663,
      takAdministrasjon: 667500,
    });
    expect(j.advarsler.find((a: { kode: string }) => a.kode === 'fordeling-10-2').kilde.fil).toBe('tilskudd.csv');
    const plan = await nh(['budsjett', '--år', '2027', '--data', kopier(), '--forhandsvis']);
    expect(plan.stdout).toMatch(/Fordelingen 25\/75 \(10\.2\): kan ikke kontrolleres/);
  });
});
