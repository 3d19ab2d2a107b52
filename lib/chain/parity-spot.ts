/**
 * The underlying price the chain's own quotes imply, to check a stated spot against: by call/put parity,
 * S ~ K + C - P at the strike where the call and put mids are closest (nearest the forward), on each of
 * the nearest live expiries with two-sided quotes; the median of up to three such estimates, so one
 * expiry's stale or crossed quotes cannot decide it. Rates and dividends over weeks move it by far less
 * than any threshold it is compared with.
 */
import type { OptionContract } from './model';

const EXPIRIES_USED = 3;

function mid(contract: OptionContract): number | null {
  const { bid, ask } = contract;
  if (bid === null || ask === null || !(ask > 0) || bid < 0 || ask < bid) return null;
  return (bid + ask) / 2;
}

export function paritySpot(contracts: readonly OptionContract[], asOf: number): number | null {
  const byExpiry = new Map<string, Map<number, { call?: number; put?: number }>>();
  for (const contract of contracts) {
    if (contract.settlement <= asOf || contract.adjusted) continue;
    const price = mid(contract);
    if (price === null) continue;
    let strikes = byExpiry.get(contract.expiry);
    if (!strikes) byExpiry.set(contract.expiry, (strikes = new Map()));
    const pair = strikes.get(contract.strike) ?? {};
    if (contract.type === 'C') pair.call = price;
    else pair.put = price;
    strikes.set(contract.strike, pair);
  }
  const estimates: number[] = [];
  for (const expiry of [...byExpiry.keys()].sort()) {
    let best: number | null = null;
    let bestGap = Infinity;
    for (const [strike, pair] of byExpiry.get(expiry) as Map<number, { call?: number; put?: number }>) {
      if (pair.call === undefined || pair.put === undefined) continue;
      const gap = Math.abs(pair.call - pair.put);
      if (gap < bestGap) {
        bestGap = gap;
        best = strike + pair.call - pair.put;
      }
    }
    if (best !== null && best > 0) estimates.push(best);
    if (estimates.length === EXPIRIES_USED) break;
  }
  if (estimates.length === 0) return null;
  estimates.sort((a, b) => a - b);
  return estimates[Math.floor((estimates.length - 1) / 2)];
}
