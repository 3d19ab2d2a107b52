/**
 * Price bars as every bars parser gives them: daily OHLC bars dated by their New York session, and
 * minute bars timed by the instant they start. Prices are positive and consistent (low <= open, close
 * <= high); what a source gave that is not is in `rejected`, with where and why.
 */
import type { RejectedRow } from '../chain/model';

/** One regular session's bar. */
export interface DailyBar {
  /** The New York session date, YYYY-MM-DD (a trading day of lib/market's calendar). */
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Shares (or contracts) traded, when the source gives it; indices give 0 or nothing. */
  volume: number | null;
}

/** One minute of a regular session. */
export interface MinuteBar {
  /** UTC ms the minute starts. */
  start: number;
  /** The New York session date it belongs to. */
  session: string;
  open: number;
  high: number;
  low: number;
  close: number;
}

export type BarsSource = 'cboe' | 'tradier' | 'polygon';

/** What a bars parser read from one response or file. */
export interface BarSeries<Bar> {
  source: BarsSource;
  /** The symbol the source names (index underscore, ^, I: prefixes removed), or null when it names none. */
  symbol: string | null;
  /** Oldest first, one per date (daily) or minute. */
  bars: Bar[];
  /** The first rejected rows (RejectionLog's limit), each with where it was ("data[12].high (2024-01-08)") and why. */
  rejected: RejectedRow[];
  /** Every rejected row, counted. */
  rejections: number;
  /** Rows that are no damage and no bar: all prices 0 (a minute or day without trades), before 2000, outside the regular session. */
  ignored: number;
  /** Rows given twice with the same values, kept once. */
  repeated: number;
}

export type DailyBars = BarSeries<DailyBar>;
export type MinuteBars = BarSeries<MinuteBar>;
