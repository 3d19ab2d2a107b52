/**
 * Pairs labels with the tick marks or grid lines the chart drew, so each label's tick y is the
 * mark's y rather than a guess from its box. A chart offsets all labels of an axis from their ticks
 * the same way (centred, or drawn a few px above the grid line), so the offset most labels agree on
 * (mark y - label centre, smallest when several agree as much: evenly spaced grid lines also sit
 * one spacing away) decides; each label takes the mark at that offset. A label with none there (its
 * grid line hidden under the plot's border, or a clamped end label) without a tickY of its own gets
 * its centre plus that offset ('anchor'): right for the first, an outlier for the fit to reject for
 * the second.
 *
 * Marks come from SVG <line>s and paths (svg-path.ts), DOM borders, or a canvas tap's horizontal
 * strokes, all in viewport px.
 */
import { labelCentreY, type AxisLabel } from './axis-label';

export interface HorizontalMark {
  y: number;
  left: number;
  right: number;
}

/** How far (horizontally) a mark may end from its label by default: a grid line stops at the axis. */
const MAX_LABEL_MARK_GAP_PX = 40;

export interface PairingOptions {
  /** Farthest a mark may sit from a label's centre, px. Default 1.5 label heights, at least 12. */
  maxOffsetPx?: number;
  /** Largest horizontal gap between a label and its mark (a grid line ends at the axis), px. Default 40. */
  maxGapPx?: number;
  /** Labels agree on an offset within this, px. Default 1. */
  tolerancePx?: number;
  /** Fewest labels that must agree. Default 3, and at least half the labels. */
  minAgreeing?: number;
}

export interface Pairing<L extends AxisLabel> {
  /** The labels in the order given: paired ones carry the mark's y as tickY ('tick'), others without a tickY their centre plus the offset ('anchor'). */
  labels: L[];
  /** Mark y minus label centre that the labels agreed on; null when too few did (nothing paired). */
  offsetPx: number | null;
  paired: number;
}

/** Per label: the mark's y where paired, else the centre plus the agreed offset; all null when too few agree. */
export interface PairedTicks {
  tickYs: (number | null)[];
  paired: boolean[];
  offsetPx: number | null;
}

export function pairTickYs(labels: readonly AxisLabel[], marks: readonly HorizontalMark[], options: PairingOptions = {}): PairedTicks {
  const tolerance = options.tolerancePx ?? 1;
  const maxGap = options.maxGapPx ?? MAX_LABEL_MARK_GAP_PX;
  const none: PairedTicks = { tickYs: labels.map(() => null), paired: labels.map(() => false), offsetPx: null };
  const candidates = labels.map((label) => {
    const centre = labelCentreY(label);
    const reach = options.maxOffsetPx ?? Math.max(12, 1.5 * (label.bottom - label.top));
    return marks
      .filter((mark) => Math.abs(mark.y - centre) <= reach && Math.max(mark.left - label.right, label.left - mark.right) <= maxGap)
      .map((mark) => mark.y - centre);
  });

  // The offset most labels have a mark at (each label counted once); ties go to the smallest offset.
  let best: { offset: number; votes: number } | null = null;
  for (const offset of candidates.flat()) {
    const votes = candidates.filter((offsets) => offsets.some((other) => Math.abs(other - offset) <= tolerance)).length;
    if (!best || votes > best.votes || (votes === best.votes && Math.abs(offset) < Math.abs(best.offset))) best = { offset, votes };
  }
  const needed = Math.max(options.minAgreeing ?? 3, Math.ceil(labels.length / 2));
  if (!best || best.votes < needed) return none;

  // Refine the consensus as the mean of the agreeing offsets nearest it.
  const nearest = (offsets: number[], target: number) =>
    offsets.filter((offset) => Math.abs(offset - target) <= tolerance).sort((a, b) => Math.abs(a - target) - Math.abs(b - target))[0];
  const agreeing = candidates.map((offsets) => nearest(offsets, best.offset)).filter((offset): offset is number => offset !== undefined);
  const consensus = agreeing.reduce((sum, offset) => sum + offset, 0) / agreeing.length;

  const paired = candidates.map((offsets) => nearest(offsets, consensus) !== undefined);
  const tickYs = labels.map((label, k) => labelCentreY(label) + (nearest(candidates[k], consensus) ?? consensus));
  return { tickYs, paired, offsetPx: consensus };
}

/** A horizontal stretch of the viewport, px. */
export interface Band {
  left: number;
  right: number;
}

/**
 * Where a mark must reach to pair with any of these labels (the default gap either side of each),
 * merged where they overlap: a reader can pass over marks elsewhere (a chart's candles, its series)
 * without reading their drawing, and pairs exactly as with every mark.
 */
export function labelBands(labels: readonly AxisLabel[], gapPx = MAX_LABEL_MARK_GAP_PX): Band[] {
  const bands: Band[] = [];
  for (const label of [...labels].sort((a, b) => a.left - b.left)) {
    const band = { left: label.left - gapPx, right: label.right + gapPx };
    const last = bands[bands.length - 1];
    if (last && band.left <= last.right) last.right = Math.max(last.right, band.right);
    else bands.push(band);
  }
  return bands;
}

export function reachesBand(bands: readonly Band[], left: number, right: number): boolean {
  return bands.some((band) => right >= band.left && left <= band.right);
}

export function pairLabelsWithTicks<L extends AxisLabel>(
  labels: readonly L[],
  marks: readonly HorizontalMark[],
  options: PairingOptions = {},
): Pairing<L> {
  const { tickYs, paired, offsetPx } = pairTickYs(labels, marks, options);
  const out = labels.map((label, k) => {
    const tickY = tickYs[k];
    if (tickY === null || (!paired[k] && label.tickY !== undefined)) return label;
    return { ...label, tickY, tickSource: paired[k] ? ('tick' as const) : ('anchor' as const) };
  });
  return { labels: out, offsetPx, paired: paired.filter(Boolean).length };
}
