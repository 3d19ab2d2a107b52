/**
 * What pages can make the extension do: a few tickers a minute per tab, a bounded number of new ones an
 * hour, and a refresh that respects the feed's backoff and a minimum interval.
 */
import { describe, expect, it } from 'vitest';
import { NEW_TICKERS_PER_HOUR, PageQuota, TAB_TICKERS_PER_MINUTE } from '../../../lib/service/page-quota';
import { PAGE_REFRESH_INTERVAL_MS } from '../../../lib/service/feeds';
import { FIXTURES, fixtureText } from '../fixtures';
import { harness, MINUTE, SPX_URL, useCustomUrl } from './harness';

describe('the page quota', () => {
  it('lets a tab show a few tickers a minute, again and again the same ones', () => {
    const clock = { now: 0 };
    const quota = new PageQuota(() => clock.now);
    for (let i = 0; i < TAB_TICKERS_PER_MINUTE; i++) expect(quota.allow(1, `T${i}`, true)).toBe(true);
    expect(quota.allow(1, 'ONE.MORE', true)).toBe(false);
    expect(quota.allow(1, 'T0', true)).toBe(true); // already shown: not a new one
    expect(quota.allow(2, 'ONE.MORE', true)).toBe(true); // another tab has its own minute
    clock.now += MINUTE;
    expect(quota.allow(1, 'ONE.MORE', true)).toBe(true);
  });

  it('bounds the tickers not yet held that pages bring in per hour, whatever the tabs', () => {
    const clock = { now: 0 };
    const quota = new PageQuota(() => clock.now);
    for (let i = 0; i < NEW_TICKERS_PER_HOUR; i++) expect(quota.allow(i, `NEW${i}`, false)).toBe(true);
    expect(quota.allow(999, 'NEWEST', false)).toBe(false);
    expect(quota.allow(999, 'HELD', true)).toBe(true); // held tickers cost no fetch
    clock.now += 60 * MINUTE;
    expect(quota.allow(999, 'NEWEST', false)).toBe(true);
  });
});

describe('a page full of forged symbols', () => {
  it('makes the extension fetch only the first few, and tells the chart why the rest wait', async () => {
    const service = harness();
    await useCustomUrl(service);
    service.host.answer('http://127.0.0.1:9/chains/', { status: 404, body: 'no such chain' });
    const symbols = Array.from({ length: 16 }, (_, index) => `NASDAQ:FAKE${String.fromCharCode(65 + index)}`);
    const push = await service.subscriptions.subscribe(5, { symbols });
    expect(service.host.calls).toHaveLength(TAB_TICKERS_PER_MINUTE);
    const paused = push.charts.filter((chart) => chart.problem?.startsWith('gexmap paused'));
    expect(paused).toHaveLength(16 - TAB_TICKERS_PER_MINUTE);
    expect((await service.storage.subscription(5).get())?.symbols).toHaveLength(TAB_TICKERS_PER_MINUTE);
  });
});

describe('refresh from a page', () => {
  it("respects the minimum interval and the backoff; the extension's own pages are not held back", async () => {
    const service = harness();
    await useCustomUrl(service);
    service.host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    await service.feeds.refresh('SPX', 'extension');
    for (let i = 0; i < 5; i++) await service.feeds.refresh('SPX', 'page');
    expect(service.host.calls).toHaveLength(1);
    service.clock.now += PAGE_REFRESH_INTERVAL_MS;
    service.host.answer(SPX_URL, { status: 500, body: 'down' });
    await service.feeds.refresh('SPX', 'page');
    await service.feeds.refresh('SPX', 'extension'); // a second failure: 2 minutes of backoff
    expect(service.host.calls).toHaveLength(3);
    service.clock.now += PAGE_REFRESH_INTERVAL_MS + 1000;
    await service.feeds.refresh('SPX', 'page'); // past the interval, but backing off: no fetch
    expect(service.host.calls).toHaveLength(3);
    await service.feeds.refresh('SPX', 'extension');
    expect(service.host.calls).toHaveLength(4);
  });
});
