/**
 * The price-axis reader on synthetic label sets. Unless said otherwise the axis is the one of
 * `linearAxis`: ticks 4800, 4775, ..., 4525 (twelve, 25 apart) at y = 100, 130, ..., 430, so
 * y = 100 + 1.2 * (4800 - price): slope -1.2 px per point, intercept 100 + 1.2 * 4800 = 5860,
 * and 4700 sits at y = 220.
 */
import { describe, expect, it } from 'vitest';
import type { AxisLabel } from '../../../lib/chart/axis/axis-label';
import { priceToY } from '../../../lib/chart/mapping/mapping';
import { readPriceAxis } from '../../../lib/chart/axis/price-axis';

const PRICES = Array.from({ length: 12 }, (_, k) => 4800 - 25 * k);
const tickYOf = (price: number) => 100 + 1.2 * (4800 - price);

interface LabelShape {
  /** Right edge (right-aligned text); or left edge with align 'left'. */
  x?: number;
  align?: 'right' | 'left';
  /** Text width: 7 px per character unless given. */
  width?: number;
  height?: number;
  /** Box centre minus tick y (a label drawn above its tick has a negative offset). */
  boxOffset?: number;
  /** Give the tick's y to the reader (else it has the box only). */
  withTick?: boolean;
  format?: (value: number) => string;
}

function label(text: string, tickY: number, shape: LabelShape = {}): AxisLabel {
  const width = shape.width ?? 7 * text.length;
  const height = shape.height ?? 12;
  const x = shape.x ?? 840;
  const [left, right] = shape.align === 'left' ? [x, x + width] : [x - width, x];
  const centre = tickY + (shape.boxOffset ?? 0);
  const box = { text, left, right, top: centre - height / 2, bottom: centre + height / 2 };
  return shape.withTick ? { ...box, tickY, tickSource: 'tick' } : box;
}

function axis(prices: readonly number[], tickY: (price: number) => number, shape: LabelShape = {}): AxisLabel[] {
  const format = shape.format ?? ((price: number) => price.toLocaleString('en-US'));
  return prices.map((price) => label(format(price), tickY(price), shape));
}

const linearAxis = (shape: LabelShape = {}) => axis(PRICES, tickYOf, shape);

