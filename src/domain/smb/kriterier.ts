/**
 * SMB-kriteriene for form og størrelse (programveileder Begrep/definisjoner «SMB», 4.3 og
 * vedlegg 3 pkt. 2; GBER vedlegg I art. 2–6). Ren kjerne: fakta inn, kriterium med status, grunnlag og kilde ut.
 */
import { leggTilAar, type Dato } from '../felles/dato.js';
import type { Ore } from '../felles/penger.js';
import {
  ARSVERK_GRENSE,
  BALANSE_GRENSE_EUR_CENT,
  BANK_FORSIKRING_FORMER,
  BANK_FORSIKRING_NACE,
  INNOVASJONSORD,
  KANSKJE_BANK_NACE,
  KANSKJE_OFFENTLIGE_FORMER,
  KILDE,
  OFFENTLIGE_FORMER,
  OFFENTLIGE_SEKTORER,
  OMSETNING_GRENSE_EUR_CENT,
  PRIVATE_SEKTORER,
  SJELDNE_FORMER,
  UTENLANDSKE_FORMER,
} from './lister.js';
import {
  dato,
  eur,
  formatArsverk,
  fra,
  kursTekst,
  nok,
  nokTilEur,
  overEurGrense,
  type Aggregert,
  type Kildeverdi,
  type Kriterium,
  type Kurs,
  type SmbFakta,
} from './typer.js';

export function naceStarter(nace: readonly string[], prefiks: readonly string[]): string | null {
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
      grunnlag: 'Organisasjonsformen er ukjent (ikke fra registeret og ikke ' + 'oppgitt med --orgform).',
    };
  }
  if (f.orgform.verdi === 'ASA') {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Organisasjonsform ASA${fra(f.orgform)}: allmennaksjeselskap kan ` + `ikke være målbedrift.`,
    };
  }
  return { ...base, status: 'ok', grunnlag: `Organisasjonsform ${f.orgform.verdi}${fra(f.orgform)}.` };
}

/** Definisjoner «SMB» / GBER vedlegg I: et NUF er en filial; SMB-statusen gjelder foretaket i utlandet. */
export function kriteriumUtenlandsk(f: SmbFakta): Kriterium {
  const base = {
    id: 'utenlandsk-foretak',
    tittel: 'Ikke filial av et utenlandsk foretak ' + '(NUF)',
    kilde: KILDE.utenlandsk,
  };
  const form = f.orgform?.verdi;
  if (form && UTENLANDSKE_FORMER[form]) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag:
        `Organisasjonsform ${form} (${UTENLANDSKE_FORMER[form]})${fra(f.orgform)}: SMB-statusen avhenger av foretaket ` +
        'i utlandet som helhet (årsverk, omsetning, balanse og eierskap), ikke av den norske filialen. Registrene ' +
        'her viser bare filialen. Hent tallene for hele foretaket og oppgi dem med --ansatte, --omsetning og ' +
        '--balanse.',
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
    ? `${sektor} ` +
      `(${f.sektor?.beskrivelse ?? OFFENTLIGE_SEKTORER[sektor] ?? PRIVATE_SEKTORER[sektor] ?? 'ukjent kode'})`
    : '';
  if (form && OFFENTLIGE_FORMER[form]) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Organisasjonsform ${form} ` + `(${OFFENTLIGE_FORMER[form]})${fra(f.orgform)} er offentlig.`,
    };
  }
  if (sektor && OFFENTLIGE_SEKTORER[sektor]) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag:
        `Institusjonell sektorkode ${sektorTekst}${fra(f.sektor)}: koden betyr at staten eller kommunene kontrollerer ` +
        'foretaket, altså offentlig kontroll på 25 % eller mer (GBER vedlegg I art. 3 nr. 4).',
    };
  }
  if (form && KANSKJE_OFFENTLIGE_FORMER[form]) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag:
        `Organisasjonsform ${form} (${KANSKJE_OFFENTLIGE_FORMER[form]})${fra(f.orgform)} er som regel ` +
        `offentlig eid${sektor ? `; sektorkode ${sektorTekst}` : ''}. Kontroller eierskapet.`,
    };
  }
  if (!form) return { ...base, status: 'må vurderes', grunnlag: 'Organisasjonsformen er ukjent.' };
  if (sektor && !PRIVATE_SEKTORER[sektor]) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag:
        `Institusjonell sektorkode ${sektorTekst}${fra(f.sektor)} er ikke i listen over private eller ` +
        `offentlige koder («nh docs smb-sjekk»). Kontroller om det offentlige eier 25 % eller mer.`,
    };
  }
  const privat = sektor
    ? `sektorkode ${sektorTekst}: ikke offentlig kontrollert (over 50 %). En offentlig eierandel på 25–50 % synes ikke ` +
      `i koden; den vurderes under «eierskap».`
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
      grunnlag: `Organisasjonsform ${form} ` + `(${BANK_FORSIKRING_FORMER[form]})${fra(f.orgform)}.`,
    };
  }
  const bank = naceStarter(nace, BANK_FORSIKRING_NACE);
  if (bank) {
    return {
      ...base,
      status: 'ikke ok',
      grunnlag:
        `Næringskode ${bank}${fra(f.nace)}: NACE 64.1 (bankvirksomhet) og ` +
        `65 (forsikring, pensjonskasser) regnes som bank/forsikring.`,
    };
  }
  const kanskje = naceStarter(nace, KANSKJE_BANK_NACE);
  if (kanskje) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag:
        `Næringskode ${kanskje}${fra(f.nace)}: NACE 64.9 omfatter ` +
        `kredittforetak og finansieringsforetak. Kontroller om bedriften er en kredittinstitusjon.`,
    };
  }
  if (!f.nace && !form)
    return { ...base, status: 'må vurderes', grunnlag: 'Verken organisasjonsform eller næringskode ' + 'er kjent.' };
  return {
    ...base,
    status: 'ok',
    grunnlag:
      `Organisasjonsform ${form ?? 'ukjent'}, næringskode ` +
      `${nace.length ? nace.join(', ') : 'ukjent'}${fra(f.nace)}: ikke bank eller forsikring.`,
  };
}

