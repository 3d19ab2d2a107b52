/**
 * Every storage item the extension keeps, in one place, each with its version and, beside it, the
 * migration from each older shape (tested against frozen examples in tests/unit/storage/).
 *
 * Everything lives in the extension's own IndexedDB (utils/database.ts) and is read and written by
 * the background alone: no content script can read a key or change a setting, and the overlay's
 * per-site state is kept for it by origin. Version 0.1 kept these in storage.local (readable by every
 * content script); they are moved on the first start (`moveFromLocalStorage`).
 */
import { DEFAULT_SETTINGS, type Settings } from '../lib/settings';
import { DEFAULT_SYMBOL_RULES } from '../lib/market/symbol-map';
import { QUARTERLY_INDEX_FUTURES } from '../lib/market/futures';
import { DEFAULT_LINE_COLOURS } from '../lib/chart/levels';
import { DEFAULT_ALERTS } from '../lib/alerts/alert-settings';
import { pathPoint, type HistoryEntry, type LevelsSummary } from '../lib/gex/history';
import type { ApiKeys } from '../lib/providers/types';
import type { FeedStatus, SiteOverlayState } from '../lib/protocol';
import { KeyedQueue, storedItem, type ItemSpec, type KeyValueStore } from '../lib/service/store';
import type { CachedLevels, ServiceStorage, Subscription } from '../lib/service/storage-port';
import type { Database } from './database';
import type { AlertState, FiredAlert } from '../lib/alerts/alert-model';
import { compactBytes, compactChain, expandChain, isCompactChain } from '../lib/service/compact-chain';

// ---- settings: v4 --------------------------------------------------------------------------------

/** Version 3 (0.2): before alerts. */
type SettingsV3 = Omit<Settings, 'alerts'>;
/** Version 2 (0.1): symbol rules with a number for every basis; lines without the flip band and previous levels. */
type SettingsV2 = Omit<SettingsV3, 'symbolRules' | 'lines'> & {
  symbolRules: { chart: string; underlying: string; basis: number }[];
  lines: Omit<Settings['lines'], 'flipBand' | 'previous'>;
};
/** The first stored shape (version 1): before symbol rules, lines, sites and colours. */
type SettingsV1 = Omit<SettingsV2, 'symbolRules' | 'lines' | 'enabledSites' | 'lineColours'>;

/** A chart symbol that is a futures contract (continuous "ES1!" or a quarterly root such as "ES"). */
const isFuturesChart = (chart: string) => chart.endsWith('!') || QUARTERLY_INDEX_FUTURES.has(chart.slice(chart.lastIndexOf(':') + 1));

export const settingsSpec: ItemSpec<Settings> = {
  version: 4,
  fallback: () => structuredClone(DEFAULT_SETTINGS),
  migrations: {
    /** v1 -> v2: the overlay's settings arrive with their defaults; nothing the user set changes. */
    2: (old: SettingsV1): SettingsV2 => ({
      ...old,
      symbolRules: DEFAULT_SYMBOL_RULES_V2,
      lines: { flip: true, callWall: true, putWall: true, absGamma: false, nodes: 0 },
      enabledSites: [],
      lineColours: DEFAULT_LINE_COLOURS,
    }),
    /**
     * v2 -> v3: a futures rule's basis of 0 was "not set" (0.1 had no other way to say it): it now
     * comes from the chain's forwards. A basis the user typed stays. The flip band and the previous
     * session's lines are drawn, as on a new install.
     */
    3: (old: SettingsV2): SettingsV3 => ({
      ...old,
      symbolRules: old.symbolRules.map((rule) => (rule.basis === 0 && isFuturesChart(rule.chart) ? { ...rule, basis: null } : rule)),
      lines: { ...old.lines, flipBand: true, previous: true },
    }),
    /** v3 -> v4: alerts arrive off for every ticker (nothing fires until the user turns a ticker on). */
    4: (old: SettingsV3): Settings => ({ ...old, alerts: structuredClone(DEFAULT_ALERTS) }),
  },
};