describe('reading a price axis', () => {
  it('fits a clean right-hand axis exactly', () => {
    const reading = readPriceAxis(linearAxis());
    const fit = reading.best!;
    expect(fit.kind).toBe('linear');
    expect(fit.mapping.slope).toBeCloseTo(-1.2, 9);
    expect(fit.mapping.intercept).toBeCloseTo(5860, 6);
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(220, 9);
    expect(fit.ticks).toHaveLength(12);
    expect(fit.rejected).toEqual([]);
    expect(fit.residualPx).toBeLessThan(1e-9);
    expect(fit.columnRight).toBe(840);
    expect(fit.columnLeft).toBe(840 - 7 * 5); // "4,800" is five characters
    expect(fit.steps.step).toBe(25);
    expect(fit.tickRange).toEqual({ low: 4525, high: 4800 });
    // Without a plot: one tick spacing (30 px = 25 points) beyond the outer ticks.
    expect(fit.visibleRange.low).toBeCloseTo(4500, 9);
    expect(fit.visibleRange.high).toBeCloseTo(4825, 9);
    expect(reading.failure).toBeNull();
  });

  it('uses the tick y when given, and says so when it had only label boxes', () => {
    // Labels drawn 4 px above their ticks (a `y: -4` label offset).
    const withTicks = readPriceAxis(linearAxis({ boxOffset: -4, withTick: true })).best!;
    expect(priceToY(withTicks.mapping, 4700)).toBeCloseTo(220, 9);
    expect(withTicks.tickSource).toBe('tick');

    // From boxes alone every price lands 4 px high with a perfect-looking fit: no fit can see a
    // constant offset, so the reading flags where its positions came from.
    const fromBoxes = readPriceAxis(linearAxis({ boxOffset: -4 })).best!;
    expect(priceToY(fromBoxes.mapping, 4700)).toBeCloseTo(216, 9);
    expect(fromBoxes.residualPx).toBeLessThan(1e-9);
    expect(fromBoxes.tickSource).toBe('box');
    expect(fromBoxes.reasons.join(' ')).toMatch(/label boxes/);
  });

  it('keeps the axis when the top label is clamped inside the plot, and names it', () => {
    // The plot starts at y = 100, so the 4800 label (box 12 px tall centred on its tick) would poke
    // out by 6 px: the chart pushes it down to centre 106.
    const labels = linearAxis();
    labels[0] = label('4,800', 106);
    const fit = readPriceAxis(labels).best!;
    expect(fit.ticks).toHaveLength(11);
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(220, 9);
    expect(fit.residualPx).toBeLessThan(1e-9);
    expect(fit.rejected).toHaveLength(1);
    expect(fit.rejected[0]).toMatchObject({ reason: 'outlier', value: 4800 });
    expect(fit.rejected[0].residualPx).toBeCloseTo(100 - 106, 9);
  });

  it('rejects a stale label left at a wrong y', () => {
    // A copy of "4,750" (truly at y = 160) left behind at y = 400 after a pan.
    const labels = [...linearAxis(), label('4,750', 400)];
    const fit = readPriceAxis(labels).best!;
    expect(fit.ticks).toHaveLength(12);
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(220, 9);
    expect(fit.rejected).toHaveLength(1);
    expect(fit.rejected[0]).toMatchObject({ reason: 'outlier', value: 4750 });
    expect(fit.rejected[0].residualPx).toBeCloseTo(160 - 400, 9);
    // Beyond the axis's stretch of the column (its ticks and one spacing more) a label is no part of it.
    const below = readPriceAxis([...linearAxis(), label('4,750', 520)]);
    expect(below.best!.rejected).toEqual([]);
    expect(below.ignored.map((entry) => [entry.label.text, entry.reason])).toEqual([['4,750', 'no-column']]);
  });

  it('reads panes stacked in one column (price above an oscillator) as separate axes', () => {
    // An RSI pane below at the same right edge: 80 at y = 480 down to 20 at y = 600 (2 px per point),
    // eight labels against the price pane's four.
    const price = axis([4800, 4750, 4700, 4650], tickYOf);
    const rsi = axis([80, 70, 60, 50, 40, 30, 20], (value) => 480 + 2 * (80 - value));
    const reading = readPriceAxis([...price, ...rsi], { expectedPrice: 4712 });
    expect(reading.fits).toHaveLength(2);
    expect(reading.best!.tickRange).toEqual({ low: 4650, high: 4800 });
    expect(priceToY(reading.best!.mapping, 4700)).toBeCloseTo(220, 9);
    expect(reading.runnerUp!.tickRange).toEqual({ low: 20, high: 80 });
    expect(reading.runnerUp!.mapping.slope).toBeCloseTo(-2, 9);
  });

  it('fits a log axis (10, 20, 50, 100, 200, 500) and rejects the linear reading', () => {
    // y = 600 - 100 * log10(price): 10 -> 500, 100 -> 400, 1000 -> 300.
    const fit = readPriceAxis(axis([500, 200, 100, 50, 20, 10], (price) => 600 - 100 * Math.log10(price))).best!;
    expect(fit.kind).toBe('log');
    expect(fit.mapping.slope).toBeCloseTo(-100 / Math.LN10, 9);
    expect(fit.mapping.intercept).toBeCloseTo(600, 9);
    expect(priceToY(fit.mapping, 1000)).toBeCloseTo(300, 9);
    expect(fit.ticks).toHaveLength(6);
    expect(fit.steps.roundness).toBe(1);
  });

  it('reads a left-hand axis beside the plot', () => {
    const plot = { left: 60, top: 90, width: 700, height: 360 };
    // "4,800" and "$4,525.50"-style widths differ, so the left edges are what line up.
    const labels = linearAxis({
      x: 8,
      align: 'left',
      format: (price) => (price % 50 ? `${price.toLocaleString('en-US')}.0` : price.toLocaleString('en-US')),
    });
    const fit = readPriceAxis(labels, { plot }).best!;
    expect(fit.align).toBe('left');
    expect(fit.columnLeft).toBe(8);
    expect(fit.besidePlot).toBe(true);
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(220, 9);
    // Over the plot's height: y = 90 is 4808.33, y = 450 is 4508.33.
    expect(fit.visibleRange.high).toBeCloseTo(4800 + 10 / 1.2, 9);
    expect(fit.visibleRange.low).toBeCloseTo(4800 - 350 / 1.2, 9);
  });

  it('reads "4.7k" labels and thousands separators', () => {
    // d3's "~s" format: 4.8k, 4.775k, ...
    const kilo = readPriceAxis(linearAxis({ format: (price) => `${price / 1000}k` })).best!;
    expect(priceToY(kilo.mapping, 4700)).toBeCloseTo(220, 9);
    const spaced = readPriceAxis(linearAxis({ format: (price) => price.toLocaleString('fr-FR') })).best!; // "4 800" with U+202F
    expect(priceToY(spaced.mapping, 4700)).toBeCloseTo(220, 9);
    const decimals = readPriceAxis(linearAxis({ format: (price) => price.toLocaleString('en-US', { minimumFractionDigits: 2 }) })).best!;
    expect(priceToY(decimals.mapping, 4700)).toBeCloseTo(220, 9);
  });

  it('settles "4.700"-style labels by the expected price, English without one', () => {
    const dotted = linearAxis({ format: (price) => price.toLocaleString('de-DE') }); // "4.800", "4.775", ...
    const hinted = readPriceAxis(dotted, { expectedPrice: 4712 }).best!;
    expect(hinted.decimalComma).toBe(true);
    expect(priceToY(hinted.mapping, 4700)).toBeCloseTo(220, 9);
    const unhinted = readPriceAxis(dotted).best!;
    expect(unhinted.decimalComma).toBe(false);
    expect(priceToY(unhinted.mapping, 4.7)).toBeCloseTo(220, 9);
    // "4.800,00" settles it from the text alone.
    const settled = readPriceAxis(linearAxis({ format: (price) => price.toLocaleString('de-DE', { minimumFractionDigits: 2 }) }));
    expect(settled.fits).toHaveLength(1);
    expect(priceToY(settled.best!.mapping, 4700)).toBeCloseTo(220, 9);
  });

  it('keeps a last-price badge at its price as a tick and still finds the step', () => {
    const labels = [...linearAxis(), label('4,712.35', tickYOf(4712.35), { width: 60 })];
    const fit = readPriceAxis(labels).best!;
    expect(fit.ticks).toHaveLength(13);
    expect(fit.steps.step).toBe(25);
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(220, 9);
  });

  it('picks the price axis over a volume axis by the expected price, and names the runner-up', () => {
    // Volume on the left: 0, 200K, ..., 1.2M at y = 430, 375, ..., 100 (55 px per 200K).
    const volume = axis([1.2e6, 1e6, 8e5, 6e5, 4e5, 2e5, 0], (v) => 430 - (55 * v) / 2e5, {
      x: 8,
      align: 'left',
      format: (v) => (v >= 1e6 ? `${v / 1e6}M` : v === 0 ? '0' : `${v / 1e3}K`),
    });
    const labels = [...volume, ...linearAxis()];
    const reading = readPriceAxis(labels, { expectedPrice: 4712 });
    expect(reading.best!.columnRight).toBe(840);
    expect(reading.best!.plausibility).toBe('contains');
    expect(priceToY(reading.best!.mapping, 4700)).toBeCloseTo(220, 9);
    expect(reading.runnerUp!.plausibility).toBe('far');
    expect(reading.runnerUp!.tickRange).toEqual({ low: 0, high: 1.2e6 });
    expect(reading.runnerUp!.mapping.slope).toBeCloseTo(-55 / 2e5, 12);
    // A hint near neither: nothing is drawn rather than lines on the wrong scale.
    const elsewhere = readPriceAxis(labels, { expectedPrice: 180 });
    expect(elsewhere.best).toBeNull();
    expect(elsewhere.failure).toMatch(/expected price/);
  });

  it('never reads a percent axis as prices', () => {
    // TradingView-style percent scale on the left: +2.0% at y = 100 down to -2.0% at y = 340.
    const percent = axis([2, 1, 0, -1, -2], (p) => 220 - 60 * p, { x: 8, align: 'left', format: (p) => `${p.toFixed(1)}%` });
    const reading = readPriceAxis([...percent, ...linearAxis()], { expectedPrice: 4712 });
    expect(reading.fits).toHaveLength(1);
    expect(reading.ignored.filter((entry) => entry.reason === 'percent')).toHaveLength(5);
  });

  it('does not take a table of numbers beside the chart, even one stepping like an axis', () => {
    // A strike table right of the chart: rows 20 px apart from y = 120, strikes falling by 25
    // (an axis look-alike) with open interest and GEX columns beside them.
    const rows = PRICES.slice(0, 10);
    const table = rows.flatMap((strike, row) => {
      const y = 120 + 20 * row;
      return [
        label(strike.toLocaleString('en-US'), y, { x: 960 }),
        label(String(1200 + ((row * 7919) % 900)), y, { x: 1020 }),
        label(`${((row * 37) % 19) - 9}.${row}M`, y, { x: 1080 }),
      ];
    });
    const reading = readPriceAxis([...linearAxis(), ...table], { expectedPrice: 4712 });
    expect(reading.best!.columnRight).toBe(840);
    expect(reading.runnerUp!.columnRight).toBe(960);
    expect(reading.runnerUp!.rowMateShare).toBe(1);
  });

  it('reads an inverted axis only when allowed', () => {
    // Prices rising downward: y = 100 + 1.2 * (price - 4525).
    const inverted = axis(PRICES, (price) => 100 + 1.2 * (price - 4525));
    const refused = readPriceAxis(inverted);
    expect(refused.best).toBeNull();
    expect(refused.failure).toMatch(/none on a linear or log scale/);
    const fit = readPriceAxis(inverted, { allowInverted: true }).best!;
    expect(fit.inverted).toBe(true);
    expect(fit.mapping.slope).toBeCloseTo(1.2, 9);
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(310, 9);
  });

  it('finds no axis in a row of numbers (an x axis) or in too few labels', () => {
    const row = ['15', '16', '17', '18', '19', '2024'].map((text, k) => ({
      text,
      left: 100 + 80 * k,
      right: 114 + 80 * k,
      top: 470,
      bottom: 482,
    }));
    const reading = readPriceAxis(row);
    expect(reading.best).toBeNull();
    expect(reading.failure).toMatch(/no column/);
    expect(reading.ignored.map((entry) => entry.reason)).toEqual(Array(6).fill('no-column'));
    expect(readPriceAxis(linearAxis().slice(0, 2)).best).toBeNull();
    expect(readPriceAxis([{ text: '10:30', left: 0, right: 30, top: 0, bottom: 12 }]).failure).toMatch(/no numeric labels/);
  });

  it('does not take a column of scattered numbers', () => {
    // A legend stack: consistent with no line beyond a pair.
    const legend = [4712.35, 4698.1, 4731.9, 4650.45, 4702.2].map((value, k) => label(value.toFixed(2), 100 + 16 * k, { x: 300 }));
    expect(readPriceAxis(legend).best).toBeNull();
  });
});

