/**
 * Fits every column of numeric labels in one label set to a price scale, linear and log, resisting
 * outliers (a clamped end label, a stale label, a last-price badge at the wrong y): reads the texts,
 * groups columns, fits each robustly, and reports every label it set aside and why. Choosing which
 * column is the price axis is axis-score.ts's job.
 */
import { labelCentreY, labelTickSource, labelTickY, type AxisLabel, type TickSource } from './axis-label';
import { groupColumns, type ColumnAlign } from './label-columns';
import type { PriceMapping, ScaleKind } from '../mapping';
import { fitRobustLine, leastSquaresLine, type RobustLine } from './robust-line';
import { analyseSteps, type StepAnalysis } from './tick-steps';
import { pairTickYs, type HorizontalMark } from './tick-pairing';
import { readTickText, type TickTextRejection } from './tick-text';

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

export interface ColumnFitting<L extends AxisLabel = AxisLabel> {
  fits: ColumnFit<L>[];
  /** Labels no column used: non-numeric texts with why, and numbers in no fitting column. */
  ignored: RejectedLabel<L>[];
  /** Why no column fitted, in plain words (null when some did). */
  failure: string | null;
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

export function fitAxisColumns<L extends AxisLabel>(labels: readonly L[], options: ColumnFitOptions = {}): ColumnFitting<L> {
  const ignored: RejectedLabel<L>[] = [];
  const numeric: NumericLabel<L>[] = [];
  labels.forEach((label) => {
    const reading = readTickText(label.text);
    if (!reading.ok) ignored.push({ label, reason: reading.reason, value: null, residualPx: null });
    else
      numeric.push({
        label,
        value: reading.value,
        alternative: reading.alternative,
        convention: reading.convention,
        y: labelTickY(label),
        source: labelTickSource(label),
      });
  });
  if (labels.length === 0) return { fits: [], ignored, failure: 'no labels' };
  if (numeric.length === 0) return { fits: [], ignored, failure: `no numeric labels among ${labels.length}` };

  const minTicks = options.minTicks ?? 3;
  const columns = groupColumns(
    numeric.map((entry) => entry.label),
    { tolerancePx: options.columnTolerancePx, minMembers: minTicks },
  );
  if (columns.length === 0) {
    for (const entry of numeric) ignored.push({ label: entry.label, reason: 'no-column', value: entry.value, residualPx: null });
    return {
      fits: [],
      ignored,
      failure: `no column of ${minTicks} or more aligned numbers among ${numeric.length} (numbers in rows are an x axis)`,
    };
  }

  const fits: ColumnFit<L>[] = [];
  let bestShare = { inliers: 0, members: 0 };
  for (const column of columns) {
    const members = pairWithMarks(
      column.members.map((k) => numeric[k]),
      options.marks,
    );
    const decimalComma = readsEuropean(members, options.expectedPrice);
    const valued = decimalComma ? members.map((entry) => ({ ...entry, value: entry.alternative ?? entry.value })) : members;
    const attempt = fitColumnAxes(valued, column.align, decimalComma, options);
    fits.push(...attempt.fits);
    if (!attempt.fits.length && attempt.inliers > bestShare.inliers) bestShare = { inliers: attempt.inliers, members: members.length };
  }

  const distinct = dropOverlapping(fits);
  for (const fit of distinct)
    fit.rowMateShare = rowMateShare(
      fit,
      numeric.map((entry) => entry.label),
    );
  const used = new Set<L>(distinct.flatMap((fit) => [...fit.ticks.map((tick) => tick.label), ...fit.rejected.map((entry) => entry.label)]));
  for (const entry of numeric)
    if (!used.has(entry.label)) ignored.push({ label: entry.label, reason: 'no-column', value: entry.value, residualPx: null });
  const failure = distinct.length
    ? null
    : `${columns.length} column(s) of numbers, none on a linear or log scale (at best ${bestShare.inliers} of ${bestShare.members} labels consistent)`;
  return { fits: distinct, ignored, failure };
}

/** The column's labels with the tick y of the marks they pair with (per column: an x axis's labels must not vote). */
function pairWithMarks<L extends AxisLabel>(members: NumericLabel<L>[], marks: readonly HorizontalMark[] | undefined): NumericLabel<L>[] {
  if (!marks?.length) return members;
  const pairing = pairTickYs(
    members.map((entry) => entry.label),
    marks,
  );
  if (pairing.offsetPx === null) return members;
  return members.map((entry, k) => {
    if (pairing.paired[k]) return { ...entry, y: pairing.tickYs[k]!, source: 'tick' as const };
    // Unpaired: the agreed offset beats a box centre, not a tick y of the label's own.
    return entry.source === 'box' ? { ...entry, y: pairing.tickYs[k]!, source: 'anchor' as const } : entry;
  });
}

/**
 * Whether to read the column European ("4.700" = 4700): when a text settles it, that way; when all
 * are ambiguous, the reading whose middle value is nearer the expected price (by ratio), else English.
 */
function readsEuropean(members: readonly NumericLabel<unknown>[], expectedPrice: number | undefined): boolean {
  if (members.some((entry) => entry.convention === 'english')) return false;
  if (members.some((entry) => entry.convention === 'european')) return true;
  if (!(expectedPrice !== undefined && expectedPrice > 0) || !members.some((entry) => entry.alternative !== undefined)) return false;
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const distance = (value: number) => (value > 0 ? Math.abs(Math.log(value / expectedPrice)) : Infinity);
  const english = middle(members.map((entry) => entry.value));
  const european = middle(members.map((entry) => entry.alternative ?? entry.value));
  return distance(european) < distance(english);
}

/**
 * The axes in one column: the best line, then (panes stacked in one column: price above, volume or
 * an oscillator below, all at the same right edge) again on the labels outside its vertical span,
 * up to four times (a line that fails its checks is set aside and the rest tried). Labels within an
 * axis's span that miss its line are its outliers; labels beyond every span belong to no axis.
 */
function fitColumnAxes<L extends AxisLabel>(
  members: NumericLabel<L>[],
  align: ColumnAlign,
  decimalComma: boolean,
  options: ColumnFitOptions,
): { fits: ColumnFit<L>[]; inliers: number } {
  const minTicks = options.minTicks ?? 3;
  // The same text twice at one place (a shadow, a double render) is one label.
  const unique: NumericLabel<L>[] = [];
  const duplicates: NumericLabel<L>[] = [];
  for (const entry of [...members].sort((a, b) => a.y - b.y)) {
    if (unique.some((kept) => kept.value === entry.value && Math.abs(kept.y - entry.y) <= 1)) duplicates.push(entry);
    else unique.push(entry);
  }
  const fits: ColumnFit<L>[] = [];
  let bestInliers = 0;
  let remaining = unique;
  for (let round = 0; round < 4 && remaining.length >= minTicks; round++) {
    const attempt = fitOneAxis(remaining, align, decimalComma, options);
    if (!attempt) break;
    bestInliers = Math.max(bestInliers, attempt.inliers);
    if (!attempt.fit) {
      // The strongest line failed (too few of its stretch on it): try the rest without its labels.
      remaining = remaining.filter((entry) => !attempt.used.includes(entry));
      continue;
    }
    const fit = attempt.fit;
    const [low, high] = attempt.span;
    for (const entry of duplicates) {
      if (entry.y >= low && entry.y <= high)
        fit.rejected.push({ label: entry.label, reason: 'duplicate', value: entry.value, residualPx: null });
    }
    fits.push(fit);
    remaining = remaining.filter((entry) => entry.y < low || entry.y > high);
  }
  return { fits, inliers: bestInliers };
}

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

/** One fit per set of labels: columns found under two alignments (or a subset) keep the better fit. */
function dropOverlapping<L extends AxisLabel>(fits: ColumnFit<L>[]): ColumnFit<L>[] {
  const ordered = [...fits].sort((a, b) => b.ticks.length - a.ticks.length || a.residualPx - b.residualPx);
  const kept: ColumnFit<L>[] = [];
  for (const fit of ordered) {
    const labels = new Set(fit.ticks.map((tick) => tick.label));
    const overlaps = kept.some(
      (other) => other.ticks.filter((tick) => labels.has(tick.label)).length * 2 >= Math.min(labels.size, other.ticks.length),
    );
    if (!overlaps) kept.push(fit);
  }
  return kept;
}

function rowMateShare<L extends AxisLabel>(fit: ColumnFit<L>, numeric: readonly L[]): number {
  const inColumn = new Set<AxisLabel>([...fit.ticks.map((tick) => tick.label), ...fit.rejected.map((entry) => entry.label)]);
  const widths = fit.ticks.map((tick) => tick.label.right - tick.label.left).sort((a, b) => a - b);
  const reach = 1.5 * Math.max(widths[Math.floor(widths.length / 2)], 10);
  let withMates = 0;
  for (const tick of fit.ticks) {
    const own = tick.label;
    const rowTolerance = 0.3 * Math.max(own.bottom - own.top, 4);
    const mate = numeric.some((other) => {
      if (inColumn.has(other)) return false;
      const gap = Math.max(other.left - own.right, own.left - other.right);
      return gap <= reach && Math.abs(labelCentreY(other) - labelCentreY(own)) <= rowTolerance;
    });
    if (mate) withMates++;
  }
  return withMates / fit.ticks.length;
}
