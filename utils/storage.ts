/**
 * Every storage item the extension keeps, in one place. Settings and keys are versioned WXT items;
 * per-feed caches and per-ticker history use keys built here. Whole chains go to IndexedDB.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, migrateSettingsV1, type Settings, type SettingsV1 } from '../lib/service/settings';
import type { FeedStatus } from '../lib/service/protocol';
import type { HistoryEntry } from '../lib/service/history';
import type { ApiKeys, CachedLevels, ServiceStorage } from '../lib/service/storage-port';
import type { ChainArchive } from './chain-archive';

/**
 * Versioned: each version adds a migration here and a frozen example of the previous shape in
 * tests/unit/storage/settings-migration.test.ts. v2 added symbol rules, lines, sites and colours.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: (old: SettingsV1) => migrateSettingsV1(old) },
});

/** API keys: read only by the background; never sent to any page or content script. */
export const keysItem = storage.defineItem<ApiKeys>('local:keys', { fallback: {}, version: 1 });

export const statusesItem = storage.defineItem<Record<string, FeedStatus>>('local:statuses', { fallback: {} });

/**
 * Tabs showing a ticker (for pushes), in session storage: it dies with the browser session, as tabs
 * do. `follow`: the tab's chart has no symbol, so it shows whatever ticker the popup chose.
 */
export const subscriptionsItem = storage.defineItem<Record<string, { ticker: string; follow: boolean }>>('session:subscriptions', { fallback: {} });

const cacheKey = (feed: string) => `local:cache:${feed}` as const;
const historyKey = (ticker: string) => `local:history:${ticker}` as const;

/**
 * A private copy of an item's value: with nothing stored, WXT hands out the `fallback` object itself,
 * and a caller that edits what it read must never edit the shared fallback.
 */
export async function readCopy<T>(item: { getValue(): Promise<T> }): Promise<T> {
  return structuredClone(await item.getValue());
}

export function browserServiceStorage(archive: ChainArchive): ServiceStorage {
  return {
    // Fill fields added since a value was stored with their defaults.
    readSettings: async () => ({ ...structuredClone(DEFAULT_SETTINGS), ...(await readCopy(settingsItem)) }),
    writeSettings: (settings) => settingsItem.setValue(settings),
    readKeys: () => readCopy(keysItem),
    writeKeys: (keys) => keysItem.setValue(keys),
    readCache: async (feed) => (await storage.getItem<CachedLevels>(cacheKey(feed))) ?? null,
    writeCache: (feed, entry) => storage.setItem(cacheKey(feed), entry),
    readStatuses: () => readCopy(statusesItem),
    writeStatuses: (statuses) => statusesItem.setValue(statuses),
    readHistory: async (ticker) => (await storage.getItem<HistoryEntry[]>(historyKey(ticker))) ?? [],
    writeHistory: (ticker, entries) => storage.setItem(historyKey(ticker), entries),
    readChain: (feed) => archive.read(feed),
    writeChain: (feed, snapshot) => archive.write(feed, snapshot),
    async clearData() {
      const everything = await storage.snapshot('local');
      const removable = Object.keys(everything).filter((key) => key.startsWith('cache:') || key.startsWith('history:') || key === 'statuses');
      await storage.removeItems(removable.map((key) => `local:${key}` as const));
      await archive.clear();
    },
  };
}

/** Per-site overlay state (keyed by origin): the panel's place and the calibration. */
export interface SiteOverlayState {
  panel?: { x: number; y: number; collapsed: boolean };
  calibration?: import('./overlay/calibration').Calibration;
}
export const overlaySitesItem = storage.defineItem<Record<string, SiteOverlayState>>('local:overlaySites', { fallback: {}, version: 1 });