/** Programveileder 4.3: andre innovasjonsselskap. Ingen register sier dette: flagg eller liste i nh.json. */
export function kriteriumInnovasjonsselskap(f: SmbFakta): Kriterium {
  const base = { id: 'innovasjonsselskap', tittel: 'Ikke et annet innovasjonsselskap', kilde: KILDE.innovasjon };
  if (f.innovasjonsselskap.verdi)
    return {
      ...base,
      status: 'ikke ok',
      grunnlag: `Oppgitt som innovasjonsselskap ` + `(${f.innovasjonsselskap.fra}).`,
    };
  const navn = (f.navn ?? '').toUpperCase();
  const ord = INNOVASJONSORD.find((o) => navn.includes(o));
  if (ord) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag:
        `Navnet «${f.navn}» inneholder «${ord}». Ingen register sier om ` +
        `et selskap er næringshage, inkubator eller park; kontroller og bruk --innovasjonsselskap.`,
    };
  }
  return {
    ...base,
    status: 'ok',
    grunnlag:
      'Ikke oppgitt som innovasjonsselskap (--innovasjonsselskap eller ' +
      'smb.innovasjonsselskaper i nh.json). Intet register viser dette; administratoren bekrefter det ved å kjøre ' +
      'sjekken.',
  };
}

/** Programveileder 4.3: stiftelser, lag og foreninger, NACE 94, opplæringskontor o.l. bare i svært sjeldne tilfeller. */
export function kriteriumSjelden(f: SmbFakta): Kriterium {
  const base = {
    id: 'sjelden',
    tittel: 'Ikke stiftelse, forening, NACE 94 e.l. (svært sjeldne ' + 'tilfeller)',
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
      grunnlag:
        `Advarsel: ${grunner.join('; ')}. Slike kan bare i svært sjeldne tilfeller motta innovasjonsstøtte, ` +
        `fordi støtten krever økonomisk aktivitet (næringsvirksomhet). Dokumenter hvorfor bedriften likevel driver ` +
        `næringsvirksomhet.`,
    };
  }
  return {
    ...base,
    status: 'ok',
    grunnlag:
      `Organisasjonsform ${form ?? 'ukjent'}, næringskode ` +
      `${(f.nace?.verdi ?? []).join(', ') || 'ukjent'}: ingen av formene eller kodene i listen.`,
  };
}

