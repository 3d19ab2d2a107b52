/**
 * Session keys: the New York trading session a snapshot's data belongs to, across daylight-saving
 * changes, weekends, holidays and early closes; and imports of any order filed by their own session.
 */
import { describe, expect, it } from 'vitest';
import { previousLevels, recordSession, sessionOfData, type LevelsSummary } from '../../../lib/gex/history';

const at = (iso: string) => Date.parse(iso);

describe('the session of data (New York time)', () => {
  it('during the session: that day; before the open: the day before; after the close: that day', () => {
    expect(sessionOfData(at('2024-01-08T15:00:00Z'))).toBe('2024-01-08'); // 10:00 EST
    expect(sessionOfData(at('2024-01-08T14:29:00Z'))).toBe('2024-01-05'); // 9:29 EST Monday: Friday's
    expect(sessionOfData(at('2024-01-08T14:30:00Z'))).toBe('2024-01-08'); // the open
    expect(sessionOfData(at('2024-01-08T21:30:00Z'))).toBe('2024-01-08'); // 4:30 PM EST
    expect(sessionOfData(at('2024-01-09T04:59:00Z'))).toBe('2024-01-08'); // 11:59 PM EST
  });

  it('across the spring change (Sun Mar 10, 2024): the open moves from 14:30 to 13:30 UTC', () => {
    expect(sessionOfData(at('2024-03-08T14:29:00Z'))).toBe('2024-03-07'); // Fri 9:29 EST
    expect(sessionOfData(at('2024-03-08T14:30:00Z'))).toBe('2024-03-08'); // Fri 9:30 EST
    expect(sessionOfData(at('2024-03-10T12:00:00Z'))).toBe('2024-03-08'); // Sunday, after the change
    expect(sessionOfData(at('2024-03-11T13:29:00Z'))).toBe('2024-03-08'); // Mon 9:29 EDT
    expect(sessionOfData(at('2024-03-11T13:30:00Z'))).toBe('2024-03-11'); // Mon 9:30 EDT (14:30 UTC would be an hour late)
  });

  it('across the autumn change (Sun Nov 3, 2024): the open moves from 13:30 to 14:30 UTC', () => {
    expect(sessionOfData(at('2024-11-01T13:30:00Z'))).toBe('2024-11-01'); // Fri 9:30 EDT
    expect(sessionOfData(at('2024-11-04T13:30:00Z'))).toBe('2024-11-01'); // Mon 8:30 EST: not open yet
    expect(sessionOfData(at('2024-11-04T14:30:00Z'))).toBe('2024-11-04'); // Mon 9:30 EST
  });

  it('holidays and one-off closures belong to the session before', () => {
    expect(sessionOfData(at('2024-07-04T16:00:00Z'))).toBe('2024-07-03'); // Independence Day, noon EDT
    expect(sessionOfData(at('2025-01-20T15:00:00Z'))).toBe('2025-01-17'); // Martin Luther King Jr. Day
    expect(sessionOfData(at('2025-01-09T16:00:00Z'))).toBe('2025-01-08'); // national day of mourning (Carter)
    expect(sessionOfData(at('2024-03-29T15:00:00Z'))).toBe('2024-03-28'); // Good Friday
    expect(sessionOfData(at('2024-01-07T15:52:00Z'))).toBe('2024-01-05'); // the sample: a Sunday
  });

  it('after an early close (1 PM) the data is that session’s', () => {
    expect(sessionOfData(at('2024-11-29T17:30:00Z'))).toBe('2024-11-29'); // 12:30 PM EST, day after Thanksgiving
    expect(sessionOfData(at('2024-11-29T19:00:00Z'))).toBe('2024-11-29'); // 2:00 PM EST: closed at 1
    expect(sessionOfData(at('2024-12-24T20:00:00Z'))).toBe('2024-12-24'); // Christmas Eve, after the early close
  });
});

describe('sessions in history, whatever order the files come in', () => {
  const summary = (asOf: string, spot: number, flip: number): LevelsSummary =>
    ({ underlying: 'SPX', spot, asOf, flip, callWall: 4800, putWall: 4700, totalGex: 1, regime: 'positive' }) as LevelsSummary;

  it('files imported out of order are kept in session order; the same session again replaces it', () => {
    let history = recordSession([], '2024-01-05', summary('2024-01-05T21:00:00.000Z', 4697, 4724), { replace: true });
    history = recordSession(history, '2023-12-29', summary('2023-12-29T21:00:00.000Z', 4660, 4700), { replace: true });
    history = recordSession(history, '2024-01-08', summary('2024-01-08T21:00:00.000Z', 4763, 4750), { replace: true });
    history = recordSession(history, '2023-12-29', summary('2023-12-29T20:00:00.000Z', 4650, 4690), { replace: true });
    expect(history.map((entry) => [entry.session, entry.latest.spot, entry.path.length])).toEqual([
      ['2023-12-29', 4650, 1],
      ['2024-01-05', 4697, 1],
      ['2024-01-08', 4763, 1],
    ]);
    expect(previousLevels(history, '2024-01-08')).toEqual({
      session: '2024-01-05',
      asOf: '2024-01-05T21:00:00.000Z',
      flip: 4724,
      callWall: 4800,
      putWall: 4700,
    });
    // The previous stored session, over the gap of a missing one.
    expect(previousLevels(history, '2024-01-05')?.session).toBe('2023-12-29');
    expect(previousLevels(history, '2023-12-29')).toBeNull();
  });
});