/** The symbol rules every 0.1 install started with (settings version 2). */
const DEFAULT_SYMBOL_RULES_V2 = DEFAULT_SYMBOL_RULES.map((rule) => ({ ...rule, basis: rule.basis ?? 0 }));

// ---- keys: v1 ------------------------------------------------------------------------------------

/** API keys: read only by the background; never sent to any page or content script. */
const keysSpec: ItemSpec<ApiKeys> = { version: 1, fallback: () => ({}) };

// ---- feed status: v1, one per feed ("status:cboe:SPX") -------------------------------------------

const statusSpec: ItemSpec<FeedStatus | null> = { version: 1, fallback: () => null };

// ---- cached levels: v2, one per feed ("cache:cboe:SPX") ------------------------------------------

/** Version 1 (0.1): no statement of the assumptions; `settingsKey` was [signModel, {rate, dividend}, band]. */
type CachedLevelsV1 = Omit<CachedLevels, 'assumptions'>;

export const cacheSpec: ItemSpec<CachedLevels | null> = {
  version: 2,
  fallback: () => null,
  migrations: {
    /** v1 -> v2: the assumptions the levels were computed under, read back from the old key. */
    2: (old: CachedLevelsV1 | null): CachedLevels | null => {
      if (!old) return null;
      const [signModel, { rate, dividend }, transitionBand] = JSON.parse(old.settingsKey) as [
        unknown,
        { rate: number; dividend: number },
        number,
      ];
      return {
        ...old,
        // The key the service computes today (lib/service/feeds.ts settingsKey): same inputs, same key.
        settingsKey: JSON.stringify({ rate, dividendYield: dividend, signModel, transitionBand }),
        assumptions: { rate, dividendYield: dividend, signModel: old.levels.signModel, expiryFilter: old.levels.expiryFilter },
      };
    },
  },
};

// ---- history: v2, one per ticker ("history:SPX") -------------------------------------------------

/** Version 1 (0.1): first and latest levels per session, no intraday path. */
type HistoryEntryV1 = Omit<HistoryEntry, 'path'>;

export const historySpec: ItemSpec<HistoryEntry[]> = {
  version: 2,
  fallback: () => [],
  migrations: {
    /** v1 -> v2: each session's path starts with what was kept of it (first and latest). */
    2: (old: HistoryEntryV1[]): HistoryEntry[] =>
      old.map((entry) => ({
        ...entry,
        path: [...new Map([entry.first, entry.latest].map((summary: LevelsSummary) => [summary.asOf, pathPoint(summary)])).values()].sort(
          (a, b) => a.at - b.at,
        ),
      })),
  },
};

// ---- tab subscriptions: v1, one per tab ("subscription:12") ---------------------------------------

const subscriptionSpec: ItemSpec<Subscription | null> = { version: 1, fallback: () => null };

// ---- the overlay's state per site: v1, one per origin ("site:https://example.com") ---------------

const siteSpec: ItemSpec<SiteOverlayState> = { version: 1, fallback: () => ({}) };

// ---- alerts: v1, the triggers' memory per ticker ("alertState:SPX") and the log ("alertLog") -------

const alertStateSpec: ItemSpec<AlertState | null> = { version: 1, fallback: () => null };
const alertLogSpec: ItemSpec<FiredAlert[]> = { version: 1, fallback: () => [] };

// ---- the background's storage ---------------------------------------------------------------------

const DATA_PREFIXES = ['status:', 'cache:', 'history:', 'alertState:', 'alertLog'];

