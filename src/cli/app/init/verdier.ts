/**
 * Issue 19 pkt. 2: satsene i en ny arbeidsmappe kommer fra brukeren — flagg i skript, spørsmål på en TTY (med
 * hvor verdien finnes; tomt svar = fyll inn senere) — ellers står de som «FYLL INN …» i nh.json. Aldri en
 * plassholder som ser ut som en ekte verdi.
 */
import { initNokler, tolkInitVerdi, type InitVerdier } from '../../../domain/konfig/init-verdier.js';
import type { UavklartNokkel } from '../../../domain/konfig/uavklart.js';
import { feil, InndataFeil, type Diagnostikk } from '../../../domain/felles/diagnostikk.js';
import { formatDato, type Dato } from '../../../domain/felles/dato.js';
import type { Kontekst } from '../../kontekst.js';
import type { InitValg } from './valg.js';

/** Flagget (commanders navn i valg) per nøkkel. */
const VALG: Record<UavklartNokkel, keyof InitValg> = {
  eurNok: 'eurKurs',
  arbeidsgiveravgiftSats: 'arbeidsgiveravgift',
  andreSosialeKostnaderProsent: 'andreSosiale',
  indirekteKostnaderPerAr: 'indirekte',
  markedsprisPerTime: 'markedspris',
};

/** Spørsmålet for en verdi: hva, hvor den finnes, og at tomt svar lar den stå ufylt. */
function sporsmal(h: ReturnType<typeof initNokler>[number]): string {
  const hva = h.hva.charAt(0).toUpperCase() + h.hva.slice(1);
  return `${hva}?\n  Finnes: ${h.hvor}.\n  Tomt svar = fyll inn i nh.json senere (${h.flagg} i skript)`;
}

/**
 * Verdiene fra flaggene (alle feil samlet, exit 2), så spørsmål for resten på en TTY. Uten TTY blir det som
 * mangler stående ufylt — init skal lage mappen; kommandoene som trenger verdien, stopper og sier hvor den finnes.
 */
export async function hentInitVerdier(k: Kontekst, valg: InitValg): Promise<InitVerdier> {
  const { verdier, feil: ds } = fraFlagg(valg, k.idag);
  if (ds.length) throw new InndataFeil(ds);
  if (k.interaktiv) await sporOmResten(k, valg, verdier);
  return verdier as InitVerdier;
}

/** Verdiene flaggene gir, og én feil per ugyldig flagg. */
function fraFlagg(valg: InitValg, idag: Dato): { verdier: Record<string, unknown>; feil: Diagnostikk[] } {
  const verdier: Record<string, unknown> = {};
  const ds: Diagnostikk[] = [];
  for (const h of initNokler()) {
    const flagg = valg[VALG[h.nokkel]];
    if (typeof flagg !== 'string') continue;
    const r = tolkInitVerdi(h.nokkel, flagg, idag);
    if (r.ok) verdier[h.nokkel] = r.verdi;
    else
      ds.push(
        feil(
          'ugyldig-flagg',
          `${h.flagg} «${flagg}»: ${r.grunn}.`,
          { fil: 'kommandolinjen', kolonne: h.flagg },
          { forventet: `${h.hva}, f.eks. ${h.eksempel}` },
        ),
      );
  }
  return { verdier, feil: ds };
}

/** Et spørsmål per verdi uten flagg (tomt svar = fyll inn senere); EUR-kursen uten dato får et spørsmål om datoen. */
async function sporOmResten(k: Kontekst, valg: InitValg, verdier: Record<string, unknown>): Promise<void> {
  for (const h of initNokler()) {
    if (typeof valg[VALG[h.nokkel]] === 'string') continue;
    const svar = await k.spor.tekst(sporsmal(h), {
      valider: (s) => {
        const r = tolkInitVerdi(h.nokkel, s, k.idag);
        return r.ok ? true : `${r.grunn} (f.eks. ${h.eksempel})`;
      },
    });
    const r = tolkInitVerdi(h.nokkel, svar, k.idag);
    if (!r.ok || r.verdi === undefined) continue;
    verdier[h.nokkel] = h.nokkel === 'eurNok' && !svar.includes(':') ? await kursdato(k, svar) : r.verdi;
  }
}

/** Datoen for kursen brukeren nettopp oppga (standard i dag; Norges Bank har ingen kurs i helgene). */
async function kursdato(k: Kontekst, kurs: string): Promise<unknown> {
  const dato = await k.spor.tekst('Datoen kursen gjelder (dd.mm.åååå)?', {
    standard: formatDato(k.idag),
    valider: (s) => {
      const r = tolkInitVerdi('eurNok', `${kurs}:${s}`, k.idag);
      return r.ok ? true : r.grunn;
    },
  });
  const r = tolkInitVerdi('eurNok', `${kurs}:${dato}`, k.idag);
  return r.ok ? r.verdi : undefined;
}
