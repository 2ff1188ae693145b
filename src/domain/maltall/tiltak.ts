/**
 * Programveileder 11.2 (hjelpetekstene): hvilke tiltak som telles — henvisning av egen målbedrift og samarbeid med
 * Siva telles ikke, ett tiltak kan telle under to måltall («ogsa») — og kontrollene av tiltak og SRL. Rent domene.
 */
import { advarsel, feil, type Diagnostikk, type Kilde } from '../felles/diagnostikk.js';
import { normaliserNavn } from '../felles/felter.js';
import { BEDRIFTSTYPER, type Tiltakstype } from '../datasett/tiltak.js';
import {
  iPerioden,
  type Grunnlag,
  type MalbedriftGrunnlag,
  type SrlGrunnlag,
  type TiltakGrunnlag,
} from './grunnlag.js';

/** Programveileder 11.2: Siva er ikke en programoperatør (næringshage/inkubator). */
function erSiva(partner: string | undefined): boolean {
  const t = (partner ?? '').trim().toLowerCase();
  return /^siva(\s*sf)?$/.test(t) || /^siva[\s,.–-]/.test(t) || t.includes('selskapet for industrivekst');
}

/** Orgnr- og navnnøkler for målbedriftene (for «egen målbedrift»). */
export function egneNokler(mb: readonly MalbedriftGrunnlag[]): Set<string> {
  return new Set(mb.flatMap((m) => [`orgnr:${m.orgnr}`, `navn:${normaliserNavn(m.navn)}`]));
}

function tiltakNokkel(t: Pick<TiltakGrunnlag, 'orgnr' | 'bedrift'>): string {
  return t.orgnr ? `orgnr:${t.orgnr}` : `navn:${normaliserNavn(t.bedrift ?? '')}`;
}

/**
 * Programveileder 11.2 (hjelpetekstene): tiltak som ikke skal telles. En henvisning av en bedrift som er egen
 * målbedrift («istedenfor å ta de opp som egen målbedrift»), og et samarbeidsprosjekt med Siva («andre
 * programoperatører (næringshager og/eller inkubatorer)»). Gir true når raden teller under `type`.
 */
export function tellerTiltak(t: TiltakGrunnlag, type: Tiltakstype, egne: ReadonlySet<string>): boolean {
  if (t.type !== type && t.ogsa !== type) return false;
  if (type === 'henvisning' && egne.has(tiltakNokkel(t))) return false;
  if (type === 'henvisning' && t.bedrift && egne.has(`navn:${normaliserNavn(t.bedrift)}`)) return false;
  if (type === 'samarbeidsprosjekt' && erSiva(t.samarbeidspartner)) return false;
  return true;
}

/** Advarsler om tiltak i perioden som ikke telles (11.2), med rad, så administratoren ser hvorfor tallet er lavere. */
export function utelatteTiltak(g: Grunnlag): Diagnostikk[] {
  const egne = egneNokler(g.malbedrifter);
  const ds: Diagnostikk[] = [];
  for (const t of g.tiltak) {
    if (!iPerioden(t.dato, g.periode)) continue;
    const kilde = t.kilde ? { ...t.kilde } : undefined;
    for (const type of [t.type, t.ogsa]) {
      const d = utelattAdvarsel(t, type, egne, kilde);
      if (d) ds.push(d);
    }
  }
  return ds;
}

/** Advarselen når tiltaket ikke telles under `type` (11.2): en henvist egen målbedrift eller et samarbeid med Siva. */
function utelattAdvarsel(
  t: TiltakGrunnlag,
  type: Tiltakstype | undefined,
  egne: ReadonlySet<string>,
  kilde: Kilde | undefined,
): Diagnostikk | undefined {
  if (type === 'henvisning' && !tellerTiltak(t, type, egne)) {
    return advarsel(
      'henvisning-egen-malbedrift',
      `Henvisningen av ${t.bedrift ?? t.orgnr} telles ikke: bedriften står i malbedrifter. Måltallet teller bedrifter henvist «istedenfor å ta de opp som egen målbedrift» (programveileder 11.2).`,
      kilde && { ...kilde, kolonne: 'bedrift' },
    );
  }
  if (type === 'samarbeidsprosjekt' && !tellerTiltak(t, type, egne)) {
    return advarsel(
      'samarbeid-med-siva',
      `Samarbeidsprosjektet med «${t.samarbeidspartner}» telles ikke: Siva er ikke en programoperatør. Måltallet teller prosjekter med andre programoperatører (næringshager og/eller inkubatorer) (programveileder 11.2).`,
      kilde && { ...kilde, kolonne: 'samarbeidspartner' },
    );
  }
  return undefined;
}

