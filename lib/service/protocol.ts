/** The shapes that travel between the background and the other parts (see utils/messaging.ts). */
import type { Levels } from '../gex/levels';
import type { LevelDiff } from '../gex/level-diff';
import type { HeatmapGrid } from '../gex/heatmap';
import type { ProfilePoint } from '../gex/profile';
import type { ProviderErrorKind, ProviderId } from '../providers/types';
import type { HistoryEntry, IvShift } from './history';
import type { Settings } from './settings';

export interface SourceInfo {
  provider: ProviderId;
  /** What the UI prints next to the numbers, e.g. "CBOE delayed quotes" or the sample's label. */
  label: string;
  underlying: string;
  asOf: number;
  fetchedAt: number;
  delayed: boolean;
  sample: boolean;
  asOfInferred: boolean;
}

export interface FeedError {
  kind: ProviderErrorKind;
  message: string;
  at: number;
}

export interface FeedStatus {
  key: string;
  provider: ProviderId;
  ticker: string;
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** Consecutive failures since the last success. */
  failures: number;
  lastError: FeedError | null;
  nextDueAt: number | null;
  /** How long the last successful refresh took, fetch to levels stored (ms). */
  lastDurationMs?: number;
}

export interface LevelsReply {
  ticker: string;
  expiryFilter: string;
  levels: Levels | null;
  source: SourceInfo | null;
  status: FeedStatus;
  /** True when the last refresh failed or the data is older than the schedule allows. */
  stale: boolean;
  /** Change since the previous session's latest levels. */
  diff: LevelDiff | null;
  ivShift: IvShift | null;
}

export interface HeatmapReply {
  ticker: string;
  grid: HeatmapGrid | null;
  source: SourceInfo | null;
  status: FeedStatus;
  stale: boolean;
}

export interface ProfileReply {
  ticker: string;
  spot: number | null;
  points: ProfilePoint[];
  flip: number | null;
  flips: number[];
  byStrike: Levels['byStrike'];
  source: SourceInfo | null;
  status: FeedStatus;
}

/** Settings as any page may see them: API keys are reduced to whether they are set. */
export interface PublicSettings extends Settings {
  keys: { tradier: boolean; polygon: boolean };
}

export type { HistoryEntry };
