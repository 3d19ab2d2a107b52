/**
 * NYSE full-day closures and 13:00 early closes, from the exchange's published rules (valid from 2000
 * through at least 2030; the rules have not changed since Juneteenth was added in 2022), plus the
 * one-off closures the rules cannot know.
 */
import { addDays, formatDate, weekday } from './ny-time';

/** One-off closures (national days of mourning, weather). */
const SPECIAL_CLOSURES: Record<string, string> = {
  '2001-09-11': 'September 11 attacks',
  '2001-09-12': 'September 11 attacks',
  '2001-09-13': 'September 11 attacks',
  '2001-09-14': 'September 11 attacks',
  '2004-06-11': 'National day of mourning (Reagan)',
  '2007-01-02': 'National day of mourning (Ford)',
  '2012-10-29': 'Hurricane Sandy',
  '2012-10-30': 'Hurricane Sandy',
  '2018-12-05': 'National day of mourning (G. H. W. Bush)',
  '2025-01-09': 'National day of mourning (Carter)',
};

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatDate(year, month, day);
}

/** The n-th (1-based) given weekday of a month; n = -1 for the last one. */
export function nthWeekdayOfMonth(year: number, month: number, weekdayIndex: number, n: number): string {
  if (n > 0) {
    const first = formatDate(year, month, 1);
    const shift = (weekdayIndex - weekday(first) + 7) % 7;
    return addDays(first, shift + 7 * (n - 1));
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = formatDate(year, month, lastDay);
  const shift = (weekday(last) - weekdayIndex + 7) % 7;
  return addDays(last, -shift);
}

/** A fixed-date holiday moved to Friday when on Saturday and to Monday when on Sunday. */
function observed(date: string): string {
  const day = weekday(date);
  if (day === 6) return addDays(date, -1);
  if (day === 0) return addDays(date, 1);
  return date;
}

const holidayCache = new Map<number, Map<string, string>>();

/** Full-day NYSE holidays of a calendar year, date -> name. */
export function nyseHolidays(year: number): Map<string, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const holidays = new Map<string, string>();
  // New Year's Day: a Saturday New Year is not observed on the Friday before (NYSE rule 7.2).
  const newYear = formatDate(year, 1, 1);
  if (weekday(newYear) !== 6) holidays.set(observed(newYear), "New Year's Day");
  holidays.set(nthWeekdayOfMonth(year, 1, 1, 3), 'Martin Luther King Jr. Day');
  holidays.set(nthWeekdayOfMonth(year, 2, 1, 3), "Washington's Birthday");
  holidays.set(addDays(easterSunday(year), -2), 'Good Friday');
  holidays.set(nthWeekdayOfMonth(year, 5, 1, -1), 'Memorial Day');
  if (year >= 2022) holidays.set(observed(formatDate(year, 6, 19)), 'Juneteenth');
  holidays.set(observed(formatDate(year, 7, 4)), 'Independence Day');
  holidays.set(nthWeekdayOfMonth(year, 9, 1, 1), 'Labor Day');
  holidays.set(nthWeekdayOfMonth(year, 11, 4, 4), 'Thanksgiving Day');
  holidays.set(observed(formatDate(year, 12, 25)), 'Christmas Day');
  for (const [date, name] of Object.entries(SPECIAL_CLOSURES)) {
    if (date.startsWith(`${year}-`)) holidays.set(date, name);
  }
  holidayCache.set(year, holidays);
  return holidays;
}

/** The holiday's name when the exchange is closed all day for one, else null (weekends are not holidays). */
export function holidayName(date: string): string | null {
  return nyseHolidays(Number(date.slice(0, 4))).get(date) ?? null;
}

/**
 * The reason for a 13:00 close, or null: the day before Independence Day, the day after Thanksgiving and
 * Christmas Eve, each when it is a trading day Monday to Thursday (or Friday for Thanksgiving).
 */
export function earlyCloseReason(date: string): string | null {
  const year = Number(date.slice(0, 4));
  const day = weekday(date);
  if (day === 0 || day === 6 || holidayName(date)) return null;
  if (date === formatDate(year, 7, 3) && day >= 1 && day <= 4) return 'Day before Independence Day';
  if (date === addDays(nthWeekdayOfMonth(year, 11, 4, 4), 1)) return 'Day after Thanksgiving';
  if (date === formatDate(year, 12, 24) && day >= 1 && day <= 4) return 'Christmas Eve';
  return null;
}
