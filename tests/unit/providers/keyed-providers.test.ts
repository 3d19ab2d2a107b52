/**
 * Tradier and Polygon/Massive. We cannot call them from tests, so their payloads here are written by
 * hand from each vendor's documented response format (Tradier: /v1/markets/quotes, /options/expirations,
 * /options/chains with greeks; Polygon: /v3/snapshot/options/{underlying} with next_url paging).
 */
import { describe, expect, it } from 'vitest';
import { fetchTradier, TRADIER_BASE_URL } from '../../../lib/providers/tradier';
import { fetchPolygon, POLYGON_BASE_URL, polygonUnderlying } from '../../../lib/providers/polygon';
import { slidingWindowLimiter } from '../../../lib/providers/rate-limiter';
import { scriptedFetch } from '../scripted-fetch';

const now = () => Date.parse('2024-01-08T15:00:00Z');
const noLimit = { acquire: async () => {} };

function tradierOption(symbol: string, type: 'call' | 'put', strike: number, openInterest: number, midIv: number, gamma: number) {
  return {
    symbol,
    description: `SPY Jan 19 2024 ${strike} ${type}`,
    exch: 'Z',
    type: 'option',
    last: 1.23,
    change: 0.1,
    volume: 10,
    open: 1,
    high: 2,
    low: 1,
    close: null,
    bid: 1.2,
    ask: 1.26,
    underlying: 'SPY',
    strike,
    change_percentage: 1,
    average_volume: 0,
    last_volume: 1,
    trade_date: 0,
    prevclose: 1.1,
    week_52_high: 0,
    week_52_low: 0,
    bidsize: 10,
    bidexch: 'Z',
    bid_date: 0,
    asksize: 10,
    askexch: 'Z',
    ask_date: 0,
    open_interest: openInterest,
    contract_size: 100,
    expiration_date: '2024-01-19',
    expiration_type: 'standard',
    option_type: type,
    root_symbol: 'SPY',
    greeks: {
      delta: 0.5,
      gamma,
      theta: -0.1,
      vega: 0.2,
      rho: 0.01,
      phi: -0.01,
      bid_iv: midIv - 0.01,
      mid_iv: midIv,
      ask_iv: midIv + 0.01,
      smv_vol: midIv,
      updated_at: '2024-01-08 14:00:05',
    },
  };
}

function tradierHost() {
  const host = scriptedFetch();
  host.answer(`${TRADIER_BASE_URL}/v1/markets/quotes?symbols=SPY`, {
    body: JSON.stringify({ quotes: { quote: { symbol: 'SPY', last: 470.5, close: null, prevclose: 467.92 } } }),
  });
  host.answer(`${TRADIER_BASE_URL}/v1/markets/options/expirations?symbol=SPY&includeAllRoots=true`, {
    body: JSON.stringify({ expirations: { date: ['2024-01-19', '2024-02-16'] } }),
  });
  host.answer(`${TRADIER_BASE_URL}/v1/markets/options/chains?symbol=SPY&expiration=2024-01-19&greeks=true`, {
    body: JSON.stringify({
      options: {
        option: [
          tradierOption('SPY240119C00470000', 'call', 470, 1000, 0.12, 0.05),
          tradierOption('SPY240119P00470000', 'put', 470, 2000, 0.13, 0.05),
        ],
      },
    }),
  });
  // A single contract comes back as an object, not an array.
  host.answer(`${TRADIER_BASE_URL}/v1/markets/options/chains?symbol=SPY&expiration=2024-02-16&greeks=true`, {
    body: JSON.stringify({
      options: { option: { ...tradierOption('SPY240216C00480000', 'call', 480, 500, 0.11, 0.02), expiration_date: '2024-02-16' } },
    }),
  });
  return host;
}

