/**
 * Inndataene til faktureringsplanen (kjoringsplan.ts) — alt `nh faktura` har lest før noe regnes — i en egen
 * modul, så planens steg (plansteg.ts) og planen kan dele typene uten å importere hverandre.
 */
import type { Diagnostikk, Kilde } from '../felles/diagnostikk.js';
import type { Dato } from '../felles/dato.js';
import type { Timeregistrering } from '../datasett/timer.js';
import type { Ansatt } from '../datasett/ansatte.js';
import type { Malbedrift } from '../datasett/malbedrifter.js';
import type { Tilskudd } from '../datasett/tilskudd.js';
import type { Stottelinje } from '../datasett/stotteregister.js';
import type { AnnenStotte } from '../datasett/annenstotte.js';
import type { Fakturadatoer } from './fakturadato.js';
import type { SmbSjekkPost } from './smb-kontroll.js';
import type { Nummerkilde } from './fakturanummer.js';
import type { Logglinje } from './nummerlogg.js';
import type { Periodemappe } from './utfiler.js';
import type { Adressekilde } from './kjopere.js';
import type { FakturaRegel } from './regelliste.js';
import type { FakturaOppsett, Formater, Regnskapssystem } from './oppsett.js';
import type { SelgerFull } from './ehf.js';
import type { FakturaParametre, Identitet } from './typer.js';

/** En linje i støtteregisteret slik den er lest (kilden: fil og rad) eller ført av nh. */
export type Registerlinje = Omit<Stottelinje, 'kilde'> & { kilde?: Kilde };

export type Datasettene = {
  ansatte: readonly Ansatt[];
  malbedrifter: readonly Malbedrift[];
  timer: readonly Timeregistrering[];
  tilskudd: readonly Tilskudd[];
  /** Støtte fra andre (annenstotte.csv, frivillig; issue 20 pkt. 7). */
  annen?: readonly AnnenStotte[];
};

export type FakturaInndata = {
  p: FakturaParametre;
  oppsett: FakturaOppsett;
  formater: Formater;
  selger: SelgerFull;
  erstatt: boolean;
  idag: Dato;
  /** Kjøringens id (står på registerlinjene og i kjøringsmerket). */
  kjoring: string;
  /** Tidspunktet for kjøringen (ISO), i nummerloggen. */
  tidspunkt: string;
  register: { fil: string; linjer: readonly Registerlinje[] };
  /** Alle periodemappene i faktura/ (også den som kjøres, om den finnes). */
  perioder: readonly Periodemappe[];
  /** Nummerloggen (faktura/nummerlogg.csv); tom når den ikke finnes. */
  logg: readonly Logglinje[];
  /** Fakturanumre i andre filer nh har skrevet (fakturagrunnlag.csv, registre i sikkerhetskopiene). */
  nummerkilder: readonly Nummerkilde[];
  /** null: perioden er fakturert og --erstatt er ikke gitt, så datasettene trengs ikke. */
  datasett: Datasettene | null;
  /** Feil i nh.json som først kan sees mot dataene (tjenestepris med skrivefeil, ukjent CSV-kolonne). */
  oppsettfeil: readonly Diagnostikk[];
  smbSjekker: ReadonlyMap<string, readonly SmbSjekkPost[]>;
  brregAdresser: ReadonlyMap<string, Adressekilde>;
  /** Reglene (standard FAKTURAREGLER). */
  regler?: readonly FakturaRegel[];
  /** Issue 19 pkt. 6: fakturadato og forfall for kjøringens dokumenter (uten: siste dag i perioden, som før). */
  datoer?: Fakturadatoer;
  /** Issue 20 pkt. 2: --godta-smb, orgnr → grunn. */
  godta?: ReadonlyMap<string, string>;
  /** --dokumenter (issue 19 pkt. 7): dokumentene for en fakturert periode på nytt fra registeret. */
  dokumenter?: boolean;
  /** Systemene som får sin første importfil i arbeidsmappen nå (sjekklisten, issue 21). */
  forsteImport?: ReadonlySet<Regnskapssystem>;
};

export type Fakturaidentitet = Pick<Identitet, 'fakturanr' | 'kid' | 'fakturadato' | 'forfallsdato' | 'ordrereferanse'>;
