import { describe, expect, it } from 'vitest';
import { parseCboeDateLine } from '../../../lib/chain/cboe-csv';

describe('the quote-table CSV "Date:" line', () => {
  it('reads the current form, "January 7, 2024 at 10:52 AM EST"', () => {
    expect(parseCboeDateLine('"Date: January 7, 2024 at 10:52 AM EST",Bid: 4645.23,Ask: 4753.8999')).toBe(
      Date.parse('2024-01-07T15:52:00Z'),
    );
    expect(parseCboeDateLine('"Date: September 14, 2023 at 4:31 PM EDT",Bid: 450.81')).toBe(Date.parse('2023-09-14T20:31:00Z'));
  });

  it('reads the older form, "June 11, 2022, 8:47 PM EDT"', () => {
    expect(parseCboeDateLine('"Date: June 11, 2022, 8:47 PM EDT",Bid: 389.6')).toBe(Date.parse('2022-06-12T00:47:00Z'));
    expect(parseCboeDateLine('"Date: December 2, 2021, 12:05 AM EST"')).toBe(Date.parse('2021-12-02T05:05:00Z'));
  });

  it('falls back to New York time when the zone is missing, and explains a line it cannot read', () => {
    expect(parseCboeDateLine('"Date: July 1, 2024 at 12:00 PM"')).toBe(Date.parse('2024-07-01T16:00:00Z'));
    expect(parseCboeDateLine('"Date: Smarch 1, 2024 at 12:00 PM EST"')).toBe('unknown month "Smarch" in the Date line');
    expect(parseCboeDateLine('Date: yesterday')).toMatch(/^no "Date: Month D, YYYY at H:MM AM\/PM TZ" in/);
  });
});
