import {
  BANK_FORSIKRING_FORMER,
  BANK_FORSIKRING_NACE,
  INNOVASJONSORD,
  KANSKJE_BANK_NACE,
  KANSKJE_OFFENTLIGE_FORMER,
  KILDE,
  OFFENTLIGE_FORMER,
  OFFENTLIGE_SEKTORER,
  PRIVATE_SEKTORER,
  SJELDNE_FORMER,
  UTENLANDSKE_FORMER,
} from './lister.js';
import { fra, type Kriterium, type SmbFakta } from './typer.js';

const ORGFORM = 'organisasjonsformen (--orgform)';

function naceStarter(nace: readonly string[], prefiks: readonly string[]): string | null {
  for (const n of nace) for (const p of prefiks) if (n.startsWith(p)) return n;
  return null;
}

/** Programveileder 4.3: ASA kan ikke tas opp. */
export function kriteriumAsa(f: SmbFakta): Kriterium {
  const base = { id: 'asa', tittel: 'Ikke allmennaksjeselskap (ASA)', kilde: KILDE.asa };
  if (!f.orgform) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: 'Organisasjonsformen er ukjent (ikke fra registeret og ikke oppgitt med --orgform).',
      mangler: ORGFORM,
    };
  }
  if (f.orgform.verdi === 'ASA') {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Organisasjonsform ASA${fra(f.orgform)}: allmennaksjeselskap kan ikke være målbedrift.`,
    };
  }
  return { ...base, status: 'ok', grunnlag: `Organisasjonsform ${f.orgform.verdi}${fra(f.orgform)}.` };
}

/** Definisjoner «SMB» / GBER vedlegg I: et NUF er en filial; SMB-statusen gjelder foretaket i utlandet. */
export function kriteriumUtenlandsk(f: SmbFakta): Kriterium {
  const base = {
    id: 'utenlandsk-foretak',
    tittel: 'Ikke filial av et utenlandsk foretak (NUF)',
    kilde: KILDE.utenlandsk,
  };
  const form = f.orgform?.verdi;
  if (form && UTENLANDSKE_FORMER[form]) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `Organisasjonsform ${form} (${UTENLANDSKE_FORMER[form]})${fra(f.orgform)}: SMB-statusen avhenger av foretaket i utlandet som helhet (årsverk, omsetning, balanse og eierskap), ikke av den norske filialen. Registrene her viser bare filialen. Hent tallene for hele foretaket og oppgi dem med --ansatte, --omsetning og --balanse.`,
      mangler: 'en vurdering av foretaket i utlandet som helhet (filial: tallene for hele foretaket)',
    };
  }
  return { ...base, status: 'ok', grunnlag: `Organisasjonsform ${form ?? 'ukjent'}: ikke NUF eller utenlandsk enhet.` };
}

/** Programveileder 4.3 og GBER vedlegg I art. 3 nr. 4: offentlig eide foretak kan ikke tas opp. */
export function kriteriumOffentlig(f: SmbFakta): Kriterium {
  const base = { id: 'offentlig-eid', tittel: 'Ikke offentlig eid foretak', kilde: KILDE.offentlig };
  const form = f.orgform?.verdi;
  const sektor = f.sektor?.verdi;
  const sektorTekst = sektor
    ? `${sektor} (${f.sektor?.beskrivelse ?? OFFENTLIGE_SEKTORER[sektor] ?? PRIVATE_SEKTORER[sektor] ?? 'ukjent kode'})`
    : '';
  if (form && OFFENTLIGE_FORMER[form]) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Organisasjonsform ${form} (${OFFENTLIGE_FORMER[form]})${fra(f.orgform)} er offentlig.`,
    };
  }
  if (sektor && OFFENTLIGE_SEKTORER[sektor]) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Institusjonell sektorkode ${sektorTekst}${fra(f.sektor)}: koden betyr at staten eller kommunene kontrollerer foretaket, altså offentlig kontroll på 25 % eller mer (GBER vedlegg I art. 3 nr. 4).`,
    };
  }
  if (form && KANSKJE_OFFENTLIGE_FORMER[form]) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `Organisasjonsform ${form} (${KANSKJE_OFFENTLIGE_FORMER[form]})${fra(f.orgform)} er som regel offentlig eid${sektor ? `; sektorkode ${sektorTekst}` : ''}. Kontroller eierskapet.`,
      mangler: `en vurdering av om det offentlige eier 25 % eller mer (organisasjonsform ${form})`,
    };
  }
  if (!form) return { ...base, status: 'må vurderes', grunnlag: 'Organisasjonsformen er ukjent.', mangler: ORGFORM };
  if (sektor && !PRIVATE_SEKTORER[sektor]) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `Institusjonell sektorkode ${sektorTekst}${fra(f.sektor)} er ikke i listen over private eller offentlige koder («nh docs smb-sjekk»). Kontroller om det offentlige eier 25 % eller mer.`,
      mangler: `en vurdering av om det offentlige eier 25 % eller mer (sektorkode ${sektor})`,
    };
  }
  const privat = sektor
    ? `sektorkode ${sektorTekst}: ikke offentlig kontrollert (over 50 %). En offentlig eierandel på 25–50 % synes ikke i koden; den vurderes under «eierskap».`
    : 'ingen sektorkode. Offentlig eierskap vurderes under «eierskap».';
  return { ...base, status: 'ok', grunnlag: `Organisasjonsform ${form}, ${privat}` };
}

/** Programveileder 4.3: banker og forsikringsselskap kan ikke tas opp. */
export function kriteriumBank(f: SmbFakta): Kriterium {
  const base = { id: 'bank-forsikring', tittel: 'Ikke bank eller forsikringsselskap', kilde: KILDE.bank };
  const form = f.orgform?.verdi;
  const nace = f.nace?.verdi ?? [];
  if (form && BANK_FORSIKRING_FORMER[form]) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Organisasjonsform ${form} (${BANK_FORSIKRING_FORMER[form]})${fra(f.orgform)}.`,
    };
  }
  const bank = naceStarter(nace, BANK_FORSIKRING_NACE);
  if (bank) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Næringskode ${bank}${fra(f.nace)}: NACE 64.1 (bankvirksomhet) og 65 (forsikring, pensjonskasser) regnes som bank/forsikring.`,
    };
  }
  const kanskje = naceStarter(nace, KANSKJE_BANK_NACE);
  if (kanskje) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `Næringskode ${kanskje}${fra(f.nace)}: NACE 64.9 omfatter kredittforetak og finansieringsforetak. Kontroller om bedriften er en kredittinstitusjon.`,
      mangler: `en vurdering av om bedriften er en kredittinstitusjon (NACE ${kanskje})`,
    };
  }
  if (!f.nace && !form)
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: 'Verken organisasjonsform eller næringskode er kjent.',
      mangler: 'organisasjonsform eller næringskode (--orgform, --nace)',
    };
  return {
    ...base,
    status: 'ok',
    grunnlag: `Organisasjonsform ${form ?? 'ukjent'}, næringskode ${nace.length ? nace.join(', ') : 'ukjent'}${fra(f.nace)}: ikke bank eller forsikring.`,
  };
}

/** Programveileder 4.3: andre innovasjonsselskap. Ingen register sier dette: flagg eller liste i nh.json. */
export function kriteriumInnovasjonsselskap(f: SmbFakta): Kriterium {
  const base = { id: 'innovasjonsselskap', tittel: 'Ikke et annet innovasjonsselskap', kilde: KILDE.innovasjon };
  if (f.innovasjonsselskap.verdi)
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Oppgitt som innovasjonsselskap (${f.innovasjonsselskap.fra}).`,
    };
  const navn = (f.navn ?? '').toUpperCase();
  const ord = INNOVASJONSORD.find((o) => navn.includes(o));
  if (ord) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `Navnet «${f.navn}» inneholder «${ord}». Ingen register sier om et selskap er næringshage, inkubator eller park; kontroller og bruk --innovasjonsselskap.`,
      mangler: 'en vurdering av om bedriften er næringshage, inkubator eller park (ja: --innovasjonsselskap)',
    };
  }
  return {
    ...base,
    status: 'ok',
    grunnlag:
      'Ikke oppgitt som innovasjonsselskap (--innovasjonsselskap eller smb.innovasjonsselskaper i nh.json). Intet register viser dette; administratoren bekrefter det ved å kjøre sjekken.',
  };
}

