/**
 * The underlying price the chain's own quotes imply, to check a stated spot against: by call/put parity,
 * S ~ K + C - P at the strike where the call and put mids are closest (nearest the forward), on each of
 * the nearest live expiries with two-sided quotes; the median of up to three such estimates, so one
 * expiry's stale or crossed quotes cannot decide it. Rates and dividends over weeks move it by far less
 * than any threshold it is compared with.
 */
import type { OptionContract } from './model';
import { parityByExpiry } from './parity-pairs';

const EXPIRIES_USED = 3;

export function paritySpot(contracts: readonly OptionContract[], asOf: number): number | null {
  const estimates = parityByExpiry(contracts, asOf)
    .map((estimate) => estimate.spot)
    .filter((spot) => spot > 0)
    .slice(0, EXPIRIES_USED);
  if (estimates.length === 0) return null;
  estimates.sort((a, b) => a - b);
  return estimates[Math.floor((estimates.length - 1) / 2)];
}
