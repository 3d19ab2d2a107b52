/** Close levels' labels are stacked without overlapping, each as near its line as it can be. */
import { describe, expect, it } from 'vitest';
import { stackLabels } from '../../../lib/chart/levels/label-layout';

const H = 16;

describe('stacking labels', () => {
  it('leaves labels of distant lines on their lines', () => {
    expect(stackLabels([100, 300, 200], H, 0, 600)).toEqual([100, 300, 200]);
  });

  it('spreads two close labels evenly around the pair (flip 4724.7 and put wall 4700, 4 px apart)', () => {
    const [flip, putWall] = stackLabels([196, 200], H, 0, 600);
    expect(putWall - flip).toBe(H);
    // Each moved as little as the other: the pair's centre stays at 198.
    expect((flip + putWall) / 2).toBeCloseTo(198, 9);
  });

  it("never overlaps, keeps the lines' order, and stays inside the plot", () => {
    const ys = [5, 7, 9, 300, 304, 590, 598];
    const centres = stackLabels(ys, H, 0, 600);
    const sorted = ys.map((y, index) => ({ y, centre: centres[index] })).sort((a, b) => a.y - b.y);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].centre - sorted[i - 1].centre).toBeGreaterThanOrEqual(H - 1e-9);
    expect(Math.min(...centres)).toBeGreaterThanOrEqual(H / 2);
    expect(Math.max(...centres)).toBeLessThanOrEqual(600 - H / 2);
  });

  it('merges runs that collide only after an earlier run moved', () => {
    // 100 and 110 push apart to 97/113; 120 then collides with 113 and the three spread together.
    const centres = stackLabels([100, 110, 120], H, 0, 600);
    expect(centres).toEqual([94, 110, 126]);
  });
});
