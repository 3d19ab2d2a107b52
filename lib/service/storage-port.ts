/**
 * What the background's features need from storage. utils/storage.ts implements it on the
 * extension's own IndexedDB (out of every content script's reach), tests on a memory store.
 */
import type { ChainSnapshot } from '../chain/model';
import type { ChainSummary } from '../chain/gate';
import type { Levels } from '../gex/levels';
import type { HeatmapGrid } from '../gex/heatmap';
import type { ProfilePoint } from '../gex/profile';
import type { HistoryEntry } from '../gex/history';
import type { ApiKeys } from '../providers/types';
import type { Settings } from '../settings';
import type { AssumptionsInfo, FeedStatus, SiteOverlayState, SourceInfo } from '../protocol';
import type { Item } from './store';
import type { AlertState, FiredAlert } from '../alerts/alert-model';

/** The last good levels of one (provider, ticker), computed for all expiries under `settingsKey`. */
export interface CachedLevels {
  settingsKey: string;
  levels: Levels;
  heatmap: HeatmapGrid;
  profile: ProfilePoint[];
  source: SourceInfo;
  assumptions: AssumptionsInfo;
  atmIv: number | null;
  computedAt: number;
  /**
   * The chain these levels came from, summarized for the gate: the next chain of the same feed is
   * judged against it. Absent in levels kept before the gate (the stored chain is summarized instead).
   */
  summary?: ChainSummary;
}

/** A tab showing charts: their symbols, and `follow` when a chart without a symbol follows the popup. */
export interface Subscription {
  symbols: string[];
  follow: boolean;
  /** UTC ms of the subscription. */
  at: number;
}

/** What the chain table holds for a feed. */
export interface StoredChain {
  fingerprint: string;
  bytes: number;
  written: boolean;
}

export interface ServiceStorage {
  settings: Item<Settings>;
  keys: Item<ApiKeys>;
  status(feed: string): Item<FeedStatus | null>;
  cache(feed: string): Item<CachedLevels | null>;
  history(ticker: string): Item<HistoryEntry[]>;
  subscription(tabId: number): Item<Subscription | null>;
  /** The overlay's state per site (origin). */
  site(origin: string): Item<SiteOverlayState>;
  /** What the alert triggers remember of a ticker between checks. */
  alertState(ticker: string): Item<AlertState | null>;
  /** Fired alerts, newest first (bounded). */
  alertLog: Item<FiredAlert[]>;
  statuses(): Promise<FeedStatus[]>;
  subscriptions(): Promise<Map<number, Subscription>>;
  /** Chains (too large for the item store) live in their own table, compact (lib/service/compact-chain). */
  readChain(feed: string): Promise<ChainSnapshot | null>;
  /** Writes a chain unless its fingerprint is `unless` (unchanged); says what it holds and whether it wrote. */
  writeChain(feed: string, snapshot: ChainSnapshot, unless?: string): Promise<StoredChain>;
  deleteChain(feed: string): Promise<void>;
  /** Tickers with a stored history. */
  historyTickers(): Promise<string[]>;
  chainFeeds(): Promise<string[]>;
  /** Everything but settings and keys. */
  clearData(): Promise<void>;
}
