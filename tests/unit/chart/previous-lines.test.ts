/** The previous session's lines: which are drawn, where, and how they are labelled. */
import { describe, expect, it } from 'vitest';
import { placePreviousLevels, previousLevelsToDraw } from '../../../lib/chart/levels/previous-lines';
import { DEFAULT_LINES } from '../../../lib/chart/levels/level-labels';
import type { PreviousLevels } from '../../../lib/gex/history';
import type { PriceMapping } from '../../../lib/chart/mapping/mapping';

const PREVIOUS: PreviousLevels = {
  session: '2023-12-29',
  asOf: '2023-12-29T21:00:00.000Z',
  flip: 4724.7477,
  callWall: 4800,
  putWall: 4650,
};
// y = 40 + (4850 - price) * 1.6, as the SVG test chart draws it.
const MAPPING: PriceMapping = { kind: 'linear', intercept: 40 + 4850 * 1.6, slope: -1.6 };
const PLOT = { left: 40, top: 40, width: 700, height: 400 };

describe("the previous session's lines", () => {
  it('flip and walls, labelled "prev" with the session, shifted by the basis', () => {
    expect(previousLevelsToDraw(PREVIOUS, 0, DEFAULT_LINES)).toEqual([
      { kind: 'flip', price: 4724.7477, session: '2023-12-29', label: 'prev Flip 4724.7 · Dec 29' },
      { kind: 'call-wall', price: 4800, session: '2023-12-29', label: 'prev Call wall 4800.0 · Dec 29' },
      { kind: 'put-wall', price: 4650, session: '2023-12-29', label: 'prev Put wall 4650.0 · Dec 29' },
    ]);
    expect(previousLevelsToDraw(PREVIOUS, 32.5, DEFAULT_LINES).map((level) => level.price)).toEqual([4757.2477, 4832.5, 4682.5]);
  });

  it('none with lines.previous off, with the panel switch off, or without a previous session; a kind off today is off for yesterday', () => {
    expect(previousLevelsToDraw(PREVIOUS, 0, { ...DEFAULT_LINES, previous: false })).toEqual([]);
    expect(previousLevelsToDraw(PREVIOUS, 0, DEFAULT_LINES, ['previous'])).toEqual([]);
    expect(previousLevelsToDraw(null, 0, DEFAULT_LINES)).toEqual([]);
    expect(previousLevelsToDraw(PREVIOUS, 0, { ...DEFAULT_LINES, callWall: false }, ['put-wall']).map((level) => level.kind)).toEqual([
      'flip',
    ]);
    expect(previousLevelsToDraw({ ...PREVIOUS, flip: null }, 0, DEFAULT_LINES).map((level) => level.kind)).toEqual([
      'call-wall',
      'put-wall',
    ]);
  });

  it('placed at the mapped y, only inside the plot (an off-screen reference line is clutter), labels stacked apart', () => {
    const placed = placePreviousLevels({ ...PREVIOUS, putWall: 4500 }, 0, DEFAULT_LINES, [], MAPPING, PLOT, 17);
    expect(placed.map((level) => level.kind)).toEqual(['flip', 'call-wall']);
    expect(placed[1].drawnY).toBeCloseTo(40 + 50 * 1.6, 9);
    expect(placed[0].drawnY).toBeCloseTo(40 + (4850 - 4724.7477) * 1.6, 9);
    for (const level of placed) expect(level.edge).toBeNull();
    // Two lines 3 px apart: their labels (17 px) are pushed apart, the lines stay where they are.
    const close = placePreviousLevels({ ...PREVIOUS, flip: 4800, callWall: 4802 }, 0, DEFAULT_LINES, [], MAPPING, PLOT, 17);
    expect(Math.abs(close[0].labelY - close[1].labelY)).toBeCloseTo(17, 9);
    expect(close[0].drawnY - close[1].drawnY).toBeCloseTo(3.2, 9);
  });
});
