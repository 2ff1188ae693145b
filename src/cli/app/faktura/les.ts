/**
 * nh faktura, første steg: les alt kjøringen bygger på — nh.json, støtteregisteret, periodemappen, datasettene
 * (bare periodens timerader), SMB-sjekkene og adressene fra Brønnøysundregistrene — før noe regnes. Ingen lås:
 * skrivingen sjekker under låsen at registeret og periodemappen fortsatt er som her.
 */
import path from 'node:path';
import type { Config } from '../../../domain/konfig/config.js';
import { krev } from '../../../domain/konfig/uavklart.js';
import type { FakturaOppsett, Regnskapssystem } from '../../../domain/faktura/oppsett.js';
import { forsteImport } from '../../../io/faktura/regnskapsfiler.js';
import { ansatteDef } from '../../../domain/datasett/ansatte.js';
import { malbedrifterDef, type Malbedrift } from '../../../domain/datasett/malbedrifter.js';
import { timerDef } from '../../../domain/datasett/timer.js';
import { tilskuddDef } from '../../../domain/datasett/tilskudd.js';
import { annenstotteDef, kontrollerAnnenStotte } from '../../../domain/datasett/annenstotte.js';
import type { Fakturadatoer } from '../../../domain/faktura/fakturadato.js';
import { forsteDag, raaDatoI, sisteDag, type Maaned } from '../../../domain/felles/dato.js';
import { normaliserNavn } from '../../../domain/felles/felter.js';
import { kjoperMangler } from '../../../domain/faktura/ehf.js';
import type { Adressekilde } from '../../../domain/faktura/kjopere.js';
import type { Datasettene, FakturaInndata } from '../../../domain/faktura/kjoringsplan.js';
import type { FakturaParametre } from '../../../domain/faktura/typer.js';
import { feilstavedeTjenestepriser } from '../../../domain/konfig/tjenestepriser.js';
import type { Arbeidsmappe } from '../../../io/arbeidsmappe.js';
import { lesBrregAdresse } from '../../../io/brreg/brreg-adresse.js';
import { csvKolonnefeil } from '../../../io/faktura/fakturagrunnlag-csv.js';
import { lesPeriodemapper } from '../../../io/faktura/fakturakjoring.js';
import { lesNummerkilder } from '../../../io/faktura/nummerkilder.js';
import { finnSmbSjekker, lesStotteregister, type LestRegister } from '../../../io/faktura/stotteregister.js';
import { lesAlle } from '../../../io/les/datasett.js';
import type { Kontekst } from '../../kontekst.js';
import type { FakturaValg } from './valg.js';
import { selgerAv, velgFormater } from './dokumenter.js';

function fakturaParametre(config: Config, periode: Maaned, s: FakturaOppsett): FakturaParametre {
  // Issue 19 pkt. 2: en markedspris eller EUR-kurs som ikke er fylt inn, brukes aldri (exit 2 med hvor den finnes).
  const c = krev(config, ['markedsprisPerTime', 'eurNok']);
  return {
    periode,
    standardPris: c.markedsprisPerTime,
    standardStotteintensitet: c.stotteintensitet,
    mvaSats: c.mvaSats,
    adminKoder: c.adminKoder,
    tjenestepriser: new Map(Object.entries(s.tjenestepriser).map(([n, p]) => [normaliserNavn(n), p])),
    eurNokKurs: c.eurNok.kurs,
    kursdato: c.eurNok.dato,
  };
}

async function lesDatasettene(am: Arbeidsmappe, periode: Maaned): Promise<Datasettene> {
  const fra = forsteDag(periode);
  const til = sisteDag(periode);
  const lest = await lesAlle(am, {
    ansatte: ansatteDef,
    malbedrifter: malbedrifterDef,
    // Bare periodens rader valideres og tas med (én gjennomgang av en stor timeliste).
    timer: { def: timerDef, filter: (hent) => raaDatoI(hent('dato'), fra, til) },
    tilskudd: tilskuddDef,
    // Issue 20 pkt. 7: støtte fra andre (frivillig fil).
    annen: { def: annenstotteDef, valgfritt: true },
  });
  return {
    ansatte: lest.ansatte.rader,
    malbedrifter: lest.malbedrifter.rader,
    timer: lest.timer.rader,
    tilskudd: lest.tilskudd.rader,
    annen: lest.annen.rader,
  };
}

