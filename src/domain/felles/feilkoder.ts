/**
 * Registeret over feil- og advarselskodene (issue 22 pkt. 5): hver kode nh kan gi, med alvor, hva den betyr
 * og hjemmelen der en regel ligger bak. `feil()` og `advarsel()` i diagnostikk.ts tar bare koder herfra (tsc
 * sier nei til en ukjent kode, og til en advarselskode brukt som feil), docs/feilkoder.md skrives herfra
 * (`npm run docs`), og test/e2e/feilkoder.test.ts krever en gjenskaping per kode: en mappe i fixtures/bad med
 * `"kode"` i tilfelle.json (scripts/lag-bad.mjs), eller — der en mappe ikke kan vise den (miljøet, nettet, en
 * krasj, et spørsmål i terminalen) — `vises`, testfilen som gjør det.
 *
 * En ny kode er ÉN linje nederst i blokken for området (én linje per kode, så parallelle tillegg ikke kolliderer):
 *   'min-kode': { alvor: 'feil', betyr: 'Hva som er galt, kort', hjemmel: '10.4' },
 * Alvor: `feil` = exit 2 (inndata eller bruk), `nei` = exit 1 (en regel sier nei), `advarsel` = kjøringen går
 * videre og sier fra, `intern` = exit 3 (en feil i nh; skal aldri skje).
 */

type Alvor = 'feil' | 'nei' | 'advarsel' | 'intern';
export type Feilkodeinfo = {
  readonly alvor: Alvor;
  /** Hva koden betyr, kort (selve meldingen sier detaljene: fil, rad, kolonne, verdi, forventet). */
  readonly betyr: string;
  /** Programveilederens punkt (eller GBER/forskriften) når en regel ligger bak koden. */
  readonly hjemmel?: string;
  /** Testfilen som gjenskaper koden når en mappe i fixtures/bad ikke kan det; si hvorfor i `betyr` eller en kommentar. */
  readonly vises?: string;
};

const MILJO = 'test/unit/miljofeil.test.ts';
const GJENSKAPING = 'test/unit/gjenskaping.test.ts';

