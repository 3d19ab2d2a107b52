/**
 * What a number in a chain may be. Out-of-range values never pass silently: a count that cannot be one
 * (negative open interest or volume) rejects its contract with the reason; a price, IV or greek that
 * cannot be one is read as missing and counted, and the counts become warnings. Every bound also keeps
 * the exposure math finite: S^2 * OI * multiplier * gamma stays far below Number.MAX_VALUE.
 */
import { MIN_MEANINGFUL_IV } from './model';

/** Highest price (option or underlying) taken as real; nothing with listed options trades near it. */
const MAX_PRICE = 1e7;
/** Highest open interest or volume taken as real for one contract (the largest real ones are millions). */
const MAX_COUNT = 1e9;
/** IVs above this (500%) are the sources' placeholders (CBOE writes 26.001 on far puts), not volatilities. */
const MAX_MEANINGFUL_IV = 5;
/** Provider greeks beyond these are garbage: |delta| is at most 1; gamma, vega, theta stay far below. */
export const MAX_ABS_DELTA = 1.5;
export const MAX_GAMMA = 1e4;
export const MAX_ABS_GREEK = 1e6;
export const MAX_MULTIPLIER = 1e6;

/** Counts of values read as missing, by why; one tally per parse. */
export interface ValueTally {
  /** IV above 500%. */
  ivPlaceholders: number;
  /** Bid, ask or last below zero. */
  negativePrices: number;
  /** Prices, greeks, IVs or quote times beyond any real value, or text that is not a number. */
  implausible: number;
}

export function newValueTally(): ValueTally {
  return { ivPlaceholders: 0, negativePrices: 0, implausible: 0 };
}

export function tallyWarnings(tally: ValueTally): string[] {
  const warnings: string[] = [];
  if (tally.ivPlaceholders > 0)
    warnings.push(`${tally.ivPlaceholders} IV values above 500% were taken as placeholders and treated as missing`);
  if (tally.negativePrices > 0) warnings.push(`${tally.negativePrices} negative bid, ask or last prices were read as missing`);
  if (tally.implausible > 0) {
    warnings.push(
      `${tally.implausible} prices, greeks or times that cannot be real (not numbers, or beyond any real value) were read as missing`,
    );
  }
  return warnings;
}

/** Open interest or volume: missing reads as 0; negative or implausible is a reason to reject. */
export function countOrReason(value: number | null | undefined, name: string): number | string {
  if (value === null || value === undefined) return 0;
  if (!(value >= 0)) return `${name} ${value} is negative`;
  if (value > MAX_COUNT) return `${name} ${value} is not a plausible count`;
  return value;
}

export function priceOrNull(value: number | null | undefined, tally: ValueTally): number | null {
  if (value === null || value === undefined) return null;
  if (value < 0) {
    tally.negativePrices++;
    return null;
  }
  if (!(value <= MAX_PRICE)) {
    tally.implausible++;
    return null;
  }
  return value;
}

export function ivOrNull(value: number | null | undefined, tally: ValueTally): number | null {
  if (value === null || value === undefined || !(value > MIN_MEANINGFUL_IV)) return null;
  if (value > MAX_MEANINGFUL_IV) {
    tally.ivPlaceholders++;
    return null;
  }
  return value;
}

/** A provider greek within [low, high], else null (counted). */
export function greekOrNull(value: number | null | undefined, low: number, high: number, tally: ValueTally): number | null {
  if (value === null || value === undefined) return null;
  if (!(value >= low && value <= high)) {
    tally.implausible++;
    return null;
  }
  return value;
}

/** Lowest underlying price taken as real: nothing with listed options trades below a tenth of a cent. */
const MIN_SPOT = 0.001;

/**
 * Why a source's underlying price cannot be used as spot (the engine then estimates spot from parity or
 * refuses), or null when it can. Beyond MAX_PRICE, S^2 in the exposure math runs toward overflow; below
 * MIN_SPOT (1e-320, say) it vanishes.
 */
export function spotProblem(value: number): string | null {
  if (!Number.isFinite(value)) return `${value} is not a finite number`;
  if (value <= 0) return `${value} is not a positive price`;
  if (value < MIN_SPOT) return `${value} is below any real price`;
  if (value > MAX_PRICE) return `${value} is beyond any real price`;
  return null;
}
