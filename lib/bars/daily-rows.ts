/**
 * The rows of a daily-bars response, whatever the source: each row's session date and prices read
 * strictly, bad rows refused with where and why, days without trades and days before the calendar set
 * aside, then one bar per session in date order. A response with no usable row is refused whole.
 */
import type { BarsSource, DailyBar, DailyBars } from './model';
import { BarsFormatError } from './errors';
import { RejectionLog } from '../chain/rejection-log';
import { isFieldProblem, readOhlc, readVolume, type Ohlc, type OhlcFields } from './bar-values';
import { orderBars, type PlacedBar } from './bar-order';
import { BEFORE_CALENDAR, sessionDateProblem } from './session-date';
import { isRecord } from './json-text';

export interface DailyRowShape {
  source: BarsSource;
  /** The JSON path of the rows, for messages ("data", "history.day"). */
  path: string;
  /** The row's session date (YYYY-MM-DD), or why it has none. */
  dateOf: (row: Record<string, unknown>) => string | { reason: string };
  prices: OhlcFields;
  volume: string;
  expected: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `since`: a well-formed date before it is set aside before any other check (the older rows of a long history cost nothing). */
export function readDailyRows(rows: readonly unknown[], shape: DailyRowShape, symbol: string | null, since?: string): DailyBars {
  const rejections = new RejectionLog();
  const placed: PlacedBar<DailyBar>[] = [];
  let ignored = 0;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const where = `${shape.path}[${index}]`;
    if (!isRecord(row)) {
      rejections.add(where, 'not an object');
      continue;
    }
    const date = shape.dateOf(row);
    if (typeof date !== 'string') {
      rejections.add(where, date.reason);
      continue;
    }
    if (since !== undefined && date < since && ISO_DATE.test(date)) {
      ignored++;
      continue;
    }
    const dateProblem = sessionDateProblem(date);
    if (dateProblem === BEFORE_CALENDAR) {
      ignored++;
      continue;
    }
    if (dateProblem !== null) {
      rejections.add(`${where} (${date})`, dateProblem);
      continue;
    }
    const prices = readOhlc(row, shape.prices);
    if (prices === 'no-trade') {
      ignored++;
      continue;
    }
    const volume = readVolume(row[shape.volume], shape.volume);
    const problem = isFieldProblem(prices) ? prices : isFieldProblem(volume) ? volume : null;
    if (problem) {
      rejections.add(`${where}.${problem.field} (${date})`, problem.reason);
      continue;
    }
    const { open, high, low, close } = prices as Ohlc;
    placed.push({ bar: { date, open, high, low, close, volume: volume as number | null }, key: date, where });
  }
  const { bars, repeated } = orderBars(placed, (key) => String(key), rejections);
  if (bars.length === 0) {
    const why =
      rows.length === 0
        ? `the "${shape.path}" array is empty`
        : rejections.count === 0
          ? `none of the ${rows.length} rows is a session since ${since ?? '2000'} with a trade`
          : `none of the ${rows.length} rows could be used (first: ${rejections.first()})`;
    throw new BarsFormatError('no-bars', why, shape.expected);
  }
  return { source: shape.source, symbol, bars, rejected: rejections.listed, rejections: rejections.count, ignored, repeated };
}

/** A row's "date" field as a session date text (the checks on it come after). */
export function dateField(row: Record<string, unknown>, field = 'date'): string | { reason: string } {
  const value = row[field];
  if (typeof value === 'string') return value.trim();
  return {
    reason:
      value === undefined || value === null ? `${field} is missing` : `${field} ${JSON.stringify(value).slice(0, 40)} is not a date text`,
  };
}
