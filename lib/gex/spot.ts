/** Spot from call/put parity when a chain gives no underlying price: S ~ K + (C - P) on the nearest expiry. */
import type { OptionContract } from '../chain/model';

export interface SpotEstimate {
  spot: number;
  expiry: string;
  strike: number;
}

function mid(contract: OptionContract): number | null {
  if (contract.bid === null || contract.ask === null || !(contract.ask > 0) || contract.bid < 0 || contract.ask < contract.bid) return null;
  return (contract.bid + contract.ask) / 2;
}

/**
 * On the nearest live expiry with two-sided quotes, the strike where |C - P| is smallest sits nearest
 * the forward; K + C - P there estimates spot (rates and dividends over days are negligible here).
 */
export function estimateSpotFromParity(contracts: readonly OptionContract[], nowMs: number): SpotEstimate | null {
  const byExpiry = new Map<string, Map<number, { call?: number; put?: number }>>();
  for (const contract of contracts) {
    if (contract.settlement <= nowMs) continue;
    const price = mid(contract);
    if (price === null) continue;
    let strikes = byExpiry.get(contract.expiry);
    if (!strikes) byExpiry.set(contract.expiry, (strikes = new Map()));
    const pair = strikes.get(contract.strike) ?? {};
    if (contract.type === 'C') pair.call = price;
    else pair.put = price;
    strikes.set(contract.strike, pair);
  }
  for (const expiry of [...byExpiry.keys()].sort()) {
    let best: SpotEstimate | null = null;
    let bestGap = Infinity;
    for (const [strike, pair] of byExpiry.get(expiry)!) {
      if (pair.call === undefined || pair.put === undefined) continue;
      const gap = Math.abs(pair.call - pair.put);
      if (gap < bestGap) {
        bestGap = gap;
        best = { spot: strike + pair.call - pair.put, expiry, strike };
      }
    }
    if (best) return best;
  }
  return null;
}
