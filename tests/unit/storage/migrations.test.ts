/**
 * Every stored shape of 0.1 is read by today's code: each item's migrations run against frozen
 * examples of what older versions stored (never edit a frozen example), and the move out of
 * storage.local into the extension's own database keeps everything the user had.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatabase } from '../../../utils/database';
import { cacheSpec, historySpec, moveFromLocalStorage, serviceStorage, settingsSpec } from '../../../utils/storage';
import { KeyedQueue, memoryStore, storedItem } from '../../../lib/service/store';
import { checkSettingsPatch, DEFAULT_SETTINGS } from '../../../lib/settings';
import { DEFAULT_ALERTS } from '../../../lib/alerts/alert-settings';
import { DEFAULT_LINE_COLOURS } from '../../../lib/chart/levels/level-kinds';
import { DEFAULT_LINES } from '../../../lib/chart/levels/level-labels';
import { DEFAULT_SYMBOL_RULES } from '../../../lib/market/symbol-map';
import { settingsKey } from '../../../lib/service/feeds';

// Frozen: exactly what settings version 1 (commit "Background: providers ...") stored. Never edit.
const SETTINGS_V1 = {
  provider: 'custom',
  ticker: 'QQQ',
  favorites: ['QQQ', 'SPY'],
  recents: ['NVDA'],
  customUrl: 'https://data.example.com/{ticker}.json',
  refreshMinutes: 15,
  signModel: { kind: 'custom', call: 1, put: -0.5 },
  rates: { default: { rate: 0.05, dividend: 0 }, perTicker: { QQQ: { rate: 0.05, dividend: 0.006 } } },
  transitionBand: 0.003,
  ivShiftThreshold: 0.03,
  expiryFilter: '0dte',
};

// Frozen: what settings version 2 (0.1) stored, with a user's own rules and lines. Never edit.
const SETTINGS_V2 = {
  ...SETTINGS_V1,
  symbolRules: [
    { chart: 'SPX', underlying: 'SPX', basis: 0 },
    { chart: 'ES1!', underlying: 'SPX', basis: 31.75 },
    { chart: 'NQ1!', underlying: 'NDX', basis: 0 },
    { chart: 'CME_MINI:MES1!', underlying: 'SPX', basis: 0 },
    { chart: 'TVC:SPX500', underlying: 'SPX', basis: 0 },
  ],
  lines: { flip: true, callWall: false, putWall: true, absGamma: true, nodes: 2 },
  enabledSites: ['https://charts.example.com/*'],
  lineColours: { flip: '#ffaa00', callWall: '#00ff00', putWall: '#ff0000', absGamma: '#aa00ff', node: '#999999' },
};

// Frozen: what settings version 3 stored (before alerts), with a user's own choices. Never edit.
const SETTINGS_V3 = {
  provider: 'cboe',
  ticker: 'SPY',
  favorites: ['SPX', 'SPY'],
  recents: ['SPY', 'NVDA'],
  customUrl: '',
  refreshMinutes: 5,
  signModel: { kind: 'classic' },
  rates: { default: { rate: 0.045, dividend: 0.013 }, perTicker: {} },
  transitionBand: 0.005,
  ivShiftThreshold: 0.02,
  expiryFilter: 'all',
  symbolRules: [
    { chart: 'SPY', underlying: 'SPY', basis: 0 },
    { chart: 'ES1!', underlying: 'SPX', basis: null },
  ],
  lines: { flip: true, callWall: true, putWall: false, absGamma: false, nodes: 1, flipBand: false, previous: false },
  enabledSites: ['https://charts.example.com/*'],
  lineColours: { flip: '#ffaa00', callWall: '#00ff00', putWall: '#ff0000', absGamma: '#aa00ff', node: '#999999' },
};

// Frozen: a level summary as 0.1 kept it in history and in cached levels (the sample, all expiries).
const SUMMARY_V1 = {
  underlying: 'SPX',
  spot: 4697.2402,
  asOf: '2024-01-07T15:52:00.000Z',
  evaluatedAt: '2024-01-07T15:52:00.000Z',
  signModel: 'classic: dealers long calls, short puts',
  expiryFilter: 'all expiries',
  regime: 'negative',
  flip: 4724.71468878531,
  flips: [4724.71468878531],
  flipNone: null,
  callWall: 4800,
  putWall: 4700,
  absGammaStrike: 4800,
  totalGex: -15392346587.62,
  callGex: 109629931420.4,
  putGex: -125022278008.02,
  dominantExpiry: { expiry: '2024-01-19', share: 0.2712 },
  zeroDteShare: 0.0271,
  zeroDteSession: '2024-01-08',
  hedgeFlowPerPct: { dollars: -15392346587.62, shares: -3276890.11 },
  contractsUsed: 15140,
  atmIv: 0.1198,
};

// Frozen: a cache entry of 0.1 (version 1), trimmed of its long tables. Never edit.
const CACHE_V1 = {
  settingsKey: '[{"kind":"classic"},{"rate":0.04,"dividend":0.013},0.005]',
  levels: {
    ...SUMMARY_V1,
    atmIv: undefined,
    topNodes: [{ strike: 4900, net: 2.83e9 }],
    contractsSkipped: { expired: 446, noOpenInterest: 5226, noGamma: 226, adjusted: 0, filteredOut: 0 },
    warnings: [],
    byStrike: [],
  },
  heatmap: {
    spot: 4697.2402,
    strikes: [4700],
    columns: [{ expiry: '2024-01-08', tag: '0DTE' }],
    cells: [[{ call: 1, put: -1, net: 0, callOpenInterest: 1, putOpenInterest: 1 }]],
    maxAbsNet: 0,
    spotRow: 0,
  },
  profile: [{ spot: 3757.79, gex: -1.2e9 }],
  source: {
    provider: 'custom',
    label: 'Custom URL',
    underlying: 'SPX',
    asOf: 1704642720000,
    fetchedAt: 1704726000000,
    delayed: true,
    sample: false,
    asOfInferred: false,
  },
  atmIv: 0.1198,
  computedAt: 1704726000500,
};

// Frozen: one ticker's history as 0.1 kept it (version 1): two computations of one session. Never edit.
const HISTORY_V1 = [
  { session: '2024-01-05', first: { ...SUMMARY_V1, asOf: '2024-01-05T15:00:00.000Z', spot: 4680.5 }, latest: SUMMARY_V1 },
];

const envelope = (version: number, value: unknown) => ({ version, value });

describe('item migrations against frozen values', () => {
  it('settings v1 -> v4 keeps everything the user set and adds the overlay settings and alerts with defaults', async () => {
    const store = memoryStore();
    await store.set('settings', envelope(1, SETTINGS_V1));
    const settings = storedItem(store, new KeyedQueue(), 'settings', settingsSpec);
    expect(await settings.get()).toEqual({
      ...SETTINGS_V1,
      symbolRules: DEFAULT_SYMBOL_RULES,
      lines: DEFAULT_LINES,
      enabledSites: [],
      lineColours: DEFAULT_LINE_COLOURS,
      alerts: DEFAULT_ALERTS,
    });
    // Written back at the new version: migrated once.
    expect((store.entries.get('settings') as { version: number }).version).toBe(4);
  });

  it("settings v2 -> v3: futures rules left at 0 take the forwards' basis; a basis the user typed stays", async () => {
    const store = memoryStore();
    await store.set('settings', envelope(2, SETTINGS_V2));
    const settings = await storedItem(store, new KeyedQueue(), 'settings', settingsSpec).get();
    expect(settings.symbolRules).toEqual([
      { chart: 'SPX', underlying: 'SPX', basis: 0 },
      { chart: 'ES1!', underlying: 'SPX', basis: 31.75 },
      { chart: 'NQ1!', underlying: 'NDX', basis: null },
      { chart: 'CME_MINI:MES1!', underlying: 'SPX', basis: null },
      { chart: 'TVC:SPX500', underlying: 'SPX', basis: 0 },
    ]);
    expect(settings.lines).toEqual({
      flip: true,
      callWall: false,
      putWall: true,
      absGamma: true,
      nodes: 2,
      flipBand: true,
      previous: true,
    });
    expect(settings.lineColours).toEqual(SETTINGS_V2.lineColours);
  });

  it('settings v3 -> v4 keeps every choice (the previous lines off stays off) and adds alerts, off for every ticker', async () => {
    const store = memoryStore();
    await store.set('settings', envelope(3, SETTINGS_V3));
    const settings = await storedItem(store, new KeyedQueue(), 'settings', settingsSpec).get();
    expect(settings).toEqual({
      ...SETTINGS_V3,
      alerts: {
        tickers: [],
        triggers: { flipCross: true, wallNear: true, regimeChange: true, levelMove: true },
        wallDistance: 0.0025,
        levelMove: 0.005,
        hysteresis: 0.001,
        quietMinutes: 15,
      },
    });
    expect((store.entries.get('settings') as { version: number }).version).toBe(4);
    // The migrated settings pass today's checks whole (what the options page saves back).
    expect(() => checkSettingsPatch(settings)).not.toThrow();
  });

  it('cached levels v1 -> v2 state their assumptions, under the key today computes for the same settings', async () => {
    const store = memoryStore();
    await store.set('cache:custom:SPX', envelope(1, CACHE_V1));
    const cache = await storedItem(store, new KeyedQueue(), 'cache:custom:SPX', cacheSpec).get();
    expect(cache?.assumptions).toEqual({
      rate: 0.04,
      dividendYield: 0.013,
      signModel: 'classic: dealers long calls, short puts',
      expiryFilter: 'all expiries',
    });
    // The default settings for SPX are what 0.1 computed under: the cache stays valid, nothing is recomputed.
    expect(cache?.settingsKey).toBe(settingsKey(DEFAULT_SETTINGS, 'SPX'));
    expect(cache?.levels.flip).toBe(CACHE_V1.levels.flip);
  });

  it("history v1 -> v2 starts each session's intraday path from its first and latest levels", async () => {
    const store = memoryStore();
    await store.set('history:SPX', envelope(1, HISTORY_V1));
    const history = await storedItem(store, new KeyedQueue(), 'history:SPX', historySpec).get();
    expect(history[0].path).toEqual([
      {
        at: Date.parse('2024-01-05T15:00:00.000Z'),
        spot: 4680.5,
        flip: SUMMARY_V1.flip,
        callWall: 4800,
        putWall: 4700,
        totalGex: SUMMARY_V1.totalGex,
      },
      {
        at: Date.parse('2024-01-07T15:52:00.000Z'),
        spot: 4697.2402,
        flip: SUMMARY_V1.flip,
        callWall: 4800,
        putWall: 4700,
        totalGex: SUMMARY_V1.totalGex,
      },
    ]);
  });

  it('a value written by a newer version is not misread: the fallback stands', async () => {
    const store = memoryStore();
    await store.set('settings', envelope(99, { provider: 'warp' }));
    expect(await storedItem(store, new KeyedQueue(), 'settings', settingsSpec).get()).toEqual(DEFAULT_SETTINGS);
  });
});

describe("the move out of storage.local (0.1) into the extension's database", () => {
  beforeEach(() => fakeBrowser.reset());

  it("moves settings, keys, statuses, cached levels, history and the overlay's per-site state", async () => {
    // Frozen: storage.local as 0.1 left it (WXT items keep their version under "key$"). Never edit.
    await fakeBrowser.storage.local.set({
      settings: SETTINGS_V1,
      settings$: { v: 1 },
      keys: { tradier: 'TRADIER-SECRET' },
      keys$: { v: 1 },
      statuses: {
        'custom:SPX': {
          key: 'custom:SPX',
          provider: 'custom',
          ticker: 'SPX',
          lastAttemptAt: 1,
          lastSuccessAt: 1,
          failures: 0,
          lastError: null,
          nextDueAt: 2,
        },
      },
      'cache:custom:SPX': CACHE_V1,
      'history:SPX': HISTORY_V1,
      overlaySites: { 'http://127.0.0.1': { panel: { x: 10, y: 20, collapsed: true } } },
      overlaySites$: { v: 1 },
    });
    const database = openDatabase(new IDBFactory());
    await moveFromLocalStorage(fakeBrowser.storage.local, database.items);
    const storage = serviceStorage(database);
    expect((await storage.settings.get()).customUrl).toBe(SETTINGS_V1.customUrl);
    expect((await storage.settings.get()).lines).toEqual(DEFAULT_LINES);
    expect(await storage.keys.get()).toEqual({ tradier: 'TRADIER-SECRET' });
    expect((await storage.statuses()).map((status) => status.key)).toEqual(['custom:SPX']);
    expect((await storage.cache('custom:SPX').get())?.assumptions.rate).toBe(0.04);
    expect((await storage.history('SPX').get())[0].path).toHaveLength(2);
    expect(await storage.site('http://127.0.0.1').get()).toEqual({ panel: { x: 10, y: 20, collapsed: true } });
    // Nothing a content script could read is left behind.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // A second start moves nothing and loses nothing.
    await moveFromLocalStorage(fakeBrowser.storage.local, database.items);
    expect(await storage.keys.get()).toEqual({ tradier: 'TRADIER-SECRET' });
  });
});

describe('the item store', () => {
  it('serializes read-change-write updates of one key: none is lost', async () => {
    const store = memoryStore();
    const queue = new KeyedQueue();
    const counter = storedItem(store, queue, 'counter', { version: 1, fallback: () => 0 });
    // Each update yields between its read and its write, as a real storage round trip does.
    await Promise.all(Array.from({ length: 20 }, () => counter.update(async (value) => (await Promise.resolve(), value + 1))));
    expect(await counter.get()).toBe(20);
  });
});
