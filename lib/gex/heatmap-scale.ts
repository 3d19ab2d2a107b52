/**
 * The heatmap's colour scale maximum. The largest cell is a poor maximum: one huge node (a 0DTE strike
 * at the money, a monthly OPEX wall) would push every other cell to the neutral colour. Instead the
 * scale ends at the 95th percentile of the non-zero magnitudes: the few cells beyond it are drawn at
 * full colour (clipped, and counted so the legend can say so), the rest keep distinguishable shades.
 * Zero cells are left out of the percentile so that far strikes and empty expiries do not drag it down.
 */
import type { GridCell } from './aggregate';

export type HeatmapMeasure = 'net' | 'concentration';

/** The percentile the scale saturates at (0–1). */
export const SCALE_PERCENTILE = 0.95;

/** What a cell shows: net GEX (signed), or its concentration |call| + |put| (the absolute-gamma measure). */
export function cellValue(cell: GridCell, measure: HeatmapMeasure): number {
  return measure === 'net' ? cell.net : Math.abs(cell.call) + Math.abs(cell.put);
}

/**
 * The p-th percentile of |values| over the non-zero ones, interpolated linearly between order
 * statistics (rank p·(n−1), the common "linear" definition); 0 when every value is zero.
 */
export function percentileOfMagnitudes(values: readonly number[], p: number = SCALE_PERCENTILE): number {
  const magnitudes = values
    .map(Math.abs)
    .filter((magnitude) => magnitude > 0 && Number.isFinite(magnitude))
    .sort((a, b) => a - b);
  if (magnitudes.length === 0) return 0;
  const rank = p * (magnitudes.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(magnitudes.length - 1, below + 1);
  return magnitudes[below] + (magnitudes[above] - magnitudes[below]) * (rank - below);
}

export interface HeatmapScale {
  measure: HeatmapMeasure;
  /** The magnitude at which colour saturates. */
  max: number;
  /** Cells whose magnitude exceeds max, drawn at the end colour. */
  clipped: number;
}

export function heatmapScale(cells: readonly (readonly GridCell[])[], measure: HeatmapMeasure): HeatmapScale {
  const values = cells.flatMap((row) => row.map((cell) => cellValue(cell, measure)));
  const max = percentileOfMagnitudes(values);
  return { measure, max, clipped: values.filter((value) => Math.abs(value) > max).length };
}
