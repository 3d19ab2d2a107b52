/** Spot from call/put parity when a chain gives no underlying price: S ~ K + (C - P) on the nearest expiry. */
import type { OptionContract } from '../chain/model';
import { parityByExpiry } from '../chain/parity-pairs';

export interface SpotEstimate {
  spot: number;
  expiry: string;
  strike: number;
}

/**
 * On the nearest live expiry with two-sided quotes, the strike where |C - P| is smallest sits nearest
 * the forward; K + C - P there estimates spot (rates and dividends over days are negligible here).
 */
export function estimateSpotFromParity(contracts: readonly OptionContract[], nowMs: number): SpotEstimate | null {
  return parityByExpiry(contracts, nowMs)[0] ?? null;
}
