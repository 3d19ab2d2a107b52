/**
 * Polygon / Massive daily aggregates (GET /v2/aggs/ticker/{T}/range/1/day/{from}/{to}, indices as
 * I:SPX): {"ticker", "status", "adjusted", "resultsCount", "results": [{"t", "o", "h", "l", "c", "v",
 * "vw", "n"}]}. `t` is the Unix ms start of the bar's window: midnight New York for US stocks and
 * indices (older answers gave the 16:00 close), both on the session's New York date; a window at
 * midnight UTC (how Polygon dates 24-hour markets) is that UTC date, which in New York is still the
 * evening before. No results: "results" is absent.
 */
import type { DailyBars } from './model';
import { BarsFormatError, EXPECTED_POLYGON_AGGS, asBarsFormatError } from './errors';
import { isRecord, readBarsJson, shown } from './json-text';
import { barsSymbol, checkBarsSymbol } from './symbol';
import { readDailyRows } from './daily-rows';
import type { BarsOptions } from './cboe-daily';
import { newYorkDate } from '../market/ny-time';
import { isSupportedInstant } from '../chain/date-parts';

const DAY = 86400000;

export function parsePolygonAggs(input: unknown, options: BarsOptions = {}): DailyBars {
  return asBarsFormatError(() => readPolygonAggs(input, options), 'Polygon aggregates', EXPECTED_POLYGON_AGGS);
}

function readPolygonAggs(input: unknown, options: BarsOptions): DailyBars {
  const root = readBarsJson(input, EXPECTED_POLYGON_AGGS);
  if (!isRecord(root)) throw new BarsFormatError('wrong-shape', `the JSON is ${shown(root)}, not an object`, EXPECTED_POLYGON_AGGS);
  if (typeof root.status === 'string' && !['OK', 'DELAYED'].includes(root.status)) {
    const said = typeof root.error === 'string' ? root.error : typeof root.message === 'string' ? root.message : '';
    throw new BarsFormatError(
      'wrong-shape',
      `Polygon answered status ${root.status.slice(0, 40)}${said ? `: ${said.slice(0, 200)}` : ''}`,
      EXPECTED_POLYGON_AGGS,
    );
  }
  const symbol = barsSymbol(root.ticker);
  checkBarsSymbol(symbol, options.ticker, EXPECTED_POLYGON_AGGS);
  if (root.results === undefined && (root.resultsCount === 0 || root.queryCount === 0))
    throw new BarsFormatError('no-bars', 'Polygon has no bars for this range (resultsCount 0)', EXPECTED_POLYGON_AGGS);
  if (!Array.isArray(root.results)) {
    throw new BarsFormatError(
      'wrong-shape',
      `"results" is ${shown(root.results)}, not an array (keys: ${Object.keys(root).slice(0, 8).join(', ') || 'none'})`,
      EXPECTED_POLYGON_AGGS,
    );
  }
  return readDailyRows(
    root.results as unknown[],
    {
      source: 'polygon',
      path: 'results',
      dateOf: (row) => {
        const t = row.t;
        if (typeof t !== 'number' || !isSupportedInstant(t)) return { reason: `t ${shown(t)} is not a Unix ms time in 2000-2099` };
        return t % DAY === 0 ? new Date(t).toISOString().slice(0, 10) : newYorkDate(t);
      },
      prices: ['o', 'h', 'l', 'c'],
      volume: 'v',
      expected: EXPECTED_POLYGON_AGGS,
    },
    symbol,
    options.since,
  );
}
