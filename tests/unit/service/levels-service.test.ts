/**
 * The background's service on WXT's fake browser storage and a real IndexedDB implementation
 * (fake-indexeddb), with the data host scripted: caching, failures that keep the last good levels,
 * backoff, dedupe, restart from storage, history and pushes.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LevelsService, type ServiceDeps } from '../../../lib/service/levels-service';
import { browserServiceStorage } from '../../../utils/storage';
import { indexedDbArchive } from '../../../utils/chain-archive';
import { computeLevels } from '../../../lib/gex/levels';
import { parseChainText } from '../../../lib/chain/parse';
import type { LevelsReply } from '../../../lib/service/protocol';
import { scriptedFetch, type ScriptedFetch } from '../scripted-fetch';
import { FIXTURES, fixtureText } from '../fixtures';

const URL_TEMPLATE = 'http://127.0.0.1:9/chains/{ticker}.csv';
const SPX_URL = 'http://127.0.0.1:9/chains/SPX.csv';
const MINUTE = 60000;

interface Harness {
  service: LevelsService;
  host: ScriptedFetch;
  clock: { now: number };
  alarms: number[];
  pushes: LevelsReply[];
  deps: ServiceDeps;
}

function harness(idb: IDBFactory, clock = { now: Date.parse('2024-01-08T15:00:00Z') }, host = scriptedFetch()): Harness {
  const alarms: number[] = [];
  const pushes: LevelsReply[] = [];
  const deps: ServiceDeps = {
    storage: browserServiceStorage(indexedDbArchive(idb)),
    fetch: host.fetch,
    now: () => clock.now,
    sleep: async () => {},
    loadSample: async () => fixtureText(FIXTURES.spx),
    scheduleAlarm: async (when) => void alarms.push(when),
    broadcast: async (reply) => void pushes.push(reply),
    timeoutMs: 50,
  };
  return { service: new LevelsService(deps), host, clock, alarms, pushes, deps };
}

async function useCustomUrl(service: LevelsService) {
  await service.updateSettings({ provider: 'custom', customUrl: URL_TEMPLATE, ticker: 'SPX' });
}

describe('levels service', () => {
  let idb: IDBFactory;
  beforeEach(() => {
    fakeBrowser.reset();
    idb = new IDBFactory();
  });

  it('fetches through the custom URL and answers the same levels as the engine (and the levels command)', async () => {
    const { service, host, pushes } = harness(idb);
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const reply = await service.getLevels();
    const expected = computeLevels(parseChainText(fixtureText(FIXTURES.spx)), { rate: 0.04, dividend: 0.013 });
    expect(reply.levels?.flip).toBeCloseTo(expected.flip!, 9);
    expect(reply.levels?.callWall).toBe(expected.callWall);
    expect(reply.levels?.putWall).toBe(expected.putWall);
    expect(reply.source).toMatchObject({ provider: 'custom', underlying: 'SPX', asOf: Date.parse('2024-01-07T15:52:00Z') });
    expect(reply.stale).toBe(false);
    expect(reply.status).toMatchObject({ failures: 0, lastError: null, key: 'custom:SPX' });
    expect(pushes.map((push) => push.ticker)).toEqual(['SPX']);
    // Cached: a second question makes no request.
    await service.getLevels();
    expect(host.calls).toHaveLength(1);
  });

  it('keeps the last good levels through a 500, an HTML page and a hang, naming each failure', async () => {
    const { service, host, clock, pushes } = harness(idb);
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const good = await service.getLevels();
    for (const [answer, kind, message] of [
      [{ status: 500, body: 'boom' }, 'http', '127.0.0.1:9 answered 500'],
      [{ body: '<!DOCTYPE html><html><title>Bad Gateway</title></html>' }, 'not-a-chain', 'HTML page ("Bad Gateway")'],
      [{ hang: true }, 'timeout', 'no answer from 127.0.0.1:9 within 50 ms'],
    ] as const) {
      clock.now += MINUTE;
      host.answer(SPX_URL, answer);
      const status = await service.refresh();
      expect(status.lastError?.kind).toBe(kind);
      expect(status.lastError?.message).toContain(message);
      const reply = await service.getLevels();
      expect(reply.levels?.flip).toBe(good.levels?.flip);
      expect(reply.source?.fetchedAt).toBe(good.source?.fetchedAt);
      expect(reply.stale).toBe(true);
      // Open charts hear of it: the last good levels, marked stale.
      expect(pushes.at(-1)).toMatchObject({ ticker: 'SPX', stale: true, levels: { flip: good.levels?.flip }, status: { lastError: { kind } } });
    }
  });

  it('never lets a chain the engine cannot use replace the last good levels', async () => {
    const { service, host, clock } = harness(idb);
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const good = await service.getLevels();
    // A real header with rows but no "Last:" price and no quotes: no spot, nothing to estimate it from.
    const lines = fixtureText(FIXTURES.spx).split('\n');
    const noSpot = [lines[0], 'S&P 500 INDEX,Change: 1', lines[2], lines[3], 'Mon Jan 08 2024,SPXW240108C04700000,0,0,,,0,0.1,0.5,0.01,10,4700.00,SPXW240108P04700000,0,0,,,0,0.1,-0.5,0.01,10'].join('\n');
    clock.now += MINUTE;
    host.answer(SPX_URL, { body: noSpot });
    const status = await service.refresh();
    expect(status.lastError).toMatchObject({ kind: 'not-a-chain', message: expect.stringMatching(/no underlying price/) });
    expect((await service.getLevels()).levels?.flip).toBe(good.levels?.flip);
  });

  it('backs off 1, 2, 4 minutes after consecutive failures and resets on success', async () => {
    const { service, host, clock } = harness(idb);
    await useCustomUrl(service);
    host.answer(SPX_URL, { status: 503, body: 'unavailable' });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const status = await service.refresh();
      delays.push((status.nextDueAt! - clock.now) / MINUTE);
      clock.now = status.nextDueAt!;
    }
    expect(delays).toEqual([1, 2, 4]);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const status = await service.refresh();
    expect(status.failures).toBe(0);
    expect(status.nextDueAt).toBe(clock.now + 5 * MINUTE);
  });

  it('does not hammer a failing feed: no fetch while backing off without cached data', async () => {
    const { service, host } = harness(idb);
    await useCustomUrl(service);
    host.answer(SPX_URL, { status: 500, body: 'x' });
    await service.getLevels();
    await service.getLevels();
    await service.getHeatmap();
    expect(host.calls).toHaveLength(1);
  });

  it('keeps one request in flight per feed', async () => {
    const { service, host } = harness(idb);
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const [a, b, c] = await Promise.all([service.refresh(), service.refresh('spx'), service.refresh()]);
    expect(host.calls).toHaveLength(1);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
  });

  it('answers from storage after a restart (a new service on the same storage), without fetching', async () => {
    const first = harness(idb);
    await useCustomUrl(first.service);
    first.host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const before = await first.service.getLevels();
    const restarted = harness(idb, first.clock); // fresh memory, no scripted answers: any fetch would fail
    await restarted.service.start();
    const after = await restarted.service.getLevels();
    expect(restarted.host.calls).toEqual([]);
    expect(after.levels).toEqual(before.levels);
    expect(restarted.alarms).toEqual([before.status.nextDueAt]);
    // Filters need the whole chain: it comes back from IndexedDB.
    const zeroDte = await restarted.service.getLevels({ expiry: '0dte' });
    expect(zeroDte.levels?.zeroDteShare).toBeCloseTo(1, 9);
    expect(restarted.host.calls).toEqual([]);
  });

  it('schedules the alarm at the next due refresh, at least 30 s ahead', async () => {
    const { service, host, alarms, clock } = harness(idb);
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    await service.refresh();
    expect(alarms.at(-1)).toBe(clock.now + 5 * MINUTE);
    clock.now += 5 * MINUTE;
    await service.onAlarm();
    expect(host.calls).toHaveLength(2);
    expect(alarms.at(-1)).toBe(clock.now + 5 * MINUTE);
  });

  it('recomputes cached levels when settings change, from the stored chain', async () => {
    const { service, host } = harness(idb);
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) });
    const classic = await service.getLevels();
    await service.updateSettings({ signModel: { kind: 'short-all' } });
    const shortAll = await service.getLevels();
    expect(host.calls).toHaveLength(1);
    expect(shortAll.levels?.signModel).toBe('dealers short all options');
    expect(Math.sign(shortAll.levels!.callGex)).toBe(-Math.sign(classic.levels!.callGex));
  });

  it('records each session in history and diffs against the previous one', async () => {
    const { service, host, clock } = harness(idb);
    await useCustomUrl(service);
    host.answer(SPX_URL, { body: fixtureText(FIXTURES.spx) }); // data of Friday's session (as of Sunday)
    await service.getLevels();
    // Next session's data: the SPY-free way to get a later as-of is the same file with a later Date line.
    const monday = fixtureText(FIXTURES.spx).replace('"Date: January 7, 2024 at 10:52 AM EST"', '"Date: January 8, 2024 at 11:00 AM EST"').replace('Last: 4697.2402', 'Last: 4725.5');
    clock.now = Date.parse('2024-01-08T16:10:00Z');
    host.answer(SPX_URL, { body: monday });
    await service.refresh();
    const history = await service.getHistory();
    expect(history.map((entry) => entry.session)).toEqual(['2024-01-05', '2024-01-08']);
    const reply = await service.getLevels();
    expect(reply.diff?.spot).toEqual({ current: 4725.5, previous: 4697.2402, change: 4725.5 - 4697.2402 });
    expect(reply.diff?.flip.change).toBeCloseTo(reply.levels!.flip! - history[0].latest.flip!, 9);
    expect(reply.ivShift).toMatchObject({ change: 0, flagged: false });
  });

  it('imports a file as the "file" feed, and a bad file changes nothing', async () => {
    const { service } = harness(idb);
    const reply = await service.importChain(fixtureText(FIXTURES.nvda), 'nvda.csv');
    expect(reply.ticker).toBe('NVDA');
    expect(reply.source).toMatchObject({ provider: 'file', label: 'Imported file: nvda.csv' });
    await expect(service.importChain('<html><title>nope</title></html>', 'bad.csv')).rejects.toThrow(/^bad\.csv: the input is an HTML page/);
    const settings = await service.publicSettings();
    expect(settings).toMatchObject({ provider: 'file', ticker: 'NVDA' });
    expect((await service.getLevels()).levels?.underlying).toBe('NVDA');
  });

  it('serves the bundled sample, labelled as sample data', async () => {
    const { service } = harness(idb);
    await service.updateSettings({ provider: 'sample' });
    const reply = await service.getLevels();
    expect(reply.source).toMatchObject({ provider: 'sample', sample: true, label: expect.stringMatching(/^Sample data: SPX/) });
    const other = await service.getLevels({ ticker: 'QQQ' });
    expect(other.levels).toBeNull();
    expect(other.status.lastError).toMatchObject({ kind: 'unknown-ticker', message: 'the bundled sample is SPX only' });
  });

  it('keeps API keys out of every reply', async () => {
    const { service } = harness(idb);
    await service.setKeys({ tradier: 'TRADIER-SECRET-123', polygon: 'POLYGON-SECRET-456' });
    await service.updateSettings({ provider: 'tradier' });
    const replies = [await service.publicSettings(), await service.getLevels(), await service.getStatuses(), await service.getHeatmap(), await service.getHistory()];
    const text = JSON.stringify(replies);
    expect(text).not.toContain('SECRET');
    expect(replies[0]).toMatchObject({ keys: { tradier: true, polygon: true } });
    await service.setKeys({ tradier: '' });
    expect((await service.publicSettings()).keys).toEqual({ tradier: false, polygon: true });
  });
});
