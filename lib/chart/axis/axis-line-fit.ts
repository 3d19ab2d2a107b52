/**
 * One axis among the labels of one column: the scale (linear or log, upright or inverted) and the line
 * that explain them best, resisting outliers (a clamped end label, a stale label, a last-price badge at
 * the wrong y), with every check an axis must pass and every label it set aside and why. Used on each
 * column by column-fit.ts, and on the one column followed frame to frame by column-track.ts.
 */
import type { AxisLabel, TickSource } from './axis-label';
import type { ColumnAlign } from './label-columns';
import type { PriceMapping, ScaleKind } from '../mapping';
import { fitRobustLine, leastSquaresLine, type RobustLine } from './robust-line';
import { analyseSteps, type StepAnalysis } from './tick-steps';
import type { HorizontalMark } from './tick-pairing';
import type { TickTextRejection } from './tick-text';

export interface ColumnFitOptions {
  /** Also accept axes whose values rise downward (a chart with an inverted price scale). */
  allowInverted?: boolean;
  /** A label farther than this from the fitted line is an outlier. Default 2 px. */
  inlierTolerancePx?: number;
  /** A fit whose inliers' RMS residual exceeds this is refused. Default 1.5 px. */
  maxResidualPx?: number;
  /** Fewest consistent ticks for an axis. Default 3. */
  minTicks?: number;
  /** Fewest inliers as a share of the column's labels. Default 0.5. */
  minInlierFraction?: number;
  /** Edges within this many px line up in one column. Default 3. */
  columnTolerancePx?: number;
  /** The price the chart should show: settles "4.700"-style columns (else read the English way). */
  expectedPrice?: number;
  /**
   * Tick marks and grid lines the chart drew (SVG lines and paths, DOM borders, a canvas tap's
   * horizontal strokes), viewport px: each column's labels are paired with them (tick-pairing.ts).
   */
  marks?: readonly HorizontalMark[];
}

type RejectReason = TickTextRejection | 'outlier' | 'duplicate' | 'no-column';

interface FittedTick<L extends AxisLabel = AxisLabel> {
  label: L;
  value: number;
  /** The tick's y the fit used: a paired mark's, else the label's tickY, else its box centre. */
  y: number;
  /** How that y was found. */
  source: TickSource;
  /** Fitted y minus this y, px. */
  residualPx: number;
}

export interface RejectedLabel<L extends AxisLabel = AxisLabel> {
  label: L;
  reason: RejectReason;
  value: number | null;
  /** For outliers: how far the fitted line passes from the label's y, px. */
  residualPx: number | null;
}

export interface ColumnFit<L extends AxisLabel = AxisLabel> {
  mapping: PriceMapping;
  kind: ScaleKind;
  /** Values rise downward (only with allowInverted). */
  inverted: boolean;
  /** RMS of the inliers' residuals, px: what the fit claims, honestly over the labels it kept. */
  residualPx: number;
  maxResidualPx: number;
  /** The inliers, top to bottom. */
  ticks: FittedTick<L>[];
  /** Labels in the axis's stretch of the column the fit set aside (outliers, duplicates). */
  rejected: RejectedLabel<L>[];
  align: ColumnAlign;
  columnLeft: number;
  columnRight: number;
  /** Distinct labels in the axis's stretch of the column (inliers and outliers). */
  memberCount: number;
  /** Lowest and highest tick value. */
  tickRange: { low: number; high: number };
  /** Median distance between neighbouring ticks, px. */
  tickSpacingPx: number;
  steps: StepAnalysis;
  /**
   * How the inliers' tick y was found: 'mixed' when some paired with marks and some not, else the
   * weakest way ('box': a constant offset from the ticks would go unseen).
   */
  tickSource: TickSource | 'mixed';
  /** Texts like "4.700" read as European (dot groups thousands). */
  decimalComma: boolean;
  /** Share of ticks with another number beside them on the same row: tables have them, axes do not. */
  rowMateShare: number;
}

export interface NumericLabel<L> {
  label: L;
  value: number;
  alternative?: number;
  convention: 'english' | 'european' | 'either';
  y: number;
  source: TickSource;
}

interface KindFit {
  kind: ScaleKind;
  sign: -1 | 1;
  line: RobustLine;
}

const SOURCE_RANK: Record<TickSource, number> = { tick: 0, anchor: 1, box: 2 };

/**
 * The strongest axis among these labels of one column, with every check an axis must pass (`fit`
 * null when it fails one). `scale` fixes the kind and direction (a column already known, followed
 * frame to frame: column-track.ts); else the cheapest of all is taken.
 */
