/**
 * How one level fared in one session, from the session's bar: its side of the open, whether the day's
 * range reached it (inclusive: a level exactly at the high or the low was touched), whether the close
 * stayed on the open's side (held; a close exactly at the level has not closed beyond it) or ended
 * beyond it (broke), and the same touch for the level mirrored through the open.
 */
import type { DailyBar } from '../bars';
import type { LevelScore, ScoredKind } from './model';

const within = (price: number, bar: DailyBar) => bar.low <= price && price <= bar.high;

/** The level's score, or null for a level exactly at the open (it has no side, and the open print touches it and its mirror). */
export function scoreLevel(kind: ScoredKind, price: number, bar: DailyBar): LevelScore | null {
  if (price === bar.open) return null;
  const side = price > bar.open ? 'above' : 'below';
  const touched = within(price, bar);
  const beyond = side === 'above' ? bar.close > price : bar.close < price;
  const mirror = 2 * bar.open - price;
  return {
    kind,
    price,
    side,
    touched,
    outcome: !touched ? 'untouched' : beyond ? 'broke' : 'held',
    mirror: { price: mirror, touched: within(mirror, bar) },
  };
}