/** Adressene smb-sjekk har hentet for målbedrifter som mangler adresse (bare når EHF skal skrives). */
async function brregAdresser(am: Arbeidsmappe, mb: readonly Malbedrift[]): Promise<Map<string, Adressekilde>> {
  const ut = new Map<string, Adressekilde>();
  for (const m of mb) {
    if (!kjoperMangler(m).some((f) => ['adresse', 'postnr', 'poststed'].includes(f))) continue;
    const b = await lesBrregAdresse(am, m.orgnr);
    if (b) ut.set(m.orgnr, b);
  }
  return ut;
}

/** Systemene som ikke har en importfil i noen periode ennå: sjekklisten skrives med første import (issue 21). */
async function forsteImporter(am: Arbeidsmappe, systemer: readonly Regnskapssystem[]): Promise<Set<Regnskapssystem>> {
  const ut = new Set<Regnskapssystem>();
  for (const s of systemer) if (await forsteImport(am.sti('faktura'), `${s}-import.csv`)) ut.add(s);
  return ut;
}

/** Alle inndataene til planen, og registeret slik det ble lest (for compare-and-swap ved skriving). */
export async function lesInndata(
  k: Kontekst,
  am: Arbeidsmappe,
  periode: Maaned,
  valg: FakturaValg,
  kjoring: { id: string; tidspunkt: string },
  /** Issue 19 pkt. 6 og issue 20 pkt. 2: fakturadatoene og --godta-smb (tolket før lesingen). */
  stotte: { datoer: Fakturadatoer; godta: ReadonlyMap<string, string> },
): Promise<{ inn: FakturaInndata; reg: LestRegister }> {
  const oppsett = am.config.faktura;
  const formater = velgFormater(oppsett, valg.format);
  const reg = await lesStotteregister(am);
  k.advarsler.push(...reg.advarsler);
  const perioder = await lesPeriodemapper(am);
  const fakturert = reg.linjer.some((l) => l.periode === periode);
  // --dokumenter (issue 19 pkt. 7) trenger timene for linjene i de gjeldende fakturaene.
  const datasett = fakturert && !valg.erstatt && !valg.dokumenter ? null : await lesDatasettene(am, periode);
  const oppsettfeil = datasett
    ? [
        ...feilstavedeTjenestepriser(
          datasett.timer.map((t) => t.tjeneste),
          Object.keys(oppsett.tjenestepriser),
        ),
        ...(await csvKolonnefeil(oppsett)),
        ...kontrollerAnnenStotte(datasett.annen ?? []),
      ]
    : [];
  const inn: FakturaInndata = {
    p: { ...fakturaParametre(am.config, periode, oppsett), fakturadato: stotte.datoer.fakturadato },
    datoer: stotte.datoer,
    godta: stotte.godta,
    oppsett,
    formater,
    selger: selgerAv(am.config),
    erstatt: Boolean(valg.erstatt),
    idag: k.idag,
    kjoring: kjoring.id,
    tidspunkt: kjoring.tidspunkt,
    register: { fil: path.basename(reg.sti), linjer: reg.linjer },
    perioder,
    logg: reg.logg.linjer,
    nummerkilder: datasett ? await lesNummerkilder(am, am.config) : [],
    datasett,
    oppsettfeil,
    smbSjekker: datasett ? await finnSmbSjekker(am) : new Map(),
    brregAdresser:
      datasett && (formater.ehf || formater.pdf) ? await brregAdresser(am, datasett.malbedrifter) : new Map(),
    dokumenter: Boolean(valg.dokumenter),
    forsteImport: await forsteImporter(am, formater.systemer),
  };
  return { inn, reg };
}
