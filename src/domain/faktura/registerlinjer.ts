/** Registerlinjene en fakturering gir: én per målbedrift og periode (vedlegg 3 pkt. 4.1). Ren modul. */
import type { FakturaParametre, Fakturering, Identitet, NyRegisterlinje } from './typer.js';

/** `ider` (orgnr → identitet) fra planleggFakturaer; uten den får linjene bare ordrereferanse og datoer. */
export function registerlinjer(
  f: Fakturering,
  p: Pick<FakturaParametre, 'eurNokKurs' | 'kursdato'>,
  kjoring: string,
  ider?: ReadonlyMap<string, Identitet>,
  /** Issue 20 pkt. 2: orgnr → teksten fra --godta-smb (registerkolonnen smbGodtatt). */
  smbGodtatt?: ReadonlyMap<string, string>,
): NyRegisterlinje[] {
  return f.malbedrifter
    .filter((m) => !ider || ider.has(m.orgnr))
    .map((m) => ({
      periode: f.periode,
      dato: f.fakturadato,
      orgnr: m.orgnr,
      navn: m.navn,
      markedsverdi: m.markedsverdi,
      egenandel: m.egenandel,
      mva: m.mva,
      stotte: m.stotte,
      eurNokKurs: p.eurNokKurs,
      kursdato: p.kursdato,
      stotteEur: m.stotteEur,
      ...(ider?.get(m.orgnr) ?? {
        type: 'faktura' as const,
        fakturadato: f.fakturadato,
        forfallsdato: f.fakturadato,
        ordrereferanse: `${f.periode}-${m.orgnr}`,
      }),
      ...(smbGodtatt?.has(m.orgnr) ? { smbGodtatt: smbGodtatt.get(m.orgnr)! } : {}),
      kjoring,
    }));
}
