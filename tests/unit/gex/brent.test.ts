import { describe, expect, it } from 'vitest';
import { brent } from '../../../lib/gex/flip';

describe('Brent root finder', () => {
  it('finds classic roots to the tolerance, in few evaluations', () => {
    let evaluations = 0;
    const f = (x: number) => {
      evaluations++;
      return x * x * x - 2 * x - 5; // Wallis's example: root 2.0945514815423265
    };
    expect(Math.abs(brent(f, 2, 3, f(2), f(3), 1e-9) - 2.0945514815423265)).toBeLessThan(1e-9);
    expect(evaluations).toBeLessThan(15);
    const g = (x: number) => Math.cos(x) - x;
    expect(Math.abs(brent(g, 0, 1, g(0), g(1), 1e-6) - 0.7390851332151607)).toBeLessThan(1e-6);
  });

  it('handles a root at a bracket end and a step function', () => {
    const f = (x: number) => x - 1;
    expect(brent(f, 1, 2, 0, 1, 1e-9)).toBe(1);
    const step = (x: number) => (x < 0.3 ? -1 : 1);
    expect(Math.abs(brent(step, 0, 1, -1, 1, 1e-6) - 0.3)).toBeLessThan(1e-6);
  });
});