/** Programveileder 4.3: stiftelser, lag og foreninger, NACE 94, opplæringskontor o.l. bare i svært sjeldne tilfeller. */
export function kriteriumSjelden(f: SmbFakta): Kriterium {
  const base = {
    id: 'sjelden',
    tittel: 'Ikke stiftelse, forening, NACE 94 e.l. (svært sjeldne tilfeller)',
    kilde: KILDE.sjelden,
  };
  const grunner: string[] = [];
  const form = f.orgform?.verdi;
  if (form && SJELDNE_FORMER[form]) grunner.push(`organisasjonsform ${form} (${SJELDNE_FORMER[form]})`);
  const n94 = (f.nace?.verdi ?? []).filter((n) => n.startsWith('94'));
  if (n94.length) grunner.push(`næringskode ${n94.join(', ')} (NACE 94: medlemsorganisasjoner)`);
  if (/OPPLÆRINGSKONTOR|OPPLAERINGSKONTOR/i.test(f.navn ?? '')) grunner.push('navnet tyder på et opplæringskontor');
  if (grunner.length) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag: `Advarsel: ${grunner.join('; ')}. Slike kan bare i svært sjeldne tilfeller motta innovasjonsstøtte, fordi støtten krever økonomisk aktivitet (næringsvirksomhet). Dokumenter hvorfor bedriften likevel driver næringsvirksomhet.`,
      mangler: 'en vurdering av om bedriften driver næringsvirksomhet (svært sjeldne tilfeller)',
    };
  }
  return {
    ...base,
    status: 'ok',
    grunnlag: `Organisasjonsform ${form ?? 'ukjent'}, næringskode ${(f.nace?.verdi ?? []).join(', ') || 'ukjent'}: ingen av formene eller kodene i listen.`,
  };
}
