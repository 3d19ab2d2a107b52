/**
 * One entry for a daily-bars response of any source the project reads — CBOE's charts/historical,
 * Tradier's history, Polygon's aggregates — told apart by their shape, so a file or a custom URL may
 * serve any of them.
 */
import type { DailyBars } from './model';
import { BarsFormatError, EXPECTED_ANY_DAILY } from './errors';
import { isRecord, readBarsJson, shown } from './json-text';
import { parseCboeDailyBars, type BarsOptions } from './cboe-daily';
import { parseTradierHistory } from './tradier-history';
import { parsePolygonAggs } from './polygon-aggs';

export function parseDailyBars(input: unknown, options: BarsOptions = {}): DailyBars {
  const root = readBarsJson(input, EXPECTED_ANY_DAILY);
  if (isRecord(root)) {
    if (Array.isArray(root.data)) return parseCboeDailyBars(root, options);
    if ('history' in root) return parseTradierHistory(root, options);
    if ('results' in root || 'resultsCount' in root || 'queryCount' in root) return parsePolygonAggs(root, options);
  }
  const keys = isRecord(root) ? `an object with the keys ${Object.keys(root).slice(0, 8).join(', ') || 'none'}` : shown(root);
  throw new BarsFormatError('wrong-shape', `the JSON is ${keys}: no daily bars of a known source`, EXPECTED_ANY_DAILY);
}
