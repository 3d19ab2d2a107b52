/**
 * Hedge flow in words, the same in the popup, the overlay and the CLI: which way dealers trade for a
 * 1% move and how much, under the assumed sign model. Total GEX is the dollars dealers trade per 1%
 * move: negative, they buy into rallies and sell into drops (adding to moves); positive, they sell
 * into rallies and buy into drops (leaning against them). A sign in front of a dollar figure reads as
 * "dealers sell" to most traders, so the direction is said in words and the amounts are unsigned.
 */
import { formatCount } from './numbers';

export interface HedgeFlow {
  dollars: number;
  shares: number;
}

/** Below this many dollars per 1% move the exposure nets to nothing worth a direction. */
const ZERO_DOLLARS = 0.5;

/** "buy" / "sell" / null (nets to zero): what dealers do on a 1% rally. */
export function rallyTrade(flow: HedgeFlow): 'buy' | 'sell' | null {
  if (!Number.isFinite(flow.dollars) || Math.abs(flow.dollars) < ZERO_DOLLARS) return null;
  return flow.dollars < 0 ? 'buy' : 'sell';
}

/** "$15.4B", "$850K", "$42": an amount said "about", to three figures at most. */
function aboutDollars(value: number): string {
  const magnitude = Math.abs(value);
  for (const [size, suffix] of [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ] as const) {
    if (magnitude >= size) {
      const units = magnitude / size;
      return `$${(units >= 100 ? units.toFixed(0) : units.toFixed(1)).replace(/\.0$/, '')}${suffix}`;
    }
  }
  return `$${Math.round(magnitude)}`;
}

/** "$15.4B (3.28M shares)": the unsigned amount. */
function hedgeFlowAmount(flow: HedgeFlow): string {
  return `${aboutDollars(flow.dollars)} (${formatCount(Math.abs(flow.shares))} shares)`;
}

/**
 * "dealers buy about $15.4B (3.28M shares) for each 1% rally and sell into drops" — or, at zero,
 * "dealers' hedging nets to zero: no flow either way for a 1% move".
 */
export function describeHedgeFlow(flow: HedgeFlow): string {
  const trade = rallyTrade(flow);
  if (trade === null) return "dealers' hedging nets to zero: no flow either way for a 1% move";
  const opposite = trade === 'buy' ? 'sell' : 'buy';
  return `dealers ${trade} about ${hedgeFlowAmount(flow)} for each 1% rally and ${opposite} into drops`;
}

/** The short form for tight places (the overlay pill's tooltip, the popup row): "buy $15.4B / 1% rally". */
export function hedgeFlowShort(flow: HedgeFlow): string {
  const trade = rallyTrade(flow);
  if (trade === null) return 'nets to zero';
  return `${trade} ${hedgeFlowAmount(flow).replace(/ \(.*\)$/, '')} per 1% rally`;
}
