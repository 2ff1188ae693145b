/**
 * Gjenskapingene av feilkodene (issue 22 pkt. 5): minst én mappe i fixtures/bad per kode i registeret
 * (src/domain/felles/feilkoder.ts), skrevet av scripts/lag-bad.mjs. test/unit/feilkoder.test.ts krever dem,
 * test/e2e/bad-input.test.ts kjører dem. En ny kode: et tilfelle her med `forventet.kode` (flere koder fra samme
 * kjøring: `forventet.ogsa`). `exit` 0 = advarselen står i `advarsler` og kjøringen går; 1 = en regel sier nei.
 * Billigst først: --forhandsvis der kommandoen har det (testpakken skal holde seg under 60 s).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const BRREG = path.join(FIXTURES, 'brreg');

/**
 * @param {{ tilfelle: Function, csv: Function, tilBuffer: Function, A_HODE: string, T_HODE: string }} h
 *   tilBuffer: arbeidsboken med faste tidsstempler (lag-bad.mjs), så en ny kjøring gir samme bytes.
 */
export async function feilkodetilfeller({ tilfelle, csv, tilBuffer, A_HODE, T_HODE }) {
  const arbeidsbok = async (bygg) => {
    const wb = new ExcelJS.Workbook();
    bygg(wb);
    return tilBuffer(wb);
  };
  const REG_HODE = 'periode;dato;orgnr;navn;markedsverdi;egenandel;mva;stotte;eurNokKurs;kursdato;stotteEur;kjoring';
  const P10 = ['--periode', '2026-10'];
  const fakturaConfig = (faktura) =>
    JSON.stringify({
      versjon: 1,
      naeringshage: { navn: 'Testdal Næringshage AS', orgnr: '923609016' },
      ar: 2026,
      markedsprisPerTime: 1000,
      stotteintensitet: 75,
      mvaSats: 25,
      arbeidsgiveravgiftSats: 14.1,
      andreSosialeKostnaderProsent: 12,
      indirekteKostnaderPerAr: 300000,
      timerPerArsverk: 1695,
      eurNok: { kurs: 11.5, dato: '2025-12-31', kilde: 'Norges Bank' },
      adminKoder: ['ADM'],
      kolonner: {},
      ignorerKolonner: {},
      faktura: { tjenestepriser: { Markedsanalyse: 1400 }, forfallsdager: 14, ...faktura },
    });
  const smbFlagg = [
    '--ansatte',
    '12',
    '--omsetning',
    '25000000',
    '--balanse',
    '12000000',
    '--orgform',
    'AS',
    '--nace',
    '62.010',
    '--registrert',
    '2015-03-01',
    '--innskutt-ek',
    '500000',
    '--opptjent-ek',
    '2000000',
    '--selvstendig',
  ];

  // ————— Lesing av filer og datasett —————
  tilfelle('kode-mangler-datasett', {
    beskrivelse: 'timesats uten ansatte.csv/ansatte.xlsx',
    kommando: ['timesats', '--forhandsvis'],
    fjern: ['ansatte.csv'],
    forventet: { fil: 'ansatte', kode: 'mangler-datasett' },
  });
  tilfelle('kode-mangler-overskrift', {
    beskrivelse: 'overskriftsraden er tom (bare skilletegn)',
    kommando: ['timesats', '--forhandsvis'],
    filer: { 'ansatte.csv': csv(';;', 'Kari Nordmann;650 000;100') },
    forventet: { fil: 'ansatte.csv', rad: 1, kode: 'mangler-overskrift' },
  });
  tilfelle('kode-excel-feilverdi', {
    beskrivelse: 'en celle med #REF! i ansatte.xlsx',
    kommando: ['timesats', '--forhandsvis'],
    fjern: ['ansatte.csv'],
    filer: {
      'ansatte.xlsx': await arbeidsbok((wb) => {
        const ws = wb.addWorksheet('ansatte');
        ws.addRow(['navn', 'arslonn']);
        ws.addRow(['Kari Nordmann', { error: '#REF!' }]);
      }),
    },
    forventet: { fil: 'ansatte.xlsx', rad: 2, kolonne: 'arslonn', kode: 'excel-feilverdi' },
  });
  tilfelle('kode-flere-ark', {
    beskrivelse: 'to synlige ark og ingen som heter ansatte',
    kommando: ['timesats', '--forhandsvis'],
    fjern: ['ansatte.csv'],
    filer: {
      'ansatte.xlsx': await arbeidsbok((wb) => {
        wb.addWorksheet('Ark1').addRow(['navn', 'arslonn']);
        wb.addWorksheet('Ark2').addRow(['navn', 'arslonn']);
      }),
    },
    forventet: { fil: 'ansatte.xlsx', kode: 'flere-ark' },
  });
  tilfelle('kode-mangler-ark', {
    beskrivelse: 'arbeidsbok uten regneark',
    kommando: ['timesats', '--forhandsvis'],
    fjern: ['ansatte.csv'],
    filer: { 'ansatte.xlsx': await arbeidsbok(() => {}) },
    forventet: { fil: 'ansatte.xlsx', kode: 'mangler-ark' },
  });
  tilfelle('kode-maaned-endret-av-excel', {
    beskrivelse: 'støtteregisteret er åpnet og lagret i Excel: periode «2026-09» er blitt «sep.26»',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    exit: 0,
    filer: {
      'stotteregister.csv': csv(
        REG_HODE,
        'sep.26;30.09.2026;915000002;Alfa Teknologi AS;5000,00;1250,00;312,50;3750,00;11,5;31.12.2025;326,09;',
      ),
    },
    forventet: { fil: 'stotteregister.csv', kolonne: 'periode', kode: 'maaned-endret-av-excel' },
  });

  // ————— Arbeidsmappen og nh.json —————
  tilfelle('kode-mangler-config', {
    beskrivelse: 'mappen har ingen nh.json',
    kommando: ['sjekk'],
    fjern: ['nh.json'],
    forventet: { fil: 'nh.json', kode: 'mangler-config' },
  });
  tilfelle('kode-ulesbar-config', {
    beskrivelse: 'nh.json er en mappe',
    kommando: ['sjekk'],
    fjern: ['nh.json'],
    filer: { 'nh.json/LESMEG.txt': 'nh.json skal være en fil\n' },
    forventet: { fil: 'nh.json', kode: 'ulesbar-config', tekst: 'det er en mappe' },
  });
  tilfelle('kode-tjenestepris-feilstavet', {
    beskrivelse:
      'faktura.tjenestepriser har «Markedsanalyser», timer.csv har «Markedsanalyse» (prisen ville ikke blitt brukt)',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    filer: { 'nh.json': fakturaConfig({ tjenestepriser: { Markedsanalyser: 1400 } }) },
    forventet: { fil: 'nh.json', kolonne: 'faktura.tjenestepriser.Markedsanalyser', kode: 'tjenestepris-feilstavet' },
  });
  tilfelle('kode-ukjent-csv-kolonne', {
    beskrivelse: 'faktura.csvKolonner nevner en kolonne fakturagrunnlaget ikke har',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    filer: { 'nh.json': fakturaConfig({ csvKolonner: { belopEksMvaa: 'Beløp' } }) },
    forventet: { fil: 'nh.json', kode: 'ukjent-csv-kolonne', tekst: 'belopEksMvaa' },
  });

  // ————— Kommandolinjen —————
  tilfelle('kode-ugyldig-bruk', {
    beskrivelse: 'et flagg som ikke finnes',
    kommando: ['faktura', '--perioden', '2026-10'],
    forventet: { kode: 'ugyldig-bruk', tekst: '--perioden' },
  });
  tilfelle('kode-ugyldig-flagg', {
    beskrivelse: '--periode er ikke en måned',
    base: 'faktura/liten',
    kommando: ['faktura', '--periode', '2026-13'],
    forventet: { kode: 'ugyldig-flagg', tekst: '2026-13' },
  });
  tilfelle('kode-mangler-flagg', {
    beskrivelse: 'faktura uten --periode (ikke en terminal: nh spør ikke)',
    base: 'faktura/liten',
    kommando: ['faktura'],
    forventet: { kode: 'mangler-flagg', tekst: '--periode' },
  });
  tilfelle('kode-mangler-verdi', {
    beskrivelse: 'init uten --navn (ikke en terminal: nh spør ikke)',
    kommando: ['init', '<arbeidsmappe>/ny', '--orgnr', '923609016'],
    utenData: true,
    forventet: { kode: 'mangler-verdi' },
  });
  tilfelle('kode-ugyldig-nh-dato', {
    beskrivelse: 'NH_DATO er ikke en dato',
    kommando: ['sjekk'],
    env: { NH_DATO: '31.02.2026' },
    forventet: { kode: 'ugyldig-nh-dato', tekst: '31.02.2026' },
  });
  tilfelle('kode-ugyldig-dato', {
    beskrivelse: 'kts-plan --siden er ikke en dato',
    base: 'kts/liten',
    kommando: ['kts-plan', '--frist', '2026-12-01', '--siden', 'i fjor', '--forhandsvis'],
    forventet: { kode: 'ugyldig-dato', tekst: 'i fjor' },
  });
  tilfelle('kode-ugyldig-navn', {
    beskrivelse: 'init med et navn som bare er mellomrom',
    kommando: ['init', '<arbeidsmappe>/ny', '--navn', '   ', '--orgnr', '923609016'],
    utenData: true,
    forventet: { kode: 'ugyldig-navn' },
  });
  tilfelle('kode-ugyldig-orgnr', {
    beskrivelse: 'smb-sjekk med et orgnr med feil kontrollsiffer',
    kommando: ['smb-sjekk', '923609017', '--offline', ...smbFlagg],
    forventet: { kode: 'ugyldig-orgnr', tekst: '923609017' },
  });

  // ————— Skriving og miljøet —————
  tilfelle('kode-finnes-fra-for', {
    beskrivelse: 'timesats-2026.xlsx finnes fra før og overskrives ikke uten --overskriv',
    kommando: ['timesats'],
    filer: { 'timesats-2026.xlsx': 'en fil brukeren har\n' },
    forventet: { fil: 'timesats-2026.xlsx', kode: 'finnes-fra-for' },
  });
  tilfelle('kode-for-lang-sti', {
    beskrivelse: '--ut med et mappenavn lenger enn filsystemet tillater (ENAMETOOLONG)',
    kommando: ['timesats', '--ut', `<arbeidsmappe>/${'u'.repeat(300)}`],
    forventet: { kode: 'for-lang-sti' },
  });

  // ————— faktura og støtteregisteret —————
  tilfelle('kode-over-75-prosent', {
    beskrivelse: 'en målbedrift med støtteintensitet 80 %',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    exit: 1,
    filer: {
      'malbedrifter.csv': csv(
        'orgnr;navn;avtalestart;avtaleslutt;dagligLeder;dagligLederEpost;stotteintensitet;markedspris',
        '915000002;Alfa Teknologi AS;15.01.2026;31.12.2026;;;;',
        '915000142;Beta Marin AS;01.03.2026;;;;80;1 200',
        '915000215;Gamma Design AS;01.11.2026;;;;;',
      ),
    },
    forventet: { kode: 'over-75-prosent', tekst: 'Beta Marin AS' },
  });
  tilfelle('kode-over-treaarstak', {
    beskrivelse: 'tidligere støtte 198 702,18 EUR + måneden passerer 200 000 EUR over tre år',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    exit: 1,
    filer: {
      'stotteregister.csv': csv(
        REG_HODE,
        '2025-03;31.03.2025;915000002;Alfa Teknologi AS;3046666,67;761666,67;190416,67;2285000,00;11,5;31.12.2024;198702,18;x',
      ),
    },
    forventet: { kode: 'over-treaarstak', tekst: 'Alfa Teknologi AS' },
  });
  tilfelle('kode-over-disponibelt', {
    beskrivelse: 'mer støtte i måneden enn disponibelt innovasjonstilskudd',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    exit: 1,
    filer: { 'tilskudd.csv': csv('ar;type;kilde;belop;dato', '2026;innovasjon;Siva;15 000;15.02.2026') },
    forventet: { kode: 'over-disponibelt' },
  });
  tilfelle('kode-mangler-smb-sjekk', {
    beskrivelse: 'Beta Marin AS har ingen SMB-sjekk datert på eller før fakturadatoen',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    fjern: ['smb-sjekk/915000142-2026-04-01.json'],
    exit: 0,
    forventet: { kode: 'mangler-smb-sjekk', tekst: 'Beta Marin AS' },
  });
  tilfelle('kode-periode-ikke-slutt', {
    beskrivelse: 'faktura for måneden som pågår (i dag er 22.11.2026)',
    kommando: ['faktura', '--periode', '2026-11', '--forhandsvis'],
    exit: 0,
    forventet: { kode: 'periode-ikke-slutt' },
  });
  tilfelle('kode-kid-lengde', {
    beskrivelse: 'faktura.kid.lengde har ikke plass til kundenummer og fakturanummer',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10],
    filer: { 'nh.json': fakturaConfig({ nummerserie: { forste: 26001 }, kid: { lengde: 3 } }) },
    forventet: { fil: 'nh.json', kode: 'kid-lengde' },
  });
  tilfelle('kode-ikke-fakturert', {
    beskrivelse: '--dokumenter for oktober, som ikke er fakturert',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--dokumenter'],
    forventet: { kode: 'ikke-fakturert' },
  });
  tilfelle('kode-register-fortegn', {
    beskrivelse: 'negativ støtte på en faktura (ikke kreditnota) i registeret',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    filer: {
      'stotteregister.csv': csv(
        REG_HODE,
        '2026-09;30.09.2026;915000002;Alfa Teknologi AS;1000,00;250,00;62,50;-750,00;11,5;31.12.2025;-65,22;x',
      ),
    },
    forventet: { fil: 'stotteregister.csv', rad: 2, kolonne: 'stotte', kode: 'register-fortegn' },
  });
  tilfelle('kode-register-xlsx', {
    beskrivelse: 'støtteregisteret er lagret som xlsx',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    filer: {
      'stotteregister.xlsx': await arbeidsbok((wb) => wb.addWorksheet('stotteregister').addRow(['periode'])),
    },
    forventet: { fil: 'stotteregister.xlsx', kode: 'register-xlsx' },
  });
  tilfelle('kode-konfliktkopi', {
    beskrivelse: 'en OneDrive-konfliktkopi av registeret ligger i arbeidsmappen',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    exit: 0,
    filer: {
      'stotteregister.csv': csv(
        REG_HODE,
        '2026-09;30.09.2026;915000002;Alfa Teknologi AS;8000,00;2000,00;500,00;6000,00;11,5;31.12.2025;521,74;2026-10-01T10:00:00Z-aaaa',
      ),
      'stotteregister-LAPTOP-KARI.csv': csv(REG_HODE),
    },
    forventet: { kode: 'konfliktkopi', tekst: 'stotteregister-LAPTOP-KARI.csv' },
  });
  tilfelle('kode-ehf', {
    beskrivelse: 'EHF uten nummerserie, selger i nh.json og kjøperadresser i malbedrifter',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--format', 'ehf'],
    forventet: {
      fil: 'nh.json',
      kolonne: 'faktura.nummerserie',
      kode: 'ehf-uten-nummerserie',
      ogsa: ['ehf-mangler-selger', 'ehf-mangler-kjoper'],
    },
  });
  tilfelle('kode-ehf-ukjent-kjoper', {
    beskrivelse: '--erstatt --format ehf krediterer en målbedrift som ikke lenger står i malbedrifter',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--erstatt', '--format', 'ehf'],
    filer: {
      'stotteregister.csv': csv(
        REG_HODE,
        '2026-10;31.10.2026;915000282;Borte AS;1000,00;250,00;62,50;750,00;11,5;31.12.2025;65,22;x',
      ),
    },
    forventet: { fil: 'malbedrifter', kode: 'ehf-ukjent-kjoper', tekst: '915000282' },
  });

  // ————— budsjett og timesats —————
  const admTimer = (...linjer) => ({ 'timer.csv': csv(T_HODE, ...linjer) });
  tilfelle('kode-ukjent-aktivitet', {
    beskrivelse: 'en aktivitet på ADM som ikke står på lista i 10.4 (tas med, advarsel)',
    kommando: ['budsjett', '--regnskap', '2026', '--forhandsvis'],
    exit: 0,
    filer: admTimer('03.03.2026;Kari Nordmann;ADM;1,5;Julebord;;'),
    forventet: { fil: 'timer.csv', rad: 2, kolonne: 'aktivitet', kode: 'ukjent-aktivitet' },
  });
  tilfelle('kode-adm-nevner-malbedrift', {
    beskrivelse: 'en ADM-rad nevner en målbedrift i avtaleperioden (rådgivning?)',
    kommando: ['budsjett', '--regnskap', '2026', '--forhandsvis'],
    exit: 0,
    filer: admTimer('03.03.2026;Kari Nordmann;ADM;1,5;Prosjektledelse;;Oppfølging av Fjordlys Sjømat AS'),
    forventet: { fil: 'timer.csv', rad: 2, kolonne: 'beskrivelse', kode: 'adm-nevner-malbedrift' },
  });
  tilfelle('kode-adm-uten-aktivitet', {
    beskrivelse: 'timer på ADM uten aktivitet (godtas som prosjektkonto, én advarsel)',
    kommando: ['budsjett', '--regnskap', '2026', '--forhandsvis'],
    exit: 0,
    filer: admTimer('03.03.2026;Kari Nordmann;ADM;1,5;;;Planlegging'),
    forventet: { fil: 'timer.csv', rad: 2, kolonne: 'aktivitet', kode: 'adm-uten-aktivitet' },
  });
  tilfelle('kode-mb-med-adm-aktivitet', {
    beskrivelse: 'timer på en målbedrift med en administrasjonsaktivitet (feilført?)',
    kommando: ['budsjett', '--regnskap', '2026', '--forhandsvis'],
    exit: 0,
    filer: admTimer(
      '02.03.2026;Kari Nordmann;923609016;2,5;Prosjektledelse;;',
      '03.03.2026;Kari Nordmann;ADM;1;Prosjektledelse;;',
    ),
    forventet: { fil: 'timer.csv', rad: 2, kolonne: 'aktivitet', kode: 'mb-med-adm-aktivitet' },
  });
  tilfelle('kode-ingen-adm-timer', {
    beskrivelse: 'årsoppgjøret for et år uten timer på administrasjon',
    kommando: ['budsjett', '--regnskap', '2026', '--forhandsvis'],
    exit: 0,
    filer: admTimer('02.03.2026;Kari Nordmann;923609016;2,5;Rådgivning;;'),
    forventet: { kode: 'ingen-adm-timer', ogsa: ['timesats-ikke-lagret', 'aret-ikke-avsluttet'] },
  });
  tilfelle('kode-budsjett-uten-grunnlag', {
    beskrivelse: 'budsjett for 2027 uten tilskudd, planlagte timer eller budsjettkostnader for året',
    kommando: ['budsjett', '--ar', '2027', '--forhandsvis'],
    exit: 0,
    filer: { 'ansatte.csv': csv(A_HODE, 'Kari Nordmann;650 000;100;;;;') },
    forventet: { kode: 'ingen-planlagte-timer', ogsa: ['ingen-budsjettkostnader', 'ingen-tildeling'] },
  });
  tilfelle('kode-budsjett-over-25', {
    beskrivelse: 'budsjettet for administrasjon er over 25 % av Sivas tilskudd',
    kommando: ['budsjett', '--ar', '2027', '--forhandsvis'],
    exit: 0,
    filer: {
      'tilskudd.csv': csv(
        'ar;type;kilde;belop;dato',
        '2027;innovasjon;Siva;1 000 000;15.02.2027',
        '2027;administrasjon;Siva;300 000;15.02.2027',
      ),
      'kostnader.csv': csv('ar;kategori;belop;tekst;dato;type', '2027;Eksterne kostnader;500 000;Regnskap;;budsjett'),
    },
    forventet: { kode: 'budsjett-over-25' },
  });
  tilfelle('kode-fordeling-10-2', {
    beskrivelse: 'Sivas tilskudd til administrasjon er en annen andel enn fordelingen i 10.2',
    kommando: ['budsjett', '--regnskap', '2026', '--forhandsvis'],
    exit: 0,
    filer: {
      'tilskudd.csv': csv(
        'ar;type;kilde;belop;dato',
        '2026;innovasjon;Siva;500 000;15.02.2026',
        '2026;administrasjon;Siva;500 000;15.02.2026',
      ),
    },
    forventet: { kode: 'fordeling-10-2' },
  });
  tilfelle('kode-frist-passert', {
    beskrivelse: 'budsjettet for 2026 lages etter fristen 1. desember 2025',
    kommando: ['budsjett', '--ar', '2026', '--forhandsvis'],
    exit: 0,
    forventet: { kode: 'frist-passert' },
  });
  tilfelle('kode-kan-ikke-lese', {
    beskrivelse: 'timesats-2026.json er en mappe',
    kommando: ['budsjett', '--regnskap', '2026', '--forhandsvis'],
    filer: { 'timesats-2026.json/LESMEG.txt': 'skal være en fil\n' },
    forventet: { fil: 'timesats-2026.json', kode: 'kan-ikke-lese' },
  });
  tilfelle('kode-ugyldig-json', {
    beskrivelse: 'timesats-2026.json er ikke gyldig JSON',
    kommando: ['budsjett', '--regnskap', '2026', '--forhandsvis'],
    filer: { 'timesats-2026.json': '{ "ar": 2026, ' },
    forventet: { fil: 'timesats-2026.json', kode: 'ugyldig-json' },
  });
  tilfelle('kode-ugyldige-satser', {
    beskrivelse: 'timesats-2026.json gjelder et annet år',
    kommando: ['budsjett', '--regnskap', '2026', '--forhandsvis'],
    filer: { 'timesats-2026.json': '{ "ar": 2025, "satser": [] }\n' },
    forventet: { fil: 'timesats-2026.json', kode: 'ugyldige-satser' },
  });

  // ————— årsrapport og måltall —————
  tilfelle('kode-maltall-to-ganger', {
    beskrivelse: 'samme måltall to ganger i målfilen',
    base: 'aarsrapport/liten',
    kommando: ['aarsrapport', '--ar', '2026', '--forhandsvis'],
    filer: {
      'maltall-2026.csv': csv(
        'id;mål;kommentar',
        'malbedrifterIAaret;4;',
        'Antall målbedrifter som næringshagen jobber med i løpet av året;5;',
      ),
    },
    forventet: { fil: 'maltall-2026.csv', rad: 3, kode: 'maltall-to-ganger' },
  });
  tilfelle('kode-andel-utenfor-0-100', {
    beskrivelse: 'et mål for en andel over 100 %',
    base: 'aarsrapport/liten',
    kommando: ['aarsrapport', '--ar', '2026', '--forhandsvis'],
    exit: 0,
    filer: { 'maltall-2026.csv': csv('id;mål;kommentar', 'andelEksport;150;') },
    forventet: { kode: 'andel-utenfor-0-100', ogsa: ['under-sivas-minimum', 'periode-ikke-over'] },
  });
  tilfelle('kode-maltall-uten-mal', {
    beskrivelse: 'måltall for 2027 fra en målfil uten eget mål for de fleste',
    base: 'demo',
    kommando: ['aarsrapport', '--maltall', '2027', '--forhandsvis'],
    exit: 0,
    forventet: { kode: 'maltall-uten-mal', ogsa: ['register-mangler-perioder'] },
  });
  tilfelle('kode-maltall-konflikt', {
    beskrivelse: 'maltall-2026.csv og .xlsx har ulike mål og samme endringstid',
    base: 'aarsrapport/liten',
    kommando: ['aarsrapport', '--ar', '2026', '--forhandsvis'],
    filer: {
      'maltall-2026.xlsx': await arbeidsbok((wb) => {
        const ws = wb.addWorksheet('Måltall');
        ws.addRow(['id', 'mål', 'kommentar']);
        ws.addRow(['malbedrifterIAaret', 9, '']);
      }),
    },
    forventet: { kode: 'maltall-konflikt' },
  });
  tilfelle('kode-tiltak-ogsa-ugyldig', {
    beskrivelse: '«ogsa» i tiltak er samme type som tiltaket',
    base: 'aarsrapport/liten',
    kommando: ['aarsrapport', '--ar', '2026', '--forhandsvis'],
    filer: {
      'tiltak.csv': csv(
        'dato;type;beskrivelse;bedrift;orgnr;samarbeidspartner;ogsa',
        '28.04.2026;baerekraft-ansatte;Kurs;;;;baerekraft-ansatte',
      ),
    },
    forventet: { fil: 'tiltak.csv', rad: 2, kode: 'tiltak-ogsa-ugyldig' },
  });
  tilfelle('kode-henvisning-egen-malbedrift', {
    beskrivelse: 'en henvisning av en bedrift som selv er målbedrift',
    base: 'aarsrapport/liten',
    kommando: ['aarsrapport', '--ar', '2026', '--forhandsvis'],
    exit: 0,
    filer: {
      'tiltak.csv': csv(
        'dato;type;beskrivelse;bedrift;orgnr;samarbeidspartner',
        '28.04.2026;henvisning;Til Innovasjon Norge;Aksel Hele Året AS;968170546;',
      ),
    },
    forventet: { fil: 'tiltak.csv', rad: 2, kode: 'henvisning-egen-malbedrift' },
  });
  tilfelle('kode-samarbeid-med-siva', {
    beskrivelse: 'et samarbeidsprosjekt med Siva (ikke en programoperatør)',
    base: 'aarsrapport/liten',
    kommando: ['aarsrapport', '--ar', '2026', '--forhandsvis'],
    exit: 0,
    filer: {
      'tiltak.csv': csv(
        'dato;type;beskrivelse;bedrift;orgnr;samarbeidspartner',
        '28.04.2026;samarbeidsprosjekt;Felles program;;;Siva',
      ),
    },
    forventet: { fil: 'tiltak.csv', rad: 2, kode: 'samarbeid-med-siva' },
  });
  tilfelle('kode-aarsrapport-mini', {
    beskrivelse: 'årsrapport for 2026 på mini: registeret mangler måneder, perioden er ikke over',
    kommando: ['aarsrapport', '--ar', '2026', '--forhandsvis'],
    exit: 0,
    forventet: {
      kode: 'register-mangler-perioder',
      ogsa: ['under-sivas-minimum', 'periode-ikke-over', 'ubrukt-vokser'],
    },
  });
  tilfelle('kode-stotte-uten-avtale', {
    beskrivelse: 'støtte i registeret til en bedrift uten aktiv avtale i perioden',
    base: 'aarsrapport/liten',
    kommando: ['aarsrapport', '--ar', '2026', '--forhandsvis'],
    exit: 0,
    filer: {
      'stotteregister.csv': csv(
        REG_HODE,
        '2026-03;31.03.2026;915000282;Uten Avtale AS;4000,00;1000,00;250,00;3000,00;11,6035;31.12.2025;258,54;',
      ),
    },
    forventet: { kode: 'stotte-uten-avtale', tekst: '915000282' },
  });
  tilfelle('kode-merforbruk', {
    beskrivelse: 'mer støtte i registeret enn disponibelt innovasjonstilskudd for året',
    base: 'aarsrapport/liten',
    kommando: ['aarsrapport', '--ar', '2026', '--forhandsvis'],
    exit: 0,
    filer: {
      'tilskudd.csv': csv(
        'ar;type;kilde;belop;dato',
        '2025;innovasjon;Siva;6000;15.01.2025',
        '2026;innovasjon;Siva;100;15.01.2026',
        '2026;administrasjon;Siva;50000;15.01.2026',
      ),
    },
    forventet: { kode: 'merforbruk', ogsa: ['overforing-avviker'] },
  });

  // ————— kts-plan —————
  tilfelle('kode-ugyldig-frist', {
    beskrivelse: '--frist er ikke en AVI-frist',
    base: 'kts/liten',
    kommando: ['kts-plan', '--frist', '2026-12-02', '--forhandsvis'],
    forventet: { kode: 'ugyldig-frist', tekst: '2026-12-02' },
  });
  tilfelle('kode-antatt-oppdatert', {
    beskrivelse: 'første AVI-oppdatering med nh: uten logg antas AVI oppdatert til forrige frist',
    base: 'kts/liten',
    kommando: ['kts-plan', '--frist', '2026-12-01', '--forhandsvis'],
    exit: 0,
    forventet: { kode: 'antatt-oppdatert' },
  });
  tilfelle('kode-endret-etter-rapportering', {
    beskrivelse: 'avtaleslutt er endret etter at den ble rapportert i AVI-oppdateringen 1. september',
    base: 'kts/liten',
    kommando: ['kts-plan', '--frist', '2026-12-01', '--forhandsvis'],
    exit: 0,
    filer: {
      'avi/avi-logg.json': `${JSON.stringify(
        {
          versjon: 1,
          oppdateringer: [
            {
              frist: '2026-09-01',
              skrevet: '2026-08-20',
              filer: ['avi-oppdatering-2026-09-01.xlsx'],
              nye: [],
              avsluttede: [{ orgnr: '957689949', avtaleslutt: '2026-08-31', exitskjema: '2026-09' }],
            },
          ],
        },
        null,
        2,
      )}\n`,
    },
    forventet: { kode: 'endret-etter-rapportering', tekst: 'Februar Fisk AS' },
  });

  // ————— smb-sjekk og Brønnøysundregistrene —————
  tilfelle('kode-mangler-registerdata', {
    beskrivelse: 'smb-sjekk --offline uten hurtigbuffer og uten flagg for registerdataene',
    base: 'smb',
    kommando: ['smb-sjekk', '923609016', '--offline', '--selvstendig'],
    forventet: { kode: 'mangler-registerdata', tekst: '--orgform' },
  });
  tilfelle('kode-mangler-fil', {
    beskrivelse: 'smb-sjekk --eierskap peker på en fil som ikke finnes',
    base: 'smb',
    kommando: ['smb-sjekk', '923609016', '--offline', ...smbFlagg.slice(0, -1), '--eierskap', 'eiere.csv'],
    forventet: { kode: 'mangler-fil', tekst: '--eierskap' },
  });
  tilfelle('kode-eierskap-under-25', {
    beskrivelse: 'eierskapsfilen har en eier med 10 % (selvstendig, tas ikke med)',
    base: 'smb',
    kommando: ['smb-sjekk', '923609016', '--offline', ...smbFlagg.slice(0, -1), '--eierskap', 'eiere.csv'],
    exit: 0,
    filer: {
      'eiere.csv': csv('orgnr;navn;andel;arsverk;omsetning;balanse', '910020552;Liten Eier AS;10;2;400000;300000'),
    },
    forventet: { fil: 'eiere.csv', rad: 2, kode: 'eierskap-under-25' },
  });
  tilfelle('kode-kurs-fram-i-tid', {
    beskrivelse: 'EUR/NOK-kursen i nh.json er datert etter i dag',
    base: 'smb',
    kommando: ['smb-sjekk', '923609016', '--offline', ...smbFlagg],
    exit: 0,
    filer: {
      'nh.json': readFileSync(path.join(FIXTURES, 'smb', 'nh.json'), 'utf8').replace('"2025-12-31"', '"2026-12-31"'),
    },
    forventet: { kode: 'kurs-fram-i-tid', tekst: '31.12.2026' },
  });
  tilfelle('kode-ukjent-orgnr', {
    beskrivelse: 'orgnr finnes ikke i Enhetsregisteret (404 fra den innspilte tjeneren)',
    base: 'smb',
    kommando: ['smb-sjekk', '910008226', '--selvstendig'],
    brreg: 'normal',
    forventet: { kode: 'ukjent-orgnr', tekst: '910008226' },
  });
  tilfelle('kode-slettet-enhet', {
    beskrivelse: 'orgnr er slettet i Enhetsregisteret',
    base: 'smb',
    kommando: ['smb-sjekk', '910005480', '--selvstendig'],
    brreg: 'normal',
    forventet: { kode: 'slettet-enhet', tekst: '910005480' },
  });
  tilfelle('kode-fjernet-orgnr', {
    beskrivelse: 'orgnr er fjernet av juridiske årsaker (HTTP 410)',
    base: 'smb',
    kommando: ['smb-sjekk', '910006851', '--selvstendig'],
    brreg: 'normal',
    forventet: { kode: 'fjernet-orgnr', tekst: '910006851' },
  });
  tilfelle('kode-frakoblet', {
    beskrivelse: 'Brønnøysundregistrene svarer ikke og det finnes ingen hurtigbuffer; flaggene brukes',
    base: 'smb',
    kommando: ['smb-sjekk', '923609016', ...smbFlagg],
    brreg: 'frakoblet',
    exit: 0,
    forventet: { kode: 'frakoblet', ogsa: [] },
  });
  tilfelle('kode-hurtigbuffer', {
    beskrivelse: 'smb-sjekk --offline med registerdata i hurtigbufferen',
    base: 'smb',
    kommando: ['smb-sjekk', '910000004', '--offline', '--selvstendig'],
    exit: 0,
    filer: {
      'smb-sjekk/buffer/910000004-enhet.json': `${JSON.stringify(
        {
          url: 'https://data.brreg.no/enhetsregisteret/api/enheter/910000004',
          status: 200,
          tekst: readFileSync(path.join(BRREG, 'enhet-910000004.json'), 'utf8'),
          hentet: '2026-11-01T10:00:00.000Z',
        },
        null,
        2,
      )}\n`,
    },
    forventet: { kode: 'hurtigbuffer' },
  });
  tilfelle('kode-regnskap-500', {
    beskrivelse: 'Regnskapsregisteret svarer 500 for regnskapet',
    base: 'smb',
    kommando: ['smb-sjekk', '910015079', '--selvstendig'],
    brreg: 'normal',
    exit: 1, // ikke SMB (bank; statlig eid) — advarselen kommer likevel
    forventet: { kode: 'regnskap-500' },
  });
  tilfelle('kode-regnskap-valuta', {
    beskrivelse: 'årsregnskapet i Regnskapsregisteret er ført i USD (tallene brukes ikke)',
    base: 'smb',
    kommando: ['smb-sjekk', '923609016', '--selvstendig'],
    brreg: 'normal',
    exit: 1, // ikke SMB (bank; statlig eid) — advarselen kommer likevel
    forventet: { kode: 'regnskap-valuta' },
  });
  tilfelle('kode-regnskap-frakoblet', {
    beskrivelse: 'Enhetsregisteret svarer, Regnskapsregisteret ikke (og ingen hurtigbuffer for regnskapet)',
    base: 'smb',
    kommando: ['smb-sjekk', '910000004', ...smbFlagg.slice(2, 6), '--selvstendig'],
    brreg: 'uten-regnskap',
    exit: 0,
    forventet: { kode: 'regnskap-frakoblet' },
  });
  tilfelle('kode-vurdert-ubrukt', {
    beskrivelse: '--vurdert for et kriterium registeret avgjør (ASA): vurderingen er ikke brukt',
    base: 'smb',
    kommando: ['smb-sjekk', '910002740', '--selvstendig', '--vurdert', 'asa=ok:Vi mener det er greit likevel'],
    brreg: 'normal',
    exit: 1, // ASA er ikke SMB (registeret avgjør det) — advarselen kommer likevel
    forventet: { kode: 'vurdert-ubrukt' },
  });
  tilfelle('kode-brreg-svar', {
    beskrivelse: 'Enhetsregisteret svarer 200 med noe som ikke er en enhet (fixtures/brreg/enhet-910099981.json)',
    base: 'smb',
    kommando: ['smb-sjekk', '910099981', '--selvstendig'],
    brreg: 'normal',
    forventet: { kode: 'brreg-svar' },
  });

  // ————— Koder fra flettingen av stotte og aarsslutt (issue 19/20) —————
  tilfelle('kode-ugyldig-fakturadato', {
    beskrivelse: '--fakturadato er etter i dag (22.11.2026): en faktura dateres den dagen den utstedes',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--fakturadato', '01.12.2026', '--forhandsvis'],
    forventet: { kode: 'ugyldig-fakturadato' },
  });
  tilfelle('kode-smb-sjekk-uleselig', {
    beskrivelse: 'en SMB-sjekk i smb-sjekk/ er ikke gyldig JSON',
    base: 'faktura/liten',
    kommando: ['faktura', ...P10, '--forhandsvis'],
    exit: 0,
    filer: { 'smb-sjekk/915000002-2026-01-11.json': '{ "orgnr": "915000002", ' },
    forventet: { kode: 'smb-sjekk-uleselig' },
  });
}