// biome-ignore format: én linje per kode, så et tillegg er én linje og en flettekonflikt aldri mer enn det
export const FEILKODER = {
  // ————— Lesing av filer og datasett (io/les) —————
  'ugyldig-verdi': { alvor: 'feil', betyr: 'En celle har en verdi som ikke passer kolonnen (tall, dato, orgnr, prosent …)' },
  'mangler-kolonne': { alvor: 'feil', betyr: 'En påkrevd kolonne mangler i overskriftsraden' },
  'ukjent-kolonne': { alvor: 'feil', betyr: 'En overskrift nh ikke kjenner (feilstavet?) og som ikke er koblet eller oversett i nh.json' },
  'dobbel-kolonne': { alvor: 'feil', betyr: 'Samme kolonne står to ganger i overskriftsraden' },
  'duplikat': { alvor: 'feil', betyr: 'En nøkkel (navn, orgnr) står to ganger i datasettet' },
  'mangler-datasett': { alvor: 'feil', betyr: 'Datasettet kommandoen trenger, finnes verken som .csv eller .xlsx' },
  'to-filer': { alvor: 'feil', betyr: 'Både <navn>.csv og <navn>.xlsx finnes; nh vet ikke hvilken som gjelder' },
  'tom-fil': { alvor: 'feil', betyr: 'Filen er tom (0 byte)' },
  'mangler-overskrift': { alvor: 'feil', betyr: 'Filen eller arket har ingen overskriftsrad' },
  'ingen-rader': { alvor: 'feil', betyr: 'Datasettet har bare overskriftsraden' },
  'ugyldig-csv': { alvor: 'feil', betyr: 'Filen kan ikke leses som CSV (anførselstegn, skilletegn)' },
  'blandet-tegnsett': { alvor: 'feil', betyr: 'Filen blander UTF-8 og Windows-1252, så æøå kan ikke leses sikkert' },
  'for-mange-felt': { alvor: 'feil', betyr: 'En rad har verdier til høyre for siste overskrift' },
  'for-mange-kolonner': { alvor: 'feil', betyr: 'Flere kolonner enn Excel tillater (16 384)' },
  'for-stor-celle': { alvor: 'feil', betyr: 'En celle har flere tegn enn Excel tillater (32 767)' },
  'ugyldig-xlsx': { alvor: 'feil', betyr: 'Filen kan ikke åpnes som Excel-arbeidsbok (skadet eller ikke xlsx)' },
  'excel-feilverdi': { alvor: 'feil', betyr: 'En celle inneholder en Excel-feil (#VERDI!, #REF! …)' },
  'formel-uten-verdi': { alvor: 'feil', betyr: 'En formelcelle uten lagret resultat (filen er ikke lagret i Excel)' },
  'flere-ark': { alvor: 'feil', betyr: 'Flere synlige ark og ingen med datasettets navn; nh vet ikke hvilket som har dataene' },
  'mangler-ark': { alvor: 'feil', betyr: 'Arbeidsboken har ingen regneark' },
  'skjult-ark': { alvor: 'feil', betyr: 'Arket med dataene er skjult i Excel; nh leser ikke et ark du ikke ser' },
  'maaned-endret-av-excel': { alvor: 'advarsel', betyr: 'Excel har gjort månedsverdier («2026-10») om til datoer; nh leser dem tilbake' },
  // ————— Arbeidsmappen og nh.json —————
  'mangler-config': { alvor: 'feil', betyr: 'Mappen har ingen nh.json (er det en arbeidsmappe?)' },
  'ulesbar-config': { alvor: 'feil', betyr: 'nh.json kan ikke leses (tilgang, tegnsett)' },
  'ugyldig-config': { alvor: 'feil', betyr: 'nh.json er ikke gyldig JSON, eller et felt har feil type eller en urimelig verdi' },
  'ukjent-config-nokkel': { alvor: 'feil', betyr: 'En nøkkel i nh.json som nh ikke kjenner (feilstavet?), med forslag' },
  'mangler-mappe': { alvor: 'feil', betyr: 'Arbeidsmappen (--data) finnes ikke', vises: GJENSKAPING },
  'tjenestepris-feilstavet': { alvor: 'feil', betyr: 'En tjenestepris i nh.json ligner en tjeneste i timer, men er stavet annerledes', hjemmel: '10.4' },
  'ukjent-csv-kolonne': { alvor: 'feil', betyr: 'faktura.csvKolonner/csvRekkefolge i nh.json nevner en kolonne fakturagrunnlaget ikke har' },
  'ikke-fylt-inn': { alvor: 'feil', betyr: 'En sats i nh.json står som «FYLL INN …» (nh init bruker aldri en plassholder); stedet den finnes står i meldingen', vises: 'test/e2e/ikke-fylt-inn.test.ts' },
  // ————— Kommandolinjen —————
  'ugyldig-bruk': { alvor: 'feil', betyr: 'Ukjent kommando eller flagg, eller en verdi commander avviser' },
  'ugyldig-flagg': { alvor: 'feil', betyr: 'Et flagg har en ugyldig verdi eller kan ikke brukes sammen med et annet' },
  'mangler-flagg': { alvor: 'feil', betyr: 'Et flagg kommandoen trenger, mangler (og nh kan ikke spørre: ikke en terminal, --json eller CI)' },
  'mangler-verdi': { alvor: 'feil', betyr: 'En verdi nh ville spurt om, mangler (ikke en terminal, --json eller CI)' },
  'ugyldig-nh-dato': { alvor: 'feil', betyr: 'Miljøvariabelen NH_DATO er ikke en dato' },
  'ugyldig-dato': { alvor: 'feil', betyr: 'En dato i et flagg kan ikke tolkes' },
  'ugyldig-navn': { alvor: 'feil', betyr: 'Navnet på næringshagen (nh init) er tomt eller ugyldig' },
  'ugyldig-orgnr': { alvor: 'feil', betyr: 'Organisasjonsnummeret har feil lengde eller kontrollsiffer (MOD11)' },
  'ukjent-emne': { alvor: 'feil', betyr: 'Emnet til «nh docs» finnes ikke (med forslag til nærmeste)' },
  // ————— Skriving, lås og miljøet (io/skriv; filsystemet sier nei) —————
  'finnes-fra-for': { alvor: 'feil', betyr: 'En utfil finnes fra før og overskrives ikke uten --overskriv' },
  'laast': { alvor: 'feil', betyr: 'En annen nh-kjøring holder låsen i arbeidsmappen', vises: 'test/unit/laas.test.ts' },
  'fil-laast': { alvor: 'feil', betyr: 'Filen er låst av et annet program (åpen i Excel?)', vises: MILJO },
  'ingen-tilgang': { alvor: 'feil', betyr: 'Mangler tilgang til å lese eller skrive filen eller mappen', vises: MILJO },
  'skrivebeskyttet': { alvor: 'feil', betyr: 'Arbeidsmappen ligger på et skrivebeskyttet filsystem', vises: MILJO },
  'disk-full': { alvor: 'feil', betyr: 'Disken eller lagringskvoten er full', vises: MILJO },
  'er-mappe': { alvor: 'feil', betyr: 'En mappe står der nh forventet en fil' },
  'ikke-mappe': { alvor: 'feil', betyr: 'En fil står der nh forventet en mappe' },
  'for-mange-filer': { alvor: 'feil', betyr: 'For mange åpne filer i systemet', vises: MILJO },
  'for-lang-sti': { alvor: 'feil', betyr: 'Stien er for lang for filsystemet' },
  'lenke-i-ring': { alvor: 'feil', betyr: 'Symbolske lenker i stien peker i ring', vises: MILJO },
  'io-feil': { alvor: 'feil', betyr: 'Disken eller nettverksstasjonen svarte med en I/O-feil', vises: MILJO },
  // ————— Kryssjekkene mellom datasettene (domain/kontroll) —————
  'ukjent-ansatt': { alvor: 'feil', betyr: 'Timeraden nevner en ansatt som ikke står i ansatte (eller årets lagrede timesatser)', hjemmel: '10.4' },
  'ukjent-malbedrift': { alvor: 'feil', betyr: 'Timeraden nevner et orgnr som verken er en målbedrift eller en administrasjonskode', hjemmel: '8.2' },
  'utenfor-avtale': { alvor: 'feil', betyr: 'Timer på en målbedrift utenfor avtaleperioden kan ikke faktureres som støttet rådgivning', hjemmel: 'vedlegg 3 pkt. 2' },
  'over-24-timer': { alvor: 'feil', betyr: 'Mer enn 24 timer for én person på én dag, summert over linjene' },
  'dobbel-linje': { alvor: 'feil', betyr: 'To helt like timelinjer (dobbel eksport?)' },
  'slutt-for-start': { alvor: 'feil', betyr: 'Avtaleslutt er før avtalestart', hjemmel: '8.2' },
  'mangler-utviklingsplan': { alvor: 'advarsel', betyr: 'En aktiv målbedrift har ingen utviklingsplan i malbedrifter', hjemmel: '8.2', vises: 'test/e2e/aarsrapport.test.ts' },
  'annenstotte-belop': { alvor: 'feil', betyr: 'En rad i annenstotte har beløp både i kroner og euro, eller ingen' },
  // ————— faktura og støtteregisteret —————
  'over-75-prosent': { alvor: 'nei', betyr: 'Støtteintensiteten er over 75 % av markedsverdien', hjemmel: 'vedlegg 3 pkt. 2' },
  'over-treaarstak': { alvor: 'nei', betyr: 'Støtten ville passert 200 000 EUR for målbedriften over tre år', hjemmel: 'vedlegg 3 pkt. 2, GBER art. 28(4)' },
  'over-disponibelt': { alvor: 'nei', betyr: 'Støtten ville passert disponibelt innovasjonstilskudd for året', hjemmel: '10.4, vedlegg 3 pkt. 4.1' },
  'mangler-smb-sjekk': { alvor: 'advarsel', betyr: 'Målbedriften har ingen SMB-sjekk datert på eller før fakturadatoen (hver faktura er ny støtte)', hjemmel: 'vedlegg 3 pkt. 2, 4.3' },
  'periode-ikke-slutt': { alvor: 'advarsel', betyr: 'Måneden som faktureres er ikke over; senere timer kommer ikke med' },
  'kid-lengde': { alvor: 'feil', betyr: 'faktura.kid.lengde i nh.json har ikke plass til kundenummer og fakturanummer' },
  'dobbel-registerlinje': { alvor: 'feil', betyr: 'Støtteregisteret har samme periode og orgnr to ganger (ville telt dobbelt)', hjemmel: '10.4' },
  'register-fortegn': { alvor: 'feil', betyr: 'En linje i støtteregisteret har feil fortegn for typen (faktura positiv, kreditnota negativ)' },
  'register-xlsx': { alvor: 'feil', betyr: 'Støtteregisteret er lagret som xlsx; nh fører det bare som CSV' },
  'register-endret': { alvor: 'feil', betyr: 'Støtteregisteret ble endret av en annen kjøring mens denne kjørte; ingenting er skrevet', vises: 'test/unit/stotteregister.test.ts' },
  'kjoring-ulik': { alvor: 'feil', betyr: 'Fakturagrunnlaget og støtteregisteret er fra ulike kjøringer (avbrutt --erstatt)', vises: 'test/e2e/krasj.test.ts' },
  'konfliktkopi': { alvor: 'advarsel', betyr: 'En fil ser ut som en synkroniseringskonflikt av støtteregisteret; den leses ikke' },
  'adresse-tilbys': { alvor: 'advarsel', betyr: 'Med --forhandsvis på en terminal: kjøperens adresse mangler, og nh vil tilby den fra Brønnøysund', vises: 'test/e2e/faktura-ehf.test.ts' },
  'adresse-fra-brreg': { alvor: 'advarsel', betyr: 'Kjøperens adresse til EHF er hentet fra Brønnøysund (via smb-sjekk), ikke fra malbedrifter', vises: 'test/e2e/faktura-ehf.test.ts' },
  'ehf-uten-nummerserie': { alvor: 'feil', betyr: 'EHF krever fakturanummer, men nh.json har ingen faktura.nummerserie' },
  'ehf-mangler-selger': { alvor: 'feil', betyr: 'EHF krever selgerens opplysninger i nh.json (faktura.selger)' },
  'ehf-mangler-kjoper': { alvor: 'feil', betyr: 'EHF krever kjøperens opplysninger i malbedrifter (adresse, postnummer …)' },
  'ehf-ukjent-kjoper': { alvor: 'feil', betyr: 'EHF til en målbedrift nh ikke har kjøperopplysninger for' },
  'ugyldig-fakturadato': { alvor: 'feil', betyr: '--fakturadato er etter i dag, eller før i dag uten at tilbakedatering til periodens siste dag er lov (de 15 første virkedagene i måneden etter)', hjemmel: 'bokføringsforskriften § 5-1-3' },
  'kurs-etter-fakturadato': { alvor: 'advarsel', betyr: 'EUR/NOK-kursen i nh.json er datert etter fakturadatoen (støtten regnes om med kursen på tildelingstidspunktet)', hjemmel: 'vedlegg 3 pkt. 2', vises: 'test/unit/annen-stotte.test.ts' },
  'kurs-gammel': { alvor: 'advarsel', betyr: 'EUR/NOK-kursen i nh.json er datert mer enn en måned før fakturadatoen (taket regnes med kursen på tildelingstidspunktet)', hjemmel: 'vedlegg 3 pkt. 2', vises: 'test/unit/annen-stotte.test.ts' },
  'stotteregisteret': { alvor: 'advarsel', betyr: 'Med fakturaen passerer innovasjonsstøtten til målbedriften 100 000 EUR i treårsvinduet: Siva må registrere den i Støtteregisteret', hjemmel: 'GBER art. 9', vises: 'test/unit/annen-stotte.test.ts' },
  'kumulering-over-intensitet': { alvor: 'nei', betyr: 'Næringshagens støtte og støtte fra andre til de samme kostnadene er til sammen over 75 % av markedsverdien i treårsvinduet', hjemmel: 'vedlegg 3 pkt. 2, GBER art. 8', vises: 'test/unit/annen-stotte.test.ts' },
  'mangler-annen-stotte': { alvor: 'advarsel', betyr: 'Målbedriften er merket med støtte fra andre i malbedrifter (ogsaTattOppHosAndre/radgivningFraAndre), men annenstotte har ingen rad for den', hjemmel: 'vedlegg 3 pkt. 2, GBER art. 28 nr. 4', vises: 'test/unit/annen-stotte.test.ts' },
  'ingen-stotte': { alvor: 'nei', betyr: 'En timerad på en målbedrift er styrearbeid eller husleie/kontorplass, som ikke kan gis innovasjonsstøtte; kjøringen avvises', hjemmel: 'vedlegg 3 pkt. 2', vises: 'test/unit/ingen-stotte.test.ts' },
  'smb-godtatt': { alvor: 'advarsel', betyr: 'Den siste SMB-sjekken sa KAN IKKE TAS OPP, men støtten gis etter en dokumentert annen vurdering (--godta-smb)', hjemmel: 'vedlegg 3 pkt. 2', vises: 'test/unit/smb-per-faktura.test.ts' },
  'smb-kan-ikke-tas-opp': { alvor: 'nei', betyr: 'Den siste SMB-sjekken før fakturadatoen sa KAN IKKE TAS OPP, og ingen --godta-smb er gitt', hjemmel: 'vedlegg 3 pkt. 2, 4.3', vises: 'test/unit/smb-per-faktura.test.ts' },
  'smb-sjekk-uleselig': { alvor: 'advarsel', betyr: 'Den siste SMB-sjekken før fakturadatoen (smb-sjekk/<orgnr>-<dato>.json) kan ikke leses', hjemmel: 'vedlegg 3 pkt. 2' },
  'smb-ma-vurderes': { alvor: 'advarsel', betyr: 'Den siste SMB-sjekken før fakturadatoen sa MÅ VURDERES; vurderingen må dokumenteres', hjemmel: 'vedlegg 3 pkt. 2', vises: 'test/unit/smb-per-faktura.test.ts' },
  'smb-sjekk-bor-fornyes': { alvor: 'advarsel', betyr: 'Den siste SMB-sjekken bør fornyes før fakturaen (f.eks. nytt årsregnskap, treårsunntaket er utløpt)', hjemmel: 'vedlegg 3 pkt. 2, 4.3', vises: 'test/unit/smb-per-faktura.test.ts' },
  'godta-smb-ubrukt': { alvor: 'advarsel', betyr: 'En --godta-smb er ikke brukt: siste SMB-sjekk sier ikke KAN IKKE TAS OPP, eller målbedriften faktureres ikke nå', vises: 'test/unit/smb-per-faktura.test.ts' },
  'poweroffice-oppsett': { alvor: 'feil', betyr: 'PowerOffice-ruten (faktura.poweroffice i nh.json) passer ikke med nummerserien, eller mangler ordrenummer eller produktkoder' },
  'poweroffice-kundenummer': { alvor: 'feil', betyr: 'PowerOffice krever kundekoden (et tall) for målbedriften i malbedrifter (kolonnen kundenummer)' },
  'nummerserie-overlapper': { alvor: 'feil', betyr: 'faktura.nummerserie.forste i nh.json overlapper fakturanumre som alt er utstedt' },
  'kid-uten-prefiks': { alvor: 'advarsel', betyr: 'Første kjøring med nh-nummerering: uten faktura.kid.prefiks kan nh og regnskapssystemet lage samme KID på samme konto', vises: 'test/e2e/faktura-regnskap.test.ts' },
  'ikke-fakturert': { alvor: 'feil', betyr: '--dokumenter for en periode som ikke er fakturert (ingen linjer i støtteregisteret)' },
  'dokumenter-timer-endret': { alvor: 'feil', betyr: '--dokumenter: timene gir ikke lenger beløpene i støtteregisteret (endret etter faktureringen; bruk --erstatt)', vises: 'test/e2e/faktura-regnskap.test.ts' },
  'dokument-finnes': { alvor: 'feil', betyr: 'En EHF eller PDF finnes med annet innhold og kan være sendt; nh overskriver aldri et sendt dokument', vises: 'test/e2e/faktura-regnskap.test.ts' },
  'register-mangler': { alvor: 'feil', betyr: 'stotteregister.csv mangler, men nh har ført fakturaer (nummerlogg, EHF) eller en omdøpt kopi finnes; aldri et nytt register fra første nummer' },
  'register-tilbakerullet': { alvor: 'feil', betyr: 'Støtteregisteret mangler linjer nummerloggen eller EHF-filene viser er ført (en eldre kopi er lagt tilbake)' },
  'register-fakturanr': { alvor: 'feil', betyr: 'Et fakturanummer i støtteregisteret er ikke et tall (skrivefeil)' },
  'register-nummer-to-ganger': { alvor: 'feil', betyr: 'Samme fakturanummer står på to linjer i støtteregisteret' },
  'register-ukjent-referanse': { alvor: 'feil', betyr: 'En kreditnota eller kurskorreksjon i støtteregisteret viser til en faktura registeret ikke har' },
  'register-kreditert-to-ganger': { alvor: 'feil', betyr: 'To kreditnotaer i støtteregisteret krediterer samme faktura', vises: 'test/unit/nummerserie.test.ts' },
  'utfiler-uten-register': { alvor: 'feil', betyr: 'faktura/<periode> har utfiler fra en kjøring som verken står i registeret eller nummerloggen' },
  'ehf-uten-register': { alvor: 'feil', betyr: 'En EHF-fil i ehf/ har et nummer registeret ikke har, og nh kan ikke vise at den er fra en avbrutt kjøring (den kan være sendt)' },
  'ehf-ulik-register': { alvor: 'feil', betyr: 'En EHF-fil har et nummer som i registeret er en annen målbedrift, type eller periode' },
  'ehf-samme-nummer': { alvor: 'feil', betyr: 'To EHF-filer i ehf/ har samme fakturanummer' },
  'ehf-mva-null': { alvor: 'feil', betyr: 'EHF med mvaSats 0: Peppol krever fritaksgrunn (BR-S-05/06), som nh ikke skriver' },
  'nummerlogg-ugyldig': { alvor: 'feil', betyr: 'faktura/nummerlogg.csv har en rad nh ikke har skrevet (mangler kjøring, eller ukjent hendelse)' },
  'avbrutt-kjoring': { alvor: 'advarsel', betyr: 'Filer fra en avbrutt kjøring: numrene annulleres og brukes aldri om igjen, filene flyttes til avbrutt/', vises: 'test/e2e/reskontro.test.ts' },
  'kurs-endret': { alvor: 'advarsel', betyr: 'EUR/NOK-kursen i nh.json er endret etter at måneden ble fakturert; --erstatt fører en kurskorreksjon', hjemmel: 'vedlegg 3 pkt. 2', vises: 'test/e2e/reskontro.test.ts' },
  'csv-kolonne-to-ganger': { alvor: 'feil', betyr: 'faktura.csvKolonner i nh.json gir to kolonner samme overskrift i fakturagrunnlag.csv' },
  // ————— budsjett og timesats —————
  'ukjent-kostnadskategori': { alvor: 'feil', betyr: 'En kostnadskategori som ikke kan dekkes av tilskuddet til administrasjon og gjennomføring', hjemmel: '10.4' },
  'ukjent-aktivitet': { alvor: 'advarsel', betyr: 'En aktivitet på administrasjon som ikke står på lista (tas med; listene er eksempler)', hjemmel: '10.4, vedlegg 3 pkt. 3' },
  'adm-nevner-malbedrift': { alvor: 'advarsel', betyr: 'En administrasjonsrad nevner en målbedrift i avtaleperioden (rådgivning, art. 28?)', hjemmel: '10.4, vedlegg 3 pkt. 3' },
  'adm-uten-aktivitet': { alvor: 'advarsel', betyr: 'Timer på administrasjon uten aktivitet (godtas som prosjektkonto)', hjemmel: '10.4' },
  'mb-med-adm-aktivitet': { alvor: 'advarsel', betyr: 'Timer på en målbedrift med en administrasjonsaktivitet (feilført?)', hjemmel: '10.4' },
  'ingen-tildeling': { alvor: 'advarsel', betyr: 'Ingen tilskudd til administrasjon for året; sammenlignes med 0 kr', hjemmel: '10.4' },
  'ingen-adm-timer': { alvor: 'advarsel', betyr: 'Ingen timer på administrasjon og gjennomføring i året', hjemmel: '10.4' },
  'ingen-planlagte-timer': { alvor: 'advarsel', betyr: 'Ingen ansatte har planlagte timer (admTimerPlan); budsjettet har bare direkte kostnader', hjemmel: '10.4' },
  'ingen-budsjettkostnader': { alvor: 'advarsel', betyr: 'Ingen direkte kostnader av type «budsjett» for året', hjemmel: '10.4' },
  'budsjett-over-25': { alvor: 'advarsel', betyr: 'Budsjettet for administrasjon er over 25 % av Sivas tilskudd', hjemmel: '10.2' },
  'fordeling-10-2': { alvor: 'advarsel', betyr: 'Tilskuddet til administrasjon er en annen andel enn fordelingen i 10.2', hjemmel: '10.2' },
  'frist-passert': { alvor: 'advarsel', betyr: 'Fristen for budsjettet (1. desember året før) er passert', hjemmel: '11.1' },
  'aret-ikke-avsluttet': { alvor: 'advarsel', betyr: 'Året i årsoppgjøret er ikke over; senere timer og kostnader kommer ikke med' },
  'timesats-ikke-lagret': { alvor: 'advarsel', betyr: 'Ingen lagrede timesatser for året; satsene er regnet fra ansatte slik den er nå', hjemmel: 'vedlegg 3 pkt. 4.2' },
  'kan-ikke-lese': { alvor: 'feil', betyr: 'Den lagrede timesats-<år>.json kan ikke leses' },
  'ugyldig-json': { alvor: 'feil', betyr: 'Den lagrede timesats-<år>.json er ikke gyldig JSON' },
  'ugyldige-satser': { alvor: 'feil', betyr: 'Den lagrede timesats-<år>.json har ikke satser slik nh timesats skriver dem' },
  'timer-per-arsverk-avviker': { alvor: 'advarsel', betyr: 'timerPerArsverk (i nh.json eller de lagrede satsene) er ikke Sivas 1 695', hjemmel: '10.4 pkt. 2', vises: 'test/unit/timesats.test.ts' },
  'faktiske-satser-mangler': { alvor: 'advarsel', betyr: 'Attestasjonen bruker budsjettsatsene fordi årets faktiske timesatser ikke er lagret (nh timesats --år)', hjemmel: '10.4, vedlegg 3 pkt. 3', vises: 'test/e2e/budsjett.test.ts' },
  'arsverk-totalt-for-lavt': { alvor: 'feil', betyr: 'arsverkTotalt i nh.json er lavere enn årsverkene i ansatte', hjemmel: '10.4 pkt. 2' },
  'arsverk-totalt-mangler': { alvor: 'advarsel', betyr: 'arsverkTotalt mangler i nh.json; de indirekte kostnadene fordeles bare på årsverkene i ansatte', hjemmel: '10.4 pkt. 2', vises: 'test/unit/timesats.test.ts' },
  // ————— årsrapport og måltall —————
  'ukjent-maltall': { alvor: 'feil', betyr: 'Et måltall-id nh ikke kjenner', hjemmel: '11.2' },
  'maltall-to-ganger': { alvor: 'feil', betyr: 'Samme måltall står to ganger i målfilen', hjemmel: '11.2' },
  'ugyldig-antall': { alvor: 'feil', betyr: 'Målet for et antall er ikke et heltall ≥ 0', hjemmel: '11.2' },
  'andel-utenfor-0-100': { alvor: 'advarsel', betyr: 'En andel (prosent) utenfor 0–100 %', hjemmel: '11.2' },
  'under-sivas-minimum': { alvor: 'advarsel', betyr: 'Målet eller resultatet er under Sivas minimumskrav', hjemmel: '11.2' },
  'maltall-uten-mal': { alvor: 'advarsel', betyr: 'Måltall uten eget mål i målfilen', hjemmel: '11.2' },
  'maltall-konflikt': { alvor: 'feil', betyr: 'maltall-<år>.csv og .xlsx har ulike mål, og det går ikke å se hvilken som er nyest' },
  'maltall-to-filer': { alvor: 'advarsel', betyr: 'maltall-<år>.csv og .xlsx er ulike; den sist endrede brukes', vises: 'test/e2e/aarsrapport.test.ts' },
  'srl-ukjent-malbedrift': { alvor: 'feil', betyr: 'En SRL-vurdering for et orgnr som ikke er en målbedrift', hjemmel: '11.2, vedlegg 1' },
  'srl-to-ganger': { alvor: 'feil', betyr: 'To SRL-vurderinger for samme målbedrift og år', hjemmel: '11.2, vedlegg 1' },
  'tiltak-mangler-bedrift': { alvor: 'feil', betyr: 'Et tiltak som teller bedrifter, mangler bedrift eller orgnr', hjemmel: '11.2' },
  'tiltak-ogsa-ugyldig': { alvor: 'feil', betyr: '«ogsa» i tiltak er samme type eller en type som ikke kan telle med', hjemmel: '11.2' },
  'henvisning-egen-malbedrift': { alvor: 'advarsel', betyr: 'En henvisning av en bedrift som selv er målbedrift telles ikke', hjemmel: '11.2' },
  'samarbeid-med-siva': { alvor: 'advarsel', betyr: 'Et samarbeidsprosjekt med Siva telles ikke (Siva er ikke programoperatør)', hjemmel: '11.2' },
  'register-mangler-perioder': { alvor: 'advarsel', betyr: 'Støtteregisteret mangler måneder der timelistene har timer på målbedrifter', hjemmel: '10.4' },
  'stotte-uten-avtale': { alvor: 'advarsel', betyr: 'Støtte i registeret til en bedrift uten aktiv målbedriftsavtale i perioden', hjemmel: '8.2' },
  'periode-ikke-over': { alvor: 'advarsel', betyr: 'Rapportperioden er ikke over; tallene er foreløpige' },
  'merforbruk': { alvor: 'advarsel', betyr: 'Brukt innovasjonsstøtte i året er mer enn disponibelt', hjemmel: '10.4' },
  'ubrukt-vokser': { alvor: 'advarsel', betyr: 'Ubrukte innovasjonsmidler vokser fra år til år (Siva kan kreve dem tilbake)', hjemmel: '10.4' },
  'overforing-avviker': { alvor: 'advarsel', betyr: 'Overført fra i fjor i tilskudd er ikke lik fjorårets ubrukte midler', hjemmel: '10.4' },
  'avi-logg-mangler': { alvor: 'advarsel', betyr: 'Ingen AVI-logg: nh kan ikke se om de aktive målbedriftene er registrert i AVI', hjemmel: '11.1', vises: 'test/unit/aarsrapport.test.ts' },
  'ikke-registrert-i-avi': { alvor: 'advarsel', betyr: 'Aktive målbedrifter i perioden står ikke i noen AVI-opplasting i loggen', hjemmel: '11.1', vises: 'test/unit/aarsrapport.test.ts' },
  // ————— kts-plan (AVI-oppdateringene) —————
  'mangler-daglig-leder': { alvor: 'feil', betyr: 'En målbedrift som skal med i AVI-oppdateringen, mangler daglig leder', hjemmel: '6.3' },
  'ugyldig-frist': { alvor: 'feil', betyr: '--frist er ikke en av AVI-fristene for kundetilfredshetsundersøkelsen', hjemmel: '11.1' },
  'endret-etter-rapportering': { alvor: 'advarsel', betyr: 'En dato er endret etter at den ble rapportert til AVI; rettes for hånd', hjemmel: '6.3' },
  'antatt-oppdatert': { alvor: 'advarsel', betyr: 'Uten logg antar nh at AVI er oppdatert fram til --siden (eller forrige frist)', hjemmel: '6.3' },
  'foreslaa-aarsslutt': { alvor: 'advarsel', betyr: 'I desember: årets nye målbedrifter står ikke i noen AVI-opplasting; nh foreslår kts-plan --frist <år>-12-31', hjemmel: '11.1', vises: 'test/e2e/kts-plan.test.ts' },
  'logg-uleselig': { alvor: 'feil', betyr: 'AVI-loggen kan ikke leses', vises: GJENSKAPING },
  'ugyldig-logg': { alvor: 'feil', betyr: 'AVI-loggen er ikke gyldig JSON eller har feil form; nh overskriver den ikke' },
  'logg-endret': { alvor: 'feil', betyr: 'AVI-loggen ble endret av en annen kjøring mens denne kjørte', vises: GJENSKAPING },
  // ————— smb-sjekk og Brønnøysundregistrene —————
  'mangler-registerdata': { alvor: 'feil', betyr: 'Uten nett og hurtigbuffer trengs flagg for registerdataene' },
  'mangler-fil': { alvor: 'feil', betyr: 'Eierskapsfilen (--eierskap) finnes ikke' },
  'eierskap-under-25': { alvor: 'advarsel', betyr: 'En eierandel under 25 % er selvstendig og tas ikke med', hjemmel: 'GBER vedlegg I art. 3' },
  'ugyldig-svar': { alvor: 'advarsel', betyr: 'Et svar på et spørsmål i terminalen kunne ikke tolkes og er ikke tatt med', vises: GJENSKAPING },
  'kurs-fram-i-tid': { alvor: 'advarsel', betyr: 'EUR/NOK-kursen er datert etter i dag' },
  'brreg-svar': { alvor: 'feil', betyr: 'Brønnøysundregistrene svarte med en feil; prøv igjen eller bruk --offline' },
  'ukjent-orgnr': { alvor: 'feil', betyr: 'Orgnr finnes ikke i Enhetsregisteret' },
  'slettet-enhet': { alvor: 'feil', betyr: 'Enheten er slettet i Enhetsregisteret' },
  'fjernet-orgnr': { alvor: 'feil', betyr: 'Enheten er fjernet fra Enhetsregisteret av juridiske årsaker' },
  'frakoblet': { alvor: 'advarsel', betyr: 'Brønnøysundregistrene kunne ikke nås og det finnes ingen hurtigbuffer' },
  'hurtigbuffer': { alvor: 'advarsel', betyr: 'Registerdataene er fra hurtigbufferen, ikke et nytt oppslag' },
  'regnskap-frakoblet': { alvor: 'advarsel', betyr: 'Regnskapsregisteret kunne ikke nås; tallene må oppgis med flagg' },
  'regnskap-500': { alvor: 'advarsel', betyr: 'Regnskapsregisteret svarte med en serverfeil for regnskapet' },
  'regnskap-valuta': { alvor: 'advarsel', betyr: 'Årsregnskapet er ikke i NOK; tallene brukes ikke' },
  'vurdert-ubrukt': { alvor: 'advarsel', betyr: 'En --vurdert gjaldt et kriterium registeret eller tallene avgjør; vurderingen er ikke brukt', hjemmel: 'vedlegg 3 pkt. 2' },
  // ————— nh selv —————
  'intern-feil': { alvor: 'intern', betyr: 'En feil i nh (exit 3); skal aldri skje — meld den', vises: MILJO },
} as const satisfies Record<string, Feilkodeinfo>;

export type Feilkode = keyof typeof FEILKODER;
/** Kodene med et gitt alvor: `feil()` tar feil/nei/intern, `advarsel()` bare advarsler. */
export type KodeMedAlvor<A extends Alvor> = {
  [K in Feilkode]: (typeof FEILKODER)[K]['alvor'] extends A ? K : never;
}[Feilkode];
