import { describe, expect, it } from 'vitest';
import type { AxisLabel } from '../../../lib/chart/axis/axis-label';
import { priceToY } from '../../../lib/chart/mapping/mapping';
import { readPriceAxis } from '../../../lib/chart/axis/price-axis';
import { horizontalSegments } from '../../../lib/chart/axis/svg-path';
import { labelBands, pairLabelsWithTicks, pairTickYs, reachesBand, type HorizontalMark } from '../../../lib/chart/axis/tick-pairing';

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
    expect(horizontalSegments('m10 20 30 0 l0-5z')).toEqual([{ y: 20, x1: 10, x2: 40 }]);
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
  const labels: AxisLabel[] = prices.map((price, k) => ({
    text: price.toLocaleString('en-US'),
    left: 806,
    right: 840,
    top: 90 + 30 * k,
    bottom: 102 + 30 * k,
  }));

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
    const small: AxisLabel[] = dense
      .slice(0, 10)
      .map((mark, k) => ({ text: String(100 - k), left: 806, right: 830, top: mark.y + 2 - 4, bottom: mark.y + 2 + 4 }));
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
    const xAxis: AxisLabel[] = ['10:00', '11', '12', '13', '14', '15'].map((text, k) => ({
      text,
      left: 100 + 120 * k,
      right: 114 + 120 * k,
      top: 466,
      bottom: 478,
    }));
    const marks = [...grid, { y: 460, left: 0, right: 800 }];
    const fit = readPriceAxis([...labels, ...xAxis], { marks }).best!;
    expect(fit.tickSource).toBe('tick');
    expect(fit.ticks.map((tick) => tick.source)).toEqual(Array(12).fill('tick'));
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(220, 9);
  });
});

describe('the bands marks must reach to pair', () => {
  const label = (left: number, right: number, top = 0): AxisLabel => ({ text: '1', left, right, top, bottom: top + 12 });

  it('is each label widened by the pairing gap, overlapping stretches merged', () => {
    expect(labelBands([label(806, 840), label(806, 846, 30), label(20, 40), label(900, 930)])).toEqual([
      { left: -20, right: 80 },
      { left: 766, right: 970 },
    ]);
    expect(labelBands([])).toEqual([]);
    const bands = labelBands([label(806, 840)]);
    expect(reachesBand(bands, 0, 766)).toBe(true); // a grid line ending 40 px before the label
    expect(reachesBand(bands, 0, 765)).toBe(false);
    expect(reachesBand(bands, 880, 900)).toBe(true);
    expect(reachesBand(bands, 881, 900)).toBe(false);
  });

  it('loses nothing pairing would use: random axes pair the same with only the marks reaching the bands', () => {
    let state = 4242;
    const rnd = () => (state = (state * 16807) % 2147483647) / 2147483647;
    let dropped = 0;
    for (let trial = 0; trial < 400; trial++) {
      const axisLeft = 100 + rnd() * 800;
      const offset = (rnd() - 0.5) * 16;
      const spacing = 15 + rnd() * 40;
      const labels = Array.from({ length: 4 + Math.floor(rnd() * 8) }, (_, k) =>
        label(axisLeft, axisLeft + 20 + rnd() * 20, 40 + k * spacing - 6 - offset),
      );
      // Grid lines to the axis, short ticks beside it, and candle-like marks anywhere in the plot.
      const marks: HorizontalMark[] = [
        ...labels.map((_, k) => ({ y: 40 + k * spacing, left: rnd() * 50, right: axisLeft - rnd() * 45 })),
        ...labels.map((_, k) => ({ y: 40 + k * spacing + (rnd() - 0.5) * 0.4, left: axisLeft - 6, right: axisLeft - 1 })),
        ...Array.from({ length: 60 }, () => {
          const left = rnd() * 1000;
          return { y: 30 + rnd() * 400, left, right: left + 3 + rnd() * 8 };
        }),
      ];
      const bands = labelBands(labels);
      const near = marks.filter((mark) => reachesBand(bands, mark.left, mark.right));
      dropped += marks.length - near.length;
      expect(pairTickYs(labels, near)).toEqual(pairTickYs(labels, marks));
    }
    expect(dropped).toBeGreaterThan(400 * 30); // most candle-like marks are passed over
  });
});
