/** Dates that do not exist are errors naming where they are, never rolled over into other dates. */
import { describe, expect, it } from 'vitest';
import { parseChainText } from '../../../lib/chain/parse';
import { parseCboeDateLine } from '../../../lib/chain/cboe-csv';
import { parseCboeJson } from '../../../lib/chain/cboe-json';
import { FIXTURES, fixtureText } from '../fixtures';
import { csvParts, withDateLine } from './raw-text';
import { formatError } from './format-error';

const spx = fixtureText(FIXTURES.spx);
const utc = (iso: string) => Date.parse(iso);

describe("the quote table's Date line", () => {
  it.each([
    ['month 13', '"Date: 13/7/2024 10:52 AM EST",Bid: 1', /month 13 does not exist/],
    ['day 45', '"Date: January 45, 2024 at 10:52 AM EST",Bid: 1', /2024-01 has no day 45/],
    ['February 30', '"Date: February 30, 2024 at 10:52 AM EST",Bid: 1', /2024-02 has no day 30/],
    ['hour 25', '"Date: January 7, 2024 at 25:52 EST",Bid: 1', /hour 25 does not exist/],
    ['hour 13 PM', '"Date: January 7, 2024 at 13:52 PM EST",Bid: 1', /hour 13 on a 12-hour clock/],
    ['minute 61', '"Date: January 7, 2024 at 10:61 AM EST",Bid: 1', /minute 61 does not exist/],
    ['year 9999', '"Date: January 7, 9999 at 10:52 AM EST",Bid: 1', /year 9999 is outside 2000-2099/],
    ['year 0001', '"Date: January 7, 0001 at 10:52 AM EST",Bid: 1', /year 1 is outside 2000-2099/],
    ['an unknown zone', '"Date: January 7, 2024 at 10:52 AM XYZ",Bid: 1', /unknown time-zone label "XYZ"/],
    ['a zone with an offset', '"Date: January 7, 2024 at 10:52 AM GMT+1",Bid: 1', /unknown time-zone label "GMT\+1"/],
  ])('%s is a bad-date error naming line 3', (_, line, message) => {
    const error = formatError(() => parseChainText(withDateLine(spx, line)));
    expect(error.problem).toBe('bad-date');
    expect(error.message).toMatch(/^line 3: /);
    expect(error.message).toMatch(message);
    // A caller's as-of does not paper over a date the file states wrongly.
    expect(formatError(() => parseChainText(withDateLine(spx, line), { asOf: utc('2024-01-07T15:52:00Z') })).problem).toBe('bad-date');
  });

  it('reads the US zones at their offsets, UTC/GMT/Z as UTC, and no label as New York time', () => {
    const at = (zone: string) => parseCboeDateLine(`"Date: January 7, 2024 at 10:52 AM${zone}",Bid: 1`);
    expect(at(' EST')).toBe(utc('2024-01-07T15:52:00Z'));
    expect(at(' EDT')).toBe(utc('2024-01-07T14:52:00Z'));
    expect(at(' CST')).toBe(utc('2024-01-07T16:52:00Z'));
    expect(at(' CDT')).toBe(utc('2024-01-07T15:52:00Z'));
    expect(at(' MST')).toBe(utc('2024-01-07T17:52:00Z'));
    expect(at(' MDT')).toBe(utc('2024-01-07T16:52:00Z'));
    expect(at(' PST')).toBe(utc('2024-01-07T18:52:00Z'));
    expect(at(' PDT')).toBe(utc('2024-01-07T17:52:00Z'));
    expect(at(' AKST')).toBe(utc('2024-01-07T19:52:00Z'));
    expect(at(' HST')).toBe(utc('2024-01-07T20:52:00Z'));
    for (const zone of [' UTC', ' GMT', ' Z', ' utc']) expect(at(zone)).toBe(utc('2024-01-07T10:52:00Z'));
    // New York: EST in January, EDT in July.
    expect(at('')).toBe(utc('2024-01-07T15:52:00Z'));
    expect(parseCboeDateLine('"Date: July 1, 2024 at 10:52 AM",Bid: 1')).toBe(utc('2024-07-01T14:52:00Z'));
  });

  it('the whole file follows its label: PST data is three hours later than the same clock in EST', () => {
    const est = parseChainText(spx);
    const pst = parseChainText(withDateLine(spx, '"Date: January 7, 2024 at 10:52 AM PST",Bid: 4645.23'));
    expect(pst.asOf - est.asOf).toBe(3 * 3600000);
  });

  it('an unreadable Date line still lets the caller supply as-of, and says so', () => {
    const text = withDateLine(spx, '"Date: sometime",Bid: 1');
    const error = formatError(() => parseChainText(text));
    expect(error.message).toMatch(/cannot tell when the data is from: line 3: no "Date:/);
    expect(parseChainText(text, { asOf: utc('2024-01-07T15:52:00Z') }).warnings[0]).toMatch(/^line 3: .*supplied by the caller/);
  });
});

describe('row expiration dates', () => {
  it('a date that does not exist rejects its row with the reason; the rest is kept', () => {
    const { lines, header, rows } = csvParts(spx);
    const damaged = [...lines];
    // Row 0 is "Fri Jan 05 2024,..."; February 30 does not exist in any year.
    damaged[header + 1] = damaged[header + 1].replace('Fri Jan 05 2024', 'Fri Feb 30 2024');
    damaged[header + 2] = damaged[header + 2].replace('Fri Jan 05 2024', 'Fri Jan 05 9999');
    const snapshot = parseChainText(damaged.join('\n'));
    expect(snapshot.rejected).toEqual([
      { where: `line ${header + 2}`, reason: 'bad expiration date "Fri Feb 30 2024": 2024-02 has no day 30' },
      { where: `line ${header + 3}`, reason: 'bad expiration date "Fri Jan 05 9999": year 9999 is outside 2000-2099' },
    ]);
    expect(snapshot.contracts.length).toBe((rows.length - 2) * 2);
  });

  it('an expiry more than ten years after as-of is no listed contract', () => {
    const { lines, header } = csvParts(spx);
    const damaged = [...lines];
    const row = damaged[header + 1];
    damaged[header + 1] = row.replace('Fri Jan 05 2024', 'Fri Jan 05 2035').replace(/SPXW240105/g, 'SPXW350105');
    const snapshot = parseChainText(damaged.join('\n'));
    expect(snapshot.rejected.map((rejected) => rejected.reason)).toEqual([
      'call: expiry 2035-01-05 expires more than 10 years after as-of 2024-01-07',
      'put: expiry 2035-01-05 expires more than 10 years after as-of 2024-01-07',
    ]);
  });
});

describe('JSON dates', () => {
  const record = {
    option: 'SPY240119C00450000',
    bid: 1,
    ask: 1.1,
    iv: 0.15,
    open_interest: 10,
    volume: 1,
    last_trade_time: '2024-01-08T15:59:41',
  };
  const payload = (timestamp: unknown, trade = record.last_trade_time) =>
    JSON.stringify({ timestamp, symbol: 'SPY', data: { current_price: 450, options: [{ ...record, last_trade_time: trade }] } });

  it('an impossible timestamp is an error naming the field, not a rolled-over date', () => {
    const error = formatError(() => parseChainText(payload('2022-13-45 25:61:61')));
    expect(error.problem).toBe('bad-date');
    expect(error.message).toMatch(/the "timestamp" "2022-13-45 25:61:61" is not a real date and time: month 13 does not exist/);
    expect(formatError(() => parseChainText(payload('2024-02-30 10:00:00'))).message).toMatch(/2024-02 has no day 30/);
    expect(formatError(() => parseChainText(payload('2024-01-08 24:00:00'))).message).toMatch(/hour 24 does not exist/);
    expect(formatError(() => parseChainText(payload('9999-01-08 10:00:00'))).message).toMatch(/year 9999/);
    expect(formatError(() => parseChainText(payload('yesterday'))).message).toMatch(
      /the "timestamp" "yesterday" is not "YYYY-MM-DD HH:MM:SS"/,
    );
    expect(formatError(() => parseChainText(payload(12345))).message).toMatch(/the "timestamp" 12345 is not/);
  });

  it('a real timestamp still reads as UTC, and a missing one is still inferred', () => {
    expect(parseChainText(payload('2024-01-08 16:00:00')).asOf).toBe(utc('2024-01-08T16:00:00Z'));
    expect(parseChainText(payload(null)).asOfInferred).toBe(true);
  });

  it('an impossible last_trade_time is no quote time, counted', () => {
    const snapshot = parseCboeJson(payload('2024-01-08 16:00:00', '2024-01-08T25:61:00'));
    expect(snapshot.contracts[0].quoteTime).toBeNull();
    expect(snapshot.warnings.join('\n')).toMatch(/1 prices, greeks or times that cannot be real/);
    expect(parseCboeJson(payload('2024-01-08 16:00:00')).contracts[0].quoteTime).toBe(utc('2024-01-08T20:59:41Z'));
  });
});
