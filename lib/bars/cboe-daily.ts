/**
 * CBOE's daily history (cdn.cboe.com/api/global/delayed_quotes/charts/historical/{SYMBOL}.json, indices
 * with a leading underscore): {"timestamp", "symbol": "_SPX", "data": [{"date": "YYYY-MM-DD", "open",
 * "high", "low", "close", "volume"}]}, prices often written as strings ("7770.810000"), in any order.
 */
import type { DailyBars } from './model';
import { BarsFormatError, EXPECTED_CBOE_DAILY, asBarsFormatError } from './errors';
import { isRecord, readBarsJson, shown } from './json-text';
import { barsSymbol, checkBarsSymbol } from './symbol';
import { dateField, readDailyRows } from './daily-rows';

export interface BarsOptions {
  /** The ticker the bars must be for: a file that names another symbol is refused. */
  ticker?: string;
  /** Daily bars dated before this session (YYYY-MM-DD) are set aside unread: a store keeps 60 sessions of a 9,000-row history. */
  since?: string;
}

export function parseCboeDailyBars(input: unknown, options: BarsOptions = {}): DailyBars {
  return asBarsFormatError(() => readCboeDaily(input, options), 'CBOE daily bars', EXPECTED_CBOE_DAILY);
}

function readCboeDaily(input: unknown, options: BarsOptions): DailyBars {
  const root = readBarsJson(input, EXPECTED_CBOE_DAILY);
  if (!isRecord(root) || !Array.isArray(root.data)) {
    const found = isRecord(root)
      ? `a "data" that is ${shown(root.data)} (top-level keys: ${Object.keys(root).slice(0, 8).join(', ') || 'none'})`
      : shown(root);
    throw new BarsFormatError('wrong-shape', `the JSON is ${found}, not {"data": [...]}`, EXPECTED_CBOE_DAILY);
  }
  const symbol = barsSymbol(root.symbol);
  checkBarsSymbol(symbol, options.ticker, EXPECTED_CBOE_DAILY);
  return readDailyRows(
    root.data as unknown[],
    {
      source: 'cboe',
      path: 'data',
      dateOf: (row) => dateField(row),
      prices: ['open', 'high', 'low', 'close'],
      volume: 'volume',
      expected: EXPECTED_CBOE_DAILY,
    },
    symbol,
    options.since,
  );
}
