/**
 * Choosing the price axis among canvases, from recorded fillText calls through canvas-label.ts to the
 * fit. The price axis: ticks 4800, 4775, ..., 4525 at CSS y = 100 + 1.2 * (4800 - price), so 4700
 * sits at y = 220 (slope -1.2, intercept 5860).
 */
import { describe, expect, it } from 'vitest';
import { choosePriceAxis } from '../../../lib/chart/axis/axis-choice';
import { uprightCanvasLabels, type CanvasBox, type CanvasTextCall } from '../../../lib/chart/axis/canvas-label';
import { canvasSegmentMark } from '../../../lib/chart/axis/canvas-mark';
import { priceToY } from '../../../lib/chart/mapping/mapping';
import type { FontMetricsEm } from '../../../lib/chart/axis/text-anchor';

const PRICES = Array.from({ length: 12 }, (_, k) => 4800 - 25 * k);
const tickYOf = (price: number) => 100 + 1.2 * (4800 - price);
const DPR2 = { a: 2, b: 0, c: 0, d: 2, e: 0, f: 0 };
const M: FontMetricsEm = { ascent: 0.9, descent: 0.2, emAscent: 0.76, emDescent: 0.24, digitHeight: 0.7, xHeight: 0.5 };
const text = (overrides: Partial<CanvasTextCall> & Pick<CanvasTextCall, 'text' | 'x' | 'y'>): CanvasTextCall => ({
  transform: DPR2,
  textAlign: 'left',
  textBaseline: 'middle',
  font: '11px -apple-system, BlinkMacSystemFont, sans-serif',
  metrics: M,
  ...overrides,
});

// A Lightweight Charts-like layout at device pixel ratio 2: the pane (plot) canvas, the price axis
// on its own canvas to the right, the time axis on a canvas below, a volume pane's axis under it.
const plot = { left: 0, top: 0, width: 700, height: 440 };
const priceBox: CanvasBox = { left: 700, top: 0, width: 60, height: 440, backingWidth: 120, backingHeight: 880 };
const timeBox: CanvasBox = { left: 0, top: 440, width: 700, height: 28, backingWidth: 1400, backingHeight: 56 };
const volumeBox: CanvasBox = { left: 700, top: 470, width: 60, height: 120, backingWidth: 120, backingHeight: 240 };
const volumePlot = { left: 0, top: 470, width: 700, height: 120 };

const priceCalls = [
  ...PRICES.map((price) => text({ text: price.toLocaleString('en-US'), x: 8, y: tickYOf(price) })),
  // The last-price badge, drawn at its price inside a box 4 px further left: not in the column.
  text({ text: '4,712.35', x: 4, y: tickYOf(4712.35) }),
];
const timeCalls = ['10:30', '11:00', '15', '16', '17', 'Jan', '2024'].map((label, k) =>
  text({ text: label, x: 60 + 90 * k, y: 14, textAlign: 'center' }),
);
// Volume axis: 1.2M at the pane's top (y = 10 in its canvas), 0 at y = 110.
const volumeCalls = [1.2e6, 9e5, 6e5, 3e5, 0].map((volume) =>
  text({ text: volume >= 1e6 ? `${volume / 1e6}M` : volume ? `${volume / 1e3}K` : '0', x: 8, y: 110 - (100 * volume) / 1.2e6 }),
);

const sets = [
  { id: 'price-axis', labels: uprightCanvasLabels(priceCalls, priceBox), plot },
  { id: 'time-axis', labels: uprightCanvasLabels(timeCalls, timeBox), plot },
  { id: 'volume-axis', labels: uprightCanvasLabels(volumeCalls, volumeBox), plot: volumePlot },
];

