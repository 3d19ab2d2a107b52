/**
 * Price bars, the parse layer beside lib/chain: daily OHLC bars (CBOE charts/historical, Tradier
 * history, Polygon aggregates) and CBOE's minute bars, each read as strictly as a chain. Code outside
 * this folder enters through this file.
 */
export type { BarSeries, DailyBar, MinuteBar } from './model';
export { BarsFormatError, type BarsFormatProblem } from './errors';
export { parseCboeDailyBars } from './cboe-daily';
export { parseCboeMinuteBars } from './cboe-minutes';
export { parseTradierHistory } from './tradier-history';
export { parsePolygonAggs } from './polygon-aggs';
export { parseDailyBars } from './parse';
