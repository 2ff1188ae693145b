/**
 * nh årsrapport --år: det rapporten sier om AVI — hva som kan rapporteres (10.4 pkt. 1), registreringen av aktive
 * målbedrifter (11.1, 31. desember) — og utviklingsplanen per målbedrift (8.2). Tekst og --json.
 */
import type { AarsrapportPlan } from '../../../domain/aarsrapport/plan.js';
import type { AviStatus, AviStotte } from '../../../domain/aarsrapport/avi.js';
import { formatKroner } from '../../../domain/felles/penger.js';
import { AVI_LOGG } from '../../../io/kts/avi-logg.js';
import { farge, tekstTabell } from '../../utskrift.js';
import { kr } from '../felles.js';
import type { Data } from './data.js';

/** 10.4 pkt. 1: det som kan rapporteres i AVI, per målbedrift (registeret er gitt støtte og endres ikke). */
export function aviJson(a: AviStotte) {
  return {
    gittStotte: kr(a.gitt),
    hoyst: kr(a.hoyst),
    rapporteres: kr(a.tilAvi),
    tattUt: kr(a.tattUt),
    fordeling: a.tattUt > 0 ? 'forholdsmessig etter gitt støtte (største rest, til øret)' : null,
    malbedrifter: a.rader.map((r) => ({
      orgnr: r.orgnr,
      navn: r.navn,
      gitt: kr(r.gitt),
      rapporteres: kr(r.tilAvi),
      tattUt: kr(r.tattUt),
    })),
  };
}

/** 11.1: hvor mange av de aktive som står i en AVI-opplasting (avi-logg), eller at det ikke kan kontrolleres. */
export function registreringLinje(plan: AarsrapportPlan): string[] {
  const s = plan.aviStatus;
  if (!plan.aktive.length) return [];
  if (s === null) return [`AVI-loggen (${AVI_LOGG}) finnes ikke: registreringen i AVI kan ikke kontrolleres her.`];
  const n = (x: AviStatus) => plan.aktive.filter((m) => s.get(m.orgnr) === x).length;
  const tekst = `I AVI-loggen: ${n('ja')} lastet opp, ${n('antatt')} antatt registrert fra før, ${n('nei')} ikke lastet opp.`;
  return [n('nei') ? farge.yellow(tekst) : tekst];
}

/**
 * 10.4 pkt. 1: i AVI kan det ikke rapporteres mer brukt enn disponibelt. Innenfor: den gitte støtten rapporteres.
 * Merforbruk: høyst disponibelt, og tabellen viser hva som tas ut per målbedrift (registeret står som det er).
 */
export function aviTekst(plan: AarsrapportPlan): string[] {
  const { aar, halvar, avi } = plan;
  if (halvar) return [];
  const frist = `Rapporteres i AVI innen 15. januar ${aar + 1} (11.1, 10.4)`;
  if (avi.tattUt === 0) {
    return [
      `${frist}: ${formatKroner(avi.tilAvi)} kr — den gitte støtten, innenfor disponibelt ${formatKroner(avi.hoyst)} kr.`,
    ];
  }
  return [
    farge.red(
      `${frist}: høyst ${formatKroner(avi.hoyst)} kr (disponibelt), ikke hele den gitte støtten ${formatKroner(avi.gitt)} kr. Merforbruket ${formatKroner(avi.tattUt)} kr tas ut forholdsmessig per målbedrift; støtteregisteret endres ikke (det er gitt støtte).`,
    ),
    tekstTabell(
      ['Målbedrift', 'Orgnr', 'Gitt støtte', 'Rapporteres i AVI', 'Tatt ut'],
      [
        ...avi.rader.map((r) => [
          r.navn,
          r.orgnr,
          formatKroner(r.gitt),
          formatKroner(r.tilAvi),
          formatKroner(r.tattUt),
        ]),
        ['Sum', '', formatKroner(avi.gitt), formatKroner(avi.tilAvi), formatKroner(avi.tattUt)],
      ],
      [false, false, true, true, true],
    ),
  ];
}

export const AVI_STATUS_TEKST: Record<AviStatus | 'ukjent', string> = {
  ja: 'ja',
  antatt: 'antatt (før loggen)',
  nei: 'nei',
  ukjent: 'ukjent (ingen logg)',
};

/** 8.2: utviklingsplanen (dato eller referanse) per orgnr fra malbedrifter. */
export function utviklingsplaner(data: Data): Map<string, string> {
  return new Map(
    data.malbedrifter.filter((m) => m.utviklingsplan?.trim()).map((m) => [m.orgnr, m.utviklingsplan!.trim()]),
  );
}