export function fitOneAxis<L extends AxisLabel>(
  entries: NumericLabel<L>[],
  align: ColumnAlign,
  decimalComma: boolean,
  options: ColumnFitOptions,
  scale?: { kind: ScaleKind; inverted: boolean },
): { fit: ColumnFit<L> | null; inliers: number; used: NumericLabel<L>[]; span: [number, number] } | null {
  const tolerance = options.inlierTolerancePx ?? 2;
  const minTicks = options.minTicks ?? 3;
  const kindFit = bestKindFit(entries, tolerance, options.allowInverted ?? false, scale);
  if (!kindFit) return null;
  const { kind, sign } = kindFit;
  const f = (value: number) => (kind === 'log' ? Math.log(value) : value);

  // Inliers sharing a value (a stale copy within tolerance): keep the one nearer the line.
  const robustInliers = kindFit.line.inliers.map((k) => entries[k]);
  const byValue = new Map<number, NumericLabel<L>>();
  const residualOf = (entry: NumericLabel<L>) => Math.abs(kindFit.line.intercept + kindFit.line.slope * f(entry.value) - entry.y);
  for (const entry of robustInliers) {
    const other = byValue.get(entry.value);
    if (!other || residualOf(entry) < residualOf(other)) byValue.set(entry.value, entry);
  }
  const inliers = robustInliers.filter((entry) => byValue.get(entry.value) === entry);
  const line = leastSquaresLine(inliers.map((entry) => ({ x: f(entry.value), y: entry.y }))) ?? kindFit.line;
  const residual = (entry: NumericLabel<L>) => line.intercept + line.slope * f(entry.value) - entry.y;

  const ys = inliers.map((entry) => entry.y).sort((a, b) => a - b);
  const gaps = ys
    .slice(1)
    .map((y, k) => y - ys[k])
    .sort((a, b) => a - b);
  const spacing = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
  // The axis's own stretch of the column: its ticks and one spacing beyond (a clamped end label).
  const span: [number, number] = [ys[0] - spacing, ys[ys.length - 1] + spacing];
  const inSpan = entries.filter((entry) => entry.y >= span[0] && entry.y <= span[1]);
  const rejected: RejectedLabel<L>[] = inSpan
    .filter((entry) => !inliers.includes(entry))
    .map((entry) => ({
      label: entry.label,
      reason: robustInliers.includes(entry) ? 'duplicate' : 'outlier',
      value: entry.value,
      residualPx: residual(entry),
    }));

  const heights = inliers.map((entry) => entry.label.bottom - entry.label.top).sort((a, b) => a - b);
  const residuals = inliers.map(residual);
  const rms = Math.sqrt(residuals.reduce((sum, r) => sum + r * r, 0) / residuals.length);
  const enough =
    inliers.length >= minTicks &&
    inliers.length >= (options.minInlierFraction ?? 0.5) * inSpan.length &&
    rms <= (options.maxResidualPx ?? 1.5) &&
    Math.sign(line.slope) === sign &&
    ys[ys.length - 1] - ys[0] >= Math.max(10, heights[Math.floor(heights.length / 2)]);
  if (!enough) return { fit: null, inliers: inliers.length, used: robustInliers, span };

  const ticks = inliers
    .map((entry) => ({ label: entry.label, value: entry.value, y: entry.y, source: entry.source, residualPx: residual(entry) }))
    .sort((a, b) => a.y - b.y);
  const sources = new Set(ticks.map((tick) => tick.source));
  const weakest = [...sources].sort((a, b) => SOURCE_RANK[b] - SOURCE_RANK[a])[0];
  const boxes = inSpan.map((entry) => entry.label);
  return {
    inliers: inliers.length,
    used: robustInliers,
    span,
    fit: {
      mapping: { kind, intercept: line.intercept, slope: line.slope },
      kind,
      inverted: sign > 0,
      residualPx: rms,
      maxResidualPx: residuals.reduce((max, r) => Math.max(max, Math.abs(r)), 0),
      ticks,
      rejected,
      align,
      columnLeft: Math.min(...boxes.map((label) => label.left)),
      columnRight: Math.max(...boxes.map((label) => label.right)),
      memberCount: inSpan.length,
      tickRange: { low: Math.min(...ticks.map((tick) => tick.value)), high: Math.max(...ticks.map((tick) => tick.value)) },
      tickSpacingPx: spacing,
      steps: analyseSteps(
        ticks.map((tick) => tick.value),
        kind,
      ),
      tickSource: sources.size > 1 && weakest !== 'tick' && sources.has('tick') ? 'mixed' : weakest,
      decimalComma,
      rowMateShare: 0,
    },
  };
}

/**
 * The scale that explains the labels best by truncated squared residuals (each label costs its
 * squared miss, an outlier the tolerance squared): linear or log, upright or (when allowed)
 * inverted. Counting inliers alone would let a log curve bend through a clamped end label. Linear
 * and upright win unless another is clearly cheaper (by half a px²): over a narrow price range a log
 * scale is indistinguishable from a linear one.
 */
function bestKindFit(
  entries: readonly NumericLabel<unknown>[],
  tolerance: number,
  allowInverted: boolean,
  only?: { kind: ScaleKind; inverted: boolean },
): KindFit | null {
  const limit = tolerance * tolerance;
  const signs: (-1 | 1)[] = only ? [only.inverted ? 1 : -1] : allowInverted ? [-1, 1] : [-1];
  const kinds: readonly ScaleKind[] = only ? [only.kind] : ['linear', 'log'];
  // Labels paired with the chart's own tick marks sit exactly at their ticks: where three or more
  // are, they alone judge the scale (a label drawn off its tick must not bend a log curve through it).
  const paired = entries.filter((entry) => entry.source === 'tick');
  const judged = paired.length >= 3 && paired.length < entries.length ? paired : entries;
  const pointsOf = (list: readonly NumericLabel<unknown>[], kind: ScaleKind) =>
    list.map((entry) => ({ x: kind === 'log' ? Math.log(entry.value) : entry.value, y: entry.y }));
  let best: (KindFit & { cost: number }) | null = null;
  for (const sign of signs) {
    for (const kind of kinds) {
      if (kind === 'log' && entries.some((entry) => !(entry.value > 0))) continue;
      const line = fitRobustLine(pointsOf(judged, kind), { tolerance, slopeSign: sign });
      if (!line) continue;
      const cost = line.residuals.reduce((sum, r) => sum + Math.min(r * r, limit), 0);
      if (!best || cost < best.cost - 0.5) best = { kind, sign, line, cost };
    }
  }
  if (!best || judged === entries) return best;
  // The scale judged, the line through every label (its inliers and residuals index them all).
  const line = fitRobustLine(pointsOf(entries, best.kind), { tolerance, slopeSign: best.sign });
  return line ? { kind: best.kind, sign: best.sign, line } : null;
}
