/**
 * Fits every column of numeric labels in one label set to a price scale: reads the texts, groups
 * columns, pairs each column's labels with the marks beside them, settles how its numbers are written,
 * fits the axes in it (axis-line-fit.ts: panes stacked in one column are several axes) and reports every
 * label it set aside and why. Choosing which column is the price axis is axis-score.ts's job.
 */
import { labelCentreY, labelTickSource, labelTickY, type AxisLabel } from './axis-label';
import { groupColumns, type ColumnAlign } from './label-columns';
import { pairTickYs, type HorizontalMark } from './tick-pairing';
import { readTickText } from './tick-text';
import { fitOneAxis, type ColumnFit, type ColumnFitOptions, type NumericLabel, type RejectedLabel } from './axis-line-fit';

export interface ColumnFitting<L extends AxisLabel = AxisLabel> {
  fits: ColumnFit<L>[];
  /** Labels no column used: non-numeric texts with why, and numbers in no fitting column. */
  ignored: RejectedLabel<L>[];
  /** Why no column fitted, in plain words (null when some did). */
  failure: string | null;
}

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
