/** The quiet period: at most one alert per trigger per period; what changed meanwhile is said when it ends, if it still holds. */
import { describe, expect, it } from 'vitest';
import { advance, isQuiet, type TriggerMemory } from '../../../lib/alerts/quiet-period';

const MINUTE = 60000;
const QUIET = 15 * MINUTE;
const always = (_from: string, _to: string) => true;
const entering = (_from: string, to: string): boolean => to === 'near';

/** Feeds values at the given minutes through one trigger; returns the minutes at which it fired, with what. */
function run(steps: [number, string | null][], announces = always, enabled = true): string[] {
  let memory: TriggerMemory | undefined;
  const fired: string[] = [];
  for (const [minute, value] of steps) {
    const step = advance(memory, value, minute * MINUTE, QUIET, announces, enabled);
    memory = step.memory;
    if (step.fired) fired.push(`${minute}: ${step.fired.from}->${step.fired.to}`);
  }
  return fired;
}

describe('the quiet period', () => {
  it('is quiet from the alert for exactly the period', () => {
    expect(isQuiet(null, 0, QUIET)).toBe(false);
    expect(isQuiet(0, 14 * MINUTE + 59999, QUIET)).toBe(true);
    expect(isQuiet(0, 15 * MINUTE, QUIET)).toBe(false);
    // A clock set back never keeps a trigger quiet for good.
    expect(isQuiet(10 * MINUTE, 0, QUIET)).toBe(false);
  });

  it('the first reading only sets the state; a change fires once', () => {
    expect(
      run([
        [0, 'below'],
        [5, 'below'],
        [10, 'above'],
        [15, 'above'],
        [20, 'above'],
      ]),
    ).toEqual(['10: below->above']);
  });

  it('a change and its undoing within the period fire nothing more (the last alert still holds)', () => {
    expect(
      run([
        [0, 'below'],
        [5, 'above'],
        [10, 'below'],
        [12, 'above'],
        [25, 'above'],
      ]),
    ).toEqual(['5: below->above']);
  });

  it('a change within the period that still holds when it ends is said then', () => {
    expect(
      run([
        [0, 'below'],
        [5, 'above'],
        [10, 'below'],
        [15, 'below'],
        [20, 'below'],
        [25, 'below'],
      ]),
    ).toEqual(['5: below->above', '20: above->below']);
  });

  it('an unreadable state (no flip, no wall) keeps the memory as it was', () => {
    expect(
      run([
        [0, 'below'],
        [5, null],
        [10, 'below'],
        [15, 'above'],
      ]),
    ).toEqual(['15: below->above']);
  });

  it('leaving a wall is remembered silently, so the next approach fires (after the quiet period)', () => {
    expect(
      run(
        [
          [0, 'away'],
          [5, 'near'],
          [10, 'away'],
          [12, 'near'],
          [19, 'near'],
          [21, 'near'],
          [30, 'away'],
          [40, 'near'],
        ],
        entering,
      ),
    ).toEqual(['5: away->near', '21: away->near', '40: away->near']);
  });

  it('a trigger turned off remembers every change silently: turning it on never fires on old news', () => {
    let memory: TriggerMemory | undefined;
    for (const [minute, value] of [
      [0, 'below'],
      [5, 'above'],
    ] as const)
      memory = advance(memory, value, minute * MINUTE, QUIET, always, false).memory;
    expect(memory).toEqual({ value: 'above', announced: 'above', firedAt: null });
    expect(advance(memory, 'above', 10 * MINUTE, QUIET, always, true).fired).toBeNull();
  });
});