/** SRL-data: samme målbedrift to ganger i samme år er en feil. */
export function kontrollerSrl(srl: readonly SrlGrunnlag[], malbedrifter?: ReadonlySet<string>): Diagnostikk[] {
  const sett = new Map<string, number | undefined>();
  const ds: Diagnostikk[] = [];
  for (const s of srl) {
    // Vedlegg 1/11.2: SRL vurderes for målbedrifter; et orgnr som ikke er målbedrift er en skrivefeil, ikke noe å overse.
    if (malbedrifter && !malbedrifter.has(s.orgnr)) {
      ds.push(
        feil(
          'srl-ukjent-malbedrift',
          `SRL-vurderingen gjelder ${s.orgnr}, som ikke finnes i malbedrifter.`,
          s.kilde ? { ...s.kilde, kolonne: 'orgnr' } : undefined,
          { verdi: s.orgnr, forventet: 'orgnr til en målbedrift i malbedrifter' },
        ),
      );
      continue;
    }
    const n = `${s.orgnr}|${s.ar}`;
    if (sett.has(n)) {
      ds.push(
        feil(
          'srl-to-ganger',
          `Målbedriften ${s.orgnr} har to SRL-vurderinger for ${s.ar} (også på rad ${sett.get(n) ?? '?'}).`,
          s.kilde ? { ...s.kilde, kolonne: 'orgnr' } : undefined,
          { verdi: s.orgnr, forventet: 'én vurdering per målbedrift og år' },
        ),
      );
    } else sett.set(n, s.kilde?.rad);
  }
  return ds;
}

/** Tiltak: henvisning og rådgivning av andres bedrift teller bedrifter, så bedrift eller orgnr må stå. */
export function kontrollerTiltak(tiltak: readonly TiltakGrunnlag[]): Diagnostikk[] {
  const ds: Diagnostikk[] = [];
  for (const t of tiltak) {
    const kilde = (kolonne: string) => (t.kilde ? { ...t.kilde, kolonne } : undefined);
    if ([t.type, t.ogsa].some((x) => x && BEDRIFTSTYPER.includes(x)) && !t.orgnr && !t.bedrift?.trim()) {
      const type = BEDRIFTSTYPER.includes(t.type) ? t.type : t.ogsa;
      ds.push(
        feil(
          'tiltak-mangler-bedrift',
          `Tiltak av typen «${type}» teller bedrifter, så «bedrift» eller «orgnr» må fylles ut.`,
          kilde('bedrift'),
          { forventet: 'bedriftens navn eller orgnr' },
        ),
      );
    }
    if (t.ogsa === undefined) continue;
    // 11.2: ett tiltak kan telle under to måltall (f.eks. et kurs for målbedriftene som er et samarbeidsprosjekt),
    // men en henvist bedrift eller rådgivning av en annens bedrift er en bedrift, ikke et tiltak.
    const blandet = BEDRIFTSTYPER.includes(t.type) !== BEDRIFTSTYPER.includes(t.ogsa);
    if (t.ogsa === t.type || blandet) {
      ds.push(
        feil(
          'tiltak-ogsa-ugyldig',
          t.ogsa === t.type
            ? `«ogsa» er lik «type» (${t.type}).`
            : `«${t.type}» og «${t.ogsa}» kan ikke være samme rad: den ene teller bedrifter, den andre tiltak (programveileder 11.2).`,
          kilde('ogsa'),
          {
            verdi: t.ogsa,
            forventet:
              'en annen tiltakstype enn «type», og ikke henvisning/radgivning-andres-bedrift sammen med et tiltak',
          },
        ),
      );
    }
  }
  return ds;
}
