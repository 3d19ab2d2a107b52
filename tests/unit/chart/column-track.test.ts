/**
 * Following an axis found by a full read while its chart pans and zooms (column-track.ts). The truth
 * is each generated axis's own mapping: labels drawn 6 px above their ticks (the full read sees that
 * offset through the grid lines; the reads that follow get no grid lines), a clamped end label half
 * the time, and a volume column beside. Following must land where the generator put each price, and
 * refuse (null) whatever is no longer that axis.
 */
import { describe, expect, it } from 'vitest';
import type { AxisLabel } from '../../../lib/chart/axis/axis-label';
import { followColumn, trackOf } from '../../../lib/chart/axis/column-track';
import { priceToY } from '../../../lib/chart/mapping/mapping';
import { readPriceAxis } from '../../../lib/chart/axis/price-axis';
import type { HorizontalMark } from '../../../lib/chart/axis/tick-pairing';
import { niceStep, random } from './seeded-axes';

const LABEL_ABOVE_TICK_PX = 6;
const TOP = 40;
const HEIGHT = 500;

interface Axis {
  labels: AxisLabel[];
  marks: HorizontalMark[];
  trueY: (price: number) => number;
}

/** Labels left-aligned at x 806 right of a plot ending at 800, drawn 6 px above their grid lines. */
function axisOver(
  low: number,
  high: number,
  log: boolean,
  format: (value: number, decimals: number) => string = (value, decimals) =>
    value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }),
): Axis {
  const f = (price: number) => (log ? Math.log(price) : price);
  const trueY = (price: number) => TOP + (HEIGHT * (f(high) - f(price))) / (f(high) - f(low));
  const step = niceStep((high - low) / 7);
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9) + (String(step).includes('25') ? 1 : 0));
  const labels: AxisLabel[] = [];
  const marks: HorizontalMark[] = [];
  for (let k = Math.ceil(low / step); k * step <= high; k++) {
    const value = Number((k * step).toFixed(decimals));
    const tick = trueY(value);
    const text = format(value, decimals);
    labels.push({
      text,
      left: 806,
      right: 806 + 7 * text.length,
      top: tick - LABEL_ABOVE_TICK_PX - 6,
      bottom: tick - LABEL_ABOVE_TICK_PX + 6,
    });
    marks.push({ y: tick, left: 0, right: 800 });
  }
  // A volume axis on the far left.
  for (let k = 0; k <= 4; k++)
    labels.push({ text: `${(4 - k) * 250}K`, left: 10, right: 40, top: TOP + (HEIGHT * k) / 4 - 6, bottom: TOP + (HEIGHT * k) / 4 + 6 });
  return { labels, marks, trueY };
}

/** The top price label clamped 7 px down into the plot, away from its tick. */
function clampTop(labels: AxisLabel[]): AxisLabel[] {
  const priceLabels = labels.filter((label) => label.left === 806);
  const topmost = priceLabels.reduce((top, label) => (label.top < top.top ? label : top));
  return labels.map((label) => (label === topmost ? { ...label, top: label.top + 7, bottom: label.bottom + 7 } : label));
}

