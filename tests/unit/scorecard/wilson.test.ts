/**
 * The Wilson score interval against published values: Newcombe, R. G. (1998), "Two-sided confidence
 * intervals for the single proportion: comparison of seven methods", Statistics in Medicine 17,
 * 857-872, Table I, method 3 (score interval without continuity correction), z = 1.96, to 4 decimals.
 */
import { describe, expect, it } from 'vitest';
import { WILSON_Z, wilsonInterval } from '../../../lib/scorecard';

describe('wilsonInterval', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("gives Newcombe's %i/%i interval", (successes, trials, low, high) => {
    const rate = wilsonInterval(successes, trials)!;
    expect(rate.value).toBe(successes / trials);
    expect(Math.abs(rate.low - low)).toBeLessThan(0.5e-4);
    expect(Math.abs(rate.high - high)).toBeLessThan(0.5e-4);
  });

  it('uses z = 1.96 by default', () => {
    expect(WILSON_Z).toBe(1.96);
    expect(wilsonInterval(81, 263)).toEqual(wilsonInterval(81, 263, 1.96));
    expect(wilsonInterval(81, 263, 2.576)!.low).toBeLessThan(0.2553);
  });

  it('is exactly 0 at 0 of n and exactly 1 at n of n, and mirrors k/n and (n-k)/n', () => {
    expect(wilsonInterval(0, 5)!.low).toBe(0);
    expect(wilsonInterval(5, 5)!.high).toBe(1);
    const a = wilsonInterval(3, 11)!;
    const b = wilsonInterval(8, 11)!;
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
  });

  it('is null without trials, and refuses counts that are no proportion', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});
