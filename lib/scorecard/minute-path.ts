/**
 * A level's path through a session's minute bars: when price first reached it (the first minute whose
 * range holds it), and how often the minute closes changed side of it, counting from the open's side —
 * 0 for a level never closed beyond, 1 for one crossed and left behind, 2 or more for one price went
 * through and came back through.
 */
import type { MinuteBar } from '../bars';
import type { MinutePath } from './model';

/** `bars`: the session's minutes, oldest first; `open`: the session's open (not equal to `price`). */
export function minutePath(price: number, open: number, bars: readonly MinuteBar[]): MinutePath {
  let firstTouchAt: number | null = null;
  let side = Math.sign(open - price);
  let crossings = 0;
  for (const bar of bars) {
    if (firstTouchAt === null && bar.low <= price && price <= bar.high) firstTouchAt = bar.start;
    const now = Math.sign(bar.close - price);
    if (now !== 0 && now !== side) {
      crossings++;
      side = now;
    }
  }
  return { firstTouchAt, crossings, crossedAgain: crossings >= 2 };
}
