import { describe, expect, it } from 'vitest';
import { backoffDelay, nextRegularRefresh, POST_CLOSE_DELAY_MS } from '../../../lib/service/schedule';

const utc = (iso: string) => Date.parse(iso);
const MINUTE = 60000;

describe('refresh schedule', () => {
  it('refreshes every N minutes during the session', () => {
    const now = utc('2024-01-08T15:00:00Z'); // Monday 10:00 New York
    expect(nextRegularRefresh(now, null, 5)).toBe(now);
    expect(nextRegularRefresh(now, now, 5)).toBe(now + 5 * MINUTE);
    expect(nextRegularRefresh(now, now - 10 * MINUTE, 5)).toBe(now); // overdue: now
  });

  it('after the close: one refresh once delayed data has caught up, then the next open', () => {
    const close = utc('2024-01-08T21:00:00Z');
    // In the last minutes of the session the next regular slot would fall after the close: the post-close refresh.
    expect(nextRegularRefresh(close - 2 * MINUTE, close - 2 * MINUTE, 5)).toBe(close + 3 * MINUTE);
    expect(nextRegularRefresh(close - 2 * MINUTE, close - 2 * MINUTE, 60)).toBe(close + POST_CLOSE_DELAY_MS);
    expect(nextRegularRefresh(close + MINUTE, close - 2 * MINUTE, 5)).toBe(close + POST_CLOSE_DELAY_MS);
    // Done for the day: Tuesday's open (14:30 UTC in winter).
    expect(nextRegularRefresh(close + 30 * MINUTE, close + 25 * MINUTE, 5)).toBe(utc('2024-01-09T14:30:00Z'));
  });

  it('sleeps through weekends and holidays', () => {
    const fridayAfterClose = utc('2024-03-28T20:30:00Z'); // Thursday before Good Friday, after the close (16:00 EDT = 20:00Z)
    expect(nextRegularRefresh(fridayAfterClose, fridayAfterClose, 5)).toBe(utc('2024-04-01T13:30:00Z'));
    const saturday = utc('2024-01-06T15:00:00Z');
    expect(nextRegularRefresh(saturday, utc('2024-01-05T21:30:00Z'), 5)).toBe(utc('2024-01-08T14:30:00Z'));
    // Nothing fetched since before Friday's close: catch up once (now), then Monday.
    expect(nextRegularRefresh(saturday, utc('2024-01-05T18:00:00Z'), 5)).toBe(saturday);
    // July 4, 2024 (Thursday): after the July 3 early close (13:00 EDT), next is Friday July 5.
    const july3 = utc('2024-07-03T17:30:00Z');
    expect(nextRegularRefresh(july3, july3, 5)).toBe(utc('2024-07-05T13:30:00Z'));
  });

  it('follows New York across DST changes', () => {
    // Friday March 8, 2024 after the close -> Monday March 11 opens at 09:30 EDT = 13:30 UTC.
    const friday = utc('2024-03-08T21:30:00Z');
    expect(nextRegularRefresh(friday, friday, 5)).toBe(utc('2024-03-11T13:30:00Z'));
    // Friday November 1, 2024 -> Monday November 4 opens at 09:30 EST = 14:30 UTC.
    const novemberFriday = utc('2024-11-01T20:30:00Z');
    expect(nextRegularRefresh(novemberFriday, novemberFriday, 5)).toBe(utc('2024-11-04T14:30:00Z'));
  });

  it('backs off exponentially after errors, honouring Retry-After', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((failures) => backoffDelay(failures) / MINUTE)).toEqual([1, 2, 4, 8, 16, 30, 30]);
    expect(backoffDelay(1, 5 * MINUTE)).toBe(5 * MINUTE);
  });
});
