/**
 * nh init som ren plan (issue 22 pkt. 3: les → spør → planlegg → skriv): kommandoen ser etter en arbeidsmappe som
 * finnes fra før og spør om det som mangler; her tolkes svarene, nh.json settes sammen og kontrolleres slik de
 * andre kommandoene leser den, og planen sier hvilke filer som skrives (nh.json og én tom mal per grunndatasett).
 * Ingen I/O: malenes innhold (CSV eller xlsx) lages av kommandoen fra datasettdefinisjonene.
 */
import { GRUNNDATASETT } from '../datasett/index.js';
import type { DatasettDef } from '../datasett/definisjon.js';
import { feil, type Diagnostikk } from '../felles/diagnostikk.js';
import { normaliserOrgnr, orgnrFeil } from '../felles/orgnr.js';
import { navnFelt, tolkConfig, type ConfigInn } from '../konfig/config.js';
import { initNokler, standardConfig, type InitVerdier } from '../konfig/init-verdier.js';

/** Feilen for et flagg eller svar, eller verdien slik den skrives i nh.json. */
export type Tolkning<T> = { ok: true; verdi: T } | { ok: false; feil: Diagnostikk };

/** Det som gjør et navn ugyldig (samme felt som nh.json), eller null. Brukes også til å validere svaret på en TTY. */
export function navnFeil(s: string): string | null {
  const r = navnFelt.safeParse(s);
  return r.success ? null : (r.error.issues[0]?.message ?? 'ugyldig navn');
}

export function tolkNavn(raa: string): Tolkning<string> {
  const nf = navnFeil(raa);
  if (!nf) return { ok: true, verdi: raa.trim() };
  return {
    ok: false,
    feil: feil(
      'ugyldig-navn',
      `Ugyldig navn på næringshagen: ${nf}.`,
      { fil: 'kommandolinjen', kolonne: '--navn' },
      { verdi: raa, forventet: 'næringshagens navn, f.eks. «Fjellbygda Næringshage AS»' },
    ),
  };
}

export function tolkOrgnr(raa: string): Tolkning<string> {
  const orgnr = normaliserOrgnr(raa);
  const grunn = orgnrFeil(orgnr);
  if (!grunn) return { ok: true, verdi: orgnr };
  return {
    ok: false,
    feil: feil('ugyldig-orgnr', `Ugyldig organisasjonsnummer: ${grunn}.`, undefined, {
      verdi: raa,
      forventet: 'ni sifre med gyldig kontrollsiffer',
    }),
  };
}

/** --år, ellers året «i dag» er i; et år i programperioden. */
export function tolkAar(flagg: string | undefined, iaar: number): Tolkning<number> {
  const aar = flagg ? Number(flagg) : iaar;
  if (Number.isInteger(aar) && aar >= 2023 && aar <= 2099) return { ok: true, verdi: aar };
  return { ok: false, feil: feil('ugyldig-flagg', `--år «${flagg}» er ikke et år i programperioden.`) };
}

/** nh init overskriver aldri: en mappe med nh.json eller et grunndatasett (CSV eller xlsx) er en arbeidsmappe. */
export function finnesFraFor(rot: string, filer: readonly string[], configFil: string): Diagnostikk | null {
  const kjente = new Set([configFil, ...GRUNNDATASETT.flatMap((d) => [`${d.navn}.csv`, `${d.navn}.xlsx`])]);
  const finnes = filer.filter((f) => kjente.has(f.toLowerCase()));
  if (!finnes.length) return null;
  return feil(
    'finnes-fra-for',
    `Det finnes allerede en arbeidsmappe her (${finnes.join(', ')}). nh init overskriver ikke.`,
    { fil: rot },
  );
}

/** En fil init skriver: nh.json ferdig som tekst, eller en tom mal kommandoen lager fra definisjonen. */
export type Initfil = { navn: string; hva: 'konfig'; innhold: string } | { navn: string; hva: 'mal'; def: DatasettDef };

export type Initplan = {
  config: ConfigInn;
  /** nh.json slik den ville bli, kontrollert som de andre kommandoene leser den: da skrives ingenting. */
  feil: Diagnostikk[];
  /** Filene i arbeidsmappen, i rekkefølge: nh.json, så én mal per grunndatasett. */
  filer: Initfil[];
  /** Verdiene som står som «FYLL INN …»: nøkkelen, hva, hvor den finnes og hvem som trenger den. */
  ikkeFyltInn: { felt: string; hva: string; hvor: string; brukesAv: string }[];
};

export function planleggInit(inn: {
  navn: string;
  orgnr: string;
  aar: number;
  verdier: InitVerdier;
  xlsx: boolean;
  configFil: string;
}): Initplan {
  const config = standardConfig(inn.navn, inn.orgnr, inn.aar, inn.verdier);
  // Det init skriver, må de andre kommandoene godta: samme kontroll som når nh.json leses.
  const kontroll = tolkConfig(config, inn.configFil);
  const filer: Initfil[] = [
    { navn: inn.configFil, hva: 'konfig', innhold: `${JSON.stringify(config, null, 2)}\n` },
    // Issue 19 pkt. 5: malene har overskriftene en administrator leser («Årslønn», «Stilling %»); nh leser begge former.
    ...GRUNNDATASETT.map((def) => ({ navn: `${def.navn}.${inn.xlsx ? 'xlsx' : 'csv'}`, hva: 'mal' as const, def })),
  ];
  const ikkeFyltInn = initNokler()
    .filter((h) => inn.verdier[h.nokkel] === undefined)
    .map((h) => ({ felt: h.felt, hva: h.hva, hvor: h.hvor, brukesAv: h.brukesAv }));
  return { config, feil: kontroll.ok ? [] : kontroll.feil, filer, ikkeFyltInn };
}
