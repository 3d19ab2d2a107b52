/**
 * The background's composed service on a real IndexedDB implementation, with the data host scripted:
 * caching, failures that keep the last good levels, backoff, dedupe, restart from storage, history,
 * pushes to subscribed tabs, and keys kept out of every reply.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { computeLevels } from '../../../lib/gex/levels';
import { parseChainText } from '../../../lib/chain/parse';
import { FIXTURES, fixtureText } from '../fixtures';
import { harness, MINUTE, SPX_URL, useCustomUrl } from './harness';

describe('the background service', () => {
  let idb: IDBFactory;
  beforeEach(() => {
    idb = new IDBFactory();
  });

  it('fetches through the custom URL and answers the same levels as the engine (and the levels command)', async () => {
    const service = harness(idb);
    const { host, pushes } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    await service.subscriptions.subscribe(7, { symbols: ['SP:SPX'] });
    expect(host.calls).toHaveLength(1); // the chart asked first: fetched once, on its behalf
    const reply = await service.questions.getLevels();
    const expected = computeLevels(parseChainText(fixtureText(FIXTURES.spx)), { rate: 0.04, dividend: 0.013 });
    expect(reply.levels?.flip).toBeCloseTo(expected.flip!, 9);
    expect(reply.levels?.callWall).toBe(expected.callWall);
    expect(reply.levels?.putWall).toBe(expected.putWall);
    expect(reply.source).toMatchObject({ provider: 'custom', underlying: 'SPX', asOf: Date.parse('2024-01-07T15:52:00Z') });
    expect(reply.stale).toBe(false);
    expect(reply.status).toMatchObject({ failures: 0, lastError: null, key: 'custom:SPX' });
    // The tab was subscribed after the fetch: a refresh now reaches it, with the chart's levels.
    await service.feeds.refresh(undefined, 'extension');
    expect(
      pushes.map(({ tabId, push }) => [tabId, push.charts.map((chart) => [chart.symbol, chart.ticker, chart.levels?.levels?.flip])]),
    ).toEqual([[7, [['SP:SPX', 'SPX', reply.levels?.flip]]]]);
    // Cached: a question makes no request.
    await service.questions.getLevels();
    expect(host.calls).toHaveLength(2);
  });

  it('keeps the last good levels through a 500, an HTML page and a hang, naming each failure', async () => {
    const service = harness(idb);
    const { host, clock, pushes } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const good = await service.questions.getLevels();
    await service.subscriptions.subscribe(7, { follow: true });
    for (const [answer, kind, message] of [
      [{ status: 500, body: 'boom' }, 'http', '127.0.0.1:9 answered 500'],
      [{ body: '<!DOCTYPE html><html><title>Bad Gateway</title></html>' }, 'not-a-chain', 'HTML page ("Bad Gateway")'],
      [{ hang: true }, 'timeout', 'no answer from 127.0.0.1:9 within 50 ms'],
    ] as const) {
      clock.now += MINUTE;
      host.answer(SPX_URL, answer);
      const status = await service.feeds.refresh(undefined, 'extension');
      expect(status.lastError?.kind).toBe(kind);
      expect(status.lastError?.message).toContain(message);
      const reply = await service.questions.getLevels();
      expect(reply.levels?.flip).toBe(good.levels?.flip);
      expect(reply.source?.fetchedAt).toBe(good.source?.fetchedAt);
      expect(reply.stale).toBe(true);
      // Open charts hear of it: the last good levels, marked stale.
      expect(pushes.at(-1)?.push.charts[0]).toMatchObject({
        symbol: null,
        ticker: 'SPX',
        levels: { stale: true, levels: { flip: good.levels?.flip }, status: { lastError: { kind } } },
      });
    }
  });

  it('never lets a chain the engine cannot use replace the last good levels', async () => {
    const service = harness(idb);
    const { host, clock } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const good = await service.questions.getLevels();
    // A real header with rows but no "Last:" price and no quotes: no spot, nothing to estimate it from.
    const lines = fixtureText(FIXTURES.spx).split('\n');
    const noSpot = `${[lines[0], 'S&P 500 INDEX,Change: 1', lines[2], lines[3], 'Mon Jan 08 2024,SPXW240108C04700000,0,0,,,0,0.1,0.5,0.01,10,4700.00,SPXW240108P04700000,0,0,,,0,0.1,-0.5,0.01,10'].join('\n')}\n`;
    clock.now += MINUTE;
    host.answer(SPX_URL, { body: noSpot });
    const status = await service.feeds.refresh(undefined, 'extension');
    // The gate sees it first: two contracts where the last good chain had thousands.
    expect(status.lastError).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^looks cut off: 2 contracts against [\d,]+ in the last good chain/),
    });
    expect((await service.questions.getLevels()).levels?.flip).toBe(good.levels?.flip);
    // On a feed with no last good chain, the missing price itself is the reason.
    await service.changes.update({ ticker: 'NDX' });
    host.answer('http://127.0.0.1:9/chains/NDX.csv', { body: noSpot.replace(/SPXW/g, 'NDXP') });
    const alone = await service.feeds.refresh('NDX', 'extension');
    expect(alone.lastError).toMatchObject({ kind: 'refused', message: expect.stringMatching(/no usable underlying price/) });
    await service.changes.update({ ticker: 'SPX' });
    expect((await service.questions.getLevels()).levels?.flip).toBe(good.levels?.flip);
  });

  it('backs off 1, 2, 4 minutes after consecutive failures and resets on success', async () => {
    const service = harness(idb);
    const { host, clock } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { status: 503, body: 'unavailable' });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const status = await service.feeds.refresh(undefined, 'extension');
      delays.push((status.nextDueAt! - clock.now) / MINUTE);
      clock.now = status.nextDueAt!;
    }
    expect(delays).toEqual([1, 2, 4]);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const status = await service.feeds.refresh(undefined, 'extension');
    expect(status.failures).toBe(0);
    expect(status.nextDueAt).toBe(clock.now + 5 * MINUTE);
  });

  it('does not hammer a failing feed: no fetch while backing off without cached data', async () => {
    const service = harness(idb);
    const { host } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { status: 500, body: 'x' });
    await service.questions.getLevels();
    await service.questions.getLevels();
    await service.questions.getHeatmap();
    expect(host.calls).toHaveLength(1);
  });

  it('keeps one request in flight per feed', async () => {
    const service = harness(idb);
    const { host } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const [a, b, c] = await Promise.all([
      service.feeds.refresh(undefined, 'extension'),
      service.feeds.refresh('spx', 'extension'),
      service.feeds.refresh(undefined, 'extension'),
    ]);
    expect(host.calls).toHaveLength(1);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
  });

  it('answers from storage after a restart (a new service on the same storage), without fetching', async () => {
    const first = harness(idb);
    await useCustomUrl(first);
    first.host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const before = await first.questions.getLevels();
    const restarted = harness(idb, first.clock); // fresh memory, no scripted answers: any fetch would fail
    await restarted.feeds.start();
    const after = await restarted.questions.getLevels();
    expect(restarted.host.calls).toEqual([]);
    expect(after.levels).toEqual(before.levels);
    expect(restarted.alarms).toEqual([before.status.nextDueAt]);
    // Filters need the whole chain: it comes back from IndexedDB.
    const zeroDte = await restarted.questions.getLevels({ expiry: '0dte' });
    expect(zeroDte.levels?.zeroDteShare).toBeCloseTo(1, 9);
    expect(restarted.host.calls).toEqual([]);
  });

  it('schedules the alarm at the next due refresh, at least 30 s ahead', async () => {
    const service = harness(idb);
    const { host, alarms, clock } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    await service.feeds.refresh(undefined, 'extension');
    expect(alarms.at(-1)).toBe(clock.now + 5 * MINUTE);
    clock.now += 5 * MINUTE;
    await service.feeds.onAlarm();
    expect(host.calls).toHaveLength(2);
    expect(alarms.at(-1)).toBe(clock.now + 5 * MINUTE);
  });

  it('recomputes cached levels when settings change, from the stored chain', async () => {
    const service = harness(idb);
    const { host } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const classic = await service.questions.getLevels();
    await service.changes.update({ signModel: { kind: 'short-all' } });
    const shortAll = await service.questions.getLevels();
    expect(host.calls).toHaveLength(1);
    expect(shortAll.levels?.signModel).toBe('dealers short all options');
    expect(Math.sign(shortAll.levels!.callGex)).toBe(-Math.sign(classic.levels!.callGex));
  });

  it('records each session in history and diffs against the previous one', async () => {
    const service = harness(idb);
    const { host, clock } = service;
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) }); // data of Friday's session (as of Sunday)
    await service.questions.getLevels();
    // Next session's data: the SPY-free way to get a later as-of is the same file with a later Date line.
    const monday = fixtureText(FIXTURES.spx)
      .replace('"Date: January 7, 2024 at 10:52 AM EST"', '"Date: January 8, 2024 at 11:00 AM EST"')
      .replace('Last: 4697.2402', 'Last: 4725.5');
    clock.now = Date.parse('2024-01-08T16:10:00Z');
    host.answer(SPX_URL, { body: monday });
    await service.feeds.refresh(undefined, 'extension');
    const history = await service.questions.getHistory();
    expect(history.map((entry) => entry.session)).toEqual(['2024-01-05', '2024-01-08']);
    const reply = await service.questions.getLevels();
    expect(reply.diff?.spot).toEqual({ current: 4725.5, previous: 4697.2402, change: 4725.5 - 4697.2402 });
    expect(reply.diff?.flip.change).toBeCloseTo(reply.levels!.flip! - history[0].latest.flip!, 9);
    expect(reply.ivShift).toMatchObject({ change: 0, flagged: false });
  });

  it('imports a file as the "file" feed, and a bad file changes nothing', async () => {
    const service = harness(idb);
    const reply = await service.changes.importChain(fixtureText(FIXTURES.nvda), 'nvda.csv');
    expect(reply.ticker).toBe('NVDA');
    expect(reply.source).toMatchObject({ provider: 'file', label: 'Imported file: nvda.csv' });
    await expect(service.changes.importChain('<html><title>nope</title></html>', 'bad.csv')).rejects.toThrow(
      /^bad\.csv: the input is an HTML page/,
    );
    const settings = await service.questions.publicSettings();
    expect(settings).toMatchObject({ provider: 'file', ticker: 'NVDA' });
    expect((await service.questions.getLevels()).levels?.underlying).toBe('NVDA');
  });

  it('serves the bundled sample, labelled as sample data', async () => {
    const service = harness(idb);
    await service.changes.update({ provider: 'sample' });
    const reply = await service.questions.getLevels();
    expect(reply.source).toMatchObject({ provider: 'sample', sample: true, label: expect.stringMatching(/^Sample data: SPX/) });
    const other = await service.questions.getLevels({ ticker: 'QQQ' });
    expect(other.levels).toBeNull();
    expect(other.status.lastError).toMatchObject({ kind: 'unknown-ticker', message: 'the bundled sample is SPX only' });
  });

  it('keeps a ticker among the recents only once it gave a chain (a mistyped one does not stay)', async () => {
    const service = harness(idb);
    await service.changes.update({ provider: 'sample', ticker: 'SPX', recents: [] });
    const bad = await service.changes.setTicker('SPXX');
    expect(bad.levels).toBeNull();
    expect(await service.questions.publicSettings()).toMatchObject({ ticker: 'SPXX', recents: [] });
    const good = await service.changes.setTicker('spx');
    expect(good.levels?.underlying).toBe('SPX');
    expect(await service.questions.publicSettings()).toMatchObject({ ticker: 'SPX', recents: ['SPX'] });
  });

  it('keeps API keys out of every reply', async () => {
    const service = harness(idb);
    await service.changes.setKeys({ tradier: 'TRADIER-SECRET-123', polygon: 'POLYGON-SECRET-456' });
    await service.changes.update({ provider: 'tradier' });
    const replies = [
      await service.questions.publicSettings(),
      await service.questions.getLevels(),
      await service.questions.getStatuses(),
      await service.questions.getHeatmap(),
      await service.questions.getHistory(),
    ];
    const text = JSON.stringify(replies);
    expect(text).not.toContain('SECRET');
    expect(replies[0]).toMatchObject({ keys: { tradier: true, polygon: true } });
    await service.changes.setKeys({ tradier: '' });
    expect((await service.questions.publicSettings()).keys).toEqual({ tradier: false, polygon: true });
  });
});

describe('settings changes', () => {
  it('turning sites on or off through any door keeps the registrations in step', async () => {
    const service = harness();
    await service.changes.update({ enabledSites: ['https://charts.example.com/*'] });
    await service.changes.setSiteEnabled({ pattern: 'https://other.example.org/*', enabled: true });
    await service.changes.setSiteEnabled({ pattern: 'https://charts.example.com/*', enabled: false });
    expect(service.sites).toEqual([
      ['https://charts.example.com/*'],
      ['https://charts.example.com/*', 'https://other.example.org/*'],
      ['https://other.example.org/*'],
    ]);
    // A change that leaves the sites alone registers nothing.
    await service.changes.update({ refreshMinutes: 10 });
    expect(service.sites).toHaveLength(3);
  });

  it('pushes what open charts draw with when the overlay settings change', async () => {
    const service = harness();
    await service.changes.update({ provider: 'sample', ticker: 'SPX' });
    await service.subscriptions.subscribe(3, { symbols: ['CME_MINI:ES1!'] });
    const rules = (await service.questions.publicSettings()).symbolRules.map((rule) =>
      rule.chart === 'ES1!' ? { ...rule, basis: 30 } : rule,
    );
    await service.changes.update({
      lines: { flip: true, callWall: true, putWall: false, absGamma: false, nodes: 0, flipBand: true, previous: true },
      symbolRules: rules,
    });
    await expect.poll(() => service.pushes.at(-1)?.push.charts[0]?.basis).toBe(30);
    const { push } = service.pushes.at(-1)!;
    expect(push.overlay.lines.putWall).toBe(false);
    expect(push.charts[0]).toMatchObject({ symbol: 'CME_MINI:ES1!', ticker: 'SPX', basisNote: 'basis +30 from your symbol rule for ES1!' });
    expect(push.charts[0].levels?.levels?.callWall).toBe(4800);
  });

  it("maps a futures chart with the basis the chain's own forwards imply, unless the user set one", async () => {
    const service = harness();
    await service.changes.update({ provider: 'sample', ticker: 'SPX' });
    const push = await service.subscriptions.subscribe(4, { symbols: ['CME_MINI:ESH2024', 'CME_MINI:ES1!'] });
    // The sample is as of Sunday 2024-01-07: ESH2024 (and ES1!, the front quarterly) settle with the AM SPX on 2024-03-15.
    const [dated, continuous] = push.charts;
    expect(dated.basisNote).toMatch(/^basis \+\d+\.\d from the SPX Mar-15 forward$/);
    expect(continuous.basis).toBe(dated.basis);
    expect(dated.basis).toBeGreaterThan(20);
    expect(dated.basis).toBeLessThan(60);
    const rules = (await service.questions.publicSettings()).symbolRules.map((rule) =>
      rule.chart === 'ES1!' ? { ...rule, basis: 12.5 } : rule,
    );
    await service.changes.update({ symbolRules: rules });
    const again = await service.subscriptions.subscribe(4, { symbols: ['CME_MINI:ESH2024'] });
    expect(again.charts[0]).toMatchObject({ basis: 12.5, basisNote: 'basis +12.5 from your symbol rule for ES1!' });
  });
});
