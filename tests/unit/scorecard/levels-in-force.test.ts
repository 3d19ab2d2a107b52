/** Which session a chain's levels are in force for: the first whose 09:30 New York open comes after its as-of. */
import { describe, expect, it } from 'vitest';
import { sessionInForce } from '../../../lib/scorecard';
import { newYorkToUtc } from '../../../lib/market/ny-time';

const at = (date: string, hour: number, minute: number, second = 0) => newYorkToUtc(date, hour, minute, second);

describe('sessionInForce', () => {
  it.each([
    ['after the close (Thu 16:31)', at('2023-09-14', 16, 31), '2023-09-15'],
    ['during a session (Mon 10:00): the next session, not this one', at('2024-11-25', 10, 0), '2024-11-26'],
    ['before the open (Mon 09:29:59)', at('2024-11-25', 9, 29, 59), '2024-11-25'],
    ['exactly at the open (Mon 09:30:00): too late for it', at('2024-11-25', 9, 30), '2024-11-26'],
    ['on a Sunday', at('2024-01-07', 10, 52), '2024-01-08'],
    ['on a Friday evening', at('2024-11-22', 17, 0), '2024-11-25'],
    ['before Thanksgiving (Wed 14:00): the Friday after', at('2024-11-27', 14, 0), '2024-11-29'],
    ['on a holiday (Good Friday 2024)', at('2024-03-29', 12, 0), '2024-04-01'],
    ['before a Monday holiday (Fri 16:30, MLK day next)', at('2024-01-12', 16, 30), '2024-01-16'],
    ['late at night in UTC but still the evening in New York', Date.UTC(2025, 0, 7, 2, 30), '2025-01-07'],
  ])('%s', (_what, asOf, session) => {
    expect(sessionInForce(asOf)).toBe(session);
  });
});
