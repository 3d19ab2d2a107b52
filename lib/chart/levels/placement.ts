/**
 * Where each level goes on the chart: its y, or an edge marker when it is outside the plot; with its
 * distance from spot (as a trader reads an off-screen level: "102.8 above spot", not from the
 * viewport's edge, which changes with every zoom). Pure: the overlay only moves elements to these numbers.
 */
import { priceToY, type PlotRect, type PriceMapping } from '../mapping';
import type { LevelKind } from './level-kinds';

export interface LevelToDraw {
  kind: LevelKind;
  /** Price on the chart (the option-derived level plus any futures basis). */
  price: number;
  label: string;
}

export interface PlacedLevel extends LevelToDraw {
  /** Viewport y of the price (may be outside the plot). */
  y: number;
  /** Where the element sits: y inside the plot, clamped to the edge otherwise. */
  drawnY: number;
  edge: 'above' | 'below' | null;
  /** Distance from spot (on this chart's scale: spot plus any basis), in points and percent; null without a spot. */
  fromSpot: { points: number; percent: number } | null;
}

export function placeLevels(levels: readonly LevelToDraw[], mapping: PriceMapping, plot: PlotRect, spot: number | null): PlacedLevel[] {
  const top = plot.top;
  const bottom = plot.top + plot.height;
  return levels.map((level) => {
    const y = priceToY(mapping, level.price);
    const fromSpot = spot !== null && spot > 0 ? { points: level.price - spot, percent: ((level.price - spot) / spot) * 100 } : null;
    if (y < top) return { ...level, y, drawnY: top, edge: 'above', fromSpot };
    if (y > bottom) return { ...level, y, drawnY: bottom, edge: 'below', fromSpot };
    return { ...level, y, drawnY: y, edge: null, fromSpot };
  });
}

/** "102.8 above spot (+2.19%)": how far an off-screen level is, as a trader says it. */
export function describeFromSpot(fromSpot: { points: number; percent: number }): string {
  const side = fromSpot.points >= 0 ? 'above' : 'below';
  return `${Math.abs(fromSpot.points).toFixed(1)} ${side} spot (${fromSpot.percent >= 0 ? '+' : '−'}${Math.abs(fromSpot.percent).toFixed(2)}%)`;
}
