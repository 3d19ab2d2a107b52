/**
 * Following a price axis already found, frame to frame. While a chart pans or zooms, its price axis
 * stays the same column of labels with new texts at new places; finding it again from nothing (every
 * column, every scale, every tick mark, all scored) is the full read, and costs several times this.
 * Following refits that one column — its edge, its scale kind and direction, its number convention —
 * with the tick-to-label offset the full read measured (from the chart's own tick marks, or the text's
 * anchor), and passes the same checks a full read does. When the labels no longer fit that way it
 * answers null, and the caller reads in full.
 */
import { labelCentreY, type AxisLabel } from './axis-label';
import { fitOneAxis, type ColumnFit, type ColumnFitOptions, type NumericLabel } from './axis-line-fit';
import type { ColumnAlign } from './label-columns';
import type { ScaleKind } from '../mapping';
import { readTickText } from './tick-text';

export interface ColumnTrack {
  align: ColumnAlign;
  /** The column's aligned edge (right, left or centre of its labels), viewport px. */
  edge: number;
  kind: ScaleKind;
  inverted: boolean;
  decimalComma: boolean;
  /** Tick y minus the label box's centre, as the full read found it (median over its ticks), px. */
  centreOffsetPx: number;
  /** Where the axis's labels may be: its ticks' stretch and two tick spacings beyond, viewport px. */
  top: number;
  bottom: number;
  /** The full read's share of ticks with numbers beside their rows (kept for ranking). */
  rowMateShare: number;
  /** 'box' when the full read had only label boxes (an offset from the ticks could not be seen), else 'anchor'. */
  tickSource: 'anchor' | 'box';
}

/**
 * How long a full read may stand for the reads that follow it; then the caller reads in full again
 * (the page may have changed more than its axis: another column, new tick marks).
 */
export const FOLLOW_AT_MOST_MS = 400;

/** Labels whose aligned edge is within this of the tracked edge are the column's. */
const EDGE_TOLERANCE_PX = 3;

function edgeOf(label: AxisLabel, align: ColumnAlign): number {
  return align === 'center' ? (label.left + label.right) / 2 : label[align];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** What following needs from a full read's fit. */
export function trackOf(fit: ColumnFit<AxisLabel>): ColumnTrack {
  const reach = 2 * Math.max(fit.tickSpacingPx, 10);
  return {
    align: fit.align,
    edge: median(fit.ticks.map((tick) => edgeOf(tick.label, fit.align))),
    kind: fit.kind,
    inverted: fit.inverted,
    decimalComma: fit.decimalComma,
    centreOffsetPx: median(fit.ticks.map((tick) => tick.y - labelCentreY(tick.label))),
    top: fit.ticks[0].y - reach,
    bottom: fit.ticks[fit.ticks.length - 1].y + reach,
    rowMateShare: fit.rowMateShare,
    tickSource: fit.tickSource === 'box' ? 'box' : 'anchor',
  };
}

/** The tracked column refitted on these labels, or null when it no longer reads as that axis. */
export function followColumn<L extends AxisLabel>(
  labels: readonly L[],
  track: ColumnTrack,
  options: ColumnFitOptions = {},
): ColumnFit<L> | null {
  const members: NumericLabel<L>[] = [];
  for (const label of labels) {
    if (Math.abs(edgeOf(label, track.align) - track.edge) > EDGE_TOLERANCE_PX) continue;
    const y = labelCentreY(label) + track.centreOffsetPx;
    if (y < track.top || y > track.bottom) continue;
    const reading = readTickText(label.text);
    if (!reading.ok) continue;
    const value = track.decimalComma ? (reading.alternative ?? reading.value) : reading.value;
    // The same text twice at one place (a shadow, a double render) is one label.
    if (members.some((kept) => kept.value === value && Math.abs(kept.y - y) <= 1)) continue;
    members.push({ label, value, convention: reading.convention, y, source: track.tickSource });
  }
  if (members.length < (options.minTicks ?? 3)) return null;
  const attempt = fitOneAxis(members, track.align, track.decimalComma, options, { kind: track.kind, inverted: track.inverted });
  if (!attempt?.fit) return null;
  return { ...attempt.fit, rowMateShare: track.rowMateShare };
}
