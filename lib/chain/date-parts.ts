/**
 * Checks on dates and times read from sources: a date that does not exist (February 30, month 13, hour
 * 25) is a problem to report, never something to roll over into another day as Date.UTC would.
 */
import { formatDate } from '../market/ny-time';

/**
 * Years a chain's dates may fall in. OCC symbols carry two-digit years read as 20YY, and the calendar
 * code (sessions, holidays, Date.UTC's 0-99 = 1900s rule) is only meaningful inside this span.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** The furthest a real listed expiry lies beyond as-of (the longest LEAPS run about six years). */
const MAX_EXPIRY_YEARS_AHEAD = 10;

const DAY_MS = 86400000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why year-month-day is not a real calendar date in the supported years, or null when it is. */
export function dateProblem(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return `year ${year} is outside ${FIRST_YEAR}-${LAST_YEAR}`;
  if (!Number.isInteger(month) || month < 1 || month > 12) return `month ${month} does not exist`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    return `${formatDate(year, month, 1).slice(0, 7)} has no day ${day}`;
  }
  return null;
}

/** Why hour:minute:second is not a time of day, or null. */
export function timeProblem(hour: number, minute: number, second = 0): string | null {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return `hour ${hour} does not exist`;
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) return `minute ${minute} does not exist`;
  if (!Number.isInteger(second) || second < 0 || second > 59) return `second ${second} does not exist`;
  return null;
}

/** Whether a UTC instant lies in the supported years (so every calendar function can take it). */
export function isSupportedInstant(utcMs: number): boolean {
  return Number.isFinite(utcMs) && utcMs >= Date.UTC(FIRST_YEAR, 0, 1) && utcMs < Date.UTC(LAST_YEAR + 1, 0, 1);
}

/** Why an expiry cannot be a listed contract's at as-of (too far ahead), or null. */
export function expiryRangeProblem(settlement: number, asOf: number): string | null {
  if (settlement - asOf > MAX_EXPIRY_YEARS_AHEAD * 366 * DAY_MS) {
    return `expires more than ${MAX_EXPIRY_YEARS_AHEAD} years after as-of ${new Date(asOf).toISOString().slice(0, 10)}`;
  }
  return null;
}
