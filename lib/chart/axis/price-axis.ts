/**
 * Reads a price axis from the tick labels a chart shows (DOM, SVG or canvas draw calls): numbers in
 * a column, fitted robustly to a linear or log scale, the price axis chosen among several columns.
 *
 * What the caller owns: only visible labels go in (computed visibility, opacity, display, clipping:
 * a hidden label at a stale place that still lines up would be believed), and each label's best tick
 * y (tickY from the text anchor: text-anchor.ts, canvas-label.ts), plus, where the chart draws them,
 * its tick marks and grid lines as `marks` (paired per column here: tick-pairing.ts). A stale label
 * at a wrong y is rejected here as an outlier.
 */
import type { AxisLabel } from './axis-label';
import { pickAxis, rankAxisFits, scoreAxisFit, type AxisContext, type AxisFit } from './axis-score';
import { fitAxisColumns } from './column-fit';
import type { ColumnFitOptions, RejectedLabel } from './axis-line-fit';

export type { AxisLabel } from './axis-label';
export type { HorizontalMark } from './tick-pairing';
export { readTickText } from './tick-text';

export interface FitOptions extends ColumnFitOptions, AxisContext {}

export interface PriceAxisReading<L extends AxisLabel = AxisLabel> {
  /** The price axis, or null (see failure). */
  best: AxisFit<L> | null;
  /** The next candidate, to explain the choice (may be set when best is null). */
  runnerUp: AxisFit<L> | null;
  /** Every fitted column, best first. */
  fits: AxisFit<L>[];
  /** Labels no fitted column used, with why ('percent', 'time-or-date', 'not-a-number', 'no-column', ...). */
  ignored: RejectedLabel<L>[];
  /** Why there is no axis, in plain words; null when there is one. */
  failure: string | null;
}

export function readPriceAxis<L extends AxisLabel>(labels: readonly L[], options: FitOptions = {}): PriceAxisReading<L> {
  const fitting = fitAxisColumns(labels, options);
  const fits = rankAxisFits(fitting.fits.map((fit) => scoreAxisFit(fit, options)));
  const { best, runnerUp, failure } = pickAxis(fits);
  return { best, runnerUp, fits, ignored: fitting.ignored, failure: fitting.failure ?? failure };
}
