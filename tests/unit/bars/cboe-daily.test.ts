/** CBOE's charts/historical daily bars: read as strictly as a chain (every refusal says what and where). */
import { describe, expect, it } from 'vitest';
import { BarsFormatError, parseCboeDailyBars, type BarsFormatProblem } from '../../../lib/bars';
import { BARS_FIXTURES, barsFixtureText, cboeDaily, row } from './bars-fixtures';

function refusal(run: () => unknown): BarsFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof BarsFormatError) return error;
    throw error;
  }
  throw new Error('expected a BarsFormatError');
}

describe('CBOE daily bars', () => {
  it('reads a file in CBOE format: strings to numbers, oldest first, the symbol without its underscore, pre-2000 rows set aside', () => {
    const bars = parseCboeDailyBars(barsFixtureText(BARS_FIXTURES.spx), { ticker: 'SPX' });
    expect(bars.symbol).toBe('SPX');
    expect(bars.source).toBe('cboe');
    // The file lists 2024-01-09, -08, -05, -04 (newest first) and a 1990 row with open "0.000000".
    expect(bars.bars.map((bar) => bar.date)).toEqual(['2024-01-04', '2024-01-05', '2024-01-08', '2024-01-09']);
    expect(bars.bars[2]).toEqual({ date: '2024-01-08', open: 4703.7, high: 4764.54, low: 4699.82, close: 4763.54, volume: 0 });
    expect(bars.ignored).toBe(1);
    expect(bars.rejections).toBe(0);
    expect(bars.repeated).toBe(0);
  });

  it.each(['SPX', '^SPX', '_SPX', 'spx', 'I:SPX'])("takes %s as the file's ticker", (ticker) => {
    expect(parseCboeDailyBars(barsFixtureText(BARS_FIXTURES.spx), { ticker }).bars).toHaveLength(4);
  });

  it("refuses another symbol's file when the caller names the ticker", () => {
    const error = refusal(() => parseCboeDailyBars(barsFixtureText(BARS_FIXTURES.spx), { ticker: 'SPY' }));
    expect(error.problem).toBe('wrong-symbol');
    expect(error.message).toMatch(/^the bars are for SPX, not SPY \(expected CBOE charts\/historical JSON/);
  });

  it('cannot check a file that names no symbol, and says so by its null symbol', () => {
    const bars = parseCboeDailyBars(JSON.stringify({ data: [row('2024-01-08', 4703.7, 4764.54, 4699.82, 4763.54)] }), { ticker: 'SPY' });
    expect(bars.symbol).toBeNull();
    expect(bars.bars).toHaveLength(1);
  });

  it('refuses each damaged row with the field and the date, and keeps the good ones', () => {
    const good = row('2024-01-08', 4703.7, 4764.54, 4699.82, 4763.54);
    const bars = parseCboeDailyBars(
      cboeDaily([
        good,
        { ...row('2024-01-09', 4741.93, 4765.47, 4730.35, 4756.5), close: '4770.000000' }, // close above high
        { ...row('2024-01-10', 4759.94, 4790.8, 4756.2, 4783.45), low: '4760.000000' }, // low above open
        { ...row('2024-01-11', 4792.13, 4798.5, 4739.58, 4780.24), high: '4700.000000' }, // high below low
        { ...row('2024-01-12', 4791.18, 4802.4, 4768.98, 4783.83), open: '-1' }, // not positive
        { ...row('2024-01-16', 4772.35, 4782.34, 4747.12, 4765.98), close: 'n/a' }, // not a number
        { date: '2024-01-17', open: '4739.13', high: '4744.23', low: '4714.82' }, // close missing
        row('2024-01-13', 1, 1, 1, 1), // a Saturday
        row('2024-01-15', 1, 1, 1, 1), // Martin Luther King Jr. Day
        row('2024-02-30', 1, 1, 1, 1), // no such day
        { ...row('2024-01-18', 4760.1, 4785.79, 4740.57, 4780.94), date: 20240118 }, // date not text
        'not a row',
        { ...row('2024-01-19', 4796.28, 4842.07, 4785.87, 4839.81), volume: '-5' }, // negative volume
      ]),
    );
    expect(bars.bars.map((bar) => bar.date)).toEqual(['2024-01-08']);
    expect(bars.rejections).toBe(12);
    expect(bars.rejected).toEqual([
      { where: 'data[1].close (2024-01-09)', reason: 'close 4770 is above high 4765.47' },
      { where: 'data[2].open (2024-01-10)', reason: 'open 4759.94 is below low 4760' },
      { where: 'data[3].high (2024-01-11)', reason: 'high 4700 is below low 4739.58' },
      { where: 'data[4].open (2024-01-12)', reason: 'open -1 is not a positive price' },
      { where: 'data[5].close (2024-01-16)', reason: 'close "n/a" is not a number' },
      { where: 'data[6].close (2024-01-17)', reason: 'close is missing' },
      { where: 'data[7] (2024-01-13)', reason: '2024-01-13 is a Saturday: there was no session' },
      { where: 'data[8] (2024-01-15)', reason: '2024-01-15 is Martin Luther King Jr. Day: the exchange was closed' },
      { where: 'data[9] (2024-02-30)', reason: 'date "2024-02-30" is not a calendar date (YYYY-MM-DD)' },
      { where: 'data[10]', reason: 'date 20240118 is not a date text' },
      { where: 'data[11]', reason: 'not an object' },
      { where: 'data[12].volume (2024-01-19)', reason: 'volume -5 is negative' },
    ]);
  });

  it('accepts a close or open exactly at the high or the low (the bar of a one-way day)', () => {
    const bars = parseCboeDailyBars(cboeDaily([row('2024-01-08', 4699.82, 4764.54, 4699.82, 4764.54)]));
    expect(bars.bars[0]).toMatchObject({ open: 4699.82, low: 4699.82, close: 4764.54, high: 4764.54 });
  });

  it('keeps a date given twice with the same prices once, and refuses both of a date given twice with different prices', () => {
    const monday = row('2024-01-08', 4703.7, 4764.54, 4699.82, 4763.54);
    const tuesday = row('2024-01-09', 4741.93, 4765.47, 4730.35, 4756.5);
    const bars = parseCboeDailyBars(cboeDaily([monday, tuesday, monday, { ...tuesday, close: '4750.000000' }]));
    expect(bars.bars.map((bar) => bar.date)).toEqual(['2024-01-08']);
    expect(bars.repeated).toBe(1);
    expect(bars.rejected).toEqual([
      { where: 'data[1] (2024-01-09)', reason: '2024-01-09 is given 2 times with different prices (also at data[3]); none is used' },
      { where: 'data[3] (2024-01-09)', reason: '2024-01-09 is given 2 times with different prices (also at data[1]); none is used' },
    ]);
  });

  it('sets aside days without a trade (all prices 0) without calling them damage', () => {
    const bars = parseCboeDailyBars(cboeDaily([row('2024-01-08', 4703.7, 4764.54, 4699.82, 4763.54), row('2024-01-09', 0, 0, 0, 0)]));
    expect(bars.bars).toHaveLength(1);
    expect(bars.ignored).toBe(1);
    expect(bars.rejections).toBe(0);
  });

  it.each<[string, string, BarsFormatProblem, RegExp]>([
    ['empty text', '  \n', 'empty', /^the input is empty/],
    [
      'an HTML error page',
      '<!DOCTYPE html><html><head><title>403 Forbidden</title></head></html>',
      'html',
      /HTML or XML page \("403 Forbidden"\)/,
    ],
    ['an S3 XML error', '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>', 'html', /HTML or XML page/],
    ['text that is not JSON', 'date,open,high\n2024-01-08,1,2', 'not-json', /not valid JSON/],
    ['a cut-off download', '{"symbol": "_SPX", "data": [{"date": "2024-01-08", "open": "47', 'truncated', /ends before it is complete/],
    ['a JSON array', '[1, 2]', 'wrong-shape', /the JSON is an array, not \{"data"/],
    ['no data array', '{"symbol": "_SPX", "rows": []}', 'wrong-shape', /a "data" that is nothing \(top-level keys: symbol, rows\)/],
    ['an empty data array', '{"symbol": "_SPX", "data": []}', 'no-bars', /the "data" array is empty/],
    [
      'only damaged rows',
      cboeDaily([row('2024-01-13', 1, 1, 1, 1)]),
      'no-bars',
      /none of the 1 rows could be used \(first: data\[0\] \(2024-01-13\): 2024-01-13 is a Saturday/,
    ],
    [
      'only pre-2000 rows',
      cboeDaily([row('1999-12-31', 1, 1, 1, 1)]),
      'no-bars',
      /none of the 1 rows is a session since 2000 with a trade/,
    ],
    ['nesting no bars file has', `{"data": ${'['.repeat(40)}${']'.repeat(40)}}`, 'wrong-shape', /nests more than 16 levels/],
  ])('refuses %s', (_what, text, problem, message) => {
    const error = refusal(() => parseCboeDailyBars(text));
    expect(error.problem).toBe(problem);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/\(expected CBOE charts\/historical JSON/);
  });
});

describe('CBOE daily bars since a date', () => {
  it('sets aside the rows before it unread, and still refuses a damaged row after it', () => {
    const bars = parseCboeDailyBars(
      cboeDaily([
        row('2024-01-04', 4697.42, 4726.78, 4687.53, 4688.68),
        { ...row('2024-01-05', 4690.57, 4721.49, 4682.11, 4697.24), close: 'broken' }, // before `since`: not read
        row('2024-01-08', 4703.7, 4764.54, 4699.82, 4763.54),
        { ...row('2024-01-09', 4741.93, 4765.47, 4730.35, 4756.5), high: '1' },
        { ...row('2024-01-10', 4759.94, 4790.8, 4756.2, 4783.45), date: '2024-1-3' }, // malformed: refused, not skipped
      ]),
      { since: '2024-01-08' },
    );
    expect(bars.bars.map((bar) => bar.date)).toEqual(['2024-01-08']);
    expect(bars.ignored).toBe(2);
    expect(bars.rejected.map((rejected) => rejected.where)).toEqual(['data[3].high (2024-01-09)', 'data[4] (2024-1-3)']);
  });

  it('says so when nothing is left since it', () => {
    expect(() => parseCboeDailyBars(barsFixtureText(BARS_FIXTURES.spx), { since: '2024-02-01' })).toThrow(
      /none of the 5 rows is a session since 2024-02-01 with a trade/,
    );
  });
});
