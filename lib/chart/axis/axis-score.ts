/**
 * Which fitted column is the price axis. In order:
 * 1. with an expected price (the underlying's spot mapped to the chart's symbol), a column whose
 *    visible range contains it (and is of its magnitude) beats one lying within a factor (default 2)
 *    of it, which beats one farther away; a far column is never chosen then (a volume axis or
 *    another symbol's scale would put the lines at wrong prices);
 * 2. then axis-likeness: beside the plot, evenly and nicely stepped, many consistent labels, no
 *    numbers beside its rows (a table), a tight fit; upright scales slightly preferred when all else
 *    is equal.
 */
import type { AxisLabel } from './axis-label';
import type { ColumnFit } from './axis-line-fit';
import { yToPrice, type PlotRect } from '../mapping';

export interface AxisContext {
  /** The price the chart should show (spot after symbol mapping and basis). */
  expectedPrice?: number;
  /** The plot the labels sit beside, viewport px. */
  plot?: PlotRect;
  /** "Near" means within this factor of the expected price. Default 2. */
  nearFactor?: number;
}

type Plausibility = 'contains' | 'near' | 'far' | 'unknown';

export interface AxisFit<L extends AxisLabel = AxisLabel> extends ColumnFit<L> {
  /** Prices at the plot's top and bottom (without a plot: one tick spacing beyond the outer ticks). */
  visibleRange: { low: number; high: number };
  plausibility: Plausibility;
  /** Null without a plot to compare with. */
  besidePlot: boolean | null;
  /** Axis-likeness (step 2 above); plausibility ranks first. */
  score: number;
  /** Plain words for the panel: why this column. */
  reasons: string[];
  /** Which label set it came from (choosePriceAxis). */
  source?: string;
}

const TIER: Record<Plausibility, number> = { contains: 2, near: 1, far: 0, unknown: 0 };
/** Outside a plot edge, or inside it, by at most this many px. */
const BESIDE_REACH_PX = 60;

export function scoreAxisFit<L extends AxisLabel>(fit: ColumnFit<L>, context: AxisContext = {}): AxisFit<L> {
  const visibleRange = visibleRangeOf(fit, context.plot);
  const plausibility = plausibilityOf(visibleRange, context.expectedPrice, context.nearFactor ?? 2);
  const besidePlot = context.plot ? isBesidePlot(fit, context.plot) : null;
  const inlierShare = fit.ticks.length / Math.max(fit.memberCount, 1);
  const score =
    3 * (besidePlot ? 1 : 0) +
    2 * fit.steps.score +
    (1.5 * Math.min(fit.ticks.length, 10)) / 10 +
    inlierShare -
    3 * fit.rowMateShare -
    0.5 * Math.min(fit.residualPx / 1.5, 1) -
    (fit.inverted ? 0.25 : 0);

  // Plain words cost string work on every read; only the fits shown or explained need them.
  let reasons: string[] | null = null;
  return {
    ...fit,
    visibleRange,
    plausibility,
    besidePlot,
    score,
    get reasons() {
      return (reasons ??= reasonsFor(fit, visibleRange, plausibility, besidePlot, context.expectedPrice));
    },
  };
}

function reasonsFor(
  fit: ColumnFit<AxisLabel>,
  visibleRange: { low: number; high: number },
  plausibility: Plausibility,
  besidePlot: boolean | null,
  expectedPrice: number | undefined,
): string[] {
  const reasons: string[] = [];
  const range = `${formatNumber(visibleRange.low)}–${formatNumber(visibleRange.high)}`;
  if (plausibility === 'contains') reasons.push(`range ${range} contains ${formatNumber(expectedPrice!)}`);
  else if (plausibility === 'near') reasons.push(`range ${range} is near ${formatNumber(expectedPrice!)}`);
  else if (plausibility === 'far') reasons.push(`range ${range} is far from ${formatNumber(expectedPrice!)}`);
  else reasons.push(`range ${range}`);
  reasons.push(
    `${fit.ticks.length} of ${fit.memberCount} labels on a ${fit.inverted ? 'inverted ' : ''}${fit.kind} scale, ${fit.residualPx.toFixed(2)} px RMS`,
  );
  if (fit.tickSource === 'box') reasons.push('tick positions from label boxes (an offset from the ticks would not show)');
  if (besidePlot === true) reasons.push('beside the plot');
  if (besidePlot === false) reasons.push('away from the plot');
  if (fit.steps.step !== null && fit.steps.niceStep && fit.steps.evenness >= 0.75)
    reasons.push(`even steps of ${formatNumber(fit.steps.step)}`);
  if (fit.rowMateShare >= 0.5) reasons.push('numbers beside its rows (a table?)');
  if (fit.decimalComma) reasons.push('read with European separators');
  return reasons;
}