describe('following an axis through pans and zooms', () => {
  it('lands within a pixel of every generated axis, from the tick offset the full read measured', () => {
    const rnd = random(7130);
    let worst = 0;
    let followed = 0;
    for (let trial = 0; trial < 200; trial++) {
      const price = 10 ** (rnd() * 4);
      const log = rnd() < 0.25;
      let span = price * (0.01 + rnd() * 0.2);
      let low = price - span / 2;
      const first = axisOver(low, low + span, log);
      const full = readPriceAxis(first.labels, { expectedPrice: price, marks: first.marks }).best!;
      expect(full, `trial ${trial}`).not.toBeNull();
      const track = trackOf(full);
      expect(track.centreOffsetPx).toBeCloseTo(LABEL_ABOVE_TICK_PX, 6);
      // Ten frames of panning and zooming, each read from the labels alone.
      for (let frame = 0; frame < 10; frame++) {
        low += span * (rnd() - 0.5) * 0.1;
        span *= 1 + (rnd() - 0.5) * 0.1;
        const moved = axisOver(low, low + span, log);
        const labels = rnd() < 0.5 ? clampTop(moved.labels) : moved.labels;
        const fit = followColumn(labels, track, {});
        if (!fit) continue; // too few labels left in the tracked stretch: the caller reads in full
        followed++;
        const middle = low + span / 2;
        worst = Math.max(worst, Math.abs(priceToY(fit.mapping, middle) - moved.trueY(middle)));
        expect(fit.kind).toBe(full.kind);
      }
    }
    expect(followed).toBeGreaterThan(1800);
    expect(worst).toBeLessThan(0.5);
  });

  it('rejects a clamped end label as the full read does', () => {
    const axis = axisOver(4600, 4850, false);
    const track = trackOf(readPriceAxis(axis.labels, { expectedPrice: 4700, marks: axis.marks }).best!);
    const moved = axisOver(4620, 4870, false);
    const fit = followColumn(clampTop(moved.labels), track)!;
    expect(fit.rejected.map((entry) => entry.reason)).toEqual(['outlier']);
    expect(fit.rejected[0].value).toBe(4850);
    expect(fit.rejected[0].residualPx).toBeCloseTo(-7, 6);
    expect(priceToY(fit.mapping, 4700)).toBeCloseTo(moved.trueY(4700), 6);
  });

  it('keeps reading "4.700"-style labels the way the full read settled them', () => {
    const european = (value: number) => value.toLocaleString('de-DE', { maximumFractionDigits: 0 });
    const axis = axisOver(4600, 4850, false, european);
    const full = readPriceAxis(axis.labels, { expectedPrice: 4700, marks: axis.marks }).best!;
    expect(full.decimalComma).toBe(true);
    const moved = axisOver(4650, 4900, false, european);
    const fit = followColumn(moved.labels, trackOf(full))!;
    expect(fit.tickRange).toEqual({ low: 4650, high: 4900 });
    expect(priceToY(fit.mapping, 4800)).toBeCloseTo(moved.trueY(4800), 6);
  });

  it('refuses what is no longer that axis', () => {
    const axis = axisOver(4600, 4850, false);
    const track = trackOf(readPriceAxis(axis.labels, { expectedPrice: 4700, marks: axis.marks }).best!);
    const moved = axisOver(4620, 4870, false);
    // The axis moved to the other side of the plot.
    expect(
      followColumn(
        moved.labels.map((label) => ({ ...label, left: label.left - 760, right: label.right - 760 })),
        track,
      ),
    ).toBeNull();
    // Two labels left.
    expect(followColumn(moved.labels.slice(0, 2), track)).toBeNull();
    // The same texts scattered: no line through them.
    const rnd = random(99);
    const scattered = moved.labels.map((label) => {
      const y = TOP + rnd() * HEIGHT;
      return { ...label, top: y - 6, bottom: y + 6 };
    });
    expect(followColumn(scattered, track)).toBeNull();
    // Values now rising downward (the track is upright).
    const flipped = moved.labels.map((label) => ({ ...label, top: 2 * TOP + HEIGHT - label.bottom, bottom: 2 * TOP + HEIGHT - label.top }));
    expect(followColumn(flipped, track)).toBeNull();
    // Another pane's axis in the same column, below the price axis's stretch (two tick spacings beyond its ticks).
    expect(
      followColumn(
        moved.labels.map((label) => ({ ...label, top: label.top + HEIGHT + 200, bottom: label.bottom + HEIGHT + 200 })),
        track,
      ),
    ).toBeNull();
    expect(
      followColumn(
        moved.labels.map((label) => ({ ...label, top: label.top + 20, bottom: label.bottom + 20 })),
        track,
      ),
    ).not.toBeNull();
  });
});
