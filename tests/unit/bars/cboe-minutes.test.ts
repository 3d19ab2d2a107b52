/** CBOE's charts/intraday minute bars: New York labels of the minute's end, the regular session only. */
import { describe, expect, it } from 'vitest';
import { BarsFormatError, parseCboeMinuteBars } from '../../../lib/bars';
import { BARS_FIXTURES, barsFixtureText } from './bars-fixtures';

const minutes = (rows: unknown[], symbol: unknown = '_SPX') => JSON.stringify({ timestamp: '2024-01-08 21:14:23', symbol, data: rows });
const minute = (datetime: string, open: unknown, high: unknown, low: unknown, close: unknown) => ({
  datetime,
  price: { open, high, low, close },
});

describe('CBOE minute bars', () => {
  it('reads the fixture: each bar starts a minute before its label, in order, zero minutes and minutes outside the session set aside', () => {
    const bars = parseCboeMinuteBars(barsFixtureText(BARS_FIXTURES.spxMinutes), { ticker: 'SPX' });
    expect(bars.symbol).toBe('SPX');
    // 2024-01-08 is in EST (UTC-5): the 09:31 label is the minute 09:30-09:31 New York, 14:30 UTC.
    expect(bars.bars.map((bar) => new Date(bar.start).toISOString())).toEqual([
      '2024-01-08T14:30:00.000Z',
      '2024-01-08T14:31:00.000Z',
      '2024-01-08T14:32:00.000Z',
      '2024-01-08T20:59:00.000Z', // labelled 16:00: the session's last minute
    ]);
    expect(bars.bars.every((bar) => bar.session === '2024-01-08')).toBe(true);
    expect(bars.bars[3]).toMatchObject({ open: 4763.1, high: 4764.54, low: 4762.8, close: 4763.54 });
    // Set aside: the 09:30 label (the minute before the open), the all-zero 09:34 and the 16:05 label.
    expect(bars.ignored).toBe(3);
    expect(bars.rejections).toBe(0);
  });

  it('times summer sessions in EDT', () => {
    const bars = parseCboeMinuteBars(minutes([minute('2024-07-01T09:31:00', 5475, 5476, 5474, 5475.5)]));
    expect(new Date(bars.bars[0].start).toISOString()).toBe('2024-07-01T13:30:00.000Z');
  });

  it('ends an early-close session at 13:00', () => {
    const bars = parseCboeMinuteBars(
      minutes([minute('2024-11-29T13:00:00', 6030, 6031, 6029, 6030.5), minute('2024-11-29T13:01:00', 1, 1, 1, 1)]),
    );
    expect(bars.bars.map((bar) => new Date(bar.start).toISOString())).toEqual(['2024-11-29T17:59:00.000Z']);
    expect(bars.ignored).toBe(1);
  });

  it('refuses damaged minutes with where and why', () => {
    const bars = parseCboeMinuteBars(
      minutes([
        minute('2024-01-08T10:00:00', 4710, 4712, 4709, 4711),
        minute('not a time', 1, 1, 1, 1),
        minute('2024-01-08T10:01:30', 4710, 4712, 4709, 4711),
        minute('2024-01-08T25:01:00', 4710, 4712, 4709, 4711),
        minute('2024-01-06T10:00:00', 4710, 4712, 4709, 4711),
        { datetime: '2024-01-08T10:02:00', price: [1, 2, 3, 4] },
        minute('2024-01-08T10:03:00', '4710', '4712', '4713', '4711'),
        minute('2024-01-08T10:04:00', 4710, 4712, 4709, null),
      ]),
    );
    expect(bars.bars).toHaveLength(1);
    expect(bars.rejected).toEqual([
      { where: 'data[1]', reason: 'datetime "not a time" is not "YYYY-MM-DDTHH:MM:SS" (New York time)' },
      { where: 'data[2]', reason: 'datetime "2024-01-08T10:01:30" is not on a whole minute' },
      { where: 'data[3]', reason: 'datetime "2024-01-08T25:01:00" is not a real time: hour 25 does not exist' },
      { where: 'data[4]', reason: '2024-01-06 is a Saturday: there was no session' },
      { where: 'data[5].price (2024-01-08T10:02:00)', reason: 'price is an array, not {"open", "high", "low", "close"}' },
      { where: 'data[6].price.high (2024-01-08T10:03:00)', reason: 'high 4712 is below low 4713' },
      { where: 'data[7].price.close (2024-01-08T10:04:00)', reason: 'close is missing' },
    ]);
  });

  it('refuses both of a minute given twice with different prices', () => {
    const bars = parseCboeMinuteBars(
      minutes([
        minute('2024-01-08T10:00:00', 4710, 4712, 4709, 4711),
        minute('2024-01-08T10:00:00', 4710, 4712, 4709, 4710),
        minute('2024-01-08T10:01:00', 4711, 4712, 4710, 4711),
      ]),
    );
    expect(bars.bars).toHaveLength(1);
    expect(bars.rejected.map((row) => row.where)).toEqual([
      'data[0] (the minute from 2024-01-08T14:59:00.000Z)',
      'data[1] (the minute from 2024-01-08T14:59:00.000Z)',
    ]);
  });

  it("refuses another symbol's minutes, and a file with no traded minute", () => {
    expect(() => parseCboeMinuteBars(barsFixtureText(BARS_FIXTURES.spxMinutes), { ticker: 'NDX' })).toThrow(
      /the bars are for SPX, not NDX/,
    );
    const error = (() => {
      try {
        parseCboeMinuteBars(minutes([minute('2024-01-08T10:00:00', 0, 0, 0, 0)]));
      } catch (caught) {
        return caught as BarsFormatError;
      }
    })();
    expect(error).toBeInstanceOf(BarsFormatError);
    expect(error?.problem).toBe('no-bars');
    expect(error?.message).toMatch(/none of the 1 rows is a traded minute of a regular session \(expected CBOE charts\/intraday JSON/);
  });
});
