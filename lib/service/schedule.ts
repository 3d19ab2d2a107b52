/**
 * When to refresh: every N minutes during the New York regular session; outside it, once after the
 * close (when the delayed data has caught up) and then not until the next session opens — so never on
 * weekends and holidays. After errors, exponential backoff.
 */
import { currentOrNextSession, lastClosedSession, sessionOn } from '../market/sessions';
import { newYorkDate } from '../market/ny-time';

/** Delayed feeds (CBOE: about 15 minutes) have the closing data some time after the bell. */
export const POST_CLOSE_DELAY_MS = 20 * 60000;
const BACKOFF_BASE_MS = 60000;
const BACKOFF_MAX_MS = 30 * 60000;

/** The next regular refresh instant (never before `now`). */
export function nextRegularRefresh(now: number, lastSuccessAt: number | null, intervalMinutes: number): number {
  const interval = intervalMinutes * 60000;
  const today = sessionOn(newYorkDate(now));
  if (today && now >= today.open && now < today.close) {
    if (lastSuccessAt === null) return now;
    return Math.max(now, Math.min(lastSuccessAt + interval, today.close + POST_CLOSE_DELAY_MS));
  }
  const last = lastClosedSession(now);
  const afterClose = last.close + POST_CLOSE_DELAY_MS;
  if (lastSuccessAt === null || lastSuccessAt < afterClose) return Math.max(now, afterClose);
  return currentOrNextSession(now).open;
}

/** Wait after `failures` consecutive failures: 1, 2, 4, ... minutes, at most 30; Retry-After if longer. */
export function backoffDelay(failures: number, retryAfterMs?: number): number {
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.max(exponential, retryAfterMs ?? 0);
}
