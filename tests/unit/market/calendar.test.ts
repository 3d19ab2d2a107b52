import { describe, expect, it } from 'vitest';
import { earlyCloseReason, easterSunday, holidayName, nyseHolidays } from '../../../lib/market/holidays';
import {
  currentOrNextSession,
  isMarketOpen,
  isTradingDay,
  lastClosedSession,
  nextTradingDay,
  sessionOn,
} from '../../../lib/market/sessions';

const utc = (iso: string) => Date.parse(iso);

describe('NYSE holidays', () => {
  it('computes Easter and closes on Good Friday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2030)).toBe('2030-04-21');
    expect(holidayName('2024-03-29')).toBe('Good Friday');
    expect(holidayName('2025-04-18')).toBe('Good Friday');
    expect(holidayName('2026-04-03')).toBe('Good Friday');
    expect(isTradingDay('2024-04-01')).toBe(true); // Easter Monday is a trading day in New York
  });

  it('observes Juneteenth from 2022 on, moved off weekends', () => {
    expect(holidayName('2021-06-18')).toBeNull();
    expect(holidayName('2022-06-20')).toBe('Juneteenth'); // June 19, 2022 was a Sunday
    expect(holidayName('2024-06-19')).toBe('Juneteenth');
    expect(holidayName('2027-06-18')).toBe('Juneteenth'); // June 19, 2027 is a Saturday
  });

  it('moves Saturday holidays to Friday and Sunday holidays to Monday, except New Year', () => {
    expect(holidayName('2026-07-03')).toBe('Independence Day');
    expect(holidayName('2021-12-24')).toBe('Christmas Day');
    expect(holidayName('2023-01-02')).toBe("New Year's Day");
    expect(holidayName('2022-12-26')).toBe('Christmas Day');
    // January 1, 2022 was a Saturday: NYSE did not close on Friday, December 31, 2021.
    expect(isTradingDay('2021-12-31')).toBe(true);
    expect(nyseHolidays(2022).has('2021-12-31')).toBe(false);
  });

  it('knows one-off closures', () => {
    expect(holidayName('2025-01-09')).toMatch(/Carter/);
    expect(holidayName('2012-10-30')).toMatch(/Sandy/);
  });

  it('lists the ten 2030 holidays', () => {
    expect([...nyseHolidays(2030).keys()].sort()).toEqual([
      '2030-01-01',
      '2030-01-21',
      '2030-02-18',
      '2030-04-19',
      '2030-05-27',
      '2030-06-19',
      '2030-07-04',
      '2030-09-02',
      '2030-11-28',
      '2030-12-25',
    ]);
  });
});

describe('NYSE sessions', () => {
  it('closes at 13:00 the day after Thanksgiving, Christmas Eve and July 3', () => {
    expect(holidayName('2024-11-28')).toBe('Thanksgiving Day');
    expect(earlyCloseReason('2024-11-29')).toBe('Day after Thanksgiving');
    expect(sessionOn('2024-11-29')).toEqual({
      date: '2024-11-29',
      open: utc('2024-11-29T14:30:00Z'),
      close: utc('2024-11-29T18:00:00Z'),
      earlyClose: true,
    });
    expect(earlyCloseReason('2025-12-24')).toBe('Christmas Eve');
    expect(earlyCloseReason('2024-07-03')).toBe('Day before Independence Day');
    expect(sessionOn('2024-07-03')?.close).toBe(utc('2024-07-03T17:00:00Z'));
    // July 3, 2026 is itself the observed holiday; no early close on July 2.
    expect(earlyCloseReason('2026-07-02')).toBeNull();
    expect(sessionOn('2024-11-27')?.close).toBe(utc('2024-11-27T21:00:00Z'));
  });

  it('has no session on weekends and holidays', () => {
    expect(sessionOn('2024-01-06')).toBeNull();
    expect(sessionOn('2024-12-25')).toBeNull();
    expect(nextTradingDay('2024-03-28')).toBe('2024-04-01');
  });

  it('finds the current or next session and whether the market is open', () => {
    // Sunday, January 7, 2024 -> Monday's session.
    expect(currentOrNextSession(utc('2024-01-07T15:52:00Z')).date).toBe('2024-01-08');
    // Thursday, September 14, 2023 after the close -> Friday.
    expect(currentOrNextSession(utc('2023-09-14T20:31:00Z')).date).toBe('2023-09-15');
    // During the session: that same session.
    expect(currentOrNextSession(utc('2023-09-14T15:00:00Z')).date).toBe('2023-09-14');
    expect(isMarketOpen(utc('2023-09-14T15:00:00Z'))).toBe(true);
    expect(isMarketOpen(utc('2023-09-14T13:29:00Z'))).toBe(false);
    expect(isMarketOpen(utc('2024-11-29T18:30:00Z'))).toBe(false); // after the early close
    expect(lastClosedSession(utc('2024-01-07T15:52:00Z')).date).toBe('2024-01-05');
  });
});
