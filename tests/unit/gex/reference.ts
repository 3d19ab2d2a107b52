/**
 * An independent, deliberately plain implementation of the design card's definitions, written for the
 * tests only: per-contract loops over the parsed snapshot, textbook formulas, no shared code with lib/gex.
 */
import type { ChainSnapshot } from '../../../lib/chain/model';

const YEAR = 365 * 86400 * 1000;

export function textbookGamma(spot: number, strike: number, years: number, vol: number, rate: number, dividend: number): number {
  const d1 = (Math.log(spot / strike) + (rate - dividend + (vol * vol) / 2) * years) / (vol * Math.sqrt(years));
  const density = Math.exp((-d1 * d1) / 2) / Math.sqrt(2 * Math.PI);
  return (Math.exp(-dividend * years) * density) / (spot * vol * Math.sqrt(years));
}

export interface ReferenceOptions {
  at?: number;
  rate?: number;
  dividend?: number;
  callSign?: number;
  putSign?: number;
  /** Spot at which to price (the snapshot's by default). */
  priceAt?: number;
}

/** Sum of GEX (dollars per 1% move) per strike for calls and puts, plus the total. */
export function referenceExposures(snapshot: ChainSnapshot, options: ReferenceOptions = {}) {
  const at = options.at ?? snapshot.asOf;
  const spot = options.priceAt ?? (snapshot.spot as number);
  const calls = new Map<number, number>();
  const puts = new Map<number, number>();
  let total = 0;
  for (const contract of snapshot.contracts) {
    if (contract.settlement <= at || contract.openInterest <= 0 || contract.adjusted) continue;
    let gamma: number;
    if (contract.iv !== null) {
      gamma = textbookGamma(spot, contract.strike, (contract.settlement - at) / YEAR, contract.iv, options.rate ?? 0, options.dividend ?? 0);
    } else if (contract.gamma !== null && contract.gamma > 0) {
      gamma = contract.gamma;
    } else {
      continue;
    }
    const sign = contract.type === 'C' ? (options.callSign ?? 1) : (options.putSign ?? -1);
    const gex = sign * gamma * contract.openInterest * contract.multiplier * spot * spot * 0.01;
    const side = contract.type === 'C' ? calls : puts;
    side.set(contract.strike, (side.get(contract.strike) ?? 0) + gex);
    total += gex;
  }
  return { calls, puts, total };
}

/** The key with the largest |value|. */
export function argMaxAbs(values: Map<number, number>): number {
  let best = Number.NaN;
  let bestValue = -1;
  for (const [key, value] of values) {
    if (Math.abs(value) > bestValue) {
      best = key;
      bestValue = Math.abs(value);
    }
  }
  return best;
}
