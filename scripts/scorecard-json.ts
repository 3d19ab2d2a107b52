/**
 * The scorecard as `npm run scorecard -- --json` prints it: exactly the shape of DESIGN.md's test
 * contract (sessions, totals, rangeBySide), with a level's minute path (firstTouch as New York HH:MM,
 * crossings, crossedAgain) only when minute bars were given.
 */
import type { LevelScore, Scorecard } from '../lib/scorecard';
import { newYorkWallClock } from '../lib/market/ny-time';

/** "09:31": the New York wall clock of an instant. */
export function newYorkHourMinute(instant: number): string {
  const wall = newYorkWallClock(instant);
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

function levelJson(level: LevelScore) {
  const { kind, price, side, touched, outcome, mirror, path } = level;
  const base = { kind, price, side, touched, outcome, mirror: { price: mirror.price, touched: mirror.touched } };
  if (!path) return base;
  return {
    ...base,
    firstTouch: path.firstTouchAt === null ? null : newYorkHourMinute(path.firstTouchAt),
    crossings: path.crossings,
    crossedAgain: path.crossedAgain,
  };
}

export function scorecardJson(card: Scorecard) {
  return {
    sessions: card.sessions.map(({ session, open, high, low, close, rangePct, flipSide, levels }) => ({
      session,
      open,
      high,
      low,
      close,
      rangePct,
      flipSide,
      levels: levels.map(levelJson),
    })),
    totals: card.totals,
    rangeBySide: card.rangeBySide,
  };
}
