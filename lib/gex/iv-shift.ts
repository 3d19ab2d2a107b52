/** ATM IV now against ATM IV when the session's levels were first computed (checklist item). */
import type { HistoryEntry } from './history';

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
