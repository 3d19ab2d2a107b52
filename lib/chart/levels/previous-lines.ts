/**
 * The previous session's flip and walls as reference lines ("prev"): where yesterday's map was, beside
 * today's. They follow the same line choices as today's levels (a kind not drawn today is not drawn
 * for yesterday either), are shifted by the chart's basis like today's, and are drawn only inside the
 * plot: an off-screen reference line is clutter, not information.
 */
import type { PreviousLevels } from '../../gex/history';
import { formatSessionDate } from '../../format/time';
import { levelKind, type LevelKind } from './level-kinds';
import type { LineChoice } from './level-labels';
import { placeLevels, type LevelToDraw, type PlacedLevel } from './placement';
import type { PlotRect, PriceMapping } from '../mapping';
import { stackLabels } from './label-layout';

export interface PreviousLevelToDraw extends LevelToDraw {
  /** The session the level is from (YYYY-MM-DD). */
  session: string;
}

const KINDS: [LevelKind, 'flip' | 'callWall' | 'putWall'][] = [
  ['flip', 'flip'],
  ['call-wall', 'callWall'],
  ['put-wall', 'putWall'],
];

/** The previous session's levels to draw under the line choices, minus the kinds hidden on this site. */
export function previousLevelsToDraw(
  previous: PreviousLevels | null,
  basis: number,
  lines: LineChoice,
  hidden: readonly string[] = [],
): PreviousLevelToDraw[] {
  if (!previous || !lines.previous || hidden.includes('previous')) return [];
  const date = formatSessionDate(previous.session).replace(/^\w+ /, '');
  const out: PreviousLevelToDraw[] = [];
  for (const [kind, setting] of KINDS) {
    const value = previous[setting];
    if (value === null || !lines[setting] || hidden.includes(kind)) continue;
    const price = value + basis;
    out.push({ kind, price, session: previous.session, label: `prev ${levelKind(kind).short} ${price.toFixed(1)} · ${date}` });
  }
  return out;
}

/** Only the previous levels inside the plot are drawn. */
function insidePlot<T extends PlacedLevel>(placed: readonly T[]): T[] {
  return placed.filter((level) => level.edge === null);
}

/** A previous level placed on the plot, with its label's centre after stacking. */
export type PlacedPreviousLevel = PlacedLevel & PreviousLevelToDraw & { labelY: number };

/**
 * The previous session's lines of one chart, placed: inside the plot only, labels stacked among
 * themselves (they sit at the left end of their lines, clear of today's labels at the right end).
 */
export function placePreviousLevels(
  previous: PreviousLevels | null,
  basis: number,
  lines: LineChoice,
  hidden: readonly string[],
  mapping: PriceMapping,
  plot: PlotRect,
  labelHeight: number,
): PlacedPreviousLevel[] {
  const drawn = insidePlot(
    placeLevels(previousLevelsToDraw(previous, basis, lines, hidden), mapping, plot, null) as (PlacedLevel & PreviousLevelToDraw)[],
  );
  const labelYs = stackLabels(
    drawn.map((level) => level.drawnY),
    labelHeight,
    plot.top,
    plot.top + plot.height,
  );
  return drawn.map((level, index) => ({ ...level, labelY: labelYs[index] }));
}
