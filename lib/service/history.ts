/**
 * Session history per ticker: for each trading session, the first levels computed (the morning map
 * a trader plans with) and the latest, bounded to the last 60 sessions.
 */
import type { Levels } from '../gex/levels';
import { diffLevels, type LevelDiff } from '../gex/level-diff';

export const HISTORY_SESSIONS = 60;

/** The few numbers kept per computation (full by-strike tables are not kept in history). */
export type LevelsSummary = Omit<Levels, 'byStrike' | 'warnings' | 'contractsSkipped' | 'topNodes'> & { atmIv: number | null };

export interface HistoryEntry {
  /** New York session date the data belongs to. */
  session: string;
  first: LevelsSummary;
  latest: LevelsSummary;
}

export function summarize(levels: Levels, atmIv: number | null): LevelsSummary {
  const { byStrike: _byStrike, warnings: _warnings, contractsSkipped: _skipped, topNodes: _topNodes, ...rest } = levels;
  return { ...rest, atmIv };
}

/** Adds a computation to its session (creating the session entry if new), newest last, bounded. */
export function recordSession(history: readonly HistoryEntry[], session: string, summary: LevelsSummary): HistoryEntry[] {
  const entries = history.filter((entry) => entry.session !== session);
  const existing = history.find((entry) => entry.session === session);
  // Data of an older as-of never overwrites newer data of the same session.
  const latest = existing && existing.latest.asOf > summary.asOf ? existing.latest : summary;
  entries.push({ session, first: existing?.first ?? summary, latest });
  entries.sort((a, b) => (a.session < b.session ? -1 : a.session > b.session ? 1 : 0));
  return entries.slice(-HISTORY_SESSIONS);
}

/** The change of each level since the previous session's latest levels, or null with no previous session. */
export function diffAgainstPrevious(history: readonly HistoryEntry[], session: string, current: Levels): LevelDiff | null {
  const previous = [...history].reverse().find((entry) => entry.session < session);
  return previous ? diffLevels(current, previous.latest) : null;
}

export interface IvShift {
  /** ATM IV when the session's levels were first computed, and now. */
  from: number;
  to: number;
  change: number;
  /** True when |change| exceeds the threshold: the levels were computed under another IV. */
  flagged: boolean;
}

export function ivShiftSinceSessionStart(entry: HistoryEntry | undefined, currentAtmIv: number | null, threshold: number): IvShift | null {
  const from = entry?.first.atmIv ?? null;
  if (from === null || currentAtmIv === null) return null;
  const change = currentAtmIv - from;
  return { from, to: currentAtmIv, change, flagged: Math.abs(change) > threshold };
}
