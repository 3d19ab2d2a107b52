import { describe, expect, it } from 'vitest';
import type { AxisLabel } from '../../../lib/chart/axis-label';
import { priceToY } from '../../../lib/chart/mapping';
import { readPriceAxis } from '../../../lib/chart/price-axis';
import { horizontalSegments } from '../../../lib/chart/svg-path';
import { pairLabelsWithTicks, type HorizontalMark } from '../../../lib/chart/tick-pairing';

describe('horizontal segments of SVG paths', () => {
  it('reads grid lines and tick marks as charts write them', () => {
    expect(horizontalSegments('M0,216.5h620')).toEqual([{ y: 216.5, x1: 0, x2: 620 }]); // Plotly
    expect(horizontalSegments('M 80 100.5 L 720 100.5 M 80 160.5 L 720 160.5')).toEqual([
      { y: 100.5, x1: 80, x2: 720 },
      { y: 160.5, x1: 80, x2: 720 },
    ]);
    // d3's domain with outer ticks: H to 0.5 at y 400.5, up, H back to 6 at y 0.5.
    expect(horizontalSegments('M6,400.5H0.5V0.5H6')).toEqual([
      { y: 400.5, x1: 0.5, x2: 6 },
      { y: 0.5, x1: 0.5, x2: 6 },
    ]);
    // Relative lines, implicit lineto after moveto, closepath, packed numbers.
    expect(horizontalSegments('m10 20 30 0 l0-5z')).toEqual([
      { y: 20, x1: 10, x2: 40 },
    ]);
    expect(horizontalSegments('M.5.5H-9.5')).toEqual([{ y: 0.5, x1: -9.5, x2: 0.5 }]);
    // Curves only move the pen; slanted lines are not horizontal.
    expect(horizontalSegments('M0 0 C 10 10 20 10 30 0 L 60 0 L 90 5')).toEqual([{ y: 0, x1: 30, x2: 60 }]);
  });
});

describe('pairing labels with ticks', () => {
  // Ticks 4800..4525 at y = 100 + 30k; grid lines across the plot (x 0..800); labels right of it
  // at x 806..840, drawn 4 px above their grid lines (box centre = tick - 4), 12 px tall.
  const prices = Array.from({ length: 12 }, (_, k) => 4800 - 25 * k);
  const grid: HorizontalMark[] = prices.map((_, k) => ({ y: 100 + 30 * k, left: 0, right: 800 }));
  const labels: AxisLabel[] = prices.map((price, k) => ({ text: price.toLocaleString('en-US'), left: 806, right: 840, top: 90 + 30 * k, bottom: 102 + 30 * k }));

  it('finds the common offset and gives each label its grid line', () => {
    const pairing = pairLabelsWithTicks(labels, grid);
    expect(pairing.offsetPx).toBeCloseTo(4, 12);
    expect(pairing.paired).toBe(12);
    expect(pairing.labels.map((label) => label.tickY)).toEqual(grid.map((mark) => mark.y));
    const fit = readPriceAxis(pairing.labels).best!;
    expect(fit.tickSource).toBe('tick');
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(220, 9);
  });

  it('leaves a clamped end label unpaired for the fit to reject', () => {
    // The top label pushed 8 px down into the plot: its grid line is now 12 px above its centre.
    const clamped = labels.map((label, k) => (k === 0 ? { ...label, top: label.top + 8, bottom: label.bottom + 8 } : label));
    const pairing = pairLabelsWithTicks(clamped, grid);
    expect(pairing.paired).toBe(11);
    // Centre 104 plus the common 4 px: 108, 8 px below its tick.
    expect(pairing.labels[0]).toMatchObject({ tickY: 108, tickSource: 'anchor' });
    const fit = readPriceAxis(pairing.labels).best!;
    expect(fit.rejected.map((entry) => [entry.value, entry.residualPx])).toEqual([[4800, expect.closeTo(100 - 108, 9)]]);
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(220, 9);
  });

  it('gives a label whose grid line is missing the common offset', () => {
    // No grid line at the bottom tick (hidden under the plot's border).
    const pairing = pairLabelsWithTicks(labels, grid.slice(0, 11));
    expect(pairing.paired).toBe(11);
    expect(pairing.labels[11]).toMatchObject({ tickY: 430, tickSource: 'anchor' });
    expect(readPriceAxis(pairing.labels).best!.ticks).toHaveLength(12);
  });

  it('prefers the nearer offset when dense grid lines also sit one spacing away', () => {
    // Grid lines every 10 px with labels centred 2 px below each line: offsets -2 and +8 are both
    // everywhere within reach; -2 is the nearer.
    const dense: HorizontalMark[] = Array.from({ length: 12 }, (_, k) => ({ y: 100 + 10 * k, left: 0, right: 800 }));
    const small: AxisLabel[] = dense.slice(0, 10).map((mark, k) => ({ text: String(100 - k), left: 806, right: 830, top: mark.y + 2 - 4, bottom: mark.y + 2 + 4 }));
    const pairing = pairLabelsWithTicks(small, dense);
    expect(pairing.offsetPx).toBeCloseTo(-2, 12);
    expect(pairing.labels.map((label) => label.tickY)).toEqual(dense.slice(0, 10).map((mark) => mark.y));
  });

  it('pairs nothing when too few labels agree or the marks are far away', () => {
    expect(pairLabelsWithTicks(labels, grid.slice(0, 2)).offsetPx).toBeNull();
    const farGrid = grid.map((mark) => ({ ...mark, left: 0, right: 600 })); // ends 206 px before the labels
    expect(pairLabelsWithTicks(labels, farGrid).paired).toBe(0);
  });

  it('pairs inside the reader per column, so an x axis under the plot border does not vote', () => {
    // The plot's bottom border at y = 460 spans the plot; six x-axis labels sit 12 px below it.
    const xAxis: AxisLabel[] = ['10:00', '11', '12', '13', '14', '15'].map((text, k) => ({ text, left: 100 + 120 * k, right: 114 + 120 * k, top: 466, bottom: 478 }));
    const marks = [...grid, { y: 460, left: 0, right: 800 }];
    const fit = readPriceAxis([...labels, ...xAxis], { marks }).best!;
    expect(fit.tickSource).toBe('tick');
    expect(fit.ticks.map((tick) => tick.source)).toEqual(Array(12).fill('tick'));
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(220, 9);
  });
});