describe('Tradier provider', () => {
  it('reads quote, expirations with all roots and each chain with greeks, with the token header', async () => {
    const host = tradierHost();
    const result = await fetchTradier('spy', { fetch: host.fetch, now }, { token: 'secret-token', limiter: noLimit });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot).toMatchObject({ provider: 'tradier', underlying: 'SPY', spot: 470.5, asOf: now(), delayed: false });
    expect(
      result.snapshot.contracts.map((contract) => [contract.occ, contract.openInterest, contract.iv, contract.gamma, contract.multiplier]),
    ).toEqual([
      ['SPY240119C00470000', 1000, 0.12, 0.05, 100],
      ['SPY240119P00470000', 2000, 0.13, 0.05, 100],
      ['SPY240216C00480000', 500, 0.11, 0.02, 100],
    ]);
    expect(host.calls).toHaveLength(4);
    for (const call of host.calls) expect(call.headers).toEqual({ Authorization: 'Bearer secret-token', Accept: 'application/json' });
    expect(result.snapshot.warnings.join('\n')).toMatch(/greeks \(ORATS\) last updated 2024-01-08T14:00:05.000Z/);
  });

  it('says a key is missing, or rejected, and when a ticker is unknown', async () => {
    const host = tradierHost();
    expect(await fetchTradier('SPY', { fetch: host.fetch, now }, { token: '', limiter: noLimit })).toMatchObject({
      ok: false,
      error: { kind: 'missing-key' },
    });
    expect(host.calls).toEqual([]);
    host.answer(`${TRADIER_BASE_URL}/v1/markets/quotes`, { status: 401, body: 'Invalid Access Token' });
    expect(await fetchTradier('SPY', { fetch: host.fetch, now }, { token: 'bad', limiter: noLimit })).toEqual({
      ok: false,
      error: { kind: 'missing-key', message: 'Tradier rejected the access token (401)', status: 401 },
    });
    const unknown = scriptedFetch();
    unknown.answer(`${TRADIER_BASE_URL}/v1/markets/quotes`, {
      body: JSON.stringify({ quotes: { unmatched_symbols: { symbol: 'XXXX' } } }),
    });
    expect(await fetchTradier('XXXX', { fetch: unknown.fetch, now }, { token: 't', limiter: noLimit })).toMatchObject({
      ok: false,
      error: { kind: 'unknown-ticker' },
    });
  });

  it('keeps to 120 requests per minute', async () => {
    let clock = 0;
    const waits: number[] = [];
    const limiter = slidingWindowLimiter(
      120,
      60000,
      () => clock,
      async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    );
    for (let i = 0; i < 121; i++) await limiter.acquire();
    expect(waits).toEqual([60000]);
    for (let i = 0; i < 119; i++) await limiter.acquire();
    expect(waits).toEqual([60000]);
    await limiter.acquire();
    expect(waits).toEqual([60000, 60000]);
  });

  it('reads values that cannot be real as missing, and counts them in the warnings', async () => {
    const host = tradierHost();
    // 26.001 is the placeholder IV the sources write for far strikes; a negative bid is no price.
    const placeholder = { ...tradierOption('SPY240119C00500000', 'call', 500, 300, 26.001, 0.01), bid: -0.05 };
    host.answer(`${TRADIER_BASE_URL}/v1/markets/options/chains?symbol=SPY&expiration=2024-01-19&greeks=true`, {
      body: JSON.stringify({ options: { option: [tradierOption('SPY240119C00470000', 'call', 470, 1000, 0.12, 0.05), placeholder] } }),
    });
    const result = await fetchTradier('SPY', { fetch: host.fetch, now }, { token: 't', limiter: noLimit });
    if (!result.ok) throw new Error(result.error.message);
    const read = result.snapshot.contracts.find((contract) => contract.occ === 'SPY240119C00500000')!;
    expect([read.iv, read.bid, read.openInterest]).toEqual([null, null, 300]);
    expect(result.snapshot.warnings).toContain('1 IV values above 500% were taken as placeholders and treated as missing');
    expect(result.snapshot.warnings).toContain('1 negative bid, ask or last prices were read as missing');
  });
});

function polygonResult(ticker: string, type: 'call' | 'put', strike: number, openInterest: number, iv: number) {
  return {
    break_even_price: strike,
    day: { change: 0, close: 1.5, high: 1.6, low: 1.4, open: 1.5, volume: 120, vwap: 1.5, last_updated: 1704726000000000000 },
    details: {
      contract_type: type,
      exercise_style: 'european',
      expiration_date: '2024-01-19',
      shares_per_contract: 100,
      strike_price: strike,
      ticker,
    },
    greeks: { delta: 0.5, gamma: 0.0021, theta: -2, vega: 3 },
    implied_volatility: iv,
    open_interest: openInterest,
    last_quote: { ask: 12.1, bid: 11.9, last_updated: 1704725999000000000, midpoint: 12, timeframe: 'DELAYED' },
    underlying_asset: { ticker: 'I:SPX', value: 4750.5, last_updated: 1704726000000000000, timeframe: 'DELAYED' },
  };
}

