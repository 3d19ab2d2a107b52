/**
 * A chain file cut exactly between two rows reads cleanly line by line; its shape gives it away. Sources
 * list contracts by expiry then strike, so such a cut leaves the last expiry's strikes stopping short
 * (and drops every later expiry, which only a comparison with the last good chain can see: gate.ts).
 *
 * Every complete expiry reaches well above spot: its calls run out to the far out-of-the-money wing. The
 * rule: the last expiry looks cut when its highest strike lies below spot + REACH_SHARE x (the lowest
 * top strike among the other expiries - spot). Measured on the real fixtures (tests/unit/chain/
 * cut-off.test.ts): no complete expiry comes closer than 0.83 of that reach (SPY's narrow Sep 26 weekly),
 * so 0.5 leaves room; it flags about 90% of row-boundary cuts of the SPX file and 70% of the SPY file.
 * When some other expiry itself stops below spot (strikes not yet listed after a gap), it says nothing.
 */
import type { OptionContract } from './model';

const REACH_SHARE = 0.5;
/** Expiries with fewer strikes than this are too thin to set the reach. */
const MIN_STRIKES = 3;

interface ExpiryReach {
  highest: number;
  strikes: number;
  lastStrike: number;
}

/** Why the last expiry looks cut short, or null. */
export function lastExpiryCutShort(contracts: readonly OptionContract[], spot: number | null): string | null {
  if (spot === null || !(spot > 0) || contracts.length === 0) return null;
  const reach = new Map<string, ExpiryReach>();
  for (const contract of contracts) {
    let entry = reach.get(contract.expiry);
    if (!entry) reach.set(contract.expiry, (entry = { highest: contract.strike, strikes: 1, lastStrike: contract.strike }));
    if (contract.strike !== entry.lastStrike) {
      entry.strikes++;
      entry.lastStrike = contract.strike;
    }
    if (contract.strike > entry.highest) entry.highest = contract.strike;
  }
  const lastExpiry = contracts[contracts.length - 1].expiry;
  const last = reach.get(lastExpiry) as ExpiryReach;
  let lowestTop = Infinity;
  for (const [expiry, entry] of reach) {
    if (expiry !== lastExpiry && entry.strikes >= MIN_STRIKES && entry.highest < lowestTop) lowestTop = entry.highest;
  }
  if (!Number.isFinite(lowestTop) || lowestTop <= spot) return null;
  if (last.highest >= spot + REACH_SHARE * (lowestTop - spot)) return null;
  return `its last expiry, ${lastExpiry}, stops at strike ${formatPrice(last.highest)} while every other expiry reaches ${formatPrice(lowestTop)} or more (spot ${formatPrice(spot)})`;
}

function formatPrice(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
