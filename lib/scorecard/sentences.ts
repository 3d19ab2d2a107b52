/**
 * What the scorecard says in words, built from its counts only: per kind, how often the level was
 * touched and held beside how often the mirrored level was touched, and a verdict only where the 95%
 * intervals of the two touch rates do not overlap (a stricter bar than a test at 5%: a short history
 * rarely clears it, and it should not be made to). Under 20 sessions, the small sample is said plainly.
 */
import type { KindTotals, ScoredKind } from './model';

/** Fewer sessions than this and the scorecard says the sample is small. */
const SMALL_SAMPLE = 20;

const KIND_NAMES: Record<ScoredKind, string> = {
  flip: 'the flip',
  'call-wall': 'the call wall',
  'put-wall': 'the put wall',
  'prev-flip': "the previous session's flip",
  'prev-call-wall': "the previous session's call wall",
  'prev-put-wall': "the previous session's put wall",
};

const sessionsWord = (count: number) => `${count} session${count === 1 ? '' : 's'}`;

function verdict(totals: KindTotals): string {
  const level = totals.touchRate;
  const mirror = totals.mirrorTouchRate;
  if (level && mirror && level.low > mirror.high) return 'touched more often than that level, beyond both 95% intervals';
  if (level && mirror && level.high < mirror.low) return 'touched less often than that level, beyond both 95% intervals';
  return 'no edge shown yet';
}

/** "24 sessions: the put wall was touched on 9 and held on 6; a level at the same distance on the other side of the open was touched on 10 — no edge shown yet". */
export function kindSentence(kind: ScoredKind, totals: KindTotals): string {
  const name = KIND_NAMES[kind];
  const level = totals.touched === 0 ? `${name} was not touched` : `${name} was touched on ${totals.touched} and held on ${totals.held}`;
  return `${sessionsWord(totals.sessions)}: ${level}; a level at the same distance on the other side of the open was touched on ${totals.mirrorTouched} — ${verdict(totals)}`;
}

/** The small-sample warning, or null from SMALL_SAMPLE sessions on. */
export function smallSampleSentence(sessions: number): string | null {
  if (sessions === 0)
    return "No session scored yet: the scorecard needs a chain taken before a session's open and that session's bar, once the session has ended.";
  if (sessions >= SMALL_SAMPLE) return null;
  return `Only ${sessionsWord(sessions)}: far too few to tell a level from chance — read the intervals, not the rates (${SMALL_SAMPLE} sessions make a start).`;
}
