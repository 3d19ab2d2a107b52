/**
 * The scorecard: for each session with levels in force and a finished bar, how each level fared, then
 * the totals per kind, the range by flip side and the sentences. Pure: the bars, the level sets and
 * the time are passed in.
 */
import type { DailyBar, MinuteBar } from '../bars';
import {
  PREVIOUS_KINDS,
  SCORED_KINDS,
  type LevelScore,
  type LevelSet,
  type Scorecard,
  type ScorecardNote,
  type ScoredKind,
  type SessionScore,
} from './model';
import { levelsInForce } from './levels-in-force';
import { scoreLevel } from './level-outcome';
import { minutePath } from './minute-path';
import { kindTotals, rangeBySide } from './totals';
import { kindSentence, smallSampleSentence } from './sentences';
import { previousTradingDay, sessionOn } from '../market/sessions';
import { formatPrice } from '../format/numbers';

export interface ScorecardInput {
  levelSets: readonly LevelSet[];
  daily: readonly DailyBar[];
  /** Minute bars of any sessions (first touch times and crossings where given). */
  minutes?: readonly MinuteBar[];
  /** UTC ms: a session that has not closed by then is not scored (its bar may still be moving). */
  now: number;
  /** Also score the levels that were in force for the session before (prev-flip, prev-call-wall, prev-put-wall). */
  previous?: boolean;
}

/** An open further than this from the chain's spot (either way, as a ratio) is not the session of that chain's underlying. */
const MAX_OPEN_TO_SPOT = 1 / 0.7;

const PRICES: [ScoredKind, ScoredKind, 'flip' | 'callWall' | 'putWall'][] = [
  ['flip', 'prev-flip', 'flip'],
  ['call-wall', 'prev-call-wall', 'callWall'],
  ['put-wall', 'prev-put-wall', 'putWall'],
];

function groupMinutes(minutes: readonly MinuteBar[]): Map<string, MinuteBar[]> {
  const bySession = new Map<string, MinuteBar[]>();
  for (const bar of minutes) {
    const list = bySession.get(bar.session);
    if (list) list.push(bar);
    else bySession.set(bar.session, [bar]);
  }
  for (const list of bySession.values()) list.sort((a, b) => a.start - b.start);
  return bySession;
}

function scoreSession(
  session: string,
  bar: DailyBar,
  set: LevelSet,
  previous: LevelSet | null | undefined,
  minutes: readonly MinuteBar[],
): SessionScore {
  const levels: LevelScore[] = [];
  const atOpen: SessionScore['atOpen'] = [];
  const sources: [LevelSet, 0 | 1][] = previous
    ? [
        [set, 0],
        [previous, 1],
      ]
    : [[set, 0]];
  for (const [source, which] of sources) {
    for (const kinds of PRICES) {
      const price = source[kinds[2]];
      if (price === null || !Number.isFinite(price)) continue;
      const score = scoreLevel(kinds[which], price, bar);
      if (score === null) {
        atOpen.push({ kind: kinds[which], price });
        continue;
      }
      if (minutes.length) score.path = minutePath(price, bar.open, minutes);
      levels.push(score);
    }
  }
  const flip = set.flip;
  return {
    session,
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    rangePct: ((bar.high - bar.low) / bar.open) * 100,
    flipSide: flip === null || bar.open === flip ? null : bar.open > flip ? 'above-flip' : 'below-flip',
    levels,
    inForce: set,
    atOpen,
    minuteBars: minutes.length,
  };
}

export function buildScorecard(input: ScorecardInput): Scorecard {
  const notes: ScorecardNote[] = [];
  const inForce = levelsInForce(input.levelSets, notes);
  const daily = new Map(input.daily.map((bar) => [bar.date, bar]));
  const minutes = groupMinutes(input.minutes ?? []);
  const sessions: SessionScore[] = [];
  for (const [session, set] of [...inForce].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const note = (kind: ScorecardNote['kind'], message: string) => notes.push({ kind, session, source: set.source, message });
    const bar = daily.get(session);
    if (sessionOn(session)!.close > input.now) {
      note('not-ended', `${set.source}: its session ${session} has not ended yet`);
      continue;
    }
    if (!bar) {
      note('no-bar', `${set.source}: the bars have no usable row for its session ${session}`);
      continue;
    }
    const ratio = bar.open / set.spot;
    if (ratio > MAX_OPEN_TO_SPOT || ratio < 1 / MAX_OPEN_TO_SPOT) {
      note(
        'misfit',
        `${set.source}: the ${session} open ${formatPrice(bar.open)} lies more than 30% from the chain's spot ${formatPrice(set.spot)} (bars of another symbol, or a split between them?)`,
      );
      continue;
    }
    const previous = input.previous ? (inForce.get(previousTradingDay(session)) ?? null) : undefined;
    sessions.push(scoreSession(session, bar, set, previous, minutes.get(session) ?? []));
  }
  const kinds: ScoredKind[] = input.previous ? [...SCORED_KINDS, ...PREVIOUS_KINDS] : [...SCORED_KINDS];
  const totals: Scorecard['totals'] = {};
  for (const kind of kinds) totals[kind] = kindTotals(sessions.flatMap((session) => session.levels.filter((level) => level.kind === kind)));
  const first = [...inForce.keys()].sort()[0];
  const scored = new Set([...inForce.keys()]);
  return {
    sessions,
    totals,
    rangeBySide: rangeBySide(sessions),
    notes,
    sessionsWithoutLevels: first === undefined ? [] : [...daily.keys()].filter((date) => date >= first && !scored.has(date)).sort(),
    summary: kinds.filter((kind) => totals[kind]!.sessions > 0).map((kind) => kindSentence(kind, totals[kind]!)),
    smallSample: smallSampleSentence(sessions.length),
  };
}