describe('labels drawn off their ticks, read in Chromium', () => {
  // Captured from the D3 test page in Chromium after a run of pans and zooms: d3's axis reuses the
  // clamped top label's element for the next tick without resetting its baseline, so two of six price
  // labels ("4,800", "4,850") are drawn 7.5 px below their grid lines. [text, left, right, top, bottom, tickY].
  const captured: [string, number, number, number, number, number][] = [
    ['4,600', 869, 894.03125, 478.8775634765625, 489.8775634765625, 484.2775512695313],
    ['4,650', 869, 894.03125, 392.0733337402344, 403.0733337402344, 397.47332153320315],
    ['4,700', 869, 894.03125, 305.26910400390625, 316.26910400390625, 310.669091796875],
    // eslint-disable-next-line no-loss-of-precision -- 17 digits as Chromium printed them: each reads back to the same double
    ['4,750', 869, 894.03125, 218.46487426757812, 229.46487426757812, 223.86487731933593],
    ['4,800', 869, 894.03125, 138.96063232421875, 149.96063232421875, 144.46063995361328],
    ['4,850', 869, 894.03125, 52.156410217285156, 63.156410217285156, 57.65641140937805],
    // eslint-disable-next-line no-loss-of-precision -- 17 digits as Chromium printed them: each reads back to the same double
    ['0.0', 57.09375, 71, 520.7000122070312, 531.7000122070312, 526.1],
    ['200k', 49.3125, 71, 441.3666687011719, 452.3666687011719, 446.76665649414065],
    ['400k', 49.3125, 71, 362.0333557128906, 373.0333557128906, 367.4333435058594],
    ['600k', 49.3125, 71, 282.70001220703125, 293.70001220703125, 288.1],
    ['800k', 49.3125, 71, 203.36666870117188, 214.36666870117188, 208.76667175292968],
    ['1.0M', 48.765625, 71, 124.03333282470703, 135.0333251953125, 129.43333587646484],
    ['1.2M', 48.765625, 71, 44.70000076293945, 55.70000076293945, 50.1],
  ];
  // The grid lines across the plot at each price tick, 4600 to 4850 (d3's scale: linear).
  const gridYs = [484.17755126953125, 397.3733215332031, 310.569091796875, 223.76487731933594, 136.96063995361328, 50.15641130506992];
  const marks = [...gridYs.map((y) => ({ y, left: 80, right: 860 })), ...gridYs.map((y) => ({ y: y + 0.5, left: 860, right: 866 }))];
  const labels: AxisLabel[] = captured.map(([text, left, right, top, bottom, tickY]) => ({
    text,
    left,
    right,
    top,
    bottom,
    tickY,
    tickSource: 'anchor',
  }));

  it('the grid lines judge the scale: linear through them, the two labels off their ticks set aside', () => {
    const fit = readPriceAxis(labels, { expectedPrice: 4697, marks }).best!;
    expect(fit.kind).toBe('linear');
    expect(fit.ticks.map((tick) => tick.value)).toEqual([4750, 4700, 4650, 4600]);
    expect(fit.rejected.map((entry) => [entry.value, entry.reason])).toEqual([[4800, 'outlier']]);
    // Where the grid line of each price is (the chart's own ticks), within a twentieth of a pixel.
    for (const [k, price] of [4600, 4650, 4700, 4750, 4800, 4850].entries())
      expect(Math.abs(priceToY(fit.mapping, price) - gridYs[k])).toBeLessThan(0.05);
  });
});
