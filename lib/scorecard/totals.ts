/** The counts per level kind with their Wilson intervals, and the day's range by the open's side of the flip. */
import type { FlipSide, KindTotals, LevelScore, RangeBySide, SessionScore } from './model';
import { wilsonInterval } from './wilson';

/** The totals of one kind's scores (one score per session it was in force). */
export function kindTotals(scores: readonly LevelScore[]): KindTotals {
  const sessions = scores.length;
  const touched = scores.filter((score) => score.touched).length;
  const held = scores.filter((score) => score.outcome === 'held').length;
  const broke = scores.filter((score) => score.outcome === 'broke').length;
  const mirrorTouched = scores.filter((score) => score.mirror.touched).length;
  return {
    sessions,
    touched,
    held,
    broke,
    mirrorTouched,
    touchRate: wilsonInterval(touched, sessions),
    mirrorTouchRate: wilsonInterval(mirrorTouched, sessions),
    holdRate: wilsonInterval(held, touched),
  };
}

/** Sessions and mean range on each side of the flip (sessions without a flip side count on neither). */
export function rangeBySide(sessions: readonly SessionScore[]): Record<FlipSide, RangeBySide> {
  const side = (which: FlipSide): RangeBySide => {
    const ranges = sessions.filter((session) => session.flipSide === which).map((session) => session.rangePct);
    return { sessions: ranges.length, meanRangePct: ranges.length ? ranges.reduce((sum, range) => sum + range, 0) / ranges.length : null };
  };
  return { 'above-flip': side('above-flip'), 'below-flip': side('below-flip') };
}
