/**
 * The price axis among several label sets: one per canvas (the canvas text tap), or a DOM chart's
 * labels beside those of another chart on the page. Each set is fitted on its own, with the plot it
 * sits beside, and every column of every set competes under one ranking (axis-score.ts). A time
 * axis's numbers ("15", "2024", day numbers) lie in a row and never form a column, so never fit.
 */
import type { AxisLabel } from './axis-label';
import { pickAxis, rankAxisFits, scoreAxisFit, type AxisFit } from './axis-score';
import type { FitOptions } from './price-axis';
import { fitAxisColumns } from './column-fit';
import type { RejectedLabel } from './axis-line-fit';
import type { PlotRect } from '../mapping';
import type { HorizontalMark } from './tick-pairing';

export interface AxisLabelSet<L extends AxisLabel = AxisLabel> {
  /** The caller's name for the set (a canvas id, "dom"), echoed in each fit's `source`. */
  id: string;
  labels: readonly L[];
  /** The plot these labels sit beside (for a canvas: the chart's largest canvas next to it). */
  plot?: PlotRect;
  /** Tick marks and grid lines for this set's labels; else the options' marks. */
  marks?: readonly HorizontalMark[];
}

export interface AxisChoice<L extends AxisLabel = AxisLabel> {
  best: AxisFit<L> | null;
  runnerUp: AxisFit<L> | null;
  /** Every fitted column of every set, best first; `source` names its set. */
  fits: AxisFit<L>[];
  /** Per set: labels no column used, and why that set gave no column (null when it gave one). */
  sets: { id: string; ignored: RejectedLabel<L>[]; failure: string | null }[];
  failure: string | null;
}

export function choosePriceAxis<L extends AxisLabel>(
  sets: readonly AxisLabelSet<L>[],
  options: Omit<FitOptions, 'plot'> = {},
): AxisChoice<L> {
  const scored: AxisFit<L>[] = [];
  const perSet: AxisChoice<L>['sets'] = [];
  for (const set of sets) {
    const fitting = fitAxisColumns(set.labels, { ...options, marks: set.marks ?? options.marks });
    perSet.push({ id: set.id, ignored: fitting.ignored, failure: fitting.failure });
    for (const fit of fitting.fits) scored.push({ ...scoreAxisFit(fit, { ...options, plot: set.plot }), source: set.id });
  }
  const fits = rankAxisFits(scored);
  const { best, runnerUp, failure } = pickAxis(fits);
  const noneFitted =
    fits.length === 0
      ? sets.length
        ? `no price axis in ${sets.length} label set(s): ${perSet.map((set) => `${set.id}: ${set.failure}`).join('; ')}`
        : 'no label sets'
      : null;
  return { best, runnerUp, fits, sets: perSet, failure: noneFitted ?? failure };
}
