/**
 * Where each level goes on the chart: its y, or an edge marker with its distance when it is outside
 * the plot. Pure: the overlay only moves elements to these numbers.
 */
import { priceToY, type PlotRect, type PriceMapping } from './mapping';
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
  /** Distance from the visible range's nearest edge price, in price units (edge markers only). */
  distance: number | null;
}

export function placeLevels(levels: readonly LevelToDraw[], mapping: PriceMapping, plot: PlotRect, edgePrice: (y: number) => number): PlacedLevel[] {
  const top = plot.top;
  const bottom = plot.top + plot.height;
  return levels.map((level) => {
    const y = priceToY(mapping, level.price);
    if (y < top) return { ...level, y, drawnY: top, edge: 'above', distance: level.price - edgePrice(top) };
    if (y > bottom) return { ...level, y, drawnY: bottom, edge: 'below', distance: edgePrice(bottom) - level.price };
    return { ...level, y, drawnY: y, edge: null, distance: null };
  });
}
