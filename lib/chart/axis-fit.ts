/**
 * The first generic reader's call, kept so callers written against it still build while they move
 * to readPriceAxis (price-axis.ts): labels as box centres, the best fit or null. It now runs the
 * robust reader underneath (outliers rejected, columns ranked), so it already drops the clamped end
 * label that used to lose the axis; it cannot pass tick positions, an expected price or a plot.
 * Delete once nothing imports it.
 */
import { readPriceAxis } from './price-axis';
import type { PriceMapping } from './mapping';

export { parseTickValue } from './tick-text';

/** @deprecated Use AxisLabel from axis-label.ts with readPriceAxis. */
export interface AxisLabel {
  text: string;
  /** Vertical centre of the label in viewport pixels. */
  y: number;
  left: number;
  right: number;
}

/** @deprecated Use readPriceAxis's AxisFit. */
export interface AxisFit {
  mapping: PriceMapping;
  /** Root-mean-square distance of the kept labels from the fitted line, px. */
  residualPx: number;
  labels: { y: number; value: number }[];
  columnLeft: number;
  columnRight: number;
}

/** @deprecated The best price-axis fit among box-centred labels, or null. Use readPriceAxis. */
export function fitPriceAxis(labels: readonly AxisLabel[], maxResidualPx = 1): AxisFit | null {
  const reading = readPriceAxis(
    labels.map((label) => ({ text: label.text, left: label.left, right: label.right, top: label.y, bottom: label.y })),
    { maxResidualPx },
  );
  const best = reading.best;
  if (!best) return null;
  return {
    mapping: best.mapping,
    residualPx: best.residualPx,
    labels: best.ticks.map((tick) => ({ y: tick.y, value: tick.value })),
    columnLeft: best.columnLeft,
    columnRight: best.columnRight,
  };
}
