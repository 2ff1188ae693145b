/**
 * Penger som heltall øre, satser som heltall ppm (milliontedeler).
 * Hvorfor: kroner som flyttall gir øreavvik i summer; revisor skal kunne summere linjene til totalen.
 * Avrunding overalt: til nærmeste øre, halv opp (bort fra null), det samme som Excels AVRUND/ROUND.
 *
 *   mulDivRund(100_000_00, 750_000, PPM) // 75 % av 100 000 kr = 7 500 000 øre
 */
export type Ore = number;
/** Sats i milliontedeler: 75 % = 750 000, 1,2 ‰ = 1 200. */
export type Ppm = number;
export const PPM = 1_000_000;

/** a × teller / nevner, avrundet til nærmeste heltall, halv bort fra null. Eksakt (BigInt) også for store tall. */
export function mulDivRund(a: number, teller: number, nevner: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(teller) || !Number.isInteger(nevner)) {
    throw new Error(`mulDivRund krever heltall (${a}, ${teller}, ${nevner})`);
  }
  if (nevner === 0) throw new Error('mulDivRund: divisjon med null');
  return Number(divRundBig(BigInt(a) * BigInt(teller), BigInt(nevner)));
}

/** Heltallsdivisjon avrundet halv bort fra null. */
export function divRundBig(teller: bigint, nevner: bigint): bigint {
  const neg = teller < 0n !== nevner < 0n;
  const t = teller < 0n ? -teller : teller;
  const n = nevner < 0n ? -nevner : nevner;
  const q = (2n * t + n) / (2n * n);
  return neg ? -q : q;
}

/** Andel (ppm) av et øre-beløp, avrundet til øre. */
export function andel(ore: Ore, sats: Ppm): Ore {
  return mulDivRund(ore, sats, PPM);
}

/** a × teller / nevner rundet OPP til nærmeste heltall (mot +∞), eksakt i BigInt. Som Excels ROUNDUP for a ≥ 0. */
export function mulDivOpp(a: number, teller: number, nevner: number): number {
  if (!Number.isInteger(a) || !Number.isInteger(teller) || !Number.isInteger(nevner)) {
    throw new Error(`mulDivOpp krever heltall (${a}, ${teller}, ${nevner})`);
  }
  if (nevner === 0) throw new Error('mulDivOpp: divisjon med null');
  let t = BigInt(a) * BigInt(teller);
  let n = BigInt(nevner);
  if (n < 0n) {
    t = -t;
    n = -n;
  }
  const q = t / n; // avkortet mot null
  return Number(t % n !== 0n && t > 0n ? q + 1n : q);
}

/**
 * Andel (ppm) av et øre-beløp rundet OPP til øre. Brukes for egenandelen (issue 20 pkt. 12): med egenandelen
 * rundet opp blir støtten = markedsverdi − egenandel aldri mer enn intensiteten av markedsverdien
 * (markedsverdi 13,33 kr ved 75 %: egenandel 3,34, støtte 9,99 = 74,94 %, ikke 3,33 / 10,00 = 75,02 %).
 */
export function andelOpp(ore: Ore, sats: Ppm): Ore {
  return mulDivOpp(ore, sats, PPM);
}

/** øre → kroner som tall med to desimaler (kun for visning/JSON, aldri for videre regning). */
export function tilKroner(ore: Ore): number {
  return ore / 100;
}

const NBSP_TUSEN = '\u00a0';

/** «1 234 567,50» med hardt mellomrom som tusenskille (norsk skrivemåte). */
export function formatKroner(ore: Ore, medKr = false): string {
  const neg = ore < 0;
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100).toString();
  const o = (abs % 100).toString().padStart(2, '0');
  const gruppert = kr.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP_TUSEN);
  return `${neg ? '−' : ''}${gruppert},${o}${medKr ? ' kr' : ''}`;
}

/** ppm → «75 %», «14,1 %» (inntil fire desimaler, uten etterfølgende nuller). */
export function formatProsent(sats: Ppm): string {
  const s = (sats / 10_000)
    .toFixed(4)
    .replace(/\.?0+$/, '')
    .replace('.', ',');
  return `${s} %`;
}

/** ppm → prosent som tall (75 for 75 %) for JSON. */
export function ppmTilProsent(sats: Ppm): number {
  return Number((sats / 10_000).toFixed(4));
}
