/**
 * The forward price of the underlying at each settlement instant, implied by put-call parity on the
 * chain's own quotes (DESIGN.md "Forward per expiry"):
 *
 *   F = K + e^(rT) (C - P)        C, P: mid prices of the call and put struck at K
 *
 * taken at the FORWARD_STRIKES strikes nearest spot where both the call and the put have a bid and an
 * ask (bid > 0, ask >= bid), and the median over them, so one stale or crossed pair cannot move it.
 * Exact for European options (SPX, NDX, RUT); for American ones (SPY, equities) early exercise makes it
 * an approximation near the money, where the strikes are chosen. One forward per settlement instant:
 * SPX (09:30) and SPXW (16:00) on the same date each get theirs.
 */
import type { ChainSnapshot, OptionContract } from '../chain/model';
import { YEAR_MS } from './black-scholes';

/** How many strikes nearest spot the median is taken over. */
export const FORWARD_STRIKES = 5;

export interface ExpiryForward {
  /** Expiry date, YYYY-MM-DD. */
  expiry: string;
  /** Settlement instant, UTC ms. */
  settlement: number;
  /** The roots settling at this instant (e.g. ['SPX'] for the AM monthly, ['SPXW'] for the PM weekly). */
  roots: string[];
  /** Years from the evaluation instant to settlement. */
  years: number;
  forward: number;
  /** The strikes the median was taken over, nearest spot first. */
  strikesUsed: number[];
}

export interface ForwardOptions {
  /** Where the nearest strikes are counted from; the snapshot's spot by default. */
  spot?: number;
  /** UTC ms; the snapshot's as-of by default. Instants settled by then are left out. */
  evaluatedAt?: number;
  /** Risk-free rate, decimal (as the engine's --rate). */
  rate?: number;
  /** Strikes in the median (default FORWARD_STRIKES). */
  strikes?: number;
}

function twoSidedMid(contract: OptionContract): number | null {
  const { bid, ask } = contract;
  if (bid === null || ask === null || !(bid > 0) || !(ask >= bid)) return null;
  return (bid + ask) / 2;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface Pair {
  call?: number;
  put?: number;
  /** Spread of the quote kept for each side, when two roots quote the same strike at one instant. */
  callSpread?: number;
  putSpread?: number;
}

/** One forward per live settlement instant with at least one two-sided call/put pair, by settlement. */
export function forwardsByExpiry(snapshot: ChainSnapshot, options: ForwardOptions = {}): ExpiryForward[] {
  const evaluatedAt = options.evaluatedAt ?? snapshot.asOf;
  const rate = options.rate ?? 0;
  const wanted = options.strikes ?? FORWARD_STRIKES;
  const spot = options.spot ?? snapshot.spot;
  const instants = new Map<number, { expiry: string; roots: Set<string>; pairs: Map<number, Pair> }>();
  for (const contract of snapshot.contracts) {
    if (contract.settlement <= evaluatedAt || contract.adjusted) continue;
    const mid = twoSidedMid(contract);
    if (mid === null) continue;
    let instant = instants.get(contract.settlement);
    if (!instant) instants.set(contract.settlement, (instant = { expiry: contract.expiry, roots: new Set(), pairs: new Map() }));
    instant.roots.add(contract.root);
    let pair = instant.pairs.get(contract.strike);
    if (!pair) instant.pairs.set(contract.strike, (pair = {}));
    // The tighter quote wins when two roots quote one strike at one instant.
    const spread = (contract.ask as number) - (contract.bid as number);
    if (contract.type === 'C' && !(spread >= (pair.callSpread ?? Infinity))) {
      pair.call = mid;
      pair.callSpread = spread;
    } else if (contract.type === 'P' && !(spread >= (pair.putSpread ?? Infinity))) {
      pair.put = mid;
      pair.putSpread = spread;
    }
  }
  const forwards: ExpiryForward[] = [];
  for (const [settlement, { expiry, roots, pairs }] of instants) {
    const complete = [...pairs].filter(([, pair]) => pair.call !== undefined && pair.put !== undefined);
    if (complete.length === 0) continue;
    // Without a spot, the strike where call and put are worth the most alike sits nearest the forward.
    const center =
      spot !== null && spot > 0
        ? spot
        : complete.reduce((best, entry) =>
            Math.abs(entry[1].call! - entry[1].put!) < Math.abs(best[1].call! - best[1].put!) ? entry : best,
          )[0];
    complete.sort(([a], [b]) => Math.abs(a - center) - Math.abs(b - center) || a - b);
    const chosen = complete.slice(0, wanted);
    const years = (settlement - evaluatedAt) / YEAR_MS;
    const growth = Math.exp(rate * years);
    forwards.push({
      expiry,
      settlement,
      roots: [...roots].sort(),
      years,
      forward: median(chosen.map(([strike, pair]) => strike + growth * (pair.call! - pair.put!))),
      strikesUsed: chosen.map(([strike]) => strike),
    });
  }
  return forwards.sort((a, b) => a.settlement - b.settlement);
}
