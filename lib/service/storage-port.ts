/** What the levels service needs from storage; the background implements it on browser storage + IndexedDB. */
import type { ChainSnapshot } from '../chain/model';
import type { Levels } from '../gex/levels';
import type { HeatmapGrid } from '../gex/heatmap';
import type { ProfilePoint } from '../gex/profile';
import type { FeedStatus, SourceInfo } from './protocol';
import type { HistoryEntry } from './history';
import type { Settings } from './settings';

export interface ApiKeys {
  tradier?: string;
  polygon?: string;
}

/** The last good levels of one (provider, ticker), computed for all expiries under `settingsKey`. */
export interface CachedLevels {
  settingsKey: string;
  levels: Levels;
  heatmap: HeatmapGrid;
  profile: ProfilePoint[];
  source: SourceInfo;
  atmIv: number | null;
  computedAt: number;
}

export interface ServiceStorage {
  readSettings(): Promise<Settings>;
  writeSettings(settings: Settings): Promise<void>;
  readKeys(): Promise<ApiKeys>;
  writeKeys(keys: ApiKeys): Promise<void>;
  readCache(key: string): Promise<CachedLevels | null>;
  writeCache(key: string, entry: CachedLevels): Promise<void>;
  readStatuses(): Promise<Record<string, FeedStatus>>;
  writeStatuses(statuses: Record<string, FeedStatus>): Promise<void>;
  readHistory(ticker: string): Promise<HistoryEntry[]>;
  writeHistory(ticker: string, entries: HistoryEntry[]): Promise<void>;
  /** Whole chains (too large for storage.local) live in IndexedDB. */
  readChain(key: string): Promise<ChainSnapshot | null>;
  writeChain(key: string, snapshot: ChainSnapshot): Promise<void>;
  /** Everything but settings and keys. */
  clearData(): Promise<void>;
}
