import { describe, expect, it } from 'vitest';
import { fetchCboe, cboeSymbols, CBOE_BASE_URL } from '../../../lib/providers/cboe';
import { fetchCustomUrl, customUrlFor, importChainText } from '../../../lib/providers/custom-url';
import { scriptedFetch } from '../scripted-fetch';
import { FIXTURES, fixtureText } from '../fixtures';

const now = () => Date.parse('2026-07-24T20:15:00Z');
const clx = JSON.stringify({
  timestamp: '2026-07-24 20:14:05',
  symbol: 'CLX',
  data: { current_price: 98.52, options: [{ option: 'CLX260821C00095000', iv: 0.3642, open_interest: 2834.0, gamma: 0.0417 }] },
});

describe('CBOE delayed quotes provider', () => {
  it('asks for index symbols with the underscore first, equities bare first', () => {
    expect(cboeSymbols('spx')).toEqual(['_SPX', 'SPX']);
    expect(cboeSymbols('^NDX')).toEqual(['_NDX', 'NDX']);
    expect(cboeSymbols('CLX')).toEqual(['CLX', '_CLX']);
  });

  it('parses the payload into a delayed snapshot with the spot from the payload', async () => {
    const host = scriptedFetch();
    host.answer(`${CBOE_BASE_URL}CLX.json`, { body: clx });
    const result = await fetchCboe('clx', { fetch: host.fetch, now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot).toMatchObject({ provider: 'cboe', underlying: 'CLX', spot: 98.52, delayed: true, fetchedAt: now() });
    expect(host.calls.map((call) => call.url)).toEqual([`${CBOE_BASE_URL}CLX.json`]);
  });

  it('falls back to the other spelling when CBOE answers 403 or 404', async () => {
    const host = scriptedFetch();
    host.answer(`${CBOE_BASE_URL}_XSP.json`, { status: 403, body: '<Error>AccessDenied</Error>' });
    host.answer(`${CBOE_BASE_URL}XSP.json`, { body: clx.replace('"CLX"', '"XSP"') });
    const result = await fetchCboe('XSP', { fetch: host.fetch, now });
    expect(result.ok).toBe(true);
    expect(host.calls.map((call) => call.url)).toEqual([`${CBOE_BASE_URL}_XSP.json`, `${CBOE_BASE_URL}XSP.json`]);
  });

  it('reports an unknown ticker when neither spelling exists', async () => {
    const host = scriptedFetch();
    host.answer(CBOE_BASE_URL, { status: 403, body: 'denied' });
    const result = await fetchCboe('NOPE', { fetch: host.fetch, now });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'unknown-ticker', message: 'CBOE has no option chain for NOPE (answered 403 for NOPE and _NOPE)', status: 403 },
    });
  });

  it('types each failure: HTTP status, rate limit with Retry-After, network, timeout, not a chain', async () => {
    const host = scriptedFetch();
    host.answer(`${CBOE_BASE_URL}A.json`, { status: 500, body: 'oops' });
    host.answer(`${CBOE_BASE_URL}B.json`, { status: 429, body: 'slow down', headers: { 'retry-after': '120' } });
    host.answer(`${CBOE_BASE_URL}C.json`, { throws: 'Failed to fetch' });
    host.answer(`${CBOE_BASE_URL}D.json`, { hang: true });
    host.answer(`${CBOE_BASE_URL}E.json`, { body: '<!doctype html><title>Maintenance</title>' });
    const context = { fetch: host.fetch, now, timeoutMs: 50 };
    const error = async (ticker: string) => {
      const result = await fetchCboe(ticker, context);
      if (result.ok) throw new Error('expected an error');
      return result.error;
    };
    expect(await error('A')).toEqual({ kind: 'http', message: 'cdn.cboe.com answered 500', status: 500 });
    expect(await error('B')).toEqual({
      kind: 'rate-limited',
      message: 'cdn.cboe.com answered 429 Too Many Requests',
      status: 429,
      retryAfterMs: 120000,
    });
    expect(await error('C')).toEqual({ kind: 'network', message: 'cannot reach cdn.cboe.com: Failed to fetch' });
    expect(await error('D')).toEqual({ kind: 'timeout', message: 'no answer from cdn.cboe.com within 50 ms' });
    const notAChain = await error('E');
    expect(notAChain.kind).toBe('not-a-chain');
    expect(notAChain.message).toMatch(/^CBOE E: the input is an HTML page \("Maintenance"\)/);
  });
});

describe('custom URL and file import', () => {
  it('fills {ticker} into the URL and reads a quote-table CSV', async () => {
    expect(customUrlFor('http://127.0.0.1:8080/chains/{ticker}.csv', 'spy')).toBe('http://127.0.0.1:8080/chains/SPY.csv');
    const host = scriptedFetch();
    host.answer('http://127.0.0.1:8080/chains/SPY.csv', { body: fixtureText(FIXTURES.spy) });
    const result = await fetchCustomUrl('http://127.0.0.1:8080/chains/{ticker}.csv', 'SPY', { fetch: host.fetch, now });
    expect(result.ok && result.snapshot.contracts.length).toBe(7292);
    expect(result.ok && result.snapshot.provider).toBe('custom');
  });

  it('refuses URLs that are not http(s), naming the problem', async () => {
    const host = scriptedFetch();
    expect(await fetchCustomUrl('file:///etc/passwd', 'SPY', { fetch: host.fetch, now })).toEqual({
      ok: false,
      error: { kind: 'network', message: 'the custom URL must be http(s), not file:' },
    });
    expect(await fetchCustomUrl('not a url', 'SPY', { fetch: host.fetch, now })).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(host.calls).toEqual([]);
  });

  it('imports file text, or says what is wrong with it', () => {
    const good = importChainText(fixtureText(FIXTURES.nvda), 'nvda.csv', now());
    expect(good.ok && good.snapshot.provider).toBe('file');
    const bad = importChainText('Name,Price\nfoo,1', 'prices.csv', now());
    expect(bad).toMatchObject({ ok: false, error: { kind: 'not-a-chain' } });
    expect(!bad.ok && bad.error.message).toMatch(/^prices\.csv: unrecognised format/);
  });
});
