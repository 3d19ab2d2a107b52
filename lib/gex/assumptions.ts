/**
 * What every number rests on besides the chain: rate, dividend yield, the dealer sign model and the
 * transition band. One set of defaults, shared by the extension (as the settings' defaults) and the
 * command line, so both give the same numbers for the same file and both say what they assumed.
 */
import { CLASSIC, describeSignModel, type SignModel } from './sign-model';
import { describeExpiryFilter, type ExpiryFilter } from './expiry-filter';

export interface RateSetting {
  rate: number;
  dividend: number;
}

/** A default and per-ticker overrides (the options page edits the same shape). */
export interface RateTable {
  default: RateSetting;
  perTicker: Record<string, RateSetting>;
}

// Rough levels for late 2026: a trader sets their own; rates move gamma little, dividends less.
export const DEFAULT_RATES: RateTable = {
  default: { rate: 0.04, dividend: 0 },
  perTicker: { SPX: { rate: 0.04, dividend: 0.013 }, SPY: { rate: 0.04, dividend: 0.013 } },
};

export const DEFAULT_TRANSITION_BAND = 0.005;

export interface Assumptions {
  rate: number;
  dividendYield: number;
  signModel: SignModel;
  /** Half-width of the transition band around the flip, fraction of spot. */
  transitionBand: number;
}

function rateFor(rates: RateTable, ticker: string): RateSetting {
  return rates.perTicker[ticker.toUpperCase()] ?? rates.default;
}

/** The assumptions for a ticker from a rate table and a sign model (the defaults unless given). */
export function assumptionsFor(
  ticker: string,
  choices: { rates?: RateTable; signModel?: SignModel; transitionBand?: number } = {},
): Assumptions {
  const { rate, dividend } = rateFor(choices.rates ?? DEFAULT_RATES, ticker);
  return {
    rate,
    dividendYield: dividend,
    signModel: choices.signModel ?? CLASSIC,
    transitionBand: choices.transitionBand ?? DEFAULT_TRANSITION_BAND,
  };
}

/** The assumptions as stated to the user: next to every number and in the CLI's JSON. */
export function describeAssumptions(assumptions: Assumptions, filter: ExpiryFilter) {
  return {
    rate: assumptions.rate,
    dividendYield: assumptions.dividendYield,
    signModel: describeSignModel(assumptions.signModel),
    expiryFilter: describeExpiryFilter(filter),
  };
}
