/**
 * The session history as a trader reads it: one row per stored session (its latest levels, the close
 * of a finished session), each with its change since the session stored before it. Sessions missing
 * from the history are not invented: a row names the session it is compared with.
 */
import type { HistoryEntry } from './history';
import type { Regime } from './levels';

/** The levels a row shows and diffs. */
const ROW_LEVELS = ['spot', 'flip', 'callWall', 'putWall'] as const;
type RowLevel = (typeof ROW_LEVELS)[number];

export interface SessionRow {
  /** New York session date (YYYY-MM-DD). */
  session: string;
  /** UTC ms of the session's latest data. */
  asOf: number;
  spot: number;
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
  regime: Regime;
  /** Total GEX at spot, dollars per 1% move. */
  totalGex: number;
  /** The stored session this row is compared with, or null for the oldest. */
  previousSession: string | null;
  /** Change since that session's latest levels; null when either value is missing. */
  change: Record<RowLevel, number | null>;
}

const difference = (now: number | null, before: number | null | undefined) =>
  now === null || before === null || before === undefined ? null : now - before;

/** Rows oldest first (the order charts draw them in). */
export function dayOverDay(history: readonly HistoryEntry[]): SessionRow[] {
  const entries = [...history].sort((a, b) => (a.session < b.session ? -1 : a.session > b.session ? 1 : 0));
  return entries.map((entry, index) => {
    const latest = entry.latest;
    const before = index > 0 ? entries[index - 1].latest : null;
    const change = Object.fromEntries(
      ROW_LEVELS.map((level) => [level, before ? difference(latest[level], before[level]) : null]),
    ) as Record<RowLevel, number | null>;
    return {
      session: entry.session,
      asOf: Date.parse(latest.asOf),
      spot: latest.spot,
      flip: latest.flip,
      callWall: latest.callWall,
      putWall: latest.putWall,
      regime: latest.regime,
      totalGex: latest.totalGex,
      previousSession: index > 0 ? entries[index - 1].session : null,
      change,
    };
  });
}
