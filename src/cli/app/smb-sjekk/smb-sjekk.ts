/**
 * nh smb-sjekk <orgnr> (issue 22 pkt. 3: les → planlegg → spør → skriv):
 * 1. les (les.ts): orgnr, nh.json, flagg, eierskapsfil, registerdata (nett → hurtigbuffer), støtteregisteret;
 * 2. planlegg (domain/smb/plan.ts, ren): fakta, vurdering, oppfølgingsfelt og spørsmålene som gjenstår;
 * 3. spør (spor.ts, bare på en TTY): ett spørsmål om gangen, så ny plan;
 * 4. skriv: `smb-sjekk/<orgnr>-<i dag>.json` og `.md` og hurtigbufferen, atomisk.
 * Exit 0 kan tas opp (og må vurderes uten --streng), 1 kan ikke, 2 ugyldig inndata. Se docs/smb-sjekk.md.
 */
import path from 'node:path';
import { advarsel, feil, InndataFeil } from '../../../domain/felles/diagnostikk.js';
import type { Plan } from '../../../domain/smb/plan.js';
import { exitKodeFor } from '../../../domain/smb/smb.js';
import { tilBuffer } from '../../../io/brreg/brreg.js';
import { skrivFiler, type Utfil } from '../../../io/skriv/skriv.js';
import type { Kontekst, Resultat } from '../../kontekst.js';
import { lagJson } from './json.js';
import { lesSjekk, MAPPE, type Inndata } from './les.js';
import { sporOgPlanlegg, type Svar } from './spor.js';
import { lagMarkdown, lagTekst } from './utdata.js';
import type { SmbSjekkValg } from './valg.js';

/** Uten registerdata (og uten svar på spørsmålene) kan ingenting vurderes: exit 2 med det som mangler. */
function kravRegisterdata(k: Kontekst, inn: Inndata, plan: Plan): void {
  const mangler = plan.manglerRegisterdata;
  if (!mangler.length) return;
  const grunn = inn.valg.offline
    ? 'Med --offline og uten hurtigbuffer'
    : 'Uten kontakt med Brønnøysundregistrene og uten hurtigbuffer';
  // Nettfeilen står én gang: som en del av feilen, ikke også som advarsel.
  const frakoblet = inn.registerAdvarsler.filter((d) => d.kode === 'frakoblet');
  k.advarsler.splice(0, k.advarsler.length, ...k.advarsler.filter((d) => !frakoblet.includes(d)));
  throw new InndataFeil([
    ...frakoblet.map((d) => ({ ...d, alvor: 'feil' as const })),
    feil(
      'mangler-registerdata',
      `${grunn} trengs flagg for det registeret ellers gir. Mangler: ${mangler.join(', ')}. Kjør med nett, eller oppgi flaggene (også --registrert, --innskutt-ek og --opptjent-ek bør oppgis).`,
      { fil: path.join(MAPPE, 'buffer', `${inn.orgnr}-enhet.json`) },
      { forventet: mangler.join(', ') },
    ),
  ]);
}

/** Posten (og bufferen) skrives atomisk, også når dommen er KAN IKKE TAS OPP: den er dokumentasjon. */
async function skriv(k: Kontekst, inn: Inndata, plan: Plan, svar: Svar[]): Promise<Resultat> {
  const exitKode = exitKodeFor(plan.res.dom, Boolean(inn.valg.streng));
  const json = lagJson({
    orgnr: inn.orgnr,
    idag: k.idag,
    tidspunkt: (inn.oppsett.naa ?? (() => new Date()))(),
    naeringshage: inn.am.config.naeringshage,
    plan,
    kurs: inn.plan.kurs,
    reg: inn.reg,
    raa: inn.raa,
    exitKode,
    valg: inn.valg,
    svar,
  });
  const { json: jsonFil, md } = inn.filer;
  const utfiler: Utfil[] = [
    { sti: jsonFil, innhold: `${JSON.stringify(json, null, 2)}\n` },
    { sti: md, innhold: lagMarkdown(json, plan.fakta, plan.res, path.basename(jsonFil)) },
    ...inn.reg.nye.map((s) => ({ sti: inn.am.sti(...s.sti), innhold: tilBuffer(s.svar) })),
  ];
  await skrivFiler(utfiler, { overskriv: true });
  const filer = { json: jsonFil, md };
  return { json: { ...json, filer }, tekst: lagTekst(json, plan.fakta, plan.res, filer), exitKode };
}

export async function smbSjekk(k: Kontekst, orgnrArg: string | undefined, valg: SmbSjekkValg): Promise<Resultat> {
  const inn = await lesSjekk(k, orgnrArg, valg);
  k.advarsler.push(...inn.registerAdvarsler);
  const { plan, svar } = await sporOgPlanlegg(k, inn);
  kravRegisterdata(k, inn, plan);
  for (const v of plan.res.ubrukteVurderinger)
    k.advarsler.push(
      advarsel(
        'vurdert-ubrukt',
        `--vurdert ${v.id}: kriteriet måtte ikke vurderes (registeret eller tallene avgjør det); vurderingen er ikke brukt.`,
        { fil: 'kommandolinjen', kolonne: '--vurdert' },
      ),
    );
  return skriv(k, inn, plan, svar);
}
