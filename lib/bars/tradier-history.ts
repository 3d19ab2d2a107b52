/**
 * Tradier's daily history (GET /v1/markets/history?symbol=&interval=daily&start=&end=):
 * {"history": {"day": [{"date": "YYYY-MM-DD", "open", "high", "low", "close", "volume"}]}}. A single
 * day comes back as an object rather than an array, and a range without data as {"history": null}.
 * The response does not name its symbol; the caller knows what it asked for.
 */
import type { DailyBars } from './model';
import { BarsFormatError, EXPECTED_TRADIER_HISTORY, asBarsFormatError } from './errors';
import { isRecord, readBarsJson, shown } from './json-text';
import { dateField, readDailyRows } from './daily-rows';
import type { BarsOptions } from './cboe-daily';

export function parseTradierHistory(input: unknown, options: Pick<BarsOptions, 'since'> = {}): DailyBars {
  return asBarsFormatError(() => readTradierHistory(input, options), 'Tradier history', EXPECTED_TRADIER_HISTORY);
}

function readTradierHistory(input: unknown, options: Pick<BarsOptions, 'since'>): DailyBars {
  const root = readBarsJson(input, EXPECTED_TRADIER_HISTORY);
  if (!isRecord(root) || !('history' in root)) {
    const found = isRecord(root)
      ? `an object without "history" (keys: ${Object.keys(root).slice(0, 8).join(', ') || 'none'})`
      : shown(root);
    throw new BarsFormatError('wrong-shape', `the JSON is ${found}`, EXPECTED_TRADIER_HISTORY);
  }
  const history = root.history;
  if (history === null || history === 'null')
    throw new BarsFormatError('no-bars', 'Tradier has no history for this range ("history": null)', EXPECTED_TRADIER_HISTORY);
  if (!isRecord(history))
    throw new BarsFormatError('wrong-shape', `"history" is ${shown(history)}, not an object`, EXPECTED_TRADIER_HISTORY);
  const day = history.day;
  const rows = Array.isArray(day) ? day : isRecord(day) ? [day] : null;
  if (rows === null)
    throw new BarsFormatError('wrong-shape', `"history.day" is ${shown(day)}, not a list of days`, EXPECTED_TRADIER_HISTORY);
  return readDailyRows(
    rows,
    {
      source: 'tradier',
      path: 'history.day',
      dateOf: (row) => dateField(row),
      prices: ['open', 'high', 'low', 'close'],
      volume: 'volume',
      expected: EXPECTED_TRADIER_HISTORY,
    },
    null,
    options.since,
  );
}