export function serviceStorage(database: Database): ServiceStorage {
  const items = database.items;
  const queue = new KeyedQueue();
  const item = <T>(key: string, spec: ItemSpec<T>) => storedItem(items, queue, key, spec);
  const settings = item('settings', settingsSpec);
  const keys = item('keys', keysSpec);
  const valuesUnder = async <T>(prefix: string, spec: ItemSpec<T>) =>
    Promise.all((await items.keys(prefix)).map(async (key) => [key.slice(prefix.length), await item(key, spec).get()] as const));
  return {
    settings,
    keys,
    status: (feed) => item(`status:${feed}`, statusSpec),
    cache: (feed) => item(`cache:${feed}`, cacheSpec),
    history: (ticker) => item(`history:${ticker}`, historySpec),
    subscription: (tabId) => item(`subscription:${tabId}`, subscriptionSpec),
    site: (origin) => item(`site:${origin}`, siteSpec),
    alertState: (ticker) => item(`alertState:${ticker}`, alertStateSpec),
    alertLog: item('alertLog', alertLogSpec),
    statuses: async () =>
      (await valuesUnder('status:', statusSpec)).map(([, status]) => status).filter((status): status is FeedStatus => status !== null),
    subscriptions: async () =>
      new Map(
        (await valuesUnder('subscription:', subscriptionSpec))
          .filter(([, entry]) => entry !== null)
          .map(([tab, entry]) => [Number(tab), entry as Subscription]),
      ),
    readChain: async (feed) => {
      const stored = await database.chains.read(feed);
      // 0.1 kept whole snapshots: read as they are (the next refresh stores them compact).
      return stored === null ? null : isCompactChain(stored) ? expandChain(stored) : stored;
    },
    writeChain: async (feed, snapshot, unless) => {
      const compact = compactChain(snapshot);
      const stored = { fingerprint: compact.fingerprint, bytes: compactBytes(compact) };
      if (compact.fingerprint === unless) return { ...stored, written: false };
      await database.chains.write(feed, compact);
      return { ...stored, written: true };
    },
    deleteChain: (feed) => database.chains.delete(feed),
    historyTickers: async () => (await items.keys('history:')).map((key) => key.slice('history:'.length)),
    chainFeeds: () => database.chains.keys(),
    async clearData() {
      const keysToClear = (await Promise.all(DATA_PREFIXES.map((prefix) => items.keys(prefix)))).flat();
      await Promise.all(keysToClear.map((key) => queue.run(key, () => items.delete([key]))));
      await database.chains.clear();
    },
  };
}

/** Tabs die with the browser: a new browser session starts with no subscriptions. */
export async function forgetSubscriptions(items: KeyValueStore): Promise<void> {
  await items.delete(await items.keys('subscription:'));
}

/** What 0.1 kept in storage.local, by key, and where each goes (its version travels with it). */
const LOCAL_VERSIONED = ['settings', 'keys'];

/**
 * Moves the background's data out of storage.local (readable by content scripts) into the
 * extension's IndexedDB, once: values keep their stored version and are migrated when read.
 */
export async function moveFromLocalStorage(
  local: { get(keys?: null): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> },
  items: KeyValueStore,
): Promise<void> {
  const everything = await local.get(null);
  const moved: string[] = [];
  for (const key of LOCAL_VERSIONED) {
    if (!(key in everything)) continue;
    const meta = everything[`${key}$`] as { v?: number } | undefined;
    if ((await items.get(key)) === undefined) await items.set(key, { version: meta?.v ?? 1, value: everything[key] });
    moved.push(key, `${key}$`);
  }
  const statuses = everything.statuses as Record<string, FeedStatus> | undefined;
  if (statuses && typeof statuses === 'object') {
    for (const [feed, status] of Object.entries(statuses)) await items.set(`status:${feed}`, { version: 1, value: status });
    moved.push('statuses');
  }
  const sites = everything.overlaySites as Record<string, SiteOverlayState> | undefined;
  if (sites && typeof sites === 'object') {
    for (const [origin, state] of Object.entries(sites)) await items.set(`site:${origin}`, { version: 1, value: state });
    moved.push('overlaySites', 'overlaySites$');
  }
  for (const key of Object.keys(everything)) {
    if (key.startsWith('cache:') || key.startsWith('history:')) {
      await items.set(key, { version: 1, value: everything[key] });
      moved.push(key);
    }
  }
  if (moved.length) await local.remove(moved);
}
