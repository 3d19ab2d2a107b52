/**
 * Call/put parity per expiry, the one computation behind every spot the chain's own quotes imply:
 * for each live expiry (earliest first) the strike where the call and put mids are closest — nearest
 * the forward — and K + C - P there. Adjusted contracts (other deliverables) are left out.
 */
import type { OptionContract } from './model';

export interface ParityEstimate {
  expiry: string;
  strike: number;
  /** K + C - P at that strike. */
  spot: number;
}

/** The mid of a two-sided, uncrossed quote, or null. */
function quoteMid(contract: OptionContract): number | null {
  const { bid, ask } = contract;
  if (bid === null || ask === null || !(ask > 0) || bid < 0 || ask < bid) return null;
  return (bid + ask) / 2;
}

/** One estimate per live expiry with a strike quoted on both sides, earliest expiry first. */
export function parityByExpiry(contracts: readonly OptionContract[], asOf: number): ParityEstimate[] {
  type Pair = { call?: number; put?: number };
  const byExpiry = new Map<string, Map<number, Pair>>();
  for (const contract of contracts) {
    if (contract.settlement <= asOf || contract.adjusted) continue;
    const price = quoteMid(contract);
    if (price === null) continue;
    let strikes = byExpiry.get(contract.expiry);
    if (!strikes) byExpiry.set(contract.expiry, (strikes = new Map<number, Pair>()));
    const pair = strikes.get(contract.strike) ?? {};
    if (contract.type === 'C') pair.call = price;
    else pair.put = price;
    strikes.set(contract.strike, pair);
  }
  const estimates: ParityEstimate[] = [];
  for (const expiry of [...byExpiry.keys()].sort()) {
    let best: ParityEstimate | null = null;
    let bestGap = Infinity;
    for (const [strike, pair] of byExpiry.get(expiry)!) {
      if (pair.call === undefined || pair.put === undefined) continue;
      const gap = Math.abs(pair.call - pair.put);
      if (gap < bestGap) {
        bestGap = gap;
        best = { expiry, strike, spot: strike + pair.call - pair.put };
      }
    }
    if (best) estimates.push(best);
  }
  return estimates;
}