/** Best first: plausibility tier, then score. */
export function rankAxisFits<L extends AxisLabel>(fits: readonly AxisFit<L>[]): AxisFit<L>[] {
  return [...fits].sort((a, b) => TIER[b.plausibility] - TIER[a.plausibility] || b.score - a.score);
}

/** The chosen fit and the runner-up; a far fit is never chosen when an expected price was given. */
export function pickAxis<L extends AxisLabel>(
  ranked: readonly AxisFit<L>[],
): { best: AxisFit<L> | null; runnerUp: AxisFit<L> | null; failure: string | null } {
  const eligible = ranked.filter((fit) => fit.plausibility !== 'far');
  const best = eligible[0] ?? null;
  const runnerUp = ranked.find((fit) => fit !== best) ?? null;
  if (best || ranked.length === 0) return { best, runnerUp, failure: null };
  return {
    best: null,
    runnerUp,
    failure: `no fitted column is near the expected price (${ranked.map((fit) => fit.reasons[0]).join('; ')})`,
  };
}

function visibleRangeOf(fit: ColumnFit, plot: PlotRect | undefined): { low: number; high: number } {
  const first = fit.ticks[0].y;
  const last = fit.ticks[fit.ticks.length - 1].y;
  const [top, bottom] = plot ? [plot.top, plot.top + plot.height] : [first - fit.tickSpacingPx, last + fit.tickSpacingPx];
  const a = yToPrice(fit.mapping, top);
  const b = yToPrice(fit.mapping, bottom);
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

/**
 * 'contains': the range holds the price and is of its magnitude (its top within twice the near
 * factor of it: a volume axis from 0 to 1.2M "holds" 4700 but is no price axis for it); 'near': the
 * whole range lies within the near factor of the price (a chart scrolled back to older prices).
 */
function plausibilityOf(range: { low: number; high: number }, expected: number | undefined, nearFactor: number): Plausibility {
  if (expected === undefined || !(expected > 0) || !Number.isFinite(expected)) return 'unknown';
  const ofItsMagnitude = range.high <= 2 * nearFactor * expected && (range.low <= 0 || range.low >= expected / (2 * nearFactor));
  if (range.low <= expected && expected <= range.high && ofItsMagnitude) return 'contains';
  if (range.low >= expected / nearFactor && range.high <= expected * nearFactor) return 'near';
  return 'far';
}

function isBesidePlot(fit: ColumnFit, plot: PlotRect): boolean {
  const plotRight = plot.left + plot.width;
  const within = (value: number, from: number, to: number) => value >= from && value <= to;
  const besideX =
    within(fit.columnLeft, plotRight - 2, plotRight + BESIDE_REACH_PX) || // outside, right
    within(fit.columnRight, plotRight - BESIDE_REACH_PX, plotRight + 2) || // inside, right
    within(fit.columnRight, plot.left - BESIDE_REACH_PX, plot.left + 2) || // outside, left
    within(fit.columnLeft, plot.left - 2, plot.left + BESIDE_REACH_PX); // inside, left
  const middle = fit.ticks[Math.floor(fit.ticks.length / 2)].y;
  return besideX && within(middle, plot.top, plot.top + plot.height);
}

/** "4,712", "12.35", "0.00025": cheap (toLocaleString costs tens of microseconds a call). */
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude > 0 && magnitude < 1) return String(Number(value.toPrecision(4)));
  const fixed = value
    .toFixed(magnitude >= 100 ? 0 : 2)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}
