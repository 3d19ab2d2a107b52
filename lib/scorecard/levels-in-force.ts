/**
 * Which chain's levels were in force for a session: the latest chain whose as-of is before that
 * session's 09:30 New York open. A chain counts for the first session after it only — a chain taken
 * after Friday's close or over the weekend stands for Monday (Tuesday after a Monday holiday), one
 * taken during a session for the next session — and a later chain for the same session supersedes it.
 */
import type { LevelSet, ScorecardNote } from './model';
import { newYorkDate } from '../market/ny-time';
import { nextTradingDay, sessionOn } from '../market/sessions';
import { formatNewYork } from '../format/time';

/** The session a chain as of `asOf` is in force for: the first whose open comes after it (an as-of at 09:30:00 sharp is too late). */
export function sessionInForce(asOf: number): string {
  const date = newYorkDate(asOf);
  const session = sessionOn(date);
  return session !== null && asOf < session.open ? date : nextTradingDay(date);
}

/** Session -> the level set in force for it; superseded chains are noted. Equal as-ofs: the one given last wins. */
export function levelsInForce(levelSets: readonly LevelSet[], notes: ScorecardNote[]): Map<string, LevelSet> {
  const inForce = new Map<string, LevelSet>();
  const ordered = levelSets.map((set, index) => ({ set, index })).sort((a, b) => a.set.asOf - b.set.asOf || a.index - b.index);
  for (const { set } of ordered) {
    const session = sessionInForce(set.asOf);
    const earlier = inForce.get(session);
    if (earlier) {
      notes.push({
        kind: 'superseded',
        session,
        source: earlier.source,
        message: `${earlier.source} (as of ${formatNewYork(earlier.asOf, { year: true })}) is superseded for ${session} by ${set.source} (as of ${formatNewYork(set.asOf, { year: true })})`,
      });
    }
    inForce.set(session, set);
  }
  return inForce;
}