/** Definisjoner «SMB»: færre enn 250 årsverk (egne + partnere forholdsmessig + tilknyttede fullt). */
export function kriteriumArsverk(f: SmbFakta, a: Aggregert): Kriterium {
  const base = { id: 'arsverk', tittel: 'Færre enn 250 årsverk', kilde: KILDE.arsverk };
  if (!f.arsverk || a.arsverk === null) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag:
        'Antall ansatte/årsverk er ukjent: Enhetsregisteret oppgir ikke ' +
        'antallet (antall ansatte mangler i svaret). Oppgi årsverk med --ansatte.',
    };
  }
  const bidrag = a.fraPartnere.arsverk + a.fraTilknyttede.arsverk;
  const egne = f.arsverk.intervall
    ? `${f.arsverk.intervall} ansatte (regnet som ` + `${formatArsverk(f.arsverk.verdi)})`
    : `${formatArsverk(f.arsverk.verdi)}${f.arsverk.erAntallAnsatte ? ' ansatte' : ' årsverk'}`;
  const tall = `${egne}${fra(f.arsverk)}${bidrag ? ` + ${formatArsverk(a.fraPartnere.arsverk)} fra partnere + ${formatArsverk(a.fraTilknyttede.arsverk)} fra tilknyttede = ${formatArsverk(a.arsverk)}` : ''}`;
  if (a.arsverk < ARSVERK_GRENSE) {
    const merknad = f.arsverk.erAntallAnsatte
      ? ' Antall ansatte fra Enhetsregisteret brukes som tilnærming til ' +
        'årsverk (deltid gir færre årsverk enn ansatte).'
      : '';
    return { ...base, status: 'ok', grunnlag: `${tall} < 250.${merknad}` };
  }
  if (f.arsverk.erAntallAnsatte) {
    return {
      ...base,
      status: 'må vurderes',
      grunnlag:
        `${tall} ≥ 250. Registeret teller ansatte, ikke årsverk; deltid ` +
        `og lærlinger kan gi under 250 årsverk. Oppgi årsverk med --ansatte.`,
    };
  }
  return { ...base, status: 'ikke ok', grunnlag: `${tall} ≥ 250: stor bedrift.` };
}

/** Definisjoner «SMB»: omsetning ≤ 50 MEUR og/eller balanse ≤ 43 MEUR; over begge = stor. */
export function kriteriumOkonomi(f: SmbFakta, a: Aggregert, kurs: Kurs, idag: Dato): Kriterium {
  const base = {
    id: 'omsetning-balanse',
    tittel: 'Omsetning ≤ 50 MEUR og/eller balanse ≤ 43 ' + 'MEUR',
    kilde: KILDE.okonomi,
  };
  const deler: string[] = [];
  const vurder = (
    navn: string,
    v: Kildeverdi<Ore>,
    sum: Ore | null,
    grense: number,
    grenseTekst: string,
    bidrag: Ore,
  ): boolean | null => {
    if (!v || sum === null) {
      deler.push(`${navn} ukjent`);
      return null;
    }
    const over = overEurGrense(sum, grense, kurs.kurs);
    const med = bidrag ? ` + ${nok(bidrag)} fra partnere/tilknyttede = ${nok(sum)}` : '';
    deler.push(
      `${navn} ${nok(v.verdi)}${fra(v)}${med} = ${eur(nokTilEur(sum, kurs.kurs))} ${over ? '>' : '≤'} ` +
        `${grenseTekst}`,
    );
    return over;
  };
  const p = a.fraPartnere;
  const t = a.fraTilknyttede;
  const oOver = vurder(
    'omsetning',
    f.omsetning,
    a.omsetning,
    OMSETNING_GRENSE_EUR_CENT,
    '50 ' + 'MEUR',
    p.omsetning + t.omsetning,
  );
  const bOver = vurder('balanse', f.balanse, a.balanse, BALANSE_GRENSE_EUR_CENT, '43 MEUR', p.balanse + t.balanse);
  const rp = f.regnskapsperiode;
  const periode = rp ? ` Årsregnskap ${dato(rp.fra)}–${dato(rp.til)} (siste publiserte).` : '';
  const tekst = `${deler.join('; ')}; ${kursTekst(kurs)}.${periode}`;
  if (oOver === false || bOver === false) {
    const en = oOver === true || bOver === true;
    return { ...base, status: 'ok', grunnlag: `${tekst}${en ? ' Over bare én av grensene: fortsatt SMB.' : ''}` };
  }
  if (oOver === true && bOver === true)
    return { ...base, status: 'ikke ok', grunnlag: `${tekst} Over begge grensene: ` + `stor bedrift.` };
  const ny = f.registrert && f.registrert.verdi > leggTilAar(idag, -2);
  let hvorfor: string;
  if (f.regnskapMerknad)
    hvorfor = ` ${f.regnskapMerknad} Oppgi --omsetning og --balanse i kroner fra siste ` + `årsregnskap.`;
  else if (ny) {
    hvorfor =
      ` Nyetablert (registrert ${dato(f.registrert!.verdi)}) uten publisert årsregnskap: oppgi et anslag i god ` +
      `tro for inneværende regnskapsår med --omsetning og --balanse (GBER vedlegg I art. 4 nr. 3).`;
  } else
    hvorfor =
      ' Fant ikke tall i Regnskapsregisteret (ikke regnskapspliktig, eller ikke levert); oppgi ' +
      '--omsetning og --balanse fra siste årsregnskap.';
  return { ...base, status: 'må vurderes', grunnlag: `${tekst}${hvorfor}` };
}
