/** Hysteresis: a price hovering at a line never flips the state back and forth. */
import { describe, expect, it } from 'vitest';
import { movedBeyond, sideOfLevel, withinDistance, type Side } from '../../../lib/alerts/hysteresis';

/** Runs a price path through sideOfLevel, starting without a side. */
function sides(prices: number[], level: number, band: number): Side[] {
  let side: Side | null = null;
  return prices.map((price) => (side = sideOfLevel(price, level, band, side)));
}

describe('the side of a level, with hysteresis', () => {
  it('reads the first price plainly (at the level counts as above)', () => {
    expect(sideOfLevel(4724.7, 4724.7, 5, null)).toBe('above');
    expect(sideOfLevel(4724.6, 4724.7, 5, null)).toBe('below');
  });

  it('changes only once the price is past the level by more than the band', () => {
    // Flip 4700, band 5: 4696 is below the level but within the band — still "above".
    expect(sides([4710, 4699, 4696, 4695, 4694.9, 4700, 4704, 4705, 4705.1], 4700, 5)).toEqual([
      'above',
      'above',
      'above',
      'above',
      'below',
      'below',
      'below',
      'below',
      'above',
    ]);
  });

  it('a price hovering around the level gives one side throughout', () => {
    const hovering = [4701, 4699, 4702, 4698, 4703, 4697.5, 4700];
    expect(new Set(sides(hovering, 4700, 4.7))).toEqual(new Set(['above']));
  });

  it('without a band every cross counts (the band is what keeps hovering quiet)', () => {
    expect(sides([4701, 4699, 4702, 4698], 4700, 0)).toEqual(['above', 'below', 'above', 'below']);
  });
});

describe('near a wall, with hysteresis', () => {
  it('is entered at the distance and left only beyond distance + band', () => {
    // Wall 4800, distance 12, band 5: entered at 4788, left below 4783.
    expect(withinDistance(4787.9, 4800, 12, 5, false)).toBe(false);
    expect(withinDistance(4788, 4800, 12, 5, false)).toBe(true);
    expect(withinDistance(4784, 4800, 12, 5, true)).toBe(true);
    expect(withinDistance(4783, 4800, 12, 5, true)).toBe(true);
    expect(withinDistance(4782.9, 4800, 12, 5, true)).toBe(false);
    // Above the wall counts the same.
    expect(withinDistance(4812, 4800, 12, 5, false)).toBe(true);
  });
});

describe('a level moved since the session began, with hysteresis', () => {
  it('counts beyond the threshold and stops counting only back within threshold - band', () => {
    expect(movedBeyond(23.5, 23.5, 4.7, false)).toBe(false);
    expect(movedBeyond(-25, 23.5, 4.7, false)).toBe(true);
    expect(movedBeyond(19, 23.5, 4.7, true)).toBe(true);
    expect(movedBeyond(18.7, 23.5, 4.7, true)).toBe(false);
  });
});
