/**
 * Dealer hedging implied by GEX. GEX is dollars of dealer delta change per 1% move of the underlying,
 * so per 1-point move the dealers' delta changes by GEX / (0.01 S^2) shares; to stay neutral they trade
 * the opposite: buy into rallies when GEX is negative, sell into them when positive.
 */

/** Shares dealers trade (positive: buy) to re-hedge after the underlying moves by `move` points. */
export function hedgeSharesForMove(gexPerPct: number, spot: number, move: number): number {
  return -(gexPerPct / (0.01 * spot * spot)) * move;
}