describe('Polygon/Massive provider', () => {
  it('follows next_url pages, uses I: for indices and the bearer key', async () => {
    expect(polygonUnderlying('spx')).toBe('I:SPX');
    expect(polygonUnderlying('AAPL')).toBe('AAPL');
    const host = scriptedFetch();
    host.answer(`${POLYGON_BASE_URL}/v3/snapshot/options/I%3ASPX?limit=250`, {
      body: JSON.stringify({
        status: 'OK',
        request_id: 'a',
        results: [polygonResult('O:SPX240119C04700000', 'call', 4700, 900, 0.11)],
        next_url: `${POLYGON_BASE_URL}/v3/snapshot/options/I:SPX?cursor=abc`,
      }),
    });
    host.answer(`${POLYGON_BASE_URL}/v3/snapshot/options/I:SPX?cursor=abc`, {
      body: JSON.stringify({ status: 'OK', request_id: 'b', results: [polygonResult('O:SPXW240119P04600000', 'put', 4600, 1500, 0.14)] }),
    });
    const result = await fetchPolygon('SPX', { fetch: host.fetch, now }, { key: 'poly-key' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot).toMatchObject({ provider: 'polygon', underlying: 'SPX', spot: 4750.5 });
    expect(
      result.snapshot.contracts.map((contract) => [
        contract.root,
        contract.settlementStyle,
        contract.strike,
        contract.openInterest,
        contract.iv,
      ]),
    ).toEqual([
      ['SPX', 'AM', 4700, 900, 0.11],
      ['SPXW', 'PM', 4600, 1500, 0.14],
    ]);
    expect(host.calls.map((call) => call.headers.Authorization)).toEqual(['Bearer poly-key', 'Bearer poly-key']);
    expect(host.calls.every((call) => !call.url.includes('poly-key'))).toBe(true);
  });

  it('follows next_url only on its own host: the key never travels elsewhere', async () => {
    const host = scriptedFetch();
    host.answer(`${POLYGON_BASE_URL}/v3/snapshot/options/SPY?limit=250`, {
      body: JSON.stringify({
        status: 'OK',
        results: [polygonResult('O:SPY240119C00470000', 'call', 470, 900, 0.11)],
        next_url: 'https://collector.example.net/v3/snapshot/options/SPY?cursor=abc',
      }),
    });
    host.answer('https://collector.example.net/', { body: JSON.stringify({ status: 'OK', results: [] }) });
    const result = await fetchPolygon('SPY', { fetch: host.fetch, now }, { key: 'poly-key' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'not-a-chain',
        message: expect.stringMatching(/points at collector\.example\.net, not api\.polygon\.io: not followed/),
      },
    });
    expect(host.calls.map((call) => new URL(call.url).host)).toEqual(['api.polygon.io']);
  });

  it('reads values that cannot be real as missing, and counts them in the warnings', async () => {
    const host = scriptedFetch();
    const impossible = {
      ...polygonResult('O:SPY240119P00460000', 'put', 460, 700, 30),
      greeks: { delta: 5, gamma: -1, theta: -2, vega: 3 },
    };
    host.answer(`${POLYGON_BASE_URL}/v3/snapshot/options/SPY?limit=250`, {
      body: JSON.stringify({ status: 'OK', results: [polygonResult('O:SPY240119C00470000', 'call', 470, 900, 0.11), impossible] }),
    });
    const result = await fetchPolygon('SPY', { fetch: host.fetch, now }, { key: 'k' });
    if (!result.ok) throw new Error(result.error.message);
    const read = result.snapshot.contracts.find((contract) => contract.occ === 'SPY240119P00460000')!;
    expect([read.iv, read.delta, read.gamma, read.openInterest]).toEqual([null, null, null, 700]);
    expect(result.snapshot.warnings).toContain('1 IV values above 500% were taken as placeholders and treated as missing');
    expect(result.snapshot.warnings).toContain(
      '2 prices, greeks or times that cannot be real (not numbers, or beyond any real value) were read as missing',
    );
  });

  it('types a rejected key, an empty result and a non-JSON answer', async () => {
    const host = scriptedFetch();
    host.answer(`${POLYGON_BASE_URL}/v3/snapshot/options/BAD`, {
      status: 401,
      body: JSON.stringify({ status: 'NOT_AUTHORIZED', message: 'Unknown API Key' }),
    });
    host.answer(`${POLYGON_BASE_URL}/v3/snapshot/options/ZZZZ`, { body: JSON.stringify({ status: 'OK', results: [] }) });
    host.answer(`${POLYGON_BASE_URL}/v3/snapshot/options/HTML`, { body: '<html>gateway</html>' });
    const context = { fetch: host.fetch, now };
    expect(await fetchPolygon('BAD', context, { key: 'k' })).toMatchObject({ ok: false, error: { kind: 'missing-key', status: 401 } });
    expect(await fetchPolygon('ZZZZ', context, { key: 'k' })).toMatchObject({ ok: false, error: { kind: 'unknown-ticker' } });
    expect(await fetchPolygon('HTML', context, { key: 'k' })).toMatchObject({ ok: false, error: { kind: 'not-a-chain' } });
    expect(await fetchPolygon('SPY', context, { key: '' })).toMatchObject({ ok: false, error: { kind: 'missing-key' } });
  });
});