describe('choosing the price axis among canvases', () => {
  it('takes the canvas whose range holds the expected price, beside the plot', () => {
    const choice = choosePriceAxis(sets, { expectedPrice: 4712 });
    const best = choice.best!;
    expect(best.source).toBe('price-axis');
    expect(best.plausibility).toBe('contains');
    expect(best.besidePlot).toBe(true);
    expect(best.ticks).toHaveLength(12);
    expect(choice.sets[0].ignored.map((entry) => [entry.label.text, entry.reason])).toEqual([['4,712.35', 'no-column']]);
    expect(best.tickSource).toBe('anchor');
    expect(best.mapping.slope).toBeCloseTo(-1.2, 9);
    expect(priceToY(best.mapping, 4700)).toBeCloseTo(220, 9);
    // Over the plot, 0..440: 4800 + 100 / 1.2 down to 4800 - 340 / 1.2.
    expect(best.visibleRange.high).toBeCloseTo(4800 + 100 / 1.2, 9);
    expect(best.visibleRange.low).toBeCloseTo(4800 - 340 / 1.2, 9);
    expect(choice.runnerUp!.source).toBe('volume-axis');
    expect(choice.runnerUp!.plausibility).toBe('far');
    // The time axis's numbers lie in a row: no column, never a fit.
    expect(choice.fits.some((fit) => fit.source === 'time-axis')).toBe(false);
    expect(choice.sets.find((set) => set.id === 'time-axis')!.failure).toMatch(/no column/);
  });

  it('prefers the price axis without a hint too (more, nicer ticks), with the volume axis as runner-up', () => {
    const choice = choosePriceAxis(sets);
    expect(choice.best!.source).toBe('price-axis');
    expect(choice.runnerUp!.source).toBe('volume-axis');
    expect(choice.runnerUp!.mapping.slope).toBeCloseTo(-100 / 1.2e6, 15);
  });

  it('reads one canvas holding both axes (Chart.js): rotated and row labels never fit', () => {
    // One 800 x 500 canvas at DPR 2; price axis on the left, right-aligned at x = 56, drawn with an
    // alphabetic baseline 3.5 px below the tick (digits 7 px tall centred on it); crowded x labels
    // rotated 45 degrees and a row of day numbers; a percent axis on the right.
    const box: CanvasBox = { left: 20, top: 30, width: 800, height: 500, backingWidth: 1600, backingHeight: 1000 };
    const rotate = (x: number, y: number) => ({
      a: 2 * Math.SQRT1_2,
      b: -2 * Math.SQRT1_2,
      c: 2 * Math.SQRT1_2,
      d: 2 * Math.SQRT1_2,
      e: 2 * x,
      f: 2 * y,
    });
    const calls = [
      ...PRICES.map((price) =>
        text({
          text: price.toFixed(0),
          x: 56,
          y: tickYOf(price) + 3.5,
          textAlign: 'right',
          textBaseline: 'alphabetic',
          font: '10px Arial',
        }),
      ),
      ...[9, 10, 11, 12, 13, 14].map((hour, k) => text({ text: `${hour}:00`, x: 0, y: 0, transform: rotate(100 + 110 * k, 470) })),
      ...['15', '16', '17', '18', '19', '20'].map((day, k) => text({ text: day, x: 100 + 110 * k, y: 490, textAlign: 'center' })),
      ...[2, 1, 0, -1, -2].map((percent, k) => text({ text: `${percent}%`, x: 760, y: 100 + 80 * k })),
    ];
    const labels = uprightCanvasLabels(calls, box);
    expect(labels).toHaveLength(12 + 6 + 5); // the six rotated labels dropped
    const choice = choosePriceAxis([{ id: 'chart', labels, plot: { left: 80, top: 30, width: 700, height: 460 } }], {
      expectedPrice: 4712,
    });
    const best = choice.best!;
    expect(best.ticks).toHaveLength(12);
    // Canvas units are CSS px from the canvas corner (30 px down): 4700 at 30 + 220.
    expect(priceToY(best.mapping, 4700)).toBeCloseTo(250, 9);
    expect(best.residualPx).toBeLessThan(1e-9);
    expect(choice.fits).toHaveLength(1);
    const ignored = choice.sets[0].ignored.map((entry) => entry.reason);
    expect(ignored.filter((reason) => reason === 'percent')).toHaveLength(5);
    expect(ignored.filter((reason) => reason === 'no-column')).toHaveLength(6);
  });

  it("takes the pane's grid lines as the ticks of labels drawn off their anchor (Lightweight Charts' glyph centring)", () => {
    // The chart draws each label at tick + 0.9 ('middle' with its measured correction, text-anchor's
    // hand numbers), and its grid on the pane canvas in backing pixels at 2 x tick.
    const shifted = PRICES.map((price) => text({ text: price.toLocaleString('en-US'), x: 8, y: tickYOf(price) + 0.9 }));
    const paneBox: CanvasBox = { left: 0, top: 0, width: 700, height: 440, backingWidth: 1400, backingHeight: 880 };
    const identity = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
    const grid = PRICES.map((price) =>
      canvasSegmentMark({ x1: -1, y1: 2 * tickYOf(price), x2: 1401, y2: 2 * tickYOf(price) }, identity, paneBox)!,
    );
    const withoutGrid = choosePriceAxis([{ id: 'price-axis', labels: uprightCanvasLabels(shifted, priceBox), plot }]).best!;
    expect(priceToY(withoutGrid.mapping, 4700)).toBeCloseTo(220.9, 9);
    const withGrid = choosePriceAxis([{ id: 'price-axis', labels: uprightCanvasLabels(shifted, priceBox), plot, marks: grid }]).best!;
    expect(withGrid.tickSource).toBe('tick');
    expect(priceToY(withGrid.mapping, 4700)).toBeCloseTo(220, 9);
  });

  it('says why when no set holds an axis', () => {
    const choice = choosePriceAxis([{ id: 'time-axis', labels: uprightCanvasLabels(timeCalls, timeBox) }]);
    expect(choice.best).toBeNull();
    expect(choice.failure).toMatch(/time-axis: no column/);
  });
});
