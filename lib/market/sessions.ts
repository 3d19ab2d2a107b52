/** NYSE regular trading sessions (09:30 to 16:00 New York, 13:00 on early-close days). */
import { earlyCloseReason, holidayName } from './holidays';
import { addDays, newYorkDate, newYorkToUtc, weekday } from './ny-time';

export interface TradingSession {
  date: string;
  open: number; // UTC ms
  close: number; // UTC ms
  earlyClose: boolean;
}

export function isTradingDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && holidayName(date) === null;
}

/** The regular session on a date, or null on weekends and holidays. */
export function sessionOn(date: string): TradingSession | null {
  if (!isTradingDay(date)) return null;
  const earlyClose = earlyCloseReason(date) !== null;
  return {
    date,
    open: newYorkToUtc(date, 9, 30),
    close: newYorkToUtc(date, earlyClose ? 13 : 16, 0),
    earlyClose,
  };
}

export function nextTradingDay(date: string): string {
  let next = addDays(date, 1);
  while (!isTradingDay(next)) next = addDays(next, 1);
  return next;
}

export function previousTradingDay(date: string): string {
  let previous = addDays(date, -1);
  while (!isTradingDay(previous)) previous = addDays(previous, -1);
  return previous;
}

/**
 * The session in progress at an instant, or else the next one to open. A trader looking at the screen
 * after the close is preparing for the next session, so that one is "current" for 0DTE purposes.
 */
export function currentOrNextSession(nowMs: number): TradingSession {
  const today = newYorkDate(nowMs);
  const session = sessionOn(today);
  if (session && nowMs < session.close) return session;
  return sessionOn(nextTradingDay(today)) as TradingSession;
}

/** True while the regular session is open at an instant. */
export function isMarketOpen(nowMs: number): boolean {
  const session = sessionOn(newYorkDate(nowMs));
  return session !== null && nowMs >= session.open && nowMs < session.close;
}

/** The last session that closed at or before an instant. */
export function lastClosedSession(nowMs: number): TradingSession {
  const today = newYorkDate(nowMs);
  const session = sessionOn(today);
  if (session && nowMs >= session.close) return session;
  return sessionOn(previousTradingDay(today)) as TradingSession;
}

/**
 * The session data taken at an instant belongs to: the one in progress, else the last that closed (a
 * Sunday file holds Friday's positions).
 */
export function sessionOfInstant(instant: number): TradingSession {
  const current = currentOrNextSession(instant);
  return instant >= current.open ? current : lastClosedSession(instant);
}

/** Whole sessions that have opened after the one data at `instant` belongs to, up to `now`. */
export function sessionsSince(instant: number, now: number): number {
  let count = 0;
  let session = sessionOfInstant(instant);
  // Bounded: data years old is "many sessions" old, counted no further than a year of sessions.
  while (count < 260) {
    const next = sessionOn(nextTradingDay(session.date)) as TradingSession;
    if (next.open > now) break;
    count++;
    session = next;
  }
  return count;
}
