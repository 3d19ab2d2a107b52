/**
 * The scorecard's vocabulary: which levels were in force for a session, how each fared against the
 * session's bar (side, touch, hold or break, the mirrored baseline), and the totals with their
 * intervals. The JSON of `npm run scorecard` is these shapes (DESIGN.md's test contract).
 */

/** The levels scored, in the order they are listed: today's map, then (when asked) the previous session's. */
export const SCORED_KINDS = ['flip', 'call-wall', 'put-wall'] as const;
export const PREVIOUS_KINDS = ['prev-flip', 'prev-call-wall', 'prev-put-wall'] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number] | (typeof PREVIOUS_KINDS)[number];

/** The levels one chain gave, as the scorecard reads them (a chain file, a stored session's latest). */
export interface LevelSet {
  /** UTC ms the chain is as of. */
  asOf: number;
  /** The chain's underlying price: a session whose open lies far from it is not this chain's. */
  spot: number;
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
  /** Where the levels come from, for notes ("chain.csv", "stored session 2024-01-05"). */
  source: string;
}

type Side = 'above' | 'below';
type Outcome = 'untouched' | 'held' | 'broke';
export type FlipSide = 'above-flip' | 'below-flip';

/** A level's path through the session's minute bars. */
export interface MinutePath {
  /** UTC ms the first minute whose range holds the level starts, or null when none does. */
  firstTouchAt: number | null;
  /** Times the minute closes changed side of the level, starting from the open's side. */
  crossings: number;
  /** Crossed and crossed back at least once (two crossings or more): the first pass did not settle it. */
  crossedAgain: boolean;
}

export interface LevelScore {
  kind: ScoredKind;
  price: number;
  /** Where the level lay from the session's open. */
  side: Side;
  /** low <= price <= high. */
  touched: boolean;
  /** held: touched, and the close is not beyond the level (a close exactly at it has not closed beyond it). */
  outcome: Outcome;
  /** The baseline: the level mirrored through the open (2 * open - price), at the same distance with no gamma behind it. */
  mirror: { price: number; touched: boolean };
  /** Only with minute bars for the session. */
  path?: MinutePath;
}

export interface SessionScore {
  session: string;
  open: number;
  high: number;
  low: number;
  close: number;
  /** (high - low) / open, in percent. */
  rangePct: number;
  /** The open's side of the flip in force; null without a flip (or an open exactly at it). */
  flipSide: FlipSide | null;
  levels: LevelScore[];
  /** The chain whose levels were in force. */
  inForce: LevelSet;
  /** Levels exactly at the open: no side to hold, touched by the open print itself; left out of every count. */
  atOpen: { kind: ScoredKind; price: number }[];
  /** Minute bars of the session the paths were read from (0: none given). */
  minuteBars: number;
}

/** A proportion with its Wilson 95% interval. */
export interface Rate {
  value: number;
  low: number;
  high: number;
}

export interface KindTotals {
  sessions: number;
  touched: number;
  held: number;
  broke: number;
  mirrorTouched: number;
  /** touched / sessions; null with no session. */
  touchRate: Rate | null;
  /** mirrorTouched / sessions; null with no session. */
  mirrorTouchRate: Rate | null;
  /** held / touched; null with no touch. */
  holdRate: Rate | null;
}

export interface RangeBySide {
  sessions: number;
  /** null with no session. */
  meanRangePct: number | null;
}

/** Why a chain or session was not scored, for the reader. */
type NoteKind = 'superseded' | 'no-bar' | 'not-ended' | 'misfit';

export interface ScorecardNote {
  kind: NoteKind;
  session: string;
  /** The LevelSet's source. */
  source: string;
  message: string;
}

export interface Scorecard {
  /** Oldest first, only sessions with levels in force and a bar. */
  sessions: SessionScore[];
  /** Per kind scored: flip, call-wall, put-wall always; prev-* when the previous session's levels were asked for. */
  totals: Partial<Record<ScoredKind, KindTotals>>;
  rangeBySide: Record<FlipSide, RangeBySide>;
  notes: ScorecardNote[];
  /** Sessions in the bars, from the first one a chain was in force for, that had no levels in force. */
  sessionsWithoutLevels: string[];
  /** One honest sentence per kind with sessions. */
  summary: string[];
  /** Said when fewer than 20 sessions stand behind the numbers; null from 20 on. */
  smallSample: string | null;
}
