import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isIsoDate,
  newYorkDate,
  newYorkOffsetMinutes,
  newYorkToUtc,
  newYorkWallClock,
  weekday,
} from '../../../lib/market/ny-time';

const utc = (iso: string) => Date.parse(iso);

describe('New York time', () => {
  it('converts winter and summer wall clocks with the right offset', () => {
    expect(newYorkToUtc('2024-01-07', 10, 52)).toBe(utc('2024-01-07T15:52:00Z'));
    expect(newYorkToUtc('2023-09-14', 16, 31)).toBe(utc('2023-09-14T20:31:00Z'));
    expect(newYorkOffsetMinutes(utc('2024-01-15T12:00:00Z'))).toBe(-300);
    expect(newYorkOffsetMinutes(utc('2024-07-15T12:00:00Z'))).toBe(-240);
  });

  it('handles the spring-forward day (2024-03-10, 02:00 -> 03:00)', () => {
    expect(newYorkToUtc('2024-03-10', 1, 0)).toBe(utc('2024-03-10T06:00:00Z'));
    expect(newYorkToUtc('2024-03-10', 3, 0)).toBe(utc('2024-03-10T07:00:00Z'));
    expect(newYorkToUtc('2024-03-10', 16, 0)).toBe(utc('2024-03-10T20:00:00Z'));
    // The session after the change opens at 13:30 UTC, the one before at 14:30 UTC.
    expect(newYorkToUtc('2024-03-08', 9, 30)).toBe(utc('2024-03-08T14:30:00Z'));
    expect(newYorkToUtc('2024-03-11', 9, 30)).toBe(utc('2024-03-11T13:30:00Z'));
  });

  it('handles the fall-back day (2024-11-03, 02:00 -> 01:00), taking the first 01:30', () => {
    expect(newYorkToUtc('2024-11-03', 0, 30)).toBe(utc('2024-11-03T04:30:00Z'));
    expect(newYorkToUtc('2024-11-03', 1, 30)).toBe(utc('2024-11-03T05:30:00Z'));
    expect(newYorkToUtc('2024-11-03', 3, 0)).toBe(utc('2024-11-03T08:00:00Z'));
    expect(newYorkToUtc('2024-11-04', 9, 30)).toBe(utc('2024-11-04T14:30:00Z'));
  });

  it('reads New York wall clocks and dates from instants', () => {
    expect(newYorkWallClock(utc('2024-01-08T04:59:00Z'))).toMatchObject({ year: 2024, month: 1, day: 7, hour: 23, minute: 59 });
    expect(newYorkDate(utc('2024-01-08T05:00:00Z'))).toBe('2024-01-08');
    expect(newYorkDate(utc('2024-07-01T03:59:00Z'))).toBe('2024-06-30');
  });

  it('does calendar arithmetic on ISO dates', () => {
    expect(weekday('2024-01-07')).toBe(0);
    expect(weekday('2024-01-05')).toBe(5);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(daysBetween('2024-01-07', '2024-01-19')).toBe(12);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });
});
