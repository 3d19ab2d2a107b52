/**
 * Which expiries count as 0DTE, next, weekly, monthly OPEX and quarterly, relative to an instant.
 */
import { isTradingDay, previousTradingDay, currentOrNextSession } from './sessions';
import { addDays, splitDate, weekday } from './ny-time';
import { nthWeekdayOfMonth } from './holidays';

/** The standard monthly expiry: the third Friday, or the trading day before it when that Friday is a holiday. */
export function monthlyOpexDate(year: number, month: number): string {
  const thirdFriday = nthWeekdayOfMonth(year, month, 5, 3);
  return isTradingDay(thirdFriday) ? thirdFriday : previousTradingDay(thirdFriday);
}

export function isMonthlyOpex(date: string): boolean {
  const { year, month } = splitDate(date);
  return monthlyOpexDate(year, month) === date;
}

function isQuarterlyOpex(date: string): boolean {
  const { month } = splitDate(date);
  return month % 3 === 0 && isMonthlyOpex(date);
}

/** The last trading day of the date's Monday-to-Friday week (where weekly series expire). */
function weekEndExpiry(date: string): string {
  const friday = addDays(date, 5 - weekday(date));
  return isTradingDay(friday) ? friday : previousTradingDay(friday);
}

export interface ExpiryClasses {
  /** Session date the classes are relative to (the session in progress, or the next one). */
  sessionDate: string;
  /** Expiries settling within the current session (may be empty). */
  zeroDte: string[];
  next: string | null;
  nextWeekly: string | null;
  nextMonthly: string | null;
  nextQuarterly: string | null;
}

/**
 * Classifies a chain's expiry dates relative to an instant. `settles(expiry)` gives each expiry's
 * settlement instant (roots differ: AM vs PM), so an expiry already settled at `now` is never "next".
 */
export function classifyExpiries(expiries: readonly string[], nowMs: number, settles: (expiry: string) => number): ExpiryClasses {
  const session = currentOrNextSession(nowMs);
  const live = [...new Set(expiries)].filter((expiry) => settles(expiry) > nowMs).sort();
  return {
    sessionDate: session.date,
    zeroDte: live.filter((expiry) => expiry === session.date),
    next: live[0] ?? null,
    nextWeekly: live.find((expiry) => weekEndExpiry(expiry) === expiry) ?? null,
    nextMonthly: live.find(isMonthlyOpex) ?? null,
    nextQuarterly: live.find(isQuarterlyOpex) ?? null,
  };
}
