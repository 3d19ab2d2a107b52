import { describe, expect, it } from 'vitest';
import { cellValue, heatmapScale, percentileOfMagnitudes } from '../../../lib/gex/heatmap-scale';
import type { GridCell } from '../../../lib/gex/aggregate';

const cell = (call: number, put: number): GridCell => ({ call, put, net: call + put, callOpenInterest: 0, putOpenInterest: 0 });

describe('heatmap scale maximum', () => {
  it('is the 95th percentile of the non-zero magnitudes, by hand', () => {
    // 1…20 and one huge node of 1000: n = 21, rank 0.95 × 20 = 19 → the 20th smallest, 20.
    const values = [...Array.from({ length: 20 }, (_, index) => (index % 2 ? index + 1 : -(index + 1))), 1000, 0, 0];
    expect(percentileOfMagnitudes(values)).toBe(20);
    // [1, 2, 3, 4, 100]: rank 0.95 × 4 = 3.8 → 4 + 0.8 × (100 − 4) = 80.8.
    expect(percentileOfMagnitudes([0, 1, -2, 3, 4, 100])).toBeCloseTo(80.8, 10);
    expect(percentileOfMagnitudes([7])).toBe(7);
    expect(percentileOfMagnitudes([0, 0])).toBe(0);
  });

  it('counts the cells beyond it, for net and for concentration', () => {
    // Nets: 1, −2, 3, −4, 50 (call 60, put −10); concentration |call| + |put|: 1, 2, 3, 4, 70.
    const cells = [
      [cell(1, 0), cell(0, -2), cell(3, 0)],
      [cell(0, -4), cell(60, -10), cell(0, 0)],
    ];
    // Net magnitudes sorted [1, 2, 3, 4, 50]: rank 3.8 → 4 + 0.8 × 46 = 40.8; one cell (50) beyond.
    const net = heatmapScale(cells, 'net');
    expect(net.max).toBeCloseTo(40.8, 10);
    expect(net.clipped).toBe(1);
    // Concentration [1, 2, 3, 4, 70]: 4 + 0.8 × 66 = 56.8; the 70 cell beyond.
    const concentration = heatmapScale(cells, 'concentration');
    expect(concentration.max).toBeCloseTo(56.8, 10);
    expect(concentration.clipped).toBe(1);
    expect(cellValue(cell(60, -10), 'net')).toBe(50);
    expect(cellValue(cell(60, -10), 'concentration')).toBe(70);
  });
});
