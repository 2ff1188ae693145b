/**
 * nh.json → «smb»: oppsettet `nh smb-sjekk` leser. Skjemaet står i configSkjema (src/domain/konfig/config.ts),
 * så en ukjent nøkkel (f.eks. «smb.innovasjonselskaper») er en feil med forslag, som i resten av nh.json
 * (issue 22 pkt. 7), og et ugyldig orgnr en feil med feltets sti.
 */
import { z } from 'zod';
import { normaliserOrgnr, orgnrFeil } from '../felles/orgnr.js';

const orgnrJson = z.string().transform((v, ctx) => {
  const s = normaliserOrgnr(v);
  const g = orgnrFeil(s);
  if (g) {
    ctx.addIssue({ code: 'custom', message: `ugyldig organisasjonsnummer «${v}»: ${g}` });
    return z.NEVER;
  }
  return s;
});

export const smbOppsettSkjema = z.strictObject({
  /** Orgnr for andre innovasjonsselskap (næringshager, inkubatorer, parker): programveileder 4.3. */
  innovasjonsselskaper: z.array(orgnrJson).default([]),
});
