/**
 * Session history per ticker: for each trading session, the first levels computed (the morning map
 * a trader plans with) and the latest, bounded to the last 60 sessions.
 */
import type { Levels } from './levels';
import { diffLevels, type LevelDiff } from './level-diff';
import { currentOrNextSession, lastClosedSession } from '../market/sessions';

const HISTORY_SESSIONS = 60;

/** The few numbers kept per computation (full by-strike tables are not kept in history). */
export type LevelsSummary = Omit<Levels, 'byStrike' | 'warnings' | 'contractsSkipped' | 'topNodes'> & { atmIv: number | null };

/** One refresh within a session, kept compactly for the intraday path (spot against the levels). */
export interface PathPoint {
  /** UTC ms the data is as of. */
  at: number;
  spot: number;
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
  totalGex: number;
}

/** Refreshes kept per session: a 5-minute schedule fills 78 a session; a 1-minute one is thinned. */
const PATH_POINTS = 400;

export interface HistoryEntry {
  /** New York session date the data belongs to. */
  session: string;
  first: LevelsSummary;
  latest: LevelsSummary;
  /** Every refresh of the session, oldest first. */
  path: PathPoint[];
}

export function pathPoint(summary: LevelsSummary): PathPoint {
  return {
    at: Date.parse(summary.asOf),
    spot: summary.spot,
    flip: summary.flip,
    callWall: summary.callWall,
    putWall: summary.putWall,
    totalGex: summary.totalGex,
  };
}

export function summarize(levels: Levels, atmIv: number | null): LevelsSummary {
  const { byStrike: _byStrike, warnings: _warnings, contractsSkipped: _skipped, topNodes: _topNodes, ...rest } = levels;
  return { ...rest, atmIv };
}

/**
 * Adds a computation to its session (creating the session entry if new), newest last, bounded.
 * `replace`: the data stands for the whole session (an imported file), so it replaces what was there.
 */
export function recordSession(
  history: readonly HistoryEntry[],
  session: string,
  summary: LevelsSummary,
  options: { replace?: boolean } = {},
): HistoryEntry[] {
  const entries = history.filter((entry) => entry.session !== session);
  const existing = options.replace ? undefined : history.find((entry) => entry.session === session);
  // Data of an older as-of never overwrites newer data of the same session.
  const latest = existing && existing.latest.asOf > summary.asOf ? existing.latest : summary;
  const first = existing && existing.first.asOf < summary.asOf ? existing.first : summary;
  const point = pathPoint(summary);
  let path = [...(existing?.path ?? []).filter((known) => known.at !== point.at), point].sort((a, b) => a.at - b.at);
  // Thin the oldest half rather than drop the morning: every other point beyond the bound.
  while (path.length > PATH_POINTS) path = path.filter((_point, index) => index % 2 === 0 || index >= path.length / 2);
  entries.push({ session, first, latest, path });
  entries.sort((a, b) => (a.session < b.session ? -1 : a.session > b.session ? 1 : 0));
  return entries.slice(-HISTORY_SESSIONS);
}

/** The last stored session before `session` (not necessarily the previous trading day: gaps stay gaps). */
function previousEntry(history: readonly HistoryEntry[], session: string): HistoryEntry | null {
  return [...history].reverse().find((entry) => entry.session < session) ?? null;
}

/** What a chart draws of the previous session: its latest flip and walls (all expiries, as history keeps them). */
export interface PreviousLevels {
  session: string;
  /** ISO instant of the previous session's latest data. */
  asOf: string;
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
}

/** The previous stored session's latest flip and walls, or null when none is stored. */
export function previousLevels(history: readonly HistoryEntry[], session: string): PreviousLevels | null {
  const entry = previousEntry(history, session);
  if (!entry) return null;
  const { asOf, flip, callWall, putWall } = entry.latest;
  return { session: entry.session, asOf, flip, callWall, putWall };
}

/** The change of each level since the previous session's latest levels, or null with no previous session. */
export function diffAgainstPrevious(history: readonly HistoryEntry[], session: string, current: Levels): LevelDiff | null {
  const previous = previousEntry(history, session);
  return previous ? diffLevels(current, previous.latest) : null;
}

/** The session a snapshot's data belongs to: the one in progress, or the last one closed. */
export function sessionOfData(asOf: number): string {
  const current = currentOrNextSession(asOf);
  return asOf >= current.open ? current.date : lastClosedSession(asOf).date;
}
