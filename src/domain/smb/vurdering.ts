/**
 * Administratorens egen, begrunnede vurdering av et kriterium som nh ikke kan avgjøre (issue 19 pkt. 8: hvert
 * kriterium kan oppgis med flagg): `--vurdert <id>=ok:<begrunnelse>` eller `=ikke-ok:<begrunnelse>`. Ren.
 *
 * Tolkningen (docs/smb-sjekk.md): vurderingen avgjør bare et kriterium som ellers er «må vurderes» — den kan
 * aldri snu et «ok» eller «ikke ok» som tallene eller registeret gir. Begrunnelsen står i grunnlaget og i posten,
 * så en kontrollør fra Siva kan etterprøve den (vedlegg 3 pkt. 2: støttegiver dokumenterer vurderingen).
 */
import type { Kriterium } from './typer.js';

export type Vurdering = { id: string; ok: boolean; begrunnelse: string };

/** Kriteriene i den rekkefølgen sjekken gir dem (gyldige id-er for --vurdert). */
const KRITERIE_IDER = [
  'orgnr',
  'asa',
  'utenlandsk-foretak',
  'offentlig-eid',
  'bank-forsikring',
  'innovasjonsselskap',
  'sjelden',
  'arsverk',
  'omsetning-balanse',
  'eierskap',
  'kapitaltap',
  'insolvens',
  'konkurs-avvikling',
  'redningsstotte',
  'treaarstak',
] as const;

/** «sjelden=ok:Stiftelsen driver utleie …» → vurdering, eller en feiltekst. */
export function tolkVurdering(spes: string): Vurdering | string {
  const m = /^\s*([a-z-]+)\s*=\s*(ok|ikke-ok|ikke ok)\s*:(.*)$/i.exec(spes);
  if (!m) return 'id=ok:begrunnelse eller id=ikke-ok:begrunnelse, f.eks. «sjelden=ok:Driver utleie av kontorplass»';
  const id = m[1]!.toLowerCase();
  if (!(KRITERIE_IDER as readonly string[]).includes(id)) return `et kriterium: ${KRITERIE_IDER.join(', ')}`;
  const begrunnelse = m[3]!.trim();
  if (begrunnelse.length < 10) return 'en begrunnelse på minst 10 tegn etter kolon';
  return { id, ok: m[2]!.toLowerCase() === 'ok', begrunnelse };
}

/** Bruker vurderingene på kriteriene som må vurderes; de andre gis tilbake som ubrukte (advarsel). */
export function brukVurderinger(
  kriterier: readonly Kriterium[],
  vurderinger: readonly Vurdering[],
): { kriterier: Kriterium[]; ubrukte: Vurdering[] } {
  const ubrukte = vurderinger.filter((v) => kriterier.find((k) => k.id === v.id)?.status !== 'må vurderes');
  const ut = kriterier.map((k): Kriterium => {
    const v = vurderinger.find((x) => x.id === k.id);
    if (!v || k.status !== 'må vurderes') return k;
    const { mangler: _, ...uten } = k;
    return {
      ...uten,
      status: v.ok ? 'ok' : 'ikke ok',
      grunnlag: `${k.grunnlag} Vurdert av administratoren (--vurdert ${k.id}=${v.ok ? 'ok' : 'ikke-ok'}): ${v.begrunnelse.replace(/\.?$/, '.')}`,
    };
  });
  return { kriterier: ut, ubrukte };
}
