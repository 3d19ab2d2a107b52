/** New York time with its zone, across the DST changes, and ages said plainly. */
import { describe, expect, it } from 'vitest';
import { describeAsOf, formatNewYork, formatNewYorkClock, formatSessionDate, newYorkZone, oldDataNote } from '../../../lib/format/time';

describe('New York time', () => {
  it.each([
    // The NVDA file: "January 6, 2025, 9:30 PM EST" — which is 02:30 UTC the next day.
    ['2025-01-07T02:30:00Z', 'Mon Jan 6, 9:30 PM EST'],
    // The last minute of EST and the first of EDT, 2024-03-10 (clocks jump from 2:00 to 3:00).
    ['2024-03-10T06:59:00Z', 'Sun Mar 10, 1:59 AM EST'],
    ['2024-03-10T07:00:00Z', 'Sun Mar 10, 3:00 AM EDT'],
    // Fall back, 2024-11-03: 1:30 AM happens twice, first EDT then EST.
    ['2024-11-03T05:30:00Z', 'Sun Nov 3, 1:30 AM EDT'],
    ['2024-11-03T06:30:00Z', 'Sun Nov 3, 1:30 AM EST'],
    ['2023-09-14T20:31:00Z', 'Thu Sep 14, 4:31 PM EDT'],
    ['2024-01-07T17:00:00Z', 'Sun Jan 7, 12:00 PM EST'],
  ])('%s reads %s', (utc, text) => {
    expect(formatNewYork(Date.parse(utc))).toBe(text);
  });

  it('names the zone by the date, not by the computer it runs on', () => {
    expect(newYorkZone(Date.parse('2024-07-01T12:00:00Z'))).toBe('EDT');
    expect(newYorkZone(Date.parse('2024-12-01T12:00:00Z'))).toBe('EST');
  });

  it('says the age, the date when the data is not from today, and a future as-of plainly', () => {
    const now = Date.parse('2024-01-08T15:10:00Z');
    expect(describeAsOf(Date.parse('2024-01-08T14:58:00Z'), now)).toBe('as of 9:58 AM EST (12m ago)');
    expect(describeAsOf(Date.parse('2024-01-07T15:52:00Z'), now)).toBe('as of Sun Jan 7, 10:52 AM EST (23h 18m ago)');
    expect(describeAsOf(Date.parse('2021-03-01T21:00:00Z'), now)).toBe('as of Mon Mar 1, 2021, 4:00 PM EST (1042d 18h ago)');
    expect(describeAsOf(Date.parse('2024-01-08T18:00:00Z'), now)).toMatch(
      /^as of Mon Jan 8, 2024, 1:00 PM EST — 2h 50m ahead of this computer's clock/,
    );
  });

  it('says a session date with its weekday, and the New York clock alone for chart axes (across DST)', () => {
    expect(formatSessionDate('2024-01-05')).toBe('Fri Jan 5');
    expect(formatSessionDate('2023-12-29', { year: true })).toBe('Fri Dec 29, 2023');
    expect(formatNewYorkClock(Date.parse('2024-03-08T14:30:00Z'))).toBe('9:30');
    expect(formatNewYorkClock(Date.parse('2024-03-11T13:30:00Z'))).toBe('9:30');
    expect(formatNewYorkClock(Date.parse('2024-07-01T20:05:00Z'))).toBe('16:05');
  });

  it('says "old data" once a later session has opened than the data\'s own (weekends and holidays skipped)', () => {
    // The SPX sample: Sunday Jan 7, 2024 holds Friday Jan 5's positions.
    const sample = Date.parse('2024-01-07T15:52:00Z');
    // Monday Jan 8 before the open: Friday's data is still the latest session's.
    expect(oldDataNote(sample, Date.parse('2024-01-08T14:00:00Z'))).toBeNull();
    // From the open (9:30 AM EST = 14:30 UTC) Monday's session is under way.
    expect(oldDataNote(sample, Date.parse('2024-01-08T14:30:00Z'))).toBe('old data: from the Fri Jan 5, 2024 session, 1 session ago');
    // Jan 15, 2024 is Martin Luther King Jr. Day: no session; Tuesday Jan 16 is the 6th after Friday Jan 5.
    expect(oldDataNote(sample, Date.parse('2024-01-15T18:00:00Z'))).toBe('old data: from the Fri Jan 5, 2024 session, 5 sessions ago');
    expect(oldDataNote(sample, Date.parse('2024-01-16T15:00:00Z'))).toBe('old data: from the Fri Jan 5, 2024 session, 6 sessions ago');
    // Data taken during a session belongs to it; years later it is said as such.
    expect(oldDataNote(Date.parse('2024-01-08T18:00:00Z'), Date.parse('2024-01-08T20:59:00Z'))).toBeNull();
    expect(oldDataNote(sample, Date.parse('2026-11-25T15:00:00Z'))).toBe(
      'old data: from the Fri Jan 5, 2024 session, more than a year of sessions ago',
    );
  });
});
