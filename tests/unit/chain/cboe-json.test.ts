import { describe, expect, it } from 'vitest';
import { parseCboeJson } from '../../../lib/chain/cboe-json';

// The two real CLX records quoted in DESIGN.md, in the current schema.
const clxCall = {
  option: 'CLX260821C00095000',
  bid: 3.4,
  bid_size: 354.0,
  ask: 4.3,
  ask_size: 82.0,
  iv: 0.3642,
  open_interest: 2834.0,
  volume: 327.0,
  delta: 0.5438,
  gamma: 0.0417,
  vega: 0.101,
  theta: -0.0797,
  rho: 0.0269,
  theo: 4.1443,
  change: 0.85,
  open: 3.6,
  high: 4.3,
  low: 3.4,
  tick: 'down',
  last_trade_price: 4.1,
  last_trade_time: '2026-07-24T15:59:41',
  percent_change: 26.1538,
  prev_day_close: 3.25,
};
const clxDeep = {
  option: 'CLX260821C00055000',
  bid: 39.0,
  ask: 42.1,
  iv: 0.0,
  open_interest: 6.0,
  volume: 0.0,
  delta: 0.9998,
  gamma: 0.0,
  last_trade_time: null,
};

describe('CBOE delayed-quotes JSON, current schema', () => {
  const payload = {
    timestamp: '2026-07-24 20:14:05',
    symbol: 'CLX',
    data: {
      options: [clxCall, clxDeep],
      current_price: 98.52,
      close: 98.1,
      prev_day_close: 97.0,
      iv30: 28.4,
      last_trade_time: '2026-07-24T16:00:00',
    },
  };

  it('takes as-of from the UTC timestamp and spot from current_price', () => {
    const snapshot = parseCboeJson(JSON.stringify(payload), { fetchedAt: 1 });
    expect(snapshot.asOf).toBe(Date.parse('2026-07-24T20:14:05Z'));
    expect(snapshot.asOfInferred).toBe(false);
    expect(snapshot.spot).toBe(98.52);
    expect(snapshot.underlying).toBe('CLX');
    expect(snapshot.fetchedAt).toBe(1);
    expect(snapshot.delayed).toBe(true);
  });

  it('normalizes each record, with IV 0 as missing and the NY-local trade time in UTC', () => {
    const [call, deep] = parseCboeJson(payload).contracts;
    expect(call).toMatchObject({
      type: 'C',
      strike: 95,
      expiry: '2026-08-21',
      openInterest: 2834,
      volume: 327,
      iv: 0.3642,
      gamma: 0.0417,
      bid: 3.4,
      ask: 4.3,
      last: 4.1,
      quoteTime: Date.parse('2026-07-24T19:59:41Z'),
      multiplier: 100,
      expired: false,
    });
    expect(deep).toMatchObject({ iv: null, gamma: 0, quoteTime: null, last: null, openInterest: 6 });
  });

  it('strips the index underscore and keeps both roots of a mixed _SPX file', () => {
    const snapshot = parseCboeJson({
      timestamp: '2024-01-08 16:00:00',
      symbol: '_SPX',
      data: {
        current_price: 4750,
        options: [
          { option: 'SPX240119C04700000', iv: 0.12, open_interest: 10 },
          { option: 'SPXW240119C04700000', iv: 0.12, open_interest: 10 },
        ],
      },
    });
    expect(snapshot.underlying).toBe('SPX');
    expect(snapshot.contracts.map((contract) => [contract.root, contract.settlementStyle])).toEqual([
      ['SPX', 'AM'],
      ['SPXW', 'PM'],
    ]);
  });

  it('rejects bad records with their index and reason, keeping the rest', () => {
    const snapshot = parseCboeJson({
      timestamp: '2026-07-24 20:14:05',
      data: { current_price: 98, options: [clxCall, 'x', { option: 'NOPE' }, null] },
    });
    expect(snapshot.contracts.length).toBe(1);
    expect(snapshot.rejected).toEqual([
      { where: 'options[1]', reason: 'not an object' },
      { where: 'options[2]', reason: 'bad option symbol: "NOPE" is too short for an OCC symbol' },
      { where: 'options[3]', reason: 'not an object' },
    ]);
    expect(snapshot.warnings.join('\n')).toMatch(/3 option records were rejected/);
  });
});
