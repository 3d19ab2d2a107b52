import { describe, expect, it } from 'vitest';
import { staggerRows } from '../../../lib/chart/levels/label-stagger';

describe('label staggering', () => {
  it('keeps far-apart labels on the first row', () => {
    expect(staggerRows([100, 200])).toEqual([0, 0]);
    expect(staggerRows([100, 140])).toEqual([0, 0]); // exactly 40 px apart: they fit
  });

  it('moves a label within 40 px of another down a row, in input order', () => {
    expect(staggerRows([100, 120])).toEqual([0, 1]);
    expect(staggerRows([120, 100])).toEqual([1, 0]); // the leftmost keeps the first row
    // Three close labels take three rows; a fourth far away goes back to the first.
    expect(staggerRows([10, 20, 30, 300])).toEqual([0, 1, 2, 0]);
    // 10 and 55 share row 0 (45 px apart); 30 is close to both, so it goes down.
    expect(staggerRows([10, 30, 55])).toEqual([0, 1, 0]);
  });

  it('takes the gap as a parameter', () => {
    expect(staggerRows([0, 15], 10)).toEqual([0, 0]);
    expect(staggerRows([0, 15], 20)).toEqual([0, 1]);
  });
});
