/**
 * When the bridges look for charts (look-schedule.ts): soon after the page changed, ever less often
 * while it sits still (doubling up to the slowest pace, which stays on), and a change brings a
 * pending look forward. Fake clock: the times are the schedule's own, not the machine's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lookSchedule } from '../../../entrypoints/chart-bridge.content/look-schedule';

describe('the look schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Starts looking, each look asking for the next, and returns the times of the looks. */
  function lookingEvery(soonMs: number, slowestMs: number) {
    const at: number[] = [];
    const looks = lookSchedule(
      () => {
        at.push(performance.now());
        looks.later();
      },
      { soonMs, slowestMs },
    );
    looks.later();
    return { at, looks };
  }

  it('backs off while the page sits still: 0.5, 1, 2, 4, then every 4 s', () => {
    const { at } = lookingEvery(500, 4000);
    vi.advanceTimersByTime(20_000);
    const gaps = at.map((time, k) => time - (k ? at[k - 1] : 0));
    // The first look comes soon (the page is new); then each still look doubles the wait.
    expect(gaps.slice(0, 7)).toEqual([500, 500, 1000, 2000, 4000, 4000, 4000]);
  });

  it('looks soon again once the page changes, and backs off afresh', () => {
    const { at, looks } = lookingEvery(1000, 8000);
    vi.advanceTimersByTime(15_000); // looks at 1, 2, 4, 8 s: the next is due at 16 s
    expect(at).toEqual([1000, 2000, 4000, 8000]);
    looks.changed(); // at 15 s
    vi.advanceTimersByTime(1000);
    expect(at.at(-1)).toBe(16_000);
    vi.advanceTimersByTime(3000);
    expect(at).toEqual([1000, 2000, 4000, 8000, 16_000, 17_000, 19_000]);
  });

  it('a change never puts a look off, and nothing is looked for once cancelled', () => {
    const { at, looks } = lookingEvery(1000, 8000);
    vi.advanceTimersByTime(500);
    looks.changed(); // a look already due at 1 s stays at 1 s
    vi.advanceTimersByTime(500);
    expect(at).toEqual([1000]);
    looks.cancel();
    expect(looks.pending).toBe(false);
    looks.changed(); // with no look pending, a change starts none
    vi.advanceTimersByTime(30_000);
    expect(at).toEqual([1000]);
  });
});
