import { describe, expect, it } from 'vitest';
import { fitRobustLine, leastSquaresLine } from '../../../lib/chart/axis/robust-line';
import { analyseSteps, isNiceStep, significantDigits } from '../../../lib/chart/axis/tick-steps';

describe('robust line', () => {
  // Eleven points on y = 500 - 2x (x = 0..10), the one at x = 5 moved from 490 to 480.
  const points = Array.from({ length: 11 }, (_, x) => ({ x, y: x === 5 ? 480 : 500 - 2 * x }));

  it('recovers the line exactly and names the outlier', () => {
    const line = fitRobustLine(points, { tolerance: 2, slopeSign: -1 })!;
    expect(line.slope).toBeCloseTo(-2, 12);
    expect(line.intercept).toBeCloseTo(500, 12);
    expect(line.inliers).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
    expect(line.residuals[5]).toBeCloseTo(10, 12); // fitted 490 - observed 480
    expect(line.rms).toBeCloseTo(0, 12);
  });

  it('where least squares is dragged by it', () => {
    // Least squares over all eleven: mean x = 5, the outlier lowers mean y by 10/11, slope unchanged
    // (the outlier sits at mean x), so every fitted y is 10/11 px too low.
    const plain = leastSquaresLine(points)!;
    expect(plain.slope).toBeCloseTo(-2, 12);
    expect(plain.intercept).toBeCloseTo(500 - 10 / 11, 12);
  });

  it('accepts only the slope sign asked for', () => {
    // Rising lines exist only through the outlier and a neighbour: two points, nothing more.
    expect(fitRobustLine(points, { tolerance: 2, slopeSign: 1 })!.inliers.length).toBe(2);
    expect(
      fitRobustLine(
        points.filter((_, x) => x !== 5),
        { tolerance: 2, slopeSign: 1 },
      ),
    ).toBeNull();
  });
});

describe('tick steps', () => {
  it('knows nice steps', () => {
    expect([1, 2, 2.5, 5, 10, 25, 50, 0.25, 0.05, 3, 200].every(isNiceStep)).toBe(true);
    expect([7, 1.5, 12.35, 0.7, 45].some(isNiceStep)).toBe(false);
    expect(significantDigits(4750)).toBe(3);
    expect(significantDigits(0.025)).toBe(2);
  });

  it('finds the common step past a missing label and a badge', () => {
    // 4600..4800 by 50, 4750 missing, a last-price badge 4712.35: differences 50, 62.35, 37.65, 100.
    const steps = analyseSteps([4600, 4650, 4700, 4712.35, 4800], 'linear');
    expect(steps.step).toBe(50);
    expect(steps.evenness).toBeCloseTo(2 / 4, 12); // 50 and 100 (two steps) are whole steps
    expect(steps.niceStep).toBe(true);
    expect(steps.score).toBeCloseTo(0.6 * 0.5 + 0.4, 12);
  });

  it('scores a table column of prices low and a log axis of round numbers high', () => {
    expect(analyseSteps([4712.35, 4698.1, 4703.9, 4689.45], 'linear').score).toBeLessThan(0.5);
    expect(analyseSteps([10, 20, 50, 100, 200, 500], 'log').score).toBe(1);
  });
});
