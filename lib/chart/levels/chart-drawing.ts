/**
 * What one chart draws, from where the chart is (its plot and price mapping), the levels pushed for it
 * and the kinds hidden on the site: today's levels placed (edge markers off range), their labels
 * stacked apart, the flip's model band as a zone, the previous session's lines, and whether the
 * levels are stale now. Pure: the view only moves elements to these numbers.
 */
import type { Levels } from '../../gex/levels';
import type { LevelDiff } from '../../gex/level-diff';
import type { PreviousLevels } from '../../gex/history';
import { priceToY, type PlotRect, type PriceMapping } from '../mapping';
import { stackLabels } from './label-layout';
import type { Hideable } from './level-kinds';
import { levelsToDraw, type LineChoice } from './level-labels';
import { placeLevels, type PlacedLevel } from './placement';
import { placePreviousLevels, type PlacedPreviousLevel } from './previous-lines';

/** The levels pushed for one chart, as far as drawing goes (the protocol's ChartLevels has these fields). */
interface ChartLevelsToDraw {
  /** Added to option-derived levels on this chart (futures basis), points. */
  basis: number;
  levels: {
    levels: Levels | null;
    diff: LevelDiff | null;
    /** Stale as the background said, or by the clock from `staleAfter` (UTC ms) on. */
    stale: boolean;
    staleAfter: number | null;
  } | null;
  previous: PreviousLevels | null;
}

/** A placed level with where its label's centre goes (viewport y), after stacking. */
export type LabelledLevel = PlacedLevel & { labelY: number };

/** A price band as a zone of the plot, viewport y. */
export interface Zone {
  low: number;
  high: number;
  top: number;
  bottom: number;
}

/** One chart's lines, placed in its own pane. */
export interface ChartDrawing {
  id: string;
  plot: PlotRect | null;
  placed: LabelledLevel[];
  /** The flip's model band as a zone of the plot, when drawn. */
  zone: Zone | null;
  stale: boolean;
  /** The previous session's lines ("prev"), inside the plot. */
  previous: PlacedPreviousLevel[];
}

export interface DrawingOptions {
  /** The line choices of the settings; null before the background answered (nothing is drawn). */
  lines: LineChoice | null;
  /** Kinds hidden from the panel on this site. */
  hidden: readonly Hideable[];
  /** A line label's height, px: labels of close lines are stacked this far apart. */
  labelHeight: number;
  now: number;
}

export function chartDrawing(
  chart: { id: string; mapping: PriceMapping | null; plot: PlotRect | null },
  pushed: ChartLevelsToDraw | null,
  { lines, hidden, labelHeight, now }: DrawingOptions,
): ChartDrawing {
  const { mapping, plot } = chart;
  const reply = pushed?.levels ?? null;
  const levels = reply?.levels ?? null;
  const basis = pushed?.basis ?? 0;
  const shown = (kind: Hideable) => !hidden.includes(kind);
  const drawable = pushed && mapping && plot && lines ? { mapping, plot, lines } : null;
  const placed =
    drawable && levels
      ? placeLevels(
          levelsToDraw(levels, reply!.diff, basis, drawable.lines).filter((level) => shown(level.kind)),
          drawable.mapping,
          drawable.plot,
          levels.spot + basis,
        )
      : [];
  // Labels of close lines stacked apart; each line stays at its exact y.
  const labelYs = plot
    ? stackLabels(
        placed.map((level) => level.drawnY),
        labelHeight,
        plot.top,
        plot.top + plot.height,
      )
    : [];
  const band = levels?.flipBand;
  const zone =
    band && mapping && plot && lines?.flipBand && lines.flip && shown('flip-band') && shown('flip')
      ? flipZone(mapping, plot, band.low + basis, band.high + basis)
      : null;
  // The previous session's flip and walls, faint beside today's (off with lines.previous or the panel's switch).
  const previous = drawable
    ? placePreviousLevels(pushed!.previous ?? null, basis, drawable.lines, hidden, drawable.mapping, drawable.plot, labelHeight)
    : [];
  return {
    id: chart.id,
    plot,
    placed: placed.map((level, index) => ({ ...level, labelY: labelYs[index] })),
    zone,
    stale: Boolean(levels && reply && staleNow(reply, now)),
    previous,
  };
}

/** A price band as a zone of the plot (clipped to it), or null when it lies wholly outside. */
function flipZone(mapping: PriceMapping, plot: PlotRect, low: number, high: number): Zone | null {
  const a = priceToY(mapping, low);
  const b = priceToY(mapping, high);
  const top = Math.max(plot.top, Math.min(a, b));
  const bottom = Math.min(plot.top + plot.height, Math.max(a, b));
  return bottom > top ? { low, high, top, bottom } : null;
}

/** Stale now: as the background said when it answered, or by the clock since (a levels reply's `stale`, `staleAfter`). */
export function staleNow(reply: { stale: boolean; staleAfter: number | null }, now: number): boolean {
  return reply.stale || (reply.staleAfter !== null && now >= reply.staleAfter);
}
