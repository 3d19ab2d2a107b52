/**
 * A bar's date as a session: a real calendar date on which the exchange held a regular session.
 * Bars dated on a weekend or an exchange holiday are refused with the day named; bars before 2000 lie
 * outside the calendar lib/market knows and are set aside, not refused (CBOE's index files go back decades).
 */
import { isIsoDate, weekday } from '../market/ny-time';
import { holidayName } from '../market/holidays';

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/** What sessionDateProblem says of a date before 2000: set it aside. */
export const BEFORE_CALENDAR = 'before-calendar';

/** null for a session date, BEFORE_CALENDAR for one to set aside, else why it is none. */
export function sessionDateProblem(date: string): string | null {
  if (!isIsoDate(date)) return `date ${JSON.stringify(date).slice(0, 40)} is not a calendar date (YYYY-MM-DD)`;
  const year = Number(date.slice(0, 4));
  if (year < FIRST_YEAR) return BEFORE_CALENDAR;
  if (year > LAST_YEAR) return `date ${date} lies after ${LAST_YEAR}`;
  const day = weekday(date);
  if (day === 0 || day === 6) return `${date} is a ${WEEKDAY_NAMES[day]}: there was no session`;
  const holiday = holidayName(date);
  if (holiday !== null) return `${date} is ${holiday}: the exchange was closed`;
  return null;
}
