/** The change of each level between two sessions (day-over-day). */
import type { Levels } from './levels';

const DIFFED_LEVELS = ['spot', 'flip', 'callWall', 'putWall', 'absGammaStrike', 'totalGex', 'zeroDteShare'] as const;
type DiffedLevel = (typeof DIFFED_LEVELS)[number];

interface LevelChange {
  current: number | null;
  previous: number | null;
  /** current - previous, or null when either is missing. */
  change: number | null;
}

export type LevelDiff = Record<DiffedLevel, LevelChange> & { regimeChanged: boolean; previousAsOf: string };

/** Only the diffed numbers, the regime and as-of are read (history keeps summaries, not full levels). */
export type DiffableLevels = Pick<Levels, DiffedLevel | 'regime' | 'asOf'>;

export function diffLevels(current: DiffableLevels, previous: DiffableLevels): LevelDiff {
  const diff = { regimeChanged: current.regime !== previous.regime, previousAsOf: previous.asOf } as LevelDiff;
  for (const key of DIFFED_LEVELS) {
    const now = current[key];
    const before = previous[key];
    diff[key] = { current: now, previous: before, change: now !== null && before !== null ? now - before : null };
  }
  return diff;
}
