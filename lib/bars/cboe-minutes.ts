/**
 * CBOE's minute bars of the last completed session (cdn.cboe.com/api/global/delayed_quotes/charts/
 * intraday/{SYMBOL}.json): {"timestamp", "symbol", "data": [{"datetime": "YYYY-MM-DDTHH:MM:SS",
 * "sequence_number", "price": {"open", "high", "low", "close"}, "volume": {...}}]}. `datetime` is New
 * York local and labels the minute's end (the session's first minute, 09:30-09:31, is labelled 09:31;
 * some 390 rows to 16:00). Minutes without a trade come as all-zero prices and are set aside, as are
 * minutes outside the regular session.
 */
import type { MinuteBar, MinuteBars } from './model';
import { BarsFormatError, EXPECTED_CBOE_MINUTES, asBarsFormatError } from './errors';
import { isRecord, readBarsJson, shown } from './json-text';
import { barsSymbol, checkBarsSymbol } from './symbol';
import { isFieldProblem, readOhlc } from './bar-values';
import { orderBars, type PlacedBar } from './bar-order';
import { BEFORE_CALENDAR, sessionDateProblem } from './session-date';
import type { BarsOptions } from './cboe-daily';
import { RejectionLog } from '../chain/rejection-log';
import { dateProblem, timeProblem } from '../chain/date-parts';
import { formatDate, newYorkToUtc } from '../market/ny-time';
import { sessionOn } from '../market/sessions';

const MINUTE = 60000;
const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The minute's start and session from its label, 'outside' for a minute outside the regular session, or why it has none. */
function minuteOf(value: unknown): { start: number; session: string } | 'outside' | { reason: string } {
  const match = typeof value === 'string' && value.length <= 40 ? LOCAL_DATETIME.exec(value.trim()) : null;
  if (!match) return { reason: `datetime ${shown(value)} is not "YYYY-MM-DDTHH:MM:SS" (New York time)` };
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const problem = dateProblem(year, month, day) ?? timeProblem(hour, minute, second);
  if (problem) return { reason: `datetime ${shown(value)} is not a real time: ${problem}` };
  if (second !== 0) return { reason: `datetime ${shown(value)} is not on a whole minute` };
  const session = formatDate(year, month, day);
  const closed = sessionDateProblem(session);
  if (closed !== null) return closed === BEFORE_CALENDAR ? { reason: `datetime ${shown(value)} lies before 2000` } : { reason: closed };
  const start = newYorkToUtc(session, hour, minute) - MINUTE;
  const hours = sessionOn(session)!;
  return start >= hours.open && start < hours.close ? { start, session } : 'outside';
}

export function parseCboeMinuteBars(input: unknown, options: BarsOptions = {}): MinuteBars {
  return asBarsFormatError(() => readCboeMinutes(input, options), 'CBOE minute bars', EXPECTED_CBOE_MINUTES);
}

function readCboeMinutes(input: unknown, options: BarsOptions): MinuteBars {
  const root = readBarsJson(input, EXPECTED_CBOE_MINUTES);
  if (!isRecord(root) || !Array.isArray(root.data)) {
    const found = isRecord(root) ? `a "data" that is ${shown(root.data)}` : shown(root);
    throw new BarsFormatError('wrong-shape', `the JSON is ${found}, not {"data": [...]}`, EXPECTED_CBOE_MINUTES);
  }
  const symbol = barsSymbol(root.symbol);
  checkBarsSymbol(symbol, options.ticker, EXPECTED_CBOE_MINUTES);
  const rows = root.data as unknown[];
  const rejections = new RejectionLog();
  const placed: PlacedBar<MinuteBar>[] = [];
  let ignored = 0;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const where = `data[${index}]`;
    if (!isRecord(row)) {
      rejections.add(where, 'not an object');
      continue;
    }
    const minute = minuteOf(row.datetime);
    if (minute === 'outside') {
      ignored++;
      continue;
    }
    if ('reason' in minute) {
      rejections.add(where, minute.reason);
      continue;
    }
    const label = String(row.datetime).trim();
    if (!isRecord(row.price)) {
      rejections.add(`${where}.price (${label})`, `price is ${shown(row.price)}, not {"open", "high", "low", "close"}`);
      continue;
    }
    const prices = readOhlc(row.price, ['open', 'high', 'low', 'close']);
    if (prices === 'no-trade') {
      ignored++;
      continue;
    }
    if (isFieldProblem(prices)) {
      rejections.add(`${where}.price.${prices.field} (${label})`, prices.reason);
      continue;
    }
    placed.push({ bar: { start: minute.start, session: minute.session, ...prices }, key: minute.start, where });
  }
  const { bars, repeated } = orderBars(placed, (key) => `the minute from ${new Date(key as number).toISOString()}`, rejections);
  if (bars.length === 0) {
    const why =
      rows.length === 0
        ? 'the "data" array is empty'
        : rejections.count === 0
          ? `none of the ${rows.length} rows is a traded minute of a regular session`
          : `none of the ${rows.length} rows could be used (first: ${rejections.first()})`;
    throw new BarsFormatError('no-bars', why, EXPECTED_CBOE_MINUTES);
  }
  return { source: 'cboe', symbol, bars, rejected: rejections.listed, rejections: rejections.count, ignored, repeated };
}
